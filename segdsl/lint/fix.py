"""`segdsl lint --fix`: apply the safe fixes lint findings carry, until none is left.

A fix is a set of text edits a rule promises keeps every segment's members as they are. Each
round applies the fixes whose edits do not overlap an earlier one's, then lints the new text
again (a fix may uncover or settle another finding). A round whose text no longer checks clean,
or names other segments, is a bug in a rule: it is not applied, and the fixing stops there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import SegdslError
from .registry import Edit, lint

MAX_ROUNDS = 10


@dataclass
class Fixed:
    text: str  # the text after every fix
    program: object  # the checked program of that text (its source renders the remaining findings)
    applied: list = field(default_factory=list)  # the findings whose fix was applied, round after round
    remaining: list = field(default_factory=list)  # the findings of the fixed text


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with non-overlapping edits applied (the caller keeps them apart)."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def fix_program(program, settings=None, path: str | None = None) -> Fixed:
    """Every safe fix applied to the program's text; `remaining` are the findings left after them."""
    from ..program import loads

    text, applied = program.source.text, []
    findings = lint(program, with_checker_warnings=True, settings=settings, path=path)
    for _round in range(MAX_ROUNDS):
        chosen, edits, taken = [], [], []
        for finding in findings:
            fix = getattr(finding, "fix", None)
            if fix is None or any(e.start < t_end and t_start < e.end or e.start == e.end == t_start
                                  for e in fix.edits for t_start, t_end in taken):
                continue
            chosen.append(finding)
            edits += fix.edits
            taken += [(e.start, e.end) for e in fix.edits]
        if not chosen:
            break
        candidate = apply_edits(text, edits)
        try:
            fixed = loads(candidate, name=program.source.name, as_of=program.as_of)
        except SegdslError:
            break  # a rule's fix broke the file (a bug in the rule): keep the last good text
        if any(d.is_error for d in fixed.diagnostics) or list(fixed.segments) != list(program.segments):
            break  # the same safety net, for a fix that breaks the types or the names
        text, program = candidate, fixed
        applied += chosen
        findings = lint(program, with_checker_warnings=True, settings=settings, path=path)
    return Fixed(text, program, applied, findings)
