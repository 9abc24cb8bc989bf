"""The Data page's downloads: the whole database (CSV zip or XLSX) and the
blank templates, each sent through its dcc.Download when its button is clicked.

Exports are cached by the data's version, so a second click (or a second
user) does not rebuild them until something is loaded.
"""

from __future__ import annotations

from dash import Input, Output, dcc

from dashboard.cache import cached
from dashboard.factory import database_url_of, today_of
from dashboard.pages import data as page

ZIP = "application/zip"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def templates_zip(_url: str) -> bytes:
    """The templates do not depend on the data; the url only fits dashboard.cache.cached."""
    from data.downloads import templates_zip_bytes

    return templates_zip_bytes()


def register(app) -> None:
    from data.downloads import TEMPLATES_NAME, export_filename
    from data.export import export_csv_zip, export_xlsx_bytes

    @app.callback(Output(page.DOWNLOAD_CSV, "data"), Input(page.BUTTON_CSV, "n_clicks"), prevent_initial_call=True)
    def download_csv(_clicks):
        return dcc.send_bytes(
            cached(database_url_of(app), export_csv_zip), export_filename(today_of(app), "zip"), type=ZIP
        )

    @app.callback(Output(page.DOWNLOAD_XLSX, "data"), Input(page.BUTTON_XLSX, "n_clicks"), prevent_initial_call=True)
    def download_xlsx(_clicks):
        return dcc.send_bytes(
            cached(database_url_of(app), export_xlsx_bytes), export_filename(today_of(app), "xlsx"), type=XLSX
        )

    @app.callback(
        Output(page.DOWNLOAD_TEMPLATES, "data"), Input(page.BUTTON_TEMPLATES, "n_clicks"), prevent_initial_call=True
    )
    def download_templates(_clicks):
        return dcc.send_bytes(cached(database_url_of(app), templates_zip), TEMPLATES_NAME, type=ZIP)
