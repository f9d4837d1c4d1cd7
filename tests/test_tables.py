"""Table lints and the loader's validation: each kind of error names the file and the key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from translit.compile import compile_rules
from translit.errors import TableError
from translit.tables import load_scheme, shipped_schemes, tables_dir

BELARUSIAN = "абвгдеёжзійклмнопрстуўфхцчшыьэюя"

MINIMAL = """
id = "x-test"
name = "Test"
language = "be"
status = "test"
reversible = false
[citation]
standard = "none"
[forward]
source_script = "Cyrl"
target_script = "Latn"
alphabet = "аб"
[forward.letters]
"а" = "a"
"б" = "b"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x-test.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> TableError:
    with pytest.raises(TableError) as caught:
        scheme = load_scheme(_write(tmp_path, text))
        compile_rules(scheme)
    assert "x-test.toml" in str(caught.value)
    return caught.value


def test_minimal_table_loads(tmp_path: Path) -> None:
    scheme = load_scheme(_write(tmp_path, MINIMAL))
    assert scheme.forward.letters == {"а": "a", "б": "b"}


def test_unknown_key(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL.replace('status = "test"', 'status = "test"\nstatuss = 1'))
    assert error.key == "statuss"


def test_unknown_key_in_direction(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL.replace('alphabet = "аб"', 'alphabet = "аб"\nletterz = 1'))
    assert error.key == "forward.letterz"


def test_duplicate_key(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL + '"а" = "o"\n')
    assert error.key == "(toml)" and "line 16" in error.problem


def test_mixed_script_target(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL.replace('"б" = "b"', '"б" = "bе"'))  # Cyrillic е
    assert error.key == "forward.letters.б"
    assert "U+0435" in error.problem


def test_mixed_script_source(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL + '"a" = "a"\n')  # Latin a as a Cyrillic key
    assert error.key == "forward.letters.a"


def test_missing_letter_of_alphabet(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL.replace('alphabet = "аб"', 'alphabet = "абв"'))
    assert error.key == "forward.letters" and "'в'" in error.problem


def test_uppercase_entry(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL.replace('"б" = "b"', '"б" = "B"'))
    assert "lowercase" in error.problem


def test_unknown_class(tmp_path: Path) -> None:
    rule = '[[forward.rule]]\nsource = "а"\ntarget = "ja"\nafter = "$vowel"\n'
    error = _error(tmp_path, MINIMAL + rule)
    assert error.key == "forward.rule[0].after" and "$vowel" in error.problem


def test_rule_shadowed_by_an_earlier_one(tmp_path: Path) -> None:
    rules = (
        '[[forward.rule]]\nsource = "а"\ntarget = "ja"\nafter = "аб"\n'
        '[[forward.rule]]\nsource = "а"\ntarget = "ia"\nafter = "б"\n'
    )
    error = _error(tmp_path, MINIMAL + rules)
    assert error.key == "forward.rule[1]" and "shadowed by forward.rule[0]" in error.problem


def test_context_the_output_cannot_tell_apart(tmp_path: Path) -> None:
    # б and в both end in "v" in the output: "а after б" cannot be recognised by ICU
    table = MINIMAL.replace('alphabet = "аб"', 'alphabet = "абв"').replace('"б" = "b"', '"б" = "v"\n"в" = "v"')
    rule = '[[forward.rule]]\nsource = "а"\ntarget = "ja"\nafter = "б"\n'
    error = _error(tmp_path, table + rule)
    assert error.key == "forward.rule[0]" and "cannot be recognised" in error.problem


def test_rule_without_context(tmp_path: Path) -> None:
    error = _error(tmp_path, MINIMAL + '[[forward.rule]]\nsource = "а"\ntarget = "o"\n')
    assert "belongs in letters" in error.problem


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="missing.toml"):
        load_scheme(tmp_path / "missing.toml")


# Lints over the shipped tables ------------------------------------------------------------------


def test_shipped_tables_load_and_compile() -> None:
    schemes = shipped_schemes()
    assert len(schemes) >= 3
    for scheme in schemes:
        assert scheme.path.startswith("tables/schemes/")
        compile_rules(scheme)
        if scheme.reverse:
            compile_rules(scheme, reverse=True)


def test_belarusian_tables_cover_the_alphabet_and_russian_letters() -> None:
    for scheme in shipped_schemes():
        if scheme.language == "be":
            letters = scheme.forward.letters
            assert set(BELARUSIAN) <= set(letters), scheme.id
            assert {"и", "щ", "ъ"} <= set(letters), scheme.id


def test_one_file_per_scheme_named_by_id() -> None:
    for scheme in shipped_schemes():
        assert (tables_dir() / "schemes" / f"{scheme.id}.toml").is_file()


def test_word_start_and_before_contexts_compile_and_run(tmp_path: Path) -> None:
    import icu

    table = MINIMAL.replace('alphabet = "аб"', 'alphabet = "абе"') + '"е" = "e"\n' + (
        '[[forward.rule]]\nsource = "е"\ntarget = "je"\nword_start = true\n'
        '[[forward.rule]]\nsource = "б"\ntarget = "p"\nbefore = "е"\n'
    )
    rules = compile_rules(load_scheme(_write(tmp_path, table)))
    run = icu.Transliterator.createFromRules("t", rules, icu.UTransDirection.FORWARD).transliterate
    assert run("е бе Е ЕБ") == "je pe Je JEB"


def test_word_end_context(tmp_path: Path) -> None:
    import icu

    table = MINIMAL.replace('alphabet = "аб"', 'alphabet = "абй"') + '"й" = "j"\n' + (
        '[[forward.rule]]\nsource = "ай"\ntarget = "ai"\nword_end = true\n'
        '[[forward.rule]]\nsource = "б"\ntarget = "bh"\nword_end = true\n'
    )
    rules = compile_rules(load_scheme(_write(tmp_path, table)))
    run = icu.Transliterator.createFromRules("t", rules, icu.UTransDirection.FORWARD).transliterate
    assert run("ай айа б ба АЙ Б. АБ") == "ai aja bh ba AI Bh. ABH"


def test_a_pair_written_in_the_table_wins_over_the_generated_one(tmp_path: Path) -> None:
    import icu

    table = MINIMAL.replace('alphabet = "аб"', 'alphabet = "абеь"') + '"е" = "e"\n"ь" = ""\n"ье" = "x"\n' + (
        '[[forward.rule]]\nsource = "е"\ntarget = "ye"\nafter = "а"\n'
    )
    rules = compile_rules(load_scheme(_write(tmp_path, table)))
    run = icu.Transliterator.createFromRules("t", rules, icu.UTransDirection.FORWARD).transliterate
    assert run("бье ае бе") == "bx aye be"
