"""Importing OGP's commitment sheet and the project's own tables (CSV or XLSX).

Public API:

- ``import_paths(paths, url=None, *, dry_run=False) -> ImportReport``
- ``load_frames(session, frames, origin) -> ImportReport``
- ``Problem``, ``ImportFailed``, ``ImportReport`` (and ``TableCounts``)

Everything is validated before anything is written; any problem raises
ImportFailed with every problem located as ``FILE:ROW:COLUMN: message``.
"""

from data.importers.batch import import_paths, load_frames
from data.importers.problems import ImportFailed, Problem
from data.importers.report import ImportReport, TableCounts

__all__ = ["ImportFailed", "ImportReport", "Problem", "TableCounts", "import_paths", "load_frames"]
