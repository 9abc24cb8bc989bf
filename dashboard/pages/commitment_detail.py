"""Commitment detail: /commitments/<id>

Everything known about one commitment, at least as complete as OGP's own page:
the facts at a glance, the IRM review field by field with its methodology and
OGP's sentinels as given, the Spanish text, the milestones (timeline, table and
history), the forums and participation linked to it, and where every fact comes
from.  The page is drawn once per URL; it has no callbacks.
"""

from __future__ import annotations

import re

import pandas as pd
from dash import dcc, html

from dashboard.cache import cached
from dashboard.components.chart import described_graph
from dashboard.components.common import page_heading, sample_badge, table_region
from dashboard.components.common import section as panel
from dashboard.components.downloads import with_downloads
from dashboard.components.explorer_table import display_title, starred_text
from dashboard.exports import commitment_detail as exports
from dashboard.figures.commitment_detail import (
    milestone_timeline,
    milestone_timeline_summary,
    progress_history,
    progress_history_summary,
)
from dashboard.i18n import add, fmt_date, fmt_number, fmt_percent, irm_label, t, vocab_label
from dashboard.pages import Page, PageContext
from dashboard.state import GLOBAL, global_query, read, read_path, to_query
from dashboard.theme import for_display, graph_config
from data.missing import is_missing
from data.queries import commitment_detail as queries

add(
    {
        "detail.not_found": {"es": "Compromiso no encontrado", "en": "Commitment not found"},
        "detail.not_found_body": {
            "es": "No hay ningún compromiso con el código «{id}». Búsquelo en el explorador de compromisos.",
            "en": "There is no commitment with the id “{id}”. Look for it in the commitment explorer.",
        },
        "detail.search": {"es": "Buscar compromisos", "en": "Search commitments"},
        "detail.search_label": {"es": "Código, título, institución o área", "en": "Id, title, institution or area"},
        "detail.back": {"es": "Explorador de compromisos", "en": "Commitment explorer"},
        "detail.lead": {"es": "{plan} · {country}", "en": "{plan} · {country}"},
        # at a glance
        "detail.glance": {"es": "De un vistazo", "en": "At a glance"},
        "detail.plan": {"es": "Plan de acción", "en": "Action plan"},
        "detail.cycle": {"es": "Ciclo del plan", "en": "Action plan cycle"},
        "detail.status": {"es": "Estado en OGP", "en": "OGP status"},
        "detail.period": {"es": "Periodo del compromiso", "en": "Commitment period"},
        "detail.lead_institution": {"es": "Institución responsable", "en": "Lead institution"},
        "detail.support": {"es": "Instituciones de apoyo", "en": "Supporting institutions"},
        "detail.areas": {"es": "Áreas de política", "en": "Policy areas"},
        "detail.theme": {"es": "Tema", "en": "Theme"},
        "detail.implementation": {"es": "Implementación", "en": "Implementation"},
        "detail.implementation_value": {
            "es": "avance {progress} · {n} hitos",
            "en": "progress {progress} · {n} milestones",
        },
        "detail.no_milestones_short": {"es": "Sin hitos cargados", "en": "No milestones loaded"},
        "detail.method": {"es": "Metodología IRM", "en": "IRM methodology"},
        "detail.ogp_page": {"es": "Página en OGP", "en": "OGP page"},
        "detail.ogp_link": {"es": "Ver en opengovpartnership.org", "en": "View on opengovpartnership.org"},
        "detail.none": {"es": "No consta", "en": "Not recorded"},
        "detail.source_line": {"es": "Fuente: {source}", "en": "Source: {source}"},
        # IRM review
        "detail.irm": {"es": "Revisión del IRM", "en": "IRM review"},
        "detail.irm_help": {
            "es": "Cada campo con la metodología del IRM a la que pertenece. Donde la hoja de OGP no trae una calificación (ND: sin datos, NR: no revisado…), se muestra su texto tal cual.",
            "en": "Each field with the IRM methodology it belongs to. Where OGP's sheet has no rating (ND: no data, NR: not reviewed…), its text is shown as given.",
        },
        "detail.irm_method": {
            "es": "Este compromiso se evalúa con la {method}.",
            "en": "This commitment falls under the {method}.",
        },
        "detail.irm_report": {"es": "Informe del IRM", "en": "IRM report"},
        "detail.irm_progress_year": {"es": "Año del informe de avance", "en": "Progress report year"},
        "detail.irm_end_year": {"es": "Año del informe de fin de término", "en": "End-of-term report year"},
        "detail.irm_field": {"es": "Campo", "en": "Field"},
        "detail.irm_value": {"es": "Valoración", "en": "Assessment"},
        "detail.irm_raw": {"es": "Texto en la fuente", "en": "Text in the source"},
        "detail.irm_methodology": {"es": "Metodología", "en": "Methodology"},
        "detail.irm.specificity": {"es": "Especificidad", "en": "Specificity"},
        "detail.irm.verifiable": {"es": "Verificable", "en": "Verifiable"},
        "detail.irm.value_access_information": {
            "es": "Relevante: acceso a la información",
            "en": "Relevant: access to information",
        },
        "detail.irm.value_civic_participation": {
            "es": "Relevante: participación cívica",
            "en": "Relevant: civic participation",
        },
        "detail.irm.value_public_accountability": {
            "es": "Relevante: rendición de cuentas",
            "en": "Relevant: public accountability",
        },
        "detail.irm.value_technology_innovation": {
            "es": "Relevante: tecnología e innovación",
            "en": "Relevant: technology and innovation",
        },
        "detail.irm.potential_impact": {"es": "Impacto potencial", "en": "Potential impact"},
        "detail.irm.potential_for_results": {"es": "Potencial de resultados", "en": "Potential for results"},
        "detail.irm.completion_midterm": {
            "es": "Cumplimiento (informe de avance)",
            "en": "Completion (progress report)",
        },
        "detail.irm.completion_end": {"es": "Cumplimiento (fin de término)", "en": "Completion (end of term)"},
        "detail.irm.did_it_open_government": {
            "es": "¿Abrió el gobierno? (general)",
            "en": "Did it open government? (overall)",
        },
        "detail.irm.diog_access_information": {
            "es": "¿Abrió el gobierno? Acceso a la información",
            "en": "Did it open government? Access to information",
        },
        "detail.irm.diog_civic_participation": {
            "es": "¿Abrió el gobierno? Participación cívica",
            "en": "Did it open government? Civic participation",
        },
        "detail.irm.diog_public_accountability": {
            "es": "¿Abrió el gobierno? Rendición de cuentas",
            "en": "Did it open government? Public accountability",
        },
        "detail.irm.early_results": {"es": "Resultados tempranos", "en": "Early results"},
        "detail.irm.starred": {"es": "Destacado", "en": "Starred"},
        # text
        "detail.text": {"es": "Descripción", "en": "Description"},
        "detail.problem": {"es": "¿Qué problema aborda?", "en": "What problem does it address?"},
        "detail.description": {"es": "¿Cuál es el compromiso?", "en": "What is the commitment?"},
        "detail.full_text": {"es": "Texto completo del compromiso", "en": "Full text of the commitment"},
        "detail.no_text": {
            "es": "Los datos cargados no traen el texto del compromiso.",
            "en": "The loaded data hold no text for this commitment.",
        },
        # milestones
        "detail.milestones": {"es": "Hitos", "en": "Milestones"},
        "detail.milestones_help": {
            "es": "Barras claras: periodo planificado; barra de color: parte reportada como hecha. «Atrasado»: venció sin llegar al 100 %; «En riesgo»: el avance va más de {margin} puntos por detrás de lo esperado para hoy ({today}).",
            "en": "Light bars: planned period; coloured bar: share reported done. “Late”: past its end below 100%; “At risk”: progress trails what is expected by today ({today}) by more than {margin} points.",
        },
        "detail.no_milestones": {
            "es": "No hay hitos cargados para este compromiso, así que no hay avance ni historial que mostrar.",
            "en": "No milestones are loaded for this commitment, so there is no progress or history to show.",
        },
        "detail.ms.number": {"es": "N.º", "en": "No."},
        "detail.ms.title": {"es": "Hito", "en": "Milestone"},
        "detail.ms.responsible": {"es": "Responsable", "en": "Responsible"},
        "detail.ms.responsible_value": {"es": "Responsable: {body}", "en": "Responsible: {body}"},
        "detail.ms.planned": {"es": "Periodo planificado", "en": "Planned period"},
        "detail.ms.actual_end": {"es": "Fin real", "en": "Actual end"},
        "detail.ms.status": {"es": "Estado y alerta", "en": "Status and flag"},
        "detail.ms.progress": {"es": "Avance", "en": "Progress"},
        "detail.ms.expected": {"es": "Esperado hoy", "en": "Expected today"},
        "detail.ms.evidence": {"es": "Evidencia", "en": "Evidence"},
        "detail.ms.evidence_link": {"es": "enlace", "en": "link"},
        # history
        "detail.history": {"es": "Historial de avance", "en": "Progress history"},
        "detail.history_help": {
            "es": "Avance reportado de cada hito en cada actualización ({n} reportes; el último, {last}). La línea discontinua es el avance del compromiso: el promedio de sus hitos en cada fecha.",
            "en": "Reported progress of each milestone at each update ({n} reports; the last on {last}). The dashed line is the commitment's progress: the average of its milestones on each date.",
        },
        "detail.no_history": {
            "es": "No hay actualizaciones de estado registradas para estos hitos.",
            "en": "No status updates are recorded for these milestones.",
        },
        # forums and participation
        "detail.forums": {"es": "Foros multiactor vinculados", "en": "Linked multistakeholder forums"},
        "detail.forum_created": {"es": "Creado por este compromiso", "en": "Created by this commitment"},
        "detail.forum_follows": {"es": "Hace seguimiento a este compromiso", "en": "Follows this commitment"},
        "detail.forum_dates": {"es": "Desde {start}", "en": "Since {start}"},
        "detail.forum_dates_ended": {"es": "{start} – {end}", "en": "{start} – {end}"},
        "detail.forums_all": {"es": "Ver estos foros juntos", "en": "See these forums together"},
        "detail.no_forums": {
            "es": "Ningún foro cargado creó este compromiso ni le hace seguimiento.",
            "en": "No loaded forum created or follows this commitment.",
        },
        "detail.participation": {"es": "Participación", "en": "Participation"},
        "detail.via.commitment": {"es": "Sobre este compromiso", "en": "About this commitment"},
        "detail.via.forum": {
            "es": "En los foros que creó este compromiso",
            "en": "In the forums this commitment created",
        },
        "detail.pt.channel": {"es": "Canal", "en": "Channel"},
        "detail.pt.records": {"es": "Registros", "en": "Records"},
        "detail.pt.participants": {"es": "Participantes", "en": "Participants"},
        "detail.pt.received": {"es": "Aportes recibidos", "en": "Contributions received"},
        "detail.pt.answered": {"es": "Aportes respondidos", "en": "Contributions answered"},
        "detail.no_participation": {
            "es": "No hay registros de participación vinculados a este compromiso.",
            "en": "No participation records are linked to this commitment.",
        },
        # sources
        "detail.sources": {"es": "Fuentes de esta página", "en": "Sources of this page"},
        "detail.src.fact": {"es": "Dato", "en": "Fact"},
        "detail.src.source": {"es": "Fuente", "en": "Source"},
        "detail.src.commitment": {
            "es": "Compromiso: título, texto, estado, periodo y revisión del IRM",
            "en": "Commitment: title, text, status, period and IRM review",
        },
        "detail.src.plan": {"es": "Plan de acción", "en": "Action plan"},
        "detail.src.lead": {"es": "Institución responsable", "en": "Lead institution"},
        "detail.src.support": {"es": "Instituciones de apoyo", "en": "Supporting institutions"},
        "detail.src.areas": {"es": "Áreas de política", "en": "Policy areas"},
        "detail.src.milestones": {"es": "Hitos (estado y avance)", "en": "Milestones (status and progress)"},
        "detail.src.events": {"es": "Historial de avance", "en": "Progress history"},
        "detail.src.forums": {"es": "Foros vinculados", "en": "Linked forums"},
        "detail.src.participation": {"es": "Participación", "en": "Participation"},
        "detail.src.row": {"es": "{source} «{name}», fila {row}", "en": "{source} “{name}”, row {row}"},
        "detail.src.rows": {"es": "{source} «{name}», filas {rows}", "en": "{source} “{name}”, rows {rows}"},
        "detail.src.name": {"es": "{source} «{name}»", "en": "{source} “{name}”"},
    }
)


# --- sources ---------------------------------------------------------------------------------


def _rows_text(rows) -> str:
    numbers = sorted({int(r) for r in rows if pd.notna(r)})
    if len(numbers) > 6:
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def source_text(kind, name, rows, lang: str) -> str:
    """ "documento semilla «ogp_pe0066_page.txt», fila 4" and the like."""
    label = t(f"source.{kind}", lang) if kind in ("seed", "file", "sample") else str(kind)
    rows = [r for r in (rows if isinstance(rows, (list, tuple, pd.Series)) else [rows]) if pd.notna(r)]
    if not rows:
        return t("detail.src.name", lang, source=label, name=name)
    key = "detail.src.row" if len(set(rows)) == 1 else "detail.src.rows"
    return t(key, lang, source=label, name=name, row=_rows_text(rows), rows=_rows_text(rows))


def sources_of(frame: pd.DataFrame, lang: str) -> list[str]:
    """One text per source the frame's records come from."""
    if frame.empty:
        return []
    rows_of: dict[tuple, list] = {}
    numbers = frame["source_row"] if "source_row" in frame else [None] * len(frame)
    for kind, name, row in zip(frame["source_kind"], frame["source_name"], numbers):
        rows_of.setdefault((kind, name), []).append(row)
    return [source_text(kind, name, rows, lang) for (kind, name), rows in sorted(rows_of.items())]


def _has_sample(frame: pd.DataFrame) -> bool:
    return bool(len(frame)) and bool((frame["source_kind"] == "sample").any())


def _source_line(texts: list[str], lang: str, sample: bool = False) -> html.P | None:
    if not texts:
        return None
    return html.P(
        [t("detail.source_line", lang, source="; ".join(texts)), " " if sample else None, sample_badge(lang, sample)],
        className="detail-source",
    )


# --- pieces ----------------------------------------------------------------------------------


def section(title: str, children, **options) -> html.Section:
    """A panel; a list of children is wrapped once (the renderer does not flatten nested lists)."""
    return panel(title, html.Div(children) if isinstance(children, list) else children, **options)


def _value(value) -> str | None:
    if is_missing(value):
        return None
    text = str(value).strip()
    return text or None


def _paragraphs(text: str | None) -> list:
    return [html.P(line.strip()) for line in (text or "").splitlines() if line.strip()]


def _fact(label: str, value, extra=None) -> html.Div:
    return html.Div(
        [html.Dt(label), html.Dd([value if value not in (None, "") else "—", extra])], className="detail-fact"
    )


def _list(names) -> html.Ul | str:
    names = [n for n in names if n]
    if not names:
        return "—"
    return html.Ul([html.Li(n) for n in names], className="detail-list")


def _period(c: dict, lang: str) -> str:
    def one(date, raw):
        return fmt_date(date, lang, "month") if _value(date) else (_value(raw) or "?")

    if not any(_value(c.get(k)) for k in ("start_date", "end_date", "start_raw", "end_raw")):
        return "—"
    return f"{one(c.get('start_date'), c.get('start_raw'))} – {one(c.get('end_date'), c.get('end_raw'))}"


def _safe_url(url) -> str | None:
    url = _value(url)
    return url if url and re.match(r"^https?://", url) else None


def _glance(data: queries.CommitmentPage, ctx: PageContext) -> html.Section:
    lang, c, support, areas = ctx.lang, data.commitment, data.support, data.areas
    plan = f"{_value(c.get('plan_title')) or c['action_plan_id']} ({c['action_plan_id']})"
    if data.implementation:
        code = data.implementation
        implementation = html.Span(
            [
                html.Span(vocab_label("status", code, lang), className=f"status-pill status-{code}"),
                " ",
                t(
                    "detail.implementation_value",
                    lang,
                    progress=fmt_percent(data.progress, lang),
                    n=fmt_number(len(data.milestones), lang),
                ),
            ]
        )
        sample = _has_sample(data.milestones)
    else:
        implementation, sample = t("detail.no_milestones_short", lang), False
    url = _safe_url(c.get("url"))
    facts = [
        _fact(t("detail.plan", lang), plan),
        _fact(t("detail.cycle", lang), _value(c.get("cycle_year")) and str(int(c["cycle_year"]))),
        _fact(t("detail.status", lang), vocab_label("commitment_status", _value(c.get("status")), lang)),
        _fact(t("detail.period", lang), _period(c, lang)),
        _fact(t("detail.lead_institution", lang), _value(c.get("lead_institution"))),
        _fact(t("detail.support", lang), _list(support["name"]) if len(support) else None),
        _fact(t("detail.areas", lang), _list(areas["name"]) if len(areas) else None),
        _fact(t("detail.theme", lang), _value(c.get("theme"))) if _value(c.get("theme")) else None,
        _fact(t("detail.implementation", lang), implementation, sample_badge(lang, sample)),
        _fact(t("detail.method", lang), vocab_label("irm_method", c["method"], lang)),
        _fact(
            t("detail.ogp_page", lang),
            html.A(t("detail.ogp_link", lang), href=url, target="_blank", rel="noopener noreferrer") if url else None,
        ),
    ]
    own = source_text(c["source_kind"], c["source_name"], c.get("source_row"), lang)
    return section(
        t("detail.glance", lang),
        [html.Dl([f for f in facts if f], className="detail-facts"), _source_line([own], lang)],
        section_id="detail-glance",
    )


def _irm_value(c: dict, field: str, lang: str) -> tuple[str, str]:
    """(assessment as shown, text as given in the source)."""
    raw = _value(c.get(f"{field}_raw"))
    if field == "starred":
        return starred_text(c, lang), raw or "—"
    if field.startswith("value_"):
        flag = c.get(field)
        shown = "—" if _value(flag) is None else vocab_label("irm", "Yes" if bool(flag) else "No", lang)
        return (shown if _value(flag) is not None else (raw or "—")), raw or "—"
    return irm_label(_value(c.get(field)), raw, lang), raw or "—"


def irm_rows(c: dict, lang: str) -> list[tuple[str, str, str, str, bool]]:
    """The IRM review's rows: (field, assessment, text in the source, methodology, of this commitment's methodology)."""
    method = c["method"]
    rows = []
    for field, field_method in queries.IRM_FIELDS:
        raw = _value(c.get(f"{field}_raw"))
        if field_method not in (method, queries.BOTH) and raw is None:
            continue  # a field of the other methodology that the source leaves empty
        shown, given = _irm_value(c, field, lang)
        rows.append(
            (
                t(f"detail.irm.{field}", lang),
                shown,
                given,
                t(f"explorer.method_short.{field_method}", lang),
                field_method in (method, queries.BOTH),
            )
        )
    return rows


def _irm_review(c: dict, lang: str) -> html.Section:
    method = c["method"]
    fields = irm_rows(c, lang)
    rows = [
        html.Tr(
            [
                html.Th(field, scope="row"),
                html.Td(shown, className="irm-value"),
                html.Td(given, className="irm-raw"),
                html.Td(field_method, className="irm-method"),
            ],
            className="irm-own" if mine else "irm-other",
        )
        for field, shown, given, field_method, mine in fields
    ]
    facts = [
        _fact(t("detail.irm_report", lang), _value(c.get("irm_report"))),
        _fact(t("detail.irm_progress_year", lang), _value(c.get("irm_progress_year"))),
        _fact(t("detail.irm_end_year", lang), _value(c.get("irm_end_year"))),
    ]
    table = table_region(
        html.Table(
            [
                html.Thead(
                    html.Tr(
                        [
                            html.Th(t(k, lang), scope="col")
                            for k in (
                                "detail.irm_field",
                                "detail.irm_value",
                                "detail.irm_raw",
                                "detail.irm_methodology",
                            )
                        ]
                    )
                ),
                html.Tbody(rows),
            ],
            className="table table-sm detail-table irm-table",
            id="detail-irm-table",
        ),
        t("detail.irm", lang),
    )
    badge = with_downloads(
        html.Span(vocab_label("irm_method", method, lang), className="badge method-badge"),
        exports.irm_table(
            c, fields, lang, [source_text(c["source_kind"], c["source_name"], c.get("source_row"), lang)]
        ),
    )
    return section(
        t("detail.irm", lang),
        [
            html.P(
                t("detail.irm_method", lang, method=t(f"explorer.method_in_text.{method}", lang)),
                className="detail-method",
            ),
            html.Dl(facts, className="detail-facts detail-facts-compact"),
            table,
        ],
        badge=badge,
        section_id="detail-irm",
        help_text=t("detail.irm_help", lang),
    )


def _text(c: dict, lang: str) -> html.Section:
    blocks = []
    has_parts = bool(_value(c.get("problem")) or _value(c.get("description")))
    for field, key in (("problem", "detail.problem"), ("description", "detail.description")):
        if _value(c.get(field)):
            blocks.append(
                html.Details(
                    [html.Summary(t(key, lang)), html.Div(_paragraphs(c[field]), className="detail-prose")], open=True
                )
            )
    if _value(c.get("full_text")):
        blocks.append(
            html.Details(
                [
                    html.Summary(t("detail.full_text", lang)),
                    html.Div(_paragraphs(c["full_text"]), className="detail-prose"),
                ],
                open=not has_parts,
            )
        )
    body = blocks or [html.P(t("detail.no_text", lang), className="detail-none")]
    return section(t("detail.text", lang), body, section_id="detail-text")


def _milestone_rows(flagged: pd.DataFrame, lang: str, evidence_column: bool) -> list:
    def day(value) -> str:
        return fmt_date(value, lang) if _value(value) else "—"

    rows = []
    for m in flagged.to_dict("records"):
        flag = "late" if m["late"] else ("at_risk" if m["at_risk"] else None)
        evidence = _safe_url(m.get("evidence_url"))
        note = _value(m.get("note"))
        rows.append(
            html.Tr(
                [
                    html.Td(int(m["number"])),
                    # The responsible body under the title: one column fewer, so the table fits its panel.
                    html.Td(
                        [
                            m["title"],
                            html.Div(
                                t("detail.ms.responsible_value", lang, body=_value(m.get("responsible")) or "—"),
                                className="detail-responsible",
                            ),
                            html.Div(note, className="detail-note") if note else None,
                        ],
                        className="detail-wrap",
                    ),
                    html.Td([day(m["planned_start"]), " –", html.Br(), day(m["planned_end"])]),
                    html.Td(day(m["actual_end"])),
                    html.Td(
                        [
                            html.Span(
                                vocab_label("status", m["status"], lang), className=f"status-pill status-{m['status']}"
                            ),
                            html.Br() if flag else None,
                            html.Span(vocab_label("status", flag, lang), className=f"status-pill status-{flag}")
                            if flag
                            else None,
                        ],
                        className="detail-status",
                    ),
                    html.Td(fmt_percent(m["progress"], lang), className="num"),
                    html.Td(fmt_percent(m["expected"], lang), className="num"),
                    html.Td(
                        html.A(
                            t("detail.ms.evidence_link", lang),
                            href=evidence,
                            target="_blank",
                            rel="noopener noreferrer",
                        )
                        if evidence
                        else "—"
                    )
                    if evidence_column
                    else None,
                ]
            )
        )
    return rows


def _milestones(flagged: pd.DataFrame, ctx: PageContext) -> html.Section:
    lang = ctx.lang
    if flagged.empty:
        return section(
            t("detail.milestones", lang),
            html.P(t("detail.no_milestones", lang), className="detail-none"),
            section_id="detail-milestones",
        )
    from data.vocab import AT_RISK_MARGIN

    # The evidence column only when some milestone links to evidence.
    evidence = any(_safe_url(u) for u in flagged["evidence_url"])
    headers = (
        "number",
        "title",
        "planned",
        "actual_end",
        "status",
        "progress",
        "expected",
        *(("evidence",) if evidence else ()),
    )
    table = table_region(
        html.Table(
            [
                html.Thead(html.Tr([html.Th(t(f"detail.ms.{h}", lang), scope="col") for h in headers])),
                html.Tbody(_milestone_rows(flagged, lang, evidence)),
            ],
            className="table table-sm detail-table milestone-table",
            id="detail-milestone-table",
        ),
        t("detail.milestones", lang),
    )
    sample = _has_sample(flagged)
    return section(
        t("detail.milestones", lang),
        [
            described_graph(
                dcc.Graph(
                    figure=for_display(
                        milestone_timeline(flagged, lang, ctx.today),
                        projector=ctx.params.get("projector") in (True, "True"),
                    ),
                    id="detail-timeline",
                    config=graph_config(lang),
                ),
                milestone_timeline_summary(flagged, lang, ctx.today),
                lang,
                sample=sample,
            ),
            table,
            _source_line(sources_of(flagged, lang), lang, sample),
        ],
        badge=with_downloads(
            sample_badge(lang, sample), exports.milestones_table(flagged, ctx, sample, sources_of(flagged, lang))
        ),
        section_id="detail-milestones",
        help_text=t(
            "detail.milestones_help",
            lang,
            margin=fmt_number(AT_RISK_MARGIN, lang),
            today=fmt_date(ctx.today, lang, "long"),
        ),
    )


def _history(
    milestones: pd.DataFrame,
    events: pd.DataFrame,
    rolled: pd.DataFrame,
    commitment_id: str,
    lang: str,
    *,
    projector: bool = False,
) -> html.Section | None:
    if milestones.empty:
        return None
    if events.empty:
        return section(
            t("detail.history", lang),
            html.P(t("detail.no_history", lang), className="detail-none"),
            section_id="detail-history",
        )
    sample = _has_sample(events)
    return section(
        t("detail.history", lang),
        [
            described_graph(
                dcc.Graph(
                    figure=for_display(progress_history(events, rolled, lang), projector=projector),
                    id="detail-history-graph",
                    config=graph_config(lang),
                ),
                progress_history_summary(events, rolled, lang),
                lang,
                sample=sample,
            ),
            _source_line(sources_of(events, lang), lang, sample),
        ],
        badge=sample_badge(lang, sample),
        section_id="detail-history",
        help_text=t(
            "detail.history_help",
            lang,
            n=fmt_number(len(events), lang),
            last=fmt_date(max(events["date"]), lang, "long"),
        ),
    )


def _forums(forums: pd.DataFrame, ctx: PageContext) -> html.Section:
    lang = ctx.lang
    if forums.empty:
        return section(
            t("detail.forums", lang),
            html.P(t("detail.no_forums", lang), className="detail-none"),
            section_id="detail-forums",
        )
    keep = {"lang": lang, "country": ctx.params.get("country")}
    items = []
    for f in forums.to_dict("records"):
        relation = [t("detail.forum_created", lang)] if f["created_by"] else []
        relation += [t("detail.forum_follows", lang)] if f["follows"] else []
        start = fmt_date(f["created"], lang) if _value(f["created"]) else "?"
        dates = (
            t("detail.forum_dates_ended", lang, start=start, end=fmt_date(f["ended"], lang))
            if _value(f["ended"])
            else t("detail.forum_dates", lang, start=start)
        )
        details = [
            vocab_label("forum_kind", f["kind"], lang),
            _value(f.get("sector")),
            _value(f.get("legal_basis")),
            dates,
        ]
        items.append(
            html.Li(
                [
                    dcc.Link(
                        f["name"], href="/forums" + to_query({**keep, "forums": [f["code"]]}), className="forum-link"
                    ),
                    html.Span(f" ({f['code']})", className="forum-code"),
                    html.Div(" · ".join(d for d in details if d), className="forum-meta"),
                    html.Div(" · ".join(relation), className="forum-relation"),
                ]
            )
        )
    together = None
    if len(forums) > 1:
        together = html.P(
            dcc.Link(
                t("detail.forums_all", lang),
                href="/forums" + to_query({**keep, "forums": list(forums["code"])}),
                id="detail-forums-together",
            )
        )
    sample = _has_sample(forums)
    return section(
        t("detail.forums", lang),
        [html.Ul(items, className="detail-forums"), together, _source_line(sources_of(forums, lang), lang, sample)],
        badge=sample_badge(lang, sample),
        section_id="detail-forums",
    )


def _participation(records: pd.DataFrame, lang: str, params: dict | None = None) -> html.Section:
    if records.empty:
        return section(
            t("detail.participation", lang),
            html.P(t("detail.no_participation", lang), className="detail-none"),
            section_id="detail-participation",
        )
    blocks, rows = [], []  # rows: the tables as one, for the download
    sums = ["records", "participants", "received", "answered"]
    for via, group in records.groupby("via", sort=False):
        by_channel = group.groupby("channel", sort=False)[sums].sum().sort_values("records", ascending=False)
        rows += [
            [t(f"detail.via.{via}", lang), vocab_label("channel", channel, lang), *map(int, row)]
            for channel, row in zip(by_channel.index, by_channel.to_numpy())
        ]
        body = [
            html.Tr(
                [
                    html.Th(vocab_label("channel", channel, lang), scope="row"),
                    *[html.Td(fmt_number(int(v), lang), className="num") for v in row],
                ]
            )
            for channel, row in zip(by_channel.index, by_channel.to_numpy())
        ]
        blocks.append(html.H3(t(f"detail.via.{via}", lang), className="detail-subtitle"))
        blocks.append(
            table_region(
                html.Table(
                    [
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(t(f"detail.pt.{k}", lang), scope="col")
                                    for k in ("channel", "records", "participants", "received", "answered")
                                ]
                            )
                        ),
                        html.Tbody(body),
                    ],
                    className="table table-sm detail-table participation-table",
                ),
                t(f"detail.via.{via}", lang),
            )
        )
    sample = _has_sample(records)
    sources = [
        t("detail.src.name", lang, source=t(f"source.{k}", lang), name=n)
        for k, n in records[["source_kind", "source_name"]].drop_duplicates().itertuples(index=False)
    ]
    download = exports.participation_table(rows, lang, params or {}, sample, sources)
    return section(
        t("detail.participation", lang),
        [*blocks, _source_line(sources, lang, sample)],
        badge=with_downloads(sample_badge(lang, sample), download),
        section_id="detail-participation",
    )


def source_rows(
    c: dict, support, areas, milestones, events, forums, participation, lang: str
) -> list[tuple[str, list[str], bool]]:
    """The sources table's rows: (message key of the fact, its sources, whether any is a sample)."""
    own = source_text(c["source_kind"], c["source_name"], c.get("source_row"), lang)
    rows = [
        ("detail.src.commitment", [own], False),
        (
            "detail.src.plan",
            [source_text(c["plan_source_kind"], c["plan_source_name"], c.get("plan_source_row"), lang)],
            False,
        ),
    ]
    if _value(c.get("lead_source_kind")):
        rows.append(
            (
                "detail.src.lead",
                [source_text(c["lead_source_kind"], c["lead_source_name"], c.get("lead_source_row"), lang)],
                False,
            )
        )
    for key, frame in (
        ("detail.src.support", support),
        ("detail.src.areas", areas),
        ("detail.src.milestones", milestones),
        ("detail.src.events", events),
        ("detail.src.forums", forums),
    ):
        if len(frame):
            rows.append((key, sources_of(frame, lang), _has_sample(frame)))
    if len(participation):
        rows.append(
            (
                "detail.src.participation",
                [
                    t("detail.src.name", lang, source=t(f"source.{k}", lang), name=n)
                    for k, n in participation[["source_kind", "source_name"]].drop_duplicates().itertuples(index=False)
                ],
                _has_sample(participation),
            )
        )
    return rows


def _sources(c: dict, support, areas, milestones, events, forums, participation, lang: str) -> html.Section:
    rows = source_rows(c, support, areas, milestones, events, forums, participation, lang)
    body = [
        html.Tr(
            [
                html.Th(t(key, lang), scope="row"),
                html.Td(["; ".join(texts), " " if sample else None, sample_badge(lang, sample)]),
            ]
        )
        for key, texts, sample in rows
    ]
    return section(
        t("detail.sources", lang),
        table_region(
            html.Table(
                [
                    html.Thead(
                        html.Tr(
                            [
                                html.Th(t("detail.src.fact", lang), scope="col"),
                                html.Th(t("detail.src.source", lang), scope="col"),
                            ]
                        )
                    ),
                    html.Tbody(body),
                ],
                className="table table-sm detail-table sources-table",
            ),
            t("detail.sources", lang),
        ),
        section_id="detail-sources",
        badge=with_downloads(None, exports.sources_table(c, rows, lang)),
    )


# --- the page ------------------------------------------------------------------------------------


def not_found(ctx: PageContext, commitment_id: str) -> html.Div:
    """A friendly page with a search box that opens the explorer with the search filled in."""
    shown = commitment_id[:40]
    prefill = read("q", commitment_id[:100]) or ""
    hidden = [
        dcc.Input(type="hidden", name=name, value=ctx.params[name])
        for name in ("lang", "country")
        if ctx.params.get(name)
    ]
    return html.Div(
        [
            page_heading(t("detail.not_found", ctx.lang)),
            html.P(t("detail.not_found_body", ctx.lang, id=shown)),
            html.Form(
                [
                    html.Label(t("detail.search_label", ctx.lang), htmlFor="detail-search-q", className="form-label"),
                    html.Div(
                        [
                            dcc.Input(
                                id="detail-search-q",
                                name="q",
                                type="search",
                                value=prefill,
                                maxLength=100,
                                className="search-input",
                                autoComplete="off",
                            ),
                            html.Button(
                                t("detail.search", ctx.lang),
                                type="submit",
                                className="btn btn-primary",
                                id="detail-search-submit",
                            ),
                        ],
                        className="detail-search-row",
                    ),
                    *hidden,
                ],
                action="/commitments",
                method="get",
                role="search",
                className="detail-search",
            ),
        ],
        className="not-found",
    )


def layout(ctx: PageContext):
    commitment_id = read_path("commitment_id", ctx.path_args)
    page = None
    if commitment_id is not None:
        # The data is cached by data version ("no such commitment" too); the page is drawn from it.
        data = cached(ctx.db_url, queries.commitment_page, commitment_id, ctx.today)
        if data is not None:
            # The page depends on the language, today and the global filters its links keep.
            kept = tuple(sorted((k, str(v)) for k, v in ctx.params.items() if k in GLOBAL))
            page = draw(data, ctx.db_url, ctx.lang, kept, ctx.today)
    return page if page is not None else not_found(ctx, str(ctx.path_args.get("commitment_id", "")))


def render(url: str, commitment_id: str, lang: str, kept: tuple, today) -> html.Div | None:
    """The whole page read afresh (no cache), or None for an unknown id."""
    data = queries.commitment_page(url, commitment_id, today)
    return None if data is None else draw(data, url, lang, kept, today)


def draw(data: queries.CommitmentPage, url: str, lang: str, kept: tuple, today) -> html.Div:
    """The whole page for one commitment's data."""
    # ``kept`` holds the values as text: projector mode is "True".
    ctx = PageContext(lang=lang, params=dict(kept), db_url=url, today=today)
    c = data.commitment
    lead = t("detail.lead", lang, plan=_value(c.get("plan_title")) or c["action_plan_id"], country=c["country_name"])
    back = dcc.Link(
        "← " + t("detail.back", lang), href="/commitments" + global_query(ctx.params), className="detail-back"
    )
    return html.Div(
        [
            back,
            page_heading(f"{c['id']} · {display_title(c, lang)}", lead),
            html.Div(
                [
                    html.Div([_glance(data, ctx), _irm_review(c, lang)], className="detail-side"),
                    html.Div(
                        [
                            _milestones(data.milestones, ctx),
                            _history(
                                data.milestones,
                                data.events,
                                data.history,
                                c["id"],
                                lang,
                                projector=ctx.params.get("projector") in (True, "True"),
                            ),
                            _text(c, lang),
                            _forums(data.forums, ctx),
                            _participation(
                                data.participation, lang, {"country": c["country_code"], "commitment": c["id"]}
                            ),
                        ],
                        className="detail-main",
                    ),
                ],
                className="detail-layout",
            ),
            _sources(c, data.support, data.areas, data.milestones, data.events, data.forums, data.participation, lang),
        ],
        className="commitment-detail",
    )


PAGE = Page(
    name="commitment_detail",
    path="/commitments/<commitment_id>",
    title_key="detail.not_found",
    layout=layout,
    nav="commitments",
    sample="/commitments/PE0066",
)
