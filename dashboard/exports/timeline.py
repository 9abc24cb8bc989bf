"""The timeline's milestones as a table: every milestone the filters select,
not just the page the Gantt chart draws, in the chart's order."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.export_files import ExportTable, source_label
from dashboard.i18n import add, t, vocab_label

add(
    {
        "export.timeline.milestones": {"es": "Todos los hitos filtrados", "en": "All filtered milestones"},
        "export.timeline.file": {"es": "hitos", "en": "milestones"},
    }
)

NAME = "timeline-milestones"
FILTERS = ("country", "plan", "area", "institution", "status", "start", "end", "asof")


def placeholder(lang: str, params: dict) -> ExportTable:
    """The store's content: the filters only; the rows are read when a button is clicked."""
    return ExportTable(
        view="timeline",
        name=NAME,
        title=t("export.timeline.milestones", lang),
        lang=lang,
        file_title=t("export.timeline.file", lang),
        params={k: params.get(k) for k in FILTERS},
        lazy=True,
    )


def _day(value):
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _percent(value):
    return None if value is None or pd.isna(value) else round(float(value), 1)


def milestones_table(frame: pd.DataFrame, texts: pd.DataFrame, lang: str, params: dict, as_of: dt.date) -> ExportTable:
    """``frame``: data.queries.timeline.milestones() after the filters; ``texts``:
    data.queries.exports.milestone_texts() for the same scope."""
    extra = texts.set_index("id").reindex(frame["id"].to_numpy())
    title_col = (
        extra["commitment_title_en"].where(extra["commitment_title_en"].notna(), extra["commitment_title"])
        if lang == "en"
        else extra["commitment_title"]
    )
    columns = [
        t("export.col.commitment", lang),
        t("export.col.commitment_title", lang),
        t("export.col.milestone_number", lang),
        t("export.col.milestone", lang),
        t("export.col.responsible", lang),
        t("export.col.planned_start", lang),
        t("export.col.planned_end", lang),
        t("export.col.actual_end", lang),
        t("export.col.progress_pct", lang),
        t("export.col.expected_pct", lang),
        t("export.col.state_on", lang, date=as_of.isoformat()),
        t("export.col.source", lang),
    ]
    sources = [
        source_label(k, n, lang) if isinstance(k, str) else None
        for k, n in zip(extra["source_kind"], extra["source_name"])
    ]
    rows = [
        [
            str(cid),
            ctitle,
            int(number),
            title,
            responsible,
            _day(start),
            _day(end),
            _day(actual),
            _percent(progress),
            _percent(expected),
            vocab_label("status", str(state), lang),
            source,
        ]
        for cid, ctitle, number, title, responsible, start, end, actual, progress, expected, state, source in zip(
            frame["commitment_id"].astype(str),
            title_col,
            frame["number"],
            extra["title"],
            extra["responsible"],
            extra["planned_start"],
            extra["planned_end"],
            frame["actual_end"],
            frame["progress"],
            frame["expected"],
            frame["state"],
            sources,
        )
    ]
    return ExportTable(
        view="timeline",
        name=NAME,
        title=t("export.timeline.milestones", lang),
        lang=lang,
        file_title=t("export.timeline.file", lang),
        columns=columns,
        rows=rows,
        params={k: params.get(k) for k in FILTERS},
        sample=bool(frame["sample"].any()),
        sources=sorted({s for s in sources if s}),
    )
