"""A commitment's milestones: planned bars with reported progress, and progress over time."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard import theme
from dashboard.figures.text import plain
from dashboard.i18n import add, fmt_date, fmt_list, fmt_number, fmt_percent, t, vocab_label

add(
    {
        "detail.fig.milestone": {"es": "Hito {n}", "en": "Milestone {n}"},
        "detail.fig.planned": {"es": "Periodo planificado", "en": "Planned period"},
        "detail.fig.progress": {"es": "Avance", "en": "Progress"},
        "detail.fig.expected": {"es": "Esperado", "en": "Expected"},
        "detail.fig.status": {"es": "Estado", "en": "Status"},
        "detail.fig.today": {"es": "Hoy", "en": "Today"},
        "detail.fig.date": {"es": "Fecha", "en": "Date"},
        "detail.fig.commitment": {"es": "Compromiso (promedio de hitos)", "en": "Commitment (milestone average)"},
        "detail.sum.timeline": {
            "es": "{n} hitos planificados del {start} al {end}; {flags}. Avance reportado: {milestones}.",
            "en": "{n} milestones planned from {start} to {end}; {flags}. Reported progress: {milestones}.",
        },
        "detail.sum.flags": {
            "es": "al {today}, atrasados: {late}; en riesgo: {at_risk}",
            "en": "on {today}, late: {late}; at risk: {at_risk}",
        },
        "detail.sum.undated": {
            "es": "Ningún hito tiene fecha de término planificada.",
            "en": "No milestone has a planned end date.",
        },
        "detail.sum.history": {
            "es": "{n} reportes de avance del {first} al {last}; el avance del compromiso pasó de {start} a {end}. Último avance por hito: {milestones}.",
            "en": "{n} progress reports from {first} to {last}; the commitment's progress went from {start} to {end}. Latest progress by milestone: {milestones}.",
        },
        "detail.fig.progress_axis": {"es": "Avance reportado (%)", "en": "Reported progress (%)"},
    }
)

# Each milestone's line also differs by marker, not by colour only.
MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "star")


def _flag(row, lang: str) -> str:
    if row["late"]:
        return vocab_label("status", "late", lang)
    if row["at_risk"]:
        return vocab_label("status", "at_risk", lang)
    return ""


def milestone_timeline(milestones: pd.DataFrame, lang: str, today: dt.date) -> dict:
    """One row per milestone: its planned period (light bar), the share reported done
    (a bar in the status colour and pattern over it), and "late"/"at risk" in words.

    ``milestones``: data.progress.milestone_flags output (with ``late``, ``at_risk``,
    ``expected``), with ``number``, ``title``, ``planned_start``/``planned_end``.
    """
    rows = milestones.dropna(subset=["planned_end"]).sort_values("number")
    labels = [t("detail.fig.milestone", lang, n=int(n)) for n in rows["number"]]
    start = pd.to_datetime(rows["planned_start"].fillna(rows["planned_end"]))
    end = pd.to_datetime(rows["planned_end"]) + pd.Timedelta(days=1)  # the end day is included
    span_ms = ((end - start).dt.total_seconds() * 1000).to_numpy()
    done = rows["progress"].astype(float).clip(0, 100).to_numpy()
    base = start.dt.strftime("%Y-%m-%d").to_numpy()
    hover_planned = [
        f"<b>{label}</b>: {plain(_short(title))}<br>{t('detail.fig.planned', lang)}: {fmt_date(s, lang)} – {fmt_date(e, lang)}"
        f"<br>{t('detail.fig.expected', lang)}: {fmt_percent(x, lang)}<extra></extra>"
        for label, title, s, e, x in zip(
            labels, rows["title"], rows["planned_start"], rows["planned_end"], rows["expected"]
        )
    ]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "y": labels,
            "x": span_ms,
            "base": base,
            "name": t("detail.fig.planned", lang),
            "marker": {"color": "#E4E7EB", "line": {"color": theme.MUTED, "width": 1}},
            "hovertemplate": hover_planned,
            "width": 0.6,
        }
    ]
    for status in rows["status"].drop_duplicates():
        mine = (rows["status"] == status).to_numpy()
        texts = [
            " · ".join(p for p in (fmt_percent(v, lang), _flag(r, lang)) if p)
            for v, (_, r) in zip(done[mine], rows[mine].iterrows())
        ]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "y": list(np.array(labels)[mine]),
                "x": span_ms[mine] * done[mine] / 100.0,
                "base": base[mine],
                "name": vocab_label("status", status, lang),
                "width": 0.32,
                "marker": {
                    "color": theme.STATUS_COLOURS.get(status, theme.GREY),
                    "pattern": {
                        "shape": theme.STATUS_PATTERNS.get(status, ""),
                        "fgcolor": "white",
                        "fillmode": "overlay",
                    },
                },
                "text": texts,
                "textposition": "none",
                "hovertemplate": f"%{{y}}<br>{t('detail.fig.status', lang)}: {vocab_label('status', status, lang)}"
                f"<br>{t('detail.fig.progress', lang)}: %{{text}}<extra></extra>",
            }
        )
    # Progress and flags written at the end of each planned bar: words, not colour only.
    annotations = [
        {
            "x": e.strftime("%Y-%m-%d"),
            "y": label,
            "text": " · ".join(p for p in (fmt_percent(v, lang), _flag(r, lang)) if p),
            "xanchor": "left",
            "showarrow": False,
            "xshift": 4,
            "font": {"size": 12, "color": theme.INK},
        }
        for label, e, v, (_, r) in zip(labels, end, done, rows.iterrows())
    ]
    first = start.min() if len(start) else pd.Timestamp(today)
    last = end.max() if len(end) else pd.Timestamp(today)
    pad = max((last - first) * 0.15, pd.Timedelta(days=30))
    right = last + pad * 2  # room for the text after the last bar
    now = pd.Timestamp(today)
    shapes = []
    if now <= right:
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": now.strftime("%Y-%m-%d"),
                "x1": now.strftime("%Y-%m-%d"),
                "y0": 0,
                "y1": 1,
                "line": {"color": theme.VERMILLION, "width": 2, "dash": "dot"},
            }
        )
        annotations.append(
            {
                "x": now.strftime("%Y-%m-%d"),
                "y": 1,
                "yref": "paper",
                "showarrow": False,
                "text": t("detail.fig.today", lang),
                "yanchor": "bottom",
                "font": {"size": 12, "color": theme.VERMILLION},
            }
        )
    else:  # today is long after the plan: say so at the edge instead of squeezing the bars
        annotations.append(
            {
                "x": 1,
                "xref": "paper",
                "y": 1,
                "yref": "paper",
                "showarrow": False,
                "xanchor": "right",
                "yanchor": "bottom",
                "text": f"{t('detail.fig.today', lang)}: {fmt_date(today, lang)} →",
                "font": {"size": 12, "color": theme.VERMILLION},
            }
        )
    layout = theme.base_layout(
        lang,
        barmode="overlay",
        height=110 + 46 * max(len(rows), 1),
        margin={"l": 8, "r": 16, "t": 48, "b": 36},
        xaxis={
            "type": "date",
            "gridcolor": theme.GRID,
            "range": [(first - pad * 0.3).strftime("%Y-%m-%d"), right.strftime("%Y-%m-%d")],
        },
        yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True},
        shapes=shapes,
        annotations=annotations,
    )
    return {"data": traces, "layout": layout}


def _short(text, limit: int = 80) -> str:
    text = str(text or "")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def progress_history(events: pd.DataFrame, rolled: pd.DataFrame, lang: str) -> dict:
    """Reported progress of each milestone over time (steps: a value holds until the next
    report) and the commitment's rolled-up progress, to the last report."""
    last = str(max(events["date"])) if len(events) else None
    traces = []
    for i, (number, group) in enumerate(events.groupby("number", sort=True)):
        dates = [str(d) for d in group["date"]]
        values = list(group["progress"].astype(float))
        statuses = [vocab_label("status", s, lang) for s in group["status"]]
        if dates[-1] != last:  # the last report holds until the commitment's last report
            dates, values, statuses = dates + [last], values + values[-1:], statuses + statuses[-1:]
        name = t("detail.fig.milestone", lang, n=int(number))
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "line": {"shape": "hv", "width": 2, "color": theme.SEQUENCE[i % len(theme.SEQUENCE)]},
                "marker": {"size": 7, "symbol": MARKERS[i % len(MARKERS)]},
                "x": dates,
                "y": np.array(values),
                "name": name,
                "customdata": statuses,
                "hovertemplate": f"{name}<br>%{{x|%d %b %Y}}<br>{t('detail.fig.progress', lang)}: %{{y:.0f}} %"
                f"<br>{t('detail.fig.status', lang)}: %{{customdata}}<extra></extra>",
            }
        )
    if len(rolled):
        name = t("detail.fig.commitment", lang)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "line": {"shape": "hv", "width": 4, "color": theme.INK, "dash": "dash"},
                "x": [str(d) for d in rolled["date"]],
                "y": rolled["progress"].to_numpy(dtype=float),
                "name": name,
                "hovertemplate": f"{name}<br>%{{x|%d %b %Y}}<br>{t('detail.fig.progress', lang)}: %{{y:.0f}} %<extra></extra>",
            }
        )
    layout = theme.base_layout(
        lang,
        height=380,
        margin={"l": 8, "r": 16, "t": 16, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
        xaxis={"type": "date", "gridcolor": theme.GRID, "title": {"text": t("detail.fig.date", lang)}},
        yaxis={
            "range": [-3, 105],
            "title": {"text": t("detail.fig.progress_axis", lang)},
            "ticksuffix": " %" if lang == "es" else "%",
            "fixedrange": True,
            "automargin": True,
        },
    )
    return {"data": traces, "layout": layout}


# --- text alternatives (dashboard.components.chart) -------------------------------------


def milestone_timeline_summary(milestones: pd.DataFrame, lang: str, today: dt.date) -> str:
    """``milestone_timeline`` in words: the planned span, the flags and each milestone's progress."""
    rows = milestones.dropna(subset=["planned_end"]).sort_values("number")
    if rows.empty:
        return t("detail.sum.undated", lang)
    progress = [
        f"{t('detail.fig.milestone', lang, n=int(n))}: {fmt_percent(float(v), lang)}"
        for n, v in zip(rows["number"], rows["progress"])
    ]
    flags = t(
        "detail.sum.flags",
        lang,
        late=fmt_number(int(rows["late"].sum()), lang),
        at_risk=fmt_number(int(rows["at_risk"].sum()), lang),
        today=fmt_date(today, lang),
    )
    return t(
        "detail.sum.timeline",
        lang,
        n=fmt_number(len(rows), lang),
        start=fmt_date(rows["planned_start"].fillna(rows["planned_end"]).min(), lang),
        end=fmt_date(rows["planned_end"].max(), lang),
        flags=flags,
        milestones=fmt_list(progress, lang),
    )


def progress_history_summary(events: pd.DataFrame, rolled: pd.DataFrame, lang: str) -> str:
    """``progress_history`` in words: the reports' span, the commitment's start and end, each milestone's last value."""
    if events.empty:
        return ""
    latest = events.sort_values("date", kind="stable").groupby("number", sort=True)["progress"].last()
    values = rolled["progress"].astype(float) if len(rolled) else pd.Series(dtype=float)
    return t(
        "detail.sum.history",
        lang,
        n=fmt_number(len(events), lang),
        first=fmt_date(min(events["date"]), lang),
        last=fmt_date(max(events["date"]), lang),
        start=fmt_percent(values.iloc[0] if len(values) else None, lang),
        end=fmt_percent(values.iloc[-1] if len(values) else None, lang),
        milestones=fmt_list(
            [f"{t('detail.fig.milestone', lang, n=int(n))}: {fmt_percent(float(v), lang)}" for n, v in latest.items()],
            lang,
        ),
    )
