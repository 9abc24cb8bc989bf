"""The milestone timeline's callbacks: the summary and due chart, the Gantt
page, turning pages, and a click on a milestone opening its commitment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd
from dash import Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids, theme
from dashboard.cache import cached
from dashboard.components.chart import summary_text
from dashboard.components.common import empty_state, sample_badge
from dashboard.components.downloads import data_id
from dashboard.components.kpi import kpi_card
from dashboard.exports import timeline as exports
from dashboard.factory import database_url_of, today_of
from dashboard.figures import timeline as figures
from dashboard.i18n import add, fmt_date, fmt_number, fmt_percent, t
from dashboard.pages import timeline as page
from dashboard.state import GLOBAL, global_query, parse_query, read, read_context, read_date, read_path, to_query
from data.progress import MILESTONE_STATES
from data.queries import timeline as queries
from data.queries.scope import Scope

add(
    {
        "timeline.empty": {"es": "Ningún hito coincide con estos filtros.", "en": "No milestones match these filters."},
        "timeline.undated": {
            "es": "{n} hitos sin fecha de término planificada no aparecen en el cronograma.",
            "en": "{n} milestones without a planned end date are not on the timeline.",
        },
        "timeline.all_undated": {
            "es": "Los hitos seleccionados no tienen fechas planificadas: no hay nada que ubicar en el tiempo.",
            "en": "The selected milestones have no planned dates: there is nothing to place in time.",
        },
        "timeline.pager.text": {
            "es": "Página {page} de {pages} · compromisos {first}–{last} de {commitments} · {milestones} hitos",
            "en": "Page {page} of {pages} · commitments {first}–{last} of {commitments} · {milestones} milestones",
        },
        "timeline.kpi.milestones": {
            "es": "hitos en {commitments} compromisos",
            "en": "milestones in {commitments} commitments",
        },
        "timeline.kpi.late": {"es": "hitos atrasados", "en": "late milestones"},
        "timeline.kpi.at_risk": {"es": "hitos en riesgo", "en": "milestones at risk"},
        "timeline.kpi.complete": {"es": "hitos completados", "en": "milestones complete"},
        "timeline.kpi.share": {"es": "{share} de los hitos vigentes", "en": "{share} of live milestones"},
        "timeline.kpi.progress": {"es": "avance reportado medio", "en": "mean reported progress"},
        "timeline.kpi.expected": {"es": "esperado al {date}: {expected}", "en": "expected by {date}: {expected}"},
    }
)

FILTERS = ("plan", "area", "institution", "status")
DATES = ("start", "end", "asof")


def page_number(value) -> int | None:
    """A page number (1 or more) from the page filter or the pager's store, else None."""
    return read("page", value) or None


@dataclass(frozen=True)
class Selection:
    frame: pd.DataFrame  # the milestones the filters select
    as_of: dt.date  # the date their states are read at
    is_today: bool
    filters: dict  # the filters, cleaned: what a link to this view carries


def selection(app, country, plan, area, institution, status, start, end, asof) -> Selection:
    """The milestones the filters select.  Anything a client sends that is not
    a valid value counts as no filter."""
    scope = Scope(
        country=read("country", country),
        plan=read("plan", plan),
        area=read("area", area),
        institution=read("institution", institution),
    )
    today = today_of(app)
    as_of = read_date("asof", asof)
    frame = cached(database_url_of(app), queries.milestones, scope, as_of, today)
    state = read("status", status)
    state = state if state in MILESTONE_STATES else None  # the overview's "no data" is no milestone's
    first, last = read_date("start", start), read_date("end", end)
    chosen = queries.select_milestones(frame, state, first, last)
    filters = {
        "plan": scope.plan,
        "area": scope.area,
        "institution": scope.institution,
        "status": state,
        "start": first and first.isoformat(),
        "end": last and last.isoformat(),
        "asof": as_of and as_of.isoformat(),
    }
    return Selection(chosen, as_of or today, as_of is None or as_of == today, filters)


def _state_href(search: str | None, filters: dict, state: str) -> str:
    """This view with the same filters and only milestones in ``state``."""
    params, _ = parse_query(search)
    kept = {k: v for k, v in params.items() if k in GLOBAL}  # who is looking, and where
    return "/timeline" + to_query({**kept, **filters, "status": state})


def summary_cards(chosen: pd.DataFrame, lang: str, as_of: dt.date, search, filters: dict) -> list:
    counts = queries.state_counts(chosen)
    live = len(chosen) - counts["cancelled"]
    reported, expected = queries.progress_means(chosen)

    def share(n):
        return t("timeline.kpi.share", lang, share=fmt_percent(100 * n / live if live else None, lang))

    cards = [
        kpi_card(
            fmt_number(len(chosen), lang),
            t("timeline.kpi.milestones", lang, commitments=fmt_number(chosen["commitment_id"].nunique(), lang)),
            badge=sample_badge(lang, bool(chosen["sample"].any())),
        )
    ]
    for state in ("late", "at_risk", "complete"):
        cards.append(
            kpi_card(
                fmt_number(counts[state], lang),
                t(f"timeline.kpi.{state}", lang),
                detail=share(counts[state]),
                href=_state_href(search, filters, state),
                card_id=f"timeline-kpi-{state}",
            )
        )
    cards.append(
        kpi_card(
            fmt_percent(reported, lang),
            t("timeline.kpi.progress", lang),
            detail=t("timeline.kpi.expected", lang, date=fmt_date(as_of, lang), expected=fmt_percent(expected, lang)),
        )
    )
    return cards


def register(app) -> None:
    filter_inputs = [Input(ids.filter_id(name), "value") for name in FILTERS]
    date_inputs = [Input(ids.date_filter_id(name), "date") for name in DATES]
    context = [State(ids.filter_id("country"), "value"), State(page.LANG, "data")]

    @app.callback(
        Output(page.SUMMARY, "children"),
        Output(page.DUE_SECTION, "className"),
        Output(page.DUE_GRAPH, "figure"),
        Output(page.DUE_CAPTION, "children"),
        Output(page.DUE_BADGE, "children"),
        *filter_inputs,
        *date_inputs,
        Input(ids.filter_id("period"), "value"),
        *context,
        State(ids.URL, "search"),
    )
    def update_summary(plan, area, institution, status, start, end, asof, period, country, lang, search):
        lang = read_context({"lang": lang}).lang
        chosen = selection(app, country, plan, area, institution, status, start, end, asof)
        frame = chosen.frame
        if frame.empty:
            return (empty_state(lang, t("timeline.empty", lang), page="timeline"), "panel d-none", no_update, "", None)
        period = read("period", period)
        cards = summary_cards(frame, lang, chosen.as_of, search, {**chosen.filters, "period": period})
        if frame["end"].isna().all():
            return cards, "panel d-none", no_update, "", None
        period = period or queries.auto_period(frame)
        table = queries.due_by_period(frame, period)
        return (
            cards,
            "panel",
            theme.for_display(
                figures.due_figure(table, period, lang, chosen.as_of, is_today=chosen.is_today),
                projector=bool(parse_query(search)[0].get("projector")),
            ),
            summary_text(figures.due_caption(table, period, lang), lang, bool(frame["sample"].any())),
            sample_badge(lang, bool(frame["sample"].any())),
        )

    @app.callback(
        Output(page.GANTT_SECTION, "className"),
        Output(page.GANTT_GRAPH, "figure"),
        Output(page.GANTT_GRAPH, "style"),
        Output(page.GANTT_CAPTION, "children"),
        Output(page.GANTT_BADGE, "children"),
        Output(page.GANTT_NOTE, "children"),
        Output(page.PAGER, "className"),
        Output(page.PAGER_TEXT, "children"),
        Output(page.FIRST, "disabled"),
        Output(page.PREV, "disabled"),
        Output(page.NEXT, "disabled"),
        Output(page.LAST, "disabled"),
        Output(page.PAGER_STATE, "data"),
        Output(data_id(exports.NAME), "data"),
        *filter_inputs,
        *date_inputs,
        Input(ids.filter_id("page"), "value"),
        *context,
        State(ids.URL, "search"),
    )
    def update_gantt(plan, area, institution, status, start, end, asof, page_value, country, lang, search):
        lang = read_context({"lang": lang}).lang
        chosen = selection(app, country, plan, area, institution, status, start, end, asof)
        as_of, is_today = chosen.as_of, chosen.is_today
        # The download holds every milestone selected, read when asked for: the store keeps the filters.
        download = exports.placeholder(lang, {**chosen.filters, "country": read("country", country)}).payload()
        no_pages = ("d-none", "", True, True, True, True, {"page": 1, "pages": 1}, download)
        if chosen.frame.empty:  # the summary explains it and offers a reset
            return ("panel d-none", no_update, no_update, "", None, None, *no_pages)
        one = queries.paginate(chosen.frame, page_number(page_value))
        if one.rows.empty:
            return ("panel", no_update, {"display": "none"}, "", None, t("timeline.all_undated", lang), *no_pages)
        info = cached(database_url_of(app), queries.details, tuple(int(i) for i in one.rows["id"]))
        rows = queries.with_details(one.rows, info)
        note = t("timeline.undated", lang, n=fmt_number(one.undated, lang)) if one.undated else None
        pager_text = t(
            "timeline.pager.text",
            lang,
            page=one.number,
            pages=one.pages,
            first=one.first_commitment,
            last=one.last_commitment,
            commitments=fmt_number(one.commitments, lang),
            milestones=fmt_number(len(one.rows), lang),
        )
        figure = theme.for_display(
            figures.gantt_figure(rows, lang, as_of, is_today=is_today),
            projector=bool(parse_query(search)[0].get("projector")),
        )
        return (
            "panel",
            figure,
            {"height": f"{figure['layout']['height']}px"},  # a Gantt chart's height follows its rows
            summary_text(
                figures.gantt_caption(one, queries.state_counts(one.rows), lang, as_of, is_today=is_today),
                lang,
                bool(one.rows["sample"].any()),
            ),
            sample_badge(lang, bool(one.rows["sample"].any())),
            note,
            "timeline-pager" + ("" if one.pages > 1 else " d-none"),
            pager_text,
            one.number <= 1,
            one.number <= 1,
            one.number >= one.pages,
            one.number >= one.pages,
            {"page": one.number, "pages": one.pages},
            download,
        )

    @app.callback(
        Output(ids.filter_id("page"), "value", allow_duplicate=True),
        *[Input(button, "n_clicks") for button in page.PAGE_BUTTONS],
        State(page.PAGER_STATE, "data"),
        prevent_initial_call=True,
    )
    def turn_page(*args):
        pager = args[-1] if isinstance(args[-1], dict) else {}
        current, pages = page_number(pager.get("page")) or 1, page_number(pager.get("pages")) or 1
        go_to = page.PAGE_BUTTONS.get(ctx.triggered_id)
        if go_to is None:
            raise PreventUpdate
        target = min(max(go_to(current, pages), 1), pages)
        if target == current:
            raise PreventUpdate
        return target if target > 1 else None  # page 1 is the view without ?page

    @app.callback(
        Output(ids.date_filter_id("start"), "date", allow_duplicate=True),
        Output(ids.date_filter_id("end"), "date", allow_duplicate=True),
        Output(ids.filter_id("page"), "value", allow_duplicate=True),
        Input(page.DUE_GRAPH, "clickData"),
        prevent_initial_call=True,
    )
    def zoom_to_period(click):
        """A click on a period's bar shows that period's milestones in the Gantt chart."""
        try:
            first, last = (read_date("start", day) for day in click["points"][0]["customdata"][1:3])
        except (TypeError, KeyError, IndexError, ValueError):
            raise PreventUpdate from None
        if first is None or last is None:
            raise PreventUpdate
        return first.isoformat(), last.isoformat(), None

    @app.callback(
        Output(ids.URL, "pathname", allow_duplicate=True),
        Output(ids.URL, "search", allow_duplicate=True),
        Input(page.GANTT_GRAPH, "clickData"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def open_commitment(click, search):
        try:
            commitment = click["points"][0]["customdata"]
        except (TypeError, KeyError, IndexError):
            raise PreventUpdate from None
        if read_path("commitment_id", {"commitment_id": commitment}) is None:
            raise PreventUpdate
        params, _ = parse_query(search)
        return "/commitments/" + quote(commitment), global_query(params)
