"""Text from the data is drawn by plotly as text: a hostile forum name never becomes a link."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pandas as pd
import pytest

HOSTILE = '<a href="https://x">y</a>'
ESCAPED = '&lt;a href="https://x"&gt;y&lt;/a&gt;'


def strings(value):
    """Every string inside a figure (numpy arrays included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)
    elif hasattr(value, "tolist"):
        yield from strings(value.tolist())


@pytest.fixture(scope="module")
def hostile_url(seeded_url, tmp_path_factory):
    """Peru's seed with the Ambiente pilot renamed to a link."""
    path = tmp_path_factory.mktemp("hostile") / "peru.sqlite3"
    src, dst = sqlite3.connect(seeded_url.removeprefix("sqlite:///")), sqlite3.connect(path)
    src.backup(dst)
    dst.execute("UPDATE forums SET name = ? WHERE code = 'PER-AMBIENTE'", (HOSTILE,))
    dst.commit()
    src.close()
    dst.close()
    return f"sqlite:///{path}"


def test_txt001_plain_escapes_markup_and_entities():
    from dashboard.figures.text import plain

    assert plain(HOSTILE) == ESCAPED
    assert plain("A & B <br> &lt;") == "A &amp; B &lt;br&gt; &amp;lt;"
    assert plain(None) == "" and plain(12) == "12"


def test_txt002_forum_figures_draw_a_hostile_name_as_text(hostile_url):
    from dashboard.pages.forums import FIGURES
    from data.queries import forums as q

    comparison = q.comparison(hostile_url, ["PER-AMBIENTE", "PER-VIVIENDA"], dt.date(2026, 11, 27))
    assert HOSTILE in set(comparison["forums"]["name"])
    for lang in ("es", "en"):
        for key, build, _ in FIGURES:
            texts = list(strings(build(comparison, lang)))
            assert not any("<a" in s for s in texts), key
            if key in ("members", "composition", "cumulative"):
                assert any("&lt;a" in s for s in texts), key


def test_txt003_overview_figures_escape_plan_and_area_names():
    from dashboard.figures.overview import plan_progress_figure, stacked_counts_figure

    counts = pd.DataFrame({"area": [HOSTILE, "Open Data"], "category": ["late", "complete"], "commitments": [2, 1]})
    bars = stacked_counts_figure(counts, "area", "implementation", "en")
    plans = pd.DataFrame({"label": [HOSTILE], "progress": [40.0], "expected": [50.0], "with_milestones": [3]})
    progress = plan_progress_figure(plans, "en")
    for figure in (bars, progress):
        texts = list(strings(figure))
        assert not any("<a" in s for s in texts)
        assert any("&lt;a href" in s for s in texts)
