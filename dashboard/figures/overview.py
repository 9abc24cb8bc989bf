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

from dashboard import theme
from dashboard.figures.text import plain, plain_all
from dashboard.i18n import add, fmt_list, fmt_number, fmt_percent, t, vocab_label
from data.queries.overview import IRM_COMPLETION

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
        "overview.sum.plans": {
            "es": "Avance informado por plan de acción (esperado a la fecha entre paréntesis): {plans}. Mayor avance: {top}; menor: {bottom}.",
            "en": "Reported progress by action plan (expected by the date in brackets): {plans}. Highest: {top}; lowest: {bottom}.",
        },
        "overview.sum.plans_one": {
            "es": "Avance informado del plan de acción {plan}: {progress} (esperado a la fecha: {expected}).",
            "en": "Reported progress of the {plan} action plan: {progress} (expected by the date: {expected}).",
        },
        "overview.sum.no_plans": {
            "es": "Ningún plan de acción tiene hitos registrados: no hay avance que mostrar.",
            "en": "No action plan has milestones recorded: there is no progress to show.",
        },
        # No total by category here: a commitment with several areas counts in each,
        # so the areas' sum is not a number of commitments.
        "overview.sum.counts.area": {
            "es": "Compromisos por área de política (uno con varias áreas cuenta en cada una): {rows}.",
            "en": "Commitments by policy area (one with several areas counts in each): {rows}.",
        },
        "overview.sum.counts.action_plan_id": {
            "es": "Compromisos por categoría: {categories}. Por plan de acción: {rows}.",
            "en": "Commitments by category: {categories}. By action plan: {rows}.",
        },
        "overview.sum.no_counts": {"es": "Ningún compromiso que contar.", "en": "No commitments to count."},
        "irm.not_assessed": {"es": "Sin evaluación (ND, NR…)", "en": "Not assessed (ND, NR…)"},
    }
)

IMPLEMENTATION_CATEGORIES = ("complete", "in_progress", "at_risk", "late", "not_started", "no_data")
IRM_COLOURS = {
    "Complete": theme.GREEN,
    "Substantial": theme.SKY,
    "Limited": theme.ORANGE,
    "Not Started": theme.GREY,
    "Withdrawn": theme.PURPLE,
    "Unclear": theme.YELLOW,
    "not_assessed": theme.STATUS_COLOURS["no_data"],
}
IRM_PATTERNS = {
    "Complete": "",
    "Substantial": "/",
    "Limited": ".",
    "Not Started": "-",
    "Withdrawn": "\\",
    "Unclear": "x",
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
    return "<br>".join(plain(line) for line in wrapped)


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
    labels = np.array(plain_all(shown["label"].astype(str)), dtype=object)
    reported = shown["progress"].astype(float).round(1).to_numpy()
    expected = shown["expected"].astype(float).round(1).to_numpy()
    counts = np.array(
        [
            t(
                "overview.fig.with_milestones_one" if n == 1 else "overview.fig.with_milestones",
                lang,
                n=fmt_number(n, lang),
            )
            for n in shown["with_milestones"]
        ],
        dtype=object,
    )
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
            "marker": {
                "symbol": "line-ns-open",
                "size": 30,
                "color": theme.INK,
                "line": {"width": 3, "color": theme.INK},
            },
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
    return [
        (c, vocab_label("status", c, lang), theme.STATUS_COLOURS[c], theme.STATUS_PATTERNS[c])
        for c in IMPLEMENTATION_CATEGORIES
    ]


def count_table(
    counts: pd.DataFrame, row: str, lang: str, *, row_labels: dict | None = None, order: list | None = None
) -> tuple[pd.DataFrame, list]:
    """Rows x categories of ``counts`` in the order drawn (``order``, else the
    largest total first), and each row's name."""
    table = counts.groupby([row, "category"])["commitments"].sum().unstack(fill_value=0)
    if order is not None:
        table = table.reindex([r for r in order if r in table.index])
    else:
        table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    names = [(row_labels or {}).get(r, r) or t("overview.fig.no_area", lang) for r in table.index]
    return table, names


def stacked_counts_figure(
    counts: pd.DataFrame,
    row: str,
    kind: str,
    lang: str,
    *,
    row_labels: dict | None = None,
    order: list | None = None,
    max_rows: int = MAX_ROWS,
) -> dict:
    """Horizontal bars of ``counts`` (columns ``row``, ``category``, ``commitments``),
    one per row, stacked by category; ``kind`` is ``implementation`` or ``irm``.

    Rows come in ``order`` when given, else by their total, largest on top;
    beyond ``max_rows`` the rest are summed into one row.  ``row_labels``
    renames rows (e.g. plan ids to their years).
    """
    table, names = count_table(counts, row, lang, row_labels=row_labels, order=order)
    if len(table) > max_rows:
        rest = table.iloc[max_rows - 1 :]
        table = pd.concat(
            [table.iloc[: max_rows - 1], rest.sum().to_frame(t("overview.fig.other_rows", lang, n=len(rest))).T]
        )
        names = names[: max_rows - 1] + [table.index[-1]]
    full = np.array(plain_all(names), dtype=object)
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
                "marker": {
                    "color": colour,
                    "line": {"color": "white", "width": 1},
                    "pattern": {
                        "shape": pattern,
                        "fillmode": "overlay",
                        "fgcolor": theme.INK,
                        "fgopacity": 0.5,
                        "size": 7,
                    },
                },
                "hovertemplate": f"<b>%{{y}}</b><br>{label}: %{{x}}<extra></extra>",
            }
        )
    layout = theme.base_layout(
        lang,
        barmode="stack",
        height=120 + ROW_HEIGHT * max(len(table), 1) + (28 if len(traces) > 3 else 0),
        margin={"l": 8, "r": 16, "t": 56 if len(traces) > 3 else 36, "b": 44},
        # Whole commitments: one tick each while few, plotly's (whole) steps beyond.
        xaxis={
            "title": {"text": axis_title},
            "gridcolor": theme.GRID,
            "rangemode": "tozero",
            "tickformat": "d",
            "fixedrange": True,
            **({"dtick": 1} if table.to_numpy().sum(axis=1).max(initial=0) <= 8 else {}),
        },
        yaxis={
            "type": "category",
            "autorange": "reversed",
            "automargin": True,
            "fixedrange": True,
            "tickvals": full,
            "ticktext": np.array([short_label(str(n)) for n in names], dtype=object),
        },
        # The legend names the categories even when there is only one.
        showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"},
        bargap=0.3,
    )
    return {"data": traces, "layout": layout}


# --- text alternatives (dashboard.components.chart) -------------------------------------


def progress_by_plan_summary(plans: pd.DataFrame, lang: str) -> str:
    """``plan_progress_figure`` in words: each plan drawn, its reported and expected progress."""
    shown = plans[plans["with_milestones"] > 0]
    if shown.empty:
        return t("overview.sum.no_plans", lang)
    if len(shown) == 1:
        row = shown.iloc[0]
        return t(
            "overview.sum.plans_one",
            lang,
            plan=row["label"],
            progress=fmt_percent(row["progress"], lang),
            expected=fmt_percent(row["expected"], lang),
        )
    items = [
        f"{label} {fmt_percent(p, lang)} ({fmt_percent(e, lang)})"
        for label, p, e in zip(shown["label"], shown["progress"], shown["expected"])
    ]
    ranked = shown.sort_values("progress", ascending=False, kind="stable")
    return t(
        "overview.sum.plans",
        lang,
        plans=fmt_list(items, lang),
        top=f"{ranked.iloc[0]['label']} ({fmt_percent(ranked.iloc[0]['progress'], lang)})",
        bottom=f"{ranked.iloc[-1]['label']} ({fmt_percent(ranked.iloc[-1]['progress'], lang)})",
    )


def category_counts_text(values: dict, kind: str, lang: str) -> str:
    """``completed 4, late 2``: the categories present, in legend order."""
    parts = [
        f"{label.lower()} {fmt_number(int(values[code]), lang)}"
        for code, label, _, _ in category_style(kind, lang)
        if values.get(code)
    ]
    return ", ".join(parts) or "—"


def stacked_counts_summary(
    counts: pd.DataFrame, row: str, kind: str, lang: str, *, row_labels: dict | None = None, order: list | None = None
) -> str:
    """``stacked_counts_figure`` in words: the counts by category, then each row
    (in the order drawn, the first few) with its total and categories."""
    if counts.empty or not counts["commitments"].any():
        return t("overview.sum.no_counts", lang)
    table, names = count_table(counts, row, lang, row_labels=row_labels, order=order)
    rows = [
        f"{name}: {fmt_number(int(values.sum()), lang)} ({category_counts_text(values.to_dict(), kind, lang)})"
        for name, (_, values) in zip(names, table.iterrows())
    ]
    return t(
        f"overview.sum.counts.{row}",
        lang,
        categories=category_counts_text(table.sum().to_dict(), kind, lang),
        rows=fmt_list(rows, lang),
    )
