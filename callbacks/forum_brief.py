"""The forum brief follows its reference date; the print button prints it."""

from __future__ import annotations

import datetime as dt
import logging

from dash import ClientsideFunction, Input, Output, html

from callbacks.forums import _apology as apology
from dashboard import ids
from dashboard.cache import cached
from dashboard.factory import database_url_of, today_of
from dashboard.i18n import normalise_lang, t
from dashboard.pages import forum_brief as page
from data.queries import forum_brief as queries

log = logging.getLogger("ogp_monitor.forum_brief")


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _context(data) -> tuple[str, str | None, str]:
    data = data if isinstance(data, dict) else {}
    code, query = data.get("code"), data.get("query")
    code = code if isinstance(code, str) and page.CODE.fullmatch(code) else None
    return normalise_lang(data.get("lang")), code, query if isinstance(query, str) else ""


def register(app) -> None:
    @app.callback(
        Output(page.CONTENT, "children"),
        Input(ids.date_filter_id("asof"), "date"),
        Input(page.CONTEXT, "data"),
    )
    def show_brief(asof, context):
        lang, code, query = _context(context)
        if code is None:
            return None
        today, day = today_of(app), _date(asof)
        try:
            # The brief's data is cached; it is drawn for each request, so
            # switching language does not query again.
            brief = cached(database_url_of(app), queries.forum_brief, code, today, day)
            if brief is None:  # removed since the page was drawn
                return html.P(t("brief.not_found_body", lang, code=code), className="brief-empty")
            # The chart, the attendance texts and the downloads are cached as drawn data.
            drawn = cached(database_url_of(app), page.brief_drawing, code, today, day, lang)
            return page.brief_view(brief, lang, query, drawn)
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
