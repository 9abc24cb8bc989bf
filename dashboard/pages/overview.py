"""Action plan overview: /"""
from __future__ import annotations

from dashboard.i18n import add
from dashboard.pages import Page, PageContext
from dashboard.pages._simple import simple_page

add(
    {
        "overview.title": {"es": "Resumen del plan de acción", "en": "Action plan overview"},
        "overview.lead": {"es": "Cuánto avanzó el plan de acción, qué está atrasado y qué foros se reunieron.", "en": "How far the action plan has come, what is late and which forums met."},
    }
)


def layout(ctx: PageContext):
    return simple_page(ctx, "overview.title", "overview.lead", "commitments")


PAGE = Page(name="overview", path="/", title_key="overview.title", layout=layout, nav="overview")
