"""Aggregates over event tables in Polars: one lazy group-by per table, joined to the customers.

Every aggregate of a run that reads a table goes into that table's one `group_by(by).agg(...)`,
each with its own mask (its window and `where`); the result is left-joined to the customers on
the key, and count, count_distinct and sum are 0 for a customer with no events. The semantics
are the reference interpreter's (docs/semantics.md, "Events").
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from . import ir


def aggregate_columns(entity: pl.LazyFrame, key: str, aggregates: list[ir.Aggregate],
                      events: dict[str, pl.LazyFrame], compile_where, name_of) -> pl.LazyFrame:
    """`entity` with a column per aggregate, named `name_of(aggregate)`.

    compile_where turns an event-level condition into a Polars expression over the event's columns.
    """
    by_table: dict[str, list[ir.Aggregate]] = {}
    for a in aggregates:
        by_table.setdefault(a.table, []).append(a)
    for table, items in by_table.items():  # every table is there: Program.require_events
        by = items[0].by
        frame = events[table].filter(pl.col(by).is_not_null() & _in_window(ir.reach([a.window for a in items])))
        grouped = frame.group_by(by).agg(_expression(a, compile_where).alias(name_of(a)) for a in items)
        entity = entity.join(grouped, left_on=key, right_on=by, how="left", maintain_order="left")
        if by != key:
            entity = entity.drop(by, strict=False)
        zero = [pl.col(name_of(a)).fill_null(0) for a in items if a.fn in ("count", "count_distinct", "sum")]
        if zero:
            entity = entity.with_columns(zero)
    return entity


def _upper(w: ir.Window) -> pl.Expr:
    at, high = pl.col(w.at), _literal(w.high)
    return at.le(high) if w.high_inclusive else at.lt(high)


def _lower(w: ir.Window) -> pl.Expr:
    at, low = pl.col(w.at), _literal(w.low)
    return at.ge(low) if w.low_inclusive else at.gt(low)


def _literal(value) -> pl.Expr:
    return pl.lit(value, dtype=pl.Datetime("us")) if isinstance(value, dt.datetime) else pl.lit(value)


def _in_window(w: ir.Window) -> pl.Expr:
    inside = _upper(w)
    return inside & _lower(w) if w.low is not None else inside


def _expression(a: ir.Aggregate, compile_where) -> pl.Expr:
    window = _in_window(a.window)
    where = compile_where(a.where).fill_null(False) if a.where is not None else None
    if a.fn == "share":
        read = window.sum()
        return pl.when(read > 0).then((window & where).sum() / read)
    mask = window & where if where is not None else window
    if a.fn == "count":
        return mask.sum().cast(pl.Int64)
    value = pl.col(a.field.name)
    if a.fn in ("first", "last"):
        # by time, then by the value with nulls first (as the reference), within the events read
        ordered = value.filter(mask).sort_by([pl.col(a.window.at).filter(mask), value.filter(mask)],
                                             nulls_last=[False, False])
        return ordered.first() if a.fn == "first" else ordered.last()
    kept = value.filter(mask)
    if a.fn == "count_distinct":
        return kept.drop_nulls().n_unique().cast(pl.Int64)
    if a.fn == "sum":
        # Int64 would wrap around silently; Python's ints do not (as arithmetic, vectorized.py)
        return kept.cast(pl.Int128).sum() if a.type.kind == "int" else kept.sum()
    if a.fn == "avg":
        return kept.cast(pl.Float64).mean()
    return kept.min() if a.fn == "min" else kept.max()
