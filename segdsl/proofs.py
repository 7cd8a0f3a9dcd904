"""Reasoning without data: are a segment's children disjoint, do they cover it, can a rule match?

Each question asks for a customer that makes some conditions true and others not true. When
every condition compares fields with constants (==, <, in, between, is null, and, or, not, at
least, set operations, other segments, holdout buckets), a field's value matters only by where
it falls among the constants it meets, so one value of each such region (and null) for every
field, the field's candidates, settles the question for all customers. A customer found is
shown as the counter-example; a condition over anything else (text search, arithmetic,
functions, aggregates, quantiles, a comparison of two fields) gets "cannot prove" instead.

The answer is the first combination of candidates, in the order of `itertools.product` over the
sorted columns, that meets the question, as trying every combination with the reference
interpreter would find it (`Space.find_row(..., enumerate_all=True)` still does; tests/test_proofs.py
checks both agree). It is found faster (`_Search`): each test of one field is worked out once per
candidate with the reference semantics, as two bit masks (the candidates that make it TRUE, those
that make it FALSE); and/or/not of one field fold into one such pair; a conjunction of tests of one
field each is then decided by intersecting masks, and what spans several fields (an `or` across
fields, `at least`) is searched field by field, a branch being dropped as soon as no goal can be
met whatever the fields not fixed yet hold. What a segment's condition needs (its shape: the
fields, their constants, the tree of tests) is worked out once per checked program and shared by
every question about it (`_Memo`: lint asks two per segment). The limit of 20,000 combinations
per question (and 200,000 per claim) is kept as before, so the checker decides exactly what it
decided before.

`Analysis` compiles every segment of a program over one shared set of candidates per field (all
the constants the file compares it with), for questions across many segments (lint's L103, L104).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import math
import weakref

from . import ast, ir
from .diagnostics import Diagnostic, error, warning
from .gcpause import gc_paused
from .reference import Interpreter, compare, kleene_and, kleene_or

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
        self._memo = _memo_of(checked)

    def find(self, wanted: list[tuple[ir.Expr, bool]]) -> str | None:
        """A customer (described) for whom each condition is TRUE (True) or not TRUE (False); None
        when there is none. CannotDecide when the conditions are beyond this reasoning."""
        row = self.find_row(wanted)
        return None if row is None else _describe(row)

    def find_row(self, wanted: list[tuple[ir.Expr, bool]], enumerate_all: bool = False) -> dict | None:
        """`find`'s customer as a row (column -> value): the first one met when every combination of
        the sorted columns' candidates is tried in the order of `itertools.product`. Found by a
        search (`_Search`), or with `enumerate_all` by trying the combinations one by one with the
        reference interpreter, as the proofs were first written (the two agree: tests/test_proofs.py)."""
        with gc_paused():  # many small acyclic objects, beside a large AST the collector would rescan
            return self._find_row(wanted, enumerate_all)

    def _find_row(self, wanted: list[tuple[ir.Expr, bool]], enumerate_all: bool) -> dict | None:
        if len(wanted) == 1 and type(wanted[0][0]) is ir.SegRef and not enumerate_all:
            prepared = self._memo.prepared.get(wanted[0][0].name)
            if prepared is None:  # a question about one segment: asked again and again (lint asks two)
                try:
                    prepared = self._prepare(wanted, False)
                except CannotDecide as why:
                    prepared = _Refused(why.args)  # (not the exception: its traceback would keep the frames alive)
                self._memo.prepared[wanted[0][0].name] = prepared
        else:
            prepared = self._prepare(wanted, enumerate_all)
        if isinstance(prepared, _Refused):
            raise CannotDecide(*prepared.args)
        names, columns, ordered, nodes, exprs = prepared
        self.ordered = set(ordered)
        tries = math.prod(len(c.values) for c in columns)
        self.budget -= tries
        if tries > LIMIT or self.budget < 0:
            raise CannotDecide("there are too many combinations of values to try")
        wants = [want for _, want in wanted]
        if nodes is not None:
            domains = _Search(names, columns).solve(nodes, wants)
            return None if domains is None else {
                name: column.values[(d & -d).bit_length() - 1] for name, column, d in zip(names, columns, domains)}
        if exprs is None:
            exprs = [self._inline(e) for e, _ in wanted]
        for values in itertools.product(*(c.values for c in columns)):
            row = dict(zip(names, values))
            interpreter = Interpreter({}, row)
            if all((interpreter.eval(e) is True) == want for e, want in zip(exprs, wants)):
                return row
        return None

    def _prepare(self, wanted: list[tuple[ir.Expr, bool]], enumerate_all: bool) -> tuple:
        """The columns, their candidates and the conditions compiled over them (None: enumerate them,
        inlined), or CannotDecide."""
        shapes = None if enumerate_all else self._shapes([e for e, _ in wanted])
        exprs = None
        if shapes is None:  # inline and collect as first written: the same CannotDecide, in the same order
            exprs = [self._inline(e) for e, _ in wanted]
            constants: dict[str, set] = {}
            self.ordered = set()
            for e in exprs:
                self._collect(e, constants)
            ordered = frozenset(self.ordered)
            if not enumerate_all:
                shapes = [_Shaper(self).shape(e) for e in exprs]
                enumerate_all = any(s is None for s in shapes)
        else:
            constants, ordered = _merged(shapes)
        names = sorted(constants)
        columns = [self._candidates(n, constants[n], n in ordered) for n in names]
        nodes = None
        if not enumerate_all:
            search = _Search(names, columns)
            try:
                nodes = [search.compile(shape.node) for shape in shapes]
            except _Beyond:
                pass  # a test of several columns that is not and/or/not/at least: try every combination
        return names, columns, ordered, nodes, exprs

    def _shapes(self, exprs: list[ir.Expr]) -> list[_Shape] | None:
        """Each condition's shape (a segment's is remembered), or None when one needs the first-written path."""
        shapes = []
        for e in exprs:
            shape = self._segment_shape(e.name) if isinstance(e, ir.SegRef) else _Shaper(self).shape(e)
            if shape is None:
                return None
            shapes.append(shape)
        return shapes

    def _segment_shape(self, name: str) -> _Shape | None:
        shapes = self._memo.shapes
        if name not in shapes:
            shapes[name] = None  # (a reference cycle is an error of the checker: never asked)
            shapes[name] = _Shaper(self).shape(self.segments[name].condition)
        return shapes[name]

    def _inline(self, e: ir.Expr) -> ir.Expr:
        """`e` with segment references replaced by their conditions and buckets by stand-in columns."""
        if isinstance(e, ir.SegRef):
            return self._inline(self.segments[e.name].condition)
        if isinstance(e, ir.Bucket):
            return ir.Col(_bucket_column(e), ir.INT)
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

    def _candidates(self, name: str, constants, ordered: bool) -> _Column:
        key = (name, constants if isinstance(constants, frozenset) else frozenset(constants), ordered)
        column = self._memo.columns.get(key)
        if column is None:
            column = self._memo.columns[key] = _Column(name, self._values(name, key[1], ordered))
        return column

    def _values(self, name: str, constants: frozenset, ordered: bool) -> list:
        if name.startswith("bucket "):  # never null: a customer has a key (data files with a null key are refused)
            return sorted({0, 9999} | {c + d for c in constants for d in (-1, 0) if 0 <= c + d <= 9999})
        t = self.schema.fields[name]
        if t.kind == "enum":
            return [*t.values, None]
        if t.kind == "bool":
            return [True, False, None]
        if t.kind == "string":
            if ordered:  # below every constant, and just after each (the next text up)
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


class _Refused(tuple):
    """A question's CannotDecide, remembered by its reason (`args`)."""

    @property
    def args(self) -> tuple:
        return tuple(self)


def _bucket_column(e: ir.Bucket) -> str:
    """The stand-in column of a holdout's or split's bucket."""
    return f"bucket {e.salt!r}"


class _Memo:
    """What the questions about one checked program share: each segment's shape and its compiled
    tree over its candidates, and each column's candidates with the masks of the tests on it."""

    def __init__(self) -> None:
        self.shapes: dict[str, _Shape | None] = {}
        self.prepared: dict[str, object] = {}  # segment -> what `Space._prepare` gives for it alone
        self.columns: dict[tuple, _Column] = {}  # (column, its constants, ordered) -> its candidates
        self.analysis: Analysis | None = None


_MEMOS: dict[int, _Memo] = {}


def _memo_of(checked) -> _Memo:
    """The memo of a checked program, dropped with it."""
    key = id(checked)
    memo = _MEMOS.get(key)
    if memo is None:
        memo = _MEMOS[key] = _Memo()
        weakref.finalize(checked, _MEMOS.pop, key, None)
    return memo


@dataclasses.dataclass(frozen=True)
class _Shape:
    """A condition as the proofs see it: a tree whose leaves test one column each, and each
    column's constants (what `Space._collect` gathers, in one walk that also follows references).

    Nodes: ("A", column, test) a test of one column against constants (`_Column.mask` reads
    `test`: ("col",), ("cmp", op, value), ("in", negated, values), ("between", negated, low,
    high), ("null", negated)); ("G", columns, expr) any other test, told by the interpreter;
    ("K", value); ("and" | "or", nodes); ("not", node); ("is", node); ("atl", k, nodes)."""

    node: tuple
    constants: dict  # column -> frozenset of constants
    ordered: frozenset  # columns compared with <, <=, >, >=, between
    names: tuple  # the columns, sorted


def _merged(shapes: list[_Shape]) -> tuple[dict[str, set], frozenset]:
    if len(shapes) == 1:
        return shapes[0].constants, shapes[0].ordered
    constants: dict[str, set] = {}
    for shape in shapes:
        for name, values in shape.constants.items():
            constants[name] = constants[name] | values if name in constants else values
    return constants, frozenset().union(*(s.ordered for s in shapes))


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


class _Unshaped(Exception):
    """Something `Space._collect` might refuse: the first-written path gives the exact reason."""


class _Shaper:
    """One walk of a condition to its `_Shape`, following segment references to their shapes."""

    def __init__(self, space: Space) -> None:
        self.space = space
        self.constants: dict[str, set] = {}
        self.ordered: set[str] = set()

    def shape(self, e: ir.Expr) -> _Shape | None:
        try:
            node = self.walk(e)
        except _Unshaped:
            return None
        constants = {n: frozenset(v) for n, v in self.constants.items()}
        return _Shape(node, constants, frozenset(self.ordered), tuple(sorted(constants)))

    def column(self, e: ir.Expr) -> str | None:
        kind = type(e)
        if kind is ir.Col:
            if e.type.kind == "any":
                raise _Unshaped()
            self.constants.setdefault(e.name, set())
            return e.name
        if kind is ir.Bucket:
            name = _bucket_column(e)
            self.constants.setdefault(name, set())
            return name
        return None

    def walk(self, e: ir.Expr) -> tuple:
        kind = type(e)
        if kind is ir.And or kind is ir.Or:
            return ("and" if kind is ir.And else "or", [self.walk(i) for i in e.items])
        if kind is ir.Cmp:
            left, right = e.left, e.right
            if left.type.kind == "bool" and type(left) not in (ir.Col, ir.Lit) or right.type.kind == "bool":
                return self.other(e, (left, right))
            if type(right) is ir.Lit:
                column, op, value = self.column(left), e.op, right.value
            elif type(left) is ir.Lit:
                column, op, value = self.column(right), _FLIP[e.op], left.value
            else:
                raise _Unshaped()
            if column is None:
                raise _Unshaped()
            if value is not None:
                self.constants[column].add(value)
            if op != "==" and op != "!=":
                self.ordered.add(column)
            return ("A", column, ("cmp", op, value))
        if kind is ir.SegRef:
            shape = self.space._segment_shape(e.name)
            if shape is None:
                raise _Unshaped()
            for name, values in shape.constants.items():
                self.constants.setdefault(name, set()).update(values)
            self.ordered |= shape.ordered
            return shape.node
        if kind is ir.Col:
            return ("A", self.column(e), ("col",))
        if kind is ir.Lit:
            return ("K", e.value)
        if kind is ir.Not or kind is ir.IsTrue:
            return ("not" if kind is ir.Not else "is", self.walk(e.item))
        if kind is ir.InList or kind is ir.Between:
            items = e.items if kind is ir.InList else (e.low, e.high)
            column = self.column(e.operand)
            if column is None or any(type(i) is not ir.Lit for i in items):
                raise _Unshaped()
            values = tuple(i.value for i in items)
            self.constants[column].update(v for v in values if v is not None)
            if kind is ir.InList:
                return ("A", column, ("in", e.negated, values))
            self.ordered.add(column)
            return ("A", column, ("between", e.negated, *values))
        if kind is ir.IsNull:
            column = self.column(e.operand)
            if column is None:
                raise _Unshaped()
            return ("A", column, ("null", e.negated))
        if kind is ir.AtLeast:
            return ("atl", e.k, [self.walk(i) for i in e.items])
        raise _Unshaped()

    def other(self, e: ir.Expr, sides) -> tuple:
        """A comparison of conditions (`flag == (age > 3)`): its sides' constants; the interpreter tells it."""
        for side in sides:
            if any(isinstance(n, (ir.SegRef, ir.Bucket)) for n in ir.walk(side)):
                raise _Unshaped()  # (the interpreter needs it inlined)
            self.walk(side)
        return ("G", frozenset(n.name for n in ir.walk(e) if isinstance(n, ir.Col)), e)


class _Column:
    """A column's candidate values, one per region of its constants (and null): bit i of a mask
    stands for values[i]. A test of the column alone is two masks, the candidates that make it
    TRUE and those that make it FALSE (neither: UNKNOWN), with the reference interpreter's answers."""

    __slots__ = ("name", "values", "full", "null", "masks", "_orders", "_kinds")

    def __init__(self, name: str, values: list) -> None:
        self.name = name
        self.values = values
        self.full = (1 << len(values)) - 1
        self.null = sum(1 << i for i, v in enumerate(values) if v is None)
        self.masks: dict = {}
        self._orders: dict[bool, tuple] = {}
        self._kinds: set | None = None

    def mask(self, test) -> tuple[int, int]:
        """(TRUE mask, FALSE mask) of a test: a `_Shape` test tuple, or an expression of this column alone."""
        found = self.masks.get(test)
        if found is None:
            found = self.masks[test] = self._mask(test)
        return found

    def _mask(self, test) -> tuple[int, int]:
        if type(test) is tuple and len(self.values) > 16 and test[0] in ("cmp", "in", "between"):
            found = self._sorted_mask(test)
            if found is not None:
                return found
        return self.mask_by_value(test)

    def mask_by_value(self, test) -> tuple[int, int]:
        """The masks, value by value."""
        evaluate = _test_function(test, self.name)
        true = false = 0
        bit = 1
        for value in self.values:
            result = evaluate(value)
            if result is True:
                true |= bit
            elif result is False:
                false |= bit
            bit <<= 1
        return true, false

    def _sorted_mask(self, test) -> tuple[int, int] | None:
        """The masks of a comparison with constants by bisection of the sorted values (long lists)."""
        constants = test[2:] if test[0] != "in" else test[2]
        if not constants or any(c is None or type(c) is bool for c in constants):
            return None
        if self._kinds is None:
            self._kinds = {type(v) for v in self.values if v is not None}
        kinds = self._kinds | {type(c) for c in constants}
        if bool in kinds or kinds & {int, float} and not kinds <= {int, float}:
            return None
        mixed = len(kinds) > 1  # an int meets a float as the nearest float (reference.compare)
        order = self._orders.get(mixed)
        if order is None:
            pairs = sorted(((float(v) if mixed else v), 1 << i) for i, v in enumerate(self.values) if v is not None)
            prefix = [0]
            for _, bit in pairs:
                prefix.append(prefix[-1] | bit)
            order = self._orders[mixed] = ([k for k, _ in pairs], prefix)
        keys, prefix = order
        probe = (lambda c: float(c)) if mixed else (lambda c: c)
        everything = prefix[-1]

        def between(low, high) -> int:  # low <= v <= high
            i, j = bisect.bisect_left(keys, probe(low)), bisect.bisect_right(keys, probe(high))
            return prefix[j] & ~prefix[i] if j > i else 0

        kind = test[0]
        if kind == "cmp":
            op, c = test[1], probe(test[2])
            if op in ("==", "!="):
                true = between(test[2], test[2])
                true = everything & ~true if op == "!=" else true
            elif op in ("<", "<="):
                true = prefix[(bisect.bisect_left if op == "<" else bisect.bisect_right)(keys, c)]
            else:
                true = everything & ~prefix[(bisect.bisect_right if op == ">" else bisect.bisect_left)(keys, c)]
            return true, everything & ~true
        if kind == "in":
            true = 0
            for c in constants:
                true |= between(c, c)
        else:
            true = between(test[2], test[3])
        false = everything & ~true
        return (false, true) if test[1] else (true, false)


def _test_function(test, name: str):
    """A test of a `_Shape` (or an expression of column `name` alone) as a function of the column's value,
    with the reference interpreter's answers."""
    if type(test) is not tuple:
        return lambda v: Interpreter({}, {name: v}).eval(test)
    kind = test[0]
    if kind == "col":
        return lambda v: v
    if kind == "null":
        return (lambda v: v is not None) if test[1] else (lambda v: v is None)
    if kind == "cmp":
        op, right = test[1], test[2]
        return lambda v: compare(op, v, right)
    if kind == "in":
        items = test[2]
        if test[1]:
            return lambda v: _negate(kleene_or([compare("==", v, i) for i in items]))
        return lambda v: kleene_or([compare("==", v, i) for i in items])
    low, high = test[2], test[3]
    if test[1]:
        return lambda v: _negate(kleene_and([compare(">=", v, low), compare("<=", v, high)]))
    return lambda v: kleene_and([compare(">=", v, low), compare("<=", v, high)])


def _negate(value):
    return None if value is None else not value


def _node_columns(node) -> set:
    tag = node[0]
    if tag in ("l", "L"):
        return {node[1]}
    if tag == "K":
        return set()
    if tag == "t":
        return _node_columns(node[1])
    kids = node[2] if tag == "atl" else node[1] if tag in ("and", "or") else [node[1]]
    return set().union(*map(_node_columns, kids))


class _TooLong(Exception):
    """A search of `Analysis` went on past its limit of steps."""


class _Beyond(Exception):
    """A test of several columns that is not and/or/not/at least: left to the enumeration."""


_GOAL_OF_NOT = {"T": "F", "NT": "NF", "F": "T", "NF": "NT"}  # `not x` is TRUE where x is FALSE ...
_GOAL_OF_IS_TRUE = {"T": "T", "NT": "NT", "F": "NT", "NF": "T"}


class _Search:
    """The first customer, in the order of `itertools.product` over the columns' candidates, for
    whom some conditions are TRUE and others not TRUE, found without trying every combination.

    Each condition's shape is compiled to a tree whose leaves test one column each: a pair of
    masks of that column's candidates, those that make it TRUE and those that make it FALSE
    (and/or/not of tests of one column are folded into one leaf, value by value). The wanted
    outcomes become two-valued goals ("is TRUE", "is not TRUE") pushed through and/or/not down to
    the leaves. A goal that is one column's mask narrows that column's candidates at once, so a
    conjunction of such tests is decided without any search; what remains (an `or` across
    columns, `at least`) is searched column by column in order, a branch being dropped as soon as
    no goal can be met whatever the columns not fixed yet hold (each node knows which of TRUE,
    FALSE and UNKNOWN it can still be). Once every column a goal reads is fixed the answer is
    exact, and the first branch that meets every goal is the first customer the enumeration
    would meet."""

    def __init__(self, names: list[str], columns: list[_Column], steps: int | None = None) -> None:
        self.names = names
        self.columns = columns
        self.index = {n: i for i, n in enumerate(names)}
        self.steps = steps  # candidates tried at most by `_branch` (None: no limit), then _TooLong

    def first(self, nodes: list, wants: list[bool]) -> dict | None:
        """The first row for which each compiled node is TRUE (True) or not TRUE (False), or None."""
        domains = self.solve(nodes, wants)
        if domains is None:
            return None
        return {name: column.values[(d & -d).bit_length() - 1]
                for name, column, d in zip(self.names, self.columns, domains)}

    def solve(self, nodes: list, wants: list[bool], hint: bool = False) -> list[int] | None:
        """Each column's candidates narrowed to what a row meeting the goals can hold, or None when no row
        does: every column a goal's `or` or `at least` reads is fixed to one candidate (the first that
        works; with `hint`, the ones the goals' tests name are tried first), and any candidate left
        of the other columns works with them."""
        domains = [c.full for c in self.columns]
        node = nodes[0]
        if len(nodes) == 1 and (node[0] == "L" or node[0] == "and" and all(n[0] == "L" for n in node[1])):
            return self._box(node, wants[0], domains)
        return self.solve_goals([self.goal(node, "T" if want else "NT") for node, want in zip(nodes, wants)], hint)

    def solve_goals(self, goals: list, hint: bool = False) -> list[int] | None:
        """`solve` for two-valued goals (`goal`), all to be met."""
        domains = [c.full for c in self.columns]
        root = self._join("and", goals)
        if root is False:
            return None
        gates = []
        for node in (() if root is True else root[1] if root[0] == "and" else (root,)):
            if node[0] == "l":
                domains[node[1]] &= node[2]
            else:
                gates.append(node)
        if gates:
            if not all(self.can(g, domains) for g in gates):
                return None
            order = sorted(set().union(*(_node_columns(g) for g in gates)))
            hints = _named(gates, len(self.columns)) if hint else None
            if not self._branch(gates, domains, order, 0, hints):
                return None
        return domains

    def _box(self, node, want: bool, domains: list[int]) -> list[int] | None:
        """`solve` for a condition that is a conjunction of tests of one column each (the common case)."""
        leaves = [node] if node[0] == "L" else node[1]
        if want:  # every test TRUE: each column's candidates that make its tests TRUE
            for leaf in leaves:
                domains[leaf[1]] = leaf[2]
                if not leaf[2]:
                    return None
            return domains
        # some test not TRUE: the first column (in order) that can be made so, the others at their first candidate
        chosen = None
        for leaf in sorted(leaves, key=lambda leaf: leaf[1]):
            c = leaf[1]
            spoiled = domains[c] & ~leaf[2]
            if spoiled & 1 or spoiled and not any(
                    domains[other[1]] & ~other[2] for other in leaves if other[1] > c):
                chosen = (c, spoiled & -spoiled)
                break
        if chosen is None:
            return None
        domains[chosen[0]] = chosen[1]
        return domains

    def _branch(self, gates: list, domains: list[int], order: list[int], i: int, hints) -> bool:
        if i == len(order):  # every column the goals read is fixed: `can` was exact
            return True
        c = order[i]
        whole = domains[c]
        for left in ((whole & hints[c], whole & ~hints[c]) if hints else (whole,)):
            while left:
                bit = left & -left
                left ^= bit
                domains[c] = bit
                if self.steps is not None:
                    self.steps -= 1
                    if self.steps < 0:
                        raise _TooLong()
                if all(self.can(g, domains) for g in gates) and self._branch(gates, domains, order, i + 1, hints):
                    return True
        domains[c] = whole
        return False

    # -- compiling a shape
    def compile(self, node):
        """A three-valued node: ("K", value), ("L", column, TRUE mask, FALSE mask), ("and" | "or",
        nodes), ("not", node), ("is", node), ("atl", k, nodes). _Beyond for a test of several
        columns that is none of these."""
        tag = node[0]
        if tag == "A":
            c = self.index[node[1]]
            return ("L", c, *self.columns[c].mask(node[2]))
        if tag == "and" or tag == "or":
            return self._fold(tag == "and", [self.compile(n) for n in node[1]])
        if tag == "K":
            return node
        if tag == "not":
            kid = self.compile(node[1])
            if kid[0] == "L":
                return ("L", kid[1], kid[3], kid[2])
            if kid[0] == "K":
                return ("K", None if kid[1] is None else not kid[1])
            return ("not", kid)
        if tag == "is":
            kid = self.compile(node[1])
            if kid[0] == "L":
                return ("L", kid[1], kid[2], self.columns[kid[1]].full & ~kid[2])
            if kid[0] == "K":
                return ("K", kid[1] is True)
            return ("is", kid)
        if tag == "atl":
            kids = [self.compile(n) for n in node[2]]
            columns = {k[1] for k in kids if k[0] == "L"}
            if len(columns) > 1 or any(k[0] not in ("L", "K") for k in kids):
                return ("atl", node[1], kids)
            return self._at_least_of_one(node[1], kids, columns)
        columns, e = node[1], node[2]  # "G"
        if len(columns) > 1:
            raise _Beyond()
        if not columns:
            return ("K", Interpreter({}, {}).eval(e))
        c = self.index[next(iter(columns))]
        return ("L", c, *self.columns[c].mask(e))

    def _at_least_of_one(self, k: int, kids: list, columns: set):
        """`at least k of` tests of one column (or none), value by value."""
        if not columns:
            values = [kid[1] for kid in kids]
            return ("K", True if sum(v is True for v in values) >= k else
                    False if sum(v is not False for v in values) < k else None)
        c = next(iter(columns))
        true = false = 0
        for i in range(len(self.columns[c].values)):
            bit = 1 << i
            values = [(kid[2] & bit and True) or (False if kid[3] & bit else None) if kid[0] == "L" else kid[1]
                      for kid in kids]
            if sum(v is True for v in values) >= k:
                true |= bit
            elif sum(v is not False for v in values) < k:
                false |= bit
        return ("L", c, true, false)

    def _fold(self, conjunction: bool, nodes: list):
        """and/or of compiled nodes: the leaves of each column folded into one (Kleene, value by value)."""
        leaves: dict[int, tuple[int, int]] = {}
        rest, constants = [], []
        for node in nodes:
            tag = node[0]
            if tag == "L":
                c, true, false = node[1], node[2], node[3]
                if c in leaves:
                    t, f = leaves[c]
                    leaves[c] = (t & true, f | false) if conjunction else (t | true, f & false)
                else:
                    leaves[c] = (true, false)
            elif tag == "K":
                constants.append(node[1])
            else:
                rest.append(node)
        if constants:
            value = (kleene_and if conjunction else kleene_or)(constants)
            if value is (not conjunction):  # FALSE in an and, TRUE in an or: settled
                return ("K", value)
            if value is None:  # UNKNOWN: an and is never TRUE then, an or never FALSE
                if not leaves and not rest:
                    return ("K", None)
                if leaves:
                    c, (t, f) = next(iter(leaves.items()))
                    leaves[c] = (0, f) if conjunction else (t, 0)
                else:
                    rest.append(("K", None))
        out = [("L", c, t, f) for c, (t, f) in leaves.items()] + rest
        if not out:
            return ("K", conjunction)
        return out[0] if len(out) == 1 else ("and" if conjunction else "or", out)

    # -- the goals
    def goal(self, node, mode: str):
        """A two-valued node: True, False, ("l", column, mask), ("and" | "or", nodes) or
        ("t", three-valued node, mode): the node is TRUE (mode T), not TRUE (NT), FALSE (F), not FALSE (NF)."""
        tag = node[0]
        if tag == "L":
            c, true, false = node[1], node[2], node[3]
            full = self.columns[c].full
            mask = true if mode == "T" else full & ~true if mode == "NT" else false if mode == "F" else full & ~false
            return False if mask == 0 else True if mask == full else ("l", c, mask)
        if tag == "K":
            value = node[1]
            return value is True if mode == "T" else value is not True if mode == "NT" else \
                value is False if mode == "F" else value is not False
        if tag == "and":
            return self._join("and" if mode in ("T", "NF") else "or", [self.goal(n, mode) for n in node[1]])
        if tag == "or":
            return self._join("or" if mode in ("T", "NF") else "and", [self.goal(n, mode) for n in node[1]])
        if tag == "not":
            return self.goal(node[1], _GOAL_OF_NOT[mode])
        if tag == "is":
            return self.goal(node[1], _GOAL_OF_IS_TRUE[mode])
        return ("t", node, mode)

    def _join(self, kind: str, nodes: list):
        """and/or of two-valued nodes: flattened, constants settled, one mask per column."""
        unit = kind == "and"  # True is neutral in an and, False in an or
        flat, masks = [], {}
        todo = list(nodes)
        while todo:
            node = todo.pop()
            if node is True or node is False:
                if node is unit:
                    continue
                return node
            if node[0] == kind:
                todo.extend(node[1])
            elif node[0] == "l":
                c = node[1]
                masks[c] = (masks[c] & node[2] if unit else masks[c] | node[2]) if c in masks else node[2]
            else:
                flat.append(node)
        for c, mask in masks.items():
            full = self.columns[c].full
            if mask == (full if unit else 0):
                continue
            if mask == (0 if unit else full):
                return not unit
            flat.append(("l", c, mask))
        if not flat:
            return unit
        return flat[0] if len(flat) == 1 else (kind, flat)

    # -- what a node can still be, whatever the columns not fixed yet hold
    def can(self, node, domains: list[int]) -> bool:
        """Whether the two-valued node can be TRUE (an over-approximation; exact once its columns are fixed)."""
        tag = node[0]
        if tag == "l":
            return node[2] & domains[node[1]] != 0
        if tag == "and":
            return all(self.can(n, domains) for n in node[1])
        if tag == "or":
            return any(self.can(n, domains) for n in node[1])
        t, f, u = self.can3(node[1], domains)
        mode = node[2]
        return t if mode == "T" else f or u if mode == "NT" else f if mode == "F" else t or u

    def can3(self, node, domains: list[int]) -> tuple[bool, bool, bool]:
        """Whether the three-valued node can be TRUE, FALSE, UNKNOWN."""
        tag = node[0]
        if tag == "L":
            d, true, false = domains[node[1]], node[2], node[3]
            return true & d != 0, false & d != 0, d & ~(true | false) != 0
        if tag == "K":
            return node[1] is True, node[1] is False, node[1] is None
        if tag == "not":
            t, f, u = self.can3(node[1], domains)
            return f, t, u
        if tag == "is":
            t, f, u = self.can3(node[1], domains)
            return t, f or u, False
        kids = [self.can3(n, domains) for n in (node[2] if tag == "atl" else node[1])]
        if tag == "and":
            return (all(t for t, _, _ in kids), any(f for _, f, _ in kids),
                    all(t or u for t, _, u in kids) and any(u for _, _, u in kids))
        if tag == "or":
            return (any(t for t, _, _ in kids), all(f for _, f, _ in kids),
                    all(f or u for _, f, u in kids) and any(u for _, _, u in kids))
        k, n = node[1], len(kids)  # at least k of n: TRUE with k TRUE, FALSE with n - k + 1 FALSE
        return (sum(t for t, _, _ in kids) >= k, sum(f for _, f, _ in kids) >= n - k + 1,
                sum(f or u for _, f, u in kids) >= n - k + 1 and sum(t or u for t, _, u in kids) >= k)


def _named(gates: list, count: int) -> list[int]:
    """Per column, the candidates the two-valued tests among `gates` accept (worth trying first)."""
    named = [0] * count
    todo = list(gates)
    while todo:
        node = todo.pop()
        if node[0] == "l":
            named[node[1]] |= node[2]
        elif node[0] in ("and", "or"):
            todo.extend(node[1])
    return named



class Analysis:
    """Every segment of a checked program over one shared set of candidates per column (one value
    per region of all the constants the file compares that column with, and null), for questions
    across many segments at once (lint's contained segments): a test's masks are worked out once
    for all the segments that use it.

    A segment's condition is compiled as `Space` compiles it; `goal` is the two-valued tree of its
    being TRUE, a `box` when it is a conjunction of tests of one column each (then exactly the
    product of those columns' masks), and `projection` an over-approximation, per column, of the
    values its members can hold. Segments beyond the proofs' reasoning (`Space` would say
    CannotDecide) are left out: `compiled` gives None for them."""

    STEPS = 5_000  # candidates a search (`member`, `contains`) tries at most before giving up

    def __init__(self, checked) -> None:
        self.space = Space(checked)  # (kept with the program, in its memo: no reference back to the program)
        with gc_paused():
            shapes = {name: self.space._segment_shape(name) for name in checked.segments}
            constants: dict[str, set] = {}
            ordered: set[str] = set()
            for shape in shapes.values():
                if shape is not None:
                    for name, values in shape.constants.items():
                        constants.setdefault(name, set()).update(values)
                    ordered |= shape.ordered
            names, columns, broken = [], [], set()
            for name in sorted(constants):
                try:
                    columns.append(self.space._candidates(name, constants[name], name in ordered))
                    names.append(name)
                except CannotDecide:
                    broken.add(name)
            self.names = names
            self.columns = columns
            self.search = _Search(names, columns)
            self.null = [c.values.index(None) if None in c.values else None for c in columns]
            self.shapes = {n: s for n, s in shapes.items() if s is not None and not broken & set(s.constants)}
            self._compiled: dict[str, object] = {}
            self._goals: dict[str, object] = {}
            self._not_goals: dict[str, object] = {}
            self._nodes: dict[int, tuple] = {}

    @classmethod
    def of(cls, checked) -> "Analysis":
        """The analysis of a checked program, made once and kept with it."""
        memo = _memo_of(checked)
        if memo.analysis is None:
            memo.analysis = cls(checked)
        return memo.analysis

    def compiled(self, name: str):
        """The segment's compiled condition over the shared candidates, or None beyond the reasoning."""
        if name not in self._compiled:
            shape = self.shapes.get(name)
            try:
                self._compiled[name] = None if shape is None else self.search.compile(shape.node)
            except _Beyond:
                self._compiled[name] = None
        return self._compiled[name]

    def goal(self, name: str):
        """The two-valued tree of the segment's condition being TRUE (True: always, False: never), or None."""
        if name not in self._goals:
            node = self.compiled(name)
            self._goals[name] = None if node is None else self.search.goal(node, "T")
        return self._goals[name]

    def not_goal(self, name: str):
        """The two-valued tree of the segment's condition being not TRUE, or None."""
        if name not in self._not_goals:
            node = self.compiled(name)
            self._not_goals[name] = None if node is None else self.search.goal(node, "NT")
        return self._not_goals[name]

    def columns_of(self, name: str) -> set[int]:
        """The columns the segment's condition reads (through the segments it names)."""
        index = self.search.index
        return {index[n] for n in self.shapes[name].names}

    def box(self, name: str) -> dict[int, int] | None:
        """column -> mask when the segment is a conjunction of tests of one column each: its members are
        exactly the rows whose every such column holds a candidate of its mask. None otherwise."""
        goal = self.goal(name)
        if goal is True:
            return {}
        if goal is None or goal is False:
            return None
        leaves = [goal] if goal[0] == "l" else goal[1] if goal[0] == "and" else ()
        if not leaves or any(n[0] != "l" for n in leaves):
            return None
        return {n[1]: n[2] for n in leaves}

    def projection(self, name: str) -> dict[int, int]:
        """column -> the candidates a member can hold there (more, never fewer); a column left out: any."""
        return _projection(self.goal(name))

    def never(self, wanted: list[tuple[ir.Expr, bool]]) -> bool | None:
        """Whether no customer makes each condition TRUE (True) or not TRUE (False), as `Space.find` would
        say None, without describing a customer; None when this cannot tell (beyond the reasoning, or the
        search gives up)."""
        goals = []
        for e, want in wanted:
            node = self._node(e)
            if node is None:
                return None
            goals.append(self.search.goal(node, "T" if want else "NT"))
        found = self._solve(goals, give_up=_TooLong)
        return None if found is _TooLong else found is None

    def _node(self, e: ir.Expr):
        """A condition compiled over the shared candidates, or None; and/or/not of conditions asked about
        before reuse theirs (lint asks many questions about the parts of one condition)."""
        known = self._nodes.get(id(e))
        if known is not None and known[0] is e:
            return known[1]
        if isinstance(e, ir.SegRef):
            node = self.compiled(e.name)
        elif isinstance(e, (ir.And, ir.Or, ir.Not, ir.IsTrue)):
            kids = [self._node(item) for item in ir.children(e)]
            if any(kid is None for kid in kids):
                node = None
            elif isinstance(e, (ir.And, ir.Or)):
                node = self.search._fold(isinstance(e, ir.And), kids)
            else:
                node = _negated(kids[0], self.search) if isinstance(e, ir.Not) else _is_true(kids[0], self.search)
        else:
            with gc_paused():
                shape = _Shaper(self.space).shape(e)
                node = None
                if shape is not None and all(n in self.search.index for n in shape.names):
                    try:
                        node = self.search.compile(shape.node)
                    except _Beyond:
                        node = None
        self._nodes[id(e)] = (e, node)  # (the entry keeps e alive: its id is not reused)
        return node

    def member(self, name: str, want: bool = True) -> list[int] | None:
        """Per column, candidates a member holds (with `want` False: a customer who is not one): any of
        them goes with those of the other columns. None when there is none or the search gives up."""
        return self._solve([self.goal(name) if want else self.not_goal(name)])

    def contains(self, a: str, b: str) -> bool | None:
        """Whether every member of `a` is a member of `b` (None: the search gave up)."""
        found = self._solve([self.goal(a), self.not_goal(b)], give_up=_TooLong)
        return None if found is _TooLong else found is None

    def _solve(self, goals: list, give_up=None):
        search = _Search(self.names, self.columns, self.STEPS)
        try:
            return search.solve_goals(goals, hint=True)
        except _TooLong:
            return give_up


def _negated(node, search: _Search):
    """`not` of a compiled node."""
    if node[0] == "L":
        return ("L", node[1], node[3], node[2])
    if node[0] == "K":
        return ("K", None if node[1] is None else not node[1])
    return ("not", node)


def _is_true(node, search: _Search):
    """`is_true` of a compiled node."""
    if node[0] == "L":
        return ("L", node[1], node[2], search.columns[node[1]].full & ~node[2])
    if node[0] == "K":
        return ("K", node[1] is True)
    return ("is", node)


def _projection(goal) -> dict[int, int]:
    if goal is None or goal is True or goal is False:
        return {}
    tag = goal[0]
    if tag == "l":
        return {goal[1]: goal[2]}
    if tag == "and":
        out: dict[int, int] = {}
        for node in goal[1]:
            for c, mask in _projection(node).items():
                out[c] = out[c] & mask if c in out else mask
        return out
    if tag == "or":
        parts = [_projection(node) for node in goal[1]]
        common = set(parts[0]).intersection(*parts[1:])
        out = {}
        for c in common:
            mask = 0
            for part in parts:
                mask |= part[c]
            out[c] = mask
        return out
    return {}


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
