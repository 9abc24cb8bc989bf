"""The engagement view's table of organizations, drawn without a browser."""

from __future__ import annotations

import pandas as pd

from dashboard.components import organization_table as table
from dashboard.exports.engagement import organizations_table


def _records(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "organization_id": range(n),
            "name": [f"Org {i:04d}" for i in range(n)],
            "stakeholder_type": ["civil_society"] * n,
            "first_seen": pd.to_datetime(["2018-01-15"] * n),
            "last_seen": pd.date_range("2019-01-01", periods=n, freq="D"),
            "periods": [1 + i % 3 for i in range(n)],
            "days": [1 + i % 5 for i in range(n)],
        }
    )


def _texts(component) -> list[str]:
    """Every string in a component tree, in order."""
    if isinstance(component, str):
        return [component]
    children = getattr(component, "children", None)
    if children is None:
        return []
    if not isinstance(children, (list, tuple)):
        children = [children]
    return [text for child in children for text in _texts(child)]


def test_org001_most_recent_first_only_the_organizations_shown_and_the_download_in_the_same_order():
    records = _records(5)
    rows = table.listed(records, {0, 2, 4})
    assert list(rows["name"]) == ["Org 0004", "Org 0002", "Org 0000"]
    export = organizations_table(records, {0, 2, 4}, "en", {"country": "PER"}, sample=True)
    assert [r[0] for r in export.rows] == ["Org 0004", "Org 0002", "Org 0000"]


def test_org002_the_table_is_a_named_focusable_region_with_formatted_cells():
    drawn = table.organizations_list(_records(3), {0, 1, 2}, "es")
    assert drawn.tabIndex == "0" and drawn.role == "region"
    assert getattr(drawn, "aria-label").startswith("Organizaciones que participaron")
    texts = _texts(drawn)
    assert "Organización" in texts and "Org 0002" in texts and "3 ene 2019" in texts


def test_org003_a_long_list_is_cut_with_a_note_that_the_download_holds_everything():
    drawn = table.organizations_list(_records(table.MAX_ROWS + 20), set(range(table.MAX_ROWS + 20)), "en")
    texts = _texts(drawn)
    assert sum(t.startswith("Org ") for t in texts) == table.MAX_ROWS
    assert "Showing the 300 most recently active of 320 organizations; the download holds them all." in texts
