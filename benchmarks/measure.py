"""What the benchmark scripts share: timing with the garbage collector off, best-of-N, and tables."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes, with the garbage collector off while it runs (as timeit does)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start
    finally:
        gc.enable()


def best(repeat: int, action: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    """Best of ``repeat`` timings of ``action``; ``setup`` runs untimed before each one."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        times.append(timed(action))
    return min(times)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Print rows under a header, the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    for n, row in enumerate((header, *rows)):
        cells = [str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        print("  " + "  ".join(cells).rstrip())
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))
