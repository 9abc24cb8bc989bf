"""Civil-society engagement: /engagement"""
from __future__ import annotations

from dashboard.i18n import add
from dashboard.pages import Page, PageContext
from dashboard.pages._simple import simple_page

add(
    {
        "engagement.title": {"es": "Participación de la sociedad civil", "en": "Civil-society engagement"},
        "engagement.lead": {"es": "Quién participa, por qué canal y si recibió respuesta.", "en": "Who takes part, through which channel, and whether they got an answer."},
    }
)


def layout(ctx: PageContext):
    return simple_page(ctx, "engagement.title", "engagement.lead", "participation")


PAGE = Page(name="engagement", path="/engagement", title_key="engagement.title", layout=layout, nav="engagement")
