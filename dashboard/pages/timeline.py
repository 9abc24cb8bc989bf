"""Milestone timeline: /timeline

Filters (all in the URL): plan, policy area, lead institution, milestone state,
a date window, an "as of" date, the grouping of the due chart and the page.
The layout draws the frame of the view; callbacks/timeline.py fills it.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.chart import described_graph, summary_id
from dashboard.components.common import empty_state, page_heading, section
from dashboard.components.downloads import with_downloads
from dashboard.components.filters import date_filter, dropdown_filter, filter_bar
from dashboard.exports import timeline as exports
from dashboard.figures.timeline import DUE_HEIGHT
from dashboard.i18n import add, fmt_date, t, vocab_label
from dashboard.pages import Page, PageContext
from dashboard.state import global_query
from dashboard.theme import graph_config

add(
    {
        "timeline.title": {"es": "Cronograma de hitos", "en": "Milestone timeline"},
        "timeline.lead": {
            "es": "Los hitos de cada compromiso: lo planificado, lo real y lo atrasado.",
            "en": "Each commitment's milestones: planned, actual and late.",
        },
        "timeline.filter.status": {"es": "Estado del hito", "en": "Milestone state"},
        "timeline.filter.start": {"es": "Desde", "en": "From"},
        "timeline.filter.end": {"es": "Hasta", "en": "To"},
        "timeline.filter.asof": {"es": "Situación al", "en": "As of"},
        "timeline.filter.any_date": {"es": "Cualquier fecha", "en": "Any date"},
        "timeline.filter.today": {"es": "Hoy ({date})", "en": "Today ({date})"},
        "timeline.period": {"es": "Agrupar por", "en": "Group by"},
        "timeline.period.auto": {"es": "Automático", "en": "Automatic"},
        "timeline.period_option.month": {"es": "Mes", "en": "Month"},
        "timeline.period_option.quarter": {"es": "Trimestre", "en": "Quarter"},
        "timeline.due.title": {"es": "¿Cuándo vencen los hitos?", "en": "When are milestones due?"},
        "timeline.due.help": {
            "es": "Todos los hitos seleccionados, por fecha de término planificada y estado. La línea discontinua marca la fecha de la situación. Haga clic en una barra para ver en el cronograma los hitos de ese periodo.",
            "en": "Every selected milestone, by planned end date and state. The dashed line marks the as-of date. Click a bar to see that period's milestones in the timeline.",
        },
        "timeline.gantt.title": {"es": "Hitos por compromiso", "en": "Milestones by commitment"},
        "timeline.gantt.help": {
            "es": "Barra: periodo planificado, con color y trama según el estado; barra interior oscura: avance reportado; raya vertical: avance esperado a la fecha; punto: término real. Del plan más reciente al más antiguo. Haga clic en un hito para abrir su compromiso.",
            "en": "Bar: planned period, coloured and patterned by state; dark inner bar: reported progress; vertical tick: progress expected by the date; dot: actual end. Newest plan first. Click a milestone to open its commitment.",
        },
        "timeline.pager.label": {"es": "Páginas del cronograma", "en": "Timeline pages"},
        "timeline.pager.prev": {"es": "‹ Anterior", "en": "‹ Previous"},
        "timeline.pager.next": {"es": "Siguiente ›", "en": "Next ›"},
        "timeline.pager.first": {"es": "« Primera", "en": "« First"},
        "timeline.pager.last": {"es": "Última »", "en": "Last »"},
        "timeline.no_milestones": {
            "es": "{country} no tiene hitos cargados, así que no hay cronograma que mostrar. La hoja de compromisos de OGP no trae hitos: pueden importarse con la plantilla de hitos (página Datos).",
            "en": "{country} has no milestones loaded, so there is no timeline to show. OGP's commitment sheet has no milestones: they can be imported with the milestone template (Data page).",
        },
        "timeline.no_data": {"es": "Aún no hay hitos cargados.", "en": "No milestones are loaded yet."},
        "timeline.to_data": {"es": "Importar datos", "en": "Import data"},
        "timeline.to_commitments": {"es": "Ver sus compromisos", "en": "See its commitments"},
    }
)

# Component ids of this view (filters use dashboard.ids).
LANG = "timeline-lang"
SUMMARY = "timeline-summary"
DUE_SECTION = "timeline-due"
DUE_GRAPH = "timeline-due-graph"
DUE_CAPTION = summary_id(DUE_GRAPH)
DUE_BADGE = "timeline-due-badge"
GANTT_SECTION = "timeline-gantt"
GANTT_GRAPH = "timeline-gantt-graph"
GANTT_CAPTION = summary_id(GANTT_GRAPH)
GANTT_BADGE = "timeline-gantt-badge"
GANTT_NOTE = "timeline-gantt-note"
PAGER = "timeline-pager"
PAGER_STATE = "timeline-pager-state"
PAGER_TEXT = "timeline-pager-text"
FIRST = "timeline-first"
PREV = "timeline-prev"
NEXT = "timeline-next"
LAST = "timeline-last"
# Buttons that turn pages, and the page each goes to from (page, pages).
PAGE_BUTTONS = {
    FIRST: lambda page, pages: 1,
    PREV: lambda page, pages: page - 1,
    NEXT: lambda page, pages: page + 1,
    LAST: lambda page, pages: pages,
}

BLANK_FIGURE = {
    "data": [],
    "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}, "height": 300, "template": None},
}


def _graph(graph_id: str, lang: str, height: int) -> html.Figure:
    """A chart and its text alternative, both filled by callbacks/timeline.py."""
    return described_graph(
        dcc.Loading(
            dcc.Graph(id=graph_id, figure=BLANK_FIGURE, config=graph_config(lang), style={"height": f"{height}px"}),
            delay_show=400,
        ),
        None,
        lang,
        graph_id=graph_id,
        class_name="timeline-figure",
    )


def _no_milestones(ctx: PageContext, heading) -> html.Div:
    from data.queries import shell

    countries = shell.countries(ctx.db_url)
    names = dict(zip(countries["code"], countries["name"]))
    country = ctx.params.get("country")
    message = (
        t("timeline.no_milestones", ctx.lang, country=names.get(country, country))
        if country
        else t("timeline.no_data", ctx.lang)
    )
    query = global_query(ctx.params)
    return html.Div(
        [
            heading,
            empty_state(ctx.lang, message),
            html.P(
                [
                    dcc.Link(t("timeline.to_data", ctx.lang), href="/data" + query, className="btn btn-primary me-2"),
                    dcc.Link(
                        t("timeline.to_commitments", ctx.lang),
                        href="/commitments" + query,
                        className="btn btn-outline-secondary",
                    ),
                ],
                className="mt-3 timeline-next-steps",
            ),
        ]
    )


def _pager(ctx: PageContext) -> html.Nav:
    def button(key, button_id):
        return html.Button(t(key, ctx.lang), id=button_id, className="btn btn-outline-secondary btn-sm", disabled=True)

    return html.Nav(
        [
            button("timeline.pager.first", FIRST),
            button("timeline.pager.prev", PREV),
            html.Span(id=PAGER_TEXT, className="timeline-pager-text", role="status"),
            button("timeline.pager.next", NEXT),
            button("timeline.pager.last", LAST),
            # The page number itself: a filter like the others, kept in the URL.
            dcc.Input(id=ids.filter_id("page"), type="hidden", value=ctx.params.get("page")),
        ],
        id=PAGER,
        className="timeline-pager",
        **{"aria-label": t("timeline.pager.label", ctx.lang)},
    )


def layout(ctx: PageContext):
    from data.progress import MILESTONE_STATES
    from data.queries.timeline import PERIODS, country_has_milestones

    lang = ctx.lang
    heading = page_heading(t("timeline.title", lang), t("timeline.lead", lang))
    if not country_has_milestones(ctx.db_url, ctx.params.get("country")):
        return _no_milestones(ctx, heading)
    status = dropdown_filter(
        ctx,
        "status",
        [{"label": vocab_label("status", s, lang), "value": s} for s in MILESTONE_STATES],
        label_key="timeline.filter.status",
    )
    any_date = t("timeline.filter.any_date", lang)
    dates = [
        date_filter(ctx, "start", "timeline.filter.start", any_date),
        date_filter(ctx, "end", "timeline.filter.end", any_date),
        date_filter(
            ctx, "asof", "timeline.filter.asof", t("timeline.filter.today", lang, date=fmt_date(ctx.today, lang))
        ),
    ]
    period = dropdown_filter(
        ctx,
        "period",
        [{"label": t(f"timeline.period_option.{p}", lang), "value": p} for p in PERIODS],
        label_key="timeline.period",
        placeholder=t("timeline.period.auto", lang),
    )
    return html.Div(
        [
            heading,
            filter_bar(ctx, names=("plan", "area", "institution"), extra=(status, *dates)),
            html.Div(id=SUMMARY, className="kpi-grid timeline-summary", **{"aria-live": "polite"}),
            section(
                t("timeline.due.title", lang),
                html.Div([html.Div(period, className="timeline-period"), _graph(DUE_GRAPH, lang, DUE_HEIGHT)]),
                badge=html.Span(id=DUE_BADGE),
                section_id=DUE_SECTION,
                help_text=t("timeline.due.help", lang),
            ),
            section(
                t("timeline.gantt.title", lang),
                html.Div(
                    [
                        _pager(ctx),
                        html.P(id=GANTT_NOTE, className="timeline-note"),
                        html.Div(_graph(GANTT_GRAPH, lang, 400), className="timeline-scroll"),
                    ]
                ),
                badge=with_downloads(html.Span(id=GANTT_BADGE), exports.placeholder(lang, ctx.params)),
                section_id=GANTT_SECTION,
                help_text=t("timeline.gantt.help", lang),
            ),
            dcc.Store(id=LANG, data=lang),
            dcc.Store(id=PAGER_STATE, data={"page": 1, "pages": 1}),
        ],
        className="timeline-view",
    )


PAGE = Page(
    name="timeline",
    path="/timeline",
    title_key="timeline.title",
    layout=layout,
    nav="timeline",
    nav_order=2,
    params=("plan", "area", "institution", "status", "start", "end", "asof", "period", "page"),
)
