"""The milestone timeline without a browser: its queries on hand-made data
(SQLite and PostgreSQL), its figures, and its callbacks through Dash's endpoint."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from data import progress
from data.queries import timeline as q
from data.queries.scope import Scope

TODAY = dt.date(2020, 1, 1)
D = dt.date


# --- hand-made data: two plans, three commitments, seven milestones --------------------

MILESTONES = {
    # key: (commitment, number, start, end, actual end, status, progress)
    "T1.1": ("T1", 1, D(2019, 1, 1), D(2019, 6, 30), D(2019, 6, 15), "complete", 100),
    "T1.2": ("T1", 2, D(2019, 1, 1), D(2019, 12, 1), None, "in_progress", 50),  # ended below 100: late
    "T2.1": ("T2", 1, D(2019, 7, 1), D(2020, 6, 30), None, "in_progress", 10),  # expected 50: at risk
    "T2.2": ("T2", 2, D(2020, 3, 1), D(2020, 9, 30), None, "not_started", 0),
    "T3.1": ("T3", 1, D(2019, 10, 1), D(2020, 3, 31), None, "in_progress", 30),  # expected 50: fine
    "T3.2": ("T3", 2, D(2019, 1, 1), D(2019, 3, 31), None, "cancelled", 20),
    "T3.3": ("T3", 3, None, None, None, "not_started", 0),  # no dates
}
EVENTS = {
    "T1.1": [(D(2019, 3, 1), "in_progress", 40), (D(2019, 6, 15), "complete", 100)],
    "T1.2": [(D(2019, 3, 1), "in_progress", 20), (D(2019, 11, 1), "in_progress", 50)],
    "T2.1": [(D(2019, 9, 1), "in_progress", 10)],
    "T3.1": [(D(2019, 12, 1), "in_progress", 30)],
    "T3.2": [(D(2019, 2, 1), "in_progress", 20), (D(2019, 5, 1), "cancelled", 20)],
}
DRAWING_ORDER = ["T3.1", "T3.2", "T3.3", "T1.1", "T1.2", "T2.1", "T2.2"]  # newest plan first


def build(url: str) -> dict[str, int]:
    """The hand-made database; returns the milestone ids by key."""
    from data.db import session_scope
    from data.models import ActionPlan, Commitment, Country, Milestone, MilestoneEvent, Source

    loaded = dt.datetime(2020, 1, 1, 9, 0)
    with session_scope(url) as s:
        sample = Source(kind="sample", name="hand-sample", loaded_at=loaded)
        file = Source(kind="file", name="milestones.csv", loaded_at=loaded)
        s.add_all([sample, file])
        s.flush()
        s.add_all(
            [Country(code="TST", name="Testland", source=sample), Country(code="EMP", name="Emptyland", source=sample)]
        )
        s.add_all(
            [
                ActionPlan(id="AP_TST01", country_code="TST", number=1, cycle_year=2018, source=sample),
                ActionPlan(id="AP_TST02", country_code="TST", number=2, cycle_year=2020, source=sample),
                ActionPlan(id="AP_EMP01", country_code="EMP", number=1, cycle_year=2020, source=sample),
            ]
        )
        s.add_all(
            [
                Commitment(id="T1", action_plan_id="AP_TST01", number=1, title="Uno", title_en="One", source=sample),
                Commitment(id="T2", action_plan_id="AP_TST01", number=2, title="Dos", source=sample),
                Commitment(id="T3", action_plan_id="AP_TST02", number=1, title="Tres", source=sample),
                Commitment(id="E1", action_plan_id="AP_EMP01", number=1, title="Vacío", source=sample),
            ]
        )
        s.flush()
        made = {}
        for key, (cid, number, start, end, actual, status, done) in MILESTONES.items():
            from_file = cid == "T1"
            m = Milestone(
                commitment_id=cid,
                number=number,
                title=f"Hito {key} <b>",
                responsible="Oficina",
                planned_start=start,
                planned_end=end,
                actual_end=actual,
                status=status,
                progress=done,
                source=file if from_file else sample,
                source_row=number + 1 if from_file else None,
            )
            s.add(m)
            s.flush()
            made[key] = m.id
            for day, event_status, event_progress in EVENTS.get(key, []):
                s.add(
                    MilestoneEvent(
                        milestone_id=m.id, date=day, status=event_status, progress=event_progress, source=sample
                    )
                )
    return made


@pytest.fixture
def hand_url(migrated_url):
    return migrated_url, build(migrated_url)


def states(frame: pd.DataFrame, made: dict[str, int]) -> dict[str, str]:
    key_of = {v: k for k, v in made.items()}
    return {key_of[i]: s for i, s in zip(frame["id"], frame["state"].astype(str))}


# --- queries ----------------------------------------------------------------------------


def test_tml001_states_today_and_drawing_order(hand_url):
    url, made = hand_url
    frame = q.milestones(url, Scope(country="TST"), None, TODAY)
    assert states(frame, made) == {
        "T1.1": "complete",
        "T1.2": "late",
        "T2.1": "at_risk",
        "T2.2": "not_started",
        "T3.1": "in_progress",
        "T3.2": "cancelled",
        "T3.3": "not_started",
    }
    key_of = {v: k for k, v in made.items()}
    assert [key_of[i] for i in frame["id"]] == DRAWING_ORDER
    assert frame["rank"].tolist() == [0, 0, 0, 1, 1, 2, 2]
    # T1's milestones come from a file, the others from a sample
    assert dict(zip(frame["commitment_id"].astype(str), frame["sample"])) == {"T1": False, "T2": True, "T3": True}
    assert frame.loc[frame["id"] == made["T2.1"], "expected"].item() == pytest.approx(184 / 365 * 100)


def test_tml002_as_of_a_date_states_come_from_the_history(hand_url):
    url, made = hand_url
    mid = q.milestones(url, Scope(country="TST"), D(2019, 6, 30), TODAY)
    assert states(mid, made) == {
        "T1.1": "complete",
        "T1.2": "at_risk",
        "T2.1": "not_started",
        "T2.2": "not_started",
        "T3.1": "not_started",
        "T3.2": "cancelled",
        "T3.3": "not_started",
    }
    early = q.milestones(url, Scope(country="TST"), D(2019, 4, 1), TODAY)
    row = early[early["id"] == made["T1.1"]].iloc[0]
    assert row["state"] == "in_progress" and row["progress"] == 40
    assert pd.isna(row["actual_end"])  # it ended after that date


def test_tml003_state_and_date_window_select_milestones(hand_url):
    url, made = hand_url
    frame = q.milestones(url, Scope(country="TST"), None, TODAY)
    key_of = {v: k for k, v in made.items()}
    window = q.select_milestones(frame, None, D(2019, 7, 1), D(2019, 9, 30))
    assert sorted(key_of[i] for i in window["id"]) == ["T1.2", "T2.1"]  # their planned periods overlap it
    late = q.select_milestones(frame, "late")
    assert [key_of[i] for i in late["id"]] == ["T1.2"]
    assert q.select_milestones(frame, "at_risk", D(2021, 1, 1)).empty
    only_plan = q.milestones(url, Scope(country="TST", plan="AP_TST02"), None, TODAY)
    assert set(only_plan["commitment_id"].astype(str)) == {"T3"}
    assert q.milestones(url, Scope(country="EMP"), None, TODAY).empty


def test_tml004_pages_hold_whole_commitments_within_limits(hand_url):
    url, made = hand_url
    frame = q.milestones(url, Scope(country="TST"), None, TODAY)
    key_of = {v: k for k, v in made.items()}
    one = q.paginate(frame, 2, per_page=1)
    assert (one.number, one.pages, one.first_commitment, one.last_commitment, one.commitments) == (2, 3, 2, 2, 3)
    assert [key_of[i] for i in one.rows["id"]] == ["T1.1", "T1.2"]
    assert (one.dated, one.undated) == (6, 1)  # T3.3 has no dates: not drawn
    assert q.paginate(frame, 99, per_page=1).number == 3  # past the end: the last page
    assert q.paginate(frame, None).pages == 1
    by_rows = q.paginate(frame, 1, max_rows=4)
    assert [key_of[i] for i in by_rows.rows["id"]] == ["T3.1", "T3.2", "T1.1", "T1.2"]
    split = q.paginate(frame, 2, max_rows=1)  # a commitment larger than a page is split
    assert split.pages == 6 and [key_of[i] for i in split.rows["id"]] == ["T3.2"]
    assert q.paginate(frame.iloc[0:0], 1).pages == 1


def test_tml005_milestones_due_per_period_by_state(hand_url):
    url, _ = hand_url
    frame = q.milestones(url, Scope(country="TST"), None, TODAY)
    quarters = q.due_by_period(frame, "quarter")
    assert [str(p)[:10] for p in quarters.index] == [
        "2019-01-01",
        "2019-04-01",
        "2019-10-01",
        "2020-01-01",
        "2020-04-01",
        "2020-07-01",
    ]
    assert quarters.loc["2019-01-01", "cancelled"] == 1
    assert quarters.loc["2019-10-01", "late"] == 1
    assert quarters.loc["2020-04-01", "at_risk"] == 1
    assert int(quarters.to_numpy().sum()) == 6  # the undated milestone is not due anywhere
    months = q.due_by_period(frame, "month")
    assert [str(p)[:7] for p in months.index] == ["2019-03", "2019-06", "2019-12", "2020-03", "2020-06", "2020-09"]
    assert q.auto_period(frame) == "month"
    assert q.state_counts(frame) == {
        "not_started": 2,
        "in_progress": 1,
        "at_risk": 1,
        "late": 1,
        "complete": 1,
        "cancelled": 1,
    }
    reported, expected = q.progress_means(frame)
    assert reported == pytest.approx((30 + 100 + 50 + 10 + 0) / 5)
    assert expected == pytest.approx((92 / 182 * 100 + 100 + 100 + 184 / 365 * 100 + 0) / 5)


def test_tml006_details_give_titles_and_sources(hand_url):
    url, made = hand_url
    info = q.details(url, (made["T1.2"], made["T2.1"])).set_index("id")
    assert info.loc[made["T1.2"], "title"] == "Hito T1.2 <b>"
    assert (
        info.loc[made["T1.2"], "source_kind"],
        info.loc[made["T1.2"], "source_name"],
        info.loc[made["T1.2"], "source_row"],
    ) == ("file", "milestones.csv", 3)
    assert info.loc[made["T2.1"], "source_kind"] == "sample"
    assert info.loc[made["T1.2"], "commitment_title_en"] == "One"
    assert q.details(url, ()).empty
    assert q.country_has_milestones(url, "TST") and not q.country_has_milestones(url, "EMP")
    assert q.country_has_milestones(url, None)  # no country chosen: any milestone at all


def test_tml007_milestone_state_rule():
    frame = pd.DataFrame(
        {
            "planned_start": ["2019-01-01"] * 5 + [None],
            "planned_end": ["2019-06-30", "2019-06-30", "2020-12-31", "2020-12-31", "2019-06-30", None],
            "progress": [100, 40, 0, 60, 10, 0],
            "status": ["in_progress", "in_progress", "not_started", "in_progress", "cancelled", "not_started"],
        }
    )
    flagged = progress.milestone_flags(frame, TODAY)
    assert progress.milestone_state(flagged).tolist() == [
        "complete",
        "late",
        "at_risk",
        "in_progress",
        "cancelled",
        "not_started",
    ]


def test_tml008_peru_pages_cover_every_milestone_once(seeded_url):
    frame = q.milestones(seeded_url, Scope(country="PER"), None, dt.date(2026, 11, 27))
    assert len(frame) == 362 and frame["sample"].all()
    first = q.paginate(frame, 1)
    seen = []
    for number in range(1, first.pages + 1):
        one = q.paginate(frame, number)
        assert one.rows["commitment_id"].nunique() <= q.PAGE_COMMITMENTS and len(one.rows) <= q.PAGE_MILESTONES
        seen += one.rows["id"].tolist()
    assert sorted(seen) == sorted(frame["id"].tolist())
    assert first.commitments == 104 and first.pages == 5
    assert set(first.rows["commitment_id"].astype(str)) >= {"PE0084", "PE0104"}  # the newest plan comes first


# --- figures ----------------------------------------------------------------------------


def fake_rows(n: int, *, kind: str = "sample", seed: int = 1) -> pd.DataFrame:
    """``n`` milestones in commitments of three, as a page's rows with details."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2019-01-01") + rng.integers(0, 700, n).astype("timedelta64[D]")
    end = start + rng.integers(30, 300, n).astype("timedelta64[D]")
    states = np.array(q.DRAWN_STATES)[np.arange(n) % len(q.DRAWN_STATES)]
    return pd.DataFrame(
        {
            "id": np.arange(n),
            "commitment_id": [f"C{i // 3:05d}" for i in range(n)],
            "rank": np.arange(n) // 3,
            "number": np.arange(n) % 3 + 1,
            "start": start.astype("datetime64[s]"),
            "end": end.astype("datetime64[s]"),
            "actual_end": np.where(states == "complete", end, np.datetime64("NaT")).astype("datetime64[s]"),
            "progress": np.where(states == "complete", 100.0, 40.0),
            "expected": np.full(n, 60.0),
            "state": pd.Categorical(states, categories=q.DRAWN_STATES),
            "sample": kind == "sample",
            "title": [f"Hito número {i} con un título bastante largo para cortarlo en el eje" for i in range(n)],
            "responsible": "Secretaría",
            "commitment_title": "Compromiso",
            "commitment_title_en": "Commitment",
            "source_kind": kind,
            "source_name": "hand.csv" if kind == "file" else "hand-sample",
            "source_row": 7 if kind == "file" else None,
        }
    )


def test_tml010_trace_count_does_not_grow_with_milestones():
    from dashboard.figures.timeline import gantt_figure

    small = gantt_figure(fake_rows(3), "es", D(2020, 6, 1))
    large = gantt_figure(fake_rows(600), "es", D(2020, 6, 1))
    assert len(small["data"]) == len(large["data"]) == 11
    assert [t["name"] for t in small["data"]] == [t["name"] for t in large["data"]]
    bars = sum(len(t["y"]) for t in large["data"][: len(q.DRAWN_STATES)])
    assert bars == 600
    # one header row per commitment and one row per milestone, taller with more rows
    assert len(large["layout"]["yaxis"]["tickvals"]) == 600 + 200
    assert large["layout"]["height"] > small["layout"]["height"]


def test_tml011_states_have_their_colour_and_pattern():
    from dashboard import theme
    from dashboard.figures.timeline import due_figure, gantt_figure
    from dashboard.i18n import vocab_label

    figure = gantt_figure(fake_rows(12), "es", D(2020, 6, 1))
    due = due_figure(
        q.due_by_period(
            fake_rows(12).assign(end_month=lambda f: f["end"].to_numpy().astype("datetime64[M]").astype("int32")),
            "quarter",
        ),
        "quarter",
        "es",
        D(2020, 6, 1),
    )
    for traces in (figure["data"], due["data"]):
        by_name = {t["name"]: t for t in traces if t["type"] == "bar"}
        for state in q.DRAWN_STATES:
            marker = by_name[vocab_label("status", state, "es")]["marker"]
            assert marker["color"] == theme.STATUS_COLOURS[state]
            assert marker["pattern"]["shape"] == theme.STATUS_PATTERNS[state]
    late_flags = [t for t in figure["data"] if t.get("mode") == "markers+text" and t["name"] == "Atrasado"][0]
    assert set(late_flags["text"]) == {"Atrasado"} and late_flags["marker"]["symbol"] == theme.STATUS_SYMBOLS["late"]


def test_tml012_the_as_of_line_sits_at_the_as_of_date():
    from dashboard.figures.timeline import gantt_figure

    as_of = D(2020, 3, 15)
    figure = gantt_figure(fake_rows(30), "es", as_of, is_today=False)
    line = [s for s in figure["layout"]["shapes"] if s["type"] == "line"]
    at = pd.Timestamp(as_of).value // 10**6
    assert len(line) == 1 and line[0]["x0"] == line[0]["x1"] == at
    assert figure["layout"]["annotations"][0]["text"] == "<b>Situación al 15 mar 2020</b>"
    # years after the data: no line far away, an arrow at the edge says where today is
    later = gantt_figure(fake_rows(30), "en", D(2030, 1, 1))
    assert not [s for s in later["layout"]["shapes"] if s["type"] == "line"]
    assert later["layout"]["annotations"][0]["text"] == "<b>Today · 1 Jan 2030 →</b>"
    assert later["layout"]["xaxis"]["range"][1] < pd.Timestamp("2023-01-01").value // 10**6


def test_tml013_hover_and_legend_are_translated():
    from dashboard.figures.timeline import gantt_figure

    es = gantt_figure(fake_rows(6, kind="file"), "es", D(2020, 6, 1))
    en = gantt_figure(fake_rows(6), "en", D(2020, 6, 1))
    hover_es = es["data"][0]["hovertext"][0]
    hover_en = en["data"][0]["hovertext"][0]
    for word in (
        "Compromiso",
        "Responsable",
        "Planificado",
        "Término real",
        "Avance reportado",
        "Estado",
        "Fuente: archivo importado: hand.csv, fila 7",
    ):
        assert word in hover_es
    for word in (
        "Commitment",
        "Responsible",
        "Planned",
        "Actual end",
        "Reported progress",
        "State",
        "Source: sample: hand-sample · Sample data",
    ):
        assert word in hover_en
    assert [t["name"] for t in en["data"][:6]] == [
        "Late",
        "At risk",
        "In progress",
        "Not started",
        "Complete",
        "Cancelled",
    ]
    assert "Avance esperado a la fecha" in [t["name"] for t in es["data"]]
    assert es["layout"]["separators"] == ",\u00a0"


def test_tml014_thirty_thousand_milestones_aggregate_into_few_traces():
    import plotly.io.json as pj

    from dashboard.figures.timeline import due_caption, due_figure

    rows = fake_rows(30_000)
    rows["end_month"] = rows["end"].to_numpy().astype("datetime64[M]").astype("int32")
    period = q.auto_period(rows)
    table = q.due_by_period(rows, period)
    figure = due_figure(table, period, "es", D(2020, 6, 1))
    assert len(figure["data"]) == len(q.DRAWN_STATES)
    assert sum(int(np.sum(t["y"])) for t in figure["data"]) == 30_000
    assert len(pj.to_json_plotly(figure)) < 40_000  # a few hundred bars, not 30,000
    assert "30\u00a0000 hitos" in due_caption(table, period, "es")


def test_tml015_captions_say_what_the_chart_shows():
    from dashboard.figures.timeline import gantt_caption
    from dashboard.i18n import fmt_date

    rows = fake_rows(9)
    page = q.TimelinePage(rows, 2, 4, 4, 6, 12, 9, 0)
    text = gantt_caption(page, q.state_counts(rows), "es", D(2026, 11, 27))
    first, last = fmt_date(rows["start"].min(), "es"), fmt_date(rows["end"].max(), "es")
    assert text.startswith(
        f"Cronograma, página 2 de 4: 9 hitos de los compromisos 4 a 6 de 12, planificados del {first} al {last}."
    )
    assert "En esta página: atrasado: 1; en riesgo: 2; no iniciado: 2" in text and text.endswith("Hoy · 27 nov 2026.")


# --- callbacks through Dash's endpoint ------------------------------------------------------


@pytest.fixture(scope="module")
def peru_app(tmp_path_factory):
    from dashboard.factory import create_app
    from data.seed import seed_database

    url = f"sqlite:///{tmp_path_factory.mktemp('timeline') / 'peru.sqlite3'}"
    seed_database(url)
    return create_app(url, today=D(2026, 11, 27))


def post(app, fragments, values) -> dict:
    from benchmarks.dash_requests import dash_request, find_callback

    response = app.server.test_client().post(
        "/_dash-update-component", json=dash_request(app, find_callback(app, *fragments), values)
    )
    assert response.status_code == 200, response.data[:500]
    return json.loads(response.data)["response"]


def test_tml020_callbacks_draw_peru(peru_app):
    from benchmarks.cases_timeline import GANTT, SUMMARY, timeline_values

    summary = post(peru_app, SUMMARY, timeline_values("PER"))
    assert summary["timeline-due"]["className"] == "panel"
    assert "hitos en 104 compromisos" in json.dumps(summary["timeline-summary"], ensure_ascii=False)
    assert summary["timeline-due-badge"]["children"]["props"]["children"] == "Datos de muestra"
    links = [card["props"].get("href") for card in summary["timeline-summary"]["children"]]
    assert "/timeline?lang=es&country=PER&status=complete" in links  # a KPI opens its milestones
    gantt = post(peru_app, GANTT, timeline_values("PER", status="late", page=2))
    assert gantt["timeline-pager-text"]["children"].startswith("Página 2 de ")
    bars = gantt["timeline-gantt-graph"]["figure"]["data"][:6]
    assert len(bars[0]["y"]) > 0 and all(len(t["y"]) == 0 for t in bars[1:])  # only late ones
    assert gantt["timeline-gantt-graph"]["style"]["height"].endswith("px")


def test_tml021_no_match_explains_itself_with_a_reset(peru_app):
    from benchmarks.cases_timeline import GANTT, SUMMARY, timeline_values

    # today every Peru plan has ended: nothing can be merely "at risk"
    summary = post(peru_app, SUMMARY, timeline_values("PER", status="at_risk"))
    text = json.dumps(summary["timeline-summary"], ensure_ascii=False)
    assert "Ningún hito coincide con estos filtros." in text and '"reset-filters"' in text
    assert summary["timeline-due"]["className"] == "panel d-none"
    gantt = post(peru_app, GANTT, timeline_values("PER", status="at_risk", lang="en"))
    assert gantt["timeline-gantt"]["className"] == "panel d-none"


def test_tml022_nothing_a_client_sends_crashes_a_callback(peru_app):
    from benchmarks.cases_timeline import GANTT, SUMMARY, timeline_values

    garbage = dict(
        status="<script>",
        asof="not-a-date",
        start="2019-13-45",
        end=12,
        page="-3",
        plan=["x"],
        area=None,
        period="decade",
        institution="x" * 5000,
    )
    summary = post(peru_app, SUMMARY, timeline_values("PER", **garbage))
    assert summary["timeline-due"]["className"] == "panel"  # garbage is no filter: every milestone
    links = [card["props"].get("href") for card in summary["timeline-summary"]["children"]]
    assert "/timeline?lang=es&country=PER&status=late" in links  # and is not carried into links
    gantt = post(peru_app, GANTT, timeline_values(["PER"], lang="xx", **garbage))
    assert gantt["timeline-pager-text"]["children"].startswith("Página 1 de 5")  # no valid country: every one
    nowhere = post(peru_app, GANTT, timeline_values("ZZZ", **garbage))
    assert nowhere["timeline-gantt"]["className"] == "panel d-none"  # a country with no milestones


def test_tml023_as_of_moves_states_and_the_line(peru_app):
    from benchmarks.cases_timeline import GANTT, SUMMARY, timeline_values

    then = post(peru_app, SUMMARY, timeline_values("PER", asof="2019-06-30", lang="en"))
    shapes = then["timeline-due-graph"]["figure"]["layout"]["shapes"]
    assert shapes[0]["x0"] == pd.Timestamp("2019-06-30").value // 10**6
    assert "As of 30 Jun 2019" in json.dumps(then["timeline-due-graph"]["figure"]["layout"]["annotations"])
    gantt = post(peru_app, GANTT, timeline_values("PER", asof="2019-06-30", status="at_risk"))
    assert len(gantt["timeline-gantt-graph"]["figure"]["data"][1]["y"]) > 0  # at risk in mid-2019


def test_tml024_a_country_without_milestones_says_so(seeded_ogp_url):
    from dash import html

    from dashboard.pages import PageContext
    from dashboard.pages.timeline import GANTT_GRAPH, layout
    from data.queries import shell

    other = next(c for c in shell.countries(seeded_ogp_url)["code"] if c != "PER")
    ctx = PageContext(lang="es", params={"country": other, "lang": "es"}, db_url=seeded_ogp_url, today=D(2026, 11, 27))
    text = json.dumps(layout(ctx).to_plotly_json(), default=lambda o: o.to_plotly_json(), ensure_ascii=False)
    assert "no tiene hitos cargados" in text and GANTT_GRAPH not in text
    peru = layout(PageContext(lang="es", params={"country": "PER"}, db_url=seeded_ogp_url, today=D(2026, 11, 27)))
    assert isinstance(peru, html.Div) and GANTT_GRAPH in json.dumps(
        peru.to_plotly_json(), default=lambda o: o.to_plotly_json()
    )
