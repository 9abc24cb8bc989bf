"""A database with ~30,000 milestones, to see how the views scale.

    python -m benchmarks.scale_dataset sqlite:////tmp/scale.sqlite3 [--milestones 30000]

Seeds Peru, then copies Peru's structure (plans, commitments, milestones and
their status history) into a synthetic country, ``BENCH``, as many times as it
takes to reach the number of milestones asked for.  Each copy is shifted by a
few months so the copies do not all fall due on the same days.  Every record
written here has the source ``sample:benchmark``: it is sample data, and the
interface marks it so.  It lives in benchmarks/, not data/seed: it is a load
test, never data to show anyone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math

from sqlalchemy import insert, select

from data.db import get_engine
from data.models import (
    ActionPlan,
    Commitment,
    Country,
    Institution,
    Milestone,
    MilestoneEvent,
    Source,
    commitment_policy_areas,
)

COUNTRY = "BENCH"
COUNTRY_NAME = "Benchlandia (muestra de rendimiento)"
SOURCE_NAME = "benchmark"
MODEL = "PER"  # whose structure is copied
SHIFT_DAYS = 37  # copy r starts r * 37 days (mod one year) after Peru's dates


def _shift(value: dt.date | None, days: int) -> dt.date | None:
    return value + dt.timedelta(days=days) if value is not None else None


def build_scale_database(url: str, milestones: int = 30_000, *, seed: bool = True) -> dict[str, int]:
    """Seed ``url`` (migrating it; ``seed=False``: it is seeded already) and
    add the synthetic country; returns the rows added per table."""
    from data.seed import seed_database

    if seed:
        seed_database(url)
    engine = get_engine(url)
    with engine.begin() as conn:
        plans = conn.execute(select(ActionPlan).where(ActionPlan.country_code == MODEL)).mappings().all()
        plan_ids = [p["id"] for p in plans]
        commitments = conn.execute(select(Commitment).where(Commitment.action_plan_id.in_(plan_ids))).mappings().all()
        commitment_ids = [c["id"] for c in commitments]
        model_milestones = (
            conn.execute(select(Milestone).where(Milestone.commitment_id.in_(commitment_ids)).order_by(Milestone.id))
            .mappings()
            .all()
        )
        events = (
            conn.execute(
                select(MilestoneEvent).where(MilestoneEvent.milestone_id.in_([m["id"] for m in model_milestones]))
            )
            .mappings()
            .all()
        )
        areas = conn.execute(
            select(commitment_policy_areas).where(commitment_policy_areas.c.commitment_id.in_(commitment_ids))
        ).all()
        institutions = conn.execute(select(Institution).where(Institution.country_code == MODEL)).mappings().all()

        now = dt.datetime.now().replace(microsecond=0)
        source_id = conn.execute(
            insert(Source).values(kind="sample", name=SOURCE_NAME, loaded_at=now).returning(Source.id)
        ).scalar_one()
        conn.execute(
            insert(Country).values(
                code=COUNTRY, name=COUNTRY_NAME, region="Benchmark", level="National", source_id=source_id
            )
        )
        institution_map = {}
        for inst in institutions:
            institution_map[inst["id"]] = conn.execute(
                insert(Institution)
                .values(country_code=COUNTRY, name=inst["name"], source_id=source_id)
                .returning(Institution.id)
            ).scalar_one()

        copies = max(1, math.ceil(milestones / max(1, len(model_milestones))))
        next_milestone_id = (
            conn.execute(select(Milestone.id).order_by(Milestone.id.desc()).limit(1)).scalar() or 0
        ) + 1
        plan_rows, commitment_rows, area_rows, milestone_rows, event_rows = [], [], [], [], []
        for copy in range(copies):
            days = (copy * SHIFT_DAYS) % 365
            plan_map = {p["id"]: f"AP_BEN{copy:03d}_{i}" for i, p in enumerate(plans, start=1)}
            for p in plans:
                plan_rows.append(
                    {
                        "id": plan_map[p["id"]],
                        "country_code": COUNTRY,
                        "number": copy * len(plans) + (p["number"] or 0),
                        "title": f"Plan {copy + 1}.{p['number']} (muestra)",
                        "cycle_year": p["cycle_year"],
                        "start_year": p["start_year"],
                        "end_year": p["end_year"],
                        "start_date": _shift(p["start_date"], days),
                        "end_date": _shift(p["end_date"], days),
                        "source_id": source_id,
                    }
                )
            commitment_map = {c["id"]: f"BE{copy:03d}{i:04d}" for i, c in enumerate(commitments, start=1)}
            for c in commitments:
                commitment_rows.append(
                    {
                        "id": commitment_map[c["id"]],
                        "action_plan_id": plan_map[c["action_plan_id"]],
                        "number": c["number"],
                        "number_label": c["number_label"],
                        "title": c["title"],
                        "title_en": c["title_en"],
                        "status": c["status"],
                        "lead_institution_id": institution_map.get(c["lead_institution_id"]),
                        "source_id": source_id,
                    }
                )
            area_rows += [{"commitment_id": commitment_map[cid], "policy_area_id": aid} for cid, aid in areas]
            milestone_map = {}
            for m in model_milestones:
                milestone_map[m["id"]] = next_milestone_id
                milestone_rows.append(
                    {
                        "id": next_milestone_id,
                        "commitment_id": commitment_map[m["commitment_id"]],
                        "number": m["number"],
                        "title": m["title"],
                        "responsible": m["responsible"],
                        "planned_start": _shift(m["planned_start"], days),
                        "planned_end": _shift(m["planned_end"], days),
                        "actual_end": _shift(m["actual_end"], days),
                        "status": m["status"],
                        "progress": m["progress"],
                        "weight": m["weight"],
                        "source_id": source_id,
                        "source_row": len(milestone_rows) + 2,
                    }
                )
                next_milestone_id += 1
            for e in events:
                event_rows.append(
                    {
                        "milestone_id": milestone_map[e["milestone_id"]],
                        "date": _shift(e["date"], days),
                        "status": e["status"],
                        "progress": e["progress"],
                        "note": e["note"],
                        "source_id": source_id,
                    }
                )
        for table, rows in (
            (ActionPlan, plan_rows),
            (Commitment, commitment_rows),
            (commitment_policy_areas, area_rows),
            (Milestone, milestone_rows),
            (MilestoneEvent, event_rows),
        ):
            for start in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[start : start + 5000])
    return {
        "action_plans": len(plan_rows),
        "commitments": len(commitment_rows),
        "milestones": len(milestone_rows),
        "milestone_events": len(event_rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--milestones", type=int, default=30_000)
    args = parser.parse_args()
    print(build_scale_database(args.url, args.milestones))


if __name__ == "__main__":
    main()
