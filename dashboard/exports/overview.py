"""The overview's two lists as tables: milestones late or due soon, latest forum meetings."""

from __future__ import annotations

import pandas as pd

from dashboard.export_files import ExportTable
from dashboard.i18n import add, t, vocab_label

add(
    {
        "export.overview.attention": {"es": "Hitos atrasados o por vencer", "en": "Milestones late or due soon"},
        "export.overview.meetings": {"es": "Últimas reuniones de los foros", "en": "Latest forum meetings"},
    }
)

# The filters the overview applies (its URL parameters other than who is looking).
FILTERS = ("country", "plan", "area", "institution", "status", "asof")


def _number(value):
    return None if value is None or pd.isna(value) else value


def attention_table(rows: pd.DataFrame, lang: str, params: dict, sample: bool) -> ExportTable:
    """Milestones late or due soon, as listed (most urgent first)."""
    title = t("export.overview.attention", lang)
    columns = [
        t(f"export.col.{c}", lang)
        for c in (
            "commitment",
            "milestone_number",
            "milestone",
            "responsible",
            "planned_end",
            "progress_pct",
            "situation",
        )
    ]
    data = [
        [
            r.commitment_id,
            _number(r.number),
            r.title,
            r.responsible,
            r.planned_end,
            None if pd.isna(r.progress) else round(float(r.progress), 1),
            t("overview.flag.due_soon", lang) if r.flag == "due_soon" else vocab_label("status", r.flag, lang),
        ]
        for r in rows.itertuples()
    ]
    return ExportTable(
        view="overview",
        name="overview-attention",
        title=title,
        lang=lang,
        columns=columns,
        rows=data,
        params={k: params.get(k) for k in FILTERS},
        sample=sample,
    )


def meetings_table(rows: pd.DataFrame, lang: str, params: dict, sample: bool) -> ExportTable:
    """The latest meetings, newest first."""
    title = t("export.overview.meetings", lang)
    columns = [
        t(f"export.col.{c}", lang) for c in ("forum", "forum_code", "date", "meeting_kind", "attendees", "agreements")
    ]
    data = [
        [
            r.forum,
            r.forum_code,
            r.date,
            vocab_label("meeting_kind", r.kind, lang),
            _number(r.persons),
            _number(r.agreements),
        ]
        for r in rows.itertuples()
    ]
    return ExportTable(
        view="overview",
        name="overview-meetings",
        title=title,
        lang=lang,
        columns=columns,
        rows=data,
        params={k: params.get(k) for k in FILTERS},
        sample=sample,
    )
