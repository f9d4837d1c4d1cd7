"""translit.identify(): the language of Cyrillic text, the scheme of Latin text (issue #4's examples)."""

from __future__ import annotations

import pytest

import translit


def _top(text: str) -> str:
    return translit.identify(text)[0][0]


def _language_of(scheme_id: str) -> str:
    return next(info.language for info in translit.schemes() if info.id == scheme_id)


@pytest.mark.parametrize(("text", "language"), [
    ("Мінск", "be"), ("Аляксандр Рыгоравіч Лукашэнка", "be"), ("Магілёў", "be"), ("сямʼя", "be"),
    ("Минск", "ru"), ("Александр Григорьевич Лукашенко", "ru"), ("объект", "ru"),
    ("Київ", "uk"), ("Олександр Григорович Іваненко", "uk"), ("Євген", "uk"),
])
def test_cyrillic_language(text: str, language: str) -> None:
    assert _top(text) == language


def test_scores_are_ranked_and_add_up_to_one() -> None:
    for text in ("Мінск", "Lukashenka"):
        guesses = translit.identify(text)
        scores = [score for _, score in guesses]
        assert scores == sorted(scores, reverse=True)
        assert abs(sum(scores) - 1) < 0.01


def test_lacinka_letters_identify_lacinka() -> None:
    assert _top("Łukašenka") == "be-lacinka"  # ł and š: only Łacinka writes both


def test_national_2007_letters() -> None:
    assert _top("Homieĺ") == "be-national-2007"  # ĺ is only the 2007 system's


def test_bgn_or_passport_spelling() -> None:
    assert _top("Lukashenka") in {"be-bgn-pcgn-1979", "be-passport"}
    assert _top("Homyel’") == "be-bgn-pcgn-1979"


def test_russian_based_spelling() -> None:
    if not any(info.language == "ru" for info in translit.schemes()):
        pytest.skip("no Russian scheme shipped")
    assert _language_of(_top("Lukashenko")) == "ru"
    assert _language_of(_top("Aleksandr Grigoryevich Lukashenko")) == "ru"


def test_no_letters_no_guess() -> None:
    assert translit.identify("123 — !") == []


def test_cli_identify() -> None:
    from click.testing import CliRunner

    from translit.cli import main

    result = CliRunner().invoke(main, ["identify", "Łukašenka", "Мінск"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[1].startswith("be-lacinka ")
    assert lines[1].split("\t")[1].startswith("be ")
