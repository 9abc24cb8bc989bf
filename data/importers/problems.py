"""What can be wrong with an import, located the way a spreadsheet user finds it."""

from __future__ import annotations

from dataclasses import dataclass

FILE_LEVEL_ROW = 1
FILE_LEVEL_COLUMN = "-"
# str(ImportFailed) lists this many problems; .problems holds them all.
SHOWN_PROBLEMS = 100


@dataclass(frozen=True, order=True)
class Problem:
    """One problem: ``FILE:ROW:COLUMN: message``.

    FILE is the file as the user named it (``book.xlsx[milestones]`` for a
    sheet), ROW the spreadsheet row (header = 1), COLUMN the header as written;
    row 1 and column ``-`` for a problem with the whole file.  The message says
    what is wrong and what to do.
    """

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


def file_problem(file: str, message: str) -> Problem:
    return Problem(file, FILE_LEVEL_ROW, FILE_LEVEL_COLUMN, message)


class ImportFailed(Exception):
    """Nothing was written: ``problems`` says why, ``warnings`` what else was noticed."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = list(problems)
        self.warnings = list(warnings or [])
        super().__init__(self._text())

    def _text(self) -> str:
        count = len(self.problems)
        lines = [f"Nothing was imported: {count} problem{'s' if count != 1 else ''} to fix."]
        lines += [str(p) for p in self.problems[:SHOWN_PROBLEMS]]
        if count > SHOWN_PROBLEMS:
            lines.append(f"... and {count - SHOWN_PROBLEMS} more (see ImportFailed.problems).")
        return "\n".join(lines)
