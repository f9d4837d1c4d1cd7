"""Spark: ``resolve_udf()`` returns a ``pandas_udf`` that adds the ``clean`` columns to a DataFrame.

How it runs:

1. The UDF is built on the driver and shipped to executors with nothing heavy inside: only the
   settings (index file path, type, display style).
2. On an executor, the first batch builds a ``Resolver`` (``clean.py``) and keeps it for the life of
   the Python worker: the shipped gazetteer comes from the installed wheel (``tables/`` is inside
   it), a user's index from ``index_path`` (a file written by ``Index.save``, reachable from every
   executor: a shared path or one added with ``SparkContext.addFile``).
3. Each Arrow batch is resolved with ``Resolver.resolve_many`` (each distinct name once). The
   converters behind it hold a lock around every ICU call, so the worker's threads cannot share a
   Transliterator mid-call.

```python
from translit.spark import resolve_udf
resolved = df.withColumn("r", resolve_udf()("name")).select("*", "r.*").drop("r")
```
"""

from __future__ import annotations

import threading
from typing import Any

from .clean import SUFFIXES, Resolver

_RESOLVERS: dict[tuple[str | None, str | None, str], Resolver] = {}
_LOCK = threading.Lock()

SCHEMA = ", ".join(f"{suffix} {'double' if suffix == 'score' else 'string'}" for suffix in SUFFIXES)


def executor_resolver(index_path: str | None = None, type: str | None = None, display: str = "be") -> Resolver:
    """The process's ``Resolver`` for these settings, built on first use (step 2)."""
    settings = (index_path, type, display)
    with _LOCK:
        found = _RESOLVERS.get(settings)
        if found is None:
            from .names import Index

            index = Index.load(_local_path(index_path)) if index_path else None
            found = _RESOLVERS[settings] = Resolver(index, type=type, display=display)
        return found


def _local_path(path: str) -> str:
    """A path as given, or the executor's copy of a file added with ``SparkContext.addFile``."""
    import os

    if os.path.exists(path):
        return path
    from pyspark import SparkFiles

    return SparkFiles.get(os.path.basename(path))


def resolve_udf(index_path: str | None = None, *, type: str | None = None, display: str = "be") -> Any:
    """A Spark ``pandas_udf`` mapping a string column to a struct of ``id``, ``canonical``, ``score``,
    ``scheme``, ``status`` (the ``translit clean`` columns)."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    def resolve_names(names, /):
        resolver = executor_resolver(index_path, type, display)
        found = resolver.resolve_many(names.tolist())
        frame = pd.DataFrame([r.values() for r in found], columns=list(SUFFIXES))
        frame["score"] = frame["score"].astype("float64")
        return frame

    # Spark reads the function's type hints to choose the UDF kind; they must be real classes.
    resolve_names.__annotations__ = {"names": pd.Series, "return": pd.DataFrame}
    return pandas_udf(resolve_names, SCHEMA)
