"""Small components every page uses: headings, sample marks, empty states."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
from dash import html

from dashboard import ids
from dashboard.i18n import t


def dom_id(component_id) -> str:
    """The DOM id Dash gives a component, also for pattern-matching (dict) ids."""
    if isinstance(component_id, dict):
        return (
            "{"
            + ",".join(
                f"{json.dumps(k)}:{json.dumps(component_id[k], separators=(',', ':'))}" for k in sorted(component_id)
            )
            + "}"
        )
    return component_id


def dropdown_labels(lang: str) -> dict:
    keys = (
        "select_all",
        "deselect_all",
        "selected_count",
        "search",
        "clear_search",
        "clear_selection",
        "no_options_found",
    )
    return {
        k: t(f"dropdown.{k}", lang, num_selected="{num_selected}")
        if k == "selected_count"
        else t(f"dropdown.{k}", lang)
        for k in keys
    }


def page_heading(title: str, lead: str | None = None, extra=None) -> html.Div:
    return html.Div(
        [
            html.Div([html.H1(title, className="page-title"), extra], className="page-title-row"),
            html.P(lead, className="lead page-lead") if lead else None,
        ],
        className="page-heading",
    )


def sample_badge(lang: str, shown: bool = True) -> html.Span | None:
    """The mark shown wherever generated sample data is drawn."""
    if not shown:
        return None
    return html.Span(
        t("common.sample_badge", lang),
        className="badge sample-badge",
        title=t("common.sample_badge_help", lang),
        role="note",
    )


def empty_state(lang: str, message: str, page: str | None = None) -> html.Div:
    """An empty result that explains itself and offers to reset the filters."""
    return html.Div(
        [
            html.P(message, className="mb-2"),
            dbc.Button(
                t("common.reset_filters", lang), id=ids.reset_id(page), color="secondary", outline=True, size="sm"
            )
            if page
            else None,
        ],
        className="empty-state",
        role="status",
    )


def apology(lang: str) -> html.Div:
    """What a part of a view shows when drawing it failed (a bug or the database,
    not the user's doing: the callback logs the error)."""
    return html.Div(
        [html.P(t("error.title", lang), className="fw-bold mb-1"), html.P(t("error.body", lang))],
        className="empty-state",
        role="alert",
    )


def section(
    title: str, children, *, badge=None, section_id: str | None = None, help_text: str | None = None
) -> html.Section:
    heading_id = f"{section_id}-heading" if section_id else None
    return html.Section(
        [
            html.Div([html.H2(title, className="section-title", id=heading_id), badge], className="section-head"),
            html.P(help_text, className="section-help") if help_text else None,
            children,
        ],
        className="panel",
        id=section_id,
        **({"aria-labelledby": heading_id} if heading_id else {}),
    )


def table_region(table, label: str, class_name: str = "table-responsive") -> html.Div:
    """A table in its own scroll box (sideways on a phone).  The box takes
    keyboard focus and has a name, so it can be scrolled without a mouse
    (WCAG 2.1.1; axe's scrollable-region-focusable)."""
    return html.Div(table, className=class_name, tabIndex="0", role="region", **{"aria-label": label})
