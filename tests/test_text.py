"""Names in running text: ``translit.text.find_mentions``, ``display_form`` and ``rewrite``.

The three news paragraphs below were written for these tests (one story, told in English as
Łacinka-writing media print it, in Belarusian and in Russian, with the names in their case forms).
Expected spans are computed with ``str.index`` on the paragraph itself, so the offsets are right by
construction; the ids are the gazetteer's (``tables/names/*.toml``).
"""

from __future__ import annotations

import pytest

from translit.errors import TranslitError
from translit.names import Index
from translit.text import Mention, MentionFinder, display_form, find_mentions, rewrite

ALEXANDER = "person:aliaksandr-lukasenka"
VIKTAR = "person:viktar-lukasenka"
DZMITRYJ = "person:dzmitryj-lukasenka"

EN = (
    "Alaksandar Łukašenka toured the Intehrał and Płanar plants on Tuesday. "
    "Łukašenka’s motorcade then drove to Biełšyna, where MAZ trucks and an SVT crew were waiting; "
    "a maz toy and a MAZDA sedan stood by the gate.\n"
    "Biełaruski Hajun said the convoy had come from Mahiloŭ through Homiel, "
    "but workers in Mahilova were told nothing. Politics & SocietyŁukašenka promised new tractors."
)
BE = (
    "Аляксандр Лукашэнка ў аўторак наведаў заводы «Інтэграл» і «Планар». "
    "Потым картэж Лукашэнкі паехаў на «Белшыну», дзе чакалі грузавікі МАЗ і здымачная група СВТ; "
    "каля брамы стаялі цацка «маз» і седан «MAZDA».\n"
    "«Беларускі Гаюн» паведаміў, што калона ехала з Магілёва праз Гомель, "
    "але рабочым у Магілёве нічога не сказалі. Журналісты пыталіся пра Лукашэнку."
)
RU = (
    "Александр Лукашенко во вторник посетил заводы «Интеграл» и «Планар». "
    "Затем кортеж Лукашенко отправился на «Белшину», где ждали грузовики МАЗ и съёмочная группа СВТ; "
    "у ворот стояли игрушка «маз» и седан «MAZDA».\n"
    "«Белорусский Гаюн» сообщил, что колонна шла из Могилёва через Гомель, "
    "но рабочим в Могилёве ничего не сказали. Журналисты спрашивали про Лукашенко."
)

EN_NAMES = [
    ("Alaksandar Łukašenka", ALEXANDER),
    ("Intehrał", "org:intehral"),
    ("Płanar", "org:planar"),
    ("Łukašenka", ALEXANDER),  # of "Łukašenka’s": the possessive is left out
    ("Biełšyna", "org:bielsyna"),
    ("MAZ", "org:maz"),
    ("SVT", "org:svt"),
    ("Biełaruski Hajun", "org:bielaruski-hajun"),
    ("Mahiloŭ", "place:mahiliou"),
    ("Homiel", "place:homiel"),
    ("Mahilova", "place:mahiliou"),
    ("Łukašenka", ALEXANDER),  # of "SocietyŁukašenka": glued by bad HTML extraction
]
BE_NAMES = [
    ("Аляксандр Лукашэнка", ALEXANDER),
    ("Інтэграл", "org:intehral"),
    ("Планар", "org:planar"),
    ("Лукашэнкі", ALEXANDER),
    ("Белшыну", "org:bielsyna"),
    ("МАЗ", "org:maz"),
    ("СВТ", "org:svt"),
    ("Беларускі Гаюн", "org:bielaruski-hajun"),
    ("Магілёва", "place:mahiliou"),
    ("Гомель", "place:homiel"),
    ("Магілёве", "place:mahiliou"),
    ("Лукашэнку", ALEXANDER),
]
RU_NAMES = [
    ("Александр Лукашенко", ALEXANDER),
    ("Интеграл", "org:intehral"),
    ("Планар", "org:planar"),
    ("Лукашенко", ALEXANDER),
    ("Белшину", "org:bielsyna"),
    ("МАЗ", "org:maz"),
    ("СВТ", "org:svt"),
    ("Белорусский Гаюн", "org:bielaruski-hajun"),
    ("Могилёва", "place:mahiliou"),
    ("Гомель", "place:homiel"),
    ("Могилёве", "place:mahiliou"),
    ("Лукашенко", ALEXANDER),
]
PARAGRAPHS = [("en", EN, EN_NAMES), ("be", BE, BE_NAMES), ("ru", RU, RU_NAMES)]
PARAGRAPH_IDS = [language for language, _, _ in PARAGRAPHS]


def expected_spans(text: str, names: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, id) of each name, found in order with ``str.index``."""
    spans = []
    position = 0
    for surface, entity_id in names:
        start = text.index(surface, position)
        spans.append((start, start + len(surface), surface, entity_id))
        position = start + len(surface)
    return spans


def spans(mentions: list[Mention]) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.surface, m.id) for m in mentions]


def found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.id) for m in find_mentions(text)]


# --- the paragraphs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "names"), PARAGRAPHS, ids=PARAGRAPH_IDS)
def test_every_mention_with_its_id_and_exact_offsets(language, text, names):
    mentions = find_mentions(text)
    assert spans(mentions) == expected_spans(text, names)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface


def test_english_offsets_spelled_out():
    """A few offsets written out by hand, so that the str.index helper is checked too."""
    mentions = find_mentions(EN)
    assert spans(mentions)[:3] == [(0, 20, "Alaksandar Łukašenka", ALEXANDER), (32, 40, "Intehrał", "org:intehral"),
                                   (45, 51, "Płanar", "org:planar")]
    possessive = EN.index("Łukašenka’s")
    assert spans(mentions)[3] == (possessive, possessive + 9, "Łukašenka", ALEXANDER)
    assert EN[mentions[3].end:mentions[3].end + 2] == "’s"
    glued = EN.index("SocietyŁukašenka") + len("Society")
    assert spans(mentions)[-1] == (glued, glued + 9, "Łukašenka", ALEXANDER)


@pytest.mark.parametrize(("language", "text", "names"), PARAGRAPHS, ids=PARAGRAPH_IDS)
def test_types_and_scores(language, text, names):
    """Types come from the gazetteer; a full form scores 1.0, a case form less, a surname alone less
    still (it is a weaker pattern), and every score is within (0, 1]."""
    mentions = find_mentions(text)
    assert [m.type for m in mentions] == [entity_id.split(":")[0] for _, entity_id in names]
    assert mentions[0].score == 1.0  # the full name, in the nominative
    surname_alone = mentions[3]
    assert surname_alone.id == ALEXANDER and surname_alone.score < mentions[0].score
    assert mentions[1].score == 1.0  # Інтэграл, nominative
    for mention in mentions:
        assert 0.0 < mention.score <= 1.0


def test_case_forms_score_below_nominative():
    by_surface = {m.surface: m.score for m in find_mentions(BE)}
    assert by_surface["Гомель"] == 1.0
    assert by_surface["Магілёве"] < 1.0
    assert by_surface["Магілёва"] < 1.0
    assert by_surface["Белшыну"] < 1.0


@pytest.mark.parametrize(("language", "text", "names"), PARAGRAPHS, ids=PARAGRAPH_IDS)
def test_no_mention_starts_or_ends_inside_a_word(language, text, names):
    """Before a mention: no letter, except the one glued word (a lower-case letter, then the
    mention's capital). After it: never a letter."""
    glued = EN.index("SocietyŁukašenka") + len("Society")
    for mention in find_mentions(text):
        before = text[mention.start - 1:mention.start]
        after = text[mention.end:mention.end + 1]
        if text is EN and mention.start == glued:
            assert before.islower() and mention.surface[0].isupper()
        else:
            assert not before.isalpha(), mention
        assert not after.isalpha(), mention


@pytest.mark.parametrize(("language", "text", "names"), PARAGRAPHS, ids=PARAGRAPH_IDS)
def test_lower_case_maz_and_mazda_are_not_maz(language, text, names):
    maz = [m for m in find_mentions(text) if m.id == "org:maz"]
    assert [m.surface for m in maz] == ["MAZ" if language == "en" else "МАЗ"]
    assert text[maz[0].start - 1] == " " and text[maz[0].end] == " "


# --- acronyms ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("MAZ", [("MAZ", "org:maz")]),
    ("МАЗ", [("МАЗ", "org:maz")]),
    ("СВТ", [("СВТ", "org:svt")]),
    ("SVT.", [("SVT", "org:svt")]),
    ("MAZ’s new trucks", [("MAZ", "org:maz")]),
    ("the MAZ-built bus", [("MAZ", "org:maz")]),
    ("(MAZ)", [("MAZ", "org:maz")]),
])
def test_acronym_as_a_whole_capital_word(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "maz", "Maz", "mAZ", "MAZDA", "Mazda", "MAZs", "svt", "Svt", "SVTV", "смаз", "МАЗДА", "маз",
])
def test_acronym_not_in_lower_case_or_as_part_of_a_word(text):
    assert found(text) == []


def test_acronym_not_found_inside_kamaz():
    assert found("KaMAZ trucks were seen in Minsk") == [("Minsk", "place:minsk")]


# --- not inside other words ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Antiminsk", "Minsker", "Homielščyna", "Mahiloŭski", "Hajunist", "Intehrałny", "Biełšynaŭka",
    "минскіх", "Гомельшчына", "Гомельскі",
])
def test_no_mention_inside_another_word(text):
    assert found(text) == []


def test_glued_word_starts_a_name_at_its_inner_capital():
    text = "Alaksandar Łukašenka spoke. Politics & SocietyŁukašenka promised; MinskMahiloŭ"
    start = text.index("SocietyŁukašenka") + len("Society")
    assert spans(find_mentions(text)) == [
        (0, 20, "Alaksandar Łukašenka", ALEXANDER),
        (start, start + 9, "Łukašenka", ALEXANDER),
        (text.index("Mahiloŭ"), len(text), "Mahiloŭ", "place:mahiliou"),
    ]


# --- multi-word names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Biełaruski Hajun reported", [("Biełaruski Hajun", "org:bielaruski-hajun")]),
    ("Hajun reported", [("Hajun", "org:bielaruski-hajun")]),
    ("data of Biełaruskaha Hajuna", [("Biełaruskaha Hajuna", "org:bielaruski-hajun")]),
    ("Minskaja vobłasć and Minsk", [("Minskaja vobłasć", "place:minskaja-voblasc"), ("Minsk", "place:minsk")]),
    ("Ivan Tertel met Viktar Chrenin", [("Ivan Tertel", "person:ivan-tertel"),
                                        ("Viktar Chrenin", "person:viktar-chrenin")]),
])
def test_multi_word_name_wins_over_its_parts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Alaksandar, Łukašenka", []),  # a given name, then a surname with no full mention
    ("Biełaruski. Hajun", [("Hajun", "org:bielaruski-hajun")]),
    ("Minskaja, vobłasć", [("Minskaja", "place:minsk")]),
    ("Магілёўскай вобласці", [("Магілёўскай вобласці", "place:mahiliouskaja-voblasc")]),
])
def test_a_name_does_not_run_across_punctuation(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Мінская\nвобласць", [("Мінская\nвобласць", "place:minskaja-voblasc")]),  # a wrapped line
    ("Мінская\n\nвобласць", [("Мінская", "place:minsk")]),
    ("Мінская\r\n\r\nвобласць", [("Мінская", "place:minsk")]),
])
def test_a_name_does_not_run_across_a_blank_line(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Барысаў", [("Барысаў", "place:barysau")]),
    ("у Барысаве", [("Барысаве", "place:barysau")]),
    ("Барыса", []),  # of Barys (a given name), not Barysaŭ
])
def test_only_a_nominative_ending_is_cut_from_a_name(text, expected):
    assert found(text) == expected


def test_full_name_is_one_mention_not_a_given_name_and_a_surname():
    mentions = find_mentions("Аляксандр Лукашэнка")
    assert spans(mentions) == [(0, 19, "Аляксандр Лукашэнка", ALEXANDER)]


def test_given_name_alone_is_no_mention():
    assert found("Alaksandar and Viktar came; Аляксандр прыехаў") == []


# --- surnames alone: three Lukashenkas -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Łukašenka spoke on Tuesday.",
    "Лукашэнку паказалі па тэлевізары.",
    "Лукашенко выступил.",
    "Politics & SocietyŁukašenka promised new tractors.",
    "Łukašenka’s motorcade",
])
def test_surname_alone_with_no_full_mention_is_left_out(text):
    """Three persons in the gazetteer are called Łukašenka: none is guessed."""
    assert found(text) == []


@pytest.mark.parametrize(("full", "person"), [
    ("Alaksandar Łukašenka", ALEXANDER),
    ("Viktar Łukašenka", VIKTAR),
    ("Dzmitryj Łukašenka", DZMITRYJ),
    ("Аляксандр Лукашэнка", ALEXANDER),
    ("Виктор Лукашенко", VIKTAR),
    ("Dmitry Lukashenko", DZMITRYJ),
])
def test_surname_alone_after_a_full_mention_is_that_person(full, person):
    text = f"{full} arrived. Later Łukašenka spoke, and Лукашэнку applauded Лукашенко."
    assert found(text) == [(full, person), ("Łukašenka", person), ("Лукашэнку", person), ("Лукашенко", person)]


def test_surname_alone_is_the_person_named_in_full_most_recently():
    text = "Alaksandar Łukašenka met Viktar Łukašenka; then Łukašenka left."
    assert found(text) == [("Alaksandar Łukašenka", ALEXANDER), ("Viktar Łukašenka", VIKTAR),
                           ("Łukašenka", VIKTAR)]


def test_surname_before_the_full_mention_is_left_out():
    text = "Łukašenka spoke. Then Alaksandar Łukašenka left."
    assert found(text) == [("Alaksandar Łukašenka", ALEXANDER)]


def test_only_person_with_a_surname_needs_no_full_mention():
    assert found("Tertel and Chrenin spoke") == [("Tertel", "person:ivan-tertel"),
                                                 ("Chrenin", "person:viktar-chrenin")]


def test_find_mentions_remembers_nothing_between_calls():
    assert found("Alaksandar Łukašenka spoke.") == [("Alaksandar Łukašenka", ALEXANDER)]
    assert found("Łukašenka left.") == []


def test_mention_finder_carries_full_mentions_across_lines_in_a_shared_dict():
    finder = MentionFinder(Index.default())
    memory: dict[str, str] = {}
    assert [(m.surface, m.id) for m in finder.find("Viktar Łukašenka spoke.", memory)] == [
        ("Viktar Łukašenka", VIKTAR)]
    assert [(m.surface, m.id) for m in finder.find("Łukašenka left.", memory)] == [("Łukašenka", VIKTAR)]
    assert finder.find("Łukašenka left.", {}) == []


# --- a user's index --------------------------------------------------------------------------------------


def test_user_index_replaces_the_gazetteer():
    index = Index()
    index.add("co:acme", "Акмэ Плюс", "org")
    index.add("p:ivanou", "Іван Іваноў", "person")
    text = "Іван Іваноў прыйшоў у «Акмэ Плюс» у Мінску; Іваноў сышоў."
    assert spans(find_mentions(text, index)) == expected_spans(text, [
        ("Іван Іваноў", "p:ivanou"), ("Акмэ Плюс", "co:acme"), ("Іваноў", "p:ivanou")])


# --- display_form ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("entity_id", "style", "expected"), [
    (ALEXANDER, "en", "Alexander Lukashenko"),
    (ALEXANDER, "be-lacinka", "Alaksandr Łukašenka"),
    (ALEXANDER, "be", "Аляксандр Рыгоравіч Лукашэнка"),
    (ALEXANDER, "ru", "Александр Григорьевич Лукашенко"),
    ("place:mahiliou", "en", "Mogilev"),
    ("place:mahiliou", "be-lacinka", "Mahiloŭ"),
    ("place:mahiliou", "ru", "Могилёв"),
    ("place:homiel", "en", "Gomel"),
    ("org:maz", "en", "Minsk Automobile Plant"),
    ("org:maz", "be-lacinka", "Minski aŭtamabilny zavod"),
    ("org:bielsyna", "en", "Belshina"),
    ("org:svt", "be-lacinka", "SVT"),  # no Łacinka form filed: the be form converted
    ("org:svt", "ru", "СВТ"),  # no Russian form filed: the be form
    ("person:kacalapau", "ru", "Кацалапаў"),
])
def test_display_form(entity_id, style, expected):
    assert display_form(entity_id, style) == expected


def test_display_form_of_a_user_id_is_its_first_name():
    index = Index()
    index.add("p:statkievic", "Мікалай Статкевіч", "person")
    index.add("p:statkievic", "Nikolai Statkevich", "person")
    assert display_form("p:statkievic", "be", index) == "Мікалай Статкевіч"
    assert display_form("p:statkievic", "ru", index) == "Мікалай Статкевіч"
    assert display_form("p:statkievic", "be-lacinka", index) == "Mikałaj Statkievič"
    assert display_form("p:statkievic", "en", index) == "Mikalay Statkyevich"


def test_display_form_of_an_unknown_id_is_none():
    assert display_form("place:atlantis", "en") is None
    assert display_form("p:nobody", "be", Index()) is None


def test_display_form_refuses_an_unknown_style():
    with pytest.raises(TranslitError, match="unknown display style 'de'"):
        display_form("place:minsk", "de")


# --- rewrite ---------------------------------------------------------------------------------------------


def english(mention: Mention) -> str:
    return display_form(mention.id, "en") or mention.surface


def lacinka(mention: Mention) -> str:
    return display_form(mention.id, "be-lacinka") or mention.surface


def test_rewrite_english_paragraph_in_english_display():
    assert rewrite(EN, find_mentions(EN), english) == (
        "Alexander Lukashenko toured the Integral and Planar plants on Tuesday. "
        "Alexander Lukashenko’s motorcade then drove to Belshina, where Minsk Automobile Plant trucks and an "
        "SVT crew were waiting; a maz toy and a MAZDA sedan stood by the gate.\n"
        "Belarusian Hajun said the convoy had come from Mogilev through Gomel, "
        "but workers in Mogilev were told nothing. Politics & SocietyAlexander Lukashenko promised new tractors."
    )


def test_rewrite_russian_paragraph_in_lacinka_display():
    """Replace mode writes the display form (nominative) whatever case the text used."""
    assert rewrite(RU, find_mentions(RU), lacinka) == (
        "Alaksandr Łukašenka во вторник посетил заводы «Intehrał» и «Płanar». "
        "Затем кортеж Alaksandr Łukašenka отправился на «Biełšyna», где ждали грузовики "
        "Minski aŭtamabilny zavod и съёмочная группа SVT; у ворот стояли игрушка «маз» и седан «MAZDA».\n"
        "«Biełaruski Hajun» сообщил, что колонна шла из Mahiloŭ через Homiel, "
        "но рабочим в Mahiloŭ ничего не сказали. Журналисты спрашивали про Alaksandr Łukašenka."
    )


def test_rewrite_annotate():
    text = "In Mahilova, MAZ (not maz) met Hajun."
    assert rewrite(text, find_mentions(text), lambda m: f"{m.surface}[[{m.id}]]") == (
        "In Mahilova[[place:mahiliou]], MAZ[[org:maz]] (not maz) met Hajun[[org:bielaruski-hajun]]."
    )


def test_rewrite_passes_only_the_text_between_mentions_through_between():
    text = "from Mahiloŭ to Homiel."
    assert rewrite(text, find_mentions(text), lambda m: m.id, str.upper) == "FROM place:mahiliou TO place:homiel."


@pytest.mark.parametrize("text", [
    "", "no names here at all.\n", "Усё ціха, нікога няма.", "maz, svt and mazda", "\r\n\t  😀 ",
])
def test_rewrite_without_mentions_is_the_text(text):
    mentions = find_mentions(text)
    assert mentions == []
    assert rewrite(text, mentions, english) == text
    assert rewrite(text, mentions, english, str.upper) == text.upper()


def test_rewrite_with_the_surfaces_gives_the_text_back():
    for _, text, _ in PARAGRAPHS:
        assert rewrite(text, find_mentions(text), lambda m: m.surface) == text
