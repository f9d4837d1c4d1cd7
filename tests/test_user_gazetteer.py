"""A user's gazetteer merged with the shipped one (issue #7): their entries win, conflicts are listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import translit
from translit.cli import main
from translit.names import Index

OURS = """\
[[entity]]
id = "org:our-tractor-works"
be = "Мінскі трактарны завод"
en = "Minsk Tractor Works"

[[entity]]
id = "place:minsk"
be = "Мінск"
aliases = ["Менеск"]

[[entity]]
id = "person:ivan-ivanou"
be = "Іван Іваноў"
"""


@pytest.fixture
def ours(tmp_path: Path) -> Path:
    path = tmp_path / "ours.toml"
    path.write_text(OURS, encoding="utf-8")
    return path


def best(index: Index, name: str) -> tuple[str, bool] | None:
    found = index.resolve(name, limit=2)
    return (found[0].id, found[0].ambiguous) if found else None


def test_a_toml_gazetteer_of_ones_own(ours: Path) -> None:
    user = Index.from_file(ours)
    assert user.ids == ["org:our-tractor-works", "place:minsk", "person:ivan-ivanou"]
    assert best(user, "Ivan Ivanou") == ("person:ivan-ivanou", False)
    assert best(user, "Hrodna") is None


def test_merged_user_entries_win_and_conflicts_are_listed(ours: Path) -> None:
    shipped = Index.default()
    merged = shipped.merged(Index.from_file(ours))
    assert best(merged, "Minsk Tractor Works") == ("org:our-tractor-works", False)
    assert best(merged, "МТЗ") == ("org:our-tractor-works", False)  # the shipped entity's forms came along
    assert best(merged, "Менеск") == ("place:minsk", False)  # a name added to a shipped id
    assert best(merged, "Mahilyow") == ("place:mahiliou", False)  # the rest of the gazetteer is there
    assert best(merged, "Іван Іваноў") == ("person:ivan-ivanou", False)
    [conflict] = merged.conflicts
    assert (conflict.kept, conflict.lost) == ("org:our-tractor-works", "org:mtz")
    assert "Minsk Tractor Works" in conflict.names
    assert str(conflict).startswith("org:our-tractor-works takes ")
    assert best(shipped, "Minsk Tractor Works") == ("org:mtz", False)  # the shipped index is unchanged
    assert shipped.conflicts == []


def test_merged_an_id_of_another_type_takes_its_names_alone() -> None:
    shipped = Index.default()
    user = Index()
    user.add("place:minsk", "Minsk Hotel", "org")
    merged = shipped.merged(user)
    assert merged.names("place:minsk") == ["Minsk Hotel"]
    assert [(c.kept, c.lost) for c in merged.conflicts] == [("place:minsk", "place:minsk")]


def test_merged_keeps_redirects() -> None:
    shipped = Index.default()
    user = Index()
    user.add("x:1", "Іван Іваноў")
    merged = shipped.merged(user)
    for old, new in shipped._redirects.items():
        assert merged.resolve(old)[0].redirected_from == old
        assert merged.resolve(old)[0].id == new


def test_a_bad_toml_gazetteer_names_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[entity]]\nid = "person:x"\nbe = "Іван"\nbirthday = "1 May"\n', encoding="utf-8")
    with pytest.raises(translit.TableError) as caught:
        Index.from_file(path)
    assert str(caught.value).startswith(f"{path}: person:x.birthday: unknown field")
    path.write_text('[[entity]]\nid = "Ivan"\nbe = "Іван"\n', encoding="utf-8")
    with pytest.raises(translit.TableError, match=r"Ivan\.id: 'Ivan' is not <type>:<ascii-slug>"):
        Index.from_file(path)


def test_cli_reports_each_conflict_and_resolves_with_the_users_entries(ours: Path) -> None:
    result = CliRunner().invoke(main, ["resolve", "--names", str(ours), "--format", "tsv",
                                       "Minsk Tractor Works", "Minsk"])
    assert result.exit_code == 0, result.stderr
    assert [line.split("\t")[:2] for line in result.stdout.splitlines()] == [
        ["Minsk Tractor Works", "org:our-tractor-works"], ["Minsk", "place:minsk"]]
    [note] = result.stderr.splitlines()
    assert note.startswith(f"translit: note: {ours}: org:our-tractor-works takes ")


def test_cli_names_only_uses_the_users_list_alone(ours: Path) -> None:
    result = CliRunner().invoke(main, ["resolve", "--names", str(ours), "--names-only", "Mahilyow", "Minsk"])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["matches"][:1] for line in result.stdout.splitlines()][0] == []
    assert result.stderr == ""


def test_merged_with_nothing_answers_as_the_gazetteer() -> None:
    shipped = Index.default()
    merged = shipped.merged(Index())
    names = [name for _, _, name, _ in shipped.entries()][::5] + ["Mahilyow", "Lukashenko", "Nobody"]
    assert [merged.resolve(n) for n in names] == [shipped.resolve(n) for n in names]
    assert merged.conflicts == [] and len(merged) == len(shipped)
