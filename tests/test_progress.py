"""Progress rules on small hand-made data where the right answer is known."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data import progress

TODAY = dt.date(2019, 1, 1)


def milestones(rows):
    return pd.DataFrame(rows, columns=["commitment_id", "planned_start", "planned_end", "progress", "status", "weight"])


def test_prg001_expected_progress_is_the_share_of_time_elapsed():
    exp = progress.expected_progress(
        ["2018-01-01", "2019-06-01", "2018-01-01", None, None],
        ["2019-12-31", "2019-12-31", "2018-06-30", "2018-06-30", None],
        TODAY,
    )
    assert exp[0] == pytest.approx(365 / 729 * 100)
    assert exp[1] == 0.0  # not started yet
    assert exp[2] == 100.0  # ended
    assert exp[3] == 100.0  # only an end date, passed
    assert pd.isna(exp[4])  # no dates: nothing expected


def test_prg002_late_and_at_risk():
    df = milestones(
        [
            ("A", "2018-01-01", "2018-06-30", 80, "in_progress", None),  # ended below 100: late
            ("A", "2018-01-01", "2018-06-30", 100, "complete", None),  # done: fine
            ("B", "2018-01-01", "2019-12-31", 10, "in_progress", None),  # expected 50, reports 10: at risk
            ("B", "2018-01-01", "2019-12-31", 40, "in_progress", None),  # trails by 10: fine
            ("C", "2018-01-01", "2018-06-30", 0, "cancelled", None),  # cancelled: never late
        ]
    )
    flags = progress.milestone_flags(df, TODAY)
    assert flags["late"].tolist() == [True, False, False, False, False]
    assert flags["at_risk"].tolist() == [False, False, True, False, False]


def test_prg003_commitment_progress_is_the_mean_or_the_weighted_mean():
    df = milestones(
        [
            ("A", None, None, 100, "complete", None),
            ("A", None, None, 0, "not_started", None),
            ("B", None, None, 100, "complete", 3),
            ("B", None, None, 0, "in_progress", 1),
            ("C", None, None, 50, "in_progress", 2),
            ("C", None, None, 100, "complete", None),  # one weight missing: plain mean
            ("D", None, None, 0, "cancelled", None),
            ("D", None, None, 60, "in_progress", None),
        ]
    )
    result = progress.commitment_progress(df)
    assert result["A"] == 50
    assert result["B"] == 75
    assert result["C"] == 75
    assert result["D"] == 60


def test_prg004_plan_progress_averages_commitments_with_data():
    commitments = pd.DataFrame({"id": ["A", "B", "C"], "action_plan_id": ["P1", "P1", "P2"]})
    by_commitment = pd.Series({"A": 50.0, "B": 100.0})
    result = progress.plan_progress(commitments, by_commitment)
    assert result["P1"] == 75
    assert "P2" not in result  # no milestones: no progress, not zero


def test_prg005_implementation_status():
    df = milestones(
        [
            ("A", "2018-01-01", "2018-06-30", 100, "complete", None),
            ("B", "2018-01-01", "2018-06-30", 50, "in_progress", None),
            ("C", "2018-01-01", "2019-12-31", 5, "in_progress", None),
            ("D", "2018-06-01", "2019-12-31", 30, "in_progress", None),
            ("E", "2019-06-01", "2019-12-31", 0, "not_started", None),
        ]
    )
    status = progress.implementation_status(df, TODAY)
    assert status.to_dict() == {"A": "complete", "B": "late", "C": "at_risk", "D": "in_progress", "E": "not_started"}
