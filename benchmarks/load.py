"""Load: N clients for T seconds against gunicorn with W workers, counting errors.

    python -m benchmarks.load --clients 32 --seconds 60 --workers 4 --private-postgres
    python -m benchmarks.load --private-postgres --outage-at 20 --outage 10   # stop PostgreSQL for 10 s

Loopback only, bounded: at most 256 clients and 600 seconds.  Each client is a
thread with its own keep-alive connection that replays, in turn, what browsers
send for Peru's views (the router's page renders and every view's callbacks,
benchmarks/cases.py).  An error is a response of 500 or more, or no response
(refused, reset, timed out); 503 while the database is away is the expected
answer and is counted apart.

``--private-postgres`` runs a PostgreSQL of its own (initdb into a temporary
folder, on a free port, as the ``postgres`` user when run as root) so that
``--outage`` can stop it and start it again: the shared server on 5432 is never
touched.  ``--database URL`` uses an existing, seeded database instead (no
outage then).  Results: totals, errors per phase (before, during the outage,
the first 5 s after the database is back, the rest), and latency percentiles
of successful requests.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.run import ROOT, TODAY, free_port

MAX_CLIENTS = 256
MAX_SECONDS = 600
RECOVERY_WINDOW = 5.0


# --- a private PostgreSQL -----------------------------------------------------------


def _pg_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not versions:
        raise SystemExit("no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)")
    return versions[-1].parent


class PrivatePostgres:
    """A throw-away PostgreSQL cluster on loopback, owned by this script."""

    def __init__(self):
        self.bin = _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="ogp-load-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/ogp_load"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        prefix = ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"] if os.geteuid() == 0 else []
        return subprocess.run([*prefix, *args], check=check, capture_output=True, text=True, timeout=120)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "ogp_load")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start"
        )

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


# --- the server and its clients --------------------------------------------------


def serve(url: str, port: int, workers: int, threads: int) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=url, OGP_TODAY=TODAY, PYTHONPATH=str(ROOT))
    env.pop("REDIS_URL", None)
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "--threads", str(threads)]
    command += ["-b", f"127.0.0.1:{port}", "--log-level", "warning", "benchmarks.bench_app:server"]
    proc = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return proc
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def request_bodies(url: str) -> list[bytes]:
    import datetime as dt

    from benchmarks.cases import cases
    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.factory import create_app

    app = create_app(url, today=dt.date.fromisoformat(TODAY), migrate=False)
    bodies = []
    for _view, _name, fragments, values in cases("PER", None):
        if any("download" in f for f in fragments):
            continue  # file downloads are measured by benchmarks.run
        bodies.append(json.dumps(dash_request(app, find_callback(app, *fragments), values)).encode())
    return bodies


def client(port: int, bodies: list[bytes], offset: int, stop_at: float, results: list) -> None:
    headers = {"Content-Type": "application/json", "Accept-Language": "es"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    while time.monotonic() < stop_at:
        body = bodies[i % len(bodies)]
        i += 1
        started = time.monotonic()
        try:
            connection.request("POST", "/_dash-update-component", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0  # no answer
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results.append((started, time.monotonic() - started, status))
    connection.close()


def phase_of(finished: float, outage: tuple[float, float] | None) -> str:
    """The phase a response belongs to, by when it arrived (requests queue at the
    server, so one sent before an outage may be answered during it)."""
    if outage is None:
        return "steady"
    down, back = outage
    if finished < down:
        return "before"
    if finished < back:
        return "outage"
    if finished < back + RECOVERY_WINDOW:
        return "first 5 s back"
    return "after"


def summarise(results: list, outage: tuple[float, float] | None, seconds: float) -> dict:
    phases: dict[str, dict] = {}
    for started, elapsed, status in results:
        p = phases.setdefault(
            phase_of(started + elapsed, outage), {"requests": 0, "errors": 0, "503": 0, "no answer": 0}
        )
        p["requests"] += 1
        if status == 503:
            p["503"] += 1
        if status == 0:
            p["no answer"] += 1
        if status == 0 or status >= 500:
            p["errors"] += 1
    ok = sorted(elapsed * 1000 for _s, elapsed, status in results if status in (200, 204))
    quantiles = statistics.quantiles(ok, n=100) if len(ok) > 1 else [0.0] * 99
    return {
        "requests": len(results),
        "per_second": round(len(results) / seconds, 1),
        "errors": sum(p["errors"] for p in phases.values()),
        "statuses": {str(s): sum(1 for *_, st in results if st == s) for s in sorted({r[2] for r in results})},
        "phases": phases,
        "latency_ms": {"p50": round(quantiles[49], 1), "p95": round(quantiles[94], 1), "p99": round(quantiles[98], 1)},
    }


def run(args) -> dict:
    pg = None
    try:
        if args.private_postgres:
            pg = PrivatePostgres()
            pg.init()
            url = pg.url
            from data.db import migrate
            from data.seed import seed_database

            migrate(url)
            seed_database(url)
        else:
            url = args.database
        bodies = request_bodies(url)
        port = free_port()
        proc = serve(url, port, args.workers, args.threads)
        try:
            results: list = []
            start = time.monotonic()
            stop_at = start + args.seconds
            threads = [
                threading.Thread(target=client, args=(port, bodies, i * 3, stop_at, results), daemon=True)
                for i in range(args.clients)
            ]
            for thread in threads:
                thread.start()
            outage = None
            if args.outage and pg is not None:
                time.sleep(max(0.0, start + args.outage_at - time.monotonic()))
                down = time.monotonic()
                pg.stop()
                time.sleep(max(0.0, down + args.outage - time.monotonic()))
                pg.start()  # -w: returns once the server accepts connections
                outage = (down, time.monotonic())
                print(f"PostgreSQL stopped at {down - start:.1f} s, back at {outage[1] - start:.1f} s", file=sys.stderr)
            for thread in threads:
                thread.join(timeout=args.seconds + 60)
            summary = summarise(results, outage, args.seconds)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
    finally:
        if pg is not None:
            from data.db import get_engine

            get_engine(pg.url).dispose()
            pg.remove()
    return {
        "clients": args.clients,
        "seconds": args.seconds,
        "workers": args.workers,
        "threads": args.threads,
        "outage_seconds": args.outage if pg is not None else 0,
        **summary,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--private-postgres", action="store_true", help="run a PostgreSQL of its own")
    where.add_argument("--database", help="an existing, seeded database URL")
    parser.add_argument("--outage", type=float, default=0, help="stop the private PostgreSQL for this many seconds")
    parser.add_argument("--outage-at", type=float, default=20, help="seconds into the run when it stops")
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS or not 1 <= args.seconds <= MAX_SECONDS:
        parser.error(f"clients must be 1–{MAX_CLIENTS} and seconds 1–{MAX_SECONDS}")
    if args.outage and not args.private_postgres:
        parser.error("--outage needs --private-postgres (the shared server is never stopped)")
    if args.outage and args.outage_at + args.outage + RECOVERY_WINDOW > args.seconds:
        parser.error("the run must last past the outage and its 5 s recovery window")
    print(json.dumps(run(args), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
