"""L111 redundant-not: `not (x == 1)` is `x != 1`; `not (x in [...])` is `x not in [...]`; `not not x` is `x`."""

from __future__ import annotations

from ... import ast
from ..registry import Finding, Fix, rule
from ..ast_tools import clean_gap, inner_start, replace, scoped_nodes, shortened, span

_NEGATED = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}


@rule("L111", "redundant-not", "warning",
      summary="'not' on a comparison, a list or range test, a null test or another 'not': 'not (age == 30)', "
              "'not (x in [...])', 'not (x is null)', 'not not x'",
      why="each has a direct form that means exactly the same for every customer, nulls included: 'not (a == b)' "
          "is 'a != b' (both unknown for a null), 'not (a < b)' is 'a >= b' (values are totally ordered: text by "
          "code point, floats are never NaN), 'not (x in L)' is 'x not in L', 'not (x between a and b)' is 'x not "
          "between a and b', 'not (x is null)' is 'x is not null', and 'not not x' is 'x'. The direct form is "
          "easier to read, and the null trap of '!=' (L201) becomes visible",
      example='''
entity customers { key id: int  age: int  email: string }
segment not_thirty: not (age == 30)
segment with_email: not (email is null)
''',
      fix="write the direct form; `segdsl lint --fix` rewrites it", fixable=True)
def check(context):
    text = context.program.source.text
    for scoped in scoped_nodes(context, ast.Not):
        node = scoped.node
        operand = node.operand
        rewrite = _direct(context, text, operand)
        if rewrite is None:
            continue
        start, end = inner_start(context, node), operand.span.end
        short, written = shortened(rewrite), shortened(text[start:end])
        # The rewrite keeps the operands' text and drops only keywords, operators and parentheses: no
        # fix when a comment stands among those.
        dropped = [(start, operand.span.start), _gap(context, operand), (_last(operand).span.end, end)]
        fix = (Fix(f"write '{short}'", (replace(context, start, end, rewrite),))
               if all(clean_gap(context, a, b) for a, b in dropped) else None)
        yield Finding(f"'{written}' is '{short}'", span(context, start, end), help=f"write '{short}'", fix=fix)


def _direct(context, text: str, operand) -> str | None:
    """The operand negated in its own syntax, as text; None when it has no negated form."""
    if isinstance(operand, ast.Compare):
        return (text[inner_start(context, operand):operand.op_span.start] + _NEGATED[operand.op] +
                text[operand.op_span.end:operand.right.span.end])
    if isinstance(operand, ast.InList):
        return _flip(text, operand, operand.items.span.start, operand.items.span.end, "in")
    if isinstance(operand, ast.Between):
        return _flip(text, operand, operand.low.span.start, operand.high.span.end, "between")
    if isinstance(operand, ast.IsNull):
        return _text(text, operand.operand) + (" is null" if operand.negated else " is not null")
    if isinstance(operand, ast.Not):
        return _text(text, operand.operand)
    return None


def _flip(text: str, node, gap_end: int, end: int, word: str) -> str:
    """`x in L` <-> `x not in L`, `x between a and b` <-> `x not between a and b`."""
    keyword = f" {word} " if node.negated else f" not {word} "
    return _text(text, node.operand) + keyword + text[gap_end:end]


def _gap(context, node) -> tuple[int, int]:
    """The text between the negatable node's parts that the rewrite drops or rewrites."""
    if isinstance(node, ast.Compare):
        return node.left.span.end, node.right.span.start
    if isinstance(node, ast.InList):
        return node.operand.span.end, node.items.span.start
    if isinstance(node, ast.Between):
        return node.operand.span.end, node.low.span.start
    if isinstance(node, ast.IsNull):
        return node.operand.span.end, node.span.end
    return inner_start(context, node), node.operand.span.start  # Not


def _last(node):
    """The last part of a negatable node: after it come only keywords and parentheses."""
    if isinstance(node, ast.Compare):
        return node.right
    if isinstance(node, ast.InList):
        return node.items
    if isinstance(node, ast.Between):
        return node.high
    return node.operand if isinstance(node, ast.Not) else node  # IsNull: its 'is null' is in _gap


def _text(text: str, node) -> str:
    return text[node.span.start:node.span.end]


