"""The forum brief's tables as CSV and XLSX, without a browser: each table's
columns, rows and values in both languages from small hand-made data where the
right answer is known (tests/test_forum_brief.py's forums), empty tables, the
stores the page draws (only beside a drawn table) and the files the shared
download callback makes of them."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from dashboard.components.downloads import send_table
from dashboard.export_files import ExportTable, file_name
from dashboard.exports import forum_brief as exports
from data.queries import forum_brief as q
from tests.downloads import download, stores
from tests.test_forum_brief import TODAY, _build


@pytest.fixture(scope="module")
def brief_url(tmp_path_factory):
    from data.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('brief') / 'brief.sqlite3'}"
    migrate(url)
    _build(url)
    return url


@pytest.fixture(scope="module")
def brief(brief_url):
    return q.forum_brief(brief_url, "F-A", TODAY)


def test_bxp001_milestones_due_since_and_next_as_data(brief):
    since = exports.due_since_table(brief, "es")
    assert since.columns == [
        "Compromiso",
        "N.º de hito",
        "Hito",
        "Responsable",
        "Fin previsto",
        "Estado al 2024-06-01",
        "Avance (%)",
        "Avance esperado (%)",
    ]
    rows = since.payload()["rows"]
    assert rows == [
        ["C1", 1, "Hito C1.1", "Ministerio", "2024-05-10", "Completado", 100.0, 100.0],
        ["C2", 3, "Hito C2.3", "Ministerio", "2024-05-20", "Cancelado", 0.0, 100.0],
    ]
    assert since.params == {"forum": "F-A", "asof": "2024-06-01"} and not since.sample
    assert since.sources == ["archivo importado: forums.csv"]
    assert since.title == "Hitos vencidos desde la última sesión"
    assert file_name(since, TODAY, "csv") == "ogp-monitor_foros_hitos-vencidos_asof-2024-06-01_F-A_2024-06-01.csv"
    following = exports.due_next_table(brief, "en")
    assert following.title == "Milestones due in the next 90 days" and following.columns[5] == "State on 2024-06-01"
    assert following.columns[:3] == ["Commitment", "Milestone no.", "Milestone"]
    assert [r[:2] for r in following.rows] == [["C2", 1]] and following.rows[0][5] == "At risk"
    assert following.rows[0][6] == 10.0 and following.rows[0][7] == round(152 / 196 * 100, 1)
    assert (
        file_name(following, TODAY, "xlsx")
        == "ogp-monitor_forums_milestones-due-next_asof-2024-06-01_F-A_2024-06-01.xlsx"
    )


def test_bxp002_late_and_at_risk_say_how_far_behind(brief):
    late = exports.late_table(brief, "es")
    assert late.columns[-2:] == ["Días vencido", "Puntos por detrás del avance esperado"]
    # C1.3 ended 15 Feb: 107 days overdue on 1 Jun; C2.1 at 10 % of the 77.6 % its schedule expects
    assert [r[:2] + r[5:] for r in late.rows] == [
        ["C1", 3, "Atrasado", 30.0, 100.0, 107, None],
        ["C2", 1, "En riesgo", 10.0, round(152 / 196 * 100, 1), None, round(152 / 196 * 100 - 10, 1)],
    ]
    english = exports.late_table(brief, "en")
    assert english.title == "Late and at-risk milestones" and english.rows[0][5] == "Late"
    assert english.columns[-2:] == ["Days overdue", "Points behind expected progress"]
    assert exports.behind({"state": "complete"}, TODAY) == (None, None)


def test_bxp003_attendance_at_recent_meetings_as_data(brief):
    table = exports.attendance_table(brief, "es")
    assert table.columns == [
        "Fecha",
        "Tipo de sesión",
        "Personas",
        "Personas: Gobierno nacional",
        "Personas: Sociedad civil nacional",
        "Personas: Sociedad civil local",
        "Miembros presentes",
        "Organizaciones miembro ese día",
        "Asistencia de miembros (%)",
        "Acuerdos",
    ]
    assert table.payload()["rows"] == [
        ["2024-05-01", "Ordinaria", 7, 2, 0, 5, 1, 2, 50.0, 2],
        ["2024-02-01", "Ordinaria", 2, 1, 1, 0, 2, 2, 100.0, 2],
    ]
    english = exports.attendance_table(brief, "en")
    assert english.columns[3] == "People: National government" and english.rows[0][1] == "Ordinary"
    assert english.title == "Attendance at recent meetings" and english.sources == ["imported file: forums.csv"]


def test_bxp004_contributions_awaiting_an_answer_one_row_per_occasion(brief):
    table = exports.awaiting_table(brief, "es")
    assert table.columns == [
        "Fecha",
        "Canal",
        "Enviado por el foro",
        "Compromiso",
        "Quién espera respuesta (aportes pendientes)",
        "Registros de participación",
        "Aportes recibidos",
        "Aportes respondidos",
        "Aportes pendientes",
    ]
    assert table.payload()["rows"] == [
        [
            "2024-04-01",
            "Taller",
            "Sí",
            "C1",
            "ONG Uno (Sociedad civil nacional): 3; Público (Sociedad civil local): 1",
            2,
            7,
            3,
            4,
        ],
        ["2024-03-01", "Taller", "No", "C2", "Público (Sociedad civil local): 1", 1, 4, 3, 1],
    ]
    # the totals the page's footer shows
    assert [sum(r[i] for r in table.rows) for i in (6, 7, 8)] == [11, 6, 5]
    english = exports.awaiting_table(brief, "en")
    assert english.rows[0][2:5] == [
        "Yes",
        "C1",
        "ONG Uno (Civil society (national)): 3; Public (Civil society (local)): 1",
    ]


def test_bxp005_empty_tables_keep_their_headers(brief_url):
    nothing = q.forum_brief(brief_url, "F-C", TODAY)  # a forum with nothing recorded
    tables = exports.brief_tables(nothing, "en")
    assert list(tables) == [exports.DUE_SINCE, exports.DUE_NEXT, exports.LATE, exports.ATTENDANCE, exports.AWAITING]
    assert all(table.rows == [] and table.columns for table in tables.values())
    assert tables[exports.DUE_SINCE].title == "Milestones due since the forum was created"
    assert tables[exports.ATTENDANCE].columns == [
        "Date",
        "Kind of meeting",
        "People",
        "Members present",
        "Member organizations that day",
        "Member attendance (%)",
        "Agreements",
    ]
    assert tables[exports.LATE].sources == [] and tables[exports.LATE].params == {"forum": "F-C", "asof": "2024-06-01"}
    again = ExportTable.from_payload(json.loads(json.dumps(tables[exports.AWAITING].payload())))
    assert again.rows == [] and len(again.columns) == 9
    # an empty table still downloads: its header row alone
    sent = send_table(tables[exports.LATE], "csv", TODAY, [])
    rows = list(csv.reader(io.StringIO(base64.b64decode(sent["content"]).decode("utf-8-sig"))))
    assert rows == [tables[exports.LATE].columns]


def test_bxp006_the_page_draws_downloads_beside_each_drawn_table_only(brief_url, brief):
    from dashboard.pages import forum_brief as page

    drawn = stores(page.brief_view(brief, "es", "?lang=es"))
    assert list(drawn) == [exports.DUE_SINCE, exports.DUE_NEXT, exports.LATE, exports.ATTENDANCE, exports.AWAITING]
    assert drawn[exports.LATE] == exports.late_table(brief, "es").payload()
    # the closed pilot F-B: nothing came due since its last meeting; one meeting (sample data) with
    # nobody and no agreements recorded
    closed = stores(page.brief_view(q.forum_brief(brief_url, "F-B", TODAY), "en", ""))
    assert list(closed) == [exports.DUE_NEXT, exports.LATE, exports.ATTENDANCE, exports.AWAITING]
    assert closed[exports.ATTENDANCE]["rows"] == [["2023-07-01", "Ordinary", 0, 0, 0, None, None]]
    assert closed[exports.ATTENDANCE]["sample"] and closed[exports.ATTENDANCE]["params"]["asof"] == "2024-04-15"
    assert not closed[exports.LATE]["sample"]  # its milestone comes from a file
    assert stores(page.brief_view(q.forum_brief(brief_url, "F-C", TODAY), "es", "")) == {}


@pytest.fixture(scope="module")
def app(brief_url):
    from dashboard.factory import create_app

    return create_app(brief_url, today=TODAY, migrate=False)


def test_bxp007_the_shared_callback_sends_a_brief_table_as_csv_and_xlsx(app, brief):
    sent = download(app, "csv", exports.awaiting_table(brief, "es").payload())
    assert sent["filename"] == "ogp-monitor_foros_aportes-sin-respuesta_asof-2024-06-01_F-A_2024-06-01.csv"
    rows = list(csv.reader(io.StringIO(base64.b64decode(sent["content"]).decode("utf-8-sig"))))
    assert rows[0][0] == "Fecha" and rows[1][:4] == ["2024-04-01", "Taller", "Sí", "C1"] and rows[2][-1] == "1"
    sent = download(app, "xlsx", exports.late_table(brief, "en").payload())
    assert sent["filename"] == "ogp-monitor_forums_late-and-at-risk-milestones_asof-2024-06-01_F-A_2024-06-01.xlsx"
    book = load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    sheet, about = book.worksheets
    assert sheet["E2"].value == dt.datetime(2024, 2, 15) and sheet["I2"].value == 107 and sheet["J3"].value == 67.6
    notes = dict(about.values)
    assert about.title == "Filters" and notes["Table"] == "Late and at-risk milestones"
    assert notes["Filter: Forum"] == "F-A" and notes["Filter: As of"] == dt.datetime(2024, 6, 1)  # a date cell
    assert notes["Rows"] == 2 and notes["Sources"] == "imported file: forums.csv" and notes["Sample data"] == "No"
