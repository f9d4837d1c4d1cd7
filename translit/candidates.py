"""The reverse of lossy schemes: ranked Cyrillic spellings whose romanization is the given text.

A lossy scheme (BGN/PCGN, passports, the 2023 system) maps several Cyrillic spellings to one Latin
one, so there is no exact way back; ``candidates()`` says which spellings are possible, best first.

1. **Inverse pieces** come from the scheme's own forward table: every Latin output maps back to
   the Cyrillic letters that produce it (letters, context rules, default options). Letters whose
   output is empty or only an apostrophe-like mark (ь → ’, the apostrophe → ”) may have been
   dropped by the writer (``Homyel`` for ``Homyel’``), so they may be inserted.
2. **Search**: for each word, a beam search builds Cyrillic spellings piece by piece, scored by a
   Belarusian letter model (``translit.lexicon``), known word forms first.
3. **Check**: every finished spelling is converted forward again; only those that give the input
   back (ignoring case and apostrophe-like marks) are kept, so no answer is a pretend one.
4. **Words** are combined best first, and capitals follow the input (``Lukashenka`` → ``Лукашэнка``,
   ``LUKASHENKA`` → ``ЛУКАШЭНКА``).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .lexicon import END, LetterModel, belarusian_model
from .schemes import _resolve, converter

APOSTROPHE_LIKE = "’'ʼ”\"ʹʺ`´"
INTERPUNCT = "·"  # BGN/PCGN's optional separator (z·h): part of a word, and optional
_MARKS = str.maketrans("", "", APOSTROPHE_LIKE + INTERPUNCT)
_WORD = regex.compile(rf"([\p{{L}}\p{{M}}{APOSTROPHE_LIKE}{INTERPUNCT}]+)")
BEAM = 48  # spellings kept per position of a word
LONGEST_WORD = 64  # letters: a longer "word" is no name, and its search would take long
DROPPED_PENALTY = 3.0  # log-units per letter whose visible mark (’ ”) the input does not show
RUSSIAN_ONLY = {"be": "ищъ"}  # letters a scheme maps for Russian text that are no spelling of the language
# Spellings no Belarusian or Russian orthography allows: the apostrophe (ъ) not before е ё ю я і,
# ь after a vowel or another silent letter or before а о у ы э, a silent letter first, й before
# а о у ы э, ў after a consonant.
_IMPOSSIBLE = regex.compile(
    r"[ʼъ](?![еёюяіи])|^[ьʼъ]|[аеёіоуыэюяийўьʼъ]ь|ь[аоуыэʼъ]|й[аоуыэ]|[бвгґджзйклмнпрстфхцчшщў]ў"
)


@dataclass(frozen=True)
class _Inverse:
    pieces: dict[str, tuple[str, ...]]  # Latin output (lowercase) → Cyrillic sources
    droppable: dict[str, float]  # Cyrillic letter whose output may be missing → penalty for inserting it
    longest: int


@cache
def _inverse(scheme_id: str) -> _Inverse:
    found, options = _resolve(scheme_id, False, {})
    foreign = set(RUSSIAN_ONLY.get(found.language, ""))
    pieces: dict[str, set[str]] = {}
    droppable: dict[str, float] = {}
    for source, target in found.pairs(False, [name for name, enabled in options.items() if enabled]):
        if foreign & set(source):
            continue
        if not target.translate(_MARKS):  # written as nothing, or only as a mark a writer may drop
            droppable[source] = max(droppable.get(source, 0.0), DROPPED_PENALTY if target else 0.0)
        if target:
            pieces.setdefault(target.lower(), set()).add(source)
    return _Inverse(
        {latin: tuple(sorted(sources)) for latin, sources in pieces.items()},
        dict(sorted(droppable.items())),
        max(map(len, pieces)),
    )


def _extend(model: LetterModel, spelling: str, score: float, addition: str) -> float:
    for letter in addition:
        score += model.step(spelling, letter)
        spelling += letter
    return score


@lru_cache(maxsize=20_000)  # names repeat: each distinct word is searched once
def _word_candidates(word: str, scheme_id: str, limit: int) -> tuple[tuple[float, str], ...]:
    """Cyrillic spellings of one Latin word, best first, each checked by converting it forward."""
    inverse, model = _inverse(scheme_id), belarusian_model()
    latin = word.lower()
    frontier: list[dict[str, float]] = [{} for _ in range(len(latin) + 1)]
    frontier[0][""] = 0.0
    for position in range(len(latin) + 1):
        states = frontier[position]
        for spelling, score in list(states.items()):  # a dropped ь or apostrophe, at most one in a row
            if spelling and spelling[-1] not in inverse.droppable:
                for letter, penalty in inverse.droppable.items():
                    inserted = _extend(model, spelling, score - penalty, letter)
                    if inserted > states.get(spelling + letter, float("-inf")):
                        states[spelling + letter] = inserted
        best = heapq.nlargest(BEAM, states.items(), key=lambda item: item[1])
        if position == len(latin):
            break
        for length in range(1, min(inverse.longest, len(latin) - position) + 1):
            sources = inverse.pieces.get(latin[position:position + length])
            if not sources:
                continue
            target = frontier[position + length]
            for spelling, score in best:
                for source in sources:
                    extended = _extend(model, spelling, score, source)
                    if extended > target.get(spelling + source, float("-inf")):
                        target[spelling + source] = extended
    finished = sorted(
        ((score + model.step(spelling, END) + model.known_bonus(spelling), spelling) for spelling, score in best),
        reverse=True,
    )
    wanted = latin.translate(_MARKS)
    forward = converter(scheme_id)
    checked: list[tuple[float, str]] = []
    for score, spelling in finished:
        if _IMPOSSIBLE.search(spelling):
            continue
        if forward(spelling).lower().translate(_MARKS) == wanted:
            checked.append((score, _with_case_of(word, spelling)))
            if len(checked) == limit:
                break
    return tuple(checked)


def _with_case_of(word: str, spelling: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return spelling.upper()
    if letters and letters[0].isupper():
        return spelling[:1].upper() + spelling[1:]
    return spelling


def candidates(text: str, scheme: str, *, limit: int = 10) -> list[str]:
    """Up to ``limit`` Cyrillic spellings whose romanization by ``scheme`` is ``text``, best first.

    For a reversible scheme that is its one exact reverse. An empty list means that no Cyrillic
    spelling gives ``text`` in this scheme (or that a word is longer than 64 letters).
    """
    found, _ = _resolve(scheme, False, {})
    if found.reverse is not None and found.reversible:
        return [converter(scheme, reverse=True)(text)][:limit]
    parts = _WORD.split(text)
    combined: list[tuple[float, str]] = [(0.0, "")]
    for i, part in enumerate(parts):
        if not i & 1 or not regex.search(r"\p{sc=Latn}", part):
            combined = [(score, spelling + part) for score, spelling in combined]
            continue
        options = _word_candidates(part, scheme, limit) if len(part) <= LONGEST_WORD else []
        if not options:
            return []
        combined = heapq.nlargest(
            limit,
            ((score + extra, spelling + option) for score, spelling in combined for extra, option in options),
            key=lambda item: item[0],
        )
    return list(dict.fromkeys(spelling for _, spelling in combined))[:limit]
