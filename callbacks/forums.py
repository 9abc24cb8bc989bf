"""The forum comparison and the one-forum panel follow their selectors."""

from __future__ import annotations

import logging

from dash import ClientsideFunction, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.cache import cached
from dashboard.components.common import apology
from dashboard.factory import database_url_of, today_of
from dashboard.i18n import t
from dashboard.pages import forum_brief as brief
from dashboard.pages import forums as page
from dashboard.state import parse_query, read, read_context
from data.db import DATABASE_UNAVAILABLE
from data.queries import forums as queries

log = logging.getLogger("ogp_monitor.forums")


def selection(value, forums) -> list[str]:
    """The codes to compare: the known ones asked for, in order, else the default.
    Anything a client sends that is not a known code is dropped."""
    known = set(forums["code"])
    asked = read("forums", [value] if isinstance(value, str) else value) or []
    chosen = [c for c in dict.fromkeys(asked) if c in known]
    return chosen or queries.default_selection(forums)


def panel_content(url: str, code: str, today, lang: str, params: dict | None = None) -> list:
    """The one-forum panel, drawn from its (cached) tables."""
    tables = cached(url, page.panel_tables, code, today)
    return page.panel_view(
        tables["name"],
        tables["meetings"],
        tables["members"],
        tables["reference"],
        lang,
        meetings_sample=tables["meetings_sample"],
        members_sample=tables["members_sample"],
        code=code,
        brief_link=brief.brief_link(code, tables["name"], lang, params or {"lang": lang}),
    )


def register(app) -> None:
    @app.callback(
        Output(ids.filter_id("forums"), "value", allow_duplicate=True),
        Input(page.CONTEXT, "data"),
        State(ids.URL, "search"),
        prevent_initial_call="initial_duplicate",
    )
    def show_default(context, search):
        """A link without ``forums`` compares the default forums: put them in the
        selector (and so in the URL) so they can be added to or removed."""
        if parse_query(search)[0].get("forums"):
            return no_update
        forums = cached(database_url_of(app), queries.forum_list, read_context(context).country)
        return queries.default_selection(forums) if len(forums) else no_update

    # The browser says its width on every page (and again when it changes,
    # assets/45_viewport.js); the comparison's charts are arranged for it here.
    app.clientside_callback(
        ClientsideFunction(namespace="viewport", function_name="width"),
        Output(ids.VIEWPORT, "data"),
        Input(ids.URL, "pathname"),
    )

    @app.callback(
        Output(page.COMPARISON, "children"),
        Output(page.NOTE, "children"),
        Output(page.ARRANGED, "data"),
        Input(ids.filter_id("forums"), "value"),
        Input(page.CONTEXT, "data"),
        Input(ids.VIEWPORT, "data"),
        State(page.ARRANGED, "data"),
    )
    def compare(value, context, viewport, arranged):
        who = read_context(context)
        lang = who.lang
        forums = cached(database_url_of(app), queries.forum_list, who.country)
        if forums.empty:
            return None, None, None
        codes = selection(value, forums)
        projector = isinstance(context, dict) and context.get("projector") is True
        viewport = viewport if isinstance(viewport, int) and not isinstance(viewport, bool) else None
        rows = tuple(sorted(page.rows_for(len(codes), viewport, projector)))
        if ctx.triggered_id == ids.VIEWPORT and list(rows) == arranged:
            raise PreventUpdate  # a new width that changes nothing drawn
        note = html.P(t("forums.hint.one", lang), className="forums-hint") if len(codes) == 1 else None
        today, url = today_of(app), database_url_of(app)
        try:
            # The drawn data (figures, texts, cells) is cached; only the components are built here.
            drawn = cached(url, page.comparison_drawing, codes, today, lang)
            return page.comparison_sections(drawn, lang, rows=rows, projector=projector), note, list(rows)
        except DATABASE_UNAVAILABLE:  # the database is away: 503 and a message
            raise
        except Exception:  # a bug, not the user's doing: log it, apologise
            log.exception("forum comparison failed for %s", codes)
            return apology(lang), None, None

    @app.callback(
        Output(page.PANEL, "children"),
        Input(ids.filter_id("forum"), "value"),
        Input(ids.filter_id("forums"), "value"),
        Input(page.CONTEXT, "data"),
    )
    def panel(value, compared, context):
        who = read_context(context)
        lang = who.lang
        forums = cached(database_url_of(app), queries.forum_list, who.country)
        if forums.empty:
            return None
        asked = read("forum", value)
        code = asked if asked in set(forums["code"]) else selection(compared, forums)[0]
        try:
            params = {"lang": lang, "country": who.country}
            if who.projector:
                params["projector"] = True
            return panel_content(database_url_of(app), code, today_of(app), lang, params)
        except DATABASE_UNAVAILABLE:  # the database is away: 503 and a message
            raise
        except Exception:
            log.exception("forum panel failed for %s", code)
            return apology(lang)
