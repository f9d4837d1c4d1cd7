"""Names: any spelling of a person, organization or place → one canonical id.

``key()`` (parse.py over keys.py and given.py), ``match()`` (scoring.py), ``Index`` and ``Match``
(index.py), the shipped gazetteer and ``lookup()`` (gazetteer.py), ``variants()`` (variants.py).
How it works, step by step: docs/names.md.
"""

from __future__ import annotations

from .gazetteer import Entity, entities, lookup
from .index import AMBIGUITY_MARGIN, DEFAULT_THRESHOLD, Index, Match
from .parse import key, parse
from .scoring import similarity
from .variants import variants


def match(a: str, b: str) -> float:
    """How likely two names are one name, 0..1: the score ``Index.resolve`` gives (0.80 and up is
    a match by default)."""
    return round(similarity(parse(a), parse(b)), 4)


def resolve(name: str, type: str | None = None) -> Match | None:
    """The shipped gazetteer's best match for ``name``, or None when nothing matches or two ids
    match about equally well (``Index.default().resolve`` shows them all)."""
    found = Index.default().resolve(name, type=type, limit=2)
    if not found or found[0].ambiguous:
        return None
    return found[0]


__all__ = [
    "AMBIGUITY_MARGIN", "DEFAULT_THRESHOLD", "Entity", "Index", "Match", "entities", "key", "lookup",
    "match", "resolve", "variants",
]
