"""What the benchmark measures: one case per view callback.

Each case is (view, name, output key fragments, values): the view is the page's
path in the registry (dashboard/pages), the callback is the one whose output
key contains every fragment; values map "id.property" to what
the browser would send (see benchmarks/dash_requests.py).  The router's cases
(one page render per registered page) are here; each view adds its own in ``benchmarks/cases_<view>.py`` with a
function ``cases(country, plan)``.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def router_cases(country: str, plan: str | None) -> list[tuple]:
    """One page render per registered page (dashboard/pages), at its sample path."""
    from dashboard.pages import all_pages

    search = f"?lang=es&country={country}" + (f"&plan={plan}" if plan else "")
    return [
        (
            page.path,
            "page render (router)",
            ("shell.children",),
            {"url.pathname": page.sample_path, "url.search": search},
        )
        for page in all_pages()
    ]


def cases(country: str, plan: str | None) -> list[tuple]:
    out = router_cases(country, plan)
    folder = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda i: i.name):
        if info.name.startswith("cases_"):
            out += importlib.import_module(f"benchmarks.{info.name}").cases(country, plan)
    return out
