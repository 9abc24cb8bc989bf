"""Engagement summaries for the charts: pure functions over the query frames.

Inputs are the frames of data/queries/engagement.py: ``activity`` (people and
contributions per day, channel, stakeholder type, gender) and
``organization_days`` (one row per organization and day), cropped to the
view's dates with ``window`` and given their calendar period once with
``keyed``.  Functions that count per period take the periods to show, so every
chart of a view shares one time axis.  Tallies use numpy, not groupby: they
run on every filter change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from data.periods import in_window, period_range, period_start
from data.vocab import GENDERS, PARTICIPATION_CHANNELS, STAKEHOLDER_TYPES

UNRECORDED = "unrecorded"


def window(frame: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> pd.DataFrame:
    """The rows dated inside [start, end]."""
    if start is None and end is None:
        return frame
    return frame[in_window(frame["date"], start, end).to_numpy()]


def keyed(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """The frame with a ``period`` column: the first day of each row's period."""
    return frame.assign(period=period_start(frame["date"], period).to_numpy())


def axis_periods(frame: pd.DataFrame, period: str) -> pd.DatetimeIndex:
    """Every period from the first to the last with a record."""
    dates = frame["date"].dropna()
    if dates.empty:
        return period_range(None, None, period)
    return period_range(dates.min(), dates.max(), period)


def _ordered(columns, vocabulary) -> list:
    known = [c for c in vocabulary if c in columns]
    return known + sorted(c for c in columns if c not in vocabulary)


def _crosstab(rows, row_keys, col_keys, weights, vocabulary) -> pd.DataFrame:
    """Sum ``weights`` into a (rows × categories) table; categories in vocabulary
    order, then any others; row keys not in ``rows`` are left out."""
    rows = pd.Index(rows)
    positions = rows.get_indexer(np.asarray(row_keys))
    keys = np.asarray(col_keys, dtype=object)
    categories = _ordered(set(keys[positions >= 0]), vocabulary)
    cols = pd.Index(categories, dtype=object).get_indexer(keys)
    keep = (positions >= 0) & (cols >= 0)
    grid = np.zeros((len(rows), len(categories)), dtype="int64")
    np.add.at(grid, (positions[keep], cols[keep]), np.asarray(weights, dtype="int64")[keep])
    return pd.DataFrame(grid, index=rows, columns=categories)


def people_by_type(activity: pd.DataFrame, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """Participants per period and stakeholder type (a person at two events counts
    twice).  ``activity`` must be ``keyed``."""
    return _crosstab(periods, activity["period"], activity["stakeholder_type"], activity["persons"], STAKEHOLDER_TYPES)


def organizations_by_type(org_days: pd.DataFrame, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """Distinct organizations per period and stakeholder type.  ``org_days`` must be ``keyed``."""
    distinct = org_days.drop_duplicates(["period", "organization_id"])
    return _crosstab(
        periods, distinct["period"], distinct["stakeholder_type"], np.ones(len(distinct)), STAKEHOLDER_TYPES
    )


def with_contributions(activity: pd.DataFrame) -> pd.DataFrame:
    """Rows where contributions were recorded (forum meetings record none)."""
    return activity[activity["received"].notna().to_numpy()]


def answer_rate(received, answered):
    """Share (%) of contributions that got a reasoned answer; NaN when none came."""
    received = np.asarray(received, dtype=float)
    answered = np.asarray(answered, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(received > 0, answered / received * 100.0, np.nan)
    return rate if rate.ndim else float(rate)


def _received_answered(rows, row_keys, contributions: pd.DataFrame, vocabulary=None) -> pd.DataFrame:
    n = len(contributions)
    table = (
        _crosstab(
            rows,
            np.concatenate([np.asarray(row_keys)] * 2),
            np.repeat(np.array(["received", "answered"], dtype=object), n),
            np.concatenate([contributions["received"].to_numpy(), contributions["answered"].to_numpy()]),
            ("received", "answered"),
        )
        .reindex(columns=["received", "answered"], fill_value=0)
        .astype(float)
    )
    table["rate"] = answer_rate(table["received"], table["answered"])
    return table


def contributions_by_channel(contributions: pd.DataFrame) -> pd.DataFrame:
    """Contributions received and answered per channel, with the answer rate (%).
    ``contributions``: rows ``with_contributions``."""
    channels = _ordered(set(contributions["channel"]), PARTICIPATION_CHANNELS)
    table = _received_answered(pd.Index(channels, dtype=object), contributions["channel"], contributions)
    return table.rename_axis("channel").reset_index()


def contributions_per_period(contributions: pd.DataFrame, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """Contributions received and answered per period, with the answer rate (%).
    ``contributions``: ``keyed`` rows ``with_contributions``."""
    return _received_answered(periods, contributions["period"], contributions).rename_axis("period")


def gender_by_channel(activity: pd.DataFrame) -> pd.DataFrame:
    """Participants per channel and gender, ``unrecorded`` where it was not recorded;
    a last row ``all`` sums the channels."""
    channels = _ordered(set(activity["channel"]), PARTICIPATION_CHANNELS)
    genders = activity["gender"].fillna(UNRECORDED).to_numpy(dtype=object)
    table = _crosstab(
        pd.Index(channels, dtype=object),
        activity["channel"].to_numpy(dtype=object),
        genders,
        activity["persons"],
        (*GENDERS, UNRECORDED),
    )
    table = table.reindex(columns=[*GENDERS, UNRECORDED], fill_value=0)
    table.loc["all"] = table.sum()
    return table.astype("int64")


def totals(activity: pd.DataFrame, org_days: pd.DataFrame) -> dict:
    """The headline numbers of a selection."""
    recorded = with_contributions(activity)
    received = float(recorded["received"].sum())
    answered = float(recorded["answered"].sum())
    return {
        "persons": int(activity["persons"].sum()),
        "organizations": int(org_days["organization_id"].nunique()),
        "received": int(received),
        "answered": int(answered),
        "rate": answer_rate(received, answered),
    }


def plan_spans(plans: pd.DataFrame) -> pd.DataFrame:
    """Each action plan's period (start, end dates) from its dates, else its years.

    A plan with a start but no end (OGP lists some by their first year only)
    spans its first year and is flagged ``open_end``; a plan with neither is
    left out.
    """
    rows = []
    plan: Any  # a row of ``plans``: itertuples types its fields as any scalar
    for plan in plans.itertuples():
        start_year = plan.start_year if pd.notna(plan.start_year) else plan.cycle_year
        start = (
            pd.Timestamp(plan.start_date)
            if pd.notna(plan.start_date)
            else (pd.Timestamp(int(start_year), 1, 1) if pd.notna(start_year) else None)
        )
        if start is None:
            continue
        end, open_end = None, False
        if pd.notna(plan.end_date):
            end = pd.Timestamp(plan.end_date)
        elif pd.notna(plan.end_year):
            end = pd.Timestamp(int(plan.end_year), 12, 31)
        else:
            end, open_end = pd.Timestamp(start.year, 12, 31), True
        rows.append({"id": plan.id, "label": plan.label, "start": start, "end": end, "open_end": open_end})
    frame = pd.DataFrame(rows, columns=["id", "label", "start", "end", "open_end"])
    return frame.sort_values("start").reset_index(drop=True)
