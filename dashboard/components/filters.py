"""The filter controls shared by the views: action plan, policy area, lead
institution, implementation status.  Their ids come from dashboard.ids, so
callbacks/url_state.py keeps them in the URL."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.cache import cached
from dashboard.components.common import dom_id
from dashboard.i18n import add, t, vocab_label
from dashboard.pages import PageContext

add(
    {
        "filter.plan": {"es": "Plan de acción", "en": "Action plan"},
        "filter.area": {"es": "Área de política", "en": "Policy area"},
        "filter.institution": {"es": "Institución responsable", "en": "Lead institution"},
        "filter.status": {"es": "Estado de implementación", "en": "Implementation status"},
        "filter.any": {"es": "Todos", "en": "All"},
    }
)

STATUS_CHOICES = ("not_started", "in_progress", "at_risk", "late", "complete", "no_data")


def options_for(ctx: PageContext, name: str) -> list[dict]:
    from data.queries import scope

    country = ctx.params.get("country")
    if name == "plan":
        plans = cached(ctx.db_url, scope.plans, country)
        return [{"label": f"{label} · {pid}", "value": pid} for pid, label in zip(plans["id"], plans["label"])]
    if name == "area":
        return [{"label": a, "value": a} for a in cached(ctx.db_url, scope.policy_areas, country)]
    if name == "institution":
        return [{"label": i, "value": i} for i in cached(ctx.db_url, scope.lead_institutions, country)]
    if name == "status":
        return [{"label": vocab_label("status", s, ctx.lang), "value": s} for s in STATUS_CHOICES]
    raise KeyError(name)


def dropdown_filter(
    ctx: PageContext,
    name: str,
    options: list[dict],
    *,
    multi: bool = False,
    label_key: str | None = None,
    placeholder: str | None = None,
) -> html.Div:
    """A labelled control whose value starts from the URL (dropped when unknown).

    Native elements on purpose: a <select> (single choice, first option the
    empty choice, "All" unless ``placeholder`` says what it means) or a group
    of checkboxes (several choices) work with the keyboard, screen readers and
    phones, which Dash 4's dcc.Dropdown does not fully do (its focus target is
    an aria-hidden input).
    """
    values = {o["value"] for o in options}
    current = ctx.params.get(name)
    component_id = ids.filter_id(name)
    label = t(label_key or f"filter.{name}", ctx.lang)
    if multi:
        current = [v for v in (current or []) if v in values]
        return html.Fieldset(
            [
                html.Legend(label, className="filter-legend"),
                dbc.Checklist(id=component_id, options=options, value=current, inline=True),
            ],
            className="filter",
        )
    any_label = placeholder or t("filter.any", ctx.lang)
    return html.Div(
        [
            html.Label(label, htmlFor=dom_id(component_id)),
            dbc.Select(
                id=component_id,
                # dbc.Select always adds a hidden option "" showing the
                # placeholder; the visible "All" option also has the value "",
                # so choosing it shows "All" again and clears the filter.
                options=[{"label": any_label, "value": ""}, *options],
                value=current if current in values else "",
                placeholder=any_label,
            ),
        ],
        className="filter",
    )


def filter_bar(ctx: PageContext, names=("plan", "area", "institution", "status"), extra=()) -> html.Div:
    controls = [dropdown_filter(ctx, name, options_for(ctx, name)) for name in names]
    return html.Div(
        [*controls, *extra],
        className="filter-bar",
        role="search",
        **{"aria-label": t("common.filters", ctx.lang)},
    )


def date_filter(
    ctx: PageContext,
    name: str,
    label_key: str,
    placeholder: str | None = None,
    *,
    help_text: str | None = None,
    min_date: str | None = None,
    max_date: str | None = None,
    class_name: str = "",
) -> html.Div:
    """A labelled date picker whose date (YYYY-MM-DD) starts from the URL.

    Dates show as numbers in the reader's order: the picker's own month and
    day names are English only.  ``placeholder`` says what an empty field
    means (any date, today…).  assets/05_date_pickers.js removes an ARIA attribute the
    picker puts where it is not allowed.
    """
    component_id = ids.date_filter_id(name)
    return html.Div(
        [
            html.Label(t(label_key, ctx.lang), htmlFor=dom_id(component_id)),
            dcc.DatePickerSingle(
                id=component_id,
                date=ctx.params.get(name),
                min_date_allowed=min_date,
                max_date_allowed=max_date,
                initial_visible_month=ctx.params.get(name) or max_date,
                display_format="DD/MM/YYYY" if ctx.lang == "es" else "YYYY-MM-DD",
                month_format="MMMM YYYY",
                first_day_of_week=1,
                clearable=True,
                placeholder=placeholder or "",
            ),
        ],
        className=f"filter filter-date {class_name}".strip(),
        title=help_text,
    )
