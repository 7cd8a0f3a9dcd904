"""L301 naming-convention: segment, partition, ruleset and rule names that are not snake_case."""

from __future__ import annotations

import re

from ... import ast
from ..registry import Finding, rule

SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


@rule("L301", "naming-convention", "warning",
      summary="a segment, partition, ruleset or rule name that is not snake_case: lower-case letters and digits, "
              "words joined by one '_'",
      why="the names become column names and labels of the output (a flag column per segment, "
          "'lifecycle.vip'), read by SQL and dashboards, where 'HighValue' and 'high_value' are easy to mix up "
          "and mixed case may need quoting; one convention keeps them predictable. A leading, trailing or "
          "doubled '_' is not snake_case either. The names of the entity, event tables and fields are left "
          "alone: they must match the data (L304 checks them, if asked)",
      example='''
entity customers { key id: int  age: int }
segment HighValue: age > 40
''',
      fix="rename it in snake_case ('high_value') and update the segments, reports and queries that name it; "
          "no automatic fix, since renaming changes the output's column names")
def check(context):
    items = context.program.ast.items
    for _full, segment in context.written_segments():
        yield from _check(segment.name, segment.name_span, "segment")
    for item in items:
        if isinstance(item, ast.Partition):
            yield from _check(item.name, item.name_span, "partition")
        elif isinstance(item, ast.Ruleset):
            yield from _check(item.name, item.name_span, "ruleset")
            for r in item.rules:
                yield from _check(r.name, r.name_span, "rule")
            if item.otherwise is not None:
                yield from _check(item.otherwise, item.otherwise_span, "rule")


def _check(name: str, span, kind: str):
    if SNAKE_CASE.fullmatch(name):
        return
    better = snake_case(name)
    help_text = (f"rename it '{better}'" if better else "use lower-case letters and digits, words joined by '_'")
    yield Finding(f"{kind} name '{name}' is not snake_case", span,
                  help=help_text + "; the name is also its column or label in the output")


def snake_case(name: str) -> str | None:
    """'HighValue' -> 'high_value', 'XMLFeed2' -> 'xml_feed2', '__tmp_' -> 'tmp'; None if that is not a name."""
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", words)
    better = re.sub(r"_+", "_", words.lower()).strip("_")
    return better if SNAKE_CASE.fullmatch(better) else None
