"""What can be wrong with an import, located the way a spreadsheet user finds it."""

from __future__ import annotations

from dataclasses import dataclass

FILE_LEVEL_ROW = 1
FILE_LEVEL_COLUMN = "-"
# str(ImportFailed) lists this many problems; .problems holds those collected.
SHOWN_PROBLEMS = 100
# An import stops collecting problems after this many (a file of a million bad
# rows would otherwise fill the memory with messages), and counts the rest.
MAX_PROBLEMS = 1000


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


class Problems:
    """The problems of one import: the first MAX_PROBLEMS, and how many more there were."""

    def __init__(self, limit: int = MAX_PROBLEMS):
        self.items: list[Problem] = []
        self.more = 0
        self.limit = limit

    def append(self, problem: Problem) -> None:
        if len(self.items) < self.limit:
            self.items.append(problem)
        else:
            self.more += 1

    def extend(self, problems: list[Problem]) -> None:
        room = self.limit - len(self.items)
        self.items += problems[:room]
        self.more += max(0, len(problems) - room)

    def none(self) -> bool:
        return not self.items and not self.more

    def __bool__(self) -> bool:
        return not self.none()


class ImportFailed(Exception):
    """Nothing was written: ``problems`` says why, ``warnings`` what else was noticed,
    ``more`` how many problems were found beyond the MAX_PROBLEMS collected."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None, more: int = 0):
        self.problems = list(problems)
        self.warnings = list(warnings or [])
        self.more = more
        super().__init__(self._text())

    @property
    def count(self) -> int:
        return len(self.problems) + self.more

    def _text(self) -> str:
        count = self.count
        lines = [f"Nothing was imported: {count} problem{'s' if count != 1 else ''} to fix."]
        lines += [str(p) for p in self.problems[:SHOWN_PROBLEMS]]
        if count > SHOWN_PROBLEMS:
            lines.append(f"... and {count - SHOWN_PROBLEMS} more (see ImportFailed.problems).")
        return "\n".join(lines)

    def more_text(self) -> str:
        """What was not collected, for the end of a list of problems ('' when nothing)."""
        if not self.more:
            return ""
        return f"... and {self.more} more problems after the first {len(self.problems)} (they were not collected)"
