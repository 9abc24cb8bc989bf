"""What the browser tests expect of each registered page (dashboard/pages), by page name.

The tests that walk every page take the pages from ``all_pages()`` and their
expectations from here; tests/test_pages.py fails when a registered page has
no entry, so a new view cannot be left out of them.
"""

from __future__ import annotations

from dashboard.pages import Page, all_pages

# What shows that a page has drawn its data (CSS selectors), with Peru's seeded data.
READY = {
    "overview": ["#kpi-commitments .kpi-value", ".overview-graph .js-plotly-plot"],
    "timeline": ["#timeline-gantt-graph .js-plotly-plot"],
    "forums": [".forums-panel-name", ".js-plotly-plot"],
    "engagement": ["#engagement-table-body .organization-table tbody tr", ".js-plotly-plot"],
    "commitments": ["#explorer-grid .ag-row", "#explorer-diog .js-plotly-plot"],
    "commitment_detail": ["#detail-timeline .js-plotly-plot", "#detail-milestone-table"],
    "data": ["#data-counts"],
    "forum_brief": ["#brief-attendance table", ".js-plotly-plot"],
}
# How many charts each page draws with Peru's seeded data.
CHARTS = {
    "overview": 2,
    "timeline": 2,
    "forums": 8,
    "engagement": 6,
    "commitments": 1,  # the DIOG bars: no IRM methodology's matrix is rated for Peru
    "commitment_detail": 2,
    "data": 0,
    "forum_brief": 1,
}
# Pages whose charts are drawn from sample data (their summaries say so).
SAMPLE_CHARTS = {"forums", "engagement"}


def pages() -> list[Page]:
    """Every registered page, in the navigation's order (sub-pages after their entry)."""
    order = {page.nav: page.nav_order for page in all_pages() if page.nav_order is not None}
    return sorted(all_pages(), key=lambda p: (order.get(p.nav, 99), p.nav_order is None, p.path))


def sample_paths() -> list[str]:
    return [page.sample_path for page in pages()]
