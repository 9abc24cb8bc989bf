"""The engagement view's table as data: the organizations that took part in
the dates shown, with their first and last participation over the whole history."""

from __future__ import annotations

import pandas as pd

from dashboard.components.organization_table import COLUMNS, listed
from dashboard.export_files import ExportTable
from dashboard.i18n import add, t, vocab_label

add({"export.engagement.organizations": {"es": "Organizaciones participantes", "en": "Participating organizations"}})


def organizations_table(records: pd.DataFrame, shown, lang: str, params: dict, sample: bool) -> ExportTable:
    """``records``: data.turnover.organization_summary(); ``shown``: ids of the organizations listed."""
    rows = listed(records, shown)
    data = [
        [
            r.name,
            vocab_label("stakeholder", r.stakeholder_type, lang),
            r.first_seen,
            r.last_seen,
            int(r.periods),
            int(r.days),
        ]
        for r in rows.itertuples()
    ]
    return ExportTable(
        view="engagement",
        name="engagement-organizations",
        title=t("export.engagement.organizations", lang),
        lang=lang,
        columns=[t(f"engagement.col.{c}", lang) for c in COLUMNS],
        rows=data,
        params=params,
        sample=sample,
    )
