"""The overview's content, drawn from one ``data.queries.overview.Overview``.

``content(data, lang, params)`` returns what callbacks/overview.py puts under
the filters: the reference date, the KPI cards, the charts and the two lists.
Every KPI, chart and list links to the view that explains it, with the
current filters carried over (``params``: the filters as the URL holds them).

With milestones in scope the page shows progress; without (any OGP-extract
country other than Peru) it says so and shows what exists instead: the
commitments and the IRM's completion assessment.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard import theme
from dashboard.cache import cached
from dashboard.components.chart import described_graph
from dashboard.components.common import empty_state, sample_badge, section, table_region
from dashboard.components.downloads import with_downloads
from dashboard.components.kpi import kpi_card
from dashboard.exports import overview as exports
from dashboard.figures.overview import (
    plan_progress_figure,
    progress_by_plan_summary,
    stacked_counts_figure,
    stacked_counts_summary,
)
from dashboard.i18n import add, fmt_date, fmt_number, fmt_percent, t, vocab_label
from dashboard.pages import FRAME_PARAMS, page_named
from dashboard.state import to_query
from data.queries.overview import DUE_SOON_DAYS, NOT_ASSESSED, Overview
from data.vocab import FORUM_MAX_GAP_DAYS

PAGE_NAME = "overview"

add(
    {
        "overview.reference_today": {"es": "Situación al {date} (hoy).", "en": "Situation on {date} (today)."},
        "overview.reference_asof": {
            "es": "Situación al {date}, reconstruida con el historial de los hitos.",
            "en": "Situation on {date}, rebuilt from the milestones' history.",
        },
        "overview.kpis": {"es": "Indicadores clave", "en": "Key figures"},
        "overview.kpi.commitments": {"es": "Compromisos", "en": "Commitments"},
        "overview.kpi.commitments_detail": {"es": "en {n} planes de acción", "en": "in {n} action plans"},
        "overview.kpi.commitments_detail_one": {"es": "en {n} plan de acción", "en": "in {n} action plan"},
        "overview.kpi.progress": {"es": "Avance promedio", "en": "Average progress"},
        "overview.kpi.progress_detail": {
            "es": "de {n} compromisos con hitos · esperado: {expected}",
            "en": "of {n} commitments with milestones · expected: {expected}",
        },
        "overview.kpi.progress_detail_one": {
            "es": "de {n} compromiso con hitos · esperado: {expected}",
            "en": "of {n} commitment with milestones · expected: {expected}",
        },
        "overview.kpi.complete": {"es": "Hitos completados", "en": "Milestones complete"},
        "overview.kpi.in_progress": {"es": "Hitos en curso, a tiempo", "en": "Milestones in progress, on time"},
        "overview.kpi.at_risk": {"es": "Hitos en riesgo", "en": "Milestones at risk"},
        "overview.kpi.late": {"es": "Hitos atrasados", "en": "Milestones late"},
        "overview.kpi.milestones_detail": {"es": "de {n} hitos", "en": "of {n} milestones"},
        "overview.kpi.milestones_detail_one": {"es": "de {n} hito", "en": "of {n} milestone"},
        "overview.kpi.forums": {
            "es": "Foros reunidos en los últimos {days} días",
            "en": "Forums that met in the last {days} days",
        },
        "overview.kpi.forums_detail": {"es": "de {n} foros activos", "en": "of {n} active forums"},
        "overview.kpi.forums_detail_one": {"es": "de {n} foro activo", "en": "of {n} active forum"},
        "overview.kpi.forums_ended": {"es": "{n} ya concluidos", "en": "{n} already ended"},
        "overview.kpi.forums_ended_one": {"es": "{n} ya concluido", "en": "{n} already ended"},
        "overview.kpi.no_forums": {"es": "Foros multiactor", "en": "Multistakeholder forums"},
        "overview.kpi.no_forums_detail": {"es": "ninguno registrado", "en": "none recorded"},
        "overview.kpi.plans": {"es": "Planes de acción", "en": "Action plans"},
        "overview.kpi.plans_detail": {
            "es": "con compromisos en estos filtros",
            "en": "with commitments in these filters",
        },
        "overview.kpi.assessed": {"es": "Evaluados por el IRM", "en": "Assessed by the IRM"},
        "overview.kpi.assessed_detail": {"es": "de {n} compromisos", "en": "of {n} commitments"},
        "overview.kpi.assessed_detail_one": {"es": "de {n} compromiso", "en": "of {n} commitment"},
        "overview.kpi.irm_done": {
            "es": "Completos o sustanciales según el IRM",
            "en": "Complete or substantial per the IRM",
        },
        "overview.kpi.irm_done_detail": {"es": "de {n} evaluados", "en": "of {n} assessed"},
        "overview.kpi.irm_done_detail_one": {"es": "de {n} evaluado", "en": "of {n} assessed"},
        "overview.kpi.starred": {"es": "Compromisos estelares", "en": "Starred commitments"},
        "overview.kpi.starred_detail": {"es": "según el IRM (hasta 2020)", "en": "per the IRM (until 2020)"},
        "overview.no_milestones_country": {
            "es": "No hay hitos registrados para {country}, así que no se puede calcular el avance ni señalar hitos "
            "atrasados. Se muestra lo que existe: sus compromisos y la evaluación del Mecanismo de Revisión "
            "Independiente (IRM) de OGP.",
            "en": "No milestones are recorded for {country}, so there is no progress to compute and no late milestone "
            "to flag. What exists is shown instead: its commitments and the assessment of OGP's Independent "
            "Reporting Mechanism (IRM).",
        },
        "overview.no_milestones_scope": {
            "es": "Ningún compromiso de estos filtros tiene hitos registrados; se muestra la evaluación del IRM.",
            "en": "No commitment in these filters has milestones recorded; the IRM's assessment is shown instead.",
        },
        "overview.no_commitments": {
            "es": "Ningún compromiso coincide con estos filtros.",
            "en": "No commitments match these filters.",
        },
        "overview.nothing_loaded": {
            "es": "No hay compromisos cargados para este país. La página Datos explica cómo importarlos.",
            "en": "No commitments are loaded for this country. The Data page explains how to import them.",
        },
        "overview.plans.title": {"es": "Avance por plan de acción", "en": "Progress by action plan"},
        "overview.plans.help": {
            "es": "Barra: avance informado (promedio de los compromisos; cada uno, promedio de sus hitos). "
            "Marca vertical: avance esperado al {date} según el tiempo transcurrido.",
            "en": "Bar: reported progress (mean of the commitments; each, the mean of its milestones). "
            "Vertical mark: progress expected by {date} from the time elapsed.",
        },
        "overview.plans.left_out": {
            "es": "Sin hitos registrados, no se muestran: {plans}.",
            "en": "Not shown, with no milestones recorded: {plans}.",
        },
        "overview.areas.title": {
            "es": "Compromisos por estado de implementación y área de política",
            "en": "Commitments by implementation status and policy area",
        },
        "overview.areas.help": {
            "es": "Un compromiso con varias áreas cuenta en cada una. Estado al {date}.",
            "en": "A commitment with several areas counts in each. Status on {date}.",
        },
        "overview.irm_plans.title": {
            "es": "Finalización según el IRM, por plan de acción",
            "en": "Completion per the IRM, by action plan",
        },
        "overview.irm_areas.title": {
            "es": "Compromisos por finalización según el IRM y área de política",
            "en": "Commitments by IRM completion and policy area",
        },
        "overview.irm.help": {
            "es": "El IRM evalúa la finalización con la misma escala en sus dos metodologías (hasta 2020 y desde 2021; "
            "«Poco claro» solo desde 2021). Se usa la evaluación al final del plan o, si no la hay, la de medio término.",
            "en": "The IRM assesses completion on the same scale under both its methodologies (until 2020 and from "
            "2021; “Unclear” only from 2021). The end-of-term assessment is used, else the midterm one.",
        },
        "overview.attention.title": {
            "es": "Hitos atrasados o que vencen en los próximos {days} días",
            "en": "Milestones late or due in the next {days} days",
        },
        "overview.attention.help": {
            "es": "Primero los atrasados (los de mayor atraso arriba), luego los que están en riesgo y los que vencen pronto.",
            "en": "Late ones first (longest overdue on top), then those at risk and those due soon.",
        },
        "overview.attention.none": {
            "es": "Ningún hito está atrasado ni vence en los próximos {days} días.",
            "en": "No milestone is late or due in the next {days} days.",
        },
        "overview.attention.more": {"es": "y {n} más en el cronograma", "en": "and {n} more in the timeline"},
        "overview.col.commitment": {"es": "Compromiso", "en": "Commitment"},
        "overview.col.milestone": {"es": "Hito y responsable", "en": "Milestone and who is responsible"},
        "overview.col.planned_end": {"es": "Fin previsto", "en": "Planned end"},
        "overview.col.progress": {"es": "Avance", "en": "Progress"},
        "overview.col.flag": {"es": "Situación", "en": "Situation"},
        "overview.flag.due_soon": {"es": "Vence pronto", "en": "Due soon"},
        "overview.meetings.title": {"es": "Últimas reuniones de los foros", "en": "Latest forum meetings"},
        "overview.meetings.none": {
            "es": "Ningún foro de estos filtros se había reunido al {date}.",
            "en": "No forum in these filters had met by {date}.",
        },
        "overview.meetings.no_forums": {
            "es": "No hay foros multiactor registrados para estos filtros.",
            "en": "No multistakeholder forums are recorded for these filters.",
        },
        "overview.col.forum": {"es": "Foro", "en": "Forum"},
        "overview.col.date": {"es": "Fecha", "en": "Date"},
        "overview.col.kind": {"es": "Tipo", "en": "Kind"},
        "overview.col.persons": {"es": "Asistentes", "en": "Attendees"},
        "overview.col.agreements": {"es": "Acuerdos", "en": "Agreements"},
        "overview.link.timeline": {"es": "Ver los hitos en el cronograma", "en": "See the milestones in the timeline"},
        "overview.link.commitments": {"es": "Ver los compromisos", "en": "See the commitments"},
        "overview.link.forums": {"es": "Ver los foros", "en": "See the forums"},
        "overview.link.data": {"es": "Ir a Datos", "en": "Go to Data"},
    }
)


def counted(key: str, lang: str, n: int, **values) -> str:
    """A message with a count: the ``_one`` variant for exactly one."""
    return t(f"{key}_one" if n == 1 else key, lang, n=fmt_number(n, lang), **values)


def href(path: str, params: dict, **changes) -> str:
    """A link to another view with the overview's filters (and ``changes``)."""
    names = FRAME_PARAMS + page_named(PAGE_NAME).params  # as declared in its PAGE
    carried = {k: v for k, v in params.items() if k in names}
    return path + to_query({**carried, **changes})


def view_link(text: str, path: str, params: dict, **changes) -> html.P:
    return html.P(dcc.Link(text + " →", href=href(path, params, **changes)), className="view-link")


def panel(title: str, children: list, **options) -> html.Section:
    """A titled panel (components.common.section) around a list of children."""
    return section(title, html.Div(children), **options)


def graph(
    figure: dict, summary: str, lang: str, name: str, graph_id: str, sample: bool = False, *, projector: bool = False
) -> html.Figure:
    """A chart that follows its panel's width (also when the panel was drawn
    at another width, e.g. under the loading overlay); its height is the
    figure's.  ``summary`` is its text alternative."""
    figure = theme.for_display(figure, projector=projector)
    return described_graph(
        dcc.Graph(
            id=graph_id,
            figure=figure,
            config=theme.graph_config(lang),
            responsive=True,
            style={"height": f"{figure['layout']['height']}px"},
            className="overview-graph",
        ),
        summary,
        lang,
        sample=sample,
    )


def overview_charts(db_url: str, country, plan, area, institution, status, as_of, today: str, lang: str) -> dict:
    """The overview's two charts drawn as data (figure dicts and their text
    alternatives) for these filters and language: what the callback caches, so a
    warm request only assembles components."""
    from data.queries.overview import overview

    return charts(cached(db_url, overview, country, plan, area, institution, status, as_of, today), lang)


def charts(data: Overview, lang: str) -> dict:
    """``{"plans": [figure, summary], "areas": [figure, summary]}``: progress
    with milestones in scope, else the IRM's completion assessment."""
    if data.commitments.empty:
        return {}
    if data.scope_has_milestones:
        plans = data.plans
        return {
            "plans": [plan_progress_figure(plans, lang), progress_by_plan_summary(plans, lang)],
            "areas": [
                stacked_counts_figure(data.areas, "area", "implementation", lang),
                stacked_counts_summary(data.areas, "area", "implementation", lang),
            ],
        }
    by_plan, labels, plan_order = irm_by_plan(data)
    options = {"row_labels": labels, "order": plan_order}
    return {
        "plans": [
            stacked_counts_figure(by_plan, "action_plan_id", "irm", lang, **options),
            stacked_counts_summary(by_plan, "action_plan_id", "irm", lang, **options),
        ],
        "areas": [
            stacked_counts_figure(data.areas, "area", "irm", lang),
            stacked_counts_summary(data.areas, "area", "irm", lang),
        ],
    }


def irm_by_plan(data: Overview) -> tuple[pd.DataFrame, dict, list]:
    """Commitments by plan and IRM completion, each plan's label, the plans' order."""
    by_plan = data.irm.groupby(["action_plan_id", "completion"]).size().rename("commitments").reset_index()
    labels = dict(zip(data.plans["id"], data.plans["label"]))
    return by_plan.rename(columns={"completion": "category"}), labels, list(data.plans["id"])


def content(data: Overview, lang: str, params: dict, drawn: dict | None = None) -> list:
    """The content under the filters; ``drawn`` is ``charts(data, lang)`` when the caller has it (cached)."""
    reference = html.P(
        t(
            "overview.reference_asof" if data.as_of else "overview.reference_today",
            lang,
            date=fmt_date(data.reference, lang, "long"),
        ),
        className="overview-reference",
    )
    if data.commitments.empty:
        if not any(params.get(k) for k in ("plan", "area", "institution", "status")):
            return [
                reference,
                html.Div(
                    [
                        html.P(t("overview.nothing_loaded", lang)),
                        dcc.Link(t("overview.link.data", lang), href=href("/data", params)),
                    ],
                    className="empty-state",
                    role="status",
                ),
            ]
        return [reference, empty_state(lang, t("overview.no_commitments", lang), PAGE_NAME)]
    if not data.scope_has_milestones:
        return [reference, *irm_content(data, lang, params, drawn or charts(data, lang))]
    return [reference, *progress_content(data, lang, params, drawn or charts(data, lang))]


# --- with milestones: progress ------------------------------------------------------------


def progress_kpis(data: Overview, lang: str, params: dict) -> html.Div:
    counts = data.milestone_counts
    total = sum(n for state, n in counts.items() if state != "cancelled")
    badge = sample_badge(lang, data.sample_milestones)
    cards = [
        commitments_kpi(data, lang, params),
        kpi_card(
            fmt_percent(data.average_progress, lang),
            t("overview.kpi.progress", lang),
            href=href("/timeline", params),
            detail=counted(
                "overview.kpi.progress_detail",
                lang,
                data.commitments_with_milestones,
                expected=fmt_percent(data.average_expected, lang),
            ),
            card_id="kpi-progress",
            badge=badge,
        ),
    ]
    for state in ("complete", "in_progress", "at_risk", "late"):
        cards.append(
            kpi_card(
                fmt_number(counts[state], lang),
                t(f"overview.kpi.{state}", lang),
                href=href("/timeline", params, status=state),
                detail=counted("overview.kpi.milestones_detail", lang, total),
                card_id=f"kpi-{state}",
                badge=sample_badge(lang, data.sample_milestones),
            )
        )
    cards.append(forums_kpi(data, lang, params))
    return kpi_grid(cards, lang)


def kpi_grid(cards: list, lang: str) -> html.Div:
    return html.Div(cards, className="kpi-grid", role="group", **{"aria-label": t("overview.kpis", lang)})


def commitments_kpi(data: Overview, lang: str, params: dict):
    plans = data.commitments["action_plan_id"].nunique()
    return kpi_card(
        fmt_number(len(data.commitments), lang),
        t("overview.kpi.commitments", lang),
        href=href("/commitments", params),
        detail=counted("overview.kpi.commitments_detail", lang, plans),
        card_id="kpi-commitments",
    )


def forums_kpi(data: Overview, lang: str, params: dict):
    forums = data.forums
    link = href("/forums", params)
    if forums.empty:
        return kpi_card(
            "—",
            t("overview.kpi.no_forums", lang),
            href=link,
            detail=t("overview.kpi.no_forums_detail", lang),
            card_id="kpi-forums",
        )
    active = int(forums["active"].sum())
    ended = len(forums) - active
    detail = counted("overview.kpi.forums_detail", lang, active)
    if ended:
        detail += " · " + counted("overview.kpi.forums_ended", lang, ended)
    return kpi_card(
        fmt_number(int(forums["met_recently"].sum()), lang),
        t("overview.kpi.forums", lang, days=FORUM_MAX_GAP_DAYS),
        href=link,
        detail=detail,
        card_id="kpi-forums",
        badge=sample_badge(lang, data.sample_forums),
    )


def progress_content(data: Overview, lang: str, params: dict, drawn: dict) -> list:
    date = fmt_date(data.reference, lang)
    plans = data.plans
    left_out = plans.loc[plans["with_milestones"] == 0, "label"].tolist()
    plan_section = panel(
        t("overview.plans.title", lang),
        [
            graph(
                *drawn["plans"],
                lang,
                "progress-by-plan",
                "overview-plan-graph",
                data.sample_milestones,
                projector=bool(params.get("projector")),
            ),
            html.P(t("overview.plans.left_out", lang, plans=", ".join(left_out)), className="section-note")
            if left_out
            else None,
            view_link(t("overview.link.timeline", lang), "/timeline", params),
        ],
        badge=sample_badge(lang, data.sample_milestones),
        section_id="overview-plans",
        help_text=t("overview.plans.help", lang, date=date),
    )
    area_section = panel(
        t("overview.areas.title", lang),
        [
            graph(
                *drawn["areas"],
                lang,
                "status-by-area",
                "overview-area-graph",
                data.sample_milestones,
                projector=bool(params.get("projector")),
            ),
            view_link(t("overview.link.commitments", lang), "/commitments", params),
        ],
        badge=sample_badge(lang, data.sample_milestones),
        section_id="overview-areas",
        help_text=t("overview.areas.help", lang, date=date),
    )
    return [
        progress_kpis(data, lang, params),
        html.Div([plan_section, area_section], className="overview-grid"),
        html.Div(
            [attention_section(data, lang, params), meetings_section(data, lang, params)],
            className="overview-grid overview-grid-lists",
        ),
    ]


def attention_section(data: Overview, lang: str, params: dict) -> html.Section:
    rows = data.attention
    table = None if rows.empty else exports.attention_table(rows, lang, params, data.sample_milestones)
    if rows.empty:
        body = [html.P(t("overview.attention.none", lang, days=DUE_SOON_DAYS), className="overview-none")]
    else:
        header = html.Thead(
            html.Tr(
                [
                    html.Th(t(f"overview.col.{c}", lang), scope="col")
                    for c in ("commitment", "milestone", "planned_end", "progress", "flag")
                ]
            )
        )
        body_rows = [
            html.Tr(
                [
                    html.Td(
                        dcc.Link(
                            row.commitment_id,
                            href=f"/commitments/{row.commitment_id}"
                            + to_query({k: params[k] for k in ("lang", "country") if params.get(k)}),
                        )
                    ),
                    # The responsible body under the title: one column fewer, so the table fits beside the meetings.
                    html.Td(
                        [
                            f"{row.number}. {row.title}" if isinstance(row.title, str) else "—",
                            html.Span(row.responsible, className="cell-responsible")
                            if isinstance(row.responsible, str)
                            else None,
                        ],
                        className="cell-title",
                    ),
                    html.Td(fmt_date(row.planned_end, lang), className="cell-date"),
                    html.Td(progress_cell(row.progress, lang), className="cell-progress"),
                    html.Td(flag_pill(row.flag, lang)),
                ]
            )
            for row in rows.itertuples()
        ]
        body = [
            table_region(
                html.Table([header, html.Tbody(body_rows)], className="table table-sm overview-table"),
                t("overview.attention.title", lang, days=DUE_SOON_DAYS),
            )
        ]
        more = data.attention_total - len(rows)
        if more > 0:
            body.append(view_link(t("overview.attention.more", lang, n=fmt_number(more, lang)), "/timeline", params))
        else:
            body.append(view_link(t("overview.link.timeline", lang), "/timeline", params))
    return panel(
        t("overview.attention.title", lang, days=DUE_SOON_DAYS),
        body,
        badge=with_downloads(sample_badge(lang, data.sample_milestones), table),
        section_id="overview-attention",
        help_text=t("overview.attention.help", lang),
    )


def progress_cell(value, lang: str) -> html.Div:
    share = 0.0 if pd.isna(value) else max(0.0, min(100.0, float(value)))
    return html.Div(
        [
            html.Span(fmt_percent(None if pd.isna(value) else float(value), lang), className="progress-text"),
            html.Span(
                html.Span(className="progress-fill", style={"width": f"{share:.0f}%"}),
                className="progress-track",
                **{"aria-hidden": "true"},
            ),
        ],
        className="progress-cell",
    )


def flag_pill(flag: str, lang: str) -> html.Span:
    label = t("overview.flag.due_soon", lang) if flag == "due_soon" else vocab_label("status", flag, lang)
    return html.Span(label, className=f"status-pill flag-{flag}")


def meetings_section(data: Overview, lang: str, params: dict) -> html.Section:
    meetings = data.meetings
    table = None if meetings.empty else exports.meetings_table(meetings, lang, params, data.sample_forums)
    if data.forums.empty:
        body = [html.P(t("overview.meetings.no_forums", lang), className="overview-none")]
    elif meetings.empty:
        body = [
            html.P(t("overview.meetings.none", lang, date=fmt_date(data.reference, lang)), className="overview-none")
        ]
    else:
        header = html.Thead(
            html.Tr(
                [
                    html.Th(t(f"overview.col.{c}", lang), scope="col")
                    for c in ("forum", "date", "kind", "persons", "agreements")
                ]
            )
        )
        body_rows = [
            html.Tr(
                [
                    html.Td(
                        dcc.Link(row.forum, href=href("/forums", params, forum=row.forum_code)), className="cell-forum"
                    ),
                    html.Td(fmt_date(row.date, lang), className="cell-date"),
                    html.Td(vocab_label("meeting_kind", row.kind, lang)),
                    html.Td(
                        fmt_number(None if pd.isna(row.persons) else int(row.persons), lang), className="cell-number"
                    ),
                    html.Td(
                        fmt_number(None if pd.isna(row.agreements) else int(row.agreements), lang),
                        className="cell-number",
                    ),
                ]
            )
            for row in meetings.itertuples()
        ]
        body = [
            table_region(
                html.Table([header, html.Tbody(body_rows)], className="table table-sm overview-table"),
                t("overview.meetings.title", lang),
            )
        ]
    body.append(view_link(t("overview.link.forums", lang), "/forums", params))
    return panel(
        t("overview.meetings.title", lang),
        body,
        badge=with_downloads(sample_badge(lang, data.sample_forums and not meetings.empty), table),
        section_id="overview-meetings",
    )


# --- without milestones: what the IRM assessed --------------------------------------------


def irm_content(data: Overview, lang: str, params: dict, drawn: dict) -> list:
    irm = data.irm
    assessed = int((irm["completion"] != NOT_ASSESSED).sum())
    done = int(irm["completion"].isin(("Complete", "Substantial")).sum())
    commitments_link = href("/commitments", params)
    cards = [
        commitments_kpi(data, lang, params),
        kpi_card(
            fmt_number(data.commitments["action_plan_id"].nunique(), lang),
            t("overview.kpi.plans", lang),
            href=commitments_link,
            detail=t("overview.kpi.plans_detail", lang),
            card_id="kpi-plans",
        ),
        kpi_card(
            fmt_number(assessed, lang),
            t("overview.kpi.assessed", lang),
            href=commitments_link,
            detail=counted("overview.kpi.assessed_detail", lang, len(irm)),
            card_id="kpi-assessed",
        ),
        kpi_card(
            fmt_number(done, lang),
            t("overview.kpi.irm_done", lang),
            href=commitments_link,
            detail=counted("overview.kpi.irm_done_detail", lang, assessed),
            card_id="kpi-irm-done",
        ),
        kpi_card(
            fmt_number(int(irm["starred"].sum()), lang),
            t("overview.kpi.starred", lang),
            href=commitments_link,
            detail=t("overview.kpi.starred_detail", lang),
            card_id="kpi-starred",
        ),
    ]
    if not data.forums.empty:
        cards.append(forums_kpi(data, lang, params))
    if data.country_has_milestones:
        notice = empty_state(lang, t("overview.no_milestones_scope", lang), PAGE_NAME)
    else:
        notice = html.Div(
            t("overview.no_milestones_country", lang, country=data.country_name or "—"),
            className="alert alert-info overview-notice",
            role="status",
        )
    help_text = t("overview.irm.help", lang)
    plan_section = panel(
        t("overview.irm_plans.title", lang),
        [
            graph(
                *drawn["plans"],
                lang,
                "irm-by-plan",
                "overview-plan-graph",
                projector=bool(params.get("projector")),
            ),
            view_link(t("overview.link.commitments", lang), "/commitments", params),
        ],
        section_id="overview-plans",
        help_text=help_text,
    )
    area_section = panel(
        t("overview.irm_areas.title", lang),
        [
            graph(
                *drawn["areas"],
                lang,
                "irm-by-area",
                "overview-area-graph",
                projector=bool(params.get("projector")),
            ),
            view_link(t("overview.link.commitments", lang), "/commitments", params),
        ],
        section_id="overview-areas",
        help_text=help_text,
    )
    lists = [meetings_section(data, lang, params)] if not data.forums.empty else []
    return [notice, kpi_grid(cards, lang), html.Div([plan_section, area_section], className="overview-grid"), *lists]
