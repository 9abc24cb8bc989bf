"""The forum brief's tables as data (/forums/<code>/brief): the milestones due
since the last meeting and in the next 90 days, the late and at-risk ones,
attendance at recent meetings and the contributions awaiting an answer.

Each is built from the frames the page draws (data.queries.forum_brief's
``Brief``), so a download never queries again; its filters are the forum and
the reference date the brief was read on (``asof``), whether the URL asked for
one or the brief chose today or the forum's close.
"""

from __future__ import annotations

import pandas as pd

from dashboard import theme
from dashboard.components import forum_tables  # noqa: F401  the headers forums.tbl.*
from dashboard.export_files import ExportTable, source_label
from dashboard.exports import forums as _forum_exports  # noqa: F401  the headers export.forums.*
from dashboard.exports import yes_no
from dashboard.i18n import add, t, vocab_label
from data.queries.forum_brief import DUE_AHEAD_DAYS

add(
    {
        "export.brief.due_since": {
            "es": "Hitos vencidos desde la última sesión",
            "en": "Milestones due since the last meeting",
        },
        "export.brief.due_since_created": {
            "es": "Hitos vencidos desde la creación del foro",
            "en": "Milestones due since the forum was created",
        },
        "export.brief.due_since_file": {"es": "hitos-vencidos", "en": "milestones-due-since"},
        "export.brief.due_next": {
            "es": "Hitos que vencen en los próximos {days} días",
            "en": "Milestones due in the next {days} days",
        },
        "export.brief.due_next_file": {"es": "hitos-por-vencer", "en": "milestones-due-next"},
        "export.brief.late": {"es": "Hitos atrasados y en riesgo", "en": "Late and at-risk milestones"},
        "export.brief.late_file": {"es": "hitos-atrasados-y-en-riesgo", "en": "late-and-at-risk-milestones"},
        "export.brief.attendance": {"es": "Asistencia a las últimas sesiones", "en": "Attendance at recent meetings"},
        "export.brief.attendance_file": {"es": "asistencia", "en": "attendance"},
        "export.brief.awaiting": {"es": "Aportes que esperan respuesta", "en": "Contributions awaiting an answer"},
        "export.brief.awaiting_file": {"es": "aportes-sin-respuesta", "en": "contributions-awaiting"},
        "export.brief.days_late": {"es": "Días vencido", "en": "Days overdue"},
        "export.brief.points_behind": {
            "es": "Puntos por detrás del avance esperado",
            "en": "Points behind expected progress",
        },
        "export.brief.people_of": {"es": "Personas: {kind}", "en": "People: {kind}"},
        "export.brief.channel": {"es": "Canal", "en": "Channel"},
        "export.brief.via_forum": {"es": "Enviado por el foro", "en": "Sent through the forum"},
        "export.brief.who": {
            "es": "Quién espera respuesta (aportes pendientes)",
            "en": "Who awaits an answer (pending contributions)",
        },
        "export.brief.who_item": {"es": "{who} ({kind}): {n}", "en": "{who} ({kind}): {n}"},
        "export.brief.public": {"es": "Público", "en": "Public"},
        "export.brief.records": {"es": "Registros de participación", "en": "Participation records"},
        "export.brief.pending": {"es": "Aportes pendientes", "en": "Contributions pending"},
    }
)

# The tables' names (unique on the page), in the brief's order.
DUE_SINCE, DUE_NEXT, LATE, ATTENDANCE, AWAITING = (
    "brief-due-since",
    "brief-due-next",
    "brief-late",
    "brief-attendance",
    "brief-awaiting",
)
# Which parts of the brief's sources (data.queries.forum_brief.SOURCE_PARTS) each kind of table reads.
MILESTONE_PARTS = ("commitments", "milestones")
MEETING_PARTS = ("meetings", "members")
PARTICIPATION_PARTS = ("participation",)


def _value(value):
    return None if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)) else value


def _round(value, decimals: int = 1):
    value = _value(value)
    return None if value is None else round(float(value), decimals)


def _int(value):
    value = _value(value)
    return None if value is None else int(value)


def _columns(frame: pd.DataFrame, names) -> zip:
    # Rows as tuples of plain lists: pandas' own row iterators cost a few ms a table.
    return zip(*(frame[name].tolist() for name in names))


def behind(row: dict, reference) -> tuple[int | None, float | None]:
    """How far a late milestone is past its planned end (days) and an at-risk
    one behind the progress its schedule expects (points) on ``reference``."""
    if row["state"] == "late":
        return (pd.Timestamp(reference) - pd.Timestamp(row["planned_end"])).days, None
    if row["state"] == "at_risk":
        return None, float(row["expected"] - row["progress"])
    return None, None


def _table(
    brief,
    lang: str,
    name: str,
    title: str,
    file_key: str,
    columns: list[str],
    rows: list[list],
    parts: tuple[str, ...],
    sample: bool,
) -> ExportTable:
    return ExportTable(
        view="forums",
        name=name,
        title=title,
        lang=lang,
        file_title=t(file_key, lang),
        columns=columns,
        rows=rows,
        params={"forum": brief.forum["code"], "asof": brief.reference.isoformat()},
        sample=sample,
        sources=sources(brief, parts, lang),
    )


def sources(brief, parts: tuple[str, ...], lang: str) -> list[str]:
    """The sources of these parts of the brief, each once, in the brief's order."""
    return list(
        dict.fromkeys(
            source_label(kind, name, lang)
            for part, kind, name in _columns(brief.sources, ("part", "kind", "name"))
            if part in parts
        )
    )


MILESTONE_FIELDS = ("commitment_id", "number", "title", "responsible", "planned_end", "state", "progress", "expected")


def milestones_table(
    rows: pd.DataFrame, brief, lang: str, name: str, title: str, file_key: str, delay: bool = False
) -> ExportTable:
    """Milestones as the brief lists them (data.queries.forum_brief.MILESTONE_COLUMNS),
    their state on the reference date; with ``delay``, how far behind each is."""
    heads = [
        "export.col.commitment",
        "export.col.milestone_number",
        "export.col.milestone",
        "export.col.responsible",
        "export.col.planned_end",
    ]
    columns = [t(h, lang) for h in heads]
    columns.append(t("export.col.state_on", lang, date=brief.reference.isoformat()))
    columns += [t("export.col.progress_pct", lang), t("export.col.expected_pct", lang)]
    if delay:
        columns += [t("export.brief.days_late", lang), t("export.brief.points_behind", lang)]
    data = []
    for cid, number, text, responsible, end, state, progress, expected in _columns(rows, MILESTONE_FIELDS):
        row = [
            cid,
            _int(number),
            _value(text),
            _value(responsible),
            _value(end),
            vocab_label("status", state, lang),
            _round(progress),
            _round(expected),
        ]
        if delay:
            days, points = behind(
                {"state": state, "planned_end": end, "progress": progress, "expected": expected}, brief.reference
            )
            row += [days, None if points is None else round(points, 1)]
        data.append(row)
    return _table(brief, lang, name, title, file_key, columns, data, MILESTONE_PARTS, brief.sample["milestones"])


def due_since_table(brief, lang: str) -> ExportTable:
    key = "export.brief.due_since" if brief.last_meeting else "export.brief.due_since_created"
    return milestones_table(brief.due_since, brief, lang, DUE_SINCE, t(key, lang), "export.brief.due_since_file")


def due_next_table(brief, lang: str) -> ExportTable:
    return milestones_table(
        brief.due_next,
        brief,
        lang,
        DUE_NEXT,
        t("export.brief.due_next", lang, days=DUE_AHEAD_DAYS),
        "export.brief.due_next_file",
    )


def late_table(brief, lang: str) -> ExportTable:
    return milestones_table(
        brief.late, brief, lang, LATE, t("export.brief.late", lang), "export.brief.late_file", delay=True
    )


def attendance_table(brief, lang: str) -> ExportTable:
    """The recent meetings, newest first: people in all and by stakeholder type
    (a column per type present, in the chart's order), member attendance, agreements."""
    people: dict[tuple, int] = {}
    for meeting, kind, persons in _columns(brief.attendance, ("meeting_id", "stakeholder_type", "persons")):
        people[meeting, kind] = people.get((meeting, kind), 0) + int(persons)
    order = list(theme.STAKEHOLDER_COLOURS)
    kinds = sorted({kind for _, kind in people}, key=lambda k: (order.index(k) if k in order else len(order), k))
    columns = [
        t("export.col.date", lang),
        t("export.col.meeting_kind", lang),
        t("forums.tbl.persons", lang),
        *(t("export.brief.people_of", lang, kind=vocab_label("stakeholder", k, lang)) for k in kinds),
        t("forums.tbl.members_present", lang),
        t("export.forums.member_orgs", lang),
        t("export.forums.rate", lang),
        t("export.col.agreements", lang),
    ]
    fields = ("meeting_id", "date", "kind", "persons", "present", "members", "rate", "agreements")
    data = [
        [
            _value(day),
            vocab_label("meeting_kind", kind, lang),
            _int(persons),
            *(_int(people.get((meeting, k), 0)) for k in kinds),
            _int(present),
            _int(members),
            _round(rate),
            _int(agreements),
        ]
        for meeting, day, kind, persons, present, members, rate, agreements in _columns(brief.meetings, fields)
    ]
    return _table(
        brief,
        lang,
        ATTENDANCE,
        t("export.brief.attendance", lang),
        "export.brief.attendance_file",
        columns,
        data,
        MEETING_PARTS,
        brief.sample["meetings"],
    )


def _who(who: list, lang: str) -> str:
    return "; ".join(
        t(
            "export.brief.who_item",
            lang,
            who=organization or t("export.brief.public", lang),
            kind=vocab_label("stakeholder", kind, lang),
            n=pending,
        )
        for organization, kind, pending in who
    )


def awaiting_table(brief, lang: str) -> ExportTable:
    """Contributions awaiting an answer, one row per occasion as on the page, newest first."""
    columns = [
        t("export.col.date", lang),
        t("export.brief.channel", lang),
        t("export.brief.via_forum", lang),
        t("export.col.commitment", lang),
        t("export.brief.who", lang),
        t("export.brief.records", lang),
        t("export.forums.received", lang),
        t("export.forums.answered", lang),
        t("export.brief.pending", lang),
    ]
    fields = ("date", "channel", "via_forum", "commitment_id", "who", "records", "received", "answered", "pending")
    data = [
        [
            _value(day),
            vocab_label("channel", channel, lang),
            yes_no(bool(via), lang),
            _value(commitment),
            _who(who, lang),
            _int(records),
            _int(received),
            _int(answered),
            _int(pending),
        ]
        for day, channel, via, commitment, who, records, received, answered, pending in _columns(
            brief.occasions, fields
        )
    ]
    return _table(
        brief,
        lang,
        AWAITING,
        t("export.brief.awaiting", lang),
        "export.brief.awaiting_file",
        columns,
        data,
        PARTICIPATION_PARTS,
        brief.sample["participation"],
    )


def brief_tables(brief, lang: str) -> dict[str, ExportTable]:
    """Every table of the brief, by name."""
    return {
        table.name: table
        for table in (
            due_since_table(brief, lang),
            due_next_table(brief, lang),
            late_table(brief, lang),
            attendance_table(brief, lang),
            awaiting_table(brief, lang),
        )
    }
