"""Plain JSON records of translit's results, shared by ``translit resolve``/``normalize --format jsonl``
and the HTTP API (``translit serve``).

One function per kind of result, so that a ``Match`` or a ``Mention`` reads the same on the command
line and over HTTP, and a field added here shows up in both. Every record is made of ``str``,
``int``, ``float``, ``bool``, ``None``, lists and dicts only (``json.dumps`` takes it as it is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # no import at run time: keeps the CLI's start fast
    from .names import Entity, Match
    from .schemes import SchemeInfo
    from .text import Mention


def match_record(match: Match) -> dict[str, Any]:
    """One resolved id: ``{"id", "score", "name", "type", "via", "ambiguous"}`` (``translit resolve``)."""
    return {"id": match.id, "score": match.score, "name": match.name, "type": match.type, "via": match.via,
            "ambiguous": match.ambiguous}


def resolution_record(query: str, matches: list[Match]) -> dict[str, Any]:
    """A name and its matches, best first: one line of ``translit resolve``'s JSON Lines."""
    return {"query": query, "matches": [match_record(m) for m in matches]}


def mention_record(mention: Mention) -> dict[str, Any]:
    """A name found in text: ``{"start", "end", "surface", "id", "score", "type"}``, offsets in code
    points of the text (``translit normalize --format jsonl``)."""
    return {"start": mention.start, "end": mention.end, "surface": mention.surface, "id": mention.id,
            "score": mention.score, "type": mention.type}


def entity_record(entity: Entity) -> dict[str, Any]:
    """A gazetteer entity with every form it is known by: ``display`` maps ``be``, ``ru``,
    ``be-lacinka``, ``en`` to its canonical forms."""
    return {"id": entity.id, "type": entity.type, "kind": entity.kind, "display": dict(entity.display),
            "aliases": list(entity.aliases), "external": dict(entity.external),
            "legal_form": dict(entity.legal_form), "role": entity.role, "note": entity.note}


def scheme_record(info: SchemeInfo) -> dict[str, Any]:
    """What ``translit.schemes()`` tells about one scheme, without the path of its table."""
    return {"id": info.id, "name": info.name, "aliases": list(info.aliases), "language": info.language,
            "source_script": info.source_script, "target_script": info.target_script,
            "reversible": info.reversible, "has_reverse": info.has_reverse, "status": info.status,
            "standard": info.standard, "options": list(info.options), "user": info.user}
