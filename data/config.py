"""Where the database is: one setting, read from the environment or passed in."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = Path(os.environ.get("OGP_INSTANCE_DIR", PROJECT_ROOT / "instance"))
DEFAULT_SQLITE_PATH = INSTANCE_DIR / "ogp_monitor.sqlite3"


def database_url(explicit: str | None = None) -> str:
    """The URL to use: an explicit one, else DATABASE_URL, else the embedded SQLite file."""
    url = explicit or os.environ.get("DATABASE_URL")
    if url:
        # Heroku-style URLs name the driver-less scheme; SQLAlchemy 2 needs a driver.
        if url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url[len("postgres://") :]
        elif url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"
