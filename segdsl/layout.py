"""A small document printer for the formatter (Wadler's "prettier printer", as Prettier runs it).

The formatter describes its output as a tree of `Text`, `Line` (a place where a line may break),
`Group` (its lines break together, or none does), `Indent` and `IfBreak`; `render` picks, group by
group from the outside in, the flat form when it fits in the line length and the broken one
otherwise. Comments ride along: a `Text` carries the trailing comments that follow it (printed at
the end of its output line), a `Line` the own-line comments and blank lines printed before the line
that follows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

BREAK, FLAT = True, False


@dataclass(eq=False)
class Text:
    text: str
    trailing: list[str] = field(default_factory=list)  # comments printed at the end of its line
    source: int | None = None  # where the token it prints is in the source, when that is known


@dataclass(eq=False)
class Line:
    """A space (or nothing, if `soft`) when its group is flat, a line break when the group breaks."""

    soft: bool = False
    hard: bool = False  # always a line break
    forced: bool = False  # a line break: a trailing comment comes before it
    pinned: bool = False  # never a line break (the code of a line with a noqa comment stays on it)
    before: list[str | None] = field(default_factory=list)  # own-line comments; None is a blank line
    comment_indent: int = 0  # extra indentation of those comments (inside a block that ends here)


@dataclass(eq=False)
class Group:
    parts: list
    broken: bool = False  # set by `propagate_breaks`: something inside forces a line break
    pinned: bool = False  # set by `propagate_breaks`: every line inside is pinned, so it prints flat


@dataclass(eq=False)
class Indent:
    parts: list
    by: int = 2


@dataclass(eq=False)
class IfBreak:
    """Text printed only when the enclosing group breaks (a trailing comma), and `line`, the break
    after it, is not pinned."""

    text: str
    line: Line | None = None

    def printed(self, mode: bool) -> bool:
        return mode is BREAK and not (self.line is not None and self.line.pinned)


Doc = Union[Text, Line, Group, Indent, IfBreak, list]


def leaves(doc: Doc, out: list | None = None) -> list:
    """The Text, Line and IfBreak parts in print order."""
    out = [] if out is None else out
    if isinstance(doc, list):
        for part in doc:
            leaves(part, out)
    elif isinstance(doc, (Group, Indent)):
        leaves(doc.parts, out)
    else:
        out.append(doc)
    return out


def propagate_breaks(doc: Doc) -> tuple[bool, bool]:
    """Mark every group holding a line that must break (hard, forced, or with comments before it) as
    broken, with the groups around it, and every group whose lines are all pinned as pinned.
    Returns (`doc` holds a line that must break, `doc` holds a line that is not pinned)."""
    if isinstance(doc, Line):
        return (doc.hard or doc.forced or bool(doc.before)) and not doc.pinned, not doc.pinned
    if isinstance(doc, (Text, IfBreak)):
        return False, False
    must = free = False
    for part in doc if isinstance(doc, list) else doc.parts:
        part_must, part_free = propagate_breaks(part)
        must, free = must or part_must, free or part_free
    if isinstance(doc, Group):
        doc.broken, doc.pinned = doc.broken or must, not free
    return must, free


def render(doc: Doc, width: int) -> str:
    printer = _Printer()
    commands = [(0, BREAK, doc)]
    while commands:
        indent, mode, part = commands.pop()
        if isinstance(part, list):
            commands.extend((indent, mode, p) for p in reversed(part))
        elif isinstance(part, Text):
            printer.write(part.text)
            printer.trailing += part.trailing
        elif isinstance(part, Indent):
            commands.append((indent + part.by, mode, part.parts))
        elif isinstance(part, Group):
            if mode is FLAT and not part.broken or part.pinned:
                commands.append((indent, FLAT, part.parts))
            else:
                flat = not part.broken and _fits((indent, FLAT, part.parts), commands, width - printer.column)
                commands.append((indent, FLAT if flat else BREAK, part.parts))
        elif isinstance(part, IfBreak):
            if part.printed(mode):
                printer.write(part.text)
        elif part.hard or part.forced or (mode is BREAK and not part.pinned):
            printer.newline(indent, part)
        else:
            printer.write("" if part.soft else " ")
    return printer.finish()


def _fits(command, rest: list, remaining: int) -> bool:
    """Whether `command` printed flat, and what follows it up to the next line break, fits."""
    stack, next_rest = [command], len(rest)
    while remaining >= 0:
        if not stack:
            if next_rest == 0:
                return True
            next_rest -= 1
            stack.append(rest[next_rest])
            continue
        indent, mode, part = stack.pop()
        if isinstance(part, list):
            stack.extend((indent, mode, p) for p in reversed(part))
        elif isinstance(part, Text):
            remaining -= len(part.text)
        elif isinstance(part, Indent):
            stack.append((indent, mode, part.parts))
        elif isinstance(part, Group):
            stack.append((indent, BREAK if part.broken else mode, part.parts))
        elif isinstance(part, IfBreak):
            remaining -= len(part.text) if part.printed(mode) else 0
        elif part.hard or part.forced or (mode is BREAK and not part.pinned):
            return True
        else:
            remaining -= 0 if part.soft else 1
    return False


class _Printer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current = ""  # the line being written, its indentation included once it has text
        self.indent = 0  # of the current line, applied when its first text arrives
        self.trailing: list[str] = []  # comments waiting for the end of the current line

    @property
    def column(self) -> int:
        return len(self.current) if self.current else self.indent

    def write(self, text: str) -> None:
        if not text:
            return
        if not self.current:
            text = " " * self.indent + text.lstrip(" ")
        self.current += text

    def _end_line(self) -> None:
        if self.trailing:
            code = self.current.rstrip(" ")
            self.current = (code + "  " if code else " " * self.indent) + "  ".join(self.trailing)
            self.trailing = []
        if self.current:
            self.lines.append(self.current.rstrip(" "))
            self.current = ""

    def newline(self, indent: int, line: Line) -> None:
        # Consecutive breaks make one: an empty line only comes from a blank (None) in `before`.
        self._end_line()
        for entry in line.before:
            if entry is None:
                if self.lines and self.lines[-1] != "":
                    self.lines.append("")
            else:
                self.lines.append(" " * (indent + line.comment_indent) + entry)
        self.indent = indent

    def finish(self) -> str:
        self._end_line()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""
