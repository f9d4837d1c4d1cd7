"""Throughput and memory of ``translit clean`` on a large CSV of realistic name spellings (and of Spark).

Usage: ``python benchmarks/clean.py [--rows N] [--quick] [--unrelated U] [--no-spark | --spark]
[--spark-rows M] [--in-process]``

The input is generated in code, deterministically (seed ``SEED``), into a temporary directory: a CSV
with the columns ``id,name,note`` whose ``name`` cells are drawn, with replacement, from

* every form of every gazetteer entity (``translit.names.entities()``: ``display`` and ``aliases``)
  as written, and the Belarusian Cyrillic forms through every Belarusian scheme, the Russian ones
  through every Russian scheme (``translit.convert``); for persons also "SURNAME, Given" in each
  spelling; every spelling also in upper case (share ``GAZETTEER_SHARE`` of the rows);
* ``--unrelated`` distinct made-up names not in the gazetteer: a Belarusian given name
  (``tables/names/given-names.toml``) and a surname made from a plain word stem and a surname suffix,
  in Cyrillic or through a random Belarusian scheme, sometimes "SURNAME, Given", plus a few foreign
  names (share ``UNRELATED_SHARE``);
* empty cells (the rest).

The pool of distinct values is fixed (it does not grow with ``--rows``), as in a real table where
names repeat. One run prints:

* the input: rows, distinct names, size on disk, generation time;
* ``translit clean INPUT -c name -o OUT`` as a subprocess on the first N/10 rows and on all N rows:
  wall time, rows/s, the child's CPU time (user + system) and rows per CPU second, its peak RSS
  (``ru_maxrss`` of that very child, from ``os.wait4``) and the summary line it prints; the RSS ratio
  N / (N/10);
* with ``--in-process``: ``translit.clean.clean_file`` on the N/10 input in this process (not by
  default: it costs as much as the subprocess run);
* Spark (default on when pyspark imports and ``java`` is on PATH; ``--no-spark`` skips it):
  ``spark.read.csv`` of the same N rows (or ``--spark-rows``) on ``local[2]``, ``resolve_udf()``
  applied, written with the ``noop`` format (every row evaluated, nothing stored): rows/s; the JVM
  and session start time apart;

and ends with a table of the targets (N rows in <= 60 s on this machine, peak RSS <= 500 MB, RSS for
N rows <= 1.1x RSS for N/10 rows) marked met / NOT MET. It is a report: the exit status is 0 whatever
the results.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Measure this checkout even when another translit is installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import regex  # noqa: E402
from measure import table  # noqa: E402

import translit  # noqa: E402
from translit.detect import identify  # noqa: E402
from translit.names import entities  # noqa: E402

GIVEN_NAMES = REPO / "tables" / "names" / "given-names.toml"
SEED = 20240601
DEFAULT_ROWS = 1_000_000
QUICK_ROWS = 100_000
DEFAULT_UNRELATED = 2_000
QUICK_UNRELATED = 500
GAZETTEER_SHARE = 0.55
UNRELATED_SHARE = 0.42  # the rest (3%) empty or blank
TARGET_SECONDS = 60.0
TARGET_RSS_MB = 500.0
TARGET_RSS_RATIO = 1.1  # "the same RSS for 10x the rows", with 10% slack

# Plain Belarusian word stems and surname suffixes (male, female) for made-up surnames.
STEMS = """
Бяроз Дуб Клён Ясен Сасн Ялін Ліп Вольх Асін Ляшчын Рабін Калін Вішн Груш Мак Лён Гарох Бурак Капуст
Цыбул Крапіў Палын Чабор Верас Чарот Ракіт Воўк Мядзведз Ліс Зайц Бабр Барсук Кабан Лось Зубр Вожык
Крот Бусел Жураў Лебедз Гусак Качар Пеўн Сав Сініц Дзяцел Салаў Зязюл Ластаўк Чапл Шчупак Карась Сом
Акунь Жук Пчал Чмель Сокал Арол Крук Шпак Вераб Сарок Галк Дрозд Снягір Каваль Бондар Рыбак Ганчар
Мельнік Кушнер Пекар Шаўц Краўц Цясляр Пастух Ляснік Пахар Касар Гарбар Лавец Казак Сват Кум Дзед
Бортнік Скрыпач Малат Сякер Ніт Кошык Гаршок Збан Каўш Лыжк Воз Плуг Кос Серп Млын Кузн Хат Клець
Гумн Плот Брам Мост Шлях Луг Гай Бор Балот Крыніц Камен Пяск Глін Рог Хвост Скур Лапц Шапк Світк
Кажух Пояс Хлеб Каравай Блін Квас Мёд Воск Сыр Бел Чорн Руд Сів Зялён Мал Стар Нов Добр Ціх Шыр
Доўг Карот Сух Мокр Горк Ясн Цёмн Лыс Куц Кудр Барад Вус Нос Губ Зуб Лоб Гарб Лопух Цвік Ключ Куфар
"""
SUFFIXES = (
    ("евіч", "евіч"), ("овіч", "овіч"), ("ка", "ка"), ("енка", "енка"), ("ук", "ук"), ("чык", "чык"),
    ("скі", "ская"), ("аў", "ава"), ("ін", "іна"), ("ёнак", "ёнак"), ("ель", "ель"), ("іч", "іч"),
)
FOREIGN = (
    "John Smith", "Mary Johnson", "Hans Müller", "Anna Schmidt", "Jan Kowalski", "Katarzyna Nowak",
    "Pierre Dubois", "Marie Martin", "Giuseppe Rossi", "Jonas Petrauskas", "Jānis Bērziņš", "Li Wei",
    "Maria García", "José Fernández", "Mehmet Yılmaz", "Olena Shevchenko", "SMITH, John", "O'Brien, Sean",
)
NOTES = ("", "", "", "checked", "from the 2021 register", "source: list A, p. 3", 'says "see above"',
         "duplicate?", "ok", "manual entry")

_CYRILLIC = regex.compile(r"\p{sc=Cyrl}")
_GIVEN_SPLIT = regex.compile(r"\s+")




# ---------------------------------------------------------------------------------------------
# the input


def schemes_for(language: str) -> list[str]:
    return [s.id for s in translit.schemes()
            if s.language == language and s.source_script == "Cyrl" and s.target_script == "Latn"]


def surname_first(name: str) -> str | None:
    """ "Аляксандр Рыгоравіч Лукашэнка" → "ЛУКАШЭНКА, Аляксандр" (None for one word)."""
    words = _GIVEN_SPLIT.split(name.strip())
    if len(words) < 2:
        return None
    return f"{words[-1].upper()}, {words[0]}"


def gazetteer_spellings() -> list[str]:
    """Every distinct spelling of every gazetteer entity (see the module docstring)."""
    be_schemes, ru_schemes = schemes_for("be"), schemes_for("ru")
    found: dict[str, None] = {}
    for entity in entities():
        forms = list(dict.fromkeys([*entity.display.values(), *entity.aliases]))
        spellings = list(forms)
        for form in forms:
            if not _CYRILLIC.search(form):
                continue
            if form == entity.display.get("ru"):
                language = "ru"
            elif form == entity.display.get("be"):
                language = "be"
            else:
                guesses = identify(form)
                language = guesses[0][0] if guesses else "be"
            for scheme in ru_schemes if language == "ru" else be_schemes if language == "be" else ():
                spellings.append(translit.convert(form, scheme))
        for spelling in list(dict.fromkeys(spellings)):
            found[spelling] = None
            found[spelling.upper()] = None
            if entity.type == "person":
                swapped = surname_first(spelling)
                if swapped:
                    found[swapped] = None
    return [s for s in found if s.strip()]


def unrelated_names(count: int, rng: random.Random, taken: set[str]) -> list[str]:
    """``count`` distinct made-up Belarusian-like names (and the ``FOREIGN`` ones) not in ``taken``."""
    with GIVEN_NAMES.open("rb") as handle:
        groups = tomllib.load(handle)["group"]
    given = [(g["be"][0], g["sex"]) for g in groups if g.get("be")]
    stems = STEMS.split()
    be_schemes = schemes_for("be")
    # Words of gazetteer persons are not used, so that no made-up name is a gazetteer name.
    person_words = {w.casefold() for e in entities() if e.type == "person"
                    for form in [*e.display.values(), *e.aliases] for w in form.split()}
    found: dict[str, None] = dict.fromkeys(f for f in FOREIGN if f not in taken)
    while len(found) < count:
        name, sex = rng.choice(given)
        male, female = rng.choice(SUFFIXES)
        surname = rng.choice(stems) + (male if sex == "m" else female)
        if surname.casefold() in person_words:
            continue
        cyrillic = f"{name} {surname}"
        roll = rng.random()
        spelling = cyrillic if roll < 0.3 else translit.convert(cyrillic, rng.choice(be_schemes))
        if rng.random() < 0.15:
            spelling = surname_first(spelling) or spelling
        if spelling not in taken:
            found[spelling] = None
    return list(found)[:count]


def write_input(path: Path, rows: int, gazetteer: list[str], unrelated: list[str], seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "name", "note"])
        for number in range(1, rows + 1):
            roll = rng.random()
            if roll < GAZETTEER_SHARE:
                name = rng.choice(gazetteer)
            elif roll < GAZETTEER_SHARE + UNRELATED_SHARE:
                name = rng.choice(unrelated)
            else:
                name = rng.choice(("", " "))
            writer.writerow([number, name, rng.choice(NOTES)])


def distinct_names(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return len({row[1] for row in csv.reader(handle)}) - 1  # less the header


# ---------------------------------------------------------------------------------------------
# runs


def run_cli(source: Path, output: Path) -> tuple[float, float, float, str, int]:
    """(wall seconds, CPU seconds and peak RSS MB of the child, its stderr, exit status) of
    ``translit clean``."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "translit.cli", "clean", str(source), "-c", "name", "-o", str(output)]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace").strip()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr, child.returncode


def spark_available() -> bool:
    return importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None


def run_spark(source: Path, rows: int) -> tuple[list[list[str]], str]:
    """Rows for the Spark table (see the module docstring) and the status counts."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    start = time.perf_counter()
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[2]").appName("translit-clean-bench")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
             .config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"]).getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - start
    try:
        from translit.spark import resolve_udf

        frame = spark.read.csv(str(source), header=True, schema="id long, name string, note string")
        partitions = frame.rdd.getNumPartitions()
        resolved = frame.withColumn("r", resolve_udf()("name")).select("*", "r.*").drop("r")
        start = time.perf_counter()
        resolved.write.format("noop").mode("overwrite").save()
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        counts = {row["status"]: row["count"] for row in resolved.groupBy("status").count().collect()}
        count_seconds = time.perf_counter() - start
    finally:
        spark.stop()
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("matched", "ambiguous", "unmatched", "empty"))
    return [
        ["JVM + SparkSession start", f"{started:.1f} s", ""],
        [f"read.csv + resolve_udf + write noop ({partitions} partitions)", f"{seconds:.1f} s",
         f"{rows / seconds:,.0f} rows/s"],
        ["again, groupBy(status).count() (warm Python workers)", f"{count_seconds:.1f} s",
         f"{rows / count_seconds:,.0f} rows/s"],
    ], summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=None, help=f"rows of the big input (default {DEFAULT_ROWS:,})")
    parser.add_argument("--unrelated", type=int, default=None,
                        help=f"distinct made-up names in the pool (default {DEFAULT_UNRELATED:,})")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_ROWS:,} rows, {QUICK_UNRELATED:,} made-up names, no Spark unless --spark")
    spark_group = parser.add_mutually_exclusive_group()
    spark_group.add_argument("--spark", dest="spark", action="store_true", default=None, help="run the Spark part")
    spark_group.add_argument("--no-spark", dest="spark", action="store_false", help="skip the Spark part")
    parser.add_argument("--spark-rows", type=int, default=None, help="rows for Spark (default: the same N)")
    parser.add_argument("--in-process", action="store_true", help="also time clean_file() in this process on N/10")
    args = parser.parse_args(argv)

    rows = args.rows or (QUICK_ROWS if args.quick else DEFAULT_ROWS)
    unrelated_count = args.unrelated or (QUICK_UNRELATED if args.quick else DEFAULT_UNRELATED)
    spark = args.spark if args.spark is not None else (spark_available() and not args.quick)
    small_rows = max(1, rows // 10)

    print(f"translit {translit.__version__} from {Path(translit.__file__).parent}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="translit-clean-bench-") as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        rng = random.Random(SEED)
        gazetteer = gazetteer_spellings()
        unrelated = unrelated_names(unrelated_count, rng, set(gazetteer))
        big, small = work / "names.csv", work / "names-small.csv"
        write_input(big, rows, gazetteer, unrelated, SEED)
        write_input(small, small_rows, gazetteer, unrelated, SEED)  # the same seed: the first N/10 rows
        generated = time.perf_counter() - start
        print(f"input: {len(gazetteer):,} gazetteer spellings + {len(unrelated):,} made-up names in the pool; "
              f"generated in {generated:.1f} s")
        inputs = [(small, small_rows), (big, rows)]
        sizes = {path: (path.stat().st_size / 1e6, distinct_names(path)) for path, _ in inputs}
        print()

        results = []
        run_rows = []
        summaries = []
        for path, n in inputs:
            seconds, cpu, rss, stderr, status = run_cli(path, work / "out.csv")
            results.append((n, seconds, rss))
            summary = stderr.splitlines()[-1] if stderr else "(nothing on stderr)"
            run_rows.append([f"{n:,}", f"{sizes[path][1]:,}", f"{sizes[path][0]:.1f}", f"{seconds:.1f}",
                             f"{n / seconds:,.0f}", f"{cpu:.1f}", f"{n / cpu:,.0f}", f"{rss:.0f}", str(status)])
            summaries.append(f"  {n:,} rows: {summary}")
        print("translit clean INPUT -c name -o OUT (subprocess; peak RSS of that child)")
        table(["rows", "distinct names", "MB", "wall s", "rows/s", "CPU s", "rows/CPU s", "peak RSS MB", "exit"],
              run_rows)
        print("\n".join(summaries))
        (_, small_s, small_rss), (_, big_s, big_rss) = results
        ratio = big_rss / small_rss
        print(f"  RSS {rows:,} rows / {small_rows:,} rows: {big_rss:.0f} / {small_rss:.0f} MB = {ratio:.2f}x; "
              f"time {big_s / small_s:.2f}x for 10x the rows")
        print()

        if args.in_process:
            from translit.clean import clean_file

            start = time.perf_counter()
            summary = clean_file(str(small), str(work / "out-inprocess.csv"), ["name"])
            seconds = time.perf_counter() - start
            print(f"In process: clean_file on {small_rows:,} rows: {seconds:.1f} s, {small_rows / seconds:,.0f} rows/s "
                  f"(subprocess: {small_s:.1f} s); {summary.line()}")
            print()

        spark_rows = args.spark_rows or rows
        if spark:
            if not spark_available():
                print("Spark: skipped (pyspark or java missing)")
            else:
                source = big
                if spark_rows != rows:
                    source = work / "names-spark.csv"
                    write_input(source, spark_rows, gazetteer, unrelated, SEED)
                print(f"Spark: local[2], {spark_rows:,} rows, PYSPARK_PYTHON={sys.executable}")
                try:
                    spark_table, statuses = run_spark(source, spark_rows)
                    table(["step", "time", "rows/s"], spark_table)
                    print(f"  statuses: {statuses}")
                except Exception as error:  # a report: say what failed and go on to the targets
                    print(f"  Spark run failed: {type(error).__name__}: {str(error).splitlines()[0][:300]}")
            print()

    print(f"load average now {os.getloadavg()[0]:.2f} (wall times mean little when it exceeds the CPUs)")
    print("Targets" + (" (--quick: smaller input; the 60 s target is for 1,000,000 rows)" if args.quick else ""))
    budget = TARGET_SECONDS * rows / DEFAULT_ROWS
    target_rows = [
        [f"{rows:,} rows in <= {budget:g} s (2-core machine)", f"{big_s:.1f} s",
         "met" if big_s <= budget else "NOT MET"],
        [f"peak RSS <= {TARGET_RSS_MB:g} MB", f"{max(big_rss, small_rss):.0f} MB",
         "met" if max(big_rss, small_rss) <= TARGET_RSS_MB else "NOT MET"],
        [f"RSS for 10x the rows <= {TARGET_RSS_RATIO}x", f"{ratio:.2f}x",
         "met" if ratio <= TARGET_RSS_RATIO else "NOT MET"],
    ]
    table(["target", "got", ""], target_rows)
    if big_s > TARGET_SECONDS:
        print(f"  at this rate {DEFAULT_ROWS:,} rows would take {DEFAULT_ROWS / (rows / big_s):,.0f} s "
              "(time grows with the distinct names far more than with the rows: see the N/10 run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
