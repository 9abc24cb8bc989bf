"""The engagement view's table of organizations: who took part, since when,
until when, and how often.  A plain HTML table in a focusable scroll box
(readable by screen readers, printable, no sideways page scroll on a phone);
the download holds every row for sorting elsewhere."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.components.common import table_region
from dashboard.i18n import add, fmt_date, fmt_number, t, vocab_label

# Rows drawn at most: the page stays light on a country with thousands of organizations.
MAX_ROWS = 300
COLUMNS = ("organization", "type", "first", "last", "periods", "days")
NUMBERS = {"periods", "days"}

add(
    {
        "engagement.col.organization": {"es": "Organización", "en": "Organization"},
        "engagement.col.type": {"es": "Tipo de actor", "en": "Stakeholder type"},
        "engagement.col.first": {"es": "Primera participación", "en": "First took part"},
        "engagement.col.last": {"es": "Última participación", "en": "Last took part"},
        "engagement.col.periods": {"es": "Periodos con participación", "en": "Periods taking part"},
        "engagement.col.days": {"es": "Días con participación", "en": "Days taking part"},
        "engagement.tbl.caption": {
            "es": "Organizaciones que participaron en las fechas elegidas, de la participación más reciente a la más antigua",
            "en": "Organizations that took part in the chosen dates, most recent participation first",
        },
        "engagement.tbl.more": {
            "es": "Se muestran las {shown} de participación más reciente de {total} organizaciones; la descarga las incluye todas.",
            "en": "Showing the {shown} most recently active of {total} organizations; the download holds them all.",
        },
    }
)


def listed(records: pd.DataFrame, shown) -> pd.DataFrame:
    """``records``: data.turnover.organization_summary(); ``shown``: ids of the
    organizations present in the dates shown.  Those, the most recently active
    first (who stopped coming sinks to the end): the page's order and the download's."""
    rows = records[records["organization_id"].isin(shown)]
    return rows.sort_values(["last_seen", "periods", "name"], ascending=[False, False, True], kind="stable")


def organizations_list(records: pd.DataFrame, shown, lang: str) -> html.Div:
    rows = listed(records, shown)
    total = len(rows)
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"engagement.col.{c}", lang), scope="col", className="num" if c in NUMBERS else None)
                for c in COLUMNS
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(r.name, scope="row"),
                    html.Td(vocab_label("stakeholder", r.stakeholder_type, lang)),
                    html.Td(fmt_date(r.first_seen, lang), className="text-nowrap"),
                    html.Td(fmt_date(r.last_seen, lang), className="text-nowrap"),
                    html.Td(fmt_number(int(r.periods), lang), className="num"),
                    html.Td(fmt_number(int(r.days), lang), className="num"),
                ]
            )
            for r in rows.head(MAX_ROWS).itertuples()
        ]
    )
    caption = t("engagement.tbl.caption", lang)
    table = table_region(
        html.Table([html.Caption(caption), head, body], className="table table-sm organization-table"),
        caption,
        "table-responsive engagement-scroll",
    )
    if total <= MAX_ROWS:
        return table
    more = t("engagement.tbl.more", lang, shown=fmt_number(MAX_ROWS, lang), total=fmt_number(total, lang))
    return html.Div([table, html.P(more, className="engagement-note")])
