"""Every external reference pair in tests/data/ (see its README) against translit's output."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import translit

DATA = Path(__file__).parent / "data"

# system column -> (scheme id, options, reverse)
SYSTEMS = {
    "lacinka": ("be-lacinka", {}, False),
    "lacinka-media": ("be-lacinka", {}, False),
    "lacinka-czech": ("be-lacinka", {}, False),
    "lacinka-czech+softness": ("be-lacinka", {"softness": True}, False),
    "lacinka-reverse": ("be-lacinka", {}, True),
    "be-national-2007": ("be-national-2007", {}, False),
    "be-bgn-pcgn-1979": ("be-bgn-pcgn-1979", {}, False),
}

# Rows whose expectation contradicts the standard or a documented translit policy, with the reason.
CONTRADICTED = {
    ("lacinka-reverse", "LnŚźcsłŃZć"): (
        "latynkatar writes ь in lowercase after a capital Ń followed by a capital (НьЗ); translit writes a "
        "capital with a multi-letter output in full caps before a capital (НЬЗ), as in all-caps words"
    ),
}

# Classic ("Polish-style") Łacinka is issue #4's be-lacinka-classic; its rows are not run here.
NOT_YET = {"lacinka-polish-style+softness"}


def _rows() -> list:
    params = []
    for path in sorted(DATA.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                system = row["system"]
                if system in NOT_YET:
                    continue
                marks = []
                reason = CONTRADICTED.get((system, row["source_text"]))
                if reason:
                    marks.append(pytest.mark.xfail(strict=True, reason=reason))
                params.append(pytest.param(
                    system, row["source_text"], row["expected_output"],
                    id=f"{path.stem}:{system}:{row['source_text'][:30]}", marks=marks,
                ))
    return params


@pytest.mark.parametrize(("system", "source", "expected"), _rows())
def test_reference_pair(system: str, source: str, expected: str) -> None:
    scheme, options, reverse = SYSTEMS[system]
    got = translit.convert(source, scheme, reverse=reverse, **options)
    # An apostrophe of the expected Cyrillic may be any member of the family: compare prepared forms.
    assert got == translit.prepare(expected)


def test_every_system_is_known() -> None:
    for path in DATA.glob("*.tsv"):
        with path.open(encoding="utf-8", newline="") as handle:
            systems = {row["system"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
        assert systems <= set(SYSTEMS) | NOT_YET, path.name


def _lacinka_rows_backwards() -> list:
    """The forward Łacinka pairs read backwards: Łacinka → Cyrillic of the same orthography."""
    params = []
    with (DATA / "lacinka_examples.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["system"] == "lacinka-reverse":
                continue
            source, latin = row["source_text"], row["expected_output"]
            marks = []
            reason = NOT_REVERSIBLE.get(source)
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            # Bahdanovič's poem and Kamusella's Сьвятлана are in Taraškievica, which writes the ь
            # of assimilative softness; the rest is official orthography, which does not: Łacinka
            # made with the softness option gives it back with the same option.
            taraskievica = "bahdanovicz" in row["source"] or source.startswith("Сьвятлана")
            softness = "+softness" in row["system"] and not taraskievica
            params.append(pytest.param(latin, source, softness, id=f"{row['system']}:{latin[:30]}",
                                       marks=marks))
    return params


NOT_REVERSIBLE = {
    "Гэта трэці нумар PAMYŁKA ZIN!": "Latin words inside the Cyrillic text are converted back too",
    "навукова-папулярнага часопісу Pamyłka Zin.": "Latin words inside the Cyrillic text are converted back too",
    "ЛаЭлЯЛуЛіЛюЛЁлЕлЬ лЛя": "the case of ь (лЬ) leaves no trace in Łacinka",
    "Яз'яваЗЯпазЬяВА": "the case of ь (зЬ) leaves no trace in Łacinka",
    "Ьньмьньсьць": "a ь after м or at the start of a word leaves no trace in Łacinka",
    "Маладыя жаданні!": "the poem's Taraškievica source writes жаданні without ь while its Łacinka (made "
    "with the softness option) writes žadańni",
}


@pytest.mark.parametrize(("latin", "cyrillic", "softness"), _lacinka_rows_backwards())
def test_lacinka_pair_backwards(latin: str, cyrillic: str, softness: bool) -> None:
    got = translit.convert(latin, "be-lacinka", reverse=True, softness=softness)
    assert got == translit.prepare(cyrillic)
