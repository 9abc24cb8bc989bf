"""The forum brief without a browser: its queries on SQLite and PostgreSQL over
small hand-made data where the right answer is known, the reference date, the
chart, the drawn sections and the pages for unknown forums."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data.queries import forum_brief as q

D = dt.date
TODAY = D(2024, 6, 1)


def _build(url: str) -> None:
    """Forum F-A (file data, active since 2024-01-01) follows C1 and C2, not C3;
    forum F-B (sample data) ended on 2024-04-15.  F-A met on 1 Feb, 1 May and
    1 Jul 2024; with today 1 Jun 2024 its last meeting is 1 May (31 days)."""
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
        forum_commitments,
    )

    with session_scope(url) as s:
        file = Source(kind="file", name="forums.csv", loaded_at=dt.datetime(2024, 1, 2))
        sample = Source(kind="sample", name="demo", loaded_at=dt.datetime(2024, 1, 1))
        s.add_all([file, sample])
        s.flush()
        s.add(Country(code="XYZ", name="Xyland", source=file))
        s.add(ActionPlan(id="AP_XYZ01", country_code="XYZ", source=file))
        s.flush()
        s.add_all(
            [
                Commitment(
                    id=c, action_plan_id="AP_XYZ01", title=f"Compromiso {c}", title_en=f"Commitment {c}", source=file
                )
                for c in ("C1", "C2", "C3")
            ]
        )
        s.flush()
        fa = Forum(
            code="F-A",
            country_code="XYZ",
            name="Foro A",
            kind="national",
            created=D(2024, 1, 1),
            legal_basis="Decreto 1",
            source=file,
        )
        fb = Forum(
            code="F-B",
            country_code="XYZ",
            name="Foro B",
            kind="sector_pilot",
            sector="Agua",
            created=D(2023, 6, 1),
            ended=D(2024, 4, 15),
            source=sample,
        )
        fc = Forum(code="F-C", country_code="XYZ", name="Foro C", kind="other", source=file)  # nothing recorded
        s.add_all([fa, fb, fc])
        s.flush()
        s.execute(
            forum_commitments.insert(),
            [
                {"forum_id": fa.id, "commitment_id": "C1"},
                {"forum_id": fa.id, "commitment_id": "C2"},
                {"forum_id": fb.id, "commitment_id": "C3"},
            ],
        )
        org = Organization(country_code="XYZ", name="ONG Uno", stakeholder_type="civil_society_national", source=file)
        gov = Organization(country_code="XYZ", name="Ministerio", stakeholder_type="national_government", source=file)
        s.add_all([org, gov])
        s.flush()
        for o in (org, gov):
            s.add(
                Membership(forum_id=fa.id, organization_id=o.id, role="titular", term_start=D(2024, 1, 1), source=file)
            )
        meetings = [
            Meeting(forum_id=fa.id, date=d, kind="ordinary", agreements=2, source=file)
            for d in (D(2024, 2, 1), D(2024, 5, 1), D(2024, 7, 1))
        ]
        meetings.append(Meeting(forum_id=fb.id, date=D(2023, 7, 1), kind="ordinary", source=sample))
        s.add_all(meetings)
        s.flush()
        # 1 May: the ministry (2 people) and 5 members of the public; 1 Feb: both organizations
        s.add_all(
            [
                Attendance(
                    meeting_id=meetings[1].id,
                    organization_id=gov.id,
                    stakeholder_type="national_government",
                    persons=2,
                    source=file,
                ),
                Attendance(
                    meeting_id=meetings[1].id,
                    organization_id=None,
                    stakeholder_type="civil_society_local",
                    persons=5,
                    source=file,
                ),
                Attendance(
                    meeting_id=meetings[0].id,
                    organization_id=gov.id,
                    stakeholder_type="national_government",
                    persons=1,
                    source=file,
                ),
                Attendance(
                    meeting_id=meetings[0].id,
                    organization_id=org.id,
                    stakeholder_type="civil_society_national",
                    persons=1,
                    source=file,
                ),
            ]
        )

        def milestone(commitment, number, start, end, status, progress, events=()):
            m = Milestone(
                commitment_id=commitment,
                number=number,
                title=f"Hito {commitment}.{number}",
                responsible="Ministerio",
                planned_start=start,
                planned_end=end,
                status=status,
                progress=progress,
                source=file,
            )
            s.add(m)
            s.flush()
            s.add_all(
                [MilestoneEvent(milestone_id=m.id, date=d, status=st, progress=p, source=file) for d, st, p in events]
            )

        # due since the last meeting (after 1 May, on or before 1 Jun): done on 5 May, half done on 1 Apr
        milestone(
            "C1",
            1,
            D(2024, 1, 1),
            D(2024, 5, 10),
            "complete",
            100.0,
            [(D(2024, 4, 1), "in_progress", 50.0), (D(2024, 5, 5), "complete", 100.0)],
        )
        milestone("C1", 2, D(2024, 1, 1), D(2024, 5, 1), "complete", 100.0)  # due on the meeting day: not since
        milestone("C1", 3, D(2023, 6, 1), D(2024, 2, 15), "in_progress", 30.0)  # late
        milestone("C2", 1, D(2024, 1, 1), D(2024, 7, 15), "in_progress", 10.0)  # due in 90 days; at risk
        milestone("C2", 2, D(2024, 8, 1), D(2024, 9, 15), "not_started", 0.0)  # after the 90 days
        milestone("C2", 3, D(2024, 1, 1), D(2024, 5, 20), "cancelled", 0.0)  # cancelled: never late
        milestone("C3", 1, D(2024, 1, 1), D(2024, 5, 20), "not_started", 0.0)  # not followed by F-A

        def part(day, received, answered, forum=None, commitment=None, organization=None, kind="civil_society_local"):
            s.add(
                Participation(
                    date=day,
                    channel="workshop",
                    country_code="XYZ",
                    forum_id=forum,
                    commitment_id=commitment,
                    organization_id=organization,
                    stakeholder_type=kind,
                    participants=1,
                    contributions_received=received,
                    contributions_answered=answered,
                    source=file,
                )
            )

        part(
            D(2024, 4, 1), 5, 2, forum=fa.id, commitment="C1", organization=org.id, kind="civil_society_national"
        )  # 3 pending, through the forum
        part(D(2024, 4, 1), 2, 1, forum=fa.id, commitment="C1")  # 1 pending, the public, same occasion
        part(D(2024, 3, 1), 4, 3, commitment="C2")  # 1 pending, about a followed commitment
        part(D(2024, 3, 1), 3, 3, commitment="C2")  # all answered
        part(D(2024, 3, 1), 4, 0, commitment="C3")  # not followed
        part(D(2024, 7, 10), 6, 0, forum=fa.id)  # after the reference date


@pytest.fixture
def brief_url(migrated_url):
    _build(migrated_url)
    return migrated_url


# --- the reference date ---------------------------------------------------------------------


def test_brf001_reference_date_is_today_the_close_or_the_date_asked():
    assert q.reference_for(TODAY, None, None) == (TODAY, q.REF_TODAY)
    assert q.reference_for(TODAY, None, D(2024, 4, 15)) == (D(2024, 4, 15), q.REF_CLOSED)
    assert q.reference_for(TODAY, D(2024, 3, 1), None) == (D(2024, 3, 1), q.REF_ASOF)
    # a date after the close is the close; a date before it, the date
    assert q.reference_for(TODAY, D(2024, 5, 1), D(2024, 4, 15)) == (D(2024, 4, 15), q.REF_CLOSED)
    assert q.reference_for(TODAY, D(2024, 4, 15), D(2024, 4, 15)) == (D(2024, 4, 15), q.REF_CLOSED)
    assert q.reference_for(TODAY, D(2024, 4, 1), D(2024, 4, 15)) == (D(2024, 4, 1), q.REF_ASOF)
    # the brief states facts, not forecasts: a future date is today; before the forum, its creation
    assert q.reference_for(TODAY, D(2030, 1, 1), None) == (TODAY, q.REF_TODAY)
    assert q.reference_for(TODAY, D(2023, 1, 1), None, D(2024, 1, 1)) == (D(2024, 1, 1), q.REF_ASOF)


def test_brf002_last_and_previous_meeting_on_or_before_the_reference():
    dates = [D(2024, 2, 1), D(2024, 5, 1), D(2024, 7, 1)]
    assert q.meetings_until(dates, TODAY) == (D(2024, 5, 1), D(2024, 2, 1))
    assert q.meetings_until(dates, D(2024, 5, 1)) == (D(2024, 5, 1), D(2024, 2, 1))  # on the day counts
    assert q.meetings_until(dates, D(2024, 3, 1)) == (D(2024, 2, 1), None)
    assert q.meetings_until(dates, D(2024, 1, 1)) == (None, None)


# --- the brief on both backends -----------------------------------------------------------------


def test_brf003_days_since_the_last_meeting_and_the_180_day_rule(brief_url):
    brief = q.forum_brief(brief_url, "F-A", TODAY)
    assert (brief.reference, brief.reference_kind) == (TODAY, q.REF_TODAY)
    assert (brief.last_meeting, brief.previous_meeting, brief.meetings_held) == (D(2024, 5, 1), D(2024, 2, 1), 2)
    assert brief.gap == {"start": D(2024, 5, 1), "days": 31, "kind": "since_last", "breach": False}
    assert brief.breaches == 0
    # as of a date before the first meeting: counted from the forum's creation
    early = q.forum_brief(brief_url, "F-A", TODAY, D(2024, 1, 20))
    assert early.last_meeting is None and early.meetings_held == 0
    assert early.gap["kind"] == "to_first" and early.gap["days"] == 19
    assert early.due_since_window == (D(2024, 1, 1), D(2024, 1, 20))  # since its creation
    # a date before the forum existed is read as its creation, and said so
    before = q.forum_brief(brief_url, "F-A", TODAY, D(2023, 5, 1))
    assert before.reference == D(2024, 1, 1) and before.asked_moved == "before_creation"
    assert before.gap["days"] == 0
    assert q.forum_brief(brief_url, "F-A", TODAY, D(2030, 1, 1)).asked_moved == "future"


def test_brf004_milestones_due_since_the_last_meeting_and_in_the_next_90_days(brief_url):
    brief = q.forum_brief(brief_url, "F-A", TODAY)
    assert brief.due_since_window == (D(2024, 5, 1), TODAY)
    assert brief.due_next_window == (TODAY, D(2024, 8, 30))
    # after the last meeting: C1.1 (10 May), not C1.2 (due on the meeting day), not C3 (not followed);
    # the cancelled C2.3 (20 May) is listed as cancelled
    since = brief.due_since
    assert list(zip(since["commitment_id"], since["number"])) == [("C1", 1), ("C2", 3)]
    assert since["state"].tolist() == ["complete", "cancelled"]
    assert since["title"].tolist() == ["Hito C1.1", "Hito C2.3"]
    following = brief.due_next
    assert list(zip(following["commitment_id"], following["number"])) == [("C2", 1)]
    assert brief.next_due["commitment_id"] == "C2" and brief.next_due["number"] == 2
    assert brief.next_due["planned_end"] == D(2024, 9, 15)


def test_brf005_late_and_at_risk_on_the_reference_date(brief_url):
    brief = q.forum_brief(brief_url, "F-A", TODAY)
    late = brief.late
    assert list(zip(late["commitment_id"], late["number"], late["state"])) == [("C1", 3, "late"), ("C2", 1, "at_risk")]
    # C2.1: 152 of 196 days elapsed (78 % expected) against 10 % reported
    assert late.iloc[1]["expected"] == pytest.approx(152 / 196 * 100)
    assert brief.live_milestones == 5  # six followed, one cancelled
    # as of 1 April, C1.1 stood at its 1 April report (50 %), not at today's 100 %
    april = q.forum_brief(brief_url, "F-A", TODAY, D(2024, 4, 1))
    states = april.due_next.set_index(["commitment_id", "number"])
    assert states.loc[("C1", 1), "progress"] == 50.0 and states.loc[("C1", 1), "state"] == "in_progress"
    # C1.3 had no report by then: not started at 0 %
    assert april.late.set_index(["commitment_id", "number"]).loc[("C1", 3), "progress"] == 0.0


def test_brf006_contributions_awaiting_an_answer(brief_url):
    brief = q.forum_brief(brief_url, "F-A", TODAY)
    rows = brief.awaiting
    # through the forum (2 records) and about C2 (1 record with answers pending); not C3, not
    # fully answered, not after the reference date
    assert len(rows) == 3 and rows["pending"].sum() == 5
    assert rows["via_forum"].tolist() == [True, True, False]
    assert set(rows["organization"].dropna()) == {"ONG Uno"}
    occasions = brief.occasions
    assert occasions[["date", "commitment_id", "pending", "records"]].values.tolist() == [
        [D(2024, 4, 1), "C1", 4, 2],
        [D(2024, 3, 1), "C2", 1, 1],
    ]
    assert occasions.iloc[0]["who"] == [("ONG Uno", "civil_society_national", 3), ("", "civil_society_local", 1)]
    # as of 1 March only the 1 March record counts
    march = q.forum_brief(brief_url, "F-A", TODAY, D(2024, 3, 1))
    assert march.awaiting["pending"].tolist() == [1]


def test_brf007_an_ended_forum_is_read_at_its_close_and_marked_as_sample(brief_url):
    brief = q.forum_brief(brief_url, "F-B", TODAY)
    assert (brief.reference, brief.reference_kind) == (D(2024, 4, 15), q.REF_CLOSED)
    assert brief.last_meeting == D(2023, 7, 1)
    assert brief.gap["days"] == (D(2024, 4, 15) - D(2023, 7, 1)).days and brief.gap["breach"]
    assert brief.breaches == 1
    assert brief.sample["forum"] and brief.sample["meetings"]
    assert not brief.sample["milestones"]  # C3's milestone comes from a file
    # F-A draws nothing from a sample source
    assert not any(q.forum_brief(brief_url, "F-A", TODAY).sample.values())


def test_brf008_recent_meetings_with_attendance_and_the_member_rate(brief_url):
    brief = q.forum_brief(brief_url, "F-A", TODAY)
    meetings = brief.meetings  # newest first, only those held by the reference date
    assert meetings["date"].tolist() == [D(2024, 5, 1), D(2024, 2, 1)]
    assert meetings[["persons", "members", "present"]].values.tolist() == [[7, 2, 1], [2, 2, 2]]
    assert meetings["rate"].tolist() == [50.0, 100.0]
    by_type = brief.attendance.groupby("meeting_id")["persons"].sum()
    assert sorted(by_type.tolist()) == [2, 7]


def test_brf009_sources_of_the_brief_and_an_unknown_forum(brief_url):
    brief = q.forum_brief(brief_url, "F-A", TODAY)
    parts = brief.sources.set_index("part")
    assert list(brief.sources["part"]) == ["forum", "commitments", "members", "meetings", "milestones", "participation"]
    assert parts.loc["meetings", "records"] == 2 + 4  # two meetings and four attendance rows, not July's
    assert parts.loc["participation", "records"] == 4  # every record up to the reference date, answered or not
    assert set(parts["kind"]) == {"file"}
    assert q.forum_brief(brief_url, "NOPE", TODAY) is None
    assert q.forum_header(brief_url, "F-A")["follows"]["id"].tolist() == ["C1", "C2"]


# --- the drawing ----------------------------------------------------------------------------------


def test_brf010_attendance_chart_is_sized_for_paper_and_translated(brief_url):
    from dashboard.figures import forum_brief as figures

    brief = q.forum_brief(brief_url, "F-A", TODAY)
    for lang, people, member in (("es", "Personas presentes", "miembros"), ("en", "People present", "members")):
        fig = figures.attendance_figure(brief.meetings, brief.attendance, lang)
        names = [tr["name"] for tr in fig["data"]]
        assert len(names) == 3 and fig["layout"]["yaxis"]["title"]["text"] == people
        assert fig["layout"]["height"] == figures.HEIGHT and "width" not in fig["layout"]
        labels = list(fig["layout"]["xaxis"]["categoryarray"])
        assert labels[0].startswith("1 feb 2024" if lang == "es" else "1 Feb 2024")  # oldest first
        texts = [a["text"] for a in fig["layout"]["annotations"]]
        assert f"1/2 {member}" in texts[1] and "7" in texts[1]
    assert {tr["name"] for tr in figures.attendance_figure(brief.meetings, brief.attendance, "en")["data"]} == {
        "National government",
        "Civil society (national)",
        "Civil society (local)",
    }


def _texts(component) -> str:
    """Every string in a component tree."""
    from dash.development.base_component import Component

    if isinstance(component, Component):
        return " ".join(_texts(getattr(component, p, None)) for p in ("children", "title"))
    if isinstance(component, (list, tuple)):
        return " ".join(_texts(c) for c in component)
    return str(component) if isinstance(component, (str, int, float)) else ""


def test_brf011_every_section_drawn_with_its_numbers_in_both_languages(brief_url):
    from dashboard.pages import forum_brief as page

    brief = q.forum_brief(brief_url, "F-A", TODAY)
    es = page.brief_view(brief, "es", "?lang=es")
    text = _texts(es)
    ids = [getattr(c, "id", None) for c in es if c is not None]
    assert ids[-6:] == [f"brief-{k}" for k in page.SECTIONS]
    assert "Situación al 1 de junio de 2024 (hoy)" in text
    assert "✓ 31 días: dentro del plazo de 180 días de OGP" in text
    assert "Vencieron desde la última sesión (1 may 2024 – 1 jun 2024): 2" in text
    assert "1 atrasados y 1 en riesgo, de 5 hitos vigentes." in text
    assert "5 aportes sin respuesta: 3 registros de participación en 2 ocasiones" in text
    assert "Datos de muestra" not in text  # nothing drawn comes from a sample source
    en = _texts(page.brief_view(brief, "en", "?lang=en"))
    assert "Situation as of 1 June 2024 (today)" in en and "Late and at-risk milestones" in en
    future = _texts(page.brief_view(q.forum_brief(brief_url, "F-A", TODAY, D(2030, 1, 1)), "en", ""))
    assert "The date asked for (1 Jan 2030) is after today: the brief shows today's situation." in future
    closed = _texts(page.brief_view(q.forum_brief(brief_url, "F-B", TODAY), "es", ""))
    assert "Situación al 15 de abril de 2024, cierre del foro" in closed
    assert "⚠ 289 días: supera el máximo de 180 días de OGP" in closed and "Datos de muestra" in closed


def test_brf012_unknown_or_malformed_forum_codes_get_a_friendly_page(brief_url):
    from dashboard.pages import PageContext
    from dashboard.pages import forum_brief as page

    for code in ("NOPE", "<script>", "x" * 300):
        ctx = PageContext(
            lang="es",
            params={"lang": "es", "country": "XYZ"},
            db_url=brief_url,
            today=TODAY,
            path_args={"forum_code": code},
        )
        text = _texts(page.layout(ctx))
        assert "Foro no encontrado" in text and code[:120] in text
    # the forum decides the country, whatever the header's: its links go to its country's views
    ctx = PageContext(
        lang="en",
        params={"lang": "en", "country": "PER"},
        db_url=brief_url,
        today=TODAY,
        path_args={"forum_code": "F-A"},
    )
    drawn = page.layout(ctx)
    assert "Meeting brief: Foro A" in _texts(drawn)
    assert "/forums?lang=en&country=XYZ&forum=F-A" in str(drawn)
    context = next(c for c in drawn.children if getattr(c, "id", None) == page.CONTEXT)
    assert context.data["code"] == "F-A" and context.data["query"] == "?lang=en&country=XYZ"


def test_brf013_the_router_finds_the_brief_and_still_routes_forums_to_the_comparison():
    from dashboard.pages import all_pages, match

    pages = all_pages()
    assert match("/forums", pages)[0].name == "forums"
    page, args = match("/forums/PER-AMBIENTE/brief", pages)
    assert page.name == "forum_brief" and args == {"forum_code": "PER-AMBIENTE"}
    assert match("/forums/PER-AMBIENTE", pages)[0] is None


def test_brf015_a_forum_with_nothing_recorded_says_so_in_every_section(brief_url):
    from dashboard.pages import forum_brief as page

    brief = q.forum_brief(brief_url, "F-C", TODAY)
    assert brief.gap is None and brief.last_meeting is None and brief.due_since_window == (None, TODAY)
    assert brief.meetings.empty and brief.awaiting.empty and brief.occasions.empty
    assert brief.sources["part"].tolist() == ["forum"]
    for lang, phrases in (
        (
            "es",
            [
                "Sin sesiones ni fecha de creación",
                "no tienen hitos cargados",
                "El foro no tuvo sesiones hasta el 1 jun 2024",
                "Ningún aporte espera respuesta",
                "Ninguno registrado",
            ],
        ),
        (
            "en",
            [
                "No meetings and no creation date",
                "have no milestones loaded",
                "The forum held no meeting up to 1 Jun 2024",
                "No contribution awaits an answer",
                "None recorded",
            ],
        ),
    ):
        text = _texts(page.brief_view(brief, lang, ""))
        assert all(p in text for p in phrases), [p for p in phrases if p not in text]


def test_brf014_both_peru_pilots_have_a_brief_with_data(seeded_url):
    for code in ("PER-AMBIENTE", "PER-VIVIENDA"):
        brief = q.forum_brief(seeded_url, code, D(2026, 11, 27))
        assert (brief.reference, brief.reference_kind) == (D(2019, 8, 31), q.REF_CLOSED)
        assert len(brief.meetings) == 6 and brief.attendance["persons"].sum() > 0
        assert len(brief.late) > 0 and brief.awaiting["pending"].sum() > 0
        assert all(brief.sample.values())
        assert isinstance(brief.due_since, pd.DataFrame)
