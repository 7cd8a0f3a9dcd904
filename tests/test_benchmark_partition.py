"""Benchmark: labelling 1,000 micro segments (a 10x10x10 partition) against one segment.

1M customers with three numbers a, b, c from 0 to 99. One segment, `a < 10 and b < 10 and c < 10`,
against a partition `by a bands [10, ..., 90], b bands [...], c bands [...]` that puts every
customer in one of 1,000 cells in the same pass. Both evaluated by segdsl in Polars and by
segdsl's SQL on DuckDB (loaded once, outside the timing). The cells are checked against a
hand-written Polars computation (a // 10 ...) before anything is timed.

    python -m pytest tests/test_benchmark_partition.py --benchmark-enable

With benchmarks disabled each body runs once on 5,000 customers. Ratios go in docs/performance.md.
"""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

import segdsl

BOUNDS = ", ".join(str(b) for b in range(10, 100, 10))
ENTITY = "entity customers { key id: int  a: int  b: int  c: int }\n"
ONE = segdsl.loads(ENTITY + "segment one: a < 10 and b < 10 and c < 10", as_of="2026-11-01")
CELLS = segdsl.loads(ENTITY + f"partition cells by a bands [{BOUNDS}], b bands [{BOUNDS}], c bands [{BOUNDS}]",
                     as_of="2026-11-01")


@pytest.fixture(scope="module")
def customers(request) -> pl.DataFrame:
    n = 1_000_000 if request.config.getoption("benchmark_enable", False) else 5_000
    ids = pl.int_range(0, n, eager=True).alias("id")
    return pl.DataFrame([ids] + [(ids.hash(seed) % 100).cast(pl.Int64).alias(name)
                                 for seed, name in enumerate("abc")])


def _band(x: str) -> pl.Expr:
    tens = pl.col(x) // 10
    return (pl.when(tens == 0).then(pl.lit("<10")).when(tens == 9).then(pl.lit("90+"))
            .otherwise(pl.format("{}-{}", tens * 10, tens * 10 + 9)))


@pytest.fixture(scope="module")
def expected(customers):
    cells = customers.select("id", pl.concat_str([_band("a"), _band("b"), _band("c")], separator="/").alias("cells"))
    assert cells.get_column("cells").n_unique() == (1000 if customers.height > 100_000 else cells["cells"].n_unique())
    return cells


@pytest.fixture(scope="module")
def connection(customers):
    con = duckdb.connect()
    con.register("customers_frame", customers.to_arrow())
    con.execute("CREATE TABLE customers AS SELECT * FROM customers_frame")
    yield con
    con.close()


def _timed(benchmark, customers, fn):
    benchmark.group = f"partition-{customers.height:,}-customers"
    return benchmark.pedantic(fn, rounds=5, iterations=1, warmup_rounds=1)


def test_polars_one_segment(benchmark, customers):
    flags = _timed(benchmark, customers, lambda: ONE.evaluate(customers))
    assert flags.width == 2


def test_polars_thousand_cells(benchmark, customers, expected):
    labels = _timed(benchmark, customers, lambda: CELLS.evaluate(customers))
    assert labels.select("id", "cells").equals(expected)


def test_duckdb_one_segment(benchmark, customers, connection):
    sql = ONE.to_sql(dialect="duckdb")
    rows = _timed(benchmark, customers, lambda: connection.execute(sql).fetchall())
    assert len(rows) == customers.height


def test_duckdb_thousand_cells(benchmark, customers, connection, expected):
    sql = CELLS.to_sql(dialect="duckdb")
    rows = _timed(benchmark, customers, lambda: connection.execute(sql).fetchall())
    assert sorted(rows) == sorted(expected.rows())


def test_polars_hand_written_cells(benchmark, customers, expected):
    query = customers.lazy().select("id", pl.concat_str([_band("a"), _band("b"), _band("c")], separator="/")
                                    .alias("cells"))
    labels = _timed(benchmark, customers, query.collect)
    assert labels.equals(expected)


HOLDOUT = segdsl.loads(ENTITY + 'segment one: a < 50 holdout 10% salt "bench"', as_of="2026-11-01")


def test_polars_holdout(benchmark, customers):
    """The cost of a holdout: an MD5 of each customer's key (in Python, per row)."""
    flags = _timed(benchmark, customers, lambda: HOLDOUT.evaluate(customers))
    assert 0 < flags.get_column("one.holdout").sum() < flags.get_column("one").sum()


def test_duckdb_holdout(benchmark, customers, connection):
    sql = HOLDOUT.to_sql(dialect="duckdb")
    rows = _timed(benchmark, customers, lambda: connection.execute(sql).fetchall())
    assert rows and sorted(rows) == sorted(HOLDOUT.evaluate(customers).rows())
