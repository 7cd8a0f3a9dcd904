"""The syntax tree: typed pydantic models, every node with its source span.

The parser builds these with `Node.build` (the grammar already guarantees
their shape, so validating again would only cost time); `Program.model_dump_json()`
is what `segdsl parse --json` prints.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field

from .source import Span


# pydantic's own slots, set directly: `Node.build` runs for every node the parser makes.
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
_set_attribute = object.__setattr__


class Node(BaseModel):
    span: Span

    @classmethod
    def build(cls, **fields):
        """Construct without validation, faster than model_construct; the parser passes every field."""
        obj = cls.__new__(cls)
        _set_attribute(obj, "__dict__", fields)
        _set_fields_set(obj, set(fields))
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj


# --- expressions -------------------------------------------------------------

class Name(Node):
    kind: Literal["name"] = "name"
    name: str


class NumberLit(Node):
    kind: Literal["number"] = "number"
    value: int | float
    text: str


class StringLit(Node):
    kind: Literal["string"] = "string"
    value: str


class BoolLit(Node):
    kind: Literal["bool"] = "bool"
    value: bool


class NullLit(Node):
    kind: Literal["null"] = "null"


class Duration(Node):
    kind: Literal["duration"] = "duration"
    amount: int
    unit: Literal["day", "week", "month", "year"]


class ListExpr(Node):
    kind: Literal["list"] = "list"
    items: list["Expr"]


class Call(Node):
    kind: Literal["call"] = "call"
    name: str
    name_span: Span
    args: list["Expr"]


class Attr(Node):
    """`orders.amount`: a field of an event table, read by an aggregate."""

    kind: Literal["attr"] = "attr"
    table: str
    table_span: Span
    field: str
    field_span: Span


class Window(Node):
    """A time window of an aggregate: `in last 90 days`, `before D`, `after D`, `from D to D`."""

    kind: Literal["last", "before", "after", "range"]
    amount: int | None = None  # in last N units
    unit: Literal["day", "week", "month", "year"] | None = None
    start: "Expr | None" = None  # after D, from D
    end: "Expr | None" = None  # before D, to D


class EventsArg(Node):
    """An aggregate's argument with a condition and/or a window: `orders where discounted in last 90 days`."""

    kind: Literal["events_arg"] = "events_arg"
    source: "Expr"  # the event table (a name) or one of its fields (an attr)
    where: "Expr | None"
    window: Window | None


class Neg(Node):
    kind: Literal["neg"] = "neg"
    operand: "Expr"


class Binary(Node):
    kind: Literal["binary"] = "binary"
    op: Literal["+", "-", "*", "/"]
    left: "Expr"
    right: "Expr"


class Compare(Node):
    kind: Literal["compare"] = "compare"
    op: Literal["==", "!=", "<", "<=", ">", ">="]
    op_span: Span
    left: "Expr"
    right: "Expr"


class InList(Node):
    kind: Literal["in"] = "in"
    negated: bool
    operand: "Expr"
    items: ListExpr


class Between(Node):
    kind: Literal["between"] = "between"
    negated: bool
    operand: "Expr"
    low: "Expr"
    high: "Expr"


class IsNull(Node):
    kind: Literal["is_null"] = "is_null"
    negated: bool
    operand: "Expr"


class StringOp(Node):
    kind: Literal["string_op"] = "string_op"
    op: Literal["contains", "starts_with", "ends_with", "matches", "imatches"]
    operand: "Expr"
    pattern: "Expr"


class AtLeast(Node):
    """`at least k of (a, b, c)` / `at most k of (...)`: how many of the conditions are true."""

    kind: Literal["at_least", "at_most"]
    count: int
    count_span: Span
    items: list["Expr"]


class SetOp(Node):
    """`a union b`, `a intersect b`, `a except b`: on members (rows where a condition is true)."""

    kind: Literal["set_op"] = "set_op"
    op: Literal["union", "intersect", "except"]
    op_span: Span
    left: "Expr"
    right: "Expr"


class Not(Node):
    kind: Literal["not"] = "not"
    operand: "Expr"


class BoolOp(Node):
    kind: Literal["and", "or"]
    operands: list["Expr"]


Expr = Annotated[
    Union[
        Name, NumberLit, StringLit, BoolLit, NullLit, Duration, ListExpr, Call, Attr, EventsArg, Neg, Binary,
        Compare, InList, Between, IsNull, StringOp, Not, BoolOp, AtLeast, SetOp,
    ],
    Field(discriminator="kind"),
]


# --- declarations ------------------------------------------------------------

class TypeRef(Node):
    name: str
    values: list[StringLit] | None = None  # enum("a", "b")


class FieldDecl(Node):
    name: str
    name_span: Span
    is_key: bool
    type: TypeRef


class Entity(Node):
    kind: Literal["entity"] = "entity"
    name: str
    name_span: Span
    fields: list[FieldDecl]


class Events(Node):
    """`events orders of customers by customer_id at ordered_at { fields }`."""

    kind: Literal["events"] = "events"
    name: str
    name_span: Span
    entity: str
    entity_span: Span
    by: str  # the column holding the entity's key
    by_span: Span
    at: str  # the column holding the event's moment
    at_span: Span
    fields: list[FieldDecl]


class Sample(Node):
    """`holdout 10% salt "q4"` or `split 50/50 salt "q4"`: shares of the members, by a hash of the key."""

    kind: Literal["holdout", "split"]
    shares: list[float]  # percentages, as written
    shares_span: Span
    salt: str | None  # None: the segment's full name


class Segment(Node):
    kind: Literal["segment"] = "segment"
    name: str
    name_span: Span
    condition: Expr
    description: str | None = None
    tags: list[str] = []
    exhaustive: Span | None = None  # where `exhaustive` is written: the children cover the segment
    disjoint: Span | None = None  # where `disjoint` is written: no customer is in two children
    sample: Sample | None = None
    children: list["Segment"] = []


class Path(Node):
    """A segment's name, dotted for a child: `cyclists.road.amateur`."""

    parts: list[str]

    @property
    def name(self) -> str:
        return ".".join(self.parts)


class Dimension(Node):
    """One axis of a partition: an enum/bool value, numeric `bands [..]`, or `in [..]` (else `other`)."""

    kind: Literal["values", "bands", "list"]
    expr: Expr
    items: ListExpr | None


class Partition(Node):
    """`partition bikes of cyclists by sport, age bands [18, 30] min_size 50`."""

    kind: Literal["partition"] = "partition"
    name: str
    name_span: Span
    of: Path | None
    dimensions: list[Dimension]
    min_size: int | None
    min_size_span: Span | None


class Rule(Node):
    name: str
    name_span: Span
    condition: Expr


class Ruleset(Node):
    """`ruleset lifecycle exclusive { vip: ...  at_risk: ...  else: regular }`: the first rule that matches."""

    kind: Literal["ruleset"] = "ruleset"
    name: str
    name_span: Span
    of: Path | None
    rules: list[Rule]
    otherwise: str | None  # the label of customers no rule matches
    otherwise_span: Span | None


class Comment(Node):
    """`# ...` to the end of the line, its text with the '#'; only `parse(..., comments=True)` collects them."""

    kind: Literal["comment"] = "comment"
    text: str


class Program(BaseModel):
    items: list[Annotated[Union[Entity, Events, Segment, Partition, Ruleset], Field(discriminator="kind")]]
    # Not syntax: left out of `segdsl parse --json` and of a JSON round trip; the formatter reads them.
    comments: list[Comment] = Field(default_factory=list, exclude=True)

    @property
    def entities(self) -> list[Entity]:
        return [i for i in self.items if isinstance(i, Entity)]

    @property
    def events(self) -> list[Events]:
        return [i for i in self.items if isinstance(i, Events)]

    @property
    def segments(self) -> list[Segment]:
        return [i for i in self.items if isinstance(i, Segment)]

    @property
    def partitions(self) -> list[Partition]:
        return [i for i in self.items if isinstance(i, Partition)]

    @property
    def rulesets(self) -> list[Ruleset]:
        return [i for i in self.items if isinstance(i, Ruleset)]


for _model in (ListExpr, Call, Neg, Binary, Compare, InList, Between, IsNull, StringOp, Not, BoolOp,
               AtLeast, SetOp, Segment, Dimension, Partition, Rule, Ruleset, Program):
    _model.model_rebuild()
