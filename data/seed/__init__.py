"""Peru's built-in data: facts from the seed document, then the marked sample.

- ``seed_frames()`` (``peru.py``): only what ``ogp_pe0066_page.txt`` states,
  imported with origin ``SEED_ORIGIN``.
- ``sample_frames()`` (``sample.py``): a deterministic sample for what is not
  public, imported with origin ``SAMPLE_ORIGIN``.

Both return project-format tables (``data/formats.py``) whose ``source`` column
is empty, so the origin given to the importer is each row's source.
"""

from __future__ import annotations

from data.seed.peru import SEED_ORIGIN, seed_frames
from data.seed.sample import SAMPLE_AS_OF, SAMPLE_ORIGIN, sample_frames

__all__ = ["SAMPLE_AS_OF", "SAMPLE_ORIGIN", "SEED_ORIGIN", "SeedError", "sample_frames", "seed_database", "seed_frames"]


class SeedError(RuntimeError):
    """The importer refused the built-in data: a bug in the seed or the sample."""


def seed_database(url: str | None = None) -> dict:
    """Migrate the database, then load the seed and the sample in one transaction.

    The seed goes first, so sample rows that refer to commitments and plans find
    them.  Loading is an upsert on natural keys, so running this again updates
    rows in place.  Returns the importer's reports, keyed ``seed`` and ``sample``.
    If either report says it failed, nothing is committed.
    """
    from data import db
    from data.importers import load_frames

    db.migrate(url)
    reports = {}
    with db.session_scope(url) as session:
        for name, frames, origin in (
            ("seed", seed_frames(), SEED_ORIGIN),
            ("sample", sample_frames(), SAMPLE_ORIGIN),
        ):
            report = load_frames(session, frames, origin)
            if getattr(report, "ok", True) is False:
                raise SeedError(f"the importer refused the {name} data: {report}")
            reports[name] = report
    return reports
