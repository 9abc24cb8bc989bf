"""Commitment detail: /commitments/<id>"""
from __future__ import annotations

from dash import html
from sqlalchemy import select

from dashboard.components.common import page_heading
from dashboard.i18n import add, t
from dashboard.pages import Page, PageContext

add(
    {
        "detail.not_found": {"es": "Compromiso no encontrado", "en": "Commitment not found"},
        "detail.not_found_body": {
            "es": "No hay ningún compromiso con el código «{id}». Búsquelo en el explorador de compromisos.",
            "en": "There is no commitment with the id “{id}”. Look for it in the commitment explorer.",
        },
        "detail.search": {"es": "Buscar compromisos", "en": "Search commitments"},
    }
)


def layout(ctx: PageContext):
    from data.db import get_engine
    from data.models import Commitment

    commitment_id = ctx.path_args.get("commitment_id", "")
    with get_engine(ctx.db_url).connect() as conn:
        row = conn.execute(
            select(Commitment.id, Commitment.title, Commitment.title_en).where(Commitment.id == commitment_id[:20])
        ).first()
    if row is None:
        return html.Div(
            [
                page_heading(t("detail.not_found", ctx.lang)),
                html.P(t("detail.not_found_body", ctx.lang, id=commitment_id[:40])),
                html.A(t("detail.search", ctx.lang), href="/commitments?lang=" + ctx.lang, className="btn btn-primary"),
            ]
        )
    title = row.title if ctx.lang == "es" or not row.title_en else row.title_en
    return html.Div([page_heading(f"{row.id} · {title}")])


PAGE = Page(name="commitment_detail", path="/commitments/<commitment_id>", title_key="detail.not_found",
            layout=layout, nav="commitments")
