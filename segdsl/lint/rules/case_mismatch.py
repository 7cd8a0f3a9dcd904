"""L202 case-mismatch: `lower(x) == "Road"`: a text of the wrong case that lower()/upper() never gives."""

from __future__ import annotations

from ... import ast
from ...textcase import simple_case
from ..registry import Finding, rule
from ..ast_tools import case_call, scoped_nodes, string_literal, text_of

_NEVER = {"contains": "contains", "starts_with": "starts with", "ends_with": "ends with"}


@rule("L202", "case-mismatch", "error",
      summary="lower(x) or upper(x) compared with a text holding a letter of the other case, which it never holds",
      why="lower() gives no upper-case letter and upper() no lower-case one (segdsl maps each character as "
          "docs/semantics.md says, non-ASCII letters included), so 'lower(city) == \"Paris\"' is never true and "
          "'lower(city) != \"Paris\"' is true for everyone with a city. It is an error, not a warning: the test "
          "cannot do what it says for any customer, so the file is certainly wrong",
      example='''
entity customers { key id: int  city: string }
segment parisians: lower(city) == "Paris"
''',
      fix="write the text in the case the function gives: 'lower(city) == \"paris\"'")
def check(context):
    for scoped in scoped_nodes(context, ast.Compare, ast.InList, ast.StringOp, ast.Dimension):
        node = scoped.node
        if isinstance(node, ast.Compare) and node.op in ("==", "!="):
            for call, text in ((node.left, node.right), (node.right, node.left)):
                if case_call(call) and isinstance(text, ast.StringLit) and _wrong(call.name, text.value):
                    meaning = ("is never" if node.op == "==" else "always differs from")
                    tail = "" if node.op == "==" else ": this is true whenever it is not null"
                    yield _finding(context, call, text, f"so it {meaning} {text_of(context, text, 40)}{tail}")
        elif isinstance(node, ast.InList) and case_call(node.operand):
            what = "excludes nobody" if node.negated else "never matches"
            for item in node.items.items:
                if isinstance(item, ast.StringLit) and _wrong(node.operand.name, item.value):
                    yield _finding(context, node.operand, item, f"so {text_of(context, item, 40)} in this list {what}")
        elif isinstance(node, ast.StringOp) and node.op in _NEVER and case_call(node.operand):
            pattern = node.pattern
            if isinstance(pattern, ast.StringLit) and _wrong(node.operand.name, pattern.value):
                yield _finding(context, node.operand, pattern,
                               f"so it never {_NEVER[node.op]} {text_of(context, pattern, 40)}")
        elif isinstance(node, ast.Dimension) and node.kind == "list" and case_call(node.expr):
            for item in node.items.items:
                if isinstance(item, ast.StringLit) and _wrong(node.expr.name, item.value):
                    yield _finding(context, node.expr, item,
                                   f"so the cell {text_of(context, item, 40)} is always empty")


def _wrong(function: str, value: str) -> bool:
    """Whether lower()/upper() can never give `value`: its mapping is idempotent, so it gives exactly
    the texts it leaves as they are."""
    return simple_case(value, upper=function == "upper") != value


def _finding(context, call: ast.Call, literal: ast.StringLit, consequence: str) -> Finding:
    case = "lower" if call.name == "lower" else "upper"
    meant = string_literal(simple_case(literal.value, upper=call.name == "upper"))
    return Finding(f"'{text_of(context, call, 40)}' is all {case} case, {consequence}", literal.span,
                   help=f"write {meant}")
