"""A question (some conditions TRUE, others not TRUE) over the candidates of the columns it reads:
the first customer that meets it, described for a message, or CannotDecide."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
import weakref
from typing import TYPE_CHECKING

from .. import ir
from ..gcpause import gc_paused
from ..reference import Interpreter
from .masks import Column
from .search import Beyond, Search
from .shapes import Shape, Shaper, bucket_column, merged

if TYPE_CHECKING:
    from .analysis import Analysis


LIMIT = 20_000  # customers tried at most per question; beyond it: cannot prove


BUDGET = 200_000  # customers tried at most for one claim (its every pair of children); beyond it: cannot prove


class CannotDecide(Exception):
    """The conditions use something the region reasoning does not cover (its reason says what)."""



class TooManyCombinations(CannotDecide):
    """The conditions are within the reasoning, but the question has more combinations than the limits allow."""

class _Other(str):
    """A text value that is none of the constants, and how to say it: 'another value', 'a text just after "c"'."""

    def __new__(cls, text: str, words: str):
        value = super().__new__(cls, text)
        value.words = words
        return value


class Space:
    """The customers worth trying for a set of conditions, built from the constants they use."""

    def __init__(self, checked):
        self.segments = checked.segments
        self.schema = checked.schema
        self.budget = BUDGET  # shared by the questions of one claim
        self.ordered: set[str] = set()  # columns compared with <, <=, >, >=, between (per question)
        self._memo = memo_of(checked)

    def find(self, wanted: list[tuple[ir.Expr, bool]]) -> str | None:
        """A customer (described) for whom each condition is TRUE (True) or not TRUE (False); None
        when there is none. CannotDecide when the conditions are beyond this reasoning."""
        row = self.find_row(wanted)
        return None if row is None else _describe(row)

    def find_row(self, wanted: list[tuple[ir.Expr, bool]], enumerate_all: bool = False) -> dict | None:
        """`find`'s customer as a row (column -> value): the first one met when every combination of
        the sorted columns' candidates is tried in the order of `itertools.product`. Found by a
        search (`Search`), or with `enumerate_all` by trying the combinations one by one with the
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
        names, columns, nodes, exprs = prepared
        tries = math.prod(len(c.values) for c in columns)
        self.budget -= tries
        if tries > LIMIT or self.budget < 0:
            raise TooManyCombinations("there are too many combinations of values to try")
        wants = [want for _, want in wanted]
        if nodes is not None:
            return Search(names, columns).first(nodes, wants)
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
                shapes = [Shaper(self).shape(e) for e in exprs]
                enumerate_all = any(s is None for s in shapes)
        else:
            constants, ordered = merged(shapes)
        names = sorted(constants)
        columns = [self.candidates(n, constants[n], n in ordered) for n in names]
        nodes = None
        if not enumerate_all:
            search = Search(names, columns)
            try:
                nodes = [search.compile(shape.node) for shape in shapes]
            except Beyond:
                pass  # a test of several columns that is not and/or/not/at least: try every combination
        return names, columns, nodes, exprs

    def _shapes(self, exprs: list[ir.Expr]) -> list[Shape] | None:
        """Each condition's shape (a segment's is remembered), or None when one needs the first-written path."""
        shapes = []
        for e in exprs:
            shape = self.segment_shape(e.name) if isinstance(e, ir.SegRef) else Shaper(self).shape(e)
            if shape is None:
                return None
            shapes.append(shape)
        return shapes

    def segment_shape(self, name: str) -> Shape | None:
        shapes = self._memo.shapes
        if name not in shapes:
            shapes[name] = None  # (a reference cycle is an error of the checker: never asked)
            shapes[name] = Shaper(self).shape(self.segments[name].condition)
        return shapes[name]

    def _inline(self, e: ir.Expr) -> ir.Expr:
        """`e` with segment references replaced by their conditions and buckets by stand-in columns."""
        if isinstance(e, ir.SegRef):
            return self._inline(self.segments[e.name].condition)
        if isinstance(e, ir.Bucket):
            return ir.Col(bucket_column(e), ir.INT)
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

    def candidates(self, name: str, constants, ordered: bool) -> Column:
        key = (name, constants if isinstance(constants, frozenset) else frozenset(constants), ordered)
        column = self._memo.columns.get(key)
        if column is None:
            column = self._memo.columns[key] = Column(name, self._values(name, key[1], ordered))
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


class Memo:
    """What the questions about one checked program share: each segment's shape and its compiled
    tree over its candidates, and each column's candidates with the masks of the tests on it."""

    def __init__(self) -> None:
        self.shapes: dict[str, Shape | None] = {}
        self.prepared: dict[str, object] = {}  # segment -> what `Space._prepare` gives for it alone
        self.columns: dict[tuple, Column] = {}  # (column, its constants, ordered) -> its candidates
        self.analysis: Analysis | None = None


_MEMOS: dict[int, Memo] = {}


def memo_of(checked) -> Memo:
    """The memo of a checked program, dropped with it."""
    key = id(checked)
    memo = _MEMOS.get(key)
    if memo is None:
        memo = _MEMOS[key] = Memo()
        weakref.finalize(checked, _MEMOS.pop, key, None)
    return memo


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
