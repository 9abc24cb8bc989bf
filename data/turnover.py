"""Who keeps coming back: new, returning and stopped organizations per period.

Pure functions over "organization-days" (one row per organization and date it
took part).  Definitions, per calendar period P (data/periods.py):

- **present**: organizations with at least one record in P.
- **new**: present in P, and P is the first period the organization appears in.
- **returning**: present in P, having appeared in an earlier period too
  (present = new + returning).
- **stopped**: organizations last seen in the period just before P and not
  since.  The periods run from the first to the last period with any record;
  organizations last seen in that last period are not counted as stopped
  anywhere, since nothing after it is known.
- **provisional**: a stop counted in P is provisional while fewer than
  FORUM_MAX_GAP_DAYS (OGP's six-month minimum between forum meetings) separate
  the start of P from the latest record: those organizations have not yet
  missed six months, and may still come back.

Histories always use every date given, so a view that shows a window of time
must pass the whole history and crop afterwards: a window must not turn a
returning organization into a new one.  Written with numpy (factorize,
bincount): they run on every filter change.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.periods import period_range, period_start, shift_all
from data.vocab import FORUM_MAX_GAP_DAYS

FLOW_COLUMNS = ("present", "new", "returning", "stopped", "provisional")
SUMMARY_COLUMNS = ("organization_id", "name", "stakeholder_type", "first_seen", "last_seen", "periods", "days")


class _History:
    """Organization-days reduced to arrays: organization codes, dates, period starts."""

    def __init__(self, org_days: pd.DataFrame, period: str):
        dates = pd.to_datetime(org_days["date"]).to_numpy(dtype="datetime64[ns]")
        keep = org_days["organization_id"].notna().to_numpy() & ~np.isnat(dates)
        self.rows = np.flatnonzero(keep)
        self.codes, self.ids = pd.factorize(org_days["organization_id"].to_numpy()[keep])
        self.dates = dates[keep]
        self.periods = period_start(self.dates, period).to_numpy()
        self.n = len(self.ids)

    def extreme(self, values: np.ndarray, ufunc) -> np.ndarray:
        """Per organization, the min or max of ``values`` (datetime64[ns])."""
        ints = values.view("int64")
        out = np.full(self.n, np.iinfo("int64").max if ufunc is np.minimum else np.iinfo("int64").min)
        ufunc.at(out, self.codes, ints)
        return out.view("datetime64[ns]")

    def distinct_count(self, values: np.ndarray) -> np.ndarray:
        """Per organization, how many distinct ``values`` it has."""
        pairs = np.unique(np.column_stack([self.codes, values.view("int64")]), axis=0)
        return np.bincount(pairs[:, 0], minlength=self.n)


def _count_in(index: pd.DatetimeIndex, values: np.ndarray) -> np.ndarray:
    # pandas-stubs wants an Index; pandas documents (and takes) any array-like, without a copy.
    positions = index.get_indexer(values)  # type: ignore[arg-type]
    return np.bincount(positions[positions >= 0], minlength=len(index)).astype("int64")


def organization_flow(org_days: pd.DataFrame, period: str, data_end=None) -> pd.DataFrame:
    """Counts per period (index: period start) of present, new, returning and
    stopped organizations, and whether the stopped count is provisional.

    ``org_days`` needs ``organization_id`` and ``date``.  ``data_end``: the
    latest date the data covers (default: its latest record).
    """
    history = _History(org_days, period)
    if history.n == 0:
        empty = {c: pd.Series(dtype=bool if c == "provisional" else "int64") for c in FLOW_COLUMNS}
        return pd.DataFrame(empty, index=pd.DatetimeIndex([], name="period", dtype="datetime64[ns]"))
    index = period_range(history.periods.min(), history.periods.max(), period)
    pairs = np.unique(np.column_stack([history.codes, history.periods.view("int64")]), axis=0)
    present = _count_in(index, pairs[:, 1].view("datetime64[ns]"))
    new = _count_in(index, history.extreme(history.periods, np.minimum))
    # Counted in the period after the last one seen; the last period's fall off the end.
    stopped = _count_in(index, shift_all(history.extreme(history.periods, np.maximum), period))
    end = pd.Timestamp(data_end) if data_end is not None else pd.Timestamp(history.dates.max())
    provisional = (end - index) < pd.Timedelta(days=FORUM_MAX_GAP_DAYS)
    return pd.DataFrame(
        {
            "present": present,
            "new": new,
            "returning": present - new,
            "stopped": stopped,
            "provisional": np.asarray(provisional, dtype=bool),
        },
        index=pd.DatetimeIndex(index, name="period"),
    )


def crop_flow(flow: pd.DataFrame, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """The flow on the periods a view shows (zero, not provisional, where it has none)."""
    counts = flow.drop(columns="provisional").reindex(periods, fill_value=0)
    provisional = flow["provisional"].reindex(periods).fillna(False).astype(bool)
    return counts.assign(provisional=provisional.to_numpy())


def organization_summary(org_days: pd.DataFrame, period: str) -> pd.DataFrame:
    """One row per organization: first and last date seen, and the number of
    distinct periods and days it took part in, most constant first.

    Carries along ``name`` and ``stakeholder_type`` when ``org_days`` has them.
    """
    history = _History(org_days, period)
    if history.n == 0:
        return pd.DataFrame(columns=list(SUMMARY_COLUMNS))
    _, first_row = np.unique(history.codes, return_index=True)
    source = history.rows[first_row]

    def carried(column: str):
        return org_days[column].to_numpy()[source] if column in org_days else np.full(history.n, None)

    summary = pd.DataFrame(
        {
            "organization_id": history.ids,
            "name": carried("name"),
            "stakeholder_type": carried("stakeholder_type"),
            "first_seen": history.extreme(history.dates, np.minimum),
            "last_seen": history.extreme(history.dates, np.maximum),
            "periods": history.distinct_count(history.periods),
            "days": history.distinct_count(history.dates),
        }
    )
    return summary.sort_values(["periods", "last_seen", "name"], ascending=[False, False, True]).reset_index(drop=True)
