"""``translit.spark.resolve_udf`` in a real local PySpark session, against ``clean_file``.

One session for the module (``local[2]``, no UI, workers running this interpreter). Skipped only when
there is no ``java`` on PATH or PySpark is not installed. The whole module takes well under 90 s,
most of it the JVM start and the first Python worker building the gazetteer.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from translit.clean import clean_file
from translit.names import Index

pytest.importorskip("pyspark", reason="PySpark is not installed")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

if shutil.which("java") is None:
    pytest.skip("no java on PATH: Spark needs a Java runtime (17+)", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]

NAMES = [
    "Mahilyow", "OAO Belshina", "Łukašenka", "Nobody Atall", "Магілёў", "Могилёв", "Alaksandar Łukašenka",
    "MAZ", "СВТ", "Biełaruski Hajun", "Viktar Lukashenka", "Gomel", "Homiel", "Intehrał", "Mahiloŭ", "Minsk",
    "Mahilyow", "", "Kacałapaŭ", "Ivan Tertel", None,
]
FIELDS = ("id", "canonical", "score", "scheme", "status")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        # workers import translit from this checkout even when it is not installed
        patch.setenv("PYTHONPATH", os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
        session = (
            SparkSession.builder.master("local[2]")
            .appName("translit-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        try:
            yield session
        finally:
            session.stop()


def clean_rows(directory: Path, names: list[str | None], **options) -> list[tuple]:
    """(id, canonical, score, scheme, status) per name from clean_file on a CSV file; "" → None."""
    source, output = directory / "names.csv", directory / "names.clean.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name"])
        writer.writerows([[name or ""] for name in names])
    clean_file(str(source), str(output), ["name"], **options)
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"), newline="")))
    return [tuple(None if row[f"name_{f}"] == "" else float(row[f"name_{f}"]) if f == "score" else row[f"name_{f}"]
                  for f in FIELDS) for row in rows]


def spark_rows(spark, names: list[str | None], udf) -> list[tuple]:
    frame = spark.createDataFrame([(i, name) for i, name in enumerate(names)], "k int, name string")
    resolved = frame.withColumn("r", udf("name")).select("k", "name", "r.*")
    assert resolved.columns == ["k", "name", *FIELDS]
    rows = sorted(resolved.collect(), key=lambda row: row["k"])
    assert [row["name"] for row in rows] == names
    return [tuple(row[f] for f in FIELDS) for row in rows]


def test_resolve_udf_equals_clean_file(spark, tmp_path):
    from translit.spark import resolve_udf

    assert spark_rows(spark, NAMES, resolve_udf()) == clean_rows(tmp_path, NAMES)


def test_resolve_udf_schema(spark):
    from translit.spark import resolve_udf

    frame = spark.createDataFrame([("Мінск",)], "name string").select(resolve_udf()("name").alias("r"))
    assert frame.schema["r"].dataType.simpleString() == (
        "struct<id:string,canonical:string,score:double,scheme:string,status:string>")


def test_resolve_udf_with_a_saved_index_type_and_display(spark, tmp_path):
    from translit.spark import resolve_udf

    index = Index()
    index.add("co:acme", "Акмэ Плюс", "org")
    index.add("p:ivanou", "Іван Іваноў", "person")
    index.add("place:home", "Гарадок", "place")
    path = tmp_path / "ours.index.json.gz"
    index.save(path)
    names = ["Akme Plus", "Ivan Ivanou", "Минск", None, "Haradok", "Іваноў Іван"]
    got = spark_rows(spark, names, resolve_udf(index_path=str(path), type="person", display="be-lacinka"))
    assert got == clean_rows(tmp_path, names, index=Index.load(path), type="person", display="be-lacinka")
    assert [(row[0], row[1], row[4]) for row in got] == [
        (None, None, "unmatched"), ("p:ivanou", "Ivan Ivanoŭ", "matched"), (None, None, "unmatched"),
        (None, None, "empty"), (None, None, "unmatched"), ("p:ivanou", "Ivan Ivanoŭ", "matched")]
