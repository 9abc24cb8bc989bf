"""The commitment explorer's table: the grid's columns and rows, and the same rows as a file.

Rows carry display text in the user's language (IRM labels translated, OGP's
sentinels such as ND or NR as given, never a number for them) plus the ranks
the grid sorts IRM columns by, so "Moderate" sorts between "Minor" and
"Transformative" and not alphabetically.  The downloads hold the rows the grid
shows, in its order, with a few more IRM fields for researchers.
"""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd

from dashboard.i18n import add, fmt_percent, irm_label, t, vocab_label
from data import vocab
from data.missing import is_missing

add(
    {
        "explorer.col.id": {"es": "ID", "en": "ID"},
        "explorer.col.title": {"es": "Compromiso", "en": "Commitment"},
        "explorer.col.title_en": {"es": "Título corto en inglés (OGP)", "en": "OGP short title (English)"},
        "explorer.col.plan": {"es": "Plan de acción", "en": "Action plan"},
        "explorer.col.plan_id": {"es": "ID del plan", "en": "Plan ID"},
        "explorer.col.institution": {"es": "Institución responsable", "en": "Lead institution"},
        "explorer.col.areas": {"es": "Áreas de política", "en": "Policy areas"},
        "explorer.col.status": {"es": "Estado en OGP", "en": "OGP status"},
        "explorer.col.implementation": {"es": "Implementación", "en": "Implementation"},
        "explorer.col.progress": {"es": "Avance", "en": "Progress"},
        "explorer.col.progress_pct": {"es": "Avance (%)", "en": "Progress (%)"},
        "explorer.col.milestones": {"es": "Hitos", "en": "Milestones"},
        "explorer.col.method": {"es": "Metodología IRM", "en": "IRM methodology"},
        "explorer.col.specificity": {"es": "Especificidad", "en": "Specificity"},
        "explorer.col.verifiable": {"es": "Verificable", "en": "Verifiable"},
        "explorer.col.potential_impact": {"es": "Impacto potencial", "en": "Potential impact"},
        "explorer.col.potential_for_results": {"es": "Potencial de resultados", "en": "Potential for results"},
        "explorer.col.completion": {"es": "Cumplimiento", "en": "Completion"},
        "explorer.col.completion_midterm": {
            "es": "Cumplimiento (informe de avance)",
            "en": "Completion (progress report)",
        },
        "explorer.col.completion_end": {"es": "Cumplimiento (fin de término)", "en": "Completion (end of term)"},
        "explorer.col.diog": {"es": "¿Abrió el gobierno?", "en": "Did it open government?"},
        "explorer.col.early_results": {"es": "Resultados tempranos", "en": "Early results"},
        "explorer.col.starred": {"es": "Destacado", "en": "Starred"},
        "explorer.col.url": {"es": "Página en OGP", "en": "OGP page"},
        "explorer.tip.classic": {"es": "Metodología IRM hasta 2020", "en": "IRM methodology until 2020"},
        "explorer.tip.results": {"es": "Metodología IRM desde 2021", "en": "IRM methodology from 2021"},
        "explorer.tip.completion": {
            "es": "El último cumplimiento evaluado por el IRM: el de fin de término si existe; si no, el del informe de avance.",
            "en": "The latest completion the IRM assessed: end of term when there is one, else the progress report.",
        },
        "explorer.tip.progress": {
            "es": "Promedio del avance de los hitos (ponderado si tienen peso).",
            "en": "Mean progress of the milestones (weighted when they have weights).",
        },
        "explorer.stage.end_of_term": {"es": "fin de término", "en": "end of term"},
        "explorer.stage.midterm": {"es": "informe de avance", "en": "progress report"},
        "explorer.method_short.irm_classic": {"es": "Hasta 2020", "en": "Until 2020"},
        "explorer.method_short.irm_2021": {"es": "Desde 2021", "en": "From 2021"},
        "explorer.method_short.both": {"es": "Ambas", "en": "Both"},
        "explorer.method_in_text.irm_classic": {"es": "metodología IRM hasta 2020", "en": "IRM methodology until 2020"},
        "explorer.method_in_text.irm_2021": {"es": "metodología IRM desde 2021", "en": "IRM methodology from 2021"},
        "explorer.starred_yes": {"es": "Sí", "en": "Yes"},
        "explorer.starred_no": {"es": "No", "en": "No"},
        "explorer.starred_sr": {"es": "Compromiso destacado", "en": "Starred commitment"},
        "explorer.sheet": {"es": "Compromisos", "en": "Commitments"},
        "explorer.file_filtered": {"es": "filtrado", "en": "filtered"},
    }
)

# Ordinal scales of the IRM columns, worst to best, for sorting.
RANKED = {
    "potential_impact": vocab.POTENTIAL_IMPACT,
    "potential_for_results": vocab.POTENTIAL_FOR_RESULTS,
    "completion": vocab.COMPLETION_END,
    "did_it_open_government": vocab.DID_IT_OPEN_GOVERNMENT,
    "early_results": vocab.EARLY_RESULTS,
}


def _text(value) -> str | None:
    """A cell's value, with pandas' missing markers (None, NaN) as None."""
    if is_missing(value):
        return None
    text = str(value)
    return text or None


def display_title(row, lang: str) -> str:
    """The title in the plan's language; OGP's English short title when reading in English."""
    english = _text(row["title_en"])
    return english if lang == "en" and english else (_text(row["title"]) or "")


def _irm(row, field: str, lang: str) -> str:
    return irm_label(_text(row[field]), _text(row[f"{field}_raw"]), lang)


def starred_text(row, lang: str) -> str:
    """Sí / No, or the sentinel as given (ND, "Pending IRM Review")."""
    flag = row["starred"]
    if flag is True or flag == 1:
        return t("explorer.starred_yes", lang)
    if flag is False or flag == 0:
        return t("explorer.starred_no", lang)
    return _text(row["starred_raw"]) or "—"


GRID_SOURCE = (
    "id",
    "title",
    "title_en",
    "plan_label",
    "action_plan_id",
    "lead_institution",
    "policy_areas",
    "status",
    "implementation",
    "progress",
    "method",
    "completion_stage",
    "starred",
    "starred_raw",
    *(f for field in RANKED for f in (field, f"{field}_raw")),
)


def records(frame: pd.DataFrame, columns) -> list[dict]:
    """Rows as dicts of the given columns (pandas' own to_dict is slow on wide frames)."""
    columns = list(dict.fromkeys(columns))
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def grid_rows(frame: pd.DataFrame, lang: str) -> list[dict]:
    rows = []
    for row in records(frame, GRID_SOURCE):
        item = {
            "id": row["id"],
            "href": "/commitments/" + quote(row["id"], safe=""),
            "title": display_title(row, lang),
            "plan": row["plan_label"],
            "plan_id": row["action_plan_id"],
            "institution": _text(row["lead_institution"]) or "",
            "areas": row["policy_areas"],
            "status": vocab_label("commitment_status", _text(row["status"]), lang),
            "implementation": row["implementation"],
            "implementation_label": vocab_label("status", row["implementation"], lang),
            "progress": None if _text(row["progress"]) is None else round(float(row["progress"]), 1),
            "progress_text": fmt_percent(row["progress"], lang) if _text(row["progress"]) else "—",
            "method": t(f"explorer.method_short.{row['method']}", lang),
            "completion_stage": t(f"explorer.stage.{row['completion_stage']}", lang)
            if _text(row["completion_stage"])
            else "",
            "starred": row["starred"] is True or row["starred"] == 1,
            "starred_text": starred_text(row, lang),
        }
        for field, scale in RANKED.items():
            label = _text(row[field])
            item[field] = irm_label(label, _text(row[f"{field}_raw"]), lang)
            item[f"{field}_rank"] = scale.index(label) if label in scale else -1
        rows.append(item)
    return rows


def _ranked(field: str) -> dict:
    # The grid sorts by the rank its row carries (dashAgGridFunctions in assets/20_explorer.js).
    return {"comparator": {"function": f"ogpRank_{field}"}}


def column_defs(lang: str) -> list[dict]:
    classic, results = t("explorer.tip.classic", lang), t("explorer.tip.results", lang)
    text = {"filter": "agTextColumnFilter"}
    return [
        {
            "field": "id",
            "headerName": t("explorer.col.id", lang),
            "pinned": "left",
            "width": 104,
            "cellRenderer": "OgpCommitmentLink",
            **text,
        },
        {
            "field": "title",
            "headerName": t("explorer.col.title", lang),
            "minWidth": 280,
            "flex": 2,
            "tooltipField": "title",
            **text,
        },
        {"field": "plan", "headerName": t("explorer.col.plan", lang), "width": 130, "tooltipField": "plan_id", **text},
        {
            "field": "institution",
            "headerName": t("explorer.col.institution", lang),
            "width": 200,
            "tooltipField": "institution",
            **text,
        },
        {"field": "areas", "headerName": t("explorer.col.areas", lang), "width": 190, "tooltipField": "areas", **text},
        {"field": "status", "headerName": t("explorer.col.status", lang), "width": 140, **text},
        {
            "field": "implementation_label",
            "headerName": t("explorer.col.implementation", lang),
            "width": 150,
            "cellRenderer": "OgpStatusPill",
            **text,
        },
        {
            "field": "progress",
            "headerName": t("explorer.col.progress", lang),
            "width": 140,
            "headerTooltip": t("explorer.tip.progress", lang),
            "cellRenderer": "OgpProgressCell",
            "filter": "agNumberColumnFilter",
            "type": "numericColumn",
        },
        {"field": "method", "headerName": t("explorer.col.method", lang), "width": 140, **text},
        {
            "field": "potential_impact",
            "headerName": t("explorer.col.potential_impact", lang),
            "width": 150,
            "headerTooltip": classic,
            **text,
            **_ranked("potential_impact"),
        },
        {
            "field": "potential_for_results",
            "headerName": t("explorer.col.potential_for_results", lang),
            "width": 165,
            "headerTooltip": results,
            **text,
            **_ranked("potential_for_results"),
        },
        {
            "field": "completion",
            "headerName": t("explorer.col.completion", lang),
            "width": 150,
            "headerTooltip": t("explorer.tip.completion", lang),
            "tooltipField": "completion_stage",
            **text,
            **_ranked("completion"),
        },
        {
            "field": "did_it_open_government",
            "headerName": t("explorer.col.diog", lang),
            "width": 170,
            "headerTooltip": classic,
            **text,
            **_ranked("did_it_open_government"),
        },
        {
            "field": "early_results",
            "headerName": t("explorer.col.early_results", lang),
            "width": 170,
            "headerTooltip": results,
            **text,
            **_ranked("early_results"),
        },
        {
            "field": "starred_text",
            "headerName": t("explorer.col.starred", lang),
            "width": 120,
            "headerTooltip": classic,
            "cellRenderer": "OgpStarCell",
            "cellRendererParams": {"label": t("explorer.starred_sr", lang)},
            **text,
        },
    ]


# --- downloads -------------------------------------------------------------------------------


def download_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows as a file: translated headers, labels or sentinels as shown, progress a number."""
    records_ = records(frame, frame.columns)
    irm = (
        "specificity",
        "verifiable",
        "potential_impact",
        "potential_for_results",
        "completion_midterm",
        "completion_end",
        "did_it_open_government",
        "early_results",
    )
    headers = {
        "specificity": "specificity",
        "verifiable": "verifiable",
        "potential_impact": "potential_impact",
        "potential_for_results": "potential_for_results",
        "completion_midterm": "completion_midterm",
        "completion_end": "completion_end",
        "did_it_open_government": "diog",
        "early_results": "early_results",
    }
    columns = {
        "id": [r["id"] for r in records_],
        "title": [_text(r["title"]) or "" for r in records_],
        "title_en": [_text(r["title_en"]) or "" for r in records_],
        "plan": [r["plan_label"] for r in records_],
        "plan_id": [r["action_plan_id"] for r in records_],
        "institution": [_text(r["lead_institution"]) or "" for r in records_],
        "areas": [r["policy_areas"] for r in records_],
        "status": [vocab_label("commitment_status", _text(r["status"]), lang) for r in records_],
        "implementation": [vocab_label("status", r["implementation"], lang) for r in records_],
        "progress_pct": [None if _text(r["progress"]) is None else round(float(r["progress"]), 1) for r in records_],
        "milestones": [int(r["milestones"]) for r in records_],
        "method": [vocab_label("irm_method", r["method"], lang) for r in records_],
        **{headers[f]: [_irm(r, f, lang) for r in records_] for f in irm},
        "starred": [starred_text(r, lang) for r in records_],
        "url": [_text(r["url"]) or "" for r in records_],
    }
    out = pd.DataFrame(columns, dtype=object)
    out.columns = [t(f"explorer.col.{name}", lang) for name in columns]
    return out
