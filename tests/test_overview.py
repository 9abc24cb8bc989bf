"""The overview's numbers, on SQLite and PostgreSQL, from hand-made data whose
answers are worked out below; its figures and content, without a browser."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

D = dt.date
TODAY = D(2021, 6, 30)

# Worked answers for TODAY (see hand_made_url):
#   C1: M1 complete (100), M2 late (50, ended 2021-03-31)        -> progress 75, late
#   C2: M1 at risk (10; half the year gone), M2 due soon (0, ends in 51 days),
#       M3 cancelled, M4 not started (ends in 184 days), M5 at risk and due in 31 days (5)
#                                                                  -> progress (10+0+0+5)/4 = 3.75, at_risk
#   C3: no milestones                                              -> no_data
#   average progress (75 + 3.75) / 2 = 39.375 over 2 commitments with milestones


@pytest.fixture(scope="module")
def hand_made_url(module_migrated_url):
    from data.db import session_scope
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
    )

    url = module_migrated_url
    with session_scope(url) as s:
        seed = Source(kind="seed", name="seed.txt", loaded_at=dt.datetime(2021, 1, 1, 9))
        sample = Source(kind="sample", name="test-sample", loaded_at=dt.datetime(2021, 1, 1, 10))
        file = Source(kind="file", name="ogp.csv", loaded_at=dt.datetime(2021, 1, 2, 11))
        s.add_all([seed, sample, file])
        s.add_all([Country(code="PER", name="Peru", source=seed), Country(code="ARG", name="Argentina", source=file)])
        s.add_all(
            [
                ActionPlan(
                    id="AP_TST01",
                    country_code="PER",
                    number=1,
                    cycle_year=2020,
                    start_year=2020,
                    end_year=2021,
                    source=seed,
                ),
                ActionPlan(
                    id="AP_TST02",
                    country_code="PER",
                    number=2,
                    cycle_year=2022,
                    start_year=2022,
                    end_year=2023,
                    source=seed,
                ),
                ActionPlan(
                    id="AP_ARG01",
                    country_code="ARG",
                    number=1,
                    cycle_year=2019,
                    start_year=2019,
                    end_year=2021,
                    source=file,
                ),
            ]
        )
        open_data, justice = PolicyArea(name="Open Data", source=seed), PolicyArea(name="Justice", source=seed)
        c1 = Commitment(
            id="TS0001",
            action_plan_id="AP_TST01",
            title="Datos abiertos",
            source=seed,
            policy_areas=[open_data, justice],
        )
        c2 = Commitment(id="TS0002", action_plan_id="AP_TST01", title="Portal", source=seed, policy_areas=[open_data])
        c3 = Commitment(id="TS0003", action_plan_id="AP_TST02", title="Sin hitos", source=seed)
        s.add_all(
            [
                c1,
                c2,
                c3,
                Commitment(
                    id="AR0001",
                    action_plan_id="AP_ARG01",
                    title="Uno",
                    source=file,
                    completion_end="Complete",
                    completion_end_raw="Complete",
                    starred=True,
                ),
                Commitment(
                    id="AR0002",
                    action_plan_id="AP_ARG01",
                    title="Dos",
                    source=file,
                    completion_end=None,
                    completion_end_raw="ND",
                    completion_midterm="Limited",
                    completion_midterm_raw="Limited",
                ),
                Commitment(
                    id="AR0003",
                    action_plan_id="AP_ARG01",
                    title="Tres",
                    source=file,
                    completion_end_raw="NR",
                    completion_midterm_raw="ND",
                ),
            ]
        )
        s.flush()

        def milestone(commitment, number, start, end, status, progress, events=()):
            m = Milestone(
                commitment_id=commitment,
                number=number,
                title=f"Hito {commitment}-{number}",
                responsible=f"Oficina {number}",
                planned_start=start,
                planned_end=end,
                status=status,
                progress=progress,
                source=sample,
            )
            m.events = [MilestoneEvent(date=d, status=st, progress=p, source=sample) for d, st, p in events]
            s.add(m)

        milestone(
            "TS0001",
            1,
            D(2020, 1, 1),
            D(2020, 12, 31),
            "complete",
            100,
            [(D(2020, 6, 30), "in_progress", 40), (D(2020, 12, 15), "complete", 100)],
        )
        milestone("TS0001", 2, D(2021, 1, 1), D(2021, 3, 31), "in_progress", 50, [(D(2021, 2, 1), "in_progress", 50)])
        milestone("TS0002", 1, D(2021, 1, 1), D(2021, 12, 31), "in_progress", 10, [(D(2021, 3, 1), "in_progress", 10)])
        milestone("TS0002", 2, D(2021, 6, 25), D(2021, 8, 20), "not_started", 0)
        milestone("TS0002", 3, D(2020, 1, 1), D(2020, 6, 30), "cancelled", 0, [(D(2020, 3, 1), "cancelled", 0)])
        milestone("TS0002", 4, D(2021, 9, 1), D(2021, 12, 31), "not_started", 0)
        milestone("TS0002", 5, D(2021, 5, 1), D(2021, 7, 31), "in_progress", 5, [(D(2021, 6, 1), "in_progress", 5)])

        nat = Forum(
            code="TST-NAT",
            country_code="PER",
            name="Foro nacional",
            kind="national",
            created=D(2020, 1, 1),
            source=file,
            follows=[c1],
        )
        pilot = Forum(
            code="TST-PIL",
            country_code="PER",
            name="Piloto",
            kind="sector_pilot",
            created=D(2020, 1, 1),
            commitment_id="TS0002",
            source=file,
        )
        old = Forum(
            code="TST-OLD",
            country_code="PER",
            name="Foro antiguo",
            kind="other",
            created=D(2019, 1, 1),
            ended=D(2020, 12, 31),
            source=file,
        )
        new = Forum(
            code="TST-NEW", country_code="PER", name="Foro futuro", kind="other", created=D(2022, 1, 1), source=file
        )
        s.add_all([nat, pilot, old, new])
        last = Meeting(forum=nat, date=D(2021, 3, 1), kind="ordinary", agreements=2, source=file)
        s.add_all(
            [
                last,
                Meeting(forum=nat, date=D(2020, 6, 1), kind="workshop", agreements=1, source=file),
                Meeting(forum=pilot, date=D(2020, 10, 1), kind="ordinary", agreements=0, source=file),
                Meeting(forum=old, date=D(2020, 12, 1), kind="extraordinary", agreements=3, source=file),
                Attendance(
                    meeting=last, stakeholder_type="national_government", gender="female", persons=10, source=sample
                ),
                Attendance(meeting=last, stakeholder_type="academia", gender="male", persons=5, source=sample),
            ]
        )
    return url


def overview(url, country="PER", **filters):
    from data.queries.overview import overview as query

    as_of = filters.pop("as_of", None)
    return query(url, country, as_of=as_of.isoformat() if as_of else None, today=TODAY.isoformat(), **filters)


def test_ovw001_kpis_today(hand_made_url):
    data = overview(hand_made_url)
    assert list(data.commitments["id"]) == ["TS0001", "TS0002", "TS0003"]
    assert data.commitments_with_milestones == 2
    assert data.average_progress == pytest.approx(39.375)
    assert data.milestone_counts == {
        "complete": 1,
        "in_progress": 0,
        "at_risk": 2,
        "late": 1,
        "not_started": 2,
        "cancelled": 1,
    }
    status = dict(zip(data.commitments["id"], data.commitments["implementation"]))
    assert status == {"TS0001": "late", "TS0002": "at_risk", "TS0003": "no_data"}
    assert data.reference == TODAY and data.as_of is None
    assert data.scope_has_milestones and data.country_has_milestones


def test_ovw002_plan_roll_up_with_expected_progress(hand_made_url):
    plans = overview(hand_made_url).plans.set_index("id")
    assert list(plans.index) == ["AP_TST01", "AP_TST02"]  # oldest first
    assert plans.loc["AP_TST01", "label"] == "2020–2021"
    assert plans.loc["AP_TST01", "progress"] == pytest.approx(39.375)
    assert plans.loc["AP_TST01", "with_milestones"] == 2 and plans.loc["AP_TST02", "with_milestones"] == 0
    assert pd.isna(plans.loc["AP_TST02", "progress"])
    # Expected: C1's milestones both ended (100, 100); C2's live ones at 49.5, 8.9, 0 and 65.9 %.
    c2 = (180 / 364 + 5 / 56 + 0 + 60 / 91) / 4 * 100
    assert plans.loc["AP_TST01", "expected"] == pytest.approx((100 + c2) / 2, abs=0.01)


def test_ovw003_as_of_rebuilds_milestones_from_their_history(hand_made_url):
    # At 30 September 2020 C1's first milestone had reported 40 % with three quarters of its year gone:
    # at risk then, complete by 15 December.
    midterm = overview(hand_made_url, as_of=D(2020, 9, 30))
    assert midterm.reference == D(2020, 9, 30)
    assert midterm.milestone_counts["at_risk"] == 1
    assert midterm.milestone_counts["late"] == 0
    year_end = overview(hand_made_url, as_of=D(2020, 12, 31))
    assert year_end.milestone_counts == {
        "complete": 1,
        "in_progress": 0,
        "at_risk": 0,
        "late": 0,
        "not_started": 5,
        "cancelled": 1,
    }
    assert year_end.average_progress == pytest.approx(25.0)  # C1 (100 + 0) / 2, C2 0
    assert overview(hand_made_url).milestone_counts["late"] == 1


def test_ovw004_milestones_late_or_due_within_60_days_most_urgent_first(hand_made_url):
    data = overview(hand_made_url)
    rows = data.attention
    assert data.attention_total == 3
    assert list(zip(rows["commitment_id"], rows["number"], rows["flag"])) == [
        ("TS0001", 2, "late"),
        ("TS0002", 5, "at_risk"),
        ("TS0002", 2, "due_soon"),
    ]
    assert list(rows["title"]) == ["Hito TS0001-2", "Hito TS0002-5", "Hito TS0002-2"]
    assert list(rows["responsible"]) == ["Oficina 2", "Oficina 5", "Oficina 2"]
    # 60 days from 30 March 2021: the milestone ending 31 March is due soon, none is late yet.
    early = overview(hand_made_url, as_of=D(2021, 3, 30))
    assert ("TS0001", 2) in set(zip(early.attention["commitment_id"], early.attention["number"]))
    assert "late" not in set(early.attention["flag"])


def test_ovw005_status_filter_narrows_commitments_and_their_milestones(hand_made_url):
    late = overview(hand_made_url, status="late")
    assert list(late.commitments["id"]) == ["TS0001"]
    assert late.milestone_counts["late"] == 1 and late.milestone_counts["at_risk"] == 0
    assert list(late.attention["commitment_id"]) == ["TS0001"]
    no_data = overview(hand_made_url, status="no_data")
    assert list(no_data.commitments["id"]) == ["TS0003"]
    assert overview(hand_made_url, status="complete").commitments.empty


def test_ovw006_forums_that_met_within_180_days_and_latest_meetings(hand_made_url):
    data = overview(hand_made_url)
    forums = data.forums.set_index("code")
    assert set(forums.index) == {"TST-NAT", "TST-PIL", "TST-OLD"}  # TST-NEW did not exist yet
    assert forums["met_recently"].to_dict() == {"TST-NAT": True, "TST-PIL": False, "TST-OLD": False}
    assert forums["active"].to_dict() == {"TST-NAT": True, "TST-PIL": True, "TST-OLD": False}
    meetings = data.meetings
    assert [d for d in meetings["date"]] == [D(2021, 3, 1), D(2020, 12, 1), D(2020, 10, 1), D(2020, 6, 1)]
    assert int(meetings["persons"].iloc[0]) == 15 and int(meetings["agreements"].iloc[0]) == 2
    assert pd.isna(meetings["persons"].iloc[1])  # no attendance recorded
    # A plan filter keeps the forums that follow or were set up by its commitments.
    assert set(overview(hand_made_url, plan="AP_TST01").forums["code"]) == {"TST-NAT", "TST-PIL"}
    assert overview(hand_made_url, plan="AP_TST02").forums.empty
    # Before the national forum's last meeting it had not met for 273 days.
    earlier = overview(hand_made_url, as_of=D(2021, 2, 28)).forums.set_index("code")
    assert not earlier.loc["TST-NAT", "met_recently"]


def test_ovw007_sample_marks_come_from_the_sources(hand_made_url):
    from data.queries.overview import forums_from_sample

    data = overview(hand_made_url)
    assert data.sample_milestones  # milestones are sample
    assert data.sample_forums  # the national forum's attendance is sample
    assert not forums_from_sample(hand_made_url, ["TST-PIL"])  # forum and meeting from a file
    assert not overview(hand_made_url, "ARG").sample_milestones
    assert not overview(hand_made_url, plan="AP_TST02").sample_forums


def test_ovw008_country_without_milestones_gets_the_irms_facts(hand_made_url):
    data = overview(hand_made_url, "ARG")
    assert not data.scope_has_milestones and not data.country_has_milestones
    assert data.country_name == "Argentina"
    irm = data.irm.set_index("id")
    assert irm["completion"].to_dict() == {"AR0001": "Complete", "AR0002": "Limited", "AR0003": "not_assessed"}
    assert irm["starred"].sum() == 1
    assert set(data.areas["category"]) == {"Complete", "Limited", "not_assessed"}
    # Peru's second plan has no milestones either, but Peru has.
    plan2 = overview(hand_made_url, plan="AP_TST02")
    assert not plan2.scope_has_milestones and plan2.country_has_milestones


def test_ovw009_a_commitment_counts_in_each_of_its_policy_areas(hand_made_url):
    areas = overview(hand_made_url).areas
    counts = {(a, c): n for a, c, n in zip(areas["area"], areas["category"], areas["commitments"])}
    assert counts == {("Open Data", "late"): 1, ("Open Data", "at_risk"): 1, ("Justice", "late"): 1, ("", "no_data"): 1}


def test_ovw010_peru_2017_2019_plan_at_its_midterm_is_at_risk_rather_than_late(seeded_url):
    from data.queries.overview import overview as query

    midterm = query(seeded_url, "PER", plan="AP_PER03", as_of="2018-06-30", today="2026-11-27")
    now = query(seeded_url, "PER", plan="AP_PER03", today="2026-11-27")
    assert midterm.milestone_counts["at_risk"] > midterm.milestone_counts["late"]
    assert now.milestone_counts["at_risk"] == 0 and now.milestone_counts["in_progress"] == 0
    assert now.milestone_counts["late"] > midterm.milestone_counts["late"]
    assert midterm.average_progress < now.average_progress
    assert len(midterm.commitments) == len(now.commitments) == 18
    assert midterm.sample_milestones and midterm.sample_forums


# --- figures --------------------------------------------------------------------------------


def test_ovw011_plan_progress_figure_bars_against_expected(hand_made_url):
    from dashboard.figures.overview import plan_progress_figure

    plans = overview(hand_made_url).plans
    fig = plan_progress_figure(plans, "es")
    bars, ticks = fig["data"]
    assert list(bars["y"]) == ["2020–2021"]  # the plan without milestones is left out
    assert list(bars["x"]) == [pytest.approx(39.4)]
    assert bars["text"][0] == "39\u00a0%"
    assert bars["name"] == "Avance informado" and ticks["name"] == "Avance esperado a la fecha"
    assert fig["layout"]["template"] is None
    assert fig["layout"]["xaxis"]["title"]["text"] == "Avance (%)"
    english = plan_progress_figure(plans, "en")
    assert english["data"][0]["name"] == "Reported progress" and english["data"][0]["text"][0] == "39%"
    assert "2 commitments with milestones" in english["data"][0]["customdata"][0][0]


def test_ovw012_stacked_figure_colours_patterns_legend_and_long_names():
    from dashboard import theme
    from dashboard.figures.overview import stacked_counts_figure
    from dashboard.figures.text import plain

    long_name = "Social Accountability Measures & Feedback Loops for Public Services"
    counts = pd.DataFrame(
        {
            "area": ["Open Data", "Open Data", long_name, ""] + [f"Area {i:02d}" for i in range(20)],
            "category": ["late", "complete", "at_risk", "no_data"] + ["in_progress"] * 20,
            "commitments": [3, 2, 4, 1] + [1] * 20,
        }
    )
    fig = stacked_counts_figure(counts, "area", "implementation", "en")
    names = [trace["name"] for trace in fig["data"]]
    assert names == ["Complete", "In progress", "At risk", "Late", "No data"]  # legend in status order
    late = fig["data"][names.index("Late")]
    assert late["marker"]["color"] == theme.STATUS_COLOURS["late"]
    assert late["marker"]["pattern"]["shape"] == theme.STATUS_PATTERNS["late"] != ""
    rows = list(fig["layout"]["yaxis"]["tickvals"])
    # largest first, full names kept for the hover (as plotly label text: "&" as "&amp;")
    assert rows[0] == "Open Data" and rows[1] == plain(long_name)
    assert len(rows) == 15 and rows[-1] == "9 other areas"  # 23 rows: 14 shown, 9 summed
    ticks = list(fig["layout"]["yaxis"]["ticktext"])
    assert ticks[1].endswith("…") and "<br>" in ticks[1] and len(ticks[1]) < len(long_name)
    assert "(no policy area)" in rows
    assert "%{y}" in late["hovertemplate"]
    spanish = stacked_counts_figure(counts, "area", "implementation", "es")
    assert [t["name"] for t in spanish["data"]][0] == "Completado"
    assert spanish["layout"]["xaxis"]["title"]["text"] == "Compromisos"


# --- content -------------------------------------------------------------------------------


def _find(component, predicate):
    found = []
    for child in component._traverse() if hasattr(component, "_traverse") else []:
        if predicate(child):
            found.append(child)
    return found


def _by_id(children, component_id):
    from dash import html

    return _find(html.Div(children), lambda c: getattr(c, "id", None) == component_id)[0]


def test_ovw013_kpis_and_lists_link_to_their_views_with_the_filters(hand_made_url):
    from dashboard.pages.overview_sections import content

    params = {
        "lang": "en",
        "country": "PER",
        "plan": "AP_TST01",
        "area": None,
        "status": None,
        "asof": "2021-06-30",
        "projector": False,
    }
    children = content(overview(hand_made_url, plan="AP_TST01"), "en", params)
    late = _by_id(children, "kpi-late")
    assert late.href == "/timeline?lang=en&country=PER&plan=AP_TST01&status=late&asof=2021-06-30"
    assert _by_id(children, "kpi-commitments").href == "/commitments?lang=en&country=PER&plan=AP_TST01&asof=2021-06-30"
    assert _by_id(children, "kpi-forums").href.startswith("/forums?lang=en&country=PER&plan=AP_TST01")
    assert late.children[0].children == "1"
    assert _by_id(children, "kpi-forums").children[0].children == "1"
    links = [c.href for c in _find(__import__("dash").html.Div(children), lambda c: hasattr(c, "href"))]
    assert "/commitments/TS0001?lang=en&country=PER" in links
    assert any(h.startswith("/forums?") and "forum=TST-NAT" in h for h in links)


def test_ovw014_country_without_milestones_says_so_plainly(hand_made_url):
    from dash import html

    from dashboard.pages.overview_sections import content

    for lang, text in (
        ("es", "No hay hitos registrados para Argentina"),
        ("en", "No milestones are recorded for Argentina"),
    ):
        children = content(overview(hand_made_url, "ARG"), lang, {"lang": lang, "country": "ARG"})
        notice = _find(html.Div(children), lambda c: "overview-notice" in (getattr(c, "className", "") or ""))
        assert notice and text in notice[0].children
        ids = {getattr(c, "id", None) for c in html.Div(children)._traverse()}
        assert {"kpi-assessed", "kpi-irm-done", "overview-plan-graph"} <= ids
        assert "kpi-late" not in ids and "kpi-progress" not in ids
    graph = _by_id(children, "overview-plan-graph")
    assert {t["name"] for t in graph.figure["data"]} == {"Complete", "Limited", "Not assessed (ND, NR…)"}


def test_ovw015_no_commitments_gives_an_empty_state_with_reset(hand_made_url):
    from dash import html

    from dashboard.pages.overview_sections import content

    children = content(overview(hand_made_url, status="complete"), "es", {"lang": "es", "status": "complete"})
    empty = _find(html.Div(children), lambda c: getattr(c, "className", None) == "empty-state")
    assert empty and "Ningún compromiso coincide con estos filtros." in str(empty[0].children)
    assert _find(empty[0], lambda c: getattr(c, "id", None) == {"type": "reset-filters", "page": "overview"})


def test_ovw016_callback_rejects_crafted_values_and_future_dates(seeded_url):
    from benchmarks.cases_overview import overview_values
    from benchmarks.dash_requests import dash_request, find_callback
    from callbacks.overview import reference_date
    from dashboard.factory import create_app
    from dashboard.state import read

    assert read("plan", "AP_PER03") == "AP_PER03"
    assert read("plan", "<script>") is None and read("status", "nope") is None and read("plan", ["x"]) is None
    assert reference_date("2030-01-01", D(2026, 11, 27)) == "2026-11-27"
    assert reference_date("2018-06-30T00:00:00", D(2026, 11, 27)) == "2018-06-30"
    assert reference_date("yesterday", D(2026, 11, 27)) is None

    app = create_app(seeded_url, today=D(2026, 11, 27), migrate=False)
    key = find_callback(app, "overview-content.children")
    client = app.server.test_client()
    crafted = overview_values(
        plan="'; DROP TABLE commitments; --",
        area={"x": 1},
        status="late",
        asof="not a date",
        context={"lang": "xx", "country": 42},
    )
    answer = client.post("/_dash-update-component", json=dash_request(app, key, crafted))
    assert answer.status_code == 200
    assert "Situación al 27 de noviembre de 2026" in json.dumps(answer.get_json(), ensure_ascii=False)
    fine = client.post(
        "/_dash-update-component",
        json=dash_request(
            app, key, overview_values(plan="AP_PER03", asof="2018-06-30", context={"lang": "en", "country": "PER"})
        ),
    )
    assert "Situation on 30 June 2018" in json.dumps(fine.get_json(), ensure_ascii=False)


def test_ovw017_with_ogps_extract_peru_notes_its_plan_without_milestones(seeded_ogp_url):
    from dash import html
    from sqlalchemy import text

    from dashboard.pages.overview_sections import content
    from data.db import get_engine
    from data.queries.overview import overview as query

    peru = query(seeded_ogp_url, "PER", today="2026-11-27")
    assert len(peru.commitments) == 105 and peru.commitments_with_milestones == 104
    assert peru.plans.set_index("id").loc["AP_PER05", "with_milestones"] == 0
    children = content(peru, "en", {"lang": "en", "country": "PER"})
    notes = [c.children for c in html.Div(children)._traverse() if getattr(c, "className", None) == "section-note"]
    assert notes == ["Not shown, with no milestones recorded: 2023–2025."]

    ukraine = query(seeded_ogp_url, "UKR", today="2026-11-27")
    with get_engine(seeded_ogp_url).connect() as conn:
        total, complete = conn.execute(
            text(
                "SELECT count(*), sum(CASE WHEN coalesce(completion_end, completion_midterm) = 'Complete' THEN 1 ELSE 0 END)"
                " FROM commitments c JOIN action_plans a ON a.id = c.action_plan_id WHERE a.country_code = 'UKR'"
            )
        ).one()
    assert not ukraine.scope_has_milestones and len(ukraine.irm) == total
    assert (ukraine.irm["completion"] == "Complete").sum() == complete
    assert ukraine.forums.empty and ukraine.meetings.empty and not ukraine.sample_milestones


def test_ovw018_a_failing_query_gives_an_apology_not_a_traceback(seeded_url, monkeypatch, caplog):
    from benchmarks.cases_overview import overview_values
    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.factory import create_app

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("data.queries.overview.overview", broken)
    app = create_app(seeded_url, today=D(2026, 11, 27), migrate=False)
    key = find_callback(app, "overview-content.children")
    answer = app.server.test_client().post(
        "/_dash-update-component",
        json=dash_request(app, key, overview_values(plan="AP_PER02", context={"lang": "en", "country": "PER"})),
    )
    assert answer.status_code == 200
    text = json.dumps(answer.get_json(), ensure_ascii=False)
    assert "Something went wrong" in text and "database went away" not in text
    assert "overview content failed" in caplog.text
