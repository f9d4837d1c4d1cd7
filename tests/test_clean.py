"""``translit clean`` and ``translit.clean``: name columns → id, canonical, score, scheme, status.

Files are built byte by byte in each test (BOM, CRLF, quoted newlines, invalid UTF-8, ragged rows)
and the output is checked byte for byte where the format promises it. Expected ids are the
gazetteer's (``tables/names/*.toml``); ``canonical`` is the id's display form (Belarusian by default).
The ``scheme`` column is ``identify()``'s first guess: asserted exactly for Cyrillic and Łacinka
values, where the guess is not in doubt.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from cli_helpers import assert_one_line_error, invoke, leftovers

import translit.clean as clean_module
from translit.clean import Resolver, clean_file, new_columns, resolve_many
from translit.errors import TranslitError
from translit.names import Index

LUKASHENKAS = {"person:aliaksandr-lukasenka", "person:viktar-lukasenka", "person:dzmitryj-lukasenka"}
ADDED = "name_id,name_canonical,name_score,name_scheme,name_status"


def rows_of(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


# --- CSV: every row kept, once, in order; the bytes that were there kept too -------------------------------

# BOM, CRLF, an empty cell, a quoted CRLF inside a cell, a quoted comma, invalid UTF-8, a short row,
# a blank cell. Line numbers: header 1; the quoted newline makes row 3 take lines 4 and 5.
MESSY = (
    "\ufeffid,name,note\r\n1,Магілёў,a\r\n2,,b\r\n3,\"ААТ\r\nБелшына\",c\r\n".encode()
    + "4,Маг".encode() + b"\xff" + "ілёў,d\r\n".encode()
    + "5,Гомель\r\n6,Могилёв,\"x, y\"\r\n7,   ,g\r\n".encode()
)
MESSY_OUT = (
    f"\ufeffid,name,note,{ADDED}\r\n"
    "1,Магілёў,a,place:mahiliou,Магілёў,1.0,be,matched\r\n"
    "2,,b,,,,,empty\r\n"
    '3,"ААТ\r\nБелшына",c,org:bielsyna,Белшына,1.0,be,matched\r\n'.encode()
    + "4,Маг".encode() + b"\xff" + "ілёў,d,,,,,invalid\r\n".encode()
    + ("5,Гомель,,,,,,invalid\r\n"
       '6,Могилёв,"x, y",place:mahiliou,Магілёў,1.0,ru,matched\r\n'
       "7,   ,g,,,,,empty\r\n").encode()
)


def test_messy_csv_byte_for_byte(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(MESSY)
    result = invoke("clean", str(source), "-c", "name", "-o", str(output))
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert output.read_bytes() == MESSY_OUT
    assert result.stderr == (
        f"translit: warning: {source}: line 6: not valid UTF-8; row kept, status invalid\n"
        f"translit: warning: {source}: line 7: 2 cells, the header has 3; row kept, status invalid\n"
        "translit: 7 rows: 3 matched, 0 ambiguous, 0 unmatched, 2 empty, 2 invalid\n"
    )
    assert leftovers(tmp_path) == []


def test_messy_csv_to_stdout(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(MESSY)
    result = invoke("clean", str(source), "-c", "name", "--quiet")
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert result.stdout_bytes == MESSY_OUT


def test_clean_file_same_bytes_and_summary(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(MESSY)
    warnings: list[str] = []
    progress: list[tuple[int, float]] = []
    summary = clean_file(str(source), str(output), ["name"], warn=warnings.append,
                         progress=lambda rows, fraction: progress.append((rows, fraction)))
    assert output.read_bytes() == MESSY_OUT
    assert summary.rows == 7
    assert summary.counts == {"matched": 3, "ambiguous": 0, "unmatched": 0, "empty": 2, "invalid": 2}
    assert summary.line() == "7 rows: 3 matched, 0 ambiguous, 0 unmatched, 2 empty, 2 invalid"
    assert warnings == [f"{source}: line 6: not valid UTF-8; row kept, status invalid",
                        f"{source}: line 7: 2 cells, the header has 3; row kept, status invalid"]
    assert progress[-1] == (7, 1.0)


def test_plain_lf_csv_without_bom_stays_so(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes("name\nМінск\nГомель\n".encode())
    clean_file(str(source), str(output), ["name"])
    out = output.read_bytes()
    assert not out.startswith(b"\xef\xbb\xbf") and b"\r" not in out
    assert out.decode() == (f"name,{ADDED}\nМінск,place:minsk,Мінск,1.0,be,matched\n"
                            "Гомель,place:homiel,Гомель,1.0,be,matched\n")


def test_blank_line_in_a_many_column_csv_is_kept_as_an_invalid_row(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("id,name\n1,Мінск\n\n3,Гомель\n", encoding="utf-8")
    warnings: list[str] = []
    summary = clean_file(str(source), str(output), ["name"], warn=warnings.append)
    assert output.read_text(encoding="utf-8").splitlines()[1:] == [
        "1,Мінск,place:minsk,Мінск,1.0,be,matched", ",,,,,,invalid", "3,Гомель,place:homiel,Гомель,1.0,be,matched"]
    assert warnings == [f"{source}: line 3: 0 cells, the header has 2; row kept, status invalid"]
    assert summary.rows == 3


def test_one_column_csv_written_by_pandas_with_a_missing_value(tmp_path):
    """pandas (like csv.writer) writes a lone empty cell as "": an empty cell, not an invalid row."""
    pd = pytest.importorskip("pandas")
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    pd.DataFrame({"name": ["Мінск", None, "Гомель"]}).to_csv(source, index=False)
    warnings: list[str] = []
    summary = clean_file(str(source), str(output), ["name"], warn=warnings.append)
    assert [r["name_status"] for r in rows_of(output.read_bytes())] == ["matched", "empty", "matched"]
    assert (summary.counts["empty"], summary.counts["invalid"], warnings) == (1, 0, [])


def test_long_row_keeps_every_cell(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes("id,name,note\n1,Мінск,a\n2,Гомель,b,extra,more\n3,Магілёў,c\n".encode())
    warnings: list[str] = []
    summary = clean_file(str(source), str(output), ["name"], warn=warnings.append)
    lines = output.read_bytes().decode().splitlines()
    assert len(lines) == 4
    assert lines[1].startswith("1,Мінск,a,place:minsk,")
    assert lines[2].startswith("2,Гомель,b,,,,,invalid,")  # the new columns under their header
    assert lines[2].endswith(",invalid,extra,more")  # the extra cells after them, kept
    assert lines[3].startswith("3,Магілёў,c,place:mahiliou,")
    assert warnings == [f"{source}: line 3: 5 cells, the header has 3; row kept, status invalid"]
    assert summary.counts["invalid"] == 1


def test_long_row_new_columns_stay_under_their_header(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes("id,name,note\n2,Гомель,b,extra\n".encode())
    clean_file(str(source), str(output), ["name"])
    (row,) = rows_of(output.read_bytes())
    assert (row["name_id"], row["name_status"]) == ("", "invalid")


def test_short_row_is_padded(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes("id,name,note,more\n1\n2,Мінск,a,b\n".encode())
    clean_file(str(source), str(output), ["name"])
    assert output.read_bytes().decode() == (
        f"id,name,note,more,{ADDED}\n1,,,,,,,,invalid\n2,Мінск,a,b,place:minsk,Мінск,1.0,be,matched\n")


def test_many_quoted_newlines_keep_row_count_order_and_line_numbers(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes('n,name\n1,"Мінск\n\nMinsk"\n2,"a\nb\nc"\n'.encode() + b"3,\xff\n4,\n")
    warnings: list[str] = []
    clean_file(str(source), str(output), ["name"], warn=warnings.append)
    rows = rows_of(output.read_bytes())
    assert [r["n"] for r in rows] == ["1", "2", "3", "4"]
    assert [r["name_status"] for r in rows][2:] == ["invalid", "empty"]
    assert rows[0]["name"] == "Мінск\n\nMinsk"
    assert warnings == [f"{source}: line 8: not valid UTF-8; row kept, status invalid"]


def test_order_kept_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(clean_module, "CHUNK_ROWS", 3)
    names = ["Мінск", "", "Гомель", "Магілёў", "Nobody Atall", "Мінск", "Гомель", "", "Магілёў", "Мінск", "Гомель"]
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("n,name\n" + "".join(f"{i},{name}\n" for i, name in enumerate(names)), encoding="utf-8")
    progress: list[tuple[int, float]] = []
    summary = clean_file(str(source), str(output), ["name"], progress=lambda r, f: progress.append((r, f)))
    rows = rows_of(output.read_bytes())
    ids = {"Мінск": "place:minsk", "Гомель": "place:homiel", "Магілёў": "place:mahiliou", "": "",
           "Nobody Atall": ""}
    assert [(r["n"], r["name"], r["name_id"]) for r in rows] == [(str(i), n, ids[n]) for i, n in enumerate(names)]
    assert summary.rows == len(names)
    assert [rows for rows, _ in progress] == [3, 6, 9, 11]


# --- TSV and JSON Lines -----------------------------------------------------------------------------------


def test_tsv(tmp_path):
    source, output = tmp_path / "in.tsv", tmp_path / "out.tsv"
    source.write_bytes("name\tnote\nМагілёў\tкомы, тут\n\tb\nHomiel\tc\n".encode())
    result = invoke("clean", str(source), "-c", "name", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    assert output.read_bytes().decode() == (
        "name\tnote\tname_id\tname_canonical\tname_score\tname_scheme\tname_status\n"
        "Магілёў\tкомы, тут\tplace:mahiliou\tМагілёў\t1.0\tbe\tmatched\n"
        "\tb\t\t\t\t\tempty\n"
        "Homiel\tc\tplace:homiel\tГомель\t1.0\tbe-lacinka\tmatched\n"
    )
    assert result.stderr == "translit: 3 rows: 2 matched, 0 ambiguous, 0 unmatched, 1 empty, 0 invalid\n"


JSONL_LINES = [
    '{"name": "Магілёў", "n": 1}\n'.encode(),
    b'{"name": "Ma\n',                         # not JSON
    b'{"n": 3}\r\n',                           # no name: empty, CRLF kept
    b"[1, 2]\n",                               # not an object
    b"\n",                                     # an empty line
    b'{"name": "\xff"}\n',                     # not UTF-8
    '{"name": "Гомель", "n": 7}'.encode(),     # no final newline
]


def test_jsonl_invalid_lines_written_back_unchanged(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b"".join(JSONL_LINES))
    result = invoke("clean", str(source), "-c", "name", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    lines = output.read_bytes().splitlines(keepends=True)
    assert len(lines) == len(JSONL_LINES)
    for number in (1, 3, 4, 5):
        assert lines[number] == JSONL_LINES[number]
    assert json.loads(lines[0]) == {"name": "Магілёў", "n": 1, "name_id": "place:mahiliou",
                                    "name_canonical": "Магілёў", "name_score": 1.0, "name_scheme": "be",
                                    "name_status": "matched"}
    assert lines[0].decode().startswith('{"name": "Магілёў"')  # not escaped
    assert lines[2].endswith(b"\r\n")
    assert json.loads(lines[2]) == {"n": 3, "name_id": None, "name_canonical": None, "name_score": None,
                                    "name_scheme": None, "name_status": "empty"}
    assert json.loads(lines[6])["name_id"] == "place:homiel"
    assert result.stderr.splitlines()[1:] == [
        f"translit: warning: {source}: line 4: not a JSON object; row kept, status invalid",
        f"translit: warning: {source}: line 5: an empty line; row kept, status invalid",
        f"translit: warning: {source}: line 6: not valid UTF-8; row kept, status invalid",
        "translit: 7 rows: 2 matched, 0 ambiguous, 0 unmatched, 1 empty, 4 invalid",
    ]
    assert result.stderr.splitlines()[0].startswith(f"translit: warning: {source}: line 2: not JSON (")


def test_jsonl_strict_stops_at_the_bad_line(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b"".join(JSONL_LINES))
    line = assert_one_line_error(invoke("clean", str(source), "-c", "name", "--strict", "-o", str(output)))
    assert line.startswith(f"translit: error: {source}: line 2: not JSON (")
    assert not output.exists()
    assert leftovers(tmp_path) == []


def test_jsonl_null_and_the_string_none_are_told_apart(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(b'{"name": null}\n{"name": "None"}\n')
    clean_file(str(source), str(output), ["name"])
    statuses = [json.loads(line)["name_status"] for line in output.read_bytes().splitlines()]
    assert statuses == ["empty", "unmatched"]


# --- Parquet ------------------------------------------------------------------------------------------------


def test_parquet_round_trip(tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr(clean_module, "CHUNK_ROWS", 2)  # several record batches
    source, output = tmp_path / "in.parquet", tmp_path / "out.parquet"
    table = pa.table({
        "k": pa.array([1, 2, 3, 4, 5], pa.int64()),
        "name": pa.array(["Магілёў", None, "", "Homiel", "Nobody Atall"]),
        "other": pa.array(["Могилёв", "Мінск", None, "Гомель", "   "]),
    })
    pq.write_table(table, source)
    result = invoke("clean", str(source), "-c", "name", "-c", "other", "-o", str(output))
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert result.stderr == "translit: 5 rows: 5 matched, 0 ambiguous, 1 unmatched, 4 empty, 0 invalid\n"
    out = pq.read_table(output)
    assert out.schema.names == ["k", "name", "other", *new_columns("name"), *new_columns("other")]
    for column in ("name", "other"):
        assert [out.schema.field(f).type for f in new_columns(column)] == [
            pa.string(), pa.string(), pa.float64(), pa.string(), pa.string()]
    assert out.schema.field("k").type == pa.int64()
    data = out.to_pydict()
    assert data["k"] == [1, 2, 3, 4, 5]
    assert data["name"] == ["Магілёў", None, "", "Homiel", "Nobody Atall"]
    assert data["name_id"] == ["place:mahiliou", None, None, "place:homiel", None]
    assert data["name_canonical"] == ["Магілёў", None, None, "Гомель", None]
    assert data["name_score"] == [1.0, None, None, 1.0, None]
    assert data["name_scheme"][:4] == ["be", None, None, "be-lacinka"]
    assert data["name_status"] == ["matched", "empty", "empty", "matched", "unmatched"]
    assert data["other_id"] == ["place:mahiliou", "place:minsk", None, "place:homiel", None]
    assert data["other_scheme"] == ["ru", "be", None, "be", None]
    assert data["other_status"] == ["matched", "matched", "empty", "matched", "empty"]
    assert leftovers(tmp_path) == []


def test_parquet_needs_an_output_file(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"name": ["Мінск"]}), source)
    assert assert_one_line_error(invoke("clean", str(source), "-c", "name")) == (
        "translit: error: Parquet output needs -o FILE")
    line = assert_one_line_error(invoke("clean", str(source), "-c", "nope", "-o", str(tmp_path / "o.parquet")))
    assert line == f"translit: error: {source}: no column 'nope' (columns: name)"
    assert not (tmp_path / "o.parquet").exists()
    assert leftovers(tmp_path) == []


# --- statuses and ids ---------------------------------------------------------------------------------------


def test_statuses_and_ids_of_known_names(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    names = ["Mahilyow", "OAO Belshina", "Łukašenka", "", "Nobody Atall", "Aleksandr Lukashenko", "MAZ", "СВТ",
             "Могилёв", "Biełaruski Hajun", "Viktar Lukashenka"]
    source.write_bytes(b"name\n" + b"".join(f"{n}\n".encode() if n else b'""\n' for n in names) + b"\xff\n")
    result = invoke("clean", str(source), "-c", "name", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    rows = rows_of(output.read_bytes())
    got = [(r["name_id"], r["name_canonical"], r["name_status"]) for r in rows]
    assert got[:2] + got[3:] == [
        ("place:mahiliou", "Магілёў", "matched"),
        ("org:bielsyna", "Белшына", "matched"),
        ("", "", "empty"),
        ("", "", "unmatched"),
        ("person:aliaksandr-lukasenka", "Аляксандр Рыгоравіч Лукашэнка", "matched"),
        ("org:maz", "Мінскі аўтамабільны завод", "matched"),
        ("org:svt", "СВТ", "matched"),
        ("place:mahiliou", "Магілёў", "matched"),
        ("org:bielaruski-hajun", "Беларускі Гаюн", "matched"),
        ("person:viktar-lukasenka", "Віктар Аляксандравіч Лукашэнка", "matched"),
        ("", "", "invalid"),
    ]
    lukashenka = rows[2]
    assert lukashenka["name_status"] == "ambiguous" and lukashenka["name_id"] in LUKASHENKAS
    assert 0.8 <= float(lukashenka["name_score"]) < 1.0
    assert lukashenka["name_scheme"] == "be-lacinka"
    assert [r["name_score"] for r in rows[:2]] == ["1.0", "1.0"]
    assert rows[4]["name_score"] == "" and rows[4]["name_scheme"] != ""  # unmatched still says the scheme
    assert rows[3]["name_scheme"] == "" and rows[-1]["name_scheme"] == ""


@pytest.mark.parametrize(("display", "expected"), [
    ("be", "Магілёў"), ("ru", "Могилёв"), ("be-lacinka", "Mahiloŭ"), ("en", "Mogilev")])
def test_display_chooses_the_canonical_style(tmp_path, display, expected):
    source = tmp_path / "in.csv"
    source.write_text("name\nMahilyow\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name", "--display", display, "-q")
    assert result.exit_code == 0, result.stderr
    assert rows_of(result.stdout_bytes)[0]["name_canonical"] == expected


def test_type_limits_the_ids(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("name\nMinsk\nOAO Belshina\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name", "--type", "org", "-q")
    assert [(r["name_id"], r["name_status"]) for r in rows_of(result.stdout_bytes)] == [
        ("", "unmatched"), ("org:bielsyna", "matched")]


def test_names_file_joins_the_gazetteer(tmp_path):
    names, source = tmp_path / "ours.csv", tmp_path / "in.csv"
    names.write_text("id,name,type\nco:acme,Акмэ Плюс,org\np:ivanou,Іван Іваноў,person\n", encoding="utf-8")
    source.write_text("name\nAkme Plus\nIvan Ivanou\nMinsk\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name", "--names", str(names), "-q")
    assert result.exit_code == 0, result.stderr
    assert [(r["name_id"], r["name_canonical"], r["name_status"]) for r in rows_of(result.stdout_bytes)] == [
        ("co:acme", "Акмэ Плюс", "matched"), ("p:ivanou", "Іван Іваноў", "matched"),
        ("place:minsk", "Мінск", "matched")]


def test_names_only_replaces_the_gazetteer(tmp_path):
    names, source = tmp_path / "ours.csv", tmp_path / "in.csv"
    names.write_text("id,name,type\nco:acme,Акмэ Плюс,org\np:ivanou,Іван Іваноў,person\n", encoding="utf-8")
    source.write_text("name\nAkme Plus\nIvan Ivanou\nMinsk\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name", "--names", str(names), "--names-only", "-q")
    assert result.exit_code == 0, result.stderr
    assert [(r["name_id"], r["name_canonical"], r["name_status"]) for r in rows_of(result.stdout_bytes)] == [
        ("co:acme", "Акмэ Плюс", "matched"), ("p:ivanou", "Іван Іваноў", "matched"), ("", "", "unmatched")]


def test_names_only_without_names_is_refused(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("name\nMinsk\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name", "--names-only")
    assert (result.exit_code, result.stderr) == (2, "translit: error: --names-only needs --names FILE\n")


def test_two_columns(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("a,b\nМінск,Гомель\n,Магілёў\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "a", "-c", "b")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.decode().splitlines() == [
        "a,b,a_id,a_canonical,a_score,a_scheme,a_status,b_id,b_canonical,b_score,b_scheme,b_status",
        "Мінск,Гомель,place:minsk,Мінск,1.0,be,matched,place:homiel,Гомель,1.0,be,matched",
        ",Магілёў,,,,,empty,place:mahiliou,Магілёў,1.0,be,matched",
    ]
    assert result.stderr == "translit: 2 rows: 3 matched, 0 ambiguous, 0 unmatched, 1 empty, 0 invalid\n"


# --- failures: exit 2, one line, no output file -------------------------------------------------------------


def test_strict_stops_with_the_line_number_and_writes_nothing(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(MESSY)
    line = assert_one_line_error(invoke("clean", str(source), "-c", "name", "--strict", "-o", str(output)))
    assert line == f"translit: error: {source}: line 6: not valid UTF-8"
    assert not output.exists()
    assert leftovers(tmp_path) == []


def test_strict_on_a_short_row(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("id,name\n1,Мінск\n2\n", encoding="utf-8")
    with pytest.raises(TranslitError, match=r"line 3: 1 cells, the header has 2"):
        clean_file(str(source), str(output), ["name"], strict=True)
    assert not output.exists()
    assert leftovers(tmp_path) == []


def test_missing_column_writes_no_file(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("id,name\n1,Мінск\n", encoding="utf-8")
    line = assert_one_line_error(invoke("clean", str(source), "-c", "nom", "-o", str(output)))
    assert line == f"translit: error: {source}: no column 'nom' (columns: id, name)"
    assert not output.exists()
    assert leftovers(tmp_path) == []


def test_failure_leaves_an_existing_output_alone(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_bytes(MESSY)
    output.write_bytes(b"old\n")
    assert_one_line_error(invoke("clean", str(source), "-c", "name", "--strict", "-o", str(output)))
    assert output.read_bytes() == b"old\n"
    assert leftovers(tmp_path) == []


def test_failure_in_the_middle_leaves_no_partial_file(tmp_path, monkeypatch):
    """An error after some chunks were written: the temporary file goes, no output appears."""
    monkeypatch.setattr(clean_module, "CHUNK_ROWS", 2)
    calls = []
    real = Resolver.resolve_many

    def failing(self, values):
        calls.append(1)
        if len(calls) == 3:
            raise TranslitError("disk on fire")
        return real(self, values)

    monkeypatch.setattr(Resolver, "resolve_many", failing)
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("name\n" + "Мінск\n" * 10, encoding="utf-8")
    line = assert_one_line_error(invoke("clean", str(source), "-c", "name", "-o", str(output)))
    assert line == "translit: error: disk on fire"
    assert not output.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("args", "expected"), [
    (["in.txt", "-c", "name"], "translit: error: {dir}/in.txt: cannot tell the format from the name; give "
     "--format (csv, tsv, jsonl, parquet)"),
    (["in.csv", "-c", "name", "-o", "{dir}/out.jsonl"], "translit: error: cannot write csv input as jsonl"),
    (["empty.csv", "-c", "name"], "translit: error: {dir}/empty.csv: no header line"),
])
def test_bad_requests(tmp_path, args, expected):
    (tmp_path / "in.txt").write_text("name\nМінск\n", encoding="utf-8")
    (tmp_path / "in.csv").write_text("name\nМінск\n", encoding="utf-8")
    (tmp_path / "empty.csv").write_bytes(b"")
    args = [str(tmp_path / a) if i == 0 else a.format(dir=tmp_path) for i, a in enumerate(args)]
    assert assert_one_line_error(invoke("clean", *args)) == expected.format(dir=tmp_path)
    assert not (tmp_path / "out.jsonl").exists()
    assert leftovers(tmp_path) == []


def test_format_option_overrides_the_name(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("name\tx\nМінск\t1\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name", "--format", "tsv", "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.decode().splitlines()[1] == "Мінск\t1\tplace:minsk\tМінск\t1.0\tbe\tmatched"


# --- stderr: summary, warnings, --quiet --------------------------------------------------------------------


def test_summary_on_stderr_not_stdout(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("name\nМінск\nNobody Atall\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name")
    assert result.exit_code == 0
    assert result.stderr == "translit: 2 rows: 1 matched, 0 ambiguous, 1 unmatched, 0 empty, 0 invalid\n"
    assert b"translit:" not in result.stdout_bytes


def test_quiet_silences_the_summary(tmp_path):
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("name\nМінск\n", encoding="utf-8")
    result = invoke("clean", str(source), "-c", "name", "--quiet", "-o", str(output))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert output.read_bytes().decode() == f"name,{ADDED}\nМінск,place:minsk,Мінск,1.0,be,matched\n"


def test_warnings_name_line_numbers_after_quoted_newlines(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b'id,name\n1,"a\nb\nc"\n2\n3,x,y\n4,\xff\n')
    result = invoke("clean", str(source), "-c", "name", "-o", str(tmp_path / "out.csv"))
    assert result.stderr.splitlines()[:3] == [
        f"translit: warning: {source}: line 5: 1 cells, the header has 2; row kept, status invalid",
        f"translit: warning: {source}: line 6: 3 cells, the header has 2; row kept, status invalid",
        f"translit: warning: {source}: line 7: not valid UTF-8; row kept, status invalid",
    ]


# --- resolve_many --------------------------------------------------------------------------------------------


def count_index_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = Index.resolve

    def counting(self, name, *args, **kwargs):
        calls.append(name)
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(Index, "resolve", counting)
    return calls


def test_resolve_many_resolves_each_distinct_value_once(monkeypatch):
    calls = count_index_calls(monkeypatch)
    values = ["Мінск", "Гомель", "Мінск", None, "", "Гомель", "Мінск", "Nobody Atall", None, "Nobody Atall"]
    found = Resolver(cache_size=0).resolve_many(values)  # no cache: only resolve_many's own de-duplication
    assert sorted(calls) == sorted(["Мінск", "Гомель", "Nobody Atall"])
    assert [r.id for r in found] == ["place:minsk", "place:homiel", "place:minsk", None, None, "place:homiel",
                                     "place:minsk", None, None, None]
    assert [r.status for r in found] == ["matched", "matched", "matched", "empty", "empty", "matched", "matched",
                                         "unmatched", "empty", "unmatched"]


def test_module_resolve_many_matches_the_docs():
    assert [(r.id, r.status) for r in resolve_many(["Mahilyow", "Могилёв", "", "Nobody Atall", "Mahilyow"])] == [
        ("place:mahiliou", "matched"), ("place:mahiliou", "matched"), (None, "empty"), (None, "unmatched"),
        ("place:mahiliou", "matched")]


def test_clean_file_resolves_each_distinct_value_once_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(clean_module, "CHUNK_ROWS", 4)
    source, output = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("name\n" + "Мінск\nГомель\nМагілёў\n" * 20, encoding="utf-8")
    calls = count_index_calls(monkeypatch)
    summary = clean_file(str(source), str(output), ["name"])
    assert summary.rows == 60 and summary.counts["matched"] == 60
    assert sorted(calls) == ["Гомель", "Магілёў", "Мінск"]


def test_resolver_resolves_nan_none_and_blank_as_empty():
    found = Resolver().resolve_many([None, float("nan"), "", " \t ", "Мінск"])
    assert [r.status for r in found] == ["empty", "empty", "empty", "empty", "matched"]
    assert found[0].values() == [None, None, None, None, "empty"]


def test_resolver_refuses_an_unknown_display_style_at_once():
    with pytest.raises(TranslitError, match="unknown display style"):
        Resolver(display="klingon")


@pytest.mark.parametrize("missing", [None, float("nan")], ids=["None", "NaN"])
def test_resolve_many_tells_a_missing_value_from_its_repr(missing):
    text = repr(missing)
    assert [r.status for r in resolve_many([missing, text])] == ["empty", "unmatched"]
