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
from .schema import Schema, build_schema
from .typecheck import ExprChecker


@dataclass
class CheckedProgram:
    schema: Schema
    segments: dict[str, ir.SegmentIR]
    as_of: dt.datetime
    diagnostics: list[Diagnostic] = field(default_factory=list)

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
        return "\n".join(lines)


def check(program: ast.Program, as_of: dt.datetime) -> CheckedProgram:
    with gc_paused():
        return _check(program, as_of)


def _check(program: ast.Program, as_of: dt.datetime) -> CheckedProgram:
    schema, diags = build_schema(program)
    segment_nodes: dict[str, ast.Segment] = {}
    for seg in program.segments:
        if seg.name in segment_nodes:
            first = segment_nodes[seg.name]
            diags.append(error("E204", f"segment '{seg.name}' is defined twice", seg.name_span,
                               help=f"the first definition is on line {first.name_span.line}; rename one of them"))
            continue
        if seg.name in schema.events:
            diags.append(error("E214", f"segment '{seg.name}' has the name of an event table", seg.name_span,
                               help="give the segment a name of its own"))
            continue
        if seg.name in schema.fields:
            diags.append(error("E209", f"segment '{seg.name}' has the name of a field", seg.name_span,
                               help="give the segment a name of its own, so conditions can tell them apart"))
            continue
        segment_nodes[seg.name] = seg

    checker = ExprChecker(schema, set(segment_nodes), as_of, diags)
    segments: dict[str, ir.SegmentIR] = {}
    refs: dict[str, list[str]] = {}  # segment -> the segments its condition names
    for name, seg in segment_nodes.items():
        condition = checker.condition(seg.condition)
        if condition is not None:
            segments[name] = ir.SegmentIR(name, condition, seg.description, tuple(seg.tags), seg.name_span)
            refs[name] = sorted(checker.segment_refs)

    _check_cycles(refs, segment_nodes, diags)
    return CheckedProgram(schema, segments, as_of, diags)


def _check_cycles(refs: dict[str, list[str]], nodes: dict[str, ast.Segment], diags: list[Diagnostic]) -> None:
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
                                       nodes[ref].name_span,
                                       help="a segment cannot be defined in terms of itself; break the cycle"))
            elif ref in refs and state.get(ref) is None:
                visit(ref, path + [ref])
        state[name] = 2

    for name in refs:
        if state.get(name) is None:
            visit(name, [name])
