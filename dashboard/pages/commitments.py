"""Commitment explorer: /commitments"""
from __future__ import annotations

from dashboard.i18n import add
from dashboard.pages import Page, PageContext
from dashboard.pages._simple import simple_page

add(
    {
        "commitments.title": {"es": "Explorador de compromisos", "en": "Commitment explorer"},
        "commitments.lead": {"es": "Todos los compromisos con su evaluación del IRM.", "en": "Every commitment with its IRM assessment."},
    }
)


def layout(ctx: PageContext):
    return simple_page(ctx, "commitments.title", "commitments.lead", "commitments")


PAGE = Page(name="commitments", path="/commitments", title_key="commitments.title", layout=layout, nav="commitments")
