"""docs/schemes/ is generated from the tables: a stale, missing or extra page fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from translit import scheme_docs
from translit.tables import Scheme, shipped_schemes

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "schemes"
REGENERATE = "run `python -m translit.scheme_docs` to regenerate docs/schemes/"


def test_pages_match_the_tables() -> None:
    expected = scheme_docs.pages()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in PAGES.glob("*.md")}
    missing = sorted(expected.keys() - on_disk.keys())
    extra = sorted(on_disk.keys() - expected.keys())
    stale = sorted(name for name in expected.keys() & on_disk.keys() if expected[name] != on_disk[name])
    assert not (missing or extra or stale), f"missing {missing}, extra {extra}, stale {stale}: {REGENERATE}"


def _in_cell(text: str) -> str:
    return scheme_docs.code(text).replace("|", "\\|")


@pytest.mark.parametrize("scheme", shipped_schemes(), ids=lambda scheme: scheme.id)
def test_page_shows_the_table(scheme: Scheme) -> None:
    page = scheme_docs.render(scheme)
    assert f"`{scheme.id}`" in page
    assert scheme_docs.escape(scheme.citation["standard"]) in page
    for sample in scheme.samples:
        assert _in_cell(sample.source) in page, sample
        assert _in_cell(sample.target) in page, sample


def test_index_links_every_page() -> None:
    index = scheme_docs.pages()["index.md"]
    for scheme in shipped_schemes():
        assert f"[`{scheme.id}`]({scheme.id}.md)" in index


def test_write_all_writes_changes_and_removes_extra_pages(tmp_path: Path) -> None:
    (tmp_path / "retired-scheme.md").write_text("old\n", encoding="utf-8")
    changed = scheme_docs.write_all(tmp_path)
    assert {path.name for path in changed} == set(scheme_docs.pages()) | {"retired-scheme.md"}
    assert not (tmp_path / "retired-scheme.md").exists()
    assert scheme_docs.write_all(tmp_path) == []


def test_letters_are_shown_exactly() -> None:
    assert scheme_docs.code("e`tix") == "``e`tix``"
    assert scheme_docs.code("e`") == "`` e` ``"
    assert scheme_docs.code("`") == "`` ` ``"
    assert scheme_docs.code("") == scheme_docs.NOTHING
    assert scheme_docs.escape("u` for ў, gost_779") == "u\\` for ў, gost\\_779"
