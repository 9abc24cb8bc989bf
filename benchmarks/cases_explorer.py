"""Benchmark cases of the commitment explorer (callbacks/explorer.py).

The IRM panels and the downloads' store receive the ids the grid shows; the cases send
every id a country's commitments can have (unknown ones are ignored), which is
what the grid reports with no filter.  Peru is the largest country of both
datasets; Ukraine adds a country with OGP's IRM ratings on the extract (and an
empty one on Peru's data).
"""

from __future__ import annotations

from dashboard.components.common import dom_id
from dashboard.ids import filter_id
from dashboard.pages import page_named
from dashboard.pages.commitments import FILTERS

ID_PREFIX = {"PER": "PE", "UKR": "UA"}


def _filters(**chosen) -> dict:
    return {
        f"{dom_id(filter_id(name))}.value": {"id": filter_id(name), "property": "value", "value": chosen.get(name)}
        for name in FILTERS
    }


VIEW = page_named("commitments").path


def _ids(country: str) -> list[str]:
    return [f"{ID_PREFIX.get(country, country[:2])}{n:04d}" for n in range(1, 130)]


def cases(country: str, plan: str | None) -> list[tuple]:
    out = []
    for code in dict.fromkeys((country, "UKR")):
        context = {"explorer-context.data": {"lang": "es", "country": code}}
        shown = {"explorer-shown-ids.data": _ids(code)}
        out += [
            (VIEW, f"grid rows, {code}", ("explorer-grid.rowData",), {**context, **_filters(plan=plan)}),
            (
                VIEW,
                f"grid rows, {code}, search",
                ("explorer-grid.rowData",),
                {**context, **_filters(q="government", status="late" if code == "PER" else None)},
            ),
            (VIEW, f"IRM panels, {code}", ("explorer-panels.children",), {**context, **shown}),
        ]
    # The downloads go through the shared pair (cases_exports.py's helper): the store holds the ids.
    from benchmarks.cases_exports import click_values
    from dashboard.pages.commitments import EXPORT, export_table

    store = export_table("es", {"country": country}, _ids(country), False).payload()
    out += [
        (
            VIEW,
            f"download {fmt.upper()}",
            (f'"format":"{fmt}"', "table-download"),
            click_values(EXPORT, fmt, store),
        )
        for fmt in ("csv", "xlsx")
    ]
    return out
