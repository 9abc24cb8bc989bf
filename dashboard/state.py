"""A view's state lives in its URL's query string: parsing and writing it.

Every parameter is declared here with its kind and a strict check, so a shared
link restores the same view and garbage in a link is dropped (and reported),
never passed to a query.  ``to_query`` writes parameters in a fixed order so
the same view always has the same URL.

The same rules read every other input: a control's value or a page's store
(``read``, ``read_context``) and a path's segments (``read_path``), so every
value a callback or a page passes to a query or a cache key was checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from dashboard.i18n import LANGS, normalise_lang

# Dates a link may carry: OGP's plans start in 2011; the margins leave room for
# history and far deadlines, while date arithmetic near year 1 or 9999 would
# overflow (``?asof=0001-01-01``).
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # text, list, date, int, bool, choice
    pattern: str | None = None
    choices: tuple[str, ...] | None = None
    max_len: int = 200
    global_: bool = False  # carried over when moving between views

    def parse(self, raw: str):
        """The value, or raise ValueError."""
        raw = raw.strip()
        if len(raw) > self.max_len:
            raise ValueError("too long")
        if self.kind == "date":
            day = dt.date.fromisoformat(raw)
            if not MIN_DATE <= day <= MAX_DATE:
                raise ValueError("out of range")
            return day.isoformat()
        if self.kind == "int":
            value = int(raw)
            if value < 0 or value > 10**9:
                raise ValueError("out of range")
            return value
        if self.kind == "bool":
            if raw not in ("1", "0", "true", "false"):
                raise ValueError("not a flag")
            return raw in ("1", "true")
        if self.kind == "list":
            items = [item.strip() for item in raw.split(",") if item.strip()]
            for item in items:
                self._check(item)
            return items
        self._check(raw)
        return raw

    def _check(self, value: str) -> None:
        if self.choices is not None and value not in self.choices:
            raise ValueError("not a known value")
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            raise ValueError("malformed")
        if any(ord(c) < 32 for c in value):
            raise ValueError("control characters")

    def write(self, value) -> str | None:
        if value is None or value == "" or value == [] or value is False:
            return None
        if self.kind == "list":
            return ",".join(str(v) for v in value)
        if self.kind == "bool":
            return "1"
        return str(value)


_CODE = r"[A-Za-z0-9_\-]{1,40}"
_TEXT = r"[^<>]{1,200}"

PARAMS: tuple[Param, ...] = (
    Param("lang", "choice", choices=LANGS, global_=True),
    Param("country", "text", pattern=r"[A-Z]{2,8}", global_=True),
    Param("plan", "text", pattern=_CODE, global_=True),
    Param("area", "text", pattern=_TEXT, global_=True),
    Param("institution", "text", pattern=r"[^<>]{1,500}", max_len=500, global_=True),
    Param(
        "status",
        "choice",
        choices=("not_started", "in_progress", "at_risk", "late", "complete", "no_data"),
        global_=True,
    ),
    Param("start", "date"),
    Param("end", "date"),
    Param("asof", "date"),
    Param("forums", "list", pattern=_CODE, max_len=400),
    Param("forum", "text", pattern=_CODE),
    Param("commitment", "text", pattern=_CODE),
    Param("channel", "list", pattern=r"[a-z_]{1,40}", max_len=200),
    Param("period", "choice", choices=("month", "quarter")),
    Param("method", "choice", choices=("irm_classic", "irm_2021")),
    Param("q", "text", pattern=r"[^<>]{0,100}", max_len=100),
    Param("page", "int"),
    Param("projector", "bool", global_=True),
)
BY_NAME = {p.name: p for p in PARAMS}
GLOBAL = tuple(p.name for p in PARAMS if p.global_)

# A page's path segments (/commitments/<commitment_id>): as long as their columns allow.
PATH_PARAMS: tuple[Param, ...] = (
    Param("commitment_id", "text", pattern=r"[^<>/]{1,20}", max_len=20),
    Param("forum_code", "text", pattern=r"[A-Za-z0-9_\-]{1,60}", max_len=60),
)
PATH_BY_NAME = {p.name: p for p in PATH_PARAMS}


def parse_query(search: str | None) -> tuple[dict, list[str]]:
    """Parameters from ``?a=1&b=2``: (valid values, names of dropped ones)."""
    params: dict = {}
    bad: list[str] = []
    if not search or not isinstance(search, str):  # a crafted request may send anything
        return params, bad
    for name, raw in parse_qsl(search.lstrip("?"), keep_blank_values=True):
        spec = BY_NAME.get(name)
        if spec is None:
            bad.append(name[:40])
            continue
        if raw == "":
            continue
        try:
            params[name] = spec.parse(raw)
        except ValueError:
            bad.append(name)
    return params, bad


def to_query(params: dict, keep: tuple[str, ...] | None = None) -> str:
    """``?…`` in canonical order (or "" when empty); only names in ``keep`` if given."""
    pairs = []
    for spec in PARAMS:
        if keep is not None and spec.name not in keep:
            continue
        if spec.name in params:
            text = spec.write(params[spec.name])
            if text is not None:
                pairs.append((spec.name, text))
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def global_query(params: dict) -> str:
    """The part of the state that follows the user from view to view."""
    return to_query(params, keep=GLOBAL)


def _as_text(spec: Param, value) -> str | None:
    """A control's value as the URL would spell it, or None when it cannot be one."""
    if isinstance(value, bool):  # before int: a bool is an int to Python
        return ("1" if value else None) if spec.kind == "bool" else None
    if isinstance(value, int):  # a code may look like a number
        return str(value) if spec.kind in ("int", "text") else None
    if isinstance(value, (list, tuple)):
        if spec.kind != "list" or not all(isinstance(item, str) for item in value):
            return None
        return ",".join(value)
    if not isinstance(value, str):
        return None
    # A date picker may send a time after the date.
    return value[:10] if spec.kind == "date" else value


def _checked(spec: Param, value):
    text = _as_text(spec, value)
    if text is None or not text.strip():
        return None
    try:
        parsed = spec.parse(text)
    except ValueError:
        return None
    return parsed if parsed != [] else None


def read(name: str, value):
    """A control's or a store's value for the parameter ``name``, checked by the
    URL's rules: the value as ``parse_query`` would give it, or None when it is
    missing or malformed (so a crafted request reaches no query with it)."""
    return _checked(BY_NAME[name], value)


def read_date(name: str, value) -> dt.date | None:
    """A date parameter's value (``read``) as a date."""
    text = read(name, value)
    return dt.date.fromisoformat(text) if text else None


def read_path(name: str, path_args: dict):
    """A path segment (``PATH_PARAMS``) checked like a parameter, or None."""
    return _checked(PATH_BY_NAME[name], path_args.get(name) if isinstance(path_args, dict) else None)


@dataclass(frozen=True)
class Context:
    """What a page's context store says about who is looking, checked."""

    lang: str
    country: str | None = None
    projector: bool = False
    dropped: tuple[str, ...] = ()  # names present in the store but malformed


def read_context(data) -> Context:
    """The language, country and projector mode a page's store holds; anything
    our page cannot have written is dropped (the language falls back to the
    default) and named in ``dropped``, for a view that would rather stop."""
    data = data if isinstance(data, dict) else {}
    values = {name: read(name, data.get(name)) for name in ("lang", "country", "projector")}
    dropped = tuple(name for name, value in values.items() if value is None and data.get(name) not in (None, "", False))
    return Context(
        lang=normalise_lang(values["lang"]),
        country=values["country"],
        projector=values["projector"] is True,
        dropped=dropped,
    )
