"""Benchmarks on tables: segdsl's Polars evaluation beside the same segments written by hand.

In one run, on the same generated customers (1M and 10M rows), for one four-condition segment
and for 100 segments: segdsl `program.evaluate` (Polars), the conditions written by hand as a
lazy Polars query, as DuckDB SQL over the same frame, and as pandas boolean operations; also
segdsl's own compiled SQL on DuckDB. Every answer is the key column and one boolean flag per
segment, never null, and each is checked against segdsl's before it is timed.

    python -m pytest tests/test_benchmark_tables.py --benchmark-enable
    SEGDSL_BENCH_ROWS=1000000 python -m pytest tests/test_benchmark_tables.py --benchmark-enable

With benchmarks disabled (the default, and in CI) every body runs once on 5,000 rows: a quick
smoke test that the baselines and segdsl still agree. The ratios go in docs/performance.md.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from dataclasses import dataclass

import duckdb
import pandas as pd
import polars as pl
import pytest

import segdsl

from generate import entity

AS_OF = dt.date(2026, 11, 1)
SMOKE_ROWS = 5_000
ENTITY = entity(enums=False)  # enum fields cost a check of their values: measured on their own
CITIES = ["Wrocław", "Kraków", "Gdańsk", "Poznań", "Warszawa", "Katowice", "Wałbrzych", "Gliwice"]
DOMAINS = ["gmail.com", "wp.pl", "onet.pl", "o2.pl"]


def customers(rows: int) -> pl.DataFrame:
    """Deterministic customers with nulls in every optional column (about 10% each)."""
    i = pl.int_range(rows, dtype=pl.Int64)

    def pick(seed: int, values: list) -> pl.Expr:
        return pl.lit(pl.Series(values)).get(i.hash(seed) % len(values))

    def some_null(seed: int, value: pl.Expr) -> pl.Expr:
        return pl.when(i.hash(seed) % 10 != 0).then(value)

    return pl.select(
        i.alias("customer_id"),
        pick(1, ["road", "mountain", "gravel"]).alias("sport"),
        pick(2, ["beginner", "amateur", "pro"]).alias("level"),
        pick(3, ["F", "M"]).alias("sex"),
        (i.hash(4) % 73 + 18).cast(pl.Int64).alias("age"),  # 18-90: `age - 15` is never 0
        some_null(5, pick(5, CITIES)).alias("city"),
        some_null(6, pl.concat_str(pl.lit("user"), i.cast(pl.String), pl.lit("@"), pick(7, DOMAINS))).alias("email"),
        some_null(8, i.hash(9) % 2 == 0).alias("newsletter"),
        some_null(10, (i.hash(11) % 500_000).cast(pl.Float64) / 100).alias("lifetime_value"),
        (pl.lit(dt.date(2024, 1, 1)) + pl.duration(days=i.hash(12) % 1000)).alias("signup_date"),
        (pl.lit(dt.datetime(2025, 1, 1)) + pl.duration(minutes=i.hash(13) % 900_000)).alias("last_seen"),
    )


# -- the segments, each condition in four hands: segdsl, Polars, SQL, pandas -----------------------

@dataclass
class Condition:
    segdsl: str
    polars: pl.Expr
    sql: str
    pandas: object  # DataFrame -> boolean Series (NA where a value is missing)


def _conditions(rng: random.Random) -> Condition:
    kind = rng.randrange(10)
    if kind == 0:
        v = rng.choice(["road", "mountain", "gravel"])
        return Condition(f'sport == "{v}"', pl.col("sport") == v, f"sport = '{v}'", lambda d: d["sport"] == v)
    if kind == 1:
        vs = [rng.choice(["beginner", "amateur"]), "pro"]
        return Condition(f'level in ["{vs[0]}", "pro"]', pl.col("level").is_in(vs), f"level IN ('{vs[0]}', 'pro')",
                         lambda d: d["level"].isin(vs))
    if kind == 2:
        lo, hi = rng.randint(18, 40), rng.randint(41, 80)
        return Condition(f"age between {lo} and {hi}", pl.col("age").is_between(lo, hi), f"age BETWEEN {lo} AND {hi}",
                         lambda d: d["age"].between(lo, hi))
    if kind == 3:
        v = rng.randint(0, 5000) + 0.5
        return Condition(f"lifetime_value >= {v}", pl.col("lifetime_value") >= v, f"lifetime_value >= {v}",
                         lambda d: d["lifetime_value"] >= v)
    if kind == 4:
        v = "@" + rng.choice(DOMAINS)
        return Condition(f'email ends_with "{v}"', pl.col("email").str.ends_with(v), f"ends_with(email, '{v}')",
                         lambda d: d["email"].str.endswith(v))
    if kind == 5:
        v = "^" + rng.choice("WKGP") + "[a-z]+"
        return Condition(f'city matches "{v}"', pl.col("city").str.contains(v), f"regexp_matches(city, '{v}')",
                         lambda d: d["city"].str.contains(v, regex=True))
    if kind == 6:
        days = rng.randint(1, 400)
        since = AS_OF - dt.timedelta(days=days)
        return Condition(f"signup_date >= today() - {days} days", pl.col("signup_date") >= since,
                         f"signup_date >= DATE '{since}'", lambda d: d["signup_date"] >= pd.Timestamp(since))
    if kind == 7:
        return Condition("newsletter", pl.col("newsletter"), "newsletter", lambda d: d["newsletter"])
    if kind == 8:
        v = rng.choice(["wrocław", "kraków"])
        return Condition(f'lower(city) != "{v}"', pl.col("city").str.to_lowercase() != v, f"lower(city) <> '{v}'",
                         lambda d: d["city"].notna() & (d["city"].str.lower() != v))  # NaN != v is True
    v = rng.randint(1, 90)
    return Condition(f"lifetime_value / (age - 15) > {v}", pl.col("lifetime_value") / (pl.col("age") - 15) > v,
                     f"lifetime_value / (age - 15) > {v}", lambda d: d["lifetime_value"] / (d["age"] - 15) > v)


@dataclass
class Workload:
    program: segdsl.Program
    segments: str  # the segment lines, without the entity
    names: list[str]
    polars: list[pl.Expr]
    sql: str
    pandas: list  # DataFrame -> boolean Series, per segment


def workload(segments: int) -> Workload:
    """One four-condition segment, or `segments` segments of three random conditions each."""
    if segments == 1:
        parts = [[Condition('sport == "road"', pl.col("sport") == "road", "sport = 'road'", lambda d: d["sport"] == "road"),
                  Condition('level == "amateur"', pl.col("level") == "amateur", "level = 'amateur'",
                            lambda d: d["level"] == "amateur"),
                  Condition('sex == "F"', pl.col("sex") == "F", "sex = 'F'", lambda d: d["sex"] == "F"),
                  Condition("age >= 18", pl.col("age") >= 18, "age >= 18", lambda d: d["age"] >= 18)]]
    else:
        rng = random.Random(7)
        parts = [[_conditions(rng) for _ in range(3)] for _ in range(segments)]
    names = [f"s{n}" for n in range(len(parts))]
    segments_text = "".join(f"segment {n}: {' and '.join(c.segdsl for c in p)}\n" for n, p in zip(names, parts))
    exprs = [_all([c.polars for c in p]).fill_null(False).alias(n) for n, p in zip(names, parts)]
    columns = ", ".join(f"coalesce({' AND '.join('(' + c.sql + ')' for c in p)}, false) AS {n}" for n, p in zip(names, parts))
    pandas_parts = [[c.pandas for c in p] for p in parts]
    return Workload(segdsl.loads(ENTITY + segments_text, as_of=AS_OF), segments_text, names, exprs, f"SELECT customer_id, {columns} FROM customers",
                    [lambda d, fs=fs: _pandas_all(d, fs) for fs in pandas_parts])


def _all(exprs: list[pl.Expr]) -> pl.Expr:
    result = exprs[0]
    for e in exprs[1:]:
        result = result & e
    return result


def _pandas_all(frame: pd.DataFrame, conditions) -> pd.Series:
    result = conditions[0](frame).fillna(False).astype(bool)
    for c in conditions[1:]:
        result &= c(frame).fillna(False).astype(bool)
    return result


# -- fixtures -----------------------------------------------------------------------------------

def _benchmarking(config) -> bool:
    return config.getoption("benchmark_enable", False) or not config.getoption("benchmark_disable", True)


@pytest.fixture(scope="module", params=[1_000_000, 10_000_000], ids=["1M", "10M"])
def data(request):
    wanted = int(os.environ.get("SEGDSL_BENCH_ROWS", request.param))
    if not _benchmarking(request.config):
        wanted = SMOKE_ROWS
    elif wanted != request.param:
        pytest.skip(f"SEGDSL_BENCH_ROWS={wanted}")
    frame = customers(wanted)
    return frame, frame.to_pandas()


@pytest.fixture(scope="module", params=[1, 100], ids=["1seg", "100seg"])
def work(request):
    return workload(request.param)


@pytest.fixture(scope="module")
def expected(data, work):
    frame, _ = data
    return work.program.evaluate(frame)


def _group(benchmark, data, work) -> None:
    benchmark.group = f"table-{data[0].height:,}-rows-{len(work.names)}-segments"


def _timed(benchmark, fn):
    """Big tables: a fixed number of rounds, not pytest-benchmark's calibration (more for the
    quick one-segment queries, whose minimum is otherwise noisy)."""
    rounds = 20 if benchmark.group.endswith("-1-segments") else 5
    return benchmark.pedantic(fn, rounds=rounds, iterations=1, warmup_rounds=1)


# -- the benchmarks -----------------------------------------------------------------------------

def test_segdsl_polars(benchmark, data, work, expected):
    _group(benchmark, data, work)
    frame, _ = data
    flags = _timed(benchmark, lambda: work.program.evaluate(frame))
    assert flags.columns == ["customer_id", *work.names] and flags.equals(expected)


def test_segdsl_polars_with_enum_fields(benchmark, data, work, expected):
    """The same segments with sport, level and sex declared as enums: their values are checked."""
    _group(benchmark, data, work)
    frame, _ = data
    program = segdsl.loads(entity(enums=True) + work.segments, as_of=AS_OF)
    flags = _timed(benchmark, lambda: program.evaluate(frame))
    assert flags.equals(expected)


def test_hand_written_polars(benchmark, data, work, expected):
    """The baseline of the target: the same conditions as one lazy Polars query."""
    _group(benchmark, data, work)
    frame, _ = data
    flags = _timed(benchmark, lambda: frame.lazy().select(pl.col("customer_id"), *work.polars).collect())
    assert flags.equals(expected)


def _duckdb_query(connection, frame: pl.DataFrame, sql: str) -> pl.DataFrame:
    connection.register("customers", frame.to_arrow())
    try:
        return connection.sql(sql).pl()
    finally:
        connection.unregister("customers")


def test_hand_written_duckdb_sql(benchmark, data, work, expected):
    _group(benchmark, data, work)
    frame, _ = data
    connection = duckdb.connect()
    flags = _timed(benchmark, lambda: _duckdb_query(connection, frame, work.sql))
    connection.close()
    assert flags.sort("customer_id").equals(expected)


def test_segdsl_sql_on_duckdb(benchmark, data, work, expected):
    """segdsl's compiled flags query (per-dialect lowering included) on the same frame."""
    _group(benchmark, data, work)
    frame, _ = data
    sql = work.program.to_sql(dialect="duckdb", table="customers")
    connection = duckdb.connect()
    flags = _timed(benchmark, lambda: _duckdb_query(connection, frame, sql))
    connection.close()
    assert flags.sort("customer_id").equals(expected)


def test_hand_written_pandas(benchmark, data, work, expected):
    _group(benchmark, data, work)
    _, frame = data

    def run() -> pd.DataFrame:
        return pd.DataFrame({"customer_id": frame["customer_id"], **{n: f(frame) for n, f in zip(work.names, work.pandas)}})

    flags = _timed(benchmark, run)
    assert pl.from_pandas(flags).equals(expected)
