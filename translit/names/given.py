"""Given names and patronymics: ``tables/names/given-names.toml`` read into word-key lookups.

Steps:

1. Every form of a group (Belarusian, Russian, Ukrainian, Polish, English, … and the romanizations
   listed) is turned into its word key (``keys.word_key``); the key of the group's first Belarusian
   form is the group's **canonical key**. Forms whose keys the sound rules already join
   (``Аляксандр``/``Александр``) need no listing; the table lists the pairs the rules cannot
   explain (``Генадзь``/``Геннадий``, ``Вольга``/``Ольга``, ``Alexander``).
2. A word whose key belongs to one group is a **given name** and takes the canonical key.
3. A word whose key ends in a patronymic suffix (``-авіч/-ович/-avich/-ovič`` → ``auih``,
   ``-аўна/-овна/-auna/-ovna`` → ``auna``, ``-ічна/-ichna`` → ``ihna``) and whose stem is the stem of a
   group's form (the key without its final vowels, or without a fleeting vowel: Павел → Паўлавіч) is a
   **patronymic** and takes the canonical key of the group plus the suffix, so ``Мікалаевіч`` and
   ``Николаевич`` agree although ``Мікалай`` and ``Николай`` differ by a letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..errors import TableError
from ..tables import read_table, tables_dir
from .keys import word_key, words

_GROUP_KEYS = {"id", "sex", "be", "ru", "uk", "pl", "en", "lt", "de", "latin", "diminutives", "ambiguous", "note"}
_FORM_FIELDS = ("be", "ru", "uk", "pl", "en", "lt", "de", "latin", "diminutives")
_ID = regex.compile(r"given:[a-z0-9]+(?:-[a-z0-9]+)*")
_CYRILLIC_FIELDS = {"be", "ru", "uk"}
PATRONYMIC_SUFFIXES = ("auih", "auna", "ihna")
_FLEETING_VOWEL = regex.compile(r"[aiu](?=[^aiu]$)")


@dataclass(frozen=True)
class GivenNames:
    """Word key → canonical key of its group, and patronymic stem → canonical key."""

    canonical: dict[str, str]
    group_of: dict[str, str]  # canonical key -> group id
    stems: dict[str, str]
    initials: dict[str, frozenset[str]]  # canonical key -> first letters of its forms' keys

    def may_start(self, canonical_key: str, initial: str) -> bool:
        """Whether an initial can stand for a name (Г. for Рыгор: Григорий starts with г)."""
        return initial in self.initials.get(canonical_key, canonical_key[:1])

    def given(self, key: str) -> str | None:
        """The canonical key of a given name's word key, or None."""
        return self.canonical.get(key)

    def patronymic(self, key: str) -> str | None:
        """The canonical form of a patronymic's word key, or None when it is not one."""
        for suffix in PATRONYMIC_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                stem = self.stems.get(key[: -len(suffix)])
                if stem is not None:
                    return stem + suffix
        return None


def _stems(key: str) -> set[str]:
    stem = key.rstrip("aiu")
    found = {stem} if len(stem) >= 2 else set()
    if len(stem) >= 4:
        found.add(_FLEETING_VOWEL.sub("", stem))
    return found


def _check_group(path: str, number: int, group: dict) -> None:
    where = f"group[{number}]"
    unknown = set(group) - _GROUP_KEYS
    if unknown:
        raise TableError(path, f"{where}.{sorted(unknown)[0]}", "unknown key")
    for required in ("id", "sex", "be", "ru"):
        if required not in group:
            raise TableError(path, f"{where}.{required}", "missing")
    if not _ID.fullmatch(group["id"]):
        raise TableError(path, f"{where}.id", f"{group['id']!r} is not given:<ascii-slug>")
    if group["sex"] not in ("m", "f"):
        raise TableError(path, f"{group['id']}.sex", "must be 'm' or 'f'")
    for field in _FORM_FIELDS + ("ambiguous",):
        forms = group.get(field, [])
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise TableError(path, f"{group['id']}.{field}", "must be a list of non-empty strings")
        script = r"\p{sc=Cyrl}" if field in _CYRILLIC_FIELDS else r"\p{sc=Latn}"
        for form in forms if field in _FORM_FIELDS and field != "diminutives" else ():
            if not all(regex.match(script, c) for c in form if c.isalpha()):
                raise TableError(path, f"{group['id']}.{field}", f"{form!r} is not in the field's script")


@cache
def given_names() -> GivenNames:
    """Load the given-name table once per process."""
    path = tables_dir() / "names" / "given-names.toml"
    shown = "tables/names/given-names.toml"
    groups = read_table(path, shown).get("group", [])
    canonical: dict[str, str] = {}
    group_of: dict[str, str] = {}
    owner: dict[str, str] = {}
    stems: dict[str, str] = {}
    initials: dict[str, set[str]] = {}
    seen_ids: set[str] = set()
    spelled: dict[str, str] = {}
    shared_keys: set[str] = set()
    for number, group in enumerate(groups, 1):
        _check_group(shown, number, group)
        if group["id"] in seen_ids:
            raise TableError(shown, f"{group['id']}", "duplicate id")
        seen_ids.add(group["id"])
        allowed = {form.casefold() for form in group.get("ambiguous", [])}
        head = word_key(words(group["be"][0])[0])
        group_of[head] = group["id"]
        for field in _FORM_FIELDS:
            for form in group.get(field, []):
                other = spelled.setdefault(form.casefold(), group["id"])
                if other != group["id"] and form.casefold() not in allowed:
                    raise TableError(shown, f"{group['id']}.{field}", f"{form!r} is also a form of {other}; "
                                     "list it under `ambiguous` in both groups")
                for key in {word_key(w) for w in words(form)}:
                    if owner.setdefault(key, group["id"]) != group["id"]:
                        shared_keys.add(key)  # two names sound alike: neither may claim the word
                    canonical.setdefault(key, head)
                    initials.setdefault(head, set()).add(key[:1])
                    for stem in _stems(key):
                        stems.setdefault(stem, head)
    for key in shared_keys:
        canonical[key] = key
    return GivenNames(canonical, group_of, stems, {k: frozenset(v) for k, v in initials.items()})
