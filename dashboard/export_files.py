"""A table as shown, as a file: its name and its CSV or XLSX bytes, for every download of a table.

``ExportTable`` describes a table as a view shows it (translated headers;
values as data: ISO dates, plain numbers, labels in the reader's language; the
filters applied; whether sample data is in it); ``table_file`` turns it into
CSV or XLSX bytes and ``file_name`` names it.  The file rules (encoding,
formula-like text, dates, Excel's limits) are data/spreadsheets.py's, shared
with the whole-database export; this module adds what a table on screen
needs: values as data (``plain``), column widths, the "Filtros"/"Filters"
sheet, and the name.  The store a table travels in comes back from the
browser, so ``ExportTable.from_payload`` checks everything in it again: sizes,
types, the view and every filter value (by the URL's own rules,
dashboard/state.py).

- Names: ``ogp-monitor_<view>_<table>_<filters>_<YYYY-MM-DD>.<ext>``, every
  part reduced to letters, digits, ``_`` and ``-``, so no title or filter
  value can make a path or an odd name.  assets/15_exports.js builds the
  names of chart images with the same rules.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard.i18n import add, catalogue, normalise_lang, t, vocab_label
from dashboard.state import PARAMS
from data import spreadsheets
from data.text import strip_accents

APP = "ogp-monitor"
# Parameters named in a file name (``q-foros``, ``start-2020-01-01``); the
# others are codes that speak for themselves (``AP_PER03``, ``late``).
NAMED_PARAMS = ("area", "institution", "q", "start", "end", "asof", "page")
# Who is looking and how, not what is shown: never in a name.
UNNAMED_PARAMS = ("lang", "projector")
MAX_NAME = 150  # characters before the date and extension


# --- names ---------------------------------------------------------------------------------------


def slug(text, limit: int = 30) -> str:
    """``Gestión pública`` -> ``Gestion-publica``: ASCII letters, digits and ``_``, runs joined by ``-``."""
    return re.sub(r"[^A-Za-z0-9_]+", "-", strip_accents(str(text))).strip("-")[:limit].strip("-") or "x"


def name_slug(text, limit: int = 40) -> str:
    """A title as a lower-case name, cut at a word: ``Hitos atrasados o por vencer`` -> ``hitos-atrasados-o-por-vencer``."""
    words = [w for w in re.split(r"[^a-z0-9]+", strip_accents(str(text)).lower()) if w]
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or "x"


def filter_tokens(params: dict) -> list[str]:
    """The filters that are set, in the URL's order: codes as they are, the rest as ``name-value``."""
    tokens = []
    for spec in PARAMS:
        value = params.get(spec.name)
        if spec.name in UNNAMED_PARAMS or value in (None, "", [], False):
            continue
        several = isinstance(value, (list, tuple))
        token = slug("-".join(str(v) for v in value) if several else value, 60 if several else 30)
        tokens.append(f"{spec.name}-{token}" if spec.name in NAMED_PARAMS else token)
    return tokens


def export_name(view: str, table: str | None, params: dict, day: dt.date, ext: str, extra=()) -> str:
    """``ogp-monitor_resumen_hitos-atrasados_PER_AP_PER03_2026-11-27.csv``."""
    parts = [APP, name_slug(view), name_slug(table) if table else "", *filter_tokens(params), *(slug(e) for e in extra)]
    stem = "_".join(p for p in parts if p)[:MAX_NAME].rstrip("_-")
    return f"{stem}_{day.isoformat()}.{slug(ext).lower()}"


# --- cells ---------------------------------------------------------------------------------------


def plain(value):
    """A cell as data: None for missing (None, NaN, NaT, pd.NA), ISO text for a date, numbers as numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return str(value)


def frame_rows(frame: pd.DataFrame) -> list[list]:
    """A frame's rows as plain values (see ``plain``)."""
    return [[plain(v) for v in row] for row in frame.itertuples(index=False)]


def table_csv(columns: list, rows: list[list]) -> bytes:
    """The table as CSV: UTF-8 with a byte-order mark, empty cells for missing values, formula-like text quoted."""
    return spreadsheets.csv_bytes([plain(c) for c in columns], ([plain(v) for v in row] for row in rows))


def table_xlsx(
    columns: list,
    rows: list[list],
    sheet_name: str,
    about: list[tuple[str, str]] | None = None,
    about_name: str | None = None,
    freeze: tuple[int, int] = (1, 0),
) -> bytes:
    """The table on one sheet (header bold and frozen, columns sized, ISO days as dates);
    ``about`` (label, text) rows on a second sheet ``about_name``."""
    header = [str(c) for c in columns]
    values = [[plain(v) for v in row] for row in rows]
    sheet = spreadsheets.Sheet(
        title=sheet_name,
        header=header,
        rows=values,
        row_count=len(values),
        dates=None,
        widths=spreadsheets.column_widths(header, values),
        freeze=freeze,
        notes=about or [],
        notes_title=about_name or "About",
    )
    return spreadsheets.xlsx_bytes([sheet])


# --- a table as it downloads -----------------------------------------------------------------------

add(
    {
        "downloads.sheet_about": {"es": "Filtros", "en": "Filters"},
        "downloads.about.view": {"es": "Vista", "en": "View"},
        "downloads.about.table": {"es": "Tabla", "en": "Table"},
        "downloads.about.filter": {"es": "Filtro: {name}", "en": "Filter: {name}"},
        "downloads.about.filters": {"es": "Filtros", "en": "Filters"},
        "downloads.about.no_filters": {"es": "Ninguno", "en": "None"},
        "downloads.about.date": {"es": "Fecha de descarga", "en": "Downloaded on"},
        "downloads.about.rows": {"es": "Filas", "en": "Rows"},
        "downloads.about.sources": {"es": "Fuentes", "en": "Sources"},
        "downloads.about.sample": {"es": "Datos de muestra", "en": "Sample data"},
        "downloads.about.sample_yes": {
            "es": "Sí: esta tabla incluye datos de muestra generados para mostrar el tablero; no son datos oficiales.",
            "en": "Yes: this table includes sample data generated to demonstrate the dashboard; they are not official data.",
        },
        "downloads.about.sample_no": {"es": "No", "en": "No"},
        "downloads.about.app": {"es": "Generado por", "en": "Generated by"},
        "downloads.param.country": {"es": "País o localidad", "en": "Country or locality"},
        "downloads.param.plan": {"es": "Plan de acción", "en": "Action plan"},
        "downloads.param.area": {"es": "Área de política", "en": "Policy area"},
        "downloads.param.institution": {"es": "Institución responsable", "en": "Lead institution"},
        "downloads.param.status": {"es": "Estado", "en": "Status"},
        "downloads.param.start": {"es": "Desde", "en": "From"},
        "downloads.param.end": {"es": "Hasta", "en": "To"},
        "downloads.param.asof": {"es": "Situación al", "en": "As of"},
        "downloads.param.forums": {"es": "Foros", "en": "Forums"},
        "downloads.param.forum": {"es": "Foro", "en": "Forum"},
        "downloads.param.commitment": {"es": "Compromiso", "en": "Commitment"},
        "downloads.param.channel": {"es": "Canal", "en": "Channel"},
        "downloads.param.period": {"es": "Agrupar por", "en": "Group by"},
        "downloads.param.method": {"es": "Metodología IRM", "en": "IRM methodology"},
        "downloads.param.q": {"es": "Búsqueda", "en": "Search"},
        "downloads.param.page": {"es": "Página", "en": "Page"},
        "downloads.period.month": {"es": "Mes", "en": "Month"},
        "downloads.period.quarter": {"es": "Trimestre", "en": "Quarter"},
    }
)


# What a store may hold: more than any table the views draw, far less than a
# request that could hurt the server.
MAX_ROWS = 100_000
MAX_COLUMNS = 100
MAX_TEXT = 32_767  # Excel's limit for one cell
MAX_SOURCES = 50
_NAME = re.compile(r"[A-Za-z0-9_\-]{1,60}")
_VIEW = re.compile(r"[a-z_]{1,40}")


@dataclass
class ExportTable:
    """A table as it downloads.

    ``view``: the navigation entry the table belongs to (``overview``,
    ``forums``…: its translated name starts the file name); ``name``: the
    table's id, unique on its page; ``title``: what the table is called on
    screen (the file name and the "Filters" sheet use it; ``file_title``, when
    given, is a shorter one for the file name); ``params``: the filters
    applied, named as in the URL (dashboard/state.py); ``sources``: where the
    rows come from, or None for every loaded source; ``lazy``: rows built at
    download time (see module docstring).
    """

    view: str
    name: str
    title: str
    lang: str
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    params: dict = field(default_factory=dict)
    sample: bool = False
    sources: list[str] | None = None
    file_title: str | None = None
    lazy: bool = False
    # A lazy table's rows chosen by id, in order (the explorer: the rows its grid shows).
    keys: list[str] | None = None
    # More parts for the file name (the explorer: "filtrado" when the grid's own filters are on).
    file_extra: list[str] = field(default_factory=list)
    frozen_columns: int = 0  # kept in view when scrolling sideways (set by a builder, never sent)

    def __post_init__(self):
        self.params = clean_params(self.params)

    def payload(self) -> dict:
        """What the store holds: JSON, values already plain."""
        return {
            "view": self.view,
            "name": self.name,
            "title": self.title,
            "file_title": self.file_title,
            "lang": self.lang,
            "columns": [str(c) for c in self.columns],
            "rows": [[_json_cell(v) for v in row] for row in self.rows],
            "params": self.params,
            "sample": bool(self.sample),
            "sources": self.sources,
            "lazy": bool(self.lazy),
            "keys": self.keys,
            "file_extra": self.file_extra,
        }

    @classmethod
    def from_payload(cls, payload) -> ExportTable:
        """The table a store sent back; ValueError for anything our pages cannot have written."""
        if not isinstance(payload, dict):
            raise ValueError("not a table")
        view, name = payload.get("view"), payload.get("name")
        if (
            not isinstance(view, str)
            or not _VIEW.fullmatch(view)
            or not isinstance(name, str)
            or not _NAME.fullmatch(name)
        ):
            raise ValueError("bad view or name")
        lazy = payload.get("lazy") is True
        columns, rows = ([], []) if lazy else (payload.get("columns"), payload.get("rows"))
        if not lazy and (
            not isinstance(columns, list)
            or not 0 < len(columns) <= MAX_COLUMNS
            or not isinstance(rows, list)
            or len(rows) > MAX_ROWS
        ):
            raise ValueError("bad columns or rows")
        width = len(columns)
        if any(not isinstance(row, list) or len(row) != width for row in rows):
            raise ValueError("ragged rows")
        sources = payload.get("sources")
        if sources is not None:
            if not isinstance(sources, list):
                raise ValueError("bad sources")
            sources = [_text(s, 500) for s in sources[:MAX_SOURCES]]
        keys = payload.get("keys")
        if keys is not None and (not isinstance(keys, list) or len(keys) > MAX_ROWS):
            raise ValueError("bad keys")
        extra = payload.get("file_extra") or []
        if not isinstance(extra, list) or len(extra) > 3:
            raise ValueError("bad file name parts")
        return cls(
            view=view,
            name=name,
            title=_text(payload.get("title"), 300) or name,
            file_title=_text(payload.get("file_title"), 100) or None,
            lang=normalise_lang(payload.get("lang")),
            columns=[_text(c, 300) for c in columns],
            rows=[[_cell(v) for v in row] for row in rows],
            params=payload.get("params"),  # cleaned on construction
            sample=payload.get("sample") is True,
            sources=sources,
            lazy=lazy,
            keys=None if keys is None else [_text(k, 60) for k in keys if isinstance(k, str)],
            file_extra=[_text(e, 40) for e in extra],
        )


def _text(value, limit: int) -> str:
    return "" if value is None else str(value)[:limit]


def _cell(value):
    """A cell sent back by the browser: a number, text, a flag or nothing."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):  # beyond 15 digits a spreadsheet would round it: keep it as text
        return value if abs(value) < 10**15 else str(value)[:MAX_TEXT]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return _text(value, MAX_TEXT)


def _json_cell(value):
    value = plain(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def clean_params(params) -> dict:
    """The filters that pass the URL's own checks, in its order; anything else dropped."""
    if not isinstance(params, dict):
        return {}
    out = {}
    for spec in PARAMS:
        value = params.get(spec.name)
        if value in (None, "", [], False):
            continue
        try:
            text = spec.write(value if not isinstance(value, tuple) else list(value))
            parsed = spec.parse(text) if text is not None else None
        except (ValueError, TypeError):
            continue
        if parsed not in (None, "", [], False):
            out[spec.name] = parsed
    return out


# --- what a file says about itself ------------------------------------------------------------------


def view_label(view: str, lang: str) -> str:
    """The view's name in the navigation (``Resumen``), else its code."""
    key = f"nav.{view}"
    return t(key, lang) if key in catalogue() else view


def describe_param(name: str, value, lang: str) -> str:
    """A filter's value for people: vocabulary codes translated, lists joined."""
    values = value if isinstance(value, list) else [value]
    if name == "status":
        shown = [vocab_label("status", v, lang) for v in values]
    elif name == "channel":
        shown = [vocab_label("channel", v, lang) for v in values]
    elif name == "method":
        shown = [vocab_label("irm_method", v, lang) for v in values]
    elif name == "period":
        shown = [t(f"downloads.period.{v}", lang) for v in values]
    else:
        shown = [str(v) for v in values]
    return ", ".join(shown)


def about_rows(table: ExportTable, day: dt.date, sources: list[str]) -> list[tuple[str, str]]:
    """The "Filters" sheet of a table's XLSX file."""
    return about(table.view, table.title, table.lang, table.params, len(table.rows), table.sample, day, sources)


def about(
    view: str, title: str, lang: str, params: dict, rows: int, sample: bool, day: dt.date, sources: list[str]
) -> list[tuple[str, str]]:
    """What a file says about itself: view, table, every filter applied, date, row count, sources, sample notice."""
    known = catalogue()
    filters = [
        (t("downloads.about.filter", lang, name=t(f"downloads.param.{name}", lang)), describe_param(name, value, lang))
        for name, value in clean_params(params).items()
        if f"downloads.param.{name}" in known
    ]
    return [
        (t("downloads.about.view", lang), view_label(view, lang)),
        (t("downloads.about.table", lang), title),
        *(filters or [(t("downloads.about.filters", lang), t("downloads.about.no_filters", lang))]),
        (t("downloads.about.date", lang), day.isoformat()),
        (t("downloads.about.rows", lang), rows),
        (t("downloads.about.sources", lang), "; ".join(sources) or "—"),
        (
            t("downloads.about.sample", lang),
            t("downloads.about.sample_yes" if sample else "downloads.about.sample_no", lang),
        ),
        (t("downloads.about.app", lang), t("app.name", lang)),
    ]


def source_label(kind, name, lang: str) -> str:
    """One source as a file's "Sources" line names it: ``muestra: peru-sample``."""
    return f"{t('source.' + kind, lang) if kind in ('seed', 'file', 'sample') else kind}: {name}"


def loaded_sources(app, lang: str) -> list[str]:
    """Every loaded source, as the footer lists them: for a table that does not name its own."""
    from dashboard.cache import cached
    from dashboard.factory import database_url_of
    from data.queries.shell import sources

    frame = cached(database_url_of(app), sources)
    return [source_label(kind, name, lang) for kind, name in zip(frame["kind"], frame["name"])]


def file_name(table: ExportTable, day: dt.date, fmt: str) -> str:
    """Named like the images; a table named as its view (the explorer's) is not named twice."""
    view = view_label(table.view, table.lang)
    title = table.file_title or table.title
    return export_name(
        view, None if name_slug(title) == name_slug(view) else title, table.params, day, fmt, table.file_extra
    )


def table_file(table: ExportTable, fmt: str, day: dt.date, sources: list[str]) -> bytes:
    """The table's file in ``fmt``: CSV, or XLSX with the Filters sheet."""
    if fmt == "csv":
        return table_csv(table.columns, table.rows)
    return table_xlsx(
        table.columns,
        table.rows,
        table.title,
        about=about_rows(table, day, sources),
        about_name=t("downloads.sheet_about", table.lang),
        freeze=(1, table.frozen_columns),
    )
