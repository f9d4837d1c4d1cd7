"""Sound-class keys of single words, read from ``tables/names/key.toml`` and the scheme tables.

Steps for one word (the table's header explains the data):

1. ``prepare()`` (NFC, look-alike repair, one apostrophe) and case folding.
2. **Cyrillic** words: each letter to its class (``[cyrillic]``).
   **Latin** words: the longest Latin string at each position to its class. The strings are every
   letter and rule output of every shipped scheme table, each given the class of the Cyrillic it
   stands for, plus the table's ``[latin]`` entries (other languages' spellings, settled
   disagreements). A letter found nowhere is read without its diacritics; other signs are dropped.
3. ``[[reduce]]``: the table's ordered rewrites (дз → д, glides, doubled letters).

A Latin word without diacritics has a second key (``stripped_key``) read with ``[latin_stripped]``:
the same word with its diacritics lost (``Rahacou`` for ``Rahačoŭ``).

So ``Łukašenka``, ``Lukashenka``, ``Lukashenko``, ``Лукашэнка`` and ``ЛУКАШЕНКО`` all give
``lukasanka``. Whole names (word order, given names, legal forms) are handled in ``parse.py``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..errors import TableError
from ..prep import prepare
from ..tables import read_table, shipped_schemes, tables_dir

# A word: letters and marks, with the signs that stand inside words kept in it: apostrophes
# (Zel'va, сям'я, BGN's Dar”ya) and BGN's separator dot (Most·skaya).
WORD_INSIDE = "'\u2019\u02bc`\u00b4\u201d\u2033\u00b7"
WORD = rf"[\p{{L}}\p{{M}}]+(?:[{WORD_INSIDE}][\p{{L}}\p{{M}}]+)*"
_WORD = regex.compile(WORD)
_CYRILLIC = regex.compile(r"\p{sc=Cyrl}")


@dataclass(frozen=True)
class KeyTable:
    """The compiled key table: letter classes for both scripts and the reductions."""

    cyrillic: dict[str, str]
    latin: dict[str, str]
    latin_pattern: regex.Pattern
    plain: dict[str, str]  # readings for Latin words without diacritics
    plain_pattern: regex.Pattern
    stripped: dict[str, str]  # the second reading of such words: diacritics lost (c for č)
    reductions: tuple[tuple[regex.Pattern, str], ...]
    path: str

    def reduce(self, classes: str) -> str:
        for pattern, replacement in self.reductions:
            classes = pattern.sub(replacement, classes)
        return classes


def _cyrillic_classes(text: str, cyrillic: dict[str, str]) -> str | None:
    """The classes of a Cyrillic string, or None when a letter has none."""
    try:
        return "".join(cyrillic[char] for char in text)
    except KeyError:
        return None


def _scheme_latin(cyrillic: dict[str, str], reduce, path: str, settled: dict[str, str]) -> dict[str, str]:
    """Latin string -> class, from every scheme's forward letters and rules. Schemes that disagree
    (after reduction) on a string must be settled in the table's [latin]."""
    readings: dict[str, dict[str, str]] = {}
    for scheme in shipped_schemes():
        for source, target in scheme.pairs(reverse=False):
            latin = unicodedata.normalize("NFC", target.casefold())
            classes = _cyrillic_classes(source.casefold(), cyrillic)
            if latin and classes is not None:
                readings.setdefault(latin, {}).setdefault(classes, scheme.id)
    found: dict[str, str] = {}
    for latin, by_classes in readings.items():
        if latin in settled:
            continue
        if len({reduce(classes) for classes in by_classes}) > 1:
            shown = ", ".join(f"{scheme} reads it {classes!r}" for classes, scheme in by_classes.items())
            raise TableError(path, f"latin.{latin!r}", f"schemes disagree ({shown}); settle it in [latin]")
        found[latin] = min(by_classes, key=len)
    return found


@cache
def key_table() -> KeyTable:
    """Load ``tables/names/key.toml`` once per process."""
    path = tables_dir() / "names" / "key.toml"
    shown = f"tables/names/{path.name}"
    data = read_table(path, shown)
    unknown = set(data) - {"cyrillic", "latin", "latin_plain", "latin_stripped", "reduce"}
    if unknown:
        raise TableError(shown, sorted(unknown)[0], "unknown key")
    reductions = []
    for number, rule in enumerate(data.get("reduce", []), 1):
        if set(rule) != {"pattern", "replace", "why"}:
            raise TableError(shown, f"reduce[{number}]", "needs exactly pattern, replace and why")
        try:
            reductions.append((regex.compile(rule["pattern"]), rule["replace"]))
        except regex.error as error:
            raise TableError(shown, f"reduce[{number}].pattern", str(error)) from None
    cyrillic = {letter: classes for letter, classes in data["cyrillic"].items()}
    for letter in list(cyrillic):  # capitals too: keys are case-blind
        cyrillic.setdefault(letter.upper(), cyrillic[letter])
    settled = {unicodedata.normalize("NFC", k.casefold()): v for k, v in data.get("latin", {}).items()}
    placeholder = regex.compile("x")
    table = KeyTable(cyrillic, {}, placeholder, {}, placeholder, {}, tuple(reductions), shown)
    latin = _scheme_latin(cyrillic, table.reduce, shown, settled) | settled
    for letter in "abcdefghijklmnopqrstuvwxyz":
        latin.setdefault(letter, letter)
    plain = latin | data.get("latin_plain", {})
    stripped = plain | data.get("latin_stripped", {})
    return KeyTable(cyrillic, latin, _longest_first(latin), plain, _longest_first(plain), stripped,
                    tuple(reductions), shown)


def _longest_first(strings: dict[str, str]) -> regex.Pattern:
    ordered = sorted(strings, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(s) for s in ordered) + r"|.", regex.DOTALL)


def _latin_classes(word: str, table: KeyTable, stripped: bool = False) -> str:
    out = []
    readings, pattern = (table.plain, table.plain_pattern) if word.isascii() else (table.latin, table.latin_pattern)
    if stripped:
        readings = table.stripped
    for piece in pattern.findall(word):
        classes = readings.get(piece)
        if classes is None:  # a letter no table writes: read it without its marks
            base = "".join(c for c in unicodedata.normalize("NFD", piece) if not unicodedata.combining(c))
            classes = "".join(table.latin.get(c, "") for c in base)
        out.append(classes)
    return "".join(out)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The sound-class key of one prepared word (``Łukašenka`` → ``lukasanka``)."""
    table = key_table()
    word = word.casefold()
    if _CYRILLIC.search(word):
        classes = "".join(table.cyrillic.get(c, "") if _CYRILLIC.match(c) else _latin_classes(c, table)
                          for c in word)
    else:
        classes = _latin_classes(word, table)
    return table.reduce(classes)


@lru_cache(maxsize=50_000)
def acronym_key(word: str) -> str:
    """The key of an acronym, letter by letter without the sound rewrites (``МТЗ`` → ``mtz``,
    ``МТС`` → ``mts``: ``ts`` would join them in a word key)."""
    table = key_table()
    letters = []
    for char in word.casefold():
        if _CYRILLIC.match(char):
            classes = table.cyrillic.get(char, "")
        else:
            classes = _latin_classes(char, table)
        reduced = table.reduce(classes)
        letters.append(reduced[:1])
    return "".join(letters)


@lru_cache(maxsize=200_000)
def stripped_key(word: str) -> str | None:
    """The key of a Latin word without diacritics read as if it had lost them (``Rahacou`` as
    ``Rahačoŭ``: ``rahahau``), or None when that reading changes nothing."""
    word = word.casefold()
    if not word.isascii():
        return None
    table = key_table()
    key = table.reduce(_latin_classes(word, table, stripped=True))
    return None if key == word_key(word) else key


def words(name: str) -> list[str]:
    """The words of a name, prepared and case-folded, in their order."""
    return _WORD.findall(prepare(name).casefold())
