"""Accuracy of ``translit.candidates()`` on the lossy Belarusian schemes: is the true word found again?

Usage: ``python benchmarks/candidates.py [--sample N] [--quick]``

The words are the distinct lowercase Belarusian words (at least two letters) of
``../shared/bench-corpus/ud_be_hse_sentences.txt`` next to the repository. For every shipped lossy
Belarusian scheme (``translit.schemes()``: language ``be``, source script ``Cyrl``, not reversible;
the list is read at run time), each word is romanized with ``translit.convert(word, scheme)`` and
``translit.candidates(latin, scheme, limit=10)`` is asked for it back. Reported, in two settings side
by side:

* hit@1 and hit@10: the true word is the first candidate / among the candidates (compared after
  ``translit.prepare``), the share of words with no candidate at all, and words/s of
  ``candidates()`` (warm: the scheme's inverse and the letter model are built before timing);
* (a) "shipped": the shipped letter model and lexicon, which were derived from this very corpus, so
  every word is a known word form: optimistic;
* (b) "held out": the distinct words are split in two by ``zlib.crc32`` (even / odd); a
  ``LetterModel`` is built from the corpus counts of the even half only and the odd half is evaluated,
  so no evaluated word is in the lexicon: the honest number.

It ends with a PASS/FAIL line per scheme for the target (true word among the candidates for at least
95% of words, judged on the held-out setting) and the first misses of the held-out setting. It is a
report: the exit status is 0 whatever the results (2 when the corpus is missing).
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "bench-corpus" / "ud_be_hse_sentences.txt"

# Measure this checkout even when another translit is installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import translit  # noqa: E402
from translit.lexicon import LetterModel  # noqa: E402

# The module, not the function translit.candidates() that shadows it as a package attribute.
candidates_module = importlib.import_module("translit.candidates")

WORD = regex.compile("[абвгдеёжзійклмнопрстуўфхцчшыьэюяʼ]+")
LIMIT = 10
TARGET = 0.95  # hit@10
DEFAULT_SAMPLE = 2000
QUICK_SAMPLE = 200
MISSES_SHOWN = 10
SEED = 20240601


@dataclass
class Result:
    words: int = 0
    hit1: int = 0
    hit10: int = 0
    empty: int = 0
    errors: int = 0
    seconds: float = 0.0
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.words if self.words else 0.0

    @property
    def rate(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def corpus_counts(path: Path) -> Counter[str]:
    """Counts of the lowercase Belarusian words of at least two letters, after ``translit.prepare``."""
    counts: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        for word in WORD.findall(translit.prepare(line).lower()):
            word = word.strip("ʼ")
            if len(word) >= 2:
                counts[word] += 1
    return counts


def lossy_belarusian_schemes() -> list[str]:
    return [
        info.id
        for info in translit.schemes()
        if info.language == "be" and info.source_script == "Cyrl" and not info.reversible
    ]


@contextmanager
def letter_model(model: LetterModel | None) -> Iterator[None]:
    """Let ``candidates()`` rank with ``model`` (the shipped one when None) while the block runs."""
    if model is None:
        yield
        return
    shipped: Callable[[], LetterModel] = candidates_module.belarusian_model
    candidates_module.belarusian_model = lambda: model
    try:
        yield
    finally:
        candidates_module.belarusian_model = shipped


def same(candidate: str, word: str) -> bool:
    return translit.prepare(candidate).lower() == word


def evaluate(scheme: str, words: Sequence[str], model: LetterModel | None) -> Result:
    result = Result()
    with letter_model(model):
        translit.candidates(translit.convert(words[0], scheme), scheme, limit=LIMIT)  # warm-up, untimed
        for word in words:
            try:
                latin = translit.convert(word, scheme)
            except translit.TranslitError:
                result.errors += 1
                continue
            start = time.perf_counter()
            found = translit.candidates(latin, scheme, limit=LIMIT)
            result.seconds += time.perf_counter() - start
            result.words += 1
            if not found:
                result.empty += 1
            if found and same(found[0], word):
                result.hit1 += 1
            if any(same(candidate, word) for candidate in found):
                result.hit10 += 1
            else:
                result.misses.append((word, latin, found[:3]))
    return result


def sample(words: Sequence[str], size: int, rng: random.Random) -> list[str]:
    ordered = sorted(words)
    return ordered if size >= len(ordered) else sorted(rng.sample(ordered, size))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE, help="words per setting and scheme")
    parser.add_argument("--quick", action="store_true", help=f"only {QUICK_SAMPLE} words per setting")
    args = parser.parse_args(argv)
    size = QUICK_SAMPLE if args.quick else args.sample
    if not CORPUS.is_file():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2

    counts = corpus_counts(CORPUS)
    even = {word: count for word, count in counts.items() if zlib.crc32(word.encode()) % 2 == 0}
    odd = [word for word in counts if zlib.crc32(word.encode()) % 2 == 1]
    held_out_model = LetterModel(even)
    rng = random.Random(SEED)
    shipped_words = sample(list(counts), size, rng)
    held_out_words = sample(odd, size, rng)
    schemes = lossy_belarusian_schemes()
    print(f"corpus: {CORPUS.name}, {sum(counts.values())} words, {len(counts)} distinct (length >= 2)")
    print(f"(a) shipped model (lexicon from this corpus, optimistic): {len(shipped_words)} words sampled")
    print(
        f"(b) held out: model from the {len(even)} crc32-even words, evaluated on "
        f"{len(held_out_words)} of the {len(odd)} odd ones (honest)"
    )
    print(f"lossy Belarusian schemes: {len(schemes)}, limit={LIMIT}, seed={SEED}\n")

    header = (
        f"{'scheme':<22} {'setting':<9} {'hit@1':>7} {'hit@10':>7} {'none':>6} {'words/s':>8}"
        f" | {'setting':<9} {'hit@1':>7} {'hit@10':>7} {'none':>6} {'words/s':>8}"
    )
    print(header)
    print("-" * len(header))
    held_out: dict[str, Result] = {}
    started = time.perf_counter()
    for scheme in schemes:
        a = evaluate(scheme, shipped_words, None)
        b = evaluate(scheme, held_out_words, held_out_model)
        held_out[scheme] = b
        cells = []
        for name, result in (("shipped", a), ("held out", b)):
            cells.append(
                f"{name:<9} {result.share(result.hit1):>7.1%} {result.share(result.hit10):>7.1%}"
                f" {result.share(result.empty):>6.1%} {result.rate:>8.0f}"
            )
        print(f"{scheme:<22} " + " | ".join(cells), flush=True)
        for name, result in (("shipped", a), ("held out", b)):
            if result.errors:
                print(f"  {name}: {result.errors} words could not be romanized (TranslitError), not counted")
    print(f"\n({time.perf_counter() - started:.0f} s)")

    print(f"\ntarget: true word among the candidates (hit@10) for >= {TARGET:.0%} of words; (b) held out is")
    print("the honest number, (a) only says what a word already in the lexicon gets")
    for scheme, result in held_out.items():
        verdict = "PASS" if result.share(result.hit10) >= TARGET else "FAIL"
        print(f"{verdict} {scheme}: hit@10 {result.share(result.hit10):.1%} held out")

    for scheme, result in held_out.items():
        print(f"\nfirst held-out misses of {scheme} ({len(result.misses)} of {result.words}):")
        for word, latin, found in result.misses[:MISSES_SHOWN]:
            shown = ", ".join(found) if found else "(no candidate)"
            print(f"  {word:<20} {latin:<24} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
