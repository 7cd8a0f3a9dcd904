"""L108 single-value-list: `x in ["a"]` is `x == "a"`, `x not in ["a"]` is `x != "a"` (opt-in)."""

from __future__ import annotations

from ... import ast
from ..registry import Finding, Fix, rule
from ..ast_tools import SUM_LEVEL, clean_gap, replace, scoped_nodes, shortened, text_of


@rule("L108", "single-value-list", "warning",
      summary="an 'in' or 'not in' list of one value: 'sport in [\"road\"]' is 'sport == \"road\"'",
      why="'x in [a]' is 'x == a' and 'x not in [a]' is 'x != a' for every customer, nulls included; the "
          "comparison says it more plainly. Opt-in: a one-value list is often written to grow (a campaign's "
          "list of cities), and rewriting it back and forth is churn",
      example='''
entity customers { key id: int  sport: enum("road", "mountain", "gravel") }
segment road: sport in ["road"]
''',
      fix="write '==' or '!='; `segdsl lint --fix` rewrites it", default=False, fixable=True)
def check(context):
    for scoped in scoped_nodes(context, ast.InList):
        node = scoped.node
        if len(node.items.items) != 1:
            continue
        (item,) = node.items.items
        value = text_of(context, item)
        if not isinstance(item, SUM_LEVEL):
            value = f"({value})"  # a condition as the value: `==` takes a sum on its right
        op = "!=" if node.negated else "=="
        rewrite = f"{text_of(context, node.operand, 40)} {op} {shortened(value, 40)}"
        # Dropped: the keywords and brackets between the operand and the item, and after the item.
        dropped = [(node.operand.span.end, item.span.start), (item.span.end, node.items.span.end)]
        fix = (Fix(f"write '{op}'", (replace(context, node.operand.span.end, node.items.span.end, f" {op} {value}"),))
               if all(clean_gap(context, a, b) for a, b in dropped) else None)
        yield Finding(f"a list of one value: this is '{rewrite}'", node.span, help=f"write '{rewrite}'", fix=fix)
