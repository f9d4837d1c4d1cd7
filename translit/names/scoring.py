"""How alike two parsed names are, 0..1: the score behind ``match()`` and ``Index.resolve()``.

Steps:

1. If only one side has a patronymic, patronymics are left out (they are optional).
2. Each part of one name is paired with at most one part of the other, best pairs first:
   equal keys score 1; an initial pairs with a name of its kind that starts with its letter (0.9);
   an acronym pairs only with an equal key; two different given names (two groups) never pair,
   a patronymic and a surname only when nearly equal (0.9);
   a given name never pairs with a patronymic, nor a man's patronymic with a woman's; a Latin word without diacritics is also compared in
   its second reading (``Rahacou`` as ``Rahačoŭ``, ×0.98); other parts score the Levenshtein similarity
   (rapidfuzz) of their keys plus that of their consonants, so a changed consonant costs twice a
   changed vowel; a different first letter costs one edit more, an added ending half; scores under
   ``PART_FLOOR`` count as 0.
3. Parts left over are *conflicts* when the other name has a leftover in the same slot (a
   different given name or surname, a different patronymic) and count with their full weight at
   similarity 0; otherwise
   they are *missing* and count with a small weight (``MISSING``): ``Lukashenko`` still finds
   ``Alexander Lukashenko``, ``Viktor Lukashenko`` does not.
4. Score = Σ weight·similarity over pairs / (Σ pair weights + conflicts + missing weights), with
   ``WEIGHT`` per role: surnames and other words carry a name, given names less, patronymics least.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .given import PATRONYMIC_SUFFIXES, given_names
from .parse import ParsedName, Part

WEIGHT = {"word": 1.0, "acronym": 1.0, "given": 0.6, "patronymic": 0.5, "generic": 0.2}
MISSING = {"word": 0.35, "acronym": 1.0, "given": 0.15, "patronymic": 0.05, "generic": 0.05}
INITIAL_WEIGHT = 0.5  # an initial says less than the name it stands for
PART_FLOOR = 0.7
_VOWELS = str.maketrans("", "", "aiu")
_KIND = {"word": "word", "acronym": "word", "given": "given", "patronymic": "patronymic", "generic": "generic"}


JOINED_WEIGHT = 0.5  # the second part of a hyphenated word (Brest-Litovsk) is often left out


def _factor(part: Part) -> float:
    return (INITIAL_WEIGHT if part.initial else 1.0) * (JOINED_WEIGHT if part.joined else 1.0)


def _weight(part: Part) -> float:
    return WEIGHT[part.role] * _factor(part)


@lru_cache(maxsize=100_000)
def _consonants(key: str) -> str:
    return key.translate(_VOWELS)


OTHER_READING = 0.98  # a match only through a word's second reading (Rahacou as Rahačoŭ)


@lru_cache(maxsize=500_000)
def part_similarity(a: Part, b: Part) -> float:
    """How alike two parts are, 0..1 (see the module docstring, step 2)."""
    similarity = _similarity(a, b)
    if similarity < 1.0 and (a.other_key or b.other_key):
        for x in {a.key, a.other_key} - {None}:
            for y in {b.key, b.other_key} - {None}:
                if (x, y) != (a.key, b.key):
                    other = _similarity(Part(x, a.role, a.initial), Part(y, b.role, b.initial))
                    similarity = max(similarity, other * OTHER_READING)
    return similarity


def _similarity(a: Part, b: Part) -> float:
    if a.key == b.key:
        return 1.0
    if "acronym" in (a.role, b.role):
        return 0.0
    if a.initial or b.initial:
        initial, other = (a, b) if a.initial else (b, a)
        if other.initial or not (_KIND[initial.role] == _KIND[other.role] or other.role == "word"):
            return 0.0
        name = other.key[: -len(PATRONYMIC_SUFFIXES[0])] if other.role == "patronymic" else other.key
        return 0.9 if given_names().may_start(name, initial.key) else 0.0
    roles = {a.role, b.role}
    if roles == {"patronymic"} and a.key[-4:] != b.key[-4:]:
        return 0.0  # a son's and a daughter's patronymics (-авіч, -аўна) are not one name
    if a.role == b.role == "given" or roles == {"given", "patronymic"} or ("generic" in roles and roles - {"generic", "word"}):
        return 0.0  # two known given names differ; a given name is not a patronymic
    # Edits of the keys and of their consonants: a changed consonant costs twice a changed vowel
    # (vowels are what spellings of one name change most).
    consonants = _consonants(a.key), _consonants(b.key)
    edits = Levenshtein.distance(a.key, b.key) + Levenshtein.distance(*consonants)
    length = max(len(a.key), len(b.key)) + max(map(len, consonants))
    shorter, longer = sorted((a.key, b.key), key=len)
    if a.key[:1] != b.key[:1]:
        # a different first sound costs one more: spellings of one name rarely differ there
        # (the classes already join г/h/g, в/v/w/u, ж/z)
        edits += 1
    elif len(shorter) >= 4 and longer.startswith(shorter):
        edits /= 2  # an ending added: Lithuanian Pinskas, Latin Pinscum, case endings
    similarity = 1.0 - edits / length
    if roles == {"patronymic", "word"} and similarity < 0.9:
        return 0.0  # a patronymic is not a surname unless the two are nearly the same word
    return similarity if similarity >= PART_FLOOR else 0.0


def similarity(a: ParsedName, b: ParsedName) -> float:
    """The score of two parsed names, 0..1 (module docstring)."""
    left, right = list(a.parts), list(b.parts)
    if not left or not right:
        return 0.0
    if a.key == b.key:
        return 1.0  # the same keys pair off one to one, each at 1.0
    if not any(p.role == "patronymic" for p in left) or not any(p.role == "patronymic" for p in right):
        left = [p for p in left if p.role != "patronymic"] or left
        right = [p for p in right if p.role != "patronymic"] or right
    pairs = sorted(((part_similarity(x, y), i, j) for i, x in enumerate(left) for j, y in enumerate(right)),
                   reverse=True)
    used_left: set[int] = set()
    used_right: set[int] = set()
    matched = total = 0.0
    for score, i, j in pairs:
        if score <= 0.0:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        weight = max(_weight(left[i]), _weight(right[j]))
        matched += weight * score
        total += weight
    rest_left = [p for i, p in enumerate(left) if i not in used_left]
    rest_right = [p for j, p in enumerate(right) if j not in used_right]
    for part in rest_left:
        total += _leftover_weight(part, rest_right)
    for part in rest_right:
        total += _leftover_weight(part, rest_left)
    return matched / total if total else 0.0


_SLOT = {"word": "name", "acronym": "name", "given": "name", "patronymic": "patronymic", "generic": "generic"}


def _leftover_weight(part: Part, others: list[Part]) -> float:
    """A conflict (the other side has an unpaired part in the same slot: a name word — surname,
    given name, company word — or a patronymic) or a missing part."""
    if any(_SLOT[o.role] == _SLOT[part.role] for o in others):
        return _weight(part) / 2  # each side adds half: one full weight per conflicting pair
    return MISSING[part.role] * _factor(part) * (JOINED_WEIGHT if part.joined else 1.0)
