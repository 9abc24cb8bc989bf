"""What the database already holds, by natural key, overlaid with the batch.

Loaded once per import in the import's session, for the tables that hold
thousands of records at most (countries, plans, commitments, forums,
organizations, ...): the integrity checks ask it which records exist (in the
database or in the batch), and the writer finds the record a row updates.
Loading those tables is cheaper than a query per row.  The tables that grow
with activity (milestones, their history, meetings, attendance, participation:
millions of rows at global scale) are never loaded as objects; they are
compared and written in bulk, a chunk at a time (data.importers.streaming).

A file that lacks a column says nothing about it: a record it updates keeps
what it has there (OGP's sheet has no forum_exists, so importing it again must
not erase one set by a project file).  An empty cell does erase.  Files of one
batch apply in order, as if imported one after another: a later file's row
completes and overrides an earlier file's row for the same record.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from data.formats import BY_NAME
from data.importers.frames import Frame
from data.models import TABLE_ORDER, Source, Sourced
from data.records import RECORDS, Loaded, Row, load_all

# Tables streamed in chunks and written in bulk; the others are held here.
STREAMED = ("milestones", "milestone_events", "memberships", "meetings", "attendance", "participation")
HELD = tuple(t for t in TABLE_ORDER if t not in STREAMED)


class Store:
    def __init__(self, session: Session):
        self.session = session
        self._loaded: Loaded = load_all(session, HELD)  # held so the identity map keeps them
        self.sources: dict[str, Source] = {s.label: s for s in self._loaded.sources}
        self.objects: dict[str, dict[tuple, Sourced]] = {t: {} for t in TABLE_ORDER}
        self.rows: dict[str, dict[tuple, Row]] = {t: {} for t in TABLE_ORDER}
        for table, records in self._loaded.records.items():
            mapping = RECORDS[table]
            for record in records:
                row = mapping.export(record)
                key = mapping.key(row)
                self.objects[table][key] = record
                self.rows[table][key] = row

    def absorb(self, frame: Frame) -> None:
        """Complete the frame's rows from the records they update, then let
        them stand for those records."""
        fmt, mapping = BY_NAME[frame.table], RECORDS[frame.table]
        absent = [c.name for c in fmt.columns if c.name not in frame.present]
        rows = self.rows[frame.table]
        filled = {name: list(frame.data[name]) for name in absent}
        for index, row in enumerate(frame.records()):
            current = rows.get(mapping.key(row))
            if current is not None:
                for name in absent:
                    filled[name][index] = current[name]
        for name, values in filled.items():
            frame.set_column(name, values)
        for row in frame.records():
            rows[mapping.key(row)] = row

    def known(self, table: str, key: tuple[str, ...]) -> Row | None:
        """The row of a record in the batch or, failing that, the database."""
        return self.rows[table].get(key)

    def source(self, label: str, now: dt.datetime) -> Source:
        """The source named ``kind:name``, added when new."""
        source = self.sources.get(label)
        if source is None:
            kind, name = label.split(":", 1)
            source = Source(kind=kind, name=name, loaded_at=now)
            self.session.add(source)
            self.sources[label] = source
        return source
