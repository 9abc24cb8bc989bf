"""How each project table (data/formats.py) maps to the models, both ways.

For each table: the natural key of a row, the parent records a row names (for
reference checks and to link the record), the attribute values a row gives a
record, and the row a record exports as.  Rows here are *canonical* text (see
data.cells.canonical), so the row a record exports as is exactly the row that
imports it again.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, String, inspect, select
from sqlalchemy.orm import Session, object_session, selectinload

from data import cells, models
from data.dates import infer_dayfirst, parse_date
from data.formats import BY_NAME, TableFormat

Row = dict[str, str]
# The canonical row of a record in the batch or the database, by table and key.
Known = Callable[[str, tuple[str, ...]], Row | None]


@dataclass(frozen=True)
class Parent:
    """A record a row names in ``column``: its table and natural key."""

    column: str
    table: str
    key: tuple[str, ...]
    implied: bool = False  # created when missing rather than reported


def scalar_value(kind: str, text: str) -> Any:
    """A canonical cell as the value a model attribute holds."""
    if text == "":
        return None
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "date":
        return dt.date.fromisoformat(text)
    if kind == "bool":
        return text == "yes"
    return text


def scalar_text(kind: str, value: Any) -> str:
    """An attribute value as its canonical cell."""
    if value is None:
        return ""
    if kind in ("int", "float"):
        return cells.format_number(value)
    if kind == "date":
        return cells.format_date(value)
    if kind == "bool":
        return cells.format_bool(value)
    return str(value)


class Records:
    """A project table and the model that stores it.

    A column of the table's format is stored in the model attribute of the
    same name (``scalars``, derived), unless the subclass names it in
    ``special`` and handles it itself: the columns that name other records,
    and any stored otherwise.  So a new column is the model's attribute (and
    its migration) plus one line in data/formats.py; ``unhandled()`` lists a
    column that is neither (tests/test_records.py fails on it).
    """

    model: type[models.Base]
    special: tuple[str, ...] = ()  # columns the subclass reads and writes itself
    eager: tuple = ()  # loader options for the collections export reads

    def __init__(self, table: str):
        self.table = table
        self.format: TableFormat = BY_NAME[table]
        self.kinds = {c.name: c.kind for c in self.format.all_columns}

    def kind(self, column: str) -> str:
        return self.kinds[column]

    @functools.cached_property
    def scalars(self) -> tuple[str, ...]:
        """The format's columns stored in the model attribute of the same name."""
        attributes = set(inspect(self.model).columns.keys())
        return tuple(c.name for c in self.format.columns if c.name in attributes and c.name not in self.special)

    def unhandled(self) -> list[str]:
        """Columns of the format that would be dropped on import and export (should be none)."""
        return [c.name for c in self.format.columns if c.name not in self.scalars and c.name not in self.special]

    def key(self, row: Row) -> tuple[str, ...]:
        return tuple(row.get(c, "") for c in self.format.key)

    def parents(self, row: Row, known: Known) -> Iterator[Parent]:
        return iter(())

    def hints(self, rows: list[Row]) -> dict:
        """Facts drawn from all rows written together (see Commitments)."""
        return {}

    def values(self, row: Row, found: dict[str, list], hints: dict) -> dict[str, Any]:
        """Attribute values for a row; ``found`` holds the parents by column."""
        return {c: scalar_value(self.kind(c), row.get(c, "")) for c in self.scalars}

    def export(self, record) -> Row:
        row = {c: scalar_text(self.kind(c), getattr(record, c)) for c in self.scalars}
        return row

    def identifying(self) -> set[str]:
        """Columns whose text identifies a record (so a database index holds it)."""
        return set(self.format.key)

    def max_lengths(self) -> dict[str, int | None]:
        """Longest text each column may hold, from the model's String columns (None: no limit)."""
        return {c: _length(self.model, c) for c in self.scalars if _length(self.model, c)}


def _length(model, attr: str) -> int | None:
    column = inspect(model).columns.get(attr)
    if column is not None and isinstance(column.type, String):
        return column.type.length
    return None


def _one(found: dict[str, list], column: str):
    records = found.get(column) or []
    return records[0] if records else None


def _id(found: dict[str, list], column: str) -> int | None:
    record = _one(found, column)
    return None if record is None else record.id


def _get(record, model, ident):
    """A parent by primary key: the session's identity map, loaded beforehand."""
    if ident is None:
        return None
    session = object_session(record)
    assert session is not None  # records are attached to the import's session
    return session.get(model, ident)


class Countries(Records):
    model = models.Country


class ChildOf(Records):
    """A table with a column naming a parent whose natural key is its primary key."""

    link: tuple[str, str, str]  # (column, parent table, foreign key attribute)

    def parents(self, row, known):
        column, table, _ = self.link
        yield Parent(column, table, (row[column],))

    def values(self, row, found, hints):
        column, _, foreign_key = self.link
        return super().values(row, found, hints) | {foreign_key: row[column]}

    def export(self, record):
        column, _, foreign_key = self.link
        return super().export(record) | {column: getattr(record, foreign_key)}


class InCountry(ChildOf):
    link = ("country", "countries", "country_code")
    special: tuple[str, ...] = ("country",)


class ActionPlans(InCountry):
    model = models.ActionPlan


class Institutions(InCountry):
    model = models.Institution


class PolicyAreas(Records):
    model = models.PolicyArea


class Commitments(Records):
    model = models.Commitment
    # IRM fields: the raw text in ``<column>_raw``, the label (None for a
    # sentinel) in ``<column>``.
    irm = tuple(c.name for c in BY_NAME["commitments"].columns if c.kind == "irm")
    report_years = ("irm_progress_year", "irm_end_year")  # sentinels stored as None
    special = (
        "action_plan",
        "number",  # the label as written, and its number when it is one
        "start",  # the text as written, and the date read from it
        "end",
        "lead_institution",
        "support_institutions",
        "policy_areas",
        *report_years,
        *irm,
    )
    eager = (selectinload(models.Commitment.support_institutions), selectinload(models.Commitment.policy_areas))

    def parents(self, row, known):
        yield Parent("action_plan", "action_plans", (row["action_plan"],))
        plan = known("action_plans", (row["action_plan"],))
        if plan is None:
            return
        country = plan["country"]
        if row.get("lead_institution"):
            yield Parent("lead_institution", "institutions", (country, row["lead_institution"]), implied=True)
        for name in cells.split_list(row.get("support_institutions", "")):
            yield Parent("support_institutions", "institutions", (country, name), implied=True)
        for name in cells.split_list(row.get("policy_areas", "")):
            yield Parent("policy_areas", "policy_areas", (name,), implied=True)

    def hints(self, rows):
        """Whether each plan's dates put the day first, judged from all its rows."""
        by_plan: dict[str, list[str]] = {}
        for row in rows:
            by_plan.setdefault(row["action_plan"], []).extend((row.get("start", ""), row.get("end", "")))
        return {plan: infer_dayfirst(texts) for plan, texts in by_plan.items()}

    def values(self, row, found, hints):
        values = super().values(row, found, hints)
        label = row.get("number", "")
        dayfirst = hints.get(row["action_plan"])
        values |= {
            "action_plan_id": row["action_plan"],
            "number": int(label) if label.isdigit() else None,
            "number_label": label or None,
            "start_raw": row.get("start") or None,
            "start_date": parse_date(row.get("start", ""), dayfirst=dayfirst).date,
            "end_raw": row.get("end") or None,
            "end_date": parse_date(row.get("end", ""), period_end=True, dayfirst=dayfirst).date,
            "lead_institution_id": _id(found, "lead_institution"),
            "support_institutions": list(found.get("support_institutions", [])),
            "policy_areas": list(found.get("policy_areas", [])),
        }
        for column in self.report_years:
            text = row.get(column, "")
            values[column] = None if text.casefold() in cells.SENTINELS else text
        for column in self.irm:
            raw = row.get(column, "")
            label = cells.irm_label(raw, self.vocabularies[column])
            if self._is_flag(column):
                label = None if label is None else label == "1"
            values[column] = label
            values[f"{column}_raw"] = raw or None
        return values

    def _is_flag(self, column: str) -> bool:
        return column in self.flags

    @functools.cached_property
    def flags(self) -> frozenset[str]:
        """IRM fields stored as booleans (the OGP values, starred)."""
        columns = inspect(self.model).columns
        return frozenset(c for c in self.irm if isinstance(columns[c].type, Boolean))

    @functools.cached_property
    def vocabularies(self) -> dict[str, tuple[str, ...]]:
        # IRM columns always name their vocabulary (formats._irm_column).
        return {c: self.format.column(c).vocabulary or () for c in self.irm}

    def export(self, record):
        row = super().export(record)
        row |= {
            "action_plan": record.action_plan_id,
            "number": record.number_label or scalar_text("int", record.number),
            "start": record.start_raw or cells.format_date(record.start_date),
            "end": record.end_raw or cells.format_date(record.end_date),
            "lead_institution": record.lead_institution.name if record.lead_institution else "",
            "support_institutions": cells.join_list(i.name for i in record.support_institutions),
            "policy_areas": cells.join_list(a.name for a in record.policy_areas),
        }
        for column in self.report_years:
            row[column] = getattr(record, column) or ""
        for column in self.irm:
            raw, label = getattr(record, f"{column}_raw"), getattr(record, column)
            if raw is None and label is not None and self._is_flag(column):
                raw = "1" if label else "0"
            row[column] = raw if raw is not None else (label or "")
        return row

    def identifying(self):
        return super().identifying() | {"lead_institution", "support_institutions", "policy_areas"}

    def max_lengths(self):
        lengths = super().max_lengths()
        lengths |= {
            "number": _length(self.model, "number_label"),
            "start": _length(self.model, "start_raw"),
            "end": _length(self.model, "end_raw"),
        }
        lengths |= {c: _length(self.model, c) for c in self.report_years}
        lengths |= {c: _length(self.model, f"{c}_raw") for c in self.irm}
        name = _length(models.Institution, "name")
        lengths |= {
            "lead_institution": name,
            "support_institutions": name,
            "policy_areas": _length(models.PolicyArea, "name"),
        }
        return lengths


class Milestones(ChildOf):
    model = models.Milestone
    link = ("commitment", "commitments", "commitment_id")
    special = ("commitment",)


class MilestoneEvents(Records):
    model = models.MilestoneEvent
    special = ("commitment", "milestone")

    def parents(self, row, known):
        yield Parent("milestone", "milestones", (row["commitment"], row["milestone"]))

    def values(self, row, found, hints):
        return super().values(row, found, hints) | {"milestone_id": _id(found, "milestone")}

    def export(self, record):
        milestone = _get(record, models.Milestone, record.milestone_id)
        return super().export(record) | {"commitment": milestone.commitment_id, "milestone": str(milestone.number)}


class Organizations(InCountry):
    model = models.Organization


class Forums(InCountry):
    model = models.Forum
    special = ("country", "commitment", "follows")
    eager = (selectinload(models.Forum.follows),)

    def parents(self, row, known):
        yield from super().parents(row, known)
        if row.get("commitment"):
            yield Parent("commitment", "commitments", (row["commitment"],))
        for commitment in cells.split_list(row.get("follows", "")):
            yield Parent("follows", "commitments", (commitment,))

    def values(self, row, found, hints):
        return super().values(row, found, hints) | {
            "commitment_id": row.get("commitment") or None,
            "follows": list(found.get("follows", [])),
        }

    def export(self, record):
        return super().export(record) | {
            "commitment": record.commitment_id or "",
            "follows": cells.join_list(c.id for c in record.follows),
        }


def _organization(row: Row, column: str, country: str | None) -> Iterator[Parent]:
    """An organization named in a row, looked up in the country of its forum or row."""
    if row.get(column) and country:
        yield Parent(column, "organizations", (country, row[column]))


def _forum_country(row: Row, known: Known) -> str | None:
    forum = known("forums", (row["forum"],))
    return forum["country"] if forum else None


def _forum_code(record, forum_id: int) -> str:
    return _get(record, models.Forum, forum_id).code


class Memberships(Records):
    model = models.Membership
    special = ("forum", "organization")

    def parents(self, row, known):
        yield Parent("forum", "forums", (row["forum"],))
        yield from _organization(row, "organization", _forum_country(row, known))

    def values(self, row, found, hints):
        return super().values(row, found, hints) | {
            "forum_id": _id(found, "forum"),
            "organization_id": _id(found, "organization"),
        }

    def export(self, record):
        organization = _get(record, models.Organization, record.organization_id)
        return super().export(record) | {
            "forum": _forum_code(record, record.forum_id),
            "organization": organization.name,
        }


class Meetings(Records):
    model = models.Meeting
    special = ("forum",)

    def parents(self, row, known):
        yield Parent("forum", "forums", (row["forum"],))

    def values(self, row, found, hints):
        return super().values(row, found, hints) | {"forum_id": _id(found, "forum")}

    def export(self, record):
        return super().export(record) | {"forum": _forum_code(record, record.forum_id)}


class Attendance(Records):
    model = models.Attendance
    special = ("forum", "meeting_date", "organization")

    def parents(self, row, known):
        yield Parent("meeting_date", "meetings", (row["forum"], row["meeting_date"]))
        yield from _organization(row, "organization", _forum_country(row, known))

    def values(self, row, found, hints):
        return super().values(row, found, hints) | {
            "meeting_id": _id(found, "meeting_date"),
            "organization_id": _id(found, "organization"),
        }

    def export(self, record):
        meeting = _get(record, models.Meeting, record.meeting_id)
        organization = _get(record, models.Organization, record.organization_id)
        return super().export(record) | {
            "forum": _forum_code(record, meeting.forum_id),
            "meeting_date": cells.format_date(meeting.date),
            "organization": organization.name if organization else "",
        }


class Participation(InCountry):
    model = models.Participation
    special = ("country", "forum", "action_plan", "commitment", "organization")

    def parents(self, row, known):
        yield from super().parents(row, known)
        for column, table in (("forum", "forums"), ("action_plan", "action_plans"), ("commitment", "commitments")):
            if row.get(column):
                yield Parent(column, table, (row[column],))
        yield from _organization(row, "organization", row["country"])

    def values(self, row, found, hints):
        return super().values(row, found, hints) | {
            "forum_id": _id(found, "forum"),
            "action_plan_id": row.get("action_plan") or None,
            "commitment_id": row.get("commitment") or None,
            "organization_id": _id(found, "organization"),
        }

    def export(self, record):
        organization = _get(record, models.Organization, record.organization_id)
        return super().export(record) | {
            "forum": _forum_code(record, record.forum_id) if record.forum_id else "",
            "action_plan": record.action_plan_id or "",
            "commitment": record.commitment_id or "",
            "organization": organization.name if organization else "",
        }


RECORDS: dict[str, Records] = {
    records.table: records
    for records in (
        Countries("countries"),
        ActionPlans("action_plans"),
        Institutions("institutions"),
        PolicyAreas("policy_areas"),
        Commitments("commitments"),
        Milestones("milestones"),
        MilestoneEvents("milestone_events"),
        Organizations("organizations"),
        Forums("forums"),
        Memberships("memberships"),
        Meetings("meetings"),
        Attendance("attendance"),
        Participation("participation"),
    )
}

# Many-valued attributes, compared as sets.
COLLECTIONS = frozenset({"support_institutions", "policy_areas", "follows"})


def provenance(record) -> Row:
    return {"source": record.source.label, "source_row": scalar_text("int", record.source_row)}


@dataclass
class Loaded:
    """Every record of every table in one session, parents first.

    Holding them keeps them in the session's identity map, so the exports of
    children find their parents there without a query each.
    """

    sources: list[models.Source]
    records: dict[str, list]


def load_all(session: Session, tables: tuple[str, ...] = models.TABLE_ORDER) -> Loaded:
    """Every record of ``tables`` (default: all) and every source."""
    sources = list(session.scalars(select(models.Source)))
    records = {}
    for table in tables:
        mapping = RECORDS[table]
        records[table] = list(session.scalars(select(mapping.model).options(*mapping.eager)))
    return Loaded(sources, records)
