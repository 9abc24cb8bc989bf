"""The router: the URL's path and language decide which page is drawn.

The whole frame is redrawn only when the path, the language, the country or
projector mode change; other parameters are filters that the pages' own
callbacks follow, so changing one does not rebuild the page.
"""

from __future__ import annotations

import logging

import flask
from dash import Input, Output, State, html
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.factory import database_url_of, today_of
from dashboard.i18n import lang_from_accept_language, normalise_lang, t
from dashboard.pages import PageContext, all_pages, match
from dashboard.shell import frame
from dashboard.state import parse_query
from data.db import DATABASE_UNAVAILABLE

log = logging.getLogger("ogp_monitor.router")


def _not_found(ctx: PageContext):
    return html.Div(
        [
            html.H1(t("notfound.title", ctx.lang), className="page-title"),
            html.P(t("notfound.body", ctx.lang, path=ctx.path)),
            html.A(t("notfound.home", ctx.lang), href="/?lang=" + ctx.lang, className="btn btn-primary"),
        ],
        className="not-found",
    )


def _error(lang: str):
    return html.Div(
        [
            html.H1(t("error.title", lang), className="page-title"),
            html.P(t("error.body", lang)),
            html.A(t("notfound.home", lang), href="/?lang=" + lang, className="btn btn-primary"),
        ],
        className="not-found",
        role="alert",
    )


def render(app, pathname: str | None, search: str | None) -> tuple[list, dict]:
    """The frame and page for a URL, and the key that says what was drawn."""
    from data.queries import shell as shell_queries

    url = database_url_of(app)
    params, bad = parse_query(search)
    lang = params.get("lang") or lang_from_accept_language(
        flask.request.headers.get("Accept-Language") if flask.has_request_context() else None
    )
    lang = normalise_lang(lang)
    countries = shell_queries.countries(url)
    if params.get("country") not in set(countries["code"]):
        if "country" in params:
            bad.append("country")
        params["country"] = (
            "PER" if "PER" in set(countries["code"]) else (countries["code"].iloc[0] if len(countries) else None)
        )
    params["lang"] = lang
    page, path_args = match(pathname, all_pages())
    ctx = PageContext(
        lang=lang,
        params=params,
        db_url=url,
        today=today_of(app),
        bad_params=tuple(bad),
        path_args=path_args,
        path=pathname or "/",
    )
    if page is None:
        body, nav = _not_found(ctx), None
    else:
        nav = page.nav
        try:
            body = page.layout(ctx)
        except DATABASE_UNAVAILABLE:  # the database is away: 503 and a message
            raise
        except Exception:  # a bug, not the user's doing: log it, apologise
            log.exception("page %s failed for %s%s", page.name, pathname, search)
            body = _error(lang)
    key = {"path": pathname, "lang": lang, "country": params.get("country"), "projector": bool(params.get("projector"))}
    children = frame(lang, params, countries, nav, body, shell_queries.last_load(url), shell_queries.sources(url), bad)
    return children, key


def register(app) -> None:
    # Import every registered page now: a broken page fails at start, and their
    # messages are in the catalogue before the first request.
    all_pages()

    @app.callback(
        Output(ids.SHELL, "children"),
        Output(ids.RENDERED, "data"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
        State(ids.RENDERED, "data"),
    )
    def route(pathname, search, rendered):
        params, _ = parse_query(search)
        pathname = pathname if isinstance(pathname, str) else None
        rendered = rendered if isinstance(rendered, dict) else None
        if rendered and rendered.get("path") == pathname:
            same = (
                params.get("lang", rendered.get("lang")) == rendered.get("lang")
                and params.get("country", rendered.get("country")) == rendered.get("country")
                and bool(params.get("projector")) == rendered.get("projector")
            )
            if same:
                raise PreventUpdate
        children, key = render(app, pathname, search)
        return children, key

    # The document's language and title follow the page (screen readers need lang).
    app.clientside_callback(
        """
        function(rendered) {
            if (!rendered) { return window.dash_clientside.no_update; }
            document.documentElement.lang = rendered.lang;
            document.documentElement.classList.toggle('projector', !!rendered.projector);
            setTimeout(function () {
                var h1 = document.querySelector('h1.page-title');
                var app = rendered.lang === 'es' ? 'Monitor OGP' : 'OGP Monitor';
                document.title = h1 ? h1.textContent + ' · ' + app : app;
            }, 0);
            return window.dash_clientside.no_update;
        }
        """,
        Output(ids.SHELL, "className"),
        Input(ids.RENDERED, "data"),
    )
