"""Benchmark: a segment with two aggregates over an event table, segdsl beside hand-written queries.

1M customers and 10M orders (generated, deterministic): the segment

    count(orders where discounted in last 365 days) >= 3 and sum(orders.amount in last 90 days) > 500

evaluated by segdsl in Polars (`program.evaluate(customers, events={"orders": orders})`, which
also checks and fits both tables to their declarations, and the query alone on fitted frames),
by the same logic hand-written as one lazy Polars group-by and join, by segdsl's compiled SQL on
DuckDB, and by hand-written DuckDB SQL. Every answer is the key and the flag, checked equal to
segdsl's before it is timed.

    python -m pytest tests/test_benchmark_events.py --benchmark-enable

With benchmarks disabled (the default, and in CI) each body runs once on 5,000 customers and
50,000 orders: a smoke test that the baselines and segdsl agree. Ratios go in docs/performance.md.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import polars as pl
import pytest

import segdsl

from test_benchmark_tables import _benchmarking, _duckdb_query

AS_OF = dt.datetime(2026, 11, 1)
CUSTOMERS, ORDERS_PER_CUSTOMER = 1_000_000, 10
SMOKE_CUSTOMERS = 5_000
TEXT = """
entity customers { key customer_id: int  region: string }
events orders of customers by customer_id at ordered_at { amount: float  discounted: bool }
segment target: count(orders where discounted in last 365 days) >= 3 and sum(orders.amount in last 90 days) > 500
"""
HAND_SQL = """
SELECT c.customer_id,
       coalesce(coalesce(o.discounted_year, 0) >= 3 AND coalesce(o.amount_quarter, 0) > 500, false) AS target
FROM customers c LEFT JOIN (
  SELECT customer_id,
         count(*) FILTER (WHERE discounted AND ordered_at > TIMESTAMP '2025-11-01 00:00:00') AS discounted_year,
         sum(amount) FILTER (WHERE ordered_at > TIMESTAMP '2026-08-03 00:00:00') AS amount_quarter
  FROM orders WHERE ordered_at <= TIMESTAMP '2026-11-01 00:00:00' GROUP BY customer_id
) o ON c.customer_id = o.customer_id
"""


def tables(customers: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Customers 0..n-1 and ten orders each on average over three years (a tenth of the customers
    have none, some orders are after the as-of date, amounts have nulls)."""
    i = pl.int_range(customers, dtype=pl.Int64)
    people = pl.select(i.alias("customer_id"),
                       pl.lit(pl.Series(["west", "east", "north"])).get(i.hash(1) % 3).alias("region"))
    j = pl.int_range(customers * ORDERS_PER_CUSTOMER, dtype=pl.Int64)
    orders = pl.select(
        (j.hash(2) % (customers * 9 // 10)).cast(pl.Int64).alias("customer_id"),
        (pl.lit(dt.datetime(2023, 11, 15)) + pl.duration(minutes=j.hash(3) % (3 * 365 * 1440))).alias("ordered_at"),
        pl.when(j.hash(4) % 50 != 0).then((j.hash(5) % 40_000).cast(pl.Float64) / 100).alias("amount"),
        (j.hash(6) % 3 == 0).alias("discounted"),
    )
    return people, orders


def hand_written(customers: pl.DataFrame, orders: pl.DataFrame, narrow: bool = False) -> pl.DataFrame:
    """The same segment as a lazy Polars group-by and join, written as one would by hand;
    `narrow`: reading only the last year's orders before grouping, as segdsl does."""
    year, quarter = AS_OF - dt.timedelta(days=365), AS_OF - dt.timedelta(days=90)
    t = pl.col("ordered_at")
    read = (t <= AS_OF) & (t > year) if narrow else t <= AS_OF
    per_customer = (orders.lazy().filter(read).group_by("customer_id").agg(
        (pl.col("discounted") & (t > year)).sum().alias("discounted_year"),
        pl.col("amount").filter(t > quarter).sum().alias("amount_quarter")))
    joined = customers.lazy().join(per_customer, on="customer_id", how="left", maintain_order="left")
    flag = (pl.col("discounted_year").fill_null(0) >= 3) & (pl.col("amount_quarter").fill_null(0) > 500)
    return joined.select("customer_id", flag.fill_null(False).alias("target")).collect()


@pytest.fixture(scope="module")
def data(request):
    customers = int(os.environ.get("SEGDSL_BENCH_CUSTOMERS", CUSTOMERS))
    if not _benchmarking(request.config):
        customers = SMOKE_CUSTOMERS
    return tables(customers)


@pytest.fixture(scope="module")
def program():
    return segdsl.loads(TEXT, as_of=AS_OF)


@pytest.fixture(scope="module")
def expected(data, program):
    customers, orders = data
    flags = program.evaluate(customers, events={"orders": orders})
    assert 0 < flags.get_column("target").sum() < flags.height  # a segment that splits the customers
    return flags


def _timed(benchmark, data, fn):
    benchmark.group = f"events-{data[0].height:,}-customers-{data[1].height:,}-orders"
    return benchmark.pedantic(fn, rounds=5, iterations=1, warmup_rounds=1)


def test_segdsl_evaluate(benchmark, data, program, expected):
    """The whole API: both tables checked against their declarations and fitted, then the query."""
    customers, orders = data
    assert _timed(benchmark, data, lambda: program.evaluate(customers, events={"orders": orders})).equals(expected)


def test_segdsl_query_on_fitted_tables(benchmark, data, program, expected):
    """The query alone, on tables already fitted (what `segdsl eval` runs after reading the files)."""
    customers, orders = data
    checked = program.checked()
    flags = _timed(benchmark, data, lambda: program._evaluate_fitted(customers, checked, "customer_id", None,
                                                                      {"orders": orders}))
    assert flags.equals(expected)


def test_hand_written_polars(benchmark, data, expected):
    customers, orders = data
    assert _timed(benchmark, data, lambda: hand_written(customers, orders)).equals(expected)


def test_hand_written_polars_reading_only_the_last_year(benchmark, data, expected):
    customers, orders = data
    assert _timed(benchmark, data, lambda: hand_written(customers, orders, narrow=True)).equals(expected)


def _duckdb(connection, customers: pl.DataFrame, orders: pl.DataFrame, sql: str) -> pl.DataFrame:
    connection.register("orders", orders.to_arrow())
    try:
        return _duckdb_query(connection, customers, sql).sort("customer_id")
    finally:
        connection.unregister("orders")


def test_segdsl_sql_on_duckdb(benchmark, data, program, expected):
    customers, orders = data
    sql = program.to_sql(dialect="duckdb")
    connection = duckdb.connect()
    flags = _timed(benchmark, data, lambda: _duckdb(connection, customers, orders, sql))
    connection.close()
    assert flags.equals(expected)


def test_hand_written_duckdb_sql(benchmark, data, expected):
    customers, orders = data
    connection = duckdb.connect()
    flags = _timed(benchmark, data, lambda: _duckdb(connection, customers, orders, HAND_SQL))
    connection.close()
    assert flags.equals(expected)
