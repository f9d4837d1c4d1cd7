"""The data-cleaning step: name columns → id, canonical form, score, scheme and status columns.

Steps for one column value (``Resolver``):

1. Empty or blank → status ``empty``; a row that could not be read → ``invalid``.
2. ``Index.resolve()`` (the shipped gazetteer or the user's list): the best match gives ``id``,
   ``score`` and ``canonical`` (the id's display form in the chosen style, ``be`` by default);
   status ``matched``, or ``ambiguous`` when another id scored within the margin, or ``unmatched``.
3. ``scheme``: the language of Cyrillic text (``identify``); for Latin text, the scheme that writes
   the matched name's Cyrillic form as the value exactly (most used schemes first), else
   ``identify(value, quick=True)``: a guess from its letters and the schemes' priors.
4. Values repeat in real tables: results are kept in a bounded cache, and ``resolve_many``
   resolves each distinct value once.

``clean_file()`` streams a file through this in chunks (``tabular.py`` reads and writes the formats),
never dropping, duplicating or reordering a row, and writes through a temporary file renamed only
when all went well. pandas and polars helpers: ``resolve_series()``, ``resolve_expr()``.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from .detect import _evidence, identify
from .errors import TranslitError
from .names import Index
from .names.index import Match
from .names.parse import name_words
from .names.variants import languages_of
from .output_file import replaced_atomically
from .schemes import convert, schemes
from .tabular import DelimitedWriter, JsonlWriter, Row, guess_format, read_delimited, read_jsonl
from .text import display_form

_CYRILLIC = regex.compile(r"\p{sc=Cyrl}")
STATUSES = ("matched", "ambiguous", "unmatched", "empty", "invalid")
SUFFIXES = ("id", "canonical", "score", "scheme", "status")
CHUNK_ROWS = 5000


@dataclass(frozen=True)
class Resolution:
    """What one value resolved to (the new columns of one cell)."""

    id: str | None
    canonical: str | None
    score: float | None
    scheme: str | None
    status: str

    def values(self) -> list[Any]:
        """The five new cells, in column order: id, canonical, score, scheme, status."""
        return [self.id, self.canonical, self.score, self.scheme, self.status]


EMPTY = Resolution(None, None, None, None, "empty")
INVALID = Resolution(None, None, None, None, "invalid")


class Resolver:
    """Resolves values against one index with a bounded cache; safe to share between threads."""

    def __init__(self, index: Index | None = None, *, type: str | None = None, display: str = "be",
                 cache_size: int = 200_000) -> None:
        self.index = index if index is not None else Index.default()
        self.type = type
        self.display = display
        display_form("place:minsk", display)  # checks the style now, not on the first match
        self._cache: OrderedDict[str, Resolution] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def resolve(self, value: Any) -> Resolution:
        """The ``Resolution`` of one cell value (a missing value is ``empty``)."""
        if _missing(value):
            return EMPTY
        text = value if isinstance(value, str) else str(value)
        if not text.strip():
            return EMPTY
        with self._lock:
            found = self._cache.get(text)
            if found is not None:
                self._cache.move_to_end(text)
                return found
        found = self._resolve(text)
        with self._lock:
            self._cache[text] = found
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return found

    def _resolve(self, text: str) -> Resolution:
        matches = self.index.resolve(text, type=self.type, limit=2)
        if not matches:
            return Resolution(None, None, None, self._guess_scheme(text), "unmatched")
        best = matches[0]
        canonical = display_form(best.id, self.display, self.index) or best.name
        scheme = self._written_by(text, best) or self._guess_scheme(text)
        return Resolution(best.id, canonical, best.score, scheme, "ambiguous" if best.ambiguous else "matched")

    @staticmethod
    def _guess_scheme(text: str) -> str | None:
        guesses = identify(text, quick=True)
        return guesses[0][0] if guesses else None

    @staticmethod
    def _written_by(text: str, match: Match) -> str | None:
        """The scheme that writes the matched name's Cyrillic form as ``text`` (any word order and
        case), most used schemes first; None for Cyrillic text or when none does."""
        if _CYRILLIC.search(text):
            return None
        from .names import lookup

        entity = lookup(match.id)
        sources = [(match.name, languages_of(match.name))]
        if entity is not None:
            sources += [(entity.display[s], {s}) for s in ("be", "ru") if s in entity.display]
        for source, languages in list(sources):  # a person's name is often written without the patronymic
            words = source.split()
            if len(words) == 3:
                sources.append((f"{words[0]} {words[2]}", languages))
        wanted = name_words(text)
        for source, languages in sources:
            if not _CYRILLIC.search(source):
                continue
            for scheme_id, language in _schemes_by_use():
                if language in languages and name_words(convert(source, scheme_id)) == wanted:
                    return scheme_id
        return None

    def resolve_many(self, values: Iterable[Any]) -> list[Resolution]:
        """One ``Resolution`` per value, in order; each distinct value is resolved once."""
        values = list(values)
        distinct: dict[Any, Resolution] = {}
        found = []
        for value in values:
            key = value if isinstance(value, str) else (None if _missing(value) else (type(value), repr(value)))
            resolution = distinct.get(key)
            if resolution is None:
                resolution = distinct[key] = self.resolve(value)
            found.append(resolution)
        return found


@cache
def _schemes_by_use() -> tuple[tuple[str, str], ...]:
    """(id, language) of the Cyrillic → Latin schemes, the most used first (identify's priors)."""
    priors = _evidence().scheme_prior
    found = [(s.id, s.language) for s in schemes() if s.source_script == "Cyrl" and s.target_script == "Latn"]
    return tuple(sorted(found, key=lambda item: (-priors.get(item[0], priors["default"]), item[0])))


def _missing(value: Any) -> bool:
    """None, NaN (any float kind), pandas' NA and NaT."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def resolve_many(names: Iterable[Any], index: Index | None = None, *, type: str | None = None,
                 display: str = "be") -> list[Resolution]:
    """Resolve many names (duplicates resolved once): one ``Resolution`` per name, in order."""
    return Resolver(index, type=type, display=display).resolve_many(names)


def new_columns(column: str) -> list[str]:
    """The columns ``clean`` adds for ``column``: ``column_id``, ``_canonical``, ``_score``,
    ``_scheme``, ``_status``."""
    return [f"{column}_{suffix}" for suffix in SUFFIXES]


# ---------------------------------------------------------------------------------------------
# pandas and polars


def resolve_series(series: Any, index: Index | None = None, *, type: str | None = None,
                   display: str = "be", resolver: Resolver | None = None) -> Any:
    """A pandas DataFrame of the new columns for a Series of names (same index, same order)."""
    import pandas as pd

    resolver = resolver or Resolver(index, type=type, display=display)
    found = resolver.resolve_many(series.tolist())
    name = series.name if series.name is not None else "name"
    frame = pd.DataFrame([r.values() for r in found], columns=new_columns(str(name)), index=series.index)
    frame[f"{name}_score"] = frame[f"{name}_score"].astype("Float64")
    return frame


def resolve_expr(column: str, index: Index | None = None, *, type: str | None = None,
                 display: str = "be", resolver: Resolver | None = None) -> Any:
    """A polars expression giving a struct of the new fields for a column of names:
    ``df.with_columns(resolve_expr("name").alias("name_resolved")).unnest("name_resolved")``."""
    import polars as pl

    resolver = resolver or Resolver(index, type=type, display=display)
    fields = new_columns(column)
    dtype = pl.Struct({fields[0]: pl.Utf8, fields[1]: pl.Utf8, fields[2]: pl.Float64, fields[3]: pl.Utf8,
                       fields[4]: pl.Utf8})

    def batch(values: pl.Series) -> pl.Series:
        found = resolver.resolve_many(values.to_list())
        return pl.Series([dict(zip(fields, r.values(), strict=True)) for r in found], dtype=dtype)

    return pl.col(column).map_batches(batch, return_dtype=dtype)


# ---------------------------------------------------------------------------------------------
# files


@dataclass
class Summary:
    """What a ``clean_file`` run did: rows in (= rows out) and how many cells got each status."""

    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    def line(self) -> str:
        """The summary line ``translit clean`` prints."""
        return f"{self.rows} rows: " + ", ".join(f"{self.counts[s]} {s}" for s in STATUSES)


def clean_file(
    source: str, output: str | None, columns: list[str], *, input_format: str | None = None,
    output_format: str | None = None, index: Index | None = None, type: str | None = None,
    display: str = "be", strict: bool = False, warn: Callable[[str], None] = lambda message: None,
    progress: Callable[[int, float], None] = lambda rows, fraction: None, stdout: Any = None,
) -> Summary:
    """Clean one file (see the module docstring); ``output`` None writes to ``stdout`` (a binary
    stream). ``warn`` gets one line per invalid row, ``progress`` (rows, fraction read) every chunk."""
    input_format = input_format or guess_format(source)
    output_format = output_format or (guess_format(output) if output else input_format)
    if output_format != input_format:
        raise TranslitError(f"cannot write {input_format} input as {output_format}")
    if not columns:
        raise TranslitError("name at least one --column")
    resolver = Resolver(index, type=type, display=display)
    if input_format == "parquet":
        if output is None:
            raise TranslitError("Parquet output needs -o FILE")
        return _clean_parquet(source, output, columns, resolver, progress)
    size = os.path.getsize(source) if source != "-" else 0
    with open(source, "rb") as stream:
        if input_format == "jsonl":
            table = read_jsonl(stream, source)
        else:
            table = read_delimited(stream, "\t" if input_format == "tsv" else ",", source)
            missing = [c for c in columns if c not in table.columns]
            if missing:
                raise TranslitError(f"{source}: no column {missing[0]!r} (columns: {', '.join(table.columns)})")
        with contextlib.nullcontext(stdout) if output is None else replaced_atomically(output, binary=True) as handle:
            writer = (JsonlWriter(handle) if input_format == "jsonl"
                      else DelimitedWriter(handle, table.columns, table.extras))
            writer.header([name for column in columns for name in new_columns(column)])
            summary = Summary()
            chunk: list[Row] = []
            for row in table.rows:
                if row.problem:
                    message = f"{source}: line {row.line}: {row.problem}"
                    if strict:
                        raise TranslitError(message)
                    warn(message + "; row kept, status invalid")
                chunk.append(row)
                if len(chunk) >= CHUNK_ROWS:
                    _write_chunk(chunk, columns, table.columns, resolver, writer, summary)
                    chunk = []
                    progress(summary.rows, stream.tell() / size if size else 0.0)
            _write_chunk(chunk, columns, table.columns, resolver, writer, summary)
            progress(summary.rows, 1.0)
            writer.close()
    return summary


def _write_chunk(chunk: list[Row], columns: list[str], header: list[str], resolver: Resolver, writer: Any,
                 summary: Summary) -> None:
    per_column = []
    for column in columns:
        position = header.index(column) if header else None
        values = [_cell(row, column, position) for row in chunk]
        per_column.append([INVALID if row.problem else r for row, r in
                           zip(chunk, resolver.resolve_many(v for v in values), strict=True)])
    for number, row in enumerate(chunk):
        added: list[Any] = []
        for found in per_column:
            resolution = found[number]
            summary.counts[resolution.status] += 1
            added += resolution.values()
        writer.write(row, added)
    summary.rows += len(chunk)


def _cell(row: Row, column: str, position: int | None) -> Any:
    if row.problem or row.cells is None:
        return None
    if isinstance(row.cells, dict):
        return row.cells.get(column)
    return row.cells[position] if position is not None and position < len(row.cells) else None


def _clean_parquet(source: str, output: str, columns: list[str], resolver: Resolver,
                   progress: Callable[[int, float], None]) -> Summary:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise TranslitError("Parquet needs pyarrow: pip install 'translit-toolkit[parquet]'") from None
    parquet = pq.ParquetFile(source)
    missing = [c for c in columns if c not in parquet.schema_arrow.names]
    if missing:
        raise TranslitError(f"{source}: no column {missing[0]!r} (columns: {', '.join(parquet.schema_arrow.names)})")
    added_fields = []
    for column in columns:
        names = new_columns(column)
        added_fields += [pa.field(names[0], pa.string()), pa.field(names[1], pa.string()),
                         pa.field(names[2], pa.float64()), pa.field(names[3], pa.string()),
                         pa.field(names[4], pa.string())]
    schema = parquet.schema_arrow
    for added in added_fields:
        schema = schema.append(added)
    summary = Summary()
    total = parquet.metadata.num_rows or 1
    with replaced_atomically(output, binary=True) as handle:
        with pq.ParquetWriter(handle, schema) as writer:
            for batch in parquet.iter_batches(batch_size=CHUNK_ROWS):
                arrays = list(batch.columns)
                for column in columns:
                    found = resolver.resolve_many(batch.column(column).to_pylist())
                    for status in (r.status for r in found):
                        summary.counts[status] += 1
                    for position in range(len(SUFFIXES)):
                        arrays.append(pa.array([r.values()[position] for r in found],
                                               type=added_fields[len(arrays) - batch.num_columns].type))
                writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=schema))
                summary.rows += batch.num_rows
                progress(summary.rows, summary.rows / total)
    return summary


def progress_printer(stream: Any, every: float = 0.5) -> Callable[[int, float], None]:
    """A progress line on ``stream`` (rows, rows/s, share read, time left), at most every ``every`` s."""
    started = time.monotonic()
    last = [0.0]

    def show(rows: int, fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] < every and fraction < 1.0:
            return
        last[0] = now
        elapsed = max(now - started, 1e-9)
        left = elapsed * (1 - fraction) / fraction if fraction > 0 else 0.0
        stream.write(f"\r{rows:,} rows  {rows / elapsed:,.0f} rows/s  {fraction:.0%}  ETA {left:,.0f} s  ")
        if fraction >= 1.0:
            stream.write("\n")
        stream.flush()

    return show


__all__ = ["Resolution", "Resolver", "Summary", "clean_file", "new_columns", "resolve_expr", "resolve_many",
           "resolve_series"]
