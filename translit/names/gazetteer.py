"""The shipped gazetteer: ``tables/names/{persons,organizations,places}.toml`` loaded and checked.

Format and rules: docs/names.md ("The gazetteer"). The loader refuses, naming file and key:
unknown fields, ids that are not ``<type>:<ascii-slug>`` or do not match their file, duplicate ids,
fields in the wrong script, and one spelling on two entities unless ``ambiguous.toml`` lists it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from ..errors import TableError
from ..tables import read_table, tables_dir
from .keys import words

FILES = {"persons.toml": "person", "organizations.toml": "org", "places.toml": "place"}
DISPLAY_STYLES = ("be", "ru", "be-lacinka", "en")
_FIELDS = {
    "id": str, "kind": str, "be": str, "ru": str, "be-lacinka": str, "en": str, "aliases": list,
    "wikidata": str, "geonames": int, "iso3166_2": str, "legal_form": dict, "role": str, "note": str,
}
_ID = regex.compile(r"(person|org|place):[a-z0-9]+(?:-[a-z0-9]+)*")
_SCRIPT = {"be": "Cyrl", "ru": "Cyrl", "be-lacinka": "Latn", "en": "Latn"}
_KINDS = {
    "place": {"country", "region", "city", "town"},
    "org": {"company", "agency", "media", "association", "party", "ngo"},
    "person": set(),
}


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry: its id, type and every form it is known by."""

    id: str
    type: str
    display: dict[str, str]  # style (be, ru, be-lacinka, en) -> form
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    external: dict[str, str | int] = field(default_factory=dict)  # wikidata, geonames, iso3166_2
    legal_form: dict[str, str] = field(default_factory=dict)
    role: str | None = None
    note: str | None = None

    def names(self) -> list[str]:
        """Every form, display forms first, without repeats."""
        return list(dict.fromkeys([*self.display.values(), *self.aliases]))


def _spelling(text: str) -> str:
    return " ".join(words(text))


def _check_entity(path: str, number: int, raw: dict, entity_type: str | None) -> Entity:
    """One ``[[entity]]`` checked; ``entity_type`` None takes the type from the id (a user's file)."""
    where = raw.get("id", f"entity[{number}]")
    for name, value in raw.items():
        expected = _FIELDS.get(name)
        if expected is None:
            raise TableError(path, f"{where}.{name}", "unknown field")
        if not isinstance(value, expected) or (expected is str and not value.strip()):
            raise TableError(path, f"{where}.{name}", f"must be a non-empty {expected.__name__}")
    if "id" not in raw or "be" not in raw:
        raise TableError(path, f"{where}", "needs id and be")
    match = _ID.fullmatch(raw["id"])
    if not match:
        raise TableError(path, f"{where}.id", f"{raw['id']!r} is not <type>:<ascii-slug>")
    if entity_type is None:
        entity_type = match.group(1)
    elif match.group(1) != entity_type:
        raise TableError(path, f"{where}.id", f"a {match.group(1)} id in the {entity_type} file")
    for style, script in _SCRIPT.items():
        text = raw.get(style, "")
        wrong = [c for c in text if c.isalpha() and not regex.match(rf"\p{{sc={script}}}", c)]
        if wrong:
            raise TableError(path, f"{where}.{style}", f"{wrong[0]!r} is not {script} ({text!r})")
    aliases = raw.get("aliases", [])
    if not all(isinstance(a, str) and a.strip() for a in aliases):
        raise TableError(path, f"{where}.aliases", "must be a list of non-empty strings")
    kind = raw.get("kind")
    if kind is not None and kind not in _KINDS[entity_type]:
        raise TableError(path, f"{where}.kind", f"{kind!r}; use one of {', '.join(sorted(_KINDS[entity_type]))}")
    legal_form = raw.get("legal_form", {})
    if legal_form and entity_type != "org":
        raise TableError(path, f"{where}.legal_form", "only organizations have a legal form")
    return Entity(
        id=raw["id"], type=entity_type,
        display={style: raw[style] for style in DISPLAY_STYLES if style in raw},
        aliases=tuple(aliases), kind=kind,
        external={k: raw[k] for k in ("wikidata", "geonames", "iso3166_2") if k in raw},
        legal_form=dict(legal_form), role=raw.get("role"), note=raw.get("note"),
    )


def _ambiguous() -> dict[str, set[str]]:
    path = tables_dir() / "names" / "ambiguous.toml"
    if not path.exists():
        return {}
    rows = read_table(path, f"tables/names/{path.name}").get("name", [])
    allowed: dict[str, set[str]] = {}
    for number, row in enumerate(rows, 1):
        if set(row) != {"text", "ids", "why"}:
            raise TableError("tables/names/ambiguous.toml", f"name[{number}]", "needs exactly text, ids and why")
        allowed.setdefault(_spelling(row["text"]), set()).update(row["ids"])
    return allowed


@cache
def entities() -> tuple[Entity, ...]:
    """Every shipped entity, persons, organizations and places, in file order."""
    found: list[Entity] = []
    owners: dict[str, str] = {}
    allowed = _ambiguous()
    for file_name, entity_type in FILES.items():
        path = tables_dir() / "names" / file_name
        shown = f"tables/names/{file_name}"
        if not path.exists():
            continue
        for entity in _read_entities(path, shown, entity_type):
            if entity.id in owners.values() or any(e.id == entity.id for e in found):
                raise TableError(shown, entity.id, "duplicate id")
            for name in entity.names():
                spelling = _spelling(name)
                other = owners.get(spelling)
                if other is not None and other != entity.id and not {other, entity.id} <= allowed.get(spelling, set()):
                    raise TableError(shown, f"{entity.id}", f"{name!r} is also a name of {other}; "
                                     "list it in tables/names/ambiguous.toml if both are right")
                owners.setdefault(spelling, entity.id)
            found.append(entity)
    return tuple(found)


def _read_entities(path: Path, shown: str, entity_type: str | None) -> list[Entity]:
    data = read_table(path, shown)
    unknown = sorted(set(data) - {"entity"})
    if unknown:
        raise TableError(shown, unknown[0], "unknown table (a gazetteer file has [[entity]] entries only)")
    if not isinstance(data.get("entity", []), list):
        raise TableError(shown, "entity", "expected [[entity]] tables")
    found: list[Entity] = []
    for number, raw in enumerate(data.get("entity", []), 1):
        if not isinstance(raw, dict):
            raise TableError(shown, f"entity[{number}]", "expected a table")
        entity = _check_entity(shown, number, raw, entity_type)
        if any(e.id == entity.id for e in found):
            raise TableError(shown, entity.id, "duplicate id")
        found.append(entity)
    return found


def read_entities(path: str | Path) -> tuple[Entity, ...]:
    """A user's gazetteer file: ``[[entity]]`` entries in the shipped format (docs/names.md), the
    type of each taken from its id (``person:``, ``org:``, ``place:``)."""
    return tuple(_read_entities(Path(path), str(path), None))


@cache
def _by_id() -> dict[str, Entity]:
    return {entity.id: entity for entity in entities()}


@cache
def redirects() -> dict[str, str]:
    """Merged ids (``tables/names/redirects.toml``): old id → the id of the entity that took it over."""
    path = tables_dir() / "names" / "redirects.toml"
    shown = "tables/names/redirects.toml"
    if not path.exists():
        return {}
    rows = read_table(path, shown).get("redirect", [])
    found: dict[str, str] = {}
    for number, row in enumerate(rows, 1):
        if set(row) != {"from", "to", "why"}:
            raise TableError(shown, f"redirect[{number}]", "needs exactly from, to and why")
        old, new = row["from"], row["to"]
        if not _ID.fullmatch(old) or old in _by_id() or old in found:
            raise TableError(shown, f"redirect[{number}].from", f"{old!r} must be a well-formed id no entity uses")
        if new not in _by_id() or new.split(":")[0] != old.split(":")[0]:
            raise TableError(shown, f"redirect[{number}].to", f"{new!r} must be a shipped id of the same type")
        found[old] = new
    return found


def lookup(entity_id: str) -> Entity | None:
    """The shipped entity with this id (a merged id gives the entity that took it over), or None."""
    return _by_id().get(redirects().get(entity_id, entity_id))
