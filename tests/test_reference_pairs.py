"""Every external reference pair in tests/data/ (see its README) against translit's output."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

import translit

DATA = Path(__file__).parent / "data"


def _how(path: Path) -> dict:
    """The sidecar ``<name>.toml`` of a ``<name>.tsv``: which scheme runs each system, what is known."""
    with path.with_suffix(".toml").open("rb") as handle:
        return tomllib.load(handle)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _rows() -> list:
    params = []
    for path in sorted(DATA.glob("*.tsv")):
        how = _how(path)
        contradicted = {(entry["system"], entry["source"]): entry["reason"] for entry in how.get("contradicted", [])}
        for row in _read(path):
            system = how["systems"].get(row["system"], {})
            if "skip" in system:
                continue
            marks = []
            reason = contradicted.get((row["system"], row["source_text"]))
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            params.append(pytest.param(
                system, row["source_text"], row["expected_output"],
                id=f"{path.stem}:{row['system']}:{row['source_text'][:30]}", marks=marks,
            ))
    return params


@pytest.mark.parametrize(("system", "source", "expected"), _rows())
def test_reference_pair(system: dict, source: str, expected: str) -> None:
    got = translit.convert(source, system["scheme"], reverse=system.get("reverse", False),
                           **system.get("options", {}))
    # An apostrophe of the expected Cyrillic may be any member of the family: compare prepared forms.
    assert got == translit.prepare(expected)


def test_every_system_is_known() -> None:
    """Each system of each file is run by a scheme or skipped with a reason, in the file's sidecar."""
    for path in DATA.glob("*.tsv"):
        systems = _how(path)["systems"]
        assert {row["system"] for row in _read(path)} <= set(systems), path.name
        for name, system in systems.items():
            assert ("scheme" in system) != ("skip" in system), f"{path.name}: {name}"


def _lacinka_rows_backwards() -> list:
    """The forward Łacinka pairs read backwards: Łacinka → Cyrillic of the same orthography."""
    params = []
    for row in _read(DATA / "lacinka_examples.tsv"):
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
