"""``translit.identify()``: which language is this Cyrillic, which scheme wrote this Latin?

The evidence lives in ``tables/identify.toml``. Answers are ranked ``(language_or_scheme, score)``
pairs whose scores add up to 1.

* **Cyrillic text** (more Cyrillic letters than Latin ones): every letter is a draw from its
  language's letter frequencies; letters only some orthographies have decide (``ў`` Belarusian,
  ``ъ`` Russian, ``ї є`` Ukrainian, ``і`` with ``и`` Ukrainian), and their absence from a long text
  counts too. Log-likelihoods plus the prior, then softmax over ``be``, ``ru``, ``uk``.
* **Latin text**: for each shipped Cyrillic → Latin scheme,
  1. its output must contain every letter of the text (``ł`` is only Łacinka, ``ĺ`` only 2007);
  2. some Cyrillic spelling must give the text back (the exact reverse, or ``candidates()``);
  3. the best such spelling's Belarusian letter-model score, the scheme's prior and the spelling
     cues (``-enko`` Russian, ``-enka`` Belarusian) rank the schemes that pass; softmax.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import regex

from .candidates import candidates
from .lexicon import belarusian_model
from .prep import prepare
from .schemes import converter, schemes
from .tables import read_table, shipped_schemes, tables_dir

_CYRILLIC = regex.compile(r"\p{sc=Cyrl}")
_LATIN = regex.compile(r"\p{sc=Latn}")
_LETTERS_ONLY = regex.compile(r"[^\p{L}]+")
# What a scheme must be able to write for a text to be its output: letters, marks and the signs
# romanizations use for ь, the apostrophe and the interpunct.
_WRITTEN = regex.compile(r"[\p{L}\p{M}’”ʹʺ'·]")
_OTHER = "other"
LATIN_WORDS = 12  # a Latin text is judged by its first words (and characters): enough to tell, and quick
LATIN_CHARACTERS = 240
CYRILLIC_LETTERS = 10_000  # letters of a Cyrillic text counted at most
LATIN_TEMPERATURE = 2.0  # log-units of the Latin scores per e-fold of the odds: keeps runners-up visible


@dataclass(frozen=True)
class _Evidence:
    letters: dict[str, dict[str, float]]  # language → letter → frequency, "other" for the rest
    language_prior: dict[str, float]
    cyrillic_cues: tuple[tuple[regex.Pattern, str, float], ...]  # (pattern, language, weight)
    latin_cues: tuple[tuple[regex.Pattern, str, float], ...]
    scheme_prior: dict[str, float]


@cache
def _evidence() -> _Evidence:
    data = read_table(tables_dir() / "identify.toml")
    letters = {}
    for language, frequencies in data["cyrillic"].items():
        letters[language] = {**frequencies, _OTHER: 1.0 - sum(frequencies.values())}
    def cues(key: str) -> tuple[tuple[regex.Pattern, str, float], ...]:
        return tuple((regex.compile(cue["pattern"]), cue["language"], cue["weight"]) for cue in data.get(key, []))

    return _Evidence(letters, data["cyrillic_prior"], cues("cyrillic_cue"), cues("latin_cue"), data["scheme_prior"])


def _softmax(scores: dict[str, float]) -> list[tuple[str, float]]:
    if not scores:
        return []
    top = max(scores.values())
    weights = {name: math.exp(score - top) for name, score in scores.items()}
    total = sum(weights.values())
    return sorted(((name, round(weight / total, 4)) for name, weight in weights.items()),
                  key=lambda item: -item[1])


def _cyrillic_language(text: str) -> list[tuple[str, float]]:
    evidence = _evidence()
    letters = [c for c in text.lower() if _CYRILLIC.match(c) or c == "ʼ"][:CYRILLIC_LETTERS]
    scores = {}
    for language, frequencies in evidence.letters.items():
        score = math.log(evidence.language_prior[language])
        for letter in letters:
            score += math.log(frequencies.get(letter, frequencies[_OTHER]))
        for pattern, cue_language, weight in evidence.cyrillic_cues:
            if pattern.search(text.lower()):
                score += weight if language == cue_language else 0.0
        scores[language] = score
    return _softmax(scores)


@cache
def _output_letters(scheme_id: str) -> frozenset[str]:
    """Every letter and mark the forward direction of a scheme can write (lowercase)."""
    scheme = next(s for s in shipped_schemes() if s.id == scheme_id)
    return frozenset(c for _, target in scheme.pairs(False) for c in target.lower() if _WRITTEN.match(c))


def _best_spelling(text: str, scheme_id: str, reversible: bool) -> str | None:
    """The best Cyrillic spelling that ``scheme_id`` turns into ``text``, or None.

    A reversible scheme must give the text back exactly (but for case): its marks are letters.
    """
    if reversible:
        spelling = converter(scheme_id, reverse=True)(text)
        return spelling if converter(scheme_id)(spelling).lower() == text.lower() else None
    found = candidates(text, scheme_id, limit=1)
    return found[0] if found else None


def _latin_scheme(text: str, quick: bool = False) -> list[tuple[str, float]]:
    evidence = _evidence()
    letters = {c for c in text.lower() if _WRITTEN.match(c)}
    model = belarusian_model()
    scores = {}
    for info in schemes():
        if info.user or info.source_script != "Cyrl" or info.target_script != "Latn":  # shipped schemes only
            continue
        if not letters <= _output_letters(info.id):
            continue
        if quick:
            score = 0.0
        else:
            spelling = _best_spelling(text, info.id, info.reversible and info.has_reverse)
            if spelling is None:
                continue
            # Whole space-separated words, signs dropped: a spelling cut into pieces by ' or · must
            # not look better than a whole one.
            score = sum(model.score(_LETTERS_ONLY.sub("", word)) for word in spelling.split())
        score += math.log(evidence.scheme_prior.get(info.id, evidence.scheme_prior["default"]))
        for pattern, language, weight in evidence.latin_cues:
            if pattern.search(text.lower()):
                score += weight if info.language == language else -weight
        scores[info.id] = score / LATIN_TEMPERATURE
    return _softmax(scores)


def identify(text: str, *, quick: bool = False) -> list[tuple[str, float]]:
    """Ranked guesses with scores adding up to 1: a language (``be``, ``ru``, ``uk``) for Cyrillic
    text, a scheme id for Latin text. Empty when the text has no letters of either script or no
    shipped scheme can have written it. ``quick=True`` judges Latin text by its letters, cues and
    the schemes' priors only, without reading it back through each scheme (about a thousand times
    faster, and rougher)."""
    prepared = prepare(text)
    cyrillic = len(_CYRILLIC.findall(prepared))
    latin = len(_LATIN.findall(prepared))
    if cyrillic and cyrillic >= latin:
        return _cyrillic_language(prepared)
    if latin:
        return _latin_scheme(" ".join(prepared.split()[:LATIN_WORDS])[:LATIN_CHARACTERS], quick)
    return []
