"""The ``ogp-monitor`` command line (also ``python -m ogp_monitor``).

Every command takes ``--database URL`` (default: DATABASE_URL, else the SQLite
file under instance/) and brings that database to the latest schema first.
Without a command it serves the dashboard, like ``serve``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ogp_monitor import __version__

EPILOG = """examples:
  ogp-monitor seed                                  load Peru's data and the marked sample
  ogp-monitor                                       serve the dashboard on http://127.0.0.1:8050
  ogp-monitor import open_parliament_0703.csv       import OGP's commitment sheet
  ogp-monitor import --dry-run milestones.csv       only validate
  ogp-monitor export --format xlsx --out backup/    the whole database as one workbook
  ogp-monitor --database postgresql+psycopg://user@host/db stats --json
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ogp-monitor",
        description="OGP Monitor: a dashboard of Open Government Partnership action plans.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy database URL (default: $DATABASE_URL, else instance/ogp_monitor.sqlite3)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser("serve", help="start the development server (the default command)")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    serve.add_argument("--debug", action="store_true", help="Dash dev tools and hot reload")

    sub.add_parser("init", help="create the database or migrate it to the latest schema")
    sub.add_parser("seed", help="load Peru's data from the seed document and the marked sample")

    imp = sub.add_parser(
        "import",
        help="import OGP's commitment sheet or the project's tables (CSV or XLSX)",
        description="Validate every file, then write all of them in one transaction, or nothing. "
        "Problems are printed as FILE:ROW:COLUMN: message and the exit status is 1.",
    )
    imp.add_argument("paths", nargs="+", metavar="PATH", type=Path, help="CSV or XLSX files")
    imp.add_argument("--dry-run", action="store_true", help="validate only; write nothing")

    exp = sub.add_parser("export", help="export every table in the format the importer reads")
    exp.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="a folder of CSV files, or one workbook")
    exp.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")

    tpl = sub.add_parser("template", help="write blank templates with documented headers and an example row")
    tpl.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")

    stats = sub.add_parser("stats", help="count records per table and per source")
    stats.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "serve"
    if command == "serve" and not hasattr(args, "host"):
        args.host, args.port, args.debug = "127.0.0.1", 8050, False
    try:
        return COMMANDS[command](args)
    except KeyboardInterrupt:
        return 130


def _url(args) -> str:
    from data.config import database_url

    return database_url(args.database)


def _migrated(args) -> str:
    from data.db import migrate

    url = _url(args)
    migrate(url)
    return url


def cmd_serve(args) -> int:
    from dashboard.factory import create_app

    app = create_app(_url(args))
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def cmd_init(args) -> int:
    from data.db import current_revision

    url = _migrated(args)
    print(f"database ready at revision {current_revision(url)}: {_safe(url)}")
    return 0


def cmd_seed(args) -> int:
    from data.seed import seed_database

    url = _migrated(args)
    started = time.perf_counter()
    reports = seed_database(url)
    for name, report in reports.items():
        print(f"{name}: {report.summary()}")
    print(f"seeded {_safe(url)} in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_import(args) -> int:
    from data.importers import ImportFailed, import_paths

    url = _migrated(args)
    started = time.perf_counter()
    try:
        report = import_paths(args.paths, url, dry_run=args.dry_run)
    except ImportFailed as failure:
        for warning in failure.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        if failure.more:
            print(failure.more_text(), file=sys.stderr)
        print(
            f"{failure.count} problem(s); nothing was written. Fix them and import again.",
            file=sys.stderr,
        )
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    verb = "validated (dry run, nothing written)" if args.dry_run else "imported"
    print(f"{verb} in {time.perf_counter() - started:.1f} s")
    print(report.summary())
    return 0


def cmd_export(args) -> int:
    from data.export import export_csv, export_xlsx
    from data.spreadsheets import TooManyRows

    url = _migrated(args)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.format == "csv":
        paths = export_csv(url, args.out)
        print(f"wrote {len(paths)} CSV files to {args.out}")
        return 0
    try:
        path = export_xlsx(url, args.out / "ogp-monitor.xlsx")
    except TooManyRows as error:  # refused before writing: nothing half-written is left
        print(f"error: {error} (ogp-monitor export --format csv)", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def cmd_template(args) -> int:
    from data.templates import write_templates

    args.out.mkdir(parents=True, exist_ok=True)
    paths = write_templates(args.out)
    print(f"wrote {len(paths)} template files to {args.out}")
    return 0


def cmd_stats(args) -> int:
    from data.queries.inventory import stats

    doc = stats(_migrated(args))
    if args.json:
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    width = max(len(name) for name in doc["tables"])
    for name, n in doc["tables"].items():
        print(f"{name:<{width}}  {n:>8}")
    print()
    for name, info in doc["sources"].items():
        print(f"{name}: {info['records']} records, loaded {info['loaded_at']}")
    return 0


def _safe(url: str) -> str:
    """The URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


COMMANDS = {
    "serve": cmd_serve,
    "init": cmd_init,
    "seed": cmd_seed,
    "import": cmd_import,
    "export": cmd_export,
    "template": cmd_template,
    "stats": cmd_stats,
}

if __name__ == "__main__":
    sys.exit(main())
