"""translit.names.key() and match(): spellings of one name in any script, scheme, case or word order
share one key.

Expected values: the examples in the modules' docstrings (translit/names/*.py) and attested spellings from
the standards dossier: tests/data/name_and_place_variant_pairs.tsv (copied unchanged) and
../shared/reference/exonyms-and-name-correspondences.md (§1 cities, cells marked V; §2 given names; §3
surnames and patronymics). Spellings a reference shows to be of another kind (a French or German
orthography, a translated name, a Polish form with its own vowels) are kept as strict xfails with the reason.
"""

from __future__ import annotations

import pytest

from translit.names import key, match


def _params(groups: dict[str, list[str]], not_joined: dict[str, str]) -> list:
    """One case per spelling after the first of each group: it must share the first one's key."""
    params = []
    for name, spellings in groups.items():
        for spelling in spellings[1:]:
            reason = not_joined.get(spelling)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(spellings[0], spelling, id=f"{name}:{spelling}", marks=marks))
    return params


# --- the docstrings' own examples -------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["Łukašenka", "Lukashenka", "Lukashenko", "Лукашэнка", "ЛУКАШЕНКО"])
def test_keys_docstring_lukasanka(spelling: str) -> None:
    # translit/names/keys.py: "So Łukašenka, Lukashenka, Lukashenko, Лукашэнка and ЛУКАШЕНКО all give
    # lukasanka"
    assert key(spelling) == "lukasanka"


def test_parse_docstring_word_order() -> None:
    # translit/names/parse.py step 4
    assert key("LUKASHENKO, Alexander") == "alaksandr lukasanka"
    assert key("Аляксандр Лукашэнка") == "alaksandr lukasanka"


def test_key_docstring_lukasenka_lukashenko() -> None:
    # translit/names/parse.py key(): key("Łukašenka") == key("LUKASHENKO")
    assert key("Łukašenka") == key("LUKASHENKO")


# --- Mogilev: every spelling the references list -----------------------------------------------------------

# name_and_place_variant_pairs.tsv (E1, E3, E4, E7) and exonyms-and-name-correspondences.md §1 and its
# Łacinka line (Mahiloŭ).
MOGILEV = [
    "Магілёў", "Могилёв", "Mahiloŭ", "Mogilev", "Mahilyow", "Mohylew", "Mahiljou", "Mogiljow", "Mogilew",
    "Mahilioŭ", "Mahili͡oŭ", "Mahilëw", "Mahilëŭ", "Mahiliou", "Mogilyov", "Moguilev",
]
NOT_MOGILEV_KEY = {
    "Moguilev": "French writes g before e as gu (fr.wikipedia Moguilev, E4); key() reads the u as a vowel",
}


@pytest.mark.parametrize(("first", "spelling"), _params({"Mogilev": MOGILEV}, NOT_MOGILEV_KEY))
def test_mogilev_spellings_share_a_key(first: str, spelling: str) -> None:
    assert key(spelling) == key(first)


# --- Lukashenka ---------------------------------------------------------------------------------------------

LUKASHENKA = [
    "Лукашэнка", "Лукашенко", "Łukašenka", "Lukashenka", "Lukashenko", "ЛУКАШЕНКА", "lukashenka",
    "Łukaszenka",  # Polish (gazetaprawna.pl, in tables/names/persons.toml with its source)
    "Lukaschenko",  # German (deu.belta.by, ditto)
    "Loukachenko",  # French (fr.wikipedia, ditto)
]
NOT_LUKASHENKA_KEY = {
    "Lukaschenko": "German sch (= ш) is not in key.toml [latin]: the key reads s + ch (х), lukashanka",
    "Loukachenko": "French ou (= у) and ch (= ш) are not in key.toml [latin]: laukahanka",
}


@pytest.mark.parametrize(("first", "spelling"), _params({"Lukashenka": LUKASHENKA}, NOT_LUKASHENKA_KEY))
def test_lukashenka_spellings_share_a_key(first: str, spelling: str) -> None:
    assert key(spelling) == key(first)


# --- given names (exonyms-and-name-correspondences.md §2 and the brief's equivalences) --------------------

GIVEN = {
    "Аляксандр": ["Аляксандр", "Александр", "Alexander", "Aliaksandr", "Alaksandr", "Alyaksandr", "Aleksandr",
                  "Аляксандар", "Alaksandar"],
    "Аляксей": ["Аляксей", "Алексей", "Aliaksei", "Alyaksey", "Alaksiej", "Aleksei", "Aleksey"],
    "Сяргей": ["Сяргей", "Сергей", "Siarhei", "Syarhyey", "Siarhiej", "Sergei", "Sergey"],
    "Уладзімір": ["Уладзімір", "Владимир", "Uladzimir", "Vladimir"],
    "Віктар": ["Віктар", "Виктор", "Viktar", "Viktor"],
    "Мікалай": ["Мікалай", "Николай", "Mikalai", "Mikalay", "Mikałaj", "Nikolai", "Nikolay"],
    "Юрый": ["Юрый", "Юры", "Юрий", "Iuryi", "Yuryy", "Yury", "Juryj", "Iurii", "Yuri"],
    "Ігар": ["Ігар", "Игорь", "Ihar", "Igor"],
    "Андрэй": ["Андрэй", "Андрей", "Andrei", "Andrey", "Andrej"],
    "Павел": ["Павел", "Pavel", "Pavyel"],
    "Святлана": ["Святлана", "Сьвятлана", "Светлана", "Sviatlana", "Svyatlana", "Śviatłana", "Svetlana"],
    "Вольга": ["Вольга", "Ольга", "Volha", "Vol’ha", "Olga"],
    "Таццяна": ["Таццяна", "Татьяна", "Tatstsiana", "Tatstsyana", "Tacciana", "Tatsiana", "Tatiana",
                "Tatyana"],
    "Алена": ["Алена", "Елена", "Alena", "Alyena", "Elena", "Yelena"],
    "Марыя": ["Марыя", "Мария", "Maryia", "Maryya", "Maryja", "Mariia", "Mariya", "Maria"],
    "Ганна": ["Ганна", "Hanna", "Анна", "Anna"],
    "Ірына": ["Ірына", "Ирина", "Iryna", "Irina"],
    "Наталля": ["Наталля", "Наталья", "Наталия", "Natallia", "Natallya", "Natalla", "Natalia", "Natalya"],
    "Дзмітрый": ["Дзмітрый", "Дмитрий", "Dzmitryi", "Dzmitry", "Dmitrii", "Dmitry"],
    "Яўген": ["Яўген", "Евгений", "Iauhen", "Yawhyen", "Jaŭhien", "Evgenii", "Yevgeny"],
    "Анатоль": ["Анатоль", "Анатолий", "Anatol", "Anatolii", "Anatoly"],
    "Лідзія": ["Лідзія", "Лидия", "Lidziya", "Lidia"],
    "Кацярына": ["Кацярына", "Екатерина", "Katsiaryna", "Ekaterina", "Yekaterina"],
    "Генадзь": ["Генадзь", "Геннадий", "Hienadz", "Henadzi", "Gennady"],
    "Арцём": ["Арцём", "Артём", "Artsiom", "Artsyom", "Artem", "Artyom"],
    "Ягор": ["Ягор", "Егор", "Yahor", "Egor", "Yegor"],
}
NOT_GIVEN_KEY = {
    # translit/names/given.py's docstring names Ганна/Анна among the pairs the table joins
    "Анна": "Анна's word key (ana) is also Яна's (given:jana): a key two groups share is claimed by neither "
    "(given.py), so Анна keeps its own key instead of Ганна's",
    "Anna": "as Анна: the key ana is shared with Яна (Jana), so it is not read as Ганна",
}


@pytest.mark.parametrize(("first", "spelling"), _params(GIVEN, NOT_GIVEN_KEY))
def test_given_name_spellings_share_a_key(first: str, spelling: str) -> None:
    assert key(spelling) == key(first)


def test_different_given_names_differ() -> None:
    # Віктар and Дзмітрый are Lukashenka's two elder sons: two names, two keys
    assert key("Віктар") != key("Дзмітрый")
    assert key("Аляксандр") != key("Аляксандра")  # the male and the female name


# --- patronymics and surnames (§3) --------------------------------------------------------------------------

PATRONYMICS = {
    "Мікалаевіч": ["Мікалаевіч", "Николаевич", "Mikalaevich", "Nikolaevich"],
    "Рыгоравіч": ["Рыгоравіч", "Григорьевич", "Ryhoravich", "Grigoryevich", "Ryhoravič"],
    "Аляксандравіч": ["Аляксандравіч", "Александрович"],
    "Аляксандраўна": ["Аляксандраўна", "Александровна"],
    "Мікалаеўна": ["Мікалаеўна", "Николаевна"],
    "Паўлавіч": ["Паўлавіч", "Павлович"],  # given.py: a fleeting vowel (Павел → Паўлавіч)
}


@pytest.mark.parametrize(("first", "spelling"), _params(PATRONYMICS, {}))
def test_patronymic_spellings_share_a_key(first: str, spelling: str) -> None:
    assert key(spelling) == key(first)


def test_male_and_female_patronymics_differ() -> None:
    assert key("Аляксандравіч") != key("Аляксандраўна")


SURNAMES = {
    "Ціханоўская": ["Ціханоўская", "Тихановская", "Tikhanovskaya", "Cichanoŭskaja"],
    "Шушкевіч": ["Шушкевіч", "Шушкевич"],
    "Бабарыка": ["Бабарыка", "Бабарико"],
    "Луцкі": ["Луцкі", "Луцкий", "Lutski"],
    "Малашонак": ["Малашонак", "Малашонок"],
    "Сяргееў": ["Сяргееў", "Сергеев"],
    "Качанава": ["Качанава", "Кочанова", "Kachanava"],
    "Караеў": ["Караеў", "Караев", "Karayeu", "Karaev"],
    "Ярмошына": ["Ярмошына", "Ермошина", "Yarmoshyna", "Yermoshina"],
    "Эйсмант": ["Эйсмант", "Эйсмонт"],
}


@pytest.mark.parametrize(("first", "spelling"), _params(SURNAMES, {}))
def test_surname_spellings_share_a_key(first: str, spelling: str) -> None:
    assert key(spelling) == key(first)


# --- places: §1 (Belarusian, Russian and the cells marked V) and the pairs file ----------------------------

PLACES = {
    "Мінск": ["Мінск", "Минск", "Minsk", "Mińsk"],
    "Гомель": ["Гомель", "Homieĺ", "Homyel’", "Homyel", "Gomel", "Homiel", "Homel"],
    "Віцебск": ["Віцебск", "Витебск", "Viciebsk", "Vitsyebsk", "Vitebsk", "Witebsk", "Wizebsk"],
    "Гродна": ["Гродна", "Гродно", "Hrodna", "Grodno"],
    "Брэст": ["Брэст", "Брест", "Brest", "Brześć"],
    "Бабруйск": ["Бабруйск", "Бобруйск", "Babruysk", "Bobrujsk"],
    "Баранавічы": ["Баранавічы", "Барановичи", "Baranavichy", "Baranowicze"],
    "Пінск": ["Пінск", "Пинск", "Pinsk", "Pińsk"],
    "Орша": ["Орша", "Orsha"],
    "Маладзечна": ["Маладзечна", "Молодечно", "Mołodeczno"],
    "Жлобін": ["Жлобін", "Жлобин", "Zhlobin"],
    "Ліда": ["Ліда", "Лида", "Lida"],
    "Мазыр": ["Мазыр", "Мозырь", "Mazyr"],
    "Кобрын": ["Кобрын", "Кобрин", "Kobryn"],
    "Ваўкавыск": ["Ваўкавыск", "Волковыск", "Wołkowysk"],
    "Нясвіж": ["Нясвіж", "Несвиж", "Nyasvizh", "Nesvizh", "Njasvizh", "Nieśwież"],
    "Менск": ["Менск", "Miensk", "Myensk"],  # the historic name of Minsk (Łacinka line; BGN E9)
}
NOT_PLACE_KEY = {
    "Wizebsk": "German z is ц (Meyers, E5); key.toml reads z as з",
    "Baranowicze": "the Polish name ends in -icze (E6), not -ічы: a Polish form, not a spelling of "
    "Баранавічы",
    "Nieśwież": "the Polish name (E6) has ie/e where Belarusian has я/і: nasuaz against nasuiz",
}


@pytest.mark.parametrize(("first", "spelling"), _params(PLACES, NOT_PLACE_KEY))
def test_place_spellings_share_a_key(first: str, spelling: str) -> None:
    assert key(spelling) == key(first)


# --- people from the pairs file -----------------------------------------------------------------------------

PEOPLE = {
    "Alyaksandr Lukashenka": ["Alyaksandr Lukashenka", "Aleksandr Lukashenko", "Alexander Lukashenko",
                              "Аляксандр Лукашэнка", "Aliaksandrą Lukašenką"],
    "Аляксандр Рыгоравіч Лукашэнка": [
        "Аляксандр Рыгоравіч Лукашэнка", "Александр Григорьевич Лукашенко",
        "Aliaksandr Ryhoravich Lukashenka",
        "Alyaksandr Ryhoravich Lukashenka", "Aleksandr Grigoryevich Lukashenko",
        "Аляксандар Рыгоравіч Лукашэнка", "Aljaksandar Ryhoravič Lukašenka",
    ],
    "Viktar Lukashenka": ["Viktar Lukashenka", "Viktor Lukashenko"],
    "Yury Karayeu": ["Yury Karayeu", "Yuri Karaev"],
    "Lidziya Yarmoshyna": ["Lidziya Yarmoshyna", "Lidia Yermoshina"],
    "Alexander Hleb": ["Alexander Hleb", "Alexander Gleb"],
    "Kastrychnickaja": ["Kastrychnickaja", "Oktiabrskaja"],
}
NOT_PERSON_KEY = {
    "Aliaksandrą Lukašenką": "a Lithuanian accusative (delfi.lt): Aliaksandrą reads as the female name "
    "Аляксандра, and the case endings stay in the key",
    "Oktiabrskaja": "a translation, not a spelling: Кастрычніцкая and Октябрьская are two words for October",
}


@pytest.mark.parametrize(("first", "spelling"), _params(PEOPLE, NOT_PERSON_KEY))
def test_reference_pair_spellings_share_a_key(first: str, spelling: str) -> None:
    assert key(spelling) == key(first)


# --- word order, case, punctuation --------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", [
    "Аляксандр Лукашэнка", "Лукашэнка Аляксандр", "LUKASHENKO, Alexander", "LUKASHENKA Aliaksandr",
    "lukashenko alexander", "Łukašenka, Alaksandr", "Лукашенко Александр",
])
def test_word_order_and_case(spelling: str) -> None:
    assert key(spelling) == key("Alexander Lukashenko")


def test_patronymic_in_any_position() -> None:
    assert key("Лукашэнка Аляксандр Рыгоравіч") == key("Aleksandr Grigoryevich Lukashenko")


# --- legal forms and place words (designators.toml) ---------------------------------------------------------

@pytest.mark.parametrize("spelling", [
    "ААТ «Белшына»", "OAO Belshina", "Open Joint Stock Company 'Belshina'", "Belshina OJSC",
    "Открытое акционерное общество «Белшина»", "Адкрытае акцыянернае таварыства «Белшына»", "ОАО \"Белшина\"",
])
def test_legal_forms_are_stripped(spelling: str) -> None:
    assert key(spelling) == key("Белшына")


@pytest.mark.parametrize(("with_word", "without"), [
    ("горад Магілёў", "Mogilev"), ("город Могилёв", "Магілёў"), ("city of Minsk", "Мінск"),
])
def test_place_words_are_stripped(with_word: str, without: str) -> None:
    assert key(with_word) == key(without)


def test_a_name_that_is_only_a_legal_form_keeps_it() -> None:
    # parse.py step 2: "a name that is nothing but designators keeps them"
    assert key("ААТ") != ""


def test_a_surname_is_not_read_as_an_organization_word() -> None:
    assert key("Даль") != key("спраў")


# --- letterless input -------------------------------------------------------------------------------------

LETTERLESS = ["", " ", "123", "!!!", "  --- ", "«»", "2024-01-01", "\t\n", "🇧🇾", "12 3"]


@pytest.mark.parametrize("text", LETTERLESS)
def test_letterless_input_has_a_key_of_its_own(text: str) -> None:
    # parse.py key(): "A name with no letters keys to # and its own text, so two different ones never share
    # a key (nor one with a name)"
    assert key(text) == "#" + " ".join(text.split())


def test_letterless_keys_differ_from_each_other_and_from_names() -> None:
    keys = {key(text) for text in LETTERLESS}
    assert len(keys) == len({" ".join(text.split()) for text in LETTERLESS})
    assert not keys & {key(name) for name in ["Мінск", "MAZ", "Лукашэнка", "A"]}


@pytest.mark.parametrize(("a", "b"), [("", ""), ("123", "123"), ("!!!", "???"), ("123", "Мінск"),
                                      ("", "Minsk")])
def test_letterless_names_never_match(a: str, b: str) -> None:
    assert match(a, b) == 0.0


# --- match() ------------------------------------------------------------------------------------------------

def test_match_of_one_key_is_one() -> None:
    assert match("Alyaksandr Lukashenka", "Aleksandr Lukashenko") == 1.0


def test_match_scoring_docstring() -> None:
    # scoring.py step 3: "Lukashenko still finds Alexander Lukashenko, Viktor Lukashenko does not"
    assert match("Lukashenko", "Alexander Lukashenko") >= 0.80
    assert match("Viktor Lukashenko", "Alexander Lukashenko") < 0.80


def test_match_of_initials() -> None:
    # parse.py step 3: the initial after a given name's initial is the patronymic's (А.Г. Лукашэнка)
    assert match("А.Г. Лукашэнка", "Аляксандр Рыгоравіч Лукашэнка") >= 0.80
    assert match("В.А. Лукашэнка", "Аляксандр Рыгоравіч Лукашэнка") < 0.80


def test_match_is_symmetric() -> None:
    for a, b in [("Lukashenko", "Alexander Lukashenko"), ("Mahilyow", "Mogiljow"), ("Paris", "Minsk")]:
        assert match(a, b) == match(b, a)
