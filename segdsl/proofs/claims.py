"""The checker's questions about a program's claims: a `disjoint` parent whose children overlap (E222),
an `exhaustive` one with a member in no child (E223), a claim beyond the reasoning (W201), and a
ruleset's rule that can never match (W202)."""

from __future__ import annotations

import itertools

from .. import ast, ir
from ..diagnostics import Diagnostic, error, warning
from .space import CannotDecide, Space


def prove_claims(checked, declared, rulesets: list[ast.Ruleset], diags: list[Diagnostic]) -> None:
    """E222/E223 for a refuted `disjoint`/`exhaustive`, W201 where it cannot be decided; W202 for a
    rule that can never match."""
    for decl in declared:
        node = decl.node
        if decl.origin != "segment" or not (node.exhaustive or node.disjoint):
            continue
        # the children written in braces; a split's arms only when there are none (they share out all members)
        below = checked.children(decl.name)
        children = [c for c in below if checked.segments[c].origin == "segment"] or below
        if not children:
            span = node.exhaustive or node.disjoint
            diags.append(error("E221", f"segment '{decl.name}' has no children to be exhaustive or disjoint",
                               span, help="declare its children in braces: segment s: ... disjoint { segment a: ... }"))
            continue
        space = Space(checked)
        if node.disjoint:
            _disjoint(space, decl.name, children, node.disjoint, diags)
        if node.exhaustive:
            _exhaustive(space, decl.name, children, node.exhaustive, diags)
    for ruleset in rulesets:
        if ruleset.name in checked.labels:
            _shadowed(Space(checked), ruleset, diags)


def _disjoint(space, name: str, children: list[str], span, diags: list[Diagnostic]) -> None:
    for a, b in itertools.combinations(children, 2):
        try:
            found = space.find([(ir.SegRef(a), True), (ir.SegRef(b), True)])
        except CannotDecide as why:
            diags.append(warning("W201", f"cannot prove the children of '{name}' disjoint: {why}", span,
                                 help="segdsl reasons about comparisons of fields with constants only"))
            return
        if found is not None:
            diags.append(error("E222", f"the children of '{name}' are declared disjoint, but '{a}' and '{b}' overlap",
                               span, help=f"for example a customer with {found} is in both"))


def _exhaustive(space, name: str, children: list[str], span, diags: list[Diagnostic]) -> None:
    try:
        found = space.find([(ir.SegRef(name), True), *((ir.SegRef(c), False) for c in children)])
    except CannotDecide as why:
        diags.append(warning("W201", f"cannot prove the children of '{name}' exhaustive: {why}", span,
                             help="segdsl reasons about comparisons of fields with constants only"))
        return
    if found is not None:
        diags.append(error("E223", f"the children of '{name}' are declared exhaustive, but some of its members "
                                   "are in none of them", span, help=f"for example a customer with {found}"))


def _shadowed(space, ruleset: ast.Ruleset, diags: list[Diagnostic]) -> None:
    names = [r.name for r in ruleset.rules] + ([ruleset.otherwise] if ruleset.otherwise else [])
    spans = [r.name_span for r in ruleset.rules] + [ruleset.otherwise_span]
    for i, (rule, span) in enumerate(zip(names, spans)):
        try:
            found = space.find([(ir.SegRef(f"{ruleset.name}.{rule}"), True)])
        except CannotDecide:
            continue  # only a proof is worth a warning here
        if found is None:
            what = "earlier rules already label every customer it would" if i else "its condition is never true"
            if rule == ruleset.otherwise:
                what = "the rules above it label every customer"
            diags.append(warning("W202", f"rule '{rule}' of ruleset '{ruleset.name}' can never match: {what}", span,
                                 help="reorder the rules or drop this one"))
