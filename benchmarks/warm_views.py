"""Cold and warm milliseconds of the drawn views, this checkout against another commit, in one run.

    python -m benchmarks.warm_views [--against REF] [--only TEXT,TEXT…] [--repeat N] [--json]

For the callbacks that draw a view (the overview's content, the forum
comparison and panel, the forum brief): through Flask's test client, in
process (no HTTP), Peru's seed and sample on SQLite, an in-process cache.
Each case gets a fresh app (an empty cache): "cold" is its first request,
"warm" the fastest and the median of the next ``--repeat``.  With
``--against REF`` the same cases run on ``git archive REF`` too, in
alternating subprocesses, so both versions share the machine's load; on a
loaded machine compare the fastest warm times.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-11-27"
REPEAT = 15
DEFAULT_ONLY = "/ overview:,comparison,,one-forum panel,brief,"
ROOT = Path(__file__).resolve().parent.parent


def measure(only: str, repeat: int) -> list[dict]:
    """Every matching case timed in this process (the checkout it runs from)."""
    from benchmarks.cases import cases
    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.factory import create_app
    from data.db import migrate
    from data.seed import seed_database

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'peru.sqlite3'}"
        migrate(url)
        seed_database(url)
        for view, name, fragments, values in cases("PER", None):
            if not any(part in f"{view} {name}" for part in only.split(",") if part):
                continue
            app = create_app(url, today=dt.date.fromisoformat(TODAY), cache_config={"CACHE_TYPE": "SimpleCache"})
            client = app.server.test_client()
            body = dash_request(app, find_callback(app, *fragments), values)
            times = []
            for _ in range(repeat + 1):
                start = time.perf_counter()
                response = client.post("/_dash-update-component", json=body)
                times.append((time.perf_counter() - start) * 1000)
            warm = times[1:]
            rows.append(
                {
                    "view": view,
                    "case": name,
                    "status": response.status_code,
                    "bytes": len(response.data),
                    "cold_ms": times[0],
                    "warm_min_ms": min(warm),
                    "warm_median_ms": statistics.median(warm),
                }
            )
    return rows


def _run(tree: Path, only: str, repeat: int) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.warm_views", "--measure", "--only", only, "--repeat", str(repeat)],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(ref: str, only: str, repeat: int, rounds: int = 2) -> tuple[list[dict], list[dict]]:
    """Both versions, alternating, ``rounds`` times each; per case the best of the rounds."""
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        other.mkdir()
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive, check=True)
        shutil.copy(Path(__file__), other / "benchmarks" / "warm_views.py")  # the same timing code on both
        theirs, mine = [], []
        for _ in range(rounds):
            theirs.append(_run(other, only, repeat))
            mine.append(_run(ROOT, only, repeat))
    return _best(theirs), _best(mine)


def _best(runs: list[list[dict]]) -> list[dict]:
    best = [dict(r) for r in runs[0]]
    for run in runs[1:]:
        for row, other in zip(best, run):
            for key in ("cold_ms", "warm_min_ms", "warm_median_ms"):
                row[key] = min(row[key], other[key])
    return best


def markdown(theirs: list[dict] | None, mine: list[dict], ref: str | None) -> str:
    if theirs is None:
        lines = ["| view | case | cold ms | warm ms (min, median) | bytes |", "|---|---|---:|---:|---:|"]
        for r in mine:
            lines.append(
                f"| {r['view']} | {r['case']} | {r['cold_ms']:.0f} | "
                f"{r['warm_min_ms']:.1f}, {r['warm_median_ms']:.1f} | {r['bytes']} |"
            )
        return "\n".join(lines)
    lines = [
        f"| view | case | cold ms {ref} / here | warm min ms {ref} / here | warm median ms {ref} / here |",
        "|---|---|---:|---:|---:|",
    ]
    for a, b in zip(theirs, mine):
        lines.append(
            f"| {b['view']} | {b['case']} | {a['cold_ms']:.0f} / {b['cold_ms']:.0f} | "
            f"{a['warm_min_ms']:.1f} / {b['warm_min_ms']:.1f} | {a['warm_median_ms']:.1f} / {b['warm_median_ms']:.1f} |"
        )
    return "\n".join(lines)


def _option(name: str, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> int:
    only = _option("--only", DEFAULT_ONLY)
    repeat = int(_option("--repeat", REPEAT))
    if "--measure" in sys.argv:  # one checkout, JSON on the last line (what compare reads)
        print(json.dumps(measure(only, repeat)))
        return 0
    ref = _option("--against", None)
    if ref:
        theirs, mine = compare(ref, only, repeat)
    else:
        theirs, mine = None, measure(only, repeat)
    print(markdown(theirs, mine, ref))
    if "--json" in sys.argv:
        print(json.dumps({"against": theirs, "here": mine}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
