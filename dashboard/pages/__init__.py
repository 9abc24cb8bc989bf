"""The pages: each module defines ``PAGE = Page(...)``; the router finds them here.

A page's ``layout(ctx)`` takes the request's context (language, the parsed
query string, the database) and returns components, so the URL alone decides
what a view shows.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote


@dataclass(frozen=True)
class PageContext:
    lang: str
    params: dict
    db_url: str
    today: dt.date
    bad_params: tuple[str, ...] = ()
    path_args: dict = field(default_factory=dict)
    path: str = "/"


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # may hold <name> segments: /commitments/<commitment_id>
    title_key: str
    layout: Callable[[PageContext], object]
    nav: str | None = None  # which navigation entry it belongs to

    @property
    def pattern(self) -> re.Pattern:
        regex = re.sub(r"<([a-z_]+)>", r"(?P<\1>[^/]+)", self.path.rstrip("/") or "/")
        return re.compile("^" + regex + "/?$")


def all_pages() -> list[Page]:
    pages = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        page = getattr(module, "PAGE", None)
        if page is not None:
            pages.append(page)
    # Fixed paths before parameterised ones, so /commitments wins over /<x>.
    return sorted(pages, key=lambda p: ("<" in p.path, p.path))


def match(pathname: str | None, pages: list[Page]) -> tuple[Page | None, dict]:
    path = unquote(pathname or "/").rstrip("/") or "/"
    for page in pages:
        found = page.pattern.match(path)
        if found:
            return page, found.groupdict()
    return None, {}
