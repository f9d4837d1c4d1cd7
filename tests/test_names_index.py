"""translit.names.Index and translit.resolve(): any spelling of a name → its id.

Expected ids come from the gazetteer's own tables (tables/names/*.toml, read by hand and written here) or
from the grouping of the reference pairs (tests/data/name_and_place_variant_pairs.tsv, grouped as its
sidecar says); spellings come from those references, from tables/demo.toml and from translit.convert() of
the Belarusian form through the schemes (the spelling under test, never the expected id).
"""

from __future__ import annotations

import csv
import gzip
import json
import tomllib
from pathlib import Path

import pytest

import translit
from translit.errors import TranslitError
from translit.names import Index, Match, entities

DATA = Path(__file__).parent / "data"
PAIRS = DATA / "name_and_place_variant_pairs.tsv"
ROOT = Path(__file__).resolve().parents[1]


# --- the reference pairs: each group's first spelling indexed, every other one must find it --------------

def _groups() -> list[list[str]]:
    """Spellings grouped into entities: the rows' two spellings are one entity (within same-person or
    same-place), plus the sidecar's [[same]] joins; spellings in file order, so the first is the first
    seen."""
    with PAIRS.with_suffix(".toml").open("rb") as handle:
        same = tomllib.load(handle)["same"]
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    order: list[tuple[str, str]] = []
    links = [((row["system"].split(":")[0], row["source_text"]), (row["system"].split(":")[0],
                                                                   row["expected_output"])) for row in rows]
    for join in same:
        first = (join["kind"], join["spellings"][0])
        links += [(first, (join["kind"], other)) for other in join["spellings"][1:]]
    for a, b in links[: len(rows)]:
        order += [n for n in (a, b) if n not in order]
    for a, b in links:
        parent[find(a)] = find(b)
    groups: dict[tuple[str, str], list[str]] = {}
    for node in order:
        groups.setdefault(find(node), []).append(node[1])
    return list(groups.values())


GROUPS = _groups()
NOT_FOUND = {
    "Aliaksandrą Lukašenką": "a Lithuanian accusative (delfi.lt): Aliaksandrą reads as the female given name "
    "Аляксандра, which conflicts with Alyaksandr; only the surname-only entry Лукашэнка is found",
    "Oktiabrskaja": "a translation (Октябрьская), not a spelling of Kastrychnickaja (Кастрычніцкая)",
}


def test_reference_groups() -> None:
    # the grouping itself, checked against the file by hand: 15 entities
    assert len(GROUPS) == 15
    by_first = {group[0]: group for group in GROUPS}
    assert len(by_first["Mahiliou"]) == 13 and "Moguilev" in by_first["Mahiliou"]
    assert set(by_first["Homyel"]) == {"Homyel", "Gomel", "Homieĺ", "Homiel", "Homel", "Гомель"}
    assert by_first["Лукашэнка"] == ["Лукашэнка", "Łukašenka"]
    assert len(by_first["Alyaksandr Lukashenka"]) == 11


@pytest.fixture(scope="module")
def reference_index() -> Index:
    index = Index()
    for number, group in enumerate(GROUPS):
        index.add(f"ref:{number}", group[0])
    return index


def _reference_params() -> list:
    params = []
    for number, group in enumerate(GROUPS):
        for spelling in group[1:]:
            reason = NOT_FOUND.get(spelling)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(spelling, f"ref:{number}", id=f"{group[0]}:{spelling}", marks=marks))
    return params


@pytest.mark.parametrize(("spelling", "expected"), _reference_params())
def test_reference_spelling_resolves_to_its_entity(reference_index: Index, spelling: str,
                                                   expected: str) -> None:
    found = reference_index.resolve(spelling)
    assert found and found[0].id == expected and not found[0].ambiguous, found


@pytest.mark.parametrize("name", ["Paris", "Warszawa", "Sviatlana Tsikhanouskaya", "Янка Купала", "Minsk",
                                  "123"])
def test_unrelated_names_resolve_to_nothing(reference_index: Index, name: str) -> None:
    assert reference_index.resolve(name) == []


# --- the shipped gazetteer: the demo's names in each of their forms -------------------------------------

# tables/demo.toml `names` → the id of the entity that has it (read from tables/names/*.toml)
DEMO_IDS = {
    "Аляксандр Лукашэнка": "person:aliaksandr-lukasenka",
    "Інтэграл": "org:intehral",
    "Планар": "org:planar",
    "Пеленг": "org:pielienh",
    "Белшына": "org:bielsyna",
    "МАЗ": "org:maz",
    "Сустрэча": "org:sustreca",
    "Беларускі Гаюн": "org:bielaruski-hajun",
    "Магілёў": "place:mahiliou",
    "Гомель": "place:homiel",
    "Амкадор": "org:amkador",
    "Рухсерваматор": "org:ruchsiervamator",
    "Кацалапаў": "person:kacalapau",
    "БелПол": "org:bielpol",
    "СВТ": "org:svt",
}
DEMO_SCHEMES = ("be-lacinka", "be-bgn-pcgn-1979", "be-passport", "be-national-2007")


def test_demo_ids_cover_the_demo() -> None:
    with (ROOT / "tables" / "demo.toml").open("rb") as handle:
        assert tomllib.load(handle)["names"] == list(DEMO_IDS)


def _demo_params() -> list:
    by_id = {entity.id: entity for entity in entities()}
    params = []
    for be, entity_id in DEMO_IDS.items():
        display = by_id[entity_id].display
        forms = {"be": be, "ru": display.get("ru"), "en": display.get("en")}
        forms |= {scheme: translit.convert(be, scheme) for scheme in DEMO_SCHEMES}
        params += [pytest.param(form, entity_id, id=f"{entity_id}:{style}:{form}")
                   for style, form in forms.items() if form]
    return params


@pytest.mark.parametrize(("form", "expected"), _demo_params())
def test_demo_name_resolves_in_every_form(form: str, expected: str) -> None:
    found = Index.default().resolve(form)
    assert found and found[0].id == expected and not found[0].ambiguous, found
    assert translit.resolve(form) == found[0]


def test_resolve_returns_a_match() -> None:
    found = translit.resolve("Mahilyow")
    assert isinstance(found, Match)
    assert (found.id, found.type, found.score, found.ambiguous) == ("place:mahiliou", "place", 1.0, False)
    assert found.via in ("exact", "key")


# Real Belarusian people and places that the gazetteer does not hold (checked in the test itself).
ABSENT = [
    ("Святлана Ціханоўская", "Ціханоўск"), ("Sviatlana Tsikhanouskaya", "Tsikhanousk"),
    ("Светлана Тихановская", "Тихановск"), ("Францішак Скарына", "Скарын"), ("Francysk Skaryna", "Skaryn"),
    ("Янка Купала", "Купал"), ("Уладзімір Караткевіч", "Караткев"), ("Васіль Быкаў", "Быкаў"),
    ("Віктар Бабарыка", "Бабарык"), ("Марыя Калеснікава", "Калеснік"), ("Мядзел", "Мядзел"),
    ("Глыбокае", "Глыбок"), ("Hlybokaye", "Hlybok"), ("Быхаў", "Быхаў"), ("Паставы", "Пастав"),
    ("Валожын", "Валожын"), ("Лагойск", "Лагойск"),
]


@pytest.mark.parametrize(("name", "stem"), ABSENT)
def test_names_not_in_the_gazetteer_resolve_to_nothing(name: str, stem: str) -> None:
    assert not [form for e in entities() for form in e.names() if stem.casefold() in form.casefold()]
    assert Index.default().resolve(name) == []
    assert translit.resolve(name) is None


# --- acronyms -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [("MAZ", "org:maz"), ("МАЗ", "org:maz"), ("SVT", "org:svt"),
                                                ("СВТ", "org:svt")])
def test_acronyms_match_exactly(name: str, expected: str) -> None:
    assert [m.id for m in Index.default().resolve(name)] == [expected]


# МТС (the mobile operator, not in the gazetteer) differs from МТЗ/MTZ (org:mtz) in one letter only
@pytest.mark.parametrize("name", ["MAS", "SVB", "МАС", "СВБ", "МТС", "MTS"])
def test_near_acronyms_match_nothing(name: str) -> None:
    assert Index.default().resolve(name) == []


# --- ambiguity and types ---------------------------------------------------------------------------------

def test_two_ids_with_one_name_are_both_ambiguous() -> None:
    index = Index()
    index.add("a", "Іван Кубракоў")
    index.add("b", "Ivan Kubrakov")
    found = index.resolve("Иван Кубраков")
    assert {m.id for m in found} == {"a", "b"}
    assert all(m.ambiguous for m in found)


def test_a_surname_alone_is_ambiguous_in_the_gazetteer() -> None:
    # tables/names/persons.toml holds the president and his sons Viktar and Dzmitryj, all Lukashenka
    found = Index.default().resolve("Lukashenko")
    assert {m.id for m in found} == {"person:aliaksandr-lukasenka", "person:viktar-lukasenka",
                                     "person:dzmitryj-lukasenka"}
    assert all(m.ambiguous for m in found)
    assert translit.resolve("Lukashenko") is None
    assert translit.resolve("Viktor Lukashenko").id == "person:viktar-lukasenka"


def test_type_filter() -> None:
    index = Index()
    index.add("place:homiel", "Гомель", "place")
    index.add("org:homiel-fc", "Homiel", "org")
    assert {m.id for m in index.resolve("Gomel")} == {"place:homiel", "org:homiel-fc"}
    place = index.resolve("Gomel", type="place")
    assert [(m.id, m.type, m.ambiguous) for m in place] == [("place:homiel", "place", False)]
    assert [m.id for m in index.resolve("Gomel", type="org")] == ["org:homiel-fc"]
    assert index.resolve("Gomel", type="person") == []


def test_type_filter_on_the_gazetteer() -> None:
    assert translit.resolve("Belshina", type="org").id == "org:bielsyna"
    assert translit.resolve("Belshina", type="place") is None
    assert translit.resolve("Mogilev", type="place").id == "place:mahiliou"
    assert translit.resolve("Mogilev", type="person") is None


def test_limit() -> None:
    found = Index.default().resolve("Lukashenko", limit=1)
    assert len(found) == 1 and found[0].ambiguous
    assert Index.default().resolve("Mogilev", limit=0) == []


def test_generic_words_weigh_little() -> None:
    index = Index()
    index.add("org:bielsyna", "Белшына", "org")
    assert [m.id for m in index.resolve("Belshina Tyre Works")] == ["org:bielsyna"]


# --- the shipped places by id -----------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("Belarus", "place:bielarus"), ("Рэспубліка Беларусь", "place:bielarus"),
    ("Brest Region", "place:bresckaja-voblasc"), ("Гродненская область", "place:hrodzienskaja-voblasc"),
    ("Mahiloŭskaja vobłasć", "place:mahiliouskaja-voblasc"), ("Minsk", "place:minsk"),
    ("Мінская вобласць", "place:minskaja-voblasc"), ("Dzyarzhynsk", "place:dziarzynsk"),
    ("Mar”ina Horka", "place:marina-horka"),
])
def test_places_resolve(name: str, expected: str) -> None:
    assert translit.resolve(name).id == expected


# --- save and load ------------------------------------------------------------------------------------------

QUERIES = ["Mogilev", "Gomel", "Lukashenko", "Alexander Lukashenko", "Aleksandr Grigoryevich Lukashenko",
           "Witebsk", "Grodno", "Paris", "Brest", "Лукашэнка", "Yuri Karaev", "", "123"]


@pytest.mark.parametrize("suffix", [".json", ".json.gz"])
def test_save_and_load_give_the_same_answers(tmp_path: Path, reference_index: Index, suffix: str) -> None:
    reference_index.add("typed", "Мазда", "org")
    path = tmp_path / f"index{suffix}"
    reference_index.save(path)
    loaded = Index.load(path)
    assert loaded.ids == reference_index.ids
    for query in QUERIES + ["Mazda"]:
        assert loaded.resolve(query) == reference_index.resolve(query), query
        assert loaded.resolve(query, type="org") == reference_index.resolve(query, type="org"), query
    if suffix.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            assert json.load(handle)["format"] == "translit-index"


def test_save_and_load_the_default_index(tmp_path: Path) -> None:
    path = tmp_path / "default.json.gz"
    Index.default().save(path)
    loaded = Index.load(path)
    for query in ["Lukashenko", "Mahilyow", "MAZ", "MAS", "Belshina", "Aleksandr Turchin", "Homel"]:
        assert loaded.resolve(query) == Index.default().resolve(query), query


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"format": "something-else", "version": 1}', ""])
def test_loading_a_non_index_file_fails(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TranslitError, match="other.json"):
        Index.load(path)


def test_loading_a_plain_file_named_gz_fails(tmp_path: Path) -> None:
    path = tmp_path / "index.json.gz"
    path.write_text('{"format": "translit-index"}', encoding="utf-8")
    with pytest.raises(TranslitError):
        Index.load(path)


def test_loading_a_missing_file_fails(tmp_path: Path) -> None:
    with pytest.raises(TranslitError):
        Index.load(tmp_path / "missing.json")


def test_loading_another_version_fails(tmp_path: Path) -> None:
    index = Index()
    index.add("place:mahiliou", "Магілёў")
    path = tmp_path / "index.json"
    index.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 999
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TranslitError, match="999"):
        Index.load(path)


# --- from_csv -----------------------------------------------------------------------------------------------

ROWS = [("place:mahiliou", "Магілёў", "place"), ("place:homiel", "Гомель", "place"),
        ("person:lukasenka", "Аляксандр Лукашэнка", "person"), ("org:bielsyna", "ААТ «Белшына»", "org")]


@pytest.mark.parametrize(("suffix", "delimiter"), [(".csv", ","), (".tsv", "\t")])
def test_from_csv(tmp_path: Path, suffix: str, delimiter: str) -> None:
    path = tmp_path / f"names{suffix}"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(["key", "label", "kind"])
        writer.writerows(ROWS)
    index = Index.from_csv(path, "key", "label", "kind")
    assert index.ids == [row[0] for row in ROWS]
    assert [(m.id, m.type) for m in index.resolve("Mogilev")] == [("place:mahiliou", "place")]
    assert [m.id for m in index.resolve("OAO Belshina")] == ["org:bielsyna"]
    assert [m.id for m in index.resolve("LUKASHENKO, Alexander", type="person")] == ["person:lukasenka"]
    untyped = Index.from_csv(path, "key", "label")
    assert [(m.id, m.type) for m in untyped.resolve("Homiel")] == [("place:homiel", None)]


def test_from_csv_names_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("id,name\nplace:minsk,Мінск\n", encoding="utf-8")
    with pytest.raises(TranslitError, match="'label'"):
        Index.from_csv(path, "id", "label")
    with pytest.raises(TranslitError, match="'kind'"):
        Index.from_csv(path, "id", "name", "kind")


def test_from_csv_refuses_an_empty_id(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("id,name\nplace:minsk,Мінск\n,Гомель\n", encoding="utf-8")
    with pytest.raises(TranslitError, match="line 3"):
        Index.from_csv(path)


# --- errors -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [None, 42, b"Minsk", ["Minsk"]])
def test_a_name_that_is_no_string_is_refused(name: object) -> None:
    with pytest.raises(TranslitError):
        Index().add("place:minsk", name)  # type: ignore[arg-type]
    with pytest.raises(TranslitError):
        Index.default().resolve(name)  # type: ignore[arg-type]
    with pytest.raises(TranslitError):
        translit.resolve(name)  # type: ignore[arg-type]


@pytest.mark.parametrize("entity_id", ["", "   ", None, 7])
def test_an_empty_id_is_refused(entity_id: object) -> None:
    with pytest.raises(TranslitError):
        Index().add(entity_id, "Мінск")  # type: ignore[arg-type]


def test_one_id_with_two_types_is_refused() -> None:
    index = Index()
    index.add("x", "Мінск", "place")
    with pytest.raises(TranslitError):
        index.add("x", "Minsk", "org")


@pytest.mark.parametrize(("threshold", "margin"), [(1.5, 0.05), (-0.1, 0.05), (0.8, 2.0)])
def test_bad_threshold_or_margin(threshold: float, margin: float) -> None:
    with pytest.raises(TranslitError):
        Index(threshold=threshold, margin=margin)


def test_a_letterless_name_is_not_filed() -> None:
    index = Index()
    index.add("x", "123")
    index.add("y", "Мінск")
    assert index.ids == ["y"]
    assert index.resolve("123") == [] and index.resolve("") == []
