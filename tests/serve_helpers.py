"""What the tests of ``translit serve`` share: a real server in a thread, and the expected values.

:func:`running_server` runs the app with a real uvicorn in a background thread (the browser and docs
tests). The socket is bound here first (port 0: the system picks a free one) and handed to uvicorn,
so there is no window in which another process could take the port. It returns once the server
answers and stops it (``should_exit``) on the way out.

The expected values come from the standards' reference pairs (``tests/data/*.tsv``) and from the
gazetteer's tables as written (``tables/names/*.toml``), never from translit's own output.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from reference import ref

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
NAMES = ROOT / "tables" / "names"

STARTUP_TIMEOUT = 30.0  # seconds for uvicorn to start and build the names index


@contextlib.contextmanager
def running_server(host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """A running server on ``host:port`` (a free port when 0); yields its base URL, ``http://host:port``."""
    import uvicorn

    from translit.serve import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    url = f"http://{host}:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"translit serve did not start on {url}")
            time.sleep(0.05)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@cache
def gazetteer() -> dict[str, dict[str, Any]]:
    """Every entity of tables/names/{persons,organizations,places}.toml by id, as written there."""
    found = {}
    for name in ("persons.toml", "organizations.toml", "places.toml"):
        with (NAMES / name).open("rb") as handle:
            found.update({entity["id"]: entity for entity in tomllib.load(handle)["entity"]})
    return found


def entity_id(form: str) -> str:
    """The id of the one gazetteer entity with this display form or alias."""
    ids = [i for i, e in gazetteer().items()
           if form in (e.get("be"), e.get("ru"), e.get("be-lacinka"), e.get("en"), *e.get("aliases", []))]
    assert len(ids) == 1, (form, ids)
    return ids[0]


MAHILOU = "Магілёў"
MAHILOU_LACINKA = ref("lacinka_examples.tsv", "lacinka", MAHILOU)  # Mahiloŭ
MAHILOU_BGN = ref("bgn_pcgn_be_interscript.tsv", "be-bgn-pcgn-1979", MAHILOU)  # Mahilyow
LUKASHENKA = "Аляксандр Лукашэнка"
