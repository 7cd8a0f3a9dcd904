"""L206 redundant-boolean-comparison: `flag == true` is `flag`, `flag == false` is `not flag`."""

from __future__ import annotations

from ... import ast
from ..registry import Finding, Fix, rule
from ..ast_tools import clean_gap, replace, scoped_nodes, shortened, text_of, type_of


@rule("L206", "redundant-boolean-comparison", "warning",
      summary="a true/false value compared with 'true' or 'false': 'newsletter == true', 'newsletter != true'",
      why="the comparison adds nothing: 'x == true' and 'x != false' are 'x', and 'x == false' and 'x != true' are "
          "'not x', for every customer, since a null x makes both sides unknown (docs/semantics.md). The "
          "comparison makes the reader wonder whether nulls are treated differently; they are not",
      example='''
entity customers { key id: int  newsletter: bool }
segment subscribed: newsletter == true
segment unsubscribed: newsletter != true
''',
      fix="write 'newsletter' or 'not newsletter'; `segdsl lint --fix` rewrites it (to keep customers whose value "
          "is null, write 'not coalesce(newsletter, false)' instead)",
      fixable=True)
def check(context):
    for scoped in scoped_nodes(context, ast.Compare):
        node = scoped.node
        if node.op not in ("==", "!="):
            continue
        for value, literal in ((node.left, node.right), (node.right, node.left)):
            if not isinstance(literal, ast.BoolLit) or isinstance(value, ast.BoolLit):
                continue
            type_ = type_of(value, scoped, context)
            if type_ is None or type_.kind != "bool":
                continue  # a value of unknown type (no entity block) may not be a bool in the database
            keep = (node.op == "==") == literal.value  # == true, != false: the value itself
            written = text_of(context, value)
            rewrite = written if keep else f"not {written}"
            start, end = min(value.span.start, literal.span.start), max(value.span.end, literal.span.end)
            gap = (node.left.span.end, node.right.span.start)
            fix = (Fix(f"write '{shortened(rewrite)}'", (replace(context, start, end, rewrite),))
                   if clean_gap(context, *gap) else None)
            yield Finding(f"'{text_of(context, node.left, 30)} {node.op} {text_of(context, node.right, 30)}' is the "
                          f"same as '{shortened(rewrite)}', for every customer", node.span,
                          help=f"write '{shortened(rewrite)}'", fix=fix)
            break
