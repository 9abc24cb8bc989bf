"""The blank templates (data/templates.py) zipped into one file, for the Data page.

The whole-database export and its file name are data/export.py's.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from data.export import ZIP_TIME
from data.templates import write_templates

TEMPLATES_NAME = "ogp-monitor-templates.zip"


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
