"""Requests per second of ``translit serve``'s ``POST /convert`` and ``POST /resolve`` on localhost.

Usage: ``python benchmarks/serve.py [--requests N] [--clients C] [--quick]``

Starts ``translit serve --log-level warning`` (this checkout, ``python -m translit.cli``) in a
subprocess on a free port, waits for ``GET /health``, and then, for each workload below, runs a
bounded load loop: ``--clients`` threads, each with its own keep-alive ``http.client`` connection,
share a fixed number of requests (``--requests``; the first ``WARMUP`` requests of each workload are
sent first and not timed). The bodies are made here from the gazetteer's own forms
(``translit.names.entities()``), deterministically (seed ``SEED``):

* ``convert``: a Belarusian sentence (a person, a verb, a place) to ``be-lacinka``;
* ``convert+names``: the same with ``"names": true`` (the names found and placed in the output);
* ``resolve 1``: one name (any form of any entity: Cyrillic, Łacinka, English, aliases);
* ``resolve 100``: a list of 100 such names (names/s is 100 × requests/s).

One run prints, per workload: requests/s (wall time of the timed requests), names/s (``/resolve``), the median and
99th percentile latency, and the number of answers that were not 200 (should be 0). The clients
are Python threads in this process, so on a small machine they share the CPUs with the server:
the figures are a floor for what the server can do. It is a report: the exit status is 0 whatever
the results (2 when the serve extra is not installed or the server does not start).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Measure this checkout even when another translit is installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from measure import table  # noqa: E402

import translit  # noqa: E402
from translit.names import entities  # noqa: E402

SEED = 20240601
WARMUP = 50
DEFAULT_REQUESTS = 3000
QUICK_REQUESTS = 400
DEFAULT_CLIENTS = 4
LIST_SIZE = 100
VERBS = ("наведаў", "сустрэў", "пахваліў", "адкрыў", "пакінуў")
STARTUP_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    """``translit serve`` of this checkout on ``port``; returns once ``/health`` answers."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "translit.cli", "serve", "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"translit serve exited {server.returncode}: {server.stderr.read().decode()}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"translit serve did not answer on port {port} within {STARTUP_TIMEOUT:.0f} s")


def bodies(rng: random.Random, count: int) -> dict[str, list[bytes]]:
    """``count`` request bodies of each workload."""
    people = [e for e in entities() if e.type == "person"]
    places = [e for e in entities() if e.type == "place"]
    forms = [form for entity in entities() for form in entity.names()]

    def sentence() -> str:
        return f"{rng.choice(people).display['be']} {rng.choice(VERBS)} {rng.choice(places).display['be']}."

    def encoded(body: dict) -> bytes:
        return json.dumps(body, ensure_ascii=False).encode("utf-8")

    sentences = [sentence() for _ in range(count)]
    return {
        "convert": [encoded({"text": text, "scheme": "be-lacinka"}) for text in sentences],
        "convert+names": [encoded({"text": text, "scheme": "be-lacinka", "names": True}) for text in sentences],
        "resolve 1": [encoded({"name": rng.choice(forms)}) for _ in range(count)],
        f"resolve {LIST_SIZE}": [encoded({"names": rng.sample(forms, LIST_SIZE)}) for _ in range(count)],
    }


def load(port: int, path: str, payloads: Sequence[bytes], clients: int) -> tuple[float, list[float], int]:
    """Send every payload to ``path`` from ``clients`` threads: (wall seconds, latencies, non-200 answers)."""
    next_index = iter(range(len(payloads)))
    lock = threading.Lock()
    latencies: list[float] = []
    failures = [0]

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Content-Type": "application/json"}
        mine: list[float] = []
        bad = 0
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                break
            start = time.perf_counter()
            connection.request("POST", path, body=payloads[index], headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            bad += response.status != 200
        connection.close()
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, latencies, failures[0]


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=None,
                        help=f"timed requests per workload (default {DEFAULT_REQUESTS}; {QUICK_REQUESTS} with --quick)")
    parser.add_argument("--clients", type=int, default=DEFAULT_CLIENTS, help="concurrent client threads")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_REQUESTS} requests per workload")
    args = parser.parse_args(argv)
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        print("serve.py: the serve extra is not installed: pip install 'translit-toolkit[serve]'", file=sys.stderr)
        return 2
    requests = args.requests or (QUICK_REQUESTS if args.quick else DEFAULT_REQUESTS)
    clients = max(1, args.clients)

    print(f"translit {translit.__version__} from {Path(translit.__file__).parent}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    print(f"{requests} timed requests per workload (+{WARMUP} warm-up), {clients} client threads, keep-alive")
    workloads = bodies(random.Random(SEED), requests + WARMUP)
    port = free_port()
    try:
        started = time.perf_counter()
        server = start_server(port)
    except RuntimeError as error:
        print(f"serve.py: {error}", file=sys.stderr)
        return 2
    print(f"translit serve on port {port}: answering after {time.perf_counter() - started:.2f} s\n")
    rows = []
    try:
        for name, payloads in workloads.items():
            path = "/convert" if name.startswith("convert") else "/resolve"
            load(port, path, payloads[:WARMUP], clients)
            seconds, latencies, failures = load(port, path, payloads[WARMUP:], clients)
            per_request = LIST_SIZE if name == f"resolve {LIST_SIZE}" else 1
            rate = len(latencies) / seconds
            names = f"{rate * per_request:,.0f}" if path == "/resolve" else "-"
            rows.append((f"POST {path} ({name})", f"{rate:,.0f}", names,
                         f"{percentile(latencies, 0.5) * 1e3:.1f}", f"{percentile(latencies, 0.99) * 1e3:.1f}",
                         str(failures)))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    table(("workload", "requests/s", "names/s", "p50 ms", "p99 ms", "not 200"), rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
