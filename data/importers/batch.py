"""An import from start to end: read every file, validate everything, then write once.

Nothing is written unless the whole batch is valid, and then everything is
written in one transaction: on any problem the database is left as it was.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

import pandas as pd
from sqlalchemy.orm import Session

from data import vocab
from data.db import is_migrated, migrate, session_scope
from data.formats import BY_NAME
from data.importers.frames import Frame, dates_kept_as_text, project_frame, table_of
from data.importers.integrity import check_batch
from data.importers.ogp_sheet import is_ogp_sheet, ogp_frames
from data.importers.problems import ImportFailed, Problem, file_problem
from data.importers.reading import Sheet, cell_text, read_path
from data.importers.report import ImportReport
from data.importers.schemas import canonicalise, validate
from data.importers.store import Store
from data.importers.upsert import Writer

PathLike = str | os.PathLike


def import_paths(
    paths: PathLike | Iterable[PathLike], url: str | None = None, *, dry_run: bool = False
) -> ImportReport:
    """Import CSV/XLSX files (OGP's commitment sheet or project tables) into the database.

    Raises ImportFailed, writing nothing, when anything is wrong.  A dry run
    checks and counts everything and then rolls back.
    """
    paths = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    frames, problems, warnings, headers = [], [], [], {}
    for path in paths:
        found, wrong, noticed = frames_from_path(path, headers)
        frames += found
        problems += wrong
        warnings += noticed
    if not paths:
        problems.append(file_problem("-", "no file was given; name the CSV or XLSX files to import"))
    if not is_migrated(url):
        migrate(url)
    with session_scope(url) as session:
        report = load(session, frames, problems, warnings, [str(p) for p in paths], headers)
        report.dry_run = dry_run
        if dry_run:
            session.rollback()  # the scope then commits nothing
    return report


def frames_from_path(path: PathLike, headers: dict[str, list[str]]) -> tuple[list[Frame], list[Problem], list[Problem]]:
    """The frames a file holds; ``headers`` collects each sheet's header, to order problems."""
    sheets, problems, warnings = read_path(path)
    frames = []
    for sheet in sheets:
        headers[sheet.file] = sheet.header
        if is_ogp_sheet(sheet):
            found, wrong, noticed = ogp_frames(sheet)
            frames += found
        else:
            table, wrong_table = table_of(sheet)
            if wrong_table:
                problems.append(wrong_table)
                continue
            frame, wrong, noticed = project_frame(sheet, table, f"file:{sheet.name}")
            frames += [frame] if frame else []
        problems += wrong
        warnings += noticed
    return frames, problems, warnings


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
    found, problems, warnings, headers = [], [], [], {}
    for table, data in frames.items():
        where = f"{origin}/{table}"
        if table not in BY_NAME:
            problems.append(file_problem(where, f"'{table}' is not a project table; use one of {', '.join(BY_NAME)}"))
            continue
        sheet = Sheet(
            where,
            where,
            table,
            header=[str(c) for c in data.columns],
            rows=[(i + 2, [_text(v) for v in values]) for i, values in enumerate(data.itertuples(index=False))],
        )
        headers[where] = sheet.header
        frame, wrong, noticed = project_frame(sheet, table, origin)
        found += [frame] if frame else []
        problems += wrong
        warnings += noticed
    return load(session, found, problems, warnings, [origin], headers)


def _text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return cell_text(value)


def load(
    session: Session,
    frames: list[Frame],
    problems: list[Problem],
    warnings: list[Problem],
    sources: list[str],
    headers: dict[str, list[str]],
) -> ImportReport:
    """Check the whole batch against the database, then write it (no commit)."""
    if problems and not frames:
        raise ImportFailed(_in_order(problems, sources, headers), warnings)  # nothing to check further
    bad_cells: dict[tuple[int, int], set[str]] = {}
    for frame in frames:
        wrong, bad = validate(frame)
        problems += wrong
        warnings += dates_kept_as_text(frame)
        bad_cells |= {(id(frame), index): columns for index, columns in bad.items()}
        canonicalise(frame)
    store = Store(session)
    for frame in frames:
        store.absorb(frame)
    problems += check_batch(frames, store, bad_cells)
    if problems:
        raise ImportFailed(_in_order(problems, sources, headers), warnings)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # loaded_at is naive UTC
    counts = Writer(store, now).write(frames)
    return ImportReport(sources=sources, counts=counts, warnings=warnings)


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
