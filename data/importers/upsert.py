"""Writing a validated batch: insert or update each record by its natural key.

Tables are written parents first (models.TABLE_ORDER).  A record is only
touched when something about it changes, so importing the same file twice
changes nothing, not even its source's ``loaded_at``.

Provenance: a row whose ``source`` cell is filled (as the exporter writes it)
keeps that source and row.  Otherwise its source is the file (or origin) being
imported; a record whose data is unchanged keeps the source it has, because a
second file that merely repeats a record is not where it came from.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from data.importers.frames import Frame
from data.importers.report import TableCounts
from data.importers.store import Store
from data.models import TABLE_ORDER, Source, Sourced
from data.records import COLLECTIONS, RECORDS, Parent

OUTCOMES = ("unchanged", "updated", "added")  # in order: a record counts by the furthest it got


class Writer:
    def __init__(self, store: Store, now: dt.datetime):
        self.store = store
        self.session = store.session
        self.now = now
        self.touched: set[str] = set()  # labels of sources whose records changed
        # What happened to each record the batch names; a record two files
        # name counts once, by what the batch did to it overall.
        self.outcomes: dict[tuple[str, tuple], str] = {}

    def write(self, frames: list[Frame]) -> dict[str, TableCounts]:
        for table in TABLE_ORDER:
            batch = [frame for frame in frames if frame.table == table]
            if not batch:
                continue
            mapping = RECORDS[table]
            rows = [(frame, index, row) for frame in batch for index, row in enumerate(frame.records())]
            hints = mapping.hints([row for _, _, row in rows])
            parents = [list(mapping.parents(row, self.store.known)) for _, _, row in rows]
            self._create_implied(rows, parents)
            for (frame, index, row), named in zip(rows, parents, strict=True):
                found: dict[str, list] = {}
                for parent in named:
                    found.setdefault(parent.column, []).append(self.store.objects[parent.table][parent.key])
                values = mapping.values(row, found, hints)
                self._upsert(table, mapping.key(row), values, *self._provenance(frame, index, row))
            self.session.flush()  # children need their parents' ids
        for label in self.touched:
            self.store.sources[label].loaded_at = self.now
        counts = {table: TableCounts() for table in TABLE_ORDER}
        for (table, _), outcome in self.outcomes.items():
            setattr(counts[table], outcome, getattr(counts[table], outcome) + 1)
        return counts

    def _note(self, table: str, key: tuple, outcome: str) -> None:
        earlier = self.outcomes.get((table, key), "unchanged")
        self.outcomes[(table, key)] = max(earlier, outcome, key=OUTCOMES.index)

    def _create_implied(self, rows, parents: list[list[Parent]]) -> None:
        """Institutions and policy areas named by commitments but not listed anywhere."""
        seen: set[tuple[str, tuple]] = set()
        for (frame, index, row), named in zip(rows, parents, strict=True):
            for parent in named:
                if not parent.implied or (parent.table, parent.key) in seen:
                    continue
                seen.add((parent.table, parent.key))
                if parent.key in self.store.objects[parent.table]:
                    self._note(parent.table, parent.key, "unchanged")
                    continue
                mapping = RECORDS[parent.table]
                parent_row = dict(zip(mapping.format.key, parent.key, strict=True))
                values = mapping.values(parent_row, {}, {})
                label, source_row, _ = self._provenance(frame, index, row)
                self._add(parent.table, parent.key, values, label, source_row)
        self.session.flush()

    def _provenance(self, frame: Frame, index: int, row: dict[str, str]) -> tuple[str, int | None, bool]:
        """(source label, source row, whether the row names its source itself)."""
        given_row = int(row["source_row"]) if row.get("source_row") else None
        if row.get("source"):
            return row["source"], given_row, True
        return frame.source, given_row if given_row is not None else frame.rows[index], False

    def _upsert(
        self, table: str, key: tuple, values: dict[str, Any], label: str, source_row: int | None, explicit: bool
    ) -> None:
        record = self.store.objects[table].get(key)
        if record is None:
            self._add(table, key, values, label, source_row)
            return
        changed = {a: v for a, v in values.items() if not _same(a, getattr(record, a), v)}
        current = (record.source.label, record.source_row)
        if changed or explicit:
            moves = current != (label, source_row)
        else:  # the same file again, its rows reordered: follow the row
            moves = current[0] == label and current[1] != source_row
        if not changed and not moves:
            self._note(table, key, "unchanged")
            return
        for attribute, value in changed.items():
            setattr(record, attribute, value)
        if moves:
            record.source, record.source_row = self._source(label), source_row
        self.touched.add(label)
        self._note(table, key, "updated")

    def _add(self, table: str, key: tuple, values: dict[str, Any], label: str, source_row: int | None) -> None:
        # Every project model is Sourced (data/models.py).
        record = cast(Sourced, RECORDS[table].model(**values, source=self._source(label), source_row=source_row))
        self.session.add(record)
        self.store.objects[table][key] = record
        self.touched.add(label)
        self._note(table, key, "added")

    def _source(self, label: str) -> Source:
        return self.store.source(label, self.now)


def _same(attribute: str, old: Any, new: Any) -> bool:
    if attribute in COLLECTIONS:
        return {id(o) for o in old} == {id(n) for n in new}
    return old == new
