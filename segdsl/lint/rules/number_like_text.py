"""L203 number-like-text: `zip_code > "9"`: text ordered against a number written as text."""

from __future__ import annotations

import re

from ... import ast
from ..registry import Finding, rule
from ..ast_tools import scoped_nodes, text_of, type_of

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_ORDERING = {"<", "<=", ">", ">="}


@rule("L203", "number-like-text", "warning",
      summary="text ordered against a number written as text: 'zip_code > \"9\"', 'code between \"1\" and \"20\"'",
      why="text is ordered character by character (docs/semantics.md), not by value: \"10\" < \"9\" and "
          "\"9\" > \"10000\", so 'zip_code > \"9\"' leaves out \"10000\". Equality is not flagged: '==' and 'in' "
          "compare exactly, and leading zeros ('\"007\"') are normal in codes. Text order is number order only "
          "when every value has the same number of digits (five-digit zip codes); then suppress the finding",
      example='''
entity customers { key id: int  zip_code: string }
segment north: zip_code > "9"
''',
      fix="declare the field as an int or float if it holds numbers; keep text only for codes of one fixed "
          "width, compared with bounds of that width")
def check(context):
    for scoped in scoped_nodes(context, ast.Compare, ast.Between):
        node = scoped.node
        if isinstance(node, ast.Compare) and node.op in _ORDERING:
            for side, other in ((node.left, node.right), (node.right, node.left)):
                if _number_like(other) and _text(side, scoped, context):
                    yield _finding(context, side, other)
                    break
        elif isinstance(node, ast.Between) and _text(node.operand, scoped, context):
            bound = next((b for b in (node.low, node.high) if _number_like(b)), None)
            if bound is not None:
                yield _finding(context, node.operand, bound)


def _number_like(node) -> bool:
    return isinstance(node, ast.StringLit) and _NUMBER.fullmatch(node.value) is not None


def _text(node, scoped, context) -> bool:
    type_ = type_of(node, scoped, context)
    return type_ is not None and type_.kind == "string"


def _finding(context, side, literal: ast.StringLit) -> Finding:
    written = text_of(context, side, 40)
    declare = f"if '{written}' holds numbers, declare it as an int or a float; " if isinstance(side, ast.Name) else ""
    return Finding(f"'{written}' is text, so it is ordered against {text_of(context, literal, 20)} character by "
                   "character, not as a number: \"10\" < \"9\"", literal.span,
                   help=f"{declare}text order is number order only for values of one fixed width")
