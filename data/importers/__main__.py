"""``python -m data.importers [--dry-run] [--database-url URL] FILE...``

Imports the files and prints what changed, or every problem (exit status 1).
"""
from __future__ import annotations

import argparse
import sys

from data.importers import ImportFailed, import_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.importers", description=__doc__.split("\n\n")[1])
    parser.add_argument("files", nargs="+", help="CSV or XLSX files: OGP's commitment sheet or project tables")
    parser.add_argument("--dry-run", action="store_true", help="check and count, but write nothing")
    parser.add_argument("--database-url", help="default: DATABASE_URL, else the embedded SQLite file")
    args = parser.parse_args(argv)
    try:
        report = import_paths(args.files, args.database_url, dry_run=args.dry_run)
    except ImportFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    # warnings were printed as they were found
    print("\n".join(line for line in report.summary().splitlines() if not line.startswith("WARNING")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
