"""Colours, patterns and the base figure layout, shared by every chart.

The palette is Okabe & Ito's, safe for the common colour-vision deficiencies.
Status colours are paired with a fill pattern and a text label so colour is
never the only cue.  Figures carry no plotly template (3x smaller payloads).
"""

from __future__ import annotations

import re

from dashboard.i18n import plotly_locale, plotly_separators

BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#8C8C8C"
INK = "#1F2933"
MUTED = "#52606D"
GRID = "#E4E7EB"

SEQUENCE = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, GREY)

STATUS_COLOURS = {
    "complete": GREEN,
    "in_progress": BLUE,
    "at_risk": ORANGE,
    "late": VERMILLION,
    "not_started": GREY,
    "cancelled": PURPLE,
    "no_data": "#C5CCD3",
}
# plotly bar/marker pattern shapes: a second cue besides colour.
STATUS_PATTERNS = {
    "complete": "",
    "in_progress": "/",
    "at_risk": ".",
    "late": "x",
    "not_started": "-",
    "cancelled": "\\",
    "no_data": "",
}
STATUS_SYMBOLS = {
    "complete": "circle",
    "in_progress": "triangle-up",
    "at_risk": "diamond",
    "late": "x",
    "not_started": "square-open",
    "cancelled": "circle-open",
    "no_data": "circle-open",
}

STAKEHOLDER_COLOURS = {
    "national_government": BLUE,
    "regional_local_government": SKY,
    "civil_society_national": VERMILLION,
    "civil_society_local": ORANGE,
    "academia": GREEN,
    "private_sector": PURPLE,
    "international_cooperation": GREY,
}
STAKEHOLDER_PATTERNS = {
    "national_government": "",
    "regional_local_government": "/",
    "civil_society_national": "",
    "civil_society_local": "\\",
    "academia": ".",
    "private_sector": "x",
    "international_cooperation": "-",
}

FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


def base_layout(lang: str, **overrides) -> dict:
    layout = {
        "template": None,
        "font": {"family": FONT_FAMILY, "size": 13, "color": INK},
        "separators": plotly_separators(lang),
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 48, "r": 16, "t": 36, "b": 40},
        "hoverlabel": {"bgcolor": "white", "font": {"color": INK}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        "xaxis": {"gridcolor": GRID, "zerolinecolor": GRID, "automargin": True},
        "yaxis": {"gridcolor": GRID, "zerolinecolor": GRID, "automargin": True},
    }
    layout.update(overrides)
    return layout


# Projector mode (?projector=1): a wall two metres away needs every text of a
# chart about half as large again, and a little more height to hold it.
PROJECTOR_FONT_SCALE = 1.45
PROJECTOR_HEIGHT_SCALE = 1.2
PLOTLY_DEFAULT_FONT_SIZE = 12
_INLINE_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")


def _scaled(node, key: str = ""):
    """A copy of a figure's dicts and lists with every ``…font`` size (and sizes
    written inside HTML text) scaled; arrays and other values are shared."""
    if isinstance(node, dict):
        out = {k: _scaled(v, k) for k, v in node.items()}
        if key.lower().endswith("font") and isinstance(out.get("size"), int | float):
            out["size"] = round(out["size"] * PROJECTOR_FONT_SCALE)
        return out
    if isinstance(node, list):
        return [_scaled(item, key) for item in node]
    if isinstance(node, str) and "font-size" in node:
        return _INLINE_SIZE.sub(lambda m: f"font-size:{round(float(m[1]) * PROJECTOR_FONT_SCALE)}px", node)
    return node


def for_display(figure: dict, *, projector: bool = False) -> dict:
    """The figure as the page shows it: unchanged, or sized for a projector
    (texts x1.45, height x1.2, marked ``meta.ogpProjector``).  Builders and
    caches keep one figure; every view passes its figures through here."""
    if not projector or not isinstance(figure, dict):
        return figure
    out = _scaled(figure)
    layout = out.setdefault("layout", {})
    font = layout["font"] = dict(layout.get("font") or {})
    if not isinstance(font.get("size"), int | float):
        font["size"] = round(PLOTLY_DEFAULT_FONT_SIZE * PROJECTOR_FONT_SCALE)
    if isinstance(layout.get("height"), int | float):
        layout["height"] = round(layout["height"] * PROJECTOR_HEIGHT_SCALE)
    layout["meta"] = {**(layout.get("meta") or {}), "ogpProjector": True}
    return out


def graph_config(lang: str) -> dict:
    """dcc.Graph config: translated plotly UI.  Plotly's camera is replaced by
    assets/15_exports.js's button, which names the PNG after the view, the
    chart's heading, the filters and the date, and draws a header into it."""
    return {
        "locale": lang,
        "locales": {lang: plotly_locale(lang)},
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d", "toImage"],
    }
