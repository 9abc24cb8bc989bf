"""The forum brief follows its reference date; the print button prints it."""

from __future__ import annotations

import logging

from dash import ClientsideFunction, Input, Output, html

from dashboard import ids
from dashboard.cache import cached
from dashboard.components.common import apology
from dashboard.factory import database_url_of, today_of
from dashboard.i18n import t
from dashboard.pages import forum_brief as page
from dashboard.state import global_query, parse_query, read_context, read_date, read_path
from data.db import DATABASE_UNAVAILABLE
from data.queries import forum_brief as queries

log = logging.getLogger("ogp_monitor.forum_brief")


def brief_context(data) -> tuple[str, str | None, str]:
    """(language, forum code, the global query its links keep) from the page's
    store; a code or a query our page cannot have written is dropped."""
    data = data if isinstance(data, dict) else {}
    query = data.get("query")
    params, _ = parse_query(query if isinstance(query, str) else None)
    return read_context(data).lang, read_path("forum_code", {"forum_code": data.get("code")}), global_query(params)


def register(app) -> None:
    @app.callback(
        Output(page.CONTENT, "children"),
        Input(ids.date_filter_id("asof"), "date"),
        Input(page.CONTEXT, "data"),
    )
    def show_brief(asof, context):
        lang, code, query = brief_context(context)
        if code is None:
            return None
        today, day = today_of(app), read_date("asof", asof)
        try:
            # The brief's data is cached; it is drawn for each request, so
            # switching language does not query again.
            brief = cached(database_url_of(app), queries.forum_brief, code, today, day)
            if brief is None:  # removed since the page was drawn
                return html.P(t("brief.not_found_body", lang, code=code), className="brief-empty")
            # The chart, the attendance texts and the downloads are cached as drawn data.
            drawn = cached(database_url_of(app), page.brief_drawing, code, today, day, lang)
            return page.brief_view(brief, lang, query, drawn)
        except DATABASE_UNAVAILABLE:  # the database is away: 503 and a message
            raise
        except Exception:  # a bug, not the user's doing: log it, apologise
            log.exception("forum brief failed for %s as of %s", code, asof)
            return apology(lang)

    # Printing and the printed page's footer happen in the browser
    # (assets/20_forum_brief.js).
    app.clientside_callback(
        ClientsideFunction(namespace="forumBrief", function_name="print"),
        Output(page.PRINTED, "data"),
        Input(page.PRINT, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(namespace="forumBrief", function_name="footer"),
        Output(page.LINK_LINE, "children"),
        Input(ids.URL, "href"),
        Input(page.CONTEXT, "data"),
    )
