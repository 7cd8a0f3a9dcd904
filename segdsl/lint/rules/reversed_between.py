"""L110 reversed-between: `age between 50 and 18`: a range whose low bound is above its high bound."""

from __future__ import annotations

from ... import ast
from ...timeutil import parse_date, parse_timestamp
from ..registry import Finding, rule
from ..ast_tools import scoped_nodes, text_of


@rule("L110", "reversed-between", "error",
      summary="a range whose first bound is greater than its second: 'age between 50 and 18'",
      why="'x between a and b' is 'a <= x and x <= b', so with a > b no value is inside: the test is never "
          "true ('not between' is true for every customer whose value is not null). It is an error: the bounds "
          "are certainly written the wrong way round",
      example='''
entity customers { key id: int  age: int }
segment young_adults: age between 50 and 18
''',
      fix="write the smaller bound first: 'age between 18 and 50'")
def check(context):
    for scoped in scoped_nodes(context, ast.Between):
        node = scoped.node
        low, high = _constant(node.low), _constant(node.high)
        if low is None or high is None or low[0] != high[0] or not low[1] > high[1]:
            continue
        a, b, x = text_of(context, node.low, 40), text_of(context, node.high, 40), text_of(context, node.operand, 40)
        meaning = (f"true for every customer whose '{x}' is not null" if node.negated else "never true")
        yield Finding(f"{a} is greater than {b}, so no value lies between them: this test is {meaning}", node.span,
                      help=f"write the smaller bound first: '{x} {'not ' if node.negated else ''}between {b} and {a}'")


def _constant(node):
    """(kind, value) of a literal bound that can be ordered: a number, a text, date(...) or timestamp(...)."""
    if isinstance(node, ast.NumberLit):  # compared as floats: an int meets a float as the nearest float
        return "number", float(node.value)
    if isinstance(node, ast.StringLit):
        return "text", node.value
    if (isinstance(node, ast.Call) and node.name in ("date", "timestamp") and len(node.args) == 1
            and isinstance(node.args[0], ast.StringLit)):
        try:
            parse = parse_date if node.name == "date" else parse_timestamp
            return node.name, parse(node.args[0].value)
        except ValueError:  # pragma: no cover - the checker has accepted it
            return None
    return None
