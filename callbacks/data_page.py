"""The Data page's downloads.

The whole database (CSV zip or XLSX) is a plain link to a Flask route, not a
callback: the file is written once per data version into a temporary folder
(data/export.py streams it there in constant memory) and sent from disk with
``send_file``, so a large export never passes through a worker's memory or
Dash's JSON.  The blank templates are small and go through a dcc.Download.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from dash import Input, Output, dcc

from dashboard.cache import cached
from dashboard.factory import database_url_of, today_of
from dashboard.pages import data as page

ZIP = "application/zip"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = {"zip": ZIP, "xlsx": XLSX}
# Where the exports are kept, one file per database and format (the previous version is removed).
EXPORT_FOLDER = Path(tempfile.gettempdir()) / "ogp-monitor-exports"


def templates_zip(_url: str) -> bytes:
    """The templates do not depend on the data; the url only fits dashboard.cache.cached."""
    from data.downloads import templates_zip_bytes

    return templates_zip_bytes()


def register(app) -> None:
    from data.downloads import TEMPLATES_NAME

    app.server.add_url_rule(
        page.EXPORT_ROUTE + "<extension>", "data_export", lambda extension: send_export(app, extension)
    )

    @app.callback(
        Output(page.DOWNLOAD_TEMPLATES, "data"), Input(page.BUTTON_TEMPLATES, "n_clicks"), prevent_initial_call=True
    )
    def download_templates(_clicks):
        return dcc.send_bytes(cached(database_url_of(app), templates_zip), TEMPLATES_NAME, type=ZIP)


def send_export(app, extension: str):
    """The whole database as a file; 404 for an unknown format, 409 (in words) for an XLSX too long."""
    from flask import abort, send_file

    from dashboard.cache import data_version
    from data.export import EXTENSIONS, export_file, export_filename
    from data.spreadsheets import TooManyRows

    if extension not in EXTENSIONS:
        abort(404)
    url = database_url_of(app)
    try:
        path = export_file(url, extension, EXPORT_FOLDER, data_version(url))
    except TooManyRows as error:
        return str(error), 409, {"Content-Type": "text/plain; charset=utf-8"}
    return send_file(
        path,
        mimetype=MEDIA_TYPES[extension],
        as_attachment=True,
        download_name=export_filename(today_of(app), extension),
        max_age=0,
    )
