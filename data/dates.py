"""Dates as OGP's sheet and people write them, read into ``datetime.date``.

OGP's commitment sheet mixes US dates (``1/1/2017``, ``12/31/19``), day-first
dates from some countries' plans (``31/12/2016``), month names (``July 2014``,
``enero de 2018``), quarters (``IV quarter of 2020``, ``Quarter 1 2014``),
seasons, bare years, Excel serial numbers (``43525``) and words with no date
(``Underway``, ``NA``).  ``parse_date`` reads all of them and keeps the text:

- a form naming a period (month, quarter, half year, season, year) gives its
  first day, or its last day with ``period_end=True`` (an end of "August 2019"
  is 2019-08-31);
- text without a date gives ``date=None`` (not an error);
- text shaped like a date that names no real day (``2/30/2019``,
  ``13/45/2020``, ``Quarter 5 2014``) raises ``DateError`` whose message says
  what is wrong and what to write instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers in this range are dates from 1954 to 2119: anything else with
# five digits is not a date OGP would write.
EXCEL_SERIALS = range(20_000, 80_000)
YEARS = range(1900, 2101)
# Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999 (as Excel reads them).
CENTURY_PIVOT = 70

MONTHS = {
    # English
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
    # Spanish ("setiembre" is how Peru writes September)
    "enero": 1,
    "ene": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "abr": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "ago": 8,
    "septiembre": 9,
    "setiembre": 9,
    "set": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    "dic": 12,
}

ORDINALS = {
    "1": 1,
    "i": 1,
    "1st": 1,
    "first": 1,
    "primer": 1,
    "primero": 1,
    "1er": 1,
    "1ro": 1,
    "1°": 1,
    "1º": 1,
    "2": 2,
    "ii": 2,
    "2nd": 2,
    "second": 2,
    "segundo": 2,
    "2do": 2,
    "2°": 2,
    "2º": 2,
    "3": 3,
    "iii": 3,
    "3rd": 3,
    "third": 3,
    "tercer": 3,
    "tercero": 3,
    "3er": 3,
    "3ro": 3,
    "3°": 3,
    "3º": 3,
    "4": 4,
    "iv": 4,
    "4th": 4,
    "fourth": 4,
    "cuarto": 4,
    "4to": 4,
    "4°": 4,
    "4º": 4,
}

# Northern-hemisphere seasons, as OGP's (English) sheet uses them: the first
# month of each.  Winter starts in December of the year named.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Periods made of whole months: their length in months.
QUARTER, HALF, SEASON = 3, 6, 3

_ORD = "|".join(sorted((re.escape(k) for k in ORDINALS), key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_OF = r"(?:\s+(?:of|de|del))?\s*,?\s+"

_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"\d{4}")
_SERIAL = re.compile(r"(\d{5})(?:\.\d+)?")
_MONTH_NAME = re.compile(
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:de\s+)?)?(?P<month>{_MONTH})\.?"
    rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?)?{_OF}(?P<year>\d{{4}})"
)
_PERIOD_WORDS = {"quarter": QUARTER, "trimestre": QUARTER, "half": HALF, "semester": HALF, "semestre": HALF}
_PERIOD = "quarter|trimestre|half|semester|semestre"
_PERIOD_ORD_FIRST = re.compile(rf"(?P<ord>{_ORD})\s*(?P<period>{_PERIOD}){_OF}(?P<year>\d{{4}})")
_PERIOD_NUM_AFTER = re.compile(rf"(?P<period>{_PERIOD})\s*(?P<ord>\d){_OF}(?P<year>\d{{4}})")
_PERIOD_LETTER = re.compile(
    r"(?:(?P<l1>[qh])\s*(?P<n1>\d)[\s,\-/]*(?P<y1>\d{4})|(?P<y2>\d{4})[\s\-/]*(?P<l2>[qh])\s*(?P<n2>\d))"
)
_SEASON = re.compile(rf"(?P<season>{'|'.join(SEASONS)}){_OF}(?P<year>\d{{4}})")
_RANGE = re.compile(r"\s*(?:–|—|\s-\s|\s+(?:to|until|a|al|hasta)\s+)\s*|(?<=\d{4})-(?=\d{4}$)")


class DateError(ValueError):
    """Text shaped like a date that names no real day; the message says what to do."""


@dataclass(frozen=True)
class ParsedDate:
    raw: str
    date: dt.date | None
    # day, month, quarter, half, season, year; "words" for text with no date;
    # "unknown" for text with digits in no form this module knows.
    precision: str

    @property
    def is_date(self) -> bool:
        return self.date is not None


def parse_date(text: str | None, *, period_end: bool = False, dayfirst: bool | None = None) -> ParsedDate:
    """Read ``text`` as a date (see the module docstring).

    ``dayfirst`` settles ``3/4/2018``-like dates where both readings are real
    days; ``None`` means month first, as OGP's sheet mostly writes them.  A date
    that only one reading makes real (``31/12/2016``) is read that way.
    """
    raw = "" if text is None else str(text)
    clean = " ".join(raw.split()).lower()
    if not any(ch.isdigit() for ch in clean):
        return ParsedDate(raw, None, "words")
    found = _read(clean, raw, period_end, dayfirst)
    if found is None:
        found = _read_range(clean, raw, period_end, dayfirst)
    if found is None:
        return ParsedDate(raw, None, "unknown")
    return ParsedDate(raw, *found)


def _read(clean: str, raw: str, period_end: bool, dayfirst: bool | None):
    if m := _ISO.fullmatch(clean):
        return _day_or_year_artifact(raw, int(m[1]), int(m[2]), int(m[3]), period_end)
    if m := _NUMERIC.fullmatch(clean):
        return _numeric(raw, m, period_end, dayfirst)
    if m := _SERIAL.fullmatch(clean):
        serial = int(m[1])
        if serial not in EXCEL_SERIALS:
            raise DateError(
                f"'{raw}' is not a date: as an Excel date number it falls outside 1954-2119; write the date as YYYY-MM-DD"
            )
        return EXCEL_EPOCH + dt.timedelta(days=serial), "day"
    if _YEAR.fullmatch(clean):
        return _months(raw, int(clean), 1, 12, period_end), "year"
    if m := _ISO_MONTH.fullmatch(clean):
        return _months(raw, int(m[1]), _month_number(raw, int(m[2])), 1, period_end), "month"
    if m := _MONTH_NAME.fullmatch(clean):
        month, year = MONTHS[m["month"]], int(m["year"])
        day = m["day"] or m["day2"]
        if day:
            return _real_day(raw, year, month, int(day)), "day"
        return _months(raw, year, month, 1, period_end), "month"
    if m := _PERIOD_ORD_FIRST.fullmatch(clean) or _PERIOD_NUM_AFTER.fullmatch(clean):
        number = ORDINALS.get(m["ord"]) or int(m["ord"])
        return _period(raw, int(m["year"]), number, _PERIOD_WORDS[m["period"]], period_end)
    if m := _PERIOD_LETTER.fullmatch(clean):
        letter, digits, year_digits = (m["l1"], m["n1"], m["y1"]) if m["l1"] else (m["l2"], m["n2"], m["y2"])
        return _period(raw, int(year_digits), int(digits), QUARTER if letter == "q" else HALF, period_end)
    if m := _SEASON.fullmatch(clean):
        return _months(raw, int(m["year"]), SEASONS[m["season"]], SEASON, period_end), "season"
    return None


def _read_range(clean: str, raw: str, period_end: bool, dayfirst: bool | None):
    """``2019-2021`` or ``January 2018 - June 2019``: a start reads the first
    part, an end the last."""
    parts = _RANGE.split(clean)
    if len(parts) != 2 or not all(parts):
        return None
    part = parts[-1] if period_end else parts[0]
    return _read(part, raw, period_end, dayfirst)


def _numeric(raw: str, m: re.Match, period_end: bool, dayfirst: bool | None):
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    if len(m[3]) == 2:
        year += 2000 if year < CENTURY_PIVOT else 1900
    readings = {"month first": (b, a), "day first": (a, b)}  # (day, month)
    real = {name: dm for name, dm in readings.items() if _is_real(year, dm[1], dm[0])}
    if not real:
        raise DateError(
            f"'{raw}' is not a real date: {_why_not(a, b, year)}; correct it or write the date as YYYY-MM-DD"
        )
    if len(real) == 2:
        day, month = real["day first" if dayfirst else "month first"]
    else:
        ((day, month),) = real.values()
    return _day_or_year_artifact(raw, year, month, day, period_end)


def _why_not(a: int, b: int, year: int) -> str:
    if a > 12 and b > 12:
        return f"neither {a} nor {b} can be a month"
    month, day = (a, b) if a <= 12 else (b, a)
    if month < 1:
        return "there is no month 0"
    if day < 1:
        return "there is no day 0"
    return f"{calendar.month_name[month]} {year} has no day {day}"


def _is_real(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _real_day(raw: str, year: int, month: int, day: int) -> dt.date:
    _check_year(raw, year)
    _month_number(raw, month)
    if not _is_real(year, month, day):
        raise DateError(
            f"'{raw}' is not a real date: {calendar.month_name[month]} {year} has no day {day}; correct the day"
        )
    return dt.date(year, month, day)


def _day_or_year_artifact(raw: str, year: int, month: int, day: int, period_end: bool):
    """A day; but a day in 1905 whose Excel number is 1990-2100 is a year that
    a spreadsheet formatted as a date (2023 shows as 7/15/1905), so read the year."""
    date = _real_day(raw, year, month, day)
    serial = (date - EXCEL_EPOCH).days
    if year == 1905 and 1990 <= serial <= 2100:
        return _months(raw, serial, 1, 12, period_end), "year"
    return date, "day"


def _month_number(raw: str, month: int) -> int:
    if not 1 <= month <= 12:
        raise DateError(f"'{raw}' is not a real date: there is no month {month}; correct the month (1 to 12)")
    return month


def _check_year(raw: str, year: int) -> None:
    if year not in YEARS:
        raise DateError(
            f"'{raw}' is not a plausible date: the year {year} is outside {YEARS.start}-{YEARS.stop - 1}; correct the year"
        )


def _period(raw: str, year: int, number: int, size: int, period_end: bool):
    count = 12 // size
    if not 1 <= number <= count:
        name = "quarter" if size == QUARTER else "half"
        raise DateError(
            f"'{raw}' is not a real date: a year has {count} {name}s, not {number}; write a {name} from 1 to {count}"
        )
    precision = "quarter" if size == QUARTER else "half"
    return _months(raw, year, (number - 1) * size + 1, size, period_end), precision


def _months(raw: str, year: int, first_month: int, months: int, period_end: bool) -> dt.date:
    """First day of the period, or its last day for an end."""
    _check_year(raw, year)
    if not period_end:
        return dt.date(year, first_month, 1)
    last = first_month + months - 1
    year, month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def infer_dayfirst(texts: Iterable[str]) -> bool | None:
    """Whether dates written together (one plan, one file) put the day first.

    ``31/12/2016`` shows a day-first writer, ``12/31/2016`` a month-first one;
    ``1/7/2014`` shows nothing.  Returns None when there is no evidence or it
    conflicts, so each date is then read on its own.
    """
    day_first = month_first = False
    for text in texts:
        m = _NUMERIC.fullmatch(" ".join(str(text).split()))
        if not m:
            continue
        a, b = int(m[1]), int(m[2])
        day_first |= a > 12 >= b
        month_first |= b > 12 >= a
    if day_first != month_first:
        return day_first
    return None


def ambiguous_day_month(text: str) -> bool:
    """Whether ``text`` is a d/m/y date that also reads as a different m/d/y one."""
    m = _NUMERIC.fullmatch(" ".join(str(text).split()))
    return m is not None and int(m[1]) <= 12 and int(m[2]) <= 12 and m[1].lstrip("0") != m[2].lstrip("0")
