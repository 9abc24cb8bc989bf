"""Civil-society engagement: participation records and forum attendance.

Engagement is every record of people taking part: ``participation`` rows
(public consultations, workshops, online comments, each with contributions
received and answered) and ``attendance`` at multistakeholder-forum meetings,
counted as the channel ``forum_meeting``.  A meeting records who came, not what
they contributed, so its contributions are unknown (NULL, never 0), and it is
tied to a forum but not to a commitment or action plan: with a commitment or
plan filter, forum meetings are left out.

Queries aggregate in SQL to one row per day (and channel, stakeholder type,
gender), or per organization and day; calendar periods and histories are
computed from those in pandas (data/periods.py, data/turnover.py).  Dates are
not filtered here: histories need every date, and views crop to their window.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Integer, Select, String, case, func, literal_column, null, or_, select, union_all

from data.db import get_engine
from data.models import (
    Attendance,
    Commitment,
    Forum,
    Meeting,
    Organization,
    Participation,
    Source,
)

FORUM_MEETING = "forum_meeting"


@dataclass(frozen=True)
class EngagementFilter:
    """What to count: plain values, hashable so results can be cached by them."""

    country: str | None
    forums: tuple[str, ...] = ()  # forum codes
    commitment: str | None = None
    plan: str | None = None
    channels: tuple[str, ...] = ()  # empty: every channel

    @property
    def includes_meetings(self) -> bool:
        """Forum meetings count unless a channel filter leaves them out, or a
        commitment or plan filter asks for what meetings are not tied to."""
        if self.commitment or self.plan:
            return False
        return not self.channels or FORUM_MEETING in self.channels


def _participation(f: EngagementFilter) -> Select:
    stmt = select(
        Participation.date.label("date"),
        Participation.channel.label("channel"),
        Participation.organization_id.label("organization_id"),
        Participation.stakeholder_type.label("stakeholder_type"),
        Participation.gender.label("gender"),
        Participation.participants.label("persons"),
        Participation.contributions_received.label("received"),
        Participation.contributions_answered.label("answered"),
        Participation.source_id.label("source_id"),
    ).where(Participation.country_code == f.country)
    if f.forums:
        stmt = stmt.where(Participation.forum_id.in_(select(Forum.id).where(Forum.code.in_(f.forums))))
    if f.commitment:
        stmt = stmt.where(Participation.commitment_id == f.commitment)
    if f.plan:
        stmt = stmt.where(
            or_(
                Participation.action_plan_id == f.plan,
                Participation.commitment_id.in_(select(Commitment.id).where(Commitment.action_plan_id == f.plan)),
            )
        )
    if f.channels:
        stmt = stmt.where(Participation.channel.in_(f.channels))
    return stmt


def _attendance(f: EngagementFilter) -> Select:
    stmt = (
        select(
            Meeting.date.label("date"),
            literal_column(f"'{FORUM_MEETING}'", String).label("channel"),
            Attendance.organization_id.label("organization_id"),
            Attendance.stakeholder_type.label("stakeholder_type"),
            Attendance.gender.label("gender"),
            Attendance.persons.label("persons"),
            null().cast(Integer).label("received"),
            null().cast(Integer).label("answered"),
            Attendance.source_id.label("source_id"),
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Forum, Forum.id == Meeting.forum_id)
        .where(Forum.country_code == f.country)
    )
    if f.forums:
        stmt = stmt.where(Forum.code.in_(f.forums))
    return stmt


def _records(f: EngagementFilter):
    parts = [_participation(f)]
    if f.includes_meetings:
        parts.append(_attendance(f))
    return (union_all(*parts) if len(parts) > 1 else parts[0]).subquery("engagement")


def _sample_flag():
    """1 when any record of the group comes from a generated sample source."""
    return func.max(case((Source.kind == "sample", 1), else_=0)).label("sample")


def _frame(stmt, url: str, columns: list[str]) -> pd.DataFrame:
    with get_engine(url).connect() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame(rows, columns=columns)


ACTIVITY_COLUMNS = [
    "date",
    "channel",
    "stakeholder_type",
    "gender",
    "persons",
    "received",
    "answered",
    "records",
    "sample",
]


def activity(url: str, f: EngagementFilter) -> pd.DataFrame:
    """People and contributions per day, channel, stakeholder type and gender.

    ``gender`` is None where it was not recorded; ``received``/``answered`` are
    None for forum meetings (not recorded there); ``sample`` is True when any
    record behind the row is generated sample data.
    """
    r = _records(f)
    stmt = (
        select(
            r.c.date,
            r.c.channel,
            r.c.stakeholder_type,
            r.c.gender,
            func.sum(r.c.persons),
            func.sum(r.c.received),
            func.sum(r.c.answered),
            func.count(),
            _sample_flag(),
        )
        .join(Source, Source.id == r.c.source_id)
        .group_by(r.c.date, r.c.channel, r.c.stakeholder_type, r.c.gender)
        .order_by(r.c.date)
    )
    frame = _frame(stmt, url, ACTIVITY_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["gender"] = frame["gender"].where(frame["gender"].notna() & (frame["gender"] != ""), None)
    for column in ("persons", "records"):
        frame[column] = frame[column].astype("int64")
    for column in ("received", "answered"):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")  # NaN: not recorded
    frame["sample"] = frame["sample"].astype(bool)
    return frame


ORGANIZATION_DAY_COLUMNS = ["date", "organization_id", "name", "stakeholder_type", "sample"]


def organization_days(url: str, f: EngagementFilter) -> pd.DataFrame:
    """One row per organization and day it took part, with its name and type
    (the organization's own, so it has one colour in every chart)."""
    r = _records(f)
    stmt = (
        select(r.c.date, r.c.organization_id, Organization.name, Organization.stakeholder_type, _sample_flag())
        .join(Organization, Organization.id == r.c.organization_id)
        .join(Source, Source.id == r.c.source_id)
        .group_by(r.c.date, r.c.organization_id, Organization.name, Organization.stakeholder_type)
        .order_by(r.c.date, Organization.name)
    )
    frame = _frame(stmt, url, ORGANIZATION_DAY_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["sample"] = frame["sample"].astype(bool)
    return frame


def record_counts(url: str, country: str | None) -> dict[str, int]:
    """How many participation and forum-attendance records a country has."""
    participation = select(func.count()).select_from(Participation).where(Participation.country_code == country)
    attendance = (
        select(func.count())
        .select_from(Attendance)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Forum, Forum.id == Meeting.forum_id)
        .where(Forum.country_code == country)
    )
    with get_engine(url).connect() as conn:
        row = conn.execute(select(participation.scalar_subquery(), attendance.scalar_subquery())).one()
    return {"participation": int(row[0]), "attendance": int(row[1])}


def forum_options(url: str, country: str | None) -> pd.DataFrame:
    """The country's forums (code, name, kind, sector), national ones first."""
    stmt = (
        select(Forum.code, Forum.name, Forum.kind, Forum.sector)
        .where(Forum.country_code == country)
        .order_by(Forum.kind, Forum.sector, Forum.name)
    )
    return _frame(stmt, url, ["code", "name", "kind", "sector"])


def commitment_options(url: str, country: str | None) -> pd.DataFrame:
    """Commitments that participation records of the country are linked to."""
    stmt = (
        select(Commitment.id, Commitment.title, Commitment.title_en, Commitment.action_plan_id)
        .where(Commitment.id.in_(select(Participation.commitment_id).where(Participation.country_code == country)))
        .order_by(Commitment.id)
    )
    return _frame(stmt, url, ["id", "title", "title_en", "action_plan_id"])


def plan_periods(url: str, country: str | None) -> pd.DataFrame:
    """The country's action plans as periods to shade on time axes (data.engagement.plan_spans)."""
    from data.engagement import plan_spans
    from data.queries.scope import plans

    return plan_spans(plans(url, country))


def turnover(url: str, f: EngagementFilter, period: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """New/returning/stopped organizations per period and each organization's
    record (data/turnover.py), over the whole history: worth caching whole."""
    from data.turnover import organization_flow, organization_summary

    days = organization_days(url, f)
    return organization_flow(days, period), organization_summary(days, period)


def engagement_frames(url: str, f: EngagementFilter) -> dict[str, pd.DataFrame]:
    """What a view of one selection draws from, in one piece to cache:
    ``activity``, ``organization_days`` and the country's ``plans`` periods."""
    return {
        "activity": activity(url, f),
        "organization_days": organization_days(url, f),
        "plans": plan_periods(url, f.country),
    }
