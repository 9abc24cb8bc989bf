"""A page that only says what it is for and what is loaded, until its view lands."""
from __future__ import annotations

from dash import html

from dashboard.components.common import page_heading
from dashboard.i18n import add, fmt_number, t
from dashboard.pages import PageContext

add({'simple.count.commitments': {'es': 'Compromisos cargados: {n}', 'en': 'Commitments loaded: {n}'}, 'simple.count.milestones': {'es': 'Hitos cargados: {n}', 'en': 'Milestones loaded: {n}'}, 'simple.count.forums': {'es': 'Foros cargados: {n}', 'en': 'Forums loaded: {n}'}, 'simple.count.participation': {'es': 'Registros de participación cargados: {n}', 'en': 'Participation records loaded: {n}'}})


def simple_page(ctx: PageContext, title_key: str, lead_key: str, count_table: str | None = None):
    from data.queries.inventory import table_counts

    body = []
    if count_table:
        n = table_counts(ctx.db_url)[count_table]
        body.append(html.P(t(f"simple.count.{count_table}", ctx.lang, n=fmt_number(n, ctx.lang)), className="simple-count"))
    return html.Div([page_heading(t(title_key, ctx.lang), t(lead_key, ctx.lang)), *body])
