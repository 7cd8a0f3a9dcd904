"""Suppression comments: `# segdsl: noqa` (every finding on that line), `# segdsl: noqa: L201, L102`
(those codes on that line) and, on a line of its own, `# segdsl: file-noqa: L201` (that code in
the whole file). Warnings of the checker (W...) and lint findings (L...) can be suppressed;
errors cannot. A suppression that suppresses nothing is itself reported (L001)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Diagnostic, warning
from ..source import Source

NOQA = re.compile(r"#\s*segdsl:\s*(?P<kind>file-noqa|noqa)\b(?:\s*:\s*(?P<codes>[A-Za-z0-9_, ]*))?")


@dataclass
class Suppression:
    line: int  # 1-based
    start: int  # offset of the suppression in the file
    codes: frozenset[str] | None  # None: every code (line suppressions only)
    whole_file: bool
    used: set


def suppressions(source: Source) -> list[Suppression]:
    found, offset = [], 0
    for number, line in enumerate(source.text.split("\n"), start=1):
        at = _comment_start(line) if "noqa" in line else None  # (the scan is slow: only where it may matter)
        if at is not None:
            m = NOQA.search(line, at)  # anywhere in the comment: "# why  # segdsl: noqa"
            if m:
                codes = m.group("codes")
                listed = frozenset(c.strip().upper() for c in codes.split(",") if c.strip()) if codes else None
                found.append(Suppression(number, offset + m.start(), listed, m.group("kind") == "file-noqa", set()))
        offset += len(line) + 1
    return found


def _comment_start(line: str) -> int | None:
    """Where the line's comment starts: a '#' outside a string."""
    quoted, i = False, 0
    while i < len(line):
        ch = line[i]
        if quoted and ch == "\\":
            i += 2  # an escaped character, a quote among them
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == "#" and not quoted:
            return i
        i += 1
    return None


def apply(diagnostics: list[Diagnostic], source: Source, known: set[str]) -> list[Diagnostic]:
    """The diagnostics that no suppression covers, then L001 for each suppression that covered none."""
    marks = suppressions(source)
    kept = []
    for d in diagnostics:
        if d.is_error or d.span is None:
            kept.append(d)
            continue
        mark = next((m for m in marks if (m.whole_file or m.line == d.span.line)
                     and (m.codes is None or d.code in m.codes)), None)
        if mark is None:
            kept.append(d)
        else:
            mark.used.add(d.code)
    for m in marks:
        span = source.span(m.start, m.start + 1)
        if m.whole_file and m.codes is None:
            kept.append(warning("L001", "a file-wide suppression names the codes it suppresses", span,
                                help="# segdsl: file-noqa: L201"))
            continue
        unknown = sorted((m.codes or set()) - known)
        if unknown:
            kept.append(warning("L001", f"this suppression names unknown code{'s' if len(unknown) > 1 else ''} "
                                        f"{', '.join(unknown)}", span, help="the codes are in docs/rules.md and docs/diagnostics.md"))
        unused = sorted((m.codes or set()) - m.used - set(unknown))
        if m.codes is None and not m.used or unused:
            what = "nothing" if m.codes is None else ", ".join(unused) + ": no such finding " + (
                "in this file" if m.whole_file else "on this line")
            kept.append(warning("L001", f"this suppression suppresses {what}", span,
                                help="remove it, or the codes that no longer apply"))
    return sorted(kept, key=lambda d: (d.span.start if d.span else -1, d.code))
