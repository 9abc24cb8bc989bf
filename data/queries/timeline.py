"""The milestone timeline's data: every milestone in scope with its state, one
page of them with what the hover shows, and the milestones due per period.

The heavy part, ``milestones()``, reads the scope once (through
``scope.milestone_frame``, which rebuilds states from the history for an "as
of" date) and returns compact columns: dates as datetime64, states and
commitments as categoricals.  Views cache it and derive the rest (state and
date filters, pages, counts per period) with numpy, so 30,000 milestones stay
cheap once read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import select

from data.db import get_engine
from data.models import ActionPlan, Commitment, Milestone, Source
from data.progress import MILESTONE_STATES, milestone_flags, milestone_state
from data.queries.scope import Scope, commitment_ids, milestone_frame

# Drawn states: the filterable ones, and cancelled milestones, drawn apart.
DRAWN_STATES = MILESTONE_STATES + ("cancelled",)
PERIODS = ("month", "quarter")

# A page holds whole commitments, at most this many, and at most this many bars
# (a commitment with more milestones than that is split across pages).
PAGE_COMMITMENTS = 25
PAGE_MILESTONES = 250

COLUMNS = [
    "id",
    "commitment_id",
    "rank",
    "number",
    "start",
    "end",
    "actual_end",
    "progress",
    "expected",
    "state",
    "sample",
    "end_month",
]
NO_MONTH = np.iinfo("int32").min  # end_month of a milestone without a planned end


def _dates(values) -> np.ndarray:
    return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").to_numpy("datetime64[s]")


def milestones(url: str, scope: Scope, as_of: dt.date | None, today: dt.date) -> pd.DataFrame:
    """Every milestone in scope with its state on ``as_of`` (else ``today``).

    Without ``as_of`` the states are the latest reported; with it, those the
    history gives for that date.  ``rank`` orders commitments: newest plan
    first, then by commitment number.  ``start`` falls back to the planned end
    for milestones with only an end date.  ``sample`` marks records from a
    generated sample.  Sorted by rank and milestone number.
    """
    frame = milestone_frame(url, scope, as_of)
    flagged = milestone_flags(frame, as_of or today)
    extra = _order_and_source(url, scope)
    out = pd.DataFrame(
        {
            "id": frame["id"].to_numpy("int64"),
            "commitment_id": frame["commitment_id"].astype(str).to_numpy(),
            "number": frame["number"].to_numpy("int64"),
            "start": _dates(frame["planned_start"].where(frame["planned_start"].notna(), frame["planned_end"])),
            "end": _dates(frame["planned_end"]),
            "actual_end": _dates(frame["actual_end"]),
            "progress": frame["progress"].astype(float).fillna(0.0).to_numpy(),
            "expected": flagged["expected"].to_numpy(float),
            "state": pd.Categorical(milestone_state(flagged), categories=DRAWN_STATES),
        }
    )
    # months since 1970 of the planned end: what the due chart counts by
    months = out["end"].to_numpy().astype("datetime64[M]")
    out["end_month"] = np.where(np.isnat(months), NO_MONTH, months.astype("int64")).astype("int32")
    out = out.merge(extra, on="id", how="left")
    out["sample"] = out["sample"].fillna(False).astype(bool)
    out = out.sort_values(["rank", "number", "id"], kind="stable", ignore_index=True)
    out["commitment_id"] = out["commitment_id"].astype("category")
    return out[COLUMNS]


def _order_and_source(url: str, scope: Scope) -> pd.DataFrame:
    """Per milestone: the rank of its commitment and whether its source is a sample."""
    ids = commitment_ids(scope).subquery()
    in_scope = Commitment.id.in_(select(ids.c.id))
    commitments = (
        select(
            Commitment.id, Commitment.number, Commitment.action_plan_id, ActionPlan.cycle_year, ActionPlan.start_year
        )
        .join(ActionPlan, ActionPlan.id == Commitment.action_plan_id)
        .where(in_scope)
    )
    milestones = select(Milestone.id, Milestone.commitment_id, Milestone.source_id).where(
        Milestone.commitment_id.in_(select(ids.c.id))
    )
    with get_engine(url).connect() as conn:
        plans = pd.DataFrame(
            [tuple(r) for r in conn.execute(commitments).all()],
            columns=["commitment_id", "c_number", "plan", "cycle_year", "start_year"],
        )
        raw = pd.DataFrame(
            [tuple(r) for r in conn.execute(milestones).all()], columns=["id", "commitment_id", "source_id"]
        )
        samples = list(conn.execute(select(Source.id).where(Source.kind == "sample")).scalars())
    year = plans["cycle_year"].astype(float).fillna(plans["start_year"].astype(float)).fillna(-1)
    plans = plans.assign(year=-year, c_number=plans["c_number"].astype(float))
    # Newest plan first; within a plan by commitment number, then id.
    plans = plans.sort_values(
        ["year", "plan", "c_number", "commitment_id"],
        ascending=[True, False, True, True],
        na_position="last",
        kind="stable",
    )
    rank = pd.Series(np.arange(len(plans), dtype="int64"), index=plans["commitment_id"].to_numpy())
    return pd.DataFrame(
        {
            "id": raw["id"].to_numpy("int64"),
            "rank": rank.reindex(raw["commitment_id"].to_numpy()).to_numpy("int64"),
            "sample": raw["source_id"].isin(samples).to_numpy(bool),
        }
    )


def select_milestones(
    frame: pd.DataFrame, state: str | None = None, start: dt.date | None = None, end: dt.date | None = None
) -> pd.DataFrame:
    """Milestones in ``state`` whose planned period overlaps ``start``-``end``.

    With a window, milestones without a planned end are left out: nobody knows
    when they fall.
    """
    keep = np.ones(len(frame), dtype=bool)
    if state:
        keep &= (frame["state"] == state).to_numpy(bool)
    if start is not None:
        keep &= frame["end"].to_numpy() >= np.datetime64(start, "s")
    if end is not None:
        keep &= frame["start"].to_numpy() <= np.datetime64(end, "s")
    return frame[keep] if not keep.all() else frame


@dataclass(frozen=True)
class TimelinePage:
    rows: pd.DataFrame  # this page's milestones, in drawing order
    number: int  # 1-based, after clamping to the pages there are
    pages: int
    first_commitment: int  # 1-based positions among the selection's commitments
    last_commitment: int
    commitments: int
    dated: int  # milestones with a planned end (the ones a timeline can place)
    undated: int


def paginate(
    frame: pd.DataFrame, page: int | None, per_page: int = PAGE_COMMITMENTS, max_rows: int = PAGE_MILESTONES
) -> TimelinePage:
    """Page ``page`` of the dated milestones, grouped by commitment.

    A page is full at ``per_page`` commitments or when the next commitment
    would pass ``max_rows`` bars; a page past the last shows the last.
    """
    dated = frame[frame["end"].notna().to_numpy()]
    ranks = dated["rank"].to_numpy()
    if len(ranks) == 0:
        return TimelinePage(dated, 1, 1, 0, 0, 0, 0, len(frame))
    # ranks are sorted: the start of each commitment's run of rows
    starts = np.flatnonzero(np.r_[True, ranks[1:] != ranks[:-1]])
    sizes = np.diff(np.r_[starts, len(ranks)])
    bounds = []  # (first row, end row, first commitment index, last commitment index)
    first_row = first_c = 0
    rows = count = 0
    for i, size in enumerate(sizes.tolist()):
        if count and (count == per_page or rows + size > max_rows):
            bounds.append((first_row, first_row + rows, first_c, i - 1))
            first_row, first_c, rows, count = first_row + rows, i, 0, 0
        while size > max_rows:  # one commitment alone fills pages
            bounds.append((first_row, first_row + max_rows, i, i))
            first_row += max_rows
            size -= max_rows
        rows += size
        count += 1
    bounds.append((first_row, first_row + rows, first_c, len(sizes) - 1))
    number = min(max(int(page or 1), 1), len(bounds))
    lo, hi, c_first, c_last = bounds[number - 1]
    return TimelinePage(
        dated.iloc[lo:hi], number, len(bounds), c_first + 1, c_last + 1, len(sizes), len(dated), len(frame) - len(dated)
    )


def state_counts(frame: pd.DataFrame) -> dict[str, int]:
    counts = np.bincount(frame["state"].cat.codes.to_numpy(), minlength=len(DRAWN_STATES))
    return dict(zip(DRAWN_STATES, counts.tolist()))


def progress_means(frame: pd.DataFrame) -> tuple[float | None, float | None]:
    """Mean reported and mean expected progress of the live (not cancelled)
    milestones that have planned dates: how far they are against how far they
    should be."""
    expected = frame["expected"].to_numpy(float)
    live = (frame["state"].cat.codes.to_numpy() != DRAWN_STATES.index("cancelled")) & ~np.isnan(expected)
    if not live.any():
        return None, None
    return float(frame["progress"].to_numpy(float)[live].mean()), float(expected[live].mean())


def _months(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(months since 1970 of each planned end, where there is one)."""
    months = frame["end_month"].to_numpy()
    return months, months != NO_MONTH


def auto_period(frame: pd.DataFrame) -> str:
    """Months for up to three years of due dates, else quarters."""
    months, dated = _months(frame)
    if not dated.any():
        return "month"
    months = months[dated]
    return "month" if months.max() - months.min() < 36 else "quarter"


def due_by_period(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """Milestones due (planned end) per month or quarter, one column per state.

    Index: each period's first day (datetime64); only periods with a milestone.
    """
    months, dated = _months(frame)
    months = months[dated].astype("int64")
    if period == "quarter":
        months = months - months % 3
    codes = frame["state"].cat.codes.to_numpy()[dated]
    keys, counts = np.unique(months * len(DRAWN_STATES) + codes, return_counts=True)
    buckets, states = np.divmod(keys, len(DRAWN_STATES))
    index = np.unique(buckets)
    table = np.zeros((len(index), len(DRAWN_STATES)), dtype="int64")
    table[np.searchsorted(index, buckets), states] = counts
    return pd.DataFrame(
        table,
        columns=list(DRAWN_STATES),
        index=pd.Index(index.astype("datetime64[M]").astype("datetime64[s]"), name="period"),
    )


def details(url: str, ids: tuple[int, ...]) -> pd.DataFrame:
    """What the hover shows for these milestones: title, responsible body,
    commitment, and the record's source (kind, name, row)."""
    stmt = (
        select(
            Milestone.id,
            Milestone.title,
            Milestone.responsible,
            Commitment.title,
            Commitment.title_en,
            Source.kind,
            Source.name,
            Milestone.source_row,
        )
        .join(Commitment, Commitment.id == Milestone.commitment_id)
        .join(Source, Source.id == Milestone.source_id)
        .where(Milestone.id.in_(list(ids)))
    )
    with get_engine(url).connect() as conn:
        rows = [tuple(r) for r in conn.execute(stmt).all()] if ids else []
    return pd.DataFrame(
        rows,
        columns=[
            "id",
            "title",
            "responsible",
            "commitment_title",
            "commitment_title_en",
            "source_kind",
            "source_name",
            "source_row",
        ],
    )


def with_details(rows: pd.DataFrame, info: pd.DataFrame) -> pd.DataFrame:
    """A page's rows joined with their ``details``, keeping the drawing order."""
    extra = info.set_index("id").reindex(rows["id"].to_numpy())
    return pd.concat([rows.reset_index(drop=True), extra.reset_index(drop=True)], axis=1)


def country_has_milestones(url: str, country: str | None) -> bool:
    """Whether any commitment of the country has a milestone (OGP's sheet brings none)."""
    stmt = select(Milestone.id).join(Commitment, Commitment.id == Milestone.commitment_id).limit(1)
    if country:
        stmt = stmt.join(ActionPlan, ActionPlan.id == Commitment.action_plan_id).where(
            ActionPlan.country_code == country
        )
    with get_engine(url).connect() as conn:
        return conn.execute(stmt).first() is not None
