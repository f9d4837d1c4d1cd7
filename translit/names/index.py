"""``Index``: names under ids, and ``resolve()`` from any spelling to scored, ranked ids.

Adding a name (``Index.add(id, name, type)``) parses it (``parse.py``: words, sound-class keys,
designators, roles), with each part of a name made of parts (``МЗКТ - Минский завод …``,
``Name (Other)``) and the initials of a long organization name (``БМЗ``) as further forms, and files
each form four ways:

1. its **exact** form: the case-folded words in sorted order (any word order, any case);
2. its **key** (``parse.key``): every spelling in every scheme table, script and word order of one
   name shares it, so one entry stands for all of them (``variants()`` lists the spellings);
3. its **naming parts** (surnames, place and company words; given names when there are none);
4. **blocks** of those parts' keys (the consonants, the first and the last three letters; a block
   shared by over 1,000 part keys is not searched) pointing to the distinct part keys that have
   them, so a misspelt part still meets its name.

Resolving a name looks up the same ways, cheapest and surest first, and scores only the names
found (``scoring.py``), so the time per query does not grow with the index:

- tiers: the same words; the same key; a naming part with the same key; a naming part whose key is
  near (``part_similarity`` ≥ ``PART_FLOOR`` among the part keys sharing a block). The search stops
  at the key tier when a name scored 1.0 (another id with an equal key is still seen: ambiguity),
  or at the first fuzzy tier with any match (a later tier shares less with the name). Among many
  names sharing a common surname, only those whose given name agrees with the query's (or that
  have none) are scored;
- a name added that is a gazetteer entity's (``known_forms``, on by default) brings the entity's
  other forms: exonyms and historical names no sound rule can find (``Брест`` → ``Brześć``);
- an exact hit scores 1.0; every other candidate gets ``similarity()`` (0..1);
- each id keeps its best name's score; scores under the ``threshold`` (default 0.80) are dropped:
  nothing is returned rather than a weak guess;
- ids within ``margin`` (0.05) of the best are all marked ``ambiguous``;
- a lone acronym (``MAZ``, ``СВТ``) is matched on exact and key hits only.

``merged()`` joins a user's index to another (the shipped gazetteer), the user's entries winning
where both have a name, and lists what gave way (``conflicts``).

``save()``/``load()`` write and read a versioned JSON file (gzip when the name ends in ``.gz``):
no pickle, nothing executed; the lookups and parts are stored, so loading neither parses names
nor rebuilds lookups unless the name tables changed since the file was written (then it does).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import regex

from ..errors import TranslitError
from ..tables import tables_dir
from .keys import words
from .parse import ParsedName, Part, parse
from .scoring import PART_FLOOR, part_similarity, similarity

DEFAULT_THRESHOLD = 0.80
AMBIGUITY_MARGIN = 0.05
FORMAT = "translit-index"
FORMAT_VERSION = 3
TYPES = ("person", "org", "place")  # the gazetteer's; a user's index may use any others


@dataclass(frozen=True)
class Match:
    """One resolved id: its score (0..1), the indexed name that matched, how it matched (``exact``:
    the same words; ``key``: every part's key equal, as across scripts and schemes; ``fuzzy``: near
    keys; ``id``: the query was the id itself), whether another id scored within the margin, and the
    merged id the query named, when it named one (``redirected_from``)."""

    id: str
    score: float
    name: str
    type: str | None = None
    via: str = "fuzzy"
    ambiguous: bool = False
    redirected_from: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Names that ``Index.merged`` gave to the winning index's id ``kept`` rather than ``lost``."""

    kept: str
    lost: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(repr(name) for name in self.names[:3]) + (" …" if len(self.names) > 3 else "")
        return f"{self.kept} takes {len(self.names)} name(s) of {self.lost}: {shown}"


_FIELD, _PART = "\x1f", "\x1e"  # separators of a part's fields and of parts in a saved entry


def _decode(saved: str) -> ParsedName:
    """Parts saved as one string (``_encode``) back to a ``ParsedName``."""
    parts = []
    for text in saved.split(_PART) if saved else ():
        key, role, flags, other = text.split(_FIELD)
        parts.append(Part(key, role, "i" in flags, "j" in flags, other or None))
    return ParsedName(tuple(parts))


def _encode(parsed: ParsedName) -> str:
    """A ``ParsedName`` as one string: a file holds 100k of these, and one string each loads fastest."""
    return _PART.join(_FIELD.join((p.key, p.role, ("i" if p.initial else "") + ("j" if p.joined else ""),
                                   p.other_key or "")) for p in parsed.parts)


def exact_form(name: str) -> str:
    """Case-folded words in sorted order: the exact-match form of a name."""
    return " ".join(sorted(words(name)))


_VOWELS = str.maketrans("", "", "aiu")


_NAMING_ROLES = ("word", "acronym")
NEAR_LIMIT = 300  # more names than this under one part: keep those whose given name agrees
CROWDED_BLOCK = 1000  # a block shared by more part keys than this is not searched


def naming_parts(parsed: ParsedName) -> tuple[Part, ...]:
    """The parts that name: surnames, place and company words; given names when there are none."""
    parts = tuple(p for p in parsed.parts if not p.initial)
    return tuple(p for p in parts if p.role in _NAMING_ROLES) or parts


def _part_keys(part: Part) -> tuple[str, ...]:
    return (part.key,) if part.other_key is None else (part.key, part.other_key)


def _blocks(key: str) -> tuple[str, ...]:
    """Where near spellings of a part key meet: its consonants (vowels are what spellings change
    most), its first three letters and its last three."""
    return ("~" + key.translate(_VOWELS), "<" + key[:3], ">" + key[-3:]) if len(key) >= 4 else ()


_SEGMENT_BREAK = regex.compile(r"\s+[-\u2013\u2014]\s+|[()\[\]]")


def _forms(name: str) -> list[ParsedName]:
    """What one added name is filed as: the whole name; each part of a name made of parts
    (``МЗКТ - Минский завод колёсных тягачей``, ``Name (Other Name)``); and the initials of a name of
    three or more words that are not a person's (``Беларускі металургічны завод`` → ``БМЗ``)."""
    whole = parse(name)
    found = [whole]
    segments = [s for s in _SEGMENT_BREAK.split(name) if s.strip()]
    if len(segments) > 1:
        found += [parse(segment) for segment in segments]
    for parsed in list(found):
        parts = parsed.parts
        if len(parts) >= 3 and all(p.role in ("word", "generic") and not p.initial for p in parts):
            found.append(ParsedName((Part("".join(p.key[0] for p in parts), "acronym"),)))
    return list(dict.fromkeys(p for p in found if p.parts))


@cache
def tables_fingerprint() -> str:
    """A hash of the name tables that keys depend on: a saved index made with other tables is
    parsed again on load."""
    digest = hashlib.sha256()
    names = tables_dir() / "names"
    for table in ("key.toml", "given-names.toml", "designators.toml"):
        digest.update((names / table).read_bytes())
    for scheme in sorted((tables_dir() / "schemes").glob("*.toml")):
        digest.update(scheme.read_bytes())
    return digest.hexdigest()[:16]


class Index:
    """Names filed under ids; ``resolve()`` any spelling to ranked ``Match``es."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, margin: float = AMBIGUITY_MARGIN,
                 known_forms: bool = True) -> None:
        """``known_forms``: a name added that is one of a gazetteer entity's (the same key, one entity,
        a compatible type) brings that entity's other forms with it: exonyms, historical names
        (``Брест`` brings ``Brześć``, ``Берасьце``, ``Brest-Litovsk``)."""
        if not 0.0 <= threshold <= 1.0 or not 0.0 <= margin <= 1.0:
            raise TranslitError(f"threshold and margin must be within 0..1, got {threshold}, {margin}")
        self.threshold = threshold
        self.margin = margin
        self.known_forms = known_forms
        self._ids: list[str] = []
        self._types: list[str | None] = []
        self._entity_of: dict[str, int] = {}
        # Filed forms, by number: the id's number, the name as added, its parts (a saved string
        # until first used after loading).
        self._entry_entity: list[int] = []
        self._entry_name: list[str] = []
        self._entry_parts: list[ParsedName | str] = []
        self._exact: dict[str, list[int]] = {}
        self._by_key: dict[str, list[int]] = {}
        self._by_part: dict[str, list[int]] = {}
        self._part_blocks: dict[str, list[str]] = {}
        self._redirects: dict[str, str] = {}
        self.conflicts: list[Conflict] = []  # set by merged()

    # ------------------------------------------------------------------ building
    def __len__(self) -> int:
        """The number of ids."""
        return len(self._ids)

    @property
    def ids(self) -> list[str]:
        """Every id filed, in the order first added."""
        return list(self._ids)

    def entries(self) -> Iterator[tuple[str, str | None, str, ParsedName]]:
        """Every filed form: (id, type, the name as added, its parsed form)."""
        for number, entity in enumerate(self._entry_entity):
            yield self._ids[entity], self._types[entity], self._entry_name[number], self._parts(number)

    def _parts(self, number: int) -> ParsedName:
        parts = self._entry_parts[number]
        if isinstance(parts, str):
            parts = self._entry_parts[number] = _decode(parts)
        return parts

    def names(self, id: str) -> list[str]:
        """The names filed under an id, in the order added."""
        entity = self._entity_of.get(id)
        return [] if entity is None else list(dict.fromkeys(
            name for e, name in zip(self._entry_entity, self._entry_name, strict=True) if e == entity))

    def add(self, id: str, name: str, type: str | None = None) -> None:
        """File ``name`` under ``id`` (an id may have many names). A name with no letters is
        ignored: it could never be told from another."""
        if not isinstance(id, str) or not id.strip():
            raise TranslitError(f"an id must be a non-empty string, got {id!r}")
        if not isinstance(name, str):
            raise TranslitError(f"a name must be a string, got {name.__class__.__name__} for id {id!r}")
        for form in _forms(name):
            self._add_parsed(id, name, type, form)
        if self.known_forms:
            for known in _known_forms(name, type):
                for form in _forms(known):
                    self._add_parsed(id, known, type, form)

    def _add_parsed(self, id: str, name: str, type: str | None, parsed: ParsedName) -> None:
        if not parsed.parts:
            return
        entity = self._entity_of.get(id)
        if entity is None:
            entity = self._entity_of[id] = len(self._ids)
            self._ids.append(id)
            self._types.append(type)
        elif type is not None and self._types[entity] not in (None, type):
            raise TranslitError(f"id {id!r} was added as {self._types[entity]!r}, now as {type!r}")
        elif type is not None:
            self._types[entity] = type
        number = len(self._entry_entity)
        self._entry_entity.append(entity)
        self._entry_name.append(name)
        self._entry_parts.append(parsed)
        self._exact.setdefault(exact_form(name), []).append(number)
        self._by_key.setdefault(parsed.key, []).append(number)
        for part in naming_parts(parsed):
            for key in _part_keys(part):
                posting = self._by_part.get(key)
                if posting is None:
                    posting = self._by_part[key] = []
                    for block in _blocks(key):
                        self._part_blocks.setdefault(block, []).append(key)
                if not posting or posting[-1] != number:
                    posting.append(number)

    def add_many(self, rows: Iterable[tuple[str, str] | tuple[str, str, str | None]]) -> None:
        """Add (id, name) or (id, name, type) rows."""
        for row in rows:
            self.add(*row)

    # ------------------------------------------------------------------ resolving
    def _tiers(self, name: str, parsed: ParsedName) -> Iterator[tuple[str, set[int]]]:
        """Candidate names, cheapest and surest first (module docstring)."""
        yield "exact", set(self._exact.get(exact_form(name), ()))
        yield "key", set(self._by_key.get(parsed.key, ()))
        if parsed.is_acronym:
            return
        naming = naming_parts(parsed)
        same = {key for part in naming for key in _part_keys(part) if key in self._by_part}
        yield "fuzzy", self._narrow(same, parsed)
        near: set[str] = set()
        for part in naming:
            for key in _part_keys(part):
                for block in _blocks(key):
                    others = self._part_blocks.get(block, ())
                    if len(others) > CROWDED_BLOCK:
                        continue  # a common ending (-enka, -ovich) says too little
                    for other in others:
                        if other not in same and other not in near and part_similarity(
                                Part(key, "word"), Part(other, "word")) >= PART_FLOOR:
                            near.add(other)
        yield "fuzzy", self._narrow(near, parsed)

    def _narrow(self, part_keys: set[str], parsed: ParsedName) -> set[int]:
        """The names filed under these part keys; of a crowd, those whose given name agrees with
        the query's or that have none."""
        found = {number for key in part_keys for number in self._by_part[key]}
        given = {p.key for p in parsed.parts if p.role == "given"}
        if len(found) <= NEAR_LIMIT or not given:
            return found
        narrowed = set()
        for number in found:
            theirs = [p for p in self._parts(number).parts if p.role == "given"]
            if not theirs or any(p.key in given or (p.initial and any(g.startswith(p.key) for g in given))
                                 for p in theirs):
                narrowed.add(number)
        return narrowed

    def resolve(self, name: str, type: str | None = None, limit: int = 5) -> list[Match]:
        """The ids whose names match ``name`` best, best first, scores ≥ the threshold; ``[]``
        when none does (or the name has no letters)."""
        if not isinstance(name, str):
            raise TranslitError(f"a name must be a string, got {name.__class__.__name__}")
        if type is not None and not isinstance(type, str):
            raise TranslitError(f"a type must be a string, got {type!r}")
        if limit <= 0:
            return []
        by_id = self._resolve_id(name.strip(), type)
        if by_id is not None:
            return [by_id]
        parsed = parse(name)
        if not parsed.parts:
            return []
        best: dict[int, tuple[float, int, str]] = {}
        seen: set[int] = set()
        for tier, candidates in self._tiers(name, parsed):
            for number in candidates - seen:
                entity = self._entry_entity[number]
                if type is not None and self._types[entity] not in (None, type):
                    continue
                score = 1.0 if tier == "exact" else similarity(parsed, self._parts(number))
                via = tier if tier == "exact" else "key" if score == 1.0 else "fuzzy"
                if score >= self.threshold and score > best.get(entity, (-1.0, 0, ""))[0]:
                    best[entity] = (score, number, via)
            seen |= candidates
            top_score = max((score for score, _, _ in best.values()), default=0.0)
            if (top_score == 1.0 and tier != "exact") or (tier == "fuzzy" and best):
                break  # nothing later can score higher: a later tier shares less with the name
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], self._ids[item[0]]))
        if not ranked:
            return []
        top = ranked[0][1][0]
        close = sum(1 for _, (score, _, _) in ranked if top - score <= self.margin)
        return [Match(self._ids[entity], round(score, 4), self._entry_name[number], self._types[entity], via,
                      close > 1 and top - score <= self.margin)
                for entity, (score, number, via) in ranked[:limit]]

    def add_redirect(self, old_id: str, new_id: str) -> None:
        """Keep a merged id resolvable: ``resolve(old_id)`` gives ``new_id`` with ``redirected_from``."""
        if new_id not in self._entity_of:
            raise TranslitError(f"cannot redirect {old_id!r} to {new_id!r}: no such id in the index")
        self._redirects[old_id] = new_id

    def _resolve_id(self, text: str, type: str | None) -> Match | None:
        """An id (or a merged id) given as the query resolves to itself."""
        target = self._redirects.get(text, text)
        entity = self._entity_of.get(target)
        if entity is None or (type is not None and self._types[entity] not in (None, type)):
            return None
        name = next(n for e, n in zip(self._entry_entity, self._entry_name, strict=True) if e == entity)
        return Match(target, 1.0, name, self._types[entity], "id", False, text if target != text else None)

    # ------------------------------------------------------------------ files
    @classmethod
    def default(cls) -> Index:
        """The shipped gazetteer (``tables/names/``), built once per process."""
        return _default_index()

    @classmethod
    def from_csv(cls, path: str | Path, id_column: str = "id", name_column: str = "name",
                 type_column: str | None = None, *, delimiter: str | None = None,
                 encoding: str = "utf-8") -> Index:
        """An index of a CSV/TSV file's rows (the delimiter is guessed from the name: ``.tsv`` → tab)."""
        path = Path(path)
        delimiter = delimiter or ("\t" if path.suffix.lower() in (".tsv", ".tab") else ",")
        index = cls()
        with open(path, encoding=encoding, newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            columns = reader.fieldnames or []
            missing = [c for c in (id_column, name_column, type_column) if c and c not in columns]
            if missing:
                raise TranslitError(f"{path}: no column {missing[0]!r} (columns: {', '.join(columns)})")
            for line, row in enumerate(reader, 2):
                index._add_row(path, line, row.get(id_column), row.get(name_column),
                               row.get(type_column) if type_column else None)
        return index

    @classmethod
    def from_file(cls, path: str | Path, *, encoding: str = "utf-8") -> Index:
        """An index of a user's list: CSV or TSV with columns ``id``, ``name`` and optionally
        ``type``, JSON Lines (``.jsonl``) with those keys, or a TOML gazetteer (``.toml``:
        ``[[entity]]`` entries in the shipped format)."""
        path = Path(path)
        if path.suffix.lower() == ".toml":
            from .gazetteer import read_entities

            index = cls()
            for entity in read_entities(path):
                for name in entity.names():
                    index.add(entity.id, name, entity.type)
            return index
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            index = cls()
            with open(path, encoding=encoding) as handle:
                for line, text in enumerate(handle, 1):
                    if not text.strip():
                        continue
                    try:
                        row = json.loads(text)
                    except ValueError as error:
                        raise TranslitError(f"{path}, line {line}: not JSON ({error})") from None
                    if not isinstance(row, dict):
                        raise TranslitError(f"{path}, line {line}: expected an object with id and name")
                    index._add_row(path, line, row.get("id"), row.get("name"), row.get("type"))
            return index
        with open(path, encoding=encoding, newline="") as handle:
            columns = next(csv.reader(handle, delimiter="\t" if path.suffix.lower() in (".tsv", ".tab") else ","),
                           [])
        return cls.from_csv(path, "id", "name", "type" if "type" in columns else None, encoding=encoding)

    def _add_row(self, path: Path, line: int, id: object, name: object, type: object) -> None:
        if not isinstance(id, str) or not id.strip():
            raise TranslitError(f"{path}, line {line}: no id")
        if not isinstance(name, str):
            raise TranslitError(f"{path}, line {line}: no name")
        if type is not None and not isinstance(type, str):
            raise TranslitError(f"{path}, line {line}: a type must be text, got {type!r}")
        self.add(id, name, type or None)

    def merged(self, other: Index) -> Index:
        """A new index of this one's names and ``other``'s, ``other`` winning: a name of ``other``'s
        (the same words or the same key) that one of this index's ids also has stays only with
        ``other``'s id, and an id of both with different types takes ``other``'s names alone. What
        gave way is listed in the result's ``conflicts``; the threshold and margin are ``other``'s.
        Neither index changes."""
        result = Index(threshold=other.threshold, margin=other.margin, known_forms=False)
        by_form: dict[str, set[str]] = {}
        by_key: dict[str, set[str]] = {}
        for id, _, name, parsed in other.entries():
            by_form.setdefault(exact_form(name), set()).add(id)
            by_key.setdefault(parsed.key, set()).add(id)
        retyped = {id for id in other._entity_of if id in self._entity_of
                   and None not in (other._types[other._entity_of[id]], self._types[self._entity_of[id]])
                   and other._types[other._entity_of[id]] != self._types[self._entity_of[id]]}
        yielded: dict[tuple[str, str], list[str]] = {}
        for id, type, name, parsed in self.entries():
            winners = {id} if id in retyped else (
                (by_form.get(exact_form(name), set()) | by_key.get(parsed.key, set())) - {id})
            for winner in winners:
                yielded.setdefault((id, winner), []).append(name)
            if not winners:
                result._add_parsed(id, name, type, parsed)
        for id, type, name, parsed in other.entries():
            result._add_parsed(id, name, type, parsed)
        for old, new in (*self._redirects.items(), *other._redirects.items()):
            if new in result._entity_of and old not in result._entity_of:
                result._redirects[old] = new
        result.conflicts = [Conflict(kept, lost, tuple(dict.fromkeys(names)))
                            for (lost, kept), names in yielded.items()]
        return result

    def save(self, path: str | Path) -> None:
        """Write the index to a versioned JSON file (gzip when ``path`` ends in ``.gz``), through a
        temporary file renamed into place."""
        path = Path(path)
        forms = {number: form for form, numbers in self._exact.items() for number in numbers}
        keys = {number: key for key, numbers in self._by_key.items() for number in numbers}
        data = {
            "format": FORMAT, "version": FORMAT_VERSION, "tables": tables_fingerprint(),
            "threshold": self.threshold, "margin": self.margin,
            "ids": self._ids, "types": self._types,
            "entity": self._entry_entity, "name": self._entry_name,
            "exact": [forms[number] for number in range(len(self._entry_entity))],
            "key": [keys[number] for number in range(len(self._entry_entity))],
            "parts": [p if isinstance(p, str) else _encode(p) for p in self._entry_parts],
            "by_part": self._by_part, "part_blocks": self._part_blocks, "redirects": self._redirects,
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        temporary = path.with_name(path.name + ".partial")
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(temporary, "wt", encoding="utf-8") as handle:
                handle.write(text)
            temporary.replace(path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | Path) -> Index:
        """Read a file written by ``save()``."""
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rt", encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError, EOFError) as error:
            raise TranslitError(f"{path}: not a readable translit index ({error})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise TranslitError(f"{path}: not a translit index file")
        if data.get("version") != FORMAT_VERSION:
            raise TranslitError(f"{path}: index format version {data.get('version')!r}; "
                                f"this translit reads version {FORMAT_VERSION}")
        try:
            index = cls(threshold=data["threshold"], margin=data["margin"])
            ids, types, entity_of, names = data["ids"], data["types"], data["entity"], data["name"]
            if data.get("tables") != tables_fingerprint():  # other name tables: file everything anew
                for entity, name in zip(entity_of, names, strict=True):
                    index.add(ids[entity], name, types[entity])
                for old, new in data.get("redirects", {}).items():
                    index.add_redirect(old, new)
                return index
            index._ids, index._types = ids, types
            index._entity_of = {entity_id: number for number, entity_id in enumerate(ids)}
            index._entry_entity, index._entry_name, index._entry_parts = entity_of, names, data["parts"]
            if not len(entity_of) == len(names) == len(data["parts"]) == len(data["exact"]) == len(data["key"]):
                raise ValueError("entries of different lengths")
            for lookup, values in ((index._exact, data["exact"]), (index._by_key, data["key"])):
                for number, value in enumerate(values):
                    found = lookup.get(value)
                    if found is None:
                        lookup[value] = [number]
                    else:
                        found.append(number)
            index._by_part, index._part_blocks = data["by_part"], data["part_blocks"]
            index._redirects = data.get("redirects", {})
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise TranslitError(f"{path}: a damaged translit index ({error!r})") from None
        return index


@lru_cache(maxsize=50_000)
def _known_forms(name: str, type: str | None) -> tuple[str, ...]:
    """The other forms of the one gazetteer entity whose key this name has (exact or key match,
    not ambiguous, of a compatible type); none otherwise."""
    from .gazetteer import lookup

    default = _default_index()
    parsed = parse(name)
    if not parsed.parts:
        return ()
    numbers = default._exact.get(exact_form(name)) or default._by_key.get(parsed.key) or ()
    found = {default._entry_entity[n] for n in numbers
             if type is None or default._types[default._entry_entity[n]] in (None, type)}
    if len(found) != 1:
        return ()
    entity = lookup(default._ids[found.pop()])
    return tuple(form for form in entity.names() if form != name) if entity else ()


@cache
def _default_index() -> Index:
    from .gazetteer import entities, redirects

    index = Index(known_forms=False)
    for entity in entities():
        for name in entity.names():
            index.add(entity.id, name, entity.type)
    for old, new in redirects().items():
        index.add_redirect(old, new)
    return index
