"""Component ids shared across modules, in one place.

Filters use pattern-matching ids so one callback (callbacks/url_state.py) keeps
every filter of every page in the URL: ``filter_id("plan")`` for components
whose value is ``value``, ``date_filter_id("start")`` for date pickers (``date``).
"""

from __future__ import annotations

URL = "url"
RENDERED = "rendered-view"
VIEWPORT = "viewport-width"  # the browser's width in px (assets/45_viewport.js)
SHELL = "shell"
PAGE = "page-content"
NAV_LINK = "nav-link"
LANG_LINK = "lang-link"
PROJECTOR_LINK = "projector-link"
BAD_PARAMS = "bad-params-alert"
UNAVAILABLE = "data-unavailable-alert"

FILTER = "filter"
DATE_FILTER = "date-filter"
RESET = "reset-filters"


def filter_id(name: str) -> dict:
    return {"type": FILTER, "name": name}


def date_filter_id(name: str) -> dict:
    return {"type": DATE_FILTER, "name": name}


def nav_link_id(path: str) -> dict:
    return {"type": NAV_LINK, "path": path}


def lang_link_id(lang: str) -> dict:
    return {"type": LANG_LINK, "lang": lang}


def reset_id(page: str) -> dict:
    return {"type": RESET, "page": page}
