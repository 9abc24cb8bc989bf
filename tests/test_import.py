"""Importing OGP's commitment sheet and the project's tables, on SQLite and PostgreSQL.

Most tests share one database per backend, loaded once with the extract and the
project fixtures (tests/fixtures/project): they only read it, or check that a
failed or dry-run import left it exactly as it was.  Tests that must change a
database get a fresh one.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pandas as pd
import pytest
import python_calamine
from importing import OGP_EXTRACT, PROJECT_FILES, ogp_records, ogp_row, ogp_subset, snapshot, write_ogp, write_text
from sqlalchemy import func, select

from data.db import session_scope
from data.export import export_csv, export_csv_zip, export_frames, export_xlsx
from data.formats import BY_NAME
from data.importers import ImportFailed, ImportReport, import_paths, load_frames
from data.models import TABLE_ORDER, ActionPlan, Commitment, Country, Institution, Milestone, Organization, Source
from data.spreadsheets import Sheet, xlsx_bytes

IRM_SENTINEL_HINT = "or a sentinel such as ND or NR where the IRM gives none"


@pytest.fixture(scope="module")
def loaded(module_migrated_url):
    """The extract and the project fixtures, imported once per backend."""
    ogp = import_paths([OGP_EXTRACT], module_migrated_url)
    project = import_paths(PROJECT_FILES, module_migrated_url)
    return module_migrated_url, ogp, project


def counts(url: str, model) -> int:
    with session_scope(url) as session:
        return session.scalar(select(func.count()).select_from(model))


# --- OGP's sheet -----------------------------------------------------------------


def test_imp001_extract_loads_fully(loaded):
    url, ogp, _ = loaded
    assert (ogp.counts["commitments"].added, ogp.counts["action_plans"].added, ogp.counts["countries"].added) == (
        558,
        214,
        75,
    )
    assert ogp.warnings == []
    assert (counts(url, Commitment), counts(url, ActionPlan), counts(url, Country)) == (558, 214, 75)


def test_imp002_commitment_plan_and_irm_labels(loaded):
    url, _, _ = loaded
    with session_scope(url) as session:
        pe0074 = session.get(Commitment, "PE0074")
        assert pe0074.action_plan_id == "AP_PER03"
        assert session.get(ActionPlan, "AP_PER03").title == "Peru Action Plan 2017-2019"
        # a known IRM row: labels as the sheet gives them
        assert (
            pe0074.potential_impact,
            pe0074.completion_end,
            pe0074.did_it_open_government,
            pe0074.verifiable,
            pe0074.starred,
        ) == ("Moderate", "Limited", "Did Not Change", "Yes", False)
        # sentinels keep their text and have no label
        assert (pe0074.specificity_raw, pe0074.specificity) == ("ND", None)
        assert (pe0074.completion_midterm_raw, pe0074.completion_midterm) == ("ND", None)
        assert pe0074.status == "inactive"
        assert pe0074.lead_institution.name == "Ministerio de Transportes y Comunicaciones"
        assert "Public Participation" in [a.name for a in pe0074.policy_areas]
        # OGP once wrote 1 for a Verifiable of Yes
        lt0033 = session.get(Commitment, "LT0033")
        assert (lt0033.verifiable_raw, lt0033.verifiable) == ("1", "Yes")


def test_imp003_accents_and_multiline_text_intact(loaded):
    url, _, _ = loaded
    records = ogp_records()
    header = records[0]
    full_text = records[ogp_row(records, "PE0074") - 1][header.index("Full Text")]
    assert "\n" in full_text
    with session_scope(url) as session:
        pe0074 = session.get(Commitment, "PE0074")
        assert pe0074.full_text == full_text.strip()
        supporters = [i.name for i in pe0074.support_institutions]
    assert "Autoridad Autónoma del Sistema Eléctrico de Transporte masivo de Lima y Callao – AATE" in supporters
    assert "Municipalidad Provincial del Callao" in supporters


@pytest.mark.parametrize(
    ("commitment", "start_raw", "start", "end"),
    [
        ("GR0025", "July 2014", dt.date(2014, 7, 1), None),
        ("LK0032", "43525", dt.date(2019, 3, 1), dt.date(2021, 8, 31)),  # Excel serials
        ("BG0034", "1/3/2013", dt.date(2013, 3, 1), dt.date(2014, 9, 30)),  # a day-first plan
        ("KE0037", "7/16/1905", dt.date(2024, 1, 1), dt.date(2027, 12, 31)),  # years shown as dates
        ("HR0044", "Underway", None, dt.date(2023, 12, 31)),
    ],
)
def test_imp004_sheet_dates_parsed_and_raw_kept(loaded, commitment, start_raw, start, end):
    url, _, _ = loaded
    with session_scope(url) as session:
        record = session.get(Commitment, commitment)
        assert (record.start_raw, record.start_date) == (start_raw, start)
        if end is not None:
            assert record.end_date == end


def test_imp005_commitment_numbers_as_the_plan_writes_them(loaded):
    url, _, _ = loaded
    with session_scope(url) as session:
        numbers = {
            c: (session.get(Commitment, c).number, session.get(Commitment, c).number_label)
            for c in ("PE0074", "GR0025", "US0017")
        }
    assert numbers == {"PE0074": (9, "9"), "GR0025": (None, "4.1"), "US0017": (None, "1.6A")}


def test_imp006_rows_count_as_a_spreadsheet_counts_them(loaded):
    """PE0074's record starts far below its row number in lines: cells span lines."""
    url, _, _ = loaded
    row = ogp_row(ogp_records(), "PE0074")
    with session_scope(url) as session:
        pe0074 = session.get(Commitment, "PE0074")
        assert (pe0074.source.label, pe0074.source_row) == ("file:open_parliament_0703.csv", row)
        milestones = {m.number: (m.source.label, m.source_row) for m in pe0074.milestones}
    # milestone 1 has a two-line note, so milestone 3 is row 4 although it is on line 5
    assert milestones == {1: ("file:milestones.csv", 2), 2: ("sample:peru-sample", 7), 3: ("file:milestones.csv", 4)}
    lines = OGP_EXTRACT.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("PE0074,"))
    assert line > row


# --- the project's tables ---------------------------------------------------------


def test_imp007_project_files_fill_what_the_sheet_lacks_and_survive_reimport(loaded):
    url, _, project = loaded
    assert project.counts["action_plans"].updated == 1
    assert project.counts["milestones"].added == 3
    before = snapshot(url)
    again = import_paths([OGP_EXTRACT], url)
    assert (again.total.added, again.total.updated) == (0, 0)
    with session_scope(url) as session:
        plan = session.get(ActionPlan, "AP_PER03")
        # OGP's sheet has no forum_exists column: importing it again keeps the file's value
        assert (plan.forum_exists, plan.public_influence, plan.title) == (True, "Involve", "Peru Action Plan 2017-2019")
    assert snapshot(url) == before


def test_imp008_reimport_changes_nothing(loaded):
    url, ogp, project = loaded
    before = snapshot(url)
    report = import_paths([OGP_EXTRACT, *PROJECT_FILES], url)
    # AP_PER03 is in both the sheet and action_plans.csv: one record, counted once
    assert str(report.total) == f"0 added, 0 updated, {ogp.total.added + project.total.added} unchanged"
    assert "Total: 0 added, 0 updated" in report.summary()
    assert snapshot(url) == before  # not even sources.loaded_at moved


def test_imp009_dry_run_counts_but_writes_nothing(loaded, tmp_path):
    url, _, _ = loaded
    before = snapshot(url)
    milestones = write_text(
        tmp_path / "milestones.csv",
        "commitment,number,title,status,progress\n"
        "PE0074,4,Informe final,not_started,0\nPE0074,1,Instalación del espacio participativo de "
        "transporte urbano,complete,100\n",
    )
    report = import_paths([milestones], url, dry_run=True)
    assert report.dry_run and report.summary().startswith("Dry run, nothing written")
    assert (report.counts["milestones"].added, report.counts["milestones"].updated) == (1, 1)
    assert snapshot(url) == before


@pytest.mark.parametrize(
    ("encoding", "delimiter", "first_line"),
    [
        ("utf-8", ",", ""),
        ("utf-8-sig", ",", ""),
        ("cp1252", ",", ""),
        ("cp1252", ";", ""),
        ("utf-8-sig", ";", ""),
        ("cp1252", ";", "sep=;\r\n"),
    ],
)
def test_imp010_encodings_and_delimiters_keep_accents(migrated_url, tmp_path, encoding, delimiter, first_line):
    d = delimiter
    countries = write_text(
        tmp_path / "countries.csv", f"{first_line}name{d}code{d}region\nPerú{d}PER{d}Américas\n", encoding
    )
    institutions = write_text(
        tmp_path / "institutions.csv",
        f'country{d}name\nPER{d}Secretaría de Gestión Pública\nPER{d}"Oficina de José Vásquez{d} Lima"\n',
        encoding,
    )
    report = import_paths([countries, institutions], migrated_url)
    assert (report.counts["countries"].added, report.counts["institutions"].added) == (1, 2)
    with session_scope(migrated_url) as session:
        peru = session.get(Country, "PER")
        assert (peru.name, peru.region, peru.source_row) == ("Perú", "Américas", 2)
        names = set(session.scalars(select(Institution.name)))
    assert names == {"Secretaría de Gestión Pública", f"Oficina de José Vásquez{d} Lima"}


def test_imp011_workbook_with_several_tables_help_sheet_and_unknown_column(loaded, tmp_path):
    from openpyxl import Workbook

    url, _, _ = loaded
    book = Workbook()
    readme = book.active
    readme.title = "README"
    readme.append(["this sheet documents the format and is skipped"])
    organizations = book.create_sheet("organizations")
    organizations.append(["name", "country", "stakeholder_type", "comentario"])
    organizations.append(["Asociación Civil Transparencia", "PER", "civil_society_national", "nueva"])
    meetings = book.create_sheet("Hoja3")  # recognised by its header
    meetings.append(["forum", "date", "kind", "agreements"])
    meetings.append(["PER-TRANSPORTE", dt.date(2019, 8, 1), "ordinary", 2])
    path = tmp_path / "varios.xlsx"
    book.save(path)
    before = snapshot(url)
    report = import_paths([path], url, dry_run=True)
    assert (report.counts["organizations"].added, report.counts["meetings"].added) == (1, 1)
    warning = (
        f"{path}[organizations]:1:comentario: 'comentario' is not a column of the organizations table, "
        "so it was ignored; the columns are listed in the templates' README"
    )
    assert [str(w) for w in report.warnings] == [warning]
    assert snapshot(url) == before


# --- bad input: every problem located, nothing written ------------------------------


def _ogp_case(tmp_path, changes):
    records = ogp_subset("AP_PER03", "AP_PER05")
    path = write_ogp(tmp_path / "ogp.csv", records, changes)
    return path, ogp_row(records, "PE0074")


def bad_ogp_vocabulary(tmp_path):
    path, row = _ogp_case(tmp_path, {("PE0074", "Potential Impact"): "Enormous"})
    return [path], [
        f"{path}:{row}:Potential Impact: 'Enormous' is not a valid Potential Impact; write one of: "
        f"None, Minor, Moderate, Transformative, {IRM_SENTINEL_HINT}"
    ]


def bad_ogp_date_and_flags(tmp_path):
    path, row = _ogp_case(
        tmp_path,
        {("PE0074", "Start Date"): "13/45/2020", ("PE0074", "Open Data"): "2", ("PE0074", "Active Commitment"): "yes"},
    )
    return [path], [  # in the order of the sheet's columns
        f"{path}:{row}:Start Date: '13/45/2020' is not a real date: neither 13 nor 45 can be a month; "
        "correct it or write the date as YYYY-MM-DD",
        f"{path}:{row}:Open Data: '2' is not a policy-area flag; write 1 if the commitment is about Open Data, "
        "0 if not (ND and NA also mean not)",
        f"{path}:{row}:Active Commitment: 'yes' is not 1 or 0; write 1 for an active commitment, 0 for an inactive one",
    ]


MILESTONE_HEADER = "commitment,number,title,status,progress,planned_end\n"
GOOD_MILESTONE = "PE0074,{n},Hito {n},in_progress,10,2019-06-30\n"


def _milestones(tmp_path, bad_row: str, name: str = "milestones.csv"):
    """A milestones file whose 7th row (after five good ones) is ``bad_row``."""
    text = MILESTONE_HEADER + "".join(GOOD_MILESTONE.format(n=n) for n in range(10, 15)) + bad_row
    return write_text(tmp_path / name, text)


def bad_milestone_status(tmp_path):
    path = _milestones(tmp_path, "PE0074,20,Hito,done,10,\n")
    return [path], [
        f"{path}:7:status: 'done' is not a valid status; write one of: not_started, in_progress, complete, cancelled"
    ]


def bad_impossible_date(tmp_path):
    path = _milestones(tmp_path, "PE0074,20,Hito,in_progress,10,2/30/2019\n")
    return [path], [
        f"{path}:7:planned_end: '2/30/2019' is not a real date: February 2019 has no day 30; "
        "correct it or write the date as YYYY-MM-DD"
    ]


def bad_progress(tmp_path):
    path = _milestones(tmp_path, "PE0074,20,Hito,in_progress,140,\n")
    return [path], [f"{path}:7:progress: 140 is outside 0–100; write a percentage between 0 and 100"]


def bad_unknown_commitment(tmp_path):
    path = _milestones(tmp_path, "PE9999,1,Hito,in_progress,10,\n")
    return [path], [
        f"{path}:7:commitment: commitment 'PE9999' is not in the database or in this import; "
        "add it (commitments.csv) or correct the id"
    ]


def bad_unknown_references(tmp_path):
    meetings = write_text(tmp_path / "meetings.csv", "forum,date,kind\nPER-NADA,2019-01-10,ordinary\n")
    memberships = write_text(
        tmp_path / "memberships.csv", "forum,organization,role,term_start\nPER-TRANSPORTE,Nadie,titular,2019-01-01\n"
    )
    participation = write_text(
        tmp_path / "participation.csv",
        "country,date,channel,action_plan,stakeholder_type,participants,"
        "contributions_received,contributions_answered\n"
        "PER,2019-01-01,workshop,AP_PER99,academia,3,5,2\n",
    )
    return [meetings, memberships, participation], [
        f"{meetings}:2:forum: forum 'PER-NADA' is not in the database or in this import; add it (forums.csv) "
        "or correct the code",
        f"{memberships}:2:organization: organization 'Nadie' (in PER) is not in the database or in this import; "
        "add it (organizations.csv) or correct the name",
        f"{participation}:2:action_plan: action plan 'AP_PER99' is not in the database or in this import; "
        "add it (action_plans.csv) or correct the id",
    ]


def bad_duplicate_key(tmp_path):
    path = _milestones(tmp_path, GOOD_MILESTONE.format(n=12))
    return [path], [
        f"{path}:7:number: commitment PE0074, number 12 is already in row 4; keep one of the two rows "
        "or change its commitment and number"
    ]


def bad_not_an_integer(tmp_path):
    path = write_text(
        tmp_path / "attendance.csv",
        "forum,meeting_date,stakeholder_type,persons\nPER-TRANSPORTE,2018-07-12,academia,dos\n",
    )
    return [path], [f"{path}:2:persons: 'dos' is not a whole number; write an integer such as 3"]


def bad_answered_over_received(tmp_path):
    path = write_text(
        tmp_path / "participation.csv",
        "country,date,channel,stakeholder_type,participants,"
        "contributions_received,contributions_answered\nPER,2019-01-01,workshop,academia,3,5,7\n",
    )
    return [path], [
        f"{path}:2:contributions_answered: 7 answered is more than the 5 received; answered counts "
        "contributions that got a reasoned answer, so it cannot exceed received"
    ]


def bad_missing_columns(tmp_path):
    path = write_text(tmp_path / "memberships.csv", "forum,organization\nPER-TRANSPORTE,Proética\n")
    return [path], [
        f"{path}:1:role: the required column 'role' is missing; add a column headed role",
        f"{path}:1:term_start: the required column 'term_start' is missing; add a column headed term_start",
    ]


EXPORT_AGAIN = "export the table from your spreadsheet as CSV (UTF-8) or XLSX and import that file"


def bad_binary_junk(tmp_path):
    path = tmp_path / "milestones.csv"
    path.write_bytes(random.Random(7).randbytes(4000))
    return [path], [f"{path}:1:-: this is not a text table (it holds binary data); {EXPORT_AGAIN}"]


def bad_png_renamed(tmp_path):
    path = tmp_path / "milestones.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(8).randbytes(400))
    return [path], [f"{path}:1:-: this is a PNG image, not a table; {EXPORT_AGAIN}"]


def bad_truncated_csv(tmp_path):
    path = write_text(
        tmp_path / "milestones.csv",
        MILESTONE_HEADER + GOOD_MILESTONE.format(n=10) + 'PE0074,11,"Un título\nque se corta',
    )
    return [path], [
        f"{path}:3:-: a quoted cell that starts in this row is never closed, so the file looks cut "
        "short; check the end of the file or export it again"
    ]


def bad_truncated_xlsx(tmp_path):
    data = xlsx_bytes(
        [
            Sheet(
                "milestones",
                ["commitment", "number", "title"],
                [["PE0074", str(n), "Un hito con título largo"] for n in range(200)],
            )
        ]
    )
    path = tmp_path / "export.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return [path], [
        f"{path}:1:-: the workbook cannot be read, it may be damaged or cut short (Cannot detect file "
        "format); open it in your spreadsheet and save it again"
    ]


def bad_empty_file(tmp_path):
    path = write_text(tmp_path / "milestones.csv", "")
    return [path], [f"{path}:1:-: the file is empty; {EXPORT_AGAIN}"]


def bad_multiline_row_counts_once(tmp_path):
    path = write_text(
        tmp_path / "milestones.csv",
        "commitment,number,title,status,progress,note\n"
        'PE0074,10,Hito,in_progress,10,"una nota\nde dos líneas"\nPE0074,11,Hito,in_progress,-5,\n',
    )
    return [path], [f"{path}:3:progress: -5 is outside 0–100; write a percentage between 0 and 100"]


BAD_INPUTS = [
    bad_ogp_vocabulary,
    bad_ogp_date_and_flags,
    bad_milestone_status,
    bad_impossible_date,
    bad_progress,
    bad_unknown_commitment,
    bad_unknown_references,
    bad_duplicate_key,
    bad_not_an_integer,
    bad_answered_over_received,
    bad_missing_columns,
    bad_binary_junk,
    bad_png_renamed,
    bad_truncated_csv,
    bad_truncated_xlsx,
    bad_empty_file,
    bad_multiline_row_counts_once,
]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda case: case.__name__.removeprefix("bad_"))
def test_imp012_bad_input_is_located_and_nothing_is_written(loaded, tmp_path, case):
    url, _, _ = loaded
    paths, expected = case(tmp_path)
    before = snapshot(url)
    with pytest.raises(ImportFailed) as failure:
        import_paths(paths, url)
    assert [str(p) for p in failure.value.problems] == expected
    assert snapshot(url) == before


def test_imp013_all_problems_of_all_files_at_once(loaded, tmp_path):
    url, _, _ = loaded
    (tmp_path / "b").mkdir()
    (progress_paths, progress), (empty_paths, empty) = bad_progress(tmp_path), bad_empty_file(tmp_path / "b")
    good = write_text(tmp_path / "organizations.csv", "country,name,stakeholder_type\nPER,Nueva ONG,academia\n")
    before = snapshot(url)
    with pytest.raises(ImportFailed) as failure:
        import_paths([*progress_paths, good, *empty_paths], url)
    assert [str(p) for p in failure.value.problems] == progress + empty
    assert str(failure.value).startswith("Nothing was imported: 2 problems to fix.\n")
    assert snapshot(url) == before


# --- updates ----------------------------------------------------------------------------


def test_imp014_updated_file_updates_only_what_changed(migrated_url, tmp_path):
    records = ogp_subset("AP_PER03", "AP_PER05")
    first = import_paths([write_ogp(tmp_path / "open_parliament_0703.csv", records)], migrated_url)
    assert first.counts["commitments"].added == len(records) - 1
    before = snapshot(migrated_url)
    (tmp_path / "v2").mkdir()
    changed = write_ogp(
        tmp_path / "v2" / "open_parliament_0703.csv", records, {("PE0074", "Completion (End Of Term)"): "Substantial"}
    )
    report = import_paths([changed], migrated_url)
    assert report.counts["commitments"].updated == 1
    assert str(report.total) == f"0 added, 1 updated, {first.total.added - 1} unchanged"
    after = snapshot(migrated_url)
    differ = {t for t in before if before[t] != after[t]}
    assert differ == {"commitments", "sources"}  # the row, and the source's loaded_at
    changed_rows = set(after["commitments"]) - set(before["commitments"])
    assert [row[0] for row in changed_rows] == ["PE0074"]
    with session_scope(migrated_url) as session:
        pe0074 = session.get(Commitment, "PE0074")
        assert (pe0074.completion_end, pe0074.completion_end_raw) == ("Substantial", "Substantial")


def test_imp015_explicit_source_is_kept_and_a_moved_row_followed(migrated_url, tmp_path):
    countries = write_text(
        tmp_path / "countries.csv", "code,name,source,source_row\nPER,Perú,sample:peru-sample,12\nCHL,Chile,,\n"
    )
    import_paths([countries], migrated_url)
    # the same file with its rows swapped: the row number follows, nothing else changes
    write_text(countries, "code,name,source,source_row\nCHL,Chile,,\nPER,Perú,sample:peru-sample,12\n")
    report = import_paths([countries], migrated_url)
    assert (report.counts["countries"].updated, report.counts["countries"].unchanged) == (1, 1)
    with session_scope(migrated_url) as session:
        rows = {c.code: (c.source.label, c.source_row) for c in session.scalars(select(Country))}
        kinds = sorted((s.kind, s.name) for s in session.scalars(select(Source)))
    assert rows == {"PER": ("sample:peru-sample", 12), "CHL": ("file:countries.csv", 2)}
    assert kinds == [("file", "countries.csv"), ("sample", "peru-sample")]


# --- load_frames (used by the seed and the sample generator) --------------------------------


def test_imp016_load_frames_in_the_callers_session(loaded):
    url, _, _ = loaded
    before = snapshot(url)
    frames = {
        "organizations": pd.DataFrame(
            {
                "country": ["PER", "PER"],
                "name": ["Red Muqui", "CooperAcción"],
                "stakeholder_type": ["civil_society_national", "civil_society_local"],
            }
        ),
        "milestones": pd.DataFrame(
            {
                "commitment": ["PE0074"],
                "number": [7],
                "title": ["Hito de muestra"],
                "status": ["in_progress"],
                "progress": [55.0],
                "planned_end": [None],
            }
        ),
    }
    with session_scope(url) as session:
        report = load_frames(session, frames, "sample:peru-sample")
        assert isinstance(report, ImportReport)
        assert (report.counts["organizations"].added, report.counts["milestones"].added) == (2, 1)
        muqui = session.scalar(select(Organization).where(Organization.name == "Red Muqui"))
        assert (muqui.source.label, muqui.source_row) == ("sample:peru-sample", 2)
        milestone = session.scalar(select(Milestone).where(Milestone.number == 7))
        assert (milestone.progress, milestone.source_row) == (55.0, 2)
        session.rollback()  # the caller decides: nothing was committed
    assert snapshot(url) == before


def test_imp017_load_frames_problems_name_origin_and_table(loaded):
    url, _, _ = loaded
    frames = {
        "milestones": pd.DataFrame(
            {
                "commitment": ["PE0074", "PE0074"],
                "number": ["8", "9"],
                "title": ["a", "b"],
                "status": ["complete", "done"],
                "progress": ["100", "140"],
            }
        )
    }
    with session_scope(url) as session, pytest.raises(ImportFailed) as failure:
        load_frames(session, frames, "sample:peru-sample")
    assert [str(p) for p in failure.value.problems] == [
        "sample:peru-sample/milestones:3:status: 'done' is not a valid status; write one of: not_started, "
        "in_progress, complete, cancelled",
        "sample:peru-sample/milestones:3:progress: 140 is outside 0–100; write a percentage between 0 and 100",
    ]
    with session_scope(url) as session, pytest.raises(ImportFailed, match="the origin must be kind:name"):
        load_frames(session, frames, "peru-sample")


# --- round trips: export, import into an empty database, export again ------------------------


def _backend(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def test_imp018_csv_round_trip_is_byte_identical(loaded, new_database, tmp_path):
    url, _, _ = loaded
    first = export_csv(url, tmp_path / "first")
    empty = new_database(_backend(url))
    report = import_paths(first, empty)
    assert report.total.updated == 0 and report.total.unchanged == 0
    second = export_csv(empty, tmp_path / "second")
    assert [p.name for p in first] == [p.name for p in second] == [f"{t}.csv" for t in TABLE_ORDER]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_imp019_xlsx_round_trip_keeps_every_cell(loaded, new_database, tmp_path):
    url, _, _ = loaded
    first = export_xlsx(url, tmp_path / "first.xlsx")
    empty = new_database(_backend(url))
    import_paths([first], empty)
    second = export_xlsx(empty, tmp_path / "second.xlsx")
    values = workbook_values(first)
    assert values == workbook_values(second)
    assert list(values) == list(TABLE_ORDER)
    assert values["milestones"][0] == [c.name for c in BY_NAME["milestones"].all_columns]
    assert len(values["commitments"]) == 559


def workbook_values(path) -> dict[str, list[list]]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_imp020_export_writes_the_project_format(loaded):
    url, _, _ = loaded
    with session_scope(url) as session:
        frames = export_frames(session)
    assert list(frames) == list(TABLE_ORDER)
    milestones = frames["milestones"].set_index("number")
    assert list(milestones["progress"]) == ["100", "40.5", "0"]  # no trailing .0
    assert list(milestones["weight"]) == ["2", "1", ""]
    assert list(milestones["source"]) == ["file:milestones.csv", "sample:peru-sample", "file:milestones.csv"]
    assert milestones.loc["1", "note"] == "Acta firmada.\nSegunda línea de la nota."
    plan = frames["action_plans"].set_index("id").loc["AP_PER03"]
    assert (plan["forum_exists"], plan["start_date"], plan["source"]) == ("yes", "2017-07-01", "file:action_plans.csv")
    assert frames["forums"].loc[0, "follows"] == "PE0074; PE0117"  # sorted
    pe0074 = frames["commitments"].set_index("id").loc["PE0074"]
    assert (pe0074["specificity"], pe0074["starred"], pe0074["start"]) == ("ND", "0", "1/1/2017")  # raw text
    assert pe0074["support_institutions"].split("; ") == sorted(pe0074["support_institutions"].split("; "))
    assert list(frames["countries"]["code"]) == sorted(frames["countries"]["code"])
    assert frames["milestone_events"][["milestone", "date"]].values.tolist() == [
        ["1", "2018-03-15"],
        ["1", "2018-07-15"],
        ["2", "2018-12-01"],
    ]


def test_imp021_downloads_hold_every_table(loaded):
    import io
    import zipfile

    url, _, _ = loaded
    archive = zipfile.ZipFile(io.BytesIO(export_csv_zip(url)))
    assert archive.namelist() == [f"{t}.csv" for t in TABLE_ORDER]
    assert archive.read("countries.csv").startswith(b"\xef\xbb\xbfcode,name,region,level,source,source_row\r\n")
    assert export_csv_zip(url) == export_csv_zip(url)  # same data, same bytes


def test_imp022_ogp_sheet_as_a_workbook_reads_like_the_csv(migrated_url, new_database, tmp_path):
    """Excel stores OGP's flags, years and numbers as numbers: they read as the CSV's text."""
    from openpyxl import Workbook

    records = ogp_subset("AP_PER03", "AP_GRC02")
    book = Workbook()
    sheet = book.active
    sheet.title = "Commitments"
    sheet.append(records[0])
    for record in records[1:]:
        sheet.append([float(v) if re.fullmatch(r"\d+(\.\d+)?", v) else v for v in record])
    workbook = tmp_path / "ogp.xlsx"
    book.save(workbook)
    from_csv = new_database(_backend(migrated_url))
    import_paths([write_ogp(tmp_path / "ogp.csv", records)], from_csv)
    import_paths([workbook], migrated_url)
    exported = [export_csv(url, tmp_path / name) for url, name in ((from_csv, "csv"), (migrated_url, "xlsx"))]
    commitments = [pd.read_csv(paths[4], dtype=str, keep_default_na=False).drop(columns="source") for paths in exported]
    pd.testing.assert_frame_equal(*commitments)
    assert "4.1" in set(commitments[0]["number"])  # GR0025's 4.0999999999999996


def test_imp023_date_text_in_no_known_form_is_kept_with_a_warning(loaded, tmp_path):
    url, _, _ = loaded
    path = write_text(
        tmp_path / "commitments.csv", "id,action_plan,title,start\nPE0074,AP_PER03,Transporte urbano,By end 2019\n"
    )
    report = import_paths([path], url, dry_run=True)
    assert [str(w) for w in report.warnings] == [
        f"{path}:2:start: 'By end 2019' is kept as written but gives no date; "
        "write it like 12/31/2019, December 2019 or 2019 to give it one"
    ]
