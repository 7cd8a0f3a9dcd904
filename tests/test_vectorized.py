"""program.evaluate / program.count on every kind of table, and data that does not fit.

Membership itself is checked case by case in the conformance corpus (tests/conformance/, backend
"polars") and against the reference interpreter in test_differential.py.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import segdsl

FILE = """entity customers { key id: int  sport: enum("road", "mountain")  age: int  value: float
                         signup: date  city: string }
segment road: sport == "road"
segment adults: age >= 18
segment recent: signup >= today() - 30 days
segment polish: lower(city) in ["łódź", "wrocław"]
"""
ROWS = [
    {"id": 1, "sport": "road", "age": 30, "value": 1.5, "signup": dt.date(2026, 10, 20), "city": "ŁÓDŹ"},
    {"id": 2, "sport": "mountain", "age": None, "value": None, "signup": None, "city": None},
    {"id": 3, "sport": None, "age": 17, "value": float("nan"), "signup": dt.date(2025, 1, 1), "city": "Wrocław"},
]
EXPECTED_COUNTS = {"road": 1, "adults": 1, "recent": 1, "polish": 2}


@pytest.fixture(scope="module")
def program():
    return segdsl.loads(FILE, as_of="2026-11-01")


@pytest.fixture(scope="module")
def frame():
    return pl.DataFrame(ROWS, schema={"id": pl.Int64, "sport": pl.String, "age": pl.Int64, "value": pl.Float64,
                                      "signup": pl.Date, "city": pl.String})


KINDS = {
    "polars": lambda f: f, "lazy": lambda f: f.lazy(), "pandas": lambda f: f.to_pandas(),
    "arrow": lambda f: f.to_arrow(), "records": lambda f: f.to_dicts(),
}
BACK = {
    "polars": lambda a: a, "lazy": lambda a: a.collect(), "pandas": pl.from_pandas, "arrow": pl.from_arrow,
    "records": lambda a: pl.DataFrame(a),
}
TYPES = {"polars": pl.DataFrame, "lazy": pl.LazyFrame, "pandas": pd.DataFrame, "arrow": pa.Table, "records": list}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_table(program, frame, kind):
    data = KINDS[kind](frame)
    assert program.count(data) == EXPECTED_COUNTS
    flags = program.evaluate(data)
    assert isinstance(flags, TYPES[kind])
    flags = BACK[kind](flags)
    assert flags.columns == ["id", "road", "adults", "recent", "polish"]
    assert flags.get_column("polish").to_list() == [True, False, True]  # never null
    members = program.evaluate(data, "adults")
    assert isinstance(members, TYPES[kind])
    assert BACK[kind](members).get_column("id").to_list() == [1]


def test_pandas_dtypes_that_just_work(program, frame):
    pdf = frame.to_pandas()  # age: float64 with NaN, signup: datetime64 at midnight
    assert pdf["age"].dtype == "float64"
    assert program.count(pdf) == EXPECTED_COUNTS
    nullable = pdf.assign(age=pdf["age"].astype("Int64"), sport=pdf["sport"].astype("category"),
                          city=pdf["city"].astype("string[pyarrow]"))
    assert program.count(nullable) == EXPECTED_COUNTS


def test_polars_categorical_and_int_for_float(program, frame):
    data = frame.with_columns(pl.col("sport").cast(pl.Categorical), pl.col("value").cast(pl.Int64, strict=False))
    assert program.count(data) == EXPECTED_COUNTS


@pytest.mark.parametrize("change, words", [
    (lambda f: f.drop("age"), "column 'age' is missing"),
    (lambda f: f.with_columns(pl.col("age").cast(pl.Float64) + 0.5), "30.5 is not a whole number"),
    (lambda f: f.with_columns(pl.col("signup").cast(pl.Datetime("us")) + pl.duration(hours=3)), "has a time of day"),
    (lambda f: f.with_columns(pl.lit("thirty").alias("age")), "'thirty' is not a whole number"),
    (lambda f: f.with_columns(pl.lit("gravel").alias("sport")), "gravel"),
])
def test_data_that_does_not_fit_names_the_column(program, frame, change, words):
    with pytest.raises(segdsl.SegdslError) as info:
        program.count(change(frame))
    diagnostic = info.value.diagnostics[0]
    assert diagnostic.code == "E501"
    assert words in diagnostic.message


def test_not_a_table(program):
    with pytest.raises(segdsl.SegdslError) as info:
        program.count("customers.csv")
    assert info.value.diagnostics[0].code == "E501"


def test_case_mapping_is_simple_in_polars():
    program = segdsl.loads('entity t { key id: int  s: string }\nsegment l: lower(s) == "οδοσ"\n'
                           'segment u: upper(s) == "STRAßE"\nsegment i: lower(s) == "istanbul"', as_of="2026-11-01")
    data = pl.DataFrame({"id": [1, 2, 3], "s": ["ΟΔΟΣ", "straße", "İSTANBUL"]})
    assert program.count(data) == {"l": 1, "u": 1, "i": 1}


def test_lazy_frame_reads_only_the_declared_columns(program, frame):
    calls = []
    lazy = frame.lazy().with_columns(pl.col("city").map_batches(lambda s: calls.append(1) or s, return_dtype=pl.String).alias("not_declared"))
    assert program.count(lazy) == EXPECTED_COUNTS
    assert program.evaluate(lazy).collect().equals(program.evaluate(frame))
    assert calls == []  # the undeclared column was never computed
    lazy.collect()
    assert calls == [1]


@pytest.mark.parametrize("lazy,words", [
    (lambda f, p: f.lazy().drop("age"), "column 'age' is missing"),
    (lambda f, p: pl.scan_csv(p / "no-such-file.csv"), "cannot read the LazyFrame"),
])
def test_lazy_frame_that_does_not_fit(program, frame, tmp_path, lazy, words):
    with pytest.raises(segdsl.SegdslError) as info:
        program.evaluate(lazy(frame, tmp_path))
    assert info.value.diagnostics[0].code == "E501"
    assert words in info.value.diagnostics[0].message


def test_nan_and_infinity_are_null_only_where_read(program, frame):
    data = frame.with_columns(pl.Series("value", [float("inf"), float("-inf"), float("nan")]))
    assert program.count(data) == EXPECTED_COUNTS  # 'value' is declared, read by no segment
    values = segdsl.loads(FILE + "segment valued: value > 0 or value < 0 or value is null\n"
                          "segment missing: value is null\n", as_of="2026-11-01")
    counts = values.count(data)
    assert counts["valued"] == 3 and counts["missing"] == 3


SHARED = """entity t { key id: int  city: string  n: int  x: float }
segment a: lower(city) in ["łódź", "wrocław"] and n > 3
segment b: lower(city) in ["łódź", "wrocław"] or x / n > 1
segment c: a and x / n > 1
segment d: not (lower(city) in ["łódź", "wrocław"] and n > 3) and n < 10
"""


def test_shared_sub_conditions_are_computed_once():
    from segdsl.vectorized import PolarsCompiler

    program = segdsl.loads(SHARED, as_of="2026-11-01")
    data = pl.DataFrame({"id": [1, 2, 3, 4], "city": ["ŁÓDŹ", "Kraków", None, "wrocław"], "n": [4, 0, 5, 2],
                         "x": [8.0, 1.0, 6.0, 1.0]})
    compiler = PolarsCompiler(program.checked().segments)
    plan = compiler.query(data.lazy(), program.segments).explain()
    assert plan.count("to_lowercase") == 1  # in a, b and d (and c through a), computed once
    assert plan.count('truediv') + plan.count(" / ") == 1  # x / n, in b and c
    flags = program.evaluate(data)
    for row in data.to_dicts():  # the same answers as the reference interpreter
        from segdsl import reference
        expected = reference.flags(program.checked(), row)
        got = flags.filter(pl.col("id") == row["id"]).to_dicts()[0]
        assert {k: got[k] for k in expected} == expected, row


@pytest.mark.parametrize("data,code,words", [
    ([], "E501", "no columns"),
    (pd.DataFrame({"a": [1, "x"]}), "E501", "cannot read the pandas table"),
    (pl.DataFrame({"a": ["x"]}), "E903", "polars could not evaluate"),  # round() of text, no entity to say so
])
def test_tables_that_break_evaluation_are_diagnostics(data, code, words):
    program = segdsl.loads("segment t: round(a) > 1", as_of="2026-11-01")
    with pytest.raises(segdsl.SegdslError) as info:
        program.evaluate(data)
    assert info.value.diagnostics[0].code == code and words in info.value.diagnostics[0].message


def test_unsigned_values_beyond_int64_name_the_column(program, frame):
    data = frame.with_columns(pl.Series("age", [2 ** 64 - 1, None, 17], dtype=pl.UInt64))
    with pytest.raises(segdsl.SegdslError) as info:
        program.count(data)
    assert info.value.diagnostics[0].code == "E501" and "column 'age'" in info.value.diagnostics[0].message


def test_checked_programs_per_as_of_are_bounded():
    """A service asking as of every minute keeps a few checked programs, always its own as-of's."""
    import datetime as dt

    import segdsl

    program = segdsl.loads("entity t {\n key id: int\n d: date\n}\nsegment recent: d >= today() - 7 days\n",
                           as_of="2026-11-01")
    own = program.checked()
    start = dt.datetime(2026, 11, 1, 0, 0)
    for minute in range(100):
        program.checked(start + dt.timedelta(minutes=minute + 1))
    assert len(program._checked) <= 16
    assert program.checked() is own
    assert program.checked(start + dt.timedelta(minutes=100)) is program.checked(start + dt.timedelta(minutes=100))
