"""Text compared as people type it: without case or accents."""

from __future__ import annotations

import re
import unicodedata

# Combining marks (accents) left apart by NFKD normalisation.
MARKS = re.compile(r"[\u0300-\u036f]")


def strip_accents(text: str) -> str:
    return MARKS.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Text for matching: lower case, no accents ("Gestión" matches "gestion")."""
    return strip_accents(text.casefold())
