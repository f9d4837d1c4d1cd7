"""What the command-line tests share: running ``translit`` in process (click's CliRunner) and the
checks every command's result gets."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner, Result

from translit.cli import main


def invoke(*args: str, input: str | bytes | io.IOBase | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def assert_ok(result: Result) -> None:
    assert result.exit_code == 0, (result.exit_code, result.stderr, result.exception)
    assert result.stderr == ""


def assert_one_line_error(result: Result) -> str:
    """Exit status 2 and exactly one line on stderr, no traceback; returns that line."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, repr(result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr.rstrip("\n")


def leftovers(directory: Path) -> list[str]:
    """Temporary output files (``.translit-*``) left in ``directory``."""
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".translit-"))
