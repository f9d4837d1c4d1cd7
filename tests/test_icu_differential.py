"""Differential test: be-bgn-pcgn-1979 against ICU's built-in ``Belarusian-Latin/BGN`` on real sentences.

ICU runs on the line prepared as ``convert()`` prepares it (``translit.prepare`` on every
white-space-separated piece with a character the scheme converts; other pieces are kept byte for
byte), so both sides see the same apostrophes and letters. ICU's
output is then brought to translit's conventions by :func:`normalise_icu`, which undoes only the
deviations of ICU from the published table that are documented in
``../shared/reference/bgn-pcgn.md`` §3 and in the ``[[deviation]]`` entries of
``tables/schemes/be-bgn-pcgn-1979.toml``. After that every line must be equal.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from strategies import load_table

import translit

SCHEME = "be-bgn-pcgn-1979"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "bench-corpus" / "ud_be_hse_sentences.txt"

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"bench corpus not found: {CORPUS}")

# Lines that differ for a reason other than the documented deviations, each with that reason: an
# undocumented ICU deviation (to be documented in the table and bgn-pcgn.md, then taught to
# normalise_icu) or a translit bug (to be fixed). The main test leaves them out and checks that they
# still differ; test_known_differences (strict xfail) keeps each one visible until it is resolved.
KNOWN_DIFFERENCES: dict[str, tuple[str, str]] = {}  # a text found in the line → (test id, reason)


PIECES = regex.compile(r"(\s+)")
CONVERTED = regex.compile(r"[\p{sc=Cyrl}\u02bc]")


def prepared_like_convert(line: str) -> str:
    """``prepare`` on the pieces ``convert()`` prepares: those with a Cyrillic letter or the apostrophe."""
    return "".join(translit.prepare(piece) if CONVERTED.search(piece) else piece for piece in PIECES.split(line))


def _known(line: str) -> bool:
    return any(key in line for key in KNOWN_DIFFERENCES)


@pytest.fixture(scope="module")
def icu_bgn():
    icu = pytest.importorskip("icu")
    try:
        return icu.Transliterator.createInstance("Belarusian-Latin/BGN")
    except icu.ICUError as error:  # an ICU build without the transform
        pytest.skip(f"ICU has no Belarusian-Latin/BGN: {error}")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


# --- the documented deviations ------------------------------------------------------------------------

# (1) ь: ICU writes U+02B9 MODIFIER LETTER PRIME, the table U+2019.
# (2) the apostrophe U+2019: ICU writes U+02BA MODIFIER LETTER DOUBLE PRIME, the table U+201D.
# (3) the apostrophe U+02BC (what prepare() makes of every apostrophe between Cyrillic letters): ICU
#     copies it, the table writes U+201D.
ICU_CHARACTERS = str.maketrans({"\u02b9": "\u2019", "\u02ba": "\u201d", "\u02bc": "\u201d"})

# (4) Russian и щ ъ: ICU leaves them in Cyrillic; translit writes them as BGN/PCGN Russian does.
#     Capital Щ becomes Shch before a lowercase letter and SHCH otherwise, the way ICU writes the
#     capitals of its other digraphs (rule 5 then applies to a lone Щ as to any lone capital).
RUSSIAN = {"и": "i", "И": "I", "ъ": "\u201d", "Ъ": "\u201d", "щ": "shch"}
RUSSIAN_LETTER = regex.compile(r"[иИъЪщЩ]")


def _russian(match: regex.Match) -> str:
    letter = match.group()
    if letter != "Щ":
        return RUSSIAN[letter]
    following = match.string[match.end():match.end() + 1]
    return "Shch" if following.islower() else "SHCH"


# (5) A lone capital whose letter is a digraph (Ю., Я between spaces): ICU writes full caps (YU.), the
#     table and translit title case (Yu.). "Lone" = no letter on either side; only the capitals of
#     single letters with a multi-letter output in the table qualify.
def _digraph_letters() -> dict[str, str]:
    letters = load_table(SCHEME)["forward"]["letters"]
    return {
        source.upper(): target for source, target in letters.items()
        if len(source) == 1 and sum(1 for c in target if c.isalpha()) >= 2
    }


DIGRAPH_CAPITALS = _digraph_letters()  # "Ю" → "yu", "Ж" → "zh", "Щ" → "shch", ...
LONE_CAPITAL = regex.compile(rf"(?<![\p{{L}}\p{{M}}])([{''.join(DIGRAPH_CAPITALS)}])(?![\p{{L}}\p{{M}}])")


# (6) The interpunct between a lowercase and a capital letter (кГц): ICU has rules for кг, Кг and КГ
#     only and writes kHts; the table writes k·Hts. The interpunct is put into ICU's input there.
MIXED_CASE_PAIR = regex.compile(r"(?<=[зксц])(?=Г)|(?<=т)(?=С)")


def normalise_icu(transliterator, prepared: str) -> str:
    """ICU's output for ``prepared`` with the documented deviations (1)-(6) mapped to translit's."""
    prepared = MIXED_CASE_PAIR.sub("\u00b7", prepared)
    whole = transliterator.transliterate(prepared)
    # Cut the line at its lone digraph capitals, so rule 5 knows which output came from which
    # letter; ICU's rules see one character ahead only, so the pieces must give the same text.
    pieces = LONE_CAPITAL.split(prepared)
    outputs = [transliterator.transliterate(piece) for piece in pieces]
    if "".join(outputs) != whole:  # cutting changed ICU's output: no rule-5 mapping on this line
        outputs = [whole]
        pieces = [prepared]
    normalised = []
    for index, output in enumerate(outputs):
        output = RUSSIAN_LETTER.sub(_russian, output.translate(ICU_CHARACTERS))
        if index % 2:  # a lone capital
            target = DIGRAPH_CAPITALS[pieces[index]]
            if output == target.upper():
                output = target[0].upper() + target[1:]
        normalised.append(output)
    return "".join(normalised)


def test_normalise_icu_examples(icu_bgn) -> None:
    """The normalisation on the examples of the [[deviation]] entries: their standard form."""
    deviations = load_table(SCHEME)["deviation"]
    assert deviations
    for deviation in deviations:
        assert icu_bgn.transliterate(translit.prepare(deviation["source"])) != deviation["standard"]
        assert normalise_icu(icu_bgn, translit.prepare(deviation["source"])) == deviation["standard"], deviation


def _compare(icu_bgn, lines: list[str]) -> tuple[int, int, list[tuple[str, str, str, str]]]:
    """(identical, equal after normalisation, [(line, ours, icu, icu normalised) that differ])."""
    identical = deviating = 0
    differing = []
    for line in lines:
        ours = translit.convert(line, SCHEME)
        prepared = prepared_like_convert(line)
        raw = icu_bgn.transliterate(prepared)
        if ours == raw:
            identical += 1
            continue
        normalised = normalise_icu(icu_bgn, prepared)
        if ours == normalised:
            deviating += 1
        else:
            differing.append((line, ours, raw, normalised))
    return identical, deviating, differing


def _report(rows) -> str:
    return "\n".join(
        f"  line:           {line}\n  translit:       {ours}\n  ICU:            {raw}\n  ICU normalised: {norm}"
        for line, ours, raw, norm in rows[:5]
    )


def test_matches_icu_up_to_documented_deviations(icu_bgn, lines, capsys) -> None:
    known = [line for line in lines if _known(line)]
    checked = [line for line in lines if not _known(line)]
    identical, deviating, differing = _compare(icu_bgn, checked)
    total = len(checked)
    counts = (f"{total} lines: {identical} identical, {deviating} differ only by documented deviations, "
              f"{len(differing)} differ otherwise; {len(known)} lines of KNOWN_DIFFERENCES left out")
    with capsys.disabled():
        print(f"\n[ICU differential] {counts}")
    assert not differing, f"{counts}\nfirst differing lines:\n{_report(differing)}"
    assert identical + deviating >= 0.99 * total, counts
    # The left-out lines must still differ, or KNOWN_DIFFERENCES has gone stale.
    _, _, still_differing = _compare(icu_bgn, known)
    assert len(still_differing) == len(known) == len(KNOWN_DIFFERENCES), "a KNOWN_DIFFERENCES entry is stale"


@pytest.mark.parametrize("key", [
    pytest.param(key, marks=pytest.mark.xfail(strict=True, reason=reason), id=test_id)
    for key, (test_id, reason) in KNOWN_DIFFERENCES.items()
])
def test_known_differences(icu_bgn, lines, key: str) -> None:
    known = [line for line in lines if key in line]
    assert known
    _, _, differing = _compare(icu_bgn, known)
    assert not differing, _report(differing)
