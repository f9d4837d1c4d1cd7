"""Text preparation, applied before every conversion and exposed as ``translit.prepare()``.

Steps, in order:

1. **Fast path**: ASCII text needs none of the steps below and is returned as it is.
2. **Invisible characters**: BOM/ZWNBSP U+FEFF, zero-width space U+200B, word joiner U+2060 and
   the soft hyphen U+00AD are removed; ZWNJ/ZWJ U+200C/U+200D only between two letters (emoji
   sequences keep theirs). First, so that they cannot stand between a letter and its mark.
3. **NFC** (ICU Normalizer2), so decomposed ``й`` (``и`` + U+0306) is one letter.
4. **Homoglyphs** inside one word: a Cyrillic word with Latin look-alikes (``Мiкалаевiч`` with Latin
   ``i``) gets Cyrillic letters, a Latin word with Cyrillic look-alikes gets Latin ones. A word that
   mixes letters unique to each script (``SocietyЛукашэнка``) is left as it is.
5. **Apostrophes**: U+0027 U+2019 U+02BC U+00B4 U+2018 and the backtick between two Cyrillic
   letters become the one apostrophe sign U+02BC (``сям’я``, ``сям'я`` → ``сямʼя``). Apostrophes
   elsewhere (quotes, English ``don't``) are left alone. Last, so that a repaired look-alike next
   to an apostrophe counts as Cyrillic.

Cheap scans with the standard library's ``re`` decide whether a step is needed at all; most lines
of real text need only the NFC check.
"""

from __future__ import annotations

import re
from functools import cache

import regex

# Cheap stdlib scans that decide whether the costlier steps are needed at all.
_NEEDS_CLEANING = re.compile("[\ufeff\u200b\u2060\u00ad\u200c\u200d'\u2019\u02bc\u00b4\u2018`]")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u00ad"))
_JOINERS_BETWEEN_LETTERS = regex.compile(r"(?<=[\p{L}\p{M}])[\u200c\u200d]+(?=\p{L})")
_APOSTROPHE_BETWEEN_CYRILLIC = regex.compile(r"(?<=\p{sc=Cyrl})['\u2019\u02bc\u00b4\u2018`](?=\p{sc=Cyrl})")
_LATIN_RANGE = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_CYRILLIC_RANGE = "\u0400-\u0481\u048a-\u052f"
# A Cyrillic letter next to a Latin one (combining marks between them allowed).
_SCRIPT_JUNCTION = re.compile(
    f"[{_CYRILLIC_RANGE}][\u0300-\u036f]*[{_LATIN_RANGE}]|[{_LATIN_RANGE}][\u0300-\u036f]*[{_CYRILLIC_RANGE}]"
)

# Latin letter -> Cyrillic look-alike (Belarusian і for i).
_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES = "aceiopxyABCEHIKMOPTXY", "асеіорхуАВСЕНІКМОРТХУ"
# Latin kra (ĸ) is only ever a stand-in for к.
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES + "ĸ", _CYRILLIC_LOOKALIKES + "к")
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_WORD = regex.compile(r"[\p{L}\p{M}]+")  # a word with its marks, so a repair sees all of it
_LATIN_LETTERS = re.compile(f"[{_LATIN_RANGE}]")
_LATIN_ONLY = re.compile(f"(?![{_LATIN_LOOKALIKES}ĸ])[{_LATIN_RANGE}]")
_CYRILLIC_ONLY = re.compile(f"(?![{_CYRILLIC_LOOKALIKES}])[{_CYRILLIC_RANGE}]")


@cache
def _nfc():
    import icu  # imported on first use: keeps `import translit` fast

    return icu.Normalizer2.getNFCInstance()


def _repair_word(match: regex.Match) -> str:
    """One word: if it mixes scripts, turn the minority script's look-alikes into the majority's."""
    word = match.group()
    if not _SCRIPT_JUNCTION.search(word):
        return word
    latin_only = _LATIN_ONLY.search(word)
    cyrillic_only = _CYRILLIC_ONLY.search(word)
    if latin_only and cyrillic_only:
        return word  # letters unique to each script: two glued words, not look-alikes
    if cyrillic_only:
        return word.translate(_TO_CYRILLIC)
    if latin_only:
        return word.translate(_TO_LATIN)
    # only look-alikes: the script with more letters wins, Cyrillic on a tie
    latin_count = len(_LATIN_LETTERS.findall(word))
    return word.translate(_TO_LATIN if latin_count * 2 > len(word) else _TO_CYRILLIC)


def prepare(text: str) -> str:
    """NFC, invisible characters removed, apostrophes unified, look-alike letters repaired."""
    if text.isascii():
        return text
    cleaning = _NEEDS_CLEANING.search(text)  # invisible characters or apostrophes
    if cleaning:
        text = text.translate(_INVISIBLE)
        if "\u200c" in text or "\u200d" in text:
            text = _JOINERS_BETWEEN_LETTERS.sub("", text)
    nfc = _nfc()
    if not nfc.isNormalized(text):
        text = nfc.normalize(text)
    if _LATIN_LETTERS.search(text) and _SCRIPT_JUNCTION.search(text):
        repaired = _WORD.sub(_repair_word, text)
        if repaired != text:  # a repaired letter may now compose with its mark (Latin c + U+0301)
            text = nfc.normalize(repaired)
    if cleaning:
        text = _APOSTROPHE_BETWEEN_CYRILLIC.sub("\u02bc", text)
    return text
    nfc = _nfc()
    if not nfc.isNormalized(text):
        text = nfc.normalize(text)
    if _NEEDS_CLEANING.search(text):
        text = text.translate(_INVISIBLE)
        if "\u200c" in text or "\u200d" in text:
            text = _JOINERS_BETWEEN_LETTERS.sub("", text)
        text = _APOSTROPHE_BETWEEN_CYRILLIC.sub("\u02bc", text)
    if _LATIN_LETTERS.search(text) and _SCRIPT_JUNCTION.search(text):
        repaired = _WORD.sub(_repair_word, text)
        if repaired != text:  # a repaired letter may now compose with its mark (Latin c + U+0301)
            text = nfc.normalize(repaired)
    return text
