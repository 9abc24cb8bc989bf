"""What the database already holds, by natural key, overlaid with the batch.

Loaded once per import in the import's session: the integrity checks ask it
which records exist (in the database or in the batch), and the writer finds the
record a row updates.  Projects of this size hold thousands of records, so
loading every table is cheaper than a query per row.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from data.importers.frames import Frame
from data.models import TABLE_ORDER, Source
from data.records import RECORDS, Loaded, Row, load_all


class Store:
    def __init__(self, session: Session):
        self.session = session
        self._loaded: Loaded = load_all(session)  # held so the identity map keeps them
        self.sources: dict[str, Source] = {s.label: s for s in self._loaded.sources}
        self.objects: dict[str, dict[tuple, object]] = {t: {} for t in TABLE_ORDER}
        self.rows: dict[str, dict[tuple, Row]] = {t: {} for t in TABLE_ORDER}
        for table, records in self._loaded.records.items():
            mapping = RECORDS[table]
            for record in records:
                row = mapping.export(record)
                key = mapping.key(row)
                self.objects[table][key] = record
                self.rows[table][key] = row

    def known(self, table: str, key: tuple[str, ...]) -> Row | None:
        """The row of a record in the batch or, failing that, the database."""
        return self.rows[table].get(key)

    def overlay(self, frames: list[Frame]) -> None:
        for frame in frames:
            mapping = RECORDS[frame.table]
            for row in frame.records():
                self.rows[frame.table][mapping.key(row)] = row
