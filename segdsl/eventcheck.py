"""Checking aggregates over event tables: `count(orders where ... in last 90 days)` -> ir.Aggregate.

The aggregate's argument names an event table (`orders`) or one of its fields (`orders.amount`);
`where` is a condition over the event's own fields, and the window is resolved here, against the
as-of moment, to constant bounds on the table's time column (docs/semantics.md, "Events").
"""

from __future__ import annotations

import datetime as dt

from . import ast, ir
from .diagnostics import did_you_mean
from .quantilecheck import QUANTILES
from .schema import EventTable, Schema
from .timeutil import shift, shift_or_none
from .types import ANY, FLOAT, INT, Type
from .types import with_article as _a
from .typecheck import ExprChecker, _Invalid

# name -> what its argument must be: the table itself ("table") or one of its fields ("field")
AGGREGATES = {"count": "table", "share": "table", "count_distinct": "field", "sum": "field", "avg": "field",
              "min": "field", "max": "field", "first": "field", "last": "field"}

_EXAMPLE = {"count": "count(orders)", "share": "share(orders where discounted)",
            "count_distinct": "count_distinct(orders.category)", "sum": "sum(orders.amount)",
            "avg": "avg(orders.amount)", "min": "min(orders.amount)", "max": "max(orders.amount)",
            "first": "first(orders.ordered_at)", "last": "last(orders.ordered_at)"}


def check_aggregate(checker: ExprChecker, node: ast.Call) -> ir.Aggregate:
    """The IR of one aggregate call; a diagnostic (and _Invalid) for any mistake in it."""
    fn = node.name
    if len(node.args) != 1:
        raise checker.fail("E304", f"{fn}() takes one argument, but got {len(node.args)}", node.span,
                           help=f"for example {_EXAMPLE[fn]}")
    arg = node.args[0]
    source, where, window = (arg.source, arg.where, arg.window) if isinstance(arg, ast.EventsArg) else (arg, None, None)
    table, field = _source(checker, fn, source)
    failed = False
    where_ir = None
    if where is not None:
        try:
            where_ir = EventFieldChecker(checker, table).condition_of(where)
        except _Invalid:
            failed = True
    elif fn == "share":
        raise checker.fail("E316", "share() needs a condition: the share of events for which it holds", node.span,
                           help=f"for example share({table.name} where discounted)")
    try:
        window_ir = resolve_window(checker, table, window)
    except _Invalid:
        failed = True
    if failed:
        raise _Invalid()
    return ir.Aggregate(fn, table.name, table.by, field, where_ir, window_ir, _result_type(checker, fn, field, source))


def _source(checker: ExprChecker, fn: str, node) -> tuple[EventTable, ir.Col | None]:
    """The event table (and field) the aggregate reads."""
    events = checker.schema.events
    want = AGGREGATES[fn]
    if isinstance(node, ast.Name) and node.name in events:
        if want == "field":
            table = events[node.name]
            some = next((f for f in table.fields if f not in (table.by, table.at)), table.at)
            raise checker.fail("E316", f"{fn}() reads a field of the events, not the whole table", node.span,
                               help=f"name the field: {fn}({node.name}.{some})")
        return events[node.name], None
    if isinstance(node, ast.Attr) and node.table in events:
        table = events[node.table]
        if node.field not in table.fields:
            raise checker.fail("E201", f"unknown field '{node.field}' of '{table.name}'", node.field_span,
                               help=did_you_mean(node.field, table.fields)
                               or f"the fields of '{table.name}' are: " + ", ".join(table.fields))
        if want == "table":
            help_text = (f"count({table.name}) counts events; count({table.name} where {node.field} is not null) "
                         f"counts those with a {node.field}" if fn == "count" else f"for example {_EXAMPLE[fn]}")
            raise checker.fail("E316", f"{fn}() counts the events of a table, not the values of a field", node.span,
                               help=help_text)
        return table, ir.Col(node.field, table.fields[node.field])
    name = node.table if isinstance(node, ast.Attr) else node.name if isinstance(node, ast.Name) else None
    span = node.table_span if isinstance(node, ast.Attr) else node.span
    if name is not None and name not in checker.schema.fields and name not in checker.segments:
        hint = did_you_mean(name, events)
        if hint or events:
            raise checker.fail("E216", f"unknown event table '{name}'", span,
                               help=hint or "event tables: " + ", ".join(events))
    what = f"'{name}' is not an event table" if name is not None else f"{fn}() aggregates the events of a table"
    raise checker.fail("E216", what, span,
                       help=(f"declare one with 'events NAME of ENTITY by COLUMN at COLUMN {{ ... }}', then write "
                             f"{_EXAMPLE[fn]}") if not events else f"for example {_EXAMPLE[fn]}")


def _result_type(checker: ExprChecker, fn: str, field: ir.Col | None, node) -> Type:
    if fn in ("count",):
        return INT
    if fn == "share":
        return FLOAT
    t = field.type
    ok = {"sum": t.is_numeric, "avg": t.is_numeric, "min": t.is_numeric or t.is_temporal,
          "max": t.is_numeric or t.is_temporal, "first": True, "last": True,
          "count_distinct": t.kind != "float"}[fn] or t.is_unknown
    if not ok:
        want = {"sum": "numbers", "avg": "numbers", "min": "numbers, dates or timestamps",
                "max": "numbers, dates or timestamps", "count_distinct": "whole numbers, text, dates or timestamps"}[fn]
        help_text = {"count_distinct": "floats are not counted apart: 0.1 + 0.2 and 0.3 differ only in the last bit",
                     "min": "first() and last() take any field", "max": "first() and last() take any field"}.get(fn)
        raise checker.fail("E316", f"{fn}() works on {want}, but '{node.field}' is {_a(t)}", node.span, help=help_text)
    if fn == "count_distinct":
        return INT
    if fn == "avg":
        return FLOAT
    return ANY if t.is_unknown else t


class EventFieldChecker(ExprChecker):
    """Checks a `where` condition: names are the fields of one event table."""

    def __init__(self, outer: ExprChecker, table: EventTable):
        schema = Schema(table.name, None, dict(table.fields))
        super().__init__(schema, set(), outer.as_of, outer.diags)
        self.outer = outer
        self.table = table

    def condition_of(self, node) -> ir.Expr:
        e = self.expr(node)
        self._need_bool(e, node, "the condition after 'where'")
        return e

    def _name(self, node: ast.Name) -> ir.Expr:
        if node.name in self.table.fields:
            return ir.Col(node.name, self.table.fields[node.name])
        outer = self.outer.schema
        if node.name in outer.fields or node.name in self.outer.segments:
            what = f"a field of '{outer.name}'" if node.name in outer.fields else "a segment"
            raise self.fail("E201", f"'{node.name}' is {what}, not a field of '{self.table.name}'", node.span,
                            help=f"a condition after 'where' reads the fields of '{self.table.name}': "
                                 + ", ".join(self.table.fields))
        return super()._name(node)

    def _attr(self, node: ast.Attr) -> ir.Expr:
        if node.table == self.table.name:
            return self._name(ast.Name.build(kind="name", span=node.field_span, name=node.field))
        return super()._attr(node)

    def _call(self, node: ast.Call) -> ir.Expr:
        if node.name in AGGREGATES or node.name in QUANTILES:
            what = ("cannot stand inside the condition of another aggregate" if node.name in AGGREGATES
                    else "ranks customers, so it cannot stand inside an aggregate's condition")
            raise self.fail("E316" if node.name in AGGREGATES else "E318", f"{node.name}() {what}",
                            node.span, help="the condition after 'where' is about one event: compare its fields")
        return super()._call(node)


# --- windows ------------------------------------------------------------------

def resolve_window(checker: ExprChecker, table: EventTable, window: ast.Window | None) -> ir.Window:
    """Constant bounds on the time column, with the as-of moment as the latest bound."""
    dates = table.fields[table.at].kind == "date"
    moment = checker.as_of.date() if dates else checker.as_of
    low, low_inclusive, high, high_inclusive = None, False, None, False
    if window is None:
        pass
    elif window.kind == "last":
        if window.amount < 1:
            raise checker.fail("E317", f"a window of {window.amount} {window.unit}s holds no events", window.span,
                               help=f"write 'in last 1 {window.unit}' or more")
        try:
            low = shift(moment, -window.amount, window.unit)
        except OverflowError:
            raise checker.fail("E307", "this window reaches before the calendar (year 1)", window.span) from None
    elif window.kind == "before":
        high, high_inclusive = _bound(checker, table, window.end, dates, "before")
    elif window.kind == "after":
        low, low_inclusive = _bound(checker, table, window.start, dates, "after")
    else:
        low, low_inclusive = _bound(checker, table, window.start, dates, "from")
        high, high_inclusive = _bound(checker, table, window.end, dates, "to")
        if high is not None and _empty(low, low_inclusive, high, high_inclusive):
            raise checker.fail("E317", "this window ends before it starts, so it holds no events", window.span,
                               help="write the earlier date after 'from'")
    if high is None or high > moment:
        high, high_inclusive = moment, True  # nothing after the as-of moment is ever read
    if low is not None and _empty(low, low_inclusive, high, high_inclusive):
        low, low_inclusive, high, high_inclusive = high, False, high, False  # e.g. after a date still to come
    return ir.Window(table.at, low, low_inclusive, high, high_inclusive)


def _empty(low, low_inclusive: bool, high, high_inclusive: bool) -> bool:
    return low > high or low == high and not (low_inclusive and high_inclusive)


def _bound(checker: ExprChecker, table: EventTable, node, dates: bool, edge: str) -> tuple[object, bool]:
    """One bound, as (value, inclusive), for edge 'before', 'after', 'from' or 'to'.

    A date on a timestamp column means its whole day: before D is before its midnight, after D
    from the next midnight on, to D up to the next midnight. (None, False): no bound at all.
    """
    e = checker.expr(node)
    if not isinstance(e, ir.Lit) or e.type.kind not in ("date", "timestamp") or e.value is None:
        if isinstance(e, ir.Lit) and e.value is None:
            message = "a window's bound cannot be null"
        elif e.type.kind in ("date", "timestamp", "any"):
            message = "a window's bound must be a fixed moment, the same for every customer"
        else:
            message = f"a window's bound is a date or a timestamp, but this is {_a(e.type)}"
        raise checker.fail("E317", message, node.span, help='write a date: date("2026-01-01"), or today() - 30 days')
    value, inclusive = e.value, edge in ("from", "to")
    if dates:
        if e.type.kind == "timestamp":
            raise checker.fail("E317", f"'{table.at}' of '{table.name}' is a date, so its window's bounds are dates",
                               node.span, help=f'write date("{value.date().isoformat()}")')
        return value, inclusive
    if e.type.kind == "timestamp":
        return value, inclusive
    day = value if edge in ("before", "from") else shift_or_none(value, 1, "day")
    if day is None:  # the day after 9999-12-31: 'to' it is no bound, 'after' it nothing
        return (None, False) if edge == "to" else (dt.datetime.max, False)
    return dt.datetime.combine(day, dt.time()), edge in ("from", "after")
