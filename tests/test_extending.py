"""User scheme tables (``translit.register_scheme``, ``--scheme-file``) and overrides (``[overrides]``,
``convert(..., overrides=...)``, ``--override``): docs/extending.md.

The example table is the one docs/extending.md shows; ``TOY`` is a one-to-one table with a reverse
direction, for overrides read back. Every test leaves no user scheme registered.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import invoke
from click.testing import Result

import translit
from translit.errors import OptionError, TableError, UncoveredCharacterError, UnknownSchemeError
from translit.schemes import converter
from translit.tables import scheme_from_dict

ROOT = Path(__file__).resolve().parent.parent
schemes_module = importlib.import_module("translit.schemes")  # translit.schemes is also the function
EXAMPLE = re.search(r"^```toml\n(.*?)^```", (ROOT / "docs" / "extending.md").read_text(encoding="utf-8"),
                    re.S | re.M).group(1)
TOY = """
id = "x-toy"
name = "Toy one-to-one scheme"
aliases = ["toy"]
language = "be"
status = "test"
reversible = true

[citation]
standard = "tests/test_extending.py"

[forward]
source_script = "Cyrl"
target_script = "Latn"
alphabet = "абвгдеёжзійклмнопрстуўфхцчшыьэюяʼ"

[forward.letters]
"а" = "a"
"б" = "b"
"в" = "v"
"г" = "h"
"ґ" = "g"
"д" = "d"
"е" = "e"
"ё" = "ë"
"ж" = "ž"
"з" = "z"
"і" = "i"
"й" = "j"
"к" = "k"
"л" = "l"
"м" = "m"
"н" = "n"
"о" = "o"
"п" = "p"
"р" = "r"
"с" = "s"
"т" = "t"
"у" = "u"
"ў" = "ŭ"
"ф" = "f"
"х" = "x"
"ц" = "c"
"ч" = "č"
"ш" = "š"
"ы" = "y"
"ь" = "ʹ"
"э" = "è"
"ю" = "ü"
"я" = "ä"
"ʼ" = "ʼ"

[reverse]
source_script = "Latn"
target_script = "Cyrl"
alphabet = "abcdefghijklmnoprstuvxyzčšžŭëèüä"

[reverse.letters]
"a" = "а"
"b" = "б"
"v" = "в"
"h" = "г"
"g" = "ґ"
"d" = "д"
"e" = "е"
"ë" = "ё"
"ž" = "ж"
"z" = "з"
"i" = "і"
"j" = "й"
"k" = "к"
"l" = "л"
"m" = "м"
"n" = "н"
"o" = "о"
"p" = "п"
"r" = "р"
"s" = "с"
"t" = "т"
"u" = "у"
"ŭ" = "ў"
"f" = "ф"
"x" = "х"
"c" = "ц"
"č" = "ч"
"š" = "ш"
"y" = "ы"
"ʹ" = "ь"
"è" = "э"
"ü" = "ю"
"ä" = "я"
"ʼ" = "ʼ"

[overrides]
"Інтэграл" = "Integral"
"Мінскі трактарны завод" = "Minsk Tractor Works"
"Белшына" = "Belshina"

[[sample]]
source = "Магілёў"
target = "Mahilëŭ"
cite = "tests/test_extending.py"

[[sample]]
source = "ІНТЭГРАЛ і інтэграл"
target = "INTEGRAL i integral"
cite = "tests/test_extending.py: [overrides]"
"""
COMMANDS = ("convert", "candidates", "identify", "schemes", "export-icu", "normalize", "clean", "resolve", "key",
            "match", "variants", "demo")


@pytest.fixture(autouse=True)
def no_user_schemes() -> Iterator[None]:
    yield
    for info in translit.schemes():
        if info.user:
            translit.unregister_scheme(info.id)


def _write(tmp_path: Path, text: str, name: str = "my-be-ascii.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _user_ids() -> list[str]:
    return [info.id for info in translit.schemes() if info.user]


# ---------------------------------------------------------------------------------------------
# register_scheme


@pytest.mark.parametrize("as_str", [False, True], ids=["Path", "str"])
def test_register_from_path(tmp_path: Path, as_str: bool) -> None:
    path = _write(tmp_path, EXAMPLE)
    info = translit.register_scheme(str(path) if as_str else path)
    assert (info.id, info.user, info.path, info.aliases) == ("my-be-ascii", True, str(path), ("my-ascii",))
    assert info in translit.schemes()
    assert translit.convert("Жыве Беларусь", "my-be-ascii") == "Zhyvie Bielarus"
    assert translit.convert("Еўропа", "MY-ASCII") == "Yewropa"  # an alias, any case
    assert translit.candidates("Zhyvie Bielarus", "my-be-ascii")[0] == "Жыве Беларусь"
    rules = translit.export_icu("my-be-ascii")
    assert f"Generated from {path}" in rules and "scheme my-be-ascii" in rules


def test_register_from_text() -> None:
    info = translit.register_scheme(EXAMPLE)
    assert (info.id, info.path, info.user, info.has_reverse) == ("my-be-ascii", "<text>", True, False)
    assert translit.convert("ІНТЭГРАЛ", "my-be-ascii") == "INTEGRAL"
    assert _user_ids() == ["my-be-ascii"]
    shipped = [info for info in translit.schemes() if not info.user]
    assert len(shipped) == 24 and all(info.path.startswith("tables/schemes/") for info in shipped)


def _samples() -> list:
    params = []
    for name, text in (("example", EXAMPLE), ("toy", TOY)):
        scheme = scheme_from_dict(__import__("tomllib").loads(text), "<text>")
        for i, sample in enumerate(scheme.samples):
            for reverse in (False, True):
                if sample.direction == ("forward" if reverse else "reverse"):
                    continue
                source, target = (sample.target, sample.source) if reverse else (sample.source, sample.target)
                params.append(pytest.param(text, scheme.id, source, target, reverse,
                                           id=f"{name}[{i}]{'-reverse' if reverse else ''}"))
    return params


@pytest.mark.parametrize(("text", "scheme_id", "source", "target", "reverse"), _samples())
def test_table_samples(text: str, scheme_id: str, source: str, target: str, reverse: bool) -> None:
    translit.register_scheme(text)
    assert translit.convert(source, scheme_id, reverse=reverse) == translit.prepare(target)


def test_toy_round_trips() -> None:
    translit.register_scheme(TOY)
    text = "Магілёў, сямʼя і Мінскі трактарны завод «Белшына»"
    latin = translit.convert(text, "x-toy")
    assert latin == "Mahilëŭ, sämʼä i Minsk Tractor Works «Belshina»"
    assert translit.convert(latin, "toy", reverse=True) == text


def _error(table: str | Path) -> TableError:
    before = _user_ids()
    with pytest.raises(TableError) as caught:
        translit.register_scheme(table)
    assert _user_ids() == before  # nothing registered
    return caught.value


def test_bad_letter_names_file_and_key(tmp_path: Path) -> None:
    path = _write(tmp_path, EXAMPLE.replace('"б" = "b"', '"б" = "б"'))
    error = _error(path)
    assert (error.path, error.key) == (str(path), "forward.letters.б")
    assert str(error).startswith(f"{path}: forward.letters.б: ")
    error = _error(EXAMPLE.replace('"б" = "b"', '"б" = "б"'))
    assert (error.path, error.key) == ("<text>", "forward.letters.б")


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, EXAMPLE.replace('year = 2024', 'year = 2024\nyaer = 2024')))
    assert error.key == "citation.yaer" and "unknown key" in error.problem
    assert _error(EXAMPLE.replace('reversible = false', 'reversible = false\nstatuss = "x"')).key == "statuss"


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    error = _error(EXAMPLE + '\n"а" = "a"\n[forward]\n')
    assert (error.path, error.key) == ("<text>", "(toml)")
    missing = tmp_path / "missing.toml"
    error = _error(missing)
    assert (error.path, error.key) == (str(missing), "(file)")


def test_uncompilable_table_is_refused_at_registration() -> None:
    error = _error(EXAMPLE.replace('"ў" = "w"', '"ў" = "u"'))  # u then ends both a vowel's output and ў's
    assert error.key == "forward.rule[1]" and "cannot be recognised" in error.problem


@pytest.mark.parametrize(("name", "key"), [("be-lacinka", "id"), ("Be-Lacinka", "id"), ("lacinka", "id")])
def test_shipped_id_or_alias_clash(name: str, key: str) -> None:
    error = _error(EXAMPLE.replace('id = "my-be-ascii"', f'id = "{name}"'))
    assert (error.path, error.key) == ("<text>", key)
    assert "shipped scheme, 'be-lacinka'" in error.problem and "replace=True" in error.problem
    error = _error(EXAMPLE.replace('aliases = ["my-ascii"]', f'aliases = ["my-ascii", "{name}"]'))
    assert error.key == "aliases"
    assert translit.convert("Лукашэнка", "be-lacinka") == "Łukašenka"


def test_another_user_schemes_alias_clash() -> None:
    translit.register_scheme(EXAMPLE)
    error = _error(TOY.replace('aliases = ["toy"]', 'aliases = ["toy", "my-ascii"]'))
    assert error.key == "aliases" and "registered scheme, 'my-be-ascii'" in error.problem
    translit.register_scheme(TOY.replace('aliases = ["toy"]', 'aliases = ["toy", "my-ascii"]'), replace=True)
    assert translit.convert("ж", "my-ascii") == "ž"  # the alias now names the toy
    assert translit.convert("ж", "my-be-ascii") == "zh"


def test_replace_takes_a_shipped_id_over_until_unregistered() -> None:
    shipped = translit.convert("Лукашэнка", "be-lacinka")
    assert shipped == "Łukašenka"
    cached = converter("lacinka")
    mine = EXAMPLE.replace('id = "my-be-ascii"', 'id = "be-lacinka"')
    info = translit.register_scheme(mine, replace=True)
    assert info.id == "be-lacinka" and info.user
    listed = [s for s in translit.schemes() if s.id == "be-lacinka"]
    assert len(listed) == 1 and listed[0].user
    assert translit.convert("Лукашэнка", "be-lacinka") == "Lukashenka"
    assert converter("be-lacinka") is not cached
    with pytest.raises(UnknownSchemeError):  # the shipped table is out, with its aliases
        translit.convert("Лукашэнка", "lacinka")
    translit.unregister_scheme("be-lacinka")
    assert translit.convert("Лукашэнка", "be-lacinka") == shipped
    assert translit.convert("Лукашэнка", "lacinka") == shipped
    assert not [s for s in translit.schemes() if s.id == "be-lacinka" and s.user]
    assert len(translit.schemes()) == 24


def test_registering_a_user_id_again_replaces_it_and_drops_its_converters() -> None:
    translit.register_scheme(EXAMPLE)
    assert translit.convert("Жыве", "my-be-ascii") == "Zhyvie"
    assert translit.convert("Жыве", "my-ascii") == "Zhyvie"
    translit.register_scheme(EXAMPLE.replace('"ж" = "zh"', '"ж" = "j"'))  # no replace=True needed
    assert translit.convert("Жыве", "my-be-ascii") == "Jyvie"
    assert translit.convert("Жыве", "my-ascii") == "Jyvie"
    assert _user_ids() == ["my-be-ascii"]


def test_unregister() -> None:
    translit.register_scheme(EXAMPLE)
    translit.unregister_scheme("my-ascii")  # an alias will do
    assert _user_ids() == []
    with pytest.raises(UnknownSchemeError):
        translit.convert("а", "my-be-ascii")
    with pytest.raises(UnknownSchemeError):
        translit.unregister_scheme("be-lacinka")  # shipped schemes cannot be unregistered


def test_identify_ignores_user_schemes() -> None:
    translit.register_scheme(EXAMPLE)
    translit.register_scheme(TOY)
    for text in ("Łukašenka", "Zhyvie Bielarus", "Mahilëŭ"):
        assert not {name for name, _ in translit.identify(text)} & {"my-be-ascii", "x-toy"}
    assert translit.identify("Łukašenka")[0][0] == "be-lacinka"


# ---------------------------------------------------------------------------------------------
# overrides


WORDS = {"Інтэграл": "Integral", "Мінскі трактарны завод": "Minsk Tractor Works", "Мінскі": "Minsk"}


@pytest.fixture(params=["one regex", "word lookup"])
def finder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Overrides are found by one regex, or (many keys) word by word: both ways must agree."""
    if request.param == "word lookup":
        monkeypatch.setattr(schemes_module, "_PATTERN_LIMIT", 0)
    for built in list(schemes_module._CONVERTERS.values()):
        built._call_overrides.clear()
    yield
    for built in list(schemes_module._CONVERTERS.values()):
        built._call_overrides.clear()


@pytest.mark.usefixtures("finder")
@pytest.mark.parametrize(("text", "expected"), [
    ("Інтэграл", "Integral"),
    ("ІНТЭГРАЛ", "INTEGRAL"),
    ("інтэграл", "integral"),
    ("ІнТэграл", "InTehral"),  # other mixtures of case: the letters
    ("Інтэгралы", "Intehraly"),  # never inside a longer word
    ("Праінтэграл", "Praintehral"),
    ("«Інтэграл», Інтэграл-2 (ІНТЭГРАЛ)", "«Integral», Integral-2 (INTEGRAL)"),
    ("Мінскі трактарны завод", "Minsk Tractor Works"),
    ("МІНСКІ ТРАКТАРНЫ ЗАВОД", "MINSK TRACTOR WORKS"),
    ("Мінскі трактарны", "Minsk traktarny"),  # the longest key that matches
    ("Мінскі  трактарны завод", "Minsk  traktarny zavod"),  # single spaces only
    ("Мінскі трактарны заводы", "Minsk traktarny zavody"),
    ("Мінскі раён", "Minsk rajon"),
    ("Мінскі трактарны Мінскі", "Minsk traktarny Minsk"),
    ("Інтэграл'", "Integral'"),  # an apostrophe after a word is not inside it
    ("Інтэграл'а", "Intehrala"),  # but one between letters is
    ("", ""),
])
def test_overrides_per_call(text: str, expected: str) -> None:
    assert translit.convert(text, "be-national-2007", overrides=WORDS) == expected


def test_overrides_leave_the_rest_as_before() -> None:
    text = "Аляксандр Лукашэнка, «Інтэграл» і Магілёў\nсям’я\tснег  "
    plain = translit.convert(text, "be-lacinka")
    assert translit.convert(text, "be-lacinka", overrides={}) == plain
    assert translit.convert(text, "be-lacinka", overrides={"Беларусь": "Belarus"}) == plain
    assert translit.convert(text, "be-lacinka", overrides={"Інтэграл": "Integral"}) == plain.replace(
        "Intehrał", "Integral")
    assert translit.convert(text, "be-lacinka", softness=True, overrides={"Інтэграл": "Integral"}) == \
        translit.convert(text, "be-lacinka", softness=True).replace("Intehrał", "Integral")


@pytest.mark.usefixtures("finder")
def test_overrides_match_any_apostrophe() -> None:
    for text in ("сям'я", "сям’я", "сямʼя", "СЯМ'Я"):
        assert translit.convert(text, "be-lacinka", overrides={"сямʼя": "family"}) in ("family", "FAMILY")
    assert translit.convert("сям'я", "be-lacinka", overrides={"сям’я": "family"}) == "family"


def test_overrides_with_error_policies() -> None:
    text = "Інтэграл Ӂ"
    assert translit.convert(text, "be-lacinka", errors="replace", overrides={"Інтэграл": "Integral"}) == "Integral ?"
    with pytest.raises(UncoveredCharacterError) as caught:
        translit.convert(text, "be-lacinka", errors="strict", overrides={"Інтэграл": "Integral"})
    assert caught.value.offset == text.index("Ӂ")


def test_overrides_reverse_per_call() -> None:
    assert translit.convert("Integral, INTEGRAL", "be-lacinka", reverse=True,
                            overrides={"Integral": "Інтэграл"}) == "Інтэграл, ІНТЭГРАЛ"
    guessed = translit.convert("Integral Minsk", "be-bgn-pcgn-1979", reverse=True, best_guess=True,
                               overrides={"Integral": "Інтэграл"})
    assert guessed.startswith("Інтэграл ")


@pytest.mark.parametrize("overrides", [
    {"Integral": "Інтэграл"},  # a Latin key for a Cyrillic source
    {"Інтэграл": ""},
    {"": "x"},
    {"Інтэграл": 1},
    {1: "x"},
    {"Мінскі  завод": "x"},  # two spaces
    {" Інтэграл": "x"},
    {"Інтэграл!": "x"},
    {"Інтэграл-2": "x"},
    ["Інтэграл"],
])
def test_bad_overrides_per_call(overrides: object) -> None:
    with pytest.raises(OptionError, match="overrides"):
        translit.convert("Інтэграл", "be-lacinka", overrides=overrides)


def test_table_overrides_both_directions() -> None:
    translit.register_scheme(TOY)
    assert translit.convert("Інтэграл, ІНТЭГРАЛ, інтэграл, Інтэгралы", "x-toy") == \
        "Integral, INTEGRAL, integral, Intèhraly"
    assert translit.convert("Integral, INTEGRAL, integral, Integrals", "x-toy", reverse=True) == \
        "Інтэграл, ІНТЭГРАЛ, інтэграл, Інтеґралс"
    assert translit.convert("Minsk Tractor Works", "x-toy", reverse=True) == "Мінскі трактарны завод"
    assert translit.convert("Minsk Tractor", "x-toy", reverse=True) == "Мінск Трацтор"


def test_call_overrides_win_over_the_tables() -> None:
    translit.register_scheme(TOY)
    assert translit.convert("Інтэграл Белшына", "x-toy", overrides={"Інтэграл": "INTEGRAL JSC"}) == \
        "INTEGRAL JSC Belshina"
    # a call's key in another case still wins over the table's spelling of the same word
    assert translit.convert("інтэграл", "x-toy", overrides={"Інтэграл": "Integral-X"}) == "integral-x"
    assert translit.convert("Інтэграл", "x-toy") == "Integral"  # the table's again, without the call's


@pytest.mark.parametrize(("entry", "key"), [
    ('"Integral" = "Integral"', "overrides.Integral"),
    ('"Інтэграл" = ""', "overrides.Інтэграл"),
    ('"Інтэграл" = 1', "overrides.Інтэграл"),
    ('"Мінск-2" = "Minsk-2"', "overrides.Мінск-2"),
])
def test_bad_table_overrides_name_file_and_key(tmp_path: Path, entry: str, key: str) -> None:
    path = _write(tmp_path, EXAMPLE.replace('"Інтэграл" = "Integral"', entry))
    error = _error(path)
    assert (error.path, error.key) == (str(path), key)


def test_overrides_of_a_table_that_is_not_a_table() -> None:
    error = _error(EXAMPLE.replace("reversible = false", "reversible = false\noverrides = 1").replace(
        "[overrides]", "[later]"))
    assert (error.key, error.problem) == ("overrides", "expected dict, got int")


# ---------------------------------------------------------------------------------------------
# command line


def ok(result: Result) -> str:
    assert result.exit_code == 0, (result.exit_code, result.stderr, result.exception)
    return result.stdout


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), repr(result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr.rstrip("\n")


def test_cli_scheme_file_before_or_after_the_command(tmp_path: Path) -> None:
    path = str(_write(tmp_path, EXAMPLE))
    assert ok(invoke("--scheme-file", path, "convert", "-s", "my-be-ascii", input="Жыве Беларусь\n")) == \
        "Zhyvie Bielarus\n"
    assert ok(invoke("convert", "--scheme-file", path, "-s", "my-ascii", input="ІНТЭГРАЛ\n")) == "INTEGRAL\n"
    toy = str(_write(tmp_path, TOY, "toy.toml"))
    assert ok(invoke("--scheme-file", path, "--scheme-file", toy, "convert", "-s", "toy", "--reverse",
                     input="Integral\n")) == "Інтэграл\n"


def test_cli_scheme_file_on_other_commands(tmp_path: Path) -> None:
    path = str(_write(tmp_path, EXAMPLE))
    listing = ok(invoke("--scheme-file", path, "schemes"))
    assert re.search(r"^my-be-ascii +Cyrl→Latn +no .*\(user scheme: .*my-be-ascii\.toml\)$", listing, re.M)
    assert "scheme my-be-ascii" in ok(invoke("export-icu", "--scheme-file", path, "my-be-ascii"))
    assert ok(invoke("candidates", "--scheme-file", path, "-s", "my-be-ascii", "-n", "1", "Zhyvie")) == \
        "Zhyvie\tЖыве\n"
    assert ok(invoke("identify", "--scheme-file", path, "Łukašenka")).startswith("Łukašenka\tbe-lacinka ")
    assert ok(invoke("key", "--scheme-file", path, "Łukašenka")) == "Łukašenka\tlukasanka\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_scheme_file(command: str) -> None:
    assert "--scheme-file" in ok(invoke(command, "--help"))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("where", ["group", "command"])
def test_bad_scheme_file_is_one_line_exit_2(tmp_path: Path, command: str, where: str) -> None:
    path = str(_write(tmp_path, EXAMPLE.replace('"б" = "b"', '"б" = "б"')))
    args = ["--scheme-file", path, command] if where == "group" else [command, "--scheme-file", path]
    line = one_line_error(invoke(*args, "x", input=""))
    assert line == f"translit: error: {path}: forward.letters.б: target 'б' mixes scripts: 'б' (U+0431) is not Latin"
    assert _user_ids() == []


def test_missing_scheme_file_is_one_line_exit_2(tmp_path: Path) -> None:
    line = one_line_error(invoke("--scheme-file", str(tmp_path / "nope.toml"), "schemes"))
    assert line.startswith(f"translit: error: {tmp_path / 'nope.toml'}: (file): ")


def test_cli_override() -> None:
    text = "Мінскі трактарны завод і «Інтэграл», ІНТЭГРАЛ, Інтэгралы\n"
    result = ok(invoke("convert", "-s", "be-national-2007", "--override", "Інтэграл=Integral",
                       "--override", "Мінскі трактарны завод=Minsk Tractor Works", input=text))
    assert result == "Minsk Tractor Works i «Integral», INTEGRAL, Intehraly\n"
    assert ok(invoke("convert", "-s", "be-lacinka", "--reverse", "--override", "Integral=Інтэграл",
                     input="INTEGRAL\n")) == "ІНТЭГРАЛ\n"


def test_cli_override_with_scheme_file_table(tmp_path: Path) -> None:
    toy = str(_write(tmp_path, TOY, "toy.toml"))
    assert ok(invoke("--scheme-file", toy, "convert", "-s", "x-toy", "--override", "Белшына=BELSHINA",
                     input="Інтэграл Белшына\n")) == "Integral BELSHINA\n"


@pytest.mark.parametrize(("value", "message"), [
    ("Інтэграл", "--override 'Інтэграл': write WORD=OUTPUT"),
    ("Integral=Integral", "overrides: override key 'Integral' is not all Cyrillic"),
    ("Інтэграл=", "overrides: the override of 'Інтэграл' must be a non-empty string"),
])
def test_cli_bad_override(value: str, message: str) -> None:
    line = one_line_error(invoke("convert", "-s", "be-lacinka", "--override", value, input="Інтэграл\n"))
    assert message in line
