"""L106 duplicate-list-value: the same value twice in an `in` / `not in` list."""

from __future__ import annotations

from ... import ast
from ..registry import Finding, Fix, rule
from ..ast_tools import clean_gap, replace, scoped_nodes, shape, text_of


@rule("L106", "duplicate-list-value", "warning",
      summary="the same value twice in an 'in' or 'not in' list",
      why="the second one changes nothing ('x in [a, a]' is 'x in [a]'), so it is usually a slip for a value "
          "that was meant and is missing (a value twice in a partition's list or bands is already error E321)",
      example='''
entity customers { key id: int  sport: enum("road", "mountain", "gravel") }
segment riders: sport in ["road", "mountain", "road"]
''',
      fix="remove the second one, or write the value that was meant; `segdsl lint --fix` removes it",
      fixable=True)
def check(context):
    text = context.program.source.text
    for scoped in scoped_nodes(context, ast.InList):
        node = scoped.node
        items = node.items.items
        seen = set()
        for i, item in enumerate(items):
            key = shape(item)
            if key not in seen:
                seen.add(key)
                continue
            written = text_of(context, item, 40)
            yield Finding(f"{written} is in this list twice", item.span,
                          help=f"remove the second {written}, or write the value that was meant",
                          fix=_removal(context, text, node.items, i))


def _removal(context, text: str, listed: ast.ListExpr, i: int) -> Fix | None:
    """Remove item i with the comma before it (or, after a comment, with the comma after it)."""
    items = listed.items
    item, before = items[i], items[i - 1]
    title = "remove the repeated value"
    if clean_gap(context, before.span.end, item.span.start):
        return Fix(title, (replace(context, before.span.end, item.span.end, ""),))
    end = items[i + 1].span.start if i + 1 < len(items) else listed.span.end - 1
    after = text[item.span.end:end]
    comma = after.find(",")
    if comma < 0 or after[:comma].strip():
        return None
    stop = item.span.end + comma + 1
    while stop < len(text) and text[stop] in " \t":
        stop += 1
    return Fix(title, (replace(context, item.span.start, stop, ""),))
