"""The buttons that download a table as CSV or XLSX, with the filters it was drawn with.

A view describes a table as it shows it in an ``ExportTable``
(dashboard/export_files.py: the one module that turns a table as shown into
a file) and puts ``table_downloads(table)`` next to the table.  That draws two
buttons, a ``dcc.Store`` holding the table and one ``dcc.Download`` per format;
ONE pair of pattern-matching callbacks (callbacks/table_downloads.py) serves
every table of every view, so a view writes no callback for its downloads::

    from dashboard.components.downloads import table_downloads
    from dashboard.export_files import ExportTable

    table = ExportTable(view="forums", name="forums-members", title=t("forums.panel.members", lang),
                        lang=lang, columns=[t("forums.tbl.organization", lang), t("forums.tbl.term", lang)],
                        rows=[["Proética", "2020-03-01"], ["CAD Ciudadanos al Día", "2021-05-04"]],
                        params={"forum": "PER-AMBIENTE"}, sample=True)
    html.Div([table_downloads(table), the_html_table])

A callback that redraws only the rows can instead refresh the store:
``Output(data_id(name), "data")`` returning ``table.payload()``.  A table too
large to ship to the browser twice is ``lazy``: its store holds the filters
(and, for the explorer, the ids its grid shows) only, and a builder registered
in callbacks/table_downloads.py reads the rows when a button is clicked.
"""

from __future__ import annotations

import datetime as dt

from dash import dcc, html

from dashboard.export_files import ExportTable, file_name, table_file
from dashboard.i18n import add, t

add(
    {
        "downloads.label": {"es": "Descargar:", "en": "Download:"},
        "downloads.group": {"es": "Descargar «{table}»", "en": "Download “{table}”"},
        "downloads.csv": {"es": "Descargar «{table}» en CSV", "en": "Download “{table}” as CSV"},
        "downloads.xlsx": {"es": "Descargar «{table}» en XLSX (Excel)", "en": "Download “{table}” as XLSX (Excel)"},
    }
)

DATA = "table-data"
DOWNLOAD = "table-download"
BUTTON = "table-download-button"
FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = {"csv": "text/csv", "xlsx": XLSX_TYPE}


def data_id(name: str) -> dict:
    return {"type": DATA, "name": name}


def download_id(name: str, fmt: str) -> dict:
    return {"type": DOWNLOAD, "name": name, "format": fmt}


def button_id(name: str, fmt: str) -> dict:
    return {"type": BUTTON, "name": name, "format": fmt}


def send_table(table: ExportTable, fmt: str, day: dt.date, sources: list[str]) -> dict:
    """The dcc.Download data for the table in ``fmt`` (csv or xlsx)."""
    return dcc.send_bytes(table_file(table, fmt, day, sources), file_name(table, day, fmt), type=MEDIA_TYPES[fmt])


# --- the component ------------------------------------------------------------------------------------


def table_downloads(table: ExportTable) -> html.Div:
    """ "Download: CSV XLSX" for one table; screen readers hear the table's name."""
    lang, name = table.lang, table.name
    buttons = [
        html.Button(
            fmt.upper(),
            id=button_id(name, fmt),
            type="button",
            n_clicks=0,
            className=f"btn btn-outline-secondary btn-sm table-download-{fmt}",
            title=t(f"downloads.{fmt}", lang, table=table.title),
            **{"aria-label": t(f"downloads.{fmt}", lang, table=table.title)},
        )
        for fmt in FORMATS
    ]
    return html.Div(
        [
            html.Span(t("downloads.label", lang), className="table-downloads-label", **{"aria-hidden": "true"}),
            *buttons,
            dcc.Store(id=data_id(name), data=table.payload()),
            *[dcc.Download(id=download_id(name, fmt)) for fmt in FORMATS],
        ],
        className="table-downloads",
        role="group",
        **{"aria-label": t("downloads.group", lang, table=table.title)},
    )


def with_downloads(badge, table: ExportTable | None):
    """A section head's badge followed by the table's download buttons (set to
    the head's right by assets/10_app.css), or the badge alone without a table."""
    if table is None:
        return badge
    return html.Span([badge, table_downloads(table)], className="section-tools")
