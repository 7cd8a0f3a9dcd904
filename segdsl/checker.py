"""Checker stage: AST -> CheckedProgram (schema + typed IR per segment) and every diagnostic.

Checks names, types and the schema (see schema.py and typecheck.py), duplicate
segments and reference cycles. It never stops at the first mistake: each
segment is checked on its own and all diagnostics are collected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import ast, ir
from .diagnostics import Diagnostic, error
from .gcpause import gc_paused
from .hierarchy import Declared, check_sample, flatten, sampled
from .labelcheck import check_partition, check_ruleset
from .proofs import prove_claims
from .schema import Schema, build_schema
from .typecheck import ExprChecker


@dataclass
class CheckedProgram:
    schema: Schema
    segments: dict[str, ir.SegmentIR]
    as_of: dt.datetime
    diagnostics: list[Diagnostic] = field(default_factory=list)
    labels: dict[str, ir.LabelIR] = field(default_factory=dict)  # partitions and rulesets

    def children(self, name: str | None) -> list[str]:
        """The segments right below `name` in the hierarchy (top-level segments for None)."""
        return [s.name for s in self.segments.values() if s.parent == name and s.origin != "rule"]

    def pretty(self) -> str:
        """The printable IR: what `segdsl ir FILE` shows."""
        lines = []
        if self.schema.name:
            lines.append(f"entity {self.schema.name} key {self.schema.key}")
            lines += [f"  {name}: {t}" for name, t in self.schema.fields.items()]
        for table in self.schema.events.values():
            lines.append(f"events {table.name} of {self.schema.name} by {table.by} at {table.at}")
            lines += [f"  {name}: {t}" for name, t in table.fields.items()]
        lines.append(f"as_of {self.as_of.isoformat()}")
        lines += [f"segment {s.name}: {ir.pretty(s.condition)}" for s in self.segments.values()]
        lines += [f"{label.kind} {label.name}: {ir.pretty(label.value)}" for label in self.labels.values()]
        return "\n".join(lines)


def check(program: ast.Program, as_of: dt.datetime) -> CheckedProgram:
    with gc_paused():
        return _check(program, as_of)


def _check(program: ast.Program, as_of: dt.datetime) -> CheckedProgram:
    schema, diags = build_schema(program)
    declared = flatten(program.segments)
    # A rule's segment is named ruleset.rule: unique once the ruleset's name is (check_ruleset sees to the rule).
    rule_names = [f"{rs.name}.{r.name}" for rs in program.rulesets for r in rs.rules]
    rule_names += [f"{rs.name}.{rs.otherwise}" for rs in program.rulesets if rs.otherwise]
    taken: dict[str, object] = {}  # every name a segment, partition or ruleset has: the first one's span
    kept: list[Declared] = []
    for decl in declared:
        span = decl.node.name_span
        if _unique(decl.name, span, taken, schema, diags, "segment"):
            kept.append(decl)
    labels_nodes = [*program.partitions, *program.rulesets]
    kept_labels = [n for n in labels_nodes if _unique(n.name, n.name_span, taken, schema, diags, n.kind)]
    segment_names = {d.name for d in kept} | set(rule_names)
    checker = ExprChecker(schema, segment_names, as_of, diags, labels={n.name: n.kind for n in kept_labels})
    segments: dict[str, ir.SegmentIR] = {}
    bases: dict[int, ir.Expr | None] = {}  # id(segment node) -> its condition with its parent's
    bounds: dict[int, list[int] | None] = {}
    for decl in kept:
        node = decl.node
        if id(node) not in bases:
            own = checker.condition(node.condition)
            bases[id(node)] = own if own is None or decl.parent is None else ir.And((ir.SegRef(decl.parent), own))
            bounds[id(node)] = None if node.sample is None else check_sample(node.sample, schema, diags)
        base = bases[id(node)]
        if base is None or node.sample is not None and bounds[id(node)] is None:
            continue
        condition = base if node.sample is None else sampled(decl, base, bounds[id(node)], schema)
        description, tags = (node.description, tuple(node.tags)) if decl.origin == "segment" else (None, ())
        segments[decl.name] = ir.SegmentIR(decl.name, condition, description, tags, node.name_span,
                                           decl.parent, decl.origin)
    labels: dict[str, ir.LabelIR] = {}
    for node in kept_labels:
        if isinstance(node, ast.Partition):
            label = check_partition(node, checker)
        else:
            checked_rules = check_ruleset(node, checker)
            label = None
            if checked_rules is not None:
                label, rules = checked_rules
                segments.update((s.name, s) for s in rules)
        if label is not None:
            labels[node.name] = label

    # File order: a ruleset's rules where the ruleset is (a holdout or arm right after its segment)
    segments = dict(sorted(segments.items(), key=lambda item: item[1].span.start))
    refs = {name: ir.segment_refs(s.condition) for name, s in segments.items()}
    _check_cycles(refs, {name: s.span for name, s in segments.items()}, diags)
    checked = CheckedProgram(schema, segments, as_of, diags, labels)
    if not any(d.is_error for d in diags):
        prove_claims(checked, kept, program.rulesets, diags)
    return checked


def _unique(name: str, span, taken: dict, schema: Schema, diags: list[Diagnostic], kind: str) -> bool:
    """Whether `name` is free for a segment, partition or ruleset (else the diagnostic is added)."""
    if name in taken:
        first = taken[name]
        diags.append(error("E204", f"{kind} '{name}' is defined twice", span,
                           help=f"the first definition is on line {first.line}; rename one of them"))
        return False
    if name in schema.events:
        diags.append(error("E214", f"{kind} '{name}' has the name of an event table", span,
                           help=f"give the {kind} a name of its own"))
        return False
    if name in schema.fields:
        diags.append(error("E209", f"{kind} '{name}' has the name of a field", span,
                           help=f"give the {kind} a name of its own, so conditions can tell them apart"))
        return False
    taken[name] = span
    return True


def _check_cycles(refs: dict[str, list[str]], spans: dict, diags: list[Diagnostic]) -> None:
    state: dict[str, int] = {}  # 1 visiting, 2 done
    reported: set[frozenset[str]] = set()

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for ref in refs.get(name, ()):
            if state.get(ref) == 1:
                cycle = path[path.index(ref):] + [ref]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    diags.append(error("E206", f"segment '{ref}' refers to itself: " + " -> ".join(cycle),
                                       spans[ref],
                                       help="a segment cannot be defined in terms of itself; break the cycle"))
            elif ref in refs and state.get(ref) is None:
                visit(ref, path + [ref])
        state[name] = 2

    for name in refs:
        if state.get(name) is None:
            visit(name, [name])
