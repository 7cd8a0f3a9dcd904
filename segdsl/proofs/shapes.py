"""A condition's shape: the tree of its tests of one column each, and each column's constants, in
one walk that follows segment references (a referenced segment's shape is remembered by `Space`)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from .. import ir

if TYPE_CHECKING:
    from .space import Space


def bucket_column(e: ir.Bucket) -> str:
    """The stand-in column of a holdout's or split's bucket."""
    return f"bucket {e.salt!r}"


@dataclasses.dataclass(frozen=True)
class Shape:
    """A condition as the proofs see it: a tree whose leaves test one column each, and each
    column's constants (what `Space._collect` gathers, in one walk that also follows references).

    Nodes: ("A", column, test) a test of one column against constants (`Column.mask` reads
    `test`: ("col",), ("cmp", op, value), ("in", negated, values), ("between", negated, low,
    high), ("null", negated)); ("G", columns, expr) any other test, told by the interpreter;
    ("K", value); ("and" | "or", nodes); ("not", node); ("is", node); ("atl", k, nodes)."""

    node: tuple
    constants: dict  # column -> frozenset of constants
    ordered: frozenset  # columns compared with <, <=, >, >=, between
    names: tuple  # the columns, sorted


def merged(shapes: list[Shape]) -> tuple[dict[str, set], frozenset]:
    if len(shapes) == 1:
        return shapes[0].constants, shapes[0].ordered
    constants: dict[str, set] = {}
    for shape in shapes:
        for name, values in shape.constants.items():
            constants[name] = constants[name] | values if name in constants else values
    return constants, frozenset().union(*(s.ordered for s in shapes))


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


class Unshaped(Exception):
    """Something `Space._collect` might refuse: the first-written path gives the exact reason."""


class Shaper:
    """One walk of a condition to its `Shape`, following segment references to their shapes."""

    def __init__(self, space: Space) -> None:
        self.space = space
        self.constants: dict[str, set] = {}
        self.ordered: set[str] = set()

    def shape(self, e: ir.Expr) -> Shape | None:
        try:
            node = self.walk(e)
        except Unshaped:
            return None
        constants = {n: frozenset(v) for n, v in self.constants.items()}
        return Shape(node, constants, frozenset(self.ordered), tuple(sorted(constants)))

    def column(self, e: ir.Expr) -> str | None:
        kind = type(e)
        if kind is ir.Col:
            if e.type.kind == "any":
                raise Unshaped()
            self.constants.setdefault(e.name, set())
            return e.name
        if kind is ir.Bucket:
            name = bucket_column(e)
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
                raise Unshaped()
            if column is None:
                raise Unshaped()
            if value is not None:
                self.constants[column].add(value)
            if op != "==" and op != "!=":
                self.ordered.add(column)
            return ("A", column, ("cmp", op, value))
        if kind is ir.SegRef:
            shape = self.space.segment_shape(e.name)
            if shape is None:
                raise Unshaped()
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
                raise Unshaped()
            values = tuple(i.value for i in items)
            self.constants[column].update(v for v in values if v is not None)
            if kind is ir.InList:
                return ("A", column, ("in", e.negated, values))
            self.ordered.add(column)
            return ("A", column, ("between", e.negated, *values))
        if kind is ir.IsNull:
            column = self.column(e.operand)
            if column is None:
                raise Unshaped()
            return ("A", column, ("null", e.negated))
        if kind is ir.AtLeast:
            return ("atl", e.k, [self.walk(i) for i in e.items])
        raise Unshaped()

    def other(self, e: ir.Expr, sides) -> tuple:
        """A comparison of conditions (`flag == (age > 3)`): its sides' constants; the interpreter tells it."""
        for side in sides:
            if any(isinstance(n, (ir.SegRef, ir.Bucket)) for n in ir.walk(side)):
                raise Unshaped()  # (the interpreter needs it inlined)
            self.walk(side)
        return ("G", frozenset(n.name for n in ir.walk(e) if isinstance(n, ir.Col)), e)
