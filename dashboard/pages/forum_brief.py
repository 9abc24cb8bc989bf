"""A forum's brief for a review meeting: /forums/<forum code>/brief

One printable page set: the forum and the days since it last met against
OGP's 180-day rule, the milestones due since the last meeting and in the next
90 days, the late and at-risk milestones, attendance at recent meetings, the
contributions still awaiting an answer, and the sources.  Each section starts
a printed page (assets/30_print.css); the chart is sized for A4 and Letter.
Each table drawn downloads as CSV and XLSX (dashboard/exports/forum_brief.py);
the buttons are hidden on paper (assets/20_exports.css).

The forum in the path decides the country.  State in the URL: ``asof`` (the
reference date; absent = today, or the forum's end if it has ended).  The
layout draws the frame; callbacks/forum_brief.py draws the brief from it.
Definitions: data/queries/forum_brief.py.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from dash import dcc, html

from dashboard import theme
from dashboard.cache import cached
from dashboard.components.chart import described_graph
from dashboard.components.common import page_heading, sample_badge, section, table_region
from dashboard.components.downloads import table_downloads, with_downloads
from dashboard.components.explorer_table import display_title
from dashboard.components.filters import date_filter, filter_bar
from dashboard.components.kpi import kpi_card
from dashboard.exports import forum_brief as exports
from dashboard.figures import forum_brief as figures
from dashboard.i18n import add, fmt_date, fmt_number, fmt_percent, t, vocab_label
from dashboard.pages import Page, PageContext
from dashboard.pages.commitment_detail import source_text
from dashboard.state import GLOBAL, global_query, parse_query, read_path, to_query
from data.missing import is_missing
from data.queries.forum_brief import DUE_AHEAD_DAYS, REF_CLOSED, SOURCE_PARTS
from data.vocab import AT_RISK_MARGIN, FORUM_MAX_GAP_DAYS

add(
    {
        "brief.title": {"es": "Informe para la sesión del foro", "en": "Forum meeting brief"},
        "brief.heading": {"es": "Informe para la sesión: {forum}", "en": "Meeting brief: {forum}"},
        "brief.lead": {
            "es": "Lo que el foro revisa al reunirse: plazos de sus compromisos, hitos atrasados, asistencia y "
            "aportes pendientes. Listo para imprimir o compartir el enlace.",
            "en": "What the forum reviews when it meets: its commitments' deadlines, late milestones, attendance "
            "and pending contributions. Ready to print or to share as a link.",
        },
        "brief.back": {"es": "← Volver a los foros", "en": "← Back to the forums"},
        "brief.print": {"es": "Imprimir", "en": "Print"},
        "brief.print_help": {
            "es": "Imprime el informe (A4 o carta): sin menús, cada sección en una página nueva.",
            "en": "Prints the brief (A4 or Letter): no menus, each section on a new page.",
        },
        "brief.filter.asof": {"es": "Situación al", "en": "As of"},
        "brief.filter.asof_default": {"es": "Hoy o cierre del foro", "en": "Today or the forum's close"},
        "brief.filter.asof_help": {
            "es": "Para preparar el informe de una sesión pasada, elija su fecha. Vacío: hoy, o el cierre del foro si ya cerró.",
            "en": "To prepare the brief of a past meeting, pick its date. Empty: today, or the forum's close if it has closed.",
        },
        "brief.link": {"es": "Informe para la sesión (imprimible)", "en": "Meeting brief (printable)"},
        "brief.link_title": {"es": "Informe imprimible de {forum}", "en": "Printable brief of {forum}"},
        # not found
        "brief.not_found": {"es": "Foro no encontrado", "en": "Forum not found"},
        "brief.not_found_body": {
            "es": "No hay ningún foro con el código «{code}». Los foros registrados están en la página de foros.",
            "en": "There is no forum with the code “{code}”. The forums on record are on the forums page.",
        },
        "brief.not_found_link": {"es": "Ver los foros", "en": "See the forums"},
        # reference date
        "brief.ref.today": {"es": "Situación al {date} (hoy)", "en": "Situation as of {date} (today)"},
        "brief.ref.closed": {
            "es": "Situación al {date}, cierre del foro",
            "en": "Situation as of {date}, the forum's close",
        },
        "brief.ref.asof": {"es": "Situación al {date} (fecha elegida)", "en": "Situation as of {date} (date chosen)"},
        "brief.ref.future": {
            "es": "La fecha pedida ({date}) es posterior a hoy: el informe muestra la situación de hoy.",
            "en": "The date asked for ({date}) is after today: the brief shows today's situation.",
        },
        "brief.ref.before_creation": {
            "es": "La fecha pedida ({date}) es anterior a la creación del foro: el informe muestra su situación al crearse, el {created}.",
            "en": "The date asked for ({date}) is before the forum was created: the brief shows it as it stood when created, on {created}.",
        },
        # 1. the forum
        "brief.sec.forum": {"es": "El foro y su última sesión", "en": "The forum and its last meeting"},
        "brief.kind": {"es": "Tipo y sector", "en": "Kind and sector"},
        "brief.kind_sector": {"es": "{kind} · sector {sector}", "en": "{kind} · {sector} sector"},
        "brief.country": {"es": "País", "en": "Country"},
        "brief.legal_basis": {"es": "Base legal", "en": "Legal basis"},
        "brief.period": {"es": "Creado – cerrado", "en": "Created – ended"},
        "brief.still_active": {"es": "sigue activo", "en": "still active"},
        "brief.set_up_by": {"es": "Creado por el compromiso", "en": "Set up by the commitment"},
        "brief.follows": {"es": "Compromisos que sigue ({n})", "en": "Commitments it follows ({n})"},
        "brief.follows_none": {"es": "Ninguno registrado", "en": "None recorded"},
        "brief.not_recorded": {"es": "No consta", "en": "Not recorded"},
        "brief.meetings": {"es": "Sesiones realizadas", "en": "Meetings held"},
        "brief.meetings_value": {
            "es": "{n} · última: {last} · anterior: {previous}",
            "en": "{n} · last: {last} · previous: {previous}",
        },
        "brief.meetings_none": {"es": "Ninguna sesión hasta esta fecha", "en": "No meeting up to this date"},
        "brief.since_last": {"es": "Días desde la última sesión", "en": "Days since the last meeting"},
        "brief.since_created": {
            "es": "Días desde la creación, sin sesiones",
            "en": "Days since creation, with no meeting",
        },
        "brief.rule_ok": {
            "es": "✓ {days} días: dentro del plazo de {limit} días de OGP",
            "en": "✓ {days} days: within OGP's {limit}-day limit",
        },
        "brief.rule_breach": {
            "es": "⚠ {days} días: supera el máximo de {limit} días de OGP (incumple el estándar mínimo)",
            "en": "⚠ {days} days: over OGP's {limit}-day maximum (breaches the minimum standard)",
        },
        "brief.at_close": {"es": "{text}, al cierre", "en": "{text}, at its close"},
        "brief.breaches": {
            "es": "Intervalos de más de {limit} días en su historia",
            "en": "Intervals over {limit} days in its history",
        },
        "brief.breaches_none": {"es": "✓ Ninguno", "en": "✓ None"},
        "brief.breaches_some": {"es": "⚠ {n}", "en": "⚠ {n}"},
        "brief.no_dates": {
            "es": "Sin sesiones ni fecha de creación: no hay plazo que medir",
            "en": "No meetings and no creation date: no interval to measure",
        },
        "brief.kpi.since_last": {"es": "días desde la última sesión", "en": "days since the last meeting"},
        "brief.kpi.since_created": {
            "es": "días desde la creación, sin sesiones",
            "en": "days since creation, no meeting",
        },
        "brief.kpi.limit": {"es": "máximo OGP: {limit}", "en": "OGP maximum: {limit}"},
        "brief.kpi.due_since": {
            "es": "hitos vencidos desde la última sesión",
            "en": "milestones due since the last meeting",
        },
        "brief.kpi.due_since_created": {
            "es": "hitos vencidos desde la creación",
            "en": "milestones due since its creation",
        },
        "brief.kpi.due_next": {"es": "hitos que vencen en {days} días", "en": "milestones due in the next {days} days"},
        "brief.kpi.late": {"es": "hitos atrasados", "en": "late milestones"},
        "brief.kpi.at_risk": {"es": "hitos en riesgo", "en": "milestones at risk"},
        "brief.kpi.pending": {"es": "aportes sin respuesta", "en": "contributions unanswered"},
        "brief.kpi.of_live": {"es": "de {n} hitos vigentes", "en": "of {n} live milestones"},
        # 2. milestones due
        "brief.sec.due": {
            "es": "Hitos que vencen: desde la última sesión y en los próximos {days} días",
            "en": "Milestones due: since the last meeting and in the next {days} days",
        },
        "brief.due_help": {
            "es": "Hitos de los compromisos que sigue el foro, por fecha de término planificada, con su estado al {date}. "
            "Avance: lo reportado frente a lo esperado según el cronograma.",
            "en": "Milestones of the commitments the forum follows, by planned end date, with their state on {date}. "
            "Progress: reported against what the schedule expects.",
        },
        "brief.due_since": {
            "es": "Vencieron desde la última sesión ({start} – {end}): {n}",
            "en": "Came due since the last meeting ({start} – {end}): {n}",
        },
        "brief.due_since_created": {
            "es": "Vencieron desde la creación del foro ({start} – {end}): {n}",
            "en": "Came due since the forum was created ({start} – {end}): {n}",
        },
        "brief.due_since_none": {
            "es": "Ningún hito venció entre la última sesión ({start}) y el {end}.",
            "en": "No milestone came due between the last meeting ({start}) and {end}.",
        },
        "brief.due_since_created_none": {
            "es": "Ningún hito venció entre la creación del foro ({start}) y el {end}.",
            "en": "No milestone came due between the forum's creation ({start}) and {end}.",
        },
        "brief.due_since_nowindow": {
            "es": "El foro no tiene sesiones ni fecha de creación: no hay un periodo que revisar.",
            "en": "The forum has no meetings and no creation date: there is no period to review.",
        },
        "brief.due_next": {
            "es": "Vencen en los próximos {days} días ({start} – {end}): {n}",
            "en": "Due in the next {days} days ({start} – {end}): {n}",
        },
        "brief.due_next_none": {
            "es": "Ningún hito vence entre el {start} y el {end}.",
            "en": "No milestone is due between {start} and {end}.",
        },
        "brief.next_due": {
            "es": "El siguiente hito pendiente vence el {date}: {commitment}, hito {n}.",
            "en": "The next unfinished milestone is due on {date}: {commitment}, milestone {n}.",
        },
        "brief.no_milestones": {
            "es": "Los compromisos que sigue el foro no tienen hitos cargados: no hay plazos que revisar.",
            "en": "The commitments the forum follows have no milestones loaded: there are no deadlines to review.",
        },
        "brief.ms.commitment": {"es": "Compromiso", "en": "Commitment"},
        "brief.ms.milestone": {"es": "Hito", "en": "Milestone"},
        "brief.ms.number": {"es": "Hito {n}", "en": "Milestone {n}"},
        "brief.ms.end": {"es": "Término planificado", "en": "Planned end"},
        "brief.ms.state": {"es": "Estado", "en": "State"},
        "brief.ms.progress": {"es": "Avance: reportado / esperado", "en": "Progress: reported / expected"},
        "brief.ms.delay": {"es": "Retraso", "en": "Behind"},
        "brief.ms.days_late": {"es": "{days} días vencido", "en": "{days} days overdue"},
        "brief.ms.points_behind": {"es": "{points} puntos por detrás", "en": "{points} points behind"},
        "brief.ms.responsible": {"es": "Responsable: {who}", "en": "Responsible: {who}"},
        "brief.ms.caption_since": {
            "es": "Hitos vencidos desde la última sesión",
            "en": "Milestones due since the last meeting",
        },
        "brief.ms.caption_next": {
            "es": "Hitos que vencen en los próximos {days} días",
            "en": "Milestones due in the next {days} days",
        },
        "brief.ms.caption_late": {
            "es": "Hitos atrasados y en riesgo al {date}",
            "en": "Late and at-risk milestones on {date}",
        },
        # 3. late and at risk
        "brief.sec.late": {"es": "Hitos atrasados y en riesgo", "en": "Late and at-risk milestones"},
        "brief.late_help": {
            "es": "Al {date}. Atrasado: venció sin llegar al 100 %. En riesgo: el avance reportado va más de {margin} "
            "puntos por detrás del esperado según el cronograma. Los hitos cancelados no cuentan.",
            "en": "On {date}. Late: past its planned end below 100%. At risk: reported progress trails what the "
            "schedule expects by more than {margin} points. Cancelled milestones do not count.",
        },
        "brief.late_count": {
            "es": "{late} atrasados y {at_risk} en riesgo, de {live} hitos vigentes.",
            "en": "{late} late and {at_risk} at risk, of {live} live milestones.",
        },
        "brief.late_none": {
            "es": "Ningún hito atrasado ni en riesgo al {date}.",
            "en": "No milestone is late or at risk on {date}.",
        },
        # 4. attendance
        "brief.sec.attendance": {"es": "Asistencia a las últimas sesiones", "en": "Attendance at recent meetings"},
        "brief.attendance_help": {
            "es": "Las {n} últimas sesiones hasta el {date}. Barras: personas presentes por tipo de actor (miembros, "
            "invitados y público). Miembros: organizaciones miembro con alguien presente, de las que integraban "
            "el foro ese día (titular y suplente cuentan una vez).",
            "en": "The last {n} meetings up to {date}. Bars: people present by stakeholder type (members, guests and "
            "the public). Members: member organizations with someone present, of those on the forum that day "
            "(titular and suplente count once).",
        },
        "brief.attendance_mean": {
            "es": "Asistencia media de miembros en estas sesiones: {rate}.",
            "en": "Average member attendance at these meetings: {rate}.",
        },
        "brief.attendance_none": {
            "es": "El foro no tuvo sesiones hasta el {date}.",
            "en": "The forum held no meeting up to {date}.",
        },
        "brief.att.date": {"es": "Fecha", "en": "Date"},
        "brief.att.kind": {"es": "Tipo de sesión", "en": "Kind of meeting"},
        "brief.att.people": {"es": "Personas por tipo de actor", "en": "People by stakeholder type"},
        "brief.att.members": {"es": "Miembros presentes", "en": "Members present"},
        "brief.att.members_value": {"es": "{present} de {members} ({rate})", "en": "{present} of {members} ({rate})"},
        "brief.att.agreements": {"es": "Acuerdos", "en": "Agreements"},
        "brief.att.total": {"es": "{n} en total", "en": "{n} in all"},
        "brief.att.nobody": {"es": "Nadie registrado", "en": "Nobody recorded"},
        "brief.att.caption": {
            "es": "Últimas sesiones, de la más reciente a la más antigua",
            "en": "Recent meetings, newest first",
        },
        "brief.att.not_recorded": {"es": "no registrado", "en": "not recorded"},
        # 5. awaiting
        "brief.sec.awaiting": {"es": "Aportes que esperan respuesta", "en": "Contributions awaiting an answer"},
        "brief.awaiting_help": {
            "es": "Registros de participación enviados por el foro o sobre un compromiso que sigue, hasta el {date}, con "
            "más aportes recibidos que respondidos. Las respuestas son las registradas hasta hoy.",
            "en": "Participation records sent through the forum or about a commitment it follows, up to {date}, with "
            "more contributions received than answered. Answers are those recorded to date.",
        },
        "brief.awaiting_total": {
            "es": "{pending} aportes sin respuesta: {records} registros de participación en {occasions} ocasiones ({received} aportes recibidos, {answered} respondidos).",
            "en": "{pending} contributions unanswered: {records} participation records on {occasions} occasions ({received} contributions received, {answered} answered).",
        },
        "brief.awaiting_none": {
            "es": "Ningún aporte espera respuesta: todo lo recibido hasta el {date} fue respondido.",
            "en": "No contribution awaits an answer: everything received up to {date} was answered.",
        },
        "brief.aw.date": {"es": "Fecha", "en": "Date"},
        "brief.aw.channel": {"es": "Canal", "en": "Channel"},
        "brief.aw.commitment": {"es": "Compromiso", "en": "Commitment"},
        "brief.aw.who": {"es": "Quién espera respuesta · pendientes", "en": "Who awaits an answer · pending"},
        "brief.aw.public": {"es": "Público", "en": "Public"},
        "brief.aw.received": {"es": "Recibidos", "en": "Received"},
        "brief.aw.answered": {"es": "Respondidos", "en": "Answered"},
        "brief.aw.pending": {"es": "Pendientes", "en": "Pending"},
        "brief.aw.total": {"es": "Total", "en": "Total"},
        "brief.aw.caption": {
            "es": "Aportes pendientes por ocasión, de la más reciente a la más antigua",
            "en": "Pending contributions by occasion, newest first",
        },
        "brief.aw.via_forum": {"es": "por el foro", "en": "via the forum"},
        # 6. sources
        "brief.sec.sources": {"es": "Fuentes y datos de muestra", "en": "Sources and sample data"},
        "brief.sources_help": {
            "es": "De dónde viene cada parte de este informe y cuántos registros usa.",
            "en": "Where each part of this brief comes from and how many records it uses.",
        },
        "brief.src.forum": {"es": "El foro", "en": "The forum"},
        "brief.src.commitments": {"es": "Compromisos que sigue", "en": "Commitments it follows"},
        "brief.src.members": {"es": "Miembros", "en": "Members"},
        "brief.src.meetings": {"es": "Sesiones y asistencia", "en": "Meetings and attendance"},
        "brief.src.milestones": {"es": "Hitos y su historial", "en": "Milestones and their history"},
        "brief.src.participation": {"es": "Participación y aportes", "en": "Participation and contributions"},
        "brief.src.records": {"es": "{source} ({n} registros)", "en": "{source} ({n} records)"},
        "brief.src.sample_note": {
            "es": "Las partes marcadas «Datos de muestra» usan datos generados para mostrar el tablero: no son datos oficiales.",
            "en": "The parts marked “Sample data” use data generated to demonstrate the dashboard: they are not official data.",
        },
        "brief.src.rule": {
            "es": "Regla de OGP: un foro multiactor debe sesionar al menos cada {limit} días (estándares de participación y cocreación).",
            "en": "OGP's rule: a multistakeholder forum should meet at least every {limit} days (participation and co-creation standards).",
        },
        "brief.this_brief": {"es": "Este informe", "en": "This brief"},
        # the printed page footer (filled in the browser: the address and the print date)
        "brief.footer.printed": {"es": "Impreso el {date}", "en": "Printed {date}"},
        "brief.footer.page": {"es": "página", "en": "page"},
        "brief.footer.of": {"es": "de", "en": "of"},
    }
)

CONTENT = "brief-content"
CONTEXT = "brief-context"
PRINT = "brief-print"
PRINTED = "brief-printed"
LINK_LINE = "brief-link-line"
GRAPH = "brief-attendance-graph"

STATE_SYMBOLS = {"complete": "✓", "in_progress": "▶", "at_risk": "◆", "late": "⚠", "not_started": "○", "cancelled": "✕"}
SECTIONS = ("forum", "due", "late", "attendance", "awaiting", "sources")


def brief_href(code: str, params: dict) -> str:
    return f"/forums/{code}/brief" + global_query(params)


def brief_link(code: str, name: str, lang: str, params: dict) -> dcc.Link:
    """The link to a forum's brief (from the forum comparison's panel)."""
    return dcc.Link(
        t("brief.link", lang),
        href=brief_href(code, params),
        className="btn btn-outline-primary btn-sm",
        title=t("brief.link_title", lang, forum=name),
    )


def not_found(ctx: PageContext, code: str):
    return html.Div(
        [
            page_heading(t("brief.not_found", ctx.lang)),
            html.P(t("brief.not_found_body", ctx.lang, code=code)),
            dcc.Link(
                t("brief.not_found_link", ctx.lang),
                href="/forums" + global_query(ctx.params),
                className="btn btn-primary",
            ),
        ],
        className="not-found brief-not-found",
    )


def layout(ctx: PageContext):
    from data.queries.forum_brief import forum_row

    code = read_path("forum_code", ctx.path_args)
    forum = forum_row(ctx.db_url, code) if code is not None else None
    if forum is None:
        return not_found(ctx, str(ctx.path_args.get("forum_code", ""))[:120])
    lang = ctx.lang
    # The forum decides the country: links from its brief go to its country's views.
    ctx = replace(ctx, params={**ctx.params, "country": forum["country_code"]})
    created = forum["created"]
    asof = date_filter(
        ctx,
        "asof",
        "brief.filter.asof",
        t("brief.filter.asof_default", lang),
        help_text=t("brief.filter.asof_help", lang),
        min_date=created.isoformat() if created else None,
        max_date=ctx.today.isoformat(),
    )
    toolbar = filter_bar(
        ctx,
        names=(),
        extra=[
            asof,
            html.Div(
                [
                    html.Button(
                        t("brief.print", lang),
                        id=PRINT,
                        type="button",
                        className="btn btn-primary",
                        title=t("brief.print_help", lang),
                    ),
                    dcc.Link(
                        t("brief.back", lang),
                        href="/forums" + to_query({**ctx.params, "forum": code}, keep=GLOBAL + ("forum",)),
                        className="btn btn-outline-secondary",
                    ),
                ],
                className="brief-actions",
            ),
        ],
    )
    toolbar.className += " brief-toolbar"
    return html.Div(
        [
            page_heading(t("brief.heading", lang, forum=forum["name"]), t("brief.lead", lang)),
            toolbar,
            dcc.Loading(html.Div(id=CONTENT, className="brief-content"), type="default", delay_show=300),
            html.P(id=LINK_LINE, className="brief-link-line"),
            dcc.Store(id=CONTEXT, data=_context(ctx, code)),
            dcc.Store(id=PRINTED),
        ],
        className="brief-page",
    )


def _context(ctx: PageContext, code: str) -> dict:
    """What the callbacks need, and the printed footer's words (the browser
    fills in the address and the date)."""
    lang = ctx.lang
    return {
        "lang": lang,
        "code": code,
        "query": global_query(ctx.params),
        "printed": t("brief.footer.printed", lang, date="{date}"),
        "page": t("brief.footer.page", lang),
        "of": t("brief.footer.of", lang),
        "this_brief": t("brief.this_brief", lang),
    }


# --- the brief ------------------------------------------------------------------------------


def reference_text(brief, lang: str) -> str:
    return t(f"brief.ref.{brief.reference_kind}", lang, date=fmt_date(brief.reference, lang, "long"))


def brief_view(brief, lang: str, query: str = "", drawn: dict | None = None) -> list:
    """Every section of the brief, each marked where it draws sample data; each
    table drawn downloads as CSV and XLSX.  ``drawn`` is ``drawn_brief(brief,
    lang)`` when the caller has it (cached)."""
    drawn = drawn or drawn_brief(brief, lang)
    ref = fmt_date(brief.reference, lang)
    tables = drawn["tables"]
    notice = (
        html.P(
            t(
                f"brief.ref.{brief.asked_moved}",
                lang,
                date=fmt_date(brief.asked, lang),
                created=fmt_date(brief.forum["created"], lang),
            ),
            className="brief-note",
            role="status",
        )
        if brief.asked_moved
        else None
    )
    return [
        html.P(reference_text(brief, lang), className="brief-reference"),
        notice,
        _brief_section(
            "forum",
            t("brief.sec.forum", lang),
            _forum_block(brief, lang, query),
            sample_badge(lang, brief.sample["forum"]),
        ),
        _brief_section(
            "due",
            t("brief.sec.due", lang, days=DUE_AHEAD_DAYS),
            _due_block(brief, lang, query, tables),
            sample_badge(lang, brief.sample["milestones"]),
            t("brief.due_help", lang, date=ref),
        ),
        _brief_section(
            "late",
            t("brief.sec.late", lang),
            _late_block(brief, lang, query),
            with_downloads(sample_badge(lang, brief.sample["milestones"]), tables.get(exports.LATE)),
            t("brief.late_help", lang, date=ref, margin=fmt_number(AT_RISK_MARGIN, lang)),
        ),
        _brief_section(
            "attendance",
            t("brief.sec.attendance", lang),
            _attendance_block(brief, lang, drawn, projector=bool(parse_query(query)[0].get("projector"))),
            with_downloads(sample_badge(lang, brief.sample["meetings"]), tables.get(exports.ATTENDANCE)),
            t("brief.attendance_help", lang, n=fmt_number(len(brief.meetings), lang), date=ref)
            if len(brief.meetings)
            else None,
        ),
        _brief_section(
            "awaiting",
            t("brief.sec.awaiting", lang),
            _awaiting_block(brief, lang, query),
            with_downloads(sample_badge(lang, brief.sample["participation"]), tables.get(exports.AWAITING)),
            t("brief.awaiting_help", lang, date=ref),
        ),
        _brief_section(
            "sources",
            t("brief.sec.sources", lang),
            _sources_block(brief, lang),
            sample_badge(lang, any(brief.sample.values())),
            t("brief.sources_help", lang),
        ),
    ]


def _brief_section(key: str, title: str, body, badge=None, help_text: str | None = None) -> html.Section:
    # A list is wrapped once: the renderer does not flatten nested lists.
    out = section(
        title,
        html.Div(body) if isinstance(body, list) else body,
        badge=badge,
        section_id=f"brief-{key}",
        help_text=help_text,
    )
    out.className += f" brief-section brief-section-{key}"
    return out


def _fact(label: str, value) -> list:
    # A dt/dd pair wrapped in a div (allowed in a dl): one row, on screen and on paper.
    return [html.Div([html.Dt(label), html.Dd(value)], className="brief-fact")]


def _flag(text: str, bad: bool) -> html.Span:
    return html.Span(text, className="brief-flag " + ("brief-flag-bad" if bad else "brief-flag-ok"))


def _commitment_link(commitment_id: str, query: str):
    return dcc.Link(commitment_id, href=f"/commitments/{commitment_id}{query}", className="brief-commitment")


def _rule_text(brief, lang: str):
    """Days since the last meeting (or since creation) against OGP's 180-day rule."""
    gap = brief.gap
    if gap is None:
        return t("brief.no_dates", lang)
    text = t(
        "brief.rule_breach" if gap["breach"] else "brief.rule_ok",
        lang,
        days=fmt_number(gap["days"], lang),
        limit=FORUM_MAX_GAP_DAYS,
    )
    if brief.reference_kind == REF_CLOSED:
        text = t("brief.at_close", lang, text=text)
    return _flag(text, gap["breach"])


def _kpis(brief, lang: str) -> html.Div:
    gap = brief.gap
    counts = brief.late["state"].value_counts() if len(brief.late) else pd.Series(dtype=int)
    live = t("brief.kpi.of_live", lang, n=fmt_number(brief.live_milestones, lang))
    cards = [
        kpi_card(
            ("⚠ " if gap and gap["breach"] else "") + (fmt_number(gap["days"], lang) if gap else "—"),
            t("brief.kpi.since_last" if brief.last_meeting else "brief.kpi.since_created", lang),
            detail=t("brief.kpi.limit", lang, limit=FORUM_MAX_GAP_DAYS),
        ),
        kpi_card(
            fmt_number(len(brief.due_since), lang),
            t("brief.kpi.due_since" if brief.last_meeting else "brief.kpi.due_since_created", lang),
        ),
        kpi_card(fmt_number(len(brief.due_next), lang), t("brief.kpi.due_next", lang, days=DUE_AHEAD_DAYS)),
        kpi_card(fmt_number(int(counts.get("late", 0)), lang), t("brief.kpi.late", lang), detail=live),
        kpi_card(fmt_number(int(counts.get("at_risk", 0)), lang), t("brief.kpi.at_risk", lang), detail=live),
        kpi_card(fmt_number(int(brief.awaiting["pending"].sum()), lang), t("brief.kpi.pending", lang)),
    ]
    return html.Div(cards, className="kpi-grid brief-kpis")


def _follows(brief, lang: str, query: str):
    follows = brief.follows
    if follows.empty:
        return t("brief.follows_none", lang)
    return html.Ul(
        [
            html.Li([_commitment_link(row["id"], query), " ", display_title(row, lang)])
            for row in follows.to_dict("records")
        ],
        className="brief-follows",
    )


def _forum_block(brief, lang: str, query: str) -> list:
    f = brief.forum
    kind = vocab_label("forum_kind", f["kind"], lang)
    end = fmt_date(f["ended"], lang) if not is_missing(f["ended"]) else t("brief.still_active", lang)
    if brief.last_meeting:
        meetings = t(
            "brief.meetings_value",
            lang,
            n=fmt_number(brief.meetings_held, lang),
            last=fmt_date(brief.last_meeting, lang),
            previous=fmt_date(brief.previous_meeting, lang) if brief.previous_meeting else "—",
        )
    else:
        meetings = t("brief.meetings_none", lang)
    breaches = (
        _flag(t("brief.breaches_some", lang, n=fmt_number(brief.breaches, lang)), True)
        if brief.breaches
        else _flag(t("brief.breaches_none", lang), False)
    )
    facts = [
        *_fact(
            t("brief.kind", lang), t("brief.kind_sector", lang, kind=kind, sector=f["sector"]) if f["sector"] else kind
        ),
        *_fact(t("brief.country", lang), f["country_name"]),
        *_fact(t("brief.legal_basis", lang), f["legal_basis"] or t("brief.not_recorded", lang)),
        *_fact(t("brief.period", lang), f"{fmt_date(f['created'], lang)} – {end}"),
        *(_fact(t("brief.set_up_by", lang), _commitment_link(f["commitment_id"], query)) if f["commitment_id"] else []),
        *_fact(t("brief.follows", lang, n=fmt_number(len(brief.follows), lang)), _follows(brief, lang, query)),
        *_fact(t("brief.meetings", lang), meetings),
        *_fact(t("brief.since_last" if brief.last_meeting else "brief.since_created", lang), _rule_text(brief, lang)),
        *_fact(t("brief.breaches", lang, limit=FORUM_MAX_GAP_DAYS), breaches),
    ]
    return [_kpis(brief, lang), html.Dl(facts, className="brief-facts")]


# --- milestone tables ----------------------------------------------------------------------


def state_pill(state: str, lang: str) -> html.Span:
    """A milestone's state: symbol and words, so neither colour nor print loses it."""
    return html.Span(
        f"{STATE_SYMBOLS.get(state, '')} {vocab_label('status', state, lang)}".strip(),
        className=f"status-pill status-{state}",
    )


def _milestone_cell(row: dict, lang: str):
    title = row["title"] if isinstance(row.get("title"), str) else "—"
    who = row.get("responsible")
    return [
        html.Span(t("brief.ms.number", lang, n=int(row["number"])), className="brief-ms-number"),
        " ",
        title,
        html.Div(t("brief.ms.responsible", lang, who=who), className="brief-ms-who")
        if isinstance(who, str) and who
        else None,
    ]


def _progress_text(row: dict, lang: str) -> str:
    expected = row.get("expected")
    return f"{fmt_percent(row['progress'], lang)} / {fmt_percent(None if is_missing(expected) else expected, lang)}"


def _delay(row: dict, reference, lang: str) -> str:
    days, points = exports.behind(row, reference)
    if days is not None:
        return t("brief.ms.days_late", lang, days=fmt_number(days, lang))
    return t("brief.ms.points_behind", lang, points=fmt_number(points, lang))


def milestone_table(rows: pd.DataFrame, lang: str, query: str, caption: str, reference=None) -> html.Div:
    """Milestones with their commitment, planned end, state and progress (and
    how far behind, given ``reference``)."""
    heads = ["brief.ms.commitment", "brief.ms.milestone", "brief.ms.end", "brief.ms.state", "brief.ms.progress"]
    if reference is not None:
        heads.append("brief.ms.delay")
    body = []
    for row in rows.to_dict("records"):
        cells = [
            html.Td(_commitment_link(row["commitment_id"], query)),
            html.Td(_milestone_cell(row, lang), className="brief-wrap"),
            html.Td(fmt_date(row["planned_end"], lang), className="text-nowrap"),
            html.Td(state_pill(row["state"], lang)),
            html.Td(_progress_text(row, lang), className="num text-nowrap"),
        ]
        if reference is not None:
            cells.append(html.Td(_delay(row, reference, lang), className="num"))
        body.append(html.Tr(cells))
    return table_region(
        html.Table(
            [
                html.Caption(caption, className="visually-hidden"),
                html.Thead(html.Tr([html.Th(t(h, lang), scope="col") for h in heads])),
                html.Tbody(body),
            ],
            className="table table-sm brief-table brief-milestones",
        ),
        caption,
        "brief-table-wrap",
    )


def _due_part(rows, title: str, empty: str, lang: str, query: str, caption: str, table) -> list:
    """A subtitle with the table's downloads beside it, and the table (or why there is none)."""
    downloads = table_downloads(table) if table is not None else None
    return [
        html.Div([html.H3(title, className="brief-subtitle"), downloads], className="section-head brief-subhead"),
        milestone_table(rows, lang, query, caption) if len(rows) else html.P(empty, className="brief-empty"),
    ]


def _no_milestones(brief) -> bool:
    return not brief.live_milestones and brief.due_since.empty and brief.due_next.empty and brief.late.empty


def _due_block(brief, lang: str, query: str, tables: dict) -> list:
    if _no_milestones(brief):
        return [html.P(t("brief.no_milestones", lang), className="brief-empty")]
    days = DUE_AHEAD_DAYS
    start, end = brief.due_since_window
    n_since = fmt_number(len(brief.due_since), lang)
    if start is None:
        since = [html.P(t("brief.due_since_nowindow", lang), className="brief-empty")]
    else:
        key = "brief.due_since" if brief.last_meeting else "brief.due_since_created"
        dates = {"start": fmt_date(start, lang), "end": fmt_date(end, lang)}
        since = _due_part(
            brief.due_since,
            t(key, lang, n=n_since, **dates),
            t(key + "_none", lang, **dates),
            lang,
            query,
            t("brief.ms.caption_since", lang),
            tables.get(exports.DUE_SINCE),
        )
    n_start, n_end = brief.due_next_window
    dates = {"start": fmt_date(n_start, lang), "end": fmt_date(n_end, lang)}
    following = _due_part(
        brief.due_next,
        t("brief.due_next", lang, days=days, n=fmt_number(len(brief.due_next), lang), **dates),
        t("brief.due_next_none", lang, **dates),
        lang,
        query,
        t("brief.ms.caption_next", lang, days=days),
        tables.get(exports.DUE_NEXT),
    )
    nxt = brief.next_due
    if brief.due_next.empty and nxt is not None:
        following.append(
            html.P(
                t(
                    "brief.next_due",
                    lang,
                    date=fmt_date(nxt["planned_end"], lang),
                    commitment=nxt["commitment_id"],
                    n=int(nxt["number"]),
                ),
                className="brief-next",
            )
        )
    return since + following


def _late_block(brief, lang: str, query: str) -> list:
    ref = fmt_date(brief.reference, lang)
    if _no_milestones(brief):
        return [html.P(t("brief.no_milestones", lang), className="brief-empty")]
    if brief.late.empty:
        return [html.P(t("brief.late_none", lang, date=ref), className="brief-empty")]
    counts = brief.late["state"].value_counts()
    return [
        html.P(
            t(
                "brief.late_count",
                lang,
                late=fmt_number(int(counts.get("late", 0)), lang),
                at_risk=fmt_number(int(counts.get("at_risk", 0)), lang),
                live=fmt_number(brief.live_milestones, lang),
            ),
            className="brief-total",
        ),
        milestone_table(brief.late, lang, query, t("brief.ms.caption_late", lang, date=ref), reference=brief.reference),
    ]


# --- attendance --------------------------------------------------------------------------


def people_texts(attendance: pd.DataFrame, lang: str) -> dict:
    """Who attended each meeting, as text: ``{meeting_id: [total, by stakeholder type]}``,
    stakeholder types in the theme's order (one sort and one pass for all meetings)."""
    if attendance.empty:
        return {}
    order = {s: i for i, s in enumerate(theme.STAKEHOLDER_COLOURS)}
    rows = attendance.assign(_o=attendance["stakeholder_type"].map(order).fillna(len(order)).to_numpy())
    rows = rows.sort_values(["meeting_id", "_o"], kind="stable")
    out: dict = {}
    for meeting_id, kind, persons in zip(rows["meeting_id"], rows["stakeholder_type"], rows["persons"]):
        out.setdefault(meeting_id, [0, []])
        out[meeting_id][0] += 0 if pd.isna(persons) else int(persons)
        out[meeting_id][1].append(f"{vocab_label('stakeholder', kind, lang)}: {fmt_number(persons, lang)}")
    return {
        k: [t("brief.att.total", lang, n=fmt_number(total, lang)), " · ".join(parts)]
        for k, (total, parts) in out.items()
    }


def _people(meeting_id, people: dict, lang: str):
    texts = people.get(meeting_id)
    if texts is None:
        return t("brief.att.nobody", lang)
    return [html.Strong(texts[0]), html.Div(texts[1], className="brief-people")]


def brief_drawing(db_url: str, code: str, today, day, lang: str) -> dict | None:
    """The brief's drawn data for the callback to cache (by forum, dates and
    language): the attendance chart (figure dict and its text alternative), who
    attended each meeting, and the tables' downloads.  None when the forum is gone."""
    from data.queries import forum_brief as queries

    brief = cached(db_url, queries.forum_brief, code, today, day)
    return None if brief is None else drawn_brief(brief, lang)


def drawn_brief(brief, lang: str) -> dict:
    meetings = brief.meetings
    return {
        # Built from the same frames, only for the tables drawn (an empty one is not).
        "tables": {name: table for name, table in exports.brief_tables(brief, lang).items() if table.rows},
        "figure": None if meetings.empty else figures.attendance_figure(meetings, brief.attendance, lang),
        "summary": None if meetings.empty else figures.attendance_summary(meetings, lang),
        "people": people_texts(brief.attendance, lang),
    }


def _attendance_block(brief, lang: str, drawn: dict, *, projector: bool = False) -> list:
    meetings = brief.meetings
    if meetings.empty:
        return [html.P(t("brief.attendance_none", lang, date=fmt_date(brief.reference, lang)), className="brief-empty")]
    figure = theme.for_display(drawn["figure"], projector=projector)
    graph = dcc.Graph(
        id=GRAPH,
        figure=figure,
        config=theme.graph_config(lang),
        style={"height": f"{figure['layout'].get('height', figures.HEIGHT)}px"},
        className="brief-graph",
    )
    rows = []
    for r in meetings.itertuples(index=False):
        members = (
            t(
                "brief.att.members_value",
                lang,
                present=fmt_number(r.present, lang),
                members=fmt_number(r.members, lang),
                rate=fmt_percent(r.rate, lang),
            )
            if r.members
            else "—"
        )
        agreements = (
            fmt_number(r.agreements, lang) if not is_missing(r.agreements) else t("brief.att.not_recorded", lang)
        )
        rows.append(
            html.Tr(
                [
                    html.Td(fmt_date(r.date, lang), className="text-nowrap"),
                    html.Td(vocab_label("meeting_kind", r.kind, lang)),
                    html.Td(_people(r.meeting_id, drawn["people"], lang)),
                    html.Td(members),
                    html.Td(agreements, className="num"),
                ]
            )
        )
    heads = ("brief.att.date", "brief.att.kind", "brief.att.people", "brief.att.members", "brief.att.agreements")
    table = table_region(
        html.Table(
            [
                html.Caption(t("brief.att.caption", lang), className="visually-hidden"),
                html.Thead(html.Tr([html.Th(t(h, lang), scope="col") for h in heads])),
                html.Tbody(rows),
            ],
            className="table table-sm brief-table brief-attendance",
        ),
        t("brief.att.caption", lang),
        "brief-table-wrap",
    )
    rated = meetings["rate"].dropna()
    mean = (
        html.P(t("brief.attendance_mean", lang, rate=fmt_percent(float(rated.mean()), lang)), className="brief-total")
        if len(rated)
        else None
    )
    chart = described_graph(
        graph,
        drawn["summary"],
        lang,
        sample=brief.sample["meetings"],
        class_name="brief-figure",
    )
    return [chart, mean, table]


# --- contributions awaiting an answer ----------------------------------------------------------


def _who(who: list, lang: str) -> html.Ul:
    """Who awaits an answer on one occasion: each organization (or the public,
    by stakeholder type) and its pending contributions."""
    items = []
    for organization, kind, pending in who:
        name = organization or t("brief.aw.public", lang)
        items.append(
            html.Li(
                [
                    f"{name} · ",
                    html.Strong(fmt_number(pending, lang)),
                    html.Span(f" · {vocab_label('stakeholder', kind, lang)}", className="brief-ms-who"),
                ]
            )
        )
    return html.Ul(items, className="brief-who")


def _awaiting_block(brief, lang: str, query: str) -> list:
    rows = brief.occasions
    if rows.empty:
        return [html.P(t("brief.awaiting_none", lang, date=fmt_date(brief.reference, lang)), className="brief-empty")]
    received, answered, pending = (int(rows[c].sum()) for c in ("received", "answered", "pending"))
    body = []
    for r in rows.to_dict("records"):
        channel = vocab_label("channel", r["channel"], lang)
        body.append(
            html.Tr(
                [
                    html.Td(fmt_date(r["date"], lang), className="text-nowrap"),
                    html.Td(
                        [
                            channel,
                            html.Div(t("brief.aw.via_forum", lang), className="brief-ms-who")
                            if r["via_forum"]
                            else None,
                        ]
                    ),
                    html.Td(
                        _commitment_link(r["commitment_id"], query) if isinstance(r["commitment_id"], str) else "—"
                    ),
                    html.Td(_who(r["who"], lang), className="brief-wrap"),
                    html.Td(fmt_number(r["received"], lang), className="num"),
                    html.Td(fmt_number(r["answered"], lang), className="num"),
                    html.Td(html.Strong(fmt_number(r["pending"], lang)), className="num"),
                ]
            )
        )
    heads = ("brief.aw.date", "brief.aw.channel", "brief.aw.commitment", "brief.aw.who")
    numbers = ("brief.aw.received", "brief.aw.answered", "brief.aw.pending")
    foot = html.Tfoot(
        html.Tr(
            [
                html.Th(t("brief.aw.total", lang), scope="row", colSpan=4),
                html.Td(fmt_number(received, lang), className="num"),
                html.Td(fmt_number(answered, lang), className="num"),
                html.Td(html.Strong(fmt_number(pending, lang)), className="num"),
            ]
        )
    )
    return [
        html.P(
            t(
                "brief.awaiting_total",
                lang,
                pending=fmt_number(pending, lang),
                records=fmt_number(len(brief.awaiting), lang),
                occasions=fmt_number(len(rows), lang),
                received=fmt_number(received, lang),
                answered=fmt_number(answered, lang),
            ),
            className="brief-total",
        ),
        table_region(
            html.Table(
                [
                    html.Caption(t("brief.aw.caption", lang), className="visually-hidden"),
                    html.Thead(
                        html.Tr(
                            [html.Th(t(h, lang), scope="col") for h in heads]
                            + [html.Th(t(h, lang), scope="col", className="num") for h in numbers]
                        )
                    ),
                    html.Tbody(body),
                    foot,
                ],
                className="table table-sm brief-table brief-awaiting",
            ),
            t("brief.aw.caption", lang),
            "brief-table-wrap",
        ),
    ]


# --- sources ---------------------------------------------------------------------------------


def _sources_block(brief, lang: str) -> list:
    sources = brief.sources
    facts = []
    for part in SOURCE_PARTS:
        mine = sources[sources["part"] == part]
        if mine.empty:
            continue
        texts = [
            t("brief.src.records", lang, source=source_text(k, n, None, lang), n=fmt_number(c, lang))
            for k, n, c in zip(mine["kind"], mine["name"], mine["records"])
        ]
        facts += _fact(t(f"brief.src.{part}", lang), "; ".join(texts))
    return [
        html.Dl(facts, className="brief-facts brief-sources"),
        html.P(t("brief.src.sample_note", lang), className="brief-sample-note") if any(brief.sample.values()) else None,
        html.P(t("brief.src.rule", lang, limit=FORUM_MAX_GAP_DAYS), className="brief-rule"),
    ]


PAGE = Page(
    name="forum_brief",
    path="/forums/<forum_code>/brief",
    title_key="brief.title",
    layout=layout,
    nav="forums",
    params=("asof",),
    sample="/forums/PER-AMBIENTE/brief",
)
