"""What the overview page shows, for one scope and one reference date.

``overview(url, ...)`` gathers everything the page draws in one pass, so a
filter change costs one (cached) call: the commitments in scope with their
implementation status and progress, each action plan's reported and expected
progress, the milestones by state, the milestones that need attention, the
forums' activity and latest meetings, the IRM's completion assessment (what
exists for countries without milestones) and whether sample data is drawn.

The progress rules are data/progress.py's; this module only applies them.
The reference date is the "as of" date when given (milestones then take the
state their history gives on that date), else today.

Forums are country bodies: with a plan, area or institution filter, the
forums in scope are those set up by or following a commitment in scope; the
implementation-status filter (a property derived from milestones) does not
narrow them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import and_, exists, func, or_, select

from data import progress
from data.models import (
    ActionPlan,
    Attendance,
    Commitment,
    Country,
    Forum,
    Meeting,
    Milestone,
    MilestoneEvent,
    PolicyArea,
    Source,
    commitment_policy_areas,
    forum_commitments,
)
from data.queries import scope as scopes
from data.queries.snapshot import Database, connect, snapshot
from data.vocab import FORUM_MAX_GAP_DAYS

# Milestones due this many days after the reference date are listed with the late ones.
DUE_SOON_DAYS = 60
# How many milestones needing attention and meetings the overview lists.
ATTENTION_LIMIT = 10
MEETINGS_LIMIT = 5

MILESTONE_STATES = ("complete", "in_progress", "at_risk", "late", "not_started", "cancelled")
# Attention flags, most urgent first.
ATTENTION_FLAGS = ("late", "at_risk", "due_soon")
NO_DATA = "no_data"
# IRM completion, best last; NOT_ASSESSED stands for a sentinel or an empty cell.
NOT_ASSESSED = "not_assessed"
IRM_COMPLETION = ("Complete", "Substantial", "Limited", "Not Started", "Withdrawn", "Unclear", NOT_ASSESSED)


@dataclass(frozen=True)
class Overview:
    reference: dt.date
    as_of: dt.date | None
    country_name: str | None
    country_has_milestones: bool
    scope_has_milestones: bool  # before the status filter: decides milestones or IRM facts
    commitments: pd.DataFrame  # id, action_plan_id, implementation, progress, expected, milestones
    plans: pd.DataFrame  # id, label, commitments, with_milestones, progress, expected
    milestone_counts: dict[str, int]  # milestones per state (MILESTONE_STATES)
    areas: pd.DataFrame  # area, category, commitments
    attention: pd.DataFrame  # commitment_id, number, title, responsible, planned_end, progress, flag
    attention_total: int
    forums: pd.DataFrame  # code, name, kind, created, ended, last_meeting, active, met_recently
    meetings: pd.DataFrame  # forum_code, forum, date, kind, persons, agreements
    irm: pd.DataFrame  # id, action_plan_id, completion, starred (only when no milestones)
    sample_milestones: bool
    sample_forums: bool

    @property
    def average_progress(self) -> float | None:
        return _mean(self.commitments["progress"])

    @property
    def average_expected(self) -> float | None:
        return _mean(self.commitments["expected"])

    @property
    def commitments_with_milestones(self) -> int:
        return int(self.commitments["progress"].notna().sum())


def _mean(values: pd.Series) -> float | None:
    values = values.dropna()
    return float(values.mean()) if len(values) else None


def overview(
    url: str,
    country: str | None,
    plan: str | None = None,
    area: str | None = None,
    institution: str | None = None,
    status: str | None = None,
    as_of: str | None = None,
    today: str | None = None,
) -> Overview:
    """Everything the overview draws (dates as ISO text so the call can be cached)."""
    today_date = dt.date.fromisoformat(today) if today else dt.date.today()
    as_of_date = dt.date.fromisoformat(as_of) if as_of else None
    reference = as_of_date or today_date
    scope = scopes.Scope(country=country, plan=plan, area=area, institution=institution)

    # One connection and one state of the data for every query below (data/queries/snapshot.py).
    with snapshot(url) as db:
        commitments = commitment_frame(db, scope)
        milestones = scopes.milestone_frame(db, scope, as_of_date)
        flagged = progress.milestone_flags(milestones, reference)
        flagged["state"] = milestone_state(flagged)
        commitments = with_progress(commitments, flagged, reference)
        if status:
            commitments = commitments[commitments["implementation"] == status]
            flagged = flagged[flagged["commitment_id"].isin(commitments["id"])]

        attention = attention_frame(flagged, reference)
        total = len(attention)
        top = attention.head(ATTENTION_LIMIT)
        top = top.merge(milestone_details(db, top["id"].tolist()), on="id", how="left")

        forums = forum_activity(db, scope, reference, bool(plan or area or institution))
        scope_has_milestones = len(milestones) > 0
        irm = _empty_irm() if scope_has_milestones else irm_frame(db, scope, commitments["id"])
        category = (
            commitments.set_index("id")["implementation"] if scope_has_milestones else irm.set_index("id")["completion"]
        )
        return Overview(
            reference=reference,
            as_of=as_of_date,
            country_name=country_name(db, country),
            country_has_milestones=scope_has_milestones or country_has_milestones(db, country),
            scope_has_milestones=scope_has_milestones,
            commitments=commitments,
            plans=plan_frame(db, country, commitments),
            milestone_counts=state_counts(flagged),
            areas=area_frame(db, scope, category),
            attention=top,
            attention_total=total,
            forums=forums,
            meetings=latest_meetings(db, forums["code"].tolist(), reference),
            irm=irm,
            sample_milestones=scope_has_milestones and milestones_from_sample(db, scope, as_of_date),
            sample_forums=forums_from_sample(db, forums["code"].tolist()),
        )


# --- commitments and their progress ----------------------------------------------------


def commitment_frame(db: Database, scope: scopes.Scope) -> pd.DataFrame:
    ids = scopes.commitment_ids(scope).subquery()
    stmt = select(Commitment.id, Commitment.action_plan_id).where(Commitment.id.in_(select(ids.c.id)))
    with connect(db) as conn:
        rows = conn.execute(stmt.order_by(Commitment.id)).all()
    return pd.DataFrame(rows, columns=["id", "action_plan_id"])


def milestone_state(flagged: pd.DataFrame) -> np.ndarray:
    """One state per milestone, exclusive: cancelled, late, at risk, complete,
    in progress (begun, neither late nor at risk) or not started."""
    done = flagged["progress"].astype(float).fillna(0.0)
    status = flagged["status"].astype(str)
    return np.select(
        [
            status == "cancelled",
            flagged["late"].astype(bool),
            flagged["at_risk"].astype(bool),
            done >= progress.DONE,
            (done > 0) | (status == "in_progress"),
        ],
        ["cancelled", "late", "at_risk", "complete", "in_progress"],
        default="not_started",
    ).astype(object)


def state_counts(flagged: pd.DataFrame) -> dict[str, int]:
    counts = flagged["state"].value_counts()
    return {state: int(counts.get(state, 0)) for state in MILESTONE_STATES}


def with_progress(commitments: pd.DataFrame, flagged: pd.DataFrame, reference: dt.date) -> pd.DataFrame:
    """Add each commitment's implementation status (``no_data`` without
    milestones), reported and expected progress, and its milestone count."""
    implementation = progress.implementation_status(flagged, reference)
    reported = progress.commitment_progress(flagged)
    expected = progress.commitment_progress(flagged.assign(progress=flagged["expected"]))
    counts = flagged.groupby("commitment_id").size()
    out = commitments.copy()
    status = out["id"].map(implementation).astype(object)
    out["implementation"] = status.where(status.notna(), NO_DATA)
    out["progress"] = out["id"].map(reported).astype(float)
    out["expected"] = out["id"].map(expected).astype(float)
    out["milestones"] = out["id"].map(counts).fillna(0).astype(int)
    return out


def plan_frame(db: Database, country: str | None, commitments: pd.DataFrame) -> pd.DataFrame:
    """The plans of the commitments in scope, oldest first, with the roll-up of
    reported and expected progress over their commitments that have milestones."""
    plans = scopes.plans(db, country)
    plans = plans[plans["id"].isin(commitments["action_plan_id"])].iloc[::-1]
    reported = progress.plan_progress(commitments, commitments.set_index("id")["progress"].dropna())
    expected = progress.plan_progress(commitments, commitments.set_index("id")["expected"].dropna())
    in_scope = commitments.groupby("action_plan_id").size()
    with_milestones = commitments[commitments["progress"].notna()].groupby("action_plan_id").size()
    return pd.DataFrame(
        {
            "id": plans["id"].to_numpy(),
            "label": plans["label"].to_numpy(),
            "commitments": plans["id"].map(in_scope).fillna(0).astype(int).to_numpy(),
            "with_milestones": plans["id"].map(with_milestones).fillna(0).astype(int).to_numpy(),
            "progress": plans["id"].map(reported).astype(float).to_numpy(),
            "expected": plans["id"].map(expected).astype(float).to_numpy(),
        }
    )


# --- policy areas -----------------------------------------------------------------------


def area_frame(db: Database, scope: scopes.Scope, category: pd.Series) -> pd.DataFrame:
    """Commitments per policy area and category (implementation status or IRM
    completion).  A commitment in two areas counts in both; one in none counts
    under an empty area name."""
    ids = scopes.commitment_ids(scope).subquery()
    stmt = (
        select(commitment_policy_areas.c.commitment_id, PolicyArea.name)
        .join(PolicyArea, PolicyArea.id == commitment_policy_areas.c.policy_area_id)
        .where(commitment_policy_areas.c.commitment_id.in_(select(ids.c.id)))
    )
    with connect(db) as conn:
        pairs = pd.DataFrame(conn.execute(stmt).all(), columns=["commitment_id", "area"])
    pairs = pairs[pairs["commitment_id"].isin(category.index)]
    unassigned = category.index.difference(pd.Index(pairs["commitment_id"]))
    pairs = pd.concat([pairs, pd.DataFrame({"commitment_id": unassigned, "area": ""})], ignore_index=True)
    pairs["category"] = pairs["commitment_id"].map(category)
    counts = pairs.groupby(["area", "category"]).size().rename("commitments").reset_index()
    return counts.astype({"area": object, "category": object})


# --- milestones needing attention ------------------------------------------------------


def attention_frame(flagged: pd.DataFrame, reference: dt.date) -> pd.DataFrame:
    """Milestones late, or unfinished and due within DUE_SOON_DAYS, most urgent
    first: late ones (longest overdue first), then at risk, then due soon."""
    end = pd.to_datetime(flagged["planned_end"], errors="coerce")
    ref = pd.Timestamp(reference)
    open_ = (flagged["state"] != "cancelled") & (flagged["progress"].astype(float) < progress.DONE)
    due_soon = open_ & (end > ref) & (end <= ref + pd.Timedelta(days=DUE_SOON_DAYS))
    picked = flagged[flagged["late"].astype(bool) | due_soon].copy()
    picked["flag"] = np.select(
        [picked["late"].astype(bool), picked["at_risk"].astype(bool)], ["late", "at_risk"], default="due_soon"
    ).astype(object)
    picked["rank"] = picked["flag"].map({f: i for i, f in enumerate(ATTENTION_FLAGS)})
    picked["end"] = pd.to_datetime(picked["planned_end"], errors="coerce")
    picked = picked.sort_values(["rank", "end", "commitment_id", "number"], kind="stable")
    return picked[["id", "commitment_id", "number", "planned_end", "progress", "flag"]].reset_index(drop=True)


def milestone_details(db: Database, milestone_ids: list[int]) -> pd.DataFrame:
    columns = ["id", "title", "responsible"]
    if not milestone_ids:
        return pd.DataFrame(columns=columns)
    stmt = select(Milestone.id, Milestone.title, Milestone.responsible).where(Milestone.id.in_(milestone_ids))
    with connect(db) as conn:
        return pd.DataFrame(conn.execute(stmt).all(), columns=columns)


# --- forums -------------------------------------------------------------------------------


def forums_in_scope(scope: scopes.Scope, filtered: bool):
    """A condition selecting the forums in scope (see the module docstring)."""
    condition = Forum.country_code == scope.country if scope.country else Forum.id.isnot(None)
    if not filtered:
        return condition
    ids = scopes.commitment_ids(scope).subquery()
    in_scope = select(ids.c.id)
    follows = select(forum_commitments.c.forum_id).where(forum_commitments.c.commitment_id.in_(in_scope))
    return and_(condition, or_(Forum.commitment_id.in_(in_scope), Forum.id.in_(follows)))


def forum_activity(db: Database, scope: scopes.Scope, reference: dt.date, filtered: bool = False) -> pd.DataFrame:
    """The forums in scope that existed by the reference date, with their last
    meeting on or before it: ``active`` when not yet ended, ``met_recently``
    when an active forum met within FORUM_MAX_GAP_DAYS of the reference date."""
    last = (
        select(Meeting.forum_id, func.max(Meeting.date).label("last_meeting"))
        .where(Meeting.date <= reference)
        .group_by(Meeting.forum_id)
        .subquery()
    )
    stmt = (
        select(Forum.code, Forum.name, Forum.kind, Forum.created, Forum.ended, last.c.last_meeting)
        .join(last, last.c.forum_id == Forum.id, isouter=True)
        .where(forums_in_scope(scope, filtered))
        .where(or_(Forum.created.is_(None), Forum.created <= reference))
        .order_by(Forum.name)
    )
    with connect(db) as conn:
        frame = pd.DataFrame(
            conn.execute(stmt).all(), columns=["code", "name", "kind", "created", "ended", "last_meeting"]
        )
    ended = frame["ended"].map(lambda d: d is not None and not pd.isna(d) and d < reference).astype(bool)
    frame["active"] = ~ended
    since = reference - dt.timedelta(days=FORUM_MAX_GAP_DAYS)
    met = frame["last_meeting"].map(lambda d: d is not None and not pd.isna(d) and d > since).astype(bool)
    frame["met_recently"] = frame["active"] & met
    return frame


def latest_meetings(
    db: Database, forum_codes: list[str], reference: dt.date, limit: int = MEETINGS_LIMIT
) -> pd.DataFrame:
    """The last meetings of these forums on or before the reference date, with
    the people who attended (NULL when no attendance was recorded)."""
    columns = ["forum_code", "forum", "date", "kind", "persons", "agreements"]
    if not forum_codes:
        return pd.DataFrame(columns=columns)
    persons = (
        select(Attendance.meeting_id, func.sum(Attendance.persons).label("persons"))
        .group_by(Attendance.meeting_id)
        .subquery()
    )
    stmt = (
        select(Forum.code, Forum.name, Meeting.date, Meeting.kind, persons.c.persons, Meeting.agreements)
        .join(Forum, Forum.id == Meeting.forum_id)
        .join(persons, persons.c.meeting_id == Meeting.id, isouter=True)
        .where(Forum.code.in_(forum_codes), Meeting.date <= reference)
        .order_by(Meeting.date.desc(), Forum.name)
        .limit(limit)
    )
    with connect(db) as conn:
        return pd.DataFrame(conn.execute(stmt).all(), columns=columns)


# --- IRM facts (what exists without milestones) ---------------------------------------


def _empty_irm() -> pd.DataFrame:
    return pd.DataFrame(columns=["id", "action_plan_id", "completion", "starred"])


def irm_frame(db: Database, scope: scopes.Scope, commitment_ids: pd.Series) -> pd.DataFrame:
    """Each commitment's IRM completion: at the end of term, else at midterm;
    ``not_assessed`` where OGP's sheet has a sentinel (ND, NR, …) or nothing."""
    ids = scopes.commitment_ids(scope).subquery()
    stmt = select(
        Commitment.id,
        Commitment.action_plan_id,
        Commitment.completion_end,
        Commitment.completion_midterm,
        Commitment.starred,
    ).where(Commitment.id.in_(select(ids.c.id)))
    with connect(db) as conn:
        frame = pd.DataFrame(conn.execute(stmt).all(), columns=["id", "action_plan_id", "end", "midterm", "starred"])
    frame = frame[frame["id"].isin(commitment_ids)]
    completion = frame["end"].where(frame["end"].notna(), frame["midterm"])
    frame["completion"] = completion.where(completion.isin(IRM_COMPLETION), NOT_ASSESSED).astype(object)
    frame["starred"] = frame["starred"].map(lambda v: bool(v) if v is not None and not pd.isna(v) else False)
    return frame[["id", "action_plan_id", "completion", "starred"]].reset_index(drop=True)


# --- the country and the sample mark -----------------------------------------------------


def country_name(db: Database, country: str | None) -> str | None:
    if not country:
        return None
    with connect(db) as conn:
        return conn.execute(select(Country.name).where(Country.code == country)).scalar()


def country_has_milestones(db: Database, country: str | None) -> bool:
    stmt = (
        select(Milestone.id)
        .join(Commitment, Commitment.id == Milestone.commitment_id)
        .join(ActionPlan, ActionPlan.id == Commitment.action_plan_id)
    )
    if country:
        stmt = stmt.where(ActionPlan.country_code == country)
    with connect(db) as conn:
        return conn.execute(stmt.limit(1)).first() is not None


def _sample(source_id_column):
    return source_id_column.in_(select(Source.id).where(Source.kind == "sample"))


def milestones_from_sample(db: Database, scope: scopes.Scope, as_of: dt.date | None) -> bool:
    """Whether any milestone in scope (or, as of a date, any of its reported
    updates) comes from a sample source."""
    ids = select(scopes.commitment_ids(scope).subquery().c.id)
    stmt = select(exists().where(Milestone.commitment_id.in_(ids), _sample(Milestone.source_id)))
    events = select(
        exists().where(
            MilestoneEvent.milestone_id == Milestone.id,
            Milestone.commitment_id.in_(ids),
            _sample(MilestoneEvent.source_id),
        )
    )
    with connect(db) as conn:
        return bool(conn.execute(stmt).scalar()) or (as_of is not None and bool(conn.execute(events).scalar()))


def forums_from_sample(db: Database, forum_codes: list[str]) -> bool:
    """Whether any of these forums, their meetings or attendance comes from a sample source."""
    if not forum_codes:
        return False
    forum_ids = select(Forum.id).where(Forum.code.in_(forum_codes))
    checks = (
        select(exists().where(Forum.code.in_(forum_codes), _sample(Forum.source_id))),
        select(exists().where(Meeting.forum_id.in_(forum_ids), _sample(Meeting.source_id))),
        select(
            exists().where(
                Attendance.meeting_id == Meeting.id, Meeting.forum_id.in_(forum_ids), _sample(Attendance.source_id)
            )
        ),
    )
    with connect(db) as conn:
        return any(conn.execute(check).scalar() for check in checks)
