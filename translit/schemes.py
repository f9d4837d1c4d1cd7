"""The scheme registry: scheme id → compiled ICU Transliterator, and ``convert()`` on top of it.

How a conversion runs:

1. The scheme id is looked up among ids and aliases; ``id+option`` suffixes switch options on
   (``be-lacinka+softness``, ``be-bgn-pcgn-1979+interpunct=off``).
2. One :class:`Converter` per (scheme, direction, options) is built once per process: the table is
   compiled (``translit.compile``) and handed to ICU.
3. The text is cut at white space. A piece without a character the scheme converts is kept byte
   for byte. Each other distinct piece is prepared (``translit.prepare``: NFC, apostrophes,
   look-alikes), converted by ICU once and remembered: real text repeats its words, and ICU never
   sees a whole document (its transliterate is quadratic on long strings). A piece longer than
   256 characters is cut into runs of letters, and a longer run into chunks that see their
   neighbours as context.
4. Overrides (a table's ``[overrides]``, ``convert(..., overrides=...)``) are whole words found
   first; their exact output is written and the text between them converts as in step 3.

User tables join the shipped ones through :func:`register_scheme` (``docs/extending.md``).
"""

from __future__ import annotations

import difflib
import re
import sys
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from .compile import compile_rules, resolve_options
from .errors import DirectionError, OptionError, TableError, UncoveredCharacterError, UnknownSchemeError
from .prep import prepare
from .tables import (
    OVERRIDE_APOSTROPHES,
    OVERRIDE_WORD,
    Direction,
    Scheme,
    load_scheme,
    override_key_shaped,
    override_problem,
    scheme_from_dict,
    shipped_schemes,
)

ERROR_POLICIES = ("preserve", "strict", "replace")
_OTHER_WHITESPACE = re.compile(r"\s")
_WHITESPACE_SPLIT = re.compile(r"(\s+)").split
_SCRIPT_PROPERTY = {"Cyrl": r"\p{sc=Cyrl}", "Latn": r"\p{sc=Latn}"}
_TRUE = {"", "on", "true", "yes", "1"}
_FALSE = {"off", "false", "no", "0"}
_CACHE_LIMIT = 200_000  # distinct pieces remembered per converter before the memo starts afresh
_LONG_PIECE = 256  # longer pieces are cut into runs of letters, longer runs into chunks of this size
_CONTEXT = 8  # characters of context each chunk of a long run sees on either side
_CUT_SEARCH = 32  # how far back from a chunk's end to look for a cut that splits no key


@dataclass(frozen=True)
class SchemeInfo:
    """What ``translit.schemes()`` tells about one scheme."""

    id: str
    name: str
    aliases: tuple[str, ...]
    language: str
    source_script: str
    target_script: str
    reversible: bool
    has_reverse: bool
    status: str
    standard: str
    options: tuple[str, ...]
    path: str = ""  # the table: tables/schemes/<id>.toml, the user's file, or <text>
    user: bool = False  # registered with register_scheme(), not shipped


def _info(scheme: Scheme, user: bool) -> SchemeInfo:
    return SchemeInfo(
        id=scheme.id, name=scheme.name, aliases=scheme.aliases, language=scheme.language,
        source_script=scheme.forward.source_script, target_script=scheme.forward.target_script,
        reversible=scheme.reversible, has_reverse=scheme.reverse is not None, status=scheme.status,
        standard=scheme.citation["standard"], options=tuple(scheme.options), path=scheme.path, user=user,
    )


def schemes() -> list[SchemeInfo]:
    """Every shipped scheme and every registered one (``user=True``), sorted by id.

    A shipped scheme replaced by a registered one of the same id (``replace=True``) is left out.
    """
    with _REGISTRY_LOCK:
        users, hidden = list(_USER.values()), _hidden_shipped()
    found = [_info(scheme, False) for scheme in shipped_schemes() if scheme.id not in hidden]
    found += [_info(entry.scheme, True) for entry in users]
    return sorted(found, key=lambda info: info.id)


# ---------------------------------------------------------------------------------------------
# User schemes: tables registered at run time, beside (or instead of) the shipped ones.


@dataclass(frozen=True)
class _UserScheme:
    scheme: Scheme
    hides: frozenset[str]  # ids of shipped schemes this one replaces


_USER: dict[str, _UserScheme] = {}  # id -> registered table, in order of registration
_REGISTRY_LOCK = threading.RLock()


def _hidden_shipped() -> set[str]:
    return {scheme_id for entry in _USER.values() for scheme_id in entry.hides}


@cache
def _shipped_names() -> dict[str, Scheme]:
    return {name.casefold(): scheme for scheme in shipped_schemes() for name in (scheme.id, *scheme.aliases)}


@cache
def _by_name() -> dict[str, Scheme]:
    with _REGISTRY_LOCK:
        hidden = _hidden_shipped()
        names = {name: scheme for name, scheme in _shipped_names().items() if scheme.id not in hidden}
        for entry in _USER.values():  # later registrations take a name over from earlier ones
            for name in (entry.scheme.id, *entry.scheme.aliases):
                names[name.casefold()] = entry.scheme
        return names


def _load_user_table(table: str | Path) -> Scheme:
    """A path (``str`` or ``Path``) or the TOML text itself (a ``str`` with a line break)."""
    if isinstance(table, Path) or (isinstance(table, str) and "\n" not in table):
        return load_scheme(table)
    if not isinstance(table, str):
        raise TypeError(f"register_scheme() takes a path or TOML text, not {type(table).__name__}")
    try:
        data = tomllib.loads(table)
    except tomllib.TOMLDecodeError as error:
        raise TableError("<text>", "(toml)", str(error)) from None
    return scheme_from_dict(data, "<text>")


def register_scheme(table: str | Path, *, replace: bool = False) -> SchemeInfo:
    """Load a scheme table of your own and make it usable everywhere a shipped one is.

    ``table`` is a path to a ``.toml`` file or the TOML text itself; it is validated as the shipped
    tables are (``docs/tables.md``) and compiled at once, so that a bad table fails here with a
    :class:`TableError` naming the file (or ``<text>``) and the key. The scheme then works with
    :func:`convert`, :func:`translit.candidates`, :func:`export_icu` and is listed by
    :func:`schemes` (``user=True``); :func:`translit.identify` considers shipped schemes only.

    Registering the id of an earlier user scheme again replaces it. An id or alias that a shipped
    scheme (or another user scheme) has is an error unless ``replace=True``: then the new table
    takes the name over, and a shipped scheme whose id it takes is hidden until
    :func:`unregister_scheme`.
    """
    scheme = _load_user_table(table)
    names = {name.casefold(): name for name in (scheme.id, *scheme.aliases)}
    with _REGISTRY_LOCK:
        current, shipped = _by_name(), _shipped_names()
        previous = _USER.get(scheme.id)
        for folded, name in names.items():
            owner = current.get(folded)
            if owner is None or (previous is not None and owner is previous.scheme) or replace:
                continue
            where = "a registered" if owner.id in _USER else "a shipped"
            raise TableError(scheme.path, "id" if name == scheme.id else "aliases",
                             f"{name!r} is already used by {where} scheme, {owner.id!r} ({owner.path}); "
                             "pass replace=True to take it over")
        built = _check_compiles(scheme)
        # A shipped scheme whose id the new table takes is hidden; a user scheme whose id it takes, gone.
        hides = frozenset(shipped[folded].id for folded in names
                          if folded in shipped and shipped[folded].id.casefold() == folded)
        for other in [other for other in _USER if other != scheme.id and other.casefold() in names]:
            del _USER[other]
            _forget(other)
        _USER.pop(scheme.id, None)
        _USER[scheme.id] = _UserScheme(scheme, hides)
        _forget(scheme.id, *hides, *(previous.hides if previous else ()))
        with _CACHE_LOCK:
            _CONVERTERS.update(built)
    return _info(scheme, True)


def unregister_scheme(scheme_id: str) -> None:
    """Forget a scheme registered with :func:`register_scheme`; a shipped one it replaced is back."""
    with _REGISTRY_LOCK:
        entry = _USER.get(scheme_id) or next(
            (e for e in _USER.values() if scheme_id.casefold() in {n.casefold() for n in (e.scheme.id,
                                                                                           *e.scheme.aliases)}),
            None,
        )
        if entry is None:
            raise UnknownSchemeError(scheme_id, sorted(_USER))
        del _USER[entry.scheme.id]
        _forget(entry.scheme.id, *entry.hides)


def _check_compiles(scheme: Scheme) -> dict[tuple, Converter]:
    """Compile each direction with its default options now, so that a bad table fails at once."""
    built = {}
    for reverse in (False, True):
        if scheme.direction(reverse) is not None:
            options = resolve_options(scheme, reverse, {})
            built[(scheme.id, reverse, tuple(sorted(options.items())))] = Converter(scheme, reverse, options)
    return built


def _forget(*scheme_ids: str) -> None:
    """Drop what was built for these ids: name lookup, converters, and the candidates' caches."""
    _by_name.cache_clear()
    with _CACHE_LOCK:
        for key in [key for key in _CONVERTERS if key[0] in scheme_ids]:
            del _CONVERTERS[key]
        _BY_REQUEST.clear()  # requests name specs and aliases, not ids: start afresh
    candidates = sys.modules.get("translit.candidates")
    for name in ("_inverse", "_word_candidates"):
        cached = getattr(candidates, name, None)
        if cached is not None:
            cached.cache_clear()


def get_scheme(scheme_id: str) -> Scheme:
    """The scheme with this id or alias (case-insensitive); ``UnknownSchemeError`` names the nearest."""
    names = _by_name()
    scheme = names.get(scheme_id.casefold())
    if scheme is None:
        ids = sorted({s.id for s in names.values()})
        nearest = difflib.get_close_matches(scheme_id.casefold(), list(names), n=3, cutoff=0.5)
        suggestions = list(dict.fromkeys(names[name].id for name in nearest)) or ids
        raise UnknownSchemeError(scheme_id, suggestions)
    return scheme


def parse_scheme_spec(spec: str) -> tuple[Scheme, dict[str, bool]]:
    """``"be-lacinka+softness"`` → (scheme, {"softness": True}); ``+name=off`` switches an option off."""
    name, *suffixes = spec.split("+")
    scheme = get_scheme(name.strip())
    options: dict[str, bool] = {}
    for suffix in suffixes:
        option, _, value = suffix.partition("=")
        value = value.strip().lower()
        if value not in _TRUE | _FALSE:
            raise OptionError(f"option value {value!r} in {spec!r}: use on or off")
        options[option.strip()] = value in _TRUE
    return scheme, options


# ---------------------------------------------------------------------------------------------
# Overrides: whole words with an exact output, found before the letters convert the rest.

_FOLD_APOSTROPHES = str.maketrans(dict.fromkeys(OVERRIDE_APOSTROPHES, "\u02bc"))
_TEXT_WORDS = regex.compile(OVERRIDE_WORD).finditer
_PATTERN_LIMIT = 600  # key variants: up to this many, one regex finds them; more, a lookup of each word
_APOSTROPHE_CLASS = "[" + regex.escape(OVERRIDE_APOSTROPHES) + "]"
# Not inside a longer word: no letter or mark, nor an apostrophe inside a word, on either side.
_WORD_BEFORE = rf"(?<![\p{{L}}\p{{M}}])(?<![\p{{L}}\p{{M}}]{_APOSTROPHE_CLASS})"
_WORD_AFTER = rf"(?![\p{{L}}\p{{M}}])(?!{_APOSTROPHE_CLASS}[\p{{L}}\p{{M}}])"


class _Overrides:
    """Override keys in their case variants → output, and a finder of them in text.

    ``layers`` come in rising precedence (a table's, then a call's). Within a layer a key's all-caps
    and lowercase variants come first and its own spelling last, so the spelling as written wins.
    """

    def __init__(self, layers: Iterable[Iterable[tuple[str, str]]]):
        self.outputs: dict[str, str] = {}
        for layer in layers:
            layer = list(layer)
            for key, value in layer:
                self.outputs[key.upper().translate(_FOLD_APOSTROPHES)] = value.upper()
                self.outputs[key.lower().translate(_FOLD_APOSTROPHES)] = value.lower()
            for key, value in layer:
                self.outputs[key.translate(_FOLD_APOSTROPHES)] = value
        if self.outputs and len(self.outputs) <= _PATTERN_LIMIT:  # one regex finds them all, longest first
            variants = sorted(self.outputs, key=len, reverse=True)
            alternatives = "|".join(regex.escape(variant).replace("\u02bc", _APOSTROPHE_CLASS) for variant in variants)
            self._finditer = regex.compile(f"{_WORD_BEFORE}(?:{alternatives}){_WORD_AFTER}").finditer
            return
        self._finditer = None
        counts: dict[str, set[int]] = {}
        for variant in self.outputs:
            words = variant.split(" ")
            counts.setdefault(words[0], set()).add(len(words))
        self.word_counts = {first: sorted(found, reverse=True) for first, found in counts.items()}

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, output) of each override in ``text``, left to right, longest key first."""
        if self._finditer is not None:
            outputs = self.outputs
            return [(match.start(), match.end(), outputs[match.group().translate(_FOLD_APOSTROPHES)])
                    for match in self._finditer(text)]
        words = list(_TEXT_WORDS(text))
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            counts = self.word_counts.get(words[i].group().translate(_FOLD_APOSTROPHES), ())
            for count in counts:
                last = i + count - 1
                if last >= len(words) or any(
                    words[j].end() + 1 != words[j + 1].start() or text[words[j].end()] != " " for j in range(i, last)
                ):
                    continue
                start, end = words[i].start(), words[last].end()
                output = self.outputs.get(text[start:end].translate(_FOLD_APOSTROPHES))
                if output is not None:
                    found.append((start, end, output))
                    i = last
                    break
            i += 1
        return found


def _validated(overrides: object, script: str) -> list[tuple[str, str]]:
    """A call's overrides as (key, value) pairs; ``OptionError`` for a bad one."""
    if not isinstance(overrides, Mapping):
        raise OptionError(f"overrides must be a mapping of words to their output, not {type(overrides).__name__}")
    for key, value in overrides.items():
        problem = override_problem(key, value, script)
        if problem is not None:
            raise OptionError(f"overrides: {problem}")
    return list(overrides.items())


def _table_overrides(scheme: Scheme, reverse: bool) -> list[tuple[str, str]]:
    """The table's ``[overrides]`` for a direction: as written forward, inverted for the reverse.

    Going back, each output that is whole words of the Latin script finds its Cyrillic key (the
    first key, when two share an output).
    """
    if not reverse:
        return list(scheme.overrides.items())
    script = scheme.forward.target_script
    inverted: dict[str, str] = {}
    for key, value in scheme.overrides.items():
        if override_key_shaped(value, script):
            inverted.setdefault(value, key)
    return list(inverted.items())


def _with_overrides(
    text: str, overrides: _Overrides, convert_plain: Callable[[str], str]
) -> str:
    """``text`` with each override written as its output and the rest converted by ``convert_plain``."""
    found = overrides.find(text)
    if not found:
        return convert_plain(text)
    out: list[str] = []
    position = 0
    for start, end, output in found:
        if start > position:
            out.append(_segment(convert_plain, text, position, start))
        out.append(output)
        position = end
    if position < len(text):
        out.append(_segment(convert_plain, text, position, len(text)))
    return "".join(out)


def _segment(convert_plain: Callable[[str], str], text: str, start: int, end: int) -> str:
    try:
        return convert_plain(text[start:end])
    except UncoveredCharacterError as error:  # the offset in the whole text, not in the piece
        raise UncoveredCharacterError(error.character, error.offset + start, error.scheme_id) from None


class _WordMemo(dict):
    """Converted text of each space-separated piece seen so far; a miss converts it.

    Every step of ``prepare()`` stays inside a space-separated piece, and no rule looks across a
    space, so converting piece by piece gives the same text as converting the whole.
    """

    def __init__(self, convert_piece):
        super().__init__()
        self._convert_piece = convert_piece

    def __missing__(self, piece: str) -> str:
        converted = self._convert_piece(piece)
        if len(piece) <= _LONG_PIECE:
            if len(self) >= _CACHE_LIMIT:
                self.clear()
            self[piece] = converted
        return converted


class Converter:
    """One direction of one scheme with fixed options: compiled once, with a memo of words."""

    def __init__(self, scheme: Scheme, reverse: bool, options: dict[str, bool]):
        import icu  # imported on first conversion: keeps `import translit` fast

        direction = _direction(scheme, reverse)
        self.scheme = scheme
        self.reverse = reverse
        self.options = options
        try:
            self._icu = icu.Transliterator.createFromRules(
                f"translit-{scheme.id}-{'reverse' if reverse else 'forward'}",
                compile_rules(scheme, reverse, options, prepared_input=True),
                icu.UTransDirection.FORWARD,
            )
        except icu.ICUError as error:
            raise TableError(scheme.path, "(compiled rules)", f"ICU rejected the rules: {error}") from None
        self._unicode_string, self._position = icu.UnicodeString, icu.UTransPosition
        script = _SCRIPT_PROPERTY[direction.source_script]
        keys = {source for source, _ in scheme.pairs(reverse)}
        covered = {char for key in keys for char in key + key.upper()}
        # Cutting a long run of letters must not split a key (``ле``) or a silent letter from the next.
        silent = {key for key, target in direction.letters.items() if not target}
        self._key_prefixes = {key[:i] for key in keys for i in range(1, len(key))} | silent
        self._longest_prefix = max(map(len, self._key_prefixes), default=0)
        self._has_covered = re.compile("[" + "".join(map(re.escape, sorted(covered))) + "]").search
        self._uncovered = regex.compile(
            rf"[[{script}--[{regex.escape(''.join(sorted(covered)))}]]&&\p{{L}}]", regex.V1
        )
        # A key may hold a character that is not a letter (the 2000 system's ' for ь): runs include it.
        in_keys = "".join(sorted(c for c in covered if not regex.match(r"[\p{L}\p{M}]", c)))
        self._runs = regex.compile(rf"([\p{{L}}\p{{M}}{regex.escape(in_keys)}]+)").split
        self._lock = threading.Lock()
        self._memo = _WordMemo(self._convert_piece)
        self._table_overrides = _table_overrides(scheme, reverse)
        self._overrides = _Overrides([self._table_overrides]) if self._table_overrides else None
        self._call_overrides: dict[tuple, _Overrides] = {}  # a call's overrides (items) -> merged with the table's

    def _icu_convert(self, text: str) -> str:
        with self._lock:  # an ICU Transliterator is not safe to share between threads
            return self._icu.transliterate(text)

    def _convert_piece(self, piece: str) -> str:
        """A space-free piece of text: prepared and converted if it has a character the scheme converts.

        A piece without one is returned byte for byte; a long one is cut so that ICU never sees much
        at once.
        """
        if not self._has_covered(piece):
            return piece
        if _OTHER_WHITESPACE.search(piece):  # "word\nword": each side on its own, as line by line
            parts = _WHITESPACE_SPLIT(piece)
            parts[::2] = map(self._memo.__getitem__, parts[::2])
            return "".join(parts)
        piece = prepare(piece)
        if len(piece) <= _LONG_PIECE:
            return self._icu_convert(piece)
        parts = self._runs(piece)
        for i in range(1, len(parts), 2):
            run = parts[i]
            if len(run) <= _LONG_PIECE:
                parts[i] = self._memo[run]
            else:
                parts[i] = self._convert_long_run(run)
        return "".join(parts)

    def _safe_cut(self, run: str, cut: int) -> int:
        """A position near ``cut`` where no key of the table straddles the cut."""
        for candidate in range(cut, max(cut - _CUT_SEARCH, 1), -1):
            tail = run[max(0, candidate - self._longest_prefix):candidate].lower()
            if not any(tail[-length:] in self._key_prefixes for length in range(1, len(tail) + 1)):
                return candidate
        return cut

    def _convert_long_run(self, run: str) -> str:
        """A long run of letters in chunks, each seeing its neighbours as context.

        ICU's transliterate is quadratic in the length of its input; chunks keep it linear. Each
        chunk is converted with the end of the previous chunk's output before it and the next
        source letters after it as context (``finishTransliteration`` with a position).
        """
        out: list[str] = []
        tail = ""
        start = 0
        while start < len(run):
            end = min(len(run), start + _LONG_PIECE)
            if end < len(run):
                end = self._safe_cut(run, end)
            text = self._unicode_string(tail + run[start:end + _CONTEXT])
            begin = _utf16_length(tail)
            position = self._position(0, len(text), begin, begin + _utf16_length(run[start:end]))
            with self._lock:
                self._icu.finishTransliteration(text, position)
            converted = str(text[begin:position.limit])
            out.append(converted)
            tail = converted[-_CONTEXT:]
            start = end
        return "".join(out)

    def __call__(
        self, text: str, errors: str = "preserve", replacement: str = "?", overrides: Mapping[str, str] | None = None
    ) -> str:
        if not isinstance(text, str):
            raise TypeError(f"convert() takes str, not {type(text).__name__}")
        found = self._merged_overrides(overrides) if overrides else self._overrides
        if found is not None:
            return _with_overrides(text, found, lambda piece: self._convert_plain(piece, errors, replacement))
        if errors != "preserve":
            text = self._apply_policy(text, errors, replacement)
        return " ".join(map(self._memo.__getitem__, text.split(" ")))

    def _convert_plain(self, text: str, errors: str, replacement: str) -> str:
        if errors != "preserve":
            text = self._apply_policy(text, errors, replacement)
        return " ".join(map(self._memo.__getitem__, text.split(" ")))

    def _merged_overrides(self, overrides: Mapping[str, str]) -> _Overrides:
        """The table's overrides with a call's on top; built once per distinct set of a call's."""
        try:
            request = tuple(overrides.items())
            found = self._call_overrides.get(request)
        except (AttributeError, TypeError):  # not a mapping, or an unhashable value
            request, found = None, None
        if found is None:
            script = self.scheme.direction(self.reverse).source_script
            found = _Overrides([self._table_overrides, _validated(overrides, script)])
            if request is not None:
                if len(self._call_overrides) >= 64:
                    self._call_overrides.clear()
                self._call_overrides[request] = found
        return found

    def _apply_policy(self, text: str, errors: str, replacement: str) -> str:
        """``strict``: raise at the first letter the scheme does not cover; ``replace``: replace them."""
        prepared = prepare(text)
        uncovered = self._uncovered.search(prepared)
        if uncovered is None:
            return prepared
        if errors == "strict":
            original = self._uncovered.search(text)
            offset = original.start() if original else uncovered.start()
            raise UncoveredCharacterError(uncovered.group(), offset, self.scheme.id)
        return self._uncovered.sub(lambda _: replacement, prepared)


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


_CONVERTERS: dict[tuple, Converter] = {}  # (scheme id, reverse, options resolved) -> converter
_BY_REQUEST: dict[tuple, Converter] = {}  # (spec, reverse, options as given) -> converter
_CACHE_LOCK = threading.Lock()


def _converter(scheme_id: str, reverse: bool, options: tuple[tuple[str, bool], ...]) -> Converter:
    key = (scheme_id, reverse, options)
    found = _CONVERTERS.get(key)
    if found is None:
        found = Converter(get_scheme(scheme_id), reverse, dict(options))
        with _CACHE_LOCK:
            found = _CONVERTERS.setdefault(key, found)
    return found


def _direction(scheme: Scheme, reverse: bool) -> Direction:
    direction = scheme.direction(reverse)
    if direction is None:
        raise DirectionError(
            f"scheme {scheme.id!r} loses information, so it has no exact reverse: use "
            f"translit.candidates(text, {scheme.id!r}) for the possible Cyrillic spellings, best first, "
            "or convert(..., reverse=True, best_guess=True) for the first of them"
        )
    return direction


def _resolve(scheme: str, reverse: bool, options: dict[str, bool]) -> tuple[Scheme, dict[str, bool]]:
    """The scheme of a spec (``id`` or ``id+option``) and every option of the direction, resolved."""
    found, spec_options = parse_scheme_spec(scheme)
    _direction(found, reverse)
    return found, resolve_options(found, reverse, {**spec_options, **options})


def converter(scheme: str, *, reverse: bool = False, **options: bool) -> Converter:
    """The cached :class:`Converter` for a scheme spec (``id`` or ``id+option``) and options."""
    request = (scheme, reverse, tuple(options.items()))
    found = _BY_REQUEST.get(request)
    if found is None:
        scheme_found, resolved = _resolve(scheme, reverse, options)
        found = _converter(scheme_found.id, reverse, tuple(sorted(resolved.items())))
        with _CACHE_LOCK:
            _BY_REQUEST[request] = found
    return found


def clear_caches() -> None:
    """Forget every built converter and its memo of words (benchmarks, long-lived processes)."""
    with _CACHE_LOCK:
        _BY_REQUEST.clear()
        _CONVERTERS.clear()


def convert(
    text: str,
    scheme: str,
    *,
    reverse: bool = False,
    errors: str = "preserve",
    replacement: str = "?",
    best_guess: bool = False,
    overrides: Mapping[str, str] | None = None,
    **options: bool,
) -> str:
    """Convert ``text`` with ``scheme`` (Cyrillic → Latin, or back with ``reverse=True``).

    ``errors`` decides what happens to a letter of the source script the scheme does not cover:
    ``"preserve"`` leaves it, ``"strict"`` raises :class:`UncoveredCharacterError` with its offset,
    ``"replace"`` writes ``replacement`` instead. Scheme options (``softness=True``) are keyword
    arguments or ``+option`` suffixes of the scheme id. A lossy scheme has no exact reverse:
    ``reverse=True`` raises :class:`DirectionError` unless ``best_guess=True`` asks for the first of
    :func:`translit.candidates` (the text unchanged when there is none).

    ``overrides`` maps whole words of the source text to their exact output
    (``{"Інтэграл": "Integral"}``), in all capitals and lowercase too, over the table's own
    ``[overrides]``; see ``docs/extending.md``.
    """
    if errors != "preserve" and errors not in ERROR_POLICIES:
        raise OptionError(f"errors={errors!r}: use one of {', '.join(ERROR_POLICIES)}")
    if best_guess and reverse and parse_scheme_spec(scheme)[0].reverse is None:
        from .candidates import candidates  # the layer above; imported only when asked for

        def best(piece: str) -> str:
            return next(iter(candidates(piece, scheme, limit=1)), piece)

        if not overrides:
            return best(text)
        script = parse_scheme_spec(scheme)[0].forward.target_script
        return _with_overrides(text, _Overrides([_validated(overrides, script)]), best)
    return converter(scheme, reverse=reverse, **options)(text, errors, replacement, overrides)


def export_icu(scheme: str, *, reverse: bool = False, **options: bool) -> str:
    """The ICU transform rules of a scheme direction, for uconv -x, ICU4C and ICU4J.

    They stand alone: NFC and the apostrophe family are handled by the rules themselves.
    """
    found, resolved = _resolve(scheme, reverse, options)
    return compile_rules(found, reverse, resolved)
