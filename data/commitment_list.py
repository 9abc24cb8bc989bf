"""A list of commitments as the explorer holds it (a frame from
data.queries.explorer): the quick search, the explorer's own filters, the rows
the grid shows, and what the set holds.  Pure pandas; no queries."""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.irm import irm_rated
from data.text import MARKS, fold


def searchable(frame: pd.DataFrame) -> pd.Series:
    parts = ("id", "title", "title_en", "action_plan_id", "plan_label", "lead_institution", "policy_areas")
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    joined = frame[list(parts)].fillna("").astype(str).agg(" ".join, axis=1)
    return joined.str.casefold().str.normalize("NFKD").str.replace(MARKS, "", regex=True)


def filter_commitments(
    frame: pd.DataFrame, status: str | None = None, method: str | None = None, q: str | None = None
) -> pd.DataFrame:
    """The explorer's own filters on top of the shared scope.

    ``status``: implementation status (``no_data`` for commitments without
    milestones); ``method``: IRM methodology; ``q``: every word must appear in
    the id, title (either language), plan, lead institution or policy areas,
    ignoring case and accents.
    """
    keep = np.ones(len(frame), dtype=bool)
    if status:
        keep &= (frame["implementation"] == status).to_numpy()
    if method:
        keep &= (frame["method"] == method).to_numpy()
    for word in fold(q or "").split():
        keep &= np.fromiter((word in text for text in frame["search_text"]), dtype=bool, count=len(frame))
    return frame[keep]


def restrict(frame: pd.DataFrame, ids: list[str] | None) -> pd.DataFrame:
    """The rows whose id is in ``ids``, in that order (the grid's filtered and sorted rows)."""
    if ids is None:
        return frame
    position = {cid: i for i, cid in enumerate(dict.fromkeys(str(i) for i in ids))}
    rows = frame[frame["id"].isin(position)]
    return rows.iloc[np.argsort(rows["id"].map(position).to_numpy(), kind="stable")]


def scope_summary(frame: pd.DataFrame) -> dict:
    """What the whole set holds: counts the page states in words."""
    return {
        "commitments": len(frame),
        "with_milestones": int((frame["milestones"] > 0).sum()),
        "sample": bool(frame["sample_milestones"].any()),
        "irm_rated": int(irm_rated(frame).sum()),
    }
