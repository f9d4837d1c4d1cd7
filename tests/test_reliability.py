"""Reliability sweep of the library (issue #7): the CI hypothesis profile; every public function called
from a thread pool gives the serial results; a table with each kind of error is refused with its file
and key named. The command-line half (1 MB lines, no stray writes) is tests/test_reliability_cli.py.

Concurrency: tests/test_threads.py already runs convert, candidates, identify, Index.resolve,
find_mentions and Resolver.resolve_many from a pool; here are the other public functions of
docs/api.md's list, one by one, and then all of them interleaved in one pool.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from hypothesis import settings
from strategies import CI, CI_EXAMPLES, examples
from test_threads import WORKERS, busy_switching, cold

import translit
import translit.clean
import translit.names
from translit.names import Index, entities
from translit.text import find_mentions

# --- the CI profile -----------------------------------------------------------------------------------

HYPOTHESIS_DEFAULT = settings.get_profile("default").max_examples  # 100


def test_ci_profile_runs_many_more_examples_than_the_default() -> None:
    ci = settings.get_profile("ci")
    assert ci.max_examples == CI_EXAMPLES >= 3 * HYPOTHESIS_DEFAULT
    assert ci.deadline is None  # slow CI machines must not turn into flaky failures
    assert examples(10) == (CI_EXAMPLES if CI else 10)  # per-test counts are raised on CI, not overridden
    assert settings().max_examples == (CI_EXAMPLES if CI else settings.get_profile("dev").max_examples)


# --- concurrency --------------------------------------------------------------------------------------



@cache
def names() -> tuple[str, ...]:
    """Gazetteer forms in every script, their Łacinka spellings, and some that match nothing."""
    found = sorted({name for entity in entities() for name in entity.names()})
    cyrillic = [n for n in found if any("\u0400" <= c <= "\u04ff" for c in n)]
    return (*found[::3], *(translit.convert(n, "be-lacinka") for n in cyrillic[::7]),
            "", "  ", "123", "Nobody Nowhere", "Жыве Беларусь", "сям'я")


def _serial_and_concurrent(tasks: list[tuple[Callable, tuple]]) -> tuple[list, list]:
    cold()
    serial = [function(*arguments) for function, arguments in tasks]
    cold()
    with busy_switching(), ThreadPoolExecutor(WORKERS) as pool:
        concurrent = list(pool.map(lambda task: task[0](*task[1]), tasks))
    return serial, concurrent


def _export_icu(scheme: str, reverse: bool) -> str:
    return translit.export_icu(scheme, reverse=reverse)


def _scheme_directions() -> list[tuple[str, bool]]:
    return [(info.id, reverse) for info in translit.schemes()
            for reverse in ((False, True) if info.has_reverse else (False,))]


def _entity_ids() -> list[str]:
    return [entity.id for entity in entities()][::2] + ["place:nowhere", "", "person:"]


def _tasks(function: str) -> list[tuple[Callable, tuple]]:
    """Calls of one public function over a fixed list of inputs."""
    all_names = names()
    if function == "prepare":
        return [(translit.prepare, (name,)) for name in all_names] + [
            (translit.prepare, ("Мiкалаевiч сям’я\u200b " * 3,))]
    if function == "schemes":
        return [(translit.schemes, ())] * 40
    if function == "export_icu":
        return [(_export_icu, direction) for direction in _scheme_directions()]
    if function == "resolve":
        return [(translit.resolve, (name,)) for name in all_names] + [
            (translit.resolve, (name, "place")) for name in all_names[::5]]
    if function == "names.resolve":
        return [(translit.names.resolve, (name,)) for name in all_names[::2]]
    if function == "key":
        return [(translit.names.key, (name,)) for name in all_names]
    if function == "match":
        return [(translit.names.match, (a, b)) for a, b in zip(all_names, all_names[1::3], strict=False)] + [
            (translit.names.match, (name, translit.convert(name, "be-bgn-pcgn-1979"))) for name in all_names[::9]]
    if function == "variants":
        return [(translit.names.variants, (name,)) for name in all_names[::16]] + [
            (translit.names.variants, (entity_id,)) for entity_id in _entity_ids()[::8]]
    if function == "lookup":
        return [(translit.names.lookup, (entity_id,)) for entity_id in _entity_ids()]
    if function == "clean.resolve_many":
        chunks = [list(all_names[i:i + 10]) + list(all_names[i:i + 4]) + [None, 7]
                  for i in range(0, len(all_names), 10)]
        return [(translit.clean.resolve_many, (chunk,)) for chunk in chunks]
    # the functions tests/test_threads.py covers one by one; here only in the combined run
    if function == "convert":
        return [(translit.convert, (name, scheme)) for name in all_names[::4]
                for scheme in ("be-lacinka", "be-national-2023", "ru-icao-2013")]
    if function == "convert-reverse":
        return [(lambda text: translit.convert(text, "be-lacinka", reverse=True), (name,)) for name in all_names[::4]]
    if function == "candidates":
        return [(translit.candidates, (translit.convert(name, "be-passport"), "be-passport"))
                for name in all_names[::15]]
    if function == "identify":
        return [(translit.identify, (name,)) for name in all_names[::20]]
    if function == "Index.resolve":
        index = Index.default()
        return [(index.resolve, (name,)) for name in all_names[::2]]
    if function == "find_mentions":
        return [(find_mentions, (f"{a} сустрэўся з {b} у Магілёве; {c}’s aides.",))
                for a, b, c in zip(all_names[::6], all_names[3::6], all_names[5::6], strict=False)]
    raise ValueError(function)


NOT_IN_TEST_THREADS = ("prepare", "schemes", "export_icu", "resolve", "names.resolve", "key", "match",
                       "variants", "lookup", "clean.resolve_many")
ALL_FUNCTIONS = (*NOT_IN_TEST_THREADS, "convert", "convert-reverse", "candidates", "identify", "Index.resolve",
                 "find_mentions")


def test_the_inputs_are_many_and_varied() -> None:
    assert len(names()) > 250
    assert any(translit.resolve(name) is None for name in names())
    assert sum(1 for name in names() if translit.resolve(name) is not None) > len(names()) / 2


@pytest.mark.parametrize("function", NOT_IN_TEST_THREADS)
def test_concurrent_calls_give_the_serial_results(function: str) -> None:
    tasks = _tasks(function)
    assert len(tasks) >= 20
    serial, concurrent = _serial_and_concurrent(tasks)
    assert concurrent == serial


def test_every_public_function_at_once() -> None:
    """All the functions of docs/api.md's list interleaved in one pool, sharing converters and caches."""
    per_function = [_tasks(function) for function in ALL_FUNCTIONS]
    tasks = [task for round_ in zip(*per_function, strict=False) for task in round_]  # interleaved
    tasks += [task for group in per_function for task in group[min(map(len, per_function)):]]
    assert all(per_function) and len(tasks) == sum(map(len, per_function))
    serial, concurrent = _serial_and_concurrent(tasks)
    assert concurrent == serial


# --- tables with each kind of error ---------------------------------------------------------------------

HEAD = 'id = "x-reliability"\nname = "Reliability test"\nlanguage = "be"\nstatus = "test"\nreversible = false\n'
CITATION = '[citation]\nstandard = "tests/test_reliability.py"\n'
FORWARD = ('[forward]\nsource_script = "Cyrl"\ntarget_script = "Latn"\nalphabet = "абь"\n'
           '[forward.classes]\nvowel = "а"\n'
           '[forward.letters]\n"а" = "a"\n"б" = "b"\n"ь" = ""\n')
GOOD = HEAD + CITATION + FORWARD
OPTION = '[options.x]\ndescription = "an option"\ndefault = false\n'


def _rule(**fields: str | bool) -> str:
    lines = [f"{name} = {value!r}".replace("'", '"') if isinstance(value, str) else f"{name} = {str(value).lower()}"
             for name, value in fields.items()]
    return "[[forward.rule]]\n" + "\n".join(lines) + "\n"


# (table text, the key the error must name)
BAD_TABLES = {
    "unknown key": (HEAD + 'statuss = "x"\n' + CITATION + FORWARD, "statuss"),
    "unknown key in a direction": (GOOD.replace('alphabet = "абь"', 'alphabet = "абь"\nletterz = 1'),
                                   "forward.letterz"),
    "unknown key in a rule": (GOOD + _rule(source="б", target="p", word_end=True, colour="red"),
                              "forward.rule[0].colour"),
    "unknown key in an option": (GOOD + OPTION + 'colour = "red"\n', "options.x.colour"),
    "unknown key in a sample": (GOOD + '[[sample]]\nsource = "а"\ntarget = "a"\ncite = "c"\nsite = "x"\n',
                                "sample[0].site"),
    "wrong type at the top": (HEAD.replace("reversible = false", 'reversible = "no"') + CITATION + FORWARD,
                              "reversible"),
    "wrong type in the citation": (GOOD.replace('[citation]\n', '[citation]\nyear = "2024"\n'), "citation.year"),
    "wrong type of a letter": (GOOD.replace('"б" = "b"', '"б" = 1'), "forward.letters.б"),
    "wrong type of a class": (GOOD.replace('vowel = "а"', "vowel = 1"), "forward.classes.vowel"),
    "wrong type of the rules": (GOOD.replace("[forward.classes]", "rule = 1\n[forward.classes]"), "forward.rule"),
    "wrong type of a rule": (GOOD.replace("[forward.classes]", 'rule = ["б"]\n[forward.classes]'),
                             "forward.rule[0]"),
    "wrong type of aliases": (HEAD + "aliases = [1]\n" + CITATION + FORWARD, "aliases"),
    "wrong type of an option default": (GOOD + OPTION.replace("false", '"no"') + '[options.x.forward.letters]\n'
                                        '"а" = "o"\n', "options.x.default"),
    "missing required key": (HEAD.replace('name = "Reliability test"\n', "") + CITATION + FORWARD, "name"),
    "missing citation standard": (GOOD.replace('standard = "tests/test_reliability.py"', "year = 2024"),
                                  "citation.standard"),
    "missing alphabet": (GOOD.replace('alphabet = "абь"\n', ""), "forward.alphabet"),
    "missing rule target": (GOOD + _rule(source="б", word_end=True), "forward.rule[0].target"),
    "missing option description": (GOOD + OPTION.replace('description = "an option"\n', "")
                                   + '[options.x.forward.letters]\n"а" = "o"\n', "options.x.description"),
    "missing sample cite": (GOOD + '[[sample]]\nsource = "а"\ntarget = "a"\n', "sample[0].cite"),
    "missing reverse of a reversible scheme": (GOOD.replace("reversible = false", "reversible = true"), "reversible"),
    "capital letter in a letters key": (GOOD.replace('"б" = "b"', '"Б" = "b"'), "forward.letters.Б"),
    "capital letter in a letters value": (GOOD.replace('"б" = "b"', '"б" = "B"'), "forward.letters.б"),
    "capital letter in a class": (GOOD.replace('vowel = "а"', 'vowel = "А"'), "forward.classes.vowel"),
    "capital letter in an option's letters": (GOOD + OPTION + '[options.x.forward.letters]\n"Б" = "p"\n',
                                              "options.x.forward.letters.Б"),
    "mixed scripts in a value": (GOOD.replace('"б" = "b"', '"б" = "bе"'), "forward.letters.б"),
    "mixed scripts in a key": (GOOD + '"a" = "a"\n', "forward.letters.a"),
    "mixed scripts in a class": (GOOD.replace('vowel = "а"', 'vowel = "аe"'), "forward.classes.vowel"),
    "mixed scripts in a context": (GOOD + _rule(source="б", target="p", before="aа"), "forward.rule[0].before"),
    "unknown script": (GOOD.replace('target_script = "Latn"', 'target_script = "Latin"'), "forward.target_script"),
    "a missing alphabet letter": (GOOD.replace('alphabet = "абь"', 'alphabet = "абвь"'), "forward.letters"),
    "undefined class": (GOOD + _rule(source="б", target="p", after="$consonant"), "forward.rule[0].after"),
    "empty context position": (GOOD + '[[forward.rule]]\nsource = "б"\ntarget = "p"\nafter = [""]\n',
                               "forward.rule[0].after[0]"),
    "rule without a context": (GOOD + _rule(source="б", target="p"), "forward.rule[0]"),
    "shadowed rule": (GOOD + _rule(source="б", target="p", after="$vowel") + _rule(source="б", target="bh", after="а"),
                      "forward.rule[1]"),
    "silent letter that writes": (GOOD + _rule(source="ь", target="j", word_end=True), "forward.rule[0]"),
    "context the output cannot tell apart": (  # б and а both end in "a" in the output
        GOOD.replace('"б" = "b"', '"б" = "a"') + _rule(source="а", target="ja", after="б"), "forward.rule[0]"),
    "option without a part": (GOOD + OPTION, "options.x"),
    "option for a missing direction": (GOOD + OPTION + '[options.x.reverse.letters]\n"a" = "а"\n', "options.x.reverse"),
    "option that is not a table": (GOOD + "[options]\nx = 1\n", "options.x"),
    "sample with an unknown option": (GOOD + '[[sample]]\nsource = "а"\ntarget = "a"\ncite = "c"\n'
                                      'options = { softness = true }\n', "sample[0].options.softness"),
    "sample with a bad direction": (GOOD + '[[sample]]\nsource = "а"\ntarget = "a"\ncite = "c"\ndirection = "up"\n',
                                    "sample[0].direction"),
    "reverse sample of a forward-only scheme": (
        GOOD + '[[sample]]\nsource = "а"\ntarget = "a"\ncite = "c"\ndirection = "reverse"\n', "sample[0].direction"),
    "deviation without observed": (GOOD + '[[deviation]]\nimplementation = "ICU"\nsource = "а"\nstandard = "a"\n',
                                   "deviation[0].observed"),
    "override of a Latin word": (GOOD + '[overrides]\n"Minsk" = "Minsk"\n', "overrides.Minsk"),
    "duplicate key": (GOOD + '"а" = "o"\n', "(toml)"),
    "sample that is not a table": (HEAD + 'sample = ["x"]\n' + CITATION + FORWARD, "sample[0]"),
    "deviation that is not a table": (HEAD + "deviation = [1]\n" + CITATION + FORWARD, "deviation[0]"),
    "wrong type of an option's letter": (GOOD + OPTION + '[options.x.forward.letters]\n"а" = 1\n',
                                         "options.x.forward.letters.а"),
}


@pytest.fixture
def register(tmp_path: Path):
    """register(text) → the TableError of registering ``text`` saved as a file; nothing is registered."""

    def run(text: str) -> tuple[translit.TableError, Path]:
        path = tmp_path / "x-reliability.toml"
        path.write_text(text, encoding="utf-8")
        before = [info.id for info in translit.schemes()]
        with pytest.raises(translit.TableError) as caught:
            translit.register_scheme(path)
        assert [info.id for info in translit.schemes()] == before
        return caught.value, path

    yield run
    for info in translit.schemes():
        if info.user:
            translit.unregister_scheme(info.id)


def test_the_good_table_registers() -> None:
    info = translit.register_scheme(GOOD)
    try:
        assert translit.convert("Аба баь", info.id) == "Aba ba"
    finally:
        translit.unregister_scheme(info.id)


@pytest.mark.parametrize(("text", "key"), BAD_TABLES.values(), ids=BAD_TABLES)
def test_a_bad_table_is_refused_naming_file_and_key(register, text: str, key: str) -> None:
    error, path = register(text)
    assert (error.path, error.key) == (str(path), key)
    assert str(error).startswith(f"{path}: {key}: ")
    assert error.problem and "\n" not in error.problem.strip()


@pytest.mark.parametrize("name", ["id", "aliases"])
def test_an_id_that_cannot_be_named_is_refused(register, name: str) -> None:
    table = (GOOD.replace('id = "x-reliability"', 'id = "x-reliability+softness"') if name == "id"
             else GOOD.replace("reversible = false", 'reversible = false\naliases = ["x-rel+softness"]'))
    error, path = register(table)
    assert error.key == name


# The names tables (tables/names/): tests/test_names_gazetteer.py covers the entity files and
# ambiguous.toml; here are redirects.toml and given-names.toml, and a file that is not TOML at all.

PERSON = '[[entity]]\nid = "person:x"\nbe = "Іван Іваноў"\n'
GROUP = '[[group]]\nid = "given:ivan"\nsex = "m"\nbe = ["Іван"]\nru = ["Иван"]\n'


@pytest.fixture
def names_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """load(files) → load {file name: text} as tables/names/ (gazetteer, redirects, given names); the caches
    are cleared before and after, so the shipped tables come back for the other tests."""
    from translit.names import gazetteer, given

    (tmp_path / "names").mkdir()
    monkeypatch.setattr(gazetteer, "tables_dir", lambda: tmp_path)
    monkeypatch.setattr(given, "tables_dir", lambda: tmp_path)
    caches = (gazetteer.entities, gazetteer._by_id, gazetteer.redirects, given.given_names)

    def load(files: dict[str, str]) -> None:
        for name, text in files.items():
            (tmp_path / "names" / name).write_text(text, encoding="utf-8")
        for cached in caches:
            cached.cache_clear()
        gazetteer.entities()
        gazetteer.redirects()
        given.given_names()

    yield load
    for cached in caches:
        cached.cache_clear()


BAD_NAMES_TABLES = {
    "redirect missing why": ({"redirects.toml": '[[redirect]]\nfrom = "person:y"\nto = "person:x"\n'},
                             "redirects.toml", "redirect[1]"),
    "redirect from a used id": ({"redirects.toml": '[[redirect]]\nfrom = "person:x"\nto = "person:x"\nwhy = "w"\n'},
                                "redirects.toml", "redirect[1].from"),
    "redirect to an unknown id": ({"redirects.toml": '[[redirect]]\nfrom = "person:y"\nto = "person:z"\nwhy = "w"\n'},
                                  "redirects.toml", "redirect[1].to"),
    "redirect across types": ({"redirects.toml": '[[redirect]]\nfrom = "place:y"\nto = "person:x"\nwhy = "w"\n'},
                              "redirects.toml", "redirect[1].to"),
    "given name: unknown key": ({"given-names.toml": GROUP + 'nick = ["Ваня"]\n'}, "given-names.toml",
                                "group[1].nick"),
    "given name: missing ru": ({"given-names.toml": GROUP.replace('ru = ["Иван"]\n', "")}, "given-names.toml",
                               "group[1].ru"),
    "given name: bad id": ({"given-names.toml": GROUP.replace("given:ivan", "ivan")}, "given-names.toml",
                           "group[1].id"),
    "given name: bad sex": ({"given-names.toml": GROUP.replace('"m"', '"x"')}, "given-names.toml", "given:ivan.sex"),
    "given name: wrong type": ({"given-names.toml": GROUP.replace('["Иван"]', '"Иван"')}, "given-names.toml",
                               "given:ivan.ru"),
    "given name: wrong script": ({"given-names.toml": GROUP.replace('["Иван"]', '["Ivan"]')}, "given-names.toml",
                                 "given:ivan.ru"),
    "given name: duplicate id": ({"given-names.toml": GROUP + GROUP.replace("Іван", "Ян").replace("Иван", "Ян")},
                                 "given-names.toml", "given:ivan"),
    "given name: one form in two groups": (
        {"given-names.toml": GROUP + GROUP.replace("given:ivan", "given:jan").replace('be = ["Іван"]', 'be = ["Ян"]')},
        "given-names.toml", "given:jan.ru"),
}


@pytest.mark.parametrize(("files", "name", "key"), BAD_NAMES_TABLES.values(), ids=BAD_NAMES_TABLES)
def test_a_bad_names_table_is_refused_naming_file_and_key(names_tables, files: dict[str, str], name: str,
                                                          key: str) -> None:
    tables = {"persons.toml": PERSON, "given-names.toml": GROUP, **files}
    with pytest.raises(translit.TableError) as caught:
        names_tables(tables)
    assert (caught.value.path, caught.value.key) == (f"tables/names/{name}", key)
    assert str(caught.value).startswith(f"tables/names/{name}: {key}: ")


def test_good_names_tables_load(names_tables) -> None:
    names_tables({"persons.toml": PERSON, "given-names.toml": GROUP,
                  "redirects.toml": '[[redirect]]\nfrom = "person:y"\nto = "person:x"\nwhy = "merged"\n'})


@pytest.mark.parametrize("name", ["persons.toml", "redirects.toml", "given-names.toml", "ambiguous.toml"])
def test_a_names_table_that_is_not_toml_is_refused_naming_the_file(names_tables, name: str) -> None:
    tables = {"persons.toml": PERSON, "given-names.toml": GROUP, name: '[[entity]]\nid = "person:x\n'}
    with pytest.raises(translit.TableError) as caught:
        names_tables(tables)
    assert caught.value.path == f"tables/names/{name}"
