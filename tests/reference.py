"""The standards' reference pairs of ``tests/data/*.tsv`` (copied from the project's reference
dossier): the expected values of tests that need a single pair."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def _pairs(filename: str) -> dict[tuple[str, str], str]:
    with (DATA / filename).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {(row["system"], row["source_text"]): row["expected_output"] for row in rows}


def ref(filename: str, system: str, source: str) -> str:
    """The expected output of one reference pair (fails loudly if the pair is not in the file)."""
    return _pairs(filename)[(system, source)]
