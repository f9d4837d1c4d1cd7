"""The public convert() API: the built-in example names, options, error policies, errors."""

from __future__ import annotations

import pytest
from example_names import LACINKA_NAMES

import translit


@pytest.mark.parametrize(("cyrillic", "latin"), LACINKA_NAMES)
def test_example_names_to_lacinka_and_back(cyrillic: str, latin: str) -> None:
    assert translit.convert(cyrillic, "be-lacinka") == latin
    assert translit.convert(latin, "be-lacinka", reverse=True) == cyrillic


def test_design_examples() -> None:
    assert translit.convert("Аляксандр Лукашэнка", "be-lacinka") == "Alaksandr Łukašenka"
    assert translit.convert("Łukašenka", "be-lacinka", reverse=True) == "Лукашэнка"


def test_softness_option_keyword_and_suffix() -> None:
    # issue #3: снег → snieh, дзверы → dzviery by default; śnieh, dźviery with softness
    assert translit.convert("снег дзверы", "be-lacinka") == "snieh dzviery"
    assert translit.convert("снег дзверы", "be-lacinka", softness=True) == "śnieh dźviery"
    assert translit.convert("снег дзверы", "be-lacinka+softness") == "śnieh dźviery"
    assert translit.convert("снег", "be-lacinka+softness=off") == "snieh"


def test_aliases_and_case_insensitive_ids() -> None:
    assert translit.convert("Мінск", "lacinka") == "Minsk"
    assert translit.convert("Гомель", "BE-NATIONAL-2007") == "Homieĺ"


def test_russian_letters_in_belarusian_text_are_romanized() -> None:
    # issue #3: и щ ъ get a documented mapping in every Belarusian scheme
    assert translit.convert("Минск", "be-national-2007") == "Minsk"  # national.md §6
    for scheme in ("be-lacinka", "be-national-2007", "be-bgn-pcgn-1979"):
        out = translit.convert("Щучин объект", scheme)
        assert not any("\u0400" <= c <= "\u04ff" for c in out), (scheme, out)


def test_unknown_scheme_suggests_nearest() -> None:
    with pytest.raises(translit.UnknownSchemeError) as caught:
        translit.convert("x", "be-lacinca")
    assert caught.value.suggestions[0] == "be-lacinka"
    assert "be-lacinka" in str(caught.value)
    assert isinstance(caught.value, translit.TranslitError)


def test_reverse_of_forward_only_scheme_is_a_clear_error() -> None:
    with pytest.raises(translit.DirectionError, match="candidates"):
        translit.convert("Lukashenka", "be-bgn-pcgn-1979", reverse=True)


def test_unknown_option_and_policy() -> None:
    with pytest.raises(translit.OptionError, match="no option 'sofness'"):
        translit.convert("x", "be-lacinka", sofness=True)
    with pytest.raises(translit.OptionError, match="errors="):
        translit.convert("x", "be-lacinka", errors="ignore")


def test_errors_policies() -> None:
    text = "Кіеў ї"  # Ukrainian ї is not a letter of any Belarusian scheme
    assert translit.convert(text, "be-lacinka") == "Kijeŭ ї"
    assert translit.convert(text, "be-lacinka", errors="replace", replacement="_") == "Kijeŭ _"
    with pytest.raises(translit.UncoveredCharacterError) as caught:
        translit.convert(text, "be-lacinka", errors="strict")
    assert caught.value.offset == 5
    assert caught.value.character == "ї"
    assert "offset 5" in str(caught.value)


def test_strict_reverse_names_uncovered_latin() -> None:
    with pytest.raises(translit.UncoveredCharacterError) as caught:
        translit.convert("Quba", "be-lacinka", reverse=True, errors="strict")
    assert caught.value.offset == 0


def test_non_str_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        translit.convert(b"bytes", "be-lacinka")  # type: ignore[arg-type]


def test_schemes_listing() -> None:
    infos = {info.id: info for info in translit.schemes()}
    assert {"be-lacinka", "be-national-2007", "be-bgn-pcgn-1979"} <= set(infos)
    assert infos["be-lacinka"].reversible and infos["be-lacinka"].has_reverse
    assert not infos["be-bgn-pcgn-1979"].reversible and not infos["be-bgn-pcgn-1979"].has_reverse
    assert infos["be-lacinka"].options == ("softness",)


def test_long_word_and_text_are_converted() -> None:
    # ICU is never handed a whole document; a long line still comes out right
    line = " ".join(["Лукашэнка"] * 20_000)
    assert translit.convert(line, "be-lacinka") == " ".join(["Łukašenka"] * 20_000)


def test_same_results_from_many_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    words = [cyrillic for cyrillic, _ in LACINKA_NAMES] * 50
    serial = [translit.convert(word, "be-national-2007") for word in words]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda word: translit.convert(word, "be-national-2007"), words))
    assert parallel == serial


@pytest.mark.parametrize(("scheme_id", "reverse"), [
    ("be-lacinka", False), ("be-lacinka", True), ("be-lacinka-classic", True), ("be-national-2007", False),
    ("be-national-2000", True), ("be-bgn-pcgn-1979", False), ("ru-bgn-pcgn", False),
])
def test_a_long_run_of_letters_converts_as_icu_does_on_the_whole(scheme_id: str, reverse: bool) -> None:
    """Runs longer than 256 letters go to ICU in chunks; the result equals ICU on the whole run."""
    import random

    import icu

    letters = "абвгдеёжзійклмнопрстуўфхцчшыьэюяʼАЛЕЯЬ"
    if reverse:  # Latin letters, the digraphs of classic Łacinka and the 2000 system's ' for ь
        letters = [*"abcćčdefghijklłmnńoprsśštuŭvyzźžLIAŁŚw'", "sz", "cz", "szcz", "ż", "l'", "n'"]
    rng = random.Random(3)
    run = "".join(rng.choice(letters) for _ in range(5000))
    whole = icu.Transliterator.createFromRules(
        "whole", translit.export_icu(scheme_id, reverse=reverse), icu.UTransDirection.FORWARD
    ).transliterate(translit.prepare(run))
    assert translit.convert(run, scheme_id, reverse=reverse) == whole
