"""Formatter stage: segment file text -> the same file in the canonical layout (`segdsl fmt`).

The text is parsed (with its comments), and the output is printed from the AST, so it depends on
what the file says, not on how it was laid out. The style is in docs/formatting.md. In short:
two-space blocks, one item per line, minimal parentheses, a long condition broken before its
`and`/`or`/set operators (continuation lines 4 spaces in), a long list one item per line.

Comments are not in the AST. Each is tied to a token of the source: a trailing comment to the
token before it, an own-line comment to the token after it. The source's tokens are matched to
the output's (`difflib`, item by item: the output has the same tokens but for parentheses,
commas and spelling), and the comment goes to the end of the line holding its token, or on its
own line before the line holding its token. A file that does not parse is not formatted.
"""

from __future__ import annotations

import bisect
import difflib
import re
from decimal import Decimal

from . import ast
from .diagnostics import SegdslError, has_errors
from .layout import Doc, Group, IfBreak, Indent, Line, Text, leaves, propagate_breaks, render
from .lint.suppress import NOQA
from .parser import _ESCAPE_RE, _ESCAPES, parse
from .source import Source

DEFAULT_LINE_LENGTH = 88
_CONTINUATION = 4  # the indentation of a condition's continuation lines and of a broken list's items
_BLOCK = 2  # the indentation of fields, child segments, rules and a segment's description and tags

# Binding strength, loosest first (docs/language.md, "Operators"): a part looser than its place
# allows gets parentheses, and no other part does.
_SET, _INTERSECT, _OR, _AND, _NOT, _PREDICATE, _SUM, _PRODUCT, _UNARY, _ATOM = range(10)
_PREDICATES = (ast.Compare, ast.InList, ast.Between, ast.IsNull, ast.StringOp)
_UNIT = re.compile(r"(day|week|month|year)s?")


class FormatMismatch(Exception):
    """The formatted text would mean something else, or lose a comment: a bug in the formatter."""


def format_source(text: str, line_length: int = DEFAULT_LINE_LENGTH, name: str = "<string>") -> str:
    """The canonical text of a segment file; SegdslError (the syntax errors) if it does not parse."""
    source = Source(text, name)
    program, diagnostics = parse(source, comments=True)
    if has_errors(diagnostics):
        raise SegdslError([d for d in diagnostics if d.is_error], source)
    tokens = _SourceTokens(text)
    doc = _Builder(tokens).program(program)
    _Comments(text, tokens, program, doc).attach()
    propagate_breaks(doc)
    formatted = render(doc, line_length)
    _verify(program, formatted)
    return formatted.replace("\n", "\r\n") if "\r\n" in text[: text.find("\n") + 1] else formatted


def syntax_tree(program: ast.Program) -> dict:
    """The AST as plain data without positions: two files that mean the same give equal trees."""
    return _without_spans(program.model_dump())


def _without_spans(value):
    if isinstance(value, dict):
        if value.keys() == {"start", "end", "line", "column"}:
            return True  # a span standing for a keyword (`exhaustive`, `disjoint`): it is there
        return {k: _without_spans(v) for k, v in value.items() if k != "span" and not k.endswith("_span")}
    if isinstance(value, list):
        return [_without_spans(v) for v in value]
    return value


def _verify(program: ast.Program, formatted: str) -> None:
    again, diagnostics = parse(formatted, comments=True)
    if has_errors(diagnostics) or syntax_tree(again) != syntax_tree(program):
        raise FormatMismatch("the formatted text does not parse to the same syntax tree")
    if sorted(_comment_pieces(program)) != sorted(_comment_pieces(again)):
        raise FormatMismatch("the formatted text does not keep every comment")


def _comment_pieces(program: ast.Program) -> list[str]:
    # Trailing comments that meet on one output line are joined with two spaces.
    return [p for c in program.comments for p in re.split(r"\s+(?=#)", c.text.rstrip())]


# --- printing the AST ---------------------------------------------------------------------------

def quote(value: str) -> str:
    """The canonical string literal: double quotes, escapes only where needed."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[ch])
        elif not ch.isprintable():  # control and invisible characters: by their code point
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _share(value: float) -> str:
    """A holdout or split share: the shortest text that reads back as the same float (no exponent)."""
    return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")


def _units(amount: int, unit: str) -> str:
    return f"{amount} {unit}{'' if amount == 1 else 's'}"


def _level(e) -> int:
    match e:
        case ast.SetOp():
            return _INTERSECT if e.op == "intersect" else _SET
        case ast.BoolOp():
            return _OR if e.kind == "or" else _AND
        case ast.Not():
            return _NOT
        case ast.Binary():
            return _SUM if e.op in "+-" else _PRODUCT
        case ast.Neg():
            return _UNARY
        case ast.NumberLit():
            return _UNARY if e.text.startswith("-") else _ATOM
        case ast.EventsArg():
            return _SET
    return _PREDICATE if isinstance(e, _PREDICATES) else _ATOM


class _Boundary(Line):
    """The line break before a member of a block (item, field, child segment, rule) or after the last:
    blank lines between members are kept here (at most one), and nowhere else."""

    def __init__(self, kind: str, next_start: int | None = None, blank: bool = False, soft: bool = False):
        super().__init__(soft=soft, hard=not soft, comment_indent=_BLOCK if kind == "close" else 0)
        self.kind = kind  # "first" / "between" / "close" in a block; "file_start" / "file_end"
        self.next_start = next_start  # where the next member starts in the source
        self.blank = blank  # a blank line here whatever the source says (around a top-level block)
        self.comments: list[ast.Comment] = []


class _Builder:
    """The document (segdsl/layout.py) of a program: what to print, and where lines may break."""

    def __init__(self, tokens: "_SourceTokens") -> None:
        self.tokens = tokens

    def parentheses(self, offset: int) -> tuple[Text, Text]:
        """`(` and `)`, knowing which of the source's they print: the first `(` from `offset` on.
        (Parentheses that group come and go, so they are matched to the source by position.)"""
        opening = self.tokens.opening_from(offset)
        closing = self.tokens.closing.get(opening) if opening is not None else None
        return Text("(", source=opening), Text(")", source=closing)

    def program(self, program: ast.Program) -> list:
        parts: list = [_Boundary("file_start")]
        for k, item in enumerate(program.items):
            if k:
                around_block = _is_block(program.items[k - 1]) or _is_block(item)
                parts.append(_Boundary("between", item.span.start, blank=around_block))
            parts.append(self.item(item))
        parts.append(_Boundary("file_end"))
        return parts

    def item(self, item) -> Doc:
        if isinstance(item, ast.Segment):
            return self.segment(item)
        if isinstance(item, ast.Partition):
            return self.partition(item)
        if isinstance(item, ast.Ruleset):
            return self.ruleset(item)
        if isinstance(item, ast.Entity):
            head = [Text("entity"), Text(f" {item.name}")]
        else:
            head = [Text("events"), Text(f" {item.name}"), Text(" of"), Text(f" {item.entity}"), Text(" by"),
                    Text(f" {item.by}"), Text(" at"), Text(f" {item.at}")]
        return [*head, Text(" "), self.block([(f.span.start, self.field(f)) for f in item.fields])]

    def block(self, members: list[tuple[int | None, Doc]]) -> Doc:
        if not members:  # `{}`, unless a comment inside holds it open
            return Group([Text("{"), _Boundary("close", soft=True), Text("}")])
        inner: list = []
        for k, (start, member) in enumerate(members):
            inner += [_Boundary("between" if k else "first", start), member]
        return [Text("{"), Indent(inner, _BLOCK), _Boundary("close"), Text("}")]

    def field(self, f: ast.FieldDecl) -> Doc:
        kind = [Text(f.type.name)]
        if f.type.values is not None:
            values = [Text(quote(v.value)) for v in f.type.values]
            kind.append(self.bracketed(self.parentheses(f.type.span.start), values, True))
        return [Text("key ") if f.is_key else [], Text(f.name), Text(":"), Text(" "), *kind]

    def segment(self, s: ast.Segment) -> Doc:
        parts = [Text("segment"), Text(f" {s.name}"), Text(":"), Text(" "), self.expr(s.condition, True)]
        # Holdout, split and the claims about the children stay on the condition's (last) line.
        if s.sample is not None:
            parts.append(Text(f" {s.sample.kind} " + "/".join(_share(x) for x in s.sample.shares)
                              + ("%" if s.sample.kind == "holdout" else "")))
            if s.sample.salt is not None:
                parts += [Text(" salt"), Text(f" {quote(s.sample.salt)}")]
        parts += [Text(" disjoint")] if s.disjoint else []
        parts += [Text(" exhaustive")] if s.exhaustive else []
        clauses = []
        if s.description is not None:
            clauses += [Line(hard=True), Text("description"), Text(f" {quote(s.description)}")]
        if s.tags:
            clauses += [Line(hard=True), Text("tags"), Text(" "),
                        self.bracketed((Text("["), Text("]")), [Text(quote(t)) for t in s.tags], True)]
        if clauses:
            parts.append(Indent(clauses, _BLOCK))
        if s.children:  # after description/tags lines, the brace stands on a line of its own
            parts += [Line(hard=True) if clauses else Text(" "),
                      self.block([(c.span.start, self.segment(c)) for c in s.children])]
        return parts

    def partition(self, p: ast.Partition) -> Doc:
        parts = [Text("partition"), Text(f" {p.name}")]
        if p.of is not None:
            parts += [Text(" of"), Text(f" {p.of.name}")]
        parts.append(Text(" by "))
        for k, d in enumerate(p.dimensions):
            parts += [Text(", ")] if k else []
            parts.append(self.operand(d.expr, _SUM, False))
            if d.items is not None:
                parts += [Text(" bands " if d.kind == "bands" else " in "), self.list(d.items, False)]
        if p.min_size is not None:
            parts += [Text(" min_size"), Text(f" {p.min_size}")]
        return parts

    def ruleset(self, r: ast.Ruleset) -> Doc:
        parts = [Text("ruleset"), Text(f" {r.name}")]
        if r.of is not None:
            parts += [Text(" of"), Text(f" {r.of.name}")]
        members = []
        for k, rule in enumerate(r.rules):
            condition = self.expr(rule.condition, True)
            # The next rule's name must not join the end of this condition, as the source's parentheses
            # kept it apart: `x > 0` then `days: ...` reads `0 days`, `flag: at` then `least: ...` `at least`.
            end = render(condition, 10**9).rstrip()
            after = r.rules[k + 1].name if k + 1 < len(r.rules) else ""
            if _UNIT.fullmatch(after) and end[-1:].isdigit() or after in ("least", "most") and _ENDS_WITH_AT.search(end):
                condition = self.operand(rule.condition, _ATOM + 1, True)
            members.append((rule.span.start, [Text(rule.name), Text(":"), Text(" "), condition]))
        if r.otherwise is not None:
            members.append((None, [Text("else"), Text(":"), Text(f" {r.otherwise}")]))
        return [*parts, Text(" exclusive"), Text(" "), self.block(members)]

    # -- expressions. `breakable`: where a long condition may be broken over lines (the condition
    # itself, the operands of and/or/set operators, parentheses around those, `in` lists and `at
    # least` items); inside calls, comparisons and arithmetic everything stays on one line.

    def expr(self, e, breakable: bool, hanging: bool = True) -> Doc:
        match e:
            case ast.BoolOp():
                level = _level(e)
                return self.chain([(None, e.operands[0])] + [(e.kind, o) for o in e.operands[1:]],
                                  level + 1, level + 1, breakable, hanging,
                                  clarify=(ast.BoolOp,) if e.kind == "or" else ())
            case ast.SetOp():
                level, chain, node = _level(e), [], e
                while isinstance(node, ast.SetOp) and _level(node) == level:  # left-associative runs
                    chain.append((node.op, node.right))
                    node = node.left
                chain.append((None, node))
                return self.chain(chain[::-1], level, level + 1, breakable, hanging, clarify=(ast.BoolOp, ast.SetOp))
            case ast.Not():  # `not (x == 1)`, not `not x == 1`, which reads as if `not` bound to x
                return [Text("not "), self.operand(e.operand, _NOT, breakable, force=isinstance(e.operand, _PREDICATES))]
            case ast.Compare():
                return self.infix(e.left, f" {e.op} ", e.right, _SUM, _SUM)
            case ast.StringOp():
                return self.infix(e.operand, f" {e.op} ", e.pattern, _SUM, _SUM)
            case ast.Binary():
                level = _level(e)
                return self.infix(e.left, f" {e.op} ", e.right, level, level + 1)
            case ast.InList():
                return [self.operand(e.operand, _SUM, False), Text(" not in " if e.negated else " in "),
                        self.list(e.items, breakable)]
            case ast.Between():
                return [self.operand(e.operand, _SUM, False), Text(" not between " if e.negated else " between "),
                        self.operand(e.low, _SUM, False), Text(" and "), self.operand(e.high, _SUM, False)]
            case ast.IsNull():
                return [self.operand(e.operand, _SUM, False), Text(" is not null" if e.negated else " is null")]
            case ast.Neg():
                negative = isinstance(e.operand, ast.Neg) or _level(e.operand) == _UNARY
                return [Text("- " if negative else "-"), self.operand(e.operand, _UNARY, False)]
            case ast.AtLeast():
                items = [self.expr(i, breakable) for i in e.items]
                return [Text(f"at {e.kind[3:]} {e.count} of "),
                        self.bracketed(self.parentheses(e.count_span.end), items, breakable)]
            case ast.Call():
                args: list = []
                for k, a in enumerate(e.args):
                    args += [Text(", ")] if k else []
                    args.append(self.expr(a, False))
                opening, closing = self.parentheses(e.name_span.end)
                return [Text(e.name), opening, *args, closing]
            case ast.EventsArg():
                parts = [self.expr(e.source, False)]
                if e.where is not None:
                    parts += [Text(" where "), self.expr(e.where, False)]
                if e.window is not None:
                    parts += [Text(" "), self.window(e.window)]
                return parts
            case ast.ListExpr():
                return self.list(e, breakable)
        return Text(self.atom(e))

    def atom(self, e) -> str:
        match e:
            case ast.Name():
                return e.name
            case ast.Attr():
                return f"{e.table}.{e.field}"
            case ast.NumberLit():
                return e.text  # as written: 1.50 stays 1.50, and 1.0 stays a float
            case ast.StringLit():
                return quote(e.value)
            case ast.BoolLit():
                return "true" if e.value else "false"
            case ast.NullLit():
                return "null"
            case ast.Duration():
                return _units(e.amount, e.unit)
        raise TypeError(f"cannot format {type(e).__name__}")  # pragma: no cover - every node is above

    def window(self, w: ast.Window) -> Doc:
        if w.kind == "last":
            return Text(f"in last {_units(w.amount, w.unit)}")
        if w.kind == "before":
            return [Text("before "), self.operand(w.end, _SUM, False)]
        if w.kind == "after":
            return [Text("after "), self.operand(w.start, _SUM, False)]
        return [Text("from "), self.operand(w.start, _SUM, False), Text(" to "), self.operand(w.end, _SUM, False)]

    def infix(self, left, op: str, right, left_level: int, right_level: int) -> Doc:
        return [self.operand(left, left_level, False), Text(op), self.operand(right, right_level, False)]

    def operand(self, e, level: int, breakable: bool, force: bool = False) -> Doc:
        """`e` where at least `level` binds without parentheses (`force`: in parentheses anyway, for
        the reader)."""
        if _level(e) >= level and not force:
            return self.expr(e, breakable)
        inner = self.expr(e, breakable, hanging=False)
        # The source had these too (the grammar needs them): its outermost ones start and end the span
        # (a `(` that starts it may instead open its first operand: `(a or b) and c`).
        grouped = self.tokens.text[e.span.start] == "(" and self.tokens.closing.get(e.span.start) == e.span.end - 1
        left, right = self.parentheses(e.span.start) if grouped else (Text("("), Text(")"))
        if breakable and isinstance(e, (ast.BoolOp, ast.SetOp)):
            return Group([left, Indent([Line(soft=True), inner], _CONTINUATION), Line(soft=True), right])
        return [left, inner, right]

    def chain(self, operands: list, first_level: int, level: int, breakable: bool, hanging: bool,
              clarify: tuple = ()) -> Doc:
        """`a and b and c`: when too long, one operand per line, the operator first. Operands of the
        `clarify` kinds get parentheses even where precedence does not need them, for the reader:
        `a or (b and c)`, `(a or b) union (c intersect d)`."""
        parts: list = []
        for k, (op, operand) in enumerate(operands):
            if k:
                parts += [Line() if breakable else Text(" "), Text(f"{op} ")]
            force = isinstance(operand, clarify)
            parts.append(self.operand(operand, first_level if k == 0 else level, breakable, force))
        if not breakable:
            return parts
        return Group([Indent(parts, _CONTINUATION)] if hanging else parts)

    def list(self, items: ast.ListExpr, breakable: bool) -> Doc:
        return self.bracketed((Text("["), Text("]")), [self.expr(i, False) for i in items.items], breakable)

    def bracketed(self, brackets: tuple[Text, Text], items: list, breakable: bool) -> Doc:
        """`[a, b]`; when too long, one item a line and a trailing comma."""
        opening, closing = brackets
        if not items:
            return [opening, closing]
        parts: list = []
        for k, item in enumerate(items):
            parts += [Text(","), Line() if breakable else Text(" ")] if k else []
            parts.append(item)
        if not breakable:
            return [opening, *parts, closing]
        last = Line(soft=True)
        return Group([opening, Indent([Line(soft=True), *parts, IfBreak(",", last)], _CONTINUATION), last, closing])


def _is_block(item) -> bool:
    return not isinstance(item, (ast.Segment, ast.Partition)) or isinstance(item, ast.Segment) and bool(item.children)


# --- comments -----------------------------------------------------------------------------------

# One token of segdsl text; whitespace-separated words are separate tokens (`in last` is two).
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[A-Za-z_][A-Za-z0-9_]*|[0-9]+(?:\.[0-9]+)?|[=!<>]=|<>|\S')
_SPELLINGS = {"=": "==", "<>": "!=", "days": "day", "weeks": "week", "months": "month", "years": "year"}
_ENDS_WITH_AT = re.compile(r"(?<![A-Za-z0-9_])at$")


def _key(token: str):
    """What a token means, so that the source's and the output's spellings of it compare equal."""
    if token.startswith('"'):
        return ("string", _ESCAPE_RE.sub(lambda m: _unescape(m.group(1)), token[1:-1]))
    return _SPELLINGS.get(token, token)


def _unescape(escape: str) -> str:
    if escape[0] in "uU" and len(escape) > 1:
        return chr(int(escape[1:], 16))
    return _ESCAPES.get(escape, escape)


class _SourceTokens:
    """The tokens of the source text (comments left out), and which `)` closes each `(`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = [m for m in _TOKEN.finditer(text) if not m.group().startswith("#")]
        self.starts = [m.start() for m in self.tokens]
        self.closing: dict[int, int] = {}  # offset of a `(` -> offset of its `)`
        open_ = []
        for m in self.tokens:
            if m.group() == "(":
                open_.append(m.start())
            elif m.group() == ")" and open_:
                self.closing[open_.pop()] = m.start()

    def opening_from(self, offset: int) -> int | None:
        k = bisect.bisect_left(self.starts, offset)
        while k < len(self.tokens) and self.tokens[k].group() != "(":
            k += 1
        return self.starts[k] if k < len(self.tokens) else None


def _align(source: list, printed: list) -> list[tuple[int, int]]:
    """Pairs (i, j): source token i is printed as token j. Commas come and go (trailing ones), the
    rest is printed in order (but for a segment's clauses, put in one order): so the rest is
    matched first, then the commas between two matched tokens."""
    def matches(a: list, b: list):
        blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        return [(i + n, j + n) for i, j, size in blocks for n in range(size)]

    kept = [[k for k, key in enumerate(keys) if key != ","] for keys in (source, printed)]
    pairs = [(kept[0][i], kept[1][j]) for i, j in matches([source[k] for k in kept[0]], [printed[k] for k in kept[1]])]
    aligned = []
    for (a0, b0), (a1, b1) in zip([(-1, -1)] + pairs, pairs + [(len(source), len(printed))]):
        aligned += [(a0 + 1 + i, b0 + 1 + j) for i, j in matches(source[a0 + 1:a1], printed[b0 + 1:b1])]
        aligned += [(a1, b1)] if a1 < len(source) else []
    return aligned


def _node_starts(node) -> list[int]:
    """Where each node of the tree starts in the source (a parenthesised one: at its parenthesis)."""
    starts = [node.span.start] if isinstance(node, ast.Node) else []
    for value in node.__dict__.values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ast.Node):
                starts += _node_starts(child)
    return starts


class _Comments:
    """Ties each comment to a token of the source, finds that token in the output, and puts the
    comment beside it (see the module docstring)."""

    def __init__(self, text: str, tokens: _SourceTokens, program: ast.Program, doc: Doc) -> None:
        self.text, self.program = text, program
        self.leaves = leaves(doc)
        self.position = {id(leaf): k for k, leaf in enumerate(self.leaves)}
        self.line_positions = [k for k, leaf in enumerate(self.leaves) if isinstance(leaf, Line)]
        self.tokens, self.starts = tokens.tokens, tokens.starts
        self.output: dict[int, Text] = {}  # index of a source token -> the Text it became
        self.node_starts = sorted(_node_starts(program))
        self._match_tokens(doc)

    def _match_tokens(self, doc: list) -> None:
        # The document is [boundary, item, boundary, item, ..., boundary]: match item by item, each
        # with the source from its start to the next item's. A printed parenthesis knows its source
        # one; the source's other parentheses were not needed, and are not printed.
        items = self.program.items
        at = {m.start(): k for k, m in enumerate(self.tokens) if m.group() in ("(", ")")}
        for k, item_doc in enumerate(doc[1::2][: len(items)]):
            first = bisect.bisect_left(self.starts, items[k].span.start)
            last = bisect.bisect_left(self.starts, items[k + 1].span.start) if k + 1 < len(items) else len(self.tokens)
            source = [(i, _key(self.tokens[i].group())) for i in range(first, last)]
            printed = [(leaf, _key(t)) for leaf in leaves(item_doc) if isinstance(leaf, Text)
                       for t in _TOKEN.findall(leaf.text)]
            for leaf, _ in printed:
                if leaf.source is not None:
                    self.output[at[leaf.source]] = leaf
            # Parentheses are matched above; a trailing comma (`f(a,)`) is not printed, and matched to a
            # later comma it would carry that comma's comments away.
            source = [(i, key) for n, (i, key) in enumerate(source) if key not in ("(", ")") and
                      not (key == "," and n + 1 < len(source) and source[n + 1][1] in (")", "]"))]
            printed = [(leaf, key) for leaf, key in printed if key not in ("(", ")")]
            for a, b in _align([key for _, key in source], [key for _, key in printed]):
                self.output[source[a][0]] = printed[b][0]

    def attach(self) -> None:
        trailing, own_line = [], []
        for comment in self.program.comments:
            line_start = self.text.rfind("\n", 0, comment.span.start) + 1
            before = self.text[line_start:comment.span.start]
            anchor = self._printed(bisect.bisect_left(self.starts, comment.span.start) - 1, -1)
            if before.strip() and anchor is not None:
                trailing.append((comment, anchor, line_start))
            else:
                own_line.append(comment)
        for k, (comment, anchor, line_start) in enumerate(trailing):
            found = NOQA.search(comment.text)  # (a file-wide one is not about its line)
            if found and found.group("kind") == "noqa":
                trailing[k] = (comment, self._pin_line(anchor, line_start, comment.span.start), line_start)
        for comment, anchor, _ in trailing:
            anchor.trailing.append(comment.text.rstrip())
            self._line_after(anchor).forced = True
        for comment in own_line:
            token = self._printed(bisect.bisect_left(self.starts, comment.span.end), +1)
            line = self.leaves[-1] if token is None else self._line_before(token)
            if isinstance(line, _Boundary):
                line.comments.append(comment)
            else:
                line.before.append(comment.text.rstrip())
        for leaf in self.leaves:
            if isinstance(leaf, _Boundary):
                leaf.before = self._boundary_lines(leaf)

    def _pin_line(self, anchor: Text, line_start: int, end: int) -> Text:
        """Keep the code of a noqa comment's line on one output line (the suppression is for the
        findings that start on it) and return the Text the comment now follows. A line holding more
        than one member (segment and its description, two rules ...) keeps the first member's code."""
        first = self._printed(bisect.bisect_left(self.starts, line_start), +1)
        start = stop = self.position[id(anchor)]
        if first is not None:
            start = min(start, self.position[id(first)])
        # A parenthesis the formatter adds before the line's first token opens on that line too.
        while start >= 2 and isinstance(self.leaves[start - 1], Line) and self.leaves[start - 1].soft and \
                isinstance(self.leaves[start - 2], Text) and self.leaves[start - 2].text == "(" and \
                self.leaves[start - 2].source is None:
            start -= 2
        # A node that starts on the line with a parenthesis that is not printed starts, once
        # formatted, at its first token printed: that one must stay on the line too.
        for node_start in self.node_starts[bisect.bisect_left(self.node_starts, line_start):
                                           bisect.bisect_left(self.node_starts, end)]:
            token = self._printed(bisect.bisect_left(self.starts, node_start), +1)
            stop = max(stop, self.position[id(token)] if token is not None else stop)
        last = self.leaves[start]
        for leaf in self.leaves[start:stop + 1]:
            if isinstance(leaf, Line) and leaf.hard:
                break
            if isinstance(leaf, Line):
                leaf.pinned = True
            elif isinstance(leaf, Text):
                last = leaf
        return last

    def _printed(self, index: int, step: int) -> Text | None:
        """The Text of the source token at `index`, or of the nearest one printed, going `step`."""
        while 0 <= index < len(self.tokens):
            if index in self.output:
                return self.output[index]
            index += step
        return None

    def _line_after(self, text: Text) -> Line:
        """The first line break after `text` that is not pinned (there is always the file's end)."""
        k = bisect.bisect_left(self.line_positions, self.position[id(text)])
        while self.leaves[self.line_positions[k]].pinned:
            k += 1
        return self.leaves[self.line_positions[k]]

    def _line_before(self, text: Text) -> Line:
        """The last line break before `text` that is not pinned (there is always the file's start)."""
        k = bisect.bisect_left(self.line_positions, self.position[id(text)]) - 1
        while self.leaves[self.line_positions[k]].pinned:
            k -= 1
        return self.leaves[self.line_positions[k]]

    def _blank_before(self, offset: int) -> bool:
        start = offset
        while start and self.text[start - 1] in " \t\r\n\f":
            start -= 1
        return self.text.count("\n", start, offset) >= 2

    def _boundary_lines(self, line: _Boundary) -> list[str | None]:
        """Own-line comments and blank lines (one at most, where the source has any) before a member."""
        entries: list[str | None] = [None] if line.blank else []
        for comment in line.comments:
            entries += [None] if self._blank_before(comment.span.start) else []
            entries.append(comment.text.rstrip())
        if line.next_start is not None and self._blank_before(line.next_start):
            entries.append(None)
        if line.kind in ("first", "close", "file_start"):
            while entries and entries[0] is None:
                entries.pop(0)
        if line.kind == "close":
            while entries and entries[-1] is None:
                entries.pop()
        return [e for k, e in enumerate(entries) if e is not None or k == 0 or entries[k - 1] is not None]
