"""Dates as OGP's sheet writes them: every form, periods, words and impossible dates."""

from __future__ import annotations

import datetime as dt

import pytest

from data.dates import DateError, infer_dayfirst, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("1/1/2017", D(2017, 1, 1), D(2017, 1, 1), "day"),
        ("12/31/19", D(2019, 12, 31), D(2019, 12, 31), "day"),
        ("01/5/2015", D(2015, 1, 5), D(2015, 1, 5), "day"),
        ("31/12/2016", D(2016, 12, 31), D(2016, 12, 31), "day"),
        ("July 2014", D(2014, 7, 1), D(2014, 7, 31), "month"),
        ("August 2019", D(2019, 8, 1), D(2019, 8, 31), "month"),
        ("February 2016", D(2016, 2, 1), D(2016, 2, 29), "month"),
        ("2008", D(2008, 1, 1), D(2008, 12, 31), "year"),
        ("43525", D(2019, 3, 1), D(2019, 3, 1), "day"),
        ("44439", D(2021, 8, 31), D(2021, 8, 31), "day"),
        ("I quarter of 2021", D(2021, 1, 1), D(2021, 3, 31), "quarter"),
        ("IV quarter of 2020", D(2020, 10, 1), D(2020, 12, 31), "quarter"),
        ("Quarter 1 2014", D(2014, 1, 1), D(2014, 3, 31), "quarter"),
        ("Q3 2019", D(2019, 7, 1), D(2019, 9, 30), "quarter"),
        ("primer semestre de 2019", D(2019, 1, 1), D(2019, 6, 30), "half"),
        ("Spring 2015", D(2015, 3, 1), D(2015, 5, 31), "season"),
        ("2018-01-01", D(2018, 1, 1), D(2018, 1, 1), "day"),
        ("2018-01-01 00:00:00", D(2018, 1, 1), D(2018, 1, 1), "day"),
        ("Enero 2018", D(2018, 1, 1), D(2018, 1, 31), "month"),
        ("enero de 2018", D(2018, 1, 1), D(2018, 1, 31), "month"),
        ("setiembre 2019", D(2019, 9, 1), D(2019, 9, 30), "month"),
        ("15 de julio de 2014", D(2014, 7, 15), D(2014, 7, 15), "day"),
        ("2019-2021", D(2019, 1, 1), D(2021, 12, 31), "year"),
        # A spreadsheet showed the year 2023 as a date: Excel day 2023 is 1905-07-15.
        ("7/15/1905", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ],
)
def test_dat001_every_form_of_the_sheet(text, start, end, precision):
    parsed = parse_date(text)
    assert (parsed.date, parsed.precision, parsed.raw) == (start, precision, text)
    assert parse_date(text, period_end=True).date == end


@pytest.mark.parametrize("text", ["Underway", "Ongoing", "Permanent activity", "In progress", "NA", "", None])
def test_dat002_words_are_no_date_and_no_error(text):
    parsed = parse_date(text)
    assert parsed.date is None
    assert parsed.raw == (text or "")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2/30/2019", "February 2019 has no day 30"),
        ("13/45/2020", "neither 13 nor 45 can be a month"),
        ("2020-13-01", "there is no month 13"),
        ("Quarter 5 2014", "a year has 4 quarters, not 5"),
        ("31 February 2019", "February 2019 has no day 31"),
        ("1800", "the year 1800 is outside"),
    ],
)
def test_dat003_impossible_dates_raise_with_reason(text, reason):
    with pytest.raises(DateError, match=reason) as info:
        parse_date(text)
    assert repr(text) in str(info.value)
    assert any(word in str(info.value) for word in ("write", "correct"))


def test_dat004_ambiguous_day_and_month_follow_the_hint():
    assert parse_date("3/4/2018").date == D(2018, 3, 4)
    assert parse_date("3/4/2018", dayfirst=True).date == D(2018, 4, 3)
    # only one reading is a real day: the hint cannot override it
    assert parse_date("12/31/2018", dayfirst=True).date == D(2018, 12, 31)


def test_dat005_infer_dayfirst_from_dates_written_together():
    assert infer_dayfirst(["1/7/2014", "31/12/2016"]) is True
    assert infer_dayfirst(["1/7/2014", "12/31/2016"]) is False
    assert infer_dayfirst(["1/7/2014", "July 2014"]) is None
    assert infer_dayfirst(["31/12/2016", "12/31/2016"]) is None


def test_dat006_unknown_text_with_digits_is_kept_without_a_date():
    parsed = parse_date("By end 2019")
    assert (parsed.date, parsed.precision) == (None, "unknown")
