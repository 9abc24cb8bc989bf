"""A global-scale dataset in the project's own import format, for load tests.

    python -m benchmarks.global_dataset OUT_DIR [--scale 1.0] [--seed 2026]

Writes one CSV per table (``<table>.csv``, as ``ogp-monitor export --format
csv`` writes them: UTF-8 with a byte-order mark, CRLF, every column of
data/formats.py) with, at scale 1: 75 countries, 6,000 commitments, 30,000
milestones, 150,000 status events, 400 forums, 5,000 organizations, 16,000
memberships, 8,000 meetings, 250,000 attendance rows and 1,000,000
participation rows (about 1.47 million rows).  The same seed gives the same
bytes.  Every row's source is ``sample:global-benchmark``: it is sample data
and the interface marks it so.  It lives in benchmarks/, never in data/seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from data import vocab
from data.formats import BY_NAME
from data.models import TABLE_ORDER

SOURCE = "sample:global-benchmark"
SIZES = {
    "countries": 75,
    "plans_per_country": 4,
    "commitments": 6_000,
    "milestones_per_commitment": 5,
    "events_per_milestone": 5,
    "organizations": 5_000,
    "forums": 400,
    "memberships_per_forum": 40,
    "meetings_per_forum": 20,
    "attendance": 250_000,
    "participation": 1_000_000,
}
START = np.datetime64("2016-01-01")
AREAS = [f"Área de política {i + 1}" for i in range(20)]


def _iso(days: np.ndarray) -> np.ndarray:
    return np.datetime_as_string(START + days.astype("timedelta64[D]"), unit="D")


def _country_codes(count: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [f"Q{letters[i // 26]}{letters[i % 26]}" for i in range(count)]


def build(scale: float = 1.0, seed: int = 2026) -> dict[str, pd.DataFrame]:
    """Every table as a frame of text, in the project's format."""
    rng = np.random.default_rng(seed)
    n = {k: max(1, round(v * scale)) if k not in ("plans_per_country",) else v for k, v in SIZES.items()}
    for per in ("milestones_per_commitment", "events_per_milestone", "memberships_per_forum", "meetings_per_forum"):
        n[per] = SIZES[per]
    codes = _country_codes(n["countries"])
    tables: dict[str, dict[str, object]] = {}
    tables["countries"] = {
        "code": codes,
        "name": [f"País de muestra {c}" for c in codes],
        "region": [("Americas", "Europe", "Africa", "Asia and the Pacific")[i % 4] for i in range(len(codes))],
        "level": "National",
    }
    plan_country = np.repeat(codes, n["plans_per_country"])
    plan_number = np.tile(np.arange(1, n["plans_per_country"] + 1), len(codes))
    plan_ids = [f"AP_{c}{k:02d}" for c, k in zip(plan_country, plan_number, strict=True)]
    start_year = 2012 + 2 * plan_number
    tables["action_plans"] = {
        "id": plan_ids,
        "country": plan_country,
        "number": plan_number.astype(str),
        "title": [f"Plan de acción {k} de {c}" for c, k in zip(plan_country, plan_number, strict=True)],
        "cycle_year": start_year.astype(str),
        "start_year": start_year.astype(str),
        "end_year": (start_year + 2).astype(str),
        "start_date": [f"{y}-07-01" for y in start_year],
        "end_date": [f"{y + 2}-06-30" for y in start_year],
        "forum_exists": np.where(plan_number > 1, "yes", "no"),
        "public_influence": np.array(vocab.PUBLIC_INFLUENCE)[plan_number % 4],
    }
    institutions = [(c, f"Ministerio {k + 1} de {c}") for c in codes for k in range(10)]
    tables["institutions"] = {"country": [c for c, _ in institutions], "name": [name for _, name in institutions]}
    tables["policy_areas"] = {"name": AREAS}

    commitments = n["commitments"]
    plan_of = np.arange(commitments) % len(plan_ids)
    commitment_ids = [f"{plan_country[p]}{i:05d}" for i, p in enumerate(plan_of)]
    country_of_commitment = plan_country[plan_of]
    areas = rng.integers(0, len(AREAS), size=(commitments, 2))
    tables["commitments"] = {
        "id": commitment_ids,
        "action_plan": np.array(plan_ids)[plan_of],
        "number": (np.arange(commitments) // len(plan_ids) + 1).astype(str),
        "title": [f"Compromiso de muestra {i}" for i in range(commitments)],
        "title_en": [f"Sample commitment {i}" for i in range(commitments)],
        "description": "Texto de muestra para pruebas de carga.",
        "start": [f"{y}-07-01" for y in start_year[plan_of]],
        "end": [f"{y + 2}-06-30" for y in start_year[plan_of]],
        "lead_institution": [f"Ministerio {i % 10 + 1} de {c}" for i, c in enumerate(country_of_commitment)],
        "support_institutions": [f"Ministerio {(i + 3) % 10 + 1} de {c}" for i, c in enumerate(country_of_commitment)],
        "policy_areas": ["; ".join(sorted({AREAS[a], AREAS[b]})) for a, b in areas],
        "status": np.array(vocab.COMMITMENT_STATUSES)[np.arange(commitments) % 2],
        "potential_impact": np.array(vocab.POTENTIAL_IMPACT)[rng.integers(0, 4, commitments)],
        "starred": np.where(rng.random(commitments) < 0.05, "1", "0"),
    }

    per = n["milestones_per_commitment"]
    milestone_commitment = np.repeat(commitment_ids, per)
    milestone_number = np.tile(np.arange(1, per + 1), commitments)
    count = len(milestone_commitment)
    planned_start = rng.integers(0, 3000, count)
    planned_end = planned_start + rng.integers(30, 400, count)
    progress = rng.integers(0, 21, count) * 5
    statuses = np.where(progress == 100, "complete", np.where(progress == 0, "not_started", "in_progress"))
    tables["milestones"] = {
        "commitment": milestone_commitment,
        "number": milestone_number.astype(str),
        "title": [f"Hito {k} del compromiso {c}" for c, k in zip(milestone_commitment, milestone_number, strict=True)],
        "responsible": "Equipo de muestra",
        "planned_start": _iso(planned_start),
        "planned_end": _iso(planned_end),
        "actual_end": np.where(progress == 100, _iso(planned_end), ""),
        "status": statuses,
        "progress": progress.astype(str),
    }

    events = n["events_per_milestone"]
    event_milestone = np.repeat(np.arange(count), events)
    step = np.tile(np.arange(events), count)
    event_progress = np.minimum(progress[event_milestone], step * 25)
    tables["milestone_events"] = {
        "commitment": milestone_commitment[event_milestone],
        "milestone": milestone_number[event_milestone].astype(str),
        "date": _iso(planned_start[event_milestone] + step * 30),
        "status": np.where(
            event_progress == 100, "complete", np.where(event_progress == 0, "not_started", "in_progress")
        ),
        "progress": event_progress.astype(str),
    }

    organizations = n["organizations"]
    org_country = np.array(codes)[np.arange(organizations) % len(codes)]
    org_names = np.array([f"Organización {i // len(codes) + 1} de {c}" for i, c in enumerate(org_country)])
    org_type = np.array(vocab.STAKEHOLDER_TYPES)[np.arange(organizations) % len(vocab.STAKEHOLDER_TYPES)]
    tables["organizations"] = {"country": org_country, "name": org_names, "stakeholder_type": org_type}
    by_country = {c: np.flatnonzero(org_country == c) for c in codes}

    forums = n["forums"]
    forum_country = np.array(codes)[np.arange(forums) % len(codes)]
    forum_codes = [f"{c}-F{i // len(codes) + 1:02d}" for i, c in enumerate(forum_country)]
    first_commitment = {c: commitment_ids[i] for i, c in reversed(list(enumerate(country_of_commitment)))}
    tables["forums"] = {
        "code": forum_codes,
        "country": forum_country,
        "name": [f"Foro multiactor de muestra {f}" for f in forum_codes],
        "kind": np.where(np.arange(forums) < len(codes), "national", "sector_pilot"),
        "sector": np.where(np.arange(forums) < len(codes), "", "Ambiente"),
        "created": _iso(np.arange(forums) % 365),
        "commitment": [first_commitment[c] for c in forum_country],
        "follows": [first_commitment[c] for c in forum_country],
    }

    members = n["memberships_per_forum"]
    member_rows = []
    for f, (code, country) in enumerate(zip(forum_codes, forum_country, strict=True)):
        pool = by_country[country]
        for k in range(min(members, len(pool))):
            member_rows.append((code, org_names[pool[(f + k) % len(pool)]], vocab.MEMBERSHIP_ROLES[k % 2]))
    member = np.array(member_rows, dtype=object).reshape(-1, 3)
    tables["memberships"] = {
        "forum": member[:, 0],
        "organization": member[:, 1],
        "role": member[:, 2],
        "term_start": "2019-01-01",
        "term_end": "2021-12-31",
    }

    meetings = n["meetings_per_forum"]
    meeting_forum = np.repeat(np.arange(forums), meetings)
    meeting_days = 800 + np.tile(np.arange(meetings), forums) * 60 + meeting_forum % 30
    tables["meetings"] = {
        "forum": np.array(forum_codes)[meeting_forum],
        "date": _iso(meeting_days),
        "kind": np.array(vocab.MEETING_KINDS)[np.arange(len(meeting_forum)) % 4],
        "agreements": rng.integers(0, 8, len(meeting_forum)).astype(str),
    }

    attendance = n["attendance"]
    meeting_of = np.arange(attendance) % len(meeting_forum)
    slot = np.arange(attendance) // len(meeting_forum)  # distinct organizations within one meeting
    forum_of = meeting_forum[meeting_of]
    pools = [by_country[c] for c in forum_country]
    org_of = np.array([pools[f][(m + s) % len(pools[f])] for f, m, s in zip(forum_of, meeting_of, slot, strict=True)])
    pool_size = np.array([len(pool) for pool in pools])
    tables["attendance"] = {
        "forum": np.array(forum_codes)[forum_of],
        "meeting_date": _iso(meeting_days[meeting_of]),
        "organization": org_names[org_of],
        "stakeholder_type": org_type[org_of],
        # distinct (organization, gender) within a meeting, even when its country has few organizations
        "gender": np.array((*vocab.GENDERS, ""))[(slot // pool_size[forum_of] + meeting_of) % 4],
        "persons": rng.integers(1, 4, attendance).astype(str),
    }

    participation = n["participation"]
    org_p = np.arange(participation) % organizations
    day = np.arange(participation) // organizations  # (organization, date) is unique
    country_p = org_country[org_p]
    with_commitment = rng.random(participation) < 0.6
    commitment_of = {c: np.flatnonzero(country_of_commitment == c) for c in codes}
    pick = rng.integers(0, 10_000, participation)
    commitment_p = np.array(
        [commitment_ids[commitment_of[c][k % len(commitment_of[c])]] for c, k in zip(country_p, pick, strict=True)]
    )
    received = rng.integers(0, 20, participation)
    tables["participation"] = {
        "country": country_p,
        "date": _iso(day * 3),
        "channel": np.array(vocab.PARTICIPATION_CHANNELS)[day % 4],
        "forum": np.where(day % 4 == 3, np.array(forum_codes)[np.arange(participation) % len(codes)], ""),
        "commitment": np.where(with_commitment, commitment_p, ""),
        "organization": org_names[org_p],
        "stakeholder_type": org_type[org_p],
        "gender": np.array(("", *vocab.GENDERS))[rng.integers(0, 4, participation)],
        "participants": rng.integers(1, 30, participation).astype(str),
        "contributions_received": received.astype(str),
        "contributions_answered": (received * rng.random(participation)).astype(int).astype(str),
    }
    # forum in participation must be a forum of the row's country
    forum_p = tables["participation"]["forum"]
    country_forum = {c: forum_codes[i] for i, c in enumerate(forum_country[: len(codes)])}
    tables["participation"]["forum"] = np.where(forum_p != "", [country_forum[c] for c in country_p], "")

    frames = {}
    for table in TABLE_ORDER:
        columns = tables[table]
        rows = len(next(v for v in columns.values() if not isinstance(v, str)))
        data = {}
        for column in BY_NAME[table].all_columns:
            value = columns.get(column.name, "")
            data[column.name] = np.full(rows, value, dtype=object) if isinstance(value, str) else np.asarray(value)
        data["source"] = np.full(rows, SOURCE, dtype=object)
        data["source_row"] = (np.arange(rows) + 2).astype(str)
        frames[table] = pd.DataFrame(data).astype(str)
    return frames


def write(out_dir: str | Path, scale: float = 1.0, seed: int = 2026) -> dict[str, int]:
    """Write ``<table>.csv`` for every table; returns the rows per table."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, frame in build(scale, seed).items():
        frame.to_csv(out / f"{table}.csv", index=False, encoding="utf-8-sig", lineterminator="\r\n")
        counts[table] = len(frame)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    started = dt.datetime.now()
    counts = write(args.out_dir, args.scale, args.seed)
    print(counts, f"{sum(counts.values()):,} rows in {(dt.datetime.now() - started).total_seconds():.1f} s")


if __name__ == "__main__":
    main()
