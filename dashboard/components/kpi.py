"""KPI cards: a number computed from the data, what it counts, a link to the
view that explains it."""

from __future__ import annotations

from dash import dcc, html


def kpi_card(
    value: str,
    label: str,
    *,
    href: str | None = None,
    detail: str | None = None,
    card_id: str | None = None,
    badge=None,
):
    body = [
        html.Div(value, className="kpi-value"),
        html.Div(label, className="kpi-label"),
        html.Div(detail, className="kpi-detail") if detail else None,
        badge,
    ]
    extra = {"id": card_id} if card_id else {}
    if href:
        return dcc.Link(body, href=href, className="kpi", **extra)
    return html.Div(body, className="kpi", **extra)
