"""L302 missing-description (opt-in): a top-level segment without `description "..."`."""

from __future__ import annotations

from ..registry import Finding, rule


@rule("L302", "missing-description", "warning",
      summary="a top-level segment without a description",
      why="a shared catalogue of audiences is read by people who did not write it: a description says what the "
          "segment is for and is kept with it (in the IR, the Python API and reports). Opt-in: a small or "
          "personal file reads fine without one, and a child segment is explained by its parent and its name",
      example='''
entity customers { key id: int  age: int }
segment adults: age >= 18
''',
      fix="add 'description \"...\"' after the condition: who the audience is and what it is for",
      default=False)
def check(context):
    for segment in context.program.ast.segments:
        if segment.description is None:
            yield Finding(f"segment '{segment.name}' has no description", segment.name_span,
                          help="add 'description \"...\"' after its condition: who they are and what the "
                               "segment is for")
