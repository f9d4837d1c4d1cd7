"""Compile one direction of a scheme table into ICU transform rule text.

Steps, in order:

1. **Entries.** The direction's ``letters`` (no context) and ``rule`` list (with contexts), plus the
   letters and rules of every enabled option, which come first and win over plain letters.
2. **Before-contexts in the output alphabet.** ICU matches a rule's before-context against text it
   has already transformed (``Бе`` is seen as ``Bе``). A table writes ``after = "$hard"`` in its own
   source alphabet; the compiler rewrites that as the set of characters that *end the output* of
   the class's letters, and refuses (``TableError``) a class whose output cannot be told apart
   from the other letters' output. Letters that write nothing (``ь``, the apostrophe) leave no
   trace, so the compiler also matches them together with the next letter ("pairs").
3. **Capitals.** Tables are lowercase. Each entry yields its capitalised variants: one capital
   with a multi-letter output is title case before a lowercase letter (``Юля`` → ``Jula``), full
   caps before a capital or at the end of an all-caps word (``ЮЛЯ`` → ``JULA``) and title case when
   it stands alone (initials ``Ю.`` → ``Ju.``). Multi-letter entries written by the table author
   (``ле`` → ``le``) take their capitals letter by letter (``лЯ`` → ``lA``).
4. **Order.** Longest source first (ICU takes the first rule that matches and rejects a rule that
   an earlier one masks); within one source, contextual rules in table order, then the plain letter.
5. **Text.** A header citing the standard, a filter, ``::NFC``, the apostrophe family unified to
   U+02BC between Cyrillic letters, then the rules, each with a comment saying where it comes from.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass

from . import __version__
from .errors import OptionError, TableError
from .tables import Direction, Rule, Scheme

APOSTROPHE = "\u02bc"  # MODIFIER LETTER APOSTROPHE: the one apostrophe sign after prepare()
APOSTROPHE_FAMILY = "'\u2019\u02bc\u00b4\u2018`"
WORD_START = WORD_END = "[^[:L:][:M:]]"  # ICU matches a negated set at the edge of the text too


@dataclass(frozen=True)
class _Entry:
    """A source string (with an optional silent letter before it) and what it becomes."""

    source: str
    target: str
    after: tuple[frozenset[str], ...] = ()
    before: tuple[frozenset[str], ...] = ()
    word_start: bool = False
    word_end: bool = False
    note: str = ""
    key: str = ""
    written: bool = True  # written by the table author (not derived by the compiler)
    silent_prefix: str = ""  # a letter that writes nothing, matched together with ``source``

    @property
    def matched(self) -> str:
        return self.silent_prefix + self.source


@dataclass(frozen=True)
class _IcuRule:
    ante: str  # rendered ICU before-context ("" for none)
    key: str  # the literal matched text
    post: tuple[str, ...]  # rendered ICU after-context positions
    output: str


def resolve_options(scheme: Scheme, reverse: bool, requested: dict[str, bool]) -> dict[str, bool]:
    """Every option of ``scheme`` that applies to the direction, with its value (default if not given)."""
    direction = "reverse" if reverse else "forward"
    for name, value in requested.items():
        if name not in scheme.options:
            known = ", ".join(sorted(scheme.options)) or "none"
            raise OptionError(f"scheme {scheme.id!r} has no option {name!r} (options: {known})")
        option = scheme.options[name]
        if direction not in option.parts and value != option.default:
            raise OptionError(f"option {name!r} of scheme {scheme.id!r} does not apply to the {direction} direction")
    return {
        name: bool(requested.get(name, option.default))
        for name, option in scheme.options.items()
        if direction in option.parts
    }


def _entries(scheme: Scheme, direction: Direction, options: dict[str, bool]) -> dict[str, list[_Entry]]:
    """Entries grouped by source, each group in priority order: contextual rules, then the letter."""
    rules: list[Rule] = []
    letters: dict[str, tuple[str, str]] = {}
    for name, enabled in options.items():
        if enabled:
            option = scheme.options[name]
            part = option.parts[direction.name]
            rules.extend(part.rules)
            for source, target in part.letters.items():
                letters.setdefault(source, (target, f"option {name}: {option.description}"))
    rules.extend(direction.rules)
    for source, target in direction.letters.items():
        letters.setdefault(source, (target, direction.letters_note))
    groups: dict[str, list[_Entry]] = {}
    for rule in rules:
        groups.setdefault(rule.source, []).append(
            _Entry(rule.source, rule.target, rule.after, rule.before, rule.word_start, rule.word_end, rule.note,
                   rule.key)
        )
    for source, (target, note) in letters.items():
        groups.setdefault(source, []).append(_Entry(source, target, note=note, key=f"letters.{source}"))
    return groups


def _letter_count(text: str) -> int:
    return sum(1 for char in text if char.lower() != char.upper())


def _title(text: str) -> str:
    """Capitalise the first cased letter only (``ch`` → ``Ch``, ``’ya`` stays readable)."""
    for i, char in enumerate(text):
        if char.lower() != char.upper():
            return text[:i] + char.upper() + text[i + 1:]
    return text


def _both_cases(chars: frozenset[str]) -> frozenset[str]:
    return frozenset(chars | {c.upper() for c in chars} | {c.lower() for c in chars})


def _icu_char(char: str) -> str:
    if char.isascii() and char.isalnum():
        return char
    if not char.isascii() and unicodedata.category(char)[0] in "LM":
        return char
    return f"\\u{ord(char):04X}"


def _icu_string(text: str) -> str:
    return "".join(_icu_char(char) for char in text)


def _icu_set(chars: frozenset[str] | set[str]) -> str:
    """Render a set of characters as an ICU set, with ranges where code points run on."""
    points = sorted(ord(c) for c in chars)
    parts: list[str] = []
    for _, run in itertools.groupby(enumerate(points), lambda pair: pair[1] - pair[0]):
        codes = [code for _, code in run]
        if len(codes) > 2:
            parts.append(f"{_icu_char(chr(codes[0]))}-{_icu_char(chr(codes[-1]))}")
        else:
            parts.extend(_icu_char(chr(code)) for code in codes)
    return "[" + "".join(parts) + "]"


class _Compiler:
    def __init__(self, scheme: Scheme, direction: Direction, options: dict[str, bool]):
        self.scheme = scheme
        self.direction = direction
        self.groups = _entries(scheme, direction, options)
        plain = {source: group[-1] for source, group in self.groups.items()}
        self.silent = sorted(
            source for source, entry in plain.items() if len(source) == 1 and entry.target == "" and not entry.after
        )
        self._add_silent_pairs()

    # -- step 2: before-contexts ---------------------------------------------------------------

    def _add_silent_pairs(self) -> None:
        """For a letter whose rules ask what precedes, match each silent letter together with it."""
        for source, group in list(self.groups.items()):
            if not any(entry.after for entry in group):
                continue
            for silent in self.silent:
                if silent + source in self.groups:  # the table wrote this pair itself: it wins
                    continue
                pair_group = []
                for entry in group:
                    if entry.word_start or len(entry.after) > 1:
                        continue
                    if entry.after and silent not in entry.after[-1]:
                        continue
                    pair_group.append(
                        _Entry(source, entry.target, (), entry.before, False, entry.word_end,
                               entry.note or f"{source} after {silent}", entry.key, entry.written, silent)
                    )
                    if not entry.before and not entry.word_end:
                        break
                self.groups[silent + source] = pair_group

    def _endings(self, last_in_class: bool, members: frozenset[str], next_char: str) -> dict[str, str]:
        """Characters that end the output of entries whose source ends in (or outside) ``members``.

        Only entries that can stand before ``next_char`` count. Maps each character to one entry key
        that produces it, for messages.
        """
        endings: dict[str, str] = {}
        for group in self.groups.values():
            for entry in group:
                if not entry.target or (entry.source[-1] in members) != last_in_class:
                    continue
                if (entry.before and next_char not in entry.before[0]) or (entry.word_end and not entry.before):
                    continue
                for char in (entry.target[-1].lower(), entry.target[-1].upper()):
                    endings.setdefault(char, entry.key)
        return endings

    def _ante(self, entry: _Entry) -> tuple[frozenset[str] | None, str]:
        """The before-context of ``entry`` in the output alphabet, as a set and as ICU text."""
        if entry.word_start:
            return None, WORD_START
        if not entry.after:
            return None, ""
        if len(entry.after) > 1:
            raise TableError(self.scheme.path, entry.key, "an 'after' context of more than one position "
                             "cannot be compiled; write the longer source as its own entry")
        members = entry.after[-1]
        inside = self._endings(True, members, entry.source[0])
        outside = self._endings(False, members, entry.source[0])
        clash = sorted(set(inside) & set(outside))
        if clash:
            char = clash[0]
            raise TableError(
                self.scheme.path, entry.key,
                f"the context before {entry.source!r} cannot be recognised in the output: {char!r} ends "
                f"the output of {inside[char]} (inside the context) and of {outside[char]} (outside it); "
                "write the pair as a letters entry",
            )
        chars = frozenset(inside)
        return chars, (_icu_set(chars) if chars else "")

    # -- step 3: capitals ------------------------------------------------------------------------

    def _case_rules(self, entry: _Entry) -> list[_IcuRule]:
        ante_set, ante = self._ante(entry)
        if entry.after and not ante:  # every letter of the context is silent: only pairs apply
            return []
        post_sets = [_both_cases(position) for position in entry.before]
        post = tuple(_icu_set(position) for position in post_sets) + ((WORD_END,) if entry.word_end else ())
        prefixes = sorted({entry.silent_prefix.lower(), entry.silent_prefix.upper()})
        source, target = entry.source, entry.target
        cased = [i for i, char in enumerate(source) if char.lower() != char.upper()]
        rules: list[_IcuRule] = []
        for prefix in prefixes:
            if len(cased) <= 1:
                rules.append(_IcuRule(ante, prefix + source, post, target))
                if not cased:
                    continue
                upper = prefix + source.upper()
                if _letter_count(target) <= 1:
                    rules.append(_IcuRule(ante, upper, post, target.upper()))
                    continue
                rules.extend(self._single_capital_rules(ante_set, ante, upper, post_sets, post, target))
            else:
                for combo in itertools.product((False, True), repeat=len(cased)):
                    key = list(source)
                    for position, is_upper in zip(cased, combo, strict=True):
                        if is_upper:
                            key[position] = key[position].upper()
                    rules.append(_IcuRule(ante, prefix + "".join(key), post, self._cased_output(entry, combo)))
        return rules

    @staticmethod
    def _cased_output(entry: _Entry, combo: tuple[bool, ...]) -> str:
        target = entry.target
        if entry.written and _letter_count(target) == len(combo):
            letters = iter(combo)
            return "".join(
                (char.upper() if next(letters) else char) if char.lower() != char.upper() else char
                for char in target
            )
        if all(combo):
            return target.upper()
        if combo[0]:
            return _title(target)
        return target

    @staticmethod
    def _single_capital_rules(ante_set, ante, upper, post_sets, post, target) -> list[_IcuRule]:
        """One capital letter with a multi-letter output: title or full caps from its neighbours."""
        title, caps = _title(target), target.upper()
        def next_letter(cased: set[str]) -> tuple[str, ...] | None:
            return (_icu_set(cased),) + post[1:] if cased else None

        if post_sets:
            lower_next = next_letter({c for c in post_sets[0] if c.islower()})
            upper_next = next_letter({c for c in post_sets[0] if c.isupper()})
        elif post:  # only the end of a word follows: neither a lowercase nor a capital letter
            lower_next = upper_next = None
        else:
            lower_next, upper_next = ("[:Ll:]",), ("[:Lu:]",)
        if ante_set is not None:
            upper_before = {c for c in ante_set if c.isupper()}
            ante_upper = _icu_set(upper_before) if upper_before else None
        else:
            ante_upper = None if ante == WORD_START else "[:Lu:]"
        rules = []
        if lower_next is not None:
            rules.append(_IcuRule(ante, upper, lower_next, title))
        if upper_next is not None:
            rules.append(_IcuRule(ante, upper, upper_next, caps))
        if ante_upper:
            rules.append(_IcuRule(ante_upper, upper, post, caps))
        rules.append(_IcuRule(ante, upper, post, title))
        return rules

    # -- steps 4 and 5: order and text ---------------------------------------------------------------

    def rule_lines(self) -> list[str]:
        lines: list[str] = []
        ordered = sorted(
            enumerate(self.groups.items()), key=lambda item: (-len(item[1][0]), item[0])
        )
        for _, (_, group) in ordered:
            for entry in group:
                icu_rules = self._case_rules(entry)
                if not icu_rules:
                    continue
                lines.append(f"# {self._describe(entry)}")
                for rule in icu_rules:
                    lines.append(self._render(rule))
        return lines

    def _describe(self, entry: _Entry) -> str:
        shown = entry.silent_prefix + entry.source
        text = f"{shown} → {entry.target or '(nothing)'}"
        if entry.after:
            text += " after " + "".join("[" + "".join(sorted(p)) + "]" for p in entry.after)
        if entry.word_start:
            text += " at the start of a word"
        if entry.before:
            text += " before " + "".join("[" + "".join(sorted(p)) + "]" for p in entry.before)
        if entry.word_end:
            text += " at the end of a word"
        if entry.note:
            text += f": {entry.note}"
        return text.replace("\n", " ")

    @staticmethod
    def _render(rule: _IcuRule) -> str:
        text = ""
        if rule.ante:
            text += f"{rule.ante} {{ "
        text += _icu_string(rule.key)
        if rule.post:
            text += " } " + " ".join(rule.post)
        return f"{text} → {_icu_string(rule.output)} ;"

    def filter_set(self) -> frozenset[str]:
        chars: set[str] = set()
        for matched in self.groups:
            chars.update(matched)
        if APOSTROPHE in chars:
            chars.update(APOSTROPHE_FAMILY)
        return _both_cases(frozenset(chars))


def compile_rules(
    scheme: Scheme, reverse: bool = False, options: dict[str, bool] | None = None, *, prepared_input: bool = False
) -> str:
    """ICU transform rule text for one direction of ``scheme`` with the given options.

    The rules stand alone (NFC and the apostrophe family unified first, as ``prepare()`` does)
    unless ``prepared_input``: then those passes are left out, for text ``prepare()`` has seen.
    """
    direction = scheme.direction(reverse)
    if direction is None:
        raise TableError(scheme.path, "reverse", f"scheme {scheme.id!r} has no reverse direction")
    resolved = resolve_options(scheme, reverse, options or {})
    compiler = _Compiler(scheme, direction, resolved)
    citation = scheme.citation
    enabled = ", ".join(f"{name}={'on' if value else 'off'}" for name, value in resolved.items()) or "none"
    header = [
        f"# translit {__version__}: scheme {scheme.id} ({scheme.name}), "
        f"{'reverse' if reverse else 'forward'} {direction.source_script} → {direction.target_script}",
        f"# Standard: {citation['standard']}" + (f" ({citation['year']})" if "year" in citation else ""),
    ]
    if "url" in citation:
        header.append(f"# Source: {citation['url']}")
    header += [
        f"# Options: {enabled}",
        f"# Generated from {scheme.path}; edit the table, not these rules.",
        f":: [{_icu_set(compiler.filter_set())[1:-1]}[:Mn:]] ;",
    ]
    if prepared_input:
        header.append("# For text already prepared by translit.prepare(): no NFC or apostrophe pass.")
    else:
        header.append(":: NFC ;")
    if not prepared_input and direction.source_script == "Cyrl" and APOSTROPHE in compiler.filter_set():
        header += [
            "# The apostrophe family between Cyrillic letters is one sign, U+02BC (as translit.prepare()).",
            f"[:Cyrillic:] {{ {_icu_set(frozenset(APOSTROPHE_FAMILY) - {APOSTROPHE})} }} [:Cyrillic:] "
            f"→ {APOSTROPHE} ;",
            ":: Null ;",
        ]
    return "\n".join(header + compiler.rule_lines()) + "\n"
