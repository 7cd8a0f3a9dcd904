"""L101 unsatisfiable-condition: a segment no customer can ever be in."""

from __future__ import annotations

from ...proofs import Analysis
from ..registry import Finding, rule


@rule("L101", "unsatisfiable-condition", "error",
      summary="a segment whose condition can never be true, so it never has members",
      why="a campaign aimed at it reaches nobody; usually two tests of one field contradict each other "
          "(age > 50 and age < 30), or a field is compared with two values at once",
      example='''
entity customers { key id: int  age: int  sport: enum("road", "mountain") }
segment nobody: age > 50 and age < 30
segment both: sport == "road" and sport == "mountain"
''',
      fix="correct the bounds or use 'or'; a segment that is meant to be empty can be deleted")
def check(context):
    analysis = Analysis.of(context.checked)  # (shared with the other rules that reason about members)
    for name, segment in context.checked.segments.items():
        if segment.origin != "segment":
            continue
        if analysis.empty(name) is True:
            yield Finding(f"segment '{name}' can never have members: its condition is never true", segment.span,
                          help="two of its tests contradict each other (or its parent's); correct them or use 'or'")
