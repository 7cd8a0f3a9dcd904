"""Portable regular expressions: validate the RE2-style subset and render it for each engine.

A pattern is parsed once (with the standard library's regex parser, which gives
a precise tree), checked against the portable subset, and re-emitted per
engine flavour, so that every engine answers the same:

* `.` never matches a newline (PostgreSQL's `.` would), so it is written `[^\\n]`;
* `$` is the very end of the text (ICU, Java and PCRE would also accept a final newline);
* `\\d \\w \\s` are ASCII-only everywhere (engines disagree on Unicode digits and letters);
* back-references, look-around, word boundaries, atomic groups, possessive
  repeats, conditionals and inline flags are refused: several engines lack them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import re._constants as C  # the standard library's own regex parser (Python 3.11+, as required)
import re._parser as P

# Flavours: how each engine family spells the few things that differ.
FLAVOURS = ("python", "re2", "posix_are", "icu", "java", "posix_ere")
_END_ANCHOR = {"python": r"\Z", "re2": "$", "posix_are": "$", "icu": r"\z", "java": r"\z", "posix_ere": "$"}
_CATEGORY_SETS = {
    C.CATEGORY_DIGIT: ("0-9", False),
    C.CATEGORY_NOT_DIGIT: ("0-9", True),
    C.CATEGORY_WORD: ("0-9A-Za-z_", False),
    C.CATEGORY_NOT_WORD: ("0-9A-Za-z_", True),
    C.CATEGORY_SPACE: ("\\t\\n\\v\\f\\r ", False),
    C.CATEGORY_NOT_SPACE: ("\\t\\n\\v\\f\\r ", True),
}
_SPECIAL = set(".^$*+?()[]{}|\\/")
_CLASS_SPECIAL = set("]\\^-[")
MAX_REPEAT_COUNT = 1000  # RE2's limit


class RegexProblem(Exception):
    """A pattern outside the portable subset (`portable=False`) or not a regex at all."""

    def __init__(self, message: str, help: str | None = None, portable: bool = True):
        super().__init__(message)
        self.message = message
        self.help = help
        self.portable = portable


@dataclass(frozen=True)
class PortableRegex:
    source: str
    _tree: object = field(repr=False, compare=False)

    def render(self, flavour: str) -> str:
        return _render_cached(self.source, flavour)

    def __str__(self) -> str:
        return self.source


@lru_cache(maxsize=4096)  # files repeat patterns; PortableRegex is never mutated
def parse_regex(pattern: str) -> PortableRegex:
    try:
        re.compile(pattern)
        tree = P.parse(pattern, 0)
    except re.error as exc:
        raise RegexProblem(f"invalid regular expression: {exc.msg}", help="check the pattern's brackets and escapes") from None
    if tree.state.flags & ~(re.UNICODE):
        raise RegexProblem("inline flags such as (?i) are not portable",
                           help="use 'imatches' for a case-insensitive match", portable=False)
    _check(tree)
    return PortableRegex(pattern, tree)


def _not_portable(what: str, help: str) -> RegexProblem:
    return RegexProblem(f"{what}: not supported by every engine", help=help, portable=False)


def _check(items) -> None:
    for op, av in items:
        if op in (C.GROUPREF, C.GROUPREF_EXISTS):
            raise _not_portable("a back-reference", "rewrite the pattern without \\1 or (?(1)...)")
        if op in (C.ASSERT, C.ASSERT_NOT):
            raise _not_portable("look-ahead and look-behind", "split the condition: 'x matches \"a\" and not (x matches \"b\")'")
        if op == C.AT and av in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            raise _not_portable("a word boundary (\\b, \\B)", "spell out the neighbours, e.g. '(^|[^0-9A-Za-z_])word([^0-9A-Za-z_]|$)'")
        if op == C.AT and av in (C.AT_BEGINNING_STRING, C.AT_END_STRING):
            raise _not_portable("\\A and \\Z", "use ^ and $, which match only at the start and end of the text")
        if op == getattr(C, "ATOMIC_GROUP", None) or op == getattr(C, "POSSESSIVE_REPEAT", None):
            raise _not_portable("atomic groups and possessive repeats", "use a plain group or repeat")
        if op == C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise RegexProblem("inline flags such as (?i:...) are not portable",
                                   help="use 'imatches' for a case-insensitive match", portable=False)
            _check(sub)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            if low > MAX_REPEAT_COUNT or (high != C.MAXREPEAT and high > MAX_REPEAT_COUNT):
                raise _not_portable(f"a repeat count over {MAX_REPEAT_COUNT}", "use a smaller count")
            _check(sub)
        elif op == C.BRANCH:
            for alt in av[1]:
                _check(alt)
        elif op == C.IN:
            items = [item for item in av if item[0] != C.NEGATE]
            # \D alone (or [\D], [^\D]) is one set, [^0-9]; mixed with other items it has no
            # spelling in POSIX bracket expressions.
            if len(items) > 1 and any(_is_negated_category(item) for item in items):
                raise _not_portable("\\D, \\W or \\S inside [...]", "write the negated set out, e.g. [^0-9]")


@lru_cache(maxsize=4096)
def _render_cached(source: str, flavour: str) -> str:
    return _render(P.parse(source, 0), flavour)


def _lit(code: int, in_class: bool = False) -> str:
    ch = chr(code)
    if ch == "\n":
        return "\\n"
    if ch in (_CLASS_SPECIAL if in_class else _SPECIAL):
        return "\\" + ch
    return ch


def _group(body: str, flavour: str) -> str:
    # POSIX ERE has no non-capturing groups; capturing changes nothing for a yes/no match.
    return f"({body})" if flavour == "posix_ere" else f"(?:{body})"


def _render(items, flavour: str) -> str:
    out = []
    for op, av in items:
        if op == C.LITERAL:
            out.append(_lit(av))
        elif op == C.NOT_LITERAL:
            out.append(f"[^{_lit(av, True)}]")
        elif op == C.ANY:
            # POSIX ERE (Oracle, Snowflake) has no escapes inside [...]; its '.' already skips newlines.
            out.append("." if flavour == "posix_ere" else "[^\\n]")
        elif op == C.AT:
            out.append("^" if av == C.AT_BEGINNING else _END_ANCHOR[flavour])
        elif op == C.IN:
            out.append(_render_class(av, flavour))
        elif op == C.CATEGORY:
            chars, negated = _CATEGORY_SETS[av]
            out.append(f"[{'^' if negated else ''}{_class_chars(chars, flavour)}]")
        elif op == C.BRANCH:
            out.append(_group("|".join(_render(alt, flavour) for alt in av[1]), flavour))
        elif op == C.SUBPATTERN:
            sub = av[3]
            # (a|b) already comes out grouped by its BRANCH; do not wrap it twice.
            out.append(_render(sub, flavour) if len(sub) == 1 and sub[0][0] == C.BRANCH else _group(_render(sub, flavour), flavour))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            body = _render(sub, flavour)
            if not (len(sub) == 1 and sub[0][0] in (C.LITERAL, C.ANY, C.IN, C.CATEGORY, C.NOT_LITERAL, C.SUBPATTERN)):
                body = _group(body, flavour)
            if (low, high) == (0, C.MAXREPEAT):
                quant = "*"
            elif (low, high) == (1, C.MAXREPEAT):
                quant = "+"
            elif (low, high) == (0, 1):
                quant = "?"
            elif high == C.MAXREPEAT:
                quant = f"{{{low},}}"
            elif low == high:
                quant = f"{{{low}}}"
            else:
                quant = f"{{{low},{high}}}"
            lazy = "?" if op == C.MIN_REPEAT and flavour != "posix_ere" else ""
            out.append(body + quant + lazy)
        else:  # pragma: no cover - _check refuses everything else
            raise RegexProblem(f"unsupported regular expression construct {op}")
    return "".join(out)


def _class_chars(chars: str, flavour: str) -> str:
    """Inside [...] POSIX ERE takes a backslash literally: write control characters as themselves."""
    if flavour != "posix_ere":
        return chars
    return chars.replace("\\t", "\t").replace("\\n", "\n").replace("\\v", "\v").replace("\\f", "\f").replace("\\r", "\r")


def _is_negated_category(item) -> bool:
    op, av = item
    return op == C.CATEGORY and _CATEGORY_SETS.get(av, ("", False))[1]


def _render_class(items, flavour: str = "re2") -> str:
    negated = bool(items) and items[0][0] == C.NEGATE
    rest = items[1:] if negated else items
    if len(rest) == 1 and _is_negated_category(rest[0]):  # \D is [^0-9]; [^\D] is [0-9]
        return f"[{'' if negated else '^'}{_class_chars(_CATEGORY_SETS[rest[0][1]][0], flavour)}]"
    parts = []
    for op, av in items[1:] if negated else items:
        if op == C.LITERAL:
            parts.append(_lit(av, True))
        elif op == C.RANGE:
            parts.append(f"{_lit(av[0], True)}-{_lit(av[1], True)}")
        elif op == C.CATEGORY:
            parts.append(_class_chars(_CATEGORY_SETS[av][0], flavour))
    return f"[{'^' if negated else ''}{''.join(parts)}]"
