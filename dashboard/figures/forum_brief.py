"""The forum brief's chart (/forums/<code>/brief): attendance at recent meetings.

Sized for paper: the brief prints on A4 and Letter, whose printable width with
15 mm margins is about 680 CSS pixels, so the chart is drawn at most that wide
(the page's CSS caps it) and at a fixed height; text stays legible at that size
in black and white (stakeholder types keep their pattern besides their colour,
and each bar is labelled with its numbers).  Pure: frames in, figure dict out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import theme
from dashboard.figures.forums import present_types, stakeholder_marker
from dashboard.i18n import add, fmt_date, fmt_list, fmt_number, fmt_percent, t, vocab_label

add(
    {
        "brief.fig.persons": {"es": "Personas presentes", "en": "People present"},
        "brief.fig.bar_label": {
            "es": "{persons} pers.<br>{present}/{members} miembros",
            "en": "{persons} people<br>{present}/{members} members",
        },
        "brief.fig.bar_label_no_members": {"es": "{persons} pers.", "en": "{persons} people"},
        "brief.fig.hover": {
            "es": "%{customdata}<br>%{fullData.name}: %{y}<extra></extra>",
            "en": "%{customdata}<br>%{fullData.name}: %{y}<extra></extra>",
        },
        "brief.sum.attendance": {
            "es": "Personas presentes en las últimas {n} sesiones, del {first} al {last}: {mean} en promedio, máximo {top} el {top_date}. Por sesión: {meetings}.",
            "en": "People present at the last {n} meetings, from {first} to {last}: {mean} on average, most {top} on {top_date}. By meeting: {meetings}.",
        },
        "brief.sum.meeting": {
            "es": "{date}, {persons} ({rate} de los miembros)",
            "en": "{date}, {persons} ({rate} of members)",
        },
        "brief.sum.meeting_no_members": {"es": "{date}, {persons}", "en": "{date}, {persons}"},
        "brief.fig.rate": {"es": "{rate} de los miembros", "en": "{rate} of members"},
    }
)

PRINT_WIDTH = 680  # CSS px: A4 (210 mm) and Letter (8.5 in) less 15 mm margins
HEIGHT = 360
FONT = 12


def meeting_label(date, kind: str, lang: str) -> str:
    return f"{fmt_date(date, lang)}<br>{vocab_label('meeting_kind', kind, lang)}"


def attendance_figure(meetings: pd.DataFrame, attendance: pd.DataFrame, lang: str) -> dict:
    """People at each recent meeting by stakeholder type (stacked), oldest
    first; above each bar, everyone present and the member organizations
    present out of those on the forum that day.

    ``meetings``: ``forum_indicators.meeting_table`` rows (any order);
    ``attendance``: ``meeting_id``, ``stakeholder_type``, ``persons``.
    """
    ordered = meetings.sort_values("date", kind="stable").reset_index(drop=True)
    labels = np.array([meeting_label(d, k, lang) for d, k in zip(ordered["date"], ordered["kind"])], dtype=object)
    position = {m: i for i, m in enumerate(ordered["meeting_id"])}
    rate_text = np.array(
        [
            t("brief.fig.rate", lang, rate=fmt_percent(r, lang)) if m else ""
            for r, m in zip(ordered["rate"], ordered["members"])
        ],
        dtype=object,
    )
    traces = []
    for kind in present_types(attendance):
        rows = attendance[(attendance["stakeholder_type"] == kind).to_numpy()]
        rows = rows[rows["meeting_id"].isin(position).to_numpy()]
        if rows.empty:
            continue
        at = rows["meeting_id"].map(position).to_numpy(int)
        traces.append(
            {
                "type": "bar",
                "x": labels[at],
                "y": rows["persons"].to_numpy(int),
                "name": vocab_label("stakeholder", kind, lang),
                "marker": stakeholder_marker(kind),
                "customdata": np.array(
                    [f"{lab}<br>{rate}" if rate else lab for lab, rate in zip(labels[at], rate_text[at])], dtype=object
                ),
                "hovertemplate": t("brief.fig.hover", lang),
            }
        )
    totals = ordered["persons"].to_numpy(int)
    annotations = [
        {
            "x": label,
            "y": int(total),
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": FONT - 1},
            "text": (
                t(
                    "brief.fig.bar_label",
                    lang,
                    persons=fmt_number(total, lang),
                    present=fmt_number(p, lang),
                    members=fmt_number(m, lang),
                )
                if m
                else t("brief.fig.bar_label_no_members", lang, persons=fmt_number(total, lang))
            ),
        }
        for label, total, p, m in zip(labels, totals, ordered["present"], ordered["members"])
    ]
    top = max(int(totals.max()) if len(totals) else 0, 1)
    layout = theme.base_layout(
        lang,
        height=HEIGHT,
        font={"family": theme.FONT_FAMILY, "size": FONT, "color": theme.INK},
        margin={"l": 56, "r": 12, "t": 16, "b": 16},
        barmode="stack",
        bargap=0.35,
        showlegend=True,
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "font": {"size": FONT - 1},
            "traceorder": "normal",
        },
        hovermode="closest",
        annotations=annotations,
    )
    layout["xaxis"] = {
        **layout["xaxis"],
        "type": "category",
        "categoryorder": "array",
        "categoryarray": labels,
        "tickfont": {"size": FONT - 1},
    }
    # Room above the tallest bar for its two-line label.
    layout["yaxis"] = {
        **layout["yaxis"],
        "title": {"text": t("brief.fig.persons", lang)},
        "range": [0, top * 1.3],
        "rangemode": "tozero",
    }
    # The legend sits below the axis labels: reserve its rows.
    layout["margin"]["b"] = 16 + 22 * ((len(traces) + 2) // 3)
    return {"data": traces, "layout": layout}


def attendance_summary(meetings: pd.DataFrame, lang: str) -> str:
    """``attendance_figure`` in words: the meetings' span, average and busiest, and each meeting newest first."""
    if meetings.empty:
        return ""
    ordered = meetings.sort_values("date", kind="stable")
    persons = ordered["persons"].astype(int)
    top = persons.idxmax()
    by_meeting = [
        t(
            "brief.sum.meeting",
            lang,
            date=fmt_date(d, lang),
            persons=fmt_number(int(p), lang),
            rate=fmt_percent(r, lang),
        )
        if m
        else t("brief.sum.meeting_no_members", lang, date=fmt_date(d, lang), persons=fmt_number(int(p), lang))
        for d, p, r, m in zip(ordered["date"], persons, ordered["rate"], ordered["members"])
    ]
    return t(
        "brief.sum.attendance",
        lang,
        n=fmt_number(len(ordered), lang),
        first=fmt_date(ordered["date"].iloc[0], lang),
        last=fmt_date(ordered["date"].iloc[-1], lang),
        mean=fmt_number(float(persons.mean()), lang, 1),
        top=fmt_number(int(persons[top]), lang),
        top_date=fmt_date(ordered.loc[top, "date"], lang),
        meetings=fmt_list(by_meeting[::-1], lang),
    )
