"""Benchmark cases of the table downloads (callbacks/table_downloads.py).

A table's store comes back with the click, so the cases send stores shaped as
the views fill them: the overview's list (10 rows), a forum's members (about
60), the engagement table (a few hundred organizations on a large dataset) and
a detail page's milestones, each as CSV and as XLSX; and the timeline's lazy
table, whose rows the callback reads itself (every milestone of the country,
late ones only, as CSV and XLSX).
"""

from __future__ import annotations

import json

from dashboard.components.downloads import button_id, data_id
from dashboard.export_files import ExportTable
from dashboard.pages import page_named


def _store(name: str, rows: int) -> dict:
    columns = ["Organización", "Tipo de actor", "Rol", "Inicio del periodo", "Fin del periodo", "Avance (%)", "Estado"]
    data = [
        [
            f"Organización de la sociedad civil número {i}",
            "Sociedad civil nacional",
            "Titular",
            f"20{10 + i % 15:02d}-03-{1 + i % 28:02d}",
            None,
            round(i * 1.7 % 100, 1),
            "Vigente",
        ]
        for i in range(rows)
    ]
    return ExportTable(
        view="forums",
        name=name,
        title="Miembros del foro",
        lang="es",
        columns=columns,
        rows=data,
        params={"country": "PER", "forum": "PER-AMBIENTE"},
        sample=True,
    ).payload()


def click_values(name: str, fmt: str, payload: dict) -> dict:
    button = json.dumps({"format": fmt, "name": ["MATCH"], "type": "table-download-button"}, separators=(",", ":"))
    store = json.dumps({"name": ["MATCH"], "type": "table-data"}, separators=(",", ":"))
    return {
        f"{button}.n_clicks": {"id": button_id(name, fmt), "property": "n_clicks", "value": 1},
        f"{store}.data": {"id": data_id(name), "property": "data", "value": payload},
    }


def cases(country: str, plan: str | None) -> list[tuple]:
    from dashboard.exports.timeline import placeholder

    out = []
    for rows in (10, 60, 400):
        payload = _store(f"bench-{rows}", rows)
        for fmt in ("csv", "xlsx"):
            out.append(
                (
                    "(downloads)",
                    f"table of {rows} rows, {fmt.upper()}",
                    (f'"format":"{fmt}"', "table-download"),
                    click_values(f"bench-{rows}", fmt, payload),
                )
            )
    lazy = placeholder("es", {"country": country, "plan": plan, "status": "late"}).payload()
    for fmt in ("csv", "xlsx"):
        out.append(
            (
                page_named("timeline").path,
                f"every late milestone (lazy), {fmt.upper()}",
                (f'"format":"{fmt}"', "table-download"),
                click_values("timeline-milestones", fmt, lazy),
            )
        )
    return out
