"""Keeps every filter in the URL, both ways, for every page.

Filters carry pattern-matching ids (dashboard.ids.filter_id / date_filter_id).
One callback listens to the URL and to all of them: a filter change writes the
query string (a new history entry, so back and forward work); a URL change
(back, forward, a pasted link) sets the filters.  Both directions live in one
callback because Dash allows a cycle only within a single callback.
"""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.pages import FRAME_PARAMS, params_of
from dashboard.state import BY_NAME, parse_query, read, to_query

# Parameters a "reset filters" button keeps: the frame's (who is looking and where).
KEPT_ON_RESET = FRAME_PARAMS


def control_value(name: str, params: dict):
    spec = BY_NAME[name]
    value = params.get(name)
    if spec.kind == "list":
        return list(value or [])
    if spec.kind == "bool":
        return bool(value)
    return value


def sync(search, values, dates, value_ids, date_ids, triggered, allowed=None):
    """Pure core of the callback: (new search, new values, new dates).

    ``allowed``: the parameters the page declares (dashboard/pages); a control
    of another name does not write the URL.  None: any declared in state.py.
    """
    params, _ = parse_query(search)
    names = [i["name"] for i in value_ids]
    date_names = [i["name"] for i in date_ids]
    if triggered == ids.URL:
        new_values = [control_value(n, params) for n in names]
        new_dates = [control_value(n, params) for n in date_names]
        return (
            no_update,
            [nv if nv != v else no_update for nv, v in zip(new_values, values)],
            [nd if nd != d else no_update for nd, d in zip(new_dates, dates)],
        )
    state = dict(params)
    for name, value in list(zip(names, values)) + list(zip(date_names, dates)):
        if name in BY_NAME and (allowed is None or name in allowed):
            state[name] = read(name, value)  # what the URL cannot hold stays out of it
    new_search = to_query(state)
    current = search or ""
    return (
        new_search if new_search != current and (new_search or current not in ("", "?")) else no_update,
        [no_update] * len(names),
        [no_update] * len(date_names),
    )


def register(app) -> None:
    @app.callback(
        Output(ids.URL, "search"),
        Output({"type": ids.FILTER, "name": ALL}, "value"),
        Output({"type": ids.DATE_FILTER, "name": ALL}, "date"),
        Input(ids.URL, "search"),
        Input({"type": ids.FILTER, "name": ALL}, "value"),
        Input({"type": ids.DATE_FILTER, "name": ALL}, "date"),
        State(ids.URL, "pathname"),
    )
    def sync_url_and_filters(search, values, dates, pathname):
        value_ids = [item["id"] for item in ctx.inputs_list[1]]
        date_ids = [item["id"] for item in ctx.inputs_list[2]]
        triggered = ctx.triggered_id if ctx.triggered_id == ids.URL else None
        return sync(search, values, dates, value_ids, date_ids, triggered, params_of(pathname))

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input({"type": ids.RESET, "page": ALL}, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def reset_filters(clicks, search):
        if not any(clicks or []):
            return no_update
        params, _ = parse_query(search)
        return to_query({k: v for k, v in params.items() if k in KEPT_ON_RESET})
