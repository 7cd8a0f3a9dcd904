"""The reference interpreter: the executable statement of segdsl's semantics (docs/semantics.md).

A plain tree walk over the IR for one record, written to be obviously right rather than fast.
Every backend (SQL per dialect, Polars, the per-record compiler) is tested against it.

Values are Python values: int, float, str, bool, datetime.date, datetime.datetime, and None for
null. A condition gives True, False or None (UNKNOWN); a record is a member only where it is True.
A float NaN is null.

A customer's events are part of its row: `row["orders"]` is the list of that customer's events
of the table `orders`, each a mapping of the event's fields (`attach_events` builds such rows
from an entity table and its event tables).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Any, Callable, Mapping

from . import ir
from .regex import PortableRegex
from .rounding import decimal_round
from .textcase import simple_case
from .timeutil import shift_or_none

Value = Any  # int | float | str | bool | date | datetime | None


def members(checked, rows: list[Mapping[str, Value]], segment: str) -> list[int]:
    """Indexes of the rows that are members of `segment` (condition TRUE)."""
    population = Population(checked.segments, rows)
    return [i for i, row in enumerate(rows) if Interpreter(checked.segments, row, population).segment(segment) is True]


def flags(checked, row: Mapping[str, Value], rows: list[Mapping[str, Value]] | None = None) -> dict[str, bool]:
    """Every segment's membership of one row, never null: UNKNOWN is not a member.

    `rows` is the table `row` is evaluated with (itself included), for quantiles."""
    interpreter = Interpreter(checked.segments, row, None if rows is None else Population(checked.segments, rows))
    return {name: interpreter.segment(name) is True for name in checked.segments}


class Population:
    """The rows evaluated together, which a quantile ranks each row among."""

    def __init__(self, segments: Mapping[str, ir.SegmentIR], rows: list[Mapping[str, Value]]):
        self.segments = segments
        self.rows = rows
        self._ranked: dict[ir.Quantile, list[Value]] = {}
        self._counted: dict[ir.GroupSize, Counter] = {}

    def ranked(self, q: ir.Quantile) -> list[Value]:
        """Every row's non-null value of the quantile's item, in order."""
        if q not in self._ranked:
            values = (Interpreter(self.segments, row, self).eval(q.item) for row in self.rows)
            self._ranked[q] = sorted(v for v in values if v is not None)
        return self._ranked[q]

    def counted(self, g: ir.GroupSize) -> Counter:
        """How many rows have each non-null value of the item."""
        if g not in self._counted:
            values = (Interpreter(self.segments, row, self).eval(g.item) for row in self.rows)
            self._counted[g] = Counter(v for v in values if v is not None)
        return self._counted[g]


class Interpreter:
    """Evaluates IR over one row; a segment referred to several times is evaluated once."""

    def __init__(self, segments: Mapping[str, ir.SegmentIR], row: Mapping[str, Value],
                 population: Population | None = None):
        self.segments = segments
        self.row = row
        self.population = population
        self._memo: dict[str, Value] = {}

    def segment(self, name: str) -> bool | None:
        if name not in self._memo:
            self._memo[name] = self.eval(self.segments[name].condition)
        return self._memo[name]

    def eval(self, e: ir.Expr) -> Value:
        value = _EVAL[type(e)](self, e)
        if type(value) is int and e.type.kind == "float":  # coalesce(n, x), round(n, 1), an int in a float field
            return float(value)
        return value

    # -- values
    def _col(self, e: ir.Col) -> Value:
        value = self.row[e.name]
        if isinstance(value, float) and not math.isfinite(value):  # NaN and ±inf are null
            return None
        return value

    def _lit(self, e: ir.Lit) -> Value:
        return e.value

    def _segref(self, e: ir.SegRef) -> Value:
        return self.segment(e.name)

    # -- three-valued logic
    def _and(self, e: ir.And) -> Value:
        return kleene_and([self.eval(i) for i in e.items])

    def _or(self, e: ir.Or) -> Value:
        return kleene_or([self.eval(i) for i in e.items])

    def _not(self, e: ir.Not) -> Value:
        value = self.eval(e.item)
        return None if value is None else not value

    # -- predicates
    def _cmp(self, e: ir.Cmp) -> Value:
        return compare(e.op, self.eval(e.left), self.eval(e.right))

    def _in(self, e: ir.InList) -> Value:
        # x in [a, b] is x == a or x == b, with three-valued 'or'.
        operand = self.eval(e.operand)
        found = kleene_or([compare("==", operand, self.eval(item)) for item in e.items])
        return _negate(found) if e.negated else found

    def _between(self, e: ir.Between) -> Value:
        operand = self.eval(e.operand)
        inside = kleene_and([compare(">=", operand, self.eval(e.low)), compare("<=", operand, self.eval(e.high))])
        return _negate(inside) if e.negated else inside

    def _is_null(self, e: ir.IsNull) -> Value:
        is_null = self.eval(e.operand) is None
        return not is_null if e.negated else is_null

    def _str_test(self, e: ir.StrTest) -> Value:
        text = self.eval(e.operand)
        if text is None:
            return None
        if e.op == "contains":
            return e.needle in text
        return text.startswith(e.needle) if e.op == "starts_with" else text.endswith(e.needle)

    def _regex(self, e: ir.Regex) -> Value:
        text = self.eval(e.operand)
        return None if text is None else python_regex(e.pattern, e.ignore_case).search(text) is not None

    # -- arithmetic and functions
    def _arith(self, e: ir.Arith) -> Value:
        return arithmetic(e.op, self.eval(e.left), self.eval(e.right))

    def _neg(self, e: ir.Neg) -> Value:
        value = self.eval(e.item)
        return None if value is None else -value

    def _func(self, e: ir.Func) -> Value:
        args = [self.eval(a) for a in e.args]
        if e.name == "coalesce":
            return next((a for a in args if a is not None), None)
        if args[0] is None:
            return None
        return FUNCTIONS[e.name](*args)

    def _days_since(self, e: ir.DaysSince) -> Value:
        value = self.eval(e.item)
        if value is None:
            return None
        day = value.date() if isinstance(value, dt.datetime) else value
        return (e.as_of - day).days

    def _date_shift(self, e: ir.DateShift) -> Value:
        value = self.eval(e.item)
        if value is None:
            return None
        return shift_or_none(value, e.amount, e.unit)

    # -- aggregates over the customer's events
    def _aggregate(self, e: ir.Aggregate) -> Value:
        w = e.window
        read = [Interpreter({}, event) for event in self.row[e.table] if in_window(event[w.at], w)]
        if e.fn == "share":
            if not read:
                return None
            return sum(1 for r in read if r.eval(e.where) is True) / len(read)
        if e.where is not None:
            read = [r for r in read if r.eval(e.where) is True]
        if e.fn == "count":
            return len(read)
        if e.fn in ("first", "last"):
            if not read:
                return None
            # by time, then by the value with nulls first: ties are broken the same way everywhere
            ordered = sorted(((r.row[w.at], r.eval(e.field)) for r in read), key=first_last_order)
            return ordered[0 if e.fn == "first" else -1][1]
        values = [v for v in (r.eval(e.field) for r in read) if v is not None]
        if e.fn == "count_distinct":
            return len(set(values))
        if e.fn == "sum":
            if e.type.kind == "float":
                return math.fsum(values)  # correctly rounded, whatever the order of the events
            return sum(values)
        if not values:
            return None
        if e.fn == "avg":
            return math.fsum(values) / len(values)
        return min(values) if e.fn == "min" else max(values)

    # -- quantiles across the rows evaluated
    def _quantile(self, e: ir.Quantile) -> Value:
        if self.population is None:
            raise ValueError(f"{e.fn}() ranks a row among others: evaluate it with the rows of its table")
        value = self.eval(e.item)
        if value is None:
            return None
        ranked = self.population.ranked(e)
        at_most = bisect_right(ranked, value)  # rows whose value is at most this one's, ties included
        if e.fn == "cume_dist":
            return at_most / len(ranked)
        return -(-e.n * at_most // len(ranked))  # ceil(n * cume_dist), in whole numbers

    def _group_size(self, e: ir.GroupSize) -> Value:
        if self.population is None:
            raise ValueError("min_size counts a cell's rows: evaluate it with the rows of its table")
        value = self.eval(e.item)
        return None if value is None else self.population.counted(e)[value]

    # -- hierarchies, sets, labels
    def _is_true(self, e: ir.IsTrue) -> Value:
        return self.eval(e.item) is True

    def _at_least(self, e: ir.AtLeast) -> Value:
        values = [self.eval(i) for i in e.items]
        if sum(v is True for v in values) >= e.k:
            return True
        if sum(v is not False for v in values) < e.k:  # even if every unknown were true
            return False
        return None

    def _bucket(self, e: ir.Bucket) -> Value:
        key = self.eval(e.key)
        return None if key is None else bucket(e.salt, key)

    def _case(self, e: ir.Case) -> Value:
        for condition, value in zip(e.conditions, e.values):
            if self.eval(condition) is True:
                return self.eval(value)
        return self.eval(e.default)

    def _concat(self, e: ir.Concat) -> Value:
        return "".join(self.eval(i) for i in e.items)


def bucket(salt: str, key: int | str) -> int:
    """A customer's bucket for holdouts and splits, 0 to 9999: the first 8 hex digits of the MD5 of
    salt + ":" + the key (an int in decimal) in UTF-8, read as a number, modulo 10000."""
    text = key if isinstance(key, str) else str(int(key))
    return int(hashlib.md5(f"{salt}:{text}".encode("utf-8")).hexdigest()[:8], 16) % 10_000


def first_last_order(event: tuple[Value, Value]) -> tuple:
    """first/last order events (time, value) by time, then by value with nulls first."""
    moment, value = event
    return (moment, value is not None, value if value is not None else 0)


def in_window(moment: Value, w: ir.Window) -> bool:
    """Is an event at `moment` inside the window? An event with no time is in no window."""
    if moment is None:
        return False
    if w.low is not None and (moment < w.low if w.low_inclusive else moment <= w.low):
        return False
    return moment <= w.high if w.high_inclusive else moment < w.high


def attach_events(rows: list[Mapping[str, Value]], key: str, events: Mapping[str, tuple[str, list[Mapping]]]) -> list[dict]:
    """Entity rows with their events: `events` maps a table name to (its key column, its rows).

    An event whose key is null or names no row is nobody's; each row gets a list per table.
    """
    out = [dict(row) for row in rows]
    index: dict[Value, list[dict]] = {}
    for row in out:
        index.setdefault(row[key], []).append(row)
        for table in events:
            row[table] = []
    for table, (by, table_rows) in events.items():
        for event in table_rows:
            for row in index.get(event[by], ()) if event[by] is not None else ():
                row[table].append(event)
    return out


def kleene_and(values: list[Value]) -> Value:
    """FALSE if any is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE."""
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def kleene_or(values: list[Value]) -> Value:
    """TRUE if any is TRUE, else UNKNOWN if any is UNKNOWN, else FALSE."""
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def _negate(value: Value) -> Value:
    return None if value is None else not value


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
}


def compare(op: str, left: Value, right: Value) -> Value:
    """A comparison: UNKNOWN with a null side; text by code point; int and float by value."""
    if left is None or right is None:
        return None
    if type(left) is not type(right) and isinstance(left, float) != isinstance(right, float):
        left, right = float(left), float(right)  # an int meets a float as the nearest float, as in SQL
    return _ORDER[op](left, right)


def arithmetic(op: str, left: Value, right: Value) -> Value:
    """+ - * / with nulls propagating, true division, and x / 0 as null."""
    if left is None or right is None:
        return None
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return None if right == 0 else float(left) / right  # as SQL's CAST(left AS DOUBLE) / right


def _round(value, digits=None):
    """round(x) keeps an int as it is; round(x, n) is always a float (decimal_round)."""
    if digits is None:
        return value if isinstance(value, int) else decimal_round(value, 0)
    return decimal_round(value, digits)


FUNCTIONS: dict[str, Callable[..., Value]] = {
    "lower": lambda s: simple_case(s, False),
    "upper": lambda s: simple_case(s, True),
    "length": len,
    "abs": abs,
    "round": _round,
}


@lru_cache(maxsize=1024)
def python_regex(pattern: PortableRegex, ignore_case: bool) -> re.Pattern:
    """The portable pattern in Python's flavour (search semantics, ASCII classes, '$' at the very end)."""
    return re.compile(pattern.render("python"), re.IGNORECASE if ignore_case else 0)


_EVAL: dict[type, Callable[[Interpreter, Any], Value]] = {
    ir.Col: Interpreter._col, ir.Lit: Interpreter._lit, ir.SegRef: Interpreter._segref,
    ir.And: Interpreter._and, ir.Or: Interpreter._or, ir.Not: Interpreter._not,
    ir.Cmp: Interpreter._cmp, ir.InList: Interpreter._in, ir.Between: Interpreter._between,
    ir.IsNull: Interpreter._is_null, ir.StrTest: Interpreter._str_test, ir.Regex: Interpreter._regex,
    ir.Arith: Interpreter._arith, ir.Neg: Interpreter._neg, ir.Func: Interpreter._func,
    ir.DaysSince: Interpreter._days_since, ir.DateShift: Interpreter._date_shift,
    ir.Aggregate: Interpreter._aggregate, ir.Quantile: Interpreter._quantile,
    ir.GroupSize: Interpreter._group_size, ir.IsTrue: Interpreter._is_true, ir.AtLeast: Interpreter._at_least,
    ir.Bucket: Interpreter._bucket, ir.Case: Interpreter._case, ir.Concat: Interpreter._concat,
}


def label_rows(checked, rows: list[Mapping[str, Value]]) -> list[dict[str, Value]]:
    """Every row's membership of every segment (never null) and its label of every partition and
    ruleset (null for none): what evaluating a whole file gives, row by row."""
    population = Population(checked.segments, rows)
    out = []
    for row in rows:
        interpreter = Interpreter(checked.segments, row, population)
        labelled = {name: interpreter.segment(name) is True for name in checked.segments}
        labelled.update((name, interpreter.eval(label.value)) for name, label in checked.labels.items())
        out.append(labelled)
    return out
