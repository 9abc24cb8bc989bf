"""Peru's built-in data: the facts parsed from the seed document, and the sample.

The frames are checked here against data/formats.py directly, so these tests do
not need the importer.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from data import formats, vocab
from data.seed import SAMPLE_AS_OF, peru, sample, sample_frames, seed_frames

ROOT = Path(__file__).resolve().parent.parent

SEED_TABLES = {"countries", "action_plans", "institutions", "policy_areas", "commitments"}
SAMPLE_TABLES = {
    "milestones",
    "milestone_events",
    "organizations",
    "forums",
    "memberships",
    "meetings",
    "attendance",
    "participation",
}


@pytest.fixture(scope="module")
def seed():
    return seed_frames()


@pytest.fixture(scope="module")
def smp():
    return sample_frames()


@pytest.fixture(scope="module")
def both(seed, smp):
    return {**seed, **smp}


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(formats.LIST_SEPARATOR) if v.strip()]


def _date(cell: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell), cell
    return dt.date.fromisoformat(cell)


def _num(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].astype(float)


def _format_problems(name: str, frame: pd.DataFrame) -> list[str]:
    """What the importer would refuse in one frame, by the formats' own description."""
    table = formats.BY_NAME[name]
    problems = []
    if list(frame.columns) != [c.name for c in table.all_columns]:
        problems.append(f"{name}: columns {list(frame.columns)}")
    if frame.isna().any().any():
        problems.append(f"{name}: missing values (NaN) instead of empty strings")
    for col in table.all_columns:
        for i, cell in enumerate(frame[col.name]):
            where = f"{name}[{i}].{col.name}={cell!r}"
            if not isinstance(cell, str):
                problems.append(f"{where}: not a string")
                continue
            if cell == "":
                if col.required:
                    problems.append(f"{where}: required")
                continue
            try:
                if col.kind in ("date", "ogp_date"):
                    _date(cell)
                elif col.kind == "int":
                    assert re.fullmatch(r"-?\d+", cell)
                elif col.kind == "float":
                    float(cell)
                elif col.kind == "bool":
                    assert cell.lower() in ("yes", "no", "true", "false", "1", "0")
            except (AssertionError, ValueError):
                problems.append(f"{where}: not a {col.kind}")
            if col.vocabulary and cell not in col.vocabulary and not (col.kind == "irm" and vocab.is_sentinel(cell)):
                problems.append(f"{where}: not in {col.vocabulary}")
    key = frame[list(table.key)].apply(tuple, axis=1)
    if key.duplicated().any():
        problems.append(f"{name}: duplicate keys {key[key.duplicated()].tolist()[:3]}")
    return problems


# --- the facts ------------------------------------------------------------------------


def test_sed001_list_gives_104_commitments_with_their_plans(seed):
    listed = peru.listed_commitments()
    ids = [c.id for c in listed]
    assert len(ids) == 104 and len(set(ids)) == 104
    assert sorted(ids) == [f"PE{n:04d}" for n in range(1, 105)]

    commitments = seed["commitments"].set_index("id")
    assert sorted(commitments.index) == sorted(ids)
    expected_plan = {2012: "AP_PER01", 2015: "AP_PER02", 2017: "AP_PER03", 2019: "AP_PER04"}
    for c in listed:
        assert commitments.loc[c.id, "action_plan"] == expected_plan[c.year], c.id
    assert commitments.loc["PE0084", "action_plan"] == "AP_PER04"
    assert commitments.loc["PE0066", "action_plan"] == "AP_PER03"
    assert (commitments["action_plan"].value_counts().sort_index().tolist()) == [48, 17, 18, 21]
    # number = order within the plan by id
    assert commitments.loc["PE0001", "number"] == "1" and commitments.loc["PE0048", "number"] == "48"
    assert commitments.loc["PE0049", "number"] == "1" and commitments.loc["PE0104", "number"] == "21"


def test_sed002_starred_policy_areas_and_titles_come_from_the_list(seed):
    commitments = seed["commitments"].set_index("id")
    starred = sorted(commitments.index[commitments["starred"] == "1"])
    assert starred == ["PE0054", "PE0059", "PE0062"]
    others = commitments.drop(index=starred + ["PE0066"])
    assert set(others["starred"]) == {"0"}
    assert commitments.loc["PE0054", "title_en"] == "Commissions for Extractive Industries Transparency"
    assert not commitments["title"].str.contains("Starred").any()
    assert commitments.loc["PE0033", "policy_areas"] == ""
    assert commitments.loc["PE0084", "policy_areas"] == "Anti-Corruption"
    assert (
        commitments.loc["PE0084", "title"]
        == commitments.loc["PE0084", "title_en"]
        == "Social Oversight of Public Works"
    )
    # the stray artifact at the end of the page is not data
    assert not commitments["title"].str.contains("banned").any()
    areas = set(seed["policy_areas"]["name"])
    assert {"Capacity Building", "Social Accountability Measures & Feedback Loops"} <= areas
    assert "" not in areas


def test_sed003_country_and_action_plans(seed):
    country = seed["countries"].iloc[0]
    assert (country["code"], country["name"], country["region"], country["level"]) == (
        "PER",
        "Peru",
        "Americas",
        "National",
    )
    plans = seed["action_plans"].set_index("id")
    assert plans.loc[:, ["number", "cycle_year", "start_year", "end_year", "title"]].to_dict("index") == {
        "AP_PER01": {
            "number": "1",
            "cycle_year": "2012",
            "start_year": "2012",
            "end_year": "2014",
            "title": "Peru Action Plan 2012-2014",
        },
        "AP_PER02": {
            "number": "2",
            "cycle_year": "2015",
            "start_year": "2015",
            "end_year": "2016",
            "title": "Peru Action Plan 2015-2016",
        },
        "AP_PER03": {
            "number": "3",
            "cycle_year": "2017",
            "start_year": "2017",
            "end_year": "2019",
            "title": "Peru Action Plan 2017-2019",
        },
        "AP_PER04": {
            "number": "4",
            "cycle_year": "2019",
            "start_year": "2019",
            "end_year": "",
            "title": "Peru Action Plan 2019",
        },
    }
    # IRM process facts and exact dates are not in the document
    assert set(plans["forum_exists"]) == set(plans["public_influence"]) == set(plans["start_date"]) == {""}


def test_sed004_pe0066_in_full(seed):
    row = seed["commitments"].set_index("id").loc["PE0066"]
    assert row["title"] == "Foros Multiactor en sectores prioritarios y compromisos de gobierno abierto"
    assert row["title_en"] == "Multistakeholder Forums in Priority Sectors and Open Government Commitments"
    assert row["status"] == "inactive"
    assert (row["start"], row["end"]) == ("2018-01-01", "2019-08-31")
    assert row["lead_institution"] == "Secretaría de Gestión Pública de la PCM"
    assert _split(row["support_institutions"]) == [
        "Agencia Peruana de Cooperación Internacional",
        "Instituciones Públicas con compromisos de Gobierno Abierto",
        "Organizaciones de la sociedad civil interesadas en participar en los pilotos",
    ]
    assert _split(row["policy_areas"]) == ["Public Participation", "Social Accountability Measures & Feedback Loops"]
    assert row["irm_report"] == "Perú Design Report 2017-2019"
    assert row["verifiable"] == "Yes"
    assert [row[f"value_{v}"] for v in vocab.OGP_VALUES] == ["0", "1", "0", "0"]
    assert row["starred"] == "Pending IRM Review" and vocab.is_sentinel(row["starred"])
    assert row["did_it_open_government"] == "Major"
    assert row["potential_impact"] == row["completion_midterm"] == row["completion_end"] == ""
    assert row["early_results"] == ""
    assert row["description"].startswith("La Secretaría de Gestión Pública promoverá")
    assert row["description"].endswith("teniendo en cuenta los compromisos de gobierno abierto.")
    assert "¿" not in row["description"]
    assert row["problem"].startswith("El proceso de formulación")
    assert row["problem"].endswith("en beneficio de poblaciones vulnerables.")
    assert row["full_text"].startswith("1. Foros Multiactor en sectores prioritarios")
    assert row["full_text"].endswith("Organizaciones de la sociedad civil interesadas en participar en los piloto")
    assert "IRM Midterm" not in row["full_text"]
    assert row["url"] == "https://www.opengovpartnership.org/members/peru/commitments/PE0066/"
    assert set(seed["institutions"]["name"]) == {row["lead_institution"], *_split(row["support_institutions"])}


def test_sed005_pe0066_milestones_are_the_documents_with_sample_status(smp):
    parsed = peru.pe0066_milestones()
    assert [(m.planned_start, m.planned_end) for m in parsed] == [
        (dt.date(2018, 1, 1), dt.date(2018, 3, 31)),
        (dt.date(2018, 4, 1), dt.date(2019, 5, 31)),
        (dt.date(2019, 6, 1), dt.date(2019, 8, 31)),
    ]
    assert parsed[0].title.startswith("Adopción del marco conceptual")
    assert parsed[2].title.startswith("Evaluación de resultados de los pilotos")
    rows = smp["milestones"][smp["milestones"]["commitment"] == "PE0066"]
    assert rows["number"].tolist() == ["1", "2", "3"]
    assert rows["title"].tolist() == [m.title for m in parsed]
    assert set(rows["responsible"]) == {"SGP"}
    assert rows["planned_start"].tolist() == ["2018-01-01", "2018-04-01", "2019-06-01"]
    assert rows["planned_end"].tolist() == ["2018-03-31", "2019-05-31", "2019-08-31"]
    assert (rows["status"] != "").all() and (rows["progress"] != "").all()
    assert rows["note"].str.contains("muestra").all()


# --- the frames against the formats ------------------------------------------------------


def test_sed006_frames_follow_the_formats(seed, smp):
    assert set(seed) == SEED_TABLES and set(smp) == SAMPLE_TABLES
    problems = [p for name, frame in {**seed, **smp}.items() for p in _format_problems(name, frame)]
    assert problems == []
    for frame in (*seed.values(), *smp.values()):
        assert all(str(t) == "str" for t in frame.dtypes)


def test_sed007_numbers_are_in_range(smp):
    for name in ("milestones", "milestone_events"):
        progress = _num(smp[name], "progress")
        assert progress.between(0, 100).all()
    ms = smp["milestones"]
    assert (_num(ms[ms["status"] == "complete"], "progress") == 100).all()
    assert (_num(ms[ms["status"] == "not_started"], "progress") == 0).all()
    part = smp["participation"]
    received, answered = _num(part, "contributions_received"), _num(part, "contributions_answered")
    assert (answered <= received).all() and (answered >= 0).all()
    assert (_num(part, "participants") > 0).all()
    assert (_num(smp["attendance"], "persons") > 0).all()
    assert (_num(smp["meetings"], "agreements") >= 0).all()


def test_sed008_every_reference_resolves(both):
    f = both
    countries = set(f["countries"]["code"])
    plans = set(f["action_plans"]["id"])
    commitments = set(f["commitments"]["id"])
    institutions = set(f["institutions"]["name"])
    areas = set(f["policy_areas"]["name"])
    orgs = set(f["organizations"]["name"])
    forums = set(f["forums"]["code"])
    plan_of = dict(zip(f["commitments"]["id"], f["commitments"]["action_plan"]))

    for name in ("action_plans", "organizations", "forums", "institutions"):
        assert set(f[name]["country"]) <= countries, name
    assert set(f["participation"]["country"]) <= countries
    assert set(f["commitments"]["action_plan"]) <= plans
    c = f["commitments"]
    assert set(c["lead_institution"]) - {""} <= institutions
    assert {i for cell in c["support_institutions"] for i in _split(cell)} <= institutions
    assert {a for cell in c["policy_areas"] for a in _split(cell)} <= areas
    assert set(f["milestones"]["commitment"]) <= commitments
    milestone_keys = set(zip(f["milestones"]["commitment"], f["milestones"]["number"]))
    assert set(zip(f["milestone_events"]["commitment"], f["milestone_events"]["milestone"])) <= milestone_keys
    assert set(f["forums"]["commitment"]) - {""} <= commitments
    assert {x for cell in f["forums"]["follows"] for x in _split(cell)} <= commitments
    assert set(f["memberships"]["forum"]) <= forums and set(f["memberships"]["organization"]) <= orgs
    assert set(f["meetings"]["forum"]) <= forums
    meeting_keys = set(zip(f["meetings"]["forum"], f["meetings"]["date"]))
    assert set(zip(f["attendance"]["forum"], f["attendance"]["meeting_date"])) <= meeting_keys
    assert set(f["attendance"]["organization"]) - {""} <= orgs
    p = f["participation"]
    assert set(p["forum"]) - {""} <= forums
    assert set(p["action_plan"]) - {""} <= plans
    assert set(p["commitment"]) - {""} <= commitments
    assert set(p["organization"]) - {""} <= orgs
    linked = p[p["commitment"] != ""]
    assert (linked["commitment"].map(plan_of) == linked["action_plan"]).all()


def test_sed009_two_runs_are_identical_even_across_interpreters(seed, smp):
    again = sample_frames()
    for name, frame in smp.items():
        pd.testing.assert_frame_equal(frame, again[name])
    pd.testing.assert_frame_equal(seed["commitments"], seed_frames()["commitments"])

    # A fresh interpreter with another string-hash seed: no set-order leaks.
    script = (
        "import hashlib; from data.seed import seed_frames, sample_frames\n"
        "f = {**seed_frames(), **sample_frames()}\n"
        "print(hashlib.sha256(''.join(n + f[n].to_csv() for n in sorted(f)).encode()).hexdigest())\n"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
            check=True,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


# --- the sample tells the pilots' story ---------------------------------------------------


def _meeting_dates(smp, forum: str) -> list[dt.date]:
    m = smp["meetings"]
    return sorted(_date(d) for d in m.loc[m["forum"] == forum, "date"])


def test_sed010_national_forum_breaches_then_meets_recently(smp):
    dates = _meeting_dates(smp, "PER-FMGA")
    gaps = [(b - a).days for a, b in zip(dates, dates[1:])]
    long_gaps = [(a, b) for a, b in zip(dates, dates[1:]) if (b - a).days > vocab.FORUM_MAX_GAP_DAYS]
    assert long_gaps and all(a.year == 2020 for a, _ in long_gaps)
    assert (SAMPLE_AS_OF - dates[-1]).days <= vocab.FORUM_MAX_GAP_DAYS
    assert dates[-1] <= SAMPLE_AS_OF and dates[0] >= dt.date(2020, 2, 1)
    assert len(dates) >= 20 and max(gaps[1:]) <= vocab.FORUM_MAX_GAP_DAYS
    forum = smp["forums"].set_index("code").loc["PER-FMGA"]
    assert (forum["kind"], forum["created"], forum["legal_basis"]) == ("national", "2020-01-15", "DS 206-2019-PCM")


def test_sed011_pilots_run_from_2018_to_august_2019(smp):
    forums = smp["forums"].set_index("code")
    for code, sector in (("PER-AMBIENTE", "Ambiente"), ("PER-VIVIENDA", "Vivienda")):
        f = forums.loc[code]
        assert (f["kind"], f["sector"], f["commitment"], f["ended"]) == ("sector_pilot", sector, "PE0066", "2019-08-31")
        assert dt.date(2018, 4, 1) <= _date(f["created"]) <= dt.date(2018, 6, 30)
        dates = _meeting_dates(smp, code)
        assert _date(f["created"]) <= dates[0] and dates[-1] <= dt.date(2019, 8, 31)
        assert max((b - a).days for a, b in zip(dates, dates[1:])) <= 90
    assert {"PE0067", "PE0068", "PE0069"} <= set(_split(forums.loc["PER-AMBIENTE", "follows"]))
    assert {"PE0079", "PE0080"} == set(_split(forums.loc["PER-VIVIENDA", "follows"]))
    assert len(_meeting_dates(smp, "PER-AMBIENTE")) > len(_meeting_dates(smp, "PER-VIVIENDA"))


def test_sed012_ambiente_has_more_civil_society_than_vivienda(smp):
    att, meetings = smp["attendance"], smp["meetings"]
    cs = att[att["stakeholder_type"].str.startswith("civil_society")]
    persons = cs.assign(p=_num(cs, "persons")).groupby("forum")["p"].sum()
    count = meetings.groupby("forum").size()
    mean = persons / count
    assert mean["PER-AMBIENTE"] > mean["PER-VIVIENDA"]
    ms = smp["memberships"]
    kinds = dict(zip(smp["organizations"]["name"], smp["organizations"]["stakeholder_type"]))
    cs_members = (
        ms[ms["organization"].map(kinds).str.startswith("civil_society")].groupby("forum")["organization"].nunique()
    )
    assert cs_members["PER-AMBIENTE"] > cs_members["PER-VIVIENDA"]
    agreements = meetings.assign(a=_num(meetings, "agreements")).groupby("forum")["a"].mean()
    assert agreements["PER-AMBIENTE"] > agreements["PER-VIVIENDA"]


def test_sed013_attendance_follows_memberships(smp):
    ms = smp["memberships"]
    att = smp["attendance"]
    att = att[att["organization"] != ""]
    is_member = []
    for _, row in att.iterrows():
        day = row["meeting_date"]
        seats = ms[(ms["forum"] == row["forum"]) & (ms["organization"] == row["organization"])]
        is_member.append(
            bool(((seats["term_start"] <= day) & ((seats["term_end"] == "") | (day <= seats["term_end"]))).any())
        )
    share = sum(is_member) / len(is_member)
    assert 0.9 <= share < 1.0  # members attend, and now and then an invited guest
    assert (smp["attendance"]["gender"] != "").mean() > 0.8
    assert (smp["attendance"]["gender"] == "").any()
    # turnover: some terms end before the forum does, and some start after it began
    created = dict(zip(smp["forums"]["code"], smp["forums"]["created"]))
    assert (ms["term_start"] > ms["forum"].map(created)).any()
    assert set(vocab.MEMBERSHIP_ROLES) == set(ms["role"])


def test_sed014_milestone_history_ends_at_the_current_state(smp):
    ms = smp["milestones"].set_index(["commitment", "number"])
    ev = smp["milestone_events"]
    assert ev.groupby(["commitment", "milestone"]).ngroups == len(ms)
    for (cid, number), group in ev.groupby(["commitment", "milestone"]):
        m = ms.loc[(cid, number)]
        days = [_date(d) for d in group["date"]]
        assert days == sorted(days) and len(set(days)) == len(days)
        assert days[0] >= _date(m["planned_start"]) and days[-1] <= SAMPLE_AS_OF
        progress = group["progress"].astype(float).tolist()
        assert progress == sorted(progress), (cid, number)
        last = group.iloc[-1]
        assert (last["status"], float(last["progress"])) == (m["status"], float(m["progress"]))
        if m["status"] == "complete":
            assert _date(m["planned_start"]) <= _date(m["actual_end"]) <= days[-1]
        else:
            assert m["actual_end"] == ""


def test_sed015_milestones_fit_their_plans_and_tell_a_mixed_story(both):
    ms = both["milestones"]
    plan = ms["commitment"].map(dict(zip(both["commitments"]["id"], both["commitments"]["action_plan"])))
    counts = ms.groupby("commitment").size()
    assert len(counts) == 104 and counts.between(2, 5).all()
    for plan_id, (start, end) in sample.PLAN_PERIODS.items():
        rows = ms[(plan == plan_id) & (ms["commitment"] != "PE0066")]
        assert (rows["planned_start"] >= start.isoformat()).all() and (rows["planned_end"] <= end.isoformat()).all()
        assert (rows["planned_start"] <= rows["planned_end"]).all()
    share_complete = (ms["status"] == "complete").groupby(plan).mean()
    assert share_complete["AP_PER01"] > 0.6 and share_complete["AP_PER02"] > 0.6
    assert share_complete["AP_PER04"] < share_complete["AP_PER01"]
    last_plan = ms[plan == "AP_PER04"]["status"]
    assert {"complete", "in_progress", "cancelled"} <= set(last_plan)
    weighted = ms[ms["weight"] != ""]
    assert 3 <= weighted["commitment"].nunique() <= 12
    # where a commitment has weights, all its milestones have one
    assert (ms[ms["commitment"].isin(weighted["commitment"])]["weight"] != "").all()
    assert set(ms["evidence_url"]) == {""}


def test_sed016_participation_answers_improve_and_organizations_come_and_go(smp):
    p = smp["participation"]
    assert set(vocab.PARTICIPATION_CHANNELS) - {"forum_meeting"} <= set(p["channel"])
    consult = p[p["channel"] == "public_consultation"]
    assert set(consult["action_plan"]) == {"AP_PER01", "AP_PER02", "AP_PER03", "AP_PER04"}
    sums = (
        p.assign(r=_num(p, "contributions_received"), a=_num(p, "contributions_answered"))
        .groupby("action_plan")[["r", "a"]]
        .sum()
    )
    rate = (sums["a"] / sums["r"]).loc[["AP_PER01", "AP_PER02", "AP_PER03", "AP_PER04"]]
    assert rate.is_monotonic_increasing
    orgs_by_plan = consult[consult["organization"] != ""].groupby("action_plan")["organization"].apply(set)
    assert orgs_by_plan["AP_PER01"] & orgs_by_plan["AP_PER04"]  # some return every time
    assert orgs_by_plan["AP_PER01"] - orgs_by_plan["AP_PER04"]  # some stop
    assert orgs_by_plan["AP_PER04"] - orgs_by_plan["AP_PER01"]  # some arrive later
    workshops = p[(p["channel"] == "workshop") & (p["forum"] != "")]
    assert set(workshops["forum"]) == {"PER-FMGA", "PER-AMBIENTE", "PER-VIVIENDA"}
    assert (workshops["commitment"] != "").all()
    assert (p["gender"] != "").any() and (p["gender"] == "").any()


def test_sed017_seed_and_sample_never_mix(seed, smp):
    assert not set(seed) & set(smp)
    for frame in (*seed.values(), *smp.values()):
        assert set(frame["source"]) == {""}  # the importer's origin marks every row
    assert set(smp["milestones"]["commitment"]) <= set(seed["commitments"]["id"])
    # Invented organizations say so; only public bodies keep their real names.
    orgs = smp["organizations"]
    public = orgs["stakeholder_type"].isin(vocab.GOVERNMENT_STAKEHOLDERS)
    assert orgs.loc[~public, "name"].str.endswith("(muestra)").all()
    assert not orgs.loc[public, "name"].str.contains("muestra").any()
    assert set(orgs["stakeholder_type"]) == set(vocab.STAKEHOLDER_TYPES)
    # The seed holds only facts: no value the document lacks.
    commitments = seed["commitments"].set_index("id")
    assert set(commitments.drop(index="PE0066")["status"]) == {""}
    assert set(commitments.drop(index="PE0066")["description"]) == {""}


def test_sed018_no_todays_date_in_the_sample():
    source = (ROOT / "data" / "seed" / "sample.py").read_text(encoding="utf-8")
    assert "today(" not in source and "now(" not in source
    assert SAMPLE_AS_OF == dt.date(2026, 10, 31)
