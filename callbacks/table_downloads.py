"""Every table's CSV and XLSX downloads (the buttons: dashboard/components/downloads.py).

One callback per format, pattern-matched on the table's name (``MATCH``),
serves every table of every view: the click and the table's store in, the
file out.  What the store sends back is checked again
(``ExportTable.from_payload``); a lazy table's rows are built here, from its
filters, by the builder its name selects.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from dash import MATCH, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.cache import cached
from dashboard.components.downloads import FORMATS, button_id, data_id, download_id, send_table
from dashboard.export_files import ExportTable, loaded_sources
from dashboard.factory import database_url_of, today_of
from data.db import DATABASE_UNAVAILABLE

log = logging.getLogger("ogp_monitor.downloads")


def timeline_milestones(app, table: ExportTable) -> ExportTable:
    """Every milestone the timeline's filters select (the chart draws one page of them)."""
    from callbacks.timeline import selection
    from dashboard.exports.timeline import milestones_table
    from data.queries.exports import milestone_texts
    from data.queries.scope import Scope

    p = table.params
    chosen = selection(
        app,
        p.get("country"),
        p.get("plan"),
        p.get("area"),
        p.get("institution"),
        p.get("status"),
        p.get("start"),
        p.get("end"),
        p.get("asof"),
    )
    scope = Scope(
        country=p.get("country"),
        plan=chosen.filters["plan"],
        area=chosen.filters["area"],
        institution=chosen.filters["institution"],
    )
    texts = cached(database_url_of(app), milestone_texts, scope)
    return milestones_table(
        chosen.frame, texts, table.lang, {**chosen.filters, "country": p.get("country")}, chosen.as_of
    )


def explorer_commitments(app, table: ExportTable) -> ExportTable:
    """The commitments the explorer's grid shows (its ids, in its order, column filters included)."""
    from dashboard.components.explorer_table import download_frame
    from dashboard.export_files import frame_rows
    from data import commitment_list
    from data.queries import explorer as queries

    every = cached(
        database_url_of(app), queries.commitments, table.params.get("country"), None, None, None, today_of(app)
    )
    rows = commitment_list.restrict(every, table.keys or [])
    frame = download_frame(rows, table.lang)
    return replace(
        table,
        columns=list(frame.columns),
        rows=frame_rows(frame),
        lazy=False,
        sample=bool(commitment_list.scope_summary(rows)["sample"]),
        frozen_columns=1,  # the id, as the grid pins it
    )


# Tables whose rows are read at download time, by name.
LAZY = {"timeline-milestones": timeline_milestones, "explorer-commitments": explorer_commitments}


def build_file(app, fmt: str, clicks, payload) -> dict:
    """The download for one click; nothing for a click our page cannot have sent."""
    if not clicks or fmt not in FORMATS:
        raise PreventUpdate
    try:
        table = ExportTable.from_payload(payload)
    except ValueError:
        raise PreventUpdate from None
    if table.lazy:
        builder = LAZY.get(table.name)
        if builder is None:
            raise PreventUpdate
        table = builder(app, table)
    sources = table.sources if table.sources is not None else loaded_sources(app, table.lang)
    return send_table(table, fmt, today_of(app), sources)


def register(app) -> None:
    for fmt in FORMATS:

        @app.callback(
            Output(download_id(MATCH, fmt), "data"),
            Input(button_id(MATCH, fmt), "n_clicks"),
            State(data_id(MATCH), "data"),
            prevent_initial_call=True,
        )
        def download(clicks, payload, fmt=fmt):
            try:
                return build_file(app, fmt, clicks, payload)
            except PreventUpdate:
                raise
            except DATABASE_UNAVAILABLE:  # the database is away: 503 and a message
                raise
            except Exception:  # a bug, not the user's doing: log it, send nothing
                log.exception("table download failed (%s)", fmt)
                raise PreventUpdate from None
