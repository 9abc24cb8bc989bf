"""One test for a missing value, whatever shape pandas gives it.

A cell read from a frame may be None, NaN, ``pd.NA`` or ``pd.NaT``; a text, a
list or an array is a value (even when empty), never "missing".
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def is_missing(value) -> bool:
    """True for None, NaN, pd.NA and NaT; False for any other value."""
    if value is None:
        return True
    if isinstance(value, (str, bytes, list, tuple, dict, set, np.ndarray, pd.Series)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
