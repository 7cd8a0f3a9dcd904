"""Helpers for the rules that read conditions as written (L106-L111, L202-L207): every expression
node of the file with the fields its names refer to, the type of a simple expression, a node's
shape (to tell equal expressions apart from spans), and safe text edits. Not a rule: it registers
nothing."""

from __future__ import annotations

import re

from .. import ast
from ..types import ANY, BOOL, FLOAT, INT, STRING, Type
from .registry import Edit

CONDITIONS = (ast.Compare, ast.InList, ast.Between, ast.IsNull, ast.StringOp, ast.Not, ast.BoolOp, ast.AtLeast,
              ast.SetOp)
# What may stand on either side of a comparison without parentheses (the grammar's `sum`).
SUM_LEVEL = (ast.Name, ast.NumberLit, ast.StringLit, ast.BoolLit, ast.NullLit, ast.Duration, ast.Call, ast.Attr,
             ast.Neg, ast.Binary, ast.AtLeast)


class Scoped:
    """An expression node and the field types its names read: the entity's, or inside an
    aggregate's `where` the event table's (`table` is then its name)."""

    __slots__ = ("node", "fields", "table")

    def __init__(self, node, fields: dict[str, Type], table: str | None):
        self.node = node
        self.fields = fields
        self.table = table


def scoped_nodes(context, *types) -> list[Scoped]:
    """The expression nodes of the given types (every node without types; names and literals are not
    indexed, read them from their parents) in every condition as written: segments with their
    children, the rules of rulesets, the dimensions of partitions. The file is walked once per
    context; each type's nodes are in file order."""
    index = context.__dict__.get("_scoped_nodes")
    if index is None:
        index = context.__dict__["_scoped_nodes"] = _index(context)  # (lint() keeps the collector paused)
    if not types:
        return [s for found in index.values() for s in found]
    if len(types) == 1:
        return index.get(types[0], [])
    return [s for t in types for s in index.get(t, [])]


_CHILDREN: dict[type, tuple[str, ...]] = {}  # node class -> its attributes that may hold nodes
# Nodes with no nodes below them, which no rule looks for: not indexed (rules read them from their parents).
_LEAVES = {ast.Name, ast.NumberLit, ast.StringLit, ast.BoolLit, ast.NullLit, ast.Duration, ast.Attr, str}
_LEAF_FIELDS = {"span", "kind", "name", "op", "value", "text", "negated", "count", "amount", "unit", "table", "field"}


def _index(context) -> dict[type, list[Scoped]]:
    schema = context.checked.schema
    roots = [segment.condition for _name, segment in context.written_segments()]
    for item in context.program.ast.items:
        if isinstance(item, ast.Ruleset):
            roots += [r.condition for r in item.rules]
        elif isinstance(item, ast.Partition):
            roots += item.dimensions
    index: dict[type, list[Scoped]] = {}
    stack = [(root, schema.fields, None) for root in reversed(roots)]
    while stack:
        node, fields, table = stack.pop()
        cls = type(node)
        index.setdefault(cls, []).append(Scoped(node, fields, table))
        names = _CHILDREN.get(cls)
        if names is None:
            names = _CHILDREN[cls] = tuple(k for k in cls.model_fields if k not in _LEAF_FIELDS
                                           and not k.endswith("_span"))
        children = []
        for name in names:
            value = getattr(node, name)
            if type(value) is list:
                children += [v for v in value if type(v) not in _LEAVES]
            elif value is not None and type(value) not in _LEAVES:
                children.append(value)
        if cls is ast.EventsArg and node.where is not None:
            inner = _where_scope(node, schema)
            for child in reversed(children):
                stack.append((child, inner[1], inner[0]) if child is node.where and inner else (child, fields, table))
        else:
            stack += [(child, fields, table) for child in reversed(children)]
    return index


def _where_scope(node, schema):
    """For an aggregate's argument with a `where`: (table name, its fields)."""
    source = node.source
    name = source.name if isinstance(source, ast.Name) else source.table if isinstance(source, ast.Attr) else None
    table = schema.events.get(name)
    return None if table is None else (table.name, table.fields)


def type_of(node, scoped: Scoped, context) -> Type | None:
    """The type of a simple expression (a field, a literal, a text function, an aggregate of a
    field, a condition), None when it takes more to tell."""
    if isinstance(node, ast.Name):
        if node.name in scoped.fields:
            return scoped.fields[node.name]
        if scoped.table is None and node.name in context.checked.segments:
            return BOOL
        return ANY if context.checked.schema.trusted and scoped.table is None else None
    if isinstance(node, ast.Attr):
        if scoped.table == node.table:
            return scoped.fields.get(node.field)
        return BOOL if scoped.table is None and f"{node.table}.{node.field}" in context.checked.segments else None
    if isinstance(node, ast.StringLit):
        return STRING
    if isinstance(node, ast.NumberLit):
        return INT if isinstance(node.value, int) else FLOAT
    if isinstance(node, ast.BoolLit) or isinstance(node, CONDITIONS):
        return BOOL
    if isinstance(node, ast.Call):
        if node.name in ("lower", "upper"):
            return STRING
        if node.name in ("first", "last", "min", "max") and len(node.args) == 1:
            source = node.args[0].source if isinstance(node.args[0], ast.EventsArg) else node.args[0]
            if isinstance(source, ast.Attr) and source.table in context.checked.schema.events:
                return context.checked.schema.events[source.table].fields.get(source.field)
    return None


def case_call(node) -> str | None:
    """'lower' or 'upper' for a call of one of them, else None."""
    if isinstance(node, ast.Call) and node.name in ("lower", "upper") and len(node.args) == 1:
        return node.name
    return None


def shape(node):
    """The node without its positions: equal shapes are the same expression (literals by value and type)."""
    if isinstance(node, ast.NumberLit):
        return ("number", type(node.value).__name__, node.value)
    if isinstance(node, ast.Node):
        return (type(node).__name__, tuple((k, shape(v)) for k, v in node.__dict__.items()
                                           if k != "text" and not k.endswith("span")))
    if isinstance(node, list):
        return tuple(shape(v) for v in node)
    return node


def reads_data(node) -> bool:
    """Whether the expression reads a customer's data (a field, a segment, an aggregate), not only constants."""
    if isinstance(node, (ast.Name, ast.Attr)):
        return True
    if isinstance(node, ast.Node):
        return any(reads_data(v) for v in node.__dict__.values())
    if isinstance(node, list):
        return any(reads_data(v) for v in node)
    return False


def text_of(context, node, limit: int | None = None) -> str:
    """The node as written; with a `limit`, for a message: on one line, shortened to `limit` characters."""
    text = context.program.source.text[node.span.start:node.span.end]
    return text if limit is None else shortened(text, limit)


def shortened(text: str, limit: int = 60) -> str:
    """Text for a message: line breaks (and the indentation after them) as one space, at most `limit` characters."""
    text = re.sub(r"[ \t]*\r?\n\s*", " ", text)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def clean_gap(context, start: int, end: int) -> bool:
    """Whether the text between two tokens holds no comment (an edit may then rewrite it)."""
    return "#" not in context.program.source.text[start:end]


def span(context, start: int, end: int):
    return context.program.source.span(start, end)


_WORD = re.compile(r"[A-Za-z0-9_]")
_SKIP = re.compile(r"(?:\s|\(|#[^\n]*)*")  # what may stand between a '(' and the node it holds


def replace(context, start: int, end: int, new: str) -> Edit:
    """An edit replacing [start, end) with `new`, with a space where a word would otherwise run into
    its neighbour (`not(a)==false` -> `not not (a)`, not `notnot (a)`)."""
    text = context.program.source.text
    if new and start > 0 and _WORD.match(text[start - 1]) and _WORD.match(new[0]):
        new = " " + new
    if new and end < len(text) and _WORD.match(text[end]) and _WORD.match(new[-1]):
        new = new + " "
    return Edit(start, end, new)


def string_literal(value: str) -> str:
    """`value` written as a segdsl string literal."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def inner_start(context, node) -> int:
    """Where the node's own text starts, after any parentheses around it (a parenthesised
    node's span holds them)."""
    first = _first_child(node)
    if first is None:
        return node.span.start
    if isinstance(node, ast.Not):  # the `not` keyword, after any '(' and comments
        return _SKIP.match(context.program.source.text, node.span.start).end()
    return first.span.start


def _first_child(node):
    if isinstance(node, ast.Compare):
        return node.left
    if isinstance(node, (ast.InList, ast.Between, ast.IsNull, ast.StringOp, ast.Not)):
        return node.operand
    return None
