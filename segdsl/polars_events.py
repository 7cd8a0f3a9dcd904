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
        reach = ir.reach([a.window for a in items])
        frame = events[table].filter(pl.col(by).is_not_null() & _in_window(reach))
        grouped = frame.group_by(by).agg(_expression(a, reach, compile_where).alias(name_of(a)) for a in items)
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


def _in_window(w: ir.Window, read: ir.Window | None = None) -> pl.Expr | None:
    """The window as a mask; with `read`, the window the rows were already filtered to, only the
    bounds stricter than its own (None: every row read is inside)."""
    parts = []
    if read is None or (w.high, w.high_inclusive) != (read.high, read.high_inclusive):
        parts.append(_upper(w))
    if w.low is not None and (read is None or (w.low, w.low_inclusive) != (read.low, read.low_inclusive)):
        parts.append(_lower(w))
    return parts[0] & parts[1] if len(parts) == 2 else parts[0] if parts else None


def _expression(a: ir.Aggregate, read: ir.Window, compile_where) -> pl.Expr:
    window = _in_window(a.window, read)
    where = compile_where(a.where).fill_null(False) if a.where is not None else None
    if a.fn == "share":
        if window is None:
            return where.mean()  # every event read is in the window: there is at least one per group
        read_here = window.sum()
        return pl.when(read_here > 0).then((window & where).sum() / read_here)
    mask = window & where if window is not None and where is not None else window if window is not None else where
    if a.fn == "count":
        return (pl.len() if mask is None else mask.sum()).cast(pl.Int64)
    value = pl.col(a.field.name)
    kept = value if mask is None else value.filter(mask)
    if a.fn in ("first", "last") and a.field.name == a.window.at:  # recency: the time itself, never null here
        return kept.min() if a.fn == "first" else kept.max()  # a quarter of the time of sorting each group
    if a.fn in ("first", "last"):
        # by time, then by the value with nulls first (as the reference), within the events read
        at = pl.col(a.window.at) if mask is None else pl.col(a.window.at).filter(mask)
        ordered = kept.sort_by([at, kept], nulls_last=[False, False])
        return ordered.first() if a.fn == "first" else ordered.last()
    if a.fn == "count_distinct":
        return kept.drop_nulls().n_unique().cast(pl.Int64)
    if a.fn == "sum":
        # Int64 would wrap around silently; Python's ints do not (as arithmetic, vectorized.py)
        return kept.cast(pl.Int128).sum() if a.type.kind == "int" else kept.sum()
    if a.fn == "avg":
        return kept.cast(pl.Float64).mean()
    return kept.min() if a.fn == "min" else kept.max()
