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
3. **Endings** (``tables/names/endings.toml``): a word of the text less a case ending matches a
   name's word, or that word less its nominative ending (three letters or more must stay), so
   ``Лукашэнкі``, ``Łukašenku``, ``Магілёве``, ``Mahilova`` find their names and ``Барыса`` (of
   Barys) does not find ``Barysaŭ``.
4. **Scan**, left to right, linear in the text: at each word with a capital letter (no other can
   start a name), the patterns that start with one of its stems are tried longest first, against
   the words that follow it separated only by spaces or hyphens; a match consumes its words (``Biełaruski Hajun`` wins over
   ``Hajun``). Names start with a capital letter (later words need not: ``Minskaja vobłasć``); an
   acronym pattern (``MAZ``, ``СВТ``) matches only a
   whole word written in capitals with the same key.
5. **Ids**: a full form gives its id. A surname alone gives the person named in full earlier in the
   text, or the only person with that surname; otherwise it is left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import regex

from .errors import TableError, TranslitError
from .names import Index
from .names.keys import WORD, WORD_INSIDE, acronym_key
from .names.parse import ParsedName, word_part_key
from .tables import read_table, tables_dir

# A word with its inner apostrophes; an English possessive 's is cut off below.
_WORD = regex.compile(WORD)
_POSSESSIVE = regex.compile(r"['\u2019]s$")
_INNER_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")
# From a capital letter to the end of its word (only there can a name start; a capital inside a
# word starts a glued word: SocietyŁukašenka is matched from S, iPhone from P).
_CAPITALIZED = regex.compile(rf"\p{{Lu}}[\p{{L}}\p{{M}}]*(?:[{WORD_INSIDE}][\p{{L}}\p{{M}}]+)*")
_SEPARATOR = regex.compile(r"[\s\-\u2010\u2011]+")
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

    @cached_property
    def stems(self) -> tuple[frozenset[str], ...]:
        """What each word of the text may stem to, to match this pattern's word there."""
        return tuple(stems(key, of_name=True) for key in self.keys)


@cache
def _endings() -> dict[str, tuple[str, ...]]:
    path = tables_dir() / "names" / "endings.toml"
    data = read_table(path)
    found = {}
    for field in ("endings", "name_endings"):
        endings = data.get(field)
        if not isinstance(endings, list) or not all(isinstance(e, str) and e for e in endings):
            raise TableError("tables/names/endings.toml", field, "must be a list of non-empty strings")
        found[field] = tuple(sorted(set(endings), key=len, reverse=True))
    return found


@lru_cache(maxsize=200_000)
def stems(key: str, of_name: bool = False) -> frozenset[str]:
    """The key and every stem left by cutting one ending: any case ending for a word of the text,
    only a nominative one for a word of a name (``of_name``); at least three letters stay."""
    found = {key}
    for ending in _endings()["name_endings" if of_name else "endings"]:
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
                for stem in stems(pattern.keys[0], of_name=True):
                    self._by_stem.setdefault(stem, []).append(pattern)
        self._surname_owners = surnames
        self._start_cache: dict[str, tuple[str, tuple[_Pattern, ...]]] = {}
        self._no_name: set[str] = set()

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
        named_in_full = {} if named_in_full is None else named_in_full
        found: list[Mention] = []
        consumed = 0
        no_name = self._no_name
        for word in _CAPITALIZED.finditer(text):  # only a word with a capital can start a name
            if word.group() in no_name or word.start() < consumed:
                continue
            mention = self._match_at(text, word.start(), _word_end(text, word), named_in_full)
            if mention is not None:
                found.append(mention)
                consumed = mention.end
        return found

    def _starting(self, surface: str) -> tuple[str, tuple[_Pattern, ...]]:
        """A word's key and the patterns that may start with it, longest first (cached: capitalized
        words repeat)."""
        found = self._start_cache.get(surface)
        if found is None:
            first_key = word_part_key(surface)
            candidates = {id(p): p for stem in stems(first_key) for p in self._by_stem.get(stem, ())}
            ordered = tuple(sorted(candidates.values(), key=lambda p: (-len(p.keys), p.surname_only, p.id)))
            found = (first_key, ordered)
            if len(self._start_cache) < 100_000:
                self._start_cache[surface] = found
        return found

    def _match_at(self, text: str, start: int, end: int, named_in_full: dict[str, str]) -> Mention | None:
        word = text[start:end]
        offsets = (0,) if word[1:].islower() or len(word) < 2 else (
            0, *(m.start() for m in _INNER_CAPITAL.finditer(word)))
        if not any(self._starting(word[offset:])[1] for offset in offsets):
            if len(self._no_name) < 200_000:
                self._no_name.add(word)  # no name starts in this word: skip it at once next time
            return None
        for offset in offsets:
            surface = word[offset:]
            if not surface[:1].isupper():
                continue
            first_key, candidates = self._starting(surface)
            if not candidates:
                continue
            following: list[tuple[int, str]] | None = None
            for pattern in candidates:
                if pattern.acronym:
                    # a whole word in capitals only: not MAZ inside KaMAZ or BelMAZ
                    whole = offset == 0 and not (start and text[start - 1].isalpha())
                    if not (whole and surface.isupper() and acronym_key(surface) == pattern.keys[0]):
                        continue
                    keys = [first_key]
                    last = end
                else:
                    if following is None:  # as many words as the longest candidate needs (the first)
                        following = _following_words(text, end, len(candidates[0].keys) - 1)
                    if len(following) < len(pattern.keys) - 1:
                        continue
                    keys = [first_key, *(key for _, key in following[:len(pattern.keys) - 1])]
                    if not all(stems(ours) & theirs for ours, theirs in zip(keys, pattern.stems, strict=True)):
                        continue
                    last = following[len(pattern.keys) - 2][0] if len(pattern.keys) > 1 else end
                entity_id = self._entity_for(pattern, named_in_full)
                if entity_id is None:
                    continue
                inflected = 0.95 if tuple(keys) != pattern.keys else 1.0
                score = (0.8 if pattern.surname_only else 1.0) * inflected
                if not pattern.surname_only and pattern.type == "person":
                    named_in_full[pattern.keys[-1]] = pattern.id
                begin = start + offset
                return Mention(begin, last, text[begin:last], entity_id, round(score, 4), pattern.type)
        return None

    def _entity_for(self, pattern: _Pattern, named_in_full: dict[str, str]) -> str | None:
        if not pattern.surname_only:
            return pattern.id
        earlier = named_in_full.get(pattern.keys[0])
        if earlier is not None:
            return earlier if earlier == pattern.id or pattern.id in self._surname_owners[pattern.keys[0]] else None
        owners = self._surname_owners[pattern.keys[0]]
        return pattern.id if len(owners) == 1 else None


def _word_end(text: str, word: regex.Match) -> int:
    """Where a name in this word ends: before an English possessive ``’s``."""
    possessive = _POSSESSIVE.search(word.group())
    return word.end() - len(possessive.group()) if possessive and possessive.start() > 0 else word.end()


def _following_words(text: str, position: int, count: int) -> list[tuple[int, str]]:
    """Up to ``count`` words after ``position``, each (end, key), while only spaces and hyphens
    separate them: a name does not run across punctuation, nor across a blank line (one line break
    may wrap a name)."""
    found = []
    for word in _WORD.finditer(text, position):
        if (count <= 0 or not _SEPARATOR.fullmatch(text, position, word.start())
                or text.count("\n", position, word.start()) > 1):
            break
        end = _word_end(text, word)
        found.append((end, word_part_key(text[word.start():end])))
        position = word.end()
        count -= 1
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
