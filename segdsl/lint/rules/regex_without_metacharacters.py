"""L204 regex-without-metacharacters: `email matches "gmail"` is `email contains "gmail"`."""

from __future__ import annotations

import re

import re._constants as C  # the standard library's regex parser, as segdsl/regex.py reads patterns
import re._parser as P

from ... import ast
from ..registry import Finding, Fix, rule
from ..ast_tools import clean_gap, replace, scoped_nodes, string_literal, text_of

# (anchored at the start, anchored at the end) -> the text test a plain pattern is
TEXT_TESTS = {(False, False): "contains", (True, False): "starts_with", (False, True): "ends_with", (True, True): "=="}


@rule("L204", "regex-without-metacharacters", "warning",
      summary="a 'matches' pattern that is plain text, with at most '^' and '$': 'contains', 'starts_with', "
              "'ends_with' or '==' says the same",
      why="a regular expression asks the reader (and the database) for more than the test needs; 'matches' "
          "searches anywhere in the text and '$' is its very end (docs/semantics.md), so 'x matches \"abc\"' is "
          "exactly 'x contains \"abc\"', '^abc' 'starts_with', 'abc$' 'ends_with' and '^abc$' '=='. "
          "('imatches' is not flagged: lower() is not quite the same as ignoring case. Patterns outside the "
          "portable subset are already error E310 of the checker)",
      example='''
entity customers { key id: int  email: string }
segment gmail: email matches "@gmail\\\\.com$"
''',
      fix="use the text test; `segdsl lint --fix` rewrites it", fixable=True)
def check(context):
    for scoped in scoped_nodes(context, ast.StringOp):
        node = scoped.node
        if not (node.op == "matches" and isinstance(node.pattern, ast.StringLit)):
            continue
        plain = plain_pattern(node.pattern.value)
        if plain is None:
            continue
        starts, text, ends = plain
        op = TEXT_TESTS[(starts, ends)]
        literal = string_literal(text)
        rewrite = f"{text_of(context, node.operand, 40)} {op} {literal}"
        gap = (node.operand.span.end, node.pattern.span.start)
        fix = None
        if clean_gap(context, *gap):
            between = re.sub(r"\bmatches\b", op, context.program.source.text[gap[0]:gap[1]], count=1)
            fix = Fix(f"write '{op}'", (replace(context, node.operand.span.end, node.pattern.span.end,
                                                 between + literal),))
        yield Finding(f"the pattern {text_of(context, node.pattern, 40)} is plain text: '{op} {literal}' is the same "
                      "test without a regular expression", node.span, help=f"write '{rewrite}'", fix=fix)


def plain_pattern(pattern: str) -> tuple[bool, str, bool] | None:
    """(anchored at the start, the text, anchored at the end) for a pattern that matches one fixed
    text (non-empty, unless it is '^$'; escaped characters and one-character classes such as '[.]'
    included), else None."""
    try:
        items = list(P.parse(pattern, 0))
    except re.error:  # pragma: no cover - the checker has accepted it
        return None
    starts = bool(items) and items[0] == (C.AT, C.AT_BEGINNING)
    ends = len(items) > starts and items[-1] == (C.AT, C.AT_END)
    chars = []
    for op, av in items[int(starts):len(items) - int(ends)]:
        if op == C.LITERAL:
            chars.append(chr(av))
        elif op == C.IN and len(av) == 1 and av[0][0] == C.LITERAL:
            chars.append(chr(av[0][1]))
        else:
            return None
    if not chars and not (starts and ends):
        return None  # "" or "^" matches every text: that is 'is not null', not a text test
    return starts, "".join(chars), ends
