"""Ids never break: every id in tables/names/ids.lock is still shipped with its type, and every
shipped id is in the lock (so that the lock grows with the gazetteer)."""

from __future__ import annotations

from translit.names import entities
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
    gone = {i: t for i, t in _locked().items() if shipped.get(i) != t}
    assert not gone, f"ids in ids.lock no longer shipped with their type: {gone}"


def test_every_shipped_id_is_locked() -> None:
    locked = _locked()
    new = [f"{e.id}\t{e.type}" for e in entities() if e.id not in locked]
    assert not new, "add these lines to tables/names/ids.lock:\n" + "\n".join(new)
