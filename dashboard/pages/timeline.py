"""Milestone timeline: /timeline"""
from __future__ import annotations

from dashboard.i18n import add
from dashboard.pages import Page, PageContext
from dashboard.pages._simple import simple_page

add(
    {
        "timeline.title": {"es": "Cronograma de hitos", "en": "Milestone timeline"},
        "timeline.lead": {"es": "Los hitos de cada compromiso: lo planificado, lo real y lo atrasado.", "en": "Each commitment's milestones: planned, actual and late."},
    }
)


def layout(ctx: PageContext):
    return simple_page(ctx, "timeline.title", "timeline.lead", "milestones")


PAGE = Page(name="timeline", path="/timeline", title_key="timeline.title", layout=layout, nav="timeline")
