"""The examples in README.md and docs/ run and print what they show."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples(path: Path) -> None:
    blocks = [block for block in PYTHON_BLOCK.findall(path.read_text(encoding="utf-8")) if ">>>" in block]
    for block in blocks:
        test = doctest.DocTestParser().get_doctest(block, {}, str(path), str(path), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0, f"{path.name}: an example does not print what it shows"
