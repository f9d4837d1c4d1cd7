"""``translit normalize`` driven through click's CliRunner: names in running text → ids.

Inputs are sentences written for these tests; expected ids are the gazetteer's
(``tables/names/*.toml``). ``result.stdout_bytes`` is used for byte-exact checks.
"""

from __future__ import annotations

import json

import pytest
from cli_helpers import assert_ok, assert_one_line_error, invoke, leftovers

ALEXANDER = "person:aliaksandr-lukasenka"

TWO_LINES = "Alaksandar Łukašenka visited Mahiloŭ and Homiel.\nŁukašenka’s aides toured MAZ, not a maz.\n"


# --- annotate (the default) -----------------------------------------------------------------------------


def test_annotate_is_the_default():
    result = invoke("normalize", input=TWO_LINES)
    assert_ok(result)
    assert result.stdout_bytes.decode("utf-8") == (
        f"Alaksandar Łukašenka[[{ALEXANDER}]] visited Mahiloŭ[[place:mahiliou]] and Homiel[[place:homiel]].\n"
        f"Łukašenka[[{ALEXANDER}]]’s aides toured MAZ[[org:maz]], not a maz.\n"
    )


def test_annotate_a_file_argument(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(TWO_LINES, encoding="utf-8")
    assert invoke("normalize", str(source)).stdout_bytes == invoke("normalize", input=TWO_LINES).stdout_bytes


def test_annotate_keeps_crlf_and_a_missing_final_newline():
    result = invoke("normalize", input=b"Minsk\r\nno names\r\nHomiel")
    assert_ok(result)
    assert result.stdout_bytes == b"Minsk[[place:minsk]]\r\nno names\r\nHomiel[[place:homiel]]"


def test_annotate_cyrillic_case_forms():
    result = invoke("normalize", input="Аляксандр Лукашэнка быў у Магілёве. Лукашенко видели в Могилёве.\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == (
        f"Аляксандр Лукашэнка[[{ALEXANDER}]] быў у Магілёве[[place:mahiliou]]. "
        f"Лукашенко[[{ALEXANDER}]] видели в Могилёве[[place:mahiliou]].\n"
    )


# --- surnames alone: one document's memory ---------------------------------------------------------------


def test_full_mention_on_an_earlier_line_names_the_surname():
    result = invoke("normalize", input="Viktar Łukašenka arrived.\nŁukašenka spoke.\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == (
        "Viktar Łukašenka[[person:viktar-lukasenka]] arrived.\nŁukašenka[[person:viktar-lukasenka]] spoke.\n"
    )


def test_each_file_is_its_own_document(tmp_path):
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    first.write_text("Viktar Łukašenka arrived.\n", encoding="utf-8")
    second.write_text("Łukašenka spoke.\n", encoding="utf-8")
    result = invoke("normalize", str(first), str(second))
    assert_ok(result)
    assert result.stdout_bytes.decode() == "Viktar Łukašenka[[person:viktar-lukasenka]] arrived.\nŁukašenka spoke.\n"


def test_surname_alone_with_no_full_mention_is_left_as_it_is():
    result = invoke("normalize", input="Łukašenka spoke.\nЛукашэнку паказалі.\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == "Łukašenka spoke.\nЛукашэнку паказалі.\n"


# --- replace ---------------------------------------------------------------------------------------------


def test_replace_in_english_display():
    result = invoke("normalize", "--mode", "replace", "--display", "en", input=TWO_LINES)
    assert_ok(result)
    assert result.stdout_bytes.decode() == (
        "Alexander Lukashenko visited Mogilev and Gomel.\n"
        "Alexander Lukashenko’s aides toured Minsk Automobile Plant, not a maz.\n"
    )


def test_replace_defaults_to_lacinka_display():
    result = invoke("normalize", "--mode", "replace", input="Лукашенко видели в Могилёве и в Гомеле.\n"
                    "Александр Лукашенко посетил Белшину.\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == (
        "Лукашенко видели в Mahiloŭ и в Homiel.\n"
        "Alaksandr Łukašenka посетил Biełšyna.\n"
    )


@pytest.mark.parametrize(("display", "expected"), [
    ("be", "Мінскі аўтамабільны завод і Беларускі Гаюн у Магілёў.\n"),
    ("ru", "Минский автомобильный завод і Белорусский Гаюн у Могилёв.\n"),
    ("be-lacinka", "Minski aŭtamabilny zavod і Biełaruski Hajun у Mahiloŭ.\n"),
    ("en", "Minsk Automobile Plant і Belarusian Hajun у Mogilev.\n"),
])
def test_replace_in_each_display_style(display, expected):
    result = invoke("normalize", "--mode", "replace", "--display", display, input="МАЗ і Беларускі Гаюн у Магілёве.\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == expected


# --- jsonl -----------------------------------------------------------------------------------------------


def test_jsonl_objects_with_offsets():
    result = invoke("normalize", "--format", "jsonl", input=TWO_LINES + "nothing here\r\n")
    assert_ok(result)
    records = [json.loads(line) for line in result.stdout_bytes.decode().splitlines()]
    first, second = TWO_LINES.splitlines()
    assert records == [
        {"line": 1, "text": first, "mentions": [
            {"start": 0, "end": 20, "surface": "Alaksandar Łukašenka", "id": ALEXANDER, "score": 1.0,
             "type": "person"},
            {"start": first.index("Mahiloŭ"), "end": first.index("Mahiloŭ") + 7, "surface": "Mahiloŭ",
             "id": "place:mahiliou", "score": 1.0, "type": "place"},
            {"start": first.index("Homiel"), "end": first.index("Homiel") + 6, "surface": "Homiel",
             "id": "place:homiel", "score": 1.0, "type": "place"},
        ]},
        {"line": 2, "text": second, "mentions": [
            {"start": 0, "end": 9, "surface": "Łukašenka", "id": ALEXANDER, "score": 0.8, "type": "person"},
            {"start": second.index("MAZ"), "end": second.index("MAZ") + 3, "surface": "MAZ", "id": "org:maz",
             "score": 1.0, "type": "org"},
        ]},
        {"line": 3, "text": "nothing here", "mentions": []},
    ]
    for record in records:
        for mention in record["mentions"]:
            assert record["text"][mention["start"]:mention["end"]] == mention["surface"]


def test_jsonl_writes_non_ascii_as_is():
    result = invoke("normalize", "--format", "jsonl", input="Магілёў\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == (
        '{"line": 1, "text": "Магілёў", "mentions": [{"start": 0, "end": 7, "surface": "Магілёў", '
        '"id": "place:mahiliou", "score": 1.0, "type": "place"}]}\n'
    )


# --- --to --------------------------------------------------------------------------------------------------


def test_to_lacinka_converts_the_text_between_names():
    result = invoke("normalize", "--to", "be-lacinka", input="Аляксандр Лукашэнка быў у Магілёве, дзе чакалі МАЗ.\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == (
        f"Аляксандр Лукашэнка[[{ALEXANDER}]] byŭ u Магілёве[[place:mahiliou]], dzie čakali МАЗ[[org:maz]].\n"
    )


def test_to_lacinka_with_replace_in_lacinka_display():
    result = invoke("normalize", "--mode", "replace", "--display", "be-lacinka", "--to", "be-lacinka",
                    input="Аляксандр Лукашэнка быў у Магілёве і Гомелі.\n")
    assert_ok(result)
    assert result.stdout_bytes.decode() == "Alaksandr Łukašenka byŭ u Mahiloŭ i Homiel.\n"


def test_unknown_scheme_in_to_is_one_line_and_exit_2():
    line = assert_one_line_error(invoke("normalize", "--to", "be-klingon", input="Мінск\n"))
    assert line.startswith("translit: error: unknown scheme 'be-klingon'")


# --- --names ---------------------------------------------------------------------------------------------


def test_names_file_of_our_own_ids(tmp_path):
    names = tmp_path / "ours.csv"
    names.write_text("id,name,type\nco:acme,Акмэ Плюс,org\nco:acme,Akme Plus,org\np:ivanou,Іван Іваноў,person\n",
                     encoding="utf-8")
    text = "Іван Іваноў прыйшоў у «Акмэ Плюс» у Мінску.\nAkme Plus thanked Іваноў in Minsk.\n"
    result = invoke("normalize", "--names", str(names), "--names-only", input=text)
    assert_ok(result)
    assert result.stdout_bytes.decode() == (
        "Іван Іваноў[[p:ivanou]] прыйшоў у «Акмэ Плюс[[co:acme]]» у Мінску.\n"
        "Akme Plus[[co:acme]] thanked Іваноў[[p:ivanou]] in Minsk.\n"
    )
    replaced = invoke("normalize", "--names", str(names), "--names-only", "--mode", "replace",
                      "--display", "be-lacinka", input=text)
    assert_ok(replaced)
    assert replaced.stdout_bytes.decode() == (
        "Ivan Ivanoŭ прыйшоў у «Akme Plus» у Мінску.\n"
        "Akme Plus thanked Ivan Ivanoŭ in Minsk.\n"
    )
    merged = invoke("normalize", "--names", str(names), input=text)
    assert_ok(merged)
    assert merged.stdout_bytes.decode() == (
        "Іван Іваноў[[p:ivanou]] прыйшоў у «Акмэ Плюс[[co:acme]]» у Мінску[[place:minsk]].\n"
        "Akme Plus[[co:acme]] thanked Іваноў[[p:ivanou]] in Minsk[[place:minsk]].\n"
    )


def test_names_file_that_cannot_be_read_is_one_line(tmp_path):
    names = tmp_path / "broken.csv"
    names.write_text("id,label\nx,Y\n", encoding="utf-8")
    line = assert_one_line_error(invoke("normalize", "--names", str(names), input="Мінск\n"))
    assert line == f"translit: error: {names}: no column 'name' (columns: id, label)"


# --- text that is not a name ---------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    b"",
    b"plain ascii, no names at all\n",
    "Усё ціха: нікога і нічога.\r\nНі горада, ні завода.\n".encode(),
    "tabs\tand  spaces \u00a0 and emoji 😀👍🏽 and a maz and svt\n\n\nno final newline".encode(),
    "mixed ŁACINKA ćčłńśšŭźž and кірыліца without capitals\r\n".encode(),
])
def test_text_without_names_is_byte_identical(data):
    result = invoke("normalize", input=data)
    assert_ok(result)
    assert result.stdout_bytes == data


# --- bad input ---------------------------------------------------------------------------------------------


def test_bad_utf8_on_stdin_names_line_and_byte_offset():
    line = assert_one_line_error(invoke("normalize", input=b"Minsk\nab\xffc\n"))
    assert line == "translit: error: <stdin>: line 2, byte offset 8: cannot decode b'\\xff' as utf-8"


def test_bad_utf8_in_a_file_names_the_file(tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes("Мінск\n".encode() + b"\xc3(\n")
    line = assert_one_line_error(invoke("normalize", str(source)))
    assert line == f"translit: error: {source}: line 2, byte offset 11: cannot decode b'\\xc3' as utf-8"


def test_output_file_is_written_atomically(tmp_path):
    source, output = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text("Homiel\n", encoding="utf-8")
    assert_ok(invoke("normalize", str(source), "-o", str(output)))
    assert output.read_bytes() == b"Homiel[[place:homiel]]\n"
    assert leftovers(tmp_path) == []


def test_no_output_file_after_a_failure(tmp_path):
    source, output = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"Minsk\n" * 3 + b"\xff\n")
    line = assert_one_line_error(invoke("normalize", str(source), "-o", str(output)))
    assert line == f"translit: error: {source}: line 4, byte offset 18: cannot decode b'\\xff' as utf-8"
    assert not output.exists()
    assert leftovers(tmp_path) == []


def test_existing_output_file_is_left_alone_after_a_failure(tmp_path):
    source, output = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_bytes(b"Minsk\n\xff\n")
    output.write_bytes(b"the old output\n")
    assert_one_line_error(invoke("normalize", str(source), "-o", str(output)))
    assert output.read_bytes() == b"the old output\n"
    assert leftovers(tmp_path) == []
