"""Speed, size and accuracy of ``translit.names.Index`` on a large index of Belarusian person names.

Usage: ``python benchmarks/resolve.py [--entities N] [--queries Q] [--budget S] [--baseline B] [--repeat R]
[--quick]``

The entities are generated in code, deterministically (seed ``SEED``): ``person:{n}`` with the name
"Given Patronymic Surname" in Belarusian Cyrillic, where the given names are the first ``be`` forms of
``tables/names/given-names.toml`` (with their sex), the patronymics are made from the male given names
by simple Belarusian rules (-авіч/-евіч, -аўна/-еўна, a few irregular ones), and the surnames are a few
hundred word stems (``STEMS``, below) times Belarusian surname suffixes (-евіч, -ка, -енка, -ук, -чык,
-скі/-ская, -аў/-ава …). Every ``SECOND_NAME_EVERY``-th entity also gets its be-national-2007
romanization as a second name. One run prints:

* build: the time of ``Index.add`` for all names (once, garbage collector on, as a user would run it)
  and entities/s; the number of keys shared by two or more entities (such names cannot be told apart);
* files: ``Index.save`` time and size on disk as ``.json`` and ``.json.gz``, ``Index.load`` time (best
  of 3) for each, and whether the loaded index answers a sample of queries as the built one;
* memory: RSS after the imports (the baseline), peak RSS (``ru_maxrss``) after the build and at the end;
* queries (``--queries`` of each kind, sampled from the entities; absent names are new combinations of
  the same parts; a kind whose pass would take longer than ``--budget`` seconds is measured on its
  first queries only, as many as a 100-query probe says fit in the budget, and timed once): *exact* (the name as added), *key* (romanized by be-passport, be-bgn-pcgn-1979 or
  be-lacinka, every third one as "SURNAME, Given Patronymic"), *fuzzy* (such a romanization with one
  letter of the surname deleted or replaced) and *absent*. Per kind: queries/s of ``resolve(name)``
  cold (the ``parse`` and ``word_key`` memos cleared before the pass) and warm (the same queries
  again), the share whose top match is the right id (and not marked ambiguous), the share with no
  match (for *absent*: any match is a false accept), and how the top match was found
  (exact/key/fuzzy);
* baseline: ``rapidfuzz.process.extractOne(query.casefold(), names, scorer=fuzz.token_sort_ratio,
  score_cutoff=80)`` over the case-folded indexed names (brute force, no transliteration), on a
  subsample of ``--baseline`` queries spread evenly over the four kinds: queries/s and accuracy, next
  to ``Index.resolve`` on the very same queries, and the speed ratio;

and ends with a table of the targets (>= 20k queries/s per kind, cold; build <= 60 s; peak RSS <= 1 GB;
load <= 1 s) marked met / NOT MET. It is a report: the exit status is 0 whatever the results.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Measure this checkout even when another translit is installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from measure import best, table, timed  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

import translit  # noqa: E402
from translit.names import Index, Match  # noqa: E402
from translit.names.keys import word_key  # noqa: E402
from translit.names.parse import parse  # noqa: E402

GIVEN_NAMES = REPO / "tables" / "names" / "given-names.toml"
SEED = 20240601
DEFAULT_ENTITIES = 100_000
DEFAULT_QUERIES = 20_000
DEFAULT_BASELINE = 200
DEFAULT_BUDGET = 20.0  # seconds per timed pass of one kind
PROBE = 100
QUICK_ENTITIES = 10_000
QUICK_QUERIES = 2_000
QUICK_BASELINE = 40
QUICK_BUDGET = 3.0
SECOND_NAME_EVERY = 4  # every 4th entity also has its be-national-2007 romanization
SECOND_NAME_SCHEME = "be-national-2007"
QUERY_SCHEMES = ("be-passport", "be-bgn-pcgn-1979", "be-lacinka")
KINDS = ("exact", "key", "fuzzy", "absent")
CHECK_LOADED = {"exact": 100, "key": 100, "fuzzy": 10, "absent": 10}  # compared: built vs loaded index
BASELINE_CUTOFF = 80  # rapidfuzz score (0..100), as the index's default threshold 0.80

TARGET_QPS = 20_000
TARGET_BUILD_S = 60.0
TARGET_RSS_MB = 1024.0
TARGET_LOAD_S = 1.0

# Plain Belarusian word stems (trees, animals, crafts, things, places, adjectives) for surnames.
STEMS = """
Бяроз Дуб Клён Ясен Сасн Ялін Ліп Вольх Асін Ляшчын Рабін Калін Вішн Груш Яблык Сліў Мак Лён Жытн Аўсян
Грэчк Гарох Бурак Капуст Морк Цыбул Часнок Крапіў Палын Чабор Мят Верас Мох Папараць Чарот Ракіт Лаз Каліт
Воўк Мядзведз Ліс Зайц Бабр Барсук Кабан Лось Алень Зубр Вожык Крот Мыш Бусел Жураў Лебедз Гусак Качар Пеўн
Курыц Сав Сініц Дзяцел Салаў Зязюл Ластаўк Чапл Шчупак Карась Лін Сом Акунь Ёрш Смоўж Жук Пчал Чмель Камар
Мурашк Сокал Арол Крук Груган Шпак Вераб Сарок Галк Дрозд Снягір Шчыгл Перапёлк Цецерук Глушэц Рабчык Кулік
Каваль Бондар Рыбак Ганчар Мельнік Кушнер Пекар Шаўц Краўц Цясляр Столяр Кашавар Пастух Ляснік Пахар Касар
Жняц Гарбар Лавец Стральц Ваяр Казак Пан Мужык Сват Кум Брат Сірот Дзед Баб Бортнік Вазак Дуднік Скрыпач
Малат Сякер Піл Нож Шыл Ігл Ніт Кошык Гаршок Збан Каўш Лыжк Кубак Стол Лаў Воз Сан Кол Плуг Баран Сох
Кос Серп Граблі Віл Млын Кузн Хат Клець Свіран Гумн Плот Брам Мост Шлях Пол Луг Гай Бор Лес Баг Балот Рэк
Возер Крыніц Камен Пяск Глін Рог Капыт Хвост Скур Воўн Лапц Бот Шапк Світк Кажух Пояс Ручнік Палатн Сукн
Хлеб Каравай Блін Квас Мёд Воск Сыр Масл Сол Перац Шыпшын Журавін Брусніц Чарніц Маліны Парэчк Агрэст
Бел Чорн Руд Сів Зялён Мал Вял Стар Нов Добр Ліх Хітр Ціх Гучн Шыр Доўг Карот Цвёрд Мякк Сух Мокр Горк
Салодк Кісл Цёпл Халодн Ясн Цёмн Светл Раб Лыс Куц Кудр Барад Вус Нос Губ Зуб Лоб Вух Рук Ног Гарб Пуз
Лапат Лопух Цвік Замок Ключ Скрын Куфар Дзверц Акон Печ Комін Дах Слуп Бярвён Дошк Кліну Клін Шнур Вяроўк
Сетк Невад Кошел Торб Мяшок Вядр Карыт Дзяж Ступ Жорн Цэп Каток Саха Барон Вазок Калёс Дышл Хамут Сядл
Стрэмя Вуздэчк Пуг Бізун Кнут Кій Палк Кіёк Дубін Шабл Мяч Шчыт Лук Страл Кап'ё Бубен Дудк Жалейк Ліру
Гусл Скрыпк Цымбал Барабан Звон Колакал Ліхтар Свечк Лучын Сярнік Попел Вугал Дым Агонь Іскр Зор Месяц
Сонц Хмар Дождж Снег Град Мароз Іней Туман Вецер Бур Гром Маланк Вясёлк Раніц Вечар Поўнач Поўдз Усход
Захад Зім Вясн Лет Восень Студзень Люты Сакавік Красавік Травень Чэрвень Ліпень Жнівень Верасень Кастрычнік
Лістапад Снежань Вол Карова Цялят Авечк Баранок Казёл Казляк Конік Кабыл Жарабец Парсюк Свінн Кураня Гусян
Качан Індык Трус Сабак Кот Мышак Пацук Вавёрк Куніц Тхор Ласк Выдр Норк Ондатр Бабрук Лысух Кнігар Пісар
"""

# Surname suffixes: (male, female).
SUFFIXES = (
    ("евіч", "евіч"), ("овіч", "овіч"), ("ка", "ка"), ("енка", "енка"), ("ук", "ук"), ("чык", "чык"),
    ("скі", "ская"), ("аў", "ава"), ("ін", "іна"), ("ёнак", "ёнак"), ("ель", "ель"), ("іч", "іч"),
)

# Patronymics the simple rules below would get wrong: (male, female).
IRREGULAR_PATRONYMICS = {
    "Ілья": ("Ільіч", "Ільінічна"), "Кузьма": ("Кузьміч", "Кузьмінічна"), "Пётр": ("Пятровіч", "Пятроўна"),
    "Леў": ("Львовіч", "Львоўна"), "Павел": ("Паўлавіч", "Паўлаўна"), "Францішак": ("Францішкавіч", "Францішкаўна"),
    "Якаў": ("Якаўлевіч", "Якаўлеўна"), "Юрый": ("Юр'евіч", "Юр'еўна"), "Валерый": ("Валер'евіч", "Валер'еўна"),
}


def patronymics(father: str) -> tuple[str, str]:
    """(son's, daughter's) patronymic from a father's Belarusian given name."""
    if father in IRREGULAR_PATRONYMICS:
        return IRREGULAR_PATRONYMICS[father]
    if father.endswith(("ай", "ей", "эй", "ый", "ій")):  # Мікалай → Мікалаевіч, Дзмітрый → Дзмітрыевіч
        stem, soft = father[:-1], True
    elif father.endswith("ь"):  # Анатоль → Анатолевіч
        stem, soft = father[:-1], True
    elif father.endswith(("а", "я")):  # Мікіта → Мікітавіч
        stem, soft = father[:-1], False
    elif father.endswith("ў"):  # Уладзіслаў → Уладзіслававіч
        stem, soft = father[:-1] + "в", False
    else:  # Аляксандр → Аляксандравіч
        stem, soft = father, False
    return (stem + "евіч", stem + "еўна") if soft else (stem + "авіч", stem + "аўна")


def surname(stem: str, suffix: str) -> str:
    if stem.endswith("ь") and suffix[0] in "аеёіоуыэюя":
        stem = stem[:-1]  # Каваль + евіч → Кавалевіч
    if suffix.startswith("с") and stem[-1] in "кцчсшз":
        suffix = "аў" + suffix  # Бабк + скі → Бабкаўскі
    return stem + suffix


@dataclass(frozen=True)
class Person:
    id: str
    given: str
    patronymic: str
    surname: str

    @property
    def name(self) -> str:
        return f"{self.given} {self.patronymic} {self.surname}"


class Generator:
    """Random Belarusian person names from fixed parts, deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        with open(GIVEN_NAMES, "rb") as handle:
            groups = tomllib.load(handle)["group"]
        self.given = {"m": [g["be"][0] for g in groups if g["sex"] == "m"],
                      "f": [g["be"][0] for g in groups if g["sex"] == "f"]}
        self.patronymics = [patronymics(father) for father in self.given["m"]]
        self.stems = list(dict.fromkeys(STEMS.split()))
        self.random = random.Random(seed)

    def person(self, number: int) -> Person:
        pick = self.random.choice
        sex = "m" if self.random.random() < 0.5 else "f"
        female = sex == "f"
        patronymic = pick(self.patronymics)[female]
        return Person(f"person:{number}", pick(self.given[sex]), patronymic,
                      surname(pick(self.stems), pick(SUFFIXES)[female]))

    def people(self, count: int, taken: set[str], start: int = 0) -> list[Person]:
        """``count`` people whose names are all different and not in ``taken`` (which is updated)."""
        found: list[Person] = []
        while len(found) < count:
            person = self.person(start + len(found))
            if person.name not in taken:
                taken.add(person.name)
                found.append(person)
        return found


def romanized(person: Person, scheme: str, surname_first: bool) -> str:
    """The person's name in a scheme, optionally as "SURNAME, Given Patronymic"."""
    given, patronymic, family = (translit.convert(w, scheme) for w in (person.given, person.patronymic,
                                                                        person.surname))
    return f"{family.upper()}, {given} {patronymic}" if surname_first else f"{given} {patronymic} {family}"


def typo(name: str, family: str, rng: random.Random) -> str:
    """``name`` with one letter of the surname ``family`` (a substring of it) deleted or replaced."""
    at = name.index(family)
    position = rng.randrange(1, len(family))
    if rng.random() < 0.5:
        changed = family[:position] + family[position + 1:]
    else:
        old = family[position]
        letters = [c for c in "aeiouklmnprstvz" if c != old.lower()]
        new = rng.choice(letters)
        changed = family[:position] + (new.upper() if old.isupper() else new) + family[position + 1:]
    return name[:at] + changed + name[at + len(family):]


@dataclass
class Query:
    kind: str
    text: str
    truth: str | None  # the right id; None for an absent name


def make_queries(people: Sequence[Person], absent: Sequence[Person], count: int, seed: int) -> list[Query]:
    rng = random.Random(seed + 1)
    queries: list[Query] = []
    for person in rng.sample(list(people), min(count, len(people))):
        queries.append(Query("exact", person.name, person.id))
    for n, person in enumerate(rng.sample(list(people), min(count, len(people)))):
        queries.append(Query("key", romanized(person, QUERY_SCHEMES[n % 3], n % 3 == 1), person.id))
    for n, person in enumerate(rng.sample(list(people), min(count, len(people)))):
        scheme, first = QUERY_SCHEMES[(n + 1) % 3], n % 3 == 2
        text = romanized(person, scheme, first)
        family = translit.convert(person.surname, scheme)
        queries.append(Query("fuzzy", typo(text, family.upper() if first else family, rng), person.id))
    for n, person in enumerate(absent[:count]):
        text = person.name if n % 2 == 0 else romanized(person, QUERY_SCHEMES[n % 3], n % 4 == 1)
        queries.append(Query("absent", text, None))
    return queries


# ---------------------------------------------------------------------- measuring




def clear_memos() -> None:
    parse.cache_clear()
    word_key.cache_clear()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def current_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def fmt_rate(per_s: float) -> str:
    if per_s >= 1e6:
        return f"{per_s / 1e6:.2f}M"
    return f"{per_s / 1e3:.1f}k" if per_s >= 1e3 else f"{per_s:.1f}"


def pct(count: int, total: int) -> str:
    return f"{100 * count / total:.1f}%" if total else "-"




@dataclass
class Outcome:
    right: int = 0
    right_clear: int = 0  # right and not marked ambiguous
    empty: int = 0
    via: Counter | None = None

    def __post_init__(self) -> None:
        self.via = Counter()


def judge(queries: Sequence[Query], answers: Sequence[list[Match]]) -> Outcome:
    outcome = Outcome()
    for query, found in zip(queries, answers, strict=True):
        if not found:
            outcome.empty += 1
            continue
        top = found[0]
        outcome.via[top.via] += 1
        if top.id == query.truth:
            outcome.right += 1
            outcome.right_clear += not top.ambiguous
    return outcome


def shared_keys(index: Index) -> tuple[int, int]:
    """(keys filed for two or more ids, ids having such a key) of an index."""
    by_key: dict[str, set[str]] = {}
    for entity_id, _type, _name, parsed in index.entries():
        by_key.setdefault(parsed.key, set()).add(entity_id)
    shared = [ids for ids in by_key.values() if len(ids) > 1]
    return len(shared), len(set().union(*shared))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=DEFAULT_ENTITIES, help="people in the index")
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERIES, help="queries of each kind")
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET,
                        help="seconds one timed pass of a kind may take; slower kinds use fewer queries")
    parser.add_argument("--baseline", type=int, default=DEFAULT_BASELINE,
                        help="queries for the rapidfuzz brute-force baseline (over all kinds)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per measurement; the best is kept")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_ENTITIES} entities, {QUICK_QUERIES} queries of each kind, "
                             f"{QUICK_BASELINE} baseline queries, --budget {QUICK_BUDGET:g}, --repeat 1")
    args = parser.parse_args(argv)
    entities, n_queries, n_baseline, repeat = args.entities, args.queries, args.baseline, max(1, args.repeat)
    budget = args.budget
    if args.quick:
        entities, n_queries, n_baseline, repeat = QUICK_ENTITIES, QUICK_QUERIES, QUICK_BASELINE, 1
        budget = QUICK_BUDGET
    if entities < 1 or n_queries < 1:
        parser.error("--entities and --queries must be positive")

    rss_imports = peak_rss_mb()
    print(f"translit {translit.__version__} from {Path(translit.__file__).parent}")
    print(f"Python {sys.version.split()[0]}; seed {SEED}; best of {repeat}")

    # Entities and queries.
    generator = Generator(SEED)
    start = time.perf_counter()
    taken: set[str] = set()
    people = generator.people(entities, taken)
    absent = generator.people(n_queries, taken, start=entities)
    queries = make_queries(people, absent, n_queries, SEED)
    made = time.perf_counter() - start
    rows = [(p.id, p.name) for p in people]
    rows += [(p.id, translit.convert(p.name, SECOND_NAME_SCHEME)) for p in people[::SECOND_NAME_EVERY]]
    surnames = len({p.surname for p in people})
    print(f"entities: {len(people)} people, {len(rows)} names ({len(people[::SECOND_NAME_EVERY])} with a "
          f"{SECOND_NAME_SCHEME} second name); {len(generator.given['m'])}+{len(generator.given['f'])} given "
          f"names, {len(generator.patronymics)} patronymics, {surnames} surnames from {len(generator.stems)} "
          f"stems x {len(SUFFIXES)} suffixes; generated with the queries in {made:.1f} s")
    print("  e.g. " + "; ".join(p.name for p in people[:3]))
    for kind in KINDS:
        print(f"  {kind} query e.g. " + "; ".join(q.text for q in queries if q.kind == kind)[:150])
    print()

    # Build (once, garbage collector on, memos cold).
    clear_memos()
    gc.collect()
    rss_before = current_rss_mb()
    index = Index()
    start = time.perf_counter()
    for id, name in rows:
        index.add(id, name, "person")
    build_s = time.perf_counter() - start
    rss_build_peak = peak_rss_mb()
    rss_built = current_rss_mb()
    shared, shared_ids = shared_keys(index)
    print("Build")
    table(["what", "value"], [
        ["Index.add of all names", f"{build_s:.1f} s"],
        ["entities/s", fmt_rate(rate(len(people), build_s))],
        ["names/s", fmt_rate(rate(len(rows), build_s))],
        ["ids / entries / exact forms / keys / part blocks",
         f"{len(index)} / {sum(1 for _ in index.entries())} / {len(index._exact)} / {len(index._by_key)} / "
         f"{len(index._part_blocks)}"],
        ["keys shared by 2+ ids (ids concerned)", f"{shared} ({shared_ids})"],
        ["RSS after imports", f"{rss_imports:.0f} MB"],
        ["RSS before build (entities, queries made)", f"{rss_before:.0f} MB"],
        ["RSS after build (current)", f"{rss_built:.0f} MB  (+{rss_built - rss_before:.0f} MB)"],
        ["peak RSS after build (ru_maxrss)", f"{rss_build_peak:.0f} MB"],
    ])
    print()

    # Queries: cold (memos cleared before each pass) and warm (the same pass again).
    by_kind = {kind: [q for q in queries if q.kind == kind] for kind in KINDS}
    results: dict[str, tuple[float, float, Outcome]] = {}
    answered_by: dict[str, list[tuple[Query, list[Match]]]] = {}
    resolve = index.resolve
    for kind in KINDS:
        batch = by_kind[kind]
        clear_memos()
        probe = timed(lambda batch=batch: [resolve(q.text) for q in batch[:PROBE]])
        runs = repeat
        if rate(min(PROBE, len(batch)), probe) * budget < len(batch):
            batch = by_kind[kind] = batch[:max(PROBE, int(rate(min(PROBE, len(batch)), probe) * budget))]
            runs = 1
        texts = [q.text for q in batch]
        cold = best(runs, lambda texts=texts: [resolve(t) for t in texts], setup=clear_memos)
        answers = [resolve(t) for t in texts]
        warm = best(runs, lambda texts=texts: [resolve(t) for t in texts])
        results[kind] = (rate(len(batch), cold), rate(len(batch), warm), judge(batch, answers))
        answered_by[kind] = list(zip(batch, answers, strict=True))
    print(f"Queries: Index.resolve(name) (limit 5), up to {n_queries} of each kind, a pass within ~{budget:g} s")
    query_rows = []
    for kind, (cold_qps, warm_qps, got) in results.items():
        total = len(by_kind[kind])
        right = "-" if kind == "absent" else pct(got.right, total)
        clear = "-" if kind == "absent" else pct(got.right_clear, total)
        answered = total - got.empty
        query_rows.append([
            kind, str(total), fmt_rate(cold_qps), fmt_rate(warm_qps), right, clear, pct(got.empty, total),
            pct(answered, total) if kind == "absent" else "-",
            *(pct(got.via[v], answered) for v in ("exact", "key", "fuzzy")),
        ])
    table(["kind", "queries", "cold q/s", "warm q/s", "top right", "right, clear", "no match", "false accept",
           "via exact", "via key", "via fuzzy"], query_rows)
    print("  cold = parse/word_key memos cleared before the pass; warm = the same queries again;")
    print("  right, clear = top match right and not marked ambiguous; via = how the top match was found")
    print("  (share of answered queries); false accept = an absent name got any match.")
    for kind in ("key", "fuzzy"):
        misses = [(q, f) for q, f in answered_by[kind] if not f or f[0].id != q.truth]
        if misses:
            print(f"  first misses of {kind} queries ({len(misses)} of {len(answered_by[kind])}):")
        for query, found in misses[:5]:
            right = index.names(query.truth)[0]
            got = "; ".join(f"{m.name} {m.score} {m.via}{' ambiguous' if m.ambiguous else ''}" for m in found[:2])
            print(f"    {query.text!r} (is {right!r}) -> {got or 'nothing'}")
    accepted = [(q, f) for q, f in answered_by["absent"] if f]
    if accepted:
        print(f"  first false accepts of absent names ({len(accepted)} of {len(answered_by['absent'])}):")
        for query, found in accepted[:5]:
            print(f"    {query.text!r} -> {found[0].name!r} {found[0].score} {found[0].via}")
    print()

    # Files: save, size, load.
    with tempfile.TemporaryDirectory(prefix="translit-resolve-") as tmp:
        file_rows = []
        load_times: dict[str, float] = {}
        sample = [q.text for kind, count in CHECK_LOADED.items() for q in by_kind[kind][:count]]
        expected = [index.resolve(t) for t in sample]
        for suffix in (".json", ".json.gz"):
            path = Path(tmp) / f"index{suffix}"
            save_s = timed(lambda path=path: index.save(path))
            size = path.stat().st_size
            load_s = best(3, lambda path=path: Index.load(path))
            load_times[suffix] = load_s
            loaded = Index.load(path)
            same = sum(loaded.resolve(t) == e for t, e in zip(sample, expected, strict=True))
            file_rows.append([suffix, f"{size / 1e6:.1f} MB", f"{save_s:.2f} s", f"{load_s:.2f} s",
                              f"{same}/{len(sample)}"])
            del loaded
    print("Files: Index.save / Index.load (best of 3)")
    table(["file", "size", "save", "load", "same answers after load"], file_rows)
    print()

    # Baseline: rapidfuzz brute force over the case-folded names, the same queries.
    per_kind = max(1, n_baseline // len(KINDS))
    subsample = [q for kind in KINDS for q in random.Random(SEED + 3).sample(by_kind[kind], min(per_kind,
                                                                                                len(by_kind[kind])))]
    choices = [name.casefold() for _, name in rows]
    owner = [id for id, _ in rows]
    folded = [q.text.casefold() for q in subsample]
    found_base: list[tuple[str, float, int] | None] = []
    base_s = timed(lambda: found_base.extend(
        process.extractOne(t, choices, scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=BASELINE_CUTOFF)
        for t in folded))
    texts = [q.text for q in subsample]
    clear_memos()
    ours_s = timed(lambda: [index.resolve(t) for t in texts])
    ours = [index.resolve(t) for t in texts]
    base_qps, ours_qps = rate(len(subsample), base_s), rate(len(subsample), ours_s)
    base_rows = []
    for kind in KINDS:
        picked = [(q, b, o) for q, b, o in zip(subsample, found_base, ours, strict=True) if q.kind == kind]
        if kind == "absent":
            base_score = sum(b is not None for _, b, _ in picked)
            our_score = sum(bool(o) for _, _, o in picked)
            label = "false accept"
        else:
            base_score = sum(b is not None and owner[b[2]] == q.truth for q, b, _ in picked)
            our_score = sum(bool(o) and o[0].id == q.truth for q, _, o in picked)
            label = "top right"
        base_rows.append([kind, str(len(picked)), label, pct(base_score, len(picked)), pct(our_score, len(picked))])
    print(f"Baseline: rapidfuzz.process.extractOne(query.casefold(), {len(choices)} case-folded names, "
          f"token_sort_ratio, score_cutoff={BASELINE_CUTOFF})")
    table(["kind", "queries", "measure", "rapidfuzz", "Index.resolve"], base_rows)
    print(f"  same {len(subsample)} queries: rapidfuzz {fmt_rate(base_qps)} q/s, Index.resolve (cold) "
          f"{fmt_rate(ours_qps)} q/s: {ours_qps / base_qps:.2f}x")
    print()

    rss_end = peak_rss_mb()
    print(f"Memory: peak RSS at the end {rss_end:.0f} MB (imports {rss_imports:.0f} MB, after build "
          f"{rss_build_peak:.0f} MB; the loads and the baseline come after the build)")
    print()

    print("Targets" + (" (--quick: small index, one timing each; indicative only)" if args.quick else ""))
    target_rows = [[f"queries/s, {kind} (cold)", f">= {TARGET_QPS // 1000}k", fmt_rate(results[kind][0]),
                    "met" if results[kind][0] >= TARGET_QPS else "NOT MET"] for kind in KINDS]
    target_rows.append([f"build, {len(people)} entities", f"<= {TARGET_BUILD_S:g} s", f"{build_s:.1f} s",
                        "met" if build_s <= TARGET_BUILD_S else "NOT MET"])
    target_rows.append(["peak RSS after build", f"<= {TARGET_RSS_MB:g} MB", f"{rss_build_peak:.0f} MB",
                        "met" if rss_build_peak <= TARGET_RSS_MB else "NOT MET"])
    for suffix, load_s in load_times.items():
        target_rows.append([f"Index.load {suffix}", f"<= {TARGET_LOAD_S:g} s", f"{load_s:.2f} s",
                            "met" if load_s <= TARGET_LOAD_S else "NOT MET"])
    table(["target", "wanted", "measured", "verdict"], target_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
