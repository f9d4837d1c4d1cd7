"""The examples in README.md and docs/ run and print what they show; the generated reference is fresh.

Conventions of the examples (README.md and every ``docs/**/*.md``):

- ```` ```python ```` blocks with ``>>>`` run as doctests (``ELLIPSIS`` on). All blocks of one file share
  one namespace, in file order, so a later block can use what an earlier one imported or defined.
  Python blocks without ``>>>`` are shown, not run.
- ```` ```console ```` blocks run in a shell. A line starting with ``$ `` is a command (a trailing ``\\``
  continues it on the next line); the lines after it, up to the next ``$ `` or the end of the block, are
  its expected standard output. Each command runs with ``bash -c`` and ``translit`` on ``PATH`` (the
  directory of ``sys.executable`` first), standard input empty, and must exit with status 0 (show an
  error with ``cmd 2>&1 || echo "exit status $?"``). Standard error is not compared.
- Output is compared exactly after stripping trailing spaces from each line and blank lines from both
  ends. A line that is exactly ``...`` stands for any number of lines (none included), like doctest's
  ``ELLIPSIS``.
- Where the commands run: all console blocks of one file run, in order, in one fresh temporary
  directory holding a symbolic link to each top-level entry of the repository (``tables``, ``tests``,
  ``docs``, ``README.md``…). Paths relative to the repository root read as in a checkout, and files an
  example writes (``people.csv``) land in the temporary directory, never in the repository; a later
  command of the same file sees them. Examples must not write through the links.
- Each command has to be quick (a couple of seconds at most; :data:`TIMEOUT` is the hard limit).
- A file whose commands name :data:`SERVER` (``http://127.0.0.1:8000``, ``translit serve``'s default
  address: docs/serve.md) gets a server of its own for its console blocks: ``translit serve``'s app in
  a background thread on a free port (``tests/serve_helpers.py``), whose address replaces
  :data:`SERVER` in each command before it runs. Skipped when the ``serve`` extra is not installed
  (but not in CI, ``CI=true``).
- ```` ```sh ```` blocks are not run: they show commands to adapt (files that do not exist here).
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from translit import reference_docs

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
TIMEOUT = 30  # seconds for one console command; a hung command fails instead of blocking the suite
SERVER = "http://127.0.0.1:8000"  # console commands naming it run against a server of their own
NOT_LINKED = {".git", ".venv", ".pytest_cache", ".ruff_cache", ".hypothesis", "__pycache__", "build", "dist"}


def _doc_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def blocks(text: str, language: str) -> list[tuple[int, str]]:
    """(line number of the block's first line, body) of each fenced block in ``language``."""
    return [(text.count("\n", 0, m.start(2)) + 1, m.group(2)) for m in FENCE.finditer(text)
            if m.group(1) == language]


# ---------------------------------------------------------------------------------------------
# ```python blocks


@pytest.mark.parametrize("path", DOCS, ids=_doc_id)
def test_python_examples(path: Path) -> None:
    namespace: dict = {}
    parser = doctest.DocTestParser()
    for line, block in blocks(path.read_text(encoding="utf-8"), "python"):
        if ">>>" not in block:
            continue
        test = parser.get_doctest(block, namespace, path.name, str(path), line - 1)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        report = io.StringIO()
        runner.run(test, out=report.write, clear_globs=False)
        assert runner.failures == 0, f"{path.name}: an example does not print what it shows\n{report.getvalue()}"
        namespace = test.globs  # the next block sees this one's names


# ---------------------------------------------------------------------------------------------
# ```console blocks


@dataclass(frozen=True)
class Command:
    line: int  # in the Markdown file
    command: str
    expected: str


def commands(text: str) -> list[Command]:
    """The ``$`` commands of every console block, in order, with their expected output."""
    found: list[Command] = []
    for first_line, block in blocks(text, "console"):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                raise ValueError(f"line {first_line + i}: a console block starts with a `$ ` command")
            start = i
            command = lines[i][2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command[:-1] + "\n" + lines[i]
            i += 1
            output_start = i
            while i < len(lines) and not lines[i].startswith("$ "):
                i += 1
            found.append(Command(first_line + start, command, "\n".join(lines[output_start:i])))
    return found


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip("\n").splitlines()] if text.strip() else []


def output_matches(expected: str, actual: str) -> bool:
    """Line by line after trimming; a line ``...`` in ``expected`` matches any number of lines."""
    want, got = _lines(expected), _lines(actual)

    def match(i: int, j: int) -> bool:
        if i == len(want):
            return j == len(got)
        if want[i] == "...":
            return any(match(i + 1, k) for k in range(j, len(got) + 1))
        return j < len(got) and want[i] == got[j] and match(i + 1, j + 1)

    return match(0, 0)


def _workdir(tmp_path: Path) -> Path:
    """A fresh directory that looks like the repository root but keeps what examples write."""
    work = tmp_path / "work"
    work.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in NOT_LINKED:
            (work / entry.name).symlink_to(entry)
    return work


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("LC_ALL", "C.UTF-8")
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("COLUMNS", None)
    return env


DOCS_WITH_CONSOLE = [path for path in DOCS if blocks(path.read_text(encoding="utf-8"), "console")]


def _server(examples: list[Command]) -> contextlib.AbstractContextManager[str | None]:
    """A running ``translit serve`` (its URL) when a command names :data:`SERVER`; else nothing."""
    if not any(SERVER in command.command for command in examples):
        return contextlib.nullcontext()
    if os.environ.get("CI", "").lower() not in ("true", "1", "yes"):  # in CI the extra must be there
        pytest.importorskip("uvicorn", reason="the serve extra is not installed: pip install -e '.[test]'")
    from serve_helpers import running_server

    return running_server()


@pytest.mark.parametrize("path", DOCS_WITH_CONSOLE, ids=_doc_id)
def test_console_examples(path: Path, tmp_path: Path) -> None:
    work = _workdir(tmp_path)
    env = _environment()
    failures = []
    examples = commands(path.read_text(encoding="utf-8"))
    with _server(examples) as server:
        for command in examples:
            failures += _run(path, command, work, env, server)
    assert not failures, "a console example does not print what it shows:\n\n" + "\n\n".join(failures)


def _run(path: Path, command: Command, work: Path, env: dict[str, str], server: str | None) -> list[str]:
    """Run one console command in ``work`` (against ``server``, if given): its failure, if any."""
    script = command.command.replace(SERVER, server) if server else command.command
    try:
        result = subprocess.run(["bash", "-c", script], cwd=work, env=env, stdin=subprocess.DEVNULL,
                                capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"{path.name}:{command.line}: `{command.command}` ran over {TIMEOUT} s"]
    stdout = result.stdout.decode("utf-8", "replace")
    if result.returncode != 0 or not output_matches(command.expected, stdout):
        return [
            f"{path.name}:{command.line}: $ {command.command}\n"
            f"exit status {result.returncode}\n--- shown\n{command.expected}\n--- printed\n{stdout}"
            f"--- stderr\n{result.stderr.decode('utf-8', 'replace')}"
        ]
    return []


def test_console_parsing() -> None:
    text = "x\n```console\n$ echo a \\\n  b\na b\n$ true\n```\n```sh\n$ not run\n```\n"
    assert commands(text) == [Command(3, "echo a \n  b", "a b"), Command(6, "true", "")]
    assert output_matches("a\n...\nd", "a\nb\nc\nd\n")
    assert output_matches("a\n...\nb", "a\nb")
    assert output_matches("a  \n\n", "\na\n")
    assert not output_matches("a\n...\nd", "a\nb\nc")
    assert not output_matches("a", "a\nb")
    with pytest.raises(ValueError):
        commands("```console\nno dollar\n```\n")


# ---------------------------------------------------------------------------------------------
# docs/cli.md and docs/api.md are generated; docs/index.md links every page


def test_reference_pages_are_fresh() -> None:
    for name, content in reference_docs.pages().items():
        path = ROOT / "docs" / name
        assert path.is_file(), f"docs/{name} is missing: {reference_docs.REGENERATE}"
        assert path.read_text(encoding="utf-8") == content, f"docs/{name} is stale: {reference_docs.REGENERATE}"


def test_reference_check_and_write(tmp_path: Path) -> None:
    assert sorted(path.name for path in reference_docs.stale(tmp_path)) == ["api.md", "cli.md"]
    assert sorted(path.name for path in reference_docs.write_all(tmp_path)) == ["api.md", "cli.md"]
    assert reference_docs.stale(tmp_path) == [] and reference_docs.write_all(tmp_path) == []
    (tmp_path / "cli.md").write_text("old\n", encoding="utf-8")
    assert [path.name for path in reference_docs.stale(tmp_path)] == ["cli.md"]


def test_reference_check_command() -> None:
    result = subprocess.run([sys.executable, "-m", "translit.reference_docs", "--check"], cwd=ROOT,
                            capture_output=True, text=True, env=_environment())
    assert result.returncode == 0, result.stderr


def test_cli_page_shows_every_command_and_option() -> None:
    from translit.cli import main

    page = reference_docs.pages()["cli.md"]
    for name, command in main.commands.items():
        assert f"## `translit {name}`" in page
        for param in command.params:
            for opt in param.opts if param.param_type_name == "option" else ():
                assert f"`{opt}`" in page, (name, opt)


def test_api_page_shows_every_public_name() -> None:
    page = reference_docs.pages()["api.md"]
    for module, names in reference_docs.MODULES:
        for name, _ in reference_docs.public_names(module, names):
            assert f"### `{module}.{name}`" in page
    for method in ("add", "resolve", "default", "save", "load", "from_csv", "from_file", "entries", "names"):
        assert f"#### `translit.names.Index.{method}`" in page
    assert " at 0x" not in page


def test_signatures_never_show_addresses() -> None:
    def sample(a, f=lambda x: x, g=print, h=object()) -> None:  # noqa: B008 - the point of the test
        pass

    text = reference_docs._signature_text("sample", reference_docs._signature(sample))
    assert text == "sample(a, f=lambda ..., g=print, h=<object>) -> None"


def test_index_links_every_page() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    pages = [path for path in (ROOT / "docs").glob("*.md") if path.name != "index.md"]
    for path in [*pages, ROOT / "docs" / "schemes" / "index.md"]:
        assert f"]({path.relative_to(ROOT / 'docs')})" in index, f"docs/index.md does not link {path.name}"
