"""The forum page's tables as data: the comparison at a glance (indicators in
rows, one column per forum, as on screen, each combined cell split into plain
numbers), and one forum's meetings and members."""

from __future__ import annotations

import pandas as pd

from dashboard.components import forum_tables  # noqa: F401  the tables' headers (forums.tbl.*, forums.sum.*)
from dashboard.export_files import ExportTable
from dashboard.i18n import add, t, vocab_label
from data.vocab import FORUM_MAX_GAP_DAYS

add(
    {
        "export.forums.summary": {"es": "Resumen comparativo de los foros", "en": "Forum comparison at a glance"},
        "export.forums.summary_file": {"es": "resumen-comparativo", "en": "comparison"},
        "export.forums.meetings": {"es": "Sesiones de {forum}", "en": "Meetings of {forum}"},
        "export.forums.meetings_file": {"es": "sesiones", "en": "meetings"},
        "export.forums.members": {"es": "Miembros de {forum}", "en": "Members of {forum}"},
        "export.forums.members_file": {"es": "miembros", "en": "members"},
        "export.forums.code": {"es": "Código", "en": "Code"},
        "export.forums.kind": {"es": "Tipo de foro", "en": "Kind of forum"},
        "export.forums.created": {"es": "Creado", "en": "Created"},
        "export.forums.ended": {"es": "Cerrado", "en": "Ended"},
        "export.forums.reference": {"es": "Cifras al", "en": "Figures as of"},
        "export.forums.titular": {"es": "Puestos titulares", "en": "Titular seats"},
        "export.forums.suplente": {"es": "Puestos suplentes", "en": "Suplente (alternate) seats"},
        "export.forums.non_government": {"es": "No gubernamentales (%)", "en": "Non-government (%)"},
        "export.forums.turnover": {"es": "Rotación de miembros al año (%)", "en": "Member turnover a year (%)"},
        "export.forums.joined": {"es": "Organizaciones que entraron", "en": "Organizations that joined"},
        "export.forums.left": {"es": "Organizaciones que salieron", "en": "Organizations that left"},
        "export.forums.per_year": {"es": "Sesiones al año", "en": "Meetings a year"},
        "export.forums.longest": {
            "es": "Intervalo más largo sin sesiones (días)",
            "en": "Longest interval without meetings (days)",
        },
        "export.forums.attendance": {"es": "Asistencia media de miembros (%)", "en": "Average member attendance (%)"},
        "export.forums.agreements_mean": {"es": "Acuerdos por sesión", "en": "Agreements per meeting"},
        "export.forums.agreements_total": {"es": "Acuerdos en total", "en": "Agreements in all"},
        "export.forums.received": {"es": "Aportes recibidos", "en": "Contributions received"},
        "export.forums.answered": {"es": "Aportes respondidos", "en": "Contributions answered"},
        "export.forums.answered_share": {"es": "Aportes respondidos (%)", "en": "Contributions answered (%)"},
        "export.forums.progress": {
            "es": "Avance de los compromisos que sigue (%)",
            "en": "Progress of the commitments it follows (%)",
        },
        "export.forums.milestones": {"es": "Hitos de esos compromisos", "en": "Milestones of those commitments"},
        "export.forums.late": {"es": "Hitos atrasados hoy", "en": "Milestones late today"},
        "export.forums.member_orgs": {"es": "Organizaciones miembro ese día", "en": "Member organizations that day"},
        "export.forums.rate": {"es": "Asistencia de miembros (%)", "en": "Member attendance (%)"},
        "export.forums.minutes": {"es": "Acta (enlace)", "en": "Minutes (link)"},
        "export.forums.term_start": {"es": "Inicio del periodo", "en": "Term start"},
        "export.forums.term_end": {"es": "Fin del periodo", "en": "Term end"},
    }
)


def _value(value, decimals: int | None = None):
    if value is None or (isinstance(value, float) and value != value) or pd.isna(value):
        return None
    if decimals is not None:
        return round(float(value), decimals)
    return int(value) if isinstance(value, (int, float)) and float(value).is_integer() else value


# (label, forum attribute, decimals) in the order of the table on screen.
SUMMARY_ROWS = (
    ("export.forums.code", "code", None),
    ("export.forums.kind", "kind", None),
    ("export.forums.created", "created", None),
    ("export.forums.ended", "ended", None),
    ("export.forums.reference", "reference", None),
    ("forums.sum.members", "members", None),
    ("export.forums.titular", "titular", None),
    ("export.forums.suplente", "suplente", None),
    ("export.forums.non_government", "non_government", 1),
    ("export.forums.turnover", "turnover", 1),
    ("export.forums.joined", "joined", None),
    ("export.forums.left", "left", None),
    ("forums.sum.meetings", "meetings", None),
    ("export.forums.per_year", "meetings_per_year", 1),
    ("forums.sum.since_last", "days_since_last", None),
    ("forums.sum.breaches", "breaches", None),
    ("export.forums.longest", "longest_gap", None),
    ("export.forums.attendance", "attendance_rate", 1),
    ("export.forums.agreements_mean", "agreements_mean", 1),
    ("export.forums.agreements_total", "agreements_total", None),
    ("export.forums.received", "received", None),
    ("export.forums.answered", "answered", None),
    ("export.forums.answered_share", "answered_share", 1),
    ("export.forums.progress", "progress", 1),
    ("export.forums.milestones", "milestones", None),
    ("export.forums.late", "late", None),
)


def _summary_value(forum, attribute: str, decimals: int | None, lang: str):
    value = getattr(forum, attribute)
    if attribute == "kind":
        return vocab_label("forum_kind", value, lang)
    return value if attribute == "code" else _value(value, decimals)


def summary_table(comparison: dict, lang: str) -> ExportTable:
    """Indicators in rows, one column per forum (data.forum_indicators.compare's ``forums``)."""
    forums = list(comparison["forums"].itertuples(index=False))
    columns = [t("forums.sum.indicator", lang), *(f.name for f in forums)]
    rows = [
        [t(key, lang, days=FORUM_MAX_GAP_DAYS), *(_summary_value(f, attribute, decimals, lang) for f in forums)]
        for key, attribute, decimals in SUMMARY_ROWS
    ]
    return ExportTable(
        view="forums",
        name="forums-summary",
        title=t("export.forums.summary", lang),
        lang=lang,
        file_title=t("export.forums.summary_file", lang),
        columns=columns,
        rows=rows,
        params={"forums": [f.code for f in forums]},
        sample=any(comparison["sample"].values()),
    )


def meetings_table(rows: pd.DataFrame, code: str, name: str, lang: str, sample: bool) -> ExportTable:
    """One forum's meetings, newest first (data.forum_indicators.meeting_table)."""
    columns = [
        t(k, lang)
        for k in (
            "forums.tbl.date",
            "forums.tbl.kind",
            "forums.tbl.persons",
            "forums.tbl.organizations",
            "forums.tbl.members_present",
            "export.forums.member_orgs",
            "export.forums.rate",
            "forums.tbl.agreements",
            "export.forums.minutes",
        )
    ]
    data = [
        [
            _value(r.date),
            vocab_label("meeting_kind", r.kind, lang),
            _value(r.persons),
            _value(r.organizations),
            _value(r.present),
            _value(r.members),
            _value(r.rate, 1),
            _value(r.agreements),
            r.minutes_url if isinstance(r.minutes_url, str) else None,
        ]
        for r in rows.itertuples(index=False)
    ]
    return ExportTable(
        view="forums",
        name="forums-meetings",
        title=t("export.forums.meetings", lang, forum=name),
        lang=lang,
        file_title=t("export.forums.meetings_file", lang),
        columns=columns,
        rows=data,
        params={"forum": code},
        sample=sample,
    )


def members_table(rows: pd.DataFrame, code: str, name: str, lang: str, sample: bool) -> ExportTable:
    """One forum's memberships, current ones first (data.forum_indicators.member_table)."""
    columns = [
        t(k, lang)
        for k in (
            "forums.tbl.organization",
            "forums.tbl.stakeholder",
            "forums.tbl.role",
            "export.forums.term_start",
            "export.forums.term_end",
            "forums.tbl.status",
        )
    ]
    data = [
        [
            r.organization,
            vocab_label("stakeholder", r.stakeholder_type, lang),
            vocab_label("role", r.role, lang),
            _value(r.term_start),
            _value(r.term_end),
            t("forums.tbl.current" if r.current else "forums.tbl.past", lang),
        ]
        for r in rows.itertuples(index=False)
    ]
    return ExportTable(
        view="forums",
        name="forums-members",
        title=t("export.forums.members", lang, forum=name),
        lang=lang,
        file_title=t("export.forums.members_file", lang),
        columns=columns,
        rows=data,
        params={"forum": code},
        sample=sample,
    )
