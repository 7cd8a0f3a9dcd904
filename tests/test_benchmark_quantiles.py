"""Benchmark: an RFM segment (two quantiles of aggregates), segdsl beside hand-written queries.

The customers and orders of tests/test_benchmark_events.py (1M customers, 10M orders) and

    ntile(count(orders in last 365 days), 5) == 5 and ntile(last(orders.ordered_at), 5) >= 4

("top fifth by orders in the last year, among the two most recent fifths"), evaluated by
segdsl in Polars, by the same logic hand-written in Polars (group-by, join, rank), by segdsl's
SQL on DuckDB and by hand-written DuckDB SQL with CUME_DIST (which ranks ties as segdsl does).
Every answer is checked equal to segdsl's before it is timed. (Frequency and recency, not money:
the amounts are cents, not exact in binary, so each engine's float sums can differ in the last
bit and a customer on a group's edge can cross it; docs/semantics.md, "Quantiles".)

    python -m pytest tests/test_benchmark_quantiles.py --benchmark-enable

With benchmarks disabled each body runs once on 5,000 customers. Ratios go in docs/performance.md.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import pytest

import segdsl

from test_benchmark_events import AS_OF, _duckdb, data  # noqa: F401 - `data` is a fixture

TEXT = """
entity customers { key customer_id: int  region: string }
events orders of customers by customer_id at ordered_at { amount: float  discounted: bool }
segment rfm: ntile(count(orders in last 365 days), 5) == 5 and ntile(last(orders.ordered_at), 5) >= 4
"""
HAND_SQL = """
SELECT customer_id, coalesce((5 * count(*) OVER (ORDER BY frequency) + count(*) OVER () - 1)
                             // count(*) OVER () = 5
                             AND (5 * count(latest) OVER (ORDER BY latest) + count(latest) OVER () - 1)
                             // count(latest) OVER () >= 4, false) AS rfm
FROM (
  SELECT c.customer_id, coalesce(o.frequency, 0) AS frequency, o.latest
  FROM customers c LEFT JOIN (
    SELECT customer_id, count(*) FILTER (WHERE ordered_at > TIMESTAMP '2025-11-01 00:00:00') AS frequency,
           max(ordered_at) AS latest
    FROM orders WHERE ordered_at <= TIMESTAMP '2026-11-01 00:00:00' GROUP BY customer_id
  ) o ON c.customer_id = o.customer_id
)
"""


def hand_written(customers: pl.DataFrame, orders: pl.DataFrame) -> pl.DataFrame:
    t = pl.col("ordered_at")
    per_customer = orders.lazy().filter(t <= AS_OF).group_by("customer_id").agg(
        (t > AS_OF - dt.timedelta(days=365)).sum().alias("frequency"), t.max().alias("latest"))
    joined = customers.lazy().join(per_customer, on="customer_id", how="left", maintain_order="left")

    def ntile(x: pl.Expr) -> pl.Expr:
        return (x.rank("max").cast(pl.Int64) * 5 + x.count() - 1) // x.count()

    flag = (ntile(pl.col("frequency").fill_null(0)) == 5) & (ntile(pl.col("latest")) >= 4)
    return joined.select("customer_id", flag.fill_null(False).alias("rfm")).collect()


@pytest.fixture(scope="module")
def program():
    return segdsl.loads(TEXT, as_of=AS_OF)


@pytest.fixture(scope="module")
def expected(data, program):  # noqa: F811
    customers, orders = data
    flags = program.evaluate(customers, events={"orders": orders})
    assert 0 < flags.get_column("rfm").sum() < flags.height
    return flags


def _timed(benchmark, data, fn):  # noqa: F811
    benchmark.group = f"rfm-{data[0].height:,}-customers-{data[1].height:,}-orders"
    return benchmark.pedantic(fn, rounds=5, iterations=1, warmup_rounds=1)


def test_segdsl_evaluate(benchmark, data, program, expected):  # noqa: F811
    customers, orders = data
    assert _timed(benchmark, data, lambda: program.evaluate(customers, events={"orders": orders})).equals(expected)


def test_hand_written_polars(benchmark, data, expected):  # noqa: F811
    customers, orders = data
    assert _timed(benchmark, data, lambda: hand_written(customers, orders)).equals(expected)


@pytest.mark.parametrize("which", ["segdsl", "hand"])
def test_sql_on_duckdb(benchmark, data, program, expected, which):  # noqa: F811
    customers, orders = data
    sql = program.to_sql(dialect="duckdb") if which == "segdsl" else HAND_SQL
    connection = duckdb.connect()
    flags = _timed(benchmark, data, lambda: _duckdb(connection, customers, orders, sql))
    connection.close()
    assert flags.equals(expected)
