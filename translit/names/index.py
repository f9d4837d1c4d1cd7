"""``Index``: names under ids, and ``resolve()`` from any spelling to scored, ranked ids.

Adding a name (``Index.add(id, name, type)``) parses it (``parse.py``: words, sound-class keys,
designators, roles), with each part of a name made of parts (``МЗКТ - Минский завод …``,
``Name (Other)``) and the initials of a long organization name (``БМЗ``) as further forms, and files
each form three ways:

1. its **exact** form: the case-folded words in sorted order (any word order, any case);
2. its **key** (``parse.key``): every spelling in every scheme table, script and word order of one
   name shares it, so one entry stands for all of them (``variants()`` lists the spellings);
3. **blocking keys**: each part's key, and for longer words their consonants and their first and
   last three key letters, so a misspelt part still meets its name.

Resolving a name looks up the same ways, cheapest and surest first, and scores only the names
found (``scoring.py``), so the time per query does not grow with the index:

- tiers: the same words, the same key, a shared part key or consonant skeleton, a shared first or
  last three letters; the search stops at the first tier with a score of 1.0, or with any match
  among the fuzzy tiers (a later tier shares less with the name);
- an exact hit scores 1.0; every other candidate gets ``similarity()`` (0..1);
- each id keeps its best name's score; scores under the ``threshold`` (default 0.80) are dropped:
  nothing is returned rather than a weak guess;
- ids within ``margin`` (0.05) of the best are all marked ``ambiguous``;
- a lone acronym (``MAZ``, ``СВТ``) is matched on exact and key hits only.

``save()``/``load()`` write and read a versioned JSON file (gzip when the name ends in ``.gz``):
no pickle, nothing executed; parts are stored, so loading does not parse names again unless the
name tables changed since the file was written.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from ..errors import TranslitError
from ..tables import tables_dir
from .keys import words
from .parse import ParsedName, Part, parse
from .scoring import similarity

DEFAULT_THRESHOLD = 0.80
AMBIGUITY_MARGIN = 0.05
MAX_POSTING = 2000  # a blocking key shared by more names than this says too little to use
FORMAT = "translit-index"
FORMAT_VERSION = 1
TYPES = ("person", "org", "place")  # the gazetteer's; a user's index may use any others


@dataclass(frozen=True)
class Match:
    """One resolved id: its score (0..1), the indexed name that matched, how it matched (``exact``:
    the same words; ``key``: every part's key equal, as across scripts and schemes; ``fuzzy``: near
    keys) and whether another id scored within the margin."""

    id: str
    score: float
    name: str
    type: str | None = None
    via: str = "fuzzy"
    ambiguous: bool = False


@dataclass(frozen=True)
class _Entry:
    entity: int
    name: str
    parsed: ParsedName


def exact_form(name: str) -> str:
    """Case-folded words in sorted order: the exact-match form of a name."""
    return " ".join(sorted(words(name)))


_VOWELS = str.maketrans("", "", "aiu")


_NAMING_ROLES = ("word", "acronym")


def _blocking_keys(parsed: ParsedName, query: bool = False) -> tuple[set[str], set[str]]:
    """A name's blocking keys, surer ones first: (part keys and consonant skeletons, first and
    last three key letters). A query uses only its naming words (surnames, place and company names)
    when it has any: a given name or a generic word is shared by too many names to block on."""
    parts = parsed.parts
    if query and any(p.role in _NAMING_ROLES for p in parts):
        parts = tuple(p for p in parts if p.role in _NAMING_ROLES)
    sure: set[str] = set()
    loose: set[str] = set()
    for part in parts:
        if part.initial:
            continue
        for key in (part.key, part.other_key):
            if key is None:
                continue
            sure.add(key)
            if part.role == "word" and len(key) >= 4:
                sure.add("~" + key.translate(_VOWELS))  # vowels are what spellings change most
                loose.add("<" + key[:3])
                loose.add(">" + key[-3:])
    return sure, loose


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

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, margin: float = AMBIGUITY_MARGIN) -> None:
        if not 0.0 <= threshold <= 1.0 or not 0.0 <= margin <= 1.0:
            raise TranslitError(f"threshold and margin must be within 0..1, got {threshold}, {margin}")
        self.threshold = threshold
        self.margin = margin
        self._ids: list[str] = []
        self._types: list[str | None] = []
        self._entity_of: dict[str, int] = {}
        self._entries: list[_Entry] = []
        self._exact: dict[str, list[int]] = {}
        self._by_key: dict[str, list[int]] = {}
        self._postings: dict[str, list[int]] = {}

    # ------------------------------------------------------------------ building
    def __len__(self) -> int:
        """The number of ids."""
        return len(self._ids)

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def entries(self) -> Iterator[tuple[str, str | None, str, ParsedName]]:
        """Every filed form: (id, type, the name as added, its parsed form)."""
        for entry in self._entries:
            yield self._ids[entry.entity], self._types[entry.entity], entry.name, entry.parsed

    def names(self, id: str) -> list[str]:
        """The names filed under an id, in the order added."""
        entity = self._entity_of.get(id)
        return [] if entity is None else [e.name for e in self._entries if e.entity == entity]

    def add(self, id: str, name: str, type: str | None = None) -> None:
        """File ``name`` under ``id`` (an id may have many names). A name with no letters is
        ignored: it could never be told from another."""
        if not isinstance(id, str) or not id.strip():
            raise TranslitError(f"an id must be a non-empty string, got {id!r}")
        if not isinstance(name, str):
            raise TranslitError(f"a name must be a string, got {name.__class__.__name__} for id {id!r}")
        for form in _forms(name):
            self._add_parsed(id, name, type, form)

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
        number = len(self._entries)
        self._entries.append(_Entry(entity, name, parsed))
        self._exact.setdefault(exact_form(name), []).append(number)
        self._by_key.setdefault(parsed.key, []).append(number)
        sure, loose = _blocking_keys(parsed)
        for block in sure | loose:
            self._postings.setdefault(block, []).append(number)

    def add_many(self, rows: Iterable[tuple[str, str] | tuple[str, str, str | None]]) -> None:
        """Add (id, name) or (id, name, type) rows."""
        for row in rows:
            self.add(*row)

    # ------------------------------------------------------------------ resolving
    def _tiers(self, name: str, parsed: ParsedName) -> Iterator[tuple[str, set[int]]]:
        """Candidate names, cheapest and surest first: same words, same key, a shared part key or
        consonant skeleton, a shared first or last three key letters."""
        yield "exact", set(self._exact.get(exact_form(name), ()))
        yield "key", set(self._by_key.get(parsed.key, ()))
        if parsed.is_acronym:
            return
        for blocks in _blocking_keys(parsed, query=True):
            postings = [self._postings.get(block, ()) for block in blocks]
            postings = [p for p in postings if p]
            usable = [p for p in postings if len(p) <= MAX_POSTING] or sorted(postings, key=len)[:1]
            yield "fuzzy", {number for posting in usable for number in posting}

    def resolve(self, name: str, type: str | None = None, limit: int = 5) -> list[Match]:
        """The ids whose names match ``name`` best, best first, scores ≥ the threshold; ``[]``
        when none does (or the name has no letters)."""
        if not isinstance(name, str):
            raise TranslitError(f"a name must be a string, got {name.__class__.__name__}")
        if type is not None and not isinstance(type, str):
            raise TranslitError(f"a type must be a string, got {type!r}")
        parsed = parse(name)
        if not parsed.parts or limit <= 0:
            return []
        best: dict[int, tuple[float, int, str]] = {}
        seen: set[int] = set()
        for tier, candidates in self._tiers(name, parsed):
            for number in candidates - seen:
                entry = self._entries[number]
                if type is not None and self._types[entry.entity] not in (None, type):
                    continue
                score = 1.0 if tier == "exact" else similarity(parsed, entry.parsed)
                via = tier if tier == "exact" else "key" if score == 1.0 else "fuzzy"
                if score >= self.threshold and score > best.get(entry.entity, (-1.0, 0, ""))[0]:
                    best[entry.entity] = (score, number, via)
            seen |= candidates
            top_score = max((score for score, _, _ in best.values()), default=0.0)
            if top_score == 1.0 or (tier == "fuzzy" and best):
                break  # nothing later can score higher: a later tier shares less with the name
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], self._ids[item[0]]))
        if not ranked:
            return []
        top = ranked[0][1][0]
        close = sum(1 for _, (score, _, _) in ranked if top - score <= self.margin)
        return [Match(self._ids[entity], round(score, 4), self._entries[number].name, self._types[entity], via,
                      close > 1 and top - score <= self.margin)
                for entity, (score, number, via) in ranked[:limit]]

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
        ``type``, or JSON Lines (``.jsonl``) with those keys."""
        path = Path(path)
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

    def save(self, path: str | Path) -> None:
        """Write the index to a versioned JSON file (gzip when ``path`` ends in ``.gz``)."""
        path = Path(path)
        data = {
            "format": FORMAT, "version": FORMAT_VERSION, "tables": tables_fingerprint(),
            "threshold": self.threshold, "margin": self.margin,
            "ids": self._ids, "types": self._types,
            "names": [[e.entity, e.name, [[p.key, p.role, int(p.initial), int(p.joined), p.other_key]
                                          for p in e.parsed.parts]]
                      for e in self._entries],
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        temporary = path.with_name(path.name + ".partial")
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(temporary, "wt", encoding="utf-8") as handle:
            handle.write(text)
        temporary.replace(path)

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
        index = cls(threshold=data["threshold"], margin=data["margin"])
        same_tables = data.get("tables") == tables_fingerprint()
        ids, types = data["ids"], data["types"]
        for entity, name, parts in data["names"]:
            parsed = (ParsedName(tuple(Part(k, r, bool(i), bool(j), o) for k, r, i, j, o in parts))
                      if same_tables else parse(name))
            index._add_parsed(ids[entity], name, types[entity], parsed)
        return index


@cache
def _default_index() -> Index:
    from .gazetteer import entities

    index = Index()
    for entity in entities():
        for name in entity.names():
            index.add(entity.id, name, entity.type)
    return index
