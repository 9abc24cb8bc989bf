"""Commitment explorer: /commitments

Every commitment of the country in an AG Grid (quick search, column filters,
sorting, downloads of the rows shown) and, beside it, the IRM panels for the
rows the grid shows: potential impact x completion and potential for results x
completion (one per IRM methodology, never mixed), "did it open government?"
and the starred commitments.  Callbacks: callbacks/explorer.py.
"""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd
from dash import dcc, html

from dashboard import ids
from dashboard.components.chart import described_graph
from dashboard.components.common import dom_id, empty_state, page_heading, sample_badge, section
from dashboard.components.downloads import table_downloads
from dashboard.components.explorer_table import column_defs, display_title
from dashboard.components.filters import dropdown_filter, filter_bar
from dashboard.components.grid_locale import grid_locale
from dashboard.export_files import ExportTable
from dashboard.figures.explorer import diog_bars, diog_summary, irm_heatmap, irm_heatmap_summary
from dashboard.i18n import add, fmt_number, t, vocab_label
from dashboard.pages import Page, PageContext
from dashboard.state import global_query
from dashboard.theme import for_display, graph_config
from data import commitment_list, irm
from data.vocab import IRM_METHODOLOGIES

add(
    {
        "commitments.title": {"es": "Explorador de compromisos", "en": "Commitment explorer"},
        "commitments.lead": {
            "es": "Todos los compromisos con su evaluación del IRM.",
            "en": "Every commitment with its IRM assessment.",
        },
        "explorer.filter_method": {"es": "Metodología IRM", "en": "IRM methodology"},
        "explorer.search": {"es": "Buscar", "en": "Search"},
        "explorer.search_placeholder": {
            "es": "Código, título, institución, área…",
            "en": "Id, title, institution, area…",
        },
        "explorer.table_title": {"es": "Compromisos", "en": "Commitments"},
        "explorer.grid_help": {
            "es": "Filtre y ordene desde los encabezados de columna. Pulse una fila para abrir el compromiso.",
            "en": "Filter and sort from the column headers. Click a row to open the commitment.",
        },
        "explorer.shown": {"es": "{n} de {total} compromisos", "en": "{n} of {total} commitments"},
        "explorer.downloads": {"es": "Descargar las filas mostradas", "en": "Download the rows shown"},
        "explorer.no_milestones": {
            "es": "Ninguno de estos {n} compromisos tiene hitos cargados: el avance y el estado de implementación aparecen como «Sin datos».",
            "en": "None of these {n} commitments has milestones loaded: progress and implementation status show as “No data”.",
        },
        "explorer.sample_note": {
            "es": "El avance y el estado de implementación vienen de hitos de muestra.",
            "en": "Progress and implementation status come from sample milestones.",
        },
        "explorer.panels": {
            "es": "Evaluación del IRM de las filas mostradas",
            "en": "IRM assessment of the rows shown",
        },
        "explorer.panels_intro": {
            "es": "{rated} de {n} compromisos tienen alguna calificación del IRM en los datos cargados.",
            "en": "{rated} of {n} commitments have an IRM rating in the loaded data.",
        },
        "explorer.import_hint": {
            "es": "Para ver evaluaciones del IRM, importe la hoja de compromisos de OGP en «Datos».",
            "en": "To see IRM assessments, import OGP's commitment sheet under “Data”.",
        },
        "explorer.matrix.irm_classic": {
            "es": "Impacto potencial × cumplimiento",
            "en": "Potential impact × completion",
        },
        "explorer.matrix.irm_2021": {
            "es": "Potencial de resultados × cumplimiento",
            "en": "Potential for results × completion",
        },
        "explorer.matrix_help": {
            "es": "Calificados en ambas escalas: n = {rated} de {total} compromisos con esta metodología. Cumplimiento: el de fin de término si existe; si no, el del informe de avance.",
            "en": "Rated on both scales: n = {rated} of {total} commitments under this methodology. Completion: end of term when there is one, else the progress report.",
        },
        "explorer.matrix_none": {
            "es": "Ninguno de los {total} compromisos evaluados con la {method} tiene ambas calificaciones en los datos cargados (el IRM no los calificó o la hoja dice ND, NR…).",
            "en": "None of the {total} commitments under the {method} has both ratings in the loaded data (not rated by the IRM, or the sheet says ND, NR…).",
        },
        "explorer.matrix_no_method": {
            "es": "Ninguno de estos compromisos se evalúa con la {method}.",
            "en": "None of these commitments falls under the {method}.",
        },
        "explorer.diog_title": {"es": "¿Abrió el gobierno?", "en": "Did it open government?"},
        "explorer.diog_help": {
            "es": "Calificados: n = {rated}; sin evaluar (ND, NR…), contados aparte: {missing}.",
            "en": "Rated: n = {rated}; not assessed (ND, NR…), counted apart: {missing}.",
        },
        "explorer.diog_recent": {
            "es": "{recent} de los calificados son de planes de 2020 evaluados con la metodología desde 2021, que también lo califica.",
            "en": "{recent} of those rated are from 2020 plans assessed under the methodology from 2021, which rates it too.",
        },
        "explorer.diog_none": {
            "es": "El IRM no calificó si abrió el gobierno ninguno de los {total} compromisos de estas filas (ND, NR… o sin dato).",
            "en": "The IRM rated none of the {total} commitments in these rows on whether it opened government (ND, NR… or nothing).",
        },
        "explorer.starred_title": {"es": "Compromisos destacados", "en": "Starred commitments"},
        "explorer.starred_count": {
            "es": "Destacados por el IRM: {n}",
            "en": "Starred by the IRM: {n}",
        },
        "explorer.starred_help": {
            "es": "La estrella la da la metodología IRM hasta 2020 a compromisos ambiciosos y avanzados.",
            "en": "The IRM methodology until 2020 gives the star to ambitious, well-advanced commitments.",
        },
        "explorer.starred_none": {
            "es": "Ningún compromiso de estas filas está destacado por el IRM.",
            "en": "No commitment in these rows is starred by the IRM.",
        },
        "explorer.empty": {
            "es": "Ningún compromiso coincide con estos filtros.",
            "en": "No commitment matches these filters.",
        },
        "explorer.loading": {"es": "Cargando compromisos…", "en": "Loading commitments…"},
    }
)

PAGE_NAME = "commitments"
GRID = "explorer-grid"
SHOWN = "explorer-shown-ids"  # ids of the rows the grid shows, in its order
CONTEXT = "explorer-context"  # language and country the page was drawn for
NOTES = "explorer-notes"
SUMMARY = "explorer-summary"
PANELS = "explorer-panels"
EXPORT = "explorer-commitments"  # the downloads' table name (callbacks/table_downloads.py builds its rows)
FILTERS = ("plan", "area", "institution", "status", "method", "q")


def _search_box(ctx: PageContext) -> html.Div:
    component_id = ids.filter_id("q")
    return html.Div(
        [
            html.Label(t("explorer.search", ctx.lang), htmlFor=dom_id(component_id), className="form-label"),
            dcc.Input(
                id=component_id,
                type="search",
                value=ctx.params.get("q") or "",
                debounce=0.4,
                maxLength=100,
                autoComplete="off",
                placeholder=t("explorer.search_placeholder", ctx.lang),
                className="search-input",
            ),
        ],
        className="explorer-search",
        role="search",
    )


def _method_filter(ctx: PageContext) -> html.Div:
    options = [{"label": vocab_label("irm_method", m, ctx.lang), "value": m} for m in IRM_METHODOLOGIES]
    return dropdown_filter(ctx, "method", options, label_key="explorer.filter_method")


def _grid(ctx: PageContext) -> dag.AgGrid:
    return dag.AgGrid(
        id=GRID,
        rowData=[],
        columnDefs=column_defs(ctx.lang),
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "filter": True,
            "floatingFilter": True,
            "suppressHeaderMenuButton": False,
        },
        getRowId="params.data.id",
        dashGridOptions={
            "localeText": grid_locale(ctx.lang),
            "tooltipShowDelay": 300,
            "enableCellTextSelection": True,
            "ensureDomOrder": True,
            "rowHeight": 38,
            "animateRows": False,
        },
        className="explorer-grid",
        style={"height": "720px", "width": "100%"},
    )


def layout(ctx: PageContext):
    downloads = html.Div(
        table_downloads(export_table(ctx.lang, {**ctx.params, "lang": None}, [], False)),
        className="explorer-downloads",
    )
    table = html.Section(
        [
            html.Div(
                [
                    html.H2(
                        t("explorer.table_title", ctx.lang), className="section-title", id="explorer-table-heading"
                    ),
                    html.P(id=SUMMARY, className="explorer-summary", **{"aria-live": "polite"}),
                    downloads,
                ],
                className="explorer-toolbar",
            ),
            _search_box(ctx),
            html.P(t("explorer.grid_help", ctx.lang), className="section-help"),
            html.Div(id=NOTES, className="explorer-notes"),
            _grid(ctx),
        ],
        className="panel explorer-table",
        **{"aria-labelledby": "explorer-table-heading"},
    )
    side = html.Aside(
        [
            html.H2(t("explorer.panels", ctx.lang), className="explorer-side-title"),
            html.Div(html.P(t("explorer.loading", ctx.lang), className="section-help"), id=PANELS),
        ],
        className="explorer-side",
        **{"aria-label": t("explorer.panels", ctx.lang)},
    )
    return html.Div(
        [
            page_heading(t("commitments.title", ctx.lang), t("commitments.lead", ctx.lang)),
            filter_bar(ctx, extra=(_method_filter(ctx),)),
            html.Div([table, side], className="explorer-layout"),
            dcc.Store(id=SHOWN, storage_type="memory"),
            dcc.Store(
                id=CONTEXT,
                data=ctx.store(),
            ),
        ],
        className="explorer",
    )


# --- pieces the callbacks draw -------------------------------------------------------------------


def export_table(lang: str, params: dict, keys: list[str], grid_filtered: bool) -> ExportTable:
    """The rows the grid shows, as they download: ids only; their rows are read at the click."""
    return ExportTable(
        view=PAGE_NAME,
        name=EXPORT,
        title=t("explorer.sheet", lang),
        lang=lang,
        params=params,
        lazy=True,
        keys=keys,
        file_extra=[t("explorer.file_filtered", lang)] if grid_filtered else [],
    )


def notes(frame: pd.DataFrame, lang: str) -> list:
    """What the grid's progress columns rest on: sample milestones, or none at all."""
    summary = commitment_list.scope_summary(frame)
    out = []
    if summary["commitments"] and summary["with_milestones"] == 0:
        out.append(
            html.P(
                t("explorer.no_milestones", lang, n=fmt_number(summary["commitments"], lang)), className="explorer-note"
            )
        )
    if summary["sample"]:
        out.append(html.P([sample_badge(lang), " ", t("explorer.sample_note", lang)], className="explorer-note"))
    return out


def irm_panels(frame: pd.DataFrame, lang: str, country: str | None, *, projector: bool = False) -> list:
    """The IRM panels for the rows the grid shows (sized for a projector when asked)."""
    if frame.empty:
        return [empty_state(lang, t("explorer.empty", lang), page=PAGE_NAME)]
    rated = int(irm.irm_rated(frame).sum())
    intro = [
        html.P(
            t("explorer.panels_intro", lang, rated=fmt_number(rated, lang), n=fmt_number(len(frame), lang)),
            className="section-help",
        )
    ]
    if rated == 0:
        intro.append(
            html.P(
                dcc.Link(
                    t("explorer.import_hint", lang), href="/data" + global_query({"lang": lang, "country": country})
                ),
                className="section-help",
            )
        )
    return [
        *intro,
        *[_matrix_panel(frame, method, lang, projector) for method in IRM_METHODOLOGIES],
        _diog_panel(frame, lang, projector),
        _starred_panel(frame, lang, country),
    ]


def _method_name(method: str, lang: str) -> str:
    """The methodology's name inside a sentence."""
    return t(f"explorer.method_in_text.{method}", lang)


def _matrix_panel(frame: pd.DataFrame, method: str, lang: str, projector: bool = False) -> html.Section:
    matrix = irm.irm_matrix(frame, method)
    name = _method_name(method, lang)
    title = t(f"explorer.matrix.{method}", lang)
    badge = html.Span(vocab_label("irm_method", method, lang), className="badge method-badge")
    if matrix.total == 0:
        body = html.P(t("explorer.matrix_no_method", lang, method=name), className="explorer-none")
    elif matrix.rated == 0:
        body = html.P(
            t("explorer.matrix_none", lang, total=fmt_number(matrix.total, lang), method=name),
            className="explorer-none",
        )
    else:
        body = html.Div(
            [
                html.P(
                    t(
                        "explorer.matrix_help",
                        lang,
                        rated=fmt_number(matrix.rated, lang),
                        total=fmt_number(matrix.total, lang),
                    ),
                    className="section-help",
                ),
                described_graph(
                    dcc.Graph(
                        id=f"explorer-{method}-graph",
                        figure=for_display(irm_heatmap(matrix.counts, lang, method=method), projector=projector),
                        config=graph_config(lang),
                        className="explorer-graph",
                    ),
                    irm_heatmap_summary(matrix.counts, lang, method=method),
                    lang,
                ),
            ]
        )
    return section(title, body, badge=badge, section_id=f"explorer-matrix-{method}")


def _diog_panel(frame: pd.DataFrame, lang: str, projector: bool = False) -> html.Section:
    dist = irm.diog_distribution(frame)
    missing = int(dist.loc[dist["level"] == "not_assessed", "count"].sum())
    rated = int(dist["count"].sum()) - missing
    recent = int(dist["count_2021"].sum())
    if rated == 0:
        body = html.P(t("explorer.diog_none", lang, total=fmt_number(len(frame), lang)), className="explorer-none")
    else:
        body = html.Div(
            [
                html.P(
                    t("explorer.diog_help", lang, rated=fmt_number(rated, lang), missing=fmt_number(missing, lang)),
                    className="section-help",
                ),
                html.P(t("explorer.diog_recent", lang, recent=fmt_number(recent, lang)), className="section-help")
                if recent
                else None,
                described_graph(
                    dcc.Graph(
                        id="explorer-diog-graph",
                        figure=for_display(diog_bars(dist, lang), projector=projector),
                        config=graph_config(lang),
                        className="explorer-graph",
                    ),
                    diog_summary(dist, lang),
                    lang,
                ),
            ]
        )
    return section(t("explorer.diog_title", lang), body, section_id="explorer-diog")


def _starred_panel(frame: pd.DataFrame, lang: str, country: str | None) -> html.Section:
    stars = irm.starred(frame)
    query = global_query({"lang": lang, "country": country})
    if stars.empty:
        body = html.P(t("explorer.starred_none", lang), className="explorer-none")
    else:
        items = [
            html.Li(
                [
                    dcc.Link(row["id"], href=f"/commitments/{row['id']}{query}", className="starred-id"),
                    " ",
                    html.Span(display_title(row, lang), className="starred-title"),
                    html.Span(f" · {row['plan_label']}", className="starred-plan"),
                ]
            )
            for row in stars.to_dict("records")
        ]
        body = html.Div(
            [
                html.P(
                    [
                        html.Span("★ ", **{"aria-hidden": "true"}),
                        t("explorer.starred_count", lang, n=fmt_number(len(stars), lang)),
                    ],
                    className="starred-count",
                ),
                html.Ul(items, className="starred-list"),
            ]
        )
    return section(
        t("explorer.starred_title", lang),
        body,
        section_id="explorer-starred",
        help_text=t("explorer.starred_help", lang),
    )


def summary_text(shown: int, total: int, lang: str) -> str:
    return t("explorer.shown", lang, n=fmt_number(shown, lang), total=fmt_number(total, lang))


PAGE = Page(
    name=PAGE_NAME,
    path="/commitments",
    title_key="commitments.title",
    layout=layout,
    nav="commitments",
    nav_order=5,
    params=("plan", "area", "institution", "status", "method", "q"),
)
