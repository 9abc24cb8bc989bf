"""Figures of the engagement view: pure builders, summary frames in, figure dicts out.

Built as plain dicts with numpy arrays (no plotly.express: ~80 ms a figure).
Time charts share one date axis: a bar per calendar period centred in it, the
action plans' periods shaded behind, period names in the user's language.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import theme
from dashboard.figures.text import plain
from dashboard.i18n import add, fmt_date, fmt_list, fmt_number, fmt_percent, t, vocab_label
from data.periods import MONTHS_IN, checked, shift, shift_all

add(
    {
        "engagement.quarter_label": {"es": "T{q} {year}", "en": "Q{q} {year}"},
        "engagement.plan_band": {"es": "Plan {label}", "en": "Plan {label}"},
        "engagement.plan_band_open": {"es": "Fecha de fin no registrada", "en": "End date not recorded"},
        "engagement.axis.participants": {"es": "Participantes", "en": "Participants"},
        "engagement.axis.organizations": {"es": "Organizaciones distintas", "en": "Distinct organizations"},
        "engagement.axis.flow": {"es": "Organizaciones", "en": "Organizations"},
        "engagement.axis.contributions": {"es": "Aportes", "en": "Contributions"},
        "engagement.axis.rate": {"es": "Respondidos (%)", "en": "Answered (%)"},
        "engagement.axis.share": {"es": "Participantes (%)", "en": "Participants (%)"},
        "engagement.flow.new": {"es": "Nuevas", "en": "New"},
        "engagement.flow.returning": {"es": "Vuelven", "en": "Returning"},
        "engagement.flow.stopped": {"es": "Dejaron de participar", "en": "Stopped"},
        "engagement.flow.stopped_provisional": {
            "es": "Dejaron de participar (provisional)",
            "en": "Stopped (provisional)",
        },
        "engagement.contrib.received": {"es": "Recibidos", "en": "Received"},
        "engagement.contrib.answered": {"es": "Con respuesta razonada", "en": "With a reasoned answer"},
        "engagement.contrib.rate": {"es": "Tasa de respuesta", "en": "Answer rate"},
        "engagement.contrib.answered_text": {"es": "{n} ({rate})", "en": "{n} ({rate})"},
        "engagement.gender.all": {"es": "Todos los canales", "en": "All channels"},
        "engagement.sum.by_type": {
            "es": "{what} por {period}, de {first} a {last}: máximo {peak} en {peak_period} ({types}); en el último ({latest_period}), {latest}.",
            "en": "{what} per {period}, from {first} to {last}: most {peak} in {peak_period} ({types}); in the latest ({latest_period}), {latest}.",
        },
        "engagement.sum.flow": {
            "es": "Organizaciones por {period}, de {first} a {last}: {new} llegadas nuevas, {returning} regresos y {stopped} que dejaron de participar{provisional}. Más llegadas nuevas: {peak_period} ({peak}).",
            "en": "Organizations per {period}, from {first} to {last}: {new} new arrivals, {returning} returns and {stopped} that stopped taking part{provisional}. Most new arrivals: {peak_period} ({peak}).",
        },
        "engagement.sum.flow_provisional": {
            "es": " ({n} de ellas, provisionalmente, en los últimos periodos)",
            "en": " ({n} of them provisionally, in the latest periods)",
        },
        "engagement.sum.by_channel": {
            "es": "Aportes recibidos y con respuesta razonada, por canal: {channels}.",
            "en": "Contributions received and answered with reasons, by channel: {channels}.",
        },
        "engagement.sum.channel": {
            "es": "{channel}: {received} recibidos, {answered} respondidos ({rate})",
            "en": "{channel}: {received} received, {answered} answered ({rate})",
        },
        "engagement.sum.over_time": {
            "es": "Aportes por {period}, de {first} a {last}: {received} recibidos, {answered} con respuesta razonada ({rate}). Más aportes: {peak_period} ({peak}).",
            "en": "Contributions per {period}, from {first} to {last}: {received} received, {answered} answered with reasons ({rate}). Most: {peak_period} ({peak}).",
        },
        "engagement.sum.period.month": {"es": "mes", "en": "month"},
        "engagement.sum.period.quarter": {"es": "trimestre", "en": "quarter"},
        "engagement.gender_summary": {
            "es": "Con género registrado: {recorded} de las participaciones; de ellas, {women} mujeres y {men} hombres. Sin registrar: {unrecorded}.",
            "en": "Gender recorded for {recorded} of participations; of those, {women} women and {men} men. Not recorded: {unrecorded}.",
        },
    }
)

# New / returning / stopped: colour, pattern AND legend text, never colour alone.
FLOW_STYLE = {
    "new": (theme.GREEN, ""),
    "returning": (theme.BLUE, "/"),
    "stopped": (theme.VERMILLION, "x"),
    "stopped_provisional": (theme.VERMILLION, "."),
}
RECEIVED_COLOUR = "#C5CCD3"
GENDER_STYLE = {  # colour, pattern, text colour on the bar
    "female": (theme.ORANGE, "", theme.INK),
    "male": (theme.BLUE, "", "white"),
    "other": (theme.GREEN, "", "white"),
    "unrecorded": ("#E4E7EB", "/", theme.INK),
}
PLAN_FILLS = ("rgba(0, 114, 178, 0.07)", "rgba(230, 159, 0, 0.10)")
_DAY_MS = 86_400_000
_BAR_SHARE = 0.8  # of a period's width


def period_label(start, period: str, lang: str) -> str:
    """``T2 2017`` / ``Q2 2017`` for quarters, ``mayo 2017`` / ``May 2017`` for months."""
    day = pd.Timestamp(start)
    if checked(period) == "quarter":
        return t("engagement.quarter_label", lang, q=(day.month - 1) // 3 + 1, year=day.year)
    return fmt_date(day, lang, "month")


def period_labels(periods, period: str, lang: str) -> np.ndarray:
    return np.array([period_label(p, period, lang) for p in periods], dtype=object)


def _midpoints(periods: pd.DatetimeIndex, period: str) -> np.ndarray:
    """Each period's middle day, as ISO text (short in the JSON sent to the browser)."""
    starts = np.asarray(periods, dtype="datetime64[ns]")
    return np.datetime_as_string(starts + (shift_all(starts, period) - starts) // 2, unit="D").astype(object)


def _bar_width(period: str) -> float:
    return MONTHS_IN[checked(period)] * 30.44 * _DAY_MS * _BAR_SHARE


def _pattern(shape: str, ink: str = "white") -> dict:
    """A fill pattern drawn OVER the marker colour (plotly's default replaces it)."""
    return {"shape": shape, "fillmode": "overlay", "fgcolor": ink, "size": 7, "solidity": 0.3}


def _iso(day) -> str:
    return pd.Timestamp(day).strftime("%Y-%m-%d")


def _time_axis(periods: pd.DatetimeIndex, period: str, lang: str) -> dict:
    """A date axis over the periods: each period named when few, else months or years."""
    first, after = periods[0], shift(periods[-1], period)
    axis = {
        "type": "date",
        "range": [_iso(first), _iso(after)],
        "gridcolor": theme.GRID,
        "automargin": True,
        "showgrid": False,
        "ticks": "outside",
    }
    if len(periods) <= 12:
        axis.update(tickmode="array", tickvals=_midpoints(periods, period))
        if checked(period) == "quarter":
            axis["ticktext"] = period_labels(periods, period, lang)
        else:  # plotly's short month names, translated by the graph's locale
            axis["tickformat"] = "%b %Y"
        return axis
    months = len(periods) * MONTHS_IN[checked(period)]
    if months <= 36:
        axis.update(dtick="M3", tickformat="%b\n%Y")
    else:  # one label a year, or every other year on long spans (half-width charts)
        axis.update(dtick="M12" if months <= 96 else "M24", tickformat="%Y", tick0="2000-01-01", tickangle=0)
    return axis


def plan_bands(plans: pd.DataFrame, periods: pd.DatetimeIndex, period: str, lang: str) -> tuple[list, list]:
    """Shaded rectangles and labels for the action plans' periods on a time axis.

    ``plans``: data.engagement.plan_spans().  Only the part inside the axis is
    drawn; consecutive plans' labels alternate height.
    """
    if plans is None or plans.empty or len(periods) == 0:
        return [], []
    lo, hi = pd.Timestamp(periods[0]), shift(periods[-1], period)
    shapes, notes = [], []
    spans = zip(plans["start"], plans["end"], plans["label"], plans["open_end"])
    for i, (start, end, label, open_end) in enumerate(spans):
        x0, x1 = max(start, lo), min(end + pd.Timedelta(days=1), hi)
        if x1 <= x0:
            continue
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": _iso(x0),
                "x1": _iso(x1),
                "y0": 0,
                "y1": 1,
                "fillcolor": PLAN_FILLS[i % 2],
                "line": {"width": 0},
                "layer": "below",
            }
        )
        # Consecutive plans' labels alternate height, so neighbours never overlap.
        notes.append(
            {
                "x": _iso(x0),
                "y": 1.0 if len(notes) % 2 == 0 else 0.92,
                "xref": "x",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "text": t("engagement.plan_band", lang, label=plain(label) + ("–?" if open_end else "")),
                "hovertext": t("engagement.plan_band_open", lang) if open_end else None,
                "font": {"size": 11, "color": theme.MUTED},
                "bgcolor": "rgba(255, 255, 255, 0.75)",
            }
        )
    return shapes, notes


def _time_layout(periods, period: str, lang: str, plans, y_title: str, **extra) -> dict:
    shapes, notes = plan_bands(plans, periods, period, lang)
    layout = theme.base_layout(
        lang,
        xaxis=_time_axis(periods, period, lang),
        yaxis={
            "title": {"text": y_title},
            "gridcolor": theme.GRID,
            "zerolinecolor": theme.MUTED,
            "rangemode": "tozero",
            "automargin": True,
            "separatethousands": True,
        },
        shapes=shapes,
        annotations=notes,
        height=400,  # the stakeholder legend takes several lines on a phone
        hovermode="closest",
        margin={"l": 56, "r": 16, "t": 48, "b": 40},
    )
    layout.update(extra)
    return layout


def _bar(x, y, name: str, labels, colour: str, pattern: str, period: str, **extra) -> dict:
    """A bar trace on the time axis; periods without a bar are left out (most are
    empty in bursty data, and zero-height bars only weigh on the payload)."""
    y = np.asarray(y)
    keep = np.flatnonzero(y != 0) if y.dtype.kind in "iu" else np.flatnonzero(np.nan_to_num(y) != 0)
    trace = {
        "type": "bar",
        "x": x[keep],
        "y": y[keep],
        "name": name,
        "customdata": labels[keep],
        "width": _bar_width(period),
        "marker": {"color": colour, "line": {"width": 0}, "pattern": _pattern(pattern)},
        "hovertemplate": "<b>%{customdata}</b><br>" + name + ": %{y:,}<extra></extra>",
    }
    trace.update(extra)
    return trace


def by_stakeholder(table: pd.DataFrame, period: str, lang: str, plans, y_title_key: str) -> dict:
    """Stacked bars per period, one trace per stakeholder type present.

    ``table``: periods × stakeholder types (data.engagement.people_by_type or
    organizations_by_type).
    """
    periods = pd.DatetimeIndex(table.index)
    x, labels = _midpoints(periods, period), period_labels(periods, period, lang)
    traces = [
        _bar(
            x,
            table[code].to_numpy(),
            vocab_label("stakeholder", code, lang),
            labels,
            theme.STAKEHOLDER_COLOURS.get(code, theme.GREY),
            theme.STAKEHOLDER_PATTERNS.get(code, ""),
            period,
        )
        for code in table.columns
        if table[code].any()
    ]
    return {"data": traces, "layout": _time_layout(periods, period, lang, plans, t(y_title_key, lang), barmode="stack")}


def flow_figure(flow: pd.DataFrame, period: str, lang: str, plans) -> dict:
    """New and returning organizations up, those that stopped down (provisional apart).

    ``flow``: data.turnover.organization_flow() cropped to the axis.
    """
    periods = pd.DatetimeIndex(flow.index)
    x, labels = _midpoints(periods, period), period_labels(periods, period, lang)
    provisional = flow["provisional"].to_numpy(dtype=bool)
    stopped = flow["stopped"].to_numpy()
    series = {
        "new": flow["new"].to_numpy(),
        "returning": flow["returning"].to_numpy(),
        "stopped": -np.where(provisional, 0, stopped),
        "stopped_provisional": -np.where(provisional, stopped, 0),
    }
    traces = []
    for key, y in series.items():
        if not y.any():
            continue
        colour, pattern = FLOW_STYLE[key]
        name = t(f"engagement.flow.{key}", lang)
        traces.append(
            _bar(
                x,
                y,
                name,
                np.column_stack([labels, np.abs(y)]),
                colour,
                pattern,
                period,
                opacity=0.55 if key == "stopped_provisional" else 1.0,
                hovertemplate="<b>%{customdata[0]}</b><br>" + name + ": %{customdata[1]:,}<extra></extra>",
            )
        )
    return {
        "data": traces,
        "layout": _time_layout(periods, period, lang, plans, t("engagement.axis.flow", lang), barmode="relative"),
    }


def _channel_names(channels, lang: str) -> np.ndarray:
    return np.array(
        [vocab_label("channel", c, lang) if c != "all" else t("engagement.gender.all", lang) for c in channels],
        dtype=object,
    )


def contributions_by_channel(table: pd.DataFrame, lang: str) -> dict:
    """Received and answered contributions per channel, the answer rate written on the bar.

    ``table``: data.engagement.contributions_by_channel().
    """
    names = _channel_names(table["channel"], lang)
    received = table["received"].to_numpy(dtype=float)
    answered = table["answered"].to_numpy(dtype=float)
    rates = [fmt_percent(r, lang) for r in table["rate"]]
    answered_text = np.array(
        [t("engagement.contrib.answered_text", lang, n=fmt_number(a, lang), rate=r) for a, r in zip(answered, rates)],
        dtype=object,
    )
    received_name, answered_name = t("engagement.contrib.received", lang), t("engagement.contrib.answered", lang)
    rate_name = t("engagement.contrib.rate", lang)
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "y": names,
            "x": received,
            "name": received_name,
            "marker": {"color": RECEIVED_COLOUR},
            "text": np.array([fmt_number(v, lang) for v in received], dtype=object),
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": "<b>%{y}</b><br>" + received_name + ": %{x:,}<extra></extra>",
        },
        {
            "type": "bar",
            "orientation": "h",
            "y": names,
            "x": answered,
            "name": answered_name,
            "marker": {"color": theme.BLUE, "pattern": _pattern("/")},
            "text": answered_text,
            "textposition": "outside",
            "cliponaxis": False,
            "customdata": np.array(rates, dtype=object),
            "hovertemplate": "<b>%{y}</b><br>"
            + answered_name
            + ": %{x:,}<br>"
            + rate_name
            + ": %{customdata}<extra></extra>",
        },
    ]
    layout = theme.base_layout(
        lang,
        barmode="group",
        height=120 + 70 * len(names),
        xaxis={
            "title": {"text": t("engagement.axis.contributions", lang)},
            "gridcolor": theme.GRID,
            "rangemode": "tozero",
            "automargin": True,
            "separatethousands": True,
        },
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 16, "r": 90, "t": 40, "b": 40},
    )
    return {"data": traces, "layout": layout}


def contributions_over_time(table: pd.DataFrame, period: str, lang: str, plans) -> dict:
    """Received contributions per period with the answered part over them, and
    the answer rate on a second axis.

    ``table``: data.engagement.contributions_per_period().
    """
    periods = pd.DatetimeIndex(table.index)
    x, labels = _midpoints(periods, period), period_labels(periods, period, lang)
    received_name, answered_name = t("engagement.contrib.received", lang), t("engagement.contrib.answered", lang)
    rate_name = t("engagement.contrib.rate", lang)
    rate = table["rate"].to_numpy(dtype=float)
    some = np.flatnonzero(~np.isnan(rate))  # no rate where nothing was received
    traces = [
        _bar(x, table["received"].to_numpy(dtype=float), received_name, labels, RECEIVED_COLOUR, "", period),
        _bar(x, table["answered"].to_numpy(dtype=float), answered_name, labels, theme.BLUE, "/", period),
        {
            "type": "scatter",
            "mode": "markers",
            "x": x[some],
            "y": rate[some],
            "yaxis": "y2",
            "name": rate_name,
            "marker": {
                "symbol": "diamond",
                "size": 9,
                "color": theme.VERMILLION,
                "line": {"color": "white", "width": 1},
            },
            "customdata": np.array([fmt_percent(r, lang) for r in rate[some]], dtype=object),
            "text": labels[some],
            "hovertemplate": "<b>%{text}</b><br>" + rate_name + ": %{customdata}<extra></extra>",
        },
    ]
    layout = _time_layout(periods, period, lang, plans, t("engagement.axis.contributions", lang), barmode="overlay")
    layout["yaxis2"] = {
        "title": {"text": t("engagement.axis.rate", lang)},
        "overlaying": "y",
        "side": "right",
        "range": [0, 105],
        "showgrid": False,
        "automargin": True,
        "tickmode": "array",
        "tickvals": [0, 25, 50, 75, 100],
        "ticktext": [fmt_percent(v, lang) for v in (0, 25, 50, 75, 100)],
    }
    layout["margin"] = {**layout["margin"], "r": 56}
    return {"data": traces, "layout": layout}


def gender_split(table: pd.DataFrame, lang: str) -> dict:
    """Participants per channel by gender as shares of 100 %, "not recorded" included.

    ``table``: data.engagement.gender_by_channel() (channels × genders, last row ``all``).
    """
    names = _channel_names(table.index, lang)
    totals = table.sum(axis=1).to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(totals[:, None] > 0, table.to_numpy(dtype=float) / totals[:, None] * 100.0, 0.0)
    traces = []
    for j, gender in enumerate(table.columns):
        if not table[gender].any():
            continue
        colour, pattern, ink = GENDER_STYLE.get(gender, (theme.GREY, "", "white"))
        name = vocab_label("gender", gender, lang)
        share = shares[:, j]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "y": names,
                "x": share,
                "name": name,
                "marker": {"color": colour, "pattern": _pattern(pattern, theme.MUTED)},
                "text": np.array([fmt_percent(s, lang) if s >= 6 else "" for s in share], dtype=object),
                "textposition": "inside",
                "insidetextanchor": "middle",
                "textfont": {"color": ink},
                "customdata": np.column_stack(
                    [np.array([fmt_percent(s, lang, 1) for s in share], dtype=object), table[gender].to_numpy()]
                ),
                "hovertemplate": "<b>%{y}</b><br>" + name + ": %{customdata[0]} (%{customdata[1]:,})<extra></extra>",
            }
        )
    layout = theme.base_layout(
        lang,
        barmode="stack",
        height=120 + 48 * len(names),
        xaxis={
            "title": {"text": t("engagement.axis.share", lang)},
            "range": [0, 100],
            "gridcolor": theme.GRID,
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True},
        margin={"l": 16, "r": 16, "t": 40, "b": 40},
    )
    layout["legend"] = {**layout["legend"], "traceorder": "normal"}  # women first, as the bars read
    return {"data": traces, "layout": layout}


# --- text alternatives (dashboard.components.chart) -------------------------------------


def _span(periods, period: str, lang: str) -> dict:
    return {
        "period": t(f"engagement.sum.period.{checked(period)}", lang),
        "first": period_label(periods[0], period, lang),
        "last": period_label(periods[-1], period, lang),
    }


def by_stakeholder_summary(table: pd.DataFrame, period: str, lang: str, y_title_key: str) -> str:
    """``by_stakeholder`` in words: the busiest period and its stakeholder types, and the latest."""
    totals = table.sum(axis=1)
    if table.empty or not totals.any():
        return ""
    peak = totals.idxmax()
    types = table.loc[peak][table.loc[peak] > 0].sort_values(ascending=False, kind="stable")
    return t(
        "engagement.sum.by_type",
        lang,
        what=t(y_title_key, lang),
        **_span(table.index, period, lang),
        peak=fmt_number(int(totals[peak]), lang),
        peak_period=period_label(peak, period, lang),
        types=fmt_list(
            [f"{vocab_label('stakeholder', k, lang)} {fmt_number(int(n), lang)}" for k, n in types.items()], lang
        ),
        latest=fmt_number(int(totals.iloc[-1]), lang),
        latest_period=period_label(table.index[-1], period, lang),
    )


def flow_summary(flow: pd.DataFrame, period: str, lang: str) -> str:
    """``flow_figure`` in words: arrivals, returns and departures over the periods drawn."""
    if flow.empty:
        return ""
    provisional = int(flow.loc[flow["provisional"].to_numpy(dtype=bool), "stopped"].sum())
    return t(
        "engagement.sum.flow",
        lang,
        **_span(flow.index, period, lang),
        new=fmt_number(int(flow["new"].sum()), lang),
        returning=fmt_number(int(flow["returning"].sum()), lang),
        stopped=fmt_number(int(flow["stopped"].sum()), lang),
        provisional=t("engagement.sum.flow_provisional", lang, n=fmt_number(provisional, lang)) if provisional else "",
        peak_period=period_label(flow["new"].idxmax(), period, lang),
        peak=fmt_number(int(flow["new"].max()), lang),
    )


def contributions_by_channel_summary(table: pd.DataFrame, lang: str) -> str:
    """``contributions_by_channel`` in words: received, answered and the rate, per channel."""
    if table.empty:
        return ""
    channels = [
        t(
            "engagement.sum.channel",
            lang,
            channel=name,
            received=fmt_number(int(r), lang),
            answered=fmt_number(int(a), lang),
            rate=fmt_percent(rate, lang),
        )
        for name, r, a, rate in zip(
            _channel_names(table["channel"], lang), table["received"], table["answered"], table["rate"]
        )
    ]
    return t("engagement.sum.by_channel", lang, channels=fmt_list(channels, lang))


def contributions_over_time_summary(table: pd.DataFrame, period: str, lang: str) -> str:
    """``contributions_over_time`` in words: the totals, the answer rate and the busiest period."""
    if table.empty or not table["received"].any():
        return ""
    received, answered = int(table["received"].sum()), int(table["answered"].sum())
    return t(
        "engagement.sum.over_time",
        lang,
        **_span(table.index, period, lang),
        received=fmt_number(received, lang),
        answered=fmt_number(answered, lang),
        rate=fmt_percent(answered / received * 100, lang),
        peak_period=period_label(table["received"].idxmax(), period, lang),
        peak=fmt_number(int(table["received"].max()), lang),
    )


def gender_summary(table: pd.DataFrame, lang: str) -> str:
    """``gender_split`` in words, over every channel (its row ``all``)."""
    row = table.loc["all"]
    total = row.sum()
    recorded = total - row["unrecorded"]
    return t(
        "engagement.gender_summary",
        lang,
        recorded=fmt_percent(recorded / total * 100 if total else None, lang),
        women=fmt_percent(row["female"] / recorded * 100 if recorded else None, lang),
        men=fmt_percent(row["male"] / recorded * 100 if recorded else None, lang),
        unrecorded=fmt_percent(row["unrecorded"] / total * 100 if total else None, lang),
    )
