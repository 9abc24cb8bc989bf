"""What an import did: records added, updated and unchanged per table."""

from __future__ import annotations

from dataclasses import dataclass, field

from data.importers.problems import Problem
from data.models import TABLE_ORDER


@dataclass
class TableCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"

    def __iadd__(self, other: TableCounts) -> TableCounts:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self


@dataclass
class ImportReport:
    """Counts per table (in dependency order), warnings, and whether it was a dry run."""

    sources: list[str] = field(default_factory=list)  # files, or the origin of frames
    counts: dict[str, TableCounts] = field(default_factory=lambda: {t: TableCounts() for t in TABLE_ORDER})
    warnings: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total(self) -> TableCounts:
        total = TableCounts()
        for counts in self.counts.values():
            total += counts
        return total

    @property
    def changed(self) -> bool:
        return bool(self.total.added or self.total.updated)

    def summary(self) -> str:
        head = "Dry run, nothing written: " if self.dry_run else "Imported "
        lines = [head + ", ".join(self.sources)]
        lines += [
            f"  {table}: {counts}"
            for table, counts in self.counts.items()
            if counts.added or counts.updated or counts.unchanged
        ]
        lines.append(f"Total: {self.total}")
        return "\n".join(lines)

    __str__ = summary
