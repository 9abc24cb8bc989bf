"""What is loaded: counts per table and per source."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

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
    """One row per (source, table) with the number of records from that source."""
    rows = []
    with get_engine(url).connect() as conn:
        for name in TABLE_ORDER:
            table = Base.metadata.tables[name]
            stmt = (
                select(Source.kind, Source.name, Source.loaded_at, func.count().label("records"))
                .select_from(table.join(Source, table.c.source_id == Source.id))
                .group_by(Source.kind, Source.name, Source.loaded_at)
            )
            for kind, src, loaded_at, n in conn.execute(stmt):
                rows.append({"table": name, "kind": kind, "source": src, "loaded_at": loaded_at, "records": n})
    return pd.DataFrame(rows, columns=["table", "kind", "source", "loaded_at", "records"])


def stats(url: str) -> dict:
    """The `ogp-monitor stats --json` document."""
    per_source = source_counts(url)
    sources: dict[str, dict] = {}
    for (kind, name), group in per_source.groupby(["kind", "source"], sort=True):
        sources[f"{kind}:{name}"] = {
            "kind": kind,
            "loaded_at": group["loaded_at"].max().isoformat() if len(group) else None,
            "records": int(group["records"].sum()),
            "tables": {t: int(n) for t, n in zip(group["table"], group["records"])},
        }
    return {"tables": table_counts(url), "sources": sources}
