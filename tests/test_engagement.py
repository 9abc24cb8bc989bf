"""Engagement view without a browser: periods, who comes back, queries on both
backends, summaries, figures and what the callbacks return.

Hand-made data where the right answer is known (the issue asks for it), then
Peru's seeded sample for the view as a whole.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from plotly.utils import PlotlyJSONEncoder

from data import engagement as summary
from data.periods import in_window, period_range, period_start, shift_all, start_of
from data.queries.engagement import (
    EngagementFilter,
    activity,
    commitment_options,
    forum_options,
    organization_days,
    plan_periods,
    record_counts,
)
from data.turnover import crop_flow, organization_flow, organization_summary

D = dt.date
TODAY = D(2026, 11, 27)


def _ts(values) -> list:
    return [pd.Timestamp(v) for v in values]


def _text(component) -> str:
    return json.dumps(
        component.to_plotly_json() if hasattr(component, "to_plotly_json") else component,
        cls=PlotlyJSONEncoder,
        ensure_ascii=False,
    )


def _figure(body) -> dict:
    """The figure of a chart drawn by components.chart.described_graph."""
    return body.children[0].children.figure


def _summary(body) -> str:
    return body.children[1].children


# --- periods -----------------------------------------------------------------------------


def test_eng001_dates_fall_in_their_calendar_month_and_quarter():
    dates = ["2017-01-01", "2017-03-31", "2017-04-01", "2017-12-31", "1969-11-03", None]
    assert period_start(dates, "quarter").tolist()[:5] == _ts(
        ["2017-01-01", "2017-01-01", "2017-04-01", "2017-10-01", "1969-10-01"]
    )
    assert period_start(dates, "month").tolist()[:5] == _ts(
        ["2017-01-01", "2017-03-01", "2017-04-01", "2017-12-01", "1969-11-01"]
    )
    assert pd.isna(period_start(dates, "quarter").iloc[5])
    assert start_of(D(2019, 8, 31), "quarter") == pd.Timestamp("2019-07-01")
    # an unknown period falls back to quarters rather than failing
    assert period_start(["2017-05-22"], "year").tolist() == _ts(["2017-04-01"])


def test_eng002_period_range_keeps_empty_periods_and_shifts_across_years():
    assert list(period_range("2017-05-22", "2018-01-03", "quarter")) == _ts(
        ["2017-04-01", "2017-07-01", "2017-10-01", "2018-01-01"]
    )
    assert len(period_range("2012-02-23", "2025-10-24", "month")) == 14 * 12 - 1 - 2
    assert len(period_range(None, "2018-01-01", "month")) == 0
    assert list(shift_all(_ts(["2017-10-01", "2017-12-01"]), "quarter")) == [
        np.datetime64("2018-01-01"),
        np.datetime64("2018-03-01"),
    ]
    keep = in_window(["2017-01-01", "2017-06-30", "2017-07-01"], D(2017, 6, 30), None)
    assert keep.tolist() == [False, True, True]


# --- new, returning, stopped ----------------------------------------------------------------


def _org_days(rows):
    return pd.DataFrame(rows, columns=["organization_id", "date"]).assign(date=lambda f: pd.to_datetime(f["date"]))


def test_eng003_new_returning_and_stopped_on_a_known_history():
    # A: Q1, Q2 and Q4 of 2020; B: Q1 and Q2; C: only Q2; D: only Q4 (the last period).
    days = _org_days(
        [
            ("A", "2020-01-05"),
            ("A", "2020-02-01"),
            ("B", "2020-01-10"),
            ("A", "2020-04-02"),
            ("B", "2020-05-02"),
            ("C", "2020-04-03"),
            ("A", "2020-10-01"),
            ("D", "2020-12-01"),
        ]
    )
    flow = organization_flow(days, "quarter")
    assert list(flow.index) == _ts(["2020-01-01", "2020-04-01", "2020-07-01", "2020-10-01"])
    assert flow["present"].tolist() == [2, 3, 0, 2]
    assert flow["new"].tolist() == [2, 1, 0, 1]
    assert flow["returning"].tolist() == [0, 2, 0, 1]
    # B and C were last seen in Q2, so they stopped in Q3; A and D, seen in the
    # last period, are not counted as stopped anywhere.
    assert flow["stopped"].tolist() == [0, 0, 2, 0]
    # Q3 starts 153 days before the latest record: fewer than six months, provisional.
    assert flow["provisional"].tolist() == [False, False, True, True]
    assert (flow["present"] == flow["new"] + flow["returning"]).all()


def test_eng004_months_see_a_gap_that_quarters_do_not():
    days = _org_days([("A", "2020-01-05"), ("A", "2020-03-01"), ("B", "2020-01-06"), ("B", "2021-03-01")])
    months = organization_flow(days, "month")
    assert months.loc["2020-02-01", "present"] == 0
    assert months.loc["2020-03-01", "returning"] == 1  # A came back after a month away
    assert months.loc["2020-04-01", "stopped"] == 1  # A, last seen in March 2020
    assert not months.loc["2020-04-01", "provisional"]  # eleven months before B's last record
    quarters = organization_flow(days, "quarter")
    assert quarters.loc["2020-01-01", "present"] == 2 and quarters.loc["2020-01-01", "returning"] == 0
    assert organization_flow(days.iloc[:0], "month").empty


def test_eng005_a_window_crops_the_history_it_does_not_rewrite_it():
    days = _org_days([("A", "2015-05-01"), ("A", "2017-05-01"), ("B", "2017-05-02")])
    whole = organization_flow(days, "quarter")
    cropped = crop_flow(whole, period_range("2017-01-01", "2017-09-30", "quarter"))
    # Q3 lies after the latest record: nothing is known yet, so nobody has stopped.
    assert cropped.loc["2017-07-01"].tolist() == [0, 0, 0, 0, False]
    assert cropped.loc["2017-04-01", ["new", "returning"]].tolist() == [1, 1]  # A returns, B is new
    alone = organization_flow(days[days["date"] >= "2017-01-01"], "quarter")
    assert alone.loc["2017-04-01", ["new", "returning"]].tolist() == [2, 0]  # what a cropped history would say


def test_eng006_summary_gives_first_and_last_seen_and_periods():
    days = _org_days([("A", "2020-01-05"), ("A", "2020-02-01"), ("A", "2020-10-01"), ("B", "2020-05-02")])
    days["name"] = ["Org A", "Org A", "Org A", "Org B"]
    days["stakeholder_type"] = ["academia"] * 3 + ["private_sector"]
    table = organization_summary(days, "quarter")
    assert table["name"].tolist() == ["Org A", "Org B"]  # most constant first
    first = table.iloc[0]
    assert (first["first_seen"], first["last_seen"]) == (pd.Timestamp("2020-01-05"), pd.Timestamp("2020-10-01"))
    assert (first["periods"], first["days"], first["stakeholder_type"]) == (2, 3, "academia")
    assert organization_summary(days, "month").iloc[0]["periods"] == 3


# --- queries, on SQLite and PostgreSQL -----------------------------------------------------------


@pytest.fixture
def hand_url(migrated_url):
    """A small country whose engagement is known, one record of each kind."""
    from data.db import session_scope
    from data.models import (
        ActionPlan,
        Attendance,
        Commitment,
        Country,
        Forum,
        Meeting,
        Organization,
        Participation,
        Source,
    )

    with session_scope(migrated_url) as s:
        real = Source(kind="file", name="hand.csv", loaded_at=dt.datetime(2026, 11, 1, 9, 0))
        fake = Source(kind="sample", name="hand-sample", loaded_at=dt.datetime(2026, 11, 1, 9, 0))
        s.add_all([real, fake])
        s.flush()
        s.add_all([Country(code="PER", name="Peru", source=real), Country(code="CHL", name="Chile", source=real)])
        s.add_all(
            [
                ActionPlan(id="AP1", country_code="PER", number=1, start_year=2017, end_year=2019, source=real),
                ActionPlan(
                    id="AP2",
                    country_code="PER",
                    number=2,
                    start_year=2020,
                    start_date=D(2020, 1, 1),
                    end_date=D(2021, 6, 30),
                    source=real,
                ),
                ActionPlan(id="CL1", country_code="CHL", number=1, start_year=2018, source=real),
            ]
        )
        s.flush()
        s.add_all(
            [
                Commitment(id="C1", action_plan_id="AP1", title="Uno", source=real),
                Commitment(id="C2", action_plan_id="AP2", title="Dos", source=real),
            ]
        )
        amb = Forum(
            code="F-AMB",
            country_code="PER",
            name="Piloto Ambiente",
            kind="sector_pilot",
            sector="Ambiente",
            source=real,
        )
        nat = Forum(code="F-NAT", country_code="PER", name="Foro nacional", kind="national", source=real)
        a = Organization(country_code="PER", name="Org A", stakeholder_type="civil_society_national", source=real)
        b = Organization(country_code="PER", name="Org B", stakeholder_type="academia", source=real)
        c = Organization(country_code="PER", name="Org C", stakeholder_type="private_sector", source=real)
        s.add_all([amb, nat, a, b, c])
        s.flush()

        def take_part(
            day,
            channel,
            persons,
            received,
            answered,
            *,
            org=None,
            kind=None,
            gender=None,
            plan=None,
            commitment=None,
            forum=None,
            source=real,
        ):
            s.add(
                Participation(
                    date=day,
                    channel=channel,
                    country_code="PER",
                    forum_id=forum.id if forum else None,
                    action_plan_id=plan,
                    commitment_id=commitment,
                    organization_id=org.id if org else None,
                    stakeholder_type=kind or org.stakeholder_type,
                    gender=gender,
                    participants=persons,
                    contributions_received=received,
                    contributions_answered=answered,
                    source=source,
                )
            )

        take_part(D(2017, 5, 10), "public_consultation", 1, 10, 6, org=a, gender="female", plan="AP1")
        take_part(D(2017, 5, 10), "public_consultation", 20, 15, 3, kind="civil_society_local", plan="AP1")
        take_part(D(2017, 8, 2), "workshop", 2, 4, 4, org=b, gender="male", commitment="C1", forum=amb)
        take_part(D(2020, 3, 1), "online_comment", 1, 5, 0, org=a, plan="AP2", commitment="C2", forum=nat, source=fake)
        m1 = Meeting(forum_id=amb.id, date=D(2017, 7, 15), kind="ordinary", source=real)
        m2 = Meeting(forum_id=nat.id, date=D(2020, 2, 20), kind="ordinary", source=fake)
        s.add_all([m1, m2])
        s.flush()
        s.add_all(
            [
                Attendance(
                    meeting_id=m1.id,
                    organization_id=a.id,
                    stakeholder_type=a.stakeholder_type,
                    gender="female",
                    persons=2,
                    source=real,
                ),
                Attendance(
                    meeting_id=m1.id, organization_id=c.id, stakeholder_type=c.stakeholder_type, persons=1, source=real
                ),
                Attendance(
                    meeting_id=m2.id,
                    organization_id=b.id,
                    stakeholder_type=b.stakeholder_type,
                    gender="male",
                    persons=1,
                    source=fake,
                ),
            ]
        )
    return migrated_url


def _persons(url, **filters) -> int:
    return int(activity(url, EngagementFilter("PER", **filters))["persons"].sum())


def test_eng007_activity_counts_participation_and_forum_meetings(hand_url):
    frame = activity(hand_url, EngagementFilter("PER"))
    assert int(frame["persons"].sum()) == 28
    meetings = frame[frame["channel"] == "forum_meeting"]
    assert int(meetings["persons"].sum()) == 4
    assert meetings["received"].isna().all()  # not recorded at meetings: unknown, never 0
    assert int(frame["received"].sum()) == 34 and int(frame["answered"].sum()) == 13
    assert sorted(frame["gender"].dropna().unique()) == ["female", "male"]
    # The sample flag follows the records' sources.
    flagged = frame[frame["sample"]]
    assert sorted(flagged["channel"]) == ["forum_meeting", "online_comment"]
    assert activity(hand_url, EngagementFilter("CHL")).empty


def test_eng008_filters_by_forum_commitment_plan_and_channel(hand_url):
    assert _persons(hand_url, forums=("F-AMB",)) == 2 + 3  # its workshop and its meeting
    assert _persons(hand_url, commitment="C1") == 2  # meetings are tied to no commitment
    # The plan's own records and those of its commitments (the workshop names C1 only).
    assert _persons(hand_url, plan="AP1") == 1 + 20 + 2
    assert _persons(hand_url, plan="AP2") == 1
    assert _persons(hand_url, channels=("workshop", "forum_meeting")) == 2 + 4
    assert _persons(hand_url, channels=("public_consultation",)) == 21
    assert _persons(hand_url, forums=("F-NAT",), channels=("forum_meeting",)) == 1
    assert EngagementFilter("PER", plan="AP1").includes_meetings is False


def test_eng009_organization_days_counts_each_organization_once_a_day(hand_url):
    days = organization_days(hand_url, EngagementFilter("PER"))
    assert len(days) == 6
    assert sorted(days.loc[days["name"] == "Org A", "date"].dt.strftime("%Y-%m-%d")) == [
        "2017-05-10",
        "2017-07-15",
        "2020-03-01",
    ]
    assert set(days.loc[days["name"] == "Org C", "stakeholder_type"]) == {"private_sector"}
    flow = organization_flow(days, "quarter")
    assert flow.loc["2017-07-01", ["new", "returning"]].tolist() == [2, 1]
    assert flow.loc["2017-10-01", "stopped"] == 1  # Org C, never seen again
    assert flow.loc["2020-01-01", ["returning", "stopped"]].tolist() == [2, 0]


def test_eng010_options_counts_and_plan_periods(hand_url):
    assert record_counts(hand_url, "PER") == {"participation": 4, "attendance": 3}
    assert record_counts(hand_url, "CHL") == {"participation": 0, "attendance": 0}
    assert forum_options(hand_url, "PER")["code"].tolist() == ["F-NAT", "F-AMB"]  # national first
    assert commitment_options(hand_url, "PER")["id"].tolist() == ["C1", "C2"]
    spans = plan_periods(hand_url, "PER").set_index("id")
    assert (spans.loc["AP1", "start"], spans.loc["AP1", "end"]) == (
        pd.Timestamp("2017-01-01"),
        pd.Timestamp("2019-12-31"),
    )
    assert spans.loc["AP2", "end"] == pd.Timestamp("2021-06-30")
    open_plan = plan_periods(hand_url, "CHL").iloc[0]
    assert open_plan["open_end"] and open_plan["end"] == pd.Timestamp("2018-12-31")


# --- summaries and figures ----------------------------------------------------------------------------


@pytest.fixture
def small_activity():
    rows = [
        # date, channel, stakeholder type, gender, persons, received, answered, records, sample
        ("2017-05-10", "public_consultation", "civil_society_national", "female", 1, 10.0, 6.0, 1, False),
        ("2017-05-10", "public_consultation", "civil_society_local", None, 20, 15.0, 3.0, 1, False),
        ("2017-07-15", "forum_meeting", "civil_society_national", "female", 2, np.nan, np.nan, 1, False),
        ("2017-08-02", "workshop", "academia", "male", 2, 4.0, 4.0, 1, False),
        ("2020-03-01", "online_comment", "civil_society_national", None, 1, 5.0, 0.0, 1, True),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "date",
            "channel",
            "stakeholder_type",
            "gender",
            "persons",
            "received",
            "answered",
            "records",
            "sample",
        ],
    )
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_eng011_summaries_per_period_type_channel_and_gender(small_activity):
    shown = summary.keyed(small_activity, "quarter")
    periods = summary.axis_periods(shown, "quarter")
    assert len(periods) == 12  # 2017 Q2 to 2020 Q1, empty quarters included
    people = summary.people_by_type(shown, periods)
    assert people.columns.tolist() == ["civil_society_national", "civil_society_local", "academia"]  # vocabulary order
    assert people.loc["2017-04-01"].tolist() == [1, 20, 0]
    assert int(people.to_numpy().sum()) == 26
    by_channel = summary.contributions_by_channel(summary.with_contributions(shown)).set_index("channel")
    assert by_channel.index.tolist() == ["public_consultation", "workshop", "online_comment"]  # no forum meetings
    assert by_channel.loc["public_consultation", "rate"] == pytest.approx(36.0)
    assert by_channel.loc["online_comment", "rate"] == 0
    per_period = summary.contributions_per_period(summary.with_contributions(shown), periods)
    assert per_period.loc["2017-04-01", "received"] == 25 and np.isnan(per_period.loc["2018-01-01", "rate"])
    genders = summary.gender_by_channel(shown)
    assert genders.loc["all"].tolist() == [3, 2, 0, 21]  # female, male, other, unrecorded
    assert genders.loc["forum_meeting", "female"] == 2
    numbers = summary.totals(shown, pd.DataFrame({"organization_id": [1, 1, 2]}))
    assert numbers == {
        "persons": 26,
        "organizations": 2,
        "received": 34,
        "answered": 13,
        "rate": pytest.approx(13 / 34 * 100),
    }
    assert summary.window(shown, D(2020, 1, 1), None)["persons"].sum() == 1


def test_eng012_period_labels_follow_the_language():
    from dashboard.figures.engagement import period_label

    assert period_label("2017-04-01", "quarter", "es") == "T2 2017"
    assert period_label("2017-04-01", "quarter", "en") == "Q2 2017"
    assert period_label("2017-05-01", "month", "es") == "mayo 2017"
    assert period_label("2017-05-01", "month", "en") == "May 2017"


def test_eng013_stakeholder_chart_one_trace_per_type_with_plan_bands(small_activity):
    from dashboard import theme
    from dashboard.figures.engagement import by_stakeholder

    shown = summary.keyed(small_activity, "quarter")
    periods = summary.axis_periods(shown, "quarter")
    plans = pd.DataFrame(
        {
            "id": ["AP1", "AP9"],
            "label": ["2017–2019", "2031"],
            "start": _ts(["2017-01-01", "2031-01-01"]),
            "end": _ts(["2019-12-31", "2031-12-31"]),
            "open_end": [False, True],
        }
    )
    figure = by_stakeholder(
        summary.people_by_type(shown, periods), "quarter", "es", plans, "engagement.axis.participants"
    )
    names = [trace["name"] for trace in figure["data"]]
    assert names == ["Sociedad civil nacional", "Sociedad civil local", "Academia"]
    assert figure["data"][2]["marker"]["color"] == theme.STAKEHOLDER_COLOURS["academia"]
    assert figure["data"][2]["marker"]["pattern"]["shape"] == theme.STAKEHOLDER_PATTERNS["academia"]
    assert figure["layout"]["barmode"] == "stack"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Participantes"
    # Only the plan inside the axis is shaded, labelled, and cut at the axis' start.
    assert len(figure["layout"]["shapes"]) == 1 and figure["layout"]["shapes"][0]["x0"] == "2017-04-01"
    assert figure["layout"]["annotations"][0]["text"] == "Plan 2017–2019"
    assert "T2 2017" in list(figure["data"][0]["customdata"])
    assert "template" not in figure["layout"] or figure["layout"]["template"] is None


def test_eng014_turnover_chart_puts_stops_below_and_provisional_apart():
    from dashboard.figures.engagement import flow_figure

    flow = pd.DataFrame(
        {
            "present": [2, 3, 0, 2],
            "new": [2, 1, 0, 1],
            "returning": [0, 2, 0, 1],
            "stopped": [0, 0, 1, 1],
            "provisional": [False, False, False, True],
        },
        index=pd.DatetimeIndex(_ts(["2020-01-01", "2020-04-01", "2020-07-01", "2020-10-01"])),
    )
    figure = flow_figure(flow, "quarter", "en", None)
    by_name = {trace["name"]: trace for trace in figure["data"]}
    assert list(by_name) == ["New", "Returning", "Stopped", "Stopped (provisional)"]
    # Bars only where there is something: stops below zero, the provisional one apart.
    assert (list(by_name["Stopped"]["x"]), by_name["Stopped"]["y"].tolist()) == (["2020-08-16"], [-1])
    assert by_name["Stopped (provisional)"]["y"].tolist() == [-1]
    assert by_name["Stopped (provisional)"]["customdata"][0].tolist() == ["Q4 2020", 1]  # hover: how many, not -1
    assert by_name["New"]["y"].tolist() == [2, 1, 1]
    assert figure["layout"]["barmode"] == "relative"
    # Few periods: each one is named on the axis.
    assert list(figure["layout"]["xaxis"]["ticktext"]) == ["Q1 2020", "Q2 2020", "Q3 2020", "Q4 2020"]


def test_eng015_contribution_and_gender_charts_say_rate_and_unrecorded(small_activity):
    from dashboard.figures.engagement import contributions_by_channel, contributions_over_time, gender_split

    shown = summary.keyed(small_activity, "quarter")
    recorded = summary.with_contributions(shown)
    figure = contributions_by_channel(summary.contributions_by_channel(recorded), "es")
    received, answered = figure["data"]
    assert list(received["y"]) == ["Consulta pública", "Taller", "Comentario en línea"]
    assert answered["text"][0] == "9 (36\u00a0%)"
    over_time = contributions_over_time(
        summary.contributions_per_period(recorded, summary.axis_periods(shown, "quarter")), "quarter", "en", None
    )
    rate = over_time["data"][2]
    assert rate["yaxis"] == "y2" and over_time["layout"]["yaxis2"]["ticktext"][-1] == "100%"
    assert list(rate["text"]) == ["Q2 2017", "Q3 2017", "Q1 2020"]  # no rate where nothing was received
    gender = gender_split(summary.gender_by_channel(shown), "en")
    names = [trace["name"] for trace in gender["data"]]
    assert names == ["Women", "Men", "Not recorded"]  # "Other" has nobody and is left out
    unrecorded = gender["data"][2]
    assert list(gender["data"][0]["y"])[-1] == "All channels"
    assert unrecorded["x"][-1] == pytest.approx(21 / 26 * 100)
    assert unrecorded["marker"]["pattern"]["shape"] == "/"


# --- the view on Peru's sample ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY, migrate=False)


NO_FILTERS = {
    "forums": None,
    "commitment": None,
    "plan": None,
    "channel": None,
    "period": None,
    "start": None,
    "end": None,
}
PERU_ES = {"country": "PER", "lang": "es"}


def _view(app, **values):
    from callbacks.engagement import load

    return load(app, PERU_ES, {**NO_FILTERS, **values})


def test_eng016_peru_view_draws_every_section_with_sample_badges(app):
    from callbacks.engagement import contributions, history, overview

    view = _view(app)
    top = overview(app, view)
    assert len(top["kpis"]) == 4 and top["empty"] is None and top["results"] == {}
    people = _figure(top["people_body"])
    assert sum(float(np.sum(trace["y"])) for trace in people["data"]) == view.shown["persons"].sum()
    assert "Datos de muestra" in _text(top["people_badge"])
    rest = history(app, view)
    assert _figure(rest["flow_body"])["data"] and "Datos de muestra" in _text(rest["flow_badge"])
    # One row per organization present (an HTML table since main's accessibility work; 52 < its cap).
    assert _text(rest["table_body"]).count('"scope": "row"') == view.organizations["organization_id"].nunique()
    money = contributions(app, view)
    assert [trace["name"] for trace in _figure(money["contributions_body"])["data"]][:2] == [
        "Recibidos",
        "Con respuesta razonada",
    ]
    assert "No registrado" in _text(money["gender_body"])
    # Each chart's summary, from the same table, says when it draws sample data.
    assert _summary(money["gender_body"]).startswith("Con género registrado:")
    assert all(
        _summary(body).endswith("(Datos de muestra.)")
        for body in (top["people_body"], rest["flow_body"], money["contributions_body"])
    )


def test_eng017_filters_change_the_view(app):
    from callbacks.engagement import contributions, overview

    meetings = _view(app, channel=["forum_meeting"], period="month")
    assert set(meetings.shown["channel"]) == {"forum_meeting"}
    assert meetings.periods[1] - meetings.periods[0] <= pd.Timedelta(days=31)
    assert "no incluyen aportes" in _text(contributions(app, meetings)["contributions_body"])
    year = _view(app, start="2019-12-31", end="2019-01-01")  # reversed dates are put in order
    assert year.shown["date"].min() >= pd.Timestamp("2019-01-01")
    assert year.shown["date"].max() <= pd.Timestamp("2019-12-31")
    nothing = overview(app, _view(app, commitment="PE0001"))
    assert nothing["results"] == {"display": "none"} and "compromiso" in _text(nothing["empty"])


def test_eng018_malformed_inputs_are_dropped_not_fatal(app):
    from callbacks.engagement import overview, selection

    chosen, lang, period, start, end = selection(
        {"country": "<b>", "lang": "xx"},
        {
            "forums": ["<script>"],
            "channel": ["zzz", "workshop"],
            "period": "year",
            "start": "2019-02-30",
            "commitment": "x" * 500,
            "plan": 7,
            "end": None,
        },
    )
    assert chosen.country is None and chosen.forums == () and chosen.channels == ("workshop",)
    assert chosen.commitment is None and chosen.plan == "7"
    assert (lang, period, start, end) == ("es", "quarter", None, None)
    out = overview(app, _view(app, forums="not-a-list", channel=42, period=None))
    assert out["results"] in ({}, {"display": "none"})


def test_eng019_layout_explains_a_country_without_engagement_data(hand_url):
    from dashboard.pages import PageContext
    from dashboard.pages.engagement import layout

    page = _text(layout(PageContext(lang="en", params={"country": "CHL"}, db_url=hand_url, today=TODAY)))
    assert "No engagement data for this country" in page and "js-plotly" not in page
    page = _text(
        layout(
            PageContext(
                lang="es",
                params={"country": "PER", "forums": ["F-XX"], "commitment": "C9"},
                db_url=hand_url,
                today=TODAY,
            )
        )
    )
    assert "F-XX, C9" in page and "Se ignoró" in page
    assert "Ambiente" in page  # the sector button of its forums
