"""Engagement view: the filters in, every chart, the KPIs and the table out."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from dash import ALL, Input, Output, ctx, dcc, html, no_update

from dashboard import ids, theme
from dashboard.cache import cached
from dashboard.components.chart import described_graph
from dashboard.components.common import empty_state, sample_badge
from dashboard.components.downloads import with_downloads
from dashboard.components.kpi import kpi_card
from dashboard.components.organization_table import organizations_list
from dashboard.exports.engagement import organizations_table
from dashboard.factory import database_url_of
from dashboard.figures import engagement as figures
from dashboard.i18n import add, fmt_number, fmt_percent, t
from dashboard.pages import engagement as page
from dashboard.state import read, read_context
from data import engagement as summary
from data.periods import checked
from data.queries.engagement import EngagementFilter, engagement_frames, turnover
from data.turnover import crop_flow
from data.vocab import PARTICIPATION_CHANNELS

add(
    {
        "engagement.kpi.persons": {"es": "participantes", "en": "participants"},
        "engagement.kpi.organizations": {"es": "organizaciones distintas", "en": "distinct organizations"},
        "engagement.kpi.received": {"es": "aportes recibidos", "en": "contributions received"},
        "engagement.kpi.rate": {
            "es": "con respuesta razonada (estándar 4)",
            "en": "with a reasoned answer (standard 4)",
        },
        "engagement.kpi.rate_detail": {
            "es": "{answered} de {received} aportes",
            "en": "{answered} of {received} contributions",
        },
        "engagement.empty": {
            "es": "Ningún registro de participación coincide con estos filtros.",
            "en": "No engagement records match these filters.",
        },
        "engagement.empty_meetings": {
            "es": "Ningún registro coincide. Recuerde que las sesiones del foro no están ligadas a un compromiso ni a un plan.",
            "en": "No records match. Note that forum meetings are tied to no commitment or plan.",
        },
        "engagement.no_organizations": {
            "es": "Estos registros no identifican organizaciones (solo público contado por persona).",
            "en": "These records name no organizations (only members of the public, counted per person).",
        },
        "engagement.no_contributions": {
            "es": "Estos registros no incluyen aportes: las sesiones del foro registran asistencia, no aportes.",
            "en": "These records include no contributions: forum meetings record attendance, not contributions.",
        },
    }
)

FILTERS = ("forums", "commitment", "plan", "channel", "period")
DATES = ("start", "end")


def selection(context, values: dict) -> tuple[EngagementFilter, str, str, object, object]:
    """(filter, lang, period, start, end) from the inputs, anything malformed dropped."""
    who = read_context(context)
    channels = tuple(c for c in read("channel", values.get("channel")) or () if c in PARTICIPATION_CHANNELS)
    start, end = (read(d, values.get(d)) for d in DATES)
    if start and end and start > end:
        start, end = end, start
    chosen = EngagementFilter(
        country=who.country,
        forums=tuple(sorted(read("forums", values.get("forums")) or ())),
        commitment=read("commitment", values.get("commitment")),
        plan=read("plan", values.get("plan")),
        channels=tuple(sorted(channels)),
    )
    return chosen, who.lang, checked(read("period", values.get("period"))), start, end


def _graph(name: str, figure: dict, description: str, lang: str, sample: bool, *, projector: bool) -> html.Figure:
    graph = dcc.Graph(
        id=page.graph_id(name),
        figure=theme.for_display(figure, projector=projector),
        config=theme.graph_config(lang),
        className="engagement-graph",
    )
    return described_graph(graph, description, lang, sample=sample)


def _note(message: str) -> html.P:
    return html.P(message, className="engagement-note", role="status")


def _kpis(numbers: dict, lang: str, sample: bool) -> list:
    return [
        kpi_card(
            fmt_number(numbers["persons"], lang), t("engagement.kpi.persons", lang), badge=sample_badge(lang, sample)
        ),
        kpi_card(fmt_number(numbers["organizations"], lang), t("engagement.kpi.organizations", lang)),
        kpi_card(fmt_number(numbers["received"], lang), t("engagement.kpi.received", lang)),
        kpi_card(
            fmt_percent(numbers["rate"], lang),
            t("engagement.kpi.rate", lang),
            detail=t(
                "engagement.kpi.rate_detail",
                lang,
                answered=fmt_number(numbers["answered"], lang),
                received=fmt_number(numbers["received"], lang),
            ),
        ),
    ]


@dataclass
class View:
    """What one set of filter values selects, shared by the view's callbacks."""

    lang: str
    period: str
    chosen: EngagementFilter
    shown: pd.DataFrame  # activity in the dates shown, keyed by period
    history: pd.DataFrame  # organization-days over every date (histories need them)
    organizations: pd.DataFrame  # organization-days in the dates shown, keyed
    periods: pd.DatetimeIndex
    plans: pd.DataFrame
    start: str | None = None  # the dates shown, as chosen (ISO)
    end: str | None = None
    projector: bool = False  # charts sized for a projector

    def params(self) -> dict:
        """The filters, named as in the URL (what a download says it holds)."""
        c = self.chosen
        return {
            "country": c.country,
            "forums": list(c.forums),
            "commitment": c.commitment,
            "plan": c.plan,
            "channel": list(c.channels),
            "start": self.start,
            "end": self.end,
            "period": self.period,
        }


def load(app, context, values: dict) -> View:
    chosen, lang, period, start, end = selection(context, values)
    frames = cached(database_url_of(app), engagement_frames, chosen)
    shown = summary.window(frames["activity"], start, end)
    history = frames["organization_days"]
    return View(
        lang=lang,
        period=period,
        chosen=chosen,
        shown=summary.keyed(shown, period),
        history=history,
        organizations=summary.keyed(summary.window(history, start, end), period),
        periods=summary.axis_periods(shown, period),
        plans=frames["plans"],
        start=start,
        end=end,
        projector=isinstance(context, dict) and context.get("projector") is True,
    )


def overview(app, view: View) -> dict:
    """KPIs, participants and organizations per period; or why there is nothing."""
    lang, sample = view.lang, bool(view.shown["sample"].any())
    if view.shown.empty:
        message = "engagement.empty_meetings" if (view.chosen.commitment or view.chosen.plan) else "engagement.empty"
        return {
            "kpis": [],
            "empty": empty_state(lang, t(message, lang), "engagement"),
            "results": {"display": "none"},
            "people_body": None,
            "people_badge": None,
            "organizations_body": None,
            "organizations_badge": None,
        }
    people_table = summary.people_by_type(view.shown, view.periods)
    people = figures.by_stakeholder(people_table, view.period, lang, view.plans, "engagement.axis.participants")
    out = {
        "kpis": _kpis(summary.totals(view.shown, view.organizations), lang, sample),
        "empty": None,
        "results": {},
        "people_body": _graph(
            "people",
            people,
            figures.by_stakeholder_summary(people_table, view.period, lang, "engagement.axis.participants"),
            lang,
            sample,
            projector=view.projector,
        ),
        "people_badge": sample_badge(lang, sample),
        "organizations_body": _note(t("engagement.no_organizations", lang)),
        "organizations_badge": None,
    }
    if not view.organizations.empty:
        table = summary.organizations_by_type(view.organizations, view.periods)
        organizations_sample = bool(view.organizations["sample"].any())
        out["organizations_body"] = _graph(
            "organizations",
            figures.by_stakeholder(table, view.period, lang, view.plans, "engagement.axis.organizations"),
            figures.by_stakeholder_summary(table, view.period, lang, "engagement.axis.organizations"),
            lang,
            organizations_sample,
            projector=view.projector,
        )
        out["organizations_badge"] = sample_badge(lang, organizations_sample)
    return out


def history(app, view: View) -> dict:
    """New, returning and stopped organizations; the table of who comes back."""
    lang = view.lang
    if view.organizations.empty:
        note = _note(t("engagement.no_organizations", lang)) if not view.shown.empty else None
        return {"flow_body": note, "flow_badge": None, "table_body": note, "table_badge": None}
    flow, records = cached(database_url_of(app), turnover, view.chosen, view.period)
    flow = crop_flow(flow, view.periods)
    shown, sample = set(view.organizations["organization_id"]), bool(view.organizations["sample"].any())
    flow_sample = bool(view.history["sample"].any())
    return {
        "flow_body": _graph(
            "flow",
            figures.flow_figure(flow, view.period, lang, view.plans),
            figures.flow_summary(flow, view.period, lang),
            lang,
            flow_sample,
            projector=view.projector,
        ),
        "flow_badge": sample_badge(lang, flow_sample),
        "table_body": organizations_list(records, shown, lang),
        "table_badge": with_downloads(
            sample_badge(lang, sample), organizations_table(records, shown, lang, view.params(), sample)
        ),
    }


def contributions(app, view: View) -> dict:
    """Contributions and reasoned answers per channel and over time; gender."""
    lang = view.lang
    out = {
        key: None
        for key in (
            "contributions_body",
            "contributions_badge",
            "contributions_time_body",
            "contributions_time_badge",
            "gender_body",
            "gender_badge",
        )
    }
    if view.shown.empty:
        return out
    recorded = summary.with_contributions(view.shown)
    if recorded.empty:
        out["contributions_body"] = out["contributions_time_body"] = _note(t("engagement.no_contributions", lang))
    else:
        sample = bool(recorded["sample"].any())
        by_channel = summary.contributions_by_channel(recorded)
        per_period = summary.contributions_per_period(recorded, view.periods)
        out["contributions_body"] = _graph(
            "contributions",
            figures.contributions_by_channel(by_channel, lang),
            figures.contributions_by_channel_summary(by_channel, lang),
            lang,
            sample,
            projector=view.projector,
        )
        out["contributions_time_body"] = _graph(
            "contributions_time",
            figures.contributions_over_time(per_period, view.period, lang, view.plans),
            figures.contributions_over_time_summary(per_period, view.period, lang),
            lang,
            sample,
            projector=view.projector,
        )
        out["contributions_badge"] = out["contributions_time_badge"] = sample_badge(lang, sample)
    genders = summary.gender_by_channel(view.shown)
    sample = bool(view.shown["sample"].any())
    out["gender_body"] = _graph(
        "gender",
        figures.gender_split(genders, lang),
        figures.gender_summary(genders, lang),
        lang,
        sample,
        projector=view.projector,
    )
    out["gender_badge"] = sample_badge(lang, sample)
    return out


PARTS = {
    "overview": (overview, ("kpis", "empty", "results", "people", "organizations")),
    "history": (history, ("flow", "table")),
    "contributions": (contributions, ("contributions", "contributions_time", "gender")),
}


def outputs(part: str) -> dict:
    """The outputs of one part: a section's body and badge, or a named container."""
    singles = {"kpis": (page.KPIS, "children"), "empty": (page.EMPTY, "children"), "results": (page.RESULTS, "style")}
    out = {}
    for name in PARTS[part][1]:
        if name in singles:
            out[name] = Output(*singles[name])
        else:
            out[f"{name}_body"] = Output(page.body_id(name), "children")
            out[f"{name}_badge"] = Output(page.badge_id(name), "children")
    return out


def register(app) -> None:
    inputs = {"context": Input(page.CONTEXT, "data")}
    inputs.update({name: Input(ids.filter_id(name), "value") for name in FILTERS})
    inputs.update({name: Input(ids.date_filter_id(name), "date") for name in DATES})

    # Three callbacks over the same cached queries, so the sections fill in parallel.
    for part, (build, _) in PARTS.items():

        def update(context, _build=build, **values):
            return _build(app, load(app, context, values))

        update.__name__ = f"update_engagement_{part}"
        app.callback(output=outputs(part), inputs=inputs)(update)

    @app.callback(
        Output(ids.filter_id("forums"), "value", allow_duplicate=True),
        Input({"type": page.SECTOR, "forums": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def pick_sector(clicks):
        """A sector button selects that sector's forums (the URL follows)."""
        if not any(clicks or []) or not isinstance(ctx.triggered_id, dict):
            return no_update
        return read("forums", ctx.triggered_id.get("forums")) or no_update
