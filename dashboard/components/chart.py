"""A chart with its text alternative (WCAG 2.1, 1.1.1): every ``dcc.Graph`` of
the app goes through ``described_graph``.

The summary is a sentence computed by a pure function next to the figure's
builder (``dashboard/figures/*``) from the same frame the figure is drawn
from.  It is shown under the chart as small muted text (useful on a phone or
on paper too) and the chart's wrapper points at it with ``aria-describedby``,
so a screen reader announces it on reaching the chart.  Where a callback
redraws a figure, it returns ``summary_text(...)`` for the summary's id too.
"""

from __future__ import annotations

from dash import html

from dashboard.i18n import add, t

add(
    {
        "chart.sample": {"es": "(Datos de muestra.)", "en": "(Sample data.)"},
        "chart.empty": {"es": "El gráfico no tiene datos que mostrar.", "en": "The chart has no data to show."},
        "chart.download_png": {"es": "Descargar el gráfico como PNG", "en": "Download plot as PNG"},
    }
)


def summary_id(graph_id: str) -> str:
    return f"{graph_id}-summary"


def summary_text(summary: str, lang: str, sample: bool = False) -> str:
    """The summary as read, marked when the chart draws generated sample data."""
    summary = summary or t("chart.empty", lang)
    return f"{summary} {t('chart.sample', lang)}" if sample else summary


def _caption(summary: str | None, lang: str, sample: bool) -> str | None:
    return None if summary is None else summary_text(summary, lang, sample)


def described_graph(
    graph, summary: str, lang: str, *, sample: bool = False, graph_id: str | None = None, class_name: str = ""
) -> html.Figure:
    """``graph`` in a figure with its summary under it.  ``graph`` is a
    ``dcc.Graph`` with a string id, or something holding one (a ``dcc.Loading``,
    a scrolling box) and then ``graph_id`` names it.  A ``None`` summary is
    left for a callback to fill (at the id ``summary_id(graph_id)``)."""
    caption = summary_id(graph_id or graph.id)
    return html.Figure(
        [
            html.Div(
                graph,
                className="chart-frame",
                role="group",
                # The label of the chart's PNG button (assets/15_exports.js).
                **{"aria-describedby": caption, "data-image-label": t("chart.download_png", lang)},
            ),
            html.Figcaption(_caption(summary, lang, sample), id=caption, className="chart-summary"),
        ],
        className=f"chart-figure {class_name}".strip(),
    )
