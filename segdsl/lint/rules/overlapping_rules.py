"""L105 overlapping-rules (opt-in): two rules of a ruleset that can match the same customer."""

from __future__ import annotations

from ... import ir
from ...proofs import Analysis, CannotDecide, Space
from ..registry import Finding, rule


@rule("L105", "overlapping-rules", "warning", default=False,
      summary="a rule of a ruleset whose condition can be true for a customer an earlier rule also matches",
      why="the first rule that matches gives the label, so the later rule silently loses those customers, and "
          "its condition alone no longer says who gets its label; the finding shows a customer both match. It is "
          "opt-in because tiered rulesets overlap on purpose ('gold: value >= 1000' before 'silver: value >= "
          "500'); turn it on where rules are meant to be disjoint. A rule the earlier ones take entirely is the "
          "checker's W202; conditions beyond the checker's reasoning (text search, arithmetic, aggregates ...) are "
          "not compared",
      example='''
entity customers { key id: int  age: int  city: string }
ruleset region exclusive {
  local: city == "Wrocław"
  young: age < 30
  else: other
}
''',
      fix="make the conditions disjoint (`young: age < 30 and city != \"Wrocław\"`), or reorder the rules so the "
          "one meant to win comes first and say so in a comment; if the overlap is intended, leave L105 off")
def check(context):
    yield from _findings(context)  # (lint() keeps the collector paused)


def _findings(context):
    checked = context.checked
    for ruleset in context.program.ast.rulesets:
        if ruleset.name not in checked.labels:
            continue
        scope = [(ir.IsTrue(ir.SegRef(ruleset.of.name)), True)] if ruleset.of is not None else []
        conditions = []
        for written in ruleset.rules:
            segment = checked.segments[f"{ruleset.name}.{written.name}"]
            last = segment.condition.items[-1] if isinstance(segment.condition, ir.And) else segment.condition
            conditions.append(last.item)  # the rule's own condition, inside IsTrue
        for j in range(1, len(ruleset.rules)):
            later = ruleset.rules[j]
            if Analysis.of(checked).empty(f"{ruleset.name}.{later.name}") is True:
                continue  # it never matches at all: the checker's W202
            for i in range(j):
                try:
                    found = Space(checked).find([*scope, (conditions[i], True), (conditions[j], True)])
                except CannotDecide:
                    continue
                if found is not None:
                    earlier = ruleset.rules[i].name
                    yield Finding(f"rule '{later.name}' of ruleset '{ruleset.name}' can match customers the earlier "
                                  f"rule '{earlier}' matches: they get '{earlier}'", later.name_span,
                                  help=f"for example a customer with {found}; make the conditions disjoint, or "
                                       f"leave the overlap if the order is meant to decide")
                    break
