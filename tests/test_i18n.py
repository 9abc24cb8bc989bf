"""Every user-visible string exists in Spanish and English."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard import i18n
from dashboard.pages import all_pages

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalogue():
    all_pages()  # pages register their messages on import
    import importlib
    import pkgutil

    import callbacks
    import dashboard

    for pkg in (dashboard, callbacks):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            importlib.import_module(info.name)
    return i18n.catalogue()


def test_i18n001_every_message_has_both_languages(catalogue):
    missing = [k for k, texts in catalogue.items() if set(texts) != set(i18n.LANGS) or not all(texts.values())]
    assert missing == []


def test_i18n002_placeholders_agree_between_languages(catalogue):
    wrong = [k for k, texts in catalogue.items() if i18n.placeholders(texts["es"]) != i18n.placeholders(texts["en"])]
    assert wrong == []


def test_i18n003_every_key_used_in_code_exists(catalogue):
    used = set()
    for folder in ("dashboard", "callbacks"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_.]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    assert sorted(used - set(catalogue)) == []


def test_i18n004_unknown_key_fails_loudly():
    with pytest.raises(KeyError):
        i18n.t("no.such.key", "es")


def test_i18n005_numbers_and_dates_follow_the_language():
    assert i18n.fmt_number(1234567.5, "en", 1) == "1,234,567.5"
    assert i18n.fmt_number(1234567.5, "es", 1) == "1\u00a0234\u00a0567,5"
    assert i18n.fmt_percent(42.25, "es", 1) == "42,3\u00a0%" or i18n.fmt_percent(42.25, "es", 1) == "42,2\u00a0%"
    assert i18n.fmt_percent(42, "en") == "42%"
    assert i18n.fmt_date(dt.date(2019, 8, 31), "es", "long") == "31 de agosto de 2019"
    assert i18n.fmt_date(dt.date(2019, 8, 31), "en", "long") == "31 August 2019"
    assert i18n.fmt_date("2018-03-12", "es") == "12 mar 2018"
    assert i18n.fmt_date(None, "es") == "—"


def test_i18n006_language_from_the_browser_falls_back_to_spanish():
    assert i18n.lang_from_accept_language("en-US,en;q=0.9") == "en"
    assert i18n.lang_from_accept_language("fr-FR,fr;q=0.9,en;q=0.5") == "en"
    assert i18n.lang_from_accept_language("de-DE") == "es"
    assert i18n.lang_from_accept_language(None) == "es"
    assert i18n.lang_from_accept_language("es-PE,en;q=0.8") == "es"


def test_i18n007_plotly_locale_translates_months():
    loc = i18n.plotly_locale("es")
    assert loc["format"]["months"][0] == "Enero"
    assert loc["format"]["decimal"] == ","
