"""Conversion throughput of translit against ICU's built-in Belarusian-Latin/BGN transform.

Usage: ``python benchmarks/convert.py [TEXTFILE] [--repeat N] [--quick]``

The default text is ``../shared/bench-corpus/ud_be_hse_sentences.txt`` next to the repository. One run
prints, on the same text:

* chars/s of ``translit.convert(line, scheme)`` line by line for every shipped scheme (forward, and
  reverse on that scheme's forward output), cold (fresh converter, empty word memo; building the
  converter is timed apart) and warm (memo filled by an earlier pass), and the ratio to ICU;
* chars/s of ICU ``Belarusian-Latin/BGN`` line by line, and on the whole text as one string;
* linearity: time of a 10x input (10 shuffled copies of the lines) over time of the 1x input, line by
  line and as one single string, each with a fresh converter so the memo warm-up is included;
* whether one ``convert()`` of the whole text equals the line-by-line conversion joined with newlines;
* the import time of ``translit``;

and ends with a PASS/FAIL line per target. It is a report: the exit status is 0 whatever the results
(2 when the text file is missing).
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXT = REPO / ".." / "shared" / "bench-corpus" / "ud_be_hse_sentences.txt"

# Measure this checkout even when another translit is installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import icu  # noqa: E402
from measure import best, table, timed  # noqa: E402

import translit  # noqa: E402

# The module, not the function translit.schemes() that shadows it as a package attribute.
registry = importlib.import_module("translit.schemes")

ICU_ID = "Belarusian-Latin/BGN"
LINEARITY_SCHEMES = ("be-lacinka", "be-bgn-pcgn-1979")
ICU_TARGET_SCHEMES = ("be-bgn-pcgn-1979", "be-lacinka")
SPEEDUP_TARGET = 1.5  # translit warm per line / ICU per line
LINEARITY_TARGET = 11.0  # time(10x input) / time(1x input)
IMPORT_TARGET_MS = 150.0
ICU_WHOLE_CAP = 240_000  # ICU's transliterate is quadratic on one long string
QUICK_LINES = 300
SEED = 20240601






def fresh_converter(scheme: str, reverse: bool) -> float:
    """Forget every converter, build this one anew (empty memo); returns the build time in seconds."""
    registry.clear_caches()
    return timed(lambda: registry.converter(scheme, reverse=reverse))


def convert_lines(lines: Sequence[str], scheme: str, reverse: bool) -> list[str]:
    convert = translit.convert
    return [convert(line, scheme, reverse=reverse) for line in lines]


def rate(chars: int, seconds: float) -> float:
    return chars / seconds if seconds > 0 else float("inf")


def fmt_rate(chars_per_s: float) -> str:
    return f"{chars_per_s / 1e6:.2f}M" if chars_per_s >= 1e6 else f"{chars_per_s / 1e3:.0f}k"




def import_time_ms() -> tuple[float, float | None]:
    """(wall-clock ms of ``import translit`` above bare startup, best of 5; -X importtime cumulative ms)."""
    env_args = {"cwd": REPO, "env": {**os.environ, "PYTHONPATH": str(REPO)}, "capture_output": True}

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, **env_args)
        return time.perf_counter() - start

    run("import translit")  # compile .pyc files first
    bare = min(run("pass") for _ in range(5))
    with_import = min(run("import translit") for _ in range(5))
    cumulative: list[float] = []
    for _ in range(5):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import translit"], **env_args)
        for line in done.stderr.decode(errors="replace").splitlines():
            match = re.match(r"import time:\s*\d+\s*\|\s*(\d+)\s*\|\s*translit\s*$", line)
            if match:
                cumulative.append(int(match.group(1)) / 1000)
    return (with_import - bare) * 1000, min(cumulative) if cumulative else None


def first_difference(whole: str, per_line: str) -> str:
    """Where one convert() of the whole text departs from the line-by-line conversion."""
    a, b = whole.split("\n"), per_line.split("\n")
    if len(a) != len(b):
        i = next((i for i, (x, y) in enumerate(zip(whole, per_line, strict=False)) if x != y), min(len(whole), len(per_line)))
        return f"line count {len(a)} vs {len(b)}; first differing char at {i}: {whole[i - 30:i + 30]!r}"
    bad = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    i = bad[0]
    col = next((j for j, (x, y) in enumerate(zip(a[i], b[i], strict=False)) if x != y), min(len(a[i]), len(b[i])))
    lo = max(0, col - 30)
    return (
        f"{len(bad)} line(s) differ; first: line {i + 1} col {col}\n"
        f"      whole:    {a[i][lo:col + 30]!r}\n"
        f"      per line: {b[i][lo:col + 30]!r}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("textfile", nargs="?", type=Path, default=DEFAULT_TEXT, help="UTF-8 text, one line a unit")
    parser.add_argument("--repeat", type=int, default=7, help="timings per measurement; the best is kept")
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_LINES} lines and --repeat 1")
    args = parser.parse_args(argv)

    path: Path = args.textfile
    if not path.is_file():
        print(f"convert.py: text file not found: {path.resolve()}", file=sys.stderr)
        return 2
    lines = path.read_text(encoding="utf-8").splitlines()
    repeat = max(1, args.repeat)
    if args.quick:
        lines, repeat = lines[:QUICK_LINES], 1
    if not lines:
        print(f"convert.py: text file is empty: {path.resolve()}", file=sys.stderr)
        return 2
    chars = sum(map(len, lines))
    whole = "\n".join(lines)

    print(f"translit {translit.__version__} from {Path(translit.__file__).parent}")
    print(f"Python {sys.version.split()[0]}, PyICU {icu.VERSION}, ICU {icu.ICU_VERSION}")
    print(f"text: {path.resolve()}  ({len(lines)} lines, {chars} chars; best of {repeat})")
    print()

    # ICU reference, line by line.
    icu_bgn = icu.Transliterator.createInstance(ICU_ID)
    icu_lines = lambda: [icu_bgn.transliterate(line) for line in lines]  # noqa: E731
    icu_lines()  # warm-up
    icu_rate = rate(chars, best(repeat, icu_lines))

    # translit, line by line, every shipped scheme and direction.
    rows = []
    warm_rates: dict[str, float] = {}
    mismatches: list[str] = []
    slowest: tuple[float, str] | None = None
    for info in translit.schemes():
        directions = [False, True] if info.has_reverse else [False]
        forward_output: list[str] = []
        for reverse in directions:
            inputs = forward_output if reverse else lines
            n_chars = sum(map(len, inputs))
            label = f"{info.id} {'reverse' if reverse else 'forward'}"
            builds: list[float] = []
            cold = best(
                repeat,
                lambda inputs=inputs, info=info, reverse=reverse: convert_lines(inputs, info.id, reverse),
                setup=lambda info=info, reverse=reverse, builds=builds: builds.append(fresh_converter(info.id, reverse)),
            )
            output = convert_lines(inputs, info.id, reverse)  # memo already filled: the warm-up pass
            warm = best(repeat, lambda inputs=inputs, info=info, reverse=reverse: convert_lines(inputs, info.id, reverse))
            cold_rate, warm_rate = rate(n_chars, cold), rate(n_chars, warm)
            warm_rates[label] = warm_rate
            if slowest is None or warm_rate < slowest[0]:
                slowest = (warm_rate, label)
            memo = len(registry.converter(info.id, reverse=reverse)._memo)
            rows.append([
                label, str(n_chars), f"{min(builds) * 1000:.0f}", str(memo),
                fmt_rate(cold_rate), fmt_rate(warm_rate),
                f"{cold_rate / icu_rate:.2f}x", f"{warm_rate / icu_rate:.2f}x",
            ])
            if not reverse:
                forward_output = output
            # One convert() of the whole text must equal the line-by-line conversion.
            joined_input = "\n".join(inputs)
            single = translit.convert(joined_input, info.id, reverse=reverse)
            per_line = "\n".join(output)
            if single != per_line:
                mismatches.append(f"{label}: {first_difference(single, per_line)}")

    print(f"Per line: translit.convert(line, scheme) vs ICU {ICU_ID} (chars/s)")
    table(
        ["scheme / direction", "chars", "build ms", "memo words", "cold", "warm", "cold/ICU", "warm/ICU"],
        [*rows, [f"ICU {ICU_ID}", str(chars), "", "", "", fmt_rate(icu_rate), "", "1.00x"]],
    )
    print("  cold = first pass with a fresh converter (empty word memo; the build is timed apart);")
    print("  warm = a later pass with the memo filled; reverse input = that scheme's forward output.")
    print()

    # Linearity: 10 shuffled copies vs 1x, fresh converter each time (memo warm-up included).
    lines10 = lines * 10
    random.Random(SEED).shuffle(lines10)
    whole10 = "\n".join(lines10)
    lin_rows = []
    ratios: list[tuple[float, str]] = []
    for scheme in LINEARITY_SCHEMES:
        setup = lambda scheme=scheme: fresh_converter(scheme, False)  # noqa: E731
        for mode, small, large in (
            ("per line", lambda s=scheme: convert_lines(lines, s, False),
             lambda s=scheme: convert_lines(lines10, s, False)),
            ("one string", lambda s=scheme: translit.convert(whole, s),
             lambda s=scheme: translit.convert(whole10, s)),
        ):
            t1 = best(repeat, small, setup)
            t10 = best(repeat, large, setup)
            ratio = t10 / t1
            ratios.append((ratio, f"{scheme} {mode}"))
            lin_rows.append([
                scheme, mode, f"{t1 * 1000:.1f}", f"{t10 * 1000:.1f}", f"{ratio:.2f}",
                fmt_rate(rate(len(whole), t1)), fmt_rate(rate(len(whole10), t10)),
            ])
    print(f"Linearity: 10x input (10 copies, lines shuffled, seed {SEED}) vs 1x, fresh converter each")
    table(["scheme", "mode", "1x ms", "10x ms", "10x/1x", "1x chars/s", "10x chars/s"], lin_rows)

    # ICU on one long string, for reference (quadratic): capped, cut at a line end.
    capped = whole if len(whole) <= ICU_WHOLE_CAP else whole[: whole.rfind("\n", 0, ICU_WHOLE_CAP)]
    icu_whole = best(repeat, lambda: icu_bgn.transliterate(capped))
    print(
        f"  ICU {ICU_ID} on one string of {len(capped)} chars: {icu_whole * 1000:.1f} ms, "
        f"{fmt_rate(rate(len(capped), icu_whole))} chars/s (per line: {fmt_rate(icu_rate)} chars/s)"
    )
    print()

    print("Single string vs line by line: convert('\\n'.join(lines)) == '\\n'.join(convert(line) ...)")
    if mismatches:
        for mismatch in mismatches:
            print(f"  MISMATCH {mismatch}")
    else:
        print("  identical for every scheme and direction")
    print()

    import_ms, importtime_ms = import_time_ms()
    detail = f"; -X importtime cumulative {importtime_ms:.1f} ms" if importtime_ms is not None else ""
    print(f"Import: `import translit` {import_ms:.1f} ms above bare interpreter startup (best of 5{detail})")
    print()

    if slowest is not None:
        fastest = max(warm_rates.values())
        if fastest / slowest[0] > 3:
            print(f"Note: {slowest[1]} is {fastest / slowest[0]:.1f}x slower (warm) than the fastest scheme")
            print()

    print("Targets" + (" (--quick: small input, one timing each; indicative only)" if args.quick else ""))
    for scheme in ICU_TARGET_SCHEMES:
        got = warm_rates[f"{scheme} forward"] / icu_rate
        verdict = "PASS" if got >= SPEEDUP_TARGET else "FAIL"
        print(f"  {verdict}  {scheme} warm per line >= {SPEEDUP_TARGET}x ICU {ICU_ID}: {got:.2f}x")
    worst = max(ratios)
    verdict = "PASS" if worst[0] <= LINEARITY_TARGET else "FAIL"
    print(f"  {verdict}  10x input <= {LINEARITY_TARGET:g}x time: worst {worst[0]:.2f}x ({worst[1]})")
    verdict = "PASS" if import_ms <= IMPORT_TARGET_MS else "FAIL"
    print(f"  {verdict}  import translit <= {IMPORT_TARGET_MS:g} ms: {import_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
