"""Aggregates over event tables in SQL: subqueries LEFT JOINed to the entity on its key.

All the aggregates of one query that read a table and need no ordering become conditional
aggregates of one grouped subquery over that table (`COUNT(CASE WHEN window AND where THEN 1
END)`), `first`/`last` of the time column itself as MIN/MAX there; any other `first` and `last`
gets a subquery that numbers the customer's events with ROW_NUMBER() in (time, value) order,
nulls first, and keeps number 1. A customer with no events
has no row in a subquery, so the LEFT JOIN gives null, and COALESCE turns count, count_distinct
and sum into 0 (docs/semantics.md, "Events").
"""

from __future__ import annotations

import datetime as dt

from sqlglot import exp

from .. import ir
from . import identifiers
from .lowering import Lowering, cast, connect

_ZERO_WHEN_EMPTY = ("count", "count_distinct", "sum")


class EventJoins:
    """Collects the aggregates a query uses while it is lowered, then builds their joins."""

    def __init__(self, lowering: Lowering, taken: set[str], text_key: bool) -> None:
        self.lowering = lowering
        self.dialect = lowering.dialect
        self.text_key = text_key  # keys compared as text: exact, byte for byte (MySQL's collations are not)
        self.taken = set(taken)  # the entity's column names: ours must not collide with them
        self.grouped: dict[str, list[ir.Aggregate]] = {}  # table -> its grouped aggregates
        self.ordered: list[ir.Aggregate] = []  # first/last, one subquery each
        self.names: dict[object, str] = {}  # aggregate or table -> alias

    def name(self, thing, stem: str) -> str:
        """The alias of `thing`, `segdsl_<stem>` unless a column of the entity has it."""
        if thing not in self.names:
            name = f"segdsl_{stem}"
            while name in self.taken:
                name += "_"
            self.taken.add(name)
            self.names[thing] = name
        return self.names[thing]

    def _ident(self, name: str) -> exp.Identifier:
        return identifiers.identifier(name, self.dialect)

    def column(self, a: ir.Aggregate) -> exp.Expression:
        """The aggregate's value in the joined query (registering it on first use).

        Refuses (Unsupported) here, while the segment is lowered, what the dialect cannot group or
        order exactly, so the refusal names the segment.
        """
        text_field = a.field is not None and a.field.type.is_text
        if self.text_key or a.fn == "count_distinct" and text_field:
            self.lowering.check_text_grouping()
        if a.fn in ("first", "last") and text_field:
            self.lowering.check_text_ordering(f"{a.fn}() of text (ties are broken by ordering the text)")
        if a.fn in ("first", "last") and not _is_time(a):
            if a not in self.ordered:
                self.ordered.append(a)
            source = self.name(("ordered", a), f"{a.fn}{len(self.ordered) - 1}")
        else:
            items = self.grouped.setdefault(a.table, [])
            if a not in items:
                items.append(a)
            source = self.name(("grouped", a.table), a.table)
        value = exp.Column(this=self._ident(self.name(a, f"a{len(self.names)}")), table=self._ident(source))
        if a.fn in _ZERO_WHEN_EMPTY:
            return exp.Coalesce(this=value, expressions=[exp.Literal.number(0)])
        return value

    # -- the joins --------------------------------------------------------------------------
    @property
    def key_name(self) -> str:
        return self.name("key", "k")

    def joins(self) -> list[tuple[exp.Expression, str]]:
        """Each subquery with the alias it is joined under (on `alias.key_name = entity key`)."""
        out = []
        for table, items in self.grouped.items():
            out.append((self._grouped(table, items), self.names[("grouped", table)]))
        for a in self.ordered:
            out.append((self._first_or_last(a), self.names[("ordered", a)]))
        return out

    def key(self, column: exp.Expression) -> exp.Expression:
        """A key as it is grouped and joined: text keys as exact text."""
        return self.lowering.text_operand(column) if self.text_key else column

    def _grouped(self, table: str, items: list[ir.Aggregate]) -> exp.Select:
        by = self.key(identifiers.column(items[0].by, self.dialect))
        columns = [exp.alias_(by, self._ident(self.key_name), copy=False)]
        columns += [exp.alias_(self._aggregate(a), self._ident(self.names[a]), copy=False) for a in items]
        reach = ir.reach([a.window for a in items])
        return (exp.select(*columns, copy=False).from_(identifiers.table(table, self.dialect), copy=False)
                .where(self._reading(items[0].by, reach), copy=False).group_by(by.copy(), copy=False))

    def _reading(self, by: str, window: ir.Window, where: ir.Expr | None = None) -> exp.Expression:
        """The events an aggregate reads: with a customer, inside the window, where `where` holds."""
        has_key = exp.Not(this=exp.Is(this=identifiers.column(by, self.dialect), expression=exp.null()))
        return connect(exp.And, [has_key, self._window(window)] + ([self.lowering.predicate(where)] if where else []))

    def _window(self, w: ir.Window) -> exp.Expression:
        at = identifiers.column(w.at, self.dialect)
        parts = []
        if w.low is not None:
            parts.append((exp.GTE if w.low_inclusive else exp.GT)(this=at, expression=self._moment(w.low)))
        parts.append((exp.LTE if w.high_inclusive else exp.LT)(this=at.copy(), expression=self._moment(w.high)))
        return connect(exp.And, parts)

    def _moment(self, value) -> exp.Expression:
        if isinstance(value, dt.datetime):
            return self.lowering.timestamp_literal(value)
        return self.lowering.date_literal(value)

    def _when(self, condition: exp.Expression, then: exp.Expression) -> exp.Expression:
        return exp.Case(ifs=[exp.If(this=condition, true=then)])

    def _aggregate(self, a: ir.Aggregate) -> exp.Expression:
        window = self._window(a.window)
        if a.fn == "share":
            matching = connect(exp.And, [window, self.lowering.predicate(a.where)])
            hits = exp.Count(this=self._when(matching, exp.Literal.number(1)))
            read = exp.Count(this=self._when(window.copy(), exp.Literal.number(1)))
            return exp.Div(this=cast(hits, "DOUBLE"), expression=exp.Nullif(this=read, expression=exp.Literal.number(0)))
        mask = connect(exp.And, [window] + ([self.lowering.predicate(a.where)] if a.where is not None else []))
        if a.fn == "count":
            return exp.Count(this=self._when(mask, exp.Literal.number(1)))
        value = self.lowering.lower(a.field)
        if a.fn == "count_distinct":
            if a.field.type.is_text:  # equal as text is equal byte for byte (MySQL's collations ignore case)
                value = self.lowering.text_operand(value)
            return exp.Count(this=exp.Distinct(expressions=[self._when(mask, value)]))
        if a.fn == "avg":
            return exp.Avg(this=self._when(mask, cast(value, "DOUBLE")))
        # first/last of the time itself (recency) is its min/max: no numbering subquery needed
        fn = {"sum": exp.Sum, "min": exp.Min, "max": exp.Max, "first": exp.Min, "last": exp.Max}[a.fn]
        return fn(this=self._when(mask, value))

    def _first_or_last(self, a: ir.Aggregate) -> exp.Select:
        """The value of the customer's first (or last) event read, in (time, value) order, nulls first
        (not for the time column itself: that is MIN/MAX in the grouped subquery, `_is_time`)."""
        by = self.key(identifiers.column(a.by, self.dialect))
        value = self.lowering.lower(a.field)
        order_value = value.copy()
        if a.field.type.is_text:
            order_value = self.lowering.text_operand(order_value, ordering=True)
        last = a.fn == "last"
        # The time is never null here: leave its nulls where the dialect puts them, so no clause is written.
        at_nulls_first = self.lowering.default_nulls_first(last)
        order = [exp.Ordered(this=identifiers.column(a.window.at, self.dialect), desc=last, nulls_first=at_nulls_first),
                 exp.Ordered(this=order_value, desc=last, nulls_first=not last)]
        number = exp.Window(this=exp.RowNumber(), partition_by=[by.copy()], order=exp.Order(expressions=order))
        n, v = self.name(("n", a), "n"), self.names[a]
        inner = (exp.select(exp.alias_(by, self._ident(self.key_name), copy=False),
                            exp.alias_(value, self._ident(v), copy=False),
                            exp.alias_(number, self._ident(n), copy=False), copy=False)
                 .from_(identifiers.table(a.table, self.dialect), copy=False)
                 .where(self._reading(a.by, a.window, a.where), copy=False))
        numbered = self.name(("numbered", a), "numbered")
        return (exp.select(exp.column(self._ident(self.key_name)), exp.column(self._ident(v)), copy=False)
                .from_(exp.alias_(exp.Subquery(this=inner), self._ident(numbered), table=True, copy=False), copy=False)
                .where(exp.EQ(this=exp.column(self._ident(n)), expression=exp.Literal.number(1)), copy=False))


def _is_time(a: ir.Aggregate) -> bool:
    """first/last of the table's time column: the earliest/latest time read, never null."""
    return a.field is not None and a.field.name == a.window.at


def join_events(query: exp.Select, source: exp.Table, key: str, joins: EventJoins) -> exp.Select:
    """`query` reading `source` (the entity, aliased) LEFT JOINed with every event subquery."""
    dialect = joins.dialect
    entity = joins.name("entity", "entity")
    query = query.from_(exp.alias_(source, identifiers.identifier(entity, dialect), table=True, copy=False), copy=False)
    for subquery, alias in joins.joins():
        mine = exp.Column(this=identifiers.identifier(key, dialect), table=identifiers.identifier(entity, dialect))
        theirs = exp.Column(this=identifiers.identifier(joins.key_name, dialect), table=identifiers.identifier(alias, dialect))
        on = joins.lowering.text_equal(joins.key(mine), theirs) if joins.text_key else exp.EQ(this=mine, expression=theirs)
        query = query.join(exp.alias_(exp.Subquery(this=subquery), identifiers.identifier(alias, dialect), table=True,
                                      copy=False), on=on, join_type="left", copy=False)
    return query
