"""Time importing OGP's 558-row extract into an empty database and exporting it.

    python -m benchmarks.import_export [--repeat 3]

Runs on a fresh SQLite file and a fresh PostgreSQL database (made as the tests
make theirs: OGP_TEST_POSTGRES_URL, default the local server) each time; prints the median seconds and writes them
to benchmarks/results/import_export.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from data.db import migrate
from data.export import export_csv, export_xlsx
from data.importers import import_paths
from tests.conftest import temporary_postgres_database

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = ROOT / "tests" / "fixtures" / "ogp" / "open_parliament_0703.csv"
RESULTS = ROOT / "benchmarks" / "results" / "import_export.json"


@contextlib.contextmanager
def empty_database(backend: str, folder: Path):
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'{uuid.uuid4().hex}.sqlite3'}"
        return
    with temporary_postgres_database() as url:  # the tests' server (OGP_TEST_POSTGRES_URL)
        yield url


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run(backend: str, folder: Path) -> dict[str, float]:
    with empty_database(backend, folder) as url:
        migrate(url)  # the schema is not part of the import
        import_paths([EXTRACT], url)  # warm up: imports, engine
    with empty_database(backend, folder) as url:
        migrate(url)
        return {
            "import into empty database": timed(lambda: import_paths([EXTRACT], url)),
            "import again (no change)": timed(lambda: import_paths([EXTRACT], url)),
            "export CSV": timed(lambda: export_csv(url, folder / uuid.uuid4().hex)),
            "export XLSX": timed(lambda: export_xlsx(url, folder / f"{uuid.uuid4().hex}.xlsx")),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends:
            runs = [run(backend, Path(tmp)) for _ in range(args.repeat)]
            results[backend] = {step: round(statistics.median(r[step] for r in runs), 3) for step in runs[0]}
    for backend, steps in results.items():
        for step, seconds in steps.items():
            print(f"{backend:<11} {step:<28} {seconds:6.3f} s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
