"""Civil-society engagement over time: /engagement

Who takes part (people and distinct organizations per month or quarter, by
stakeholder type), who keeps coming back (new, returning and stopped
organizations), through which channel, and whether contributions got a
reasoned answer (OGP participation and co-creation standard 4).

Forum meetings count as engagement, as the channel "forum meeting": their
attendance is people taking part, like a workshop's.  They record no
contributions and are tied to no commitment or plan (data/queries/engagement.py),
and the page says so.  The layout draws the frame of the view from the URL;
callbacks/engagement.py fills the charts whenever a filter changes.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.components.common import dom_id, page_heading, section
from dashboard.components.filters import date_filter, dropdown_filter, options_for
from dashboard.i18n import add, t, vocab_label
from dashboard.pages import Page, PageContext
from dashboard.state import global_query
from data.periods import DEFAULT_PERIOD, PERIODS
from data.vocab import PARTICIPATION_CHANNELS

add(
    {
        "engagement.title": {"es": "Participación de la sociedad civil", "en": "Civil-society engagement"},
        "engagement.lead": {
            "es": "Quién participa a lo largo del tiempo, quién vuelve, por qué canal y si sus aportes recibieron respuesta.",
            "en": "Who takes part over time, who comes back, through which channel, and whether their contributions got an answer.",
        },
        "engagement.counting": {
            "es": "Se cuentan las consultas públicas, los talleres, los comentarios en línea y la asistencia a las sesiones de los foros multiactor (canal «Sesión del foro»). Las sesiones del foro no registran aportes y no están ligadas a un compromiso ni a un plan: no aparecen en los aportes y se excluyen al filtrar por compromiso o plan. Las fechas acotan lo que se muestra; quién es nueva, quién vuelve y quién dejó de participar se calcula con toda la historia.",
            "en": "Counted: public consultations, workshops, online comments and attendance at multistakeholder-forum meetings (channel “Forum meeting”). Forum meetings record no contributions and are tied to no commitment or plan: they are not in the contributions, and are left out when filtering by commitment or plan. Dates narrow what is shown; who is new, returning or stopped is worked out from the whole history.",
        },
        "engagement.filter.forums": {"es": "Foro", "en": "Forum"},
        "engagement.filter.sector": {"es": "Por sector:", "en": "By sector:"},
        "engagement.filter.sector_button": {"es": "Foros del sector {sector}", "en": "Forums of the {sector} sector"},
        "engagement.filter.commitment": {"es": "Compromiso", "en": "Commitment"},
        "engagement.filter.channel": {"es": "Canal", "en": "Channel"},
        "engagement.filter.start": {"es": "Desde", "en": "From"},
        "engagement.filter.end": {"es": "Hasta", "en": "To"},
        "engagement.filter.period": {"es": "Agrupar por", "en": "Group by"},
        "engagement.period.month": {"es": "Mes", "en": "Month"},
        "engagement.period.quarter": {"es": "Trimestre", "en": "Quarter"},
        "engagement.ignored": {
            "es": "Se ignoró lo que pide el enlace y no tiene registros de participación en este país: {what}.",
            "en": "Ignored from the link, as this country has no participation records for it: {what}.",
        },
        "engagement.nodata.title": {
            "es": "No hay datos de participación para este país",
            "en": "No engagement data for this country",
        },
        "engagement.nodata.body": {
            "es": "La hoja de compromisos de OGP no incluye la participación ni la asistencia a los foros. Para ver esta página, importe las tablas de participación y de asistencia del proyecto (plantillas en la página Datos).",
            "en": "OGP's commitment sheet does not include participation or forum attendance. To see this page, import the project's participation and attendance tables (templates on the Data page).",
        },
        "engagement.nodata.link": {"es": "Ir a Datos", "en": "Go to Data"},
        "engagement.section.people": {"es": "Participantes por periodo", "en": "Participants per period"},
        "engagement.help.people": {
            "es": "Personas en cada consulta, taller, comentario o sesión, por tipo de actor. Quien participa dos veces cuenta dos veces.",
            "en": "People at each consultation, workshop, comment or meeting, by stakeholder type. Someone who takes part twice counts twice.",
        },
        "engagement.section.organizations": {
            "es": "Organizaciones distintas por periodo",
            "en": "Distinct organizations per period",
        },
        "engagement.help.organizations": {
            "es": "Cada organización cuenta una vez por periodo. El público que participa sin organización no se cuenta aquí.",
            "en": "Each organization counts once a period. Members of the public taking part without an organization are not counted here.",
        },
        "engagement.section.flow": {
            "es": "Organizaciones nuevas, que vuelven y que dejaron de participar",
            "en": "New, returning and stopped organizations",
        },
        "engagement.help.flow": {
            "es": "Nueva: primer periodo en que aparece. Vuelve: ya había participado en un periodo anterior. Dejó de participar: se la vio por última vez en el periodo anterior y no desde entonces. Es provisional mientras no hayan pasado seis meses (el plazo mínimo entre sesiones de un foro) hasta el último registro: puede volver.",
            "en": "New: first period it appears in. Returning: it took part in an earlier period. Stopped: last seen in the previous period and not since. It is provisional while fewer than six months (a forum's minimum meeting interval) separate it from the latest record: it may come back.",
        },
        "engagement.section.contributions": {
            "es": "Aportes y respuesta razonada (estándar 4 de OGP)",
            "en": "Contributions and reasoned answers (OGP standard 4)",
        },
        "engagement.help.contributions": {
            "es": "El estándar 4 de participación y co-creación de OGP pide dar una respuesta razonada a los aportes recibidos. Las sesiones del foro no registran aportes.",
            "en": "OGP's participation and co-creation standard 4 asks for a reasoned answer to the contributions received. Forum meetings record no contributions.",
        },
        "engagement.section.contributions_time": {
            "es": "Aportes y tasa de respuesta en el tiempo",
            "en": "Contributions and answer rate over time",
        },
        "engagement.section.gender": {"es": "Participantes por género", "en": "Participants by gender"},
        "engagement.help.gender": {
            "es": "Donde se registró el género. La parte «No registrado» muestra cuánto falta: las proporciones de mujeres y hombres solo describen a quienes sí se registró.",
            "en": "Where gender was recorded. The “Not recorded” part shows how much is missing: the shares of women and men only describe those recorded.",
        },
        "engagement.section.table": {
            "es": "¿Quién vuelve? Organizaciones participantes",
            "en": "Who keeps coming back? Participating organizations",
        },
        "engagement.help.table": {
            "es": "Organizaciones con participación en las fechas elegidas; primera y última participación, periodos y días según toda la historia. La descarga permite ordenarlas a su gusto.",
            "en": "Organizations that took part in the chosen dates; first and last participation, periods and days over the whole history. The download lets you sort them as you wish.",
        },
    }
)

# Component ids of this view.
CONTEXT = "engagement-context"
KPIS = "engagement-kpis"
EMPTY = "engagement-empty"
RESULTS = "engagement-results"
SECTOR = "engagement-sector"
SECTIONS = ("people", "organizations", "flow", "contributions", "contributions_time", "gender", "table")


def body_id(name: str) -> str:
    return f"engagement-{name}-body"


def badge_id(name: str) -> str:
    return f"engagement-{name}-badge"


def graph_id(name: str) -> str:
    return f"engagement-{name}-graph"


def sector_button_id(forums: list[str]) -> dict:
    return {"type": SECTOR, "forums": ",".join(forums)}


def _forum_filter(ctx: PageContext, forums) -> html.Div:
    control = dropdown_filter(
        ctx,
        "forums",
        [{"label": n, "value": c} for c, n in zip(forums["code"], forums["name"])],
        multi=True,
        label_key="engagement.filter.forums",
    )
    control.className += " filter-forums"
    sectors: dict[str, list[str]] = {}
    for code, sector in zip(forums["code"], forums["sector"]):
        if isinstance(sector, str) and sector:
            sectors.setdefault(sector, []).append(code)
    if sectors:
        control.children.append(
            html.Div(
                [
                    html.Span(t("engagement.filter.sector", ctx.lang), className="sector-label"),
                    *[
                        dbc.Button(
                            sector,
                            id=sector_button_id(codes),
                            size="sm",
                            color="secondary",
                            outline=True,
                            className="sector-button",
                            title=t("engagement.filter.sector_button", ctx.lang, sector=sector),
                        )
                        for sector, codes in sorted(sectors.items())
                    ],
                ],
                className="sector-picker",
            )
        )
    return control


def _commitment_options(ctx: PageContext, commitments) -> list[dict]:
    def short(text) -> str:
        text = str(text or "")
        return text if len(text) <= 70 else text[:68].rstrip() + "…"

    titles = (
        commitments["title_en"].where(commitments["title_en"].notna(), commitments["title"])
        if ctx.lang == "en"
        else commitments["title"]
    )
    return [{"label": f"{cid} · {short(title)}", "value": cid} for cid, title in zip(commitments["id"], titles)]


def _period_filter(ctx: PageContext) -> html.Div:
    component_id = ids.filter_id("period")
    return html.Div(
        [
            html.Label(t("engagement.filter.period", ctx.lang), htmlFor=dom_id(component_id)),
            dbc.RadioItems(
                id=component_id,
                options=[{"label": t(f"engagement.period.{p}", ctx.lang), "value": p} for p in reversed(PERIODS)],
                value=ctx.params.get("period") or DEFAULT_PERIOD,
                inline=True,
                className="btn-group period-toggle",
                inputClassName="btn-check",
                labelClassName="btn btn-outline-primary btn-sm",
                labelCheckedClassName="active",
            ),
        ],
        className="filter filter-period",
    )


def _ignored(ctx: PageContext, forums, commitments, plans) -> dbc.Alert | None:
    """Name the values of the link that this country has no records for."""
    wanted = []
    known_forums = set(forums["code"])
    wanted += [f for f in ctx.params.get("forums") or [] if f not in known_forums]
    if ctx.params.get("commitment") and ctx.params["commitment"] not in set(commitments["id"]):
        wanted.append(ctx.params["commitment"])
    if ctx.params.get("plan") and ctx.params["plan"] not in set(plans):
        wanted.append(ctx.params["plan"])
    if not wanted:
        return None
    return dbc.Alert(t("engagement.ignored", ctx.lang, what=", ".join(wanted)), color="warning", className="mb-3")


def _no_data(ctx: PageContext) -> html.Div:
    return html.Div(
        [
            html.H2(t("engagement.nodata.title", ctx.lang), className="section-title"),
            html.P(t("engagement.nodata.body", ctx.lang)),
            dcc.Link(
                t("engagement.nodata.link", ctx.lang),
                href="/data" + global_query(ctx.params),
                className="btn btn-primary btn-sm",
            ),
        ],
        className="panel engagement-nodata",
        role="status",
    )


def _section(name: str, ctx: PageContext, help_key: str | None = None) -> html.Section:
    return section(
        t(f"engagement.section.{name}", ctx.lang),
        dcc.Loading(html.Div(id=body_id(name), className="engagement-body"), type="dot", delay_show=400),
        badge=html.Span(id=badge_id(name)),
        section_id=f"engagement-{name}",
        help_text=t(help_key, ctx.lang) if help_key else None,
    )


def layout(ctx: PageContext):
    from data.queries.engagement import commitment_options, forum_options, record_counts

    country = ctx.params.get("country")
    heading = page_heading(t("engagement.title", ctx.lang), t("engagement.lead", ctx.lang))
    if not any(record_counts(ctx.db_url, country).values()):
        return html.Div([heading, _no_data(ctx)])
    forums = forum_options(ctx.db_url, country)
    commitments = commitment_options(ctx.db_url, country)
    plan_options = options_for(ctx, "plan")
    channels = [{"label": vocab_label("channel", c, ctx.lang), "value": c} for c in PARTICIPATION_CHANNELS]
    filters = html.Div(
        [
            _forum_filter(ctx, forums),
            dropdown_filter(
                ctx, "commitment", _commitment_options(ctx, commitments), label_key="engagement.filter.commitment"
            ),
            dropdown_filter(ctx, "plan", plan_options),
            dropdown_filter(ctx, "channel", channels, multi=True, label_key="engagement.filter.channel"),
            date_filter(ctx, "start", "engagement.filter.start"),
            date_filter(ctx, "end", "engagement.filter.end"),
            _period_filter(ctx),
        ],
        className="filter-bar engagement-filters",
        role="search",
        **{"aria-label": t("common.filters", ctx.lang)},
    )
    return html.Div(
        [
            heading,
            dcc.Store(
                id=CONTEXT,
                data={"country": country, "lang": ctx.lang, "projector": bool(ctx.params.get("projector"))},
            ),
            _ignored(ctx, forums, commitments, [o["value"] for o in plan_options]),
            filters,
            html.P(t("engagement.counting", ctx.lang), className="engagement-counting"),
            html.Div(id=KPIS, className="kpi-grid"),
            html.Div(id=EMPTY),
            html.Div(
                [
                    html.Div(
                        [
                            _section("people", ctx, "engagement.help.people"),
                            _section("organizations", ctx, "engagement.help.organizations"),
                        ],
                        className="engagement-pair",
                    ),
                    _section("flow", ctx, "engagement.help.flow"),
                    html.Div(
                        [
                            _section("contributions", ctx, "engagement.help.contributions"),
                            _section("contributions_time", ctx),
                        ],
                        className="engagement-pair",
                    ),
                    _section("gender", ctx, "engagement.help.gender"),
                    _section("table", ctx, "engagement.help.table"),
                ],
                id=RESULTS,
            ),
        ],
        className="engagement-page",
    )


PAGE = Page(
    name="engagement",
    path="/engagement",
    title_key="engagement.title",
    layout=layout,
    nav="engagement",
    nav_order=4,
    params=("plan", "start", "end", "forums", "commitment", "channel", "period"),
)
