"""Event tables through the Python API: evaluate/count with `events=`, per-record profiles, errors.

What the aggregates answer is the conformance corpus's job (tests/conformance/aggregates.seg on
every backend); this file checks the ways in and the mistakes a user can make on the way.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import segdsl

TEXT = """
entity customers { key id: int  region: string }
events orders of customers by customer_id at ordered_at { amount: float  discounted: bool }
segment buyers: count(orders) > 0
segment big: sum(orders.amount in last 30 days) >= 100
segment hunters: share(orders where discounted) >= 0.5
segment plain: region == "west"
"""
CUSTOMERS = [{"id": 1, "region": "west"}, {"id": 2, "region": "east"}, {"id": 3, "region": None}]
ORDERS = [
    {"customer_id": 1, "ordered_at": dt.datetime(2026, 10, 20), "amount": 60.0, "discounted": True},
    {"customer_id": 1, "ordered_at": dt.datetime(2026, 10, 25), "amount": 50.0, "discounted": False},
    {"customer_id": 2, "ordered_at": dt.datetime(2026, 1, 1), "amount": 500.0, "discounted": True},
    {"customer_id": 2, "ordered_at": dt.datetime(2026, 12, 1), "amount": 500.0, "discounted": False},  # after as-of
]
WANT = {1: ["buyers", "big", "hunters", "plain"], 2: ["buyers", "hunters"], 3: []}


@pytest.fixture(scope="module")
def program():
    return segdsl.loads(TEXT, as_of="2026-11-01")


def _members(rows) -> dict:
    return {r["id"]: [n for n in ("buyers", "big", "hunters", "plain") if r[n]] for r in rows}


@pytest.mark.parametrize("kind", ["polars", "lazy", "pandas", "arrow", "records"])
def test_evaluate_takes_event_tables_of_every_kind(program, kind):
    convert = {"polars": pl.DataFrame, "lazy": lambda rows: pl.DataFrame(rows).lazy(),
               "pandas": pd.DataFrame, "arrow": lambda rows: pa.Table.from_pylist(rows), "records": list}[kind]
    answer = program.evaluate(convert(CUSTOMERS), events={"orders": convert(ORDERS)})
    rows = {"polars": lambda a: a.to_dicts(), "lazy": lambda a: a.collect().to_dicts(),
            "pandas": lambda a: a.to_dict("records"), "arrow": lambda a: a.to_pylist(), "records": list}[kind](answer)
    assert _members(rows) == WANT


def test_members_and_counts(program):
    assert program.evaluate(CUSTOMERS, "hunters", events={"orders": ORDERS}) == [{"id": 1}, {"id": 2}]
    assert program.count(CUSTOMERS, events={"orders": ORDERS}) == {"buyers": 2, "big": 1, "hunters": 2, "plain": 1}


def test_segments_without_events_need_no_event_table(program):
    assert program.evaluate(CUSTOMERS, "plain") == [{"id": 1}]
    assert program.event_tables_read(["plain"]) == []
    assert program.event_tables_read() == ["orders"]


def test_as_of_moves_the_windows(program):
    # As of 2026-10-21 the second order has not happened yet, and the first is within 30 days.
    answer = program.evaluate(CUSTOMERS, events={"orders": ORDERS}, as_of="2026-10-21")
    assert _members(answer.to_dicts() if hasattr(answer, "to_dicts") else answer)[1] == ["buyers", "hunters", "plain"]


def test_a_missing_event_table_is_a_clear_error(program):
    with pytest.raises(segdsl.SegdslError) as info:
        program.evaluate(CUSTOMERS)
    assert info.value.diagnostics[0].code == "E501"
    assert "the segments read the events 'orders', but no such table was given" in str(info.value)
    assert "events={'orders': orders}" in str(info.value)


def test_an_undeclared_event_table_is_a_clear_error(program):
    with pytest.raises(segdsl.SegdslError) as info:
        program.evaluate(CUSTOMERS, events={"order": ORDERS, "orders": ORDERS})
    assert "no event table 'order' is declared" in str(info.value) and "did you mean 'orders'?" in str(info.value)


@pytest.mark.parametrize("rows, message", [
    ([{"customer_id": 1, "ordered_at": dt.datetime(2026, 1, 1), "amount": 1.0}], "column 'discounted' is missing"),
    ([{"customer_id": 1, "ordered_at": "yesterday", "amount": 1.0, "discounted": True}],
     "column 'ordered_at' row 1 of orders: 'yesterday' is not a timestamp"),
    ([{"customer_id": "x", "ordered_at": dt.datetime(2026, 1, 1), "amount": 1.0, "discounted": True}],
     "column 'customer_id'"),
])
def test_event_rows_that_do_not_fit_are_named(program, rows, message):
    with pytest.raises(segdsl.SegdslError) as info:
        program.evaluate(CUSTOMERS, events={"orders": rows})
    assert info.value.diagnostics[0].code == "E501"
    assert message in str(info.value)


def test_per_record_profiles_carry_their_events(program):
    profile = {"id": 1, "region": "west", "orders": [r for r in ORDERS if r["customer_id"] == 1]}
    assert program.segments_of(profile) == WANT[1]
    assert program.matches("big", profile)
    assert program.segments_of({"id": 3, "region": None, "orders": []}) == []


@pytest.mark.parametrize("profile, message", [
    ({"id": 1, "region": "west"}, "the record has no 'orders'"),
    ({"id": 1, "region": "west", "orders": {"amount": 1.0}}, "'orders' of the record is a dict, not a list of events"),
    ({"id": 1, "region": "west", "orders": [1]}, "event 0 of 'orders' is an int, not a mapping of fields"),
    ({"id": 1, "region": "west", "orders": [{"customer_id": 1, "ordered_at": dt.datetime(2026, 1, 1)}]},
     "event 0 of 'orders' has no field 'amount'"),
    ({"id": 1, "region": "west", "orders": [{"customer_id": 1, "ordered_at": "2026-01-01", "amount": 1.0,
                                              "discounted": True}]},
     "field 'ordered_at' of event 0 of 'orders' is '2026-01-01', not a datetime.datetime"),
])
def test_per_record_mistakes_in_events_are_named(program, profile, message):
    with pytest.raises(segdsl.SegdslError) as info:
        program.segments_of(profile)
    assert info.value.diagnostics[0].code == "E502"
    assert message in str(info.value)


@pytest.mark.parametrize("engine", ["polars", "duckdb", "sqlite"])
def test_an_engine_without_the_event_table_says_so_before_it_runs(program, engine):
    from segdsl.engines import run

    with pytest.raises(segdsl.SegdslError) as info:
        run(program, pl.DataFrame(CUSTOMERS), engine=engine)
    assert info.value.diagnostics[0].code == "E501" and "the events 'orders'" in str(info.value)
    assert run(program, pl.DataFrame(CUSTOMERS), engine=engine, segment="plain").rows == [(1,)]  # reads no events
