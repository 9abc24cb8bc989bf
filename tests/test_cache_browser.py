"""With Redis down the dashboard is only slower: a user opens the overview and a
commitment and sees them drawn, with no error."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser import console_errors, free_port, start, visit

pytestmark = pytest.mark.browser

TODAY = dt.date(2026, 11, 27)


def test_cchb001_redis_down_pages_still_drawn(dash_duo, seeded_url, monkeypatch):
    from dashboard.factory import create_app

    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    app = create_app(seeded_url, today=TODAY, migrate=False)
    start(dash_duo, app, "/?lang=es")
    dash_duo.wait_for_text_to_equal("#kpi-commitments .kpi-value", "104", timeout=20)
    visit(dash_duo, "/commitments/PE0066?lang=es")
    dash_duo.wait_for_contains_text("h1", "PE0066", timeout=20)
    assert console_errors(dash_duo) == []
