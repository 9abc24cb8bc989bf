"""Charts' text alternatives, browser-free: the shared component and each
summary function on small known inputs (its numbers, both languages, empty)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from dash import dcc

from dashboard.components.chart import described_graph, summary_id, summary_text
from dashboard.i18n import fmt_list

D = dt.date
NBSP = "\u00a0"


# --- the component ---------------------------------------------------------------------------


def test_sum001_described_graph_links_the_graph_to_its_visible_summary():
    figure = described_graph(dcc.Graph(id="g", figure={}), "Tres hitos.", "es", sample=True)
    frame, caption = figure.children
    assert frame.children.id == "g" and frame.role == "group"
    assert frame.to_plotly_json()["props"]["aria-describedby"] == caption.id == summary_id("g") == "g-summary"
    assert caption.children == "Tres hitos. (Datos de muestra.)"
    assert "visually-hidden" not in caption.className  # shown, small and muted (assets/10_app.css)


def test_sum002_a_wrapped_graph_names_its_id_and_a_callback_fills_the_summary():
    figure = described_graph(dcc.Loading(dcc.Graph(id="g")), None, "en", graph_id="g")
    assert figure.children[1].id == "g-summary" and figure.children[1].children is None
    assert summary_text("", "en") == "The chart has no data to show."
    assert summary_text("Two.", "en", sample=True) == "Two. (Sample data.)"


def test_sum003_long_lists_are_capped():
    items = [str(i) for i in range(1, 9)]
    assert fmt_list(items[:5], "es") == "1; 2; 3; 4; 5"
    assert fmt_list(items, "es") == "1; 2; 3; 4; 5 y 3 más"
    assert fmt_list(items, "en", limit=2) == "1; 2 and 6 more"


# --- overview ----------------------------------------------------------------------------------

PLANS = pd.DataFrame(
    {
        "label": ["2012–2014", "2015–2016", "2017–2019"],
        "progress": [45.0, 62.4, 30.0],
        "expected": [100.0, 100.0, 80.0],
        "with_milestones": [3, 2, 0],
    }
)
AREAS = pd.DataFrame(
    {
        "area": ["Salud", "Salud", "Agua", ""],
        "category": ["complete", "late", "late", "late"],
        "commitments": [2, 3, 1, 1],
    }
)


def test_sum011_progress_by_plan_names_each_plan_drawn_and_the_extremes():
    from dashboard.figures.overview import progress_by_plan_summary

    es = progress_by_plan_summary(PLANS, "es")
    assert f"2012–2014 45{NBSP}% (100{NBSP}%); 2015–2016 62{NBSP}% (100{NBSP}%)" in es
    assert "2017–2019" not in es  # no milestones: not drawn, not summarised
    assert es.endswith(f"Mayor avance: 2015–2016 (62{NBSP}%); menor: 2012–2014 (45{NBSP}%).")
    en = progress_by_plan_summary(PLANS, "en")
    assert en.startswith("Reported progress by action plan") and "2015–2016 62% (100%)" in en
    assert progress_by_plan_summary(PLANS.iloc[[0]], "en") == (
        "Reported progress of the 2012–2014 action plan: 45% (expected by the date: 100%)."
    )
    assert "no progress to show" in progress_by_plan_summary(PLANS.iloc[[2]], "en")


def test_sum012_stacked_counts_give_rows_in_drawn_order_and_category_totals_only_where_they_count_commitments():
    from dashboard.figures.overview import stacked_counts_summary

    # By area a commitment with several areas counts in each: no total that would overcount.
    es = stacked_counts_summary(AREAS, "area", "implementation", "es")
    assert es == (
        "Compromisos por área de política (uno con varias áreas cuenta en cada una): "
        "Salud: 5 (completado 2, atrasado 3); (sin área de política): 1 (atrasado 1); Agua: 1 (atrasado 1)."
    )
    en = stacked_counts_summary(AREAS, "area", "implementation", "en")
    assert en.startswith(
        "Commitments by policy area (one with several areas counts in each): Salud: 5 (complete 2, late 3)"
    )
    irm = pd.DataFrame({"action_plan_id": ["P1", "P2"], "category": ["Complete", "Limited"], "commitments": [4, 1]})
    by_plan = stacked_counts_summary(
        irm, "action_plan_id", "irm", "en", row_labels={"P1": "2012", "P2": "2014"}, order=["P2", "P1"]
    )
    assert by_plan.endswith("By action plan: 2014: 1 (limited 1); 2012: 4 (complete 4).")
    assert stacked_counts_summary(AREAS.iloc[:0], "area", "implementation", "es") == "Ningún compromiso que contar."


# --- forums ------------------------------------------------------------------------------------


def _comparison() -> dict:
    """Two forums; the second has nothing recorded but its members."""
    forums = pd.DataFrame(
        {
            "code": ["A", "B"],
            "name": ["Ambiente", "Vivienda"],
            "created": [D(2018, 1, 1), D(2018, 6, 1)],
            "reference": [D(2019, 1, 1), D(2019, 1, 1)],
            "closed": [True, False],
            "non_government": [60.0, 50.0],
            "turnover": [10.0, float("nan")],
            "joined": [1, 0],
            "left": [2, 0],
            "meetings": [3, 0],
            "meetings_per_year": [3.0, 0.0],
            "longest_gap": [200, None],
            "breaches": [1, 0],
            "days_since_last": [10, float("nan")],
            "last_meeting": [D(2018, 12, 22), None],
            "attendance_rate": [75.0, float("nan")],
            "agreements_total": [7, 0],
            "agreements_mean": [3.5, float("nan")],
            "commitments": [2, 0],
            "milestones": [5, 0],
        }
    )
    day = pd.to_datetime(["2018-03-01", "2018-09-17", "2018-12-22"])
    return {
        "forums": forums,
        "members": pd.DataFrame(
            {
                "forum": ["A", "A", "B"],
                "stakeholder_type": ["national_government", "civil_society_national", "academia"],
                "role": ["titular", "suplente", "titular"],
                "seats": [4, 2, 3],
            }
        ),
        "gaps": pd.DataFrame({"forum": ["A"], "days": [200], "breach": [True]}),
        "attendance": pd.DataFrame(
            {
                "forum": ["A"] * 4,
                "meeting_id": [1, 1, 2, 3],
                "date": day[[0, 0, 1, 2]],
                "stakeholder_type": ["academia", "national_government", "academia", "academia"],
                "persons": [5, 7, 4, 6],
            }
        ),
        "rates": pd.DataFrame({"forum": ["A"] * 3, "date": day, "rate": [50.0, 100.0, 75.0]}),
        "meetings": pd.DataFrame({"forum": ["A"] * 3, "date": day, "agreements": [3, None, 4]}),
        "progress": pd.DataFrame(
            {
                "forum": ["A", "A"],
                "date": pd.to_datetime(["2018-06-30", "2018-12-31"]),
                "progress": [20.0, 40.0],
                "expected": [30.0, 60.0],
            }
        ),
    }


def test_sum021_each_forum_chart_is_summarised_forum_by_forum():
    from dashboard.pages.forums import FIGURES, SUMMARIES

    assert set(SUMMARIES) == {key for key, _, _ in FIGURES}
    comparison = _comparison()
    es = {key: summary(comparison, "es") for key, summary in SUMMARIES.items()}
    assert es["members"].startswith(
        "Puestos en cada foro: Ambiente: 6 puestos (Titular 4, Suplente 2; Gobierno "
        "nacional 4, Sociedad civil nacional 2); Vivienda: 3 puestos"
    )
    assert (
        f"Ambiente: 60{NBSP}% no gubernamentales, rotación 10{NBSP}% al año (altas: 1, bajas: 2)" in es["composition"]
    )
    assert "Ambiente: 3 desde su creación el 1 ene 2018 (3,0 al año), al cierre, 1 ene 2019" in es["cumulative"]
    assert "Ambiente: intervalo más largo 200 días, 1 por encima del máximo" in es["gaps"]
    assert "Vivienda: sin datos registrados" in es["gaps"]
    assert "Ambiente: 3 sesiones, 7,3 personas en promedio, máximo 12 el 1 mar 2018" in es["attendance"]
    assert f"promedio 75{NBSP}% en 3 sesiones (de 50{NBSP}% a 100{NBSP}%)" in es["rate"]
    assert "Ambiente: 7 en 2 sesiones con registro, 3,5 por sesión en promedio" in es["agreements"]
    assert f"al 31 dic 2018, avance reportado 40{NBSP}% frente a 60{NBSP}% esperado" in es["progress"]
    en = {key: summary(comparison, "en") for key, summary in SUMMARIES.items()}
    assert "Ambiente: 3 meetings, 7.3 people on average, most 12 on 1 Mar 2018" in en["attendance"]
    assert "Vivienda: no data recorded" in en["progress"]


# --- engagement --------------------------------------------------------------------------------

QUARTERS = pd.DatetimeIndex(["2019-01-01", "2019-04-01", "2019-07-01"])


def test_sum031_engagement_time_charts_name_the_span_the_peak_and_the_latest():
    from dashboard.figures.engagement import by_stakeholder_summary, contributions_over_time_summary, flow_summary

    people = pd.DataFrame({"academia": [1, 8, 2], "national_government": [0, 4, 1]}, index=QUARTERS)
    es = by_stakeholder_summary(people, "quarter", "es", "engagement.axis.participants")
    assert es == (
        "Participantes por trimestre, de T1 2019 a T3 2019: máximo 12 en T2 2019 (Academia 8; Gobierno "
        "nacional 4); en el último (T3 2019), 3."
    )
    assert by_stakeholder_summary(people, "quarter", "en", "engagement.axis.organizations").startswith(
        "Distinct organizations per quarter, from Q1 2019 to Q3 2019: most 12 in Q2 2019"
    )
    assert by_stakeholder_summary(people * 0, "quarter", "es", "engagement.axis.participants") == ""
    flow = pd.DataFrame(
        {"new": [5, 1, 0], "returning": [0, 4, 3], "stopped": [0, 2, 1], "provisional": [False, False, True]},
        index=QUARTERS,
    )
    assert flow_summary(flow, "quarter", "en") == (
        "Organizations per quarter, from Q1 2019 to Q3 2019: 6 new arrivals, 7 returns and 3 that stopped taking "
        "part (1 of them provisionally, in the latest periods). Most new arrivals: Q1 2019 (5)."
    )
    assert flow_summary(flow.iloc[:0], "quarter", "en") == ""
    contributions = pd.DataFrame(
        {"received": [10, 0, 30], "answered": [5, 0, 15], "rate": [50.0, np.nan, 50.0]}, index=QUARTERS
    )
    assert contributions_over_time_summary(contributions, "quarter", "es") == (
        f"Aportes por trimestre, de T1 2019 a T3 2019: 40 recibidos, 20 con respuesta razonada (50{NBSP}%). "
        "Más aportes: T3 2019 (30)."
    )


def test_sum032_contributions_by_channel_and_gender():
    from dashboard.figures.engagement import contributions_by_channel_summary, gender_summary

    table = pd.DataFrame(
        {"channel": ["workshop", "online_comment"], "received": [1200, 10], "answered": [600, 1], "rate": [50.0, 10.0]}
    )
    assert contributions_by_channel_summary(table, "en") == (
        "Contributions received and answered with reasons, by channel: Workshop: 1,200 received, 600 answered "
        "(50%); Online comment: 10 received, 1 answered (10%)."
    )
    assert f"Taller: 1{NBSP}200 recibidos" in contributions_by_channel_summary(table, "es")
    genders = pd.DataFrame(
        {"female": [3, 3], "male": [1, 1], "other": [0, 0], "unrecorded": [4, 4]}, index=["workshop", "all"]
    )
    assert gender_summary(genders, "en") == (
        "Gender recorded for 50% of participations; of those, 75% women and 25% men. Not recorded: 50%."
    )


# --- commitments explorer: IRM panels ------------------------------------------------------------


def test_sum041_irm_heatmap_and_diog_bars():
    from dashboard.figures.explorer import diog_summary, irm_heatmap_summary

    counts = pd.DataFrame([[0, 1], [4, 2]], index=["Minor", "Moderate"], columns=["Limited", "Complete"])
    es = irm_heatmap_summary(counts, "es", method="irm_classic")
    assert "7 compromisos evaluados" in es and "impacto potencial «Moderado» con cumplimiento «Limitado» (4)" in es
    assert es.endswith("Por cumplimiento: Limitado 4, Completo 3. Por impacto potencial: Menor 1, Moderado 6.")
    en = irm_heatmap_summary(counts, "en", method="irm_2021")
    assert "potential for results “Moderate” with completion “Limited” (4)" in en
    assert irm_heatmap_summary(counts * 0, "en", method="irm_2021") == ""
    dist = pd.DataFrame({"level": ["Worsens", "Major", "not_assessed"], "count": [0, 2, 9], "count_2021": [0, 0, 0]})
    assert diog_summary(dist, "en") == "Did it open government? Major 2. Not assessed: 9."
    assert diog_summary(dist, "es") == "¿Abrió el gobierno? Significativo 2. Sin evaluar: 9."


# --- commitment detail -------------------------------------------------------------------------


def test_sum051_milestone_timeline_and_progress_history():
    from dashboard.figures.commitment_detail import milestone_timeline_summary, progress_history_summary

    milestones = pd.DataFrame(
        {
            "number": [2, 1, 3],
            "planned_start": [D(2018, 4, 1), D(2018, 1, 1), None],
            "planned_end": [D(2018, 12, 31), D(2018, 3, 31), None],
            "progress": [40.0, 100.0, 0.0],
            "late": [True, False, False],
            "at_risk": [False, False, False],
        }
    )
    assert milestone_timeline_summary(milestones, "en", D(2019, 1, 10)) == (
        "2 milestones planned from 1 Jan 2018 to 31 Dec 2018; on 10 Jan 2019, late: 1; at risk: 0. "
        "Reported progress: Milestone 1: 100%; Milestone 2: 40%."
    )
    assert milestone_timeline_summary(milestones.iloc[[2]], "es", D(2019, 1, 10)) == (
        "Ningún hito tiene fecha de término planificada."
    )
    events = pd.DataFrame(
        {"number": [1, 2, 1], "date": [D(2018, 2, 1), D(2018, 5, 1), D(2018, 3, 1)], "progress": [50.0, 20.0, 100.0]}
    )
    rolled = pd.DataFrame({"date": [D(2018, 2, 1), D(2018, 3, 1), D(2018, 5, 1)], "progress": [25.0, 50.0, 60.0]})
    assert progress_history_summary(events, rolled, "es") == (
        f"3 reportes de avance del 1 feb 2018 al 1 may 2018; el avance del compromiso pasó de 25{NBSP}% a "
        f"60{NBSP}%. Último avance por hito: Hito 1: 100{NBSP}%; Hito 2: 20{NBSP}%."
    )
    assert progress_history_summary(events.iloc[:0], rolled.iloc[:0], "en") == ""


# --- forum brief -------------------------------------------------------------------------------


def test_sum061_brief_attendance_newest_meeting_first():
    from dashboard.figures.forum_brief import attendance_summary

    meetings = pd.DataFrame(
        {"date": [D(2019, 8, 27), D(2019, 7, 1)], "persons": [48, 14], "rate": [81.25, np.nan], "members": [16, 0]}
    )
    assert attendance_summary(meetings, "en") == (
        "People present at the last 2 meetings, from 1 Jul 2019 to 27 Aug 2019: 31.0 on average, most 48 on "
        "27 Aug 2019. By meeting: 27 Aug 2019, 48 (81% of members); 1 Jul 2019, 14."
    )
    assert attendance_summary(meetings.iloc[:0], "es") == ""
