"""Loaded data: /data

What is loaded (records per table and per source, when, whether sample data is
among them), the whole database to download in the format the importer reads,
blank templates, and how to import.  Downloads go through callbacks/data_page.py.
"""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.common import page_heading, sample_badge, section, table_region
from dashboard.i18n import add, fmt_datetime, fmt_number, t
from dashboard.pages import Page, PageContext

TABLE_NAMES = {
    "countries": ("Países y localidades", "Countries and localities"),
    "action_plans": ("Planes de acción", "Action plans"),
    "institutions": ("Instituciones", "Institutions"),
    "policy_areas": ("Áreas de política", "Policy areas"),
    "commitments": ("Compromisos", "Commitments"),
    "milestones": ("Hitos", "Milestones"),
    "milestone_events": ("Historial de los hitos", "Milestone history"),
    "organizations": ("Organizaciones", "Organizations"),
    "forums": ("Foros multiactor", "Multistakeholder forums"),
    "memberships": ("Membresías de los foros", "Forum memberships"),
    "meetings": ("Reuniones de los foros", "Forum meetings"),
    "attendance": ("Asistencia a las reuniones", "Meeting attendance"),
    "participation": ("Participación ciudadana", "Public participation"),
}
TABLE_HELP = {
    "countries": ("Miembros de OGP: países y localidades.", "OGP members: countries and localities."),
    "action_plans": (
        "Planes de acción nacionales o locales, con los datos de proceso del IRM.",
        "National or local action plans, with the IRM's process facts.",
    ),
    "institutions": (
        "Entidades públicas que lideran o apoyan compromisos.",
        "Public bodies that lead or support commitments.",
    ),
    "policy_areas": ("Áreas de política (temas y etiquetas de OGP).", "Policy areas (OGP's themes and tags)."),
    "commitments": (
        "Compromisos con su evaluación del IRM en ambas metodologías.",
        "Commitments with their IRM assessment under both methodologies.",
    ),
    "milestones": (
        "Hitos de cada compromiso, con su último estado informado.",
        "Each commitment's milestones, with their latest reported state.",
    ),
    "milestone_events": (
        "Actualizaciones de estado de los hitos a lo largo del tiempo.",
        "Milestones' status updates over time (the history).",
    ),
    "organizations": (
        "Organizaciones que integran foros o participan en consultas.",
        "Organizations that sit on forums or take part in consultations.",
    ),
    "forums": (
        "Foros multiactor: nacional, pilotos sectoriales, subnacionales.",
        "Multistakeholder forums: national, sector pilots, subnational.",
    ),
    "memberships": (
        "Quién integra cada foro, como titular o suplente, y por qué periodo.",
        "Who sits on each forum, as titular or suplente, and for which term.",
    ),
    "meetings": ("Reuniones de los foros.", "Forum meetings."),
    "attendance": (
        "Personas en cada reunión, por organización o por tipo de actor.",
        "People at each meeting, per organization or as a count per stakeholder type.",
    ),
    "participation": (
        "Aportes del público por cada canal y cuántos recibieron respuesta.",
        "Contributions from the public through each channel, and how many got an answer.",
    ),
}

add({f"data.table.{name}": {"es": es, "en": en} for name, (es, en) in TABLE_NAMES.items()})
add({f"data.table_help.{name}": {"es": es, "en": en} for name, (es, en) in TABLE_HELP.items()})
add(
    {
        "data.title": {"es": "Datos cargados", "en": "Loaded data"},
        "data.lead": {
            "es": "Qué datos hay, de qué fuente y cómo importarlos.",
            "en": "What data is loaded, from which source, and how to import it.",
        },
        "data.sample_notice": {
            "es": "Esta base incluye datos de muestra generados ({records} registros de «{sources}»). Sirven para "
            "mostrar el tablero y no son datos oficiales; en las páginas se marcan como «Datos de muestra».",
            "en": "This database includes generated sample data ({records} records from “{sources}”). They "
            "demonstrate the dashboard and are not official data; the pages mark them “Sample data”.",
        },
        "data.loaded.title": {"es": "Qué hay cargado", "en": "What is loaded"},
        "data.loaded.help": {
            "es": "Registros por tabla y por fuente: el documento semilla, cada archivo importado y la muestra.",
            "en": "Records per table and per source: the seed document, each imported file and the sample.",
        },
        "data.last_import": {
            "es": "Última importación de un archivo: {when} ({name}).",
            "en": "Last file import: {when} ({name}).",
        },
        "data.no_import": {"es": "Todavía no se importó ningún archivo.", "en": "No file has been imported yet."},
        "data.last_load": {
            "es": "Última carga de datos de cualquier fuente: {when}.",
            "en": "Last data load from any source: {when}.",
        },
        "data.empty": {
            "es": "La base de datos está vacía. Cargue datos con la línea de comandos (vea abajo).",
            "en": "The database is empty. Load data with the command line (see below).",
        },
        "data.col.table": {"es": "Tabla", "en": "Table"},
        "data.col.total": {"es": "Total", "en": "Total"},
        "data.col.loaded_at": {"es": "cargada el {when}", "en": "loaded {when}"},
        "data.total_records": {"es": "Total de registros", "en": "Total records"},
        "data.download.title": {"es": "Descargar", "en": "Download"},
        "data.download.help": {
            "es": "Toda la base en el formato que lee la importación (un CSV por tabla, o un libro XLSX con una hoja "
            "por tabla), o plantillas en blanco con un ejemplo por tabla.",
            "en": "The whole database in the format the importer reads (a CSV per table, or an XLSX workbook with "
            "a sheet per table), or blank templates with an example row per table.",
        },
        "data.download.csv": {"es": "Toda la base en CSV (zip)", "en": "Whole database as CSV (zip)"},
        "data.download.xlsx": {"es": "Toda la base en XLSX", "en": "Whole database as XLSX"},
        "data.download.xlsx_too_long": {
            "es": "Toda la base en XLSX no está disponible: estas tablas tienen más filas de las que caben en una "
            "hoja de Excel (1.048.575): {tables}. Descargue el CSV.",
            "en": "The whole database as XLSX is not available: these tables have more rows than an Excel sheet "
            "holds (1,048,575): {tables}. Download the CSV instead.",
        },
        "data.download.templates": {"es": "Plantillas en blanco (zip)", "en": "Blank templates (zip)"},
        "data.import.title": {"es": "Cómo importar", "en": "How to import"},
        "data.import.intro": {
            "es": "Se importa con la línea de comandos, en el servidor donde está la base de datos. La importación "
            "valida todos los archivos antes de escribir: o se carga todo, o nada. Reconoce la hoja de "
            "compromisos de OGP tal como OGP la publica y las tablas propias del proyecto (CSV o XLSX).",
            "en": "Import with the command line, on the server that holds the database. The import validates every "
            "file before writing: all of it is loaded, or nothing. It reads OGP's commitment sheet as OGP "
            "publishes it and the project's own tables (CSV or XLSX).",
        },
        "data.import.examples": {"es": "Ejemplos", "en": "Examples"},
        "data.import.example_ogp": {
            "es": "importar la hoja de compromisos de OGP",
            "en": "import OGP's commitment sheet",
        },
        "data.import.example_dry": {"es": "solo validar, sin escribir nada", "en": "only validate, write nothing"},
        "data.import.example_tables": {
            "es": "importar tablas del proyecto (una plantilla llena)",
            "en": "import project tables (a filled-in template)",
        },
        "data.import.example_db": {
            "es": "en otra base de datos (PostgreSQL)",
            "en": "into another database (PostgreSQL)",
        },
        "data.import.errors": {
            "es": "Cada problema se informa como ARCHIVO:FILA:COLUMNA: mensaje (las filas se cuentan como en una "
            "hoja de cálculo: el encabezado es la fila 1). Por ejemplo:",
            "en": "Each problem is reported as FILE:ROW:COLUMN: message (rows counted as in a spreadsheet: the "
            "header is row 1). For example:",
        },
        "data.formats.title": {"es": "Formatos de importación", "en": "Import formats"},
        "data.formats.help": {
            "es": "Un archivo CSV (o una hoja XLSX) por tabla, con el nombre de la tabla. Las columnas pueden ir en "
            "cualquier orden; las listas se separan con «;». Las plantillas explican cada columna.",
            "en": "One CSV file (or XLSX sheet) per table, named after the table. Columns may come in any order; "
            "lists are separated with “;”. The templates explain each column.",
        },
        "data.col.file": {"es": "Archivo u hoja", "en": "File or sheet"},
        "data.col.holds": {"es": "Contiene", "en": "Holds"},
        "data.col.required": {"es": "Columnas obligatorias", "en": "Required columns"},
        "data.col.optional": {"es": "Otras columnas", "en": "Other columns"},
        "data.optional_count": {"es": "{n} más", "en": "{n} more"},
    }
)

# Component ids of this page.
# The whole database downloads from this route (callbacks/data_page.py), + "zip" or "xlsx".
EXPORT_ROUTE = "/downloads/ogp-monitor-export."
DOWNLOAD_TEMPLATES = "data-download-templates"
BUTTON_CSV = "data-button-csv"
BUTTON_XLSX = "data-button-xlsx"
BUTTON_TEMPLATES = "data-button-templates"

# An error as the importer reports it (run on a copy of tests/fixtures/project/milestones.csv).
ERROR_EXAMPLE = (
    "milestones.csv:2:planned_end: '2019-02-30' is not a real date: February 2019 has no day 30; correct the day\n"
    "milestones.csv:3:progress: 140 is outside 0–100; write a percentage between 0 and 100\n"
    "2 problem(s); nothing was written. Fix them and import again."
)


def _when(iso: str | None, lang: str) -> str:
    return fmt_datetime(dt.datetime.fromisoformat(iso), lang) if iso else "—"


def sample_notice(stats: dict, lang: str):
    sample = {name: info for name, info in stats["sources"].items() if info["kind"] == "sample"}
    if not sample:
        return None
    records = sum(info["records"] for info in sample.values())
    names = ", ".join(name.split(":", 1)[1] for name in sample)
    return dbc.Alert(
        [sample_badge(lang), " ", t("data.sample_notice", lang, records=fmt_number(records, lang), sources=names)],
        color="warning",
        className="data-sample-notice",
        id="data-sample-notice",
    )


def loaded_section(stats: dict, lang: str) -> html.Section:
    sources = sorted(stats["sources"].items(), key=lambda item: item[1]["loaded_at"] or "")
    files = [(name, info) for name, info in sources if info["kind"] == "file"]
    facts = [
        html.P(
            t("data.last_import", lang, when=_when(files[-1][1]["loaded_at"], lang), name=files[-1][0].split(":", 1)[1])
            if files
            else t("data.no_import", lang),
            id="data-last-import",
        ),
        html.P(t("data.last_load", lang, when=_when(sources[-1][1]["loaded_at"], lang))) if sources else None,
    ]
    if not sources:
        return section(
            t("data.loaded.title", lang), html.Div([*facts, html.P(t("data.empty", lang))]), section_id="data-loaded"
        )
    header = html.Tr(
        [
            html.Th(t("data.col.table", lang), scope="col"),
            html.Th(t("data.col.total", lang), scope="col", className="cell-number"),
        ]
        + [
            html.Th(
                [
                    html.Span(t(f"source.{info['kind']}", lang), className="source-kind"),
                    html.Br(),
                    html.Span(name.split(":", 1)[1], className="source-name"),
                    html.Br(),
                    html.Span(
                        t("data.col.loaded_at", lang, when=_when(info["loaded_at"], lang)), className="source-when"
                    ),
                    sample_badge(lang, info["kind"] == "sample"),
                ],
                scope="col",
                className="cell-number source-col",
            )
            for name, info in sources
        ]
    )
    rows = [
        html.Tr(
            [
                html.Th([t(f"data.table.{table}", lang), html.Br(), html.Code(table)], scope="row"),
                html.Td(fmt_number(total, lang), className="cell-number cell-total", **{"data-table": table}),
            ]
            + [
                html.Td(
                    fmt_number(info["tables"].get(table, 0), lang),
                    className="cell-number" + ("" if info["tables"].get(table) else " cell-zero"),
                )
                for _, info in sources
            ]
        )
        for table, total in stats["tables"].items()
    ]
    totals = html.Tr(
        [
            html.Th(t("data.total_records", lang), scope="row"),
            html.Td(fmt_number(sum(stats["tables"].values()), lang), className="cell-number"),
        ]
        + [html.Td(fmt_number(info["records"], lang), className="cell-number") for _, info in sources],
        className="row-total",
    )
    table = table_region(
        html.Table(
            [html.Thead(header), html.Tbody([*rows, totals])], className="table table-sm data-table", id="data-counts"
        ),
        t("data.loaded.title", lang),
    )
    return section(
        t("data.loaded.title", lang),
        html.Div([*facts, table]),
        section_id="data-loaded",
        help_text=t("data.loaded.help", lang),
    )


def download_section(lang: str, too_long: list[str]) -> html.Section:
    """Links to the whole database (a route sends the file from disk) and the templates' button.

    ``too_long``: the tables an XLSX sheet cannot hold; then the XLSX is not offered.
    """
    links = [
        html.A(t("data.download.csv", lang), id=BUTTON_CSV, href=EXPORT_ROUTE + "zip", className="btn btn-primary")
    ]
    if too_long:
        note = html.P(t("data.download.xlsx_too_long", lang, tables=", ".join(too_long)), className="section-help")
    else:
        note = None
        links.append(
            html.A(
                t("data.download.xlsx", lang), id=BUTTON_XLSX, href=EXPORT_ROUTE + "xlsx", className="btn btn-primary"
            )
        )
    links.append(dbc.Button(t("data.download.templates", lang), id=BUTTON_TEMPLATES, color="primary", outline=True))
    return section(
        t("data.download.title", lang),
        html.Div([html.Div(links, className="data-buttons"), note, dcc.Download(id=DOWNLOAD_TEMPLATES)]),
        section_id="data-download",
        help_text=t("data.download.help", lang),
    )


def import_section(lang: str) -> html.Section:
    examples = "\n".join(
        [
            f"# {t('data.import.example_ogp', lang)}",
            "ogp-monitor import open_parliament_0703.csv",
            f"# {t('data.import.example_dry', lang)}",
            "ogp-monitor import --dry-run milestones.csv milestone_events.csv",
            f"# {t('data.import.example_tables', lang)}",
            "ogp-monitor import ogp-monitor-templates.xlsx",
            f"# {t('data.import.example_db', lang)}",
            "ogp-monitor --database postgresql+psycopg://user@host/ogp import forums.csv meetings.csv",
        ]
    )
    return section(
        t("data.import.title", lang),
        html.Div(
            [
                html.P(t("data.import.intro", lang)),
                html.H3(t("data.import.examples", lang), className="data-subtitle"),
                html.Pre(html.Code(examples), className="data-code", id="data-cli-examples"),
                html.P(t("data.import.errors", lang)),
                html.Pre(html.Code(ERROR_EXAMPLE), className="data-code"),
            ]
        ),
        section_id="data-import",
    )


def formats_section(lang: str) -> html.Section:
    from data.formats import TABLES

    rows = []
    for table in TABLES:
        optional = [c.name for c in table.all_columns if not c.required]
        rows.append(
            html.Tr(
                [
                    html.Th(html.Code(f"{table.name}.csv"), scope="row"),
                    html.Td(t(f"data.table_help.{table.name}", lang)),
                    html.Td(", ".join(table.required_columns), className="cell-columns"),
                    html.Td(
                        html.Details(
                            [
                                html.Summary(t("data.optional_count", lang, n=len(optional))),
                                html.Span(", ".join(optional), className="cell-columns"),
                            ]
                        )
                        if optional
                        else "—"
                    ),
                ]
            )
        )
    header = html.Tr(
        [html.Th(t(f"data.col.{c}", lang), scope="col") for c in ("file", "holds", "required", "optional")]
    )
    return section(
        t("data.formats.title", lang),
        table_region(
            html.Table(
                [html.Thead(header), html.Tbody(rows)], className="table table-sm data-table", id="data-formats"
            ),
            t("data.formats.title", lang),
        ),
        section_id="data-formats-section",
        help_text=t("data.formats.help", lang),
    )


def layout(ctx: PageContext):
    from data.export import too_long_for_xlsx
    from data.queries.inventory import stats as inventory_stats

    stats = inventory_stats(ctx.db_url)
    return html.Div(
        [
            page_heading(t("data.title", ctx.lang), t("data.lead", ctx.lang)),
            sample_notice(stats, ctx.lang),
            loaded_section(stats, ctx.lang),
            download_section(ctx.lang, too_long_for_xlsx(stats["tables"])),
            import_section(ctx.lang),
            formats_section(ctx.lang),
        ],
        className="data-page",
    )


PAGE = Page(name="data", path="/data", title_key="data.title", layout=layout, nav="data", nav_order=6)
