"""A name as comparable parts, and the public cross-script ``key()``.

Steps for one name:

1. ``prepare()`` and split into words (``keys.words``); each word gets its sound-class key.
2. **Designators** (``tables/names/designators.toml``): legal forms (``ААТ``, ``OJSC``, ``Open Joint
   Stock Company``) and place words (``горад``, ``city``) are removed, compared on keys so that one
   listed spelling covers every script (long words also when nearly equal: ``ORGANICHENNOY``); a
   name that is nothing but designators keeps them.
3. **Roles**: a word of a given-name group is a *given* name and takes the group's canonical key; a
   patronymic (``given.py``; or any ``-ovich/-auna`` word right after a given name or in the middle
   of three words) takes its
   canonical form; a lone all-capital word of at most five letters (``MAZ``, ``СВТ``) is an
   *acronym*, matched only exactly; everything else is a *word* (surnames, place and company names).
   A one-letter word (or two letters before a dot, ``Yu.``) is an *initial*: of a given name, or of
   the patronymic when it follows a given name's initial (``А.Г.``). Words such as ``works``,
   ``завод``, ``group`` (``generic_words``) are *generic*: kept, but they weigh little.
   Words that organization names translate (``tables/names/org-words.toml``: ``нафтавая`` =
   ``нефтяная`` = ``oil``) take the key of their meaning.
4. ``key()`` is the parts' keys in sorted order, so word order does not matter
   (``LUKASHENKO, Alexander`` and ``Аляксандр Лукашэнка`` share ``alaksandr lukasanka``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..errors import TableError
from ..prep import prepare
from ..tables import read_table, tables_dir
from .given import PATRONYMIC_SUFFIXES, given_names
from .keys import WORD, acronym_key, stripped_key, word_key

_WORD = regex.compile(rf"({WORD})(\.)?")
ACRONYM_LENGTH = 5
_HYPHENS = "-\u2010\u2011"


@dataclass(frozen=True)
class Part:
    """One word of a name: its key, what it is (word, given, patronymic, acronym, generic), whether
    it is only an initial (then ``key`` is one letter) and whether a hyphen joins it to the word
    before (``Brest-Litovsk``: such second parts are often dropped)."""

    key: str
    role: str
    initial: bool = False
    joined: bool = False
    other_key: str | None = None  # the key of a second reading (keys.stripped_key)


@dataclass(frozen=True)
class ParsedName:
    parts: tuple[Part, ...]

    @cached_property
    def key(self) -> str:
        return " ".join(sorted(part.key for part in self.parts))

    @property
    def is_acronym(self) -> bool:
        return len(self.parts) == 1 and self.parts[0].role == "acronym"


@dataclass(frozen=True)
class _Designators:
    phrases: tuple[tuple[str, ...], ...]  # legal forms and place words as key tuples, longest first
    generic: frozenset[str]  # keys of generic organization words


@cache
def _designators() -> _Designators:
    """``tables/names/designators.toml`` read into word keys."""
    path = tables_dir() / "names" / "designators.toml"
    data = read_table(path)
    keyed: dict[str, set[tuple[str, ...]]] = {}
    for kind in ("legal_forms", "place_words", "generic_words"):
        phrases = data.get(kind)
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise TableError("tables/names/designators.toml", kind, "must be a list of strings")
        keyed[kind] = {tuple(word_key(w.casefold()) for w, _ in _WORD.findall(prepare(p))) for p in phrases}
        keyed[kind].discard(())
    phrases = sorted(keyed["legal_forms"] | keyed["place_words"], key=len, reverse=True)
    return _Designators(tuple(phrases), frozenset(k for phrase in keyed["generic_words"] for k in phrase))


@cache
def _translations() -> dict[str, str]:
    """``tables/names/org-words.toml``: word key → the key of its meaning's first Belarusian form."""
    shown = "tables/names/org-words.toml"
    groups = read_table(tables_dir() / "names" / "org-words.toml").get("word", [])
    found: dict[str, str] = {}
    for number, group in enumerate(groups, 1):
        forms = [form for language in ("be", "ru", "en") for form in group.get(language, [])]
        english = set(group.get("en", []))
        if set(group) - {"be", "ru", "en"} or not group.get("be"):
            raise TableError(shown, f"word[{number}]", "needs be, and only be, ru, en lists")
        keyed = [_WORD.findall(prepare(form)) for form in forms]
        if any(len(words) != 1 for words in keyed):
            raise TableError(shown, f"word[{number}]", "every form must be one word")
        head = word_key(keyed[0][0][0])
        for form, ((word, _),) in zip(forms, keyed, strict=True):
            key = word_key(word)
            if len(key) >= 4 or form in english:  # a short Slavic word is some surname too (дел, Даль)
                found.setdefault(key, head)
    return found


def _same_word(key: str, listed: str) -> bool:
    """A designator word matches its listed key, or a near miss of a long one (ORGANICHENNOY)."""
    if key == listed:
        return True
    return len(listed) >= 6 and Levenshtein.normalized_similarity(key, listed) >= 0.8


@cache
def _first_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The first words of designator phrases: all of them, and the long ones (near misses count)."""
    firsts = {phrase[0] for phrase in _designators().phrases}
    return frozenset(firsts), tuple(sorted(k for k in firsts if len(k) >= 6))


@lru_cache(maxsize=100_000)
def _may_start_designator(key: str) -> bool:
    """Whether some designator phrase can start with this word (most words: no, at once)."""
    firsts, long_firsts = _first_words()
    if key in firsts:
        return True
    return len(key) >= 5 and process.extractOne(
        key, long_firsts, scorer=Levenshtein.normalized_similarity, score_cutoff=0.8) is not None


def _strip_designators(keys: list[str], letters: list[int]) -> list[bool]:
    """Which words are designators (a phrase matched at any position; a lone one-letter word, an
    initial, never is: ``АО`` and ``A.`` have the same key)."""
    drop = [False] * len(keys)
    phrases = _designators().phrases
    position = 0
    while position < len(keys):
        if not _may_start_designator(keys[position]):
            position += 1
            continue
        for phrase in phrases:
            window = keys[position:position + len(phrase)]
            if (len(window) == len(phrase) and (len(phrase) > 1 or letters[position] > 1)
                    and all(map(_same_word, window, phrase))):
                for i in range(position, position + len(phrase)):
                    drop[i] = True
                position += len(phrase)
                break
        else:
            position += 1
    return drop


@lru_cache(maxsize=100_000)
def parse(name: str) -> ParsedName:
    """The comparable parts of a name (see the module docstring)."""
    prepared = prepare(name)
    matches = list(_WORD.finditer(prepared))
    found = [m.groups() for m in matches]
    joined = [m.start() > 1 and prepared[m.start() - 1] in _HYPHENS and prepared[m.start() - 2].isalpha()
              for m in matches]
    surfaces = [word for word, _ in found]
    keys = [word_key(word.casefold()) for word in surfaces]
    letters = [len(word) if word.isalpha() else sum(c.isalpha() for c in word) for word in surfaces]
    drop = _strip_designators(keys, letters)
    if all(drop[i] or not keys[i] for i in range(len(keys))):
        drop = [False] * len(keys)
    table = given_names()
    generic = _designators().generic
    kept = [i for i in range(len(keys)) if not drop[i] and keys[i]]
    parts: list[Part] = []
    for i in kept:
        word, dot = found[i]
        key = keys[i]
        after_given = bool(parts) and parts[-1].role == "given"
        if letters[i] == 1 or (dot and letters[i] == 2 and len(kept) > 1):
            # А.Г. Лукашэнка: the initial after a given name's initial is the patronymic's
            parts.append(Part(key[:1], "patronymic" if after_given else "given", initial=True))
        elif word.isupper() and 1 < letters[i] <= ACRONYM_LENGTH and len(kept) == 1:
            parts.append(Part(acronym_key(word), "acronym"))
        elif (canonical := table.given(key)) is not None:
            parts.append(Part(canonical, "given"))
        elif (patronymic := table.patronymic(key)) is not None:
            parts.append(Part(patronymic, "patronymic"))
        elif key.endswith(PATRONYMIC_SUFFIXES) and (
                (after_given and not parts[-1].initial) or (len(kept) == 3 and i == kept[1])):
            parts.append(Part(key, "patronymic"))  # of a name the table lacks, or the middle of three
        elif key in generic and len(kept) > 1:
            parts.append(Part(_translations().get(key, key), "generic"))
        else:
            key = _translations().get(key, key)
            parts.append(Part(key, "word", joined=joined[i] and len(kept) > 1, other_key=stripped_key(word)))
    return ParsedName(tuple(parts))


def name_words(name: str) -> str:
    """A name's case-folded words in sorted order, its designators (legal forms, place words) left
    out: ``OAO Belshina`` → ``belshina``."""
    found = _WORD.findall(prepare(name))
    keys = [word_key(word.casefold()) for word, _ in found]
    drop = _strip_designators(keys, [sum(c.isalpha() for c in word) for word, _ in found])
    kept = [word.casefold() for (word, _), dropped in zip(found, drop, strict=True) if not dropped]
    return " ".join(sorted(kept or [word.casefold() for word, _ in found]))


@lru_cache(maxsize=200_000)
def word_part_key(word: str) -> str:
    """One word's key as ``parse()`` files it when its place in a name does not matter: a given
    name or patronymic by its group, a translated organization word by its meaning."""
    key = word_key(prepare(word))
    table = given_names()
    return table.given(key) or table.patronymic(key) or _translations().get(key, key)


def key(name: str) -> str:
    """The cross-script key of a name: spellings of one name in any script, scheme, case or word
    order share it (``key("Łukašenka") == key("LUKASHENKO")``). A name with no letters keys to
    ``#`` and its own text, so two different ones never share a key (nor one with a name)."""
    parsed = parse(name)
    return parsed.key if parsed.parts else "#" + " ".join(name.split())
