"""Large tables stream in chunks: checks across chunks, bulk writes, bounded problems.

The chunk size is made tiny here so that a few rows cross several chunks.
Every test runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import pytest
from importing import snapshot, write_text
from sqlalchemy import select

from benchmarks.global_dataset import build, write
from data.db import session_scope
from data.importers import ImportFailed, import_paths, streaming
from data.importers.problems import MAX_PROBLEMS
from data.models import TABLE_ORDER, MilestoneEvent, Participation

PARTICIPATION_HEADER = (
    "country,date,channel,organization,stakeholder_type,participants,contributions_received,contributions_answered\n"
)


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK_ROWS", 3)


@pytest.fixture
def some_chunks(monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK_ROWS", 700)  # the dataset's larger tables take a few


@pytest.fixture
def world(migrated_url, tmp_path):
    """A tiny global dataset, imported."""
    folder = tmp_path / "world"
    write(folder, scale=0.002)
    files = [folder / f"{table}.csv" for table in TABLE_ORDER]
    report = import_paths(files, migrated_url)
    return migrated_url, files, report


def test_str001_dataset_is_deterministic_and_sample_marked():
    first, second = build(0.002, seed=7), build(0.002, seed=7)
    assert list(first) == list(TABLE_ORDER)
    for table in TABLE_ORDER:
        assert first[table].equals(second[table]), table
        assert set(first[table]["source"]) == {"sample:global-benchmark"}
    assert len(first["participation"]) == 2000 and len(first["attendance"]) == 500


def test_str002_dataset_imports_and_reimport_changes_nothing(some_chunks, world):
    url, files, report = world
    assert report.total.updated == 0 and report.total.added == sum(
        sum(1 for _ in f.open(encoding="utf-8-sig")) - 1 for f in files
    )
    before = snapshot(url)
    again = import_paths(files, url)
    assert (again.total.added, again.total.updated) == (0, 0)
    assert snapshot(url) == before


def test_str003_a_changed_row_is_updated_in_bulk(some_chunks, world, tmp_path):
    url, files, _ = world
    path = next(f for f in files if f.stem == "participation")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[5].split(",")
    cells[-5] = "31"  # participants (then received, answered, source, source_row)
    lines[5] = ",".join(cells)
    changed = tmp_path / "participation.csv"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_paths([changed], url)
    assert (report.counts["participation"].updated, report.counts["participation"].added) == (1, 0)
    with session_scope(url) as session:
        assert session.scalar(select(Participation.participants).where(Participation.source_row == 6)) == 31


def test_str004_duplicate_and_reference_problems_across_chunks(migrated_url, tmp_path, small_chunks):
    rows = [f"PER,2019-01-0{d},workshop,,academia,1,2,1\n" for d in range(1, 8)]
    rows.append("PER,2019-01-02,workshop,,academia,1,2,1\n")  # row 9 repeats row 3, two chunks later
    rows.append("XXX,2019-01-09,workshop,,academia,1,2,1\n")
    countries = write_text(tmp_path / "countries.csv", "code,name\nPER,Perú\n")
    path = write_text(tmp_path / "participation.csv", PARTICIPATION_HEADER + "".join(rows))
    before = snapshot(migrated_url)
    with pytest.raises(ImportFailed) as failure:
        import_paths([countries, path], migrated_url)
    messages = [str(p) for p in failure.value.problems]
    assert messages == [
        f"{path}:9:stakeholder_type: country PER, date 2019-01-02, channel workshop, stakeholder_type academia is already "
        "in row 3; keep one of the two rows or change its country and date and channel and forum and commitment "
        "and organization and stakeholder_type and gender",
        f"{path}:10:country: country 'XXX' is not in the database or in this import; add it (countries.csv) "
        "or correct the code",
    ]
    assert snapshot(migrated_url) == before


def test_str005_day_order_of_the_whole_file_applies_to_every_chunk(migrated_url, tmp_path, small_chunks):
    # 4/5/2019 comes before the telling 31/12/2019, two chunks later: still read day first.
    base = (
        write_text(tmp_path / "countries.csv", "code,name\nPER,Perú\n"),
        write_text(tmp_path / "action_plans.csv", "id,country\nAP_PER03,PER\n"),
        write_text(tmp_path / "commitments.csv", "id,action_plan,title\nPE0001,AP_PER03,Uno\n"),
        write_text(
            tmp_path / "milestones.csv", "commitment,number,title,status,progress\nPE0001,1,Hito,in_progress,10\n"
        ),
    )
    dates = ["2019-01-01", "2019-01-02", "2019-01-03", "4/5/2019", "2019-01-05", "2019-01-06", "31/12/2019"]
    events = write_text(
        tmp_path / "milestone_events.csv",
        "commitment,milestone,date,status,progress\n" + "".join(f"PE0001,1,{d},in_progress,10\n" for d in dates),
    )
    report = import_paths([*base, events], migrated_url)
    assert report.counts["milestone_events"].added == 7
    with session_scope(migrated_url) as session:
        stored = sorted(d.isoformat() for d in session.scalars(select(MilestoneEvent.date)))
    assert "2019-05-04" in stored and "2019-12-31" in stored and "2019-04-05" not in stored


def test_str006_problems_stop_after_a_thousand_and_say_how_many_more(migrated_url, tmp_path):
    bad = "".join(f"PER,2019-01-01,nowhere{i},,academia,1,2,1\n" for i in range(MAX_PROBLEMS + 250))
    path = write_text(tmp_path / "participation.csv", PARTICIPATION_HEADER + bad)
    countries = write_text(tmp_path / "countries.csv", "code,name\nPER,Perú\n")
    with pytest.raises(ImportFailed) as failure:
        import_paths([countries, path], migrated_url)
    assert len(failure.value.problems) == MAX_PROBLEMS
    assert failure.value.more == 250
    assert failure.value.count == MAX_PROBLEMS + 250
    assert str(failure.value).startswith(f"Nothing was imported: {MAX_PROBLEMS + 250} problems to fix.")
    assert "250 more problems after the first 1000" in failure.value.more_text()
