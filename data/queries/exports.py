"""What downloads need beyond what the views draw.

The timeline draws one page of milestones and reads their texts a page at a
time; its download holds every milestone the filters select, so it reads the
texts of the whole scope at once, through the scope's subquery (no list of
ids, which could pass a database's limit of bound parameters).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from data.db import get_engine
from data.models import Commitment, Milestone, Source
from data.queries.scope import Scope, commitment_ids

MILESTONE_TEXT_COLUMNS = [
    "id",
    "commitment_title",
    "commitment_title_en",
    "title",
    "responsible",
    "planned_start",
    "planned_end",
    "source_kind",
    "source_name",
]


def milestone_texts(url: str, scope: Scope) -> pd.DataFrame:
    """Per milestone in scope: its commitment's titles, its own title, responsible
    body, planned dates and source, keyed by ``id``."""
    ids = commitment_ids(scope).subquery()
    stmt = (
        select(
            Milestone.id,
            Commitment.title,
            Commitment.title_en,
            Milestone.title,
            Milestone.responsible,
            Milestone.planned_start,
            Milestone.planned_end,
            Source.kind,
            Source.name,
        )
        .join(Commitment, Commitment.id == Milestone.commitment_id)
        .join(Source, Source.id == Milestone.source_id)
        .where(Milestone.commitment_id.in_(select(ids.c.id)))
    )
    with get_engine(url).connect() as conn:
        rows = [tuple(r) for r in conn.execute(stmt).all()]
    return pd.DataFrame(rows, columns=MILESTONE_TEXT_COLUMNS)
