"""What the Data page offers to download, as bytes and file names.

The export is data/export.py's (every table in the format ``import`` reads);
the templates are data/templates.py's, zipped into one file.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

from data.export import ZIP_TIME
from data.templates import write_templates

EXPORT_STEM = "ogp-monitor-export"
TEMPLATES_NAME = "ogp-monitor-templates.zip"


def export_filename(day: dt.date, extension: str) -> str:
    """``ogp-monitor-export-2026-11-27.zip`` (or ``.xlsx``)."""
    return f"{EXPORT_STEM}-{day.isoformat()}.{extension}"


def templates_zip_bytes() -> bytes:
    """The blank templates (a CSV per table, README.md, the workbook) in one zip."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="ogp-templates-") as folder:
        paths = write_templates(folder)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(paths, key=lambda p: p.name):
                info = zipfile.ZipInfo(Path(path).name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, Path(path).read_bytes())
    return buffer.getvalue()
