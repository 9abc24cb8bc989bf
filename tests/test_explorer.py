"""The commitment explorer and detail without a browser: queries on SQLite and
PostgreSQL, the IRM methodology rule, sentinels, IRM counts against OGP's sheet,
figures, and downloads that hold exactly the rows shown."""

from __future__ import annotations

import base64
import csv
import io
import json

import pandas as pd
import pytest

from data import commitment_list, irm
from data.queries import commitment_detail as detail
from data.queries import explorer as queries
from tests.conftest import OGP_EXTRACT
from tests.explorer_data import TODAY, build_small_country

SENTINELS = {"", "ND", "NR", "NA", "N/A", "Not Applicable", "No early results to report yet", "Pending IRM Review"}


@pytest.fixture
def small_url(migrated_url):
    build_small_country(migrated_url)
    return migrated_url


@pytest.fixture(scope="module")
def ogp_sheet() -> pd.DataFrame:
    return pd.read_csv(OGP_EXTRACT, dtype=str, keep_default_na=False)


# --- the methodology rule ----------------------------------------------------------------------


def test_exp001_methodology_rule_reads_the_ratings_then_the_cycle():
    frame = pd.DataFrame(
        {
            "cycle_year": [2018, 2018, 2022, 2022, 2019, 2015, None],
            "potential_for_results": ["Modest", None, None, None, None, None, None],
            "early_results": [None, "Significant", None, None, None, None, None],
            "specificity": [None, None, None, None, None, None, None],
            "potential_impact": [None, "Moderate", None, "Minor", None, None, None],
            "completion_midterm": [None, None, None, None, None, None, None],
            "did_it_open_government": [None, None, None, None, None, None, None],
        }
    )
    assert list(irm.methodology(frame)) == [
        "irm_2021",  # a Potential for Results rating
        "irm_2021",  # an Early Results rating wins over a classic one
        "irm_2021",  # a 2022 plan with no classic rating
        "irm_classic",  # a 2022 plan that was rated with the classic methodology
        "irm_classic",  # a 2019 plan not rated yet
        "irm_classic",
        "irm_classic",  # no cycle known
    ]


def test_exp002_commitments_query_on_both_backends(small_url):
    table = queries.commitments(small_url, "TST", today=TODAY).set_index("id")
    assert list(table.index) == ["TL0004", "TL0005", "TL0001", "TL0002", "TL0003", "TL0006"]
    assert table.loc[["TL0001", "TL0002", "TL0003", "TL0004", "TL0005", "TL0006"], "method"].tolist() == [
        "irm_classic",
        "irm_classic",
        "irm_classic",
        "irm_2021",
        "irm_2021",
        "irm_2021",
    ]
    one = table.loc["TL0001"]
    assert one["plan_label"] == "2017–2019"
    assert one["lead_institution"] == "Ministerio de Gestión Pública"
    assert one["policy_areas"] == "Justice; Water"
    # Latest completion: the end of term wins over the progress report, and says so.
    assert (one["completion"], one["completion_stage"]) == ("Substantial", "end_of_term")
    assert one["progress"] == pytest.approx(70.0)
    assert one["implementation"] == "late"  # milestone 2 ended in 2019 at 40 %
    assert bool(one["sample_milestones"]) is True
    # Sentinels: no label, the raw text kept as given.
    two = table.loc["TL0002"]
    assert pd.isna(two["potential_impact"]) and two["potential_impact_raw"] == "ND"
    assert pd.isna(two["completion"]) and two["completion_raw"] == "NR"
    assert two["implementation"] == "not_started"
    assert table.loc["TL0003", "implementation"] == "no_data" and pd.isna(table.loc["TL0003", "progress"])
    assert (table.loc["TL0004", "completion"], table.loc["TL0004", "completion_stage"]) == ("Unclear", "end_of_term")


def test_exp003_scope_and_explorer_filters(small_url):
    assert list(queries.commitments(small_url, "TST", plan="AP_TST02", today=TODAY)["id"]) == ["TL0004", "TL0005"]
    assert list(queries.commitments(small_url, "TST", area="Water", today=TODAY)["id"]) == ["TL0001"]
    assert set(
        queries.commitments(small_url, "TST", institution="Ministerio de Gestión Pública", today=TODAY)["id"]
    ) == {"TL0001"}
    assert queries.commitments(small_url, "XXX", today=TODAY).empty
    table = queries.commitments(small_url, "TST", today=TODAY)
    pick = commitment_list.filter_commitments
    assert list(pick(table, status="no_data")["id"]) == ["TL0004", "TL0005", "TL0003", "TL0006"]
    assert list(pick(table, method="irm_2021")["id"]) == ["TL0004", "TL0005", "TL0006"]
    # Every word must match, ignoring case and accents, in titles, institution, areas, plan.
    assert list(pick(table, q="PARTICIPACION region")["id"]) == ["TL0003"]
    assert list(pick(table, q="gestion")["id"]) == ["TL0001"]
    assert list(pick(table, q="water forums")["id"]) == ["TL0001"]
    assert list(pick(table, q="2022–2024 justice")["id"]) == ["TL0004"]
    assert pick(table, q="nada-parecido").empty
    assert list(pick(table, status="late", method="irm_classic", q="tl00")["id"]) == ["TL0001"]


def test_exp004_panels_count_only_their_methodology(small_url):
    table = queries.commitments(small_url, "TST", today=TODAY)
    classic = irm.irm_matrix(table, "irm_classic")
    assert (classic.total, classic.rated) == (3, 1)
    assert classic.counts.loc["Moderate", "Substantial"] == 1 and int(classic.counts.to_numpy().sum()) == 1
    assert "Withdrawn" not in classic.counts.columns  # an empty rare end is left out
    results = irm.irm_matrix(table, "irm_2021")
    assert (results.total, results.rated) == (3, 1)
    assert results.counts.loc["Modest", "Unclear"] == 1
    # TL0006's Potential impact is not counted: it is a 2021-methodology commitment.
    assert list(results.counts.index) == ["Unclear", "Modest", "Substantial"]
    diog = irm.diog_distribution(table).set_index("level")["count"]
    assert diog["Major"] == 1 and diog["not_assessed"] == 5 and diog.sum() == 6
    assert list(irm.starred(table)["id"]) == ["TL0001"]
    assert irm.irm_rated(table).sum() == 3  # TL0001, TL0004, TL0006; the rest only sentinels


# --- against OGP's sheet ------------------------------------------------------------------------


def _csv_rule(sheet: pd.DataFrame) -> pd.Series:
    """The methodology rule written again, independently, on the sheet's own columns."""
    rated = lambda col: ~sheet[col].isin(SENTINELS)  # noqa: E731
    results = rated("Potential for Results") | rated("Early Results")
    classic = (
        rated("Specificity")
        | rated("Potential Impact")
        | rated("Completion (Progress Report)")
        | rated("Did It Open Government (Overall)")
    )
    cycle = pd.to_numeric(sheet["Year Of Submission"], errors="coerce").fillna(0)
    return pd.Series(results | ((cycle >= 2021) & ~classic), index=sheet.index).map(
        {True: "irm_2021", False: "irm_classic"}
    )


def _csv_matrix(sheet: pd.DataFrame, method: str) -> pd.Series:
    ambition = {"irm_classic": "Potential Impact", "irm_2021": "Potential for Results"}[method]
    scale = {
        "irm_classic": ("None", "Minor", "Moderate", "Transformative"),
        "irm_2021": ("Unclear", "Modest", "Substantial"),
    }[method]
    completion_scale = ("Unclear", "Withdrawn", "Not Started", "Limited", "Substantial", "Complete")
    end, mid = sheet["Completion (End Of Term)"], sheet["Completion (Progress Report)"]
    completion = end.where(end.isin(completion_scale), mid.where(mid.isin(completion_scale)))
    mine = sheet[(_csv_rule(sheet) == method) & sheet[ambition].isin(scale) & completion.notna()]
    return mine.groupby([mine[ambition], completion[mine.index]]).size()


def _db_matrix(table: pd.DataFrame, method: str) -> pd.Series:
    counts = irm.irm_matrix(table, method).counts.stack()
    return counts[counts > 0]


@pytest.mark.parametrize("method", ["irm_classic", "irm_2021"])
def test_exp005_irm_matrix_counts_match_ogps_sheet(seeded_ogp_url, ogp_sheet, method):
    everything = queries.commitments(seeded_ogp_url, None, today=TODAY)
    expected = _csv_matrix(ogp_sheet, method)
    got = _db_matrix(everything, method)
    assert got.sum() > 40
    assert got.to_dict() == {k: v for k, v in expected.to_dict().items()}
    # And country by country, as the page shows them.
    for code in ("UKR", "MKD", "GHA", "IDN"):
        table = queries.commitments(seeded_ogp_url, code, today=TODAY)
        country = ogp_sheet[ogp_sheet["Code"] == code]
        assert _db_matrix(table, method).to_dict() == _csv_matrix(country, method).to_dict(), code


def test_exp006_methodology_and_diog_match_ogps_sheet(seeded_ogp_url, ogp_sheet):
    everything = queries.commitments(seeded_ogp_url, None, today=TODAY).set_index("id")
    sheet = ogp_sheet.set_index("Commitment Unique Identifier")
    rule = _csv_rule(ogp_sheet).set_axis(sheet.index)
    assert (everything.loc[sheet.index, "method"] == rule).all()
    assert (rule == "irm_2021").sum() == 192
    scale = ("Worsens", "Did Not Change", "Marginal", "Major", "Outstanding")
    for code in ("UKR", "SRB", "HRV", "ARM"):
        rows = ogp_sheet[ogp_sheet["Code"] == code]
        diog = rows["Did It Open Government (Overall)"]
        got = irm.diog_distribution(queries.commitments(seeded_ogp_url, code, today=TODAY)).set_index("level")
        assert got["count"].drop("not_assessed").to_dict() == {level: int((diog == level).sum()) for level in scale}
        assert got.loc["not_assessed", "count"] == int((~diog.isin(scale)).sum())
        recent = diog[_csv_rule(rows) == "irm_2021"]
        assert got["count_2021"].sum() == int(recent.isin(scale).sum())
    everything = irm.diog_distribution(queries.commitments(seeded_ogp_url, None, today=TODAY))
    assert everything["count_2021"].sum() == 16


def test_exp007_sentinels_are_shown_as_given_never_as_numbers(seeded_ogp_url):
    from dashboard.components.explorer_table import grid_rows

    table = queries.commitments(seeded_ogp_url, "UKR", today=TODAY)
    rows = {r["id"]: r for r in grid_rows(table, "es")}
    raw = table.set_index("id")
    sentinel_cells = 0
    for cid, row in rows.items():
        for field in ("potential_impact", "potential_for_results", "did_it_open_government", "early_results"):
            given = raw.loc[cid, f"{field}_raw"]
            if isinstance(given, str) and given in SENTINELS - {""}:
                sentinel_cells += 1
                assert row[field] == given and row[f"{field}_rank"] == -1
    assert sentinel_cells > 50
    assert rows["UA0105"]["starred_text"] == "ND" and rows["UA0105"]["starred"] is False
    moderate = [r for r in rows.values() if raw.loc[r["id"], "potential_impact"] == "Moderate"]
    assert moderate and all(r["potential_impact"] == "Moderado" and r["potential_impact_rank"] == 2 for r in moderate)


# --- what the grid and the files show -----------------------------------------------------------


def test_exp008_grid_rows_follow_the_language(small_url):
    from dashboard.components.explorer_table import grid_rows

    table = queries.commitments(small_url, "TST", today=TODAY)
    es = {r["id"]: r for r in grid_rows(table, "es")}
    en = {r["id"]: r for r in grid_rows(table, "en")}
    assert es["TL0001"]["title"] == "Foros de agua" and en["TL0001"]["title"] == "Water forums"
    assert en["TL0002"]["title"] == "Datos abiertos"  # no English short title: the plan's language
    assert es["TL0001"]["progress_text"] == "70\u00a0%" and en["TL0001"]["progress_text"] == "70%"
    assert es["TL0003"]["progress"] is None and es["TL0003"]["progress_text"] == "—"
    assert es["TL0001"]["implementation_label"] == "Atrasado" and en["TL0001"]["implementation_label"] == "Late"
    assert es["TL0001"]["starred"] is True and es["TL0001"]["starred_text"] == "Sí"
    assert es["TL0002"]["starred_text"] == "No" and es["TL0004"]["starred_text"] == "ND"
    assert es["TL0001"]["completion"] == "Sustancial" and es["TL0001"]["completion_stage"] == "fin de término"
    assert es["TL0001"]["href"] == "/commitments/TL0001"


def test_exp009_downloads_hold_the_rows_shown_in_their_order(small_url):
    from openpyxl import load_workbook

    from dashboard.components.explorer_table import download_frame
    from dashboard.export_files import file_name, frame_rows, table_csv, table_xlsx
    from dashboard.pages.commitments import export_table

    table = queries.commitments(small_url, "TST", today=TODAY)
    shown = ["TL0006", "TL0001", "TL0004", "nope"]  # the grid's order; an unknown id is dropped
    rows = commitment_list.restrict(table, shown)
    frame = download_frame(rows, "es")
    assert list(frame["ID"]) == ["TL0006", "TL0001", "TL0004"]
    text = table_csv(list(frame.columns), frame_rows(frame)).decode("utf-8-sig")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0][:3] == ["ID", "Compromiso", "Título corto en inglés (OGP)"]
    assert [r[0] for r in parsed[1:]] == ["TL0006", "TL0001", "TL0004"]
    assert parsed[2][parsed[0].index("Avance (%)")] == "70.0"
    assert parsed[1][parsed[0].index("Avance (%)")] == ""  # no milestones: empty, not 0
    english = download_frame(rows, "en")
    book = load_workbook(io.BytesIO(table_xlsx(list(english.columns), frame_rows(english), "Commitments")))
    sheet = book["Commitments"]
    values = list(sheet.values)
    assert [v[0] for v in values[1:]] == ["TL0006", "TL0001", "TL0004"]
    assert values[0][values[0].index("Potential for results")] == "Potential for results"
    assert values[2][values[0].index("Progress (%)")] == 70.0
    table = export_table("es", {"country": "TST", "plan": "AP_TST01", "q": "Gestión pública"}, [], True)
    name = file_name(table, TODAY, "csv")
    assert name == "ogp-monitor_compromisos_TST_AP_TST01_q-Gestion-publica_filtrado_2026-11-27.csv"


def test_exp010_formula_like_text_stays_text_in_xlsx():
    from openpyxl import load_workbook

    from dashboard.export_files import table_xlsx

    sheet = load_workbook(
        io.BytesIO(table_xlsx(["ID", "Title", "Progress"], [["X1", '=HYPERLINK("http://x")', 12.5]], "S"))
    )["S"]
    assert sheet["B2"].data_type == "s" and sheet["B2"].value.startswith("=HYPERLINK")
    assert sheet["C2"].value == 12.5


def _post(app, output_fragment: str, values: dict, status: int = 200) -> dict | None:
    from benchmarks.dash_requests import dash_request, find_callback

    key = find_callback(app, output_fragment)
    response = app.server.test_client().post("/_dash-update-component", json=dash_request(app, key, values))
    assert response.status_code == status, response.data[:300]
    return json.loads(response.data)["response"] if status == 200 else None


def _filter_values(**chosen) -> dict:
    from dashboard.components.common import dom_id
    from dashboard.ids import filter_id
    from dashboard.pages.commitments import FILTERS

    return {
        f"{dom_id(filter_id(name))}.value": {"id": filter_id(name), "property": "value", "value": chosen.get(name)}
        for name in FILTERS
    }


def test_exp011_download_callback_sends_the_rows_the_grid_reports(small_url):
    from dashboard.factory import create_app
    from tests.downloads import download

    app = create_app(small_url, today=TODAY)
    values = {
        "explorer-shown-ids.data": ["TL0004", "TL0001"],
        "explorer-context.data": {"lang": "en", "country": "TST"},
        "explorer-grid.filterModel": {},
        **_filter_values(plan="AP_TST02", q="<script>"),
    }
    (out,) = _post(app, '"explorer-commitments"', values).values()
    store = out["data"]
    assert store["keys"] == ["TL0004", "TL0001"] and store["lazy"] is True
    sent = download(app, "csv", store)
    assert sent["filename"] == "ogp-monitor_commitments_TST_AP_TST02_2026-11-27.csv"  # the bad q is dropped
    text = base64.b64decode(sent["content"]).decode("utf-8-sig")
    assert [r[0] for r in csv.reader(io.StringIO(text))][1:] == ["TL0004", "TL0001"]
    sent = download(app, "xlsx", store)
    assert sent["filename"].endswith(".xlsx") and sent["base64"]


def test_exp012_rows_callback_applies_filters_and_rejects_garbage(small_url):
    from dashboard.factory import create_app

    app = create_app(small_url, today=TODAY)
    context = {"explorer-context.data": {"lang": "es", "country": "TST"}}
    out = _post(app, "explorer-grid.rowData", {**context, **_filter_values(method="irm_2021", q="justice")})
    assert [r["id"] for r in out["explorer-grid"]["rowData"]] == ["TL0004"]
    # A context our page cannot send changes nothing (204); bad filter values are ignored.
    _post(app, "explorer-grid.rowData", {"explorer-context.data": {"lang": "xx", "country": "<b>"}}, status=204)
    junk = _post(
        app,
        "explorer-grid.rowData",
        {
            "explorer-context.data": {"lang": "xx", "country": "TST"},
            **_filter_values(status="bogus", plan="a b", method=["x"]),
        },
    )
    assert len(junk["explorer-grid"]["rowData"]) == 6
    panels = _post(app, "explorer-panels.children", {"explorer-shown-ids.data": ["TL0001", "TL0004"], **context})
    assert panels["explorer-summary"]["children"] == "2 de 6 compromisos"


# --- figures ----------------------------------------------------------------------------------


def test_exp013_heatmap_writes_its_counts_and_methodology(small_url):
    from dashboard.figures.explorer import irm_heatmap

    table = queries.commitments(small_url, "TST", today=TODAY)
    matrix = irm.irm_matrix(table, "irm_classic")
    fig = irm_heatmap(matrix.counts, "es", method="irm_classic")
    trace = fig["data"][0]
    assert trace["type"] == "heatmap" and trace["texttemplate"] == "%{text}"
    assert list(trace["y"]) == ["Ninguno", "Menor", "Moderado", "Transformador"]
    assert list(trace["x"]) == ["No iniciado", "Limitado", "Sustancial", "Completo"]
    assert trace["text"][2][2] == "1" and int(trace["z"].sum()) == 1
    assert fig["layout"]["title"]["text"] == "Metodología IRM hasta 2020 · n = 1"
    assert fig["layout"]["yaxis"]["title"]["text"] == "Impacto potencial"
    en = irm_heatmap(irm.irm_matrix(table, "irm_2021").counts, "en", method="irm_2021")
    assert en["layout"]["yaxis"]["title"]["text"] == "Potential for results" and "Unclear" in list(en["data"][0]["x"])


def test_exp014_diog_bars_keep_the_scale_order_and_count_the_unrated_apart():
    from dashboard.figures.explorer import diog_bars

    dist = pd.DataFrame(
        {
            "level": ["Worsens", "Did Not Change", "Marginal", "Major", "Outstanding", "not_assessed"],
            "count": [1, 4, 6, 2, 0, 40],
        }
    )
    fig = diog_bars(dist, "es")
    bars = fig["data"][0]
    assert list(bars["y"]) == ["Empeoró", "No cambió", "Marginal", "Significativo", "Excepcional"]
    assert list(bars["x"]) == [1, 4, 6, 2, 0]
    assert fig["layout"]["yaxis"]["categoryarray"][0] == "Excepcional"  # Worsens at the top
    assert fig["layout"]["title"]["text"] == "Sin evaluar (ND, NR…), contados aparte: 40"
    assert fig["layout"]["xaxis"]["range"][1] < 40  # the unrated do not set the scale


# --- detail ------------------------------------------------------------------------------------


def test_exp015_detail_queries_on_both_backends(small_url):
    one = detail.commitment(small_url, "TL0001").iloc[0]
    assert one["method"] == "irm_classic" and one["plan_title"] == "Testland Action Plan 2017-2019"
    assert (one["source_kind"], one["source_name"], int(one["source_row"])) == ("file", "testland.csv", 3)
    assert (one["lead_source_kind"], int(one["lead_source_row"])) == ("file", 2)
    assert detail.commitment(small_url, "TL9999").empty
    assert list(detail.policy_areas(small_url, "TL0001")["name"]) == ["Justice", "Water"]
    milestones = detail.milestones(small_url, "TL0001")
    assert list(milestones["number"]) == [1, 2] and set(milestones["source_kind"]) == {"sample"}
    events = detail.milestone_events(small_url, "TL0001")
    history = detail.progress_history(milestones, events)
    # 50 % and 0 %; then 100 % and 0 %; then 100 % and 40 %: the milestones' average on each date.
    assert list(history["progress"]) == pytest.approx([25.0, 50.0, 70.0])
    forums = detail.linked_forums(small_url, "TL0001").set_index("code")
    assert bool(forums.loc["TST-AGUA", "created_by"]) and not bool(forums.loc["TST-AGUA", "follows"])
    assert bool(forums.loc["TST-NAC", "follows"]) and not bool(forums.loc["TST-NAC", "created_by"])
    records = detail.participation(small_url, "TL0001")
    assert records[["via", "channel", "records", "participants"]].to_dict("records") == [
        {"via": "commitment", "channel": "workshop", "records": 2, "participants": 7},
        {"via": "forum", "channel": "online_comment", "records": 1, "participants": 1},
    ]
    assert detail.participation(small_url, "TL0003").empty


def test_exp016_timeline_says_late_in_words(small_url):
    from dashboard.figures.commitment_detail import milestone_timeline, progress_history
    from data import progress

    milestones = detail.milestones(small_url, "TL0001")
    flagged = progress.milestone_flags(milestones, TODAY)
    fig = milestone_timeline(flagged, "es", TODAY)
    names = [trace["name"] for trace in fig["data"]]
    assert names == ["Periodo planificado", "Completado", "En curso"]
    texts = [a["text"] for a in fig["layout"]["annotations"]]
    assert "100\u00a0%" in texts and "40\u00a0% · Atrasado" in texts
    assert any(text.startswith("Hoy: 27 nov 2026") for text in texts)  # today is far after the plan
    events = detail.milestone_events(small_url, "TL0001")
    history = progress_history(events, detail.progress_history(milestones, events), "en")
    assert [trace["name"] for trace in history["data"]] == [
        "Milestone 1",
        "Milestone 2",
        "Commitment (milestone average)",
    ]
    assert history["data"][0]["line"]["shape"] == "hv"
    assert history["data"][0]["x"][-1] == "2019-01-15"  # the last report holds until the commitment's last


def test_exp017_detail_page_layout_for_pe0066(seeded_url):
    from dash.development.base_component import Component

    from dashboard.pages import PageContext
    from dashboard.pages.commitment_detail import layout

    ctx = PageContext(
        lang="es",
        params={"lang": "es", "country": "PER"},
        db_url=seeded_url,
        today=TODAY,
        path_args={"commitment_id": "PE0066"},
    )
    page = layout(ctx)
    text = []

    def walk(node):
        if isinstance(node, Component):
            walk(getattr(node, "children", None))
            href = getattr(node, "href", None)
            if href:
                text.append(f"[{href}]")
        elif isinstance(node, (list, tuple)):
            for child in node:
                walk(child)
        elif node is not None:
            text.append(str(node))

    walk(page)
    joined = " | ".join(text)
    for expected in (
        "Secretaría de Gestión Pública de la PCM",
        "Agencia Peruana de Cooperación Internacional",
        "Adopción del marco conceptual",
        "Evaluación de resultados de los pilotos",
        "Pending IRM Review",
        "Significativo",
        "Hasta 2020",
        "Ambas",
        "[/forums?lang=es&country=PER&forums=PER-AMBIENTE]",
        "[/forums?lang=es&country=PER&forums=PER-VIVIENDA]",
        "documento semilla «ogp_pe0066_page.txt», fila 4",
        "Datos de muestra",
    ):
        assert expected in joined, expected
