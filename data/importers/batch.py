"""An import from start to end: read every file, validate everything, write once.

The tables that hold thousands of records at most (countries, plans,
commitments, forums, organizations, ...) are read whole, validated and checked
as a batch, and written through the ORM (data.importers.upsert).  The tables
that grow with activity are then streamed a chunk at a time
(data.importers.streaming), so memory stays bounded whatever the files' size.

Everything is written in one transaction, and only while no problem has been
found: on any problem nothing is committed and the database is left as it was.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.orm import Session

from data import vocab
from data.db import is_migrated, migrate, session_scope
from data.formats import BY_NAME
from data.importers.frames import Frame, dates_kept_as_text, match_columns, project_frame, table_of
from data.importers.integrity import check_batch
from data.importers.ogp_sheet import is_ogp_sheet, ogp_frames
from data.importers.problems import ImportFailed, Problem, Problems, file_problem
from data.importers.progress import Progress
from data.importers.reading import Sheet, cell_text, read_path
from data.importers.report import ImportReport
from data.importers.store import STREAMED, Store
from data.importers.streaming import Stream, StreamLoader
from data.importers.upsert import Writer
from data.importers.validation import bad_cells, canonicalise, validate

PathLike = str | os.PathLike


@dataclass
class Batch:
    """What the files of one import hold, before anything is checked against the database."""

    frames: list[Frame] = field(default_factory=list)  # held tables, whole
    streams: list[Stream] = field(default_factory=list)  # streamed tables, read when written
    problems: Problems = field(default_factory=Problems)
    warnings: list[Problem] = field(default_factory=list)
    headers: dict[str, list[str]] = field(default_factory=dict)  # each sheet's header, to order problems

    def add(self, sheet: Sheet, table: str, source: str) -> None:
        """A sheet of a project table: held whole, or streamed later."""
        self.headers[sheet.file] = sheet.header
        if table in STREAMED:
            columns, wrong, noticed = match_columns(sheet, table)
            if columns is not None:
                self.streams.append(Stream(sheet, columns, source))
        else:
            frame, wrong, noticed = project_frame(sheet, table, source)
            self.frames += [frame] if frame else []
            self.problems.extend(sheet.problems)
        self.problems.extend(wrong)
        self.warnings += noticed


def import_paths(
    paths: PathLike | Iterable[PathLike], url: str | None = None, *, dry_run: bool = False
) -> ImportReport:
    """Import CSV/XLSX files (OGP's commitment sheet or project tables) into the database.

    Raises ImportFailed, writing nothing, when anything is wrong.  A dry run
    checks and counts everything and then rolls back.
    """
    paths = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    batch = Batch()
    for path in paths:
        read_into(path, batch)
    if not paths:
        batch.problems.append(file_problem("-", "no file was given; name the CSV or XLSX files to import"))
    if not is_migrated(url):
        migrate(url)
    with session_scope(url) as session:
        report = load(session, batch, [str(p) for p in paths])
        report.dry_run = dry_run
        if dry_run:
            session.rollback()  # the scope then commits nothing
    return report


def read_into(path: PathLike, batch: Batch) -> None:
    """The sheets a file holds, added to the batch."""
    sheets, problems, warnings = read_path(path)
    batch.problems.extend(problems)
    batch.warnings += warnings
    for sheet in sheets:
        if is_ogp_sheet(sheet):
            batch.headers[sheet.file] = sheet.header
            found, wrong, noticed = ogp_frames(sheet)
            batch.frames += found
            batch.problems.extend(sheet.problems)
            batch.problems.extend(wrong)
            batch.warnings += noticed
            continue
        table, wrong_table = table_of(sheet)
        if wrong_table:
            batch.problems.append(wrong_table)
            continue
        assert table is not None  # table_of gives a table or a problem
        batch.add(sheet, table, f"file:{sheet.name}")


def load_frames(session: Session, frames: dict[str, pd.DataFrame], origin: str) -> ImportReport:
    """Validate and upsert project-format tables inside the caller's session (no commit).

    ``origin`` (``seed:…``, ``sample:…``, ``file:…``) is the source of rows whose
    ``source`` column is empty; their source row is the frame's row + 2, as in
    a spreadsheet with a header.  Problems are located ``<origin>/<table>:ROW:COLUMN``.
    """
    kind = origin.split(":", 1)[0]
    if kind not in vocab.SOURCE_KINDS or not origin.partition(":")[2]:
        raise ImportFailed(
            [
                file_problem(
                    origin,
                    f"the origin must be kind:name with kind one of "
                    f"{', '.join(vocab.SOURCE_KINDS)}, e.g. sample:peru-sample",
                )
            ]
        )
    batch = Batch()
    for table, data in frames.items():
        where = f"{origin}/{table}"
        if table not in BY_NAME:
            batch.problems.append(
                file_problem(where, f"'{table}' is not a project table; use one of {', '.join(BY_NAME)}")
            )
            continue
        sheet = Sheet(
            where,
            where,
            table,
            header=[str(c) for c in data.columns],
            held=[(i + 2, [_text(v) for v in values]) for i, values in enumerate(data.itertuples(index=False))],
        )
        batch.add(sheet, table, origin)
    return load(session, batch, [origin])


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return cell_text(value)


def load(session: Session, batch: Batch, sources: list[str]) -> ImportReport:
    """Check the batch against the database and write it while nothing is wrong (no commit)."""
    problems, warnings, frames = batch.problems, batch.warnings, batch.frames
    if problems and not frames and not batch.streams:
        raise _failed(batch, sources)  # nothing to check further
    bad: dict[tuple[int, int], set[str]] = {}
    for frame in frames:
        wrong, marks = validate(frame)
        problems.extend(wrong)
        warnings += dates_kept_as_text(frame)
        bad |= {(id(frame), index): columns for index, columns in bad_cells(marks).items()}
        canonicalise(frame)
    store = Store(session)
    for frame in frames:
        store.absorb(frame)
    problems.extend(check_batch(frames, store, bad))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # loaded_at is naive UTC
    counts = Writer(store, now).write(frames) if problems.none() else {}
    session.flush()
    progress = Progress([stream.sheet for stream in batch.streams])
    streamed = StreamLoader(session, store, problems, warnings, now, progress)
    try:
        streamed.load(batch.streams, STREAMED)
    finally:
        progress.close()
    if problems:
        raise _failed(batch, sources)
    counts |= streamed.counts()
    for label in streamed.touched:
        store.sources[label].loaded_at = now
    return ImportReport(sources=sources, counts=counts, warnings=warnings)


def _failed(batch: Batch, sources: list[str]) -> ImportFailed:
    problems = _in_order(batch.problems.items, sources, batch.headers)
    return ImportFailed(problems, batch.warnings, more=batch.problems.more)


def _in_order(problems: list[Problem], sources: list[str], headers: dict[str, list[str]]) -> list[Problem]:
    """As the user reads them: files in the order given, then rows, then columns."""

    def position(problem: Problem) -> tuple[int, int, int]:
        file = next(
            (
                i
                for i, s in enumerate(sources)
                if problem.file == s or problem.file.startswith(f"{s}[") or problem.file.startswith(f"{s}/")
            ),
            len(sources),
        )
        header = headers.get(problem.file, [])
        column = header.index(problem.column) if problem.column in header else -1
        return file, problem.row, column

    return sorted(problems, key=position)
