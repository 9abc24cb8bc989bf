"""Action plan overview: /

For senior officials (five minutes, a laptop): KPI cards, progress per action
plan, commitments by status and policy area, what is late or due soon, the
latest forum meetings.  The layout draws the filters and an empty container;
callbacks/overview.py fills it from the filters (so a filter change redraws
the content, not the page) and the URL follows the filters (callbacks/url_state.py).
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.common import page_heading
from dashboard.components.filters import date_filter, filter_bar
from dashboard.i18n import add, t
from dashboard.pages import Page, PageContext

add(
    {
        "overview.title": {"es": "Resumen del plan de acción", "en": "Action plan overview"},
        "overview.lead": {
            "es": "Cuánto avanzó el plan de acción, qué está atrasado y qué foros se reunieron.",
            "en": "How far the action plan has come, what is late and which forums met.",
        },
        "overview.asof": {"es": "Situación al", "en": "As of"},
        "overview.asof_placeholder": {"es": "Hoy", "en": "Today"},
        "overview.asof_help": {
            "es": "Elija una fecha para ver el plan como estaba entonces, según el historial de los hitos.",
            "en": "Pick a date to see the plan as it stood then, from the milestones' history.",
        },
    }
)

# Component ids of this page.
CONTEXT = "overview-context"
CONTENT = "overview-content"
# OGP was founded in 2011: no action plan is older.
EARLIEST_DATE = "2011-01-01"


def asof_filter(ctx: PageContext) -> html.Div:
    """The "as of" date: empty means today."""
    return date_filter(
        ctx,
        "asof",
        "overview.asof",
        t("overview.asof_placeholder", ctx.lang),
        help_text=t("overview.asof_help", ctx.lang),
        min_date=EARLIEST_DATE,
        max_date=ctx.today.isoformat(),
        class_name="asof-picker",
    )


def layout(ctx: PageContext):
    return html.Div(
        [
            page_heading(t("overview.title", ctx.lang), t("overview.lead", ctx.lang)),
            # What the content callback needs besides the filters; the page is
            # redrawn when the language or the country change, so these are fixed.
            dcc.Store(
                id=CONTEXT,
                data=ctx.store(),
            ),
            filter_bar(ctx, extra=[asof_filter(ctx)]),
            dcc.Loading(
                html.Div(
                    html.P(t("common.loading", ctx.lang), className="text-muted"),
                    id=CONTENT,
                    className="overview-content",
                ),
                delay_show=400,
                overlay_style={"visibility": "visible", "opacity": 0.55},
                type="default",
            ),
        ],
        className="overview-page",
    )


PAGE = Page(
    name="overview",
    path="/",
    title_key="overview.title",
    layout=layout,
    nav="overview",
    nav_order=1,
    params=("plan", "area", "institution", "status", "asof"),
)
