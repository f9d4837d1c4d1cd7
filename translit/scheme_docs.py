"""Generate the scheme reference (``docs/schemes/``) from the tables, one Markdown page per scheme.

The tables are the single source of truth, so the pages are made from them, never edited by hand:

1. :func:`render` turns one :class:`~translit.tables.Scheme` into a page: what the scheme is (name, id,
   description, status, citation, aliases, directions, reversibility), its options, the letter table and
   the context rules of each direction (rules in plain words), its samples and the documented deviations
   of other implementations.
2. :func:`render_index` makes ``index.md``, a table of all schemes linking their pages.
3. :func:`pages` collects both for every shipped table; :func:`write_all` writes them into a directory,
   rewriting only pages that changed and removing pages of tables that no longer exist.
4. ``python -m translit.scheme_docs`` (:func:`main`) regenerates ``docs/schemes/`` of the source
   checkout this module lives in and prints which files changed. ``tests/test_scheme_docs.py`` fails
   when the files on disk differ from :func:`pages`.

Only :mod:`translit.tables` is needed: no ICU, nothing is converted here.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

from .tables import SCRIPT_NAMES, Direction, Rule, Scheme, shipped_schemes

GENERATED = (
    "<!-- Generated from {source} by `python -m translit.scheme_docs`; edit the table, not this file. -->"
)
LANGUAGES = {"be": "Belarusian", "ru": "Russian"}
CITATION_FIELDS = ("standard", "year", "document", "url", "note")
NOTHING = "*(nothing)*"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


# ---------------------------------------------------------------------------------------------
# Markdown pieces


def escape(text: str) -> str:
    """Prose as Markdown: whitespace collapsed to single spaces, Markdown punctuation escaped."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return "\\" + text if text[:1] in "#+-" else text


def code(text: str) -> str:
    """Letters as a code span, shown exactly (backticks inside get a longer fence); empty is *(nothing)*."""
    if not text:
        return NOTHING
    text = text.replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if text[0] in "` " or text[-1] in "` " else text
    return f"{fence}{padded}{fence}"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """A Markdown table; ``|`` inside a cell is escaped (GFM needs that even inside code spans)."""
    header = list(header)
    lines = [_row(header), _row(["---"] * len(header))]
    return lines + [_row(row) for row in rows]


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _on_off(value: bool) -> str:
    return "on" if value else "off"


def _capital(text: str) -> str:
    """The capitalized form of a lowercase table entry: its first cased letter in capitals."""
    for i, char in enumerate(text):
        if char.upper() != char:
            return text[:i] + char.upper() + text[i + 1:]
    return text


def _both_cases(text: str) -> str:
    if not text:
        return NOTHING
    capital = _capital(text)
    return code(text) if capital == text else f"{code(text)} {code(capital)}"


# ---------------------------------------------------------------------------------------------
# Directions: letter tables and rules


def direction_title(direction: Direction) -> str:
    return f"{SCRIPT_NAMES[direction.source_script]} → {SCRIPT_NAMES[direction.target_script]}"


def _alphabet_order(direction: Direction, letters: Iterable[str]) -> list[str]:
    """Letters in the order of the direction's alphabet, the others after them in the order given."""
    position = {letter: i for i, letter in enumerate(direction.alphabet)}
    given = {letter: len(position) + i for i, letter in enumerate(letters)}
    return sorted(given, key=lambda letter: position.get(letter, given[letter]))


def letter_table(direction: Direction, letters: dict[str, str]) -> list[str]:
    rows = (
        (_both_cases(source), _both_cases(letters[source])) for source in _alphabet_order(direction, letters)
    )
    return table((SCRIPT_NAMES[direction.source_script], SCRIPT_NAMES[direction.target_script]), rows)


def _context(direction: Direction, positions: tuple[frozenset[str], ...]) -> str:
    """``(set, set)`` -> "one of `б в г`, then `л`"."""
    words = []
    for letters in positions:
        shown = code(" ".join(_alphabet_order(direction, sorted(letters))))
        words.append(shown if len(letters) == 1 else f"one of {shown}")
    return ", then ".join(words)


def rule_text(direction: Direction, rule: Rule) -> str:
    """A rule in plain words: "`е` → `ie` after one of `б в г`; е after a consonant"."""
    words = [f"{code(rule.source)} → {code(rule.target) if rule.target else 'nothing'}"]
    if rule.word_start:
        words.append("at the start of a word")
    if rule.after:
        words.append(f"after {_context(direction, rule.after)}")
    if rule.before:
        words.append(f"before {_context(direction, rule.before)}")
    if rule.word_end:
        words.append("at the end of the word" if rule.before else "at the end of a word")
    text = " ".join(words)
    return f"{text}; {escape(rule.note)}" if rule.note else text


def rule_list(direction: Direction, rules: tuple[Rule, ...]) -> list[str]:
    return [f"- {rule_text(direction, rule)}" for rule in rules]


def _direction_section(direction: Direction) -> list[str]:
    lines = [f"## {direction_title(direction)} ({direction.name})", ""]
    if direction.letters_note:
        lines += [f"Letters: {escape(direction.letters_note).rstrip('.')}.", ""]
    lines += [
        "Capitals are generated: a capital is written as shown (first letter capital); inside a word in "
        "capitals the whole output is in capitals. Longer entries win over shorter ones.",
        "",
        *letter_table(direction, direction.letters),
        "",
        "### Context rules",
        "",
    ]
    if direction.rules:
        lines += ["Tried in this order before the letter table; the letter table applies when none does.", ""]
        lines += rule_list(direction, direction.rules)
    else:
        lines.append("None: every letter is written as in the table above.")
    return lines + [""]


# ---------------------------------------------------------------------------------------------
# A whole page


def directions_text(scheme: Scheme) -> str:
    return ", ".join(direction_title(d) for d in (scheme.forward, scheme.reverse) if d is not None)


def reversible_text(scheme: Scheme) -> str:
    if scheme.reversible:
        return "yes: the reverse direction gives back the original text exactly"
    if scheme.reverse is not None:
        return ("no: the reverse direction is not exact; `translit.candidates()` lists the spellings a text "
                "can come from")
    return ("no: forward only; `translit.candidates()` lists the Cyrillic spellings a romanization can "
            "come from")


def _citation(scheme: Scheme) -> list[str]:
    lines = ["## Citation", ""]
    for field in CITATION_FIELDS:
        if field in scheme.citation:
            value = str(scheme.citation[field])
            shown = f"<{value}>" if field == "url" else escape(value)
            lines.append(f"- **{field.capitalize() if field != 'url' else 'URL'}:** {shown}")
    return lines + [""]


def _options(scheme: Scheme) -> list[str]:
    lines = ["## Options", ""]
    if not scheme.options:
        return lines + ["None.", ""]
    rows = (
        (f"`{option.name}`", _on_off(option.default), escape(option.description))
        for option in scheme.options.values()
    )
    first = next(iter(scheme.options.values()))  # the usage line shows how to switch it from its default
    name, value = first.name, not first.default
    return lines + [
        *table(("option", "default", "description"), rows),
        "",
        f"An option is chosen as a keyword (`convert(text, \"{scheme.id}\", {name}={value})`), a suffix of "
        f"the id (`{scheme.id}+{name}={_on_off(value)}`) or on the command line "
        f"(`--option {name}={_on_off(value)}`). What each option changes: [option rules](#option-rules).",
        "",
    ]


def _option_rules(scheme: Scheme) -> list[str]:
    """What each option adds, per direction: its letters and rules win over the direction's own."""
    if not scheme.options:
        return []
    lines = ["## Option rules", ""]
    for option in scheme.options.values():
        lines += [f"### `{option.name}` (default: {_on_off(option.default)})", ""]
        for part_name, part in option.parts.items():
            direction = scheme.direction(reverse=part_name == "reverse")
            assert direction is not None  # the loader rejects a part for a missing direction
            lines += [f"When on, {direction_title(direction)} ({part_name}) uses these first:", ""]
            if part.letters:
                lines += [*letter_table(direction, part.letters), ""]
            if part.rules:
                lines += [*rule_list(direction, part.rules), ""]
    return lines


def _samples(scheme: Scheme) -> list[str]:
    lines = ["## Samples", ""]
    if not scheme.samples:
        return lines + ["None.", ""]
    rows = (
        (code(sample.source), code(sample.target), sample.direction,
         ", ".join(f"`{name}={_on_off(value)}`" for name, value in sample.options.items()) or "—",
         escape(sample.cite))
        for sample in scheme.samples
    )
    return lines + [*table(("source", "target", "direction", "options", "cited from"), rows), ""]


def _deviations(scheme: Scheme) -> list[str]:
    lines = ["## Deviations of other implementations", ""]
    if not scheme.deviations:
        return lines + ["None recorded.", ""]
    rows = (
        (escape(d.implementation), code(d.source), code(d.standard), code(d.observed), escape(d.note))
        for d in scheme.deviations
    )
    return lines + [*table(("implementation", "source", "standard", "observed", "note"), rows), ""]


def render(scheme: Scheme) -> str:
    """The Markdown page of one scheme."""
    language = LANGUAGES.get(scheme.language, scheme.language)
    lines = [
        GENERATED.format(source=scheme.path),
        "",
        f"# {escape(scheme.name)} (`{scheme.id}`)",
        "",
    ]
    if scheme.description:
        lines += [escape(scheme.description), ""]
    lines += [
        f"- **Status:** {escape(scheme.status)}",
        f"- **Language:** {language} (`{scheme.language}`)",
        f"- **Aliases:** {', '.join(f'`{alias}`' for alias in scheme.aliases) or 'none'}",
        f"- **Directions:** {directions_text(scheme)}",
        f"- **Reversible:** {reversible_text(scheme)}",
        f"- **Table:** [{scheme.path}](../../{scheme.path})",
        "",
        *_citation(scheme),
        *_options(scheme),
    ]
    for direction in (scheme.forward, scheme.reverse):
        if direction is not None:
            lines += _direction_section(direction)
    lines += [*_option_rules(scheme), *_samples(scheme), *_deviations(scheme)]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_index(schemes: Iterable[Scheme]) -> str:
    """``index.md``: one row per scheme, linking its page."""
    rows = (
        (f"[`{s.id}`]({s.id}.md)", escape(s.name), s.language, directions_text(s),
         "yes" if s.reversible else "no", escape(s.status))
        for s in schemes
    )
    lines = [
        GENERATED.format(source="tables/schemes/*.toml"),
        "",
        "# Romanization schemes",
        "",
        "One page per table in `tables/schemes/`. Which one to use for what: "
        "[choosing a scheme](../choosing-a-scheme.md); the table format: [tables.md](../tables.md).",
        "",
        *table(("id", "name", "language", "directions", "reversible", "status"), rows),
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Files


def pages() -> dict[str, str]:
    """File name -> content of every page of ``docs/schemes/``."""
    schemes = shipped_schemes()
    return {f"{scheme.id}.md": render(scheme) for scheme in schemes} | {"index.md": render_index(schemes)}


def write_all(directory: Path | str) -> list[Path]:
    """Write every page into ``directory``, remove ``*.md`` files that are not pages; return what changed.

    A page whose file already has its content is left alone, so the list holds only the files that were
    created, rewritten or removed.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    expected = pages()
    changed = []
    for name, content in expected.items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(path)
    for path in sorted(directory.glob("*.md")):
        if path.name not in expected:
            path.unlink()
            changed.append(path)
    return changed


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    if not (root / "tables" / "schemes").is_dir():
        print(f"{root} is not a source checkout of translit (no tables/schemes/)", file=sys.stderr)
        return 1
    changed = write_all(root / "docs" / "schemes")
    for path in changed:
        print(f"{'wrote' if path.exists() else 'removed'} {path.relative_to(root)}")
    if not changed:
        print("docs/schemes/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
