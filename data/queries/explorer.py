"""The commitment explorer's data: one row per commitment with its IRM assessment.

``commitments`` reads the commitments in the shared scope (country, plan,
policy area, lead institution; see data/queries/scope.py) with their plan,
institution, policy areas, IRM fields, progress and implementation status (by
the rules in data/progress.py).  The result is small (at most a few hundred
rows per country) and is cached by the caller, so the explorer's own filters
(implementation status, IRM methodology, the quick search) and the IRM panels
work on it in pandas.

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

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import case, func, select

from data import progress, vocab
from data.db import get_engine
from data.models import (
    ActionPlan,
    Commitment,
    Institution,
    Milestone,
    PolicyArea,
    Source,
    commitment_policy_areas,
)
from data.queries.scope import Scope, commitment_ids, milestone_frame, plan_label

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

NO_DATA = "no_data"  # implementation status of a commitment without milestones

COLUMNS = (
    "id",
    "number",
    "number_label",
    "title",
    "title_en",
    "action_plan_id",
    "plan_label",
    "cycle_year",
    "lead_institution",
    "policy_areas",
    "status",
    "url",
    *(f for name in IRM_LABEL_FIELDS for f in (name, f"{name}_raw")),
    "starred",
    "starred_raw",
    "method",
    "completion",
    "completion_raw",
    "completion_stage",
    "irm_rated",
    "milestones",
    "sample_milestones",
    "progress",
    "implementation",
    "search_text",
)


def commitments(
    url: str,
    country: str | None,
    plan: str | None = None,
    area: str | None = None,
    institution: str | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """The commitments in scope, one row each, ordered by plan (newest first) and number."""
    scope = Scope(country=country, plan=plan, area=area, institution=institution)
    ids = commitment_ids(scope).subquery()
    irm = [getattr(Commitment, f) for name in IRM_LABEL_FIELDS for f in (name, f"{name}_raw")]
    stmt = (
        select(
            Commitment.id,
            Commitment.number,
            Commitment.number_label,
            Commitment.title,
            Commitment.title_en,
            Commitment.action_plan_id,
            ActionPlan.cycle_year,
            ActionPlan.start_year,
            ActionPlan.end_year,
            Institution.name.label("lead_institution"),
            Commitment.status,
            Commitment.url,
            *irm,
            Commitment.starred,
            Commitment.starred_raw,
        )
        .join(ActionPlan, ActionPlan.id == Commitment.action_plan_id)
        .join(Institution, Institution.id == Commitment.lead_institution_id, isouter=True)
        .where(Commitment.id.in_(select(ids.c.id)))
    )
    with get_engine(url).connect() as conn:
        result = conn.execute(stmt)
        frame = pd.DataFrame(result.all(), columns=list(result.keys()))
        areas = _policy_areas(conn, ids)
        sampled = _milestone_sources(conn, ids)
    frame["plan_label"] = [
        plan_label(p)
        for p in frame[["action_plan_id", "start_year", "cycle_year", "end_year"]]
        .rename(columns={"action_plan_id": "id"})
        .itertuples()
    ]
    frame["policy_areas"] = [areas.get(cid, "") for cid in frame["id"]]
    frame["method"] = methodology(frame)
    frame["irm_rated"] = _any_rating(frame)
    frame["completion"], frame["completion_raw"], frame["completion_stage"] = _latest_completion(frame)
    frame = _with_progress(frame, milestone_frame(url, scope), sampled, today or dt.date.today())
    frame["search_text"] = _searchable(frame)
    frame = frame.sort_values(
        ["cycle_year", "action_plan_id", "number", "id"], ascending=[False, False, True, True], na_position="last"
    )
    return frame[list(COLUMNS)].reset_index(drop=True)


def _policy_areas(conn, ids) -> dict[Hashable, str]:
    stmt = (
        select(commitment_policy_areas.c.commitment_id, PolicyArea.name)
        .join(PolicyArea, PolicyArea.id == commitment_policy_areas.c.policy_area_id)
        .where(commitment_policy_areas.c.commitment_id.in_(select(ids.c.id)))
        .order_by(commitment_policy_areas.c.commitment_id, PolicyArea.name)
    )
    pairs = pd.DataFrame(conn.execute(stmt).all(), columns=["id", "name"])
    return pairs.groupby("id")["name"].agg("; ".join).to_dict() if len(pairs) else {}


def _milestone_sources(conn, ids) -> dict[str, bool]:
    """Whether any milestone of each commitment comes from generated sample data."""
    is_sample = func.max(case((Source.kind == "sample", 1), else_=0))
    stmt = (
        select(Milestone.commitment_id, is_sample)
        .join(Source, Source.id == Milestone.source_id)
        .where(Milestone.commitment_id.in_(select(ids.c.id)))
        .group_by(Milestone.commitment_id)
    )
    return {cid: bool(flag) for cid, flag in conn.execute(stmt)}


def _rated(frame: pd.DataFrame, field: str) -> pd.Series:
    """True where the IRM field holds a rating (a label, not a sentinel or nothing)."""
    return frame[field].fillna("").astype(str).str.len() > 0


def methodology(frame: pd.DataFrame) -> pd.Series:
    """The IRM methodology of each commitment, by the rule in this module's docstring.

    Needs the label columns of CLASSIC_ONLY and RESULTS_ONLY and ``cycle_year``.
    """
    results = np.zeros(len(frame), dtype=bool)
    for field in RESULTS_ONLY:
        results |= _rated(frame, field).to_numpy()
    classic = np.zeros(len(frame), dtype=bool)
    for field in CLASSIC_ONLY:
        classic |= _rated(frame, field).to_numpy()
    cycle = pd.to_numeric(frame["cycle_year"], errors="coerce").fillna(0).to_numpy()
    results |= (cycle >= FIRST_RESULTS_CYCLE) & ~classic
    return pd.Series(np.where(results, RESULTS, CLASSIC), index=frame.index, dtype=object)


def _latest_completion(frame: pd.DataFrame):
    """(label, raw text, stage) of the latest completion rating: end of term, else midterm."""
    end = _rated(frame, "completion_end").to_numpy()
    mid = _rated(frame, "completion_midterm").to_numpy()
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


def _with_progress(
    frame: pd.DataFrame, milestones: pd.DataFrame, sampled: dict[str, bool], today: dt.date
) -> pd.DataFrame:
    counts = milestones.groupby("commitment_id").size() if len(milestones) else pd.Series(dtype=int)
    frame["milestones"] = frame["id"].map(counts).fillna(0).astype(int)
    frame["sample_milestones"] = [sampled.get(cid, False) for cid in frame["id"]]
    if len(milestones):
        frame["progress"] = frame["id"].map(progress.commitment_progress(milestones)).astype(float)
        status = progress.implementation_status(milestones, today)
        frame["implementation"] = frame["id"].map(status).fillna(NO_DATA).astype(object)
    else:
        frame["progress"] = np.nan
        frame["implementation"] = NO_DATA
    return frame


# Combining marks (accents) left apart by NFKD normalisation.
_MARKS = re.compile(r"[\u0300-\u036f]")


def strip_accents(text: str) -> str:
    return _MARKS.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Text for matching: lower case, no accents ("Gestión" matches "gestion")."""
    return strip_accents(text.casefold())


def _searchable(frame: pd.DataFrame) -> pd.Series:
    parts = ("id", "title", "title_en", "action_plan_id", "plan_label", "lead_institution", "policy_areas")
    if frame.empty:
        return pd.Series([], index=frame.index, dtype=object)
    joined = frame[list(parts)].fillna("").astype(str).agg(" ".join, axis=1)
    return joined.str.casefold().str.normalize("NFKD").str.replace(_MARKS, "", regex=True)


def filter_commitments(
    frame: pd.DataFrame, status: str | None = None, method: str | None = None, q: str | None = None
) -> pd.DataFrame:
    """The explorer's own filters on top of the shared scope.

    ``status``: implementation status (``no_data`` for commitments without
    milestones); ``method``: IRM methodology; ``q``: every word must appear in
    the id, title (either language), plan, lead institution or policy areas,
    ignoring case and accents.
    """
    keep = np.ones(len(frame), dtype=bool)
    if status:
        keep &= (frame["implementation"] == status).to_numpy()
    if method:
        keep &= (frame["method"] == method).to_numpy()
    for word in fold(q or "").split():
        keep &= np.fromiter((word in text for text in frame["search_text"]), dtype=bool, count=len(frame))
    return frame[keep]


def restrict(frame: pd.DataFrame, ids: list[str] | None) -> pd.DataFrame:
    """The rows whose id is in ``ids``, in that order (the grid's filtered and sorted rows)."""
    if ids is None:
        return frame
    position = {cid: i for i, cid in enumerate(dict.fromkeys(str(i) for i in ids))}
    rows = frame[frame["id"].isin(position)]
    return rows.iloc[np.argsort(rows["id"].map(position).to_numpy(), kind="stable")]


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


def scope_summary(frame: pd.DataFrame) -> dict:
    """What the whole set holds: counts the page states in words."""
    return {
        "commitments": len(frame),
        "with_milestones": int((frame["milestones"] > 0).sum()),
        "sample": bool(frame["sample_milestones"].any()),
        "irm_rated": int(irm_rated(frame).sum()),
    }


def _any_rating(frame: pd.DataFrame) -> np.ndarray:
    rated = np.zeros(len(frame), dtype=bool)
    for field in IRM_LABEL_FIELDS:
        rated |= _rated(frame, field).to_numpy()
    return rated


def irm_rated(frame: pd.DataFrame) -> pd.Series:
    """True for commitments with at least one IRM rating (any field, not a sentinel)."""
    return frame["irm_rated"].astype(bool)
