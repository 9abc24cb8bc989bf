"""One commitment in full, for /commitments/<id>: its facts, IRM review, milestones
and their history, the forums linked to it, participation, and where each fact
comes from (``source_kind``, ``source_name``, ``source_row`` on every frame).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from data import progress
from data.irm import CLASSIC, RESULTS, methodology
from data.models import (
    ActionPlan,
    Commitment,
    Country,
    Forum,
    Institution,
    Milestone,
    MilestoneEvent,
    Participation,
    PolicyArea,
    Source,
    commitment_policy_areas,
    commitment_support_institutions,
    forum_commitments,
)
from data.queries.snapshot import Database, connect, snapshot

BOTH = "both"
# Which IRM methodology each field belongs to, in the order OGP's page shows them.
# Verifiable and end-of-term completion are filled by OGP's sheet for plans of
# every cycle (456 of the 558 rows of the extract have Verifiable, from 2012 on),
# so they are marked as used by both; "Unclear" completion exists only from 2021.
IRM_FIELDS = (
    ("specificity", CLASSIC),
    ("verifiable", BOTH),
    ("value_access_information", CLASSIC),
    ("value_civic_participation", CLASSIC),
    ("value_public_accountability", CLASSIC),
    ("value_technology_innovation", CLASSIC),
    ("potential_impact", CLASSIC),
    ("potential_for_results", RESULTS),
    ("completion_midterm", CLASSIC),
    ("completion_end", BOTH),
    ("did_it_open_government", CLASSIC),
    ("diog_access_information", CLASSIC),
    ("diog_civic_participation", CLASSIC),
    ("diog_public_accountability", CLASSIC),
    ("early_results", RESULTS),
    ("starred", CLASSIC),
)


def _source_columns(model):
    source = aliased(Source)
    return source, (
        source.kind.label("source_kind"),
        source.name.label("source_name"),
        model.source_row.label("source_row"),
    )


def _frame(db: Database, stmt) -> pd.DataFrame:
    with connect(db) as conn:
        result = conn.execute(stmt)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def commitment(db: Database, commitment_id: str) -> pd.DataFrame:
    """The commitment with its plan, country and lead institution: one row, or none.

    Columns ``plan_source_*`` and ``lead_source_*`` say where the plan and the
    lead institution come from; ``method`` is the IRM methodology
    (data/queries/explorer.py explains the rule).
    """
    source = aliased(Source)  # the commitment's own source_row comes with its columns
    plan_source = aliased(Source)
    lead_source = aliased(Source)
    stmt = (
        select(
            *Commitment.__table__.columns,
            ActionPlan.title.label("plan_title"),
            ActionPlan.number.label("plan_number"),
            ActionPlan.cycle_year,
            ActionPlan.start_year,
            ActionPlan.end_year,
            ActionPlan.country_code,
            Country.name.label("country_name"),
            Institution.name.label("lead_institution"),
            source.kind.label("source_kind"),
            source.name.label("source_name"),
            plan_source.kind.label("plan_source_kind"),
            plan_source.name.label("plan_source_name"),
            ActionPlan.source_row.label("plan_source_row"),
            lead_source.kind.label("lead_source_kind"),
            lead_source.name.label("lead_source_name"),
            Institution.source_row.label("lead_source_row"),
        )
        .join(ActionPlan, ActionPlan.id == Commitment.action_plan_id)
        .join(Country, Country.code == ActionPlan.country_code)
        .join(source, source.id == Commitment.source_id)
        .join(plan_source, plan_source.id == ActionPlan.source_id)
        .join(Institution, Institution.id == Commitment.lead_institution_id, isouter=True)
        .join(lead_source, lead_source.id == Institution.source_id, isouter=True)
        .where(Commitment.id == commitment_id)
    )
    frame = _frame(db, stmt)
    if len(frame):
        frame["method"] = methodology(frame)
    return frame


def _linked_names(db: Database, model, link, link_column: str, commitment_id: str) -> pd.DataFrame:
    """Names of the records a commitment links to through ``link`` (a table), with their sources."""
    source, own = _source_columns(model)
    stmt = (
        select(model.name, *own)
        .join(link, link.c[link_column] == model.id)
        .join(source, source.id == model.source_id)
        .where(link.c.commitment_id == commitment_id)
        .order_by(model.name)
    )
    return _frame(db, stmt)


def support_institutions(db: Database, commitment_id: str) -> pd.DataFrame:
    return _linked_names(db, Institution, commitment_support_institutions, "institution_id", commitment_id)


def policy_areas(db: Database, commitment_id: str) -> pd.DataFrame:
    return _linked_names(db, PolicyArea, commitment_policy_areas, "policy_area_id", commitment_id)


def milestones(db: Database, commitment_id: str) -> pd.DataFrame:
    """The milestones as last reported, in their order."""
    source, own = _source_columns(Milestone)
    stmt = (
        select(
            Milestone.id,
            Milestone.commitment_id,
            Milestone.number,
            Milestone.title,
            Milestone.responsible,
            Milestone.planned_start,
            Milestone.planned_end,
            Milestone.actual_end,
            Milestone.status,
            Milestone.progress,
            Milestone.weight,
            Milestone.evidence_url,
            Milestone.note,
            *own,
        )
        .join(source, source.id == Milestone.source_id)
        .where(Milestone.commitment_id == commitment_id)
        .order_by(Milestone.number)
    )
    return _frame(db, stmt)


def milestone_events(db: Database, commitment_id: str) -> pd.DataFrame:
    """Every reported status update of the commitment's milestones, oldest first."""
    source, own = _source_columns(MilestoneEvent)
    stmt = (
        select(
            MilestoneEvent.milestone_id,
            Milestone.number,
            MilestoneEvent.date,
            MilestoneEvent.status,
            MilestoneEvent.progress,
            MilestoneEvent.note,
            *own,
        )
        .join(Milestone, Milestone.id == MilestoneEvent.milestone_id)
        .join(source, source.id == MilestoneEvent.source_id)
        .where(Milestone.commitment_id == commitment_id)
        .order_by(MilestoneEvent.date, Milestone.number)
    )
    return _frame(db, stmt)


def progress_history(milestones_: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The commitment's rolled-up progress after each reported update (columns date, progress).

    On each date every milestone counts with its last update on or before it (not
    started, 0 %, before its first), rolled up by data.progress.commitment_progress:
    all dates in one call, each date standing in for the commitment.
    """
    if events.empty or milestones_.empty:
        return pd.DataFrame({"date": pd.Series(dtype=object), "progress": pd.Series(dtype=float)})
    dates = sorted(events["date"].unique())
    ids = list(milestones_["id"])
    last = events.drop_duplicates(["date", "milestone_id"], keep="last")

    def wide(column: str, before_first):
        table = last.pivot(index="date", columns="milestone_id", values=column).reindex(index=dates, columns=ids)
        return table.ffill().fillna(before_first).to_numpy().ravel()

    states = pd.DataFrame(
        {
            "commitment_id": np.repeat(np.arange(len(dates)), len(ids)),
            "progress": wide("progress", 0.0).astype(float),
            "status": wide("status", "not_started"),
            "weight": np.tile(milestones_["weight"].to_numpy(dtype=float), len(dates)),
        }
    )
    rolled = progress.commitment_progress(states).reindex(range(len(dates)))
    return pd.DataFrame({"date": dates, "progress": rolled.to_numpy(dtype=float)})


def linked_forums(db: Database, commitment_id: str) -> pd.DataFrame:
    """Forums the commitment created (``relation`` = created) or that follow it (follows)."""
    source, own = _source_columns(Forum)
    follows = select(forum_commitments.c.forum_id).where(forum_commitments.c.commitment_id == commitment_id)
    stmt = (
        select(
            Forum.code,
            Forum.name,
            Forum.kind,
            Forum.sector,
            Forum.legal_basis,
            Forum.created,
            Forum.ended,
            (Forum.commitment_id == commitment_id).label("created_by"),
            Forum.id.in_(follows).label("follows"),
            *own,
        )
        .join(source, source.id == Forum.source_id)
        .where(or_(Forum.commitment_id == commitment_id, Forum.id.in_(follows)))
        .order_by(Forum.created, Forum.code)
    )
    frame = _frame(db, stmt)
    frame["created_by"] = frame["created_by"].astype(bool)
    frame["follows"] = frame["follows"].astype(bool)
    return frame


def participation(db: Database, commitment_id: str) -> pd.DataFrame:
    """Participation records by channel and source: about the commitment itself (``via`` =
    commitment) and, apart, in the forums it created that name no commitment or another
    one (``via`` = forum)."""
    created = select(Forum.id).where(Forum.commitment_id == commitment_id)
    parts = []
    for via, condition in (
        ("commitment", Participation.commitment_id == commitment_id),
        (
            "forum",
            Participation.forum_id.in_(created)
            & or_(Participation.commitment_id.is_(None), Participation.commitment_id != commitment_id),
        ),
    ):
        parts.append(
            select(
                literal(via).label("via"),
                Participation.channel,
                Source.kind.label("source_kind"),
                Source.name.label("source_name"),
                func.count().label("records"),
                func.sum(Participation.participants).label("participants"),
                func.sum(Participation.contributions_received).label("received"),
                func.sum(Participation.contributions_answered).label("answered"),
            )
            .join(Source, Source.id == Participation.source_id)
            .where(condition)
            .group_by(Participation.channel, Source.kind, Source.name)
        )
    frame = _frame(db, union_all(*parts))
    return frame.sort_values(["via", "records", "channel"], ascending=[True, False, True]).reset_index(drop=True)


@dataclass(frozen=True)
class CommitmentPage:
    """Everything /commitments/<id> shows, computed once (and cached by the page)."""

    commitment: dict
    support: pd.DataFrame
    areas: pd.DataFrame
    milestones: pd.DataFrame  # with data.progress.milestone_flags' expected / late / at_risk
    events: pd.DataFrame
    history: pd.DataFrame
    forums: pd.DataFrame
    participation: pd.DataFrame
    implementation: str | None  # data.progress.implementation_status; None without milestones
    progress: float | None


def commitment_page(url: str, commitment_id: str, today: dt.date) -> CommitmentPage | None:
    """The commitment page's data, every query on one connection in one snapshot."""
    with snapshot(url) as db:
        return page_on(db, commitment_id, today)


def page_on(db: Database, commitment_id: str, today: dt.date) -> CommitmentPage | None:
    found = commitment(db, commitment_id)
    if found.empty:
        return None
    record = found.iloc[0].to_dict()
    milestones_ = milestones(db, commitment_id)
    events = milestone_events(db, commitment_id)
    status: str | None = None
    value: float | None = None
    if len(milestones_):
        milestones_ = progress.milestone_flags(milestones_, today)
        statuses = progress.implementation_status(milestones_, today)
        status = str(statuses.iloc[0]) if len(statuses) else "not_started"
        rolled = progress.commitment_progress(milestones_)
        value = float(rolled.iloc[0]) if len(rolled) else None
    return CommitmentPage(
        commitment=record,
        support=support_institutions(db, commitment_id),
        areas=policy_areas(db, commitment_id),
        milestones=milestones_,
        events=events,
        history=progress_history(milestones_, events),
        forums=linked_forums(db, commitment_id),
        participation=participation(db, commitment_id),
        implementation=status,
        progress=value,
    )
