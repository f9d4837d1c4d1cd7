"""Thread safety: PyICU Transliterators are not thread-safe, and translit shares converters, caches
and indexes between threads. Each public entry point is run from a ThreadPoolExecutor(8) over many
inputs (every name of the gazetteer, converted, in sentences) and must give exactly the serial results.

Before each run the per-word caches (converter memos, ``lru_cache``s with a size) are emptied, so
the concurrent run really calls ICU and builds caches from several threads at once; the thread
switch interval is made tiny to interleave the threads as often as possible.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import cache

import pytest

import translit
from translit.clean import Resolver
from translit.names import Index, entities
from translit.schemes import clear_caches
from translit.text import find_mentions

WORKERS = 8
schemes_module = importlib.import_module("translit.schemes")  # translit.schemes is also a function
CYRILLIC_SCHEMES = ("be-lacinka", "be-bgn-pcgn-1979", "be-national-2007", "be-passport", "ru-icao-2013")


@cache
def cyrillic_names() -> tuple[str, ...]:
    """Every Cyrillic form filed in the gazetteer (hundreds of names)."""
    names = {name for entity in entities() for name in entity.names()}
    return tuple(sorted(n for n in names if any("\u0400" <= c <= "\u04ff" for c in n)))


@cache
def all_names() -> tuple[str, ...]:
    """Filed names plus their Łacinka and BGN spellings: queries in several scripts."""
    names = {name for entity in entities() for name in entity.names()}
    for name in cyrillic_names()[::3]:
        names.add(translit.convert(name, "be-lacinka"))
        names.add(translit.convert(name, "be-bgn-pcgn-1979"))
    return tuple(sorted(names))


def some_names(count: int) -> list[str]:
    """``count`` names spread over all_names() (identify() on Latin text is slow: a beam search per
    lossy scheme, so the tests that call it take a sample)."""
    names = all_names()
    return list(names[:: max(1, len(names) // count)])[:count]


@cache
def sentences() -> tuple[str, ...]:
    names = all_names()
    return tuple(f"{a} сустрэўся з {b} у Магілёве; {c}’s aides and MAZ, Лукашэнку. {d}"
                 for a, b, c, d in zip(names, names[7:], names[13:], names[29:], strict=False))[::2]


def _sized_caches() -> Iterator:
    for name, module in list(sys.modules.items()):
        if name == "translit" or name.startswith("translit."):
            for value in vars(module).values():
                info = getattr(value, "cache_info", None)
                if callable(info) and getattr(value, "cache_clear", None) and info().maxsize is not None:
                    yield value


def _converters() -> Iterator:
    yield from dict.fromkeys(schemes_module._BY_REQUEST.values())


def cold(rebuild: bool = False) -> None:
    """Empty every converter's memo of words and the bounded per-word caches, so that the next run
    calls ICU again (not the tables or the built gazetteer index). ``rebuild``: drop the compiled
    converters too (slow: every scheme is compiled again)."""
    if rebuild:
        clear_caches()
    for converter in _converters():
        converter._memo.clear()
    for cached in _sized_caches():
        cached.cache_clear()


@contextmanager
def busy_switching() -> Iterator[None]:
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def serial_and_concurrent(function: Callable, inputs: list) -> tuple[list, list]:
    cold()
    serial = [function(value) for value in inputs]
    cold()
    with busy_switching(), ThreadPoolExecutor(WORKERS) as pool:
        concurrent = list(pool.map(function, inputs))
    return serial, concurrent


def test_inputs_are_many():
    assert len(cyrillic_names()) > 200
    assert len(all_names()) > 500
    assert len(sentences()) > 200


@pytest.mark.parametrize("scheme", CYRILLIC_SCHEMES)
def test_convert(scheme):
    inputs = [*cyrillic_names(), *sentences()[:100], "Магілёў", "Могилёв"]
    serial, concurrent = serial_and_concurrent(lambda text: translit.convert(text, scheme), inputs)
    assert concurrent == serial
    expected = {"be-lacinka": "Mahiloŭ", "be-bgn-pcgn-1979": "Mahilyow", "be-national-2007": "Mahilioŭ",
                "be-passport": "Mahiliou", "ru-icao-2013": "Mogilev"}[scheme]
    assert serial[-2 if scheme.startswith("be-") else -1] == expected


def test_converters_built_concurrently():
    """Converters compiled by several threads at once (no converter built before) still agree."""
    texts = [f"{name} ({scheme})" for name in cyrillic_names()[:40] for scheme in CYRILLIC_SCHEMES]

    def convert(text: str) -> str:
        name, scheme = text[:-1].split(" (")
        return translit.convert(name, scheme)

    cold(rebuild=True)
    serial = [convert(text) for text in texts]
    cold(rebuild=True)
    with busy_switching(), ThreadPoolExecutor(WORKERS) as pool:
        concurrent = list(pool.map(convert, texts))
    assert concurrent == serial


@pytest.mark.parametrize("scheme", ["be-lacinka", "be-national-2007"])
def test_convert_reverse(scheme):
    inputs = [translit.convert(name, scheme) for name in cyrillic_names()]
    serial, concurrent = serial_and_concurrent(lambda text: translit.convert(text, scheme, reverse=True), inputs)
    assert concurrent == serial


def test_index_resolve():
    index = Index.default()
    serial, concurrent = serial_and_concurrent(lambda name: index.resolve(name, limit=3), list(all_names()))
    assert concurrent == serial
    assert sum(1 for found in serial if found) > len(serial) * 0.9


def test_find_mentions():
    serial, concurrent = serial_and_concurrent(find_mentions, list(sentences()))
    assert concurrent == serial
    assert sum(len(found) for found in serial) > len(serial)


def test_resolver_resolve_many_shared_between_threads():
    names = some_names(60)
    chunks = [names[i:i + 17] + names[i:i + 5] for i in range(0, len(names), 17)]  # repeats inside a chunk
    cold()
    serial = [Resolver().resolve_many(chunk) for chunk in chunks]
    cold()
    shared = Resolver()
    with busy_switching(), ThreadPoolExecutor(WORKERS) as pool:
        concurrent = list(pool.map(shared.resolve_many, chunks + chunks))  # each chunk twice: cache hits too
    assert concurrent == serial + serial


def test_candidates():
    latin = [translit.convert(name, "be-bgn-pcgn-1979") for name in cyrillic_names()[::4]]
    serial, concurrent = serial_and_concurrent(lambda text: translit.candidates(text, "be-bgn-pcgn-1979",
                                                                                 limit=3), latin)
    assert concurrent == serial
    assert sum(1 for found in serial if found) > len(serial) // 2


def test_identify():
    inputs = some_names(60) + list(sentences()[:20])
    serial, concurrent = serial_and_concurrent(translit.identify, inputs)
    assert concurrent == serial


def test_everything_at_once():
    """All entry points interleaved in one pool, sharing converters and caches."""
    index = Index.default()
    resolver = Resolver()
    names = some_names(50)
    tasks: list[tuple[Callable, str]] = []
    for i, name in enumerate(names):
        tasks.append((translit.identify, name))
        tasks.append((lambda text: index.resolve(text, limit=2), name))
        tasks.append((lambda text: resolver.resolve_many([text, text]), name))
        if i % 2 == 0:
            tasks.append((lambda text: translit.convert(text, "be-lacinka"), name))
        tasks.append((find_mentions, sentences()[i % len(sentences())]))
        if i % 5 == 0:
            tasks.append((lambda text: translit.candidates(translit.convert(text, "be-passport"), "be-passport",
                                                           limit=2), name))
    cold()
    serial = [function(value) for function, value in tasks]
    cold()
    with busy_switching(), ThreadPoolExecutor(WORKERS) as pool:
        concurrent = list(pool.map(lambda task: task[0](task[1]), tasks))
    assert concurrent == serial
