"""The ``translit`` command line, driven through click's CliRunner (and uconv / a real pipe where noted).

Expected values come from the standards' reference pairs (``tests/data/*.tsv``, copied from the
project's reference dossier) and from the issue's list of example names, never from translit's own
output. CliRunner keeps stderr apart from stdout (click >= 8.2); ``result.stdout`` turns CRLF into LF,
so byte-exact checks use ``result.stdout_bytes``.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_helpers import assert_ok, assert_one_line_error, invoke
from example_names import LACINKA_NAMES
from reference import ref

import translit

ROOT = Path(__file__).resolve().parent.parent
SCHEME_IDS = ("be-bgn-pcgn-1979", "be-lacinka", "be-national-2007")


def bgn(source: str) -> str:
    return ref("bgn_pcgn_be_interscript.tsv", "be-bgn-pcgn-1979", source)


def national(source: str) -> str:
    return ref("national_2007_interscript.tsv", "be-national-2007", source)


# --- convert: stdin to stdout -----------------------------------------------------------------------


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
@pytest.mark.parametrize(("cyrillic", "latin"), LACINKA_NAMES)
def test_convert_stdin_to_stdout(cyrillic: str, latin: str, as_bytes: bool) -> None:
    text = cyrillic + "\n"
    result = invoke("convert", "-s", "be-lacinka", input=text.encode("utf-8") if as_bytes else text)
    assert_ok(result)
    assert result.stdout_bytes == (latin + "\n").encode("utf-8")


def test_convert_whole_line_of_issue_names() -> None:
    source = " ".join(c for c, _ in LACINKA_NAMES) + "\n"
    result = invoke("convert", "-s", "be-lacinka", input=source)
    assert_ok(result)
    assert result.stdout == " ".join(latin for _, latin in LACINKA_NAMES) + "\n"


@pytest.mark.parametrize(
    "endings",
    [
        pytest.param(["\n", "\n", "\n", "\n", "\n"], id="lf"),
        pytest.param(["\r\n", "\r\n", "\r\n", "\r\n", "\r\n"], id="crlf"),
        pytest.param(["\r\n", "\n", "\r\n", "\n", ""], id="mixed-no-final-newline"),
        pytest.param(["\n", "\n", "\n", "\n", ""], id="lf-no-final-newline"),
        pytest.param(["\r\n", "\r\n", "\r\n", "\r\n", ""], id="crlf-no-final-newline"),
    ],
)
@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_multiline_keeps_line_endings_byte_identical(endings: list[str], as_bytes: bool) -> None:
    lines = [
        ("Лукашэнка", "Łukašenka"),
        ("Plain ASCII line, no Cyrillic: 42 + 1 = 43", "Plain ASCII line, no Cyrillic: 42 + 1 = 43"),
        ("", ""),
        ("naïve café — “quoted” ☃ Zürich", "naïve café — “quoted” ☃ Zürich"),
        ("Беларускі Гаюн", "Biełaruski Hajun"),
    ]
    source = "".join(c + end for (c, _), end in zip(lines, endings, strict=True))
    expected = "".join(latin + end for (_, latin), end in zip(lines, endings, strict=True))
    result = invoke("convert", "-s", "be-lacinka", input=source.encode("utf-8") if as_bytes else source)
    assert_ok(result)
    assert result.stdout_bytes == expected.encode("utf-8")


@pytest.mark.parametrize("scheme", SCHEME_IDS)
@pytest.mark.parametrize(
    "line",
    [
        "Hello, world! 1, 2, 3.\n",
        "naïve café — “quoted” ‘single’ don’t ☃ Zürich Łódź\r\n",
        "\t  trailing spaces and tabs  \t\n",
        "Ελληνικά 日本語 עברית\n",
        "no final newline",
    ],
)
def test_lines_without_cyrillic_are_unchanged(scheme: str, line: str) -> None:
    result = invoke("convert", "-s", scheme, input=line.encode("utf-8"))
    assert_ok(result)
    assert result.stdout_bytes == line.encode("utf-8")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("co\u00adoperation\n", id="soft-hyphen"),
        pytest.param("zero\u200bwidth\n", id="zero-width-space"),
        pytest.param("cafe\u0301\n", id="decomposed-e-acute"),
    ],
)
def test_lines_without_cyrillic_are_unchanged_even_with_invisible_or_decomposed_characters(line: str) -> None:
    result = invoke("convert", "-s", "be-lacinka", input=line.encode("utf-8"))
    assert_ok(result)
    assert result.stdout_bytes == line.encode("utf-8")


def test_empty_input_gives_empty_output() -> None:
    result = invoke("convert", "-s", "be-lacinka", input=b"")
    assert_ok(result)
    assert result.stdout_bytes == b""


# --- convert: files, -, -o ---------------------------------------------------------------------------


def test_convert_one_file(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes("Гомель\nМагілёў\n".encode())
    result = invoke("convert", "-s", "be-national-2007", str(source))
    assert_ok(result)
    assert result.stdout_bytes == f"{national('Гомель')}\n{national('Магілёў')}\n".encode()


def test_convert_several_files_and_stdin_in_the_order_given(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    last = tmp_path / "last.txt"
    first.write_bytes("Гомель\n".encode())
    last.write_bytes("Магілёў\n".encode())
    result = invoke("convert", "-s", "be-national-2007", str(first), "-", str(last), input="Любань\n")
    assert_ok(result)
    expected = f"{national('Гомель')}\n{national('Любань')}\n{national('Магілёў')}\n"
    assert result.stdout_bytes == expected.encode()

    result = invoke("convert", "-s", "be-national-2007", str(last), str(first), "-", input="Любань\n")
    assert_ok(result)
    expected = f"{national('Магілёў')}\n{national('Гомель')}\n{national('Любань')}\n"
    assert result.stdout_bytes == expected.encode()


def test_output_option_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = invoke("convert", "-s", "be-bgn-pcgn-1979", "-o", str(out), input="Гомель\r\nМагілёў")
    assert_ok(result)
    assert result.stdout_bytes == b""
    assert out.read_bytes() == f"{bgn('Гомель')}\r\n{bgn('Магілёў')}".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_output_option_may_name_the_input_file(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes("Лукашэнка\n".encode())
    result = invoke("convert", "-s", "be-lacinka", str(path), "-o", str(path))
    assert_ok(result)
    assert path.read_bytes() == "Łukašenka\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names.txt"]


BAD_UTF8 = "Гомель\nМагілёў\n".encode() + b"ab\xffcd\n" + "Любань\n".encode()  # \xff on line 3


@pytest.mark.parametrize("from_stdin", [False, True], ids=["file", "stdin"])
@pytest.mark.parametrize("pre_existing", [False, True], ids=["new-out", "existing-out"])
def test_output_option_on_failure_leaves_no_file_and_no_temp_file(
    tmp_path: Path, from_stdin: bool, pre_existing: bool
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "result.txt"
    old = b"precious old content\n"
    if pre_existing:
        out.write_bytes(old)
    if from_stdin:
        result = invoke("convert", "-s", "be-national-2007", "-o", str(out), input=BAD_UTF8)
    else:
        source = tmp_path / "bad.txt"
        source.write_bytes(BAD_UTF8)
        result = invoke("convert", "-s", "be-national-2007", "-o", str(out), str(source))
    message = assert_one_line_error(result)
    assert re.search(r"\bline 3\b", message), message
    if pre_existing:
        assert out.read_bytes() == old
        assert sorted(p.name for p in out_dir.iterdir()) == ["result.txt"]
    else:
        assert not out.exists()
        assert list(out_dir.iterdir()) == []
    assert not list(out_dir.glob(".translit-*.tmp"))


def test_output_option_on_uncovered_letter_failure_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = invoke("convert", "-s", "be-lacinka", "--errors", "strict", "-o", str(out), input="Гомель\nЇжак\n")
    assert_one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_output_into_missing_directory_is_a_one_line_error(tmp_path: Path) -> None:
    out = tmp_path / "no-such-dir" / "out.txt"
    result = invoke("convert", "-s", "be-lacinka", "-o", str(out), input="Лукашэнка\n")
    assert result.exit_code == 2, (result.exit_code, result.exception)
    assert "no-such-dir" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_input_file_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("convert", "-s", "be-lacinka", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr
    assert result.stdout == ""


# --- convert: direction and options ---------------------------------------------------------------------


@pytest.mark.parametrize(("cyrillic", "latin"), LACINKA_NAMES)
def test_reverse_lacinka(cyrillic: str, latin: str) -> None:
    result = invoke("convert", "-s", "be-lacinka", "--reverse", input=latin + "\n")
    assert_ok(result)
    assert result.stdout == cyrillic + "\n"


@pytest.mark.parametrize("cyrillic", ["Гомель", "Магілёў", "Любань", "Віцебск", "Шаркаўшчына"])
def test_reverse_national_2007(cyrillic: str) -> None:
    result = invoke("convert", "-s", "be-national-2007", "--reverse", input=national(cyrillic) + "\n")
    assert_ok(result)
    assert result.stdout == cyrillic + "\n"


def test_forward_national_and_bgn() -> None:
    result = invoke("convert", "-s", "be-national-2007", input="Гомель Магілёў\n")
    assert_ok(result)
    assert result.stdout == "Homieĺ Mahilioŭ\n"
    assert result.stdout == f"{national('Гомель')} {national('Магілёў')}\n"
    result = invoke("convert", "-s", "be-bgn-pcgn-1979", input="Гомель Магілёў\n")
    assert_ok(result)
    assert result.stdout == "Homyel’ Mahilyow\n"
    assert result.stdout == f"{bgn('Гомель')} {bgn('Магілёў')}\n"


def test_reverse_of_forward_only_scheme_is_an_error() -> None:
    result = invoke("convert", "-s", "be-bgn-pcgn-1979", "--reverse", input="Homyel’\n")
    message = assert_one_line_error(result)
    assert "be-bgn-pcgn-1979" in message
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["-s", "be-lacinka", "--softness"], id="flag"),
        pytest.param(["-s", "be-lacinka+softness"], id="suffix"),
        pytest.param(["-s", "be-lacinka", "--option", "softness=on"], id="option"),
    ],
)
def test_softness(args: list[str]) -> None:
    # lacinka_examples.tsv, lacinka-czech+softness: снег смех поспех ... → śnieh śmiech pośpiech ...
    source = "снег смех поспех святы Валянцін жаданні пустазелле"
    expected = ref("lacinka_examples.tsv", "lacinka-czech+softness", source)
    assert invoke("convert", *args, input="снег\n").stdout == "śnieh\n"
    result = invoke("convert", *args, input=source + "\n")
    assert_ok(result)
    assert result.stdout == expected + "\n"


def test_softness_is_off_by_default() -> None:
    source = "снег смех поспех святы Валянцін жаданні пустазелле"
    result = invoke("convert", "-s", "be-lacinka", input=source + "\n")
    assert_ok(result)
    assert result.stdout == ref("lacinka_examples.tsv", "lacinka-czech", source) + "\n"
    assert result.stdout.startswith("snieh ")


def test_bgn_interpunct_default_and_off() -> None:
    assert bgn("Гезгалы") == "Hyez·haly"
    result = invoke("convert", "-s", "be-bgn-pcgn-1979", input="Гезгалы\n")
    assert_ok(result)
    assert result.stdout == "Hyez·haly\n"
    for args in (["--option", "interpunct=off"], ["-s", "be-bgn-pcgn-1979+interpunct=off"]):
        full = ["-s", "be-bgn-pcgn-1979", *args] if args[0] == "--option" else args
        result = invoke("convert", *full, input="Гезгалы\n")
        assert_ok(result)
        assert result.stdout == "Hyezhaly\n"


def test_option_without_value_is_a_one_line_error() -> None:
    assert_one_line_error(invoke("convert", "-s", "be-lacinka", "--option", "softness", input="снег\n"))


def test_unknown_option_is_a_one_line_error() -> None:
    message = assert_one_line_error(invoke("convert", "-s", "be-lacinka", "--option", "bogus=on", input="x\n"))
    assert "bogus" in message


# --- convert: encodings and undecodable input -----------------------------------------------------------


def test_encoding_cp1251() -> None:
    source = "Лукашэнка\nМагілёў\n".encode("cp1251")
    result = invoke("convert", "-s", "be-lacinka", "--encoding", "cp1251", input=source)
    assert_ok(result)
    expected = f"Łukašenka\n{ref('lacinka_examples.tsv', 'lacinka', 'Магілёў')}\n"
    assert result.stdout_bytes == expected.encode("utf-8")


def test_unknown_encoding_is_a_one_line_error() -> None:
    result = invoke("convert", "-s", "be-lacinka", "--encoding", "no-such-codec", input=b"x\n")
    message = assert_one_line_error(result)
    assert "no-such-codec" in message
    assert result.stdout == ""


@pytest.mark.parametrize("codec", ["base64", "rot13"])
def test_non_text_codec_is_a_one_line_error(codec: str) -> None:
    result = invoke("convert", "-s", "be-lacinka", "--encoding", codec, input=b"0JvRg9C6\n")
    assert_one_line_error(result)


@pytest.mark.parametrize(
    ("data", "line"),
    [
        pytest.param(BAD_UTF8, 3, id="line-3"),
        pytest.param(b"\xc0\xaf first line\n", 1, id="overlong-at-start"),
        pytest.param("Гомель\r\n".encode() + b"\xed\xa0\x80 surrogate\r\n", 2, id="surrogate-crlf"),
        pytest.param("Магілёў\nЛюбань\nГомель\n".encode() + "x Гом".encode()[:-1] + b"\x00\n", 4,
                     id="truncated-sequence"),
    ],
)
def test_invalid_utf8_names_line_and_byte_offset(data: bytes, line: int) -> None:
    lines = data.splitlines(keepends=True)
    bad_line = lines[line - 1]
    # The first undecodable byte, counted from the start of the input.
    in_line = _first_bad_byte(bad_line)
    offset = sum(len(x) for x in lines[: line - 1]) + in_line
    result = invoke("convert", "-s", "be-lacinka", input=data)
    message = assert_one_line_error(result)
    assert re.search(rf"\bline {line}\b", message), message
    assert re.search(rf"\bbyte offset {offset}\b", message), (offset, message)


def _first_bad_byte(raw: bytes) -> int:
    """Offset of the first byte that starts an invalid UTF-8 sequence, decoded by hand (RFC 3629)."""
    i = 0
    while i < len(raw):
        lead = raw[i]
        if lead < 0x80:
            i += 1
            continue
        if 0xC2 <= lead <= 0xDF:
            size, low, high = 2, 0x80, 0xBF
        elif 0xE0 <= lead <= 0xEF:
            size = 3
            low, high = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F)}.get(lead, (0x80, 0xBF))
        elif 0xF0 <= lead <= 0xF4:
            size = 4
            low, high = {0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}.get(lead, (0x80, 0xBF))
        else:
            return i
        tail = raw[i + 1 : i + size]
        if len(tail) < size - 1 or not low <= tail[0] <= high or not all(0x80 <= b <= 0xBF for b in tail[1:]):
            return i
        i += size
    raise AssertionError(f"{raw!r} is valid UTF-8")


TRUNCATED_AT_END = "Гомель\n".encode() + "Г".encode()[:1]  # line 2 is the first byte of a 2-byte Г


def test_input_ending_inside_a_character_is_a_one_line_error() -> None:
    assert_one_line_error(invoke("convert", "-s", "be-lacinka", input=TRUNCATED_AT_END))


def test_input_ending_inside_a_character_names_line_and_byte_offset() -> None:
    message = assert_one_line_error(invoke("convert", "-s", "be-lacinka", input=TRUNCATED_AT_END))
    offset = len(TRUNCATED_AT_END) - 1  # the lone lead byte \xd0
    assert re.search(r"\bline 2\b", message), message
    assert re.search(rf"\bbyte offset {offset}\b", message), (offset, message)


# --- convert: schemes and uncovered letters --------------------------------------------------------------


def test_unknown_scheme_suggests_the_nearest() -> None:
    result = invoke("convert", "-s", "be-lacinca", input="Лукашэнка\n")
    message = assert_one_line_error(result)
    assert "be-lacinca" in message
    assert "be-lacinka" in message
    assert result.stdout == ""


def test_export_icu_unknown_scheme_suggests_the_nearest() -> None:
    message = assert_one_line_error(invoke("export-icu", "be-lacinca"))
    assert "be-lacinka" in message


@pytest.mark.parametrize("alias", ["lacinka", "LACINKA", "łacinka", "be-latn"])
def test_scheme_aliases(alias: str) -> None:
    result = invoke("convert", "-s", alias, input="Лукашэнка\n")
    assert_ok(result)
    assert result.stdout == "Łukašenka\n"


def test_errors_strict_names_line_and_offset() -> None:
    bad = "ад її"  # Ukrainian ї is not a letter of Belarusian
    result = invoke("convert", "-s", "be-lacinka", "--errors", "strict", input=f"Гомель\n{bad}\n")
    message = assert_one_line_error(result)
    assert re.search(r"\bline 2\b", message), message
    assert re.search(rf"\boffset {bad.index('ї')}\b", message), message
    assert "ї" in message or "U+0457" in message


def test_errors_preserve_is_the_default() -> None:
    result = invoke("convert", "-s", "be-lacinka", input="ад її\n")
    assert_ok(result)
    assert result.stdout == "ad її\n"


def test_errors_replace_with_replacement() -> None:
    result = invoke("convert", "-s", "be-lacinka", "--errors", "replace", "--replacement", "_",
                    input="ад її\nЛукашэнка\n")
    assert_ok(result)
    assert result.stdout == "ad __\nŁukašenka\n"


# --- schemes, export-icu, demo, --version ----------------------------------------------------------------


def test_schemes_lists_ids_and_reversibility() -> None:
    result = invoke("schemes")
    assert_ok(result)
    rows = [re.split(r"\s{2,}", line.strip()) for line in result.stdout.splitlines() if line.strip()]
    header, body = rows[0], rows[1:]
    column = header.index("REVERSIBLE")
    reversible = {row[0]: row[column] for row in body}
    assert sorted(reversible) == sorted(info.id for info in translit.schemes())
    assert {scheme: reversible[scheme] for scheme in SCHEME_IDS} == {
        "be-bgn-pcgn-1979": "no", "be-lacinka": "yes", "be-national-2007": "yes",
    }


def _icu_rules(*args: str) -> str:
    result = invoke("export-icu", *args)
    assert_ok(result)
    return result.stdout


@pytest.mark.parametrize(
    ("args", "source", "expected"),
    [
        pytest.param(["be-lacinka"], "Лукашэнка", "Łukašenka", id="lacinka"),
        pytest.param(["be-lacinka", "--reverse"], "Łukašenka", "Лукашэнка", id="lacinka-reverse"),
        pytest.param(["be-national-2007"], "Магілёў", "Mahilioŭ", id="national"),
        pytest.param(["be-bgn-pcgn-1979"], "Гомель", "Homyel’", id="bgn"),
    ],
)
def test_export_icu_rules_are_accepted_by_icu(args: list[str], source: str, expected: str) -> None:
    import icu

    rules = _icu_rules(*args)
    transliterator = icu.Transliterator.createFromRules("x", rules, icu.UTransDirection.FORWARD)
    assert transliterator.transliterate(source) == expected


@pytest.mark.parametrize(("cyrillic", "latin"), LACINKA_NAMES)
def test_export_icu_lacinka_rules_convert_the_issue_names(cyrillic: str, latin: str) -> None:
    import icu

    forward = icu.Transliterator.createFromRules("f", _icu_rules("be-lacinka"), icu.UTransDirection.FORWARD)
    reverse = icu.Transliterator.createFromRules(
        "r", _icu_rules("be-lacinka", "--reverse"), icu.UTransDirection.FORWARD
    )
    assert forward.transliterate(cyrillic) == latin
    assert reverse.transliterate(latin) == cyrillic


@pytest.mark.skipif(shutil.which("uconv") is None, reason="uconv (ICU command line tools) not on PATH")
@pytest.mark.parametrize(
    ("args", "source", "expected"),
    [
        pytest.param(["be-lacinka"], "Лукашэнка\nБеларускі Гаюн\n", "Łukašenka\nBiełaruski Hajun\n", id="forward"),
        pytest.param(["be-lacinka", "--reverse"], "Łukašenka\n", "Лукашэнка\n", id="reverse"),
    ],
)
def test_export_icu_rules_work_with_uconv(args: list[str], source: str, expected: str) -> None:
    rules = _icu_rules(*args)
    done = subprocess.run(
        [shutil.which("uconv"), "-f", "utf-8", "-t", "utf-8", "-x", rules],
        input=source.encode("utf-8"), capture_output=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode("utf-8") == expected


def test_export_icu_reverse_of_forward_only_scheme_is_an_error() -> None:
    message = assert_one_line_error(invoke("export-icu", "be-bgn-pcgn-1979", "--reverse"))
    assert "be-bgn-pcgn-1979" in message


def test_demo() -> None:
    result = invoke("demo")
    assert_ok(result)
    for expected in ("Łukašenka", "Biełšyna", "Biełaruski Hajun", "Kacałapaŭ",
                     national("Гомель"), national("Магілёў"), bgn("Гомель"), bgn("Магілёў")):
        assert expected in result.stdout, expected


def test_version() -> None:
    result = invoke("--version")
    assert_ok(result)
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    assert translit.__version__ == version
    assert version in result.stdout
    assert "translit" in result.stdout


# --- streaming ------------------------------------------------------------------------------------------


class _GeneratedInput(io.RawIOBase):
    """A binary stream whose bytes come from a generator, so the whole input never exists at once."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._pending = b""
        self.chunks_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
            self.chunks_read += 1
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


LINE_COUNT = 50_000
STREAM_LINES = [("Лукашэнка", "Łukašenka"), ("Беларускі Гаюн", "Biełaruski Hajun"), ("", ""),
                ("plain text 123", "plain text 123"), ("Сустрэча Кацалапаў", "Sustreča Kacałapaŭ")]


def _numbered_lines(count: int) -> Iterator[bytes]:
    for number in range(count):
        cyrillic, _ = STREAM_LINES[number % len(STREAM_LINES)]
        yield f"{cyrillic} {number}\n".encode()


def test_streaming_large_generated_input_keeps_line_count() -> None:
    generated = _GeneratedInput(_numbered_lines(LINE_COUNT))
    result = invoke("convert", "-s", "be-lacinka", input=io.BufferedReader(generated, buffer_size=4096))
    assert_ok(result)
    out = result.stdout_bytes.decode("utf-8").split("\n")
    assert out[-1] == ""
    out = out[:-1]
    assert len(out) == LINE_COUNT
    assert generated.chunks_read == LINE_COUNT
    for number in (0, 1, 2, 3, 4, 12_345, LINE_COUNT - 1):
        _, latin = STREAM_LINES[number % len(STREAM_LINES)]
        assert out[number] == f"{latin} {number}"


def test_streaming_output_starts_before_input_ends() -> None:
    """Through a real pipe: converted lines come out while stdin is still open."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-m", "translit.cli", "convert", "-s", "be-lacinka"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    got_output = threading.Event()
    stdin_closed = threading.Event()

    def feed() -> None:
        try:
            for line in _numbered_lines(LINE_COUNT):
                process.stdin.write(line)
            process.stdin.flush()
            got_output.wait(timeout=30)
        except BrokenPipeError:
            pass
        finally:
            stdin_closed.set()
            process.stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        first = process.stdout.readline()
        closed_before_first_output = stdin_closed.is_set()
        got_output.set()
        rest = process.stdout.read()
        process.wait(timeout=120)
    finally:
        got_output.set()
        if process.poll() is None:
            process.kill()
            process.wait()
        feeder.join(timeout=30)
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stdout.close()
    process.stderr.close()
    assert process.returncode == 0, stderr
    assert first == "Łukašenka 0\n".encode()
    assert not closed_before_first_output, "no output until stdin was closed: the input is not streamed"
    assert (first + rest).count(b"\n") == LINE_COUNT
