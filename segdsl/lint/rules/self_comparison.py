"""L107 self-comparison: a value compared with itself (`x == x`, `x < x`, `x between x and 3`)."""

from __future__ import annotations

from ... import ast
from ..registry import Finding, rule
from ..ast_tools import reads_data, scoped_nodes, shape, text_of

# x op x is TRUE for a non-null x with these (and `x in [x, ...]`), FALSE with != < > (and `not in`);
# for a null x it is UNKNOWN either way. Values are totally ordered (floats are never NaN).
_TRUE_UNLESS_NULL = {"==", "<=", ">="}


@rule("L107", "self-comparison", "warning",
      summary="a value compared with itself: 'x == x', 'x < x', 'x between x and 3', 'x in [x, ...]'",
      why="'x == x', 'x <= x' and 'x >= x' are true for every customer whose x is not null, and 'x != x', "
          "'x < x' and 'x > x' are never true; either way one side is almost always a slip for another "
          "field or a value",
      example='''
entity customers { key id: int  age: int  signup_age: int }
segment grew_up: age > age
''',
      fix="compare with the field or value that was meant; write 'x is not null' if that is what is meant")
def check(context):
    for scoped in scoped_nodes(context, ast.Compare, ast.Between, ast.InList):
        node = scoped.node
        if isinstance(node, ast.Compare):
            same = type(node.left) is type(node.right) and shape(node.left) == shape(node.right)
            if same and reads_data(node.left):
                yield _compared(context, node, node.left, node.op)
        elif isinstance(node, ast.Between):
            found = _between(context, node)
            if found is not None:
                yield found
        elif isinstance(node, ast.InList):
            kind = type(node.operand)
            alike = [i for i in node.items.items if type(i) is kind]
            if not alike or not reads_data(node.operand):
                continue
            own = shape(node.operand)
            item = next((i for i in alike if shape(i) == own), None)
            if item is not None:
                yield _compared(context, node, node.operand, "not in" if node.negated else "in", item)


def _compared(context, node, value, op: str, item=None) -> Finding:
    written = text_of(context, value, 40)
    where = item.span if item is not None else node.span
    what = "is in its own list" if item is not None else "is compared with itself"
    if op in _TRUE_UNLESS_NULL or op == "in":
        return Finding(f"'{written}' {what}: this is true for every customer whose "
                       f"'{written}' is not null", where,
                       help=f"compare it with the field or value that was meant, or write '{written} is not null'")
    return Finding(f"'{written}' {what}: this is never true", where,
                   help="compare it with the field or value that was meant")


def _between(context, node: ast.Between) -> Finding | None:
    kind = type(node.operand)
    if type(node.low) is not kind and type(node.high) is not kind or not reads_data(node.operand):
        return None
    own = shape(node.operand)
    low, high = shape(node.low) == own, shape(node.high) == own
    if not (low or high):
        return None
    written = text_of(context, node.operand, 40)
    if low and high:
        meaning = "never true" if node.negated else f"true for every customer whose '{written}' is not null"
        return Finding(f"'{written}' is both bounds of its own range: this is {meaning}", node.span,
                       help="write the bounds that were meant")
    # x between x and h is x <= h (x >= x is true unless x is null, and then both are unknown)
    bound = text_of(context, node.high if low else node.low, 40)
    op = {(True, False): "<=", (False, False): ">=", (True, True): ">", (False, True): "<"}[(low, node.negated)]
    which = "lower" if low else "upper"
    return Finding(f"'{written}' is the {which} bound of its own range: this is only '{written} {op} {bound}'",
                   node.span, help=f"write the {which} bound that was meant, or '{written} {op} {bound}'")
