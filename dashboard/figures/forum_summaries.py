"""The forum comparison's charts in words (their text alternatives).

One function per figure of ``dashboard.figures.forums``, each reading the same
``data.forum_indicators.compare`` result the figure is drawn from: a lead
naming what is compared, then one clause per forum (a forum with nothing
recorded says so, as its column does).
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.forums import follows_text, reference_text, since_last_text
from dashboard.i18n import add, fmt_date, fmt_list, fmt_number, fmt_percent, t, vocab_label
from data.vocab import FORUM_MAX_GAP_DAYS, MEMBERSHIP_ROLES

add(
    {
        "forums.chart_sum.members": {"es": "Puestos en cada foro: {forums}.", "en": "Seats on each forum: {forums}."},
        "forums.chart_sum.members_one": {
            "es": "{seats} puestos ({roles}; {types})",
            "en": "{seats} seats ({roles}; {types})",
        },
        "forums.chart_sum.composition": {
            "es": "Organizaciones miembro no gubernamentales y rotación anual de miembros: {forums}.",
            "en": "Non-government member organizations and yearly member turnover: {forums}.",
        },
        "forums.chart_sum.composition_one": {
            "es": "{share} no gubernamentales, rotación {rate} al año (altas: {joined}, bajas: {left})",
            "en": "{share} non-government, turnover {rate} a year (joined: {joined}, left: {left})",
        },
        "forums.chart_sum.cumulative": {"es": "Sesiones realizadas: {forums}.", "en": "Meetings held: {forums}."},
        "forums.chart_sum.cumulative_one": {
            "es": "{meetings} desde su creación el {created} ({per_year} al año), {reference}",
            "en": "{meetings} since it was created on {created} ({per_year} a year), {reference}",
        },
        "forums.chart_sum.gaps": {
            "es": "Días sin sesionar, frente al máximo OGP de {days} días: {forums}.",
            "en": "Days without a meeting, against OGP's maximum of {days} days: {forums}.",
        },
        "forums.chart_sum.gaps_one": {
            "es": "intervalo más largo {longest} días, {breaches} por encima del máximo, {since}",
            "en": "longest interval {longest} days, {breaches} over the maximum, {since}",
        },
        "forums.chart_sum.attendance": {
            "es": "Personas presentes por sesión: {forums}.",
            "en": "People present per meeting: {forums}.",
        },
        "forums.chart_sum.attendance_one": {
            "es": "{meetings} sesiones, {mean} personas en promedio, máximo {top} el {date}",
            "en": "{meetings} meetings, {mean} people on average, most {top} on {date}",
        },
        "forums.chart_sum.rate": {
            "es": "Organizaciones miembro presentes en cada sesión: {forums}.",
            "en": "Member organizations present at each meeting: {forums}.",
        },
        "forums.chart_sum.rate_one": {
            "es": "promedio {mean} en {meetings} sesiones (de {low} a {high})",
            "en": "average {mean} over {meetings} meetings (from {low} to {high})",
        },
        "forums.chart_sum.agreements": {"es": "Acuerdos adoptados: {forums}.", "en": "Agreements reached: {forums}."},
        "forums.chart_sum.agreements_one": {
            "es": "{total} en {recorded} sesiones con registro, {mean} por sesión en promedio",
            "en": "{total} in {recorded} meetings with a record, {mean} a meeting on average",
        },
        "forums.chart_sum.progress": {
            "es": "Avance de los hitos de los compromisos que sigue cada foro: {forums}.",
            "en": "Progress of the milestones of the commitments each forum follows: {forums}.",
        },
        "forums.chart_sum.progress_one": {
            "es": "{follows}; al {date}, avance reportado {progress} frente a {expected} esperado",
            "en": "{follows}; on {date}, reported progress {progress} against {expected} expected",
        },
        "forums.chart_sum.no_data": {"es": "sin datos registrados", "en": "no data recorded"},
    }
)


def _forums(comparison: dict, lang: str, frame: pd.DataFrame | None, clause) -> str:
    """``name: clause`` for each forum compared; without rows in ``frame``, "no data"."""
    # One grouping for all forums, not one boolean filter per forum.
    groups = {} if frame is None else dict(tuple(frame.groupby("forum", sort=False)))
    parts = []
    for forum in comparison["forums"].itertuples(index=False):
        mine = None if frame is None else groups.get(forum.code, frame.iloc[:0])
        text = t("forums.chart_sum.no_data", lang) if mine is not None and mine.empty else clause(forum, mine)
        parts.append(f"{forum.name}: {text}")
    return fmt_list(parts, lang)


def _counts(values: pd.Series, vocabulary: str, lang: str) -> str:
    """``Sociedad civil 6, Gobierno 5``: a count per category, largest first."""
    ordered = values[values > 0].sort_values(ascending=False, kind="stable")
    return ", ".join(f"{vocab_label(vocabulary, k, lang)} {fmt_number(int(n), lang)}" for k, n in ordered.items())


def members_summary(comparison: dict, lang: str) -> str:
    def clause(forum, mine):
        roles = mine.groupby("role")["seats"].sum().reindex(list(MEMBERSHIP_ROLES), fill_value=0)
        return t(
            "forums.chart_sum.members_one",
            lang,
            seats=fmt_number(int(mine["seats"].sum()), lang),
            roles=_counts(roles, "role", lang),
            types=_counts(mine.groupby("stakeholder_type")["seats"].sum(), "stakeholder", lang),
        )

    return t("forums.chart_sum.members", lang, forums=_forums(comparison, lang, comparison["members"], clause))


def composition_summary(comparison: dict, lang: str) -> str:
    def clause(forum, _):
        return t(
            "forums.chart_sum.composition_one",
            lang,
            share=fmt_percent(forum.non_government, lang),
            rate=fmt_percent(forum.turnover, lang),
            joined=fmt_number(forum.joined, lang),
            left=fmt_number(forum.left, lang),
        )

    return t("forums.chart_sum.composition", lang, forums=_forums(comparison, lang, None, clause))


def cumulative_summary(comparison: dict, lang: str) -> str:
    def clause(forum, _):
        return t(
            "forums.chart_sum.cumulative_one",
            lang,
            meetings=fmt_number(forum.meetings, lang),
            created=fmt_date(forum.created, lang),
            per_year=fmt_number(forum.meetings_per_year, lang, 1),
            reference=reference_text(forum, lang),
        )

    return t("forums.chart_sum.cumulative", lang, forums=_forums(comparison, lang, None, clause))


def gaps_summary(comparison: dict, lang: str) -> str:
    def clause(forum, _):
        return t(
            "forums.chart_sum.gaps_one",
            lang,
            longest=fmt_number(forum.longest_gap, lang),
            breaches=fmt_number(forum.breaches, lang),
            since=since_last_text(forum, lang).replace("<br>", ", "),
        )

    return t(
        "forums.chart_sum.gaps",
        lang,
        days=FORUM_MAX_GAP_DAYS,
        forums=_forums(comparison, lang, comparison["gaps"], clause),
    )


def attendance_summary(comparison: dict, lang: str) -> str:
    attendance = comparison["attendance"]

    def clause(forum, mine):
        per_meeting = mine.groupby(["meeting_id", "date"])["persons"].sum().reset_index()
        top = per_meeting.loc[per_meeting["persons"].idxmax()]
        return t(
            "forums.chart_sum.attendance_one",
            lang,
            meetings=fmt_number(len(per_meeting), lang),
            mean=fmt_number(float(per_meeting["persons"].mean()), lang, 1),
            top=fmt_number(int(top["persons"]), lang),
            date=fmt_date(top["date"], lang),
        )

    return t("forums.chart_sum.attendance", lang, forums=_forums(comparison, lang, attendance, clause))


def rate_summary(comparison: dict, lang: str) -> str:
    def clause(forum, mine):
        rates = mine["rate"].astype(float)
        return t(
            "forums.chart_sum.rate_one",
            lang,
            mean=fmt_percent(forum.attendance_rate, lang),
            meetings=fmt_number(int(rates.notna().sum()), lang),
            low=fmt_percent(rates.min(), lang),
            high=fmt_percent(rates.max(), lang),
        )

    return t("forums.chart_sum.rate", lang, forums=_forums(comparison, lang, comparison["rates"], clause))


def agreements_summary(comparison: dict, lang: str) -> str:
    def clause(forum, mine):
        recorded = int(pd.to_numeric(mine["agreements"], errors="coerce").notna().sum())
        return t(
            "forums.chart_sum.agreements_one",
            lang,
            total=fmt_number(forum.agreements_total, lang),
            recorded=fmt_number(recorded, lang),
            mean=fmt_number(forum.agreements_mean, lang, 1),
        )

    return t("forums.chart_sum.agreements", lang, forums=_forums(comparison, lang, comparison["meetings"], clause))


def progress_summary(comparison: dict, lang: str) -> str:
    def clause(forum, mine):
        last = mine.sort_values("date", kind="stable").iloc[-1]
        return t(
            "forums.chart_sum.progress_one",
            lang,
            follows=follows_text(forum, lang),
            date=fmt_date(last["date"], lang),
            progress=fmt_percent(float(last["progress"]), lang),
            expected=fmt_percent(float(last["expected"]), lang),
        )

    return t("forums.chart_sum.progress", lang, forums=_forums(comparison, lang, comparison["progress"], clause))
