"""The per-record backend: each segment compiled once to straight-line Python for one profile.

For a real-time decision (which offer for this customer?) a record, a mapping of field names to
Python values, is tested against many segments in microseconds. Membership only needs to know
whether a condition is TRUE, so each condition is compiled twice, as "is it TRUE" and "is it
FALSE", both plain Python booleans; three-valued logic then needs no third value:
`not a` is TRUE exactly where `a` is FALSE, `a and b` is FALSE where either is FALSE, and so on.
Values (arithmetic, functions) are expressions that give None for null. The semantics are the
reference interpreter's (segdsl/reference.py); tests hold the two together.

A record carries each event table as a list of mappings (`record["orders"] = [{...}, ...]`); an
aggregate becomes a small generated function that loops over that list once.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Callable, Mapping

from . import ir
from .diagnostics import SegdslError, error
from .reference import FUNCTIONS, bucket, first_last_order, python_regex
from .timeutil import shift_or_none
from .types import article as _a

class RecordProgram:
    """The compiled segments of one checked program: `is_true[name](record)` and `segments_of`."""

    def __init__(self, checked) -> None:
        self.names = list(checked.segments)
        self.label_names = list(checked.labels)
        self.label_kinds = {name: label.kind for name, label in checked.labels.items()}
        self.fields = dict(checked.schema.fields)
        self.events = {name: table.fields for name, table in checked.schema.events.items()}
        source, namespace = _Compiler(checked).module()
        self.source = source  # kept for inspection: print(program.record_source())
        exec(compile(source, "<segdsl record>", "exec"), namespace)  # noqa: S102 - our own generated code
        self.is_true: dict[str, Callable[[Mapping], bool]] = {n: namespace[f"_t{i}"] for i, n in enumerate(self.names)}
        self._all: Callable[[Mapping], list[str]] = namespace["_segments_of"]
        self._labels: Callable[[Mapping], dict[str, Any]] = namespace["_labels_of"]
        # segments and labels with a quantile or a min_size: they need the whole table
        self.ranking = {n for n in self.names if ir.ranks_through(checked.segments, ir.SegRef(n))}
        self.ranking |= {n for n, label in checked.labels.items() if ir.ranks_through(checked.segments, label.value)}

    def refuse_ranking(self, names: list[str]) -> None:
        """E503 when one of `names` ranks customers: one record has no others to be ranked among."""
        ranking = [n for n in names if n in self.ranking]
        if ranking:
            listed = ", ".join(f"'{n}'" for n in ranking)
            raise SegdslError([error(
                "E503", f"{self._kinds(ranking)} {listed} "
                        f"rank{'' if len(ranking) > 1 else 's'} customers among all of them (cume_dist, ntile, "
                        "a partition's min_size), which one record cannot tell",
                help="evaluate them on the whole table: program.evaluate(customers) or segdsl eval")])

    def _kinds(self, names: list[str]) -> str:
        """'segment', 'partitions', 'segment or partition' ...: what the names are."""
        kinds = list(dict.fromkeys("segment" if n in self.is_true else self.label_kinds[n] for n in names))
        return " or ".join(kinds) + ("s" if len(names) > 1 else "")

    def labels_of(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The record's label of every partition and ruleset (None for none)."""
        self.refuse_ranking(self.label_names)
        try:
            return self._labels(record)
        except Exception as exc:  # noqa: BLE001 - the generated code is ours: the record's values failed it
            raise self.explain(record, exc) from None

    def segments_of(self, record: Mapping[str, Any]) -> list[str]:
        self.refuse_ranking(self.names)
        try:
            return self._all(record)
        except Exception as exc:  # noqa: BLE001 - the generated code is ours: the record's values failed it
            raise self.explain(record, exc) from None

    def explain(self, record: Mapping[str, Any], exc: Exception) -> SegdslError:
        """Name the field behind a failure (the fast path does not check types up front)."""
        if not isinstance(record, Mapping):
            return SegdslError([error("E502", f"the record is {_a(type(record).__name__)}, not a mapping of fields",
                                      help="pass a dict of field names to values")])
        for name, type_ in self.fields.items():
            if name not in record:
                return SegdslError([error("E502", f"the record has no field '{name}'",
                                          help="pass every field the entity declares; use None for a missing value")])
            value = record[name]
            if value is not None and not _fits(value, type_.kind):
                return SegdslError([error("E502", f"field '{name}' of the record is {value!r}, not {_words(type_.kind)}",
                                          help=f"the entity declares '{name}: {type_}'")])
        for table, fields in self.events.items():
            problem = _events_problem(record, table, fields)
            if problem:
                return SegdslError([error("E502", problem[0], help=problem[1])])
        return SegdslError([error("E502", f"the record does not fit the segments: {exc}")])


def _events_problem(record: Mapping[str, Any], table: str, fields: Mapping) -> tuple[str, str] | None:
    """What is wrong with the record's events of `table`, if anything."""
    help_text = f"pass the customer's {table} as a list of mappings, one per event (an empty list for none)"
    if table not in record:
        return f"the record has no '{table}'", help_text
    events = record[table]
    if isinstance(events, (str, bytes, Mapping)) or not hasattr(events, "__iter__"):
        return f"'{table}' of the record is {_a(type(events).__name__)}, not a list of events", help_text
    for i, event in enumerate(events):
        if not isinstance(event, Mapping):
            return f"event {i} of '{table}' is {_a(type(event).__name__)}, not a mapping of fields", help_text
        for name, type_ in fields.items():
            if name not in event:
                return (f"event {i} of '{table}' has no field '{name}'",
                        "give every event each field its table declares; use None for a missing value")
            value = event[name]
            if value is not None and not _fits(value, type_.kind):
                return (f"field '{name}' of event {i} of '{table}' is {value!r}, not {_words(type_.kind)}",
                        f"the table declares '{name}: {type_}'")
    return None


_KINDS = {"int": (int,), "float": (int, float), "string": (str,), "enum": (str,), "bool": (bool,),
          "date": (dt.date,), "timestamp": (dt.datetime,)}


def _fits(value: Any, kind: str) -> bool:
    if kind == "any":
        return True
    if kind == "date" and isinstance(value, dt.datetime):
        return False
    if kind in ("int", "float") and isinstance(value, bool):
        return False
    return isinstance(value, _KINDS[kind])


def _words(kind: str) -> str:
    return {"int": "a whole number", "float": "a number", "string": "a string", "enum": "a string",
            "bool": "true or false", "date": "a datetime.date", "timestamp": "a datetime.datetime"}[kind]


def _no_table():
    raise AssertionError("a quantile or min_size needs the whole table")  # pragma: no cover - refused before


class _Compiler:
    def __init__(self, checked) -> None:
        self.checked = checked
        self.namespace: dict[str, Any] = {"_shift": shift_or_none, "_math": math, "_finite": math.isfinite,
                                          "_fsum": math.fsum, "_order": first_last_order,
                                          "_no_table": _no_table, "_bucket": bucket}
        self.number = {name: i for i, name in enumerate(checked.segments)}
        self.counter = 0
        self.aggregates: dict[ir.Aggregate, str] = {}  # each aggregate's generated function
        self.functions: list[str] = []

    def module(self) -> tuple[str, dict[str, Any]]:
        lines = self.functions  # the aggregates' functions, added to while the segments compile
        for i, segment in enumerate(self.checked.segments.values()):  # numbered: a child's name has dots
            lines.append(f"# {segment.name}\ndef _t{i}(r):\n    return {self.true(segment.condition)}\n")
            lines.append(f"def _f{i}(r):\n    return {self.false(segment.condition)}\n")
        body = "".join(f"    if _t{i}(r):\n        out.append({n!r})\n" for i, n in enumerate(self.checked.segments))
        lines.append(f"def _segments_of(r):\n    out = []\n{body}    return out\n")
        labels = "".join(f"        {name!r}: {self.value(label.value)},\n" for name, label in self.checked.labels.items())
        lines.append(f"def _labels_of(r):\n    return {{\n{labels}    }}\n")
        return "\n".join(lines), self.namespace

    # -- helpers
    def temp(self) -> str:
        self.counter += 1
        return f"_v{self.counter}"

    def constant(self, value: Any) -> str:
        if value is None or isinstance(value, (bool, int, str)) or isinstance(value, float) and math.isfinite(value):
            return repr(value)
        self.counter += 1
        name = f"_c{self.counter}"
        self.namespace[name] = value
        return name

    # -- values: a Python expression that gives the value, or None for null
    def value(self, e: ir.Expr) -> str:
        if isinstance(e, ir.Col):
            access = f"r[{e.name!r}]"
            v = self.temp()
            if e.type.kind == "float":  # NaN and ±inf are null (x - x is 0 only for a finite x); an int is a float
                return f"(None if ({v} := {access}) is None or {v} - {v} else {v} + 0.0)"
            if e.type.kind == "any":  # a file without an entity: any float that is not finite is null
                return f"(None if ({v} := {access}).__class__ is float and not _finite({v}) else {v})"
            # NaN is null in any field (pandas' to_dict gives NaN for a missing text); only NaN differs from itself
            return f"(None if ({v} := {access}) != {v} else {v})"
        if isinstance(e, ir.Lit):
            return self.constant(e.value)
        if isinstance(e, ir.Arith):
            a, b = self.temp(), self.temp()
            guard = f"({a} := {self.value(e.left)}) is None or ({b} := {self.value(e.right)}) is None"
            if e.op == "/":
                return f"(None if {guard} or {b} == 0 else float({a}) / {b})"  # as SQL: CAST(a AS DOUBLE) / b
            return f"(None if {guard} else {a} {e.op} {b})"
        if isinstance(e, ir.Neg):
            a = self.temp()
            return f"(None if ({a} := {self.value(e.item)}) is None else -{a})"
        if isinstance(e, ir.Func):
            return self.function(e)
        if isinstance(e, ir.DaysSince):
            a = self.temp()
            day = f"{a}.date()" if e.item.type.kind == "timestamp" else a
            return f"(None if ({a} := {self.value(e.item)}) is None else ({self.constant(e.as_of)} - {day}).days)"
        if isinstance(e, ir.DateShift):
            a = self.temp()
            return f"(None if ({a} := {self.value(e.item)}) is None else _shift({a}, {e.amount}, {e.unit!r}))"
        if isinstance(e, ir.Aggregate):
            return f"{self.aggregate(e)}(r)"
        if isinstance(e, (ir.Quantile, ir.GroupSize)):  # never run: RecordProgram.refuse_ranking stops it first
            return "_no_table()"
        if isinstance(e, ir.Bucket):
            a = self.temp()
            return f"(None if ({a} := {self.value(e.key)}) is None else _bucket({e.salt!r}, {a}))"
        if isinstance(e, ir.Case):
            out = self.value(e.default)
            for condition, value in reversed(list(zip(e.conditions, e.values))):
                out = f"({self.value(value)} if {self.true(condition)} else {out})"
            return out
        if isinstance(e, ir.Concat):
            return "(" + " + ".join(self.value(i) for i in e.items) + ")"
        # a condition used as a value (a bool): TRUE, FALSE or null
        return f"(True if {self.true(e)} else (False if {self.false(e)} else None))"

    def function(self, e: ir.Func) -> str:
        args = [self.value(a) for a in e.args]
        if e.name == "coalesce":
            out = "None"
            for arg in reversed(args):
                v = self.temp()
                out = f"({v} if ({v} := {arg}) is not None else {out})"
            if e.type.kind == "float":  # coalesce(n, x) of an int n is a float
                v = self.temp()
                out = f"(None if ({v} := {out}) is None else float({v}))"
            return out
        a = self.temp()
        fn = self.constant(FUNCTIONS[e.name])
        rest = "".join(f", {x}" for x in args[1:])  # round's digits: an int literal
        return f"(None if ({a} := {args[0]}) is None else {fn}({a}{rest}))"

    def aggregate(self, e: ir.Aggregate) -> str:
        """The name of a generated function of the customer that loops over its events once."""
        name = self.aggregates.get(e)
        if name is not None:
            return name
        name = self.aggregates[e] = f"_agg{len(self.aggregates)}"
        w = e.window
        t = self.temp()
        test = [f"({t} := r[{w.at!r}]) is not None"]
        if w.low is not None:
            test.append(f"{t} {'>=' if w.low_inclusive else '>'} {self.constant(w.low)}")
        test.append(f"{t} {'<=' if w.high_inclusive else '<'} {self.constant(w.high)}")
        if e.where is not None and e.fn != "share":
            test.append(self.true(e.where))
        body = [f"def {name}(customer):"]
        if e.fn in ("count", "share"):
            body += ["    n = hits = 0", f"    for r in customer[{e.table!r}]:", f"        if {' and '.join(test)}:",
                     "            n += 1"]
            if e.fn == "share":
                body += [f"            if {self.true(e.where)}:", "                hits += 1",
                         "    return None if n == 0 else hits / n"]
            else:
                body.append("    return n")
        elif e.fn in ("first", "last"):
            pick = "min" if e.fn == "first" else "max"
            body += [f"    seen = [({t}, {self.value(e.field)}) for r in customer[{e.table!r}] if {' and '.join(test)}]",
                     f"    return {pick}(seen, key=_order)[1] if seen else None"]
        else:
            v = self.temp()
            body.append(f"    values = [{v} for r in customer[{e.table!r}] if {' and '.join(test)}"
                        f" and ({v} := {self.value(e.field)}) is not None]")
            body.append("    return " + {
                "count_distinct": "len(set(values))",
                "sum": "_fsum(values)" if e.type.kind == "float" else "sum(values)",
                "avg": "_fsum(values) / len(values) if values else None",
                "min": "min(values) if values else None", "max": "max(values) if values else None"}[e.fn])
        self.functions.append("\n".join(body) + "\n")
        return name

    def raw(self, e: ir.Expr) -> str:
        """`value`, without the null test of NaN where the caller's test is false for NaN anyway."""
        if isinstance(e, ir.Col) and e.type.kind not in ("float", "any"):
            return f"r[{e.name!r}]"
        return self.value(e)

    # -- conditions: Python booleans "the condition is TRUE" / "the condition is FALSE"
    def true(self, e: ir.Expr) -> str:
        return self.truth(e, True)

    def false(self, e: ir.Expr) -> str:
        return self.truth(e, False)

    def truth(self, e: ir.Expr, want: bool) -> str:
        if isinstance(e, ir.Lit):
            return repr(e.value is want)
        if isinstance(e, ir.SegRef):
            return f"_{'t' if want else 'f'}{self.number[e.name]}(r)"
        if isinstance(e, (ir.And, ir.Or)):
            # TRUE and: all TRUE; FALSE and: any FALSE (the other way round for or)
            joiner = " and " if isinstance(e, ir.And) == want else " or "
            return "(" + joiner.join(self.truth(i, want) for i in e.items) + ")"
        if isinstance(e, ir.Not):
            return self.truth(e.item, not want)
        if isinstance(e, ir.IsTrue):  # never unknown: FALSE wherever it is not TRUE
            return self.true(e.item) if want else f"(not {self.true(e.item)})"
        if isinstance(e, ir.AtLeast):
            if want:  # k of them TRUE
                return f"(sum(({''.join(self.true(i) + ', ' for i in e.items)})) >= {e.k})"
            # fewer than k can be TRUE: fewer than k are not FALSE
            return f"(sum(({''.join('not ' + self.false(i) + ', ' for i in e.items)})) < {e.k})"
        if isinstance(e, ir.Cmp):
            return self.compare(e.op, e.left, e.right, want)
        if isinstance(e, ir.InList):
            return self.in_list(e, want != e.negated)
        if isinstance(e, ir.Between):
            inside = ir.And((ir.Cmp(">=", e.operand, e.low), ir.Cmp("<=", e.operand, e.high)))
            return self.truth(inside, want != e.negated)
        if isinstance(e, ir.IsNull):
            return f"({self.value(e.operand)} {'is' if want != e.negated else 'is not'} None)"
        if isinstance(e, ir.StrTest):
            a = self.temp()
            needle = repr(e.needle)
            test = {"contains": f"{needle} in {a}", "starts_with": f"{a}.startswith({needle})",
                    "ends_with": f"{a}.endswith({needle})"}[e.op]
            return f"(({a} := {self.value(e.operand)}) is not None and {'' if want else 'not '}{test})"
        if isinstance(e, ir.Regex):
            a = self.temp()
            search = self.constant(python_regex(e.pattern, e.ignore_case).search)
            return f"(({a} := {self.value(e.operand)}) is not None and {search}({a}) is {'not ' if want else ''}None)"
        # a bool value (a bool field, a function of bools): TRUE / FALSE are the values themselves
        return f"({self.raw(e)} == {want})"  # NaN == True and NaN == False are both false

    def compare(self, op: str, left: ir.Expr, right: ir.Expr, want: bool) -> str:
        if {left.type.kind, right.type.kind} == {"int", "float"}:
            # An int meets a float as the nearest float, as in SQL (Python compares them exactly).
            if left.type.kind == "float" and isinstance(right, ir.Lit) and right.value is not None:
                return self.compare(op, left, ir.Lit(float(right.value), left.type), want)
            a, b = self.temp(), self.temp()
            return (f"(({a} := {self.value(left)}) is not None and ({b} := {self.value(right)}) is not None"
                    f" and {'' if want else 'not '}(float({a}) {op} float({b})))")
        if isinstance(right, ir.Lit) and right.value is not None:  # the common case: field op literal
            lit = self.constant(right.value)
            if op == "==" and want:  # None == lit is False (and NaN == lit): no null check needed
                return f"({self.raw(left)} == {lit})"
            a = self.temp()
            # A comparison other than != is false for NaN, so "is it TRUE" needs no NaN test.
            operand = self.raw(left) if want and op != "!=" else self.value(left)
            return f"(({a} := {operand}) is not None and {'' if want else 'not '}({a} {op} {lit}))"
        a, b = self.temp(), self.temp()
        test = f"{a} {op} {b}"
        return (f"(({a} := {self.value(left)}) is not None and ({b} := {self.value(right)}) is not None"
                f" and {'' if want else 'not '}({test}))")

    def in_list(self, e: ir.InList, want: bool) -> str:
        if all(isinstance(i, ir.Lit) and i.value is not None for i in e.items):
            a = self.temp()
            items = [i.value for i in e.items]
            operand = self.value(e.operand)
            if e.operand.type.kind == "float" or any(isinstance(v, float) for v in items):
                items = [float(v) for v in items]  # ints meet floats as floats: 2**53 + 1 is 2.0**53
                operand = f"(None if ({a} := {operand}) is None else float({a}))"
            values = self.constant(frozenset(items))
            return f"(({a} := {operand}) is not None and {a} {'in' if want else 'not in'} {values})"
        # x in [a, b] is x == a or x == b: TRUE if one is TRUE, FALSE if all are FALSE
        parts = [self.compare("==", e.operand, item, want) for item in e.items]
        return "(" + (" or " if want else " and ").join(parts) + ")"
