"""Projector mode, browser-free: the figure-finishing function every view
passes its charts through (dashboard.theme.for_display)."""

from __future__ import annotations

import numpy as np

from dashboard import theme


def figure() -> dict:
    return {
        "data": [{"type": "bar", "x": np.array([1, 2]), "textfont": {"size": 14}}],
        "layout": {
            "height": 300,
            "font": {"size": 13},
            "xaxis": {"tickfont": {"size": 12}, "title": {"text": "<span style='font-size:14px'>x</span>"}},
            "annotations": [{"text": "a", "font": {"size": 16}}],
            "meta": {"ogpColumns": 2},
        },
    }


def test_prj101_off_the_figure_is_left_as_built():
    built = figure()
    assert theme.for_display(built) is built and theme.for_display(built, projector=False) is built


def test_prj102_on_every_text_is_half_as_large_again_and_the_chart_taller():
    built = figure()
    shown = theme.for_display(built, projector=True)
    layout = shown["layout"]
    assert layout["font"]["size"] == 19 and layout["xaxis"]["tickfont"]["size"] == 17
    assert layout["annotations"][0]["font"]["size"] == 23 and shown["data"][0]["textfont"]["size"] == 20
    assert layout["xaxis"]["title"]["text"] == "<span style='font-size:20px'>x</span>"
    assert layout["height"] == 360 and layout["meta"] == {"ogpColumns": 2, "ogpProjector": True}
    assert built["layout"]["font"]["size"] == 13 and "ogpProjector" not in built["layout"]["meta"]  # a copy
    assert shown["data"][0]["x"] is built["data"][0]["x"]  # arrays are shared, not copied


def test_prj103_a_figure_without_font_sizes_gets_plotlys_default_scaled():
    shown = theme.for_display({"data": [], "layout": {}}, projector=True)
    assert shown["layout"]["font"]["size"] == 17 and shown["layout"]["meta"]["ogpProjector"]
