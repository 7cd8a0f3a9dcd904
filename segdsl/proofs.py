"""Reasoning without data: are a segment's children disjoint, do they cover it, can a rule match?

Each question asks for a customer that makes some conditions true and others not true. When
every condition compares fields with constants (==, <, in, between, is null, and, or, not, at
least, set operations, other segments, holdout buckets), a field's value matters only by where
it falls among the constants it meets, so trying one value of each such region (and null) for
every field settles the question for all customers. The values are tried with the reference
interpreter, so the answer follows segdsl's own semantics, nulls included. A customer found is
shown as the counter-example; a condition over anything else (text search, arithmetic,
functions, aggregates, quantiles, a comparison of two fields) gets "cannot prove" instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math

from . import ast, ir
from .diagnostics import Diagnostic, error, warning
from .reference import Interpreter

LIMIT = 20_000  # customers tried at most per question; beyond it: cannot prove
BUDGET = 200_000  # customers tried at most for one claim (its every pair of children); beyond it: cannot prove


class CannotDecide(Exception):
    """The conditions use something the region reasoning does not cover (its reason says what)."""


class _Other(str):
    """A text value that is none of the constants, and how to say it: 'another value', 'a text just after "c"'."""

    def __new__(cls, text: str, words: str):
        value = super().__new__(cls, text)
        value.words = words
        return value


def prove_claims(checked, declared, rulesets: list[ast.Ruleset], diags: list[Diagnostic]) -> None:
    """E222/E223 for a refuted `disjoint`/`exhaustive`, W201 where it cannot be decided; W202 for a
    rule that can never match."""
    for decl in declared:
        node = decl.node
        if decl.origin != "segment" or not (node.exhaustive or node.disjoint):
            continue
        # the children written in braces; a split's arms only when there are none (they share out all members)
        below = checked.children(decl.name)
        children = [c for c in below if checked.segments[c].origin == "segment"] or below
        if not children:
            span = node.exhaustive or node.disjoint
            diags.append(error("E221", f"segment '{decl.name}' has no children to be exhaustive or disjoint",
                               span, help="declare its children in braces: segment s: ... disjoint { segment a: ... }"))
            continue
        space = Space(checked)
        if node.disjoint:
            _disjoint(space, decl.name, children, node.disjoint, diags)
        if node.exhaustive:
            _exhaustive(space, decl.name, children, node.exhaustive, diags)
    for ruleset in rulesets:
        if ruleset.name in checked.labels:
            _shadowed(Space(checked), ruleset, diags)


def _disjoint(space, name: str, children: list[str], span, diags: list[Diagnostic]) -> None:
    for a, b in itertools.combinations(children, 2):
        try:
            found = space.find([(ir.SegRef(a), True), (ir.SegRef(b), True)])
        except CannotDecide as why:
            diags.append(warning("W201", f"cannot prove the children of '{name}' disjoint: {why}", span,
                                 help="segdsl reasons about comparisons of fields with constants only"))
            return
        if found is not None:
            diags.append(error("E222", f"the children of '{name}' are declared disjoint, but '{a}' and '{b}' overlap",
                               span, help=f"for example a customer with {found} is in both"))


def _exhaustive(space, name: str, children: list[str], span, diags: list[Diagnostic]) -> None:
    try:
        found = space.find([(ir.SegRef(name), True), *((ir.SegRef(c), False) for c in children)])
    except CannotDecide as why:
        diags.append(warning("W201", f"cannot prove the children of '{name}' exhaustive: {why}", span,
                             help="segdsl reasons about comparisons of fields with constants only"))
        return
    if found is not None:
        diags.append(error("E223", f"the children of '{name}' are declared exhaustive, but some of its members "
                                   "are in none of them", span, help=f"for example a customer with {found}"))


def _shadowed(space, ruleset: ast.Ruleset, diags: list[Diagnostic]) -> None:
    names = [r.name for r in ruleset.rules] + ([ruleset.otherwise] if ruleset.otherwise else [])
    spans = [r.name_span for r in ruleset.rules] + [ruleset.otherwise_span]
    for i, (rule, span) in enumerate(zip(names, spans)):
        try:
            found = space.find([(ir.SegRef(f"{ruleset.name}.{rule}"), True)])
        except CannotDecide:
            continue  # only a proof is worth a warning here
        if found is None:
            what = "earlier rules already label every customer it would" if i else "its condition is never true"
            if rule == ruleset.otherwise:
                what = "the rules above it label every customer"
            diags.append(warning("W202", f"rule '{rule}' of ruleset '{ruleset.name}' can never match: {what}", span,
                                 help="reorder the rules or drop this one"))


class Space:
    """The customers worth trying for a set of conditions, built from the constants they use."""

    def __init__(self, checked):
        self.segments = checked.segments
        self.schema = checked.schema
        self.budget = BUDGET  # shared by the questions of one claim
        self.ordered: set[str] = set()  # columns compared with <, <=, >, >=, between (per question)

    def find(self, wanted: list[tuple[ir.Expr, bool]]) -> str | None:
        """A customer (described) for whom each condition is TRUE (True) or not TRUE (False); None
        when there is none. CannotDecide when the conditions are beyond this reasoning."""
        exprs = [self._inline(e) for e, _ in wanted]
        columns: dict[str, set] = {}
        self.ordered = set()
        for e in exprs:
            self._collect(e, columns)
        names = sorted(columns)
        candidates = [self._candidates(n, columns[n]) for n in names]
        tries = math.prod(len(c) for c in candidates)
        self.budget -= tries
        if tries > LIMIT or self.budget < 0:
            raise CannotDecide("there are too many combinations of values to try")
        for values in itertools.product(*candidates):
            row = dict(zip(names, values))
            interpreter = Interpreter({}, row)
            if all((interpreter.eval(e) is True) == want for e, (_, want) in zip(exprs, wanted)):
                return _describe(row)
        return None

    def _inline(self, e: ir.Expr) -> ir.Expr:
        """`e` with segment references replaced by their conditions and buckets by stand-in columns."""
        if isinstance(e, ir.SegRef):
            return self._inline(self.segments[e.name].condition)
        if isinstance(e, ir.Bucket):
            return ir.Col(f"bucket {e.salt!r}", ir.INT)
        if isinstance(e, ir.Aggregate):
            raise CannotDecide(f"it uses {e.fn}() of the events '{e.table}'")
        changes = {}
        for f in dataclasses.fields(e):
            value = getattr(e, f.name)
            if isinstance(value, ir.Expr):
                changes[f.name] = self._inline(value)
            elif isinstance(value, tuple) and value and isinstance(value[0], ir.Expr):
                changes[f.name] = tuple(self._inline(v) for v in value)
        return dataclasses.replace(e, **changes) if changes else e

    def _collect(self, e: ir.Expr, columns: dict[str, set]) -> None:
        """Each column's constants; CannotDecide for anything but fields compared with constants."""
        if isinstance(e, ir.Col):
            if e.type.kind in ("any",):
                raise CannotDecide(f"the type of '{e.name}' is not declared")
            columns.setdefault(e.name, set())
            return
        if isinstance(e, ir.Lit) or isinstance(e, (ir.And, ir.Or, ir.Not, ir.IsTrue, ir.AtLeast)):
            for child in ir.children(e):
                self._collect(child, columns)
            return
        if isinstance(e, ir.Cmp):
            if e.left.type.kind == "bool" and not isinstance(e.left, (ir.Col, ir.Lit)) or e.right.type.kind == "bool":
                self._collect(e.left, columns)
                self._collect(e.right, columns)
                return
            column, other = (e.left, e.right) if isinstance(e.left, ir.Col) else (e.right, e.left)
            self._compared(column, [other], columns, ordering=e.op not in ("==", "!="))
            return
        if isinstance(e, ir.InList):
            self._compared(e.operand, list(e.items), columns)
            return
        if isinstance(e, ir.Between):
            self._compared(e.operand, [e.low, e.high], columns, ordering=True)
            return
        if isinstance(e, ir.IsNull) and isinstance(e.operand, ir.Col):
            self._collect(e.operand, columns)
            return
        raise CannotDecide(f"it uses {_construct(e)}")

    def _compared(self, column: ir.Expr, others: list[ir.Expr], columns: dict[str, set], ordering: bool = False) -> None:
        for value in (column, *others):
            if not isinstance(value, (ir.Col, ir.Lit)):
                raise CannotDecide(f"it uses {_construct(value)}")
        if not isinstance(column, ir.Col) or not all(isinstance(o, ir.Lit) for o in others):
            raise CannotDecide("it compares two fields with each other")
        self._collect(column, columns)
        columns[column.name].update(o.value for o in others if o.value is not None)
        if ordering:
            self.ordered.add(column.name)

    def _candidates(self, name: str, constants: set) -> list:
        if name.startswith("bucket "):  # never null: a customer has a key (data files with a null key are refused)
            return sorted({0, 9999} | {c + d for c in constants for d in (-1, 0) if 0 <= c + d <= 9999})
        t = self.schema.fields[name]
        if t.kind == "enum":
            return [*t.values, None]
        if t.kind == "bool":
            return [True, False, None]
        if t.kind == "string":
            if name in self.ordered:  # below every constant, and just after each (the next text up)
                extra = [] if "" in constants else [_Other("", 'the empty text ""')]
                extra += [_Other(c + "\x00", f'a text just after "{c}"') for c in sorted(constants)]
            else:  # longer than any constant, so none of them
                extra = [_Other("\uffff" * (1 + max(map(len, constants), default=0)), "another value")]
            return [*sorted(constants), *extra, None]
        points = sorted(constants)
        if t.kind == "int":
            near = {v for c in points for v in (math.floor(c) - 1, math.floor(c), math.ceil(c), math.ceil(c) + 1)}
            return [*sorted(near or {0}), None]
        if t.kind == "float":
            values = set(map(float, points)) | {(a + b) / 2 for a, b in zip(points, points[1:])}
            values |= {points[0] - 1.0, points[-1] + 1.0} if points else {0.0}
            return [*sorted(values), None]
        if t.kind in ("date", "timestamp"):
            step = dt.timedelta(days=1) if t.kind == "date" else dt.timedelta(microseconds=1)
            if any(isinstance(p, dt.datetime) != (t.kind == "timestamp") for p in points):
                raise CannotDecide(f"it compares the {t.kind} '{name}' with a value of another type")
            values = {v for p in points for v in _around(p, step)}
            return [*sorted(values or {dt.date(2000, 1, 1) if t.kind == "date" else dt.datetime(2000, 1, 1)}), None]
        raise CannotDecide(f"'{name}' is {t}")


def _around(point, step):
    for delta in (-step, None, step):
        try:
            yield point if delta is None else point + delta
        except OverflowError:
            pass


def _describe(row: dict) -> str:
    parts = []
    for name, value in row.items():
        if name.startswith("bucket "):
            continue  # a holdout's hash: not something a person sets
        if value is None:
            parts.append(f"{name} null")
        elif isinstance(value, _Other):
            parts.append(f"{name} {value.words}")
        elif isinstance(value, str):
            parts.append(f'{name} "{value}"')
        elif isinstance(value, bool):
            parts.append(f"{name} {'true' if value else 'false'}")
        elif isinstance(value, dt.date):
            parts.append(f"{name} {value.isoformat()}")
        else:
            parts.append(f"{name} {value!r}")
    return ", ".join(parts) if parts else "any values"


def _construct(e: ir.Expr) -> str:
    return {
        "StrTest": f"'{getattr(e, 'op', '')}'", "Regex": "a regular expression", "Arith": "arithmetic",
        "Neg": "arithmetic", "Func": f"{getattr(e, 'name', '')}()", "DaysSince": "days_since()",
        "DateShift": "date arithmetic", "Quantile": "a quantile", "GroupSize": "a partition's min_size",
        "Case": "a label", "Concat": "a label", "IsNull": "a null test of a computed value",
    }.get(type(e).__name__, type(e).__name__)
