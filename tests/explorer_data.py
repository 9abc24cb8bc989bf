"""Small hand-made databases for the explorer and detail tests, where every answer is known."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 11, 27)


def build_small_country(url: str) -> None:
    """Two plans of "Testland" (2017 and 2022) with six commitments:

    - TL0001 (2017): Potential impact Moderate, completion Limited at midterm and
      Substantial at end of term, DIOG Major, starred; two milestones (sample).
    - TL0002 (2017): every IRM field a sentinel (ND/NR), not starred (0), one milestone.
    - TL0003 (2017): no IRM data at all, no milestones; title with accents.
    - TL0004 (2022): Potential for results Modest, completion Unclear.
    - TL0005 (2022): only sentinels (NR) -> 2021 methodology by the cycle.
    - TL0006 (2019): Early results Significant and Potential impact Transformative
      -> 2021 methodology (early results win).
    """
    from data.db import session_scope
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
    )

    with session_scope(url) as s:
        seed = Source(kind="file", name="testland.csv", loaded_at=dt.datetime(2026, 11, 1, 9, 0))
        sample = Source(kind="sample", name="testland-sample", loaded_at=dt.datetime(2026, 11, 1, 9, 5))
        s.add_all([seed, sample])
        s.flush()
        s.add(Country(code="TST", name="Testland", region="Americas", source=seed))
        s.add(
            ActionPlan(
                id="AP_TST01",
                country_code="TST",
                number=1,
                cycle_year=2017,
                start_year=2017,
                end_year=2019,
                title="Testland Action Plan 2017-2019",
                source=seed,
            )
        )
        s.add(
            ActionPlan(
                id="AP_TST02",
                country_code="TST",
                number=2,
                cycle_year=2022,
                start_year=2022,
                end_year=2024,
                title="Testland Action Plan 2022-2024",
                source=seed,
            )
        )
        s.flush()
        ministry = Institution(country_code="TST", name="Ministerio de Gestión Pública", source=seed, source_row=2)
        water = PolicyArea(name="Water", source=seed)
        justice = PolicyArea(name="Justice", source=seed)
        s.add_all([ministry, water, justice])
        s.flush()
        common = {"source": seed}
        s.add(
            Commitment(
                id="TL0001",
                action_plan_id="AP_TST01",
                number=1,
                title="Foros de agua",
                title_en="Water forums",
                lead_institution=ministry,
                policy_areas=[water, justice],
                status="active",
                source_row=3,
                potential_impact="Moderate",
                potential_impact_raw="Moderate",
                completion_midterm="Limited",
                completion_midterm_raw="Limited",
                completion_end="Substantial",
                completion_end_raw="Substantial",
                did_it_open_government="Major",
                did_it_open_government_raw="Major",
                starred=True,
                starred_raw="1",
                verifiable="Yes",
                verifiable_raw="Yes",
                potential_for_results_raw="ND",
                early_results_raw="ND",
                **common,
            )
        )
        s.add(
            Commitment(
                id="TL0002",
                action_plan_id="AP_TST01",
                number=2,
                title="Datos abiertos",
                title_en=None,
                status="inactive",
                source_row=4,
                specificity_raw="ND",
                potential_impact_raw="ND",
                completion_midterm_raw="NR",
                completion_end_raw="NR",
                did_it_open_government_raw="No early results to report yet",
                starred=False,
                starred_raw="0",
                potential_for_results_raw="ND",
                early_results_raw="ND",
                **common,
            )
        )
        s.add(
            Commitment(
                id="TL0003",
                action_plan_id="AP_TST01",
                number=3,
                title="Participación ciudadana en región",
                source_row=5,
                **common,
            )
        )
        s.add(
            Commitment(
                id="TL0004",
                action_plan_id="AP_TST02",
                number=1,
                title="Justice data",
                policy_areas=[justice],
                source_row=6,
                potential_for_results="Modest",
                potential_for_results_raw="Modest",
                completion_end="Unclear",
                completion_end_raw="Unclear",
                starred_raw="ND",
                **common,
            )
        )
        s.add(
            Commitment(
                id="TL0005",
                action_plan_id="AP_TST02",
                number=2,
                title="Open contracts",
                source_row=7,
                potential_impact_raw="NR",
                potential_for_results_raw="NR",
                early_results_raw="NR",
                completion_end_raw="NR",
                starred_raw="ND",
                **common,
            )
        )
        s.add(
            Commitment(
                id="TL0006",
                action_plan_id="AP_TST01",
                number=6,
                title="Budget portal",
                source_row=8,
                potential_impact="Transformative",
                potential_impact_raw="Transformative",
                early_results="Significant",
                early_results_raw="Significant",
                completion_end="Complete",
                completion_end_raw="Complete",
                **common,
            )
        )
        s.flush()
        m1 = Milestone(
            commitment_id="TL0001",
            number=1,
            title="Hito uno",
            planned_start=dt.date(2018, 1, 1),
            planned_end=dt.date(2018, 6, 30),
            status="complete",
            progress=100.0,
            source=sample,
            source_row=2,
        )
        m2 = Milestone(
            commitment_id="TL0001",
            number=2,
            title="Hito dos",
            planned_start=dt.date(2018, 7, 1),
            planned_end=dt.date(2019, 6, 30),
            status="in_progress",
            progress=40.0,
            source=sample,
            source_row=3,
        )
        m3 = Milestone(
            commitment_id="TL0002",
            number=1,
            title="Único hito",
            planned_start=dt.date(2030, 1, 1),
            planned_end=dt.date(2030, 12, 31),
            status="not_started",
            progress=0.0,
            source=sample,
            source_row=4,
        )
        s.add_all([m1, m2, m3])
        s.flush()
        s.add_all(
            [
                MilestoneEvent(
                    milestone_id=m1.id, date=dt.date(2018, 3, 1), status="in_progress", progress=50.0, source=sample
                ),
                MilestoneEvent(
                    milestone_id=m1.id, date=dt.date(2018, 6, 1), status="complete", progress=100.0, source=sample
                ),
                MilestoneEvent(
                    milestone_id=m2.id, date=dt.date(2019, 1, 15), status="in_progress", progress=40.0, source=sample
                ),
            ]
        )
        forum = Forum(
            code="TST-AGUA",
            country_code="TST",
            name="Foro del agua",
            kind="sector_pilot",
            sector="Agua",
            created=dt.date(2018, 2, 1),
            commitment_id="TL0001",
            source=sample,
        )
        national = Forum(
            code="TST-NAC",
            country_code="TST",
            name="Foro nacional",
            kind="national",
            created=dt.date(2020, 1, 1),
            source=sample,
        )
        s.add_all([forum, national])
        s.flush()
        national.follows.append(s.get(Commitment, "TL0001"))
        s.add_all(
            [
                Participation(
                    date=dt.date(2018, 5, 1),
                    channel="workshop",
                    country_code="TST",
                    commitment_id="TL0001",
                    stakeholder_type="academia",
                    participants=5,
                    contributions_received=4,
                    contributions_answered=3,
                    source=sample,
                ),
                Participation(
                    date=dt.date(2018, 5, 2),
                    channel="workshop",
                    country_code="TST",
                    commitment_id="TL0001",
                    stakeholder_type="academia",
                    participants=2,
                    contributions_received=1,
                    contributions_answered=1,
                    source=sample,
                ),
                Participation(
                    date=dt.date(2018, 6, 1),
                    channel="online_comment",
                    country_code="TST",
                    forum_id=forum.id,
                    stakeholder_type="private_sector",
                    participants=1,
                    contributions_received=2,
                    contributions_answered=0,
                    source=sample,
                ),
            ]
        )
