"""L304 data-naming-convention (opt-in): entity, event table and field names that are not snake_case."""

from __future__ import annotations

from ..registry import Finding, rule
from .naming_convention import SNAKE_CASE, snake_case


@rule("L304", "data-naming-convention", "warning",
      summary="an entity, event table or field name that is not snake_case",
      why="for teams that also own the data: one convention for tables and columns, as L301 asks of segments. "
          "Opt-in, because these names must be the data's own (the table and column names in the database or "
          "file), which the author of a segment file often cannot change",
      example='''
entity Customers { key id: int  SignupDate: date }
segment recent: SignupDate > date("2026-01-01")
''',
      fix="rename the column in the data, then in the file", default=False)
def check(context):
    program = context.program.ast
    for entity in program.entities:
        yield from _check(entity.name, entity.name_span, "entity")
        for field in entity.fields:
            yield from _check(field.name, field.name_span, "field")
    for events in program.events:
        yield from _check(events.name, events.name_span, "event table")
        declared = {field.name for field in events.fields}
        for name, span in ((events.by, events.by_span), (events.at, events.at_span)):
            if name not in declared:  # a column named only in the header
                yield from _check(name, span, "field", f" of '{events.name}'")
        for field in events.fields:
            yield from _check(field.name, field.name_span, "field", f" of '{events.name}'")


def _check(name: str, span, kind: str, of: str = ""):
    if SNAKE_CASE.fullmatch(name):
        return
    better = snake_case(name)
    yield Finding(f"{kind} name '{name}'{of} is not snake_case", span,
                  help=(f"in snake_case it is '{better}': rename it in the data, then in the file" if better
                        else "use lower-case letters and digits, words joined by '_'"))
