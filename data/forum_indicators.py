"""How a multistakeholder forum works, measured: pure functions over DataFrames.

Used by the forum comparison (/forums).  Every function takes plain frames (as
``data/queries/forums.py`` returns them, or hand-made in tests) and dates, and
returns numbers or frames; nothing here reads the database.

Definitions (the ones a forum member will ask about):

- **Reference date** of a forum: the day its figures describe, ``as_of``
  (today), or the day it ended if it ended earlier.  Members, turnover and the
  days since the last meeting are all counted at or up to that date.
- **Member**: an organization holding a membership (titular or suplente) whose
  term covers the day, ends included.  An organization holding both roles is
  one member organization and two seats.
- **Share of non-government members**: member organizations whose stakeholder
  type is not in ``vocab.GOVERNMENT_STAKEHOLDERS``, over all member
  organizations, on the reference date.
- **Turnover** (per year): (organizations that joined + organizations that
  left) ÷ years observed ÷ average number of member organizations.  A
  membership that runs on without a break (a renewed term, the day after the
  previous one ends, or a change of role) is one spell, not a departure and an
  arrival.  Founding members do not count as joining; members whose term ends
  on the reference date (with the forum) do not count as leaving.  The
  average is over every day observed (from the forum's creation to the
  reference date).
- **OGP's 180-day rule** (``vocab.FORUM_MAX_GAP_DAYS``): a forum should meet at
  least every six months.  Every interval is measured in calendar days,
  ``later - earlier``: a gap of exactly 180 days complies, 181 breaches.  Three
  kinds of interval are checked: from the forum's creation to its first
  meeting (a forum that takes more than six months to meet for the first time
  did not meet at least every six months), between consecutive meetings, and
  from the last meeting to the reference date (still running when the forum
  has not ended: the "days since the last meeting").
- **Attendance rate** of a meeting: member organizations with anyone present
  ÷ member organizations on the meeting's date.  Titular and suplente of the
  same organization count once; invited guests and members of the public are
  counted in attendance by stakeholder type but not in the rate.
- **Agreements per meeting**: the mean over meetings whose agreements were
  recorded (an unrecorded count is unknown, not zero).
- **Milestone progress** of the commitments a forum follows: the progress
  rules of ``data.progress`` (commitment roll-up, then the mean over
  commitments) applied to each milestone's last reported state on each date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from data import progress as rules
from data.missing import is_missing
from data.vocab import FORUM_MAX_GAP_DAYS, GOVERNMENT_STAKEHOLDERS, MEMBERSHIP_ROLES, STAKEHOLDER_TYPES

DAYS_PER_YEAR = 365.25
ONE_DAY = pd.Timedelta(days=1)

GAP_TO_FIRST = "to_first"  # creation → first meeting (or to the reference date if none)
GAP_BETWEEN = "between"  # one meeting → the next
GAP_SINCE_LAST = "since_last"  # last meeting → reference date


def _ts(value) -> pd.Timestamp | None:
    if is_missing(value):
        return None
    stamp = pd.Timestamp(value)
    return None if pd.isna(stamp) else stamp.normalize()


def _dates(values) -> pd.Series:
    return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce")


def reference_date(as_of: dt.date, ended=None) -> dt.date:
    """The day a forum's figures describe: ``as_of``, or its end if earlier."""
    end = _ts(ended)
    if end is not None and end.date() < as_of:
        return end.date()
    return as_of


# --- members ------------------------------------------------------------------------


def active_on(memberships: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Memberships whose term covers ``day`` (both ends included; no end = open).

    Needs ``term_start`` and ``term_end``.
    """
    when = pd.Timestamp(day)
    start = _dates(memberships["term_start"])
    end = _dates(memberships["term_end"])
    covered = (start <= when) & (end.isna() | (when <= end))
    return memberships[covered.to_numpy()]


def member_counts(memberships: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Seats held on ``day`` by stakeholder type and role: columns
    ``stakeholder_type``, ``role``, ``seats``.

    Needs ``stakeholder_type``, ``role``, ``term_start``, ``term_end``.
    """
    active = active_on(memberships, day)
    if active.empty:
        return pd.DataFrame(
            {"stakeholder_type": pd.Series(dtype=str), "role": pd.Series(dtype=str), "seats": pd.Series(dtype=int)}
        )
    return active.groupby(["stakeholder_type", "role"]).size().rename("seats").reset_index()


def non_government_share(memberships: pd.DataFrame, day: dt.date) -> float:
    """Percentage of member organizations on ``day`` that are not government
    (NaN when there are none).  Needs ``organization_id`` and ``stakeholder_type``."""
    orgs = active_on(memberships, day).drop_duplicates("organization_id")
    if orgs.empty:
        return float("nan")
    non_gov = ~orgs["stakeholder_type"].isin(GOVERNMENT_STAKEHOLDERS)
    return float(non_gov.mean() * 100.0)


def membership_spells(memberships: pd.DataFrame) -> pd.DataFrame:
    """Each organization's unbroken stays: columns ``organization_id``, ``start``,
    ``end`` (NaT = still a member).  Terms that overlap or follow on the next day
    merge, whatever the role."""
    frame = (
        pd.DataFrame(
            {
                "organization_id": memberships["organization_id"].to_numpy(),
                "start": _dates(memberships["term_start"]).to_numpy(),
                "end": _dates(memberships["term_end"]).to_numpy(),
            }
        )
        .dropna(subset=["start"])
        .sort_values(["organization_id", "start"])
    )
    spells = []
    for org, terms in frame.groupby("organization_id", sort=True):
        current_start = current_end = None
        for start, end in zip(terms["start"], terms["end"]):
            if current_start is None:
                current_start, current_end = start, end
            elif pd.isna(current_end) or start <= current_end + ONE_DAY:
                current_end = pd.NaT if pd.isna(current_end) or pd.isna(end) else max(current_end, end)
            else:
                spells.append((org, current_start, current_end))
                current_start, current_end = start, end
        spells.append((org, current_start, current_end))
    return pd.DataFrame(spells, columns=["organization_id", "start", "end"])


def turnover(memberships: pd.DataFrame, created, reference: dt.date) -> dict:
    """Organizations that joined and left between ``created`` and ``reference``,
    the average number of member organizations, and the yearly turnover rate
    (percent; see the module's definition).  ``created`` None: the first term's
    start."""
    spells = membership_spells(memberships)
    start = _ts(created)
    if start is None:
        start = spells["start"].min() if len(spells) else None
    end = pd.Timestamp(reference)
    result = {"joined": 0, "left": 0, "average_members": float("nan"), "years": 0.0, "rate": float("nan")}
    if start is None or pd.isna(start) or end < start or spells.empty:
        return result
    days = (end - start).days + 1  # both ends are days observed
    # pandas-stubs types clip's bounds as numbers; pandas takes a Timestamp for a datetime Series.
    lo = spells["start"].clip(lower=start)  # type: ignore[call-overload]
    hi = spells["end"].fillna(end).clip(upper=end)  # type: ignore[call-overload]
    covered = ((hi - lo).dt.days + 1).clip(lower=0)
    average = float(covered.sum()) / days
    joined = int(((spells["start"] > start) & (spells["start"] <= end)).sum())
    left = int((spells["end"].notna() & (spells["end"] >= start) & (spells["end"] < end)).sum())
    years = days / DAYS_PER_YEAR
    rate = (joined + left) / years / average * 100.0 if average > 0 else float("nan")
    return {"joined": joined, "left": left, "average_members": average, "years": years, "rate": rate}


# --- meetings -----------------------------------------------------------------------


def meeting_gaps(meeting_dates, created, reference: dt.date, *, ended: bool = False) -> pd.DataFrame:
    """Every interval OGP's 180-day rule checks, in order: columns ``start``,
    ``end``, ``days``, ``kind`` (to_first / between / since_last), ``open``
    (still running on the reference date) and ``breach`` (days > 180).

    ``ended``: the forum has closed by ``reference``, so the interval after its
    last meeting is closed too.  Meetings after ``reference`` are not counted.
    """
    ref = pd.Timestamp(reference)
    dates = sorted({d for d in _dates(meeting_dates).dropna() if d <= ref})
    start = _ts(created)
    rows = []
    if start is not None and (not dates or start <= dates[0]):
        first = dates[0] if dates else ref
        rows.append((start, first, GAP_TO_FIRST, not dates and not ended))
    rows += [(a, b, GAP_BETWEEN, False) for a, b in zip(dates, dates[1:])]
    if dates:
        rows.append((dates[-1], ref, GAP_SINCE_LAST, not ended))
    frame = pd.DataFrame(rows, columns=["start", "end", "kind", "open"])
    frame["days"] = (frame["end"] - frame["start"]).dt.days.astype(int) if rows else pd.Series(dtype=int)
    frame["breach"] = frame["days"] > FORUM_MAX_GAP_DAYS
    return frame[["start", "end", "days", "kind", "open", "breach"]]


def days_since_last_meeting(meeting_dates, reference: dt.date) -> int | None:
    """Days from the last meeting on or before ``reference`` to it (None: none held)."""
    ref = pd.Timestamp(reference)
    held = [d for d in _dates(meeting_dates).dropna() if d <= ref]
    return (ref - max(held)).days if held else None


def attendance_rate(meetings: pd.DataFrame, memberships: pd.DataFrame, present: pd.DataFrame) -> pd.DataFrame:
    """Per meeting: ``members`` (organizations on that date), ``present`` (of
    them, with anyone there) and ``rate`` (percent, NaN with no members).

    ``meetings``: ``meeting_id``, ``date``.  ``memberships``: ``organization_id``,
    ``term_start``, ``term_end``.  ``present``: ``meeting_id``, ``organization_id``
    (organizations with someone at the meeting; guests included, and ignored here).
    """
    out = meetings[["meeting_id", "date"]].copy()
    seats = pd.DataFrame(
        {
            "organization_id": memberships["organization_id"].to_numpy(),
            "start": _dates(memberships["term_start"]).to_numpy(),
            "end": _dates(memberships["term_end"]).to_numpy(),
        }
    )
    pairs = out.assign(day=_dates(out["date"]).to_numpy()).merge(seats, how="cross")
    covered = (pairs["start"] <= pairs["day"]) & (pairs["end"].isna() | (pairs["day"] <= pairs["end"]))
    pairs = pairs.loc[covered, ["meeting_id", "organization_id"]].drop_duplicates()
    came = pairs.merge(
        present[["meeting_id", "organization_id"]].drop_duplicates(), on=["meeting_id", "organization_id"]
    )
    out["members"] = out["meeting_id"].map(pairs.groupby("meeting_id").size()).fillna(0).astype(int).to_numpy()
    out["present"] = out["meeting_id"].map(came.groupby("meeting_id").size()).fillna(0).astype(int).to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["rate"] = np.where(out["members"] > 0, out["present"] / out["members"] * 100.0, np.nan)
    return out


def attendance_by_type(meetings: pd.DataFrame, attendance: pd.DataFrame) -> pd.DataFrame:
    """People at each meeting by stakeholder type: ``meeting_id``, ``date``,
    ``stakeholder_type``, ``persons`` (meetings with no one recorded keep no rows).

    ``attendance``: ``meeting_id``, ``stakeholder_type``, ``persons``.
    """
    counts = attendance.groupby(["meeting_id", "stakeholder_type"], as_index=False)["persons"].sum()
    return meetings[["meeting_id", "date"]].merge(counts, on="meeting_id", how="inner")


def agreements_summary(meetings: pd.DataFrame) -> dict:
    """Total and mean agreements over meetings that recorded them."""
    recorded = pd.to_numeric(meetings["agreements"], errors="coerce").dropna()
    return {
        "total": int(recorded.sum()) if len(recorded) else 0,
        "mean": float(recorded.mean()) if len(recorded) else float("nan"),
        "recorded": int(len(recorded)),
    }


# --- milestones of the commitments followed --------------------------------------------


def milestone_states(milestones: pd.DataFrame, events: pd.DataFrame, dates) -> pd.DataFrame:
    """Each milestone's last reported state on each date: one row per (date,
    milestone) with ``date``, ``id``, ``commitment_id``, ``planned_start``,
    ``planned_end``, ``weight``, ``status`` and ``progress``.  Before its first
    report a milestone counts as not started at 0 % (as
    ``data.queries.scope.milestone_frame`` does for a past date).
    """
    when = pd.DatetimeIndex(sorted(set(pd.to_datetime(list(dates)))), name="date")
    base = milestones[["id", "commitment_id", "planned_start", "planned_end", "weight"]]
    grid = base.merge(pd.DataFrame({"date": when}), how="cross").sort_values("date", kind="stable")
    ev = pd.DataFrame(
        {
            # Typed even when there are no events: merge_asof needs matching key dtypes.
            "id": events["milestone_id"].astype(base["id"].dtype).to_numpy(),
            "date": pd.to_datetime(events["date"]).to_numpy(dtype="datetime64[ns]"),
            "status": events["status"].astype(object).to_numpy(),
            "progress": events["progress"].astype(float).to_numpy(),
        }
    ).sort_values("date", kind="stable")
    grid["date"] = grid["date"].astype("datetime64[ns]")
    states = pd.merge_asof(grid, ev, on="date", by="id", direction="backward")
    states["status"] = states["status"].fillna("not_started")
    states["progress"] = states["progress"].fillna(0.0)
    return states.reset_index(drop=True)


def progress_over_time(milestones: pd.DataFrame, events: pd.DataFrame, dates) -> pd.DataFrame:
    """Reported and expected progress of the commitments followed, on each date:
    ``date``, ``progress``, ``expected`` (percent), ``commitments`` counted.

    Reported: ``data.progress.commitment_progress`` of the milestones' states on
    that date, then ``plan_progress`` (mean over commitments) — the same roll-up
    as everywhere else.  Expected: the same roll-up of each milestone's share of
    planned time elapsed on that date.
    """
    columns = ["date", "progress", "expected", "commitments"]
    if milestones.empty or not len(list(dates)):
        return pd.DataFrame(columns=columns)
    states = milestone_states(milestones, events, dates)
    # One roll-up over all dates at once: each (date, commitment) is a commitment
    # of the "plan" that is that date.
    day = states["date"].dt.strftime("%Y-%m-%d")
    keyed = states.assign(commitment_id=day + "|" + states["commitment_id"].astype(str))
    # Expected progress on each row's own date with one call of the shared rule:
    # moving a milestone's planned dates back by (date - anchor) and asking on
    # the anchor day is the same as asking on that date.
    anchor = states["date"].min()
    shift = states["date"] - anchor
    expected = rules.expected_progress(
        _dates(states["planned_start"]) - shift, _dates(states["planned_end"]) - shift, anchor.date()
    ).to_numpy()
    reported = rules.commitment_progress(keyed)
    dated = ~np.isnan(expected)  # a milestone without planned dates expects nothing
    planned = rules.commitment_progress(keyed[dated].assign(progress=expected[dated]))
    commitments = pd.DataFrame({"id": reported.index, "action_plan_id": reported.index.str[:10]})
    out = pd.DataFrame(
        {
            "progress": rules.plan_progress(commitments, reported),
            "expected": rules.plan_progress(commitments, planned),
            "commitments": commitments.groupby("action_plan_id").size(),
        }
    )
    out.index = pd.to_datetime(out.index)
    return out.rename_axis("date").reset_index()[columns]


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """The dates a progress line is drawn at: ``start``, every month end between, ``end``."""
    if end < start:
        return [start]
    inner = pd.date_range(start, end, freq="ME")
    days = {start, end, *(d.date() for d in inner)}
    return sorted(days)


# --- the comparison -------------------------------------------------------------------


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def _stack(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True)[columns] if parts else _empty(columns)


def progress_window(
    created, reference: dt.date, milestones: pd.DataFrame, events: pd.DataFrame, as_of: dt.date
) -> tuple[dt.date, dt.date] | None:
    """The dates a forum's progress line covers: from the earlier of its creation
    and the first planned milestone start, to the later of its reference date
    and the last reported update (never after ``as_of``): the commitments it
    followed may go on moving after a pilot closed."""
    if milestones.empty:
        return None
    starts = [
        d
        for d in (
            _ts(created),
            _dates(milestones["planned_start"]).min(),
            _dates(events["date"]).min() if len(events) else None,
        )
        if d is not None and pd.notna(d)
    ]
    ends = [pd.Timestamp(reference)] + ([_dates(events["date"]).max()] if len(events) else [])
    if not starts:
        return None
    start, end = min(starts).date(), min(max(ends).date(), as_of)
    return (start, end) if start <= end else None


def compare(frames: dict[str, pd.DataFrame], as_of: dt.date) -> dict:
    """Every indicator of every forum in ``frames`` (``data.queries.forums.forum_frames``).

    Returns ``forums`` (one row per forum with its summary numbers, in the order
    given), the long frames the figures draw (``members``, ``gaps``,
    ``attendance``, ``rates``, ``meetings``, ``progress``) each with a ``forum``
    column, and ``sample``: which parts draw sample records.
    """
    forums = frames["forums"]
    ms, mt, att, present = frames["memberships"], frames["meetings"], frames["attendance"], frames["present"]
    miles, events, part = frames["milestones"], frames["events"], frames["participation"]
    rows, members, gaps, attendance, rates, progress_lines, held = [], [], [], [], [], [], []
    forum: Any  # a row of ``forums``: itertuples types its fields as any scalar
    for forum in forums.itertuples(index=False):
        code = forum.code
        ref = reference_date(as_of, forum.ended)
        ended = _ts(forum.ended)
        closed = ref < as_of or (ended is not None and ended.date() <= as_of)
        f_ms = ms[ms["forum"] == code]
        f_mt = mt[(mt["forum"] == code) & (_dates(mt["date"]) <= pd.Timestamp(ref)).to_numpy()]
        held.append(f_mt)
        f_att = att[att["meeting_id"].isin(f_mt["meeting_id"])]
        f_present = present[present["meeting_id"].isin(f_mt["meeting_id"])]
        f_miles = miles[miles["forum"] == code]
        f_events = events[events["milestone_id"].isin(f_miles["id"])]

        counts = member_counts(f_ms, ref).assign(forum=code)
        members.append(counts)
        turn = turnover(f_ms, forum.created, ref)
        f_gaps = meeting_gaps(f_mt["date"], forum.created, ref, ended=closed).assign(forum=code)
        gaps.append(f_gaps)
        f_rates = attendance_rate(f_mt, f_ms, f_present).assign(forum=code)
        rates.append(f_rates)
        attendance.append(attendance_by_type(f_mt, f_att).assign(forum=code))
        agreed = agreements_summary(f_mt)

        window = progress_window(forum.created, ref, f_miles, f_events, as_of)
        if window:
            progress_lines.append(progress_over_time(f_miles, f_events, month_ends(*window)).assign(forum=code))
        flagged = rules.milestone_flags(f_miles, as_of) if len(f_miles) else f_miles.assign(late=False)
        now = rules.commitment_progress(f_miles) if len(f_miles) else pd.Series(dtype=float)
        live = f_miles["status"].astype(str) != "cancelled" if len(f_miles) else pd.Series(dtype=bool)

        f_part = part[part["forum"] == code]
        received = int(f_part["received"].sum()) if len(f_part) else 0
        answered = int(f_part["answered"].sum()) if len(f_part) else 0
        observed_years = turn["years"]
        orgs_now = active_on(f_ms, ref)
        rows.append(
            {
                "code": code,
                "name": forum.name,
                "kind": forum.kind,
                "sector": forum.sector,
                "created": forum.created,
                "ended": forum.ended,
                "reference": ref,
                "closed": closed,
                "members": int(orgs_now["organization_id"].nunique()),
                "titular": int(counts.loc[counts["role"] == "titular", "seats"].sum()),
                "suplente": int(counts.loc[counts["role"] == "suplente", "seats"].sum()),
                "non_government": non_government_share(f_ms, ref),
                "joined": turn["joined"],
                "left": turn["left"],
                "average_members": turn["average_members"],
                "turnover": turn["rate"],
                "meetings": int(len(f_mt)),
                "meetings_per_year": len(f_mt) / observed_years if observed_years > 0 else float("nan"),
                "last_meeting": _dates(f_mt["date"]).max().date() if len(f_mt) else None,
                "days_since_last": days_since_last_meeting(f_mt["date"], ref),
                "breaches": int(f_gaps["breach"].sum()),
                "longest_gap": int(f_gaps["days"].max()) if len(f_gaps) else None,
                "attendance_rate": float(f_rates["rate"].mean()) if f_rates["rate"].notna().any() else float("nan"),
                "agreements_total": agreed["total"],
                "agreements_mean": agreed["mean"],
                "commitments": int(f_miles["commitment_id"].nunique()),
                "milestones": int(live.sum()),
                "late": int(flagged["late"].sum()),
                "complete": int(((f_miles["progress"].astype(float) >= rules.DONE) & live).sum())
                if len(f_miles)
                else 0,
                "progress": float(now.mean()) if len(now) else float("nan"),
                "received": received,
                "answered": answered,
                "answered_share": answered / received * 100.0 if received else float("nan"),
            }
        )
    summary = pd.DataFrame(rows)
    return {
        "forums": summary,
        "members": _stack(members, ["forum", "stakeholder_type", "role", "seats"]),
        "gaps": _stack(gaps, ["forum", "start", "end", "days", "kind", "open", "breach"]),
        "attendance": _stack(attendance, ["forum", "meeting_id", "date", "stakeholder_type", "persons"]),
        "rates": _stack(rates, ["forum", "meeting_id", "date", "members", "present", "rate"]),
        "meetings": _stack(held, ["forum", "meeting_id", "date", "kind", "agreements", "minutes_url"]),
        "progress": _stack(progress_lines, ["forum", "date", "progress", "expected"]),
        "sample": {
            "members": bool(ms["sample"].any()),
            "meetings": bool(mt["sample"].any()),
            "attendance": bool(att["sample"].any() or mt["sample"].any()),
            "progress": bool(miles["sample"].any() or events["sample"].any()),
            "participation": bool(part["sample"].any()),
            "forums": bool(forums["sample"].any()),
        },
    }


def meeting_table(
    meetings: pd.DataFrame, attendance: pd.DataFrame, present: pd.DataFrame, memberships: pd.DataFrame
) -> pd.DataFrame:
    """One forum's meetings, newest first, with what the panel lists: ``date``,
    ``kind``, ``persons`` (everyone recorded), ``organizations`` (any present,
    guests included), ``members`` and ``present`` (member organizations, as in
    ``attendance_rate``), ``rate``, ``agreements`` and ``minutes_url``."""
    rates = attendance_rate(meetings, memberships, present)
    persons = attendance.groupby("meeting_id")["persons"].sum()
    orgs = present.groupby("meeting_id")["organization_id"].nunique()
    out = meetings[["meeting_id", "date", "kind", "agreements", "minutes_url"]].merge(
        rates[["meeting_id", "members", "present", "rate"]], on="meeting_id", how="left"
    )
    out["persons"] = out["meeting_id"].map(persons).fillna(0).astype(int).to_numpy()
    out["organizations"] = out["meeting_id"].map(orgs).fillna(0).astype(int).to_numpy()
    return out.sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def member_table(memberships: pd.DataFrame, reference: dt.date) -> pd.DataFrame:
    """One forum's memberships: those current on ``reference`` first, then by
    stakeholder type, organization and role; ``current`` says which."""
    current = memberships.index.isin(active_on(memberships, reference).index)
    type_rank = {s: i for i, s in enumerate(STAKEHOLDER_TYPES)}
    role_rank = {r: i for i, r in enumerate(MEMBERSHIP_ROLES)}
    out = memberships.assign(
        current=current,
        _type=memberships["stakeholder_type"].map(type_rank).fillna(len(type_rank)).to_numpy(),
        _role=memberships["role"].map(role_rank).fillna(len(role_rank)).to_numpy(),
        _start=_dates(memberships["term_start"]).to_numpy(),
    )
    out = out.sort_values(
        ["current", "_type", "organization", "_role", "_start"],
        ascending=[False, True, True, True, True],
        kind="stable",
    )
    return out.drop(columns=["_type", "_role", "_start"]).reset_index(drop=True)


def merge_comparisons(parts: list[dict]) -> dict:
    """One comparison from several (each ``compare``'s result, e.g. one forum
    each, computed and cached apart): frames stacked in order, sample flags
    joined."""
    if not parts:
        raise ValueError("nothing to merge")
    frames: dict[str, Any] = {
        key: _stack([p[key] for p in parts], list(parts[0][key].columns))
        for key, value in parts[0].items()
        if isinstance(value, pd.DataFrame)
    }
    frames["sample"] = {flag: any(p["sample"][flag] for p in parts) for flag in parts[0]["sample"]}
    return frames
