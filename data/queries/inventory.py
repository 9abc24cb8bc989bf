"""What is loaded: counts per table and per source."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, literal, select, union_all

from data.db import get_engine
from data.models import TABLE_ORDER, Base, Source


def table_counts(url: str) -> dict[str, int]:
    counts = {}
    with get_engine(url).connect() as conn:
        for name in TABLE_ORDER:
            table = Base.metadata.tables[name]
            counts[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    return counts


def source_counts(url: str) -> pd.DataFrame:
    """One row per (source, table) with the number of records from that source,
    in table order.  One UNION ALL query: the Data page draws it on every visit."""
    parts = [
        select(
            literal(position).label("position"),
            literal(name).label("table"),
            table.c.source_id,
            func.count().label("records"),
        ).group_by(table.c.source_id)
        for position, name in enumerate(TABLE_ORDER)
        for table in (Base.metadata.tables[name],)
    ]
    counts = union_all(*parts).subquery()
    stmt = (
        select(counts.c.table, Source.kind, Source.name, Source.loaded_at, counts.c.records)
        .join(Source, Source.id == counts.c.source_id)
        .order_by(counts.c.position, Source.kind, Source.name)
    )
    with get_engine(url).connect() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame(rows, columns=["table", "kind", "source", "loaded_at", "records"])


def stats(url: str) -> dict:
    """The `ogp-monitor stats --json` document."""
    sources: dict[tuple[str, str], dict] = {}
    for table, kind, name, loaded_at, records in source_counts(url).itertuples(index=False):
        stamp = pd.Timestamp(loaded_at).isoformat() if loaded_at is not None and not pd.isna(loaded_at) else None
        entry = sources.setdefault((kind, name), {"kind": kind, "loaded_at": stamp, "records": 0, "tables": {}})
        entry["records"] += int(records)
        entry["tables"][table] = int(records)
    return {
        "tables": table_counts(url),
        "sources": {f"{kind}:{name}": sources[(kind, name)] for kind, name in sorted(sources)},
    }
