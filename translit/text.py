"""Names in running text: ``find_mentions()`` and the rewriting behind ``translit normalize``.

Steps:

1. **Patterns** (built once per index, cached): every filed form of every id (``Index.entries()``)
   becomes a sequence of word keys (``names.parse``): ``Alaksandr Łukašenka``, ``Магілёў``,
   ``Biełaruski Hajun``. A person's surname is also a pattern on its own (weaker: see 5). Forms that
   are only given names or generic words are not patterns: they name no one.
2. **Words** of the text with their offsets in the original string (code points). A word's key is
   read as ``parse`` reads it (``word_part_key``). English possessives (``Łukašenka’s``) leave out
   their ``’s``; words glued by bad HTML extraction (``SocietyŁukašenka``) may start a name at an
   inner capital.
3. **Endings** (``tables/names/endings.toml``): a word matches a pattern word when they share a
   stem, a key without one of the listed case endings (three letters or more must stay), so
   ``Лукашэнкі``, ``Łukašenku``, ``Магілёве``, ``Mahilova`` find their names.
4. **Scan**, left to right, linear in the text: at each word, the patterns that start with one of
   its stems are tried longest first; a match consumes its words (``Biełaruski Hajun`` wins over
   ``Hajun``). Names start with a capital letter (later words need not: ``Minskaja vobłasć``); an
   acronym pattern (``MAZ``, ``СВТ``) matches only a
   whole word written in capitals with the same key.
5. **Ids**: a full form gives its id. A surname alone gives the person named in full earlier in the
   text, or the only person with that surname; otherwise it is left out rather than guessed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .errors import TableError, TranslitError
from .names import Index
from .names.parse import ParsedName, word_part_key
from .tables import tables_dir

# A word with its inner apostrophes; an English possessive 's is cut off below.
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['\u2019\u02bc`][\p{L}\p{M}]+)*")
_POSSESSIVE = regex.compile(r"['\u2019]s$")
_INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")
_NAMING = ("word", "acronym")
MIN_STEM = 3


@dataclass(frozen=True)
class Mention:
    """A name found in text: ``text[start:end] == surface`` (code points), its id and score."""

    start: int
    end: int
    surface: str
    id: str
    score: float
    type: str | None = None


@dataclass(frozen=True)
class _Pattern:
    id: str
    type: str | None
    keys: tuple[str, ...]
    acronym: bool
    surname_only: bool


@cache
def _endings() -> tuple[str, ...]:
    path = tables_dir() / "names" / "endings.toml"
    with open(path, "rb") as handle:
        endings = tomllib.load(handle).get("endings")
    if not isinstance(endings, list) or not all(isinstance(e, str) and e for e in endings):
        raise TableError("tables/names/endings.toml", "endings", "must be a list of non-empty strings")
    return tuple(sorted(set(endings), key=len, reverse=True))


@lru_cache(maxsize=200_000)
def stems(key: str) -> frozenset[str]:
    """The key and every stem left by cutting one listed ending (at least three letters stay)."""
    found = {key}
    for ending in _endings():
        if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM:
            found.add(key[: -len(ending)])
    return frozenset(found)


class MentionFinder:
    """The patterns of one index, ready to scan text (step 1 and 4 of the module docstring)."""

    def __init__(self, index: Index) -> None:
        self._by_stem: dict[str, list[_Pattern]] = {}
        seen: set[tuple[str, tuple[str, ...]]] = set()
        surnames: dict[str, set[str]] = {}
        for entity_id, entity_type, _name, parsed in index.entries():
            for pattern in self._patterns(entity_id, entity_type, parsed):
                if (pattern.id, pattern.keys) in seen:
                    continue
                seen.add((pattern.id, pattern.keys))
                if pattern.surname_only:
                    surnames.setdefault(pattern.keys[0], set()).add(pattern.id)
                for stem in stems(pattern.keys[0]):
                    self._by_stem.setdefault(stem, []).append(pattern)
        for patterns in self._by_stem.values():
            patterns.sort(key=lambda p: (-len(p.keys), p.surname_only, p.id))
        self._surname_owners = surnames

    @staticmethod
    def _patterns(entity_id: str, entity_type: str | None, parsed: ParsedName) -> Iterator[_Pattern]:
        parts = parsed.parts
        if not any(p.role in _NAMING for p in parts) or any(p.initial for p in parts):
            return
        acronym = len(parts) == 1 and parts[0].role == "acronym"
        yield _Pattern(entity_id, entity_type, tuple(p.key for p in parts), acronym, False)
        names = [p for p in parts if p.role == "word"]
        if entity_type == "person" and len(parts) > 1 and names:
            yield _Pattern(entity_id, entity_type, (names[-1].key,), False, True)

    def find(self, text: str, named_in_full: dict[str, str] | None = None) -> list[Mention]:
        """The mentions in ``text``. ``named_in_full`` (surname key → id) carries who was named in
        full across calls: pass the same dict for every line of one document."""
        words = _words(text)
        found: list[Mention] = []
        named_in_full = {} if named_in_full is None else named_in_full
        position = 0
        while position < len(words):
            mention, used = self._match_at(text, words, position, named_in_full)
            if mention is None:
                position += 1
                continue
            found.append(mention)
            position += used
        return found

    def _match_at(self, text: str, words: list[_Word], position: int,
                  named_in_full: dict[str, str]) -> tuple[Mention | None, int]:
        word = words[position]
        for offset in word.starts:
            surface = text[word.start + offset:word.end]
            if not surface[:1].isupper():
                continue
            first_key = word_part_key(surface) if offset else word.key
            candidates = {id(p): p for stem in stems(first_key) for p in self._by_stem.get(stem, ())}
            for pattern in sorted(candidates.values(), key=lambda p: (-len(p.keys), p.surname_only, p.id)):
                used = self._fits(pattern, first_key, surface, words, position)
                if not used:
                    continue
                entity_id = self._entity_for(pattern, named_in_full)
                if entity_id is None:
                    continue
                end = words[position + used - 1].end
                start = word.start + offset
                keys = [first_key, *(w.key for w in words[position + 1:position + used])]
                inflected = 0.95 if tuple(keys) != pattern.keys else 1.0
                score = (0.8 if pattern.surname_only else 1.0) * inflected
                if not pattern.surname_only and pattern.type == "person":
                    named_in_full[pattern.keys[-1]] = pattern.id
                return Mention(start, end, text[start:end], entity_id, round(score, 4), pattern.type), used
        return None, 1

    @staticmethod
    def _fits(pattern: _Pattern, first_key: str, surface: str, words: list[_Word], position: int) -> int:
        """How many words of the text the pattern covers from ``position`` (0: it does not fit)."""
        if pattern.acronym:
            return 1 if surface.isupper() and first_key == pattern.keys[0] else 0
        if len(words) - position < len(pattern.keys) or not stems(first_key) & stems(pattern.keys[0]):
            return 0
        for key, word in zip(pattern.keys[1:], words[position + 1:], strict=False):
            if not stems(word.key) & stems(key):
                return 0
        return len(pattern.keys)

    def _entity_for(self, pattern: _Pattern, named_in_full: dict[str, str]) -> str | None:
        if not pattern.surname_only:
            return pattern.id
        earlier = named_in_full.get(pattern.keys[0])
        if earlier is not None:
            return earlier if earlier == pattern.id or pattern.id in self._surname_owners[pattern.keys[0]] else None
        owners = self._surname_owners[pattern.keys[0]]
        return pattern.id if len(owners) == 1 else None


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    key: str
    starts: tuple[int, ...]  # offsets inside the word where a name may start (glued words)


def _words(text: str) -> list[_Word]:
    found = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        possessive = _POSSESSIVE.search(word)
        if possessive and possessive.start() > 0:
            end -= len(possessive.group())
            word = text[start:end]
        starts = (0, *(m.start() for m in _INNER_CAPITAL.finditer(word)))
        found.append(_Word(start, end, word, word_part_key(word), starts))
    return found


@lru_cache(maxsize=8)
def _finder(index: Index) -> MentionFinder:
    return MentionFinder(index)


def find_mentions(text: str, index: Index | None = None) -> list[Mention]:
    """Every name of ``index`` (default: the shipped gazetteer) in ``text``, in order, with offsets
    in code points of ``text``; see the module docstring for how."""
    return _finder(index if index is not None else Index.default()).find(text)


DISPLAY_STYLES = ("be-lacinka", "be", "ru", "en")
_STYLE_SCHEME = {"be-lacinka": "be-lacinka", "en": "be-bgn-pcgn-1979"}


def display_form(entity_id: str, style: str, index: Index | None = None) -> str | None:
    """How an id is written in a house style: the gazetteer's display form (``be``, ``ru``,
    ``be-lacinka``, ``en``) or, for an id of a user's index, its first name (converted from Cyrillic
    for ``be-lacinka`` and ``en``). None for an unknown id."""
    from .names import lookup
    from .schemes import convert

    if style not in DISPLAY_STYLES:
        raise TranslitError(f"unknown display style {style!r}; use one of {', '.join(DISPLAY_STYLES)}")
    entity = lookup(entity_id)
    if entity is not None:
        if style in entity.display:
            return entity.display[style]
        return convert(entity.display["be"], _STYLE_SCHEME[style]) if style in _STYLE_SCHEME else entity.display["be"]
    names = (index or Index.default()).names(entity_id)
    if not names:
        return None
    name = names[0]
    return convert(name, _STYLE_SCHEME[style]) if style in _STYLE_SCHEME else name


def rewrite(text: str, mentions: list[Mention], replace: Callable[[Mention], str],
            between: Callable[[str], str] = lambda piece: piece) -> str:
    """``text`` with each mention replaced by ``replace(mention)`` and the text between mentions
    passed through ``between`` (unchanged by default)."""
    pieces = []
    position = 0
    for mention in mentions:
        pieces.append(between(text[position:mention.start]))
        pieces.append(replace(mention))
        position = mention.end
    pieces.append(between(text[position:]))
    return "".join(pieces)
