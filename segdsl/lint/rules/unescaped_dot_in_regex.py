"""L205 unescaped-dot-in-regex: `email matches "@gmail.com$"`: a '.' that means any character."""

from __future__ import annotations

import re

from ... import ast
from ..registry import Finding, rule
from ..ast_tools import scoped_nodes, span, string_literal
from .regex_without_metacharacters import TEXT_TESTS, plain_pattern

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.S)  # as the parser decodes strings


@rule("L205", "unescaped-dot-in-regex", "warning",
      summary="a '.' between words of a 'matches'/'imatches' pattern, as in a domain: '\"@gmail.com$\"'",
      why="in a regular expression '.' matches any character, so '\"@gmail.com$\"' also matches "
          "\"x@gmail-com\" and \"x@gmailxcom\"; a '.' right before two or more letters or digits, after a letter, "
          "digit or group, is almost always meant as a dot (a '.' meant as any character is usually repeated, "
          "'.*', or stands between other regex syntax)",
      example='''
entity customers { key id: int  email: string }
segment gmail: email matches "@gmail.com$"
''',
      fix="escape it: '\\\\.' in the string ('\"@gmail\\\\.com$\"'), or '[.]'; a pattern that is then plain text "
          "can be a text test: 'email ends_with \"@gmail.com\"'")
def check(context):
    for scoped in scoped_nodes(context, ast.StringOp):
        node = scoped.node
        if not (node.op in ("matches", "imatches") and isinstance(node.pattern, ast.StringLit)):
            continue
        pattern = node.pattern.value
        dots = _word_dots(pattern)
        if not dots:
            continue
        offsets = _offsets(context.program.source.text, node.pattern)
        escaped = "".join("\\." if i in dots else ch for i, ch in enumerate(pattern))
        help_text = f"write {string_literal(escaped)} for a dot"
        plain = plain_pattern(escaped) if node.op == "matches" else None
        if plain is not None:
            starts, text, ends = plain
            help_text += f", or the text test '{TEXT_TESTS[(starts, ends)]} {string_literal(text)}'"
        for i in sorted(dots):
            example = _around(pattern, i)
            at = offsets[i] if offsets is not None else None
            where = span(context, at, at + 1) if at is not None else node.pattern.span
            yield Finding(f"'.' matches any character, not only a dot: {string_literal(example)} in this pattern "
                          f"also matches {string_literal(example.replace('.', '-', 1) if example else '-')}",
                          where, help=help_text)


def _tokens(pattern: str):
    """(kind, index, text) of each element of a pattern: 'lit', 'escape', 'class', 'dot' or 'meta'."""
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            yield "escape", i, pattern[i:i + 2]
            i += 2
        elif ch == "[":
            j = i + 1
            j += pattern[j:j + 1] == "^"
            j += pattern[j:j + 1] == "]"  # a ']' right after '[' or '[^' is a character of the class
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            yield "class", i, pattern[i:j + 1]
            i = j + 1
        elif ch == ".":
            yield "dot", i, ch
            i += 1
        elif ch in "^$*+?(){}|":
            yield "meta", i, ch
            i += 1
        else:
            yield "lit", i, ch
            i += 1


def _word_dots(pattern: str) -> set[int]:
    """Indexes of the '.'s that stand after a letter, digit or ')' and before two or more letters or digits."""
    tokens = list(_tokens(pattern))
    found = set()
    for k, (kind, index, _text) in enumerate(tokens):
        if kind != "dot" or k == 0:
            continue
        before = tokens[k - 1]
        if not (before[0] == "lit" and before[2].isalnum() or before[:1] == ("meta",) and before[2] == ")"):
            continue
        run = 0
        for after in tokens[k + 1:]:
            if after[0] != "lit" or not after[2].isalnum():
                break
            run += 1
        if run >= 2:
            found.add(index)
    return found


def _around(pattern: str, i: int) -> str:
    """The letters and digits around the '.' at i, with it: 'gmail.com'."""
    start = i
    while start > 0 and pattern[start - 1].isalnum():
        start -= 1
    end = i + 1
    while end < len(pattern) and pattern[end].isalnum():
        end += 1
    return pattern[start:end]


def _offsets(text: str, literal: ast.StringLit) -> list[int] | None:
    """The file offset of each character of the string's value (an escape is one character)."""
    start, end = literal.span.start + 1, literal.span.end - 1
    offsets, i = [], start
    while i < end:
        offsets.append(i)
        if text[i] == "\\":
            m = _ESCAPE.match(text, i)
            i = m.end() if m else i + 2
        else:
            i += 1
    return offsets if len(offsets) == len(literal.value) else None
