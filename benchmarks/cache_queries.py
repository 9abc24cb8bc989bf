"""Count the SQL each benchmark case runs through Flask's test client, cold and warm.

    python -m benchmarks.cache_queries [--only TEXT,TEXT…] [--json]

For every case in benchmarks/cases.py: the data-version queries (the cache
key's "has anything been loaded?" question) and all statements, on the first
request (cold cache) and the second (warm).  Peru's seed and sample on SQLite,
an in-process cache; no server, so the counts are exact (the warm times are
in-process medians, for comparing two versions of the code in one sitting).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

TODAY = "2026-11-27"
WARM_REQUESTS = 15  # timed after the two counted ones: the median, in-process (no HTTP)


def is_version_query(statement: str) -> bool:
    text = " ".join(statement.lower().split())
    return "max(sources.loaded_at)" in text and "count(sources.id)" in text


def measure(only: str | None = None) -> list[dict]:
    from benchmarks.cases import cases
    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.factory import create_app
    from data.db import get_engine, migrate
    from data.seed import seed_database

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'peru.sqlite3'}"
        migrate(url)
        seed_database(url)
        app = create_app(url, today=dt.date.fromisoformat(TODAY), cache_config={"CACHE_TYPE": "SimpleCache"})
        seen: list[str] = []
        event.listen(get_engine(url), "before_cursor_execute", lambda c, cur, stmt, *a: seen.append(stmt))
        client = app.server.test_client()
        for view, name, fragments, values in cases("PER", None):
            if only and not any(part in f"{view} {name}" for part in only.split(",")):
                continue
            body = dash_request(app, find_callback(app, *fragments), values)
            row = {"view": view, "case": name}
            for run in ("cold", "warm"):
                seen.clear()
                response = client.post("/_dash-update-component", json=body)
                row[f"{run}_status"] = response.status_code
                row[f"{run}_version"] = sum(is_version_query(s) for s in seen)
                row[f"{run}_sql"] = len(seen)
            times = []
            for _ in range(WARM_REQUESTS):
                start = time.perf_counter()
                client.post("/_dash-update-component", json=body)
                times.append((time.perf_counter() - start) * 1000)
            row["warm_ms"] = statistics.median(times)
            row["warm_min_ms"] = min(times)
            rows.append(row)
    return rows


def markdown(rows: list[dict]) -> str:
    lines = [
        "| view | case | version queries cold / warm | statements cold / warm | warm ms (median, min) |",
        "|---|---|---:|---:|---:|",
    ]
    for r in rows:
        flag = "" if r["cold_status"] == r["warm_status"] == 200 else f" (HTTP {r['cold_status']})"
        lines.append(
            f"| {r['view']} | {r['case']}{flag} | {r['cold_version']} / {r['warm_version']} | "
            f"{r['cold_sql']} / {r['warm_sql']} | {r['warm_ms']:.1f}, {r['warm_min_ms']:.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    rows = measure(only)
    print(markdown(rows))
    if "--json" in sys.argv:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
