"""The scheme registry: scheme id → compiled ICU Transliterator, and ``convert()`` on top of it.

How a conversion runs:

1. The scheme id is looked up among ids and aliases; ``id+option`` suffixes switch options on
   (``be-lacinka+softness``, ``be-bgn-pcgn-1979+interpunct=off``).
2. One :class:`Converter` per (scheme, direction, options) is built once per process: the table is
   compiled (``translit.compile``) and handed to ICU.
3. The text is prepared (``translit.prepare``: NFC, apostrophes, look-alikes).
4. Text without a letter of the source script is returned as it is (fast path).
5. Otherwise the text is cut into words and the rest; each distinct word goes through ICU once and
   is remembered (real text repeats its words), so ICU never sees a whole document: its
   transliterate is quadratic on long strings.
"""

from __future__ import annotations

import difflib
import threading
from dataclasses import dataclass
from functools import cache

import regex

from .compile import compile_rules, resolve_options
from .errors import DirectionError, OptionError, TableError, UncoveredCharacterError, UnknownSchemeError
from .prep import prepare
from .tables import Scheme, shipped_schemes

ERROR_POLICIES = ("preserve", "strict", "replace")
_SCRIPT_PROPERTY = {"Cyrl": r"\p{sc=Cyrl}", "Latn": r"\p{sc=Latn}"}
_TRUE = {"", "on", "true", "yes", "1"}
_FALSE = {"off", "false", "no", "0"}
_CACHE_LIMIT = 200_000  # distinct words remembered per converter before the memo starts afresh


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


class Converter:
    """One direction of one scheme with fixed options: compiled once, with a memo of words."""

    def __init__(self, scheme: Scheme, reverse: bool, options: dict[str, bool]):
        import icu  # imported on first conversion: keeps `import translit` fast

        direction = scheme.direction(reverse)
        if direction is None:
            raise DirectionError(
                f"scheme {scheme.id!r} is forward-only: its standard loses information "
                f"({scheme.forward.source_script} → {scheme.forward.target_script} cannot be undone exactly)"
            )
        self.scheme = scheme
        self.reverse = reverse
        self.options = options
        self.rules = compile_rules(scheme, reverse, options)
        try:
            self._icu = icu.Transliterator.createFromRules(
                f"translit-{scheme.id}-{'reverse' if reverse else 'forward'}", self.rules,
                icu.UTransDirection.FORWARD,
            )
        except icu.ICUError as error:
            raise TableError(scheme.path, "(compiled rules)", f"ICU rejected the rules: {error}") from None
        script = _SCRIPT_PROPERTY[direction.source_script]
        covered = set()
        for group in (direction.letters, *(o.letters for o in scheme.options.values())):
            for source in group:
                covered.update(source + source.upper())
        covered_set = "".join(sorted(covered))
        self._source_letter = regex.compile(script)
        self._uncovered = regex.compile(rf"[[{script}--[{regex.escape(covered_set)}]]&&\p{{L}}]", regex.V1)
        self._split = regex.compile(r"([\p{L}\p{M}]+)").split
        self._memo: dict[str, str] = {}
        self._lock = threading.Lock()

    def _word(self, word: str) -> str:
        converted = self._memo.get(word)
        if converted is None:
            if self._source_letter.search(word):
                with self._lock:  # an ICU Transliterator is not safe to share between threads
                    converted = self._icu.transliterate(word)
            else:
                converted = word
            if len(self._memo) >= _CACHE_LIMIT:
                self._memo.clear()
            self._memo[word] = converted
        return converted

    def __call__(self, text: str, errors: str = "preserve", replacement: str = "?") -> str:
        if not isinstance(text, str):
            raise TypeError(f"convert() takes str, not {type(text).__name__}")
        prepared = prepare(text)
        if errors != "preserve":
            uncovered = self._uncovered.search(prepared)
            if uncovered:
                if errors == "strict":
                    original = self._uncovered.search(text)
                    offset = original.start() if original else uncovered.start()
                    raise UncoveredCharacterError(uncovered.group(), offset, self.scheme.id)
                prepared = self._uncovered.sub(lambda _: replacement, prepared)
        if not self._source_letter.search(prepared):
            return prepared
        word = self._word
        return "".join([word(part) if i & 1 else part for i, part in enumerate(self._split(prepared))])


@cache
def _converter(scheme_id: str, reverse: bool, options: tuple[tuple[str, bool], ...]) -> Converter:
    return Converter(get_scheme(scheme_id), reverse, dict(options))


def converter(scheme: str, *, reverse: bool = False, **options: bool) -> Converter:
    """The cached :class:`Converter` for a scheme spec (``id`` or ``id+option``) and options."""
    found, spec_options = parse_scheme_spec(scheme)
    merged = resolve_options(found, reverse, {**spec_options, **options})
    return _converter(found.id, reverse, tuple(sorted(merged.items())))


def convert(
    text: str,
    scheme: str,
    *,
    reverse: bool = False,
    errors: str = "preserve",
    replacement: str = "?",
    **options: bool,
) -> str:
    """Convert ``text`` with ``scheme`` (Cyrillic → Latin, or back with ``reverse=True``).

    ``errors`` decides what happens to a letter of the source script the scheme does not cover:
    ``"preserve"`` leaves it, ``"strict"`` raises :class:`UncoveredCharacterError` with its offset,
    ``"replace"`` writes ``replacement`` instead. Scheme options (``softness=True``) are keyword
    arguments or ``+option`` suffixes of the scheme id.
    """
    if errors not in ERROR_POLICIES:
        raise OptionError(f"errors={errors!r}: use one of {', '.join(ERROR_POLICIES)}")
    return converter(scheme, reverse=reverse, **options)(text, errors, replacement)


def export_icu(scheme: str, *, reverse: bool = False, **options: bool) -> str:
    """The ICU transform rules of a scheme direction, for uconv -x, ICU4C and ICU4J."""
    return converter(scheme, reverse=reverse, **options).rules
