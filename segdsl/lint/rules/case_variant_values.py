"""L207 case-variant-values: `city in ["Paris", "paris"]`: values of one text that differ only in case."""

from __future__ import annotations

from ... import ast
from ...textcase import simple_case
from ..registry import Finding, rule
from ..ast_tools import case_call, scoped_nodes, shape, string_literal, text_of, type_of


@rule("L207", "case-variant-values", "warning",
      summary="values tested against one text that differ only in case: 'city in [\"Paris\", \"paris\"]', "
              "'city == \"Paris\" or city == \"PARIS\"'",
      why="text tests are exact and case-sensitive, so listing case variants one by one suggests that any "
          "case was meant, and the variants not listed ('PaRiS') are silently left out",
      example='''
entity customers { key id: int  city: string }
segment parisians: city in ["Paris", "paris"]
''',
      fix="to match any case, compare the lower-case text: 'lower(city) == \"paris\"' (or 'city imatches "
          "\"^paris$\"'); if only these spellings are meant, add '# segdsl: noqa: L207'")
def check(context):
    flagged: set[int] = set()
    for scoped in scoped_nodes(context, ast.InList, ast.Dimension, ast.BoolOp):
        node = scoped.node
        groups: dict = {}
        if isinstance(node, ast.InList):
            _add(groups, context, scoped, node.operand, node.items.items, node.negated)
        elif isinstance(node, ast.Dimension) and node.kind == "list":
            _add(groups, context, scoped, node.expr, node.items.items, None)
        elif isinstance(node, ast.BoolOp):
            negated = node.kind == "and"  # `x != a and x != b`, `or` of `x == a`
            for operand in node.operands:
                if isinstance(operand, ast.InList) and operand.negated == negated:
                    _add(groups, context, scoped, operand.operand, operand.items.items, negated)
                elif isinstance(operand, ast.Compare) and operand.op == ("!=" if negated else "=="):
                    for side, other in ((operand.left, operand.right), (operand.right, operand.left)):
                        if isinstance(other, ast.StringLit) and not isinstance(side, ast.StringLit):
                            _add(groups, context, scoped, side, [other], negated)
        for (_key, negated), (subject, literals) in groups.items():
            yield from _variants(context, subject, literals, negated, flagged)


def _add(groups: dict, context, scoped, subject, items, negated) -> None:
    if case_call(subject):
        return  # lower(x) in ["Paris", ...] is L202's
    type_ = type_of(subject, scoped, context)
    if type_ is None or type_.kind not in ("string", "any"):
        return  # an enum's values are declared, so its variants are meant
    literals = [i for i in items if isinstance(i, ast.StringLit)]
    if literals:
        groups.setdefault((shape(subject), negated), (subject, []))[1].extend(literals)


def _variants(context, subject, literals: list[ast.StringLit], negated, flagged: set[int]):
    values = list(dict.fromkeys(simple_case(literal.value, upper=False) for literal in literals))
    first: dict[str, str] = {}
    for literal in literals:
        folded = simple_case(literal.value, upper=False)
        seen = first.setdefault(folded, literal.value)
        if seen == literal.value or id(literal) in flagged:
            continue
        flagged.add(id(literal))
        written = text_of(context, subject, 40)
        if negated is None:
            rewrite = f"lower({written}) in [{', '.join(string_literal(v) for v in values)}]"
        elif len(values) == 1:
            rewrite = f"lower({written}) {'!=' if negated else '=='} {string_literal(values[0])}"
        else:
            rewrite = (f"lower({written}) {'not in' if negated else 'in'} "
                       f"[{', '.join(string_literal(v) for v in values)}]")
        yield Finding(f"{text_of(context, literal, 40)} differs from {string_literal(seen)} only in case: text "
                      "tests are case-sensitive, so a spelling that is not listed is not matched", literal.span,
                      help=f"to match any case, write '{rewrite}'")
