"""Text preparation, applied before every conversion and exposed as ``translit.prepare()``.

Steps, in order:

1. **Fast path**: ASCII text needs none of the steps below and is returned as it is.
2. **NFC** (ICU Normalizer2), so decomposed ``й`` (``и`` + U+0306) is one letter.
3. **Invisible characters**: BOM/ZWNBSP U+FEFF, zero-width space U+200B, word joiner U+2060 and
   the soft hyphen U+00AD are removed; ZWNJ/ZWJ U+200C/U+200D only between two letters (emoji
   sequences keep theirs).
4. **Apostrophes**: U+0027 U+2019 U+02BC U+00B4 U+2018 and the backtick between two Cyrillic
   letters become the one apostrophe sign U+02BC (``сям’я``, ``сям'я`` → ``сямʼя``). Apostrophes
   elsewhere (quotes, English ``don't``) are left alone.
5. **Homoglyphs** inside one word: a Cyrillic word with Latin look-alikes (``Мiкалаевiч`` with Latin
   ``i``) gets Cyrillic letters, a Latin word with Cyrillic look-alikes gets Latin ones. A word that
   mixes letters unique to each script (``SocietyЛукашэнка``) is left as it is.
"""

from __future__ import annotations

from functools import cache

import regex

_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u00ad"))
_JOINERS_BETWEEN_LETTERS = regex.compile(r"(?<=\p{L})[\u200c\u200d]+(?=\p{L})")
_APOSTROPHE_BETWEEN_CYRILLIC = regex.compile(r"(?<=\p{sc=Cyrl})['\u2019\u02bc\u00b4\u2018`](?=\p{sc=Cyrl})")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_SCRIPT_JUNCTION = regex.compile(r"\p{sc=Cyrl}\p{M}*\p{sc=Latn}|\p{sc=Latn}\p{M}*\p{sc=Cyrl}")
_CYRILLIC = regex.compile(r"\p{sc=Cyrl}")
_LATIN = regex.compile(r"\p{sc=Latn}")

# Latin letter -> Cyrillic look-alike (Belarusian і for i).
_LATIN_TO_CYRILLIC = dict(zip("aceiopxyABCEHIKMOPTXY", "асеіорхуАВСЕНІКМОРТХУ", strict=True))
_CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()}


@cache
def _nfc():
    import icu  # imported on first use: keeps `import translit` fast

    return icu.Normalizer2.getNFCInstance()


def _repair_word(match: regex.Match) -> str:
    word = match.group()
    if not _SCRIPT_JUNCTION.search(word):
        return word
    latin = [c for c in word if _LATIN.match(c)]
    cyrillic = [c for c in word if _CYRILLIC.match(c)]
    latin_only = sum(1 for c in latin if c not in _LATIN_TO_CYRILLIC)
    cyrillic_only = sum(1 for c in cyrillic if c not in _CYRILLIC_TO_LATIN)
    if latin_only == 0 and (cyrillic_only > 0 or len(cyrillic) >= len(latin)):
        return "".join(_LATIN_TO_CYRILLIC.get(c, c) for c in word)
    if cyrillic_only == 0 and (latin_only > 0 or len(latin) > len(cyrillic)):
        return "".join(_CYRILLIC_TO_LATIN.get(c, c) for c in word)
    return word


def prepare(text: str) -> str:
    """NFC, invisible characters removed, apostrophes unified, look-alike letters repaired."""
    if text.isascii():
        return text
    nfc = _nfc()
    if not nfc.isNormalized(text):
        text = nfc.normalize(text)
    text = text.translate(_INVISIBLE)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS_BETWEEN_LETTERS.sub("", text)
    text = _APOSTROPHE_BETWEEN_CYRILLIC.sub("\u02bc", text)
    if _SCRIPT_JUNCTION.search(text):
        text = _WORD.sub(_repair_word, text)
    return text
