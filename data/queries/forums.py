"""Forums, their members, meetings and attendance, and the milestones they follow.

Plain filter values in, DataFrames out.  Attendance is summed per meeting and
stakeholder type in SQL; the indicators are computed by the pure functions of
``data.forum_indicators``.  Every frame carries ``sample`` (the row comes from a
generated sample source), so the interface marks sample data wherever it
draws it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from data import forum_indicators as ind
from data.db import get_engine
from data.models import (
    Attendance,
    Forum,
    Meeting,
    Membership,
    Milestone,
    MilestoneEvent,
    Organization,
    Participation,
    Source,
    forum_commitments,
)
from data.queries.snapshot import Database, connect

FORUM_COLUMNS = ["code", "name", "kind", "sector", "legal_basis", "created", "ended", "commitment_id", "sample"]


def _is_sample(source):
    return case((source.kind == "sample", 1), else_=0)


def _frame(conn, stmt, columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(conn.execute(stmt).all(), columns=columns)
    if "sample" in frame:
        frame["sample"] = frame["sample"].astype(bool)
    return frame


def forum_list(url: str, country: str | None) -> pd.DataFrame:
    """The country's forums: national first, then sector pilots, by name."""
    src = aliased(Source)
    kind_order = case((Forum.kind == "national", 0), (Forum.kind == "sector_pilot", 1), else_=2)
    stmt = (
        select(
            Forum.code,
            Forum.name,
            Forum.kind,
            Forum.sector,
            Forum.legal_basis,
            Forum.created,
            Forum.ended,
            Forum.commitment_id,
            _is_sample(src),
        )
        .join(src, src.id == Forum.source_id)
        .where(Forum.country_code == country)
        .order_by(kind_order, Forum.name, Forum.code)
    )
    with get_engine(url).connect() as conn:
        return _frame(conn, stmt, FORUM_COLUMNS)


def default_selection(forums: pd.DataFrame) -> list[str]:
    """What /forums compares when the link names no forum: the sector pilots, or
    every forum when the country has none."""
    pilots = forums.loc[forums["kind"] == "sector_pilot", "code"].tolist()
    return pilots or forums["code"].tolist()


def forum_frames(db: Database, codes: list[str]) -> dict[str, pd.DataFrame]:
    """Everything the comparison draws for the forums ``codes`` (keyed by frame name).

    - ``forums``: as ``forum_list``, in the order of ``codes``;
    - ``memberships``: forum, organization_id, organization, stakeholder_type, role,
      term_start, term_end, sample;
    - ``meetings``: forum, meeting_id, date, kind, minutes_url, agreements, sample;
    - ``attendance``: forum, meeting_id, stakeholder_type, persons (summed), sample;
    - ``present``: forum, meeting_id, organization_id (distinct organizations with
      someone at the meeting);
    - ``milestones``: forum, id, commitment_id, planned_start, planned_end, status,
      progress, weight, sample (milestones of the commitments each forum follows);
    - ``events``: milestone_id, date, status, progress, sample (their history);
    - ``participation``: forum, received, answered, sample (contributions sent
      through the forum).
    """
    codes = list(dict.fromkeys(codes))
    src = aliased(Source)
    in_codes = Forum.code.in_(codes)
    with connect(db) as conn:
        forums = _frame(
            conn,
            select(
                Forum.code,
                Forum.name,
                Forum.kind,
                Forum.sector,
                Forum.legal_basis,
                Forum.created,
                Forum.ended,
                Forum.commitment_id,
                _is_sample(src),
            )
            .join(src, src.id == Forum.source_id)
            .where(in_codes),
            FORUM_COLUMNS,
        )
        org_src = aliased(Source)
        memberships = _frame(
            conn,
            select(
                Forum.code,
                Organization.id,
                Organization.name,
                Organization.stakeholder_type,
                Membership.role,
                Membership.term_start,
                Membership.term_end,
                case(((src.kind == "sample") | (org_src.kind == "sample"), 1), else_=0),
            )
            .join(Forum, Forum.id == Membership.forum_id)
            .join(Organization, Organization.id == Membership.organization_id)
            .join(src, src.id == Membership.source_id)
            .join(org_src, org_src.id == Organization.source_id)
            .where(in_codes)
            .order_by(Forum.code, Membership.term_start, Organization.name, Membership.role),
            [
                "forum",
                "organization_id",
                "organization",
                "stakeholder_type",
                "role",
                "term_start",
                "term_end",
                "sample",
            ],
        )
        meetings = _frame(
            conn,
            select(
                Forum.code,
                Meeting.id,
                Meeting.date,
                Meeting.kind,
                Meeting.minutes_url,
                Meeting.agreements,
                _is_sample(src),
            )
            .join(Forum, Forum.id == Meeting.forum_id)
            .join(src, src.id == Meeting.source_id)
            .where(in_codes)
            .order_by(Forum.code, Meeting.date),
            ["forum", "meeting_id", "date", "kind", "minutes_url", "agreements", "sample"],
        )
        attendance = _frame(
            conn,
            select(
                Forum.code,
                Meeting.id,
                Attendance.stakeholder_type,
                func.sum(Attendance.persons),
                func.max(_is_sample(src)),
            )
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .join(Forum, Forum.id == Meeting.forum_id)
            .join(src, src.id == Attendance.source_id)
            .where(in_codes)
            .group_by(Forum.code, Meeting.id, Attendance.stakeholder_type)
            .order_by(Forum.code, Meeting.id, Attendance.stakeholder_type),
            ["forum", "meeting_id", "stakeholder_type", "persons", "sample"],
        )
        present = _frame(
            conn,
            select(Forum.code, Meeting.id, Attendance.organization_id)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .join(Forum, Forum.id == Meeting.forum_id)
            .where(in_codes, Attendance.organization_id.is_not(None), Attendance.persons > 0)
            .distinct(),
            ["forum", "meeting_id", "organization_id"],
        )
        followed = (
            select(Forum.code.label("forum"), forum_commitments.c.commitment_id)
            .join(Forum, Forum.id == forum_commitments.c.forum_id)
            .where(in_codes)
            .subquery()
        )
        milestones = _frame(
            conn,
            select(
                followed.c.forum,
                Milestone.id,
                Milestone.commitment_id,
                Milestone.planned_start,
                Milestone.planned_end,
                Milestone.status,
                Milestone.progress,
                Milestone.weight,
                _is_sample(src),
            )
            .join(Milestone, Milestone.commitment_id == followed.c.commitment_id)
            .join(src, src.id == Milestone.source_id)
            .order_by(followed.c.forum, Milestone.commitment_id, Milestone.number),
            ["forum", "id", "commitment_id", "planned_start", "planned_end", "status", "progress", "weight", "sample"],
        )
        events = _frame(
            conn,
            select(
                MilestoneEvent.milestone_id,
                MilestoneEvent.date,
                MilestoneEvent.status,
                MilestoneEvent.progress,
                _is_sample(src),
            )
            .join(src, src.id == MilestoneEvent.source_id)
            .where(
                MilestoneEvent.milestone_id.in_(
                    select(Milestone.id).where(Milestone.commitment_id.in_(select(followed.c.commitment_id)))
                )
            )
            .order_by(MilestoneEvent.milestone_id, MilestoneEvent.date),
            ["milestone_id", "date", "status", "progress", "sample"],
        )
        participation = _frame(
            conn,
            select(
                Forum.code,
                func.sum(Participation.contributions_received),
                func.sum(Participation.contributions_answered),
                func.max(_is_sample(src)),
            )
            .join(Forum, Forum.id == Participation.forum_id)
            .join(src, src.id == Participation.source_id)
            .where(in_codes)
            .group_by(Forum.code),
            ["forum", "received", "answered", "sample"],
        )
    order = {code: i for i, code in enumerate(codes)}
    forums = forums.sort_values("code", key=lambda c: c.map(order)).reset_index(drop=True)
    return {
        "forums": forums,
        "memberships": memberships,
        "meetings": meetings,
        "attendance": attendance,
        "present": present,
        "milestones": milestones,
        "events": events,
        "participation": participation,
    }


def comparison(url: str, codes: list[str], as_of: dt.date) -> dict:
    """The forum comparison for ``codes`` on ``as_of``: see ``forum_indicators.compare``."""
    return ind.compare(forum_frames(url, codes), as_of)
