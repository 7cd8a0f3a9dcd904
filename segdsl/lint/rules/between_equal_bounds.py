"""L109 between-equal-bounds: `x between 5 and 5` is `x == 5`."""

from __future__ import annotations

from ... import ast
from ..registry import Finding, Fix, rule
from ..ast_tools import clean_gap, replace, scoped_nodes, shape, text_of


@rule("L109", "between-equal-bounds", "warning",
      summary="a range whose two bounds are the same: 'age between 30 and 30'",
      why="'x between a and a' is 'x == a' ('x not between a and a' is 'x != a') for every customer, nulls "
          "included, so either a bound is a slip ('30 and 39' was meant) or the comparison says it more plainly",
      example='''
entity customers { key id: int  age: int }
segment thirty: age between 30 and 30
''',
      fix="correct the bound that was meant, or write 'age == 30'; `segdsl lint --fix` writes '=='",
      fixable=True)
def check(context):
    text = context.program.source.text
    for scoped in scoped_nodes(context, ast.Between):
        node = scoped.node
        if shape(node.low) != shape(node.high):
            continue
        op = "!=" if node.negated else "=="
        bound = text[node.low.span.start:node.low.span.end]  # a `sum`, as the right side of `==` takes
        rewrite = f"{text_of(context, node.operand, 40)} {op} {text_of(context, node.low, 40)}"
        dropped = [(node.operand.span.end, node.low.span.start), (node.low.span.end, node.high.span.end)]
        fix = (Fix(f"write '{op}'", (replace(context, node.operand.span.end, node.high.span.end, f" {op} {bound}"),))
               if all(clean_gap(context, a, b) for a, b in dropped) else None)
        yield Finding(f"both bounds of this range are {text_of(context, node.low, 40)}: it is '{rewrite}'", node.span,
                      help=f"correct the bound that was meant, or write '{rewrite}'", fix=fix)
