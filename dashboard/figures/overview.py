"""The overview's charts, as plain figure dicts (no plotly.express, no template).

- ``plan_progress_figure``: reported progress per action plan as bars, the
  progress expected by the reference date as a tick on each bar.
- ``stacked_counts_figure``: commitments per row (policy area or action plan)
  stacked by a category (implementation status, or the IRM's completion),
  each category with its colour, fill pattern and a legend entry.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from data.queries.overview import IRM_COMPLETION
from dashboard import theme
from dashboard.i18n import add, fmt_number, fmt_percent, t, vocab_label

add(
    {
        "overview.fig.reported": {"es": "Avance informado", "en": "Reported progress"},
        "overview.fig.expected": {"es": "Avance esperado a la fecha", "en": "Expected by the date"},
        "overview.fig.progress_axis": {"es": "Avance (%)", "en": "Progress (%)"},
        "overview.fig.commitments_axis": {"es": "Compromisos", "en": "Commitments"},
        "overview.fig.with_milestones": {
            "es": "{n} compromisos con hitos",
            "en": "{n} commitments with milestones",
        },
        "overview.fig.with_milestones_one": {
            "es": "{n} compromiso con hitos",
            "en": "{n} commitment with milestones",
        },
        "overview.fig.other_rows": {"es": "Otras {n} áreas", "en": "{n} other areas"},
        "overview.fig.no_area": {"es": "(sin área de política)", "en": "(no policy area)"},
        "irm.not_assessed": {"es": "Sin evaluación (ND, NR…)", "en": "Not assessed (ND, NR…)"},
    }
)

IMPLEMENTATION_CATEGORIES = ("complete", "in_progress", "at_risk", "late", "not_started", "no_data")
IRM_COLOURS = {
    "Complete": theme.GREEN, "Substantial": theme.SKY, "Limited": theme.ORANGE, "Not Started": theme.GREY,
    "Withdrawn": theme.PURPLE, "Unclear": theme.YELLOW, "not_assessed": theme.STATUS_COLOURS["no_data"],
}
IRM_PATTERNS = {
    "Complete": "", "Substantial": "/", "Limited": ".", "Not Started": "-", "Withdrawn": "\\", "Unclear": "x",
    "not_assessed": "",
}
# Rows a stacked chart shows before it groups the rest.
MAX_ROWS = 15
ROW_HEIGHT = 30
LABEL_WIDTH = 24


def short_label(text: str, width: int = LABEL_WIDTH, lines: int = 2) -> str:
    """A tick label of at most ``lines`` lines; longer text ends with an ellipsis
    (the full name is in the hover)."""
    wrapped = textwrap.wrap(text, width) or [text]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return "<br>".join(wrapped)


def _percent_axis(lang: str) -> dict:
    return {
        "range": [0, 105],
        "tickvals": [0, 25, 50, 75, 100],
        "title": {"text": t("overview.fig.progress_axis", lang)},
        "gridcolor": theme.GRID,
        "zeroline": False,
        "fixedrange": True,
    }


def plan_progress_figure(plans: pd.DataFrame, lang: str) -> dict:
    """Needs ``label``, ``progress``, ``expected`` and ``with_milestones``; plans
    with no milestones are left out (there is no progress to draw)."""
    shown = plans[plans["with_milestones"] > 0]
    labels = shown["label"].astype(str).to_numpy()
    reported = shown["progress"].astype(float).round(1).to_numpy()
    expected = shown["expected"].astype(float).round(1).to_numpy()
    counts = np.array([t("overview.fig.with_milestones_one" if n == 1 else "overview.fig.with_milestones", lang,
                         n=fmt_number(n, lang)) for n in shown["with_milestones"]], dtype=object)
    reported_text = np.array([fmt_percent(v, lang) for v in reported], dtype=object)
    expected_text = np.array([fmt_percent(v, lang) for v in expected], dtype=object)
    name_reported, name_expected = t("overview.fig.reported", lang), t("overview.fig.expected", lang)
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": name_reported,
            "y": labels,
            "x": reported,
            "text": reported_text,
            "textposition": "auto",
            "marker": {"color": theme.BLUE},
            "customdata": np.stack([counts, reported_text], axis=-1) if len(shown) else np.empty((0, 2)),
            "hovertemplate": f"<b>%{{y}}</b><br>{name_reported}: %{{customdata[1]}}<br>%{{customdata[0]}}<extra></extra>",
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": name_expected,
            "y": labels,
            "x": expected,
            "marker": {"symbol": "line-ns-open", "size": 30, "color": theme.INK, "line": {"width": 3, "color": theme.INK}},
            "customdata": expected_text,
            "hovertemplate": f"<b>%{{y}}</b><br>{name_expected}: %{{customdata}}<extra></extra>",
        },
    ]
    layout = theme.base_layout(
        lang,
        height=110 + 52 * max(len(shown), 1),
        margin={"l": 8, "r": 16, "t": 36, "b": 44},
        xaxis=_percent_axis(lang),
        yaxis={"type": "category", "autorange": "reversed", "automargin": True, "fixedrange": True},
        bargap=0.35,
    )
    return {"data": traces, "layout": layout}


def category_style(kind: str, lang: str) -> list[tuple[str, str, str, str]]:
    """(code, label, colour, pattern) of each category, in legend order."""
    if kind == "irm":
        return [(c, vocab_label("irm", c, lang), IRM_COLOURS[c], IRM_PATTERNS[c]) for c in IRM_COMPLETION]
    return [(c, vocab_label("status", c, lang), theme.STATUS_COLOURS[c], theme.STATUS_PATTERNS[c])
            for c in IMPLEMENTATION_CATEGORIES]


def stacked_counts_figure(counts: pd.DataFrame, row: str, kind: str, lang: str, *, row_labels: dict | None = None,
                          order: list | None = None, max_rows: int = MAX_ROWS) -> dict:
    """Horizontal bars of ``counts`` (columns ``row``, ``category``, ``commitments``),
    one per row, stacked by category; ``kind`` is ``implementation`` or ``irm``.

    Rows come in ``order`` when given, else by their total, largest on top;
    beyond ``max_rows`` the rest are summed into one row.  ``row_labels``
    renames rows (e.g. plan ids to their years).
    """
    table = counts.groupby([row, "category"])["commitments"].sum().unstack(fill_value=0)
    if order is not None:
        table = table.reindex([r for r in order if r in table.index])
    else:
        table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    names = [(row_labels or {}).get(r, r) or t("overview.fig.no_area", lang) for r in table.index]
    if len(table) > max_rows:
        rest = table.iloc[max_rows - 1:]
        table = pd.concat([table.iloc[: max_rows - 1], rest.sum().to_frame(t("overview.fig.other_rows", lang,
                                                                              n=len(rest))).T])
        names = names[: max_rows - 1] + [table.index[-1]]
    full = np.array(names, dtype=object)
    axis_title = t("overview.fig.commitments_axis", lang)
    traces = []
    for code, label, colour, pattern in category_style(kind, lang):
        if code not in table.columns or not table[code].any():
            continue
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label,
                "y": full,
                "x": table[code].to_numpy(dtype=int),
                "marker": {"color": colour, "line": {"color": "white", "width": 1},
                           "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": theme.INK,
                                       "fgopacity": 0.5, "size": 7}},
                "hovertemplate": f"<b>%{{y}}</b><br>{label}: %{{x}}<extra></extra>",
            }
        )
    layout = theme.base_layout(
        lang,
        barmode="stack",
        height=120 + ROW_HEIGHT * max(len(table), 1) + (28 if len(traces) > 3 else 0),
        margin={"l": 8, "r": 16, "t": 56 if len(traces) > 3 else 36, "b": 44},
        # Whole commitments: one tick each while few, plotly's (whole) steps beyond.
        xaxis={"title": {"text": axis_title}, "gridcolor": theme.GRID, "rangemode": "tozero", "tickformat": "d",
               "fixedrange": True, **({"dtick": 1} if table.to_numpy().sum(axis=1).max(initial=0) <= 8 else {})},
        yaxis={"type": "category", "autorange": "reversed", "automargin": True, "fixedrange": True,
               "tickvals": full, "ticktext": np.array([short_label(str(n)) for n in names], dtype=object)},
        # The legend names the categories even when there is only one.
        showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"},
        bargap=0.3,
    )
    return {"data": traces, "layout": layout}
