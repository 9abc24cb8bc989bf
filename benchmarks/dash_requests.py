"""Building Dash callback requests as the browser sends them."""

from __future__ import annotations

import json


def dash_request(app, output_key: str, values: dict) -> dict:
    """The body of POST /_dash-update-component for the callback ``output_key``.

    ``values`` maps "id.property" (id as Dash writes it) to the value sent; a
    pattern-matching input takes a list of {"id": {...}, "property": p, "value": v}
    (ALL), or one such item (MATCH: the outputs' wildcard takes its id's value).
    """
    spec = app.callback_map[output_key]

    def item(dep):
        key = f"{dep['id']}.{dep['property']}"
        if dep["id"].startswith("{"):
            return values.get(key, [])
        return {"id": dep["id"], "property": dep["property"], "value": values.get(key)}

    inputs = [item(d) for d in spec["inputs"]]
    outputs = []
    for part in _outputs(output_key):
        cid, prop = part.rsplit(".", 1)
        outputs.append(
            {"id": _concrete(json.loads(cid), inputs) if cid.startswith("{") else cid, "property": prop.split("@")[0]}
        )
    return {
        "output": output_key,
        "outputs": outputs if output_key.startswith("..") else outputs[0],
        "inputs": inputs,
        "state": [item(d) for d in spec.get("state", [])],
        "changedPropIds": [f"{d['id']}.{d['property']}" for d in spec["inputs"][:1]],
    }


def _concrete(output_id: dict, inputs: list) -> dict:
    """A MATCH output's id as the browser sends it: the wildcard takes the
    value of the triggering input's id (given as one item, not a list)."""
    first = inputs[0] if inputs and isinstance(inputs[0], dict) else {}
    given = first.get("id") if isinstance(first.get("id"), dict) else {}
    return {k: given.get(k, v) if v == ["MATCH"] else v for k, v in output_id.items()}


def _outputs(output_key: str) -> list[str]:
    if output_key.startswith(".."):
        return [p for p in output_key.strip(".").split("...") if p]
    return [output_key]


def find_callback(app, *output_fragments: str) -> str:
    """The callback_map key whose outputs include every fragment."""
    for key in app.callback_map:
        if all(f in key for f in output_fragments):
            return key
    raise KeyError(output_fragments)
