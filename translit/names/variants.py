"""``variants()``: the spellings of a name (or of a gazetteer id) through every scheme.

Steps:

1. A gazetteer id (``place:mahiliou``) stands for its entity: its forms and aliases as they are,
   and the spellings of its Belarusian and Russian forms.
2. A Cyrillic form is written through every forward scheme of its language: Belarusian schemes
   for text without Russian-only letters (и щ ъ), Russian schemes for text without Belarusian-only
   letters (і ў); both when neither shows.
3. A Latin form is read back: the scheme ``identify()`` finds most likely gives the Cyrillic
   (exactly for a reversible scheme, its best candidate for a lossy one), which then goes through
   step 2.

All of them share one ``key()``: that is why an ``Index`` needs to file a name only once.
"""

from __future__ import annotations

import regex

from ..candidates import candidates
from ..detect import identify
from ..schemes import convert, schemes
from .gazetteer import lookup

_CYRILLIC = regex.compile(r"\p{sc=Cyrl}")
_RUSSIAN_ONLY = regex.compile("[ищъИЩЪ]")
_BELARUSIAN_ONLY = regex.compile("[іўІЎ]")


def languages_of(cyrillic_text: str) -> set[str]:
    """Belarusian, Russian or both, by the letters only one of them has."""
    if _RUSSIAN_ONLY.search(cyrillic_text):
        return {"ru"}
    if _BELARUSIAN_ONLY.search(cyrillic_text):
        return {"be"}
    return {"be", "ru"}


def _cyrillic_readings(latin_text: str) -> list[str]:
    for scheme_id, _ in identify(latin_text)[:1]:
        info = next((s for s in schemes() if s.id == scheme_id), None)
        if info is None or info.source_script != "Cyrl":
            continue
        if info.reversible:
            return [convert(latin_text, scheme_id, reverse=True)]
        return candidates(latin_text, scheme_id, limit=1)
    return []


def spellings(name: str) -> list[str]:
    """``name`` and its spellings through every scheme (steps 2 and 3), without repeats."""
    found = [name]
    cyrillic = [name] if _CYRILLIC.search(name) else _cyrillic_readings(name)
    found += cyrillic
    for text in cyrillic:
        languages = languages_of(text)
        for info in schemes():
            if info.source_script == "Cyrl" and info.language in languages:
                found.append(convert(text, info.id))
    return list(dict.fromkeys(found))


def variants(name_or_id: str) -> list[str]:
    """Spellings of a name, or of every form of a gazetteer entity given its id."""
    entity = lookup(name_or_id)
    if entity is None:
        return spellings(name_or_id)
    found = entity.names()
    for style in ("be", "ru"):
        if style in entity.display:
            found += spellings(entity.display[style])
    return list(dict.fromkeys(found))
