"""The frame around every page: header, navigation, language switch, footer."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.components.common import dom_id
from dashboard.i18n import LANGS, fmt_datetime, t
from dashboard.pages import nav_entries
from dashboard.state import global_query, to_query


def header(lang: str, params: dict, countries, active_nav: str | None) -> html.Header:
    query = global_query(params)
    country_options = [{"label": name, "value": code} for code, name in zip(countries["code"], countries["name"])]
    nav_items = [
        html.Li(
            dcc.Link(
                [t(key, lang), html.Span(" " + t("shell.current", lang), className="visually-hidden")]
                if key == f"nav.{active_nav}"
                else t(key, lang),
                href=path + query,
                id=ids.nav_link_id(path),
                className="nav-link" + (" active" if key == f"nav.{active_nav}" else ""),
            ),
            className="nav-item",
        )
        for path, key in nav_entries()  # the page registry's entries, in their order
    ]
    lang_links = [
        dcc.Link(
            t(f"shell.lang_{code}", lang),
            href=to_query({**params, "lang": code}) or "?",
            id=ids.lang_link_id(code),
            className="lang-link" + (" active" if code == lang else ""),
            title=t(f"shell.switch_{code}", lang),
        )
        for code in LANGS
    ]
    return html.Header(
        [
            html.A(t("shell.skip", lang), href="#main", className="skip-link"),
            html.Div(
                [
                    dcc.Link(
                        [html.Span("OGP", className="brand-mark"), t("app.name", lang)],
                        href="/" + query,
                        className="brand",
                    ),
                    html.Div(
                        [
                            html.Label(
                                t("shell.country", lang),
                                htmlFor=dom_id(ids.filter_id("country")),
                                className="visually-hidden",
                            ),
                            dbc.Select(
                                id=ids.filter_id("country"),
                                options=country_options,
                                value=params.get("country") or "",
                                class_name="country-select",
                            ),
                        ],
                        className="country-picker",
                    ),
                    projector_link(lang, params),
                    html.Nav(
                        [html.Span(t("shell.language", lang) + ":", className="visually-hidden"), *lang_links],
                        className="lang-switch",
                        **{"aria-label": t("shell.language", lang)},
                    ),
                ],
                className="topbar",
            ),
            html.Nav(
                html.Ul(nav_items, className="nav nav-underline main-nav"),
                **{"aria-label": t("nav.label", lang)},
            ),
        ],
        className="app-header",
    )


def projector_link(lang: str, params: dict):
    """Switches projector mode (kept in the URL like every other setting)."""
    on = bool(params.get("projector"))
    return dcc.Link(
        t("shell.projector", lang),
        href=to_query({**params, "projector": not on}) or "?",
        id=ids.PROJECTOR_LINK,
        className="projector-link" + (" active" if on else ""),
        title=t("shell.projector_on" if on else "shell.projector_off", lang),
    )


def footer(lang: str, last_load, sources) -> html.Footer:
    # Load times are stored in UTC; say so rather than guess the reader's zone.
    when = (
        t("shell.last_import", lang, when=fmt_datetime(last_load, lang) + " UTC")
        if last_load
        else t("shell.never_loaded", lang)
    )
    names = [f"{t('source.' + kind, lang)}: {name}" for kind, name in zip(sources["kind"], sources["name"])]
    has_sample = "sample" in set(sources["kind"])
    return html.Footer(
        [
            html.P(when, className="mb-1"),
            html.P(t("shell.sources", lang, sources="; ".join(names) or "—"), className="mb-1 footer-sources"),
            html.P(t("shell.sample_notice", lang), className="mb-1 sample-notice") if has_sample else None,
            html.P(t("shell.footer_about", lang), className="mb-0 text-muted small"),
        ],
        className="app-footer",
    )


def frame(lang: str, params: dict, countries, active_nav, page_body, last_load, sources, bad_params=()) -> list:
    alert = None
    if bad_params:
        alert = dbc.Alert(
            t("common.bad_params", lang, params=", ".join(bad_params)),
            color="warning",
            dismissable=True,
            id=ids.BAD_PARAMS,
            className="mb-3",
        )
    return [
        header(lang, params, countries, active_nav),
        html.Main([alert, page_body], id="main", tabIndex="-1", className="app-main", lang=lang),
        footer(lang, last_load, sources),
    ]
