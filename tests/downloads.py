"""Helpers for tests of table downloads: the stores a drawn page holds, and a
click on a table's button sent through Dash's endpoint."""

from __future__ import annotations

import json

from dashboard.components.downloads import button_id, data_id


def stores(view) -> dict:
    """The tables' stores in a component tree, by table name."""
    from plotly.io.json import to_json_plotly

    found = {}

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if isinstance(props.get("id"), dict) and props["id"].get("type") == "table-data":
                found[props["id"]["name"]] = props["data"]
            for value in props.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(to_json_plotly(view)))
    return found


def download(app, fmt: str, payload, clicks=1, name: str | None = None) -> dict | None:
    """What the download callback sends for a click on the ``fmt`` button of the
    table whose store holds ``payload`` (None when it sends nothing)."""
    from benchmarks.dash_requests import dash_request, find_callback

    name = name or payload["name"]
    key = find_callback(app, f'"format":"{fmt}"', '"type":"table-download"')
    spec = app.callback_map[key]
    values = {
        f"{spec['inputs'][0]['id']}.n_clicks": {"id": button_id(name, fmt), "property": "n_clicks", "value": clicks},
        f"{spec['state'][0]['id']}.data": {"id": data_id(name), "property": "data", "value": payload},
    }
    response = app.server.test_client().post("/_dash-update-component", json=dash_request(app, key, values))
    if response.status_code == 204:
        return None
    assert response.status_code == 200, response.data[:300]
    (out,) = json.loads(response.data)["response"].values()
    return out["data"]
