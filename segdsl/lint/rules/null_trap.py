"""L201 null-trap: `!=` or `not in` on a field that can be null silently drops the nulls."""

from __future__ import annotations

from ... import ast
from ..registry import Finding, rule, walk_ast


@rule("L201", "null-trap", "warning",
      summary="'!=' or 'not in' on a field that may be null, with no null test of it in the condition",
      why="a comparison with null is unknown, so customers whose field is null are in neither "
          "'x == v' nor 'x != v': they silently drop out of the segment",
      example='''
entity customers { key id: int  sport: enum("road", "mountain", "gravel") }
segment not_road: sport != "road"
''',
      fix="say what nulls do: 'sport != \"road\" or sport is null' to keep them, "
          "'sport is not null and sport != \"road\"' to drop them")
def check(context):
    key = context.checked.schema.key
    for _name, segment in context.written_segments():
        nodes = list(walk_ast(segment.condition))
        tested = {n.operand.name for n in nodes if isinstance(n, ast.IsNull) and isinstance(n.operand, ast.Name)}
        for node in nodes:
            field = _negated_field(node)
            if field is None or field == key or field in tested or field not in context.checked.schema.fields:
                continue
            yield Finding(f"a customer whose '{field}' is null is not a member: this test is unknown for them, "
                          "not true", node.span,
                          help=f"add 'or {field} is null' to keep them, or 'and {field} is not null' to say they are left out")


def _negated_field(node) -> str | None:
    if isinstance(node, ast.Compare) and node.op == "!=":
        for side in (node.left, node.right):
            if isinstance(side, ast.Name):
                return side.name
    if isinstance(node, ast.InList) and node.negated and isinstance(node.operand, ast.Name):
        return node.operand.name
    return None
