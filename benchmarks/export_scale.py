"""Time ``export`` (CSV and XLSX) on a large database and report peak memory.

    python -m benchmarks.scale_dataset sqlite:////tmp/scale.sqlite3 --milestones 150000
    python -m benchmarks.export_scale sqlite:////tmp/scale.sqlite3 [--baseline /path/to/old/checkout]

Each export runs in a subprocess of its own, so its peak resident memory
(``ru_maxrss`` of ``os.wait4``) is its own.  With
``--baseline``, the same exports run with another checkout's code (e.g.
``git worktree add /tmp/old main``) in the same run, so old and new are
compared on the same machine load.  Prints a table and writes
benchmarks/results/export_scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "export_scale.json"
SCRIPT = """
import sys
from data.export import export_csv, export_xlsx
url, fmt, out = sys.argv[1:4]
if fmt == "csv":
    export_csv(url, out)
else:
    export_xlsx(url, out + "/ogp-monitor.xlsx")
"""


def measure(code_root: Path, url: str, fmt: str, out: Path) -> dict:
    """Seconds and peak memory (MB) of one export in a fresh interpreter running ``code_root``'s code."""
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", SCRIPT, url, fmt, str(out)], cwd=code_root, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"export {fmt} with {code_root} failed (status {status})")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return {"seconds": round(seconds, 1), "peak_mb": round(usage.ru_maxrss / 1024), "bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--baseline", type=Path, help="another checkout to time the same exports with")
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    args = parser.parse_args()
    trees = {"new": ROOT} | ({"old": args.baseline.resolve()} if args.baseline else {})
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="ogp-export-bench-") as tmp:
        for fmt in args.formats:
            for label, tree in trees.items():
                out = Path(tmp) / f"{label}-{fmt}"
                out.mkdir()
                results[f"{label} {fmt}"] = measure(tree, args.url, fmt, out)
                print(f"{label:<4} {fmt:<5} {results[f'{label} {fmt}']}", flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"url": args.url, "results": results}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
