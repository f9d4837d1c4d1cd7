"""The gazetteer loader (translit/names/gazetteer.py) and the shipped tables/names/*.toml.

Broken tables are written to a temporary directory that the loader is pointed at; each error must be a
TableError naming the file and the key (docs/gazetteer-format.md, "Rules the loader enforces"). The shipped
tables are checked against facts: ISO 3166-2 codes of Belarus (BY-BR, BY-HM, BY-HO, BY-HR, BY-MA, BY-MI,
BY-VI), tables/demo.toml and the given-name table's own groups.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from translit.errors import TableError
from translit.names import entities, gazetteer, lookup
from translit.names.given import given_names
from translit.names.keys import word_key, words

ROOT = Path(__file__).resolve().parents[1]

LUKASENKA = '''[[entity]]
id = "person:aliaksandr-lukasenka"
be = "Аляксандр Рыгоравіч Лукашэнка"
ru = "Александр Григорьевич Лукашенко"
en = "Alexander Lukashenko"
aliases = ["Alyaksandr Lukashenka"]
'''
MINSK = '''[[entity]]
id = "place:minsk"
kind = "city"
be = "Мінск"
en = "Minsk"
'''
MINSK_REGION = '''[[entity]]
id = "place:minskaja-voblasc"
kind = "region"
be = "Мінская вобласць"
aliases = ["Minsk"]
'''


@pytest.fixture
def tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Write {file name: text} into a temporary tables/names/ and load it; the caches are cleared before
    and after, so the shipped gazetteer comes back for the other tests."""
    names = tmp_path / "names"
    names.mkdir()
    monkeypatch.setattr(gazetteer, "tables_dir", lambda: tmp_path)

    def load(files: dict[str, str]):
        for name, text in files.items():
            (names / name).write_text(text, encoding="utf-8")
        gazetteer.entities.cache_clear()
        gazetteer._by_id.cache_clear()
        return gazetteer.entities()

    yield load
    gazetteer.entities.cache_clear()
    gazetteer._by_id.cache_clear()


def _error(load, files: dict[str, str]) -> TableError:
    with pytest.raises(TableError) as caught:
        load(files)
    error = caught.value
    assert str(error).startswith(f"{error.path}: {error.key}: ")  # the message names file and key
    return error


def test_good_tables_load(tables) -> None:
    found = tables({"persons.toml": LUKASENKA, "places.toml": MINSK})
    assert [(e.id, e.type) for e in found] == [("person:aliaksandr-lukasenka", "person"),
                                               ("place:minsk", "place")]
    assert found[0].display == {"be": "Аляксандр Рыгоравіч Лукашэнка",
                                "ru": "Александр Григорьевич Лукашенко", "en": "Alexander Lukashenko"}
    assert found[0].aliases == ("Alyaksandr Lukashenka",)
    assert found[1].kind == "city"
    assert gazetteer.lookup("place:minsk") is found[1]


@pytest.mark.parametrize("bad_id", ["person:Aliaksandr", "person:aliaksandr_lukasenka", "person:",
                                    "aliaksandr", "person:lukašenka", "person:-lukasenka", "human:lukasenka"])
def test_bad_id_form(tables, bad_id: str) -> None:
    error = _error(tables, {"persons.toml": LUKASENKA.replace("person:aliaksandr-lukasenka", bad_id)})
    assert (error.path, error.key) == ("tables/names/persons.toml", f"{bad_id}.id")
    assert str(error).startswith(f"tables/names/persons.toml: {bad_id}.id: ")


def test_id_type_must_match_the_file(tables) -> None:
    error = _error(tables, {"places.toml": LUKASENKA})
    assert (error.path, error.key) == ("tables/names/places.toml", "person:aliaksandr-lukasenka.id")


def test_duplicate_id(tables) -> None:
    second = MINSK.replace("Мінск", "Менск").replace("Minsk", "Miensk")
    error = _error(tables, {"places.toml": MINSK + "\n" + second})
    assert (error.path, error.key) == ("tables/names/places.toml", "place:minsk")
    assert "duplicate" in str(error)


@pytest.mark.parametrize(("field", "text"), [("be", "Лукашэнkа"), ("ru", "Лукашенкo"), ("be", "Łukašenka")])
def test_latin_letter_in_a_cyrillic_field(tables, field: str, text: str) -> None:
    # the Latin k and o are look-alikes of к and о
    head = '[[entity]]\nid = "person:x"\n'
    table = f'{head}be = "Лукашэнка"\n{field} = "{text}"\n' if field == "ru" else f'{head}be = "{text}"\n'
    error = _error(tables, {"persons.toml": table})
    assert (error.path, error.key) == ("tables/names/persons.toml", f"person:x.{field}")


@pytest.mark.parametrize(("field", "text"), [("en", "Lukashenkо"), ("en", "Лукашэнка"),
                                             ("be-lacinka", "Łukašenkа")])
def test_cyrillic_letter_in_a_latin_field(tables, field: str, text: str) -> None:
    table = f'[[entity]]\nid = "person:x"\nbe = "Лукашэнка"\n"{field}" = "{text}"\n'
    error = _error(tables, {"persons.toml": table})
    assert (error.path, error.key) == ("tables/names/persons.toml", f"person:x.{field}")


def test_unknown_field(tables) -> None:
    error = _error(tables, {"persons.toml": LUKASENKA + 'nickname = "Бацька"\n'})
    assert (error.path, error.key) == ("tables/names/persons.toml", "person:aliaksandr-lukasenka.nickname")


def test_missing_be(tables) -> None:
    error = _error(tables, {"places.toml": '[[entity]]\nid = "place:minsk"\nen = "Minsk"\n'})
    assert error.path == "tables/names/places.toml" and error.key.startswith("place:minsk")


@pytest.mark.parametrize(("field", "value"), [("aliases", '"Minsk"'), ("aliases", '["Minsk", ""]'),
                                              ("geonames", '"625144"'), ("be", '""')])
def test_wrong_value_type(tables, field: str, value: str) -> None:
    error = _error(tables, {"places.toml": f'[[entity]]\nid = "place:x"\nbe = "Мінск"\n{field} = {value}\n'
                            if field != "be" else f'[[entity]]\nid = "place:x"\nbe = {value}\n'})
    assert (error.path, error.key) == ("tables/names/places.toml", f"place:x.{field}")


def test_unknown_kind_and_legal_form_of_a_place(tables) -> None:
    error = _error(tables, {"places.toml": MINSK.replace('"city"', '"village"')})
    assert (error.path, error.key) == ("tables/names/places.toml", "place:minsk.kind")
    error = _error(tables, {"places.toml": MINSK + 'legal_form = { be = "ААТ" }\n'})
    assert (error.path, error.key) == ("tables/names/places.toml", "place:minsk.legal_form")


def test_one_alias_on_two_entities_is_an_error(tables) -> None:
    error = _error(tables, {"places.toml": MINSK + "\n" + MINSK_REGION})
    assert (error.path, error.key) == ("tables/names/places.toml", "place:minskaja-voblasc")
    assert "place:minsk" in error.problem and "ambiguous.toml" in error.problem


def test_one_alias_on_two_entities_compares_case_folded(tables) -> None:
    error = _error(tables, {"places.toml": MINSK + "\n" + MINSK_REGION.replace('["Minsk"]', '["MINSK"]')})
    assert error.key == "place:minskaja-voblasc"


def test_one_alias_on_two_entities_listed_in_ambiguous_toml(tables) -> None:
    ambiguous = ('[[name]]\ntext = "Minsk"\nids = ["place:minsk", "place:minskaja-voblasc"]\n'
                 'why = "city and region"\n')
    found = tables({"places.toml": MINSK + "\n" + MINSK_REGION, "ambiguous.toml": ambiguous})
    assert [e.id for e in found] == ["place:minsk", "place:minskaja-voblasc"]


def test_ambiguous_toml_must_list_both_ids(tables) -> None:
    ambiguous = '[[name]]\ntext = "Minsk"\nids = ["place:minsk", "place:homiel"]\nwhy = "wrong pair"\n'
    error = _error(tables, {"places.toml": MINSK + "\n" + MINSK_REGION, "ambiguous.toml": ambiguous})
    assert error.key == "place:minskaja-voblasc"


def test_ambiguous_toml_rows_need_text_ids_and_why(tables) -> None:
    error = _error(tables, {"places.toml": MINSK, "ambiguous.toml": '[[name]]\ntext = "Minsk"\n'})
    assert (error.path, error.key) == ("tables/names/ambiguous.toml", "name[1]")


# --- the shipped tables ------------------------------------------------------------------------------------

def test_shipped_ids_are_unique_and_well_formed() -> None:
    ids = [entity.id for entity in entities()]
    assert len(ids) > 50
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for entity in entities():
        assert entity.id.split(":")[0] == entity.type


def test_every_shipped_entity_has_be() -> None:
    assert [e.id for e in entities() if not e.display.get("be")] == []


def test_every_demo_name_is_a_form_of_an_entity() -> None:
    with (ROOT / "tables" / "demo.toml").open("rb") as handle:
        names = tomllib.load(handle)["names"]
    forms = {form for entity in entities() for form in entity.names()}
    assert [name for name in names if name not in forms] == []


@pytest.mark.parametrize(("entity_id", "be", "iso"), [
    ("place:bresckaja-voblasc", "Брэсцкая вобласць", "BY-BR"),
    ("place:viciebskaja-voblasc", "Віцебская вобласць", "BY-VI"),
    ("place:homielskaja-voblasc", "Гомельская вобласць", "BY-HO"),
    ("place:hrodzienskaja-voblasc", "Гродзенская вобласць", "BY-HR"),
    ("place:mahiliouskaja-voblasc", "Магілёўская вобласць", "BY-MA"),
    ("place:minskaja-voblasc", "Мінская вобласць", "BY-MI"),
    ("place:minsk", "Мінск", "BY-HM"),
])
def test_regions_and_minsk(entity_id: str, be: str, iso: str) -> None:
    entity = lookup(entity_id)
    assert entity is not None and entity.type == "place"
    assert entity.display["be"] == be
    assert entity.external.get("iso3166_2") == iso


def test_belarus() -> None:
    entity = lookup("place:bielarus")
    assert entity is not None and entity.kind == "country" and entity.display["be"] == "Беларусь"


def test_six_regions() -> None:
    regions = sorted(e.id for e in entities() if e.kind == "region")
    assert regions == ["place:bresckaja-voblasc", "place:homielskaja-voblasc", "place:hrodzienskaja-voblasc",
                       "place:mahiliouskaja-voblasc", "place:minskaja-voblasc", "place:viciebskaja-voblasc"]


def test_lookup_of_an_unknown_id() -> None:
    assert lookup("place:paris") is None
    assert lookup("") is None


# --- the given-name table ----------------------------------------------------------------------------------

def _group(word: str) -> str | None:
    table = given_names()
    canonical = table.given(word_key(words(word)[0]))
    return None if canonical is None else table.group_of.get(canonical)


def test_given_names_table_loads() -> None:
    table = given_names()
    assert len(table.group_of) > 100
    assert all(group.startswith("given:") for group in table.group_of.values())


@pytest.mark.parametrize(("word", "group"), [
    ("Аляксандр", "given:aliaksandr"), ("Александр", "given:aliaksandr"), ("Alexander", "given:aliaksandr"),
    ("Генадзь", "given:hienadz"), ("Геннадий", "given:hienadz"), ("Сяргей", "given:siarhiej"),
    ("Сергей", "given:siarhiej"), ("Вольга", "given:volha"), ("Ольга", "given:volha"),
])
def test_given_name_groups(word: str, group: str) -> None:
    assert _group(word) == group


def test_a_surname_is_no_given_name() -> None:
    assert _group("Лукашэнка") is None
