"""How a cell of each column kind (see data/formats.py) reads from text and is written back.

The importer reads cells with these functions, the exporter writes them with
the ``format_*`` ones, and ``canonical`` is the composition of the two: the text
the exporter would write for a valid cell.  Keeping both directions here is what
makes export -> import -> export give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from data import vocab
from data.dates import DateError, parse_date
from data.formats import LIST_SEPARATOR, Column

TRUE_WORDS = frozenset({"yes", "y", "true", "1", "sí", "si"})
FALSE_WORDS = frozenset({"no", "n", "false", "0"})
SENTINELS = frozenset(s.casefold() for s in vocab.SENTINELS)

INTEGER = re.compile(r"[+-]?\d+(?:\.0+)?")
# A decimal comma is accepted (Spanish spreadsheets write 40,5) and so is a
# trailing % (people type progress as 40%).
NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?%?")

# Yes/No vocabularies that the sheet writes either as words or as 1/0
# (OGP once wrote ``1`` for a Verifiable of Yes).
_YES_NO_ALIASES: dict[tuple[str, ...], dict[str, str]] = {
    vocab.VERIFIABLE: {"1": "Yes", "0": "No", "yes": "Yes", "no": "No"},
    vocab.YES_NO: {"1": "1", "0": "0", "yes": "1", "no": "0"},
}


class CellError(ValueError):
    """A cell that cannot be read; the message says what is wrong and what to write."""


def parse_int(text: str) -> int:
    if not INTEGER.fullmatch(text.strip()):
        raise CellError(f"'{text}' is not a whole number; write an integer such as 3")
    return int(float(text))


def parse_float(text: str) -> float:
    clean = text.strip()
    if not NUMBER.fullmatch(clean):
        raise CellError(f"'{text}' is not a number; write a number such as 40 or 40.5")
    value = float(clean.rstrip("%").replace(",", "."))
    if not math.isfinite(value):
        raise CellError(f"'{text}' is not a finite number; write a number such as 40")
    return value


def check_range(column: Column, value: float, text: str) -> None:
    """Raise CellError when a number is outside the column's range."""
    low, high = column.low, column.high
    if (low is None or value >= low) and (high is None or value <= high):
        return
    if (low, high) == (0, 100):
        raise CellError(f"{text} is outside 0–100; write a percentage between 0 and 100")
    if low is not None and high is not None:
        raise CellError(f"{text} is outside {column.range_text}; write a number between {low:g} and {high:g}")
    if low is not None:
        raise CellError(f"{text} is below {low:g}; write {low:g} or more")
    raise CellError(f"{text} is above {high:g}; write {high:g} or less")


def parse_bool(text: str) -> bool:
    word = text.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"'{text}' is not yes or no; write yes or no")


def parse_day(text: str, *, dayfirst: bool | None = None) -> dt.date:
    """A day (YYYY-MM-DD, a date cell, or dd/mm/yyyy in a day-first file)."""
    try:
        parsed = parse_date(text, dayfirst=dayfirst)
    except DateError as error:
        raise CellError(str(error)) from None
    if parsed.precision != "day" or parsed.date is None:
        raise CellError(f"'{text}' is not a day; write the date as YYYY-MM-DD, e.g. 2018-02-15")
    return parsed.date


def split_list(text: str, separators: str = LIST_SEPARATOR) -> list[str]:
    """The names in a list cell, in order, without blanks or repeats."""
    parts = re.split(f"[{re.escape(separators)}]", text) if text else []
    names: list[str] = []
    for part in parts:
        name = part.strip()
        if name and name not in names:
            names.append(name)
    return names


def irm_label(raw: str, vocabulary: tuple[str, ...]) -> str | None:
    """The IRM label a raw cell stands for: None for a sentinel (ND, NR, ...)."""
    text = raw.strip()
    if text.casefold() in SENTINELS:
        return None
    if text in vocabulary:
        return text
    alias = _YES_NO_ALIASES.get(vocabulary, {}).get(text.casefold())
    if alias is not None:
        return alias
    raise CellError(
        f"'{raw}' is not a value of this IRM field; write one of {', '.join(vocabulary)}, "
        "or ND/NR/NA where the IRM gives none"
    )


def _reads(parse, *args) -> bool:
    try:
        parse(*args)
    except (CellError, DateError):
        return False
    return True


def irm_is_valid(raw: str, vocabulary: tuple[str, ...]) -> bool:
    return _reads(irm_label, raw, vocabulary)


def is_day(text: str) -> bool:
    return _reads(parse_day, text)


def is_ogp_date(text: str) -> bool:
    return _reads(parse_date, text)


def format_number(value: float | int | None) -> str:
    """40 not 40.0; 40.5 as 40.5."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_bool(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def format_date(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def join_list(names: Iterable[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(sorted(set(names)))


def canonical(column: Column, text: str, *, dayfirst: bool | None = None) -> str:
    """The text the exporter writes for this (valid) cell."""
    text = text.strip()
    if not text:
        return ""
    kind = column.kind
    if kind == "int":
        value = parse_int(text)
        check_range(column, value, text)
        return str(value)
    if kind == "float":
        number = parse_float(text)
        check_range(column, number, text)
        return format_number(number)
    if kind == "date":
        return format_date(parse_day(text, dayfirst=dayfirst))
    if kind == "bool":
        return format_bool(parse_bool(text))
    if kind == "list":
        return join_list(split_list(text))
    return text  # text, irm and ogp_date keep what was written
