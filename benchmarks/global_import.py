"""Import the global-scale dataset into fresh databases, beside the databases' own bulk loaders.

    python -m benchmarks.global_import [--scale 1.0] [--backends sqlite postgresql] [--data DIR]

For each backend, in one run: a fresh database (an SQLite file; a PostgreSQL
database created and dropped here, on the tests' server, OGP_TEST_POSTGRES_URL),
migrated (not timed); ``ogp-monitor import`` of every file of
benchmarks.global_dataset, then the same import again (nothing changes), each
in a subprocess under ``/usr/bin/time -v`` for wall time, CPU time and peak
memory; and the database's own bulk loader on the same files into tables of
text (``sqlite3`` ``.import --csv``; ``psql`` ``\\copy … CSV HEADER``).  Prints a
table and writes benchmarks/results/global_import.json.

The machine may be shared: CPU seconds (user + system) are given beside wall
seconds, and the ratio to the bulk loader is taken in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.global_dataset import write
from data.models import TABLE_ORDER

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "global_import.json"


def timed_run(command: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak memory (MB) of a command, via /usr/bin/time -v."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")

    def field(name: str) -> float:
        found = re.search(rf"{re.escape(name)}: ([\d.]+)", done.stderr)
        return float(found.group(1)) if found else float("nan")

    return {
        "wall_s": round(wall, 1),
        "cpu_s": round(field("User time (seconds)") + field("System time (seconds)"), 1),
        "peak_mb": round(field("Maximum resident set size (kbytes)") / 1024),
    }


def ogp_monitor(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "ogp_monitor", "--database", url, *args]


@contextlib.contextmanager
def fresh_database(backend: str, folder: Path, name: str):
    if backend == "sqlite":
        path = folder / f"{name}.sqlite3"
        path.unlink(missing_ok=True)
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    from tests.conftest import temporary_postgres_database

    with temporary_postgres_database() as url:
        yield url


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def bulk_loader(backend: str, url: str, files: list[Path], folder: Path) -> dict[str, float]:
    """The database's own CSV loader, every file into a table of text named after it."""
    if backend == "sqlite":
        path = url.removeprefix("sqlite:///")
        script = folder / "load.sqlite"
        script.write_text("".join(f".import --csv {f} bulk_{f.stem}\n" for f in files), encoding="utf-8")
        return timed_run(["bash", "-c", f"sqlite3 {path} < {script}"])
    lines = []
    for f in files:
        with f.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle))
        columns = ", ".join(f'"{c}" text' for c in header)
        lines.append(f"CREATE TABLE bulk_{f.stem} ({columns});")
        lines.append(f"\\copy bulk_{f.stem} FROM '{f}' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')")
    script = folder / "load.psql"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return timed_run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpq(url), "-f", str(script)])


def run(backend: str, files: list[Path], folder: Path) -> dict[str, dict[str, float]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    results = {}
    with fresh_database(backend, folder, "import") as url:
        subprocess.run(ogp_monitor(url, "init"), cwd=ROOT, env=env, check=True, capture_output=True)
        results["import"] = timed_run(ogp_monitor(url, "import", *map(str, files)), env)
        results["re-import (no change)"] = timed_run(ogp_monitor(url, "import", *map(str, files)), env)
    with fresh_database(backend, folder, "bulk") as url:
        results["bulk loader"] = bulk_loader(backend, url, files, folder)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--data", help="a folder holding the dataset already (else it is generated)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = Path(args.data) if args.data else folder / "dataset"
        if not args.data:
            write(data, args.scale)
        files = [data / f"{table}.csv" for table in TABLE_ORDER]
        rows = sum(sum(1 for _ in f.open("rb")) - 1 for f in files)
        results = {"rows": rows, "scale": args.scale}
        for backend in args.backends:
            results[backend] = run(backend, files, folder)
            print(json.dumps({backend: results[backend]}), flush=True)
    print(f"{rows:,} rows (lines of CSV)")
    print(f"{'':<12} {'step':<24} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'× loader':>9}")
    for backend in args.backends:
        loader = results[backend]["bulk loader"]["wall_s"]
        for step, numbers in results[backend].items():
            ratio = numbers["wall_s"] / loader if loader else float("nan")
            print(
                f"{backend:<12} {step:<24} {numbers['wall_s']:>8.1f} {numbers['cpu_s']:>8.1f} "
                f"{numbers['peak_mb']:>8} {ratio:>9.1f}"
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
