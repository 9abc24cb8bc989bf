"""Loaded data: /data"""
from __future__ import annotations

from dashboard.i18n import add
from dashboard.pages import Page, PageContext
from dashboard.pages._simple import simple_page

add(
    {
        "data.title": {"es": "Datos cargados", "en": "Loaded data"},
        "data.lead": {"es": "Qué datos hay, de qué fuente y cómo importarlos.", "en": "What data is loaded, from which source, and how to import it."},
    }
)


def layout(ctx: PageContext):
    return simple_page(ctx, "data.title", "data.lead", "commitments")


PAGE = Page(name="data", path="/data", title_key="data.title", layout=layout, nav="data")
