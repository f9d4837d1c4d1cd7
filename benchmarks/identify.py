"""Accuracy of ``translit.identify()`` on the reference pairs of ``tests/data/``.

Usage: ``python benchmarks/identify.py [--quick] [--examples N]``

The labelled sets are built from ``tests/data/*.tsv`` and their sidecars ``<name>.toml`` (read as
``tests/test_reference_pairs.py`` reads them). A row is used when its system maps to a scheme run
forward (``reverse`` false) with default options (no ``options``), the scheme's language
(``translit.schemes()``) is ``be`` or ``ru``, its Cyrillic source has at most ``MAX_SOURCE``
characters, and the row is not listed under ``[[contradicted]]``.

* **Latin set**: the row's ``expected_output`` labelled with its scheme id (a repeated
  (text, scheme, source) triple counts once). Reported: top-1 accuracy; "ambiguity-aware" top-1
  accuracy, where the top guess also counts when ``translit.convert(source, guess)`` gives exactly
  the row's Latin text (compared after ``translit.prepare``), since many schemes write many words
  alike; top-3 accuracy; the share of texts where ``identify`` returned nothing; a table per true
  scheme; confusion matrices (scheme families, then every scheme that occurs) of true scheme ×
  predicted top-1; the most frequent confusions with how many of them reproduce the text.
* **Cyrillic set**: the distinct ``source_text`` values of those rows, labelled with the scheme's
  language. Reported: accuracy and the be/ru/uk confusion matrix.

Timings are warm (a first call of each kind is made before timing). It is a report: the exit status
is 0 whatever the results.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import textwrap
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"

# Measure this checkout even when another translit is installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import translit  # noqa: E402

MAX_SOURCE = 60  # characters of the Cyrillic source; longer rows are left out
LANGUAGES = ("be", "ru")
CYRILLIC_LABELS = ("be", "ru", "uk")
QUICK_LATIN = 100
SEED = 20240601
TOP_CONFUSIONS = 15
NONE = "(none)"
YEAR = regex.compile(r"-(?:19|20)\d\d$")


@dataclass(frozen=True)
class Item:
    latin: str
    scheme: str
    source: str
    origin: str  # file:system


@dataclass
class Outcome:
    item: Item
    ranked: list[tuple[str, float]]
    same_text: bool  # the top guess converts the source to the same Latin text
    error: str = ""

    @property
    def top(self) -> str:
        return self.ranked[0][0] if self.ranked else NONE


@dataclass
class Tally:
    total: int = 0
    top1: int = 0
    ambiguous_top1: int = 0
    top3: int = 0
    empty: int = 0
    errors: int = 0
    wrong_same: int = 0  # wrong top-1 that still gives the same text

    def add(self, outcome: Outcome) -> None:
        self.total += 1
        guesses = [name for name, _ in outcome.ranked]
        right = bool(guesses) and guesses[0] == outcome.item.scheme
        self.top1 += right
        self.ambiguous_top1 += right or outcome.same_text
        self.wrong_same += (not right) and outcome.same_text
        self.top3 += outcome.item.scheme in guesses[:3]
        self.empty += not guesses
        self.errors += bool(outcome.error)


@dataclass
class Sets:
    latin: list[Item] = field(default_factory=list)
    cyrillic: list[tuple[str, str]] = field(default_factory=list)  # (text, language)
    counts: Counter = field(default_factory=Counter)  # why rows were left out
    conflicts: list[tuple[str, list[str]]] = field(default_factory=list)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _sidecar(path: Path) -> dict:
    with path.with_suffix(".toml").open("rb") as handle:
        return tomllib.load(handle)


def build_sets() -> Sets:
    infos = {}
    for info in translit.schemes():
        infos[info.id] = info
        for alias in info.aliases:
            infos.setdefault(alias, info)
    sets = Sets()
    seen: set[tuple[str, str, str]] = set()
    languages: dict[str, set[str]] = defaultdict(set)
    order: list[str] = []
    for path in sorted(DATA.glob("*.tsv")):
        how = _sidecar(path)
        contradicted = {(entry["system"], entry["source"]) for entry in how.get("contradicted", [])}
        for row in _read(path):
            system = how["systems"].get(row["system"], {})
            source, latin = row["source_text"], row["expected_output"]
            if "scheme" not in system:
                sets.counts["skipped system"] += 1
            elif system.get("reverse", False) or system.get("options"):
                sets.counts["reverse or options"] += 1
            elif (row["system"], source) in contradicted:
                sets.counts["contradicted"] += 1
            elif system["scheme"] not in infos:
                sets.counts["unknown scheme"] += 1
            elif infos[system["scheme"]].language not in LANGUAGES:
                sets.counts["not be/ru"] += 1
            elif len(source) > MAX_SOURCE:
                sets.counts[f"source > {MAX_SOURCE} chars"] += 1
            else:
                info = infos[system["scheme"]]
                key = (latin, info.id, source)
                if key in seen:
                    sets.counts["repeated (text, scheme, source)"] += 1
                else:
                    seen.add(key)
                    sets.latin.append(Item(latin, info.id, source, f"{path.stem}:{row['system']}"))
                    sets.counts["used"] += 1
                if source not in languages:
                    order.append(source)
                languages[source].add(info.language)
    for source in order:
        labels = sorted(languages[source])
        if len(labels) > 1:
            sets.conflicts.append((source, labels))
            continue
        sets.cyrillic.append((source, labels[0]))
    return sets


def _same_text(source: str, scheme: str, latin: str) -> bool:
    try:
        return translit.convert(source, scheme) == translit.prepare(latin)
    except translit.TranslitError:
        return False


def run_latin(items: Sequence[Item]) -> tuple[list[Outcome], float]:
    outcomes = []
    seconds = 0.0
    for item in items:
        start = time.perf_counter()
        error = ""
        try:
            ranked = translit.identify(item.latin)
        except Exception as exc:  # a report counts failures instead of stopping
            ranked, error = [], f"{type(exc).__name__}: {exc}"
        seconds += time.perf_counter() - start
        same = bool(ranked) and _same_text(item.source, ranked[0][0], item.latin)
        outcomes.append(Outcome(item, ranked, same, error))
    return outcomes, seconds


def run_cyrillic(texts: Sequence[tuple[str, str]]) -> tuple[list[tuple[str, str, str]], float]:
    results = []
    seconds = 0.0
    for text, language in texts:
        start = time.perf_counter()
        try:
            ranked = translit.identify(text)
        except Exception:  # counted as no answer
            ranked = []
        seconds += time.perf_counter() - start
        results.append((text, language, ranked[0][0] if ranked else NONE))
    return results, seconds


def family(scheme: str) -> str:
    """The scheme id without a trailing year: be-national-2007 → be-national."""
    return YEAR.sub("", scheme)


def _percent(count: int, total: int) -> str:
    return f"{100 * count / total:5.1f}%" if total else "    -"


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} texts/s" if seconds else "-"


def print_matrix(title: str, rows: Sequence[str], columns: Sequence[str], counts: Counter,
                 legend: Callable[[str], str] | None = None) -> None:
    """Rows × columns of counts; with a legend, columns are headed by short codes."""
    codes = {column: (legend(column) if legend else column) for column in columns}
    corner = "true \\ predicted"
    row_width = max([len(corner)] + [len(row) for row in rows])
    widths = {column: max(3, len(codes[column])) + 1 for column in columns}  # each column as wide as its code
    print(title)
    print(f"  {corner:<{row_width}}" + "".join(f"{codes[c]:>{widths[c]}}" for c in columns) + f"{'n':>6}")
    for row in rows:
        cells = "".join(f"{(counts[row, column] or '.')!s:>{widths[column]}}" for column in columns)
        total = sum(counts[row, column] for column in columns)
        print(f"  {row:<{row_width}}" + cells + f"{total:>6}")


# Words of scheme ids shortened in the column codes; other words keep their first four letters.
SHORT_WORDS = {"national": "n", "lacinka": "lac", "classic": "C", "passport": "pass", "wikipedia": "wiki",
               "scientific": "sci", "yandex": "ydx", "maps": "", "ungegn": "un", "ics": "", "630": "",
               "01": "", "9303": "", "310": "", "gost": "g", "pcgn": "", "lc": "", "b": "B"}


def short_code(scheme: str) -> str:
    """A short column code for a scheme id or family: be-national-2007 → b.n07, ru-bgn-pcgn → r.bgn."""
    if scheme == NONE:
        return "--"
    language, _, rest = scheme.partition("-")
    parts = []
    for word in rest.split("-"):
        if regex.fullmatch(r"(?:19|20)\d\d", word):
            parts.append(word[2:])
        elif word in SHORT_WORDS:
            parts.append(SHORT_WORDS[word])
        else:
            parts.append(word.replace(".", "")[:4])
    return f"{language[:1]}.{''.join(parts)}"


def short_codes(schemes: Sequence[str]) -> dict[str, str]:
    """Column codes that are the same in every run (made from the id alone), unique within ``schemes``."""
    codes: dict[str, str] = {}
    taken: Counter = Counter()
    for scheme in sorted(set(schemes)):
        code = short_code(scheme)
        taken[code] += 1
        codes[scheme] = code if taken[code] == 1 else f"{code}{taken[code]}"
    return codes


def _legend(codes: dict[str, str], columns: Sequence[str]) -> None:
    text = ", ".join(f"{codes[column]}={column}" for column in columns if column != NONE)
    print(textwrap.fill(text, width=108, initial_indent="  legend: ", subsequent_indent=" " * 10,
                        break_on_hyphens=False))


def report_latin(outcomes: Sequence[Outcome], seconds: float, examples: int) -> None:
    overall = Tally()
    per_scheme: dict[str, Tally] = defaultdict(Tally)
    for outcome in outcomes:
        overall.add(outcome)
        per_scheme[outcome.item.scheme].add(outcome)
    n = overall.total
    print(f"Latin: {n} texts, {seconds:.2f} s, {_rate(n, seconds)}")
    print(f"  top-1 accuracy                  {_percent(overall.top1, n)}  ({overall.top1}/{n})")
    aware = overall.ambiguous_top1
    print(f"  ambiguity-aware top-1 accuracy  {_percent(aware, n)}  ({aware}/{n};"
          f" {overall.wrong_same} wrong guesses give the same text)")
    print(f"  top-3 accuracy                  {_percent(overall.top3, n)}  ({overall.top3}/{n})")
    print(f"  nothing returned                {_percent(overall.empty, n)}  ({overall.empty}/{n};"
          f" {overall.errors} exceptions)")
    print()
    name_width = max(len(s) for s in per_scheme)
    print(f"  {'scheme':<{name_width}} {'n':>4} {'top-1':>7} {'amb-1':>7} {'top-3':>7} {'none':>7}")
    for scheme in sorted(per_scheme):
        tally = per_scheme[scheme]
        print(f"  {scheme:<{name_width}} {tally.total:>4} {_percent(tally.top1, tally.total):>7}"
              f" {_percent(tally.ambiguous_top1, tally.total):>7} {_percent(tally.top3, tally.total):>7}"
              f" {_percent(tally.empty, tally.total):>7}")
    print()

    # Families.
    family_counts: Counter = Counter()
    for outcome in outcomes:
        predicted = outcome.top if outcome.top == NONE else family(outcome.top)
        family_counts[family(outcome.item.scheme), predicted] += 1
    family_rows = sorted({row for row, _ in family_counts})
    family_columns = sorted({column for _, column in family_counts if column != NONE})
    family_columns += [NONE] if any(column == NONE for _, column in family_counts) else []
    family_codes = short_codes(family_columns + family_rows)
    print_matrix("Confusion by scheme family (family = id without a trailing year; columns coded, legend "
                 "below)", family_rows, family_columns, family_counts, family_codes.get)
    _legend(family_codes, family_columns)
    print()

    # Every scheme.
    counts: Counter = Counter((outcome.item.scheme, outcome.top) for outcome in outcomes)
    rows = sorted({row for row, _ in counts})
    columns = sorted({column for _, column in counts if column != NONE})
    columns += [NONE] if any(column == NONE for _, column in counts) else []
    codes = short_codes(columns + rows)
    print_matrix("Confusion by scheme (rows: true scheme; columns: top-1 guess, coded, legend below)",
                 rows, columns, counts, codes.get)
    _legend(codes, columns)
    print()

    # The biggest confusions, and how many of them still give the same text.
    wrong: Counter = Counter()
    wrong_same: Counter = Counter()
    samples: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.top == outcome.item.scheme:
            continue
        key = (outcome.item.scheme, outcome.top)
        wrong[key] += 1
        wrong_same[key] += outcome.same_text
        samples[key].append(outcome)
    print("Most frequent confusions (true → predicted: count, of which the guess gives the same text)")
    for (true, predicted), count in wrong.most_common(TOP_CONFUSIONS):
        print(f"  {true:<20} → {predicted:<20} {count:>3}  same text: {wrong_same[true, predicted]:>3}")
        for outcome in samples[true, predicted][:examples]:
            guesses = ", ".join(f"{name} {score:.2f}" for name, score in outcome.ranked[:3])
            mark = "same" if outcome.same_text else "differs"
            print(f"      {outcome.item.latin!r} ← {outcome.item.source!r} [{mark}]  top-3: {guesses}")
    errors = [outcome for outcome in outcomes if outcome.error]
    if errors:
        print("Exceptions:")
        for outcome in errors[:10]:
            print(f"  {outcome.item.latin!r} ({outcome.item.scheme}): {outcome.error}")
    print()


def report_cyrillic(results: Sequence[tuple[str, str, str]], seconds: float, examples: int) -> None:
    n = len(results)
    right = sum(language == predicted for _, language, predicted in results)
    print(f"Cyrillic: {n} distinct texts, {seconds:.3f} s, {_rate(n, seconds)}")
    print(f"  accuracy  {_percent(right, n)}  ({right}/{n})")
    counts = Counter((language, predicted) for _, language, predicted in results)
    columns = list(CYRILLIC_LABELS) + ([NONE] if counts and any(p == NONE for _, p in counts) else [])
    print_matrix("Confusion (rows: true language; columns: top-1 guess)", list(CYRILLIC_LABELS), columns,
                 counts)
    misses = [(text, language, predicted) for text, language, predicted in results if language != predicted]
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    for text, language, predicted in misses:
        by_pair[language, predicted].append(text)
    for (language, predicted), texts in sorted(by_pair.items(), key=lambda item: -len(item[1])):
        shown = "; ".join(repr(text) for text in texts[: max(examples, 1) * 2])
        print(f"  {language} → {predicted} ({len(texts)}): {shown}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"at most {QUICK_LATIN} Latin texts")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per confusion (default 3)")
    args = parser.parse_args(argv)

    sets = build_sets()
    latin = sets.latin
    if args.quick and len(latin) > QUICK_LATIN:
        chosen = sorted(random.Random(SEED).sample(range(len(latin)), QUICK_LATIN))
        latin = [latin[index] for index in chosen]
    print(f"translit {translit.__version__}: identify() on the reference pairs of {DATA.relative_to(REPO)}/")
    print("rows: " + ", ".join(f"{reason} {count}" for reason, count in sorted(sets.counts.items())))
    sample = f" (--quick: a seeded sample of the {len(sets.latin)})" if latin is not sets.latin else ""
    conflicts = f" ({len(sets.conflicts)} labelled both be and ru left out)" if sets.conflicts else ""
    print(f"Latin set: {len(latin)} texts{sample} over {len({item.scheme for item in latin})} schemes;"
          f" Cyrillic set: {len(sets.cyrillic)} distinct texts{conflicts}")
    start = time.perf_counter()
    translit.identify("Minsk")
    translit.identify("Мінск")
    print(f"warm-up (tables, converters, letter model): {time.perf_counter() - start:.2f} s")
    print()

    outcomes, seconds = run_latin(latin)
    report_latin(outcomes, seconds, args.examples)
    results, seconds = run_cyrillic(sets.cyrillic)
    report_cyrillic(results, seconds, args.examples)
    if sets.conflicts:
        print("  left out (same text under be and ru schemes): "
              + "; ".join(repr(text) for text, _ in sets.conflicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
