"""translit.candidates(): Cyrillic spellings behind a lossy romanization, best first, each checked."""

from __future__ import annotations

import pytest

import translit

# BGN/PCGN forms attested by the BGN/PCGN tests (bgn-pcgn.md §4) and the media spellings in its
# notes (Belsat: Alyaksandr Lukashenka, Natallya Kachanava, Uladzimir Karanik), with their Cyrillic.
BGN_WORDS = [
    ("Lukashenka", "Лукашэнка"),  # issue #4's example
    ("Alyaksandr Lukashenka", "Аляксандр Лукашэнка"),
    ("Natallya Kachanava", "Наталля Качанава"),
    ("Vitsyebsk", "Віцебск"),
    ("Homyel’", "Гомель"),
    ("Mahilyow", "Магілёў"),
    ("Uladzimir", "Уладзімір"),
    ("z”yezd", "зʼезд"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), BGN_WORDS)
def test_bgn_best_candidate(latin: str, cyrillic: str) -> None:
    assert translit.candidates(latin, "be-bgn-pcgn-1979")[0] == cyrillic


def test_lost_soft_sign_and_apostrophe_are_restored() -> None:
    # media drop BGN's ’ and ” (bgn-pcgn.md §4: Anatol for Анатоль)
    assert translit.candidates("Homyel", "be-bgn-pcgn-1979")[0] == "Гомель"
    assert "зʼезд" in translit.candidates("zyezd", "be-bgn-pcgn-1979")


def test_every_candidate_gives_the_input_back() -> None:
    """Up to the marks a writer may leave out: ’ ” and the optional interpunct."""
    for latin, _ in BGN_WORDS:
        for spelling in translit.candidates(latin, "be-bgn-pcgn-1979"):
            back = translit.convert(spelling, "be-bgn-pcgn-1979")
            assert back.lower().translate(str.maketrans("", "", "’”·")) == latin.lower().translate(
                str.maketrans("", "", "’”·")
            ), (latin, spelling, back)


def test_capitals_follow_the_input() -> None:
    assert translit.candidates("LUKASHENKA", "be-bgn-pcgn-1979")[0] == "ЛУКАШЭНКА"
    assert translit.candidates("lukashenka", "be-bgn-pcgn-1979")[0] == "лукашэнка"


def test_limit_and_ranked_alternatives() -> None:
    found = translit.candidates("Syarhyey", "be-bgn-pcgn-1979", limit=3)
    assert found[0] == "Сяргей" and len(found) <= 3 and len(set(found)) == len(found)


def test_no_spelling_gives_no_candidate() -> None:
    # q is no output of BGN/PCGN Belarusian: nothing can be its Cyrillic
    assert translit.candidates("Qatar", "be-bgn-pcgn-1979") == []


def test_reversible_scheme_gives_its_exact_reverse() -> None:
    assert translit.candidates("Łukašenka", "be-lacinka") == ["Лукашэнка"]


def test_convert_reverse_of_lossy_scheme_needs_opt_in() -> None:
    with pytest.raises(translit.DirectionError, match="candidates"):
        translit.convert("Lukashenka", "be-bgn-pcgn-1979", reverse=True)
    assert translit.convert("Lukashenka", "be-bgn-pcgn-1979", reverse=True, best_guess=True) == "Лукашэнка"
    assert translit.convert("Qatar", "be-bgn-pcgn-1979", reverse=True, best_guess=True) == "Qatar"


def test_text_around_names_is_kept() -> None:
    assert translit.candidates("Minsk, 2024!", "be-bgn-pcgn-1979")[0] == "Мінск, 2024!"


def test_cli_candidates_and_best_guess() -> None:
    from click.testing import CliRunner

    from translit.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["candidates", "-s", "be-bgn-pcgn-1979", "-n", "2", "Lukashenka"])
    assert result.exit_code == 0
    assert result.stdout.split("\n")[0].split("\t")[:2] == ["Lukashenka", "Лукашэнка"]
    result = runner.invoke(main, ["convert", "-s", "be-bgn-pcgn-1979", "--reverse", "--best-guess"],
                           input="Alyaksandr Lukashenka\n")
    assert (result.exit_code, result.stdout) == (0, "Аляксандр Лукашэнка\n")
