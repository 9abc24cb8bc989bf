"""The commitment explorer's callbacks (page: dashboard/pages/commitments.py).

filters (URL) ──▶ grid rows ──▶ (browser) rows the grid shows after its own
column filters and sorting ──▶ ids store ──▶ IRM panels and the downloads' store.

The panels and the downloads follow the ids the grid reports, so they always
describe exactly the rows on screen, column filters included.
"""

from __future__ import annotations

import dash_ag_grid  # noqa: F401  registers the grid's scripts before the first page is served
from dash import Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.cache import cached
from dashboard.components.downloads import data_id
from dashboard.components.explorer_table import grid_rows
from dashboard.factory import database_url_of, today_of
from dashboard.pages import commitments as page
from dashboard.state import read, read_context, read_path
from data import commitment_list
from data.queries import explorer as queries

MAX_IDS = 20_000  # more than any real selection; a bigger list is not from our grid


def page_context(data):
    """The page's language and country; a country our page cannot have sent stops here."""
    who = read_context(data)
    if "country" in who.dropped:
        raise PreventUpdate
    return who.lang, who.country


def shown_ids(shown) -> list[str] | None:
    """The commitment ids the grid reports, or None for a list our grid cannot have sent."""
    if not isinstance(shown, list) or len(shown) > MAX_IDS:
        return None
    return [i for i in shown if isinstance(i, str) and read_path("commitment_id", {"commitment_id": i}) == i]


def register(app) -> None:
    filter_inputs = [Input(ids.filter_id(name), "value") for name in page.FILTERS]

    def country_table(country):
        return cached(database_url_of(app), queries.commitments, country, None, None, None, today_of(app))

    @app.callback(
        Output(page.GRID, "rowData"),
        Output(page.NOTES, "children"),
        Input(page.CONTEXT, "data"),
        *filter_inputs,
    )
    def show_rows(context, plan, area, institution, status, method, q):
        lang, country = page_context(context)
        table = cached(
            database_url_of(app),
            queries.commitments,
            country,
            read("plan", plan),
            read("area", area),
            read("institution", institution),
            today_of(app),
        )
        shown = commitment_list.filter_commitments(table, read("status", status), read("method", method), read("q", q))
        return grid_rows(shown, lang), page.notes(table, lang)

    # The grid reports its rows after column filters and sorting; keep only their ids.
    app.clientside_callback(
        """
        function (rows, current) {
            if (!rows) { return window.dash_clientside.no_update; }
            var ids = rows.map(function (row) { return row.id; });
            if (current && JSON.stringify(ids) === JSON.stringify(current)) {
                return window.dash_clientside.no_update;
            }
            return ids;
        }
        """,
        Output(page.SHOWN, "data"),
        Input(page.GRID, "virtualRowData"),
        State(page.SHOWN, "data"),
    )

    @app.callback(
        Output(page.PANELS, "children"),
        Output(page.SUMMARY, "children"),
        Input(page.SHOWN, "data"),
        State(page.CONTEXT, "data"),
    )
    def show_panels(shown, context):
        shown = shown_ids(shown)
        if shown is None:
            raise PreventUpdate
        lang, country = page_context(context)
        table = country_table(country)
        rows = commitment_list.restrict(table, shown)
        projector = read_context(context).projector
        return (
            page.irm_panels(rows, lang, country, projector=projector),
            page.summary_text(len(rows), len(table), lang),
        )

    # A click on a row opens the commitment (the id cell is a link and navigates itself).
    app.clientside_callback(
        """
        function (cell) {
            if (!cell || cell.colId === 'id' || cell.rowId === undefined || cell.rowId === null) {
                return window.dash_clientside.no_update;
            }
            return '/commitments/' + encodeURIComponent(String(cell.rowId));
        }
        """,
        Output(ids.URL, "pathname", allow_duplicate=True),
        Input(page.GRID, "cellClicked"),
        prevent_initial_call=True,
    )

    # The downloads (the shared pair, callbacks/table_downloads.py) read the rows the grid shows.
    @app.callback(
        Output(data_id(page.EXPORT), "data"),
        Input(page.SHOWN, "data"),
        State(page.CONTEXT, "data"),
        State(page.GRID, "filterModel"),
        *[State(ids.filter_id(name), "value") for name in page.FILTERS],
    )
    def export_selection(shown, context, filter_model, *values):
        shown = shown_ids(shown)
        if shown is None:
            raise PreventUpdate
        lang, country = page_context(context)
        filters = {name: read(name, value) for name, value in zip(page.FILTERS, values, strict=True)}
        return page.export_table(lang, {**filters, "country": country}, shown, bool(filter_model)).payload()

    # "Reset filters" in the empty state also clears the grid's own column filters.
    @app.callback(
        Output(page.GRID, "filterModel"),
        Input(ids.reset_id(page.PAGE_NAME), "n_clicks"),
        prevent_initial_call=True,
    )
    def reset_grid_filters(clicks):
        if not clicks:
            raise PreventUpdate
        return {}
