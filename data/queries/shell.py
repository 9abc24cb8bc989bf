"""What every page's frame shows: the countries to choose from, when data was loaded."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import func, select

from data.db import get_engine
from data.models import ActionPlan, Commitment, Country, Source


def countries(url: str) -> pd.DataFrame:
    """Countries that have at least one action plan, with their commitment counts."""
    stmt = (
        select(Country.code, Country.name, func.count(Commitment.id).label("commitments"))
        .join(ActionPlan, ActionPlan.country_code == Country.code)
        .join(Commitment, Commitment.action_plan_id == ActionPlan.id, isouter=True)
        .group_by(Country.code, Country.name)
        .order_by(Country.name)
    )
    with get_engine(url).connect() as conn:
        return pd.DataFrame(conn.execute(stmt).all(), columns=["code", "name", "commitments"])


def sources(url: str) -> pd.DataFrame:
    stmt = select(Source.kind, Source.name, Source.loaded_at).order_by(Source.loaded_at.desc())
    with get_engine(url).connect() as conn:
        return pd.DataFrame(conn.execute(stmt).all(), columns=["kind", "name", "loaded_at"])


def last_load(url: str) -> dt.datetime | None:
    with get_engine(url).connect() as conn:
        return conn.execute(select(func.max(Source.loaded_at))).scalar()
