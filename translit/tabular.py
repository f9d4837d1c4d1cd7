"""Reading and writing data files row by row for ``translit clean``: CSV, TSV, JSON Lines, Parquet.

What each format keeps, so that no row is lost, duplicated or reordered:

- **CSV/TSV** are read as bytes decoded with ``surrogateescape``: a cell with invalid UTF-8 keeps
  its bytes (written back as they were) and its row is reported ``invalid``. A row with more or
  fewer cells than the header is ``invalid`` too: a short row is padded, a long row keeps every
  cell (the extra ones after the new columns, which stay under their header). Quoted newlines, a byte-order mark and CRLF line ends are kept as found.
- **JSON Lines**: a line that is not UTF-8, not JSON or not an object is ``invalid`` and written
  back byte for byte; other lines get the new keys.
- **Parquet** (pyarrow) is read and written in record batches.

Every reader yields ``Row``s (the line where the row starts, its cells, a problem or None); every
writer takes the cells and the new columns' values. Work is done in chunks: memory does not grow
with the file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .errors import TranslitError

FORMATS = ("csv", "tsv", "jsonl", "parquet")
_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
             ".parquet": "parquet", ".pq": "parquet"}
csv.field_size_limit(2**31 - 1)


def guess_format(path: str) -> str:
    """The format a file name says (``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``)."""
    found = _SUFFIXES.get(Path(path).suffix.lower())
    if found is None:
        raise TranslitError(f"{path}: cannot tell the format from the name; give --format ({', '.join(FORMATS)})")
    return found


@dataclass
class Row:
    """One record: where it starts, its cells (a list for CSV/TSV, a dict for JSON Lines, None for a
    line that could not be read) and what is wrong with it, if anything."""

    line: int
    cells: list[str] | dict[str, Any] | None
    problem: str | None = None
    raw: bytes = b""  # the line as read, for JSON Lines rows written back unchanged


@dataclass
class Table:
    """An open input: its columns and its rows, read lazily; ``position()`` is how far into the
    file reading has got (bytes), for progress."""

    columns: list[str]
    rows: Iterator[Row]
    size: int = 0
    position: Any = field(default=lambda: 0)
    extras: dict[str, Any] = field(default_factory=dict)  # what the writer must reproduce


def _has_bad_bytes(text: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in text)


def read_delimited(stream: BinaryIO, delimiter: str, name: str) -> Table:
    """CSV or TSV: header first; see the module docstring for invalid rows."""
    start = stream.read(3)
    bom = start == b"\xef\xbb\xbf"
    if not bom:
        stream.seek(0)
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
    first_line = text.readline()
    terminator = "\r\n" if first_line.endswith("\r\n") else "\n"
    header_rows = list(csv.reader([first_line], delimiter=delimiter))
    columns = header_rows[0] if header_rows else []
    if not columns:
        raise TranslitError(f"{name}: no header line")
    if any(_has_bad_bytes(c) for c in columns):
        raise TranslitError(f"{name}: line 1: the header is not valid UTF-8")
    reader = csv.reader(text, delimiter=delimiter)

    def rows() -> Iterator[Row]:
        line = 2
        for cells in reader:
            problem = None
            if any(_has_bad_bytes(cell) for cell in cells):
                problem = "not valid UTF-8"
            elif len(cells) != len(columns):
                problem = f"{len(cells)} cells, the header has {len(columns)}"
            yield Row(line, cells, problem)
            line = reader.line_num + 2

    return Table(columns, rows(), extras={"bom": bom, "terminator": terminator, "delimiter": delimiter})


def read_jsonl(stream: BinaryIO, name: str) -> Table:
    """JSON Lines: the columns are the keys of the first object."""
    def rows() -> Iterator[Row]:
        for number, raw in enumerate(stream, 1):
            try:
                value = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Row(number, None, "not valid UTF-8", raw)
                continue
            except ValueError as error:
                if not raw.strip():
                    yield Row(number, None, "an empty line", raw)
                else:
                    yield Row(number, None, f"not JSON ({error.args[0] if error.args else error})", raw)
                continue
            if not isinstance(value, dict):
                yield Row(number, None, "not a JSON object", raw)
                continue
            yield Row(number, value, None, raw)

    return Table([], rows())


class DelimitedWriter:
    """Writes CSV/TSV rows with the input's delimiter, line ends and byte-order mark."""

    def __init__(self, handle: BinaryIO, columns: list[str], extras: dict[str, Any]) -> None:
        self._text = io.TextIOWrapper(handle, encoding="utf-8", errors="surrogateescape", newline="")
        if extras.get("bom"):
            self._text.write("\ufeff")
        self._writer = csv.writer(self._text, delimiter=extras.get("delimiter", ","),
                                  lineterminator=extras.get("terminator", "\n"))
        self._width = len(columns)
        self._columns = columns

    def header(self, added: list[str]) -> None:
        self._writer.writerow(self._columns + added)

    def write(self, row: Row, added: list[Any]) -> None:
        cells = list(row.cells or [])
        if len(cells) < self._width:
            cells += [""] * (self._width - len(cells))
        # the new columns under their header; a long row's extra cells after them, kept
        added_cells = ["" if v is None else v for v in added]
        self._writer.writerow(cells[:self._width] + added_cells + cells[self._width:])

    def close(self) -> None:
        self._text.flush()
        self._text.detach()


class JsonlWriter:
    """Writes each object with the new keys; rows that could not be read go back byte for byte."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle

    def header(self, added: list[str]) -> None:
        self._added = added

    def write(self, row: Row, added: list[Any]) -> None:
        if not isinstance(row.cells, dict):
            self._handle.write(row.raw)
            return
        value = dict(row.cells)
        value.update(zip(self._added, added, strict=True))
        ending = b"\r\n" if row.raw.endswith(b"\r\n") else b"\n"
        self._handle.write(json.dumps(value, ensure_ascii=False).encode("utf-8") + ending)

    def close(self) -> None:
        self._handle.flush()
