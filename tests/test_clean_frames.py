"""pandas ``resolve_series`` and polars ``resolve_expr`` against ``translit clean`` on the same names.

The reference is ``clean_file`` on a CSV file of the same names (what the command line writes), so
the frame helpers, the file path and the CLI are held to one answer.
"""

from __future__ import annotations

import csv
import io
import math

import pytest

from translit.clean import Resolver, clean_file, new_columns

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

NAMES = [
    "Mahilyow", "OAO Belshina", "Łukašenka", "Nobody Atall", "Магілёў", "Могилёв", "Alaksandar Łukašenka",
    "MAZ", "СВТ", "Biełaruski Hajun", "Viktar Lukashenka", "Gomel", "Homiel", "Intehrał", "Mahiloŭ", "Minsk",
    "Mahilyow", "Магілёў", "Kacałapaŭ", "Ivan Tertel",
]
FIELDS = ("id", "canonical", "score", "scheme", "status")


def cli_rows(tmp_path, names: list[str | None], **options) -> list[tuple]:
    """(id, canonical, score, scheme, status) per name, from clean_file on a CSV file; "" → None."""
    source, output = tmp_path / "names.csv", tmp_path / "names.clean.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name"])
        writer.writerows([[name if name is not None else ""] for name in names])
    clean_file(str(source), str(output), ["name"], **options)
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == len(names)
    return [tuple(None if row[f"name_{field}"] == "" else
                  float(row[f"name_{field}"]) if field == "score" else row[f"name_{field}"] for field in FIELDS)
            for row in rows]


def normalised(value):
    """pandas' missing values (None, NaN, pd.NA) as None; everything else as it is."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value) if isinstance(value, float) else value


def series_rows(frame, column: str = "name") -> list[tuple]:
    return [tuple(normalised(v) for v in row)
            for row in frame[[f"{column}_{field}" for field in FIELDS]].itertuples(index=False)]


def test_the_reference_itself(tmp_path):
    rows = cli_rows(tmp_path, NAMES)
    assert rows[0] == ("place:mahiliou", "Магілёў", 1.0, rows[0][3], "matched")
    assert rows[1][0] == "org:bielsyna" and rows[2][4] == "ambiguous" and rows[3][4] == "unmatched"


# --- pandas ---------------------------------------------------------------------------------------------------


def test_resolve_series_equals_the_cli(tmp_path):
    from translit.clean import resolve_series

    frame = resolve_series(pd.Series(NAMES, name="name"))
    assert list(frame.columns) == new_columns("name")
    assert series_rows(frame) == cli_rows(tmp_path, NAMES)


@pytest.mark.parametrize("display", ["en", "be-lacinka", "ru"])
def test_resolve_series_display_equals_the_cli(tmp_path, display):
    from translit.clean import resolve_series

    frame = resolve_series(pd.Series(NAMES, name="name"), display=display)
    assert series_rows(frame) == cli_rows(tmp_path, NAMES, display=display)


def test_resolve_series_type_equals_the_cli(tmp_path):
    from translit.clean import resolve_series

    frame = resolve_series(pd.Series(NAMES, name="name"), type="place")
    assert series_rows(frame) == cli_rows(tmp_path, NAMES, type="place")


def test_resolve_series_keeps_index_and_order():
    from translit.clean import resolve_series

    series = pd.Series(["Homiel", "Mahilyow", None, "Homiel", "Minsk"], index=[40, 3, 17, 0, 99], name="who")
    frame = resolve_series(series)
    assert list(frame.index) == [40, 3, 17, 0, 99]
    assert list(frame.columns) == ["who_id", "who_canonical", "who_score", "who_scheme", "who_status"]
    assert frame["who_id"].tolist() == ["place:homiel", "place:mahiliou", None, "place:homiel", "place:minsk"]
    joined = series.to_frame().join(frame)
    assert joined.loc[17, "who_status"] == "empty" and joined.loc[99, "who_canonical"] == "Мінск"


def test_resolve_series_string_index_and_unnamed_series():
    from translit.clean import resolve_series

    frame = resolve_series(pd.Series(["Мінск", "Гомель"], index=["b", "a"]))
    assert list(frame.index) == ["b", "a"]
    assert list(frame.columns) == new_columns("name")
    assert frame["name_id"].tolist() == ["place:minsk", "place:homiel"]


def test_resolve_series_none_and_nan_are_empty():
    from translit.clean import resolve_series

    frame = resolve_series(pd.Series([None, float("nan"), "", "  ", "Мінск"], dtype=object, name="name"))
    assert frame["name_status"].tolist() == ["empty", "empty", "empty", "empty", "matched"]
    assert frame["name_id"].tolist()[:4] == [None] * 4
    assert frame["name_score"].isna().tolist() == [True, True, True, True, False]


def test_resolve_series_nan_from_read_csv():
    from translit.clean import resolve_series

    frame = pd.read_csv(io.StringIO("name,x\nМінск,1\n,2\nГомель,3\n"))
    assert math.isnan(frame["name"][1])
    assert resolve_series(frame["name"])["name_status"].tolist() == ["matched", "empty", "matched"]


def test_resolve_series_score_dtype_and_empty_series():
    from translit.clean import resolve_series

    assert str(resolve_series(pd.Series(["Мінск", None]))["name_score"].dtype) == "Float64"
    empty = resolve_series(pd.Series([], dtype=object, name="name"))
    assert len(empty) == 0 and list(empty.columns) == new_columns("name")


def test_resolve_series_pd_na_is_empty():
    from translit.clean import resolve_series

    frame = resolve_series(pd.Series(["Мінск", None], dtype="string", name="name"))
    assert frame["name_status"].tolist() == ["matched", "empty"]
    assert frame["name_scheme"].tolist()[1] is None


def test_resolve_series_with_a_shared_resolver():
    from translit.clean import resolve_series

    resolver = Resolver(display="en")
    first = resolve_series(pd.Series(["Mahilyow"], name="a"), resolver=resolver)
    second = resolve_series(pd.Series(["Магілёў"], name="b"), resolver=resolver)
    assert first["a_canonical"].tolist() == second["b_canonical"].tolist() == ["Mogilev"]


# --- polars ---------------------------------------------------------------------------------------------------


def polars_rows(frame, column: str = "name") -> list[tuple]:
    return list(frame.select([f"{column}_{field}" for field in FIELDS]).iter_rows())


def test_resolve_expr_equals_the_cli(tmp_path):
    from translit.clean import resolve_expr

    frame = pl.DataFrame({"name": NAMES}).with_columns(resolve_expr("name").alias("r")).unnest("r")
    assert frame.columns == ["name", *new_columns("name")]
    assert polars_rows(frame) == cli_rows(tmp_path, NAMES)


def test_resolve_expr_display_equals_the_cli(tmp_path):
    from translit.clean import resolve_expr

    frame = pl.DataFrame({"name": NAMES}).with_columns(resolve_expr("name", display="en").alias("r")).unnest("r")
    assert polars_rows(frame) == cli_rows(tmp_path, NAMES, display="en")


def test_resolve_expr_schema_order_and_nulls():
    from translit.clean import resolve_expr

    names = ["Homiel", None, "Mahilyow", "", "Homiel", None]
    frame = (pl.DataFrame({"k": [5, 4, 3, 2, 1, 0], "name": names})
             .with_columns(resolve_expr("name").alias("r")).unnest("r"))
    assert frame.schema == pl.Schema({"k": pl.Int64, "name": pl.Utf8, "name_id": pl.Utf8, "name_canonical": pl.Utf8,
                                      "name_score": pl.Float64, "name_scheme": pl.Utf8, "name_status": pl.Utf8})
    assert frame["k"].to_list() == [5, 4, 3, 2, 1, 0]
    assert frame["name"].to_list() == names
    assert frame["name_id"].to_list() == ["place:homiel", None, "place:mahiliou", None, "place:homiel", None]
    assert frame["name_status"].to_list() == ["matched", "empty", "matched", "empty", "matched", "empty"]
    assert frame["name_score"].to_list() == [1.0, None, 1.0, None, 1.0, None]


def test_resolve_expr_all_null_and_empty_frames():
    from translit.clean import resolve_expr

    nulls = pl.DataFrame({"name": [None, None]}, schema={"name": pl.Utf8})
    out = nulls.with_columns(resolve_expr("name").alias("r")).unnest("r")
    assert out["name_status"].to_list() == ["empty", "empty"]
    empty = pl.DataFrame({"name": []}, schema={"name": pl.Utf8})
    assert empty.with_columns(resolve_expr("name").alias("r")).unnest("r").height == 0


def test_resolve_expr_lazy_and_in_select():
    from translit.clean import resolve_expr

    lazy = pl.LazyFrame({"name": ["Minsk", "Gomel"]}).with_columns(resolve_expr("name").alias("r")).unnest("r")
    assert lazy.collect()["name_id"].to_list() == ["place:minsk", "place:homiel"]
    selected = pl.DataFrame({"name": ["Могилёв"]}).select(resolve_expr("name").struct.field("name_canonical"))
    assert selected["name_canonical"].to_list() == ["Магілёў"]


def test_pandas_and_polars_agree_with_each_other():
    from translit.clean import resolve_expr, resolve_series

    names = [*NAMES, None]
    from_pandas = series_rows(resolve_series(pd.Series(names, name="name")))
    from_polars = polars_rows(pl.DataFrame({"name": names}).with_columns(resolve_expr("name").alias("r")).unnest("r"))
    assert from_pandas == from_polars
