"""The page registry: each module here defines ``PAGE = Page(...)``.

A page's ``layout(ctx)`` takes the request's context (language, the parsed
query string, the database) and returns components, so the URL alone decides
what a view shows.

Everything that lists pages derives from ``all_pages()``: the router, the
navigation bar (``nav_entries``), the URL state, the benchmarks' page renders
and every test that walks all pages (tests/test_pages.py fails when a page is
missing from one of them).  A view joins them all by defining its ``PAGE``.
"""

from __future__ import annotations

import datetime as dt
import functools
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

    def store(self) -> dict:
        """What a page's callbacks read back with ``state.read_context``: its language,
        country and projector mode, written one way by every page."""
        return {
            "lang": self.lang,
            "country": self.params.get("country"),
            "projector": bool(self.params.get("projector")),
        }


# Parameters the frame reads on every page: the language switch, the country
# picker and the projector switch (names in dashboard/state.py).
FRAME_PARAMS = ("lang", "country", "projector")


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # may hold <name> segments: /commitments/<commitment_id>
    title_key: str
    layout: Callable[[PageContext], object]
    nav: str | None = None  # the navigation entry it belongs to (marked as current); message ``nav.<nav>``
    nav_order: int | None = None  # on the page the entry links to: its place in the bar, left to right
    params: tuple[str, ...] = ()  # URL parameters it reads besides FRAME_PARAMS (dashboard/state.py)
    sample: str | None = None  # a path it draws with Peru's data, for tests and benchmarks (default: path)
    export_view: str | None = None  # the view its downloads' file names start with (default: nav)

    @property
    def sample_path(self) -> str:
        return self.sample or self.path

    @property
    def view(self) -> str | None:
        return self.export_view or self.nav

    @property
    def pattern(self) -> re.Pattern:
        regex = re.sub(r"<([a-z_]+)>", r"(?P<\1>[^/]+)", self.path.rstrip("/") or "/")
        return re.compile("^" + regex + "/?$")


@functools.cache
def _registered() -> tuple[Page, ...]:
    pages = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        page = getattr(module, "PAGE", None)
        if page is not None:
            pages.append(page)
    # Fixed paths before parameterised ones, so /commitments wins over /<x>.
    return tuple(sorted(pages, key=lambda p: ("<" in p.path, p.path)))


def all_pages() -> list[Page]:
    return list(_registered())


def nav_entries(pages: list[Page] | None = None) -> list[tuple[str, str]]:
    """The navigation bar: (path, message key) of each page an entry links to, in order."""
    owners = sorted((p for p in pages or all_pages() if p.nav_order is not None), key=lambda p: p.nav_order)
    return [(p.path, f"nav.{p.nav}") for p in owners]


def page_named(name: str) -> Page:
    for page in all_pages():
        if page.name == name:
            return page
    raise KeyError(name)


def match(pathname: str | None, pages: list[Page]) -> tuple[Page | None, dict]:
    path = unquote(pathname or "/").rstrip("/") or "/"
    for page in pages:
        found = page.pattern.match(path)
        if found:
            return page, found.groupdict()
    return None, {}


def params_of(pathname: str | None) -> frozenset[str]:
    """The URL parameters the page at ``pathname`` reads, the frame's included."""
    page, _ = match(pathname, all_pages())
    return frozenset(FRAME_PARAMS + (page.params if page else ()))
