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
"""

from __future__ import annotations

import difflib
import re
import threading
from dataclasses import dataclass
from functools import cache

import regex

from .compile import compile_rules, resolve_options
from .errors import DirectionError, OptionError, TableError, UncoveredCharacterError, UnknownSchemeError
from .prep import prepare
from .tables import Direction, Scheme, shipped_schemes

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


def schemes() -> list[SchemeInfo]:
    """Every shipped scheme, sorted by id."""
    return [
        SchemeInfo(
            id=scheme.id, name=scheme.name, aliases=scheme.aliases, language=scheme.language,
            source_script=scheme.forward.source_script, target_script=scheme.forward.target_script,
            reversible=scheme.reversible, has_reverse=scheme.reverse is not None, status=scheme.status,
            standard=scheme.citation["standard"], options=tuple(scheme.options),
        )
        for scheme in sorted(shipped_schemes(), key=lambda s: s.id)
    ]


@cache
def _by_name() -> dict[str, Scheme]:
    names: dict[str, Scheme] = {}
    for scheme in shipped_schemes():
        for name in (scheme.id, *scheme.aliases):
            names[name.casefold()] = scheme
    return names


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

    def __call__(self, text: str, errors: str = "preserve", replacement: str = "?") -> str:
        if not isinstance(text, str):
            raise TypeError(f"convert() takes str, not {type(text).__name__}")
        if errors != "preserve":
            text = self._apply_policy(text, errors, replacement)
        return " ".join(map(self._memo.__getitem__, text.split(" ")))

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


@cache
def _converter(scheme_id: str, reverse: bool, options: tuple[tuple[str, bool], ...]) -> Converter:
    return Converter(get_scheme(scheme_id), reverse, dict(options))


_BY_REQUEST: dict[tuple, Converter] = {}  # (spec, reverse, options as given) -> converter


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
        found = _BY_REQUEST[request] = _converter(scheme_found.id, reverse, tuple(sorted(resolved.items())))
    return found


def clear_caches() -> None:
    """Forget every built converter and its memo of words (benchmarks, long-lived processes)."""
    _BY_REQUEST.clear()
    _converter.cache_clear()


def convert(
    text: str,
    scheme: str,
    *,
    reverse: bool = False,
    errors: str = "preserve",
    replacement: str = "?",
    best_guess: bool = False,
    **options: bool,
) -> str:
    """Convert ``text`` with ``scheme`` (Cyrillic → Latin, or back with ``reverse=True``).

    ``errors`` decides what happens to a letter of the source script the scheme does not cover:
    ``"preserve"`` leaves it, ``"strict"`` raises :class:`UncoveredCharacterError` with its offset,
    ``"replace"`` writes ``replacement`` instead. Scheme options (``softness=True``) are keyword
    arguments or ``+option`` suffixes of the scheme id. A lossy scheme has no exact reverse:
    ``reverse=True`` raises :class:`DirectionError` unless ``best_guess=True`` asks for the first of
    :func:`translit.candidates` (the text unchanged when there is none).
    """
    if errors != "preserve" and errors not in ERROR_POLICIES:
        raise OptionError(f"errors={errors!r}: use one of {', '.join(ERROR_POLICIES)}")
    if best_guess and reverse and parse_scheme_spec(scheme)[0].reverse is None:
        from .candidates import candidates  # the layer above; imported only when asked for

        return next(iter(candidates(text, scheme, limit=1)), text)
    return converter(scheme, reverse=reverse, **options)(text, errors, replacement)


def export_icu(scheme: str, *, reverse: bool = False, **options: bool) -> str:
    """The ICU transform rules of a scheme direction, for uconv -x, ICU4C and ICU4J.

    They stand alone: NFC and the apostrophe family are handled by the rules themselves.
    """
    found, resolved = _resolve(scheme, reverse, options)
    return compile_rules(found, reverse, resolved)
