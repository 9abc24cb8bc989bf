"""The ogp-monitor command line, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ogp_monitor.cli import main
from tests.importing import OGP_EXTRACT, snapshot, write_text

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env_url: str | None = None) -> subprocess.CompletedProcess:
    """``python -m ogp_monitor …`` in a subprocess, as a user would run it."""
    import os

    env = dict(os.environ)
    if env_url:
        env["DATABASE_URL"] = env_url
    return subprocess.run(
        [sys.executable, "-m", "ogp_monitor", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_cli001_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("serve", "init", "seed", "import", "export", "template", "stats"):
        assert command in result.stdout
    assert "--database" in result.stdout


def test_cli002_seed_then_stats_json_counts_every_table_and_source(db_url, capsys):
    assert main(["--database", db_url, "seed"]) == 0
    capsys.readouterr()
    assert main(["--database", db_url, "stats", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["tables"]["commitments"] == 104
    assert doc["tables"]["action_plans"] == 4
    assert doc["tables"]["forums"] == 3
    assert set(doc["sources"]) == {"seed:ogp_pe0066_page.txt", "sample:peru-sample"}
    assert doc["sources"]["seed:ogp_pe0066_page.txt"]["tables"]["commitments"] == 104
    assert doc["sources"]["sample:peru-sample"]["kind"] == "sample"
    assert sum(s["records"] for s in doc["sources"].values()) == sum(doc["tables"].values())


def test_cli003_seed_twice_changes_nothing(sqlite_url, capsys):
    assert main(["--database", sqlite_url, "seed"]) == 0
    before = snapshot(sqlite_url)
    assert main(["--database", sqlite_url, "seed"]) == 0
    assert snapshot(sqlite_url) == before


def test_cli004_database_url_from_the_environment(sqlite_url):
    result = run("stats", "--json", env_url=sqlite_url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tables"]["commitments"] == 0


def test_cli005_import_reports_located_problems_and_exits_1(sqlite_url, tmp_path, capsys):
    assert main(["--database", sqlite_url, "seed"]) == 0
    before = snapshot(sqlite_url)
    bad = write_text(
        tmp_path / "milestones.csv", "commitment,number,title,status,progress\nPE0066,9,Hito nuevo,in_progress,140\n"
    )
    capsys.readouterr()
    assert main(["--database", sqlite_url, "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:progress:" in err
    assert "nothing was written" in err
    assert snapshot(sqlite_url) == before


def test_cli006_import_dry_run_then_import_the_ogp_extract(sqlite_url, capsys):
    assert main(["--database", sqlite_url, "import", "--dry-run", str(OGP_EXTRACT)]) == 0
    assert "dry run" in capsys.readouterr().out
    assert main(["--database", sqlite_url, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tables"]["commitments"] == 0
    assert main(["--database", sqlite_url, "import", str(OGP_EXTRACT)]) == 0
    capsys.readouterr()
    assert main(["--database", sqlite_url, "stats", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["tables"]["commitments"] == 558
    assert doc["sources"]["file:open_parliament_0703.csv"]["records"] > 558


def test_cli007_export_csv_xlsx_and_templates(sqlite_url, tmp_path, capsys):
    assert main(["--database", sqlite_url, "seed"]) == 0
    assert main(["--database", sqlite_url, "export", "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    names = sorted(p.name for p in (tmp_path / "csv").glob("*.csv"))
    assert "commitments.csv" in names and "milestones.csv" in names and len(names) == 13
    assert main(["--database", sqlite_url, "export", "--format", "xlsx", "--out", str(tmp_path / "x")]) == 0
    workbook = tmp_path / "x" / "ogp-monitor.xlsx"
    assert zipfile.is_zipfile(workbook)
    assert main(["template", "--out", str(tmp_path / "tpl")]) == 0
    assert (tmp_path / "tpl" / "milestones.csv").exists()


def test_cli008_init_reports_the_revision(sqlite_url, capsys):
    assert main(["--database", sqlite_url, "init"]) == 0
    out = capsys.readouterr().out
    assert "revision" in out


@pytest.mark.parametrize("args", [["import"], ["export"], ["stats", "--bogus"]])
def test_cli009_bad_arguments_exit_2_with_usage(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_cli010_xlsx_export_too_long_for_a_sheet_says_to_use_csv(sqlite_url, tmp_path, capsys, monkeypatch):
    from data import spreadsheets

    assert main(["--database", sqlite_url, "seed"]) == 0
    monkeypatch.setattr(spreadsheets, "XLSX_MAX_ROWS", 50)  # Peru's milestones no longer fit on a sheet
    assert main(["--database", sqlite_url, "export", "--format", "xlsx", "--out", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert "rows do not fit on an XLSX sheet" in err and "export as CSV instead" in err
    assert not (tmp_path / "x" / "ogp-monitor.xlsx").exists()
