"""What each view's tables download as: pure functions, the view's data in,
a ``dashboard.components.downloads.ExportTable`` out (headers translated,
values as data: ISO dates, plain numbers, vocabulary labels in the reader's
language).  The pages put ``table_downloads(...)`` next to the tables they draw."""

from __future__ import annotations

from dashboard.i18n import add, t

# Column headers several views' tables share.
add(
    {
        "export.col.commitment": {"es": "Compromiso", "en": "Commitment"},
        "export.col.milestone_number": {"es": "N.º de hito", "en": "Milestone no."},
        "export.col.milestone": {"es": "Hito", "en": "Milestone"},
        "export.col.responsible": {"es": "Responsable", "en": "Responsible"},
        "export.col.planned_end": {"es": "Fin previsto", "en": "Planned end"},
        "export.col.progress_pct": {"es": "Avance (%)", "en": "Progress (%)"},
        "export.col.situation": {"es": "Situación", "en": "Situation"},
        "export.col.forum": {"es": "Foro", "en": "Forum"},
        "export.col.forum_code": {"es": "Código del foro", "en": "Forum code"},
        "export.col.date": {"es": "Fecha", "en": "Date"},
        "export.col.meeting_kind": {"es": "Tipo de sesión", "en": "Kind of meeting"},
        "export.col.attendees": {"es": "Asistentes", "en": "Attendees"},
        "export.col.agreements": {"es": "Acuerdos", "en": "Agreements"},
        "export.col.commitment_title": {"es": "Título del compromiso", "en": "Commitment title"},
        "export.col.planned_start": {"es": "Inicio previsto", "en": "Planned start"},
        "export.col.actual_end": {"es": "Fin real", "en": "Actual end"},
        "export.col.expected_pct": {"es": "Avance esperado (%)", "en": "Expected progress (%)"},
        "export.col.state_on": {"es": "Estado al {date}", "en": "State on {date}"},
        "export.col.source": {"es": "Fuente", "en": "Source"},
        "export.yes": {"es": "Sí", "en": "Yes"},
        "export.no": {"es": "No", "en": "No"},
    }
)


def yes_no(flag: bool, lang: str) -> str:
    return t("export.yes" if flag else "export.no", lang)
