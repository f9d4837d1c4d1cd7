"""Throughput of finding names in running text (``translit normalize``) against plain ``convert``.

Usage: ``python benchmarks/normalize.py [TEXTFILE] [--mb MB] [--repeat N] [--quick]``

The text (``--mb`` megabytes of UTF-8 in all, default 10) has two halves:

* **be**: the real Belarusian sentences of ``TEXTFILE`` (default
  ``../shared/bench-corpus/ud_be_hse_sentences.txt`` next to the repository, CC BY-SA 4.0; read, not
  copied), as shuffled copies of its lines (seed ``SEED``) up to half the size;
* **en**: English news-like sentences generated here from templates (``TEMPLATES``) with the
  gazetteer's names in their Łacinka, English and Latin alias forms (``translit.names.entities()``),
  sometimes with a possessive ``’s``, among capitalised words that are no gazetteer names, and
  ``FILLER`` sentences without names (share ``FILLER_SHARE``), 3-6 sentences to a line.

One run prints, per half and for the whole text, in MB/s of UTF-8 input:

* ``MentionFinder(Index.default()).find(line, named_in_full)`` line by line with one shared
  ``named_in_full`` dict per text, as the CLI does per file; the finder build is timed apart. *first
  pass* is the first pass over one copy of the corpus in this process (word caches empty), *warm*
  the best of ``--repeat`` passes over the whole half;
* ``translit.convert(line, "be-lacinka")`` line by line on the same lines (warm, best of
  ``--repeat``), and the ratio find / convert;
* mentions found per MB;
* ``translit normalize FILE -o OUT`` as a subprocess (wall time, so the interpreter start, the
  imports and the finder build are included; the same command on an empty file is shown apart);

and ends with the target line (find_mentions >= 5 MB/s, met / NOT MET). It is a report: the exit
status is 0 whatever the results (2 when the text file is missing).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = REPO / ".." / "shared" / "bench-corpus" / "ud_be_hse_sentences.txt"

# Measure this checkout even when another translit is installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from measure import best, table, timed  # noqa: E402

import translit  # noqa: E402
from translit.names import Index, entities  # noqa: E402
from translit.text import MentionFinder  # noqa: E402

SEED = 20240601
DEFAULT_MB = 10.0
QUICK_MB = 1.0
TARGET_MB_S = 5.0
CONVERT_SCHEME = "be-lacinka"

TEMPLATES = (
    "{person} met {person2} in {place} on {day}, {org} said in a statement.",
    "Speaking in {place}, {person} said that {org} would {verb} its {thing} by {number} percent.",
    "{org} announced on {day} that it will {verb} a new {thing} near {place}.",
    "According to {source}, {person}'s visit to {place} was postponed until {month}.",
    "{person} and {person2} discussed the {thing} with officials from {foreign} and {org}.",
    "Protesters gathered outside the {org} office in {place} on {day}; {source} reported {number} arrests.",
    "The {thing} between {place} and {place2} will reopen in {month}, {person} told {source}.",
    "{source} could not confirm whether {person} had met representatives of {org} in {foreign}.",
    "In {month}, {org} reported a {number} percent rise in exports to {foreign}.",
    "{person}’s spokesperson declined to comment on the {thing} in {place}.",
    "Residents of {place} said the {thing} had been closed since {month}.",
    "The meeting in {foreign} was attended by {person}, {person2} and {number} other delegates.",
)
# Sentences without gazetteer names: news has far more words than names.
FILLER = (
    "Officials said the decision was taken after several months of talks.",
    "The {thing} is expected to cost about {number} million euros over the next {number2} years.",
    "Prices for food and fuel rose again in {month}, the statistics office said on {day}.",
    "Analysts in {foreign} said the move was unlikely to change the overall picture.",
    "The ministry did not respond to a request for comment by the time of publication.",
    "Local residents told {source} that they had not been consulted about the {thing}.",
    "It was not immediately clear how many people had been affected.",
    "The next round of negotiations is scheduled for {month}.",
    "Critics say the {thing} has been delayed for years because of a lack of funding.",
    "On {day}, the weather service warned of heavy rain and strong winds across the region.",
)
FILLER_SHARE = 0.6  # of the sentences; the rest come from TEMPLATES
FILL = {
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "month": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"),
    "verb": ("expand", "cut", "review", "modernise", "open", "close", "fund", "suspend"),
    "thing": ("plant", "border crossing", "railway line", "pipeline", "budget", "programme", "agreement",
              "investigation", "trade deal", "power station", "hospital", "airport"),
    "source": ("Reuters", "the Associated Press", "Belsat", "Radio Svaboda", "Nasha Niva", "Zerkalo",
               "BelTA", "the BBC", "Deutsche Welle", "local media"),
    "foreign": ("Warsaw", "Vilnius", "Moscow", "Brussels", "Kyiv", "Riga", "Berlin", "Beijing", "the European Union",
                "the United Nations", "NATO", "Washington"),
}








def utf8_size(lines: Sequence[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)  # + the newline


def belarusian_lines(corpus: list[str], size: int, rng: random.Random) -> list[str]:
    """Shuffled copies of the corpus lines, ``size`` bytes or a little more."""
    lines: list[str] = []
    total = 0
    while total < size:
        copy = corpus[:]
        rng.shuffle(copy)
        for line in copy:
            lines.append(line)
            total += len(line.encode("utf-8")) + 1
            if total >= size:
                break
    return lines


def english_lines(size: int, rng: random.Random) -> list[str]:
    """News-like English sentences with gazetteer names (Latin forms), grouped 3-6 to a paragraph line."""
    names: dict[str, list[str]] = {"person": [], "org": [], "place": []}
    for entity in entities():
        forms = [entity.display.get("be-lacinka"), entity.display.get("en"),
                 *(a for a in entity.aliases if a.isascii() or "ł" in a.lower() or "č" in a.lower())]
        names.setdefault(entity.type, []).extend(dict.fromkeys(f for f in forms if f))
    lines: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            template = rng.choice(FILLER if rng.random() < FILLER_SHARE else TEMPLATES)
            values = {key: rng.choice(options) for key, options in FILL.items()}
            values["number"], values["number2"] = str(rng.randint(2, 95)), str(rng.randint(2, 12))
            values["person"], values["person2"] = rng.sample(names["person"], 2)
            values["place"], values["place2"] = rng.sample(names["place"], 2)
            values["org"] = rng.choice(names["org"])
            sentences.append(template.format(**values))
        line = " ".join(sentences)
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
    return lines


def find_all(finder: MentionFinder, lines: Sequence[str]) -> int:
    memory: dict[str, str] = {}  # one document's named_in_full, as the CLI keeps per file
    find = finder.find
    return sum(len(find(line, memory)) for line in lines)


def convert_all(lines: Sequence[str]) -> None:
    convert = translit.convert
    for line in lines:
        convert(line, CONVERT_SCHEME)


def run_cli(path: Path, output: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "translit.cli", "normalize", str(path), "-o", str(output)]
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("textfile", nargs="?", type=Path, default=DEFAULT_TEXT, help="Belarusian UTF-8 text, one line a unit")
    parser.add_argument("--mb", type=float, default=None, help=f"size of the whole text in MB (default {DEFAULT_MB:g})")
    parser.add_argument("--repeat", type=int, default=3, help="timings per warm measurement; the best is kept")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_MB:g} MB and --repeat 1")
    args = parser.parse_args(argv)

    path: Path = args.textfile
    if not path.is_file():
        print(f"normalize.py: text file not found: {path.resolve()}", file=sys.stderr)
        return 2
    corpus = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not corpus:
        print(f"normalize.py: text file is empty: {path.resolve()}", file=sys.stderr)
        return 2
    mb = args.mb or (QUICK_MB if args.quick else DEFAULT_MB)
    repeat = 1 if args.quick else max(1, args.repeat)
    rng = random.Random(SEED)
    half = int(mb * 1e6 / 2)
    parts = {"be": belarusian_lines(corpus, half, rng), "en": english_lines(half, rng)}
    parts["all"] = parts["be"] + parts["en"]

    print(f"translit {translit.__version__} from {Path(translit.__file__).parent}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    print(f"be: {path.resolve()} ({len(corpus)} lines, {utf8_size(corpus) / 1e6:.2f} MB) as shuffled copies")
    print("en: generated news-like sentences with gazetteer names in Latin forms")
    for name, lines in parts.items():
        print(f"  {name}: {len(lines):,} lines, {utf8_size(lines) / 1e6:.2f} MB")
    print(f"best of {repeat}")
    print()

    build = timed(lambda: MentionFinder(Index.default()))
    finder = MentionFinder(Index.default())
    corpus_mb = utf8_size(corpus) / 1e6
    first = timed(lambda: find_all(finder, corpus))
    first_convert = timed(lambda: convert_all(corpus))

    rows = []
    find_rates: dict[str, float] = {}
    for name, lines in parts.items():
        size = utf8_size(lines) / 1e6
        mentions = find_all(finder, lines)  # warm-up, and the count
        find_s = best(repeat, lambda lines=lines: find_all(finder, lines))
        convert_all(lines)  # warm-up
        convert_s = best(repeat, lambda lines=lines: convert_all(lines))
        find_rates[name] = size / find_s
        rows.append([name, f"{size:.2f}", f"{size / find_s:.2f}", f"{size / convert_s:.2f}",
                     f"{convert_s / find_s:.2f}x", f"{mentions / size:,.0f}"])
    print("In process, line by line (MB/s of UTF-8)")
    print(f"  MentionFinder build: {build * 1000:.0f} ms (Index.default() loaded before)")
    print(f"  first pass over one copy of the be corpus ({corpus_mb:.2f} MB): find {corpus_mb / first:.2f} MB/s, "
          f"convert {corpus_mb / first_convert:.2f} MB/s")
    table(["text", "MB", "find MB/s", f"convert {CONVERT_SCHEME} MB/s", "find / convert", "mentions per MB"], rows)
    print()

    with tempfile.TemporaryDirectory(prefix="translit-normalize-bench-") as tmp:
        work = Path(tmp)
        empty = work / "empty.txt"
        empty.write_text("", encoding="utf-8")
        startup = min(run_cli(empty, work / "out-empty.txt") for _ in range(max(1, min(repeat, 3))))
        cli_rows = [["(empty file: start, imports, finder build)", "0.00", f"{startup:.2f}", "", ""]]
        for name, lines in parts.items():
            file = work / f"{name}.txt"
            file.write_text("\n".join(lines) + "\n", encoding="utf-8")
            size = file.stat().st_size / 1e6
            seconds = run_cli(file, work / f"out-{name}.txt")
            cli_rows.append([name, f"{size:.2f}", f"{seconds:.2f}", f"{size / seconds:.2f}",
                             f"{size / max(seconds - startup, 1e-9):.2f}"])
    print("translit normalize FILE -o OUT (subprocess, wall time, one run each)")
    table(["text", "MB", "s", "MB/s", "MB/s less start"], cli_rows)
    print()

    print(f"load average now {os.getloadavg()[0]:.2f} (wall times mean little when it exceeds the CPUs)")
    print("Target" + (" (--quick: small input, one timing each; indicative only)" if args.quick else ""))
    for name, got in find_rates.items():
        print(f"  {'met' if got >= TARGET_MB_S else 'NOT MET'}  find_mentions >= {TARGET_MB_S:g} MB/s on {name} "
              f"(warm): {got:.2f} MB/s")
    verdict = "met" if corpus_mb / first >= TARGET_MB_S else "NOT MET"
    print(f"  {verdict}  find_mentions >= {TARGET_MB_S:g} MB/s, first pass over the be corpus: {corpus_mb / first:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
