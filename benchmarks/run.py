"""Measure every view's callbacks server-side, through Dash's endpoint.

    python -m benchmarks.run [--requests 200] [--datasets peru,ogp,scale]

For each dataset (Peru's seed and sample; the same plus OGP's 558-row extract;
``scale``: Peru plus a synthetic country of ~30,000 milestones, see
benchmarks/scale_dataset.py, whose cases run for that country)
it builds a database, serves the app with gunicorn (2 workers, as in
production), and times each callback request from a client on loopback: p50,
p95 and the response size, beside a bare Flask JSON route on the same server
(the floor).  Compare ratios within one run: the machine is shared and noisy.
Results are printed as a Markdown table and written to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OGP_EXTRACT = ROOT / "tests" / "fixtures" / "ogp" / "open_parliament_0703.csv"
TODAY = "2026-11-27"
# The country each dataset's cases look at.
COUNTRY = {"peru": "PER", "ogp": "PER", "scale": "BENCH"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_database(dataset: str, folder: Path) -> str:
    from data.db import migrate
    from data.importers import import_paths
    from data.seed import seed_database

    url = f"sqlite:///{folder / (dataset + '.sqlite3')}"
    migrate(url)
    seed_database(url)
    if dataset == "ogp":
        import_paths([OGP_EXTRACT], url)
    if dataset == "scale":
        from benchmarks.scale_dataset import build_scale_database

        build_scale_database(url, seed=False)
    return url


def serve(url: str, port: int) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=url, OGP_TODAY=TODAY, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "benchmarks.bench_app:server",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def timed(conn: http.client.HTTPConnection, path: str, body: bytes, n: int) -> tuple[list[float], int, int]:
    latencies, size, status = [], 0, 0
    headers = {"Content-Type": "application/json", "Accept-Language": "es"}
    for i in range(n + 5):
        start = time.perf_counter()
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        status = response.status
        size = len(payload)
        if i >= 5:  # the first requests warm caches and imports
            latencies.append(elapsed)
    return latencies, size, status


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def run(datasets: list[str], n: int) -> list[dict]:
    from benchmarks.cases import cases
    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.factory import create_app

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in datasets:
            started = time.perf_counter()
            url = build_database(dataset, Path(tmp))
            print(f"[{dataset}] database built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            app = create_app(url, today=dt.date.fromisoformat(TODAY))
            port = free_port()
            proc = serve(url, port)
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                floor, _, _ = timed(conn, "/_bench/ping", b"{}", n)
                floor_p50 = statistics.median(floor)
                rows.append(
                    {
                        "dataset": dataset,
                        "view": "(floor)",
                        "case": "bare Flask JSON route",
                        "p50": floor_p50,
                        "p95": percentile(floor, 95),
                        "bytes": 12,
                        "status": 200,
                        "ratio": 1.0,
                    }
                )
                for view, name, fragments, values in cases(COUNTRY[dataset], None):
                    key = find_callback(app, *fragments)
                    body = json.dumps(dash_request(app, key, values)).encode()
                    lat, size, status = timed(conn, "/_dash-update-component", body, n)
                    p50 = statistics.median(lat)
                    rows.append(
                        {
                            "dataset": dataset,
                            "view": view,
                            "case": name,
                            "p50": p50,
                            "p95": percentile(lat, 95),
                            "bytes": size,
                            "status": status,
                            "ratio": p50 / floor_p50,
                        }
                    )
            finally:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=20)
    return rows


def markdown(rows: list[dict]) -> str:
    lines = ["| dataset | view | case | p50 ms | p95 ms | × floor (p50) | bytes |", "|---|---|---|---:|---:|---:|---:|"]
    for r in rows:
        flag = "" if r["status"] == 200 else f" (HTTP {r['status']})"
        lines.append(
            f"| {r['dataset']} | {r['view']} | {r['case']}{flag} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['ratio']:.1f} | {r['bytes']:,} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per case (default 200)")
    parser.add_argument("--datasets", default="peru,ogp", help="peru, ogp (default: both) and/or scale")
    args = parser.parse_args()
    rows = run(args.datasets.split(","), args.requests)
    table = markdown(rows)
    print(table)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"callbacks-{stamp}.md").write_text(table + "\n", encoding="utf-8")
    (out / f"callbacks-{stamp}.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    slow = [r for r in rows if r["p95"] > 50 and r["view"] != "(floor)"]
    if slow:
        print(f"\n{len(slow)} case(s) above the 50 ms p95 target", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
