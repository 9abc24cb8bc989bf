"""Checks across rows and tables: duplicate keys, references, answered <= received.

A key twice in one file is a mistake; the same record in two files of a batch
is an update (the later file wins, see Store.absorb).

A reference is good when the record it names is in the database or anywhere
in the same import; the checks run after the per-cell validation, on the
batch as a whole, and never touch the database.
"""

from __future__ import annotations

from data.formats import BY_NAME
from data.importers.frames import Frame
from data.importers.problems import Problem
from data.importers.store import Store
from data.records import RECORDS, Parent

# How a missing parent is named, and where the user adds it.
_MISSING = {
    "countries": ("country '{0}'", "countries.csv", "code"),
    "action_plans": ("action plan '{0}'", "action_plans.csv", "id"),
    "commitments": ("commitment '{0}'", "commitments.csv", "id"),
    "milestones": ("milestone {1} of commitment '{0}'", "milestones.csv", "commitment and number"),
    "forums": ("forum '{0}'", "forums.csv", "code"),
    "meetings": ("a meeting of forum '{0}' on {1}", "meetings.csv", "forum and date"),
    "organizations": ("organization '{1}' (in {0})", "organizations.csv", "name"),
}


def check_batch(frames: list[Frame], store: Store, bad_cells: dict[tuple[int, int], set[str]]) -> list[Problem]:
    """``bad_cells`` holds the columns already reported by (frame id, row index),
    so a bad cell is not reported again as an unknown reference or a duplicate."""
    problems: list[Problem] = []
    for frame in frames:
        seen: dict[tuple[str, tuple], tuple[Frame, int]] = {}  # a later file may update a record
        mapping = RECORDS[frame.table]
        key_columns = BY_NAME[frame.table].key
        for index, row in enumerate(frame.records()):
            bad = bad_cells.get((id(frame), index), set())
            bad_values = {row[column] for column in bad}
            if not bad & set(key_columns):
                problems += _duplicate(frame, index, mapping.key(row), seen)
            for parent in mapping.parents(row, store.known):
                if parent.implied or parent.column in bad or bad_values & set(parent.key):
                    continue
                if store.known(parent.table, parent.key) is None:
                    problems.append(frame.problem(index, parent.column, _unknown(parent)))
            if frame.table == "participation" and not bad:
                problems += _answered_within_received(frame, index, row)
    return problems


def _duplicate(frame: Frame, index: int, key: tuple, seen: dict) -> list[Problem]:
    table = frame.table
    if (table, key) not in seen:
        seen[(table, key)] = (frame, index)
        return []
    first, first_index = seen[(table, key)]
    return [duplicate(frame, index, key, first.rows[first_index])]


def duplicate(frame: Frame, index: int, key: tuple, first_row: int) -> Problem:
    """The row at ``index`` repeats the key of spreadsheet row ``first_row``."""
    where = f"row {first_row}"
    fmt = BY_NAME[frame.table]
    headers = [frame.headers.get(column, column) for column in fmt.key]
    named = ", ".join(f"{header} {value}" for header, value in zip(headers, key, strict=True) if value)
    # point at the key column that tells records apart: the last required one
    column = next(c for c in reversed(fmt.key) if fmt.column(c).required)
    return frame.problem(
        index,
        column,
        f"{named} is already in {where}; keep one of the two rows or change its {' and '.join(headers)}",
    )


def _unknown(parent: Parent) -> str:
    return unknown(parent.table, parent.key)


def unknown(table: str, key: tuple[str, ...]) -> str:
    """A record named by a row is in neither the database nor the import."""
    what, file, key_name = _MISSING[table]
    return f"{what.format(*key)} is not in the database or in this import; add it ({file}) or correct the {key_name}"


def _answered_within_received(frame: Frame, index: int, row: dict[str, str]) -> list[Problem]:
    received, answered = row["contributions_received"], row["contributions_answered"]
    if received and answered and int(answered) > int(received):
        return [
            frame.problem(
                index,
                "contributions_answered",
                f"{answered} answered is more than the {received} received; answered counts "
                "contributions that got a reasoned answer, so it cannot exceed received",
            )
        ]
    return []
