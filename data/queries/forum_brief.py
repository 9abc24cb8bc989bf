"""One forum's brief for a review meeting: /forums/<forum code>/brief

What a forum reviews when it meets, on one **reference date**:

- **Reference date**: the date asked for (``asof``; never after today) or
  today, or the day the forum ended if that is earlier
  (``forum_indicators.reference_date``).  Milestones are read as they stood on
  that date: their last reported update on or before it (their history); on
  today, their latest reported state.
- **Last meeting**: the last meeting on or before the reference date; the
  previous meeting, the one before it.
- **Days since the last meeting**: from the last meeting to the reference
  date, checked against OGP's 180-day rule by ``forum_indicators.meeting_gaps``
  (a forum that has not met yet counts from its creation).
- **Due since the last meeting**: milestones of the commitments the forum
  follows whose planned end falls after the last meeting and on or before the
  reference date (after the forum's creation when it has not met yet): what
  came due since the forum last looked.  **Due in the next 90 days**: planned
  end after the reference date, up to 90 days later.
- **Late and at risk**: ``data.progress`` rules on the reference date.
- **Recent meetings**: the last six on or before the reference date, with
  attendance by stakeholder type and the member attendance rate
  (``forum_indicators.meeting_table``).
- **Contributions awaiting an answer**: participation records sent through the
  forum or about a commitment it follows, dated on or before the reference
  date, with more contributions received than answered.  Answers are counted
  as last recorded (records keep no date of answer).

``forum_brief`` gathers it all (the queries here and in ``queries.forums``,
the rules in ``forum_indicators`` and ``progress``); the other functions are
its parts, pure where they can be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
from sqlalchemy import bindparam, func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from data import forum_indicators as ind
from data import progress as rules
from data.models import (
    Attendance,
    Commitment,
    Country,
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
from data.queries import forums as forum_queries
from data.queries.snapshot import Database, connect, snapshot

DUE_AHEAD_DAYS = 90
RECENT_MEETINGS = 6

# How the reference date was chosen.
REF_TODAY = "today"
REF_CLOSED = "closed"  # the forum's end
REF_ASOF = "asof"  # a date asked for

MILESTONE_COLUMNS = [
    "id",
    "commitment_id",
    "number",
    "title",
    "responsible",
    "planned_start",
    "planned_end",
    "status",
    "progress",
    "expected",
    "state",
    "sample",
]


def _rows(conn, stmt) -> list[tuple]:
    # Plain tuples: pandas probes SQLAlchemy rows one by one for a dtype.
    return [tuple(r) for r in conn.execute(stmt).all()]


def _followed(code: str):
    """SELECT the commitment ids the forum ``code`` follows."""
    return (
        select(forum_commitments.c.commitment_id)
        .join(Forum, Forum.id == forum_commitments.c.forum_id)
        .where(Forum.code == code)
    )


# --- queries ---------------------------------------------------------------------------


FORUM_KEYS = [
    "code",
    "name",
    "kind",
    "sector",
    "legal_basis",
    "created",
    "ended",
    "commitment_id",
    "country_code",
    "country_name",
    "sample",
]


@cache
def _forum_statement():
    """The forum by code, built once: every page view of a brief asks for it,
    and building the statement costs more than running it."""
    src = aliased(Source)
    return (
        select(
            Forum.code,
            Forum.name,
            Forum.kind,
            Forum.sector,
            Forum.legal_basis,
            Forum.created,
            Forum.ended,
            Forum.commitment_id,
            Forum.country_code,
            Country.name,
            src.kind == "sample",
        )
        .join(Country, Country.code == Forum.country_code)
        .join(src, src.id == Forum.source_id)
        .where(Forum.code == bindparam("code"))
    )


def forum_row(db: Database, code: str) -> dict | None:
    """The forum's fields (FORUM_KEYS: with its country's name and ``sample``),
    or None for an unknown code."""
    with connect(db) as conn:
        row = conn.execute(_forum_statement(), {"code": code}).first()
    if row is None:
        return None
    forum = dict(zip(FORUM_KEYS, tuple(row)))
    forum["sample"] = bool(forum["sample"])
    return forum


def forum_header(db: Database, code: str) -> dict | None:
    """The forum (``forum_row``) and ``follows``: the commitments it follows
    (``id``, ``number_label``, ``title``, ``title_en``, ``action_plan_id``,
    ``sample``), or None for an unknown code."""
    forum = forum_row(db, code)
    if forum is None:
        return None
    c_src = aliased(Source)
    follows = (
        select(
            Commitment.id,
            Commitment.number_label,
            Commitment.title,
            Commitment.title_en,
            Commitment.action_plan_id,
            c_src.kind == "sample",
        )
        .join(c_src, c_src.id == Commitment.source_id)
        .where(Commitment.id.in_(_followed(code)))
        .order_by(Commitment.id)
    )
    with connect(db) as conn:
        followed = pd.DataFrame(
            _rows(conn, follows), columns=["id", "number_label", "title", "title_en", "action_plan_id", "sample"]
        )
    followed["sample"] = followed["sample"].astype(bool)
    return {"forum": forum, "follows": followed}


def milestone_texts(db: Database, code: str) -> pd.DataFrame:
    """Number, title and responsible body of each milestone of the commitments
    the forum follows: ``id``, ``number``, ``title``, ``responsible``."""
    stmt = select(Milestone.id, Milestone.number, Milestone.title, Milestone.responsible).where(
        Milestone.commitment_id.in_(_followed(code))
    )
    with connect(db) as conn:
        return pd.DataFrame(_rows(conn, stmt), columns=["id", "number", "title", "responsible"])


AWAITING_COLUMNS = [
    "id",
    "date",
    "channel",
    "commitment_id",
    "organization",
    "stakeholder_type",
    "participants",
    "received",
    "answered",
    "pending",
    "via_forum",
    "sample",
]


def awaiting_answers(db: Database, code: str, reference: dt.date) -> pd.DataFrame:
    """Participation records sent through the forum or about a commitment it
    follows, on or before ``reference``, with contributions still unanswered
    (received > answered); newest first.  ``via_forum``: sent through the
    forum itself."""
    src = aliased(Source)
    forum_id = select(Forum.id).where(Forum.code == code).scalar_subquery()
    stmt = (
        select(
            Participation.id,
            Participation.date,
            Participation.channel,
            Participation.commitment_id,
            Organization.name,
            Participation.stakeholder_type,
            Participation.participants,
            Participation.contributions_received,
            Participation.contributions_answered,
            Participation.forum_id == forum_id,
            src.kind == "sample",
        )
        .join(Organization, Organization.id == Participation.organization_id, isouter=True)
        .join(src, src.id == Participation.source_id)
        .where(
            or_(Participation.forum_id == forum_id, Participation.commitment_id.in_(_followed(code))),
            Participation.date <= reference,
            Participation.contributions_received > Participation.contributions_answered,
        )
        .order_by(Participation.date.desc(), Organization.name, Participation.id)
    )
    with connect(db) as conn:
        rows = _rows(conn, stmt)
    frame = pd.DataFrame(rows, columns=[c for c in AWAITING_COLUMNS if c != "pending"])
    frame["via_forum"] = frame["via_forum"].fillna(False).astype(bool)
    frame["sample"] = frame["sample"].astype(bool)
    frame.insert(
        AWAITING_COLUMNS.index("pending"),
        "pending",
        (frame["received"].astype(int) - frame["answered"].astype(int)).to_numpy(),
    )
    return frame[AWAITING_COLUMNS]


OCCASION_KEYS = ["date", "channel", "commitment_id", "via_forum"]


def awaiting_by_occasion(rows: pd.DataFrame) -> pd.DataFrame:
    """``awaiting_answers`` rows gathered per occasion (date, channel,
    commitment, through the forum or not), newest first: ``received``,
    ``answered``, ``pending``, ``records`` and ``who``: who awaits, as
    (organization or "" for the public, stakeholder type, pending) tuples,
    organizations by name, then the public by stakeholder type."""
    columns = OCCASION_KEYS + ["received", "answered", "pending", "records", "who"]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    keyed = rows.assign(commitment_id=rows["commitment_id"].fillna(""), organization=rows["organization"].fillna(""))
    out = []
    for key, group in keyed.groupby(OCCASION_KEYS, sort=False, dropna=False):
        by_who = (
            group.groupby(["organization", "stakeholder_type"], sort=False)["pending"]
            .sum()
            .reset_index()
            .assign(_public=lambda f: f["organization"] == "")
            .sort_values(["_public", "organization", "stakeholder_type"], kind="stable")
        )
        out.append(
            (
                *key,
                int(group["received"].sum()),
                int(group["answered"].sum()),
                int(group["pending"].sum()),
                int(len(group)),
                [
                    (o, k, int(n))
                    for o, k, n in by_who[["organization", "stakeholder_type", "pending"]].itertuples(index=False)
                ],
            )
        )
    frame = pd.DataFrame(out, columns=columns)
    frame["commitment_id"] = frame["commitment_id"].replace("", None)
    return frame.sort_values("date", ascending=False, kind="stable", ignore_index=True)


SOURCE_PARTS = ("forum", "commitments", "members", "meetings", "milestones", "participation")


def brief_sources(db: Database, code: str, reference: dt.date) -> pd.DataFrame:
    """Where the brief's records come from: one row per (part, source) with
    ``part`` (one of SOURCE_PARTS), ``kind``, ``name`` and ``records``."""
    forum_id = select(Forum.id).where(Forum.code == code).scalar_subquery()
    followed = _followed(code)
    milestones = select(Milestone.id).where(Milestone.commitment_id.in_(followed))
    meetings = select(Meeting.id).where(Meeting.forum_id == forum_id, Meeting.date <= reference)

    def part(name: str, model, *where):
        return select(literal(name).label("part"), model.source_id.label("source_id")).where(*where)

    every = union_all(
        part("forum", Forum, Forum.id == forum_id),
        part("commitments", Commitment, Commitment.id.in_(followed)),
        part("members", Membership, Membership.forum_id == forum_id),
        part("meetings", Meeting, Meeting.id.in_(meetings)),
        part("meetings", Attendance, Attendance.meeting_id.in_(meetings)),
        part("milestones", Milestone, Milestone.id.in_(milestones)),
        part(
            "milestones", MilestoneEvent, MilestoneEvent.milestone_id.in_(milestones), MilestoneEvent.date <= reference
        ),
        part(
            "participation",
            Participation,
            or_(Participation.forum_id == forum_id, Participation.commitment_id.in_(followed)),
            Participation.date <= reference,
        ),
    ).subquery()
    stmt = (
        select(every.c.part, Source.kind, Source.name, func.count())
        .join(Source, Source.id == every.c.source_id)
        .group_by(every.c.part, Source.kind, Source.name)
    )
    with connect(db) as conn:
        frame = pd.DataFrame(_rows(conn, stmt), columns=["part", "kind", "name", "records"])
    order = {p: i for i, p in enumerate(SOURCE_PARTS)}
    return frame.sort_values(
        ["part", "kind", "name"],
        key=lambda c: c.map(order) if c.name == "part" else c,
        kind="stable",
        ignore_index=True,
    )


# --- the rules, pure ---------------------------------------------------------------------


def reference_for(today: dt.date, asof: dt.date | None, ended, created=None) -> tuple[dt.date, str]:
    """The reference date and how it was chosen (REF_TODAY, REF_CLOSED, REF_ASOF).
    A date after today is read as today (the brief states facts, not
    forecasts), one before the forum's creation as its creation."""
    asked = min(asof, today) if asof else today
    if created is not None and pd.notna(created) and asked < pd.Timestamp(created).date():
        asked = min(pd.Timestamp(created).date(), today)
    reference = ind.reference_date(asked, ended)
    if reference < asked:
        return reference, REF_CLOSED
    if ended is not None and pd.notna(ended) and pd.Timestamp(ended).date() == reference:
        return reference, REF_CLOSED
    return reference, (REF_ASOF if reference < today else REF_TODAY)


def meetings_until(meeting_dates, reference: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(last meeting, previous meeting) on or before ``reference``."""
    held = sorted(
        {
            d.date()
            for d in pd.to_datetime(pd.Series(list(meeting_dates), dtype=object)).dropna()
            if d.date() <= reference
        }
    )
    return (held[-1] if held else None), (held[-2] if len(held) > 1 else None)


def states_on(milestones: pd.DataFrame, events: pd.DataFrame, reference: dt.date, today: dt.date) -> pd.DataFrame:
    """Each milestone as it stood on ``reference``, flagged by the progress rules:
    the latest reported state when ``reference`` is today (or later), else its
    last update on or before ``reference`` (none yet: not started at 0 %).
    Adds ``expected``, ``late``, ``at_risk`` and ``state``."""
    base = milestones[["id", "commitment_id", "planned_start", "planned_end", "weight", "status", "progress"]]
    if reference < today and len(base) and len(events):
        states = ind.milestone_states(base, events, [reference]).drop(columns="date")
    elif reference < today:  # no history at all: nothing reported yet
        states = base.assign(status="not_started", progress=0.0).reset_index(drop=True)
    else:
        states = base.reset_index(drop=True)
    flagged = rules.milestone_flags(states, reference)
    flagged["state"] = rules.milestone_state(flagged).to_numpy()
    return flagged


def due_between(milestones: pd.DataFrame, after: dt.date | None, until: dt.date | None) -> pd.DataFrame:
    """Milestones whose planned end falls after ``after`` and on or before
    ``until`` (``after`` None: no window, nothing due; ``until`` None: no
    end), by planned end."""
    if after is None or milestones.empty:
        return milestones.iloc[0:0]
    end = pd.to_datetime(milestones["planned_end"], errors="coerce")
    keep = (end > pd.Timestamp(after)) & (end <= pd.Timestamp(until) if until is not None else end.notna())
    return _by_end(milestones[keep.to_numpy()])


def first_due_after(milestones: pd.DataFrame, day: dt.date) -> dict | None:
    """The first milestone, neither complete nor cancelled, due after ``day``."""
    open_ = milestones[~milestones["state"].isin(["complete", "cancelled"]).to_numpy()]
    later = due_between(open_, day, None)
    return later.iloc[0].to_dict() if len(later) else None


def late_or_at_risk(milestones: pd.DataFrame) -> pd.DataFrame:
    """Late milestones first, then at risk; each by planned end."""
    chosen = milestones[milestones["state"].isin(["late", "at_risk"]).to_numpy()]
    rank = chosen["state"].map({"late": 0, "at_risk": 1})
    return _by_end(chosen.assign(_rank=rank.to_numpy()), first="_rank").drop(columns="_rank")


def _by_end(frame: pd.DataFrame, first: str | None = None) -> pd.DataFrame:
    keys = ([first] if first else []) + ["_end", "commitment_id", "number"]
    return (
        frame.assign(_end=pd.to_datetime(frame["planned_end"], errors="coerce").to_numpy())
        .sort_values(keys, kind="stable", na_position="last")
        .drop(columns="_end")
        .reset_index(drop=True)
    )


def recent_meetings(frames: dict, reference: dt.date, n: int = RECENT_MEETINGS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The last ``n`` meetings on or before ``reference``, newest first (as
    ``forum_indicators.meeting_table``), and their attendance by stakeholder
    type (``meeting_id``, ``date``, ``stakeholder_type``, ``persons``)."""
    meetings = frames["meetings"]
    held = meetings[(pd.to_datetime(meetings["date"]) <= pd.Timestamp(reference)).to_numpy()]
    held = held.sort_values("date", kind="stable").tail(n)
    attendance = frames["attendance"][frames["attendance"]["meeting_id"].isin(held["meeting_id"])]
    present = frames["present"][frames["present"]["meeting_id"].isin(held["meeting_id"])]
    table = ind.meeting_table(held, attendance, present, frames["memberships"])
    return table, ind.attendance_by_type(held, attendance)


# --- the brief ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Brief:
    forum: dict
    follows: pd.DataFrame
    today: dt.date
    reference: dt.date
    reference_kind: str  # REF_TODAY, REF_CLOSED or REF_ASOF
    asked: dt.date | None  # the asof date asked for, if any
    asked_moved: str | None  # why it was not used as given: "future" or "before_creation"
    last_meeting: dt.date | None
    previous_meeting: dt.date | None
    meetings_held: int
    gap: dict | None  # the interval running on the reference date: start, days, kind, breach
    breaches: int  # intervals over 180 days in the forum's life up to the reference date
    due_since: pd.DataFrame
    due_since_window: tuple[dt.date | None, dt.date]
    due_next: pd.DataFrame
    due_next_window: tuple[dt.date, dt.date]
    next_due: dict | None  # the first unfinished milestone due after the next-days window
    late: pd.DataFrame
    live_milestones: int
    meetings: pd.DataFrame  # recent, newest first
    attendance: pd.DataFrame  # recent, by stakeholder type
    awaiting: pd.DataFrame  # one row per participation record
    occasions: pd.DataFrame  # the same, per occasion (awaiting_by_occasion)
    sources: pd.DataFrame
    sample: dict = field(default_factory=dict)  # which parts draw sample records


def forum_brief(url: str, code: str, today: dt.date, asof: dt.date | None = None) -> Brief | None:
    """The brief's data, every query on one connection in one snapshot."""
    with snapshot(url) as db:
        return brief_on(db, code, today, asof)


def brief_on(db: Database, code: str, today: dt.date, asof: dt.date | None = None) -> Brief | None:
    """The brief of the forum ``code`` (None when there is no such forum)."""
    header = forum_header(db, code)
    if header is None:
        return None
    forum = header["forum"]
    reference, kind = reference_for(today, asof, forum["ended"], forum["created"])
    moved = None
    if asof and asof > today:
        moved = "future"
    elif asof and forum["created"] and asof < forum["created"]:
        moved = "before_creation"
    frames = forum_queries.forum_frames(db, [code])
    meetings = frames["meetings"]
    held = meetings[(pd.to_datetime(meetings["date"]) <= pd.Timestamp(reference)).to_numpy()]
    last, previous = meetings_until(held["date"], reference)
    closed = kind == REF_CLOSED
    gaps = ind.meeting_gaps(held["date"], forum["created"], reference, ended=closed)
    running = gaps.iloc[-1] if len(gaps) else None
    gap = (
        {
            "start": running["start"].date(),
            "days": int(running["days"]),
            "kind": running["kind"],
            "breach": bool(running["breach"]),
        }
        if running is not None
        else None
    )

    miles = frames["milestones"]
    states = states_on(miles, frames["events"], reference, today)
    texts = milestone_texts(db, code)
    states = states.merge(texts, on="id", how="left").merge(miles[["id", "sample"]], on="id", how="left")
    states = states[MILESTONE_COLUMNS] if len(states) else pd.DataFrame(columns=MILESTONE_COLUMNS)
    since_start = last if last is not None else forum["created"]
    ahead = reference + dt.timedelta(days=DUE_AHEAD_DAYS)
    recent, by_type = recent_meetings(frames, reference)
    awaiting = awaiting_answers(db, code, reference)
    event_sample = frames["events"][pd.to_datetime(frames["events"]["date"]) <= pd.Timestamp(reference)]["sample"]
    recent_ids = recent["meeting_id"]
    attendance_sample = frames["attendance"][frames["attendance"]["meeting_id"].isin(recent_ids)]["sample"]
    return Brief(
        forum=forum,
        follows=header["follows"],
        today=today,
        reference=reference,
        reference_kind=kind,
        asked=asof,
        asked_moved=moved,
        last_meeting=last,
        previous_meeting=previous,
        meetings_held=int(len(held)),
        gap=gap,
        breaches=int(gaps["breach"].sum()),
        due_since=due_between(states, since_start, reference),
        due_since_window=(since_start, reference),
        due_next=due_between(states, reference, ahead),
        due_next_window=(reference, ahead),
        next_due=first_due_after(states, ahead),
        late=late_or_at_risk(states),
        live_milestones=int((states["status"].astype(str) != "cancelled").sum()),
        meetings=recent,
        attendance=by_type,
        awaiting=awaiting,
        occasions=awaiting_by_occasion(awaiting),
        sources=brief_sources(db, code, reference),
        sample={
            "forum": forum["sample"] or bool(frames["memberships"]["sample"].any()) or bool(held["sample"].any()),
            "milestones": bool(states["sample"].astype(bool).any() or event_sample.astype(bool).any()),
            "meetings": bool(
                meetings[meetings["meeting_id"].isin(recent_ids)]["sample"].any()
                or attendance_sample.astype(bool).any()
            ),
            "participation": bool(awaiting["sample"].any()),
        },
    )
