"""The IR: resolved, typed, constant-folded conditions that every backend compiles.

Produced by the checker. Names are resolved (a field becomes `Col`, a segment
becomes `SegRef`), every node knows its type, and anything that depends only on
the as-of date (`today() - 30 days`, `date("2024-06-01")`) is already a literal.
`pretty()` prints it, which is what `segdsl ir FILE` shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .regex import PortableRegex
from .source import Span
from .types import BOOL, INT, STRING, Type


class Expr:
    __slots__ = ()
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Col(Expr):
    name: str
    type: Type


@dataclass(frozen=True, slots=True)
class Lit(Expr):
    value: object  # int float str bool date datetime or None
    type: Type


@dataclass(frozen=True, slots=True)
class SegRef(Expr):
    name: str
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class And(Expr):
    items: tuple[Expr, ...]
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Or(Expr):
    items: tuple[Expr, ...]
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Not(Expr):
    item: Expr
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Cmp(Expr):
    op: str  # == != < <= > >=
    left: Expr
    right: Expr
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class InList(Expr):
    operand: Expr
    items: tuple[Expr, ...]
    negated: bool
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Between(Expr):
    operand: Expr
    low: Expr
    high: Expr
    negated: bool
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class IsNull(Expr):
    operand: Expr
    negated: bool
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class StrTest(Expr):
    op: str  # contains starts_with ends_with
    operand: Expr
    needle: str  # never empty: the checker folds an empty needle to 'is not null'
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Regex(Expr):
    operand: Expr
    pattern: PortableRegex
    ignore_case: bool
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Arith(Expr):
    op: str  # + - * /   ('/' is always true division)
    left: Expr
    right: Expr
    type: Type


@dataclass(frozen=True, slots=True)
class Neg(Expr):
    item: Expr
    type: Type


@dataclass(frozen=True, slots=True)
class Func(Expr):
    name: str  # lower upper length abs round coalesce
    args: tuple[Expr, ...]
    type: Type


@dataclass(frozen=True, slots=True)
class DaysSince(Expr):
    """Whole days from the (date part of the) operand to the as-of date."""

    item: Expr
    as_of: dt.date
    type: Type


@dataclass(frozen=True, slots=True)
class DateShift(Expr):
    """A date or timestamp moved by a calendar amount; months clamp to the month's last day."""

    item: Expr
    amount: int  # signed
    unit: str  # day week month year
    type: Type


@dataclass(frozen=True, slots=True)
class Window:
    """The events an aggregate reads by their time: `low < at <= high` (or with <= / < as flagged).

    Resolved by the checker to constant bounds; `high` is never after the as-of moment, so events
    after it are never read. For a `date` time column the bounds are dates, else timestamps.
    """

    at: str  # the event table's time column
    low: object | None  # None: no lower bound
    low_inclusive: bool
    high: object
    high_inclusive: bool


@dataclass(frozen=True, slots=True)
class Aggregate(Expr):
    """`count(orders where ... in last 90 days)`: one value per customer from its events.

    `field` and `where` read the event's columns (a `Col` there names an event field), so `walk`
    and `children` do not go into them: at the entity's level an aggregate is a leaf.
    """

    fn: str  # count count_distinct sum avg min max first last share
    table: str
    by: str  # the event column holding the customer's key
    field: Col | None  # None for count and share
    where: Expr | None  # share: the condition counted; others: which events are read
    window: Window
    type: Type


@dataclass(frozen=True, slots=True)
class Quantile(Expr):
    """`cume_dist(x)` or `ntile(x, n)`: where the customer's `x` stands among every row evaluated.

    Unlike every other node its value depends on the whole table, not on the row alone: cume_dist
    is the share of rows with a non-null `x` at most this row's (null where `x` is null), and
    ntile is ceil(n * cume_dist), so ties always get the same score (docs/semantics.md).
    """

    fn: str  # cume_dist ntile
    item: Expr
    n: int | None  # ntile's number of groups
    type: Type


@dataclass(frozen=True, slots=True)
class IsTrue(Expr):
    """TRUE where `item` is TRUE, FALSE otherwise (never UNKNOWN): membership, for set operations."""

    item: Expr
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class AtLeast(Expr):
    """`at least k of (...)`: TRUE when k items are TRUE, FALSE when fewer than k can be, else UNKNOWN.

    (`at most k of` is `not at least k+1 of`.) With k = 1 it is `or`, with k = len(items) `and`."""

    k: int
    items: tuple[Expr, ...]
    type: Type = BOOL


@dataclass(frozen=True, slots=True)
class Bucket(Expr):
    """The customer's bucket, 0 to 9999, for holdouts and splits: the first 8 hex digits of
    md5(salt + ":" + key as text), as a number, modulo 10000 (docs/semantics.md). Null for a null key."""

    key: Col
    salt: str
    type: Type = INT


@dataclass(frozen=True, slots=True)
class Case(Expr):
    """The value of the first condition that is TRUE (UNKNOWN does not match), else `default`."""

    conditions: tuple[Expr, ...]
    values: tuple[Expr, ...]
    default: Expr
    type: Type = STRING


@dataclass(frozen=True, slots=True)
class Concat(Expr):
    """Text joined; the items are never null (a label's parts)."""

    items: tuple[Expr, ...]
    type: Type = STRING


@dataclass(frozen=True, slots=True)
class GroupSize(Expr):
    """How many rows evaluated have the same value of `item` (null where it is null): like a
    quantile, it depends on every row (a partition's `min_size`)."""

    item: Expr
    type: Type = INT


@dataclass(frozen=True, slots=True)
class SegmentIR:
    name: str
    condition: Expr
    description: str | None
    tags: tuple[str, ...]
    span: Span  # of the name, for diagnostics about the whole segment
    parent: str | None = None  # the segment it refines (a child's condition includes its parent's)
    origin: str = "segment"  # segment, holdout (a segment's held-out members), split (an arm), rule (of a ruleset)


@dataclass(frozen=True, slots=True)
class LabelIR:
    """A partition or ruleset: one text label per customer (null where it has none)."""

    name: str
    kind: str  # partition ruleset
    value: Expr  # of type string
    axes: tuple[tuple[str, ...], ...]  # the labels of each dimension, in order (min_size may add "other")
    of: str | None  # the segment it labels within
    span: Span


def children(e: Expr) -> list[Expr]:
    """The nodes right below `e`, in order (none below an aggregate: those read events)."""
    cls = type(e)
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = _CHILD_FIELDS[cls] = () if issubclass(cls, Aggregate) else tuple(cls.__dataclass_fields__)
    out = []
    for name in names:
        value = getattr(e, name)
        if isinstance(value, Expr):
            out.append(value)
        elif isinstance(value, tuple):
            out += [item for item in value if isinstance(item, Expr)]
    return out


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}  # node class -> its fields (none for an aggregate)


def walk(e: Expr):
    """The node and every node below it (not into referenced segments), parents first, in order."""
    stack = [e]
    while stack:
        e = stack.pop()
        yield e
        below = children(e)
        if below:
            below.reverse()
            stack += below


def with_references(segments, names: list[str]) -> list[str]:
    """`names` and every segment they refer to, directly or not."""
    found, todo = [], list(names)
    while todo:
        name = todo.pop()
        if name not in found:
            found.append(name)
            todo.extend(n.name for n in walk(segments[name].condition) if isinstance(n, SegRef))
    return found


def reach(windows: list[Window]) -> Window:
    """The smallest window holding all of `windows`: what to read of an event table at all."""
    latest = max(windows, key=lambda w: (w.high, w.high_inclusive))
    low, low_inclusive = None, False
    if all(w.low is not None for w in windows):
        earliest = min(windows, key=lambda w: (w.low, not w.low_inclusive))
        low, low_inclusive = earliest.low, earliest.low_inclusive
    return Window(latest.at, low, low_inclusive, latest.high, latest.high_inclusive)


def aggregates(e: Expr) -> list[Aggregate]:
    """The aggregates in `e` (not in referenced segments), each once, in order."""
    return list(dict.fromkeys(n for n in walk(e) if isinstance(n, Aggregate)))


def quantiles(e: Expr) -> list[Quantile]:
    """The quantiles in `e` (not in referenced segments), each once, in order."""
    return list(dict.fromkeys(n for n in walk(e) if isinstance(n, Quantile)))


def ranks(e: Expr) -> bool:
    """Whether `e` itself (not the segments it names) depends on every row: a quantile or a group size."""
    return any(isinstance(n, (Quantile, GroupSize)) for n in walk(e))


def ranks_through(segments, e: Expr) -> bool:
    """Whether `e`, or a segment it names (directly or not), depends on every row."""
    return ranks(e) or any(ranks(segments[n].condition) for n in with_references(segments, segment_refs(e)))


def segment_refs(e: Expr) -> list[str]:
    """The segments `e` names directly, each once, in order."""
    return list(dict.fromkeys(n.name for n in walk(e) if isinstance(n, SegRef)))


def _lit_text(e: Lit) -> str:
    v = e.value
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return f'timestamp("{v.isoformat()}")'
    if isinstance(v, dt.date):
        return f'date("{v.isoformat()}")'
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(v)


def pretty(e: Expr) -> str:
    """A one-line, fully parenthesised, typed rendering of an IR expression."""
    if isinstance(e, Col):
        return f"{e.name}:{e.type}"
    if isinstance(e, Lit):
        return _lit_text(e)
    if isinstance(e, SegRef):
        return f"segment({e.name})"
    if isinstance(e, (And, Or)):
        word = " and " if isinstance(e, And) else " or "
        return "(" + word.join(pretty(i) for i in e.items) + ")"
    if isinstance(e, Not):
        return f"(not {pretty(e.item)})"
    if isinstance(e, Cmp):
        return f"({pretty(e.left)} {e.op} {pretty(e.right)})"
    if isinstance(e, InList):
        items = ", ".join(pretty(i) for i in e.items)
        return f"({pretty(e.operand)} {'not in' if e.negated else 'in'} [{items}])"
    if isinstance(e, Between):
        word = "not between" if e.negated else "between"
        return f"({pretty(e.operand)} {word} {pretty(e.low)} and {pretty(e.high)})"
    if isinstance(e, IsNull):
        return f"({pretty(e.operand)} is {'not ' if e.negated else ''}null)"
    if isinstance(e, StrTest):
        return f"({pretty(e.operand)} {e.op} {_lit_text(Lit(e.needle, e.type))})"
    if isinstance(e, Regex):
        return f"({pretty(e.operand)} {'imatches' if e.ignore_case else 'matches'} {_lit_text(Lit(e.pattern.source, e.type))})"
    if isinstance(e, Arith):
        return f"({pretty(e.left)} {e.op} {pretty(e.right)}):{e.type}"
    if isinstance(e, Neg):
        return f"(-{pretty(e.item)})"
    if isinstance(e, Func):
        return f"{e.name}({', '.join(pretty(a) for a in e.args)}):{e.type}"
    if isinstance(e, DaysSince):
        return f"days_since({pretty(e.item)}, as_of={e.as_of.isoformat()})"
    if isinstance(e, DateShift):
        return f"({pretty(e.item)} {'+' if e.amount >= 0 else '-'} {abs(e.amount)} {e.unit}):{e.type}"
    if isinstance(e, Aggregate):
        what = e.table if e.field is None else f"{e.table}.{e.field.name}"
        where = "" if e.where is None else f" where {pretty(e.where)}"
        return f"{e.fn}({what}{where} {pretty_window(e.window)}):{e.type}"
    if isinstance(e, Quantile):
        return f"{e.fn}({pretty(e.item)}{'' if e.n is None else f', {e.n}'}):{e.type}"
    if isinstance(e, IsTrue):
        return f"is_true({pretty(e.item)})"
    if isinstance(e, AtLeast):
        return f"at_least({e.k}, " + ", ".join(pretty(i) for i in e.items) + ")"
    if isinstance(e, Bucket):
        return f"bucket({pretty(e.key)}, salt={_lit_text(Lit(e.salt, STRING))})"
    if isinstance(e, Case):
        whens = " ".join(f"when {pretty(c)} then {pretty(v)}" for c, v in zip(e.conditions, e.values))
        return f"(case {whens} else {pretty(e.default)})"
    if isinstance(e, Concat):
        return "concat(" + ", ".join(pretty(i) for i in e.items) + ")"
    if isinstance(e, GroupSize):
        return f"group_size({pretty(e.item)})"
    raise TypeError(f"not an IR node: {e!r}")  # pragma: no cover


def pretty_window(w: Window) -> str:
    """`at in (low, high]`, the bounds as literals."""
    low = "-inf" if w.low is None else _lit_text(Lit(w.low, BOOL))
    high = _lit_text(Lit(w.high, BOOL))
    return f"{w.at} in {'[' if w.low_inclusive else '('}{low}, {high}{']' if w.high_inclusive else ')'}"
