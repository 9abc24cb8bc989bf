"""The commitment explorer's data: one row per commitment with its IRM assessment.

``commitments`` reads the commitments in the shared scope (country, plan,
policy area, lead institution; see data/queries/scope.py) with their plan,
institution, policy areas, IRM fields, progress and implementation status (by
the rules in data/progress.py).  The result is small (at most a few hundred
rows per country) and is cached by the caller, so the explorer's own filters
(implementation status, IRM methodology, the quick search) and the IRM panels
work on it in pandas.

The IRM methodology each row falls under is decided in data/irm.py; the
explorer's search and filters on the result are in data/commitment_list.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

import numpy as np
import pandas as pd
from sqlalchemy import case, func, select

from data import progress
from data.commitment_list import searchable
from data.db import get_engine
from data.irm import IRM_LABEL_FIELDS, any_rating, latest_completion, methodology
from data.models import (
    ActionPlan,
    Commitment,
    Institution,
    Milestone,
    PolicyArea,
    Source,
    commitment_policy_areas,
)
from data.queries.scope import Scope, commitment_ids, milestone_frame, plan_label

NO_DATA = "no_data"  # implementation status of a commitment without milestones

COLUMNS = (
    "id",
    "number",
    "number_label",
    "title",
    "title_en",
    "action_plan_id",
    "plan_label",
    "cycle_year",
    "lead_institution",
    "policy_areas",
    "status",
    "url",
    *(f for name in IRM_LABEL_FIELDS for f in (name, f"{name}_raw")),
    "starred",
    "starred_raw",
    "method",
    "completion",
    "completion_raw",
    "completion_stage",
    "irm_rated",
    "milestones",
    "sample_milestones",
    "progress",
    "implementation",
    "search_text",
)


def commitments(
    url: str,
    country: str | None,
    plan: str | None = None,
    area: str | None = None,
    institution: str | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """The commitments in scope, one row each, ordered by plan (newest first) and number."""
    scope = Scope(country=country, plan=plan, area=area, institution=institution)
    ids = commitment_ids(scope).subquery()
    irm = [getattr(Commitment, f) for name in IRM_LABEL_FIELDS for f in (name, f"{name}_raw")]
    stmt = (
        select(
            Commitment.id,
            Commitment.number,
            Commitment.number_label,
            Commitment.title,
            Commitment.title_en,
            Commitment.action_plan_id,
            ActionPlan.cycle_year,
            ActionPlan.start_year,
            ActionPlan.end_year,
            Institution.name.label("lead_institution"),
            Commitment.status,
            Commitment.url,
            *irm,
            Commitment.starred,
            Commitment.starred_raw,
        )
        .join(ActionPlan, ActionPlan.id == Commitment.action_plan_id)
        .join(Institution, Institution.id == Commitment.lead_institution_id, isouter=True)
        .where(Commitment.id.in_(select(ids.c.id)))
    )
    with get_engine(url).connect() as conn:
        result = conn.execute(stmt)
        frame = pd.DataFrame(result.all(), columns=list(result.keys()))
        areas = _policy_areas(conn, ids)
        sampled = _milestone_sources(conn, ids)
    frame["plan_label"] = [
        plan_label(p)
        for p in frame[["action_plan_id", "start_year", "cycle_year", "end_year"]]
        .rename(columns={"action_plan_id": "id"})
        .itertuples()
    ]
    frame["policy_areas"] = [areas.get(cid, "") for cid in frame["id"]]
    frame["method"] = methodology(frame)
    frame["irm_rated"] = any_rating(frame)
    frame["completion"], frame["completion_raw"], frame["completion_stage"] = latest_completion(frame)
    frame = _with_progress(frame, milestone_frame(url, scope), sampled, today or dt.date.today())
    frame["search_text"] = searchable(frame)
    frame = frame.sort_values(
        ["cycle_year", "action_plan_id", "number", "id"], ascending=[False, False, True, True], na_position="last"
    )
    return frame[list(COLUMNS)].reset_index(drop=True)


def _policy_areas(conn, ids) -> dict[Hashable, str]:
    stmt = (
        select(commitment_policy_areas.c.commitment_id, PolicyArea.name)
        .join(PolicyArea, PolicyArea.id == commitment_policy_areas.c.policy_area_id)
        .where(commitment_policy_areas.c.commitment_id.in_(select(ids.c.id)))
        .order_by(commitment_policy_areas.c.commitment_id, PolicyArea.name)
    )
    pairs = pd.DataFrame(conn.execute(stmt).all(), columns=["id", "name"])
    return pairs.groupby("id")["name"].agg("; ".join).to_dict() if len(pairs) else {}


def _milestone_sources(conn, ids) -> dict[str, bool]:
    """Whether any milestone of each commitment comes from generated sample data."""
    is_sample = func.max(case((Source.kind == "sample", 1), else_=0))
    stmt = (
        select(Milestone.commitment_id, is_sample)
        .join(Source, Source.id == Milestone.source_id)
        .where(Milestone.commitment_id.in_(select(ids.c.id)))
        .group_by(Milestone.commitment_id)
    )
    return {cid: bool(flag) for cid, flag in conn.execute(stmt)}


def _with_progress(
    frame: pd.DataFrame, milestones: pd.DataFrame, sampled: dict[str, bool], today: dt.date
) -> pd.DataFrame:
    counts = milestones.groupby("commitment_id").size() if len(milestones) else pd.Series(dtype=int)
    frame["milestones"] = frame["id"].map(counts).fillna(0).astype(int)
    frame["sample_milestones"] = [sampled.get(cid, False) for cid in frame["id"]]
    if len(milestones):
        frame["progress"] = frame["id"].map(progress.commitment_progress(milestones)).astype(float)
        status = progress.implementation_status(milestones, today)
        frame["implementation"] = frame["id"].map(status).fillna(NO_DATA).astype(object)
    else:
        frame["progress"] = np.nan
        frame["implementation"] = NO_DATA
    return frame
