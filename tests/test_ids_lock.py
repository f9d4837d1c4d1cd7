"""Ids never break: every id in tables/names/ids.lock is still shipped with its type, and every
shipped id is in the lock (so that the lock grows with the gazetteer)."""

from __future__ import annotations

from translit.names import Index, entities, lookup
from translit.names.gazetteer import redirects
from translit.tables import tables_dir


def _locked() -> dict[str, str]:
    found = {}
    for line in (tables_dir() / "names" / "ids.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entity_id, entity_type = line.split("\t")
            found[entity_id] = entity_type
    return found


def test_no_locked_id_disappears_or_changes_type() -> None:
    shipped = {e.id: e.type for e in entities()}
    shipped |= {old: shipped[new] for old, new in redirects().items()}  # merged ids stay resolvable
    gone = {i: t for i, t in _locked().items() if shipped.get(i) != t}
    assert not gone, f"ids in ids.lock no longer shipped with their type: {gone}"


def test_every_shipped_id_is_locked() -> None:
    locked = _locked()
    new = [f"{e.id}\t{e.type}" for e in entities() if e.id not in locked]
    assert not new, "add these lines to tables/names/ids.lock:\n" + "\n".join(new)


def test_every_redirect_leads_to_a_shipped_entity() -> None:
    for old, new in redirects().items():
        assert lookup(old).id == new
        assert Index.default().resolve(old)[0].redirected_from == old


def test_a_merged_id_resolves_with_redirected_from(tmp_path) -> None:
    index = Index()
    index.add("org:kept", "Белшына", "org")
    index.add_redirect("org:merged", "org:kept")
    found = index.resolve("org:merged")
    assert [(m.id, m.via, m.redirected_from) for m in found] == [("org:kept", "id", "org:merged")]
    assert [(m.id, m.redirected_from) for m in index.resolve("org:kept")] == [("org:kept", None)]
    index.save(tmp_path / "index.json")
    loaded = Index.load(tmp_path / "index.json")
    assert loaded.resolve("org:merged")[0].redirected_from == "org:merged"
