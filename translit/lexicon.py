"""A Belarusian letter-sequence model and word list, for ranking reverse-transliteration candidates.

Built once per process from ``tables/lexicon/be.toml`` (word forms with counts, CC BY-SA 4.0, see its
header): a letter trigram model with add-one smoothing over word boundaries, and the counts
themselves, so that a known word form outranks an unknown one that merely looks plausible.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache

from .tables import read_table, tables_dir

BOUNDARY = "^"
END = "$"
KNOWN_WORD_BONUS = 4.0  # log-units added for a word form the lexicon has seen, plus log(count)


class LetterModel:
    """log P(word) under a letter trigram model; higher is more Belarusian-looking."""

    def __init__(self, counts: dict[str, int]):
        self.counts = counts
        trigrams: Counter[str] = Counter()
        bigrams: Counter[str] = Counter()
        alphabet: set[str] = set()
        for word, count in counts.items():
            padded = BOUNDARY * 2 + word + END
            alphabet.update(word)
            for i in range(2, len(padded)):
                trigrams[padded[i - 2:i + 1]] += count
                bigrams[padded[i - 2:i]] += count
        self._trigrams = trigrams
        self._bigrams = bigrams
        self._vocabulary = len(alphabet) + 1

    def step(self, context: str, letter: str) -> float:
        """log P(letter | the two letters before it); ``context`` is what precedes (its last two count)."""
        history = (BOUNDARY * 2 + context)[-2:]
        return math.log((self._trigrams[history + letter] + 1) / (self._bigrams[history] + self._vocabulary))

    def known_bonus(self, word: str) -> float:
        """Extra log-units for a word form the lexicon has seen, more for a frequent one."""
        count = self.counts.get(word.lower())
        return KNOWN_WORD_BONUS + math.log(count) if count else 0.0

    def score(self, word: str) -> float:
        """log P(word) with its end, plus the bonus of a known word form."""
        lowered = word.lower()
        total = sum(self.step(lowered[max(0, i - 2):i], letter) for i, letter in enumerate(lowered))
        return total + self.step(lowered, END) + self.known_bonus(lowered)


@cache
def belarusian_model() -> LetterModel:
    return LetterModel(read_table(tables_dir() / "lexicon" / "be.toml")["words"])
