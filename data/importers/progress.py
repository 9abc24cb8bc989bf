"""A progress bar on standard error for long imports: rows a second and the time left.

tqdm draws it, only when standard error is a terminal and only after the
import has run a second, so scripts, tests and short imports print nothing.
The total is estimated from the bytes of the files read so far.
"""

from __future__ import annotations

import sys

from tqdm import tqdm

from data.importers.reading import Sheet


class Progress:
    def __init__(self, sheets: list[Sheet], *, enabled: bool | None = None):
        self.sheets = sheets
        self.rows = 0
        self.bar = tqdm(
            desc="import",
            unit=" rows",
            unit_scale=True,
            file=sys.stderr,
            disable=None if enabled is None else not enabled,  # None: only on a terminal
            delay=1.0,
            leave=False,
        )

    def advance(self, rows: int, sheet: Sheet) -> None:
        self.rows += rows
        read = sum(s.position for s in self.sheets)
        size = sum(s.size for s in self.sheets)
        held = sum(len(s.held or ()) for s in self.sheets if not s.size)
        if read:
            estimate = held + int(self.rows * size / read) if size else self.rows
            self.bar.total = max(estimate, self.rows)
        self.bar.update(rows)

    def close(self) -> None:
        self.bar.close()
