"""L001 unused-noqa: a suppression comment that suppresses nothing (reported by lint/suppress.py,
which sees every finding first; registered here for its code and documentation)."""

from __future__ import annotations

from ..registry import rule


@rule("L001", "unused-noqa", "warning",
      summary="a `# segdsl: noqa` comment that suppresses nothing, names an unknown code, or is file-wide "
              "without codes",
      why="a suppression outlives the finding it was for, and then hides the next one; an unknown code "
          "suppresses nothing at all",
      example='''
entity customers { key id: int  age: int }
segment adults: age >= 18  # segdsl: noqa: L201
''',
      fix="remove the comment, or the codes that no longer apply")
def check(context):
    return ()  # lint.suppress.apply reports these: only it knows which suppressions were used
