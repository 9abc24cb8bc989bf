"""Multistakeholder forums: /forums"""
from __future__ import annotations

from dashboard.i18n import add
from dashboard.pages import Page, PageContext
from dashboard.pages._simple import simple_page

add(
    {
        "forums.title": {"es": "Foros multiactor", "en": "Multistakeholder forums"},
        "forums.lead": {"es": "Comparación de los foros piloto sectoriales y del foro nacional.", "en": "Comparing the sector pilot forums and the national forum."},
    }
)


def layout(ctx: PageContext):
    return simple_page(ctx, "forums.title", "forums.lead", "forums")


PAGE = Page(name="forums", path="/forums", title_key="forums.title", layout=layout, nav="forums")
