"""The milestone timeline's figures and their text alternatives.

``gantt_figure``: one row per milestone under a header row per commitment; the
planned period as a bar coloured AND patterned by state, reported progress as a
dark inner bar, expected progress as a tick, the actual end as a dot, late and
at-risk milestones flagged with a symbol and a word, and a line at the "as of"
date.  ``due_figure``: milestones due per month or quarter, stacked by state.

Both draw a fixed set of traces (one per state, one per mark) whatever the
number of milestones, with numpy arrays, so payloads stay small.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard import theme
from dashboard.figures.text import plain
from dashboard.i18n import add, fmt_date, fmt_number, fmt_percent, t, vocab_label
from data.queries.timeline import DRAWN_STATES

add(
    {
        "timeline.fig.progress": {"es": "Avance reportado", "en": "Reported progress"},
        "timeline.fig.expected": {"es": "Avance esperado a la fecha", "en": "Expected progress to date"},
        "timeline.fig.actual_end": {"es": "Término real", "en": "Actual end"},
        "timeline.fig.today": {"es": "Hoy · {date}", "en": "Today · {date}"},
        "timeline.fig.as_of": {"es": "Situación al {date}", "en": "As of {date}"},
        "timeline.fig.milestones_due": {"es": "Hitos que vencen", "en": "Milestones due"},
        "timeline.hover.commitment": {"es": "Compromiso", "en": "Commitment"},
        "timeline.hover.responsible": {"es": "Responsable", "en": "Responsible"},
        "timeline.hover.planned": {"es": "Planificado", "en": "Planned"},
        "timeline.hover.actual_end": {"es": "Término real", "en": "Actual end"},
        "timeline.hover.progress": {
            "es": "Avance reportado: {reported} · esperado: {expected}",
            "en": "Reported progress: {reported} · expected: {expected}",
        },
        "timeline.hover.state": {"es": "Estado", "en": "State"},
        "timeline.hover.row": {"es": "fila {row}", "en": "row {row}"},
        "timeline.quarter": {"es": "T{q} {year}", "en": "Q{q} {year}"},
        "timeline.caption.gantt": {
            "es": "Cronograma, página {page} de {pages}: {milestones} hitos de los compromisos {first} a {last} de {commitments}, planificados del {start} al {end}. En esta página: {states}. {marker}.",
            "en": "Timeline, page {page} of {pages}: {milestones} milestones of commitments {first} to {last} of {commitments}, planned from {start} to {end}. On this page: {states}. {marker}.",
        },
        "timeline.caption.due": {
            "es": "Hitos por {period} de término planificado, de {first} a {last}: {milestones} hitos ({states}). Mayor número de vencimientos: {peak} ({peak_count}).",
            "en": "Milestones by {period} of planned end, from {first} to {last}: {milestones} milestones ({states}). Most due: {peak} ({peak_count}).",
        },
        "timeline.period.month": {"es": "mes", "en": "month"},
        "timeline.period.quarter": {"es": "trimestre", "en": "quarter"},
    }
)

DAY_MS = 86_400_000
ROW_PX = 22
DUE_HEIGHT = 340
MODEBAR_PX = 30
TITLE_CHARS = 38  # axis labels are cut here; the hover has the full text
FLAGGED = ("late", "at_risk")
# Legend and stacking order: what needs attention first.
STATE_ORDER = ("late", "at_risk", "in_progress", "not_started", "complete", "cancelled")
# Text on white needs 4.5:1; the flag symbols keep the state colours.
FLAG_TEXT = {"late": "#A33B00", "at_risk": "#7A4F00"}


def escape(text) -> str:
    """Text safe inside plotly's HTML-like labels (dashboard.figures.text)."""
    return plain(text)


def _ms(values) -> np.ndarray:
    """datetime64 values as milliseconds since 1970 (plotly's date numbers)."""
    return np.asarray(values, dtype="datetime64[ms]").astype("int64")


def _short(text, limit: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text, width: int = 60) -> str:
    """Escaped text broken into lines of about ``width`` characters (hover labels do not wrap)."""
    lines, line = [], ""
    for word in str(text or "").split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(escape(part) for part in lines if part) or "—"


def _commitment_titles(rows: pd.DataFrame, lang: str) -> list[str]:
    """Each row's commitment title: OGP's English title in English when there is one."""
    own = rows["commitment_title"].fillna("").astype(str)
    if lang == "en":
        english = rows["commitment_title_en"].fillna("").astype(str)
        own = english.where(english != "", own)
    return own.tolist()


def source_text(kind, name, row, lang: str) -> str:
    """Where a record comes from: the seed document, a file and row, or a sample."""
    if not isinstance(kind, str):
        return "—"
    text = f"{t('source.' + kind, lang)}: {name}"
    if kind == "file" and pd.notna(row):
        text += ", " + t("timeline.hover.row", lang, row=fmt_number(int(row), lang))
    if kind == "sample":
        text += " · " + t("common.sample_badge", lang)
    return text


def _days(values) -> list:
    """datetime64 values as datetime.date (None where missing), for fmt_date."""
    return np.asarray(values, dtype="datetime64[D]").tolist()


def _hover(rows: pd.DataFrame, lang: str) -> list[str]:
    labels = {
        key: t(f"timeline.hover.{key}", lang) for key in ("commitment", "responsible", "planned", "actual_end", "state")
    }
    state_labels = {s: vocab_label("status", s, lang) for s in DRAWN_STATES}
    sources = {}
    texts = []
    for number, title, cid, ctitle, responsible, start, end, actual, progress, expected, state, kind, name, row in zip(
        rows["number"].tolist(),
        rows["title"].tolist(),
        rows["commitment_id"].astype(str).tolist(),
        _commitment_titles(rows, lang),
        rows["responsible"].tolist(),
        _days(rows["start"]),
        _days(rows["end"]),
        _days(rows["actual_end"]),
        rows["progress"].tolist(),
        rows["expected"].tolist(),
        rows["state"].astype(str).tolist(),
        rows["source_kind"].tolist(),
        rows["source_name"].tolist(),
        rows["source_row"].tolist(),
    ):
        key = (kind, name, row if kind == "file" else None)
        if key not in sources:
            sources[key] = escape(source_text(kind, name, row, lang))
        texts.append(
            "<br>".join(
                (
                    f"<b>{number}. {_wrap(title)}</b>",
                    f"{labels['commitment']}: <b>{escape(cid)}</b> {_wrap(_short(ctitle, 120))}",
                    f"{labels['responsible']}: {_wrap(responsible)}",
                    f"{labels['planned']}: {fmt_date(start, lang)} – {fmt_date(end, lang)}",
                    f"{labels['actual_end']}: {fmt_date(actual, lang)}",
                    t(
                        "timeline.hover.progress",
                        lang,
                        reported=fmt_percent(progress, lang),
                        expected=fmt_percent(expected, lang),
                    ),
                    f"{labels['state']}: <b>{state_labels[state]}</b>",
                    f"{t('common.source', lang)}: {sources[key]}",
                )
            )
        )
    return texts


def as_of_label(as_of: dt.date, is_today: bool, lang: str) -> str:
    key = "timeline.fig.today" if is_today else "timeline.fig.as_of"
    return t(key, lang, date=fmt_date(as_of, lang))


def _as_of_marks(lo: float, hi: float, as_of: dt.date, label: str) -> tuple[list, list, list]:
    """The x range, and a line with its label at ``as_of``.

    When the date lies far outside the data (a plan that ended years ago), the
    range keeps to the data and an arrow at the edge says where the date is.
    """
    x = float(_ms(np.datetime64(as_of, "D")))
    span = max(hi - lo, 30 * DAY_MS)
    if lo - 0.25 * span <= x <= hi + 0.25 * span:
        lo, hi = min(lo, x - 0.02 * span), max(hi, x + 0.12 * span)
        line = {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": x,
            "x1": x,
            "y0": 0,
            "y1": 1,
            "line": {"color": theme.INK, "width": 2, "dash": "dash"},
            "layer": "above",
        }
        # the label reads on the side of the line with room for it
        side = "right" if (x - lo) / (hi - lo) > 0.6 else "left"
        note = {
            "x": x,
            "xref": "x",
            "y": 1,
            "yref": "paper",
            "yanchor": "top",
            "xanchor": side,
            "text": f"<b>{escape(label)}</b>",
            "showarrow": False,
            "bgcolor": "rgba(255,255,255,0.9)",
            "borderpad": 2,
            "font": {"size": 12, "color": theme.INK},
        }
        return [lo, hi], [line], [note]
    right = x > hi
    note = {
        "x": 1 if right else 0,
        "xref": "paper",
        "y": 1,
        "yref": "paper",
        "yanchor": "top",
        "xanchor": "right" if right else "left",
        "showarrow": False,
        "text": f"<b>{escape(label)} →</b>" if right else f"<b>← {escape(label)}</b>",
        "bgcolor": "rgba(255,255,255,0.9)",
        "borderpad": 2,
        "font": {"size": 12, "color": theme.INK},
    }
    return [lo, hi], [], [note]


def _legend(height: int) -> dict:
    """A legend across the top, below plotly's toolbar (which would hide its end)."""
    return {
        "orientation": "h",
        "x": 0,
        "xref": "container",
        "xanchor": "left",
        "y": 1 - MODEBAR_PX / height,
        "yref": "container",
        "yanchor": "top",
        "font": {"size": 12},
        "traceorder": "normal",
    }


def _state_marker(state: str) -> dict:
    colour = theme.STATUS_COLOURS[state]
    return {
        "color": colour,
        "line": {"color": colour, "width": 1},
        "pattern": {
            "shape": theme.STATUS_PATTERNS[state],
            "fillmode": "overlay",
            "fgcolor": "white",
            "fgopacity": 0.75,
            "size": 7,
            "solidity": 0.3,
        },
    }


def _rows(commitment_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """y positions: (each milestone's, each commitment header's, how many rows).

    Rows come grouped by commitment; each group gets a header row first.
    """
    n = len(commitment_ids)
    first = np.r_[True, commitment_ids[1:] != commitment_ids[:-1]] if n else np.zeros(0, bool)
    headers = np.flatnonzero(first)
    return np.arange(n) + np.cumsum(first), headers + np.arange(len(headers)), n + len(headers)


def _marks(rows: pd.DataFrame, pos: np.ndarray, lang: str, gap: float) -> list[dict]:
    """The traces drawn over the bars: reported progress, expected progress, the
    actual end, and the late / at-risk flags (a symbol and a word)."""
    start, end = _ms(rows["start"].to_numpy()), _ms(rows["end"].to_numpy())
    duration = np.maximum(end - start, DAY_MS)
    state = rows["state"].astype(str).to_numpy()
    progress, expected = rows["progress"].to_numpy(float), rows["expected"].to_numpy(float)
    done = progress > 0
    open_ = ~np.isin(state, ("complete", "cancelled")) & ~np.isnan(expected)
    ended = rows["actual_end"].notna().to_numpy()
    marks = [
        {
            "type": "bar",
            "orientation": "h",
            "name": t("timeline.fig.progress", lang),
            "legendrank": 10,
            "y": pos[done],
            "x": np.maximum(duration[done] * progress[done] / 100.0, DAY_MS).round(),
            "base": start[done],
            "width": 0.24,
            "marker": {"color": theme.INK, "opacity": 0.85},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": t("timeline.fig.expected", lang),
            "legendrank": 11,
            "y": pos[open_],
            "x": (start[open_] + duration[open_] * expected[open_] / 100.0).round(),
            "marker": {"symbol": "line-ns", "size": 17, "line": {"width": 3, "color": theme.INK}, "color": theme.INK},
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": t("timeline.fig.actual_end", lang),
            "legendrank": 12,
            "y": pos[ended],
            "x": _ms(rows["actual_end"].to_numpy()[ended]),
            "marker": {
                "symbol": theme.STATUS_SYMBOLS["complete"],
                "size": 9,
                "color": theme.BLACK,
                "line": {"width": 1.5, "color": "white"},
            },
            "hoverinfo": "skip",
        },
    ]
    for s in FLAGGED:
        m = state == s
        label = vocab_label("status", s, lang)
        marks.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": label,
                "showlegend": False,
                "y": pos[m],
                "x": end[m] + gap,
                "text": np.full(int(m.sum()), label, dtype=object),
                "textposition": "middle right",
                "cliponaxis": False,
                "textfont": {"size": 11, "color": FLAG_TEXT[s]},
                "marker": {
                    "symbol": theme.STATUS_SYMBOLS[s],
                    "size": 10,
                    "color": theme.STATUS_COLOURS[s],
                    "line": {"width": 1, "color": FLAG_TEXT[s]},
                },
                "hoverinfo": "skip",
            }
        )
    return marks


def gantt_figure(rows: pd.DataFrame, lang: str, as_of: dt.date, *, is_today: bool = True) -> dict:
    """The page's milestones (drawing order, with details) as a Gantt chart."""
    cid = rows["commitment_id"].astype(str).to_numpy()
    pos, header_pos, slots = _rows(cid)
    start, end = _ms(rows["start"].to_numpy()), _ms(rows["end"].to_numpy())
    state = rows["state"].astype(str).to_numpy()
    hover = np.array(_hover(rows, lang), dtype=object)
    bars = [
        {
            "type": "bar",
            "orientation": "h",
            "name": vocab_label("status", s, lang),
            "legendrank": rank,
            "y": pos[state == s],
            "x": np.maximum(end - start, DAY_MS)[state == s],
            "base": start[state == s],
            "width": 0.7,
            "marker": _state_marker(s),
            "customdata": cid[state == s],
            "hovertext": hover[state == s],
            "hovertemplate": "%{hovertext}<extra></extra>",
        }
        for rank, s in enumerate(STATE_ORDER)
    ]
    if len(rows):
        lo = float(start.min())
        hi = float(max(end.max(), _ms(rows["actual_end"].dropna().to_numpy()).max(initial=0)))
    else:
        lo = hi = float(_ms(np.datetime64(as_of, "D")))
    span = max(hi - lo, 30 * DAY_MS)
    # room on the right for the flags' words
    x_range, shapes, notes = _as_of_marks(lo, hi + 0.14 * span, as_of, as_of_label(as_of, is_today, lang))
    bands = [  # every other commitment on a light band
        {
            "type": "rect",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": h - 0.5,
            "y1": (header_pos[g + 1] if g + 1 < len(header_pos) else slots) - 0.5,
            "fillcolor": "#F3F5F7",
            "line": {"width": 0},
            "layer": "below",
        }
        for g, h in enumerate(header_pos)
        if g % 2 == 0
    ]
    titles = _commitment_titles(rows, lang)
    firsts = header_pos - np.arange(len(header_pos))  # the first milestone of each commitment
    header_text = [f"<b>{escape(cid[i])}</b> {escape(_short(titles[i], TITLE_CHARS - len(cid[i])))}" for i in firsts]
    row_text = [
        f"{num}. {escape(_short(title, TITLE_CHARS))}"
        for num, title in zip(rows["number"].tolist(), rows["title"].tolist())
    ]
    height = slots * ROW_PX + 140  # rows keep their height however few there are
    layout = theme.base_layout(
        lang,
        height=height,
        margin={"l": 8, "r": 16, "t": 104, "b": 16},
        barmode="overlay",
        hovermode="closest",
        hoverlabel={"bgcolor": "white", "font": {"color": theme.INK, "size": 12}, "align": "left"},
        legend=_legend(height),
        xaxis={
            "type": "date",
            "side": "top",
            "range": x_range,
            "gridcolor": theme.GRID,
            "automargin": True,
            "showline": True,
            "linecolor": theme.GRID,
        },
        yaxis={
            "tickmode": "array",
            "tickvals": np.concatenate([header_pos, pos]).astype(int),
            "ticktext": header_text + row_text,
            "range": [slots - 0.5, -0.5],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
            "tickfont": {"size": 12},
            "ticks": "",
        },
        shapes=bands + shapes,
        annotations=notes,
    )
    return {"data": bars + _marks(rows, pos, lang, gap=0.01 * span), "layout": layout}


def _period_label(start: pd.Timestamp, period: str, lang: str) -> str:
    if period == "quarter":
        return t("timeline.quarter", lang, q=(start.month - 1) // 3 + 1, year=start.year)
    return fmt_date(start, lang, "month")


def due_figure(table: pd.DataFrame, period: str, lang: str, as_of: dt.date, *, is_today: bool = True) -> dict:
    """Milestones due per period (``timeline.due_by_period``), stacked by state."""
    x = _ms(table.index.to_numpy())
    months = 3 if period == "quarter" else 1
    starts = table.index.to_numpy().astype("datetime64[M]")
    lasts = (starts + np.timedelta64(months, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")
    # label, first and last day: the hover shows the label, a click zooms to the days
    periods = np.array(
        [
            [_period_label(p, period, lang), str(a)[:10], str(b)]
            for p, a, b in zip(table.index, starts.astype("datetime64[D]"), lasts)
        ],
        dtype=object,
    )
    traces = [
        {
            "type": "bar",
            "name": vocab_label("status", s, lang),
            "x": x,
            "y": table[s].to_numpy(),
            "marker": _state_marker(s),
            "xperiod": f"M{months}",
            "xperiodalignment": "middle",
            "width": months * 26 * DAY_MS,  # set, or a lone period is drawn as a hairline
            "customdata": periods,
            "hovertemplate": "<b>%{customdata[0]}</b> · %{fullData.name}: %{y}<extra></extra>",
        }
        for s in STATE_ORDER
    ]
    most = int(table.to_numpy().sum(axis=1).max()) if len(table) else 0
    lo = float(x.min()) if len(x) else float(_ms(np.datetime64(as_of, "D")))
    hi = float(x.max()) + months * 31 * DAY_MS if len(x) else lo
    x_range, shapes, notes = _as_of_marks(lo - 15 * DAY_MS, hi, as_of, as_of_label(as_of, is_today, lang))
    layout = theme.base_layout(
        lang,
        height=DUE_HEIGHT,
        barmode="stack",
        bargap=0.15,
        hovermode="closest",
        margin={"l": 56, "r": 16, "t": 84, "b": 36},
        legend=_legend(DUE_HEIGHT),
        xaxis={"type": "date", "range": x_range, "gridcolor": theme.GRID, "automargin": True},
        yaxis={
            "title": {"text": t("timeline.fig.milestones_due", lang)},
            "gridcolor": theme.GRID,
            "rangemode": "tozero",
            "automargin": True,
            "fixedrange": True,
            **({"dtick": 1} if most <= 5 else {}),
        },  # counts: no ticks at 0.2 milestones
        shapes=shapes,
        annotations=notes,
    )
    return {"data": traces, "layout": layout}


def states_text(counts: dict[str, int], lang: str) -> str:
    """``12 atrasados, 3 en riesgo, …``: the states present, worst first."""
    order = ("late", "at_risk", "not_started", "in_progress", "complete", "cancelled")
    parts = [f"{vocab_label('status', s, lang).lower()}: {fmt_number(counts[s], lang)}" for s in order if counts.get(s)]
    return "; ".join(parts) or "—"


def gantt_caption(page, counts: dict[str, int], lang: str, as_of: dt.date, *, is_today: bool = True) -> str:
    """The Gantt chart in words, for screen readers (``paginate`` page + state counts)."""
    return t(
        "timeline.caption.gantt",
        lang,
        page=page.number,
        pages=page.pages,
        milestones=fmt_number(len(page.rows), lang),
        first=page.first_commitment,
        last=page.last_commitment,
        commitments=fmt_number(page.commitments, lang),
        start=fmt_date(page.rows["start"].min(), lang),
        end=fmt_date(page.rows["end"].max(), lang),
        states=states_text(counts, lang),
        marker=as_of_label(as_of, is_today, lang),
    )


def due_caption(table: pd.DataFrame, period: str, lang: str) -> str:
    totals = table.sum(axis=1)
    peak = totals.idxmax()
    counts = {s: int(table[s].sum()) for s in DRAWN_STATES}
    return t(
        "timeline.caption.due",
        lang,
        period=t(f"timeline.period.{period}", lang),
        first=_period_label(table.index[0], period, lang),
        last=_period_label(table.index[-1], period, lang),
        milestones=fmt_number(int(totals.sum()), lang),
        states=states_text(counts, lang),
        peak=_period_label(peak, period, lang),
        peak_count=fmt_number(int(totals[peak]), lang),
    )
