"""The page registry (dashboard/pages) is the one list of pages: everything
that lists pages derives from it, and a page that is missing from a derived
list, or declares what does not exist, fails here."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from dashboard import ids
from dashboard.i18n import LANGS, catalogue
from dashboard.pages import FRAME_PARAMS, PageContext, all_pages, match, nav_entries, params_of
from dashboard.state import BY_NAME
from tests import pages as expected

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 27)


def _ids(component, types: tuple[str, ...]) -> list[dict]:
    """The pattern-matching ids of those types in a component tree, in order."""
    if isinstance(component, (list, tuple)):
        return [found for child in component for found in _ids(child, types)]
    if component is None or isinstance(component, (str, int, float)):
        return []
    cid = getattr(component, "id", None)
    own = [cid] if isinstance(cid, dict) and cid.get("type") in types else []
    return own + _ids(getattr(component, "children", None), types)


def test_pag001_each_page_has_one_name_one_path_and_a_sample_the_router_reaches():
    pages = all_pages()
    assert len({p.name for p in pages}) == len(pages)
    assert len({p.path for p in pages}) == len(pages)
    for page in pages:
        found, _ = match(page.sample_path, pages)
        assert found is page, (page.name, page.sample_path)
        assert "<" not in page.sample_path, f"{page.name}: sample path {page.sample_path} has no values"


def test_pag002_every_parameter_a_page_declares_is_declared_in_state():
    assert set(FRAME_PARAMS) <= set(BY_NAME)
    for page in all_pages():
        unknown = set(page.params) - set(BY_NAME)
        assert not unknown, f"{page.name} reads {sorted(unknown)}, not declared in dashboard/state.py PARAMS"
        assert len(set(page.params)) == len(page.params), page.name
        assert params_of(page.sample_path) == frozenset(FRAME_PARAMS + page.params)


def test_pag009_a_filter_writes_the_url_only_on_a_page_that_declares_it():
    from callbacks.url_state import sync

    controls = ([{"name": "plan"}, {"name": "forums"}], [{"name": "start"}])
    values = (["AP_PER03", ["PER-AMBIENTE"]], ["2019-01-01"])
    timeline = sync("?lang=es", *values, *controls, None, params_of("/timeline"))[0]
    assert timeline == "?lang=es&plan=AP_PER03&start=2019-01-01"  # the timeline has no forum filter
    forums = sync("?lang=es", *values, *controls, None, params_of("/forums"))[0]
    assert forums == "?lang=es&forums=PER-AMBIENTE"


def test_pag003_the_navigation_has_an_entry_for_every_page_in_the_registry_order():
    pages = all_pages()
    entries = nav_entries()
    orders = [p.nav_order for p in pages if p.nav_order is not None]
    assert len(set(orders)) == len(orders), "two entries share a place in the bar"
    assert len({key for _, key in entries}) == len(entries), "two pages own the same entry"
    keys = {key for _, key in entries}
    for page in pages:
        assert page.nav is not None and f"nav.{page.nav}" in keys, f"{page.name} belongs to no navigation entry"
    messages = catalogue()
    for page in pages:
        for key in (f"nav.{page.nav}", page.title_key):
            assert set(messages.get(key, {})) == set(LANGS), f"{page.name}: message {key} missing"


def test_pag004_the_frame_draws_the_registry_navigation():
    import pandas as pd

    from dashboard.shell import header

    countries = pd.DataFrame({"code": ["PER"], "name": ["Perú"]})
    drawn = [cid["path"] for cid in _ids(header("es", {"lang": "es"}, countries, "overview"), (ids.NAV_LINK,))]
    assert drawn == [path for path, _ in nav_entries()]


def test_pag005_the_browser_tests_expect_something_of_every_page():
    names = {p.name for p in all_pages()}
    for table in ("READY", "CHARTS"):
        assert set(getattr(expected, table)) == names, f"tests/pages.py {table} is not the registry's pages"
    assert sorted(expected.sample_paths()) == sorted(p.sample_path for p in all_pages())


def test_pag006_the_benchmarks_render_every_page_and_name_only_registered_views():
    from benchmarks.cases import cases

    paths = {p.path for p in all_pages()}
    every = cases("PER", None)
    renders = {values["url.pathname"] for _, _, fragments, values in every if fragments == ("shell.children",)}
    assert renders == {p.sample_path for p in all_pages()}
    strays = {view for view, *_ in every} - paths - {"(downloads)"}
    assert not strays, f"benchmark cases for unregistered views: {strays}"


def _export_views() -> dict[str, str]:
    """Every ``view="…"`` given to ExportTable in the source, with where."""
    found = {}
    for folder in ("dashboard", "callbacks", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ExportTable":
                    for keyword in node.keywords:
                        if keyword.arg == "view" and isinstance(keyword.value, ast.Constant):
                            found[f"{path.relative_to(ROOT)}:{node.lineno}"] = keyword.value.value
    return found


def test_pag007_downloads_name_a_registered_view():
    views = {p.view for p in all_pages()}
    found = _export_views()
    assert found, "no ExportTable found: the scan is broken"
    strays = {where: view for where, view in found.items() if view not in views}
    assert not strays, f"downloads name views that no page declares: {strays}"


@pytest.fixture(scope="module")
def app(seeded_url):
    from dashboard.factory import create_app

    return create_app(seeded_url, today=TODAY, migrate=False)


@pytest.mark.parametrize("page", all_pages(), ids=lambda p: p.name)
def test_pag008_every_filter_a_page_draws_is_a_parameter_it_declares(app, seeded_url, page):
    """A control whose name the page does not declare would not reach the URL."""
    _, path_args = match(page.sample_path, all_pages())
    ctx = PageContext(
        lang="es",
        params={"lang": "es", "country": "PER"},
        db_url=seeded_url,
        today=TODAY,
        path_args=path_args,
        path=page.sample_path,
    )
    with app.server.test_request_context(page.sample_path):
        drawn = {cid["name"] for cid in _ids(page.layout(ctx), (ids.FILTER, ids.DATE_FILTER))}
    undeclared = drawn - set(page.params) - set(FRAME_PARAMS)
    assert not undeclared, f"{page.name} draws filters {sorted(undeclared)} it does not declare in params"
