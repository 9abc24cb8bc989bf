"""What the benchmark measures: one case per view callback.

Each case is (view, name, output key fragments, values): the callback is the
one whose output key contains every fragment; values map "id.property" to what
the browser would send (see benchmarks/dash_requests.py).  The router's cases
are here; each view adds its own in ``benchmarks/cases_<view>.py`` with a
function ``cases(country, plan)``.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def router_cases(country: str, plan: str | None) -> list[tuple]:
    search = f"?lang=es&country={country}" + (f"&plan={plan}" if plan else "")
    return [
        (path, "page render (router)", ("shell.children",), {"url.pathname": path, "url.search": search})
        for path in ("/", "/timeline", "/forums", "/engagement", "/commitments", "/commitments/PE0066", "/data")
    ]


def cases(country: str, plan: str | None) -> list[tuple]:
    out = router_cases(country, plan)
    folder = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda i: i.name):
        if info.name.startswith("cases_"):
            out += importlib.import_module(f"benchmarks.{info.name}").cases(country, plan)
    return out
