"""Reliability sweep of the command line (issue #7): 1 MB adversarial lines through every command that
reads text, in linear time; no command writes anywhere but its given output.

Adversarial lines: each command runs in a worker process (this file run as a script) that times it
through click's CliRunner on a 1,000-character warm-up, a 100,000-character and a 1,000,000-character
input of the same kind, and prints one JSON line per run. The worker has a timeout, so a hang fails
the test instead of blocking CI; the workers run two (or more, with more CPUs) at a time, so a 1 MB
run that looks non-linear runs once more and the faster run counts.

Writes: each command runs as a real process in a fresh working directory with HOME and TMPDIR pointed
at fresh directories; afterwards the only new or changed file in those (and in the repository's
tables/) is the named output. A failing run leaves no output and no temporary file.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve()

# --- adversarial lines ----------------------------------------------------------------------------

LARGE = 1_000_000  # bytes of UTF-8: the issue's "1 MB line"
SMALL = 100_000
WARM_UP = 1_000
MAX_RATIO = 30  # 10x the input: linear is ~10, quadratic ~100
FLOOR = 0.1  # seconds: a faster small run counts as this long (timer noise)
WORKER_TIMEOUT = 240  # seconds for one worker (all its kinds, all sizes)
UNIT = {"word": "а", "apostrophes": "а'", "marks": "\u0301", "scripts": "аb", "latin": "a"}


def adversarial(kind: str, size: int) -> str:
    """One line (no line break) of ``size`` bytes of UTF-8, give or take a character.

    word: one word of Cyrillic letters (500k in 1 MB); apostrophes: а' repeated (333k apostrophes
    between letters); marks: one letter carrying combining acute accents (500k); scripts: Cyrillic and
    Latin letters alternating (667k); latin: one word of Latin letters (1M), for the commands that
    read romanized text.
    """
    if kind == "marks":
        return "а" + "\u0301" * ((size - 2) // 2)
    unit = UNIT[kind]
    return unit * (size // len(unit.encode()))


KINDS = ("word", "apostrophes", "marks", "scripts")
STDIN_COMMANDS = {
    "convert": ["convert", "-s", "be-lacinka"],
    "convert-reverse": ["convert", "--reverse", "-s", "be-lacinka"],
    "candidates": ["candidates", "-s", "be-bgn-pcgn-1979"],
    "identify": ["identify"],
    "resolve": ["resolve"],
    "key": ["key"],
    "normalize": ["normalize"],
}
COMMANDS = (*STDIN_COMMANDS, "clean", "variants", "match")
LATIN_READERS = ("convert-reverse", "candidates")  # also get a Latin word


def kinds_of(command: str) -> tuple[str, ...]:
    return (*KINDS, "latin") if command in LATIN_READERS else KINDS


def _invocation(command: str, text: str, scratch: Path) -> tuple[list[str], str | None]:
    """(arguments, stdin) of ``command`` on the line ``text``."""
    if command in STDIN_COMMANDS:
        return STDIN_COMMANDS[command], text + "\n"
    if command == "clean":  # the line as one cell of a CSV file
        import csv

        path = scratch / "input.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name"])
            writer.writerow([text])
        return ["clean", str(path), "-c", "name", "-q"], None
    if command == "variants":
        return ["variants", text], None
    if command == "match":
        return ["match", text, text], None
    raise ValueError(command)


def _worker(command: str, kinds: list[str]) -> None:
    """Run ``command`` on each kind at each size; one JSON line per run on stdout."""
    from click.testing import CliRunner

    from translit.cli import main

    with tempfile.TemporaryDirectory() as scratch:
        for kind in kinds:
            small = FLOOR
            for size in (WARM_UP, SMALL, LARGE):
                arguments, stdin = _invocation(command, adversarial(kind, size), Path(scratch))
                for _ in range(2):  # a large run over the ratio runs again: the other workers share the CPUs
                    started = time.perf_counter()
                    result = CliRunner().invoke(main, arguments, input=stdin)
                    seconds = time.perf_counter() - started
                    if size != LARGE or seconds < MAX_RATIO * small:
                        break
                if size == SMALL:
                    small = max(seconds, FLOOR)
                exception = result.exception
                print(json.dumps({
                    "kind": kind, "size": size, "seconds": seconds, "exit": result.exit_code,
                    "stdout": len(result.stdout), "stderr": result.stderr[:500],
                    "exception": None if exception is None or isinstance(exception, SystemExit)
                    else repr(exception)[:500],
                }), flush=True)


def _run_worker(command: str) -> dict:
    """The worker's runs of ``command``, keyed by (kind, size), or a "problem" when it failed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, str(HERE), command, *kinds_of(command)], capture_output=True,
                              text=True, timeout=WORKER_TIMEOUT, env=env, cwd=ROOT)
        stdout, problem = done.stdout, None if done.returncode == 0 else f"worker exit {done.returncode}: " \
            f"{done.stderr[-2000:]}"
    except subprocess.TimeoutExpired as expired:
        stdout = expired.stdout.decode() if isinstance(expired.stdout, bytes) else (expired.stdout or "")
        problem = f"no answer in {WORKER_TIMEOUT} s (a hang?)"
    runs = {}
    for line in stdout.splitlines():
        run = json.loads(line)
        runs[run["kind"], run["size"]] = run
    if problem:
        problem += f"; finished runs: {sorted(runs)}"
    return {"runs": runs, "problem": problem}


@pytest.fixture(scope="module")
def sweep() -> dict[str, dict]:
    """Every command's worker, run a few at a time, slowest first."""
    order = sorted(COMMANDS, key=lambda c: ("variants", "clean", "resolve", "identify").index(c)
                   if c in ("variants", "clean", "resolve", "identify") else 9)
    with ThreadPoolExecutor(max(2, min(4, os.cpu_count() or 1))) as pool:
        return dict(zip(order, pool.map(_run_worker, order), strict=True))


def _ok(run: dict) -> bool:
    """Exit 0, or exit 2 with one line on stderr (a documented limit)."""
    if run["exception"] is not None:
        return False
    if run["exit"] == 0:
        return run["stdout"] > 0
    return run["exit"] == 2 and run["stderr"].startswith("translit: error: ") and run["stderr"].count("\n") == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_adversarial_lines_in_linear_time(sweep: dict[str, dict], command: str) -> None:
    found = sweep[command]
    assert found["problem"] is None, found["problem"]
    for kind in kinds_of(command):
        small, large = found["runs"][kind, SMALL], found["runs"][kind, LARGE]
        for run in (small, large):
            assert _ok(run), f"{command} on {kind} x {run['size']}: {run}"
        ratio = large["seconds"] / max(small["seconds"], FLOOR)
        assert ratio < MAX_RATIO, (f"{command} on {kind}: {small['seconds']:.2f} s for {SMALL:,} characters, "
                                   f"{large['seconds']:.2f} s for {LARGE:,}: not linear")


def test_adversarial_inputs_are_what_the_issue_asks() -> None:
    for kind in UNIT:
        assert abs(len(adversarial(kind, LARGE).encode()) - LARGE) <= 3, kind
    assert set(adversarial("word", LARGE)) == {"а"}
    assert adversarial("apostrophes", 9) == "а'а'а'" and adversarial("apostrophes", LARGE).count("'") > 300_000
    assert adversarial("marks", 7) == "а\u0301\u0301" and adversarial("marks", LARGE).count("\u0301") > 400_000
    assert adversarial("scripts", 6) == "аbаb" and set(adversarial("scripts", LARGE)) == {"а", "b"}


# --- no writes but the output -------------------------------------------------------------------------

PEOPLE_CSV = "name\nMahilyow\nOAO Belshina\n"
TEXT = "Аляксандр Лукашэнка быў у Магілёве.\nЛукашэнка.\n"
MY_SCHEME = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8").split("```toml\n")[1].split("```")[0]


def _snapshot(*directories: Path) -> dict[str, tuple[int, int]]:
    """Every file and directory under ``directories``: path → (size, mtime in ns)."""
    found = {}
    for directory in directories:
        for base, dirs, files in os.walk(directory):
            for name in dirs + files:
                path = os.path.join(base, name)
                stat = os.lstat(path)
                found[path] = (stat.st_size if name in files else -1, stat.st_mtime_ns)
    return found


@pytest.fixture
def sandbox(tmp_path: Path):
    """run(*arguments, stdin=...) → CompletedProcess of ``translit`` in a fresh cwd, HOME and TMPDIR, and
    the paths (relative to cwd) it created or changed there, in HOME, in TMPDIR and in tables/."""
    cwd, home, tmp = tmp_path / "cwd", tmp_path / "home", tmp_path / "tmp"
    for directory in (cwd, home, tmp):
        directory.mkdir()
    (cwd / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    (cwd / "people.jsonl").write_text('{"name": "Mahilyow"}\n{"name": "Belshina"}\n', encoding="utf-8")
    (cwd / "text.txt").write_text(TEXT, encoding="utf-8")
    (cwd / "latin.txt").write_text("Łukašenka\n", encoding="utf-8")
    (cwd / "list.csv").write_text("id,name\nsdn:1,Сяргей Мікалаевіч Хаменка\n", encoding="utf-8")
    (cwd / "my-be-ascii.toml").write_text(MY_SCHEME, encoding="utf-8")
    (cwd / "bad.txt").write_bytes("Магілёў\nМінск\n".encode() * 50 + b"\xff\xfe\n")
    (cwd / "bad-rows.csv").write_text("name,n\n" + "Mahilyow,1\n" * 3000 + "Minsk,2,3\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(home), TMPDIR=str(tmp), TMP=str(tmp), TEMP=str(tmp), PYTHONPATH=str(ROOT))
    watched = (cwd, home, tmp, ROOT / "tables")

    def run(*arguments: str, stdin: str = "") -> tuple[subprocess.CompletedProcess, set[str]]:
        before = _snapshot(*watched)
        done = subprocess.run([sys.executable, "-m", "translit.cli", *arguments], input=stdin.encode(),
                              capture_output=True, cwd=cwd, env=env, timeout=120)
        after = _snapshot(*watched)
        changed = {path for path, state in after.items() if before.get(path) != state}
        changed |= set(before) - set(after)  # removed
        return done, {os.path.relpath(path, cwd) for path in changed}

    return run, cwd


WRITING = [
    (["convert", "-s", "be-lacinka", "text.txt", "-o", "out.txt"], "out.txt"),
    (["convert", "--reverse", "-s", "be-lacinka", "latin.txt", "-o", "out.txt"], "out.txt"),
    (["convert", "--reverse", "--best-guess", "-s", "be-bgn-pcgn-1979", "-o", "out.txt", "-"], "out.txt"),
    (["normalize", "text.txt", "-o", "out.txt"], "out.txt"),
    (["normalize", "--mode", "replace", "--to", "be-lacinka", "--names", "list.csv", "text.txt", "-o",
      "sub/out.txt"], "sub/out.txt"),
    (["clean", "people.csv", "-c", "name", "-o", "out.csv"], "out.csv"),
    (["clean", "people.jsonl", "-c", "name", "--names", "list.csv", "-o", "out.jsonl"], "out.jsonl"),
    (["--scheme-file", "my-be-ascii.toml", "convert", "-s", "my-be-ascii", "text.txt", "-o", "out.txt"],
     "out.txt"),
]
PRINTING = [
    ["convert", "-s", "be-lacinka", "text.txt"],
    ["candidates", "-s", "be-bgn-pcgn-1979", "Mahilyow"],
    ["identify", "Łukašenka", "Мінск"],
    ["schemes"],
    ["export-icu", "be-lacinka"],
    ["resolve", "Mahilyow", "OAO Belshina"],
    ["resolve", "--names", "list.csv", "--format", "tsv", "KHOMENKO, Sergei"],
    ["normalize", "text.txt"],
    ["clean", "people.csv", "-c", "name"],
    ["key", "Łukašenka"],
    ["match", "Łukašenka", "LUKASHENKO"],
    ["variants", "place:mahiliou"],
    ["demo"],
]


@pytest.mark.parametrize(("arguments", "output"), WRITING, ids=lambda value: " ".join(value)
                         if isinstance(value, list) else value)
def test_a_command_writes_only_its_output(sandbox, arguments: list[str], output: str) -> None:
    run, cwd = sandbox
    if output.startswith("sub/"):
        (cwd / "sub").mkdir()
    done, changed = run(*arguments, stdin="Alyaksandr Lukashenka\n")
    assert done.returncode == 0, done.stderr
    assert changed == {output} | ({"sub"} if output.startswith("sub/") else set())
    assert (cwd / output).stat().st_size > 0


@pytest.mark.parametrize("arguments", PRINTING, ids=" ".join)
def test_a_command_without_output_writes_nothing(sandbox, arguments: list[str]) -> None:
    run, _ = sandbox
    done, changed = run(*arguments, stdin="Mahilyow\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert changed == set()


FAILING = [  # (arguments, whether the output exists before: it must be left as it was)
    (["clean", "people.csv", "-c", "surname", "-o", "out.csv"], False),  # no such column
    (["clean", "bad-rows.csv", "-c", "name", "--strict", "-o", "out.csv"], True),  # a row that cannot be read
    (["clean", "people.csv", "-c", "name", "-o", "out.jsonl"], False),  # csv in, jsonl out
    (["convert", "-s", "be-lacinka", "text.txt", "bad.txt", "-o", "out.txt"], True),  # undecodable, late
    (["convert", "-s", "be-lacinka", "text.txt", "bad.txt", "-o", "out.txt"], False),
    (["convert", "-s", "be-lacinka", "--errors", "strict", "-o", "out.txt", "-"], True),  # ї is not covered
    (["convert", "-s", "no-such-scheme", "text.txt", "-o", "out.txt"], False),
    (["normalize", "text.txt", "bad.txt", "-o", "out.txt"], True),
    (["normalize", "--to", "no-such-scheme", "text.txt", "-o", "out.txt"], False),
]


@pytest.mark.parametrize(("arguments", "existing"), FAILING,
                         ids=[" ".join(a) + (" (existing)" if e else "") for a, e in FAILING])
def test_a_failing_command_leaves_no_output_and_no_temporary_file(sandbox, arguments: list[str],
                                                                    existing: bool) -> None:
    run, cwd = sandbox
    output = Path(cwd / arguments[arguments.index("-o") + 1])
    if existing:
        output.write_text("earlier\n", encoding="utf-8")
    done, changed = run(*arguments, stdin="Магілёў\nКиїв\n")
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.decode().startswith("translit: error: ") and done.stderr.decode().count("\n") == 1
    assert changed == set()
    assert [p.name for p in cwd.iterdir() if p.name.startswith(".translit-")] == []
    assert output.read_text(encoding="utf-8") == "earlier\n" if existing else not output.exists()


@pytest.mark.parametrize("command", [["convert", "-s", "be-lacinka"], ["normalize"]], ids=" ".join)
def test_an_interrupted_command_leaves_no_output_and_no_temporary_file(tmp_path: Path, command: list[str]) -> None:
    """Ctrl-C while the output is half written (input still coming on a pipe)."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "translit.cli", *command, "-o", "out.txt"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               cwd=tmp_path, env=env)
    try:
        assert process.stdin is not None
        process.stdin.write("Магілёў\n".encode() * 1000)
        process.stdin.flush()
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob(".translit-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(tmp_path.glob(".translit-*")), "no temporary output file appeared"
        time.sleep(0.3)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode != 0
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("arguments", [["convert", "-s", "be-lacinka", "text.txt", "-o", "out.txt"],
                                       ["clean", "people.csv", "-c", "name", "-o", "out.csv"]], ids=" ".join)
def test_output_file_mode_follows_the_umask(sandbox, arguments: list[str]) -> None:
    run, cwd = sandbox
    done, _ = run(*arguments)
    assert done.returncode == 0, done.stderr
    assert (cwd / arguments[-1]).stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_a_replaced_output_keeps_its_mode(sandbox) -> None:
    run, cwd = sandbox
    (cwd / "out.txt").write_text("old\n", encoding="utf-8")
    (cwd / "out.txt").chmod(0o640)
    done, _ = run("convert", "-s", "be-lacinka", "text.txt", "-o", "out.txt")
    assert done.returncode == 0, done.stderr
    assert (cwd / "out.txt").stat().st_mode & 0o777 == 0o640


if __name__ == "__main__":  # the adversarial worker: python tests/test_reliability_cli.py COMMAND KIND...
    _worker(sys.argv[1], sys.argv[2:])
