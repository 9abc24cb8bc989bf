"""Figures of the forum comparison (/forums): pure builders, comparison in, dicts out.

Each indicator is ONE figure with one column per forum, and every column
shares the same y range, so bar heights and line levels compare honestly
across forums (``columns_layout``).  Columns keep their own x range: a pilot
lasted fifteen months, the national forum runs for years.  Fonts are large
enough for a projector.  Stakeholder types keep their colour and pattern
(dashboard.theme); breaches of OGP's 180-day rule carry a pattern, a symbol
and a text label, so colour is never the only cue.

The input is ``data.forum_indicators.compare``'s result.
"""

from __future__ import annotations

import copy
import math

import numpy as np
import pandas as pd

from dashboard import theme
from dashboard.figures.text import plain
from dashboard.i18n import add, fmt_date, fmt_number, fmt_percent, t, vocab_label
from data.vocab import FORUM_MAX_GAP_DAYS, MEMBERSHIP_ROLES, STAKEHOLDER_TYPES

add(
    {
        "forums.fig.as_of": {"es": "al {date}", "en": "as of {date}"},
        "forums.fig.closed": {"es": "al cierre, {date}", "en": "at its close, {date}"},
        "forums.fig.seats": {"es": "Puestos en el foro", "en": "Seats on the forum"},
        "forums.fig.seats_total": {"es": "{n} en total", "en": "{n} in all"},
        "forums.fig.non_government": {
            "es": "Organizaciones miembro no gubernamentales (%)",
            "en": "Non-government member organizations (%)",
        },
        "forums.fig.turnover": {"es": "Rotación de miembros (% al año)", "en": "Member turnover (% a year)"},
        "forums.fig.turnover_text": {
            "es": "{rate} · altas: {joined}, bajas: {left}",
            "en": "{rate} · joined: {joined}, left: {left}",
        },
        "forums.fig.half": {"es": "mitad", "en": "half"},
        "forums.fig.months": {"es": "Meses desde la creación del foro", "en": "Months since the forum was created"},
        "forums.fig.cumulative": {"es": "Sesiones realizadas (acumulado)", "en": "Meetings held (cumulative)"},
        "forums.fig.cumulative_hover": {
            "es": "%{customdata}<br>Sesión n.º %{y}<extra>%{fullData.name}</extra>",
            "en": "%{customdata}<br>Meeting no. %{y}<extra>%{fullData.name}</extra>",
        },
        "forums.fig.days_without": {"es": "Días sin sesionar", "en": "Days without a meeting"},
        "forums.fig.limit": {"es": "Máximo OGP: {days} días", "en": "OGP maximum: {days} days"},
        "forums.fig.gap_ok": {"es": "Intervalo dentro del plazo", "en": "Interval within the limit"},
        "forums.fig.gap_breach": {"es": "⚠ Más de {days} días: incumple", "en": "⚠ Over {days} days: breach"},
        "forums.fig.gap_open": {"es": "Desde la última sesión (en curso)", "en": "Since the last meeting (running)"},
        "forums.fig.breach_text": {"es": "⚠ {days} días", "en": "⚠ {days} days"},
        "forums.fig.open_text": {"es": "{days} días hasta hoy", "en": "{days} days to date"},
        "forums.fig.gap_hover": {
            "es": "%{customdata}<br>%{y} días<extra></extra>",
            "en": "%{customdata}<br>%{y} days<extra></extra>",
        },
        "forums.fig.gap.to_first": {"es": "De la creación a la 1.ª sesión", "en": "From creation to the first meeting"},
        "forums.fig.gap.between": {"es": "Entre sesiones", "en": "Between meetings"},
        "forums.fig.gap.since_last": {"es": "Desde la última sesión", "en": "Since the last meeting"},
        "forums.fig.meeting_marker": {"es": "Sesión", "en": "Meeting"},
        "forums.fig.persons": {"es": "Personas presentes", "en": "People present"},
        "forums.fig.sessions": {"es": "Sesiones, en orden cronológico", "en": "Meetings, in date order"},
        "forums.fig.session_hover": {
            "es": "%{customdata}<br>%{fullData.name}: %{y}<extra></extra>",
            "en": "%{customdata}<br>%{fullData.name}: %{y}<extra></extra>",
        },
        "forums.fig.rate": {"es": "Organizaciones miembro presentes (%)", "en": "Member organizations present (%)"},
        "forums.fig.rate_name": {"es": "Asistencia de miembros", "en": "Member attendance"},
        "forums.fig.rate_hover": {
            "es": "%{customdata}<extra></extra>",
            "en": "%{customdata}<extra></extra>",
        },
        "forums.fig.rate_detail": {
            "es": "{date}<br>{present} de {members} organizaciones miembro: {rate}",
            "en": "{date}<br>{present} of {members} member organizations: {rate}",
        },
        "forums.fig.mean": {"es": "Promedio: {value}", "en": "Average: {value}"},
        "forums.fig.agreements": {"es": "Acuerdos adoptados", "en": "Agreements reached"},
        "forums.fig.progress_axis": {"es": "Avance de los hitos (%)", "en": "Milestone progress (%)"},
        "forums.fig.reported": {"es": "Avance reportado", "en": "Reported progress"},
        "forums.fig.expected": {"es": "Avance esperado según el cronograma", "en": "Expected progress by the schedule"},
        "forums.fig.progress_hover": {
            "es": "%{x|%d %b %Y}: %{y:.0f} %<extra>%{fullData.name}</extra>",
            "en": "%{x|%d %b %Y}: %{y:.0f}%<extra>%{fullData.name}</extra>",
        },
        "forums.fig.forum_life": {"es": "Foro activo", "en": "Forum active"},
        "forums.fig.no_data": {"es": "Sin datos registrados", "en": "No data recorded"},
        "forums.fig.follows": {"es": "{n} compromisos, {m} hitos", "en": "{n} commitments, {m} milestones"},
        "forums.fig.last_meeting": {"es": "última sesión: {date}", "en": "last meeting: {date}"},
        "forums.fig.days_ago": {"es": "hace {days} días", "en": "{days} days ago"},
        "forums.fig.days_before_close": {"es": "{days} días antes del cierre", "en": "{days} days before its close"},
        "forums.fig.never_met": {"es": "ninguna sesión registrada", "en": "no meeting recorded"},
    }
)

FONT = 15  # projector: every text at least this size, titles larger
TITLE_FONT = 17
COLUMN_GAP = 0.07
# Forums drawn on one shared axis get a colour, a symbol and a dash each; their
# names are written on the figure too.
FORUM_STYLES = (
    (theme.BLUE, "circle", "solid"),
    (theme.ORANGE, "square", "dash"),
    (theme.GREEN, "diamond", "dot"),
    (theme.PURPLE, "triangle-up", "dashdot"),
    (theme.SKY, "star", "longdash"),
    (theme.GREY, "hexagon", "longdashdot"),
)
GAP_OK, GAP_BREACH, GAP_OPEN = theme.BLUE, theme.VERMILLION, theme.GREY


def forum_style(i: int) -> tuple[str, str, str]:
    return FORUM_STYLES[i % len(FORUM_STYLES)]


def _axis(i: int, letter: str) -> str:
    """Layout key of column i's axis: xaxis, xaxis2, …"""
    return f"{letter}axis" + ("" if i == 0 else str(i + 1))


def _ref(i: int, letter: str) -> str:
    """Trace reference of column i's axis: x, x2, …"""
    return letter + ("" if i == 0 else str(i + 1))


def _wrap(text: str, width: int = 26) -> str:
    """Break a long name at the space nearest its middle (titles stay in their column)."""
    if len(text) <= width or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return text[:cut] + "<br>" + text[cut + 1 :]


def reference_text(row, lang: str) -> str:
    date = fmt_date(row.reference, lang)
    return t("forums.fig.closed" if row.closed else "forums.fig.as_of", lang, date=date)


def column_title(row, lang: str, subtitle: str | None = None) -> str:
    sub = subtitle if subtitle is not None else reference_text(row, lang)
    sub = sub if "<br>" in sub else _wrap(sub, 30)
    sub = sub.replace("<br>", f"</span><br><span style='font-size:{FONT - 1}px'>")
    return f"<b>{_wrap(plain(row.name))}</b><br><span style='font-size:{FONT - 1}px'>{sub}</span>"


def nice_max(value: float, floor: float = 1.0) -> float:
    """An upper bound a little above ``value`` on a round number, so every column
    shares a y range with room for labels."""
    value = max(float(value) if value == value else 0.0, floor) * 1.18
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def columns_layout(
    lang: str,
    titles: list[str],
    *,
    y_title: str,
    y_range,
    plot_height: int = 300,
    x_title: str | None = None,
    x_type: str | None = None,
    legend: bool = True,
) -> dict:
    """A layout with one column of axes per forum, every y axis matched to the
    first and fixed to ``y_range``.  ``meta.ogpColumns`` and the titles' names
    let ``as_rows`` stack the columns into rows for a narrow panel, keeping
    the shared scales."""
    n = max(len(titles), 1)
    width = (1 - COLUMN_GAP * (n - 1)) / n
    # Column titles above the plots; the legend below, clear of the toolbar.
    margin = {"l": 64, "r": 20, "t": 96, "b": (150 if x_title else 110) if legend else (90 if x_title else 50)}
    layout = theme.base_layout(
        lang,
        height=plot_height + margin["t"] + margin["b"],
        font={"family": theme.FONT_FAMILY, "size": FONT, "color": theme.INK},
        margin=margin,
        barmode="stack",
        bargap=0.25,
        showlegend=legend,
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "font": {"size": FONT}},
        hovermode="closest",
        meta={"ogpColumns": n, "ogpPlotHeight": plot_height},
    )
    annotations = []
    for i in range(n):
        x0 = i * (width + COLUMN_GAP)
        layout[_axis(i, "x")] = {
            "domain": [x0, x0 + width],
            "anchor": _ref(i, "y"),
            "gridcolor": theme.GRID,
            "zerolinecolor": theme.GRID,
            "automargin": True,
            "tickfont": {"size": FONT - 1},
            **({"type": x_type, "nticks": max(4, 10 // n)} if x_type else {}),
            **({"title": {"text": x_title, "font": {"size": FONT - 1}}} if x_title else {}),
        }
        layout[_axis(i, "y")] = {
            "anchor": _ref(i, "x"),
            "range": list(y_range),
            "gridcolor": theme.GRID,
            "zerolinecolor": theme.GRID,
            "automargin": True,
            "tickfont": {"size": FONT - 1},
            "rangemode": "tozero",
            **({"matches": "y"} if i else {"title": {"text": y_title, "font": {"size": FONT}}}),
        }
        if i < len(titles):
            annotations.append(
                {
                    "name": f"column-title-{i}",
                    "text": titles[i],
                    "xref": "paper",
                    "yref": "paper",
                    "x": x0 + width / 2,
                    "y": 1.02,
                    "xanchor": "center",
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": TITLE_FONT, "color": theme.INK},
                }
            )
    layout["annotations"] = annotations
    layout["shapes"] = []
    return layout


def _no_data(layout: dict, i: int, lang: str) -> None:
    layout["annotations"].append(
        {
            "text": t("forums.fig.no_data", lang),
            "xref": f"{_ref(i, 'x')} domain",
            "yref": f"{_ref(i, 'y')} domain",
            "x": 0.5,
            "y": 0.5,
            "showarrow": False,
            "font": {"size": FONT, "color": theme.MUTED},
        }
    )
    layout[_axis(i, "x")].update({"showticklabels": False, "showgrid": False, "zeroline": False})


def _each_forum(forums: list, frame: pd.DataFrame, layout: dict, lang: str, sort: str | None = None):
    """(column, forum, its rows of ``frame``) for every forum with rows; a forum
    without any gets a "no data" note in its column instead."""
    for i, forum in enumerate(forums):
        mine = frame[frame["forum"] == forum.code]
        if mine.empty:
            _no_data(layout, i, lang)
            continue
        yield i, forum, (mine.sort_values(sort, kind="stable") if sort else mine)


def _forums(comparison: dict):
    return list(comparison["forums"].itertuples(index=False))


def present_types(frame: pd.DataFrame) -> list[str]:
    present = set(frame["stakeholder_type"]) if len(frame) else set()
    known = [s for s in STAKEHOLDER_TYPES if s in present]
    return known + sorted(present - set(known))


def stakeholder_marker(kind: str) -> dict:
    return {
        "color": theme.STAKEHOLDER_COLOURS.get(kind, theme.GREY),
        "pattern": {
            "shape": theme.STAKEHOLDER_PATTERNS.get(kind, ""),
            "fillmode": "overlay",
            "fgcolor": "white",
            "size": 8,
            "solidity": 0.3,
        },
        "line": {"color": "white", "width": 0.5},
    }


# --- members -------------------------------------------------------------------------------


def members_figure(comparison: dict, lang: str) -> dict:
    """Seats by role (x) and stakeholder type (stacked), one column per forum, on
    each forum's reference date."""
    forums = _forums(comparison)
    counts = comparison["members"]
    roles = list(MEMBERSHIP_ROLES)
    labels = np.array([vocab_label("role", r, lang) for r in roles], dtype=object)
    totals = counts.groupby(["forum", "role"])["seats"].sum() if len(counts) else pd.Series(dtype=int)
    layout = columns_layout(
        lang,
        [column_title(f, lang) for f in forums],
        y_title=t("forums.fig.seats", lang),
        y_range=[0, nice_max(totals.max() if len(totals) else 0, 5)],
    )
    seats = {
        (f, k, r): int(n)
        for f, k, r, n in counts[["forum", "stakeholder_type", "role", "seats"]].itertuples(index=False)
    }
    traces = []
    legend: set[str] = set()
    for i, forum, _ in _each_forum(forums, counts, layout, lang):
        for kind in present_types(counts):
            y = np.array([seats.get((forum.code, kind, r), 0) for r in roles])
            if not y.any():
                continue
            traces.append(
                {
                    "type": "bar",
                    "x": labels,
                    "y": y,
                    "name": vocab_label("stakeholder", kind, lang),
                    "legendgroup": kind,
                    "showlegend": kind not in legend,
                    "marker": stakeholder_marker(kind),
                    "xaxis": _ref(i, "x"),
                    "yaxis": _ref(i, "y"),
                    "hovertemplate": "%{x}<br>%{fullData.name}: %{y}<extra></extra>",
                }
            )
            legend.add(kind)
        for role, label in zip(roles, labels):
            total = sum(n for (f, _, r), n in seats.items() if f == forum.code and r == role)
            layout["annotations"].append(
                {
                    "text": f"<b>{fmt_number(total, lang)}</b>",
                    "x": label,
                    "y": total,
                    "xref": _ref(i, "x"),
                    "yref": _ref(i, "y"),
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": FONT},
                }
            )
    return {"data": traces, "layout": layout}


def composition_figure(comparison: dict, lang: str) -> dict:
    """Two panels, forums on one shared axis each: the share of non-government
    member organizations (0–100 %) and the yearly turnover."""
    summary = comparison["forums"]
    names = np.array([_wrap(plain(n), 30) for n in summary["name"]], dtype=object)
    colours = [forum_style(i)[0] for i in range(len(summary))]
    share = summary["non_government"].astype(float).to_numpy()
    rate = summary["turnover"].astype(float).to_numpy()
    plot_height = 30 + 70 * len(summary)
    layout = theme.base_layout(
        lang,
        height=100 + plot_height,
        showlegend=False,
        # Two panels side by side; on a phone, one under the other (as columns_layout's columns).
        meta={"ogpColumns": 2, "ogpPlotHeight": plot_height},
        font={"family": theme.FONT_FAMILY, "size": FONT, "color": theme.INK},
        margin={"l": 20, "r": 30, "t": 60, "b": 40},
        xaxis={
            "domain": [0, 0.46],
            "range": [0, 100],
            "anchor": "y",
            "gridcolor": theme.GRID,
            "ticksuffix": " %" if lang == "es" else "%",
            "title": {"text": t("forums.fig.non_government", lang)},
        },
        yaxis={"anchor": "x", "autorange": "reversed", "automargin": True, "tickfont": {"size": FONT}},
        xaxis2={
            "domain": [0.54, 1],
            "range": [0, nice_max(np.nanmax(rate) if np.isfinite(rate).any() else 0, 10)],
            "anchor": "y2",
            "gridcolor": theme.GRID,
            "title": {"text": t("forums.fig.turnover", lang)},
        },
        yaxis2={"anchor": "x2", "autorange": "reversed", "matches": "y", "showticklabels": False},
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": 50,
                "x1": 50,
                "y0": 0,
                "y1": 1,
                "line": {"color": theme.MUTED, "dash": "dot", "width": 1.5},
            }
        ],
        annotations=[
            {
                "text": t("forums.fig.half", lang),
                "xref": "x",
                "yref": "paper",
                "x": 50,
                "y": 1,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": FONT - 2, "color": theme.MUTED},
            }
        ],
    )
    share_text = [fmt_percent(v, lang) for v in share]
    rate_text = [
        t(
            "forums.fig.turnover_text",
            lang,
            rate=fmt_percent(r, lang),
            joined=fmt_number(j, lang),
            left=fmt_number(lf, lang),
        )
        for r, j, lf in zip(rate, summary["joined"], summary["left"])
    ]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "y": names,
            "x": np.nan_to_num(share),
            "marker": {"color": colours},
            "text": share_text,
            "textposition": "outside",
            "cliponaxis": False,
            "xaxis": "x",
            "yaxis": "y",
            "hovertemplate": "%{y}: %{text}<extra></extra>",
            "textfont": {"size": FONT},
        },
        # The bar says the rate; who joined and left is in its hover (and the summary table), so
        # the label fits beside the bar on a phone too.
        {
            "type": "bar",
            "orientation": "h",
            "y": names,
            "x": np.nan_to_num(rate),
            "marker": {"color": colours},
            "text": [fmt_percent(r, lang) for r in rate],
            "customdata": np.array(rate_text, dtype=object),
            "textposition": "outside",
            "cliponaxis": False,
            "xaxis": "x2",
            "yaxis": "y2",
            "hovertemplate": "%{y}: %{customdata}<extra></extra>",
            "textfont": {"size": FONT},
        },
    ]
    return {"data": traces, "layout": layout}


# --- meetings --------------------------------------------------------------------------------


def cumulative_meetings_figure(comparison: dict, lang: str) -> dict:
    """Meetings held since each forum's creation, on one shared time scale
    (months since creation): the steeper the line, the more often it met."""
    meetings = comparison["meetings"]
    traces = []
    top, right = 1, 1.0
    for i, forum in enumerate(_forums(comparison)):
        colour, symbol, dash = forum_style(i)
        created = pd.Timestamp(forum.created) if forum.created is not None else None
        dates = pd.to_datetime(meetings.loc[meetings["forum"] == forum.code, "date"]).sort_values()
        if created is None and len(dates):
            created = dates.iloc[0]
        if created is None:
            continue
        ref = pd.Timestamp(forum.reference)
        days = np.concatenate([[0.0], (dates - created).dt.days.to_numpy(float), [(ref - created).days]])
        months = days / (365.25 / 12)
        count = np.concatenate([[0], np.arange(1, len(dates) + 1), [len(dates)]])
        when = [fmt_date(created, lang)] + [fmt_date(d, lang) for d in dates] + [reference_text(forum, lang)]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": months,
                "y": count,
                "name": plain(forum.name),
                "line": {"color": colour, "dash": dash, "width": 3, "shape": "hv"},
                "marker": {"symbol": symbol, "size": np.array([0] + [9] * len(dates) + [0]), "color": colour},
                "customdata": np.array(when, dtype=object),
                "hovertemplate": t("forums.fig.cumulative_hover", lang),
            }
        )
        top, right = max(top, len(dates)), max(right, months[-1])
    layout = theme.base_layout(
        lang,
        height=470,
        showlegend=True,
        hovermode="closest",
        font={"family": theme.FONT_FAMILY, "size": FONT, "color": theme.INK},
        margin={"l": 64, "r": 20, "t": 24, "b": 130},
        meta={"ogpColumns": 1, "ogpPlotHeight": 470 - 24 - 130},  # one panel: on a phone, its title wraps
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "font": {"size": FONT},
            "itemwidth": 60,
        },
        xaxis={
            "title": {"text": t("forums.fig.months", lang)},
            "range": [0, right * 1.02],
            "gridcolor": theme.GRID,
            "zeroline": False,
        },
        yaxis={
            "title": {"text": t("forums.fig.cumulative", lang)},
            "range": [0, nice_max(top, 5)],
            "gridcolor": theme.GRID,
        },
    )
    return {"data": traces, "layout": layout}


def gaps_figure(comparison: dict, lang: str) -> dict:
    """OGP's 180-day rule: every interval without a meeting as a bar spanning it
    (height = its days), one column per forum, with the limit drawn and
    labelled and each breach marked with a pattern, a symbol and its days."""
    forums = _forums(comparison)
    gaps = comparison["gaps"]
    highest = float(gaps["days"].max()) if len(gaps) else 0.0
    layout = columns_layout(
        lang,
        [column_title(f, lang, since_last_text(f, lang)) for f in forums],
        y_title=t("forums.fig.days_without", lang),
        y_range=[0, nice_max(max(highest, FORUM_MAX_GAP_DAYS), 100)],
        x_type="date",
    )
    layout["barmode"] = "overlay"
    shown: set[str] = set()
    traces = []
    for i, _forum, mine in _each_forum(forums, gaps, layout, lang):
        start, end = pd.to_datetime(mine["start"]), pd.to_datetime(mine["end"])
        groups = (
            ("breach", mine["breach"].to_numpy(bool), GAP_BREACH, "x"),
            ("open", (mine["open"].to_numpy(bool) & ~mine["breach"].to_numpy(bool)), GAP_OPEN, "/"),
            ("ok", ~(mine["breach"].to_numpy(bool) | mine["open"].to_numpy(bool)), GAP_OK, ""),
        )
        for key, rows, colour, pattern in groups:
            if not rows.any():
                continue
            s, e = start[rows], end[rows]
            width_ms = ((e - s).dt.total_seconds().to_numpy() * 1000).clip(min=86_400_000)
            middle = s + (e - s) / 2
            hover = [
                f"{t('forums.fig.gap.' + kind, lang)}<br>{fmt_date(a, lang)} – {fmt_date(b, lang)}"
                for kind, a, b in zip(mine["kind"][rows], s, e)
            ]
            name = {
                "breach": t("forums.fig.gap_breach", lang, days=FORUM_MAX_GAP_DAYS),
                "open": t("forums.fig.gap_open", lang),
                "ok": t("forums.fig.gap_ok", lang),
            }[key]
            traces.append(
                {
                    "type": "bar",
                    "x": middle.dt.strftime("%Y-%m-%d %H:%M").to_numpy(dtype=object),
                    "y": mine["days"][rows].to_numpy(int),
                    "width": width_ms,
                    "name": name,
                    "legendgroup": key,
                    "showlegend": key not in shown,
                    "xaxis": _ref(i, "x"),
                    "yaxis": _ref(i, "y"),
                    "marker": {
                        "color": colour,
                        "line": {"color": "white", "width": 1.5},
                        "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "white", "solidity": 0.35},
                    },
                    "customdata": np.array(hover, dtype=object),
                    "hovertemplate": t("forums.fig.gap_hover", lang),
                }
            )
            shown.add(key)
        for _, gap in mine[mine["breach"] | mine["open"]].iterrows():
            text = t(
                "forums.fig.breach_text" if gap["breach"] else "forums.fig.open_text",
                lang,
                days=fmt_number(gap["days"], lang),
            )
            layout["annotations"].append(
                {
                    "text": f"<b>{text}</b>",
                    "x": (gap["start"] + (gap["end"] - gap["start"]) / 2).strftime("%Y-%m-%d"),
                    "y": int(gap["days"]),
                    "xref": _ref(i, "x"),
                    "yref": _ref(i, "y"),
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": FONT, "color": GAP_BREACH if gap["breach"] else theme.INK},
                }
            )
        meeting_days = sorted(set(end[mine["kind"].to_numpy() != "since_last"]))
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": np.array([d.strftime("%Y-%m-%d") for d in meeting_days], dtype=object),
                "y": np.zeros(len(meeting_days)),
                "name": t("forums.fig.meeting_marker", lang),
                "legendgroup": "meeting",
                "showlegend": "meeting" not in shown,
                "cliponaxis": False,
                "xaxis": _ref(i, "x"),
                "yaxis": _ref(i, "y"),
                "marker": {"symbol": "triangle-up", "size": 11, "color": theme.INK},
                "hovertemplate": "%{x|%d %b %Y}<extra>" + t("forums.fig.meeting_marker", lang) + "</extra>",
            }
        )
        shown.add("meeting")
        layout["shapes"].append(
            {
                "type": "line",
                "xref": f"{_ref(i, 'x')} domain",
                "yref": _ref(i, "y"),
                "x0": 0,
                "x1": 1,
                "y0": FORUM_MAX_GAP_DAYS,
                "y1": FORUM_MAX_GAP_DAYS,
                "line": {"color": GAP_BREACH, "dash": "dash", "width": 2},
            }
        )
        layout["annotations"].append(
            {
                "text": t("forums.fig.limit", lang, days=FORUM_MAX_GAP_DAYS),
                "xref": f"{_ref(i, 'x')} domain",
                "yref": _ref(i, "y"),
                "x": 1,
                "y": FORUM_MAX_GAP_DAYS,
                "xanchor": "right",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": FONT - 1, "color": GAP_BREACH},
            }
        )
    return {"data": traces, "layout": layout}


def since_last_text(forum, lang: str) -> str:
    if pd.isna(forum.days_since_last):
        return t("forums.fig.never_met", lang)
    days = fmt_number(forum.days_since_last, lang)
    return (
        t("forums.fig.last_meeting", lang, date=fmt_date(forum.last_meeting, lang))
        + "<br>"
        + t("forums.fig.days_before_close" if forum.closed else "forums.fig.days_ago", lang, days=days)
    )


# --- per meeting: attendance, rate, agreements -------------------------------------------------


def _month(day, lang: str) -> str:
    """ "sept 2018" / "Sep 2018": a date's short month and year."""
    return fmt_date(day, lang).split(" ", 1)[1]


def _session_axis(layout: dict, i: int, dates: pd.Series, lang: str, columns: int) -> None:
    """Column i's x axis numbers meetings 1…n; a few ticks name their month."""
    n = len(dates)
    step = max(1, math.ceil(n / max(2, 8 // max(columns, 1))))
    ticks = np.arange(1, n + 1, step)
    layout[_axis(i, "x")].update(
        {
            "range": [0.4, max(n, 1) + 0.6],
            "tickvals": ticks,
            "ticktext": [_month(dates.iloc[k - 1], lang) for k in ticks],
            "tickangle": 0,
        }
    )


def _percent_axes(layout: dict, lang: str) -> None:
    suffix = "\u00a0%" if lang == "es" else "%"
    for key in [k for k in layout if k.startswith("yaxis")]:
        layout[key]["ticksuffix"] = suffix


def attendance_figure(comparison: dict, lang: str) -> dict:
    """People at each meeting by stakeholder type (members, guests and the public
    alike), one column per forum, meetings in date order."""
    forums = _forums(comparison)
    att = comparison["attendance"]
    per_meeting = att.groupby(["forum", "meeting_id"])["persons"].sum() if len(att) else pd.Series(dtype=int)
    layout = columns_layout(
        lang,
        [column_title(f, lang) for f in forums],
        y_title=t("forums.fig.persons", lang),
        y_range=[0, nice_max(per_meeting.max() if len(per_meeting) else 0, 10)],
        x_title=t("forums.fig.sessions", lang),
    )
    meetings = comparison["meetings"]
    types = present_types(att)
    # (forum, stakeholder type) → [(meeting_id, persons)], in one pass
    rows_of: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for f, m, k, n in att[["forum", "meeting_id", "stakeholder_type", "persons"]].itertuples(index=False):
        rows_of.setdefault((f, k), []).append((m, int(n)))
    traces = []
    legend: set[str] = set()
    for i, forum, mine_meetings in _each_forum(forums, meetings, layout, lang, sort="date"):
        order = {m: k + 1 for k, m in enumerate(mine_meetings["meeting_id"])}
        dates = pd.to_datetime(mine_meetings["date"]).reset_index(drop=True)
        labels = np.array(
            [
                f"{fmt_date(d, lang)} · {vocab_label('meeting_kind', k, lang)}"
                for d, k in zip(dates, mine_meetings["kind"])
            ],
            dtype=object,
        )
        for kind in types:
            rows = [(order[m], n) for m, n in rows_of.get((forum.code, kind), []) if m in order]
            if not rows:
                continue
            x = np.array([r[0] for r in rows])
            traces.append(
                {
                    "type": "bar",
                    "x": x,
                    "y": np.array([r[1] for r in rows]),
                    "name": vocab_label("stakeholder", kind, lang),
                    "legendgroup": kind,
                    "showlegend": kind not in legend,
                    "marker": stakeholder_marker(kind),
                    "xaxis": _ref(i, "x"),
                    "yaxis": _ref(i, "y"),
                    "customdata": labels[x - 1],
                    "hovertemplate": t("forums.fig.session_hover", lang),
                }
            )
            legend.add(kind)
        _session_axis(layout, i, dates, lang, len(forums))
    return {"data": traces, "layout": layout}


def _mean_line(layout: dict, i: int, value: float, text: str) -> None:
    if value != value:  # NaN: nothing to average
        return
    layout["shapes"].append(
        {
            "type": "line",
            "xref": f"{_ref(i, 'x')} domain",
            "yref": _ref(i, "y"),
            "x0": 0,
            "x1": 1,
            "y0": value,
            "y1": value,
            "line": {"color": theme.MUTED, "dash": "dash", "width": 2},
        }
    )
    layout["annotations"].append(
        {
            "text": text,
            "xref": f"{_ref(i, 'x')} domain",
            "yref": _ref(i, "y"),
            "x": 0,
            "y": value,
            "xanchor": "left",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": FONT - 1, "color": theme.MUTED},
            "bgcolor": "rgba(255,255,255,.8)",
        }
    )


def attendance_rate_figure(comparison: dict, lang: str) -> dict:
    """Share of member organizations present at each meeting (0–100 %), with each
    forum's average."""
    forums = _forums(comparison)
    rates = comparison["rates"]
    layout = columns_layout(
        lang,
        [column_title(f, lang) for f in forums],
        y_title=t("forums.fig.rate", lang),
        y_range=[0, 105],
        x_title=t("forums.fig.sessions", lang),
        legend=False,
    )
    traces = []
    for i, forum, mine in _each_forum(forums, rates, layout, lang, sort="date"):
        dates = pd.to_datetime(mine["date"]).reset_index(drop=True)
        x = np.arange(1, len(mine) + 1)
        hover = [
            t(
                "forums.fig.rate_detail",
                lang,
                date=fmt_date(d, lang),
                present=fmt_number(p, lang),
                members=fmt_number(m, lang),
                rate=fmt_percent(r, lang),
            )
            for d, p, m, r in zip(dates, mine["present"], mine["members"], mine["rate"])
        ]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": x,
                "y": mine["rate"].to_numpy(float),
                "name": t("forums.fig.rate_name", lang),
                "xaxis": _ref(i, "x"),
                "yaxis": _ref(i, "y"),
                "line": {"color": theme.BLUE, "width": 2.5},
                "marker": {"size": 10, "color": theme.BLUE},
                "customdata": np.array(hover, dtype=object),
                "hovertemplate": t("forums.fig.rate_hover", lang),
            }
        )
        _mean_line(
            layout,
            i,
            float(forum.attendance_rate),
            t("forums.fig.mean", lang, value=fmt_percent(forum.attendance_rate, lang)),
        )
        _session_axis(layout, i, dates, lang, len(forums))
    _percent_axes(layout, lang)
    return {"data": traces, "layout": layout}


def agreements_figure(comparison: dict, lang: str) -> dict:
    """Agreements reached at each meeting, one column per forum, with its average.
    Meetings whose agreements were not recorded have no bar."""
    forums = _forums(comparison)
    meetings = comparison["meetings"]
    counts = pd.to_numeric(meetings["agreements"], errors="coerce")
    layout = columns_layout(
        lang,
        [column_title(f, lang) for f in forums],
        y_title=t("forums.fig.agreements", lang),
        y_range=[0, nice_max(counts.max() if counts.notna().any() else 0, 5)],
        x_title=t("forums.fig.sessions", lang),
        legend=False,
    )
    traces = []
    for i, forum, mine in _each_forum(forums, meetings, layout, lang, sort="date"):
        dates = pd.to_datetime(mine["date"]).reset_index(drop=True)
        y = pd.to_numeric(mine["agreements"], errors="coerce").to_numpy(float)
        labels = [f"{fmt_date(d, lang)} · {vocab_label('meeting_kind', k, lang)}" for d, k in zip(dates, mine["kind"])]
        traces.append(
            {
                "type": "bar",
                "x": np.arange(1, len(mine) + 1),
                "y": y,
                "name": t("forums.fig.agreements", lang),
                "xaxis": _ref(i, "x"),
                "yaxis": _ref(i, "y"),
                "marker": {"color": theme.GREEN},
                "text": np.array([fmt_number(v, lang) if v == v else "" for v in y], dtype=object),
                "textposition": "outside",
                "cliponaxis": False,
                "textfont": {"size": FONT - 1},
                "customdata": np.array(labels, dtype=object),
                "hovertemplate": t("forums.fig.session_hover", lang),
            }
        )
        _mean_line(
            layout,
            i,
            float(forum.agreements_mean),
            t("forums.fig.mean", lang, value=fmt_number(forum.agreements_mean, lang, 1)),
        )
        _session_axis(layout, i, dates, lang, len(forums))
    return {"data": traces, "layout": layout}


# --- milestones -----------------------------------------------------------------------------


def progress_figure(comparison: dict, lang: str) -> dict:
    """Reported against expected progress of the milestones of the commitments
    each forum follows, over time (0–100 %), with the forum's active life shaded."""
    forums = _forums(comparison)
    lines = comparison["progress"]
    layout = columns_layout(
        lang,
        [column_title(f, lang, follows_text(f, lang)) for f in forums],
        y_title=t("forums.fig.progress_axis", lang),
        y_range=[0, 105],
        x_type="date",
    )
    shown: set[str] = set()
    traces = []
    for i, forum, mine in _each_forum(forums, lines, layout, lang):
        x = pd.to_datetime(mine["date"]).dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
        for key, column, colour, dash in (
            ("reported", "progress", theme.GREEN, "solid"),
            ("expected", "expected", theme.MUTED, "dash"),
        ):
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "x": x,
                    "y": mine[column].astype(float).to_numpy(),
                    "name": t(f"forums.fig.{key}", lang),
                    "legendgroup": key,
                    "showlegend": key not in shown,
                    "line": {"color": colour, "dash": dash, "width": 3.5 if key == "reported" else 2.5},
                    "xaxis": _ref(i, "x"),
                    "yaxis": _ref(i, "y"),
                    "hovertemplate": t("forums.fig.progress_hover", lang),
                }
            )
            shown.add(key)
        last = mine.iloc[-1]
        layout["annotations"].append(
            {
                "text": f"<b>{fmt_percent(last['progress'], lang)}</b>",
                "x": x[-1],
                "y": float(last["progress"]),
                "xref": _ref(i, "x"),
                "yref": _ref(i, "y"),
                "xanchor": "right",
                "yanchor": "bottom",
                "yshift": 4,
                "showarrow": False,
                "font": {"size": FONT + 1, "color": theme.GREEN},
            }
        )
        if forum.created is not None:
            layout["shapes"].append(
                {
                    "type": "rect",
                    "xref": _ref(i, "x"),
                    "yref": f"{_ref(i, 'y')} domain",
                    "x0": pd.Timestamp(forum.created).strftime("%Y-%m-%d"),
                    "x1": pd.Timestamp(forum.reference).strftime("%Y-%m-%d"),
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": theme.SKY,
                    "opacity": 0.12,
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
            layout["annotations"].append(
                {
                    "text": t("forums.fig.forum_life", lang),
                    "xref": _ref(i, "x"),
                    "yref": f"{_ref(i, 'y')} domain",
                    "x": pd.Timestamp(forum.created).strftime("%Y-%m-%d"),
                    "y": 1,
                    "xanchor": "left",
                    "yanchor": "top",
                    "showarrow": False,
                    "font": {"size": FONT - 2, "color": theme.BLUE},
                }
            )
    _percent_axes(layout, lang)
    return {"data": traces, "layout": layout}


def follows_text(forum, lang: str) -> str:
    return t("forums.fig.follows", lang, n=fmt_number(forum.commitments, lang), m=fmt_number(forum.milestones, lang))


# --- rows instead of columns, for a narrow panel ---------------------------------------------

# px between rows: the row above's tick labels (and axis title), then this row's title.
ROW_TICKS, ROW_AXIS_TITLE, ROW_TITLE, ROW_TOOLBAR = 50, 30, 70, 24
PHONE_TITLE_CHARS = 18  # an axis title's line on a phone's row (~250 px)


def _title_text(title) -> str | None:
    return title.get("text") if isinstance(title, dict) else title


def _wrap_words(text: str | None, width: int = PHONE_TITLE_CHARS) -> str | None:
    """A long axis title in lines of about ``width`` characters."""
    if not text or len(text) <= width or "<br>" in text:
        return text
    lines = [""]
    for word in text.split(" "):
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
    return "<br>".join(lines)


def _date_span_years(traces: list, ref: str) -> float:
    """Years between the first and last date drawn on the x axis ``ref``."""
    dates = [
        pd.to_datetime(pd.Series(np.asarray(trace["x"]).ravel()), errors="coerce")
        for trace in traces
        if trace.get("xaxis", "x") == ref and trace.get("x") is not None and len(trace["x"])
    ]
    if not dates:
        return 0.0
    every = pd.concat(dates).dropna()
    return (every.max() - every.min()).days / 365.25 if len(every) else 0.0


def _fewer_ticks(axis: dict, traces: list, ref: str) -> None:
    """Three ticks at most, written flat; a date axis names years only (every
    other one over more than four)."""
    axis["tickangle"] = 0
    ticks = axis.get("tickvals")
    if axis.get("type") == "date":
        axis.pop("nticks", None)
        years = _date_span_years(traces, ref)
        axis.update({"tickformat": "%Y", "dtick": "M24" if years > 4 else "M12", "tick0": "2000-01-01"})
    elif ticks is not None and len(ticks) > 3:
        step = math.ceil(len(ticks) / 3)
        axis["tickvals"] = list(ticks)[::step]
        if axis.get("ticktext") is not None:
            axis["ticktext"] = list(axis["ticktext"])[::step]
    elif ticks is None:
        axis["nticks"] = 4


def as_rows(figure: dict) -> dict:
    """The figure with its columns (``meta.ogpColumns``) as rows, each the full
    width with its title above it and the y axes still matched, so the scale
    stays shared; long axis titles wrap and the x axes get fewer, flat ticks.
    For a panel narrower than the columns need (a phone; a tablet comparing
    three forums).  A one-panel chart gets the phone's tweaks only."""
    layout = copy.deepcopy(figure["layout"])
    meta = layout.get("meta") or {}
    n, plot = int(meta.get("ogpColumns") or 1), int(meta.get("ogpPlotHeight") or 300)
    annotations = layout.get("annotations") or []
    titled = any(str(note.get("name", "")).startswith("column-title-") for note in annotations)
    x_title = _wrap_words(_title_text((layout.get("xaxis") or {}).get("title")))
    gap = ROW_TICKS + (ROW_AXIS_TITLE * x_title.count("<br>") + ROW_AXIS_TITLE if x_title else 0)
    gap += ROW_TITLE if titled else 0
    paper = n * plot + (n - 1) * gap
    y_title = (layout.get("yaxis") or {}).get("title")
    margin = layout["margin"] = dict(layout.get("margin") or {})
    margin["t"] = margin.get("t", 0) + ROW_TOOLBAR
    layout["height"] = margin["t"] + margin.get("b", 0) + paper
    for i in range(n):
        top = 1 - i * (plot + gap) / paper
        x, y = layout.get(_axis(i, "x")), layout.get(_axis(i, "y"))
        if x is not None:
            x["domain"] = [0, 1]
            _fewer_ticks(x, figure["data"], _ref(i, "x"))
            if _title_text(x.get("title")):
                x["title"] = {**x["title"], "text": _wrap_words(_title_text(x["title"]))}
        if y is not None:
            y["domain"] = [max(0.0, top - plot / paper), min(1.0, top)]
            y["showticklabels"] = True  # a row's labels are no longer beside the first column's
            if i and y_title:
                y["title"] = y_title
    for note in annotations:
        name = str(note.get("name", ""))
        if name.startswith("column-title-"):
            note.update({"x": 0.5, "y": 1 - int(name.rsplit("-", 1)[1]) * (plot + gap) / paper + 6 / paper})
    layout["meta"] = {**meta, "ogpStacked": True}
    return {**figure, "layout": layout}
