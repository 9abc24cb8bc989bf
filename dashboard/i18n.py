"""Every user-visible string, in Spanish and English, and locale-aware formatting.

Modules add their messages with ``add({...})`` at import time; ``t(key, lang)``
looks one up and fails loudly on an unknown key, and tests/test_i18n.py fails
when a message lacks a language or a placeholder differs between languages.
Spanish is the default: forum members mostly work in Spanish.
"""

from __future__ import annotations

import datetime as dt
import re
import string

from data.missing import is_missing

LANGS = ("es", "en")
DEFAULT_LANG = "es"

_CATALOGUE: dict[str, dict[str, str]] = {}


def add(messages: dict[str, dict[str, str]]) -> None:
    """Register messages; the same key may be added twice only with the same texts."""
    for key, texts in messages.items():
        if key in _CATALOGUE and _CATALOGUE[key] != texts:
            raise ValueError(f"message {key!r} is defined twice with different texts")
        _CATALOGUE[key] = texts


def catalogue() -> dict[str, dict[str, str]]:
    return dict(_CATALOGUE)


def normalise_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str, **values) -> str:
    text = _CATALOGUE[key][normalise_lang(lang)]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def lang_from_accept_language(header: str | None) -> str:
    """The first of our languages in an Accept-Language header, else Spanish."""
    if not header:
        return DEFAULT_LANG
    weighted = []
    for part in header.split(","):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()[:2]
        q = 1.0
        for p in pieces[1:]:
            if p.strip().startswith("q="):
                try:
                    q = float(p.strip()[2:])
                except ValueError:
                    q = 0.0
        weighted.append((q, tag))
    for _, tag in sorted(weighted, key=lambda w: -w[0]):
        if tag in LANGS:
            return tag
    return DEFAULT_LANG


# --- numbers and dates ----------------------------------------------------------

_MONTHS = {
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_MONTHS_SHORT = {
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_DAYS = {
    "es": ("domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"),
    "en": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
}
_DAYS_SHORT = {
    "es": ("dom", "lun", "mar", "mié", "jue", "vie", "sáb"),
    "en": ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
}
# Decimal mark and thousands separator; Spanish uses a decimal comma and, as the
# RAE recommends, a (non-breaking) space between thousands.
SEPARATORS = {"es": (",", "\u00a0"), "en": (".", ",")}


def fmt_number(value, lang: str, decimals: int = 0) -> str:
    if is_missing(value):
        return "—"
    decimal, thousands = SEPARATORS[normalise_lang(lang)]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


def fmt_percent(value, lang: str, decimals: int = 0) -> str:
    if is_missing(value):
        return "—"
    return fmt_number(value, lang, decimals) + ("\u00a0%" if normalise_lang(lang) == "es" else "%")


def fmt_list(items: list[str], lang: str, limit: int = 5) -> str:
    """``a; b; c`` or, past ``limit`` items, ``a; …; e y 3 más`` (long lists in a sentence)."""
    if len(items) <= limit:
        return "; ".join(items)
    return t("common.and_more", lang, items="; ".join(items[:limit]), n=fmt_number(len(items) - limit, lang))


def fmt_date(value, lang: str, style: str = "medium") -> str:
    """``medium``: 12 mar 2018 / 12 Mar 2018; ``long``: 12 de marzo de 2018 /
    12 March 2018; ``month``: marzo 2018 / March 2018; ``iso``: 2018-03-12."""
    if is_missing(value) or value == "":
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime().date()
    lang = normalise_lang(lang)
    if style == "iso":
        return value.isoformat()
    if style == "month":
        return f"{_MONTHS[lang][value.month - 1]} {value.year}"
    if style == "long":
        if lang == "es":
            return f"{value.day} de {_MONTHS['es'][value.month - 1]} de {value.year}"
        return f"{value.day} {_MONTHS['en'][value.month - 1]} {value.year}"
    return f"{value.day} {_MONTHS_SHORT[lang][value.month - 1]} {value.year}"


def fmt_datetime(value: dt.datetime | None, lang: str) -> str:
    if value is None:
        return "—"
    return f"{fmt_date(value.date(), lang)} {value:%H:%M}"


def plotly_locale(lang: str) -> dict:
    """A plotly.js locale (month names, separators) passed in each graph's config,
    so axis dates and numbers follow the language without loading locale files."""
    lang = normalise_lang(lang)
    decimal, thousands = SEPARATORS[lang]
    return {
        "moduleType": "locale",
        "name": lang,
        "dictionary": {},
        "format": {
            "days": list(_DAYS[lang]),
            "shortDays": list(_DAYS_SHORT[lang]),
            "months": [m.capitalize() if lang == "es" else m for m in _MONTHS[lang]],
            "shortMonths": list(_MONTHS_SHORT[lang]),
            "date": "%d/%m/%Y" if lang == "es" else "%m/%d/%Y",
            "decimal": decimal,
            "thousands": thousands,
        },
    }


def plotly_separators(lang: str) -> str:
    decimal, thousands = SEPARATORS[normalise_lang(lang)]
    return decimal + thousands


_SAFE_KEY = re.compile(r"^[a-z0-9_.]+$")


def vocab_label(kind: str, code: str | None, lang: str) -> str:
    """Translate a vocabulary code (``status.late``, ``stakeholder.academia``, …)."""
    if code is None or code == "":
        return "—"
    key = f"{kind}.{code}"
    if key in _CATALOGUE:
        return t(key, lang)
    return str(code)


# --- messages shared by every page ---------------------------------------------------
add(
    {
        "app.name": {"es": "Monitor OGP", "en": "OGP Monitor"},
        "app.tagline": {
            "es": "Seguimiento de los planes de acción de Gobierno Abierto",
            "en": "Tracking Open Government action plans",
        },
        "nav.label": {"es": "Navegación principal", "en": "Main navigation"},
        "nav.overview": {"es": "Resumen", "en": "Overview"},
        "nav.timeline": {"es": "Cronograma", "en": "Timeline"},
        "nav.forums": {"es": "Foros", "en": "Forums"},
        "nav.engagement": {"es": "Participación", "en": "Engagement"},
        "nav.commitments": {"es": "Compromisos", "en": "Commitments"},
        "nav.data": {"es": "Datos", "en": "Data"},
        "shell.country": {"es": "País o localidad", "en": "Country or locality"},
        "shell.language": {"es": "Idioma", "en": "Language"},
        "shell.lang_es": {"es": "Español", "en": "Español"},
        "shell.lang_en": {"es": "English", "en": "English"},
        "shell.projector": {"es": "Proyector", "en": "Projector"},
        "shell.projector_on": {
            "es": "Modo proyector activado: textos y gráficos más grandes, sin filtros. Pulse para volver.",
            "en": "Projector mode is on: larger text and charts, no filters. Press to go back.",
        },
        "shell.projector_off": {
            "es": "Modo proyector: textos y gráficos más grandes y sin filtros, para una sala de reuniones.",
            "en": "Projector mode: larger text and charts without filters, for a meeting room.",
        },
        "shell.current": {"es": "(página actual)", "en": "(current page)"},
        "shell.switch_es": {"es": "Ver en español", "en": "View in Spanish"},
        "shell.switch_en": {"es": "Ver en inglés", "en": "View in English"},
        "dropdown.select_all": {"es": "Seleccionar todo", "en": "Select all"},
        "dropdown.deselect_all": {"es": "Quitar todo", "en": "Deselect all"},
        "dropdown.selected_count": {"es": "{num_selected} seleccionados", "en": "{num_selected} selected"},
        "dropdown.search": {"es": "Buscar", "en": "Search"},
        "dropdown.clear_search": {"es": "Borrar búsqueda", "en": "Clear search"},
        "dropdown.clear_selection": {"es": "Borrar selección", "en": "Clear selection"},
        "dropdown.no_options_found": {"es": "No hay opciones", "en": "No options found"},
        "shell.skip": {"es": "Saltar al contenido", "en": "Skip to content"},
        "shell.last_import": {"es": "Última carga de datos: {when}", "en": "Last data load: {when}"},
        "shell.never_loaded": {"es": "Aún no se han cargado datos", "en": "No data loaded yet"},
        "shell.sources": {"es": "Fuentes: {sources}", "en": "Sources: {sources}"},
        "shell.sample_notice": {
            "es": "Incluye datos de muestra generados (marcados «muestra»): no son datos oficiales.",
            "en": "Includes generated sample data (marked “sample”): not official data.",
        },
        "shell.footer_about": {
            "es": "Monitor OGP es software libre. Datos de compromisos: Alianza para el Gobierno Abierto (OGP) y su Mecanismo de Revisión Independiente (IRM).",
            "en": "OGP Monitor is open-source software. Commitment data: Open Government Partnership (OGP) and its Independent Reporting Mechanism (IRM).",
        },
        "source.seed": {"es": "documento semilla", "en": "seed document"},
        "source.file": {"es": "archivo importado", "en": "imported file"},
        "source.sample": {"es": "muestra", "en": "sample"},
        "common.and_more": {"es": "{items} y {n} más", "en": "{items} and {n} more"},
        "common.sample_badge": {"es": "Datos de muestra", "en": "Sample data"},
        "common.sample_badge_help": {
            "es": "Estos datos fueron generados para mostrar el tablero; no son datos oficiales.",
            "en": "These data were generated to demonstrate the dashboard; they are not official data.",
        },
        "common.loading": {"es": "Cargando…", "en": "Loading…"},
        "common.all": {"es": "Todos", "en": "All"},
        "common.none": {"es": "—", "en": "—"},
        "common.reset_filters": {"es": "Restablecer filtros", "en": "Reset filters"},
        "common.filters": {"es": "Filtros", "en": "Filters"},
        "common.source": {"es": "Fuente", "en": "Source"},
        "common.today": {"es": "Hoy", "en": "Today"},
        "common.download_csv": {"es": "Descargar CSV", "en": "Download CSV"},
        "common.download_xlsx": {"es": "Descargar XLSX", "en": "Download XLSX"},
        "common.bad_params": {
            "es": "Algunos parámetros del enlace no se entendieron y se ignoraron: {params}.",
            "en": "Some parameters in the link were not understood and were ignored: {params}.",
        },
        "error.title": {"es": "Algo salió mal", "en": "Something went wrong"},
        "error.body": {
            "es": "No pudimos mostrar esta página. El error quedó registrado; pruebe de nuevo o vuelva al resumen.",
            "en": "We could not show this page. The error was logged; try again or go back to the overview.",
        },
        "notfound.title": {"es": "Página no encontrada", "en": "Page not found"},
        "notfound.body": {
            "es": "No existe ninguna página en {path}. Use el menú o vuelva al resumen.",
            "en": "There is no page at {path}. Use the menu or go back to the overview.",
        },
        "notfound.home": {"es": "Ir al resumen", "en": "Go to the overview"},
        "page.title": {"es": "{page} · Monitor OGP", "en": "{page} · OGP Monitor"},
    }
)

# Vocabulary labels: codes stored in the database, shown in the user's language.
add(
    {
        "status.not_started": {"es": "No iniciado", "en": "Not started"},
        "status.in_progress": {"es": "En curso", "en": "In progress"},
        "status.complete": {"es": "Completado", "en": "Complete"},
        "status.cancelled": {"es": "Cancelado", "en": "Cancelled"},
        "status.late": {"es": "Atrasado", "en": "Late"},
        "status.at_risk": {"es": "En riesgo", "en": "At risk"},
        "status.no_data": {"es": "Sin datos", "en": "No data"},
        "commitment_status.active": {"es": "Activo", "en": "Active"},
        "commitment_status.inactive": {"es": "Inactivo", "en": "Inactive"},
        "stakeholder.national_government": {"es": "Gobierno nacional", "en": "National government"},
        "stakeholder.regional_local_government": {
            "es": "Gobierno regional o local",
            "en": "Regional or local government",
        },
        "stakeholder.civil_society_national": {"es": "Sociedad civil nacional", "en": "Civil society (national)"},
        "stakeholder.civil_society_local": {"es": "Sociedad civil local", "en": "Civil society (local)"},
        "stakeholder.academia": {"es": "Academia", "en": "Academia"},
        "stakeholder.private_sector": {"es": "Sector privado", "en": "Private sector"},
        "stakeholder.international_cooperation": {"es": "Cooperación internacional", "en": "International cooperation"},
        "role.titular": {"es": "Titular", "en": "Titular (full member)"},
        "role.suplente": {"es": "Suplente", "en": "Suplente (alternate)"},
        "forum_kind.national": {"es": "Nacional", "en": "National"},
        "forum_kind.sector_pilot": {"es": "Piloto sectorial", "en": "Sector pilot"},
        "forum_kind.subnational": {"es": "Subnacional", "en": "Subnational"},
        "forum_kind.other": {"es": "Otro", "en": "Other"},
        "meeting_kind.ordinary": {"es": "Ordinaria", "en": "Ordinary"},
        "meeting_kind.extraordinary": {"es": "Extraordinaria", "en": "Extraordinary"},
        "meeting_kind.workshop": {"es": "Taller", "en": "Workshop"},
        "meeting_kind.public_session": {"es": "Sesión pública", "en": "Public session"},
        "channel.public_consultation": {"es": "Consulta pública", "en": "Public consultation"},
        "channel.workshop": {"es": "Taller", "en": "Workshop"},
        "channel.online_comment": {"es": "Comentario en línea", "en": "Online comment"},
        "channel.forum_meeting": {"es": "Sesión del foro", "en": "Forum meeting"},
        "gender.female": {"es": "Mujeres", "en": "Women"},
        "gender.male": {"es": "Hombres", "en": "Men"},
        "gender.other": {"es": "Otro", "en": "Other"},
        "gender.unrecorded": {"es": "No registrado", "en": "Not recorded"},
        # IRM vocabulary (OGP publishes it in English; IRM reports in Spanish use these terms)
        "irm.None": {"es": "Ninguno", "en": "None"},
        "irm.Low": {"es": "Baja", "en": "Low"},
        "irm.Medium": {"es": "Media", "en": "Medium"},
        "irm.High": {"es": "Alta", "en": "High"},
        "irm.Minor": {"es": "Menor", "en": "Minor"},
        "irm.Moderate": {"es": "Moderado", "en": "Moderate"},
        "irm.Transformative": {"es": "Transformador", "en": "Transformative"},
        "irm.Withdrawn": {"es": "Retirado", "en": "Withdrawn"},
        "irm.Not Started": {"es": "No iniciado", "en": "Not Started"},
        "irm.Limited": {"es": "Limitado", "en": "Limited"},
        "irm.Substantial": {"es": "Sustancial", "en": "Substantial"},
        "irm.Complete": {"es": "Completo", "en": "Complete"},
        "irm.Unclear": {"es": "Poco claro", "en": "Unclear"},
        "irm.Worsens": {"es": "Empeoró", "en": "Worsens"},
        "irm.Did Not Change": {"es": "No cambió", "en": "Did Not Change"},
        "irm.Marginal": {"es": "Marginal", "en": "Marginal"},
        "irm.Major": {"es": "Significativo", "en": "Major"},
        "irm.Outstanding": {"es": "Excepcional", "en": "Outstanding"},
        "irm.Yes": {"es": "Sí", "en": "Yes"},
        "irm.No": {"es": "No", "en": "No"},
        "irm.Modest": {"es": "Modesto", "en": "Modest"},
        "irm.No notable results": {"es": "Sin resultados notables", "en": "No notable results"},
        "irm.Significant": {"es": "Significativos", "en": "Significant"},
        "irm_method.irm_classic": {
            "es": "Metodología IRM hasta 2020",
            "en": "IRM methodology until 2020",
        },
        "irm_method.irm_2021": {
            "es": "Metodología IRM desde 2021",
            "en": "IRM methodology from 2021",
        },
    }
)


def irm_label(value: str | None, raw: str | None, lang: str) -> str:
    """An IRM field for display: the translated label, or the sentinel as given."""
    if value:
        return vocab_label("irm", value, lang)
    return raw if raw else "—"
