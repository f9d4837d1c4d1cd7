"""Load and validate scheme tables (``tables/schemes/*.toml``) into plain dataclasses.

A table is the single source of truth for a scheme: letters, context rules, options and samples.
Validation happens here, once, so that the compiler can trust what it gets. Every error is a
:class:`~translit.errors.TableError` naming the file and the key. The format is documented in
``docs/tables.md``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from .errors import TableError

SCRIPT_NAMES = {"Cyrl": "Cyrillic", "Latn": "Latin"}
# Characters a table may use in either script: the apostrophe sign (U+02BC, what prepare() turns the
# apostrophe family into), prime-like and quote-like signs used by romanizations, the interpunct.
SCRIPT_NEUTRAL = frozenset("ʼ’”ʹʺ'·-")


@dataclass(frozen=True)
class Rule:
    """One context rule: ``source`` becomes ``target`` when the contexts hold.

    ``after`` and ``before`` are sequences of character sets (lowercase, already resolved from
    ``$class`` references): ``after`` is what must precede, nearest last; ``before`` what must follow.
    """

    source: str
    target: str
    after: tuple[frozenset[str], ...] = ()
    before: tuple[frozenset[str], ...] = ()
    word_start: bool = False
    word_end: bool = False
    note: str = ""
    key: str = ""  # where the rule lives in the table, for messages


@dataclass(frozen=True)
class Direction:
    """One direction of a scheme: what to convert from, into what, and how."""

    name: str  # "forward" or "reverse"
    source_script: str
    target_script: str
    alphabet: str
    letters: dict[str, str]
    rules: tuple[Rule, ...]
    letters_note: str = ""


@dataclass(frozen=True)
class OptionPart:
    letters: dict[str, str]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Option:
    """A switch of a scheme (``softness``, ``interpunct``): extra letters and rules when on.

    ``parts`` maps a direction name to the letters and rules the option adds in that direction.
    """

    name: str
    description: str
    default: bool
    parts: dict[str, OptionPart]


@dataclass(frozen=True)
class Sample:
    source: str
    target: str
    direction: str  # "forward", "reverse" or "both"
    options: dict[str, bool]
    cite: str


@dataclass(frozen=True)
class Deviation:
    """A documented way another implementation differs from the standard the table follows."""

    implementation: str
    source: str
    standard: str
    observed: str
    note: str


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    aliases: tuple[str, ...]
    language: str
    status: str
    citation: dict[str, Any]
    reversible: bool
    description: str
    forward: Direction
    reverse: Direction | None
    options: dict[str, Option]
    samples: tuple[Sample, ...]
    deviations: tuple[Deviation, ...]
    path: str
    # Whole words (Cyrillic source) -> exact output, winning over the letters: brand and official
    # spellings. Applied by the converter, not compiled into the ICU rules.
    overrides: dict[str, str] = field(default_factory=dict)

    def direction(self, reverse: bool) -> Direction | None:
        return self.reverse if reverse else self.forward

    def pairs(self, reverse: bool, options: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """(source, target) of every letter and rule of a direction, and of the named options'
        parts for it (every option when ``options`` is None)."""
        direction = self.direction(reverse)
        if direction is None:
            return []
        names = self.options if options is None else options
        parts = [self.options[name].parts[direction.name] for name in names
                 if direction.name in self.options[name].parts]
        found = list(direction.letters.items()) + [(rule.source, rule.target) for rule in direction.rules]
        for part in parts:
            found += list(part.letters.items()) + [(rule.source, rule.target) for rule in part.rules]
        return found


# ---------------------------------------------------------------------------------------------
# Schema: allowed keys and their types at each level.

_TOP_KEYS = {
    "id": str, "name": str, "aliases": list, "language": str, "status": str, "citation": dict,
    "reversible": bool, "description": str, "forward": dict, "reverse": dict, "options": dict,
    "sample": list, "deviation": list, "overrides": dict,
}
_REQUIRED_TOP = ("id", "name", "language", "status", "citation", "reversible", "forward")
_CITATION_KEYS = {"standard": str, "year": int, "url": str, "document": str, "note": str}
_DIRECTION_KEYS = {
    "source_script": str, "target_script": str, "alphabet": str, "classes": dict, "letters": dict,
    "rule": list, "note": str,
}
_RULE_KEYS = {
    "source": str, "target": str, "after": (str, list), "before": (str, list), "word_start": bool,
    "word_end": bool, "note": str,
}
_OPTION_KEYS = {"description": str, "default": bool, "forward": dict, "reverse": dict}
_OPTION_PART_KEYS = {"letters": dict, "rule": list}
_SAMPLE_KEYS = {"source": str, "target": str, "direction": str, "options": dict, "cite": str}
_DEVIATION_KEYS = {
    "implementation": str, "source": str, "standard": str, "observed": str, "note": str,
}


# What convert() can name: "+" joins options to a scheme ("be-lacinka+classic"); spaces would be typos.
_SCHEME_NAME = regex.compile(r"[^\s+\p{C}]+")


def _check_keys(path: str, where: str, data: dict, schema: dict, required: tuple[str, ...] = ()):
    if not isinstance(data, dict):
        raise TableError(path, where, f"expected a table, got {type(data).__name__}")
    for key, value in data.items():
        full = f"{where}.{key}" if where else key
        if key not in schema:
            known = ", ".join(sorted(schema))
            raise TableError(path, full, f"unknown key (known keys: {known})")
        expected = schema[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            names = (
                " or ".join(t.__name__ for t in expected) if isinstance(expected, tuple) else expected.__name__
            )
            raise TableError(path, full, f"expected {names}, got {type(value).__name__}")
    for key in required:
        if key not in data:
            raise TableError(path, f"{where}.{key}" if where else key, "missing required key")


def _script_check(path: str, key: str, text: str, script: str, what: str) -> None:
    """Reject a letter of another script (a Cyrillic ``е`` in a Latin column)."""
    script_re = _script_letter_re(script)
    for char in text:
        if char in SCRIPT_NEUTRAL or not regex.match(r"[\p{L}\p{M}]", char):
            continue
        if not script_re.match(char):
            raise TableError(
                path, key,
                f"{what} {text!r} mixes scripts: {char!r} (U+{ord(char):04X}) is not {SCRIPT_NAMES[script]}",
            )


@cache
def _script_letter_re(script: str) -> regex.Pattern:
    return regex.compile(rf"[\p{{sc={script}}}\p{{M}}]")


def _resolve_context(
    path: str, key: str, value: str | list, classes: dict[str, frozenset[str]], script: str
) -> tuple[frozenset[str], ...]:
    """``"$vowel"`` or ``"лр"`` or a list of those -> a tuple of character sets, one per position."""
    positions = [value] if isinstance(value, str) else value
    resolved = []
    for i, position in enumerate(positions):
        if not isinstance(position, str) or not position:
            raise TableError(path, f"{key}[{i}]", "a context position is a class $name or a string of letters")
        if position.startswith("$"):
            name = position[1:]
            if name not in classes:
                raise TableError(path, key, f"unknown class {position!r} (defined: {', '.join(sorted(classes))})")
            resolved.append(classes[name])
        else:
            _script_check(path, key, position, script, "context")
            resolved.append(frozenset(position))
    return tuple(resolved)


def _load_rules(
    path: str, where: str, raw_rules: list, classes: dict[str, frozenset[str]], direction: dict
) -> tuple[Rule, ...]:
    rules = []
    source_script = direction["source_script"]
    target_script = direction["target_script"]
    for i, raw in enumerate(raw_rules):
        key = f"{where}[{i}]"
        if not isinstance(raw, dict):
            raise TableError(path, key, "a rule is a table with source, target and contexts")
        _check_keys(path, key, raw, _RULE_KEYS, ("source", "target"))
        source, target = raw["source"], raw["target"]
        _check_lowercase_entry(path, f"{key}.source", source, target, source_script, target_script)
        after = _resolve_context(path, f"{key}.after", raw["after"], classes, source_script) if "after" in raw else ()
        before = (
            _resolve_context(path, f"{key}.before", raw["before"], classes, source_script) if "before" in raw else ()
        )
        if not after and not before and not raw.get("word_start") and not raw.get("word_end"):
            raise TableError(path, key, "a rule without a context belongs in letters")
        rules.append(Rule(
            source, target, after, before, raw.get("word_start", False), raw.get("word_end", False),
            raw.get("note", ""), key,
        ))
    _check_shadowing(path, rules)
    return tuple(rules)


def _check_lowercase_entry(path: str, key: str, source: str, target: str, source_script: str, target_script: str):
    if not isinstance(target, str):
        raise TableError(path, key, f"expected str, got {type(target).__name__}")
    if not source:
        raise TableError(path, key, "empty source")
    if source != source.lower() or target != target.lower():
        raise TableError(path, key, f"{source!r} = {target!r}: letters are written in lowercase only; "
                         "capitals are generated")
    _script_check(path, key, source, source_script, "source")
    _script_check(path, key, target, target_script, "target")


def _covers(general: Rule, specific: Rule) -> bool:
    """Whether every context in which ``specific`` applies is also one where ``general`` applies."""

    def positions_cover(general_ctx, specific_ctx):
        if len(general_ctx) > len(specific_ctx):
            return False
        # compare the positions nearest the source: the end of ``after``, the start of ``before``
        return all(g >= s for g, s in zip(general_ctx, specific_ctx, strict=False))

    return (
        positions_cover(general.after[::-1], specific.after[::-1])
        and positions_cover(general.before, specific.before)
        and (not general.word_start or specific.word_start)
        and (not general.word_end or specific.word_end)
    )


def _check_shadowing(path: str, rules: list[Rule]) -> None:
    """A rule that an earlier rule for the same source always pre-empts can never apply."""
    for i, later in enumerate(rules):
        for earlier in rules[:i]:
            if earlier.source == later.source and _covers(earlier, later):
                raise TableError(path, later.key, f"rule for {later.source!r} is shadowed by {earlier.key}, "
                                 "which applies in every context this one does")


def _load_direction(
    path: str, name: str, raw: dict, language: str
) -> tuple[Direction, dict[str, frozenset[str]]]:
    _check_keys(path, name, raw, _DIRECTION_KEYS, ("source_script", "target_script", "alphabet", "letters"))
    for key in ("source_script", "target_script"):
        if raw[key] not in SCRIPT_NAMES:
            raise TableError(path, f"{name}.{key}", f"unknown script {raw[key]!r} (known: {', '.join(SCRIPT_NAMES)})")
    source_script, target_script = raw["source_script"], raw["target_script"]
    classes: dict[str, frozenset[str]] = {}
    for class_name, letters in raw.get("classes", {}).items():
        key = f"{name}.classes.{class_name}"
        if not isinstance(letters, str) or not letters:
            raise TableError(path, key, "a class is a non-empty string of letters")
        _script_check(path, key, letters, source_script, "class")
        if letters != letters.lower():
            raise TableError(path, key, "classes are written in lowercase; capitals are generated")
        classes[class_name] = frozenset(letters)
    letters: dict[str, str] = {}
    for source, target in raw["letters"].items():
        _check_lowercase_entry(path, f"{name}.letters.{source}", source, target, source_script, target_script)
        letters[source] = target
    for letter in raw["alphabet"]:
        if letter not in letters:
            raise TableError(path, f"{name}.letters", f"letter {letter!r} of the {language} alphabet is not covered")
    rules = _load_rules(path, f"{name}.rule", raw.get("rule", []), classes, raw)
    _check_empty_outputs(path, name, letters, rules)
    return Direction(
        name, source_script, target_script, raw["alphabet"], letters, rules, raw.get("note", "")
    ), classes


def _check_empty_outputs(path: str, name: str, letters: dict[str, str], rules: tuple[Rule, ...]) -> None:
    """A letter that writes nothing (ь, the apostrophe) must write nothing in every rule.

    The compiler matches such a letter together with the next one when that one's context asks
    what precedes; that is only right when the letter itself never writes anything.
    """
    for source, target in letters.items():
        if len(source) == 1 and target == "":
            for rule in rules:
                if rule.source == source and rule.target:
                    raise TableError(path, rule.key, f"{source!r} writes nothing in letters but {rule.target!r} here")


def _load_options(path: str, raw_options: dict, directions: dict, classes_by_direction: dict) -> dict[str, Option]:
    options = {}
    for option_name, raw in raw_options.items():
        key = f"options.{option_name}"
        if not isinstance(raw, dict):
            raise TableError(path, key, "an option is a table")
        _check_keys(path, key, raw, _OPTION_KEYS, ("description", "default"))
        parts = {}
        for direction_name in ("forward", "reverse"):
            if direction_name not in raw:
                continue
            part_key = f"{key}.{direction_name}"
            if direction_name not in directions:
                raise TableError(path, part_key, f"this table has no {direction_name} direction")
            raw_part, direction_raw = raw[direction_name], directions[direction_name]
            _check_keys(path, part_key, raw_part, _OPTION_PART_KEYS)
            letters = {}
            for source, target in raw_part.get("letters", {}).items():
                _check_lowercase_entry(
                    path, f"{part_key}.letters.{source}", source, target,
                    direction_raw["source_script"], direction_raw["target_script"],
                )
                letters[source] = target
            rules = _load_rules(path, f"{part_key}.rule", raw_part.get("rule", []),
                                classes_by_direction[direction_name], direction_raw)
            parts[direction_name] = OptionPart(letters, rules)
        if not parts:
            raise TableError(path, key, "an option needs a forward or reverse part")
        options[option_name] = Option(option_name, raw["description"], raw["default"], parts)
    return options


# A word of an override key: letters and marks, with apostrophes only inside (сямʼя, not ʼя).
OVERRIDE_APOSTROPHES = "'\u2019\u02bc\u00b4\u2018`"
OVERRIDE_WORD = rf"[\p{{L}}\p{{M}}]+(?:[{OVERRIDE_APOSTROPHES}][\p{{L}}\p{{M}}]+)*"
_OVERRIDE_KEY = regex.compile(rf"{OVERRIDE_WORD}(?: {OVERRIDE_WORD})*")


def override_problem(key: object, value: object, script: str) -> str | None:
    """What is wrong with one override (``key`` in ``script`` → ``value``), or None.

    A key is one word or several separated by single spaces, every letter of ``script``; a value is
    any non-empty string.
    """
    if not isinstance(key, str) or not key:
        return "an override key is a non-empty string"
    if not isinstance(value, str) or not value:
        return f"the override of {key!r} must be a non-empty string"
    if not _OVERRIDE_KEY.fullmatch(key):
        return (f"override key {key!r} must be whole words (letters, marks, inner apostrophes) "
                "separated by single spaces")
    script_re = _script_letter_re(script)
    letters = (char for char in key if char not in SCRIPT_NEUTRAL and char.isalpha())
    foreign = next((char for char in letters if not script_re.match(char)), None)
    if foreign is not None:
        return (f"override key {key!r} is not all {SCRIPT_NAMES[script]}: {foreign!r} (U+{ord(foreign):04X})")
    return None


def override_key_shaped(text: str, script: str) -> bool:
    """Whether ``text`` could be an override key in ``script`` (used to invert a table's overrides)."""
    return override_problem(text, "-", script) is None


def _load_overrides(path: str, raw: dict, forward: Direction) -> dict[str, str]:
    overrides = {}
    for key, value in raw.items():
        problem = override_problem(key, value, forward.source_script)
        if problem is not None:
            raise TableError(path, f"overrides.{key}", problem)
        overrides[key] = value
    return overrides


def load_scheme(path: Path | str) -> Scheme:
    """Read one scheme table, validate it and return a :class:`Scheme`."""
    path = Path(path)
    return scheme_from_dict(read_table(path), _shown_path(path))


def read_table(path: Path, shown: str | None = None) -> dict[str, Any]:
    """Parse one TOML table file; a syntax error or an unreadable file is a TableError naming it
    (as ``shown``, by default the path from ``tables/`` on)."""
    shown = shown or _shown_path(path)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:  # duplicate keys land here too
        raise TableError(shown, "(toml)", str(error)) from None
    except OSError as error:
        raise TableError(shown, "(file)", error.strerror or str(error)) from None


def scheme_from_dict(data: dict, shown: str) -> Scheme:
    _check_keys(shown, "", data, _TOP_KEYS, _REQUIRED_TOP)
    _check_keys(shown, "citation", data["citation"], _CITATION_KEYS, ("standard",))
    language = data["language"]
    raw_directions = {"forward": data["forward"]}
    if "reverse" in data:
        raw_directions["reverse"] = data["reverse"]
    directions, classes = {}, {}
    for name, raw in raw_directions.items():
        directions[name], classes[name] = _load_direction(shown, name, raw, language)
    if data["reversible"] and "reverse" not in directions:
        raise TableError(shown, "reversible", "a reversible scheme needs a [reverse] direction")
    options = _load_options(shown, data.get("options", {}), raw_directions, classes)
    samples = []
    for i, raw in enumerate(data.get("sample", [])):
        key = f"sample[{i}]"
        _check_keys(shown, key, raw, _SAMPLE_KEYS, ("source", "target", "cite"))
        direction = raw.get("direction", "both" if "reverse" in directions else "forward")
        if direction not in ("forward", "reverse", "both"):
            raise TableError(shown, f"{key}.direction", "expected forward, reverse or both")
        if direction != "forward" and "reverse" not in directions:
            raise TableError(shown, f"{key}.direction", "this scheme has no reverse direction")
        for option in raw.get("options", {}):
            if option not in options:
                raise TableError(shown, f"{key}.options.{option}", "unknown option")
        samples.append(Sample(raw["source"], raw["target"], direction, raw.get("options", {}), raw["cite"]))
    deviations = []
    for i, raw in enumerate(data.get("deviation", [])):
        _check_keys(shown, f"deviation[{i}]", raw, _DEVIATION_KEYS, ("implementation", "source", "standard",
                                                                      "observed"))
        deviations.append(Deviation(raw["implementation"], raw["source"], raw["standard"], raw["observed"],
                                    raw.get("note", "")))
    aliases = data.get("aliases", [])
    if not all(isinstance(alias, str) for alias in aliases):
        raise TableError(shown, "aliases", "expected a list of strings")
    for key, name in (("id", data["id"]), *(("aliases", alias) for alias in aliases)):
        if not _SCHEME_NAME.fullmatch(name):
            raise TableError(shown, key, f"{name!r}: a scheme name has no spaces, control characters or '+' "
                             "('+' joins options to a scheme in convert())")
    return Scheme(
        id=data["id"], name=data["name"], aliases=tuple(aliases), language=language, status=data["status"],
        citation=data["citation"], reversible=data["reversible"], description=data.get("description", ""),
        forward=directions["forward"], reverse=directions.get("reverse"), options=options,
        samples=tuple(samples), deviations=tuple(deviations), path=shown,
        overrides=_load_overrides(shown, data.get("overrides", {}), directions["forward"]),
    )


def _shown_path(path: Path) -> str:
    """The path as a user knows it: ``tables/schemes/x.toml`` for shipped tables."""
    parts = path.parts
    if "tables" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("tables"):])
    return str(path)


def tables_dir() -> Path:
    """The shipped tables: inside the installed package, or ``tables/`` of a source checkout."""
    packaged = resources.files("translit") / "tables"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "tables"


@cache
def shipped_schemes() -> tuple[Scheme, ...]:
    """Every table in ``tables/schemes/``, loaded and validated once per process."""
    schemes = tuple(load_scheme(path) for path in sorted((tables_dir() / "schemes").glob("*.toml")))
    seen: dict[str, str] = {}
    for scheme in schemes:
        for name in (scheme.id, *scheme.aliases):
            if name in seen:
                raise TableError(scheme.path, "aliases" if name != scheme.id else "id",
                                 f"{name!r} is already used by {seen[name]}")
            seen[name] = scheme.path
    return schemes


__all__ = [
    "Deviation", "Direction", "Option", "OptionPart", "Rule", "Sample", "Scheme", "load_scheme", "override_problem",
    "read_table",
    "scheme_from_dict", "shipped_schemes", "tables_dir",
]
