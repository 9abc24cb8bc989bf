"""A commitment's tables as data: its milestones, its IRM review, the sources of the page."""

from __future__ import annotations

import pandas as pd

from dashboard.export_files import ExportTable
from dashboard.exports import yes_no
from dashboard.i18n import add, t, vocab_label

add(
    {
        "export.detail.milestones": {"es": "Hitos de {id}", "en": "Milestones of {id}"},
        "export.detail.milestones_file": {"es": "hitos", "en": "milestones"},
        "export.detail.irm": {"es": "Revisión del IRM de {id}", "en": "IRM review of {id}"},
        "export.detail.irm_file": {"es": "revision-irm", "en": "irm-review"},
        "export.detail.sources": {"es": "Fuentes de la página de {id}", "en": "Sources of the page of {id}"},
        "export.detail.sources_file": {"es": "fuentes", "en": "sources"},
        "export.detail.participation": {"es": "Participación en {id}", "en": "Participation in {id}"},
        "export.detail.participation_file": {"es": "participacion", "en": "participation"},
        "export.detail.via": {"es": "Vínculo", "en": "Link"},
        "export.detail.note": {"es": "Nota", "en": "Note"},
        "export.detail.status": {"es": "Estado", "en": "Status"},
        "export.detail.flag": {"es": "Alerta", "en": "Flag"},
        "export.detail.expected": {"es": "Avance esperado hoy (%)", "en": "Progress expected today (%)"},
        "export.detail.evidence": {"es": "Evidencia (enlace)", "en": "Evidence (link)"},
        "export.detail.own_methodology": {
            "es": "De la metodología del compromiso",
            "en": "Of the commitment's methodology",
        },
        "export.detail.includes_sample": {"es": "Incluye datos de muestra", "en": "Includes sample data"},
    }
)


def _params(ctx_params: dict, commitment_id: str) -> dict:
    return {"country": ctx_params.get("country"), "commitment": commitment_id}


def _plain(value):
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def milestones_table(flagged: pd.DataFrame, ctx, sample: bool, sources: list[str]) -> ExportTable:
    """The milestones table (data.progress.milestone_flags' frame), a column per fact."""
    lang, cid = ctx.lang, str(flagged["commitment_id"].iloc[0])
    headers = [
        "detail.ms.number",
        "detail.ms.title",
        "export.detail.note",
        "detail.ms.responsible",
        "export.col.planned_start",
        "export.col.planned_end",
        "detail.ms.actual_end",
        "export.detail.status",
        "export.detail.flag",
        "export.col.progress_pct",
        "export.detail.expected",
        "export.detail.evidence",
    ]
    rows = []
    for m in flagged.to_dict("records"):
        flag = "late" if m["late"] else ("at_risk" if m["at_risk"] else None)
        evidence = _plain(m.get("evidence_url"))
        rows.append(
            [
                int(m["number"]),
                m["title"],
                _plain(m.get("note")),
                _plain(m.get("responsible")),
                _plain(m["planned_start"]),
                _plain(m["planned_end"]),
                _plain(m["actual_end"]),
                vocab_label("status", m["status"], lang),
                vocab_label("status", flag, lang) if flag else None,
                None if _plain(m["progress"]) is None else round(float(m["progress"]), 1),
                None if _plain(m["expected"]) is None else round(float(m["expected"]), 1),
                evidence
                if isinstance(evidence, str) and evidence.lower().startswith(("http://", "https://"))
                else None,
            ]
        )
    return ExportTable(
        view="commitments",
        name="detail-milestones",
        title=t("export.detail.milestones", lang, id=cid),
        lang=lang,
        file_title=t("export.detail.milestones_file", lang),
        columns=[t(h, lang) for h in headers],
        rows=rows,
        params=_params(ctx.params, cid),
        sample=sample,
        sources=sources,
    )


def irm_table(c: dict, fields: list[tuple], lang: str, sources: list[str]) -> ExportTable:
    """The IRM review (pages.commitment_detail.irm_rows): each field, as assessed and as written in the source."""
    headers = [
        "detail.irm_field",
        "detail.irm_value",
        "detail.irm_raw",
        "detail.irm_methodology",
        "export.detail.own_methodology",
    ]
    rows = [[field, shown, given, method, yes_no(mine, lang)] for field, shown, given, method, mine in fields]
    return ExportTable(
        view="commitments",
        name="detail-irm",
        title=t("export.detail.irm", lang, id=c["id"]),
        lang=lang,
        file_title=t("export.detail.irm_file", lang),
        columns=[t(h, lang) for h in headers],
        rows=rows,
        params=_params({"country": c.get("country_code")}, c["id"]),
        sources=sources,
    )


def sources_table(c: dict, rows: list[tuple], lang: str) -> ExportTable:
    """Where each fact of the page comes from (pages.commitment_detail.source_rows)."""
    columns = [t("detail.src.fact", lang), t("detail.src.source", lang), t("export.detail.includes_sample", lang)]
    data = [[t(key, lang), "; ".join(texts), yes_no(sample, lang)] for key, texts, sample in rows]
    return ExportTable(
        view="commitments",
        name="detail-sources",
        title=t("export.detail.sources", lang, id=c["id"]),
        lang=lang,
        file_title=t("export.detail.sources_file", lang),
        columns=columns,
        rows=data,
        params=_params({"country": c.get("country_code")}, c["id"]),
        sample=any(sample for _, _, sample in rows),
    )


def participation_table(rows: list[list], lang: str, params: dict, sample: bool, sources: list[str]) -> ExportTable:
    """The participation tables as one: how each record is linked, its channel and the sums."""
    cid = params.get("commitment") or ""
    columns = [
        t("export.detail.via", lang),
        *(t(f"detail.pt.{k}", lang) for k in ("channel", "records", "participants", "received", "answered")),
    ]
    return ExportTable(
        view="commitments",
        name="detail-participation",
        title=t("export.detail.participation", lang, id=cid),
        lang=lang,
        file_title=t("export.detail.participation_file", lang),
        columns=columns,
        rows=rows,
        params=params,
        sample=sample,
        sources=sources,
    )
