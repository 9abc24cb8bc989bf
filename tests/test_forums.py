"""The forum comparison without a browser: indicators on small hand-made data
where the right answer is known, the queries on SQLite and PostgreSQL, the
figures and tables, and the page for a country without forums."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data import forum_indicators as ind
from data.vocab import FORUM_MAX_GAP_DAYS

D = dt.date


def memberships(rows):
    """(organization_id, stakeholder_type, role, term_start, term_end)"""
    return pd.DataFrame(rows, columns=["organization_id", "stakeholder_type", "role", "term_start", "term_end"])


# --- OGP's 180-day rule ---------------------------------------------------------------------


def test_frm001_a_gap_of_180_days_complies_and_181_breaches():
    created = D(2020, 1, 1)
    first = D(2020, 1, 10)
    ok = first + dt.timedelta(days=180)
    late = ok + dt.timedelta(days=181)
    gaps = ind.meeting_gaps([first, ok, late], created, late, ended=True)
    between = gaps[gaps["kind"] == ind.GAP_BETWEEN]
    assert between["days"].tolist() == [180, 181]
    assert between["breach"].tolist() == [False, True]
    assert FORUM_MAX_GAP_DAYS == 180


def test_frm002_creation_to_first_meeting_and_last_meeting_to_today_count_too():
    created = D(2020, 1, 1)
    first = created + dt.timedelta(days=181)  # took too long to meet for the first time
    today = first + dt.timedelta(days=200)  # and has not met since
    gaps = ind.meeting_gaps([first], created, today)
    assert gaps["kind"].tolist() == [ind.GAP_TO_FIRST, ind.GAP_SINCE_LAST]
    assert gaps["days"].tolist() == [181, 200]
    assert gaps["breach"].tolist() == [True, True]
    assert gaps["open"].tolist() == [False, True]  # the last interval is still running
    # a forum that closed: the interval after its last meeting is closed too
    closed = ind.meeting_gaps([first], created, first + dt.timedelta(days=30), ended=True)
    assert closed["open"].tolist() == [False, False] and closed["breach"].tolist() == [True, False]
    # never met: one running interval from its creation
    never = ind.meeting_gaps([], created, created + dt.timedelta(days=179))
    assert never[["kind", "days", "open", "breach"]].values.tolist() == [[ind.GAP_TO_FIRST, 179, True, False]]


def test_frm003_days_since_the_last_meeting_ignore_meetings_after_the_reference_date():
    meetings = [D(2026, 1, 10), D(2026, 7, 8), D(2027, 1, 1)]
    assert ind.days_since_last_meeting(meetings, D(2026, 11, 27)) == 142
    assert ind.days_since_last_meeting([], D(2026, 11, 27)) is None
    gaps = ind.meeting_gaps(meetings, None, D(2026, 11, 27))
    assert gaps["end"].max() == pd.Timestamp(2026, 11, 27)  # the 2027 meeting is not counted
    assert ind.reference_date(D(2026, 11, 27), D(2019, 8, 31)) == D(2019, 8, 31)
    assert ind.reference_date(D(2026, 11, 27), None) == D(2026, 11, 27)


# --- members ---------------------------------------------------------------------------------


def test_frm004_attendance_rate_counts_each_member_organization_once():
    ms = memberships(
        [
            (1, "national_government", "titular", D(2020, 1, 1), None),
            (1, "national_government", "suplente", D(2020, 1, 1), None),  # same organization
            (2, "civil_society_national", "titular", D(2020, 1, 1), None),
            (3, "academia", "titular", D(2020, 1, 1), D(2020, 6, 30)),  # gone by the second meeting
            (4, "private_sector", "titular", D(2020, 7, 1), None),  # arrives for it
        ]
    )
    meetings = pd.DataFrame({"meeting_id": [10, 11, 12], "date": [D(2020, 3, 1), D(2020, 9, 1), D(2019, 1, 1)]})
    present = pd.DataFrame({"meeting_id": [10, 10, 10, 11, 11], "organization_id": [1, 3, 99, 1, 4]})  # 99: a guest
    rates = ind.attendance_rate(meetings, ms, present).set_index("meeting_id")
    assert rates.loc[10, ["members", "present"]].tolist() == [3, 2]  # 1 and 3 of {1, 2, 3}; guest ignored
    assert rates.loc[10, "rate"] == pytest.approx(200 / 3)
    assert rates.loc[11, ["members", "present"]].tolist() == [3, 2]  # 1 and 4 of {1, 2, 4}
    assert pd.isna(rates.loc[12, "rate"])  # before anyone was a member: no rate, not 0 %


def test_frm005_turnover_counts_joins_and_departures_not_renewals_or_role_changes():
    created, reference = D(2020, 1, 1), D(2021, 12, 31)  # 731 days
    ms = memberships(
        [
            (1, "national_government", "titular", D(2020, 1, 1), None),  # founder, stays
            (2, "civil_society_national", "titular", D(2020, 1, 1), D(2020, 12, 31)),  # term renewed …
            (2, "civil_society_national", "titular", D(2021, 1, 1), None),  # … the next day: one stay
            (3, "academia", "titular", D(2020, 1, 1), D(2020, 12, 31)),  # changes role …
            (3, "academia", "suplente", D(2021, 1, 1), D(2021, 12, 31)),  # … and ends with the forum
            (4, "private_sector", "titular", D(2020, 1, 1), D(2020, 12, 31)),  # leaves
            (5, "civil_society_local", "titular", D(2021, 1, 1), None),  # joins
        ]
    )
    result = ind.turnover(ms, created, reference)
    assert (result["joined"], result["left"]) == (1, 1)
    # four organizations every day: 1, 2, 3 and (4 in 2020, 5 in 2021)
    assert result["average_members"] == pytest.approx(4.0)
    years = 731 / 365.25
    assert result["years"] == pytest.approx(years)
    assert result["rate"] == pytest.approx(2 / years / 4 * 100)  # ≈ 25 % a year
    # a forum where no one comes or goes has no turnover
    assert ind.turnover(ms[ms["organization_id"] == 1], created, reference)["rate"] == 0.0


def test_frm006_seats_by_type_and_role_and_the_non_government_share():
    ms = memberships(
        [
            (1, "national_government", "titular", D(2020, 1, 1), None),
            (1, "national_government", "suplente", D(2020, 1, 1), None),
            (2, "regional_local_government", "titular", D(2020, 1, 1), None),
            (3, "civil_society_national", "titular", D(2020, 1, 1), D(2020, 12, 31)),  # ended by then
            (4, "academia", "titular", D(2020, 1, 1), None),
            (5, "civil_society_local", "suplente", D(2020, 1, 1), None),
        ]
    )
    counts = ind.member_counts(ms, D(2021, 6, 1)).set_index(["stakeholder_type", "role"])["seats"]
    assert counts.to_dict() == {
        ("academia", "titular"): 1,
        ("civil_society_local", "suplente"): 1,
        ("national_government", "suplente"): 1,
        ("national_government", "titular"): 1,
        ("regional_local_government", "titular"): 1,
    }
    # organizations 1, 2, 4, 5 are members: two of four are not government
    assert ind.non_government_share(ms, D(2021, 6, 1)) == pytest.approx(50.0)
    # a term's last day still counts
    assert ind.non_government_share(ms, D(2020, 12, 31)) == pytest.approx(60.0)
    assert pd.isna(ind.non_government_share(ms, D(2019, 1, 1)))


# --- milestones of the commitments followed --------------------------------------------------


def test_frm007_progress_over_time_uses_the_shared_roll_up():
    milestones = pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "commitment_id": ["C1", "C1", "C2", "C2"],
            "planned_start": [D(2020, 1, 1), D(2020, 1, 1), D(2020, 1, 1), D(2020, 1, 1)],
            "planned_end": [D(2020, 12, 31), D(2020, 12, 31), D(2020, 12, 31), D(2020, 12, 31)],
            "weight": [None, None, None, None],
        }
    )
    events = pd.DataFrame(
        {
            "milestone_id": [1, 1, 2, 3, 4],
            "date": [D(2020, 3, 1), D(2020, 6, 1), D(2020, 6, 1), D(2020, 3, 1), D(2020, 6, 1)],
            "status": ["in_progress", "complete", "in_progress", "in_progress", "cancelled"],
            "progress": [40.0, 100.0, 50.0, 20.0, 0.0],
        }
    )
    days = [D(2020, 1, 1), D(2020, 3, 31), D(2020, 6, 30), D(2020, 12, 31)]
    line = ind.progress_over_time(milestones, events, days).set_index("date")
    # Jan: nothing reported yet → 0.  Mar: C1 = (40 + 0) / 2 = 20, C2 = (20 + 0) / 2 = 10 → 15.
    # Jun: C1 = (100 + 50) / 2 = 75; C2's milestone 4 is cancelled, so C2 = 20 → 47.5.
    assert line["progress"].tolist() == pytest.approx([0.0, 15.0, 47.5, 47.5])
    assert line.loc[pd.Timestamp(2020, 12, 31), "expected"] == pytest.approx(100.0)
    assert line.loc[pd.Timestamp(2020, 1, 1), "expected"] == pytest.approx(0.0)
    assert line["commitments"].tolist() == [2, 2, 2, 2]


def test_frm025_milestones_without_any_reported_update_count_as_not_started():
    milestones = pd.DataFrame(
        {
            "id": [1, 2],
            "commitment_id": ["C1", "C1"],
            "planned_start": [D(2020, 1, 1)] * 2,
            "planned_end": [D(2020, 12, 31)] * 2,
            "weight": [None, None],
        }
    )
    no_events = pd.DataFrame({"milestone_id": pd.Series([], dtype=object), "date": [], "status": [], "progress": []})
    states = ind.milestone_states(milestones, no_events, [D(2020, 6, 30)])
    assert states["status"].tolist() == ["not_started", "not_started"]
    assert states["progress"].tolist() == [0.0, 0.0]


def test_frm008_month_ends_run_from_start_to_end():
    days = ind.month_ends(D(2020, 1, 15), D(2020, 4, 10))
    assert days == [D(2020, 1, 15), D(2020, 1, 31), D(2020, 2, 29), D(2020, 3, 31), D(2020, 4, 10)]


# --- the comparison on hand-made frames ------------------------------------------------------


def hand_made_frames() -> dict[str, pd.DataFrame]:
    """Two forums: A met regularly and closed; B missed the 180-day rule once."""
    forums = pd.DataFrame(
        {
            "code": ["A", "B"],
            "name": ["Forum A", "Forum B"],
            "kind": ["sector_pilot", "national"],
            "sector": ["Ambiente", None],
            "legal_basis": [None, None],
            "created": [D(2020, 1, 1), D(2020, 1, 1)],
            "ended": [D(2020, 12, 31), None],
            "commitment_id": [None, None],
            "sample": [True, False],
        }
    )
    ms = pd.DataFrame(
        [
            ("A", 1, "Gov", "national_government", "titular", D(2020, 1, 1), D(2020, 12, 31), True),
            ("A", 2, "NGO", "civil_society_national", "titular", D(2020, 1, 1), D(2020, 12, 31), True),
            ("B", 1, "Gov", "national_government", "titular", D(2020, 1, 1), None, False),
        ],
        columns=[
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
    meetings = pd.DataFrame(
        [
            ("A", 1, D(2020, 2, 1), "ordinary", None, 3, True),
            ("A", 2, D(2020, 6, 1), "workshop", None, 1, True),
            ("B", 3, D(2020, 2, 1), "ordinary", "https://example.org/acta.pdf", None, False),
            ("B", 4, D(2020, 10, 1), "ordinary", None, 2, False),
        ],
        columns=["forum", "meeting_id", "date", "kind", "minutes_url", "agreements", "sample"],
    )
    attendance = pd.DataFrame(
        [
            ("A", 1, "national_government", 2, True),
            ("A", 1, "civil_society_national", 1, True),
            ("A", 2, "national_government", 1, True),
            ("B", 3, "national_government", 1, False),
        ],
        columns=["forum", "meeting_id", "stakeholder_type", "persons", "sample"],
    )
    present = pd.DataFrame(
        [("A", 1, 1), ("A", 1, 2), ("A", 2, 1), ("B", 3, 1)], columns=["forum", "meeting_id", "organization_id"]
    )
    empty_m = pd.DataFrame(
        columns=[
            "forum",
            "id",
            "commitment_id",
            "planned_start",
            "planned_end",
            "status",
            "progress",
            "weight",
            "sample",
        ]
    )
    empty_e = pd.DataFrame(columns=["milestone_id", "date", "status", "progress", "sample"])
    participation = pd.DataFrame([("A", 10, 5, True)], columns=["forum", "received", "answered", "sample"])
    return {
        "forums": forums,
        "memberships": ms,
        "meetings": meetings,
        "attendance": attendance,
        "present": present,
        "milestones": empty_m,
        "events": empty_e,
        "participation": participation,
    }


def test_frm009_compare_gives_each_forum_its_numbers_and_says_what_is_sample():
    result = ind.compare(hand_made_frames(), D(2021, 3, 1))
    a, b = (row for _, row in result["forums"].set_index("code").iterrows())
    assert (a["reference"], a["closed"], b["reference"], b["closed"]) == (D(2020, 12, 31), True, D(2021, 3, 1), False)
    assert (a["members"], a["titular"], a["non_government"]) == (2, 2, 50.0)
    assert (a["meetings"], a["breaches"], a["days_since_last"]) == (2, 1, 213)  # 1 Jun → 31 Dec
    assert a["attendance_rate"] == pytest.approx(75.0)  # 2 of 2, then 1 of 2
    assert (a["agreements_total"], a["agreements_mean"]) == (4, 2.0)
    assert (b["breaches"], b["longest_gap"], b["days_since_last"]) == (1, 243, 151)  # Feb → Oct 2020
    assert (b["agreements_total"], b["agreements_mean"]) == (2, 2.0)  # the unrecorded count is not a zero
    assert a["answered_share"] == 50.0 and pd.isna(b["answered_share"])
    assert b["milestones"] == 0 and pd.isna(b["progress"])
    assert result["progress"].empty
    assert result["sample"]["members"] and not result["sample"]["progress"]


def test_frm010_panel_tables_list_meetings_newest_first_and_current_members_first():
    frames = hand_made_frames()
    a = {k: v[v["forum"] == "A"] if "forum" in v else v for k, v in frames.items()}
    table = ind.meeting_table(a["meetings"], a["attendance"], a["present"], a["memberships"])
    assert table["date"].tolist() == [D(2020, 6, 1), D(2020, 2, 1)]
    assert table[["persons", "organizations", "present", "members"]].values.tolist() == [[1, 1, 1, 2], [3, 2, 2, 2]]
    ms = memberships(
        [
            (1, "civil_society_national", "titular", D(2020, 1, 1), D(2020, 6, 30)),
            (2, "national_government", "titular", D(2020, 1, 1), None),
        ]
    ).assign(organization=["Old NGO", "Ministry"])
    members = ind.member_table(ms, D(2021, 1, 1))
    assert members["organization"].tolist() == ["Ministry", "Old NGO"]
    assert members["current"].tolist() == [True, False]


# --- queries, on SQLite and PostgreSQL --------------------------------------------------------


def _build(url: str) -> None:
    """Peru with two pilots and a national forum (sample), and a file-sourced forum elsewhere."""
    from data.db import session_scope
    from data.models import (
        ActionPlan,
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
    )

    with session_scope(url) as s:
        sample = Source(kind="sample", name="test-sample", loaded_at=dt.datetime(2026, 1, 1))
        seed = Source(kind="seed", name="seed", loaded_at=dt.datetime(2026, 1, 1))
        file = Source(kind="file", name="forums.csv", loaded_at=dt.datetime(2026, 1, 2))
        s.add_all([sample, seed, file])
        s.flush()
        s.add_all([Country(code="PER", name="Peru", source=seed), Country(code="CHL", name="Chile", source=seed)])
        s.add(ActionPlan(id="AP_PER03", country_code="PER", source=seed))
        s.flush()
        s.add_all(
            [
                Commitment(id="PE0067", action_plan_id="AP_PER03", title="Ambiente", source=seed),
                Commitment(id="PE0079", action_plan_id="AP_PER03", title="Agua", source=seed),
            ]
        )
        s.flush()
        gov = Organization(country_code="PER", name="Ministerio", stakeholder_type="national_government", source=sample)
        ngo = Organization(country_code="PER", name="ONG", stakeholder_type="civil_society_national", source=sample)
        chl = Organization(country_code="CHL", name="Ministerio", stakeholder_type="national_government", source=file)
        s.add_all([gov, ngo, chl])
        s.flush()
        amb = Forum(
            code="PER-AMB",
            country_code="PER",
            name="Piloto Ambiente",
            kind="sector_pilot",
            created=D(2018, 5, 1),
            ended=D(2019, 8, 31),
            source=sample,
        )
        viv = Forum(
            code="PER-VIV",
            country_code="PER",
            name="Piloto Vivienda",
            kind="sector_pilot",
            created=D(2018, 6, 1),
            ended=D(2019, 8, 31),
            source=sample,
        )
        nat = Forum(
            code="PER-NAT",
            country_code="PER",
            name="Foro Nacional",
            kind="national",
            created=D(2020, 1, 1),
            source=sample,
        )
        cl = Forum(code="CHL-NAT", country_code="CHL", name="Mesa", kind="national", created=D(2020, 1, 1), source=file)
        s.add_all([amb, viv, nat, cl])
        s.flush()
        s.execute(
            Forum.__table__.metadata.tables["forum_commitments"].insert(),
            [{"forum_id": amb.id, "commitment_id": "PE0067"}, {"forum_id": viv.id, "commitment_id": "PE0079"}],
        )
        s.add_all(
            [
                Membership(
                    forum_id=amb.id,
                    organization_id=gov.id,
                    role="titular",
                    term_start=D(2018, 5, 1),
                    term_end=D(2019, 8, 31),
                    source=sample,
                ),
                Membership(
                    forum_id=amb.id,
                    organization_id=gov.id,
                    role="suplente",
                    term_start=D(2018, 5, 1),
                    term_end=D(2019, 8, 31),
                    source=sample,
                ),
                Membership(
                    forum_id=amb.id,
                    organization_id=ngo.id,
                    role="titular",
                    term_start=D(2018, 5, 1),
                    term_end=D(2019, 8, 31),
                    source=sample,
                ),
                Membership(
                    forum_id=cl.id, organization_id=chl.id, role="titular", term_start=D(2020, 1, 1), source=file
                ),
            ]
        )
        m1 = Meeting(forum_id=amb.id, date=D(2018, 6, 1), kind="ordinary", agreements=3, source=sample)
        m2 = Meeting(forum_id=cl.id, date=D(2020, 2, 1), kind="ordinary", agreements=1, source=file)
        s.add_all([m1, m2])
        s.flush()
        s.add_all(
            [
                Attendance(
                    meeting_id=m1.id,
                    organization_id=gov.id,
                    stakeholder_type="national_government",
                    gender="female",
                    persons=2,
                    source=sample,
                ),
                Attendance(
                    meeting_id=m1.id,
                    organization_id=gov.id,
                    stakeholder_type="national_government",
                    gender="male",
                    persons=1,
                    source=sample,
                ),
                Attendance(
                    meeting_id=m1.id,
                    organization_id=None,
                    stakeholder_type="civil_society_local",
                    persons=12,
                    source=sample,
                ),
                Attendance(
                    meeting_id=m2.id,
                    organization_id=chl.id,
                    stakeholder_type="national_government",
                    persons=1,
                    source=file,
                ),
            ]
        )
        ms = Milestone(
            commitment_id="PE0067",
            number=1,
            title="Hito",
            planned_start=D(2018, 1, 1),
            planned_end=D(2018, 12, 31),
            status="complete",
            progress=100.0,
            source=sample,
        )
        s.add(ms)
        s.flush()
        s.add_all(
            [
                MilestoneEvent(
                    milestone_id=ms.id, date=D(2018, 6, 1), status="in_progress", progress=50.0, source=sample
                ),
                MilestoneEvent(
                    milestone_id=ms.id, date=D(2018, 12, 1), status="complete", progress=100.0, source=sample
                ),
            ]
        )
        s.add(
            Participation(
                date=D(2018, 6, 1),
                channel="workshop",
                country_code="PER",
                forum_id=amb.id,
                stakeholder_type="civil_society_national",
                participants=5,
                contributions_received=8,
                contributions_answered=6,
                source=sample,
            )
        )


def test_frm011_forum_list_and_the_default_selection(migrated_url):
    from data.queries import forums as q

    _build(migrated_url)
    peru = q.forum_list(migrated_url, "PER")
    assert peru["code"].tolist() == ["PER-NAT", "PER-AMB", "PER-VIV"]  # national first
    assert peru["sample"].tolist() == [True, True, True]
    assert q.default_selection(peru) == ["PER-AMB", "PER-VIV"]
    chile = q.forum_list(migrated_url, "CHL")
    assert q.default_selection(chile) == ["CHL-NAT"]  # no pilots: all its forums
    assert not chile["sample"].any()
    assert q.forum_list(migrated_url, "ARG").empty


def test_frm012_forum_frames_sum_attendance_in_sql_and_mark_sample_rows(migrated_url):
    from data.queries import forums as q

    _build(migrated_url)
    frames = q.forum_frames(migrated_url, ["PER-VIV", "PER-AMB", "CHL-NAT"])
    assert frames["forums"]["code"].tolist() == ["PER-VIV", "PER-AMB", "CHL-NAT"]  # in the order asked
    att = frames["attendance"].set_index(["forum", "stakeholder_type"])
    assert int(att.loc[("PER-AMB", "national_government"), "persons"]) == 3  # two gender rows summed
    assert int(att.loc[("PER-AMB", "civil_society_local"), "persons"]) == 12  # the public, no organization
    assert bool(att.loc[("PER-AMB", "national_government"), "sample"])
    assert not bool(att.loc[("CHL-NAT", "national_government"), "sample"])
    assert len(frames["present"][frames["present"]["forum"] == "PER-AMB"]) == 1  # one organization, once
    assert len(frames["memberships"][frames["memberships"]["forum"] == "PER-AMB"]) == 3
    assert frames["milestones"]["forum"].tolist() == ["PER-AMB"] and len(frames["events"]) == 2
    assert frames["participation"][["forum", "received", "answered"]].values.tolist() == [["PER-AMB", 8, 6]]
    comparison = q.comparison(migrated_url, ["PER-AMB", "CHL-NAT"], D(2026, 11, 27))
    summary = comparison["forums"].set_index("code")
    assert summary.loc["PER-AMB", "members"] == 2 and summary.loc["PER-AMB", "titular"] == 2
    assert summary.loc["PER-AMB", "attendance_rate"] == pytest.approx(50.0)  # the ministry came, the NGO did not
    assert summary.loc["CHL-NAT", "breaches"] == 1  # no meeting since February 2020
    assert comparison["sample"]["meetings"]  # Ambiente's meeting is sample


def test_frm013_peru_seed_pilots_and_national_forum(seeded_url):
    from data.queries import forums as q

    forums = q.forum_list(seeded_url, "PER")
    assert q.default_selection(forums) == ["PER-AMBIENTE", "PER-VIVIENDA"]
    result = q.comparison(seeded_url, ["PER-AMBIENTE", "PER-VIVIENDA", "PER-FMGA"], D(2026, 11, 27))
    summary = result["forums"].set_index("code")
    assert summary.loc["PER-AMBIENTE", "breaches"] == 0 and summary.loc["PER-VIVIENDA", "breaches"] == 0
    assert summary.loc["PER-FMGA", "breaches"] == 1  # the 2020 pandemic gap
    assert summary.loc["PER-FMGA", "days_since_last"] <= FORUM_MAX_GAP_DAYS
    assert summary.loc["PER-AMBIENTE", "non_government"] > summary.loc["PER-VIVIENDA", "non_government"]
    assert summary.loc["PER-VIVIENDA", "turnover"] > summary.loc["PER-AMBIENTE", "turnover"]
    assert summary.loc["PER-AMBIENTE", "attendance_rate"] > summary.loc["PER-VIVIENDA", "attendance_rate"]
    assert summary["meetings"].sum() == 43
    assert all(result["sample"].values())


def test_frm014_countries_from_the_ogp_extract_have_no_forums(seeded_ogp_url):
    from data.queries import forums as q
    from data.queries.shell import countries

    others = [c for c in countries(seeded_ogp_url)["code"] if c != "PER"]
    assert len(others) > 50
    assert q.forum_list(seeded_ogp_url, others[0]).empty


# --- figures and tables ------------------------------------------------------------------------


def components(node):
    """Every component under ``node``, itself included."""
    if node is None or isinstance(node, (str, int, float)):
        return
    if isinstance(node, (list, tuple)):
        for item in node:
            yield from components(item)
        return
    yield node
    yield from components(getattr(node, "children", None))


def as_text(node) -> str:
    import json

    from plotly.utils import PlotlyJSONEncoder

    return json.dumps(node, cls=PlotlyJSONEncoder, ensure_ascii=False)


@pytest.fixture(scope="module")
def peru_comparison(tmp_path_factory):
    from data.queries import forums as q
    from data.seed import seed_database

    url = f"sqlite:///{tmp_path_factory.mktemp('forums') / 'peru.sqlite3'}"
    seed_database(url)
    return q.comparison(url, ["PER-AMBIENTE", "PER-VIVIENDA", "PER-FMGA"], D(2026, 11, 27))


def _columns(figure) -> int:
    return sum(1 for k in figure["layout"] if k.startswith("xaxis"))


def test_frm015_every_indicator_is_one_figure_with_a_column_per_forum_on_one_y_scale(peru_comparison):
    from dashboard.pages.forums import FIGURES

    for key, build, _ in FIGURES:
        figure = build(peru_comparison, "es")
        if key in ("composition", "cumulative"):
            continue  # forums share one axis there
        layout = figure["layout"]
        assert _columns(figure) == 3, key
        ranges = {tuple(layout[k]["range"]) for k in layout if k.startswith("yaxis")}
        assert len(ranges) == 1, key  # identical y ranges
        assert all(layout[k].get("matches") == "y" for k in layout if k.startswith("yaxis") and k != "yaxis"), key
        assert {tr["xaxis"] for tr in figure["data"]} == {"x", "x2", "x3"}, key
        titles = " ".join(a["text"] for a in layout["annotations"])
        assert "Ambiente" in titles and "Vivienda" in titles and "Gobierno" in titles, key


def test_frm016_members_figure_stacks_stakeholder_types_with_patterns_and_translated_legend(peru_comparison):
    from dashboard.figures import forums as fig

    es, en = fig.members_figure(peru_comparison, "es"), fig.members_figure(peru_comparison, "en")
    legend_es = [tr["name"] for tr in es["data"] if tr["showlegend"]]
    legend_en = [tr["name"] for tr in en["data"] if tr["showlegend"]]
    assert "Sociedad civil nacional" in legend_es and "Civil society (national)" in legend_en
    assert len(legend_es) == len(set(legend_es))  # each type once in the legend
    patterned = {tr["legendgroup"]: tr["marker"]["pattern"]["shape"] for tr in es["data"]}
    assert patterned["regional_local_government"] == "/"
    ambiente_titular = sum(int(tr["y"][0]) for tr in es["data"] if tr["xaxis"] == "x")
    assert ambiente_titular == int(peru_comparison["forums"].set_index("code").loc["PER-AMBIENTE", "titular"])
    assert list(es["data"][0]["x"]) == ["Titular", "Suplente"]


def test_frm017_gaps_figure_flags_breaches_with_pattern_and_text_and_labels_the_limit(peru_comparison):
    from dashboard.figures import forums as fig

    figure = fig.gaps_figure(peru_comparison, "es")
    breach = [tr for tr in figure["data"] if tr.get("legendgroup") == "breach"]
    assert len(breach) == 1 and breach[0]["xaxis"] == "x3"  # only the national forum
    assert breach[0]["marker"]["pattern"]["shape"] == "x" and list(breach[0]["y"]) == [238]
    texts = [a["text"] for a in figure["layout"]["annotations"]]
    assert "<b>⚠ 238 días</b>" in texts
    assert texts.count("Máximo OGP: 180 días") == 3
    limits = [s for s in figure["layout"]["shapes"] if s["type"] == "line"]
    assert [s["y0"] for s in limits] == [180, 180, 180]
    english = fig.gaps_figure(peru_comparison, "en")
    assert "OGP maximum: 180 days" in [a["text"] for a in english["layout"]["annotations"]]


def test_frm018_a_forum_without_data_says_so_in_its_column(peru_comparison):
    from dashboard.figures import forums as fig

    without = {**peru_comparison, "progress": peru_comparison["progress"].iloc[0:0]}
    figure = fig.progress_figure(without, "en")
    assert [a["text"] for a in figure["layout"]["annotations"]].count("No data recorded") == 3
    assert figure["data"] == []


def test_frm019_summary_and_meeting_tables_flag_breaches_and_never_fake_a_minutes_link(peru_comparison):
    from dash import html

    from dashboard.components import forum_tables

    text = as_text(forum_tables.summary_table(peru_comparison, "es"))
    assert "⚠ 1 (el más largo: 238 días)" in text and "✓ Ninguno" in text
    rows = pd.DataFrame(
        {
            "date": [D(2020, 2, 1), D(2020, 3, 1), D(2020, 4, 1)],
            "kind": ["ordinary"] * 3,
            "persons": [3, 4, 5],
            "organizations": [2, 3, 4],
            "members": [4, 4, 4],
            "present": [2, 3, 4],
            "rate": [50.0, 75.0, 100.0],
            "agreements": [1, None, 2],
            "minutes_url": ["https://example.org/acta.pdf", "javascript:alert(1)", None],
        }
    )
    table = forum_tables.meetings_table(rows, "Foro", "es")
    assert [a.href for a in components(table) if isinstance(a, html.A)] == ["https://example.org/acta.pdf"]
    flat = as_text(table)
    assert flat.count("Acta no publicada") == 2 and "no registrado" in flat and "1 feb 2020" in flat


# --- the page and its callbacks -----------------------------------------------------------------


def test_frm020_selection_keeps_known_codes_and_falls_back_to_the_default():
    from callbacks.forums import selection

    forums = pd.DataFrame({"code": ["N", "A", "V"], "kind": ["national", "sector_pilot", "sector_pilot"]})
    assert selection(["V", "N", "V"], forums) == ["V", "N"]
    assert selection([], forums) == ["A", "V"]
    assert selection(None, forums) == ["A", "V"]
    assert selection(["<script>", 3, {"x": 1}], forums) == ["A", "V"]
    assert selection("N", forums) == ["N"]


def test_frm021_a_country_without_forums_is_pointed_to_the_data_page(seeded_ogp_url):
    from dashboard.pages import PageContext
    from dashboard.pages.forums import layout

    ctx = PageContext(lang="es", params={"lang": "es", "country": "CHL"}, db_url=seeded_ogp_url, today=D(2026, 11, 27))
    page = layout(ctx)
    assert "No hay datos de foros para este país" in as_text(page)
    assert [c.href for c in components(page) if hasattr(c, "href")] == ["/data?lang=es&country=CHL"]
    assert "forums-comparison" not in as_text(page)  # no empty charts


def test_frm022_a_forum_with_nothing_recorded_still_draws_and_says_so():
    from dashboard.components import forum_tables
    from dashboard.pages import forums as page

    frames = hand_made_frames()
    frames["forums"] = pd.concat(
        [
            frames["forums"],
            pd.DataFrame(
                [
                    {
                        "code": "C",
                        "name": "Empty",
                        "kind": "other",
                        "sector": None,
                        "legal_basis": None,
                        "created": None,
                        "ended": None,
                        "commitment_id": None,
                        "sample": False,
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    result = ind.compare(frames, D(2021, 3, 1))
    empty = result["forums"].set_index("code").loc["C"]
    assert (empty["members"], empty["meetings"], empty["breaches"]) == (0, 0, 0)
    assert pd.isna(empty["days_since_last"]) and pd.isna(empty["turnover"])
    for _key, build, _ in page.FIGURES:
        build(result, "en")  # no exception
    text = as_text(forum_tables.summary_table(result, "en"))
    assert "No meeting recorded" in text
    members = page.FIGURES[0][1](result, "en")
    assert "No data recorded" in [a["text"] for a in members["layout"]["annotations"]]


def test_frm023_whatever_a_client_sends_the_callbacks_answer(seeded_url):
    import json

    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.factory import create_app

    app = create_app(seeded_url, today=D(2026, 11, 27))
    client = app.server.test_client()
    compare = dom_id_value("forums")
    one = dom_id_value("forum")
    for junk in ({"x": 1}, ["<script>alert(1)</script>", 7], "PER-FMGA' OR 1=1", None):
        for fragments in (("forums-comparison.children",), ("forums-panel.children",)):
            key = find_callback(app, *fragments)
            values = {
                "forums-context.data": junk if not isinstance(junk, str) else {"lang": junk, "country": junk},
                f"{compare}.value": {"id": {"name": "forums", "type": "filter"}, "property": "value", "value": junk},
                f"{one}.value": {"id": {"name": "forum", "type": "filter"}, "property": "value", "value": junk},
            }
            response = client.post("/_dash-update-component", json=dash_request(app, key, values))
            assert response.status_code in (200, 204), (junk, fragments)
            assert "Traceback" not in response.get_data(as_text=True)
    # a sensible request for Peru draws the pilots
    key = find_callback(app, "forums-comparison.children")
    values = {
        "forums-context.data": {"lang": "en", "country": "PER"},
        f"{compare}.value": {"id": {"name": "forums", "type": "filter"}, "property": "value", "value": []},
    }
    body = json.loads(client.post("/_dash-update-component", json=dash_request(app, key, values)).get_data())
    assert "Foro Multiactor piloto – Vivienda" in json.dumps(body, ensure_ascii=False)


def dom_id_value(name: str) -> str:
    from dashboard import ids
    from dashboard.components.common import dom_id

    return dom_id(ids.filter_id(name))


def test_frm024_forums_computed_apart_merge_into_the_same_comparison(seeded_url):
    from data.queries import forums as q

    codes = ["PER-AMBIENTE", "PER-VIVIENDA", "PER-FMGA"]
    whole = q.comparison(seeded_url, codes, D(2026, 11, 27))
    merged = ind.merge_comparisons([q.comparison(seeded_url, [c], D(2026, 11, 27)) for c in codes])

    def same(frame):
        frame = frame.reset_index(drop=True).astype(object)
        return frame.where(frame.notna(), None)

    for key, frame in whole.items():
        if isinstance(frame, pd.DataFrame):
            pd.testing.assert_frame_equal(same(frame), same(merged[key]))
    assert merged["sample"] == whole["sample"]
    with pytest.raises(ValueError):
        ind.merge_comparisons([])


def test_frm026_a_narrow_panel_gets_rows_on_the_same_scale(peru_comparison):
    from dashboard.figures.forums import as_rows
    from dashboard.pages.forums import FIGURES

    for key, build, _ in FIGURES:
        figure = build(peru_comparison, "es")
        rows = as_rows(figure)
        layout, n = rows["layout"], figure["layout"]["meta"]["ogpColumns"]
        assert layout["meta"]["ogpStacked"] and not figure["layout"]["meta"].get("ogpStacked"), key  # a copy
        assert all(layout[f"xaxis{i + 1 if i else ''}"]["domain"] == [0, 1] for i in range(n)), key
        for i in range(1, n):  # each forum's row under the one before, the y axes still matched
            above, below = layout[f"yaxis{i if i > 1 else ''}"], layout[f"yaxis{i + 1}"]
            assert below["domain"][1] < above["domain"][0] and below.get("matches") == "y", key
        assert layout["height"] > figure["layout"]["height"] or n == 1, key
        assert all(len(layout[k].get("tickvals", [])) <= 3 for k in layout if k.startswith("xaxis")), key
        assert all(layout[k]["tickangle"] == 0 for k in layout if k.startswith("xaxis")), key


def test_frm027_rows_where_a_panel_has_less_than_330_px_per_forum():
    from dashboard.pages.forums import panel_room, rows_for

    assert rows_for(2, None) == frozenset()  # width not known yet: columns
    assert rows_for(2, 390) == {1, 2}  # a phone: rows, and the one-panel chart's phone tweaks
    assert rows_for(2, 800) == frozenset() and rows_for(3, 800) == {3}  # a tablet: three forums do not fit
    assert rows_for(3, 1280) == frozenset() and rows_for(5, 1280) == {5}
    assert panel_room(1280) == 1202 and panel_room(2000) == panel_room(3000)  # the page stops at 1440 px
    assert panel_room(2000, projector=True) > panel_room(2000)  # … except on a projector
    assert panel_room("wide") is None and panel_room(-5) is None


def test_frm028_the_comparison_follows_the_width_and_ignores_junk(seeded_url):
    import json

    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.factory import create_app

    app = create_app(seeded_url, today=D(2026, 11, 27))
    client = app.server.test_client()
    compare = dom_id_value("forums")
    key = find_callback(app, "forums-comparison.children")

    def drawn(viewport):
        values = {
            "forums-context.data": {"lang": "es", "country": "PER"},
            f"{compare}.value": {"id": {"name": "forums", "type": "filter"}, "property": "value", "value": []},
            "viewport-width.data": viewport,
        }
        response = client.post("/_dash-update-component", json=dash_request(app, key, values))
        assert response.status_code == 200 and "Traceback" not in response.get_data(as_text=True)
        return json.loads(response.get_data())["response"]

    assert drawn(390)["forums-arranged"]["data"] == [1, 2]
    assert '"ogpStacked": true' in json.dumps(drawn(390))
    for junk in (1280, "<b>", {"x": 1}, True, None):
        answer = drawn(junk)
        assert answer["forums-arranged"]["data"] == [] and "ogpStacked" not in json.dumps(answer), junk
