"""What the benchmark measures: one case per view callback, on a given dataset.

Each case is (view, name, output key fragments, values); values use the ids
and properties the callback declares.  Views add their cases here.
"""
from __future__ import annotations

from dashboard import ids


def _filters(**values) -> list[dict]:
    return [{"id": ids.filter_id(k), "property": "value", "value": v} for k, v in values.items()]


def cases(country: str, plan: str | None) -> list[tuple[str, str, tuple[str, ...], dict]]:
    search = f"?lang=es&country={country}" + (f"&plan={plan}" if plan else "")
    out = []
    for path in ("/", "/timeline", "/forums", "/engagement", "/commitments", "/commitments/PE0066", "/data"):
        out.append((path, "page render (router)", ("shell.children",), {"url.pathname": path, "url.search": search}))
    return out
