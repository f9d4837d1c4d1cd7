"""translit.prepare(): NFC, invisible characters, apostrophes, look-alike letters."""

from __future__ import annotations

import unicodedata

import pytest

from translit import prepare

APOSTROPHES = ["'", "\u2019", "\u02bc", "\u00b4", "\u2018"]


def test_ascii_is_untouched() -> None:
    text = "Don't stop: 1, 2, 3 — nope, that dash is not ASCII"
    assert prepare("Don't stop") == "Don't stop"
    assert prepare(text) == text


def test_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Мой ёжык і Łukašenka")
    assert prepare(decomposed) == "Мой ёжык і Łukašenka"


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_apostrophe_family_between_cyrillic_letters(apostrophe: str) -> None:
    assert prepare(f"сям{apostrophe}я") == "сям\u02bcя"


def test_apostrophes_elsewhere_are_kept() -> None:
    assert prepare("‘Мінск’ — it’s") == "‘Мінск’ — it’s"
    assert prepare("'сям'я'") == "'сям\u02bcя'"


def test_invisible_characters_removed() -> None:
    assert prepare("\ufeffБела\u200bрусь\u00ad") == "Беларусь"
    assert prepare("Бела\u200dрусь") == "Беларусь"


def test_emoji_joiners_are_kept() -> None:
    family = "👨\u200d👩\u200d👧"
    assert prepare(f"сям'я {family}") == f"сям\u02bcя {family}"


def test_latin_lookalikes_inside_cyrillic_words() -> None:
    # national.md §4: official lists contain Latin i inside Cyrillic words
    assert prepare("Мiкалаевiч Iванава Шумілiна") == "Мікалаевіч Іванава Шуміліна"


def test_cyrillic_lookalikes_inside_latin_words() -> None:
    assert prepare("Lukashenkо") == "Lukashenko"  # Cyrillic о
    assert prepare("Bіełaruś") == "Biełaruś"  # Cyrillic і


def test_words_with_letters_unique_to_both_scripts_are_left() -> None:
    assert prepare("SocietyЛукашэнка") == "SocietyЛукашэнка"


def test_idempotent() -> None:
    text = "\ufeffМiкалаевiч сям’я Lukashenkо"
    assert prepare(prepare(text)) == prepare(text)
