"""IRM assessments of a set of commitments (a frame from data.queries.explorer):
which methodology each falls under, their latest completion, and the panels'
counts.  Pure pandas; no queries.

IRM methodology of a commitment (``method``)
---------------------------------------------
The IRM assessed commitments with one methodology until 2020 ("irm_classic":
Specificity, Potential Impact, Completion, Did It Open Government, starred) and
another from 2021 ("irm_2021": Verifiable, Potential for Results, Early
Results, Completion that may be "Unclear").  OGP's sheet does not say which one
a row uses, so it is read from the data:

1. a rating (not a sentinel such as ND or NR) for Potential for Results or
   Early Results → ``irm_2021``;
2. otherwise, a plan of the 2021 cycle or later with no rating for any field
   only the classic methodology has (Specificity, Potential Impact, Completion
   at the progress report, Did It Open Government) → ``irm_2021``;
3. otherwise → ``irm_classic``, also for commitments the IRM has not rated at
   all yet in plans before 2021 (that is the methodology they fall under).

On OGP's 558-row extract this gives 192 commitments under irm_2021 and no
commitment with ratings of both methodologies' own fields.

A commitment's *completion* is the latest the IRM gave: the end-of-term rating
when there is one, else the progress-report (midterm) one; ``completion_stage``
says which, so the two are never mixed up silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from data import vocab

CLASSIC, RESULTS = vocab.IRM_METHODOLOGIES  # "irm_classic", "irm_2021"

# IRM fields stored as a label (None for sentinels) plus the raw text.
IRM_LABEL_FIELDS = (
    "specificity",
    "potential_impact",
    "completion_midterm",
    "did_it_open_government",
    "diog_access_information",
    "diog_civic_participation",
    "diog_public_accountability",
    "verifiable",
    "potential_for_results",
    "early_results",
    "completion_end",
)
CLASSIC_ONLY = ("specificity", "potential_impact", "completion_midterm", "did_it_open_government")
RESULTS_ONLY = ("potential_for_results", "early_results")
FIRST_RESULTS_CYCLE = 2021

# The two panels "ambition x completion", one per methodology, each on its own scales.
AMBITION = {
    CLASSIC: ("potential_impact", vocab.POTENTIAL_IMPACT),
    RESULTS: ("potential_for_results", vocab.POTENTIAL_FOR_RESULTS),
}
# "Unclear" belongs to the 2021 methodology, yet OGP's sheet also gives it to two
# commitments that fall under the classic one; they are counted, not dropped.
COMPLETION_SCALE = {CLASSIC: vocab.COMPLETION_END, RESULTS: vocab.COMPLETION_END}
# Scale ends shown only when some commitment has them (rare: one "Withdrawn" in OGP's extract).
OPTIONAL_COMPLETION = frozenset({"Withdrawn", "Unclear"})


def is_rated(frame: pd.DataFrame, field: str) -> pd.Series:
    """True where the IRM field holds a rating (a label, not a sentinel or nothing)."""
    return frame[field].fillna("").astype(str).str.len() > 0


def methodology(frame: pd.DataFrame) -> pd.Series:
    """The IRM methodology of each commitment, by the rule in this module's docstring.

    Needs the label columns of CLASSIC_ONLY and RESULTS_ONLY and ``cycle_year``.
    """
    results = np.zeros(len(frame), dtype=bool)
    for field in RESULTS_ONLY:
        results |= is_rated(frame, field).to_numpy()
    classic = np.zeros(len(frame), dtype=bool)
    for field in CLASSIC_ONLY:
        classic |= is_rated(frame, field).to_numpy()
    cycle = pd.to_numeric(frame["cycle_year"], errors="coerce").fillna(0).to_numpy()
    results |= (cycle >= FIRST_RESULTS_CYCLE) & ~classic
    return pd.Series(np.where(results, RESULTS, CLASSIC), index=frame.index, dtype=object)


def latest_completion(frame: pd.DataFrame):
    """(label, raw text, stage) of the latest completion rating: end of term, else midterm."""
    end = is_rated(frame, "completion_end").to_numpy()
    mid = is_rated(frame, "completion_midterm").to_numpy()
    end_raw = frame["completion_end_raw"].fillna("").astype(str).to_numpy()
    mid_raw = frame["completion_midterm_raw"].fillna("").astype(str).to_numpy()
    # numpy's stubs refuse None as `default`; numpy takes it (an object array with None where no rating).
    choices = [frame["completion_end"].to_numpy(), frame["completion_midterm"].to_numpy()]
    label = np.select([end, mid], choices, default=None)  # type: ignore[call-overload]
    # Without a rating, the sentinel is shown as given: the end-of-term one when there is one.
    raw = np.select([end, mid, end_raw != ""], [end_raw, mid_raw, end_raw], default=mid_raw)
    stage = np.select([end, mid], ["end_of_term", "midterm"], default=None)  # type: ignore[call-overload]
    return (
        pd.Series(label, index=frame.index, dtype=object),
        pd.Series(raw, index=frame.index, dtype=object),
        pd.Series(stage, index=frame.index, dtype=object),
    )


# --- the IRM panels ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IrmMatrix:
    """Commitments of one methodology counted by ambition (rows) and completion (columns)."""

    method: str
    counts: pd.DataFrame  # index: ambition labels (scale order), columns: completion labels
    total: int  # commitments of this methodology in the set
    rated: int  # of them, rated on both scales (the sum of the cells)


def irm_matrix(frame: pd.DataFrame, method: str) -> IrmMatrix:
    field, rows = AMBITION[method]
    scale = COMPLETION_SCALE[method]
    mine = (frame["method"] == method).to_numpy()
    row_of = {label: i for i, label in enumerate(rows)}
    column_of = {label: i for i, label in enumerate(scale)}
    cells = np.zeros((len(rows), len(scale)), dtype=int)
    for ambition, completion in zip(frame[field].to_numpy()[mine], frame["completion"].to_numpy()[mine]):
        r, c = row_of.get(ambition), column_of.get(completion)
        if r is not None and c is not None:
            cells[r, c] += 1
    keep = [i for i, label in enumerate(scale) if label not in OPTIONAL_COMPLETION or cells[:, i].sum() > 0]
    counts = pd.DataFrame(cells[:, keep], index=list(rows), columns=[scale[i] for i in keep])
    return IrmMatrix(method=method, counts=counts, total=int(mine.sum()), rated=int(cells.sum()))


def diog_distribution(frame: pd.DataFrame) -> pd.DataFrame:
    """'Did it open government?' of the set: one row per level (Worsens → Outstanding)
    and, last, ``not_assessed`` for commitments without a rating (sentinels such as ND,
    NR, "No early results to report yet", or nothing).

    It is a question of the classic methodology, yet OGP's sheet also rates it for 16
    commitments of 2020 plans that the rule puts under the 2021 methodology (they
    have a Potential for Results); they are counted, and ``count_2021`` says how many.
    """
    pairs = list(zip(frame["did_it_open_government"].to_numpy(), frame["method"].to_numpy()))
    counts = Counter(level for level, _ in pairs)
    counts_2021 = Counter(level for level, method in pairs if method == RESULTS)
    levels = list(vocab.DID_IT_OPEN_GOVERNMENT)
    rated = sum(counts[level] for level in levels)
    return pd.DataFrame(
        {
            "level": levels + ["not_assessed"],
            "count": [counts[level] for level in levels] + [len(pairs) - rated],
            "count_2021": [counts_2021[level] for level in levels] + [0],
        }
    )


def starred(frame: pd.DataFrame) -> pd.DataFrame:
    """The starred commitments of the set (OGP's "Max star" = 1)."""
    return frame[frame["starred"].fillna(False).astype(bool)][["id", "title", "title_en", "plan_label"]]


def any_rating(frame: pd.DataFrame) -> np.ndarray:
    rated = np.zeros(len(frame), dtype=bool)
    for field in IRM_LABEL_FIELDS:
        rated |= is_rated(frame, field).to_numpy()
    return rated


def irm_rated(frame: pd.DataFrame) -> pd.Series:
    """True for commitments with at least one IRM rating (any field, not a sentinel)."""
    return frame["irm_rated"].astype(bool)
