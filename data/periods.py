"""Calendar periods that engagement is counted in: months and quarters.

Pure functions over dates.  A period is named by its first day (a Timestamp at
midnight): 2017-04-01 is the second quarter of 2017 when counting quarters,
April 2017 when counting months.  Periods follow the calendar, not the action
plans, so two plans or two forums are compared on the same grid.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

PERIODS = ("month", "quarter")
DEFAULT_PERIOD = "quarter"  # a plan cycle (two years) is eight bars, readable on a projector
MONTHS_IN = {"month": 1, "quarter": 3}
_PANDAS_FREQ = {"month": "M", "quarter": "Q"}
_RANGE_FREQ = {"month": "MS", "quarter": "QS"}


def checked(period: str | None) -> str:
    """The period asked for when it is one we know, else the default."""
    return period if period in PERIODS else DEFAULT_PERIOD


def period_start(dates, period: str) -> pd.Series:
    """The first day of the period each date falls in (NaT stays NaT)."""
    values = pd.to_datetime(pd.Series(dates), errors="coerce").to_numpy(dtype="datetime64[ns]")
    months = values.astype("datetime64[M]")  # months since January 1970
    if checked(period) == "quarter":
        months = months - (months.astype("int64") % 3).astype("timedelta64[M]")
    return pd.Series(months.astype("datetime64[ns]"))


def start_of(day, period: str) -> pd.Timestamp:
    """The first day of the period one date falls in."""
    day = pd.Timestamp(day)
    return pd.Timestamp(day.year, day.month - (day.month - 1) % MONTHS_IN[checked(period)], 1)


def shift(start, period: str, n: int = 1) -> pd.Timestamp:
    """The period ``n`` periods after (or before, n < 0) the one starting at ``start``."""
    return pd.Timestamp(start) + pd.DateOffset(months=n * MONTHS_IN[checked(period)])


def shift_all(starts, period: str, n: int = 1) -> np.ndarray:
    """``shift`` for an array of period starts (datetime64[ns] out)."""
    months = np.asarray(starts, dtype="datetime64[ns]").astype("datetime64[M]")
    return (months + np.timedelta64(n * MONTHS_IN[checked(period)], "M")).astype("datetime64[ns]")


def period_end(start, period: str) -> pd.Timestamp:
    """The last day of the period starting at ``start``."""
    return shift(start, period) - pd.Timedelta(days=1)


def period_range(first, last, period: str) -> pd.DatetimeIndex:
    """Every period from the one holding ``first`` to the one holding ``last``,
    empty ones included: a gap in engagement is a fact to show, not to skip."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return pd.DatetimeIndex([], dtype="datetime64[ns]")
    begin = np.datetime64(start_of(first, period), "M")
    end = np.datetime64(start_of(last, period), "M")
    months = np.arange(begin, end + np.timedelta64(1, "M"), MONTHS_IN[checked(period)])
    return pd.DatetimeIndex(months.astype("datetime64[ns]"))


def in_window(dates, start: dt.date | None, end: dt.date | None) -> pd.Series:
    """True for dates inside [start, end] (either bound may be open)."""
    values = pd.to_datetime(pd.Series(dates), errors="coerce")
    keep = values.notna()
    if start is not None:
        keep &= values >= pd.Timestamp(start)
    if end is not None:
        keep &= values <= pd.Timestamp(end)
    return keep
