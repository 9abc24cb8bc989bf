"""The commitment explorer's IRM panels: ambition x completion heatmaps, DIOG bars.

Each heatmap holds one IRM methodology only, on that methodology's own scales,
and writes its counts in the cells so colour is never the only cue.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import theme
from dashboard.i18n import add, fmt_number, t, vocab_label

add(
    {
        "explorer.fig.commitments": {"es": "Compromisos", "en": "Commitments"},
        "explorer.fig.matrix_title": {"es": "{method} · n = {n}", "en": "{method} · n = {n}"},
        "explorer.fig.completion": {"es": "Cumplimiento (último evaluado)", "en": "Completion (latest assessed)"},
        "explorer.fig.potential_impact": {"es": "Impacto potencial", "en": "Potential impact"},
        "explorer.fig.potential_for_results": {"es": "Potencial de resultados", "en": "Potential for results"},
        "explorer.fig.diog": {"es": "¿Abrió el gobierno?", "en": "Did it open government?"},
        "explorer.sum.matrix": {
            "es": "{method}: {n} compromisos evaluados. Combinación más frecuente: {ambition_lower} «{ambition}» con cumplimiento «{completion}» ({top}). Por cumplimiento: {by_completion}. Por {ambition_lower}: {by_ambition}.",
            "en": "{method}: {n} commitments assessed. Most frequent: {ambition_lower} “{ambition}” with completion “{completion}” ({top}). By completion: {by_completion}. By {ambition_lower}: {by_ambition}.",
        },
        "explorer.sum.diog": {
            "es": "¿Abrió el gobierno? {levels}. Sin evaluar: {missing}.",
            "en": "Did it open government? {levels}. Not assessed: {missing}.",
        },
        "explorer.fig.not_assessed_note": {
            "es": "Sin evaluar (ND, NR…), contados aparte: {n}",
            "en": "Not assessed (ND, NR…), counted apart: {n}",
        },
    }
)

# A single blue ramp (Okabe-Ito blue at the top): counts, not categories.
COUNT_SCALE = [[0.0, "#FFFFFF"], [0.0001, "#E3EEF6"], [1.0, theme.BLUE]]
DIOG_COLOURS = {
    "Worsens": theme.VERMILLION,
    "Did Not Change": theme.GREY,
    "Marginal": theme.SKY,
    "Major": theme.BLUE,
    "Outstanding": theme.GREEN,
}

AMBITION_KEY = {"irm_classic": "explorer.fig.potential_impact", "irm_2021": "explorer.fig.potential_for_results"}


def irm_heatmap(counts: pd.DataFrame, lang: str, *, method: str) -> dict:
    """Ambition (rows, lowest at the bottom) x completion (columns) with the count in each cell.

    ``counts``: index = ambition labels, columns = completion labels, both in
    scale order (data.irm.irm_matrix).
    """
    x = [vocab_label("irm", c, lang) for c in counts.columns]
    y = [vocab_label("irm", r, lang) for r in counts.index]
    z = counts.to_numpy(dtype=int)
    ambition = t(AMBITION_KEY[method], lang)
    completion = t("explorer.fig.completion", lang)
    hover = (
        f"{ambition}: %{{y}}<br>{completion}: %{{x}}<br>{t('explorer.fig.commitments', lang)}: %{{z}}<extra></extra>"
    )
    n = int(z.sum())
    trace = {
        "type": "heatmap",
        "x": x,
        "y": y,
        "z": z,
        "text": np.vectorize(lambda v: fmt_number(v, lang))(z) if z.size else z,
        "texttemplate": "%{text}",
        "textfont": {"size": 14},
        "hovertemplate": hover,
        "colorscale": COUNT_SCALE,
        "zmin": 0,
        "zmax": max(int(z.max()) if z.size else 1, 1),
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
    }
    layout = theme.base_layout(
        lang,
        title={
            "text": t(
                "explorer.fig.matrix_title", lang, method=vocab_label("irm_method", method, lang), n=fmt_number(n, lang)
            ),
            "font": {"size": 13},
            "x": 0,
            "xanchor": "left",
        },
        margin={"l": 8, "r": 8, "t": 40, "b": 8},
        height=300,
        xaxis={
            "title": {"text": completion},
            "side": "bottom",
            "automargin": True,
            "fixedrange": True,
            "showgrid": False,
        },
        yaxis={"title": {"text": ambition}, "automargin": True, "fixedrange": True, "showgrid": False},
    )
    return {"data": [trace], "layout": layout}


def diog_bars(distribution: pd.DataFrame, lang: str) -> dict:
    """'Did it open government?' from Worsens (top) to Outstanding.

    Commitments without a rating (sentinels such as ND or NR) are not a level
    of the scale: they are counted apart, in a note under the bars, so a large
    unrated group never squeezes the rated ones.
    """
    rated = distribution[distribution["level"] != "not_assessed"]
    missing = int(distribution.loc[distribution["level"] == "not_assessed", "count"].sum())
    label = t("explorer.fig.diog", lang)
    count = t("explorer.fig.commitments", lang)
    levels = [vocab_label("irm", level, lang) for level in rated["level"]]
    trace = {
        "type": "bar",
        "orientation": "h",
        "y": levels,
        "x": rated["count"].to_numpy(dtype=int),
        "text": [fmt_number(v, lang) for v in rated["count"]],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {"color": [DIOG_COLOURS[level] for level in rated["level"]]},
        "hovertemplate": f"{label}: %{{y}}<br>{count}: %{{x}}<extra></extra>",
        "name": label,
    }
    top = int(rated["count"].max()) if len(rated) else 0
    layout = theme.base_layout(
        lang,
        showlegend=False,
        height=260,
        bargap=0.3,
        # The unrated, named in the title so a downloaded image keeps them.
        title={
            "text": t("explorer.fig.not_assessed_note", lang, n=fmt_number(missing, lang)),
            "font": {"size": 12, "color": theme.MUTED},
            "x": 0,
            "xanchor": "left",
        },
        margin={"l": 8, "r": 24, "t": 36, "b": 40},
        xaxis={
            "title": {"text": count},
            "range": [0, max(top, 1) * 1.2],
            "fixedrange": True,
            "gridcolor": theme.GRID,
            "rangemode": "tozero",
            **({"dtick": 1} if top <= 5 else {}),
        },
        yaxis={
            "categoryorder": "array",
            "categoryarray": list(reversed(levels)),
            "fixedrange": True,
            "automargin": True,
        },
    )
    return {"data": [trace], "layout": layout}


# --- text alternatives (dashboard.components.chart) -------------------------------------


def _level_counts(totals: pd.Series, lang: str) -> str:
    return ", ".join(f"{vocab_label('irm', k, lang)} {fmt_number(int(n), lang)}" for k, n in totals.items() if n) or "—"


def irm_heatmap_summary(counts: pd.DataFrame, lang: str, *, method: str) -> str:
    """``irm_heatmap`` in words: how many, the most frequent cell, and each scale's totals."""
    z = counts.to_numpy(dtype=int)
    if not z.size or not z.any():
        return ""
    row, column = np.unravel_index(int(z.argmax()), z.shape)
    ambition = t(AMBITION_KEY[method], lang)
    return t(
        "explorer.sum.matrix",
        lang,
        method=vocab_label("irm_method", method, lang),
        n=fmt_number(int(z.sum()), lang),
        ambition_lower=ambition.lower(),
        ambition=vocab_label("irm", counts.index[row], lang),
        completion=vocab_label("irm", counts.columns[column], lang),
        top=fmt_number(int(z[row, column]), lang),
        by_completion=_level_counts(counts.sum(axis=0), lang),
        by_ambition=_level_counts(counts.sum(axis=1), lang),
    )


def diog_summary(distribution: pd.DataFrame, lang: str) -> str:
    """``diog_bars`` in words: each level's count, from Worsens to Outstanding, and the unrated."""
    rated = distribution[distribution["level"] != "not_assessed"]
    missing = int(distribution.loc[distribution["level"] == "not_assessed", "count"].sum())
    return t(
        "explorer.sum.diog",
        lang,
        levels=_level_counts(rated.set_index("level")["count"], lang),
        missing=fmt_number(missing, lang),
    )
