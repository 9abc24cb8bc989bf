"""The tables that grow with activity, read, checked and written a chunk at a time.

Milestones, their history, memberships, meetings, attendance and participation
reach millions of rows at global scale.  A file of one of them is read in
chunks of CHUNK_ROWS rows; each chunk is validated column by column
(data.importers.validation), its references are looked up in bulk (the held
tables' records in the Store, the streamed parents' ids from the database and
the keys this import names), and, while the import has no problem, written at
once: new rows with PostgreSQL's COPY or SQLite's executemany, changed rows by
id.  Everything happens in the import's one transaction, so a problem found
late still leaves the database as it was.

Existing rows are compared by hashes: a 64-bit hash of the natural key (in the
values stored: ids, ISO dates, numbers as the exporter writes them) and one of
the columns the file gives.  A re-import that changes nothing reads the table's
keys and hashes once per file and writes nothing.  Two different keys share a
64-bit hash with odds of about 1 in 10^7 for a table of a million rows; such a
pair would be taken for the same record and the later row would update the
earlier one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Connection, Float, Text, cast, select
from sqlalchemy.orm import Session

from data.formats import BY_NAME
from data.importers.frames import (
    Columns,
    Frame,
    frame_of,
    new_frame,
    numeric_dates,
    settle_day_order,
    unnamed_warnings,
)
from data.importers.integrity import duplicate, unknown
from data.importers.problems import Problem, Problems
from data.importers.progress import Progress
from data.importers.reading import Sheet
from data.importers.report import TableCounts
from data.importers.store import Store
from data.importers.validation import canonicalise, validate
from data.models import Base

CHUNK_ROWS = 50_000
SEP = "\x1f"  # joins the parts of a key (never in a cell: control characters are refused)
OUTCOMES = ("unchanged", "updated", "added")


@dataclass
class Stream:
    """One sheet of a streamed table, its columns matched."""

    sheet: Sheet
    columns: Columns
    source: str  # "kind:name" of rows whose own source cell is empty


@dataclass(frozen=True)
class Reference:
    """A stored column naming another record, from one or more columns of the file."""

    attribute: str  # stored column, e.g. forum_id
    columns: tuple[str, ...]  # the file's columns it comes from (the first must be given)
    is_id: bool  # an integer id looked up, else the text itself (codes)


# Stored columns that name other records, per streamed table; the other stored
# columns are the table's scalars, stored as written.
REFERENCES: dict[str, tuple[Reference, ...]] = {
    "milestones": (Reference("commitment_id", ("commitment",), False),),
    "milestone_events": (Reference("milestone_id", ("milestone", "commitment"), True),),
    "memberships": (
        Reference("forum_id", ("forum",), True),
        Reference("organization_id", ("organization", "forum"), True),
    ),
    "meetings": (Reference("forum_id", ("forum",), True),),
    "attendance": (
        Reference("meeting_id", ("meeting_date", "forum"), True),
        Reference("organization_id", ("organization", "forum"), True),
    ),
    "participation": (
        Reference("country_code", ("country",), False),
        Reference("forum_id", ("forum",), True),
        Reference("action_plan_id", ("action_plan",), False),
        Reference("commitment_id", ("commitment",), False),
        Reference("organization_id", ("organization", "country"), True),
    ),
}
# Natural keys in stored columns (the file's keys, see data/formats.py).
KEYS: dict[str, tuple[str, ...]] = {
    "milestones": ("commitment_id", "number"),
    "milestone_events": ("milestone_id", "date"),
    "memberships": ("forum_id", "organization_id", "role", "term_start"),
    "meetings": ("forum_id", "date"),
    "attendance": ("meeting_id", "organization_id", "stakeholder_type", "gender"),
    "participation": (
        "country_code",
        "date",
        "channel",
        "forum_id",
        "commitment_id",
        "organization_id",
        "stakeholder_type",
        "gender",
    ),
}
SCALARS: dict[str, tuple[str, ...]] = {
    "milestones": (
        "number",
        "title",
        "responsible",
        "planned_start",
        "planned_end",
        "actual_end",
        "status",
        "progress",
        "weight",
        "evidence_url",
        "note",
    ),
    "milestone_events": ("date", "status", "progress", "note"),
    "memberships": ("role", "term_start", "term_end"),
    "meetings": ("date", "kind", "minutes_url", "agreements"),
    "attendance": ("stakeholder_type", "gender", "persons"),
    "participation": (
        "date",
        "channel",
        "stakeholder_type",
        "gender",
        "participants",
        "contributions_received",
        "contributions_answered",
    ),
}


def stored_columns(table: str) -> tuple[str, ...]:
    return tuple(r.attribute for r in REFERENCES[table]) + SCALARS[table]


def _kind(table: str, attribute: str) -> str:
    """int, float, date or text: how the stored value reads as text."""
    for reference in REFERENCES[table]:
        if reference.attribute == attribute:
            return "int" if reference.is_id else "text"
    return BY_NAME[table].column(attribute).kind


def _hash(frame: pd.DataFrame) -> np.ndarray:
    """A 64-bit hash per row of a frame of text."""
    if frame.shape[1] == 0:
        return np.zeros(len(frame), dtype=np.uint64)
    return pd.util.hash_pandas_object(frame.astype(object), index=False).to_numpy()


def _join(frame: pd.DataFrame, columns: tuple[str, ...] | list[str]) -> pd.Series:
    joined = frame[columns[0]].astype(object)
    for column in columns[1:]:
        joined = joined + SEP + frame[column].astype(object)
    return joined


def _id_text(values: pd.Series) -> pd.Series:
    """Ids (numbers, None or NaN) as text, '' for none."""
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    missing = np.isnan(numbers)
    text = np.where(missing, 0, numbers).astype(np.int64).astype(str).astype(object)
    text[missing] = ""
    return pd.Series(text, index=values.index, dtype=object)


def _float_text(values: pd.Series) -> pd.Series:
    """Stored floats as the exporter writes them: 40, 40.5; '' for none."""
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    whole = np.isfinite(numbers) & (numbers == np.floor(numbers)) & (np.abs(numbers) < 1e15)
    text = np.where(whole, np.where(whole, numbers, 0).astype(np.int64).astype(str), numbers.astype(str))
    return pd.Series(np.where(np.isnan(numbers), "", text), index=values.index, dtype=object)


class Lookups:
    """Who a row may name: the held tables through the Store, the streamed
    parents (milestones, meetings) through the database and this import."""

    def __init__(self, session: Session, store: Store):
        self.session = session
        self.store = store
        self.named: dict[str, set[str]] = {"milestones": set(), "meetings": set()}  # keys this import names
        self._ids: dict[str, dict[str, int]] = {}
        self._held: dict[tuple[str, str], object] = {}  # the held tables do not change while streaming

    def keys(self, table: str) -> set[str]:
        if ("keys", table) not in self._held:
            self._held[("keys", table)] = {SEP.join(key) for key in self.store.rows[table]}
        return self._held[("keys", table)]  # type: ignore[return-value]

    def ids(self, table: str) -> dict[str, int]:
        """Held records' ids by joined key (records not written, after a problem, have none)."""
        if ("ids", table) not in self._held:
            found = {SEP.join(key): getattr(record, "id", None) for key, record in self.store.objects[table].items()}
            self._held[("ids", table)] = {key: ident for key, ident in found.items() if ident is not None}
        return self._held[("ids", table)]  # type: ignore[return-value]

    def forum_countries(self) -> dict[str, str]:
        if ("countries", "forums") not in self._held:
            rows = self.store.rows["forums"].items()
            self._held[("countries", "forums")] = {key[0]: row["country"] for key, row in rows}
        return self._held[("countries", "forums")]  # type: ignore[return-value]

    def stored_ids(self, table: str) -> dict[str, int]:
        """Ids of milestones by 'commitment SEP number', of meetings by 'forum id SEP date'."""
        if table not in self._ids:
            model = Base.metadata.tables[table]
            if table == "milestones":
                parts: tuple[ColumnElement[Any], ColumnElement[Any]] = (
                    model.c.commitment_id,
                    cast(model.c.number, Text),
                )
            else:
                parts = (cast(model.c.forum_id, Text), cast(model.c.date, Text))
            rows = self.session.connection().execute(select(model.c.id, *parts))
            self._ids[table] = {f"{a}{SEP}{b}": ident for ident, a, b in rows}
        return self._ids[table]

    def forget(self, table: str) -> None:
        """After writing ``table``: its ids are read again when next needed."""
        self._ids.pop(table, None)


@dataclass
class Resolved:
    stored: pd.DataFrame  # text of every stored column
    problems: list[Problem] = field(default_factory=list)


def resolve(frame: Frame, bad: pd.DataFrame, lookups: Lookups) -> Resolved:
    """The frame's stored columns, and its references to records that exist nowhere."""
    table, data = frame.table, frame.data
    out = pd.DataFrame({c: data[c].astype(object) for c in SCALARS[table]})
    problems: list[Problem] = []

    def report(missing: pd.Series, column: str, parent: str, key: tuple, skip: tuple[str, ...]) -> None:
        """``key``: the parent's key, as columns of the file or series."""
        missing &= ~bad[list(skip)].any(axis=1)
        parts = [data[k] if isinstance(k, str) else k for k in key]
        for index in np.flatnonzero(missing.to_numpy(dtype=bool)):
            named = tuple(str(part.iat[int(index)]) for part in parts)
            problems.append(frame.problem(int(index), column, unknown(parent, named)))

    def code(column: str, parent: str) -> pd.Series:
        values = data[column]
        given = values.ne("")
        report(given & ~values.isin(lookups.keys(parent)), column, parent, (column,), (column,))
        return values.astype(object)

    def held_id(column: str, parent: str) -> pd.Series:
        values = data[column]
        report(values.ne("") & ~values.isin(lookups.keys(parent)), column, parent, (column,), (column,))
        return _id_text(values.map(lookups.ids(parent)))

    def organization(country: pd.Series, skip: tuple[str, ...]) -> pd.Series:
        names = data["organization"]
        given = names.ne("") & country.notna() & country.ne("")
        joined = country.fillna("").astype(object) + SEP + names.astype(object)
        missing = given & ~joined.isin(lookups.keys("organizations"))
        report(missing, "organization", "organizations", (country, "organization"), skip)
        return _id_text(joined.where(given).map(lookups.ids("organizations")))

    if table == "milestones":
        out["commitment_id"] = code("commitment", "commitments")
    elif table == "milestone_events":
        joined = _join(data, ["commitment", "milestone"])
        ids = joined.map(lookups.stored_ids("milestones"))
        known = ids.notna() | joined.isin(lookups.named["milestones"])
        report(~known, "milestone", "milestones", ("commitment", "milestone"), ("commitment", "milestone"))
        out["milestone_id"] = _id_text(ids)
    elif table in ("memberships", "meetings", "attendance"):
        forum_ids = data["forum"].map(lookups.ids("forums"))
        if table == "attendance":
            joined = data["forum"].astype(object) + SEP + data["meeting_date"].astype(object)
            by_id = _id_text(forum_ids).astype(object) + SEP + data["meeting_date"].astype(object)
            ids = by_id.map(lookups.stored_ids("meetings"))
            known = ids.notna() | joined.isin(lookups.named["meetings"])
            report(~known, "meeting_date", "meetings", ("forum", "meeting_date"), ("forum", "meeting_date"))
            out["meeting_id"] = _id_text(ids)
        else:
            report(~data["forum"].isin(lookups.keys("forums")), "forum", "forums", ("forum",), ("forum",))
            out["forum_id"] = _id_text(forum_ids)
        if table != "meetings":
            country = data["forum"].map(lookups.forum_countries())
            out["organization_id"] = organization(country, ("organization", "forum"))
    else:  # participation
        out["country_code"] = code("country", "countries")
        out["forum_id"] = held_id("forum", "forums")
        out["action_plan_id"] = code("action_plan", "action_plans")
        out["commitment_id"] = code("commitment", "commitments")
        out["organization_id"] = organization(data["country"], ("organization", "country"))
        problems += _answered_within_received(frame, bad)
    return Resolved(out[list(stored_columns(table))], problems)


def _answered_within_received(frame: Frame, bad: pd.DataFrame) -> list[Problem]:
    data = frame.data
    received = pd.to_numeric(data["contributions_received"], errors="coerce")
    answered = pd.to_numeric(data["contributions_answered"], errors="coerce")
    over = (answered > received) & ~bad.any(axis=1)
    return [
        frame.problem(
            int(index),
            "contributions_answered",
            f"{data['contributions_answered'].iat[int(index)]} answered is more than the "
            f"{data['contributions_received'].iat[int(index)]} received; answered counts "
            "contributions that got a reasoned answer, so it cannot exceed received",
        )
        for index in np.flatnonzero(over.to_numpy(dtype=bool))
    ]


class Seen:
    """Keys met so far in one file, by hash, with the row each was first met in."""

    def __init__(self) -> None:
        self.first = pd.Series([], index=pd.Index([], dtype=np.uint64), dtype=np.int64)

    def repeats(self, hashes: np.ndarray, rows: np.ndarray) -> list[tuple[int, int]]:
        """(position in the chunk, first row) of each key met before."""
        chunk = pd.DataFrame({"hash": hashes, "row": rows})
        earlier = self.first.reindex(chunk["hash"]).to_numpy()  # NaN where new
        within = chunk.groupby("hash", sort=False)["row"].transform("first").to_numpy()
        again = chunk["hash"].duplicated().to_numpy()
        first = np.where(~np.isnan(earlier), earlier, np.where(again, within, -1))
        fresh = chunk[np.isnan(earlier) & ~again]
        self.first = pd.concat([self.first, pd.Series(fresh["row"].to_numpy(), index=fresh["hash"].to_numpy())])
        return [(int(i), int(first[i])) for i in np.flatnonzero(first >= 0)]


class TableWriter:
    """Writes the chunks of one file into its table: inserts and updates in bulk."""

    def __init__(self, session: Session, store: Store, table: str, present: set[str], now: dt.datetime):
        self.session, self.store, self.table, self.now = session, store, table, now
        self.model = Base.metadata.tables[table]
        self.key = KEYS[table]
        given = {r.attribute for r in REFERENCES[table] if r.columns[0] in present}
        given |= {c for c in SCALARS[table] if c in present}
        self.data = [c for c in stored_columns(table) if c in given and c not in self.key]
        self.touched: set[str] = set()
        self._read_existing()

    def _read_existing(self) -> None:
        """Key hash, data hash, id and provenance of every row of the table."""
        columns = [*self.key, *self.data]
        selected = [self._as_text(c) for c in columns]
        query = select(self.model.c.id, self.model.c.source_id, self.model.c.source_row, *selected)
        keys, data, ids, sources, rows = [], [], [], [], []
        for part in _fetch(self.session, query):
            frame = pd.DataFrame(part, columns=["id", "source_id", "source_row", *columns], dtype=object)
            text = self._texts(frame, columns)
            keys.append(_hash(text[list(self.key)]))
            data.append(_hash(text[self.data]))
            ids.append(frame["id"].to_numpy(dtype=np.int64))
            sources.append(frame["source_id"].to_numpy(dtype=np.int64))
            rows.append(pd.to_numeric(frame["source_row"]).fillna(-1).to_numpy(dtype=np.int64))
        empty_u, empty_i = np.zeros(0, np.uint64), np.zeros(0, np.int64)
        key_hashes = np.concatenate(keys) if keys else empty_u
        first = ~pd.Index(key_hashes).duplicated()  # tables without a unique key: the first row
        self.index = pd.Index(key_hashes[first])
        self.hashes = (np.concatenate(data) if data else empty_u)[first]
        self.ids = (np.concatenate(ids) if ids else empty_i)[first]
        self.sources = (np.concatenate(sources) if sources else empty_i)[first]
        self.rows = (np.concatenate(rows) if rows else empty_i)[first]

    def _as_text(self, column: str):
        kind = _kind(self.table, column)
        if kind in ("int", "date"):
            return cast(self.model.c[column], Text).label(column)
        if kind == "float":
            return cast(self.model.c[column], Float).label(column)
        return self.model.c[column]

    def _texts(self, frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        out = {}
        for column in columns:
            if _kind(self.table, column) == "float":
                out[column] = _float_text(frame[column])
            else:
                out[column] = frame[column].astype(object).where(frame[column].notna(), "")
        return pd.DataFrame(out)

    def write(self, frame: Frame, stored: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """Insert new rows, update changed ones; returns key hashes and outcomes (OUTCOMES index)."""
        keys, data = _hash(stored[list(self.key)]), _hash(stored[self.data])
        labels, rows, explicit = _provenance(frame)
        source_ids = {label: self.store.source(label, self.now) for label in pd.unique(labels)}
        if any(s.id is None for s in source_ids.values()):
            self.session.flush()
        sid = labels.map({label: s.id for label, s in source_ids.items()}).to_numpy(dtype=np.int64)
        position = self.index.get_indexer(keys)  # type: ignore[arg-type]  # pandas accepts any array-like; the stubs say Index
        new = position < 0
        outcome = np.where(new, 2, 0).astype(np.int8)
        old = np.flatnonzero(~new)
        at = position[old]
        changed = data[old] != self.hashes[at]
        same_place = (self.sources[at] == sid[old]) & (self.rows[at] == rows[old])
        moves = np.where(changed | explicit[old], ~same_place, (self.sources[at] == sid[old]) & ~same_place)
        update = changed | moves
        outcome[old[update]] = 1
        self.touched |= set(labels[outcome > 0])
        if new.any():
            self._insert(stored[new], sid[new], rows[new])
        if update.any():
            chosen = old[update]
            new_sid = np.where(moves[update], sid[chosen], self.sources[at[update]])
            new_row = np.where(moves[update], rows[chosen], self.rows[at[update]])
            self._update(stored.iloc[chosen], self.ids[at[update]], new_sid, new_row)
        return keys, outcome

    def _values(self, stored: pd.DataFrame, columns: list[str], *extra: np.ndarray) -> list[list]:
        """Rows for the driver: text, None for empty cells, then ``extra`` integers (None when < 0)."""
        cells = stored[columns].to_numpy(dtype=object, copy=True)
        cells[cells == ""] = None
        parts = [cells]
        for values in extra:
            numbers = values.astype(object)
            numbers[values < 0] = None
            parts.append(numbers.reshape(-1, 1))
        return np.hstack(parts).tolist()

    def _insert(self, stored: pd.DataFrame, sources: np.ndarray, rows: np.ndarray) -> None:
        columns = list(stored_columns(self.table))
        values = self._values(stored, columns, sources, rows)
        names = [*columns, "source_id", "source_row"]
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            driver = _driver(connection)
            with driver.cursor() as cursor, cursor.copy(f"COPY {self.table} ({', '.join(names)}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in names)
            driver = _driver(connection)
            driver.executemany(f"INSERT INTO {self.table} ({', '.join(names)}) VALUES ({marks})", values)

    def _update(self, stored: pd.DataFrame, ids: np.ndarray, sources: np.ndarray, rows: np.ndarray) -> None:
        columns = [*self.data, "source_id", "source_row"]
        values = self._values(stored, self.data, sources, rows, ids)
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            # COPY the new values as text into a scratch table, then one UPDATE casts them.
            driver = _driver(connection)
            types = {c: self.model.c[c].type.compile(connection.dialect) for c in columns}
            with driver.cursor() as cursor:
                cursor.execute(
                    "CREATE TEMP TABLE ogp_import_update (id bigint, "
                    + ", ".join(f"{c} text" for c in columns)
                    + ") ON COMMIT DROP"
                )
                with cursor.copy(f"COPY ogp_import_update ({', '.join(columns)}, id) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row([None if v is None else str(v) for v in row[:-1]] + [row[-1]])
                sets = ", ".join(f"{c} = CAST(u.{c} AS {types[c]})" for c in columns)
                cursor.execute(f"UPDATE {self.table} SET {sets} FROM ogp_import_update u WHERE {self.table}.id = u.id")
                cursor.execute("DROP TABLE ogp_import_update")
        else:
            sets = ", ".join(f"{c} = ?" for c in columns)
            driver = _driver(connection)
            driver.executemany(f"UPDATE {self.table} SET {sets} WHERE id = ?", values)


def _driver(connection: Connection) -> Any:
    """The DB-API connection (psycopg or sqlite3) under SQLAlchemy's: COPY and executemany run on it."""
    driver = connection.connection.driver_connection
    assert driver is not None  # an open connection always has one
    return driver


def _fetch(session: Session, query) -> Iterator[list[tuple]]:
    """The rows of a query (literal, no parameters) in parts of CHUNK_ROWS, as
    plain tuples from the driver (a server-side cursor on PostgreSQL)."""
    connection = session.connection()
    sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    driver = _driver(connection)
    postgres = connection.dialect.name == "postgresql"
    cursor = driver.cursor(name="ogp_import_existing") if postgres else driver.cursor()
    try:
        cursor.execute(sql)
        while part := cursor.fetchmany(CHUNK_ROWS):
            yield part
    finally:
        cursor.close()


def _provenance(frame: Frame) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Per row: the source label, the source row (-1 for none), whether the row names its source."""
    source, given = frame.data["source"], frame.data["source_row"]
    explicit = source.ne("")
    labels = source.astype(object).where(explicit, frame.source)
    spreadsheet = pd.Series(frame.rows, index=given.index).astype(str)
    rows = given.where(explicit | given.ne(""), spreadsheet)
    numbers = pd.to_numeric(rows.where(rows.ne(""), "-1"), errors="coerce").fillna(-1).to_numpy(dtype=np.int64)
    return labels, numbers, explicit.to_numpy(dtype=bool)


@dataclass
class StreamLoader:
    """Every streamed sheet of an import, table by table in dependency order."""

    session: Session
    store: Store
    problems: Problems
    warnings: list[Problem]
    now: dt.datetime
    progress: Progress
    outcomes: dict[str, list[tuple[np.ndarray, np.ndarray]]] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.lookups = Lookups(self.session, self.store)

    def load(self, streams: list[Stream], order: tuple[str, ...]) -> None:
        for table in order:
            for stream in (s for s in streams if s.columns.table == table):
                self._load(stream)
            self.lookups.forget(table)

    def counts(self) -> dict[str, TableCounts]:
        out = {}
        for table, parts in self.outcomes.items():
            keys = np.concatenate([k for k, _ in parts])
            codes = np.concatenate([o for _, o in parts])
            best = pd.Series(codes).groupby(keys).max().to_numpy()
            tally = np.bincount(best, minlength=3)
            out[table] = TableCounts(added=int(tally[2]), updated=int(tally[1]), unchanged=int(tally[0]))
        return out

    def _load(self, stream: Stream) -> None:
        sheet, table = stream.sheet, stream.columns.table
        writer: TableWriter | None = None
        seen = Seen()
        dates: dict[str, None] = {}  # d/m/y dates met, in order: the file's day order
        deferred: int | None = None  # first chunk whose dates wait for the file's day order
        filled: set[int] = set()
        for number, frame in enumerate(self._chunks(stream, filled)):
            numeric = numeric_dates(frame)
            dates.update(dict.fromkeys(numeric))
            if numeric and deferred is None:
                deferred = number
            stored = self._check(frame, seen)
            if deferred is None and self.problems.none():
                writer = writer or TableWriter(self.session, self.store, table, set(frame.present), self.now)
                self._write(writer, frame, stored)
        self.warnings.extend(unnamed_warnings(sheet, sorted(filled)))
        day_order = new_frame(table, {}, [], sheet.file, stream.source)
        self.warnings.extend(settle_day_order(day_order, dates))
        if deferred is not None and self.problems.none():
            # Dates such as 1/7/2014 read by the whole file's day order: a second pass.
            for number, frame in enumerate(self._chunks(stream, set(), count=False)):
                if number < deferred:
                    continue
                frame.dayfirst = day_order.dayfirst
                canonicalise(frame)
                resolved = resolve(
                    frame, pd.DataFrame(False, index=frame.data.index, columns=frame.data.columns), self.lookups
                )
                writer = writer or TableWriter(self.session, self.store, table, set(frame.present), self.now)
                self._write(writer, frame, resolved.stored)
        if writer is not None:
            self.touched |= writer.touched

    def _chunks(self, stream: Stream, filled: set[int], count: bool = True) -> Iterator[Frame]:
        sheet, columns = stream.sheet, stream.columns
        rows: list[tuple[int, list[str]]] = []
        unnamed = columns.unnamed
        for row in sheet.body():
            if unnamed:
                filled.update(i for i in unnamed if row[1][i])
            rows.append(row)
            if len(rows) >= CHUNK_ROWS:
                yield self._frame(stream, rows, count)
                rows = []
        if rows:
            yield self._frame(stream, rows, count)
        self._drain(sheet)

    def _frame(self, stream: Stream, rows: list[tuple[int, list[str]]], count: bool) -> Frame:
        self._drain(stream.sheet)
        if count:
            self.progress.advance(len(rows), stream.sheet)
        return frame_of(stream.sheet, stream.columns, rows, stream.source)

    def _drain(self, sheet: Sheet) -> None:
        """Problems the reader met (too many cells, a quote out of place) join the import's."""
        self.problems.extend(sheet.problems)
        sheet.problems.clear()

    def _check(self, frame: Frame, seen: Seen) -> pd.DataFrame:
        """Validate a chunk (problems join the import's); returns its stored columns."""
        wrong, bad = validate(frame)
        self.problems.extend(wrong)
        canonicalise(frame)
        key = list(BY_NAME[frame.table].key)
        clean = ~bad[key].any(axis=1).to_numpy(dtype=bool)
        hashes = _hash(frame.data[key])
        positions = np.flatnonzero(clean)
        for index, first in seen.repeats(hashes[clean], np.asarray(frame.rows)[clean]):
            at = int(positions[index])
            self.problems.append(duplicate(frame, at, tuple(frame.data[c].iat[at] for c in key), first))
        if frame.table in self.lookups.named:
            self.lookups.named[frame.table].update(_join(frame.data, key))
        resolved = resolve(frame, bad, self.lookups)
        self.problems.extend(resolved.problems)
        return resolved.stored

    def _write(self, writer: TableWriter, frame: Frame, stored: pd.DataFrame) -> None:
        keys, outcome = writer.write(frame, stored)
        self.outcomes.setdefault(frame.table, []).append((keys, outcome))
