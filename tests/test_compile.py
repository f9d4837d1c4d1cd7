"""The compiler's output: ICU accepts it, it reads like CLDR rules, and it equals convert()."""

from __future__ import annotations

import icu
import pytest

import translit
from translit.tables import shipped_schemes

DIRECTIONS = [
    (scheme.id, reverse) for scheme in shipped_schemes() for reverse in (False, True)
    if scheme.direction(reverse) is not None
]


def _icu(rules: str) -> icu.Transliterator:
    return icu.Transliterator.createFromRules("test", rules, icu.UTransDirection.FORWARD)


@pytest.mark.parametrize(("scheme_id", "reverse"), DIRECTIONS)
def test_every_rule_has_a_comment_and_the_header_cites_the_standard(scheme_id: str, reverse: bool) -> None:
    rules = translit.export_icu(scheme_id, reverse=reverse)
    lines = rules.splitlines()
    assert lines[0].startswith(f"# translit {translit.__version__}: scheme {scheme_id}")
    assert lines[1].startswith("# Standard: ")
    body = lines[lines.index(":: NFC ;") + 1:]
    previous = ""
    for line in body:
        if line.endswith(" ;") and not line.startswith("::"):
            assert previous.startswith("#") or previous.endswith(" ;"), line
        previous = line


@pytest.mark.parametrize(("scheme_id", "reverse"), DIRECTIONS)
def test_exported_rules_run_by_icu_alone_match_convert(scheme_id: str, reverse: bool) -> None:
    text = "Аляксандр Лукашэнка, сям’я, ЮЛЯ Юля Ю. Наталля Ілья ШЧАЎЯ — Магілёў і Гомель!"
    if reverse:
        text = translit.convert(text, scheme_id)
    assert _icu(translit.export_icu(scheme_id, reverse=reverse)).transliterate(text) == translit.convert(
        text, scheme_id, reverse=reverse
    )


def test_before_context_is_written_in_the_output_alphabet() -> None:
    # ICU sees `Бе` as `Bе` when it reaches е: the rule for е after a consonant must look at "b"
    rules = translit.export_icu("be-lacinka")
    assert "е → ie" in rules and "b" in next(line for line in rules.splitlines() if line.endswith("е → ie ;"))
    assert translit.convert("Бе бе", "be-lacinka") == "Bie bie"


def test_longest_source_first() -> None:
    lines = [line for line in translit.export_icu("be-lacinka").splitlines() if line.endswith(" ;")]
    first_plain_l = next(i for i, line in enumerate(lines) if line.startswith("л → "))
    first_pair = next(i for i, line in enumerate(lines) if line.startswith("ле → "))
    assert first_pair < first_plain_l


def test_options_change_the_rules() -> None:
    plain = translit.export_icu("be-bgn-pcgn-1979", interpunct=False)
    dotted = translit.export_icu("be-bgn-pcgn-1979")
    assert "\\u00B7" in dotted and "\\u00B7" not in plain
    assert "# Options: interpunct=on" in dotted
