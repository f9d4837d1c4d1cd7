"""Shared hypothesis profiles and strategies for the property tests.

Profiles: ``dev`` (default: few examples, no deadline) and ``ci`` (1000 examples per test), chosen by the
environment variable ``CI``. Tests ask :func:`examples` for their example count, so that ``ci`` raises
every test's count instead of being overridden by a per-test ``@settings(max_examples=...)``.

Every strategy builds text from the Belarusian alphabet and the letter lists below (written here from
the alphabet, not from translit's output), so expected values never come from the code under test.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import regex
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
CI_EXAMPLES = 300  # more than the dev counts and hypothesis's 100; ~40 scheme directions keep CI under 15 min

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=CI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if CI else "dev")


def examples(dev: int, ci: int = CI_EXAMPLES) -> int:
    """The example count for one test: ``dev`` locally, ``ci`` (the ``ci`` profile's count) on CI.

    Slow tests (long texts) pass a smaller ``ci``.
    """
    return max(dev, ci) if CI else dev


# --- the schemes, read from their tables -------------------------------------------------------------

TABLES = Path(__file__).resolve().parents[1] / "tables" / "schemes"


def load_table(scheme_id: str) -> dict:
    with (TABLES / f"{scheme_id}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _belarusian_schemes(reversible_only: bool) -> tuple[str, ...]:
    """Belarusian Cyrillic → Latin schemes (all, or those whose table says they are reversible)."""
    import translit

    return tuple(
        info.id for info in translit.schemes()
        if info.language == "be" and info.source_script == "Cyrl" and (info.reversible or not reversible_only)
    )


FORWARD_SCHEMES = _belarusian_schemes(reversible_only=False)  # Cyrillic → Latin, Belarusian text
REVERSIBLE_SCHEMES = _belarusian_schemes(reversible_only=True)


def _directions() -> tuple[tuple[str, bool, dict], ...]:
    """Every (scheme, reverse, options) the library offers: defaults, and each option switched both ways.

    Which option applies to which direction is asked of translit (an OptionError means it does not);
    settings that compile to the same rules as an earlier one are left out.
    """
    import translit

    found: dict[str, tuple[str, bool, dict]] = {}
    for info in translit.schemes():
        for reverse in (False, True) if info.has_reverse else (False,):
            variants = [{}] + [{name: value} for name in info.options for value in (True, False)]
            for options in variants:
                try:
                    rules = translit.export_icu(info.id, reverse=reverse, **options)
                except translit.OptionError:
                    continue
                found.setdefault(rules, (info.id, reverse, options))
    return tuple(found.values())


DIRECTIONS = _directions()
FORWARD_DIRECTIONS = tuple(d for d in DIRECTIONS if not d[1])


def direction_id(direction: tuple[str, bool, dict]) -> str:
    scheme, reverse, options = direction
    suffix = "".join(f"+{name}={'on' if value else 'off'}" for name, value in options.items())
    return f"{scheme}{suffix}{':reverse' if reverse else ''}"


# --- letters -----------------------------------------------------------------------------------------

VOWELS = "аеёіоуыэюя"
IOTATED = "еёюя"
# Consonants as onsets and codas; дз and дж are one sound each.
CONSONANTS = ("б", "в", "г", "д", "дз", "дж", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц",
              "ч", "ш")
CONSONANT_LETTERS = "бвгджзклмнпрстфхцчш"
# ь is written only after these (official orthography: р, labials, hissing consonants are never soft).
SOFTENABLE = ("л", "н", "з", "с", "ц", "дз")
# The apostrophe follows a hard consonant; never л (soft л takes ь), й or ў.
BEFORE_APOSTROPHE = ("б", "в", "г", "д", "ж", "з", "к", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш")
# The apostrophe family prepare() unifies (U+0027 U+2019 U+02BC U+00B4 U+2018 and the backtick).
APOSTROPHES = ("'", "\u2019", "\u02bc", "\u00b4", "\u2018", "`")
BELARUSIAN_ALPHABET = "абвгдеёжзійклмнопрстуўфхцчшыьэюя"
RUSSIAN_ONLY = "ищъ"
PUNCTUATION = " .,;:!?-–—()«»\"„“…/"

# --- plausible Belarusian words in official orthography -----------------------------------------------

# Spellings that official orthography does not have; the word generator may assemble them, the filter
# drops them. (This is the *domain*, not a list of round-trip failures.)
NOT_OFFICIAL_ORTHOGRAPHY = regex.compile(
    r"й[аеёоуыэюя]"  # й before a vowel is written with the iotated vowel: ёд, not йод
    r"|ь[аоуыэьʼ]"  # ь stands before a consonant, at the end or before е ё ю я (і: see the exceptions)
    # з с ц н (and дз) do not write ь before a soft consonant: снег, not сьнег (Taraškievica)
    rf"|[зсцн]ь(?:[{CONSONANT_LETTERS}][ьеёюяі]|лл[ьеёюяі])"
)

# Round-trip exceptions by design, where two Cyrillic spellings share one Latin spelling. Words with
# these patterns are not generated for the round-trip test (see test_round_trip's docstring).
ROUND_TRIP_EXCEPTIONS = {
    "both": regex.compile(
        rf"([{CONSONANT_LETTERS}])ь\1"  # ь before the same consonant doubled: ньн → ńn, льл → ll
        r"|ьі"  # і directly after ь
        rf"|[{CONSONANT_LETTERS}]і[аоуэ]"  # consonant + і + а о у э reads as consonant + я ё ю е: ніа → nia
        # ц before г: both schemes write х as ch, so цг → ch comes back as х (цгал → chał → хал)
        r"|цг"
    ),
    "be-lacinka": regex.compile(
        r"йі"  # Łacinka writes і after a vowel as i, and ji reads back as і
        r"|лль"  # the mirror of льл: Łacinka writes both ллье and льлье as llje
        # A documented limit (test_properties.py::test_lacinka_round_trip_cz_sz): the reverse reads
        # the classic digraphs cz sz as ч ш (unless an i follows), so ц+з and с+з may not come back.
        r"|[сц]з"
    ),
    "be-national-2007": regex.compile(r"ʼі"),  # the 2007 table writes the apostrophe before і as nothing
    "be-national-2000": regex.compile(r"ʼі"),  # as the 2007 table
}
ROUND_TRIP_EXCEPTIONS["be-lacinka-classic"] = ROUND_TRIP_EXCEPTIONS["be-lacinka"]  # same design limits


def _apostrophes_to_sign(word: str) -> str:
    return regex.sub(r"['\u2019\u02bc\u00b4\u2018`]", "\u02bc", word)


def round_trips_by_design(word: str, scheme: str) -> bool:
    """False if ``word`` has a spelling that ``scheme`` cannot round-trip by design."""
    lowered = _apostrophes_to_sign(word.lower())
    own = ROUND_TRIP_EXCEPTIONS.get(scheme)
    return not (ROUND_TRIP_EXCEPTIONS["both"].search(lowered) or (own and own.search(lowered)))


@st.composite
def _raw_word(draw, max_syllables: int = 4) -> str:
    word = ""
    for _ in range(draw(st.integers(1, max_syllables))):
        onset_kinds = ["C", "CC", "Cʼ", "Cь"] if word.endswith(("й", "ь")) else ["", "C", "C", "CC", "Cʼ", "Cь"]
        kind = draw(st.sampled_from(onset_kinds))
        vowels = VOWELS
        if kind == "":
            onset = ""
        elif kind == "C":
            onset = draw(st.sampled_from(CONSONANTS))
        elif kind == "CC":
            onset = draw(st.sampled_from(CONSONANTS)) + draw(st.sampled_from(CONSONANTS))
        elif kind == "Cʼ":
            onset = draw(st.sampled_from(BEFORE_APOSTROPHE)) + draw(st.sampled_from(APOSTROPHES))
            vowels = IOTATED + "і"
        else:  # Cь before an iotated vowel: мільён, Ньёман
            onset = draw(st.sampled_from(SOFTENABLE)) + "ь"
            vowels = IOTATED
        vowel = draw(st.sampled_from(vowels))
        coda = draw(st.sampled_from(["", "", "", "C", "Cь", "й", "ў", "CC"]))
        if coda == "C":
            coda = draw(st.sampled_from(CONSONANTS))
        elif coda == "CC":
            coda = draw(st.sampled_from(CONSONANTS)) + draw(st.sampled_from(CONSONANTS))
        elif coda == "Cь":
            coda = draw(st.sampled_from(SOFTENABLE)) + "ь"
        word += onset + vowel + coda
    return word


def official_orthography(word: str) -> bool:
    """False if ``word`` has a spelling official orthography does not use (NOT_OFFICIAL_ORTHOGRAPHY)."""
    return not NOT_OFFICIAL_ORTHOGRAPHY.search(_apostrophes_to_sign(word.lower()))


def belarusian_words(max_syllables: int = 4) -> st.SearchStrategy[str]:
    """Plausible lowercase Belarusian words in official orthography (apostrophes of every form)."""
    return _raw_word(max_syllables).filter(official_orthography)


def long_belarusian_words(min_words: int = 110, max_words: int = 160) -> st.SearchStrategy[str]:
    """One run of letters of several hundred characters: words glued with "та" (safe after any word)."""
    return st.lists(belarusian_words(), min_size=min_words, max_size=max_words).map("та".join).filter(
        official_orthography
    )


def title(word: str) -> str:
    """Capital first letter (str.title() would also capitalise after an ASCII apostrophe)."""
    return word[:1].upper() + word[1:]


def cased(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Each word in lower case, Title case or UPPER case."""
    return st.tuples(words, st.sampled_from((str, title, str.upper))).map(lambda pair: pair[1](pair[0]))


def belarusian_text(max_words: int = 8) -> st.SearchStrategy[str]:
    """Words in any case joined by spaces and punctuation."""
    separators = st.text(alphabet=PUNCTUATION, min_size=1, max_size=3)
    return st.lists(st.tuples(cased(belarusian_words(3)), separators), min_size=1, max_size=max_words).map(
        lambda pairs: "".join(word + sep for word, sep in pairs)
    )


def cyrillic_letter_soup(max_size: int = 40) -> st.SearchStrategy[str]:
    """Any sequence of Belarusian letters (both cases), и щ ъ, apostrophes, spaces and punctuation."""
    letters = BELARUSIAN_ALPHABET + RUSSIAN_ONLY
    alphabet = letters + letters.upper() + "".join(APOSTROPHES) + PUNCTUATION
    return st.text(alphabet=alphabet, min_size=1, max_size=max_size)


def latin_text_for(scheme: str, max_size: int = 40) -> st.SearchStrategy[str]:
    """Letters of a scheme's Latin alphabet (from its table, both cases) with spaces and punctuation."""
    alphabet = load_table(scheme)["reverse"]["alphabet"]
    return st.text(alphabet=alphabet + alphabet.upper() + PUNCTUATION, min_size=1, max_size=max_size)


# --- text that no forward scheme may touch ------------------------------------------------------------

LACINKA_LETTERS = "ćčłńśšŭźžĺĆČŁŃŚŠŬŹŽĹ"
EMOJI = ("😀", "👍🏽", "👨\u200d👩\u200d👧", "🇧🇾", "❤\ufe0f", "🏳\ufe0f\u200d🌈", "1\ufe0f\u20e3")
ASCII_PRINTABLE = "".join(chr(code) for code in range(0x20, 0x7F))


def non_cyrillic_text(max_parts: int = 12) -> st.SearchStrategy[str]:
    """ASCII letters, digits and punctuation, Łacinka letters and emoji (with ZWJ, skin tones, flags)."""
    part = st.one_of(
        st.text(alphabet=ASCII_PRINTABLE + "\t\n", min_size=1, max_size=12),
        st.text(alphabet=LACINKA_LETTERS + "abcdefghijklmnoprstuvyz", min_size=1, max_size=8),
        st.sampled_from(EMOJI),
    )
    return st.lists(part, min_size=1, max_size=max_parts).map("".join)
