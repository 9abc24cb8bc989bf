"""Tables of the forum comparison: the side-by-side summary, and one forum's
meetings and members.  Plain HTML tables (readable on a projector, copyable);
every number formatted for the language."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.common import table_region
from dashboard.figures.forums import reference_text
from dashboard.i18n import add, fmt_date, fmt_number, fmt_percent, t, vocab_label
from data.missing import is_missing
from data.vocab import FORUM_MAX_GAP_DAYS

add(
    {
        "forums.sum.indicator": {"es": "Indicador", "en": "Indicator"},
        "forums.sum.kind": {"es": "Tipo y periodo", "en": "Kind and period"},
        "forums.sum.period": {"es": "{kind} · {start} – {end}", "en": "{kind} · {start} – {end}"},
        "forums.sum.open_end": {"es": "sigue activo", "en": "still active"},
        "forums.sum.members": {"es": "Organizaciones miembro", "en": "Member organizations"},
        "forums.sum.members_value": {
            "es": "{n} · puestos: {titular} titulares, {suplente} suplentes",
            "en": "{n} · seats: {titular} titular, {suplente} suplente",
        },
        "forums.sum.non_government": {"es": "No gubernamentales", "en": "Non-government"},
        "forums.sum.turnover": {"es": "Rotación de miembros", "en": "Member turnover"},
        "forums.sum.turnover_value": {
            "es": "{rate} al año (altas: {joined}, bajas: {left})",
            "en": "{rate} a year (joined: {joined}, left: {left})",
        },
        "forums.sum.meetings": {"es": "Sesiones realizadas", "en": "Meetings held"},
        "forums.sum.meetings_value": {"es": "{n} ({rate} al año)", "en": "{n} ({rate} a year)"},
        "forums.sum.since_last": {"es": "Días desde la última sesión", "en": "Days since the last meeting"},
        "forums.sum.since_last_closed": {"es": "{days} (al cierre)", "en": "{days} (at its close)"},
        "forums.sum.never_met": {"es": "Ninguna sesión registrada", "en": "No meeting recorded"},
        "forums.sum.breaches": {
            "es": "Intervalos de más de {days} días",
            "en": "Intervals over {days} days",
        },
        "forums.sum.breach_flag": {
            "es": "⚠ {n} (el más largo: {longest} días)",
            "en": "⚠ {n} (longest: {longest} days)",
        },
        "forums.sum.breach_none": {"es": "✓ Ninguno", "en": "✓ None"},
        "forums.sum.over_limit": {"es": "⚠ {days}: supera 180", "en": "⚠ {days}: over 180"},
        "forums.sum.attendance": {"es": "Asistencia media de miembros", "en": "Average member attendance"},
        "forums.sum.agreements": {"es": "Acuerdos por sesión", "en": "Agreements per meeting"},
        "forums.sum.agreements_value": {"es": "{mean} ({total} en total)", "en": "{mean} ({total} in all)"},
        "forums.sum.answered": {"es": "Aportes respondidos", "en": "Contributions answered"},
        "forums.sum.answered_value": {
            "es": "{share} ({answered} de {received})",
            "en": "{share} ({answered} of {received})",
        },
        "forums.sum.progress": {
            "es": "Avance de los compromisos que sigue",
            "en": "Progress of the commitments it follows",
        },
        "forums.sum.progress_value": {
            "es": "{progress} · {late} de {milestones} hitos atrasados hoy",
            "en": "{progress} · {late} of {milestones} milestones late today",
        },
        "forums.sum.none": {"es": "Sin datos", "en": "No data"},
        "forums.tbl.date": {"es": "Fecha", "en": "Date"},
        "forums.tbl.kind": {"es": "Tipo de sesión", "en": "Kind of meeting"},
        "forums.tbl.persons": {"es": "Personas", "en": "People"},
        "forums.tbl.organizations": {"es": "Organizaciones presentes", "en": "Organizations present"},
        "forums.tbl.members_present": {"es": "Miembros presentes", "en": "Members present"},
        "forums.tbl.members_present_value": {
            "es": "{present} de {members} ({rate})",
            "en": "{present} of {members} ({rate})",
        },
        "forums.tbl.agreements": {"es": "Acuerdos", "en": "Agreements"},
        "forums.tbl.minutes": {"es": "Acta", "en": "Minutes"},
        "forums.tbl.minutes_link": {"es": "Ver acta", "en": "Open minutes"},
        "forums.tbl.minutes_link_label": {
            "es": "Acta de la sesión del {date} (abre otra pestaña)",
            "en": "Minutes of the meeting of {date} (opens a new tab)",
        },
        "forums.tbl.no_minutes": {"es": "Acta no publicada", "en": "No minutes published"},
        "forums.tbl.not_recorded": {"es": "no registrado", "en": "not recorded"},
        "forums.tbl.organization": {"es": "Organización", "en": "Organization"},
        "forums.tbl.stakeholder": {"es": "Tipo de actor", "en": "Stakeholder type"},
        "forums.tbl.role": {"es": "Rol", "en": "Role"},
        "forums.tbl.term": {"es": "Periodo", "en": "Term"},
        "forums.tbl.term_open": {"es": "{start} – vigente", "en": "{start} – current"},
        "forums.tbl.current": {"es": "Vigente", "en": "Current"},
        "forums.tbl.past": {"es": "Anterior", "en": "Past"},
        "forums.tbl.status": {"es": "Estado", "en": "Status"},
        "forums.tbl.meetings_caption": {
            "es": "Sesiones de {forum}, de la más reciente a la más antigua",
            "en": "Meetings of {forum}, newest first",
        },
        "forums.tbl.members_caption": {
            "es": "Miembros de {forum}: primero los vigentes al {date}",
            "en": "Members of {forum}: current on {date} first",
        },
    }
)


def _flag(text: str, bad: bool) -> dict:
    """A flagged cell as data (drawn by ``_cell``), so the summary's cells can be cached."""
    return {"flag": text, "bad": bad}


def _cell(value):
    if isinstance(value, dict):
        return html.Span(
            value["flag"], className="forum-flag " + ("forum-flag-bad" if value["bad"] else "forum-flag-ok")
        )
    return value


def _summary_cells(f, lang: str) -> list:
    """The summary's values for one forum, in the order of ``SUMMARY_ROWS``."""
    none = t("forums.sum.none", lang)
    end = fmt_date(f.ended, lang) if not is_missing(f.ended) else t("forums.sum.open_end", lang)
    if is_missing(f.days_since_last):
        since = t("forums.sum.never_met", lang)
    else:
        days = fmt_number(f.days_since_last, lang)
        over = f.days_since_last > FORUM_MAX_GAP_DAYS
        text = t("forums.sum.over_limit", lang, days=days) if over else days
        since = _flag(t("forums.sum.since_last_closed", lang, days=text) if f.closed else text, over)
    if is_missing(f.longest_gap):  # no creation date and no meeting: nothing to check
        breaches = none
    elif f.breaches:
        breaches = _flag(
            t("forums.sum.breach_flag", lang, n=fmt_number(f.breaches, lang), longest=fmt_number(f.longest_gap, lang)),
            True,
        )
    else:
        breaches = _flag(t("forums.sum.breach_none", lang), False)
    return [
        t(
            "forums.sum.period",
            lang,
            kind=vocab_label("forum_kind", f.kind, lang),
            start=fmt_date(f.created, lang),
            end=end,
        ),
        t(
            "forums.sum.members_value",
            lang,
            n=fmt_number(f.members, lang),
            titular=fmt_number(f.titular, lang),
            suplente=fmt_number(f.suplente, lang),
        ),
        fmt_percent(f.non_government, lang) if not is_missing(f.non_government) else none,
        t(
            "forums.sum.turnover_value",
            lang,
            rate=fmt_percent(f.turnover, lang),
            joined=fmt_number(f.joined, lang),
            left=fmt_number(f.left, lang),
        )
        if not is_missing(f.turnover)
        else none,
        t(
            "forums.sum.meetings_value",
            lang,
            n=fmt_number(f.meetings, lang),
            rate=fmt_number(f.meetings_per_year, lang, 1),
        ),
        since,
        breaches,
        fmt_percent(f.attendance_rate, lang) if not is_missing(f.attendance_rate) else none,
        t(
            "forums.sum.agreements_value",
            lang,
            mean=fmt_number(f.agreements_mean, lang, 1),
            total=fmt_number(f.agreements_total, lang),
        )
        if not is_missing(f.agreements_mean)
        else none,
        t(
            "forums.sum.answered_value",
            lang,
            share=fmt_percent(f.answered_share, lang),
            answered=fmt_number(f.answered, lang),
            received=fmt_number(f.received, lang),
        )
        if f.received
        else none,
        t(
            "forums.sum.progress_value",
            lang,
            progress=fmt_percent(f.progress, lang),
            late=fmt_number(f.late, lang),
            milestones=fmt_number(f.milestones, lang),
        )
        if f.milestones
        else none,
    ]


def _summary_labels(lang: str) -> list[str]:
    return [
        t("forums.sum.kind", lang),
        t("forums.sum.members", lang),
        t("forums.sum.non_government", lang),
        t("forums.sum.turnover", lang),
        t("forums.sum.meetings", lang),
        t("forums.sum.since_last", lang),
        t("forums.sum.breaches", lang, days=FORUM_MAX_GAP_DAYS),
        t("forums.sum.attendance", lang),
        t("forums.sum.agreements", lang),
        t("forums.sum.answered", lang),
        t("forums.sum.progress", lang),
    ]


def summary_data(comparison: dict, lang: str) -> dict:
    """The summary table as data: each forum's name and reference, and its
    cells (text, or ``{"flag": text, "bad": bool}``) in the order of the labels."""
    forums = comparison["forums"]
    records = list(forums.itertuples(index=False))
    return {
        "forums": [[f.name, reference_text(f, lang)] for f in records],
        "columns": [_summary_cells(f, lang) for f in records],
    }


def summary_table_view(data: dict, lang: str) -> html.Div:
    """Indicators in rows, forums in columns: the comparison at a glance, drawn from ``summary_data``."""
    head = html.Thead(
        html.Tr(
            [html.Th(t("forums.sum.indicator", lang), scope="col")]
            + [
                html.Th([name, html.Br(), html.Small(when, className="forum-when")], scope="col")
                for name, when in data["forums"]
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr([html.Th(label, scope="row")] + [html.Td(_cell(col[k])) for col in data["columns"]])
            for k, label in enumerate(_summary_labels(lang))
        ]
    )
    return table_region(
        html.Table([head, body], className="table forum-table forum-summary"), t("forums.sec.summary", lang)
    )


def summary_table(comparison: dict, lang: str) -> html.Div:
    """Indicators in rows, forums in columns: the comparison at a glance."""
    return summary_table_view(summary_data(comparison, lang), lang)


def _minutes(url, date, lang: str):
    """A link only to a real web address: anything else is not a link."""
    if isinstance(url, str) and url.strip().lower().startswith(("https://", "http://")):
        return html.A(
            t("forums.tbl.minutes_link", lang),
            href=url.strip(),
            target="_blank",
            rel="noopener noreferrer",
            title=t("forums.tbl.minutes_link_label", lang, date=fmt_date(date, lang)),
        )
    return html.Span(t("forums.tbl.no_minutes", lang), className="text-muted")


def meetings_table(rows: pd.DataFrame, forum_name: str, lang: str) -> html.Div:
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(k, lang), scope="col")
                for k in (
                    "forums.tbl.date",
                    "forums.tbl.kind",
                    "forums.tbl.persons",
                    "forums.tbl.organizations",
                    "forums.tbl.members_present",
                    "forums.tbl.agreements",
                    "forums.tbl.minutes",
                )
            ]
        )
    )
    body = []
    for r in rows.itertuples(index=False):
        members = (
            t(
                "forums.tbl.members_present_value",
                lang,
                present=fmt_number(r.present, lang),
                members=fmt_number(r.members, lang),
                rate=fmt_percent(r.rate, lang),
            )
            if r.members
            else "—"
        )
        agreements = (
            fmt_number(r.agreements, lang) if not is_missing(r.agreements) else t("forums.tbl.not_recorded", lang)
        )
        body.append(
            html.Tr(
                [
                    html.Td(fmt_date(r.date, lang), className="text-nowrap"),
                    html.Td(vocab_label("meeting_kind", r.kind, lang)),
                    html.Td(fmt_number(r.persons, lang), className="num"),
                    html.Td(fmt_number(r.organizations, lang), className="num"),
                    html.Td(members),
                    html.Td(agreements, className="num"),
                    html.Td(_minutes(r.minutes_url, r.date, lang)),
                ]
            )
        )
    caption = html.Caption(t("forums.tbl.meetings_caption", lang, forum=forum_name))
    return table_region(
        html.Table([caption, head, html.Tbody(body)], className="table forum-table forum-meetings"),
        t("forums.tbl.meetings_caption", lang, forum=forum_name),
        "table-responsive forum-scroll",
    )


def members_table(rows: pd.DataFrame, forum_name: str, reference, lang: str) -> html.Div:
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(k, lang), scope="col")
                for k in (
                    "forums.tbl.organization",
                    "forums.tbl.stakeholder",
                    "forums.tbl.role",
                    "forums.tbl.term",
                    "forums.tbl.status",
                )
            ]
        )
    )
    body = []
    for r in rows.itertuples(index=False):
        start = fmt_date(r.term_start, lang)
        term = (
            f"{start} – {fmt_date(r.term_end, lang)}"
            if not is_missing(r.term_end)
            else t("forums.tbl.term_open", lang, start=start)
        )
        body.append(
            html.Tr(
                [
                    html.Td(r.organization),
                    html.Td(vocab_label("stakeholder", r.stakeholder_type, lang)),
                    html.Td(vocab_label("role", r.role, lang)),
                    html.Td(term, className="text-nowrap"),
                    html.Td(t("forums.tbl.current" if r.current else "forums.tbl.past", lang)),
                ],
                className="" if r.current else "forum-past",
            )
        )
    label = t("forums.tbl.members_caption", lang, forum=forum_name, date=fmt_date(reference, lang))
    return table_region(
        html.Table([html.Caption(label), head, html.Tbody(body)], className="table forum-table forum-members"),
        label,
        "table-responsive forum-scroll",
    )
