"""Property tests (hypothesis) of translit.names: key() is blind to case, Unicode normalization, the form of
the apostrophe and the romanization scheme; key(), match() and Index.resolve() take any text.

Words come from tests/strategies.py (the Belarusian alphabet, official orthography), never from translit's
output; example counts from its profiles (``dev`` locally, ``ci`` with CI=true).
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import FORWARD_SCHEMES, IOTATED, belarusian_words, cased, examples, title

import translit
from translit.names import Index, key, match

APOSTROPHE_FORMS = ("'", "\u2019", "\u02bc")  # ASCII, right single quotation mark, modifier letter apostrophe
_ANY_APOSTROPHE = regex.compile(r"['\u2019\u02bc\u00b4\u2018`]")


def _signs(word: str) -> str:
    return _ANY_APOSTROPHE.sub("ʼ", word.lower())


# --- key() through every scheme, and where it cannot hold -------------------------------------------------

# key() reads a Latin word letter by letter, longest string first (translit/names/keys.py, step 2). Where the
# Latin spellings of two neighbouring Cyrillic letters form a string key.toml reads as one other letter, the
# romanization cannot have the Cyrillic word's key. Each entry: (Cyrillic pattern, schemes, why). A soft sign
# or apostrophe between the two letters ([ьʼ]?) is written as nothing or as j by these schemes, so it does not
# keep them apart. Found by checking every Cyrillic letter pair between vowels in every scheme; none of
# them is in a name of the gazetteer; рж (Дзяржынск) was, until key.toml read rzh as r + zh
# (test_dziarzynsk_through_ascii_schemes).
_GAP = "[ьʼ]?"
_G_AS_H = {"be-ala-lc", "be-bgn-pcgn-1979", "be-icao-9303", "be-lacinka", "be-lacinka-classic",
           "be-national-2000", "be-national-2007", "be-odni-ics-630-01", "be-passport"}
_X_AS_H = {"be-gki-1992", "be-iso9", "be-national-2023"}
_ZH = {"be-ala-lc", "be-bgn-pcgn-1979", "be-gost-7.79-b", "be-icao-9303", "be-national-2023",
       "be-odni-ics-630-01", "be-passport"}
_C_AS_TS = {"be-ala-lc", "be-bgn-pcgn-1979", "be-icao-9303", "be-odni-ics-630-01", "be-passport"}
_C_AS_C = {"be-gki-1992", "be-iso9", "be-lacinka", "be-lacinka-classic", "be-national-2000",
           "be-national-2007", "be-national-2023"}
_ALL = set(FORWARD_SCHEMES)
DIGRAPH_CLASHES = [
    (f"[рст]{_GAP}з", _ALL, "r/s/t + z is Polish rz (р), sz (ш) or German tz (ц) in key.toml [latin]"),
    (f"[зкпсц]{_GAP}г", _G_AS_H, "with г written h: zh kh ph sh ch are ж х ф ш х/ч"),
    (f"[зкпсц]{_GAP}х", _X_AS_H, "with х written h: zh kh ph sh ch are ж х ф ш х/ч"),
    (f"[ст]{_GAP}ж", _ZH, "with ж written zh: szh tzh are read sz tz + h (key.toml reads rzh as r + zh)"),
    (f"т{_GAP}ш", _ZH | _C_AS_TS, "tsh is read ts (ц) + h"),
    (f"ц{_GAP}ч", _C_AS_TS | {"be-national-2023", "be-lacinka-classic"},
     "tsch is German ч; cch and ccz start with English cc (k) of key.toml [latin_plain]"),
    (f"ц{_GAP}[зцлрх]", _C_AS_C,
     "with ц written c: cz is Polish ч, cc cl cr are English (latin_plain), ch is х"),
    (f"ц{_GAP}ж", {"be-national-2023"}, "czh is read cz (Polish ч) + h"),
    (f"т{_GAP}[чш]", {"be-lacinka-classic"}, "tcz and tsz: classic Łacinka ч cz and ш sz after t"),
    (f"тс(?:[ьʼ]|{_GAP}[{IOTATED}])", _C_AS_C, "tsj is Dutch ч in key.toml [latin]"),
    ("тсс", _ALL,
     "[[reduce]] turns ts into t before doubled letters are joined: тсс gives ts, Latin t + ss gives t"),
]
# Limits of one scheme as a whole.
SCHEME_LIMITS = {
    "be-gost-7.79-b": ("[хц]", "key.toml [latin] reads x as ks and cz as ч on purpose (its comments: "
                               "GOST 7.79-B's x for х and cz for ц are rare in names)"),
}


def _excluded(scheme: str) -> regex.Pattern:
    patterns = [pattern for pattern, schemes, _ in DIGRAPH_CLASHES if scheme in schemes]
    if scheme in SCHEME_LIMITS:
        patterns.append(SCHEME_LIMITS[scheme][0])
    return regex.compile("|".join(patterns))


def _words_for(scheme: str) -> st.SearchStrategy[str]:
    """Lower-case and Title-case words: a lone all-capital word of at most five letters is an acronym, keyed
    letter by letter (parse.py step 3), and its romanization may have more letters (ЁН → YON) or fewer
    (ДЗЬЁЛЬ → DZIOL), so an all-capital word and its romanization may fall on either side of that rule."""
    excluded = _excluded(scheme)
    words = st.tuples(belarusian_words(), st.booleans()).map(
        lambda pair: title(pair[0]) if pair[1] else pair[0])
    return words.filter(lambda word: not excluded.search(_signs(word)))


@pytest.mark.parametrize("scheme", FORWARD_SCHEMES)
def test_key_is_blind_to_the_scheme(scheme: str) -> None:
    @settings(max_examples=examples(60))
    @given(word=_words_for(scheme))
    def check(word: str) -> None:
        assert key(translit.convert(word, scheme)) == key(word)

    check()


@pytest.mark.parametrize(("word", "scheme"), [
    ("Дзяржынск", "be-passport"), ("Дзяржынск", "be-bgn-pcgn-1979"), ("Дзяржынск", "be-icao-9303"),
])
def test_dziarzynsk_through_ascii_schemes(word: str, scheme: str) -> None:
    assert key(translit.convert(word, scheme)) == key(word)


@pytest.mark.parametrize("word", ["Мар'іна Горка", "Сям'я", "Вадзім Гатса", "Мазгі"])
def test_bgn_apostrophe_and_interpunct(word: str) -> None:
    # BGN/PCGN writes the apostrophe as ” (Mar”ina) and separates t·s and z·h with an interpunct: neither may
    # break a word in two
    assert key(translit.convert(word, "be-bgn-pcgn-1979")) == key(word)


# --- case, normalization, apostrophes ---------------------------------------------------------------------

def _letters(word: str) -> int:
    return sum(c.isalpha() for c in word)


@settings(max_examples=examples(200))
@given(first=belarusian_words(), second=belarusian_words())
@example(first="ва", second="дза")
def test_key_is_blind_to_case(first: str, second: str) -> None:
    name = f"{first} {second}"
    assert key(f"{title(first)} {title(second)}") == key(name)
    assert key(f"{title(first)} {second}") == key(name)
    # Capitals only for words of more than five letters: a lone all-capital word of at most five letters is an
    # acronym (parse.py step 3), also when the other word is a designator and is dropped (ВА ДЗА: ва has the
    # key of the legal form UE, and ДЗА is left alone).
    if min(_letters(first), _letters(second)) > 5:
        assert key(name.upper()) == key(name)
        assert key(f"{first.upper()} {second}") == key(name)


@settings(max_examples=examples(200))
@given(word=belarusian_words())
@example(word="янка")
def test_key_of_one_word_is_blind_to_case(word: str) -> None:
    # as above: ЯНКА (four capitals) is an acronym, Янка the given name
    assert key(title(word)) == key(word)
    if _letters(word) > 5:
        assert key(word.upper()) == key(word)


@settings(max_examples=examples(200))
@given(word=cased(belarusian_words()), scheme=st.sampled_from(FORWARD_SCHEMES))
def test_key_is_blind_to_normalization(word: str, scheme: str) -> None:
    for text in (word, translit.convert(word, scheme)):
        # NFC and NFD only: compatibility forms change text (NFKC turns the ´ apostrophe into a space + mark)
        assert key(unicodedata.normalize("NFD", text)) == key(unicodedata.normalize("NFC", text)) == key(text)


@settings(max_examples=examples(200))
@given(before=belarusian_words(2), consonant=st.sampled_from("бвгдзкмнпрстфхцчш"),
       vowel=st.sampled_from(IOTATED + "і"), after=belarusian_words(2))
def test_key_is_blind_to_the_apostrophe_form(before: str, consonant: str, vowel: str, after: str) -> None:
    spellings = [f"{before}{consonant}{apostrophe}{vowel}{after}" for apostrophe in APOSTROPHE_FORMS]
    assert len({key(s) for s in spellings}) == 1
    assert len({key(title(s)) for s in spellings}) == 1


# --- any text -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_index() -> Index:
    index = Index()
    index.add("place:mahiliou", "Магілёў", "place")
    index.add("org:maz", "МАЗ", "org")
    index.add("person:lukasenka", "Аляксандр Рыгоравіч Лукашэнка", "person")
    return index


@settings(max_examples=examples(300))
@given(text=st.text(), other=st.text(max_size=8))
def test_any_text_is_taken(small_index: Index, text: str, other: str) -> None:
    assert isinstance(key(text), str)
    assert 0.0 <= match(text, other) <= 1.0
    assert 0.0 <= match(text, "Mahilyow") <= 1.0
    for found in (small_index.resolve(text), Index.default().resolve(text, limit=3)):
        assert isinstance(found, list) and all(0.8 <= m.score <= 1.0 for m in found)


@settings(max_examples=examples(100))
@given(name=st.text(), entity_id=st.text(min_size=1).filter(str.strip))
def test_any_text_can_be_added(name: str, entity_id: str) -> None:
    index = Index()
    index.add(entity_id, name)
    assert index.ids in ([], [entity_id])
    if index.ids:
        assert index.resolve(name)[0].id == entity_id


LETTERLESS = st.text(st.characters(blacklist_categories=("L", "Cs")), max_size=20)


@settings(max_examples=examples(300))
@given(text=LETTERLESS, other=LETTERLESS)
@example(text="", other="")
@example(text="123 -- !!", other="123 -- !!")
def test_letterless_text_has_a_key_of_its_own_and_matches_nothing(small_index: Index, text: str,
                                                                   other: str) -> None:
    # parse.py key(): a name with no letters keys to # and its own text
    assert key(text) == "#" + " ".join(text.split())
    assert match(text, other) == 0.0
    assert small_index.resolve(text) == []
    assert Index.default().resolve(text) == []


# --- save and load ------------------------------------------------------------------------------------------

NAMES = st.one_of(
    st.lists(cased(belarusian_words(3)), min_size=1, max_size=3).map(" ".join),
    st.text(max_size=12),
)


@settings(max_examples=examples(30))
@given(rows=st.lists(st.tuples(st.sampled_from(["a", "b", "c", "place:x", "ід"]), NAMES,
                               st.sampled_from([None, "place"])), max_size=8),
       queries=st.lists(NAMES, max_size=4), gz=st.booleans())
def test_save_and_load_round_trip(rows: list, queries: list, gz: bool) -> None:
    index = Index()
    for entity_id, name, entity_type in rows:
        try:
            index.add(entity_id, name, entity_type)
        except translit.TranslitError:  # one id, two types
            pass
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / ("index.json.gz" if gz else "index.json")
        index.save(path)
        loaded = Index.load(path)
    assert loaded.ids == index.ids
    for query in queries + [name for _, name, _ in rows]:
        assert loaded.resolve(query) == index.resolve(query)
        assert loaded.resolve(query, type="place") == index.resolve(query, type="place")
