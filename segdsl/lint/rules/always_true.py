"""L102 always-true-condition: a segment every customer is in."""

from __future__ import annotations

from ... import ir
from ...proofs import Analysis
from ..registry import Finding, rule


@rule("L102", "always-true-condition", "warning",
      summary="a segment whose condition is true for every customer, nulls included",
      why="a segment is a choice of customers; one that takes everybody usually hides a mistake "
          "(age >= 0 or age < 0 is not it: a null age is in neither, so that one is not flagged)",
      example='''
entity customers { key id: int  sport: enum("road", "mountain") }
segment everyone: sport == "road" or sport != "road" or sport is null
''',
      fix="write the condition you mean; for a holdout or split of everyone, `true` says so plainly")
def check(context):
    analysis = Analysis.of(context.checked)  # (shared with the other rules that reason about members)
    for name, segment in context.checked.segments.items():
        if segment.origin != "segment" or segment.condition == ir.Lit(True, ir.BOOL):
            continue  # `segment all: true` says it on purpose
        if analysis.empty(name, want=False) is True:
            yield Finding(f"segment '{name}' has every customer as a member: its condition is always true",
                          segment.span, help="write the condition you mean, or 'true' if everyone is meant")
