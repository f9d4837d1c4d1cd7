#!/usr/bin/env python3
"""Build tables/lexicon/be.toml: Belarusian word forms and their counts, for ranking candidates.

Source: the sentences of UD Belarusian-HSE (CC BY-SA 4.0; O. Lyashevskaya, A. Peljak-Łapińska,
D. Petrova et al.), as shipped in ../shared/bench-corpus/ud_be_hse_sentences.txt. The output is a
derived work under the same licence; its header says so.

Usage: python scripts/build_lexicon.py [CORPUS] > tables/lexicon/be.toml
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from translit import prepare  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench-corpus" / "ud_be_hse_sentences.txt"
WORD = regex.compile(r"[\p{sc=Cyrl}\u02bc]+")
BELARUSIAN_ONLY = regex.compile(r"^[абвгдеёжзійклмнопрстуўфхцчшыьэюяʼ]+$")


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    counts: collections.Counter[str] = collections.Counter()
    for line in corpus.read_text(encoding="utf-8").splitlines():
        for word in WORD.findall(prepare(line).lower()):
            word = word.strip("\u02bc")
            if len(word) > 1 and BELARUSIAN_ONLY.match(word):
                counts[word] += 1
    print("# Belarusian word forms with their counts, for ranking reverse-transliteration candidates.")
    print("# Derived by scripts/build_lexicon.py from the sentences of UD Belarusian-HSE")
    print("# (https://universaldependencies.org/treebanks/be_hse/), licensed CC BY-SA 4.0;")
    print("# authors O. Lyashevskaya, A. Peljak-Łapińska, D. Petrova et al. This file is under CC BY-SA 4.0.")
    print('licence = "CC BY-SA 4.0"')
    print('source = "UD Belarusian-HSE sentences (bench-corpus/ud_be_hse_sentences.txt)"')
    print("\n[words]")
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f'"{word}" = {count}')


if __name__ == "__main__":
    main()
