"""Exports without a browser: file names, CSV and XLSX bytes, what a table's
store may carry back, each view's tables as data, and the download callbacks
through Dash's endpoint."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.export_files import (
    NAMED_PARAMS,
    UNNAMED_PARAMS,
    ExportTable,
    export_name,
    file_name,
    filter_tokens,
    frame_rows,
    name_slug,
    slug,
    table_csv,
    table_xlsx,
)
from tests.downloads import download
from tests.downloads import stores as table_stores
from tests.explorer_data import build_small_country

TODAY = dt.date(2026, 11, 27)
ROOT = Path(__file__).resolve().parent.parent
SAFE_NAME = re.compile(r"[A-Za-z0-9_\-]+_\d{4}-\d{2}-\d{2}\.(csv|xlsx)")
HOSTILE = (
    "../../etc/passwd",
    "..\\..\\boot.ini",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "a/b\\c:d*e?f",
    "\x00\x1f",
    "C:\\Windows",
    "+1-2",
    "@SUM(A1)",
    "-x",
    "\tTAB",
)


def table(**changes) -> ExportTable:
    base = dict(
        view="overview",
        name="overview-attention",
        title="Hitos atrasados o por vencer",
        lang="es",
        columns=["Compromiso", "Fin previsto", "Avance (%)", "Nota"],
        rows=[["PE0040", "2013-06-08", 12.5, "Gestión pública"], ["PE0043", None, 0, None]],
        params={"country": "PER", "plan": "AP_PER03", "status": "late"},
        sample=True,
    )
    base.update(changes)
    return ExportTable(**base)


# --- names ----------------------------------------------------------------------------------------


def test_xpt001_file_names_say_view_table_filters_and_day():
    name = export_name(
        "Resumen",
        "Hitos atrasados o por vencer",
        {
            "lang": "es",
            "country": "PER",
            "plan": "AP_PER03",
            "area": "Gestión pública",
            "status": "late",
            "start": "2020-01-01",
            "forums": ["PER-AMBIENTE", "PER-VIVIENDA"],
            "page": 2,
            "projector": True,
        },
        TODAY,
        "csv",
    )
    assert name == (
        "ogp-monitor_resumen_hitos-atrasados-o-por-vencer_PER_AP_PER03_area-Gestion-publica_late_"
        "start-2020-01-01_PER-AMBIENTE-PER-VIVIENDA_page-2_2026-11-27.csv"
    )
    assert filter_tokens({"q": "agua potable", "lang": "en"}) == ["q-agua-potable"]
    assert name_slug("¿Cuándo vencen los hitos?") == "cuando-vencen-los-hitos"
    assert (
        name_slug("Compromisos por estado de implementación y área de política")
        == "compromisos-por-estado-de-implementacion"
    )  # cut at a word, at most 40 characters
    assert (
        file_name(table(), TODAY, "xlsx")
        == "ogp-monitor_resumen_hitos-atrasados-o-por-vencer_PER_AP_PER03_late_2026-11-27.xlsx"
    )


@pytest.mark.parametrize("hostile", HOSTILE)
def test_xpt002_no_title_or_filter_value_makes_a_path(hostile):
    name = export_name(hostile, hostile, {"q": hostile, "area": hostile, "plan": hostile}, TODAY, hostile)
    assert "/" not in name and "\\" not in name and ".." not in name and ":" not in name
    assert re.fullmatch(r"[A-Za-z0-9_\-]+_2026-11-27\.[a-z0-9_\-]+", name), name
    assert slug(hostile) and set(slug(hostile)) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    )
    assert len(export_name("x" * 500, "y" * 500, {"q": "z" * 100, "area": "w" * 200}, TODAY, "csv")) <= 170


def test_xpt003_png_names_in_the_browser_follow_the_same_rules():
    """assets/15_exports.js names chart images; its lists must match the URL's parameters."""
    from dashboard.state import PARAMS

    script = (ROOT / "assets" / "15_exports.js").read_text(encoding="utf-8")

    def js_list(name):
        found = re.search(rf"var {name} = \[([^\]]*)\]", script, re.S)
        return re.findall(r"'([a-z_]+)'", found.group(1))

    assert js_list("PARAMS") == [p.name for p in PARAMS]
    assert js_list("NAMED") == list(NAMED_PARAMS) and js_list("UNNAMED") == list(UNNAMED_PARAMS)
    assert js_list("LISTS") == [p.name for p in PARAMS if p.kind == "list"]
    assert "var APP = 'ogp-monitor'" in script and "MAX_NAME = 150" in script


# --- CSV and XLSX ---------------------------------------------------------------------------------


def test_xpt004_csv_is_utf8_with_bom_and_formula_like_text_is_defused():
    frame = pd.DataFrame(
        {
            "Área": ["Gestión", '=HYPERLINK("http://x")', "+1", "-2", "@A1", "\tx", None],
            "Avance (%)": [12.5, 0, None, -3, 1, 2, 3],
            "Fin": [dt.date(2020, 1, 2), None, None, None, None, None, pd.NaT],
        },
        dtype=object,
    )
    data = table_csv(list(frame.columns), frame_rows(frame))
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Área", "Avance (%)", "Fin"]
    assert rows[1] == ["Gestión", "12.5", "2020-01-02"]
    assert [r[0] for r in rows[2:]] == ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@A1", "'\tx", ""]
    assert rows[4][1] == "-3" and rows[7] == ["", "3", ""]  # numbers stay numbers; missing stays empty


def test_xpt005_xlsx_has_bold_header_widths_dates_and_a_filters_sheet():
    frame = pd.DataFrame(
        {
            "ID": ["PE1", "PE2"],
            "Título": ["=1+1", "Un título bastante largo " * 3],
            "Fin previsto": ["2013-06-08", None],
            "Avance (%)": [12.5, None],
        },
        dtype=object,
    )
    about = [("Vista", "Resumen"), ("Filtro: Plan", "=evil()"), ("Filas", 2)]
    book = load_workbook(
        io.BytesIO(
            table_xlsx(
                list(frame.columns), frame_rows(frame), "Hitos: atrasados/por vencer [1]", about, about_name="Filtros"
            )
        )
    )
    sheet, notes = book.worksheets
    assert sheet.title == "Hitos  atrasados por vencer  1" and notes.title == "Filtros"
    assert [c.value for c in sheet[1]] == ["ID", "Título", "Fin previsto", "Avance (%)"] and sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet["B2"].value == "=1+1" and sheet["B2"].data_type == "s" and sheet["B2"].quotePrefix
    assert sheet["C2"].value == dt.datetime(2013, 6, 8) and sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["D2"].value == 12.5 and sheet["D3"].value is None
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width >= 8
    assert list(notes.values) == [("Vista", "Resumen"), ("Filtro: Plan", "=evil()"), ("Filas", 2)]
    assert notes["B2"].data_type == "s" and notes["B2"].quotePrefix


# --- what a store may carry back --------------------------------------------------------------------


def test_xpt006_a_store_sent_back_is_checked_again():
    good = table().payload()
    again = ExportTable.from_payload(json.loads(json.dumps(good)))
    assert again.rows == table().rows and again.params == {"country": "PER", "plan": "AP_PER03", "status": "late"}
    for bad in (
        None,
        [],
        "x",
        {**good, "name": "../x"},
        {**good, "view": "Overview!"},
        {**good, "rows": [["only one cell"]]},
        {**good, "columns": []},
        {**good, "rows": [["a", "b", "c", "d"]] * 100_001},
    ):
        with pytest.raises(ValueError):
            ExportTable.from_payload(bad)
    crafted = ExportTable.from_payload(
        {
            **good,
            "params": {
                "status": "bogus",
                "plan": "a b",
                "q": "<script>",
                "forums": ["PER-X", "bad code"],
                "country": "PER",
                "unknown": "x",
                "start": "2020-13-01",
            },
            "rows": [[{"a": 1}, float("inf"), "x" * 40_000, 10**400]],
            "lang": "xx",
            "sources": ["a"] * 80,
            "title": "t" * 1000,
        }
    )
    assert crafted.params == {"country": "PER"} and crafted.lang == "es"
    assert crafted.rows == [["{'a': 1}", None, "x" * 32_767, str(10**400)[:32_767]]]
    assert len(crafted.sources) == 50 and len(crafted.title) == 300
    lazy = ExportTable.from_payload({**good, "lazy": True, "rows": "ignored", "columns": None})
    assert lazy.lazy and lazy.rows == [] and lazy.columns == []


def test_xpt007_the_filters_sheet_says_view_filters_date_sources_and_sample():
    from dashboard.export_files import about_rows

    rows = dict(
        about_rows(
            table(
                params={
                    "country": "PER",
                    "status": "late",
                    "channel": ["workshop"],
                    "period": "quarter",
                    "asof": "2020-06-30",
                }
            ),
            TODAY,
            ["muestra: peru-sample"],
        )
    )
    assert rows["Vista"] == "Resumen" and rows["Tabla"] == "Hitos atrasados o por vencer"
    assert rows["Filtro: Estado"] == "Atrasado" and rows["Filtro: Canal"] == "Taller"
    assert rows["Filtro: Agrupar por"] == "Trimestre" and rows["Filtro: Situación al"] == "2020-06-30"
    assert rows["Fecha de descarga"] == "2026-11-27" and rows["Filas"] == 2
    assert rows["Fuentes"] == "muestra: peru-sample" and rows["Datos de muestra"].startswith("Sí")
    english = dict(about_rows(table(lang="en", params={}, sample=False), TODAY, []))
    assert english["Filters"] == "None" and english["Sample data"] == "No" and english["View"] == "Overview"


# --- each view's tables as data ----------------------------------------------------------------------


def test_xpt008_milestone_texts_on_both_backends(migrated_url):
    from data.queries.exports import milestone_texts
    from data.queries.scope import Scope

    build_small_country(migrated_url)
    texts = milestone_texts(migrated_url, Scope(country="TST", plan="AP_TST01")).sort_values("title")
    assert texts["title"].tolist() == ["Hito dos", "Hito uno", "Único hito"]
    assert set(texts["commitment_title"]) == {"Foros de agua", "Datos abiertos"}
    assert set(texts["source_kind"]) == {"sample"} and set(texts["source_name"]) == {"testland-sample"}
    one = texts.set_index("title").loc["Hito uno"]
    assert one["commitment_title_en"] == "Water forums" and pd.Timestamp(one["planned_start"]).date() == dt.date(
        2018, 1, 1
    )
    narrower = milestone_texts(migrated_url, Scope(country="TST", institution="Ministerio de Gestión Pública"))
    assert sorted(narrower["title"]) == ["Hito dos", "Hito uno"]
    assert milestone_texts(migrated_url, Scope(country="NOPE")).empty


def test_xpt009_overview_lists_as_data(seeded_url):
    from dashboard.exports.overview import attention_table, meetings_table
    from data.queries.overview import overview

    data = overview(seeded_url, "PER", None, None, None, "late", None, TODAY.isoformat())
    params = {"lang": "es", "country": "PER", "status": "late", "projector": True}
    late = attention_table(data.attention, "es", params, data.sample_milestones)
    assert late.params == {"country": "PER", "status": "late"} and late.sample
    assert len(late.rows) == len(data.attention) and late.rows[0][0] == data.attention["commitment_id"].iloc[0]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", late.payload()["rows"][0][4])  # ISO, not "8 jun 2013"
    assert all(r[6] == "Atrasado" for r in late.rows) and isinstance(late.rows[0][5], float)
    met = meetings_table(data.meetings, "en", params, data.sample_forums)
    assert met.columns == ["Forum", "Forum code", "Date", "Kind of meeting", "Attendees", "Agreements"]
    assert [r[1] for r in met.rows] == data.meetings["forum_code"].tolist()


def test_xpt010_forum_tables_as_data(seeded_url):
    from dashboard.exports.forums import SUMMARY_ROWS, meetings_table, members_table, summary_table
    from data import forum_indicators as ind
    from data.queries import forums as queries

    comparison = queries.comparison(seeded_url, ["PER-AMBIENTE", "PER-VIVIENDA"], TODAY)
    summary = summary_table(comparison, "es")
    assert summary.columns == ["Indicador", "Foro Multiactor piloto – Ambiente", "Foro Multiactor piloto – Vivienda"]
    assert len(summary.rows) == len(SUMMARY_ROWS) and summary.rows[0][1:] == ["PER-AMBIENTE", "PER-VIVIENDA"]
    values = {row[0]: row[1:] for row in summary.payload()["rows"]}
    assert values["Organizaciones miembro"] == comparison["forums"]["members"].tolist()
    assert values["Cerrado"] == ["2019-08-31", "2019-08-31"]  # ISO dates, as data
    assert values["Tipo de foro"] == ["Piloto sectorial", "Piloto sectorial"]
    assert summary.params == {"forums": ["PER-AMBIENTE", "PER-VIVIENDA"]} and summary.sample
    frames = queries.forum_frames(seeded_url, ["PER-VIVIENDA"])
    meetings = ind.meeting_table(frames["meetings"], frames["attendance"], frames["present"], frames["memberships"])
    table_ = meetings_table(meetings, "PER-VIVIENDA", "Vivienda", "en", True)
    assert len(table_.rows) == len(meetings) and table_.params == {"forum": "PER-VIVIENDA"}
    assert table_.title == "Meetings of Vivienda" and table_.file_title == "meetings"
    members = members_table(
        ind.member_table(frames["memberships"], dt.date(2019, 8, 31)), "PER-VIVIENDA", "V", "es", True
    )
    assert {r[5] for r in members.rows} <= {"Vigente", "Anterior"} and members.rows[0][5] == "Vigente"


def test_xpt011_detail_page_draws_three_tables_with_their_data(seeded_url):
    from dashboard.pages.commitment_detail import render

    stores = table_stores(render(seeded_url, "PE0066", "es", (("country", "PER"), ("lang", "es")), TODAY))
    assert set(stores) == {"detail-milestones", "detail-irm", "detail-sources", "detail-participation"}
    milestones = ExportTable.from_payload(stores["detail-milestones"])
    assert len(milestones.rows) == 3 and milestones.params == {"country": "PER", "commitment": "PE0066"}
    assert (
        milestones.sample and milestones.rows[0][0] == 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", milestones.rows[0][5])
    )
    assert file_name(milestones, TODAY, "csv") == "ogp-monitor_compromisos_hitos_PER_PE0066_2026-11-27.csv"
    irm = ExportTable.from_payload(stores["detail-irm"])
    assert irm.columns[:3] == ["Campo", "Valoración", "Texto en la fuente"] and irm.sources
    assert ExportTable.from_payload(stores["detail-sources"]).rows[0][0].startswith("Compromiso")
    participation = ExportTable.from_payload(stores["detail-participation"])
    assert participation.columns[:3] == ["Vínculo", "Canal", "Registros"] and participation.sample
    assert participation.rows[0][:2] == ["En los foros que creó este compromiso", "Taller"]
    assert all(isinstance(v, int) for v in participation.rows[0][2:])


# --- the callbacks, through Dash's endpoint --------------------------------------------------------------


def _download(app, fmt: str, payload, clicks=1, name="overview-attention"):
    return download(app, fmt, payload, clicks, name)


@pytest.fixture(scope="module")
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY, migrate=False)


def test_xpt012_download_callbacks_send_the_table_as_csv_and_xlsx(app):
    sent = _download(app, "csv", table().payload())
    assert sent["filename"] == "ogp-monitor_resumen_hitos-atrasados-o-por-vencer_PER_AP_PER03_late_2026-11-27.csv"
    assert sent["type"] == "text/csv" and sent["base64"]
    rows = list(csv.reader(io.StringIO(base64.b64decode(sent["content"]).decode("utf-8-sig"))))
    assert rows == [
        ["Compromiso", "Fin previsto", "Avance (%)", "Nota"],
        ["PE0040", "2013-06-08", "12.5", "Gestión pública"],
        ["PE0043", "", "0", ""],
    ]
    sent = _download(app, "xlsx", table(lang="en", title="Late").payload())
    book = load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    assert book.sheetnames == ["Late", "Filters"] and sent["filename"].endswith("_late_2026-11-27.xlsx")
    notes = dict(book["Filters"].values)
    assert "sample: peru-sample" in notes["Sources"] and "seed document: ogp_pe0066_page.txt" in notes["Sources"]
    assert notes["Sample data"].startswith("Yes")


def test_xpt013_download_callbacks_refuse_what_a_page_cannot_send(app):
    assert _download(app, "csv", table().payload(), clicks=None) is None
    assert _download(app, "csv", {"view": "overview", "name": "x"}) is None
    assert _download(app, "xlsx", "<script>") is None
    assert _download(app, "csv", {**table().payload(), "lazy": True, "name": "no-such-lazy-table"}) is None


def test_xpt014_timeline_download_holds_every_filtered_milestone(app, seeded_url):
    from dashboard.exports.timeline import placeholder
    from data.queries import timeline as queries
    from data.queries.scope import Scope

    payload = placeholder("es", {"country": "PER", "status": "late", "page": 2}).payload()
    assert payload["rows"] == [] and payload["lazy"]
    sent = _download(app, "csv", payload, name="timeline-milestones")
    assert sent["filename"] == "ogp-monitor_cronograma_hitos_PER_late_2026-11-27.csv"
    rows = list(csv.reader(io.StringIO(base64.b64decode(sent["content"]).decode("utf-8-sig"))))
    frame = queries.select_milestones(queries.milestones(seeded_url, Scope(country="PER"), None, TODAY), "late")
    assert len(rows) - 1 == len(frame) > len(queries.paginate(frame, 1).rows)  # all of them, not one page
    assert rows[0][10] == "Estado al 2026-11-27" and {r[10] for r in rows[1:]} == {"Atrasado"}
    assert [r[0] for r in rows[1:]] == frame["commitment_id"].astype(str).tolist()  # the chart's order
    assert all(r[11] == "muestra: peru-sample" for r in rows[1:])
    book = load_workbook(
        io.BytesIO(base64.b64decode(_download(app, "xlsx", payload, name="timeline-milestones")["content"]))
    )
    assert dict(book["Filtros"].values)["Filtro: Estado"] == "Atrasado"


def test_xpt015_views_put_their_tables_in_stores(app):
    """Each view's callback fills its tables' stores (the engagement and the forum panel draw them)."""
    from benchmarks.dash_requests import dash_request, find_callback
    from dashboard.components.common import dom_id
    from dashboard.ids import date_filter_id, filter_id

    def post(fragment, values):
        key = find_callback(app, fragment)
        response = app.server.test_client().post("/_dash-update-component", json=dash_request(app, key, values))
        assert response.status_code == 200
        return response.data.decode()

    def value(name, v=None, prop="value", date=False):
        cid = date_filter_id(name) if date else filter_id(name)
        return {f"{dom_id(cid)}.{prop}": {"id": cid, "property": prop, "value": v}}

    text = post(
        "engagement-table-body.children",
        {
            "engagement-context.data": {"country": "PER", "lang": "es"},
            **value("forums", []),
            **value("commitment"),
            **value("plan"),
            **value("channel", ["workshop"]),
            **value("period", "quarter"),
            **value("start", "2019-01-01", "date", True),
            **value("end", None, "date", True),
        },
    )
    assert '"name":"engagement-organizations"' in text.replace(" ", "")
    assert '"params":{"country":"PER","start":"2019-01-01","channel":["workshop"],"period":"quarter"}' in text.replace(
        " ", ""
    )
    text = post(
        "forums-panel.children",
        {
            "forums-context.data": {"country": "PER", "lang": "en"},
            **value("forum", "PER-AMBIENTE"),
            **value("forums", ["PER-AMBIENTE"]),
        },
    )
    assert '"name": "forums-meetings"' in text or '"name":"forums-meetings"' in text
    assert "forums-members" in text


def test_xpt016_explorer_files_come_from_the_shared_code_with_a_filters_sheet(app):
    """The explorer's buttons are the shared pair's: its store holds the ids the grid
    shows (column filters included) and the rows are read at the click: same names, same
    defused cells, the Filters sheet."""
    from dashboard.pages.commitments import export_table

    shown = export_table("es", {"country": "PER", "plan": "AP_PER03"}, ["PE0066", "PE0001"], False)
    sent = _download(app, "xlsx", shown.payload())
    assert sent["filename"] == "ogp-monitor_compromisos_PER_AP_PER03_2026-11-27.xlsx"
    book = load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    assert book.sheetnames == ["Compromisos", "Filtros"] and book["Compromisos"].freeze_panes == "B2"
    assert [r[0] for r in book["Compromisos"].iter_rows(min_row=2, values_only=True)] == ["PE0066", "PE0001"]
    notes = dict(book["Filtros"].values)
    assert notes["Filtro: Plan de acción"] == "AP_PER03" and notes["Filas"] == 2
    assert notes["Datos de muestra"].startswith("Sí")
