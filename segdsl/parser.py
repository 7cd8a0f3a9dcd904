"""Parser stage: source text -> AST (segdsl.ast), with syntax errors in plain words.

Lark LALR(1) with the transformer run inside the parser, so no parse tree is
built. On a syntax error the offending item (from its `segment`/`entity`
keyword to the next one) is blanked out and parsing restarts, so every
broken item of a file is reported in one run.
"""

from __future__ import annotations

import contextvars
import re
from functools import lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from . import ast
from .diagnostics import Diagnostic, error
from .grammar_file import grammar_cache_path, grammar_text
from .gcpause import gc_paused
from .lalr import LeanTables, NotParsed
from .lexer import GrammarLexer, collected_comments
from .source import Source, Span

_current: contextvars.ContextVar["_ParseState"] = contextvars.ContextVar("segdsl_parse_state")

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r"}
_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.S)
# 'events' starts an item only as 'events NAME of': a field may be called 'events'.
_ITEM_START = re.compile(r"^[ \t]*(segment\b|entity\b|events[ \t]+[A-Za-z_]\w*[ \t]+of\b"
                         r"|partition[ \t]+[A-Za-z_]\w*[ \t]+(?:of|by)\b|ruleset[ \t]+[A-Za-z_]\w*\b)", re.M)

_COMPARE_ALIASES = {"=": "==", "<>": "!="}


class _ParseState:
    def __init__(self, source: Source):
        self.source = source
        self.diagnostics: list[Diagnostic] = []


def _tspan(tok: Token) -> Span:
    return Span(tok.start_pos, tok.end_pos, tok.line, tok.column)


def _span_of(child) -> Span:
    return _tspan(child) if type(child) is Token else child.span


def _mspan(children) -> Span:
    """The span from the first to the last child (tokens or AST nodes)."""
    first, last = children[0], children[-1]
    if first is None or last is None or type(first) is tuple or type(last) is tuple or type(last) is list:
        # optional parts left out, or a segment's trailing description/tags
        present = [c for c in children if c is not None and not isinstance(c, (tuple, list))]
        first, last = present[0], present[-1]
    if type(first) is Token:
        start, line, column = first.start_pos, first.line, first.column
    else:
        span = first.span
        start, line, column = span.start, span.line, span.column
    return Span(start, last.end_pos if type(last) is Token else last.span.end, line, column)


def _decode_string(tok: Token) -> str:
    body = tok.value[1:-1]
    if "\\" not in body:
        return body

    def problem(m: re.Match, message: str, help: str) -> str:
        state = _current.get()
        start = tok.start_pos + 1 + m.start()
        state.diagnostics.append(error("E104", message, state.source.span(start, start + len(m.group())), help=help))
        return ""

    def replace(m: re.Match) -> str:
        esc = m.group(1)
        if esc[0] in "uU" and len(esc) > 1:
            code = int(esc[1:], 16)
            if code > 0x10FFFF:
                return problem(m, f"'\\{esc}' is beyond the last Unicode character (\\U0010FFFF)",
                               help="check the hex digits of the escape")
            if 0xD800 <= code <= 0xDFFF:
                return problem(m, f"'\\{esc}' is half of a UTF-16 surrogate pair, not a character",
                               help="write the character itself, or its code point: \\U0001F600 for 😀")
            return chr(code)
        if esc in _ESCAPES:
            return _ESCAPES[esc]
        if esc in "uU":
            message = f"'\\{esc}' needs {4 if esc == 'u' else 8} hex digits, e.g. \\u0141 for Ł"
        else:
            message = f"unknown escape sequence '\\{esc}' in string"
        problem(m, message, help='known escapes are \\" \\\\ \\n \\t \\r \\uXXXX; write \\\\ for a backslash')
        return esc

    return _ESCAPE_RE.sub(replace, body)


class _ToAst(Transformer):
    """Builds AST nodes directly from LALR reductions."""

    # -- declarations
    def start(self, items):
        return ast.Program.model_construct(items=items)

    def entity(self, children):
        _kw, name, _lbrace, *fields, _rbrace = children
        return ast.Entity.build(
            kind="entity", span=_mspan(children), name=name.value, name_span=_tspan(name), fields=fields
        )

    def events(self, children):
        _kw, name, _of, entity, _by, by, _at, at, _lbrace, *fields, _rbrace = children
        return ast.Events.build(
            kind="events", span=_mspan(children), name=name.value, name_span=_tspan(name), entity=entity.value,
            entity_span=_tspan(entity), by=by.value, by_span=_tspan(by), at=at.value, at_span=_tspan(at), fields=fields,
        )

    def field(self, children):
        is_key = len(children) == 3
        name, type_ = children[-2], children[-1]
        return ast.FieldDecl.build(
            span=_mspan(children), name=name.value, name_span=_tspan(name), is_key=is_key, type=type_
        )

    def field_named_key(self, children):
        name, type_ = children  # a field called 'key', not a key field: 'key: int'
        return ast.FieldDecl.build(span=_mspan(children), name=name.value, name_span=_tspan(name), is_key=False, type=type_)

    def type(self, children):
        return ast.TypeRef.build(span=_mspan(children), name=children[0].value, values=None)

    def enum_type(self, children):
        name, _lpar, *values, _rpar = children
        values = [
            ast.StringLit.build(kind="string", span=_tspan(v), value=_decode_string(v))
            for v in values if v is not None
        ]
        return ast.TypeRef.build(span=_mspan(children), name=name.value, values=values)

    def segment(self, children):
        _kw, name, condition, *rest = children
        fields = dict(description=None, tags=[], exhaustive=None, disjoint=None, sample=None, children=[])
        end = None
        for part in rest:
            if part is None:
                continue
            kind, value = part[0], part[1]
            if kind == "tags":
                fields["tags"] = fields["tags"] + value
            elif kind == "children":
                fields["children"], end = value, part[2]
            elif kind in ("holdout", "split"):
                if fields["sample"] is not None:
                    _current.get().diagnostics.append(error(
                        "E107", "a segment has one holdout or split", value.span,
                        help="hold out first, then split a child: segment s: ... holdout 10% { segment test: true split 50/50 }"))
                fields["sample"] = value
            else:
                fields[kind] = value
        span = _mspan(children)
        if end is not None:
            span = Span(span.start, end.end_pos, span.line, span.column)
        return ast.Segment.build(kind="segment", span=span, name=name.value, name_span=_tspan(name),
                                 condition=condition, **fields)

    def children(self, children):
        _lbrace, *segments, rbrace = children
        return ("children", segments, rbrace)

    def description(self, children):
        return ("description", _decode_string(children[1]))

    def tags(self, children):
        return ("tags", [_decode_string(t) for t in children[2:-1] if t is not None])

    def exhaustive(self, children):
        return ("exhaustive", _tspan(children[0]))

    def disjoint(self, children):
        return ("disjoint", _tspan(children[0]))

    def holdout(self, children):
        _kw, number, percent, *salt = children
        return ("holdout", self._sample("holdout", [number], percent, salt))

    def split(self, children):
        _kw, *rest = children
        salt = [rest.pop()] if rest and not isinstance(rest[-1], Token) else []
        numbers = [t for t in rest if t.type == "NUMBER"]
        return ("split", self._sample("split", numbers, numbers[-1], salt))

    def _sample(self, kind, numbers, last, salt):
        span = Span(numbers[0].start_pos, last.end_pos, numbers[0].line, numbers[0].column)
        return ast.Sample.build(kind=kind, span=span, shares=[float(n.value) for n in numbers], shares_span=span,
                                salt=salt[0] if salt and salt[0] is not None else None)

    def salt(self, children):
        return _decode_string(children[1])

    # -- partitions and rulesets
    def partition(self, children):
        _kw, name, _of, of, _by, *rest = children
        min_size = rest[-1]  # (rest[-2] is the min_size keyword)
        dimensions = rest[:-2]
        return ast.Partition.build(
            kind="partition", span=_mspan(children), name=name.value, name_span=_tspan(name), of=of,
            dimensions=dimensions, min_size=None if min_size is None else self._whole(min_size, "min_size", "a number of customers"),
            min_size_span=None if min_size is None else _tspan(min_size))

    def dim_values(self, children):
        return ast.Dimension.build(span=_mspan(children), kind="values", expr=children[0], items=None)

    def dim_bands(self, children):
        return ast.Dimension.build(span=_mspan(children), kind="bands", expr=children[0], items=children[2])

    def dim_list(self, children):
        return ast.Dimension.build(span=_mspan(children), kind="list", expr=children[0], items=children[2])

    def ruleset(self, children):
        _kw, name, _of, of, _exclusive, _lbrace, *rules, _else, otherwise, _rbrace = children
        return ast.Ruleset.build(
            kind="ruleset", span=_mspan(children), name=name.value, name_span=_tspan(name), of=of, rules=rules,
            otherwise=None if otherwise is None else otherwise.value,
            otherwise_span=None if otherwise is None else _tspan(otherwise))

    def rule(self, children):
        name, condition = children
        return ast.Rule.build(span=_mspan(children), name=name.value, name_span=_tspan(name), condition=condition)

    def path(self, children):
        names = children[::2]
        return ast.Path.build(span=_mspan(children), parts=[t.value for t in names])

    # -- logic
    def _boolop(self, kind, children):
        left, right = children
        # and/or are associative, so a run of the same operator becomes one flat node.
        operands = left.operands[:] if isinstance(left, ast.BoolOp) and left.kind == kind else [left]
        operands.append(right)
        return ast.BoolOp.build(kind=kind, span=_mspan(children), operands=operands)

    def or_(self, children):
        return self._boolop("or", children)

    def and_(self, children):
        return self._boolop("and", children)

    def not_(self, children):
        return ast.Not.build(kind="not", span=_mspan(children), operand=children[1])

    def paren(self, children):
        inner = children[1]
        # Keep the parenthesised span so carets point at what the user wrote.
        return inner.model_copy(update={"span": _mspan(children)})

    # -- predicates
    def compare(self, children):
        left, op, right = children
        return ast.Compare.build(
            kind="compare", span=_mspan(children), op=_COMPARE_ALIASES.get(op.value, op.value),
            op_span=_tspan(op), left=left, right=right,
        )

    def in_(self, children):
        return ast.InList.build(kind="in", span=_mspan(children), negated=False, operand=children[0], items=children[2])

    def not_in(self, children):
        return ast.InList.build(kind="in", span=_mspan(children), negated=True, operand=children[0], items=children[3])

    def between(self, children):
        operand, _kw, low, high = children
        return ast.Between.build(kind="between", span=_mspan(children), negated=False, operand=operand, low=low, high=high)

    def not_between(self, children):
        operand, _not, _kw, low, high = children
        return ast.Between.build(kind="between", span=_mspan(children), negated=True, operand=operand, low=low, high=high)

    def is_null(self, children):
        return ast.IsNull.build(kind="is_null", span=_mspan(children), negated=False, operand=children[0])

    def is_not_null(self, children):
        return ast.IsNull.build(kind="is_null", span=_mspan(children), negated=True, operand=children[0])

    def string_op(self, children):
        operand, op, pattern = children
        return ast.StringOp.build(kind="string_op", span=_mspan(children), op=op.value, operand=operand, pattern=pattern)

    # -- arithmetic and atoms
    def binary(self, children):
        left, op, right = children
        return ast.Binary.build(kind="binary", span=_mspan(children), op=op.value, left=left, right=right)

    def neg(self, children):
        operand = children[1]
        if isinstance(operand, ast.NumberLit) and not operand.text.startswith("-"):
            return ast.NumberLit.build(kind="number", span=_mspan(children), value=-operand.value, text="-" + operand.text)
        return ast.Neg.build(kind="neg", span=_mspan(children), operand=operand)

    def name(self, children):
        tok = children[0]
        return ast.Name.build(kind="name", span=_tspan(tok), name=tok.value)

    def call(self, children):
        name, _lpar, *args, _rpar = children
        args = [a for a in args if a is not None]
        return ast.Call.build(kind="call", span=_mspan(children), name=name.value, name_span=_tspan(name), args=args)

    def dotted(self, children):
        if len(children) == 3:  # an event field or a child segment: the checker tells which
            table, _dot, field = children
            return ast.Attr.build(kind="attr", span=_mspan(children), table=table.value, table_span=_tspan(table),
                                  field=field.value, field_span=_tspan(field))
        return ast.Name.build(kind="name", span=_mspan(children), name="".join(t.value for t in children))

    def at_least(self, children):
        return self._count_of("at_least", children)

    def at_most(self, children):
        return self._count_of("at_most", children)

    def _count_of(self, kind, children):
        _kw, number, _of, _lpar, *items, _rpar = children
        return ast.AtLeast.build(kind=kind, span=_mspan(children), count=self._whole(number, f"'{kind.replace('_', ' ')}'", "a count of conditions"),
                                 count_span=_tspan(number), items=[i for i in items if i is not None])

    def set_op(self, children):
        left, op, right = children
        return ast.SetOp.build(kind="set_op", span=_mspan(children), op=op.value, op_span=_tspan(op), left=left, right=right)

    def filtered(self, children):
        source, _where, where, *window = children  # the window is optional
        window = window[0] if window else None
        return ast.EventsArg.build(kind="events_arg", span=_mspan(children), source=source, where=where, window=window)

    def windowed(self, children):
        source, window = children
        return ast.EventsArg.build(kind="events_arg", span=_mspan(children), source=source, where=None, window=window)

    def last_window(self, children):
        _kw, number, unit = children
        amount = self._whole(number, "a window")
        return ast.Window.build(kind="last", span=_mspan(children), amount=amount, unit=unit.value.rstrip("s"),
                                start=None, end=None)

    def before_window(self, children):
        return ast.Window.build(kind="before", span=_mspan(children), amount=None, unit=None, start=None, end=children[1])

    def after_window(self, children):
        return ast.Window.build(kind="after", span=_mspan(children), amount=None, unit=None, start=children[1], end=None)

    def range_window(self, children):
        _from, start, _to, end = children
        return ast.Window.build(kind="range", span=_mspan(children), amount=None, unit=None, start=start, end=end)

    def list(self, children):
        return ast.ListExpr.build(kind="list", span=_mspan(children), items=[c for c in children[1:-1] if c is not None])

    def duration(self, children):
        number, unit = children
        amount = self._whole(number, "a duration")
        return ast.Duration.build(kind="duration", span=_mspan(children), amount=amount, unit=unit.value.rstrip("s"))

    def _whole(self, number: Token, what: str,
               help: str = "use a smaller unit: '1.5 weeks' is '10 days' (units: days, weeks, months, years)") -> int:
        if "." in number.value:
            state = _current.get()
            state.diagnostics.append(error("E106", f"{what} needs a whole number, not {number.value}", _tspan(number),
                                           help=help))
        return int(float(number.value))

    def number(self, children):
        tok = children[0]
        value = float(tok.value) if "." in tok.value else int(tok.value)
        return ast.NumberLit.build(kind="number", span=_tspan(tok), value=value, text=tok.value)

    def string(self, children):
        tok = children[0]
        return ast.StringLit.build(kind="string", span=_tspan(tok), value=_decode_string(tok))

    def true(self, children):
        return ast.BoolLit.build(kind="bool", span=_tspan(children[0]), value=True)

    def false(self, children):
        return ast.BoolLit.build(kind="bool", span=_tspan(children[0]), value=False)

    def null(self, children):
        return ast.NullLit.build(kind="null", span=_tspan(children[0]))


# --- driving Lark and reporting syntax errors ---------------------------------

@lru_cache(maxsize=1)
def _lark() -> Lark:
    # strict=True turns grammar conflicts (shift/reduce, terminal collisions) into errors.
    text = grammar_text()
    return Lark(text, parser="lalr", lexer=GrammarLexer, transformer=_ToAst(), maybe_placeholders=True,
                strict=True, cache=grammar_cache_path(text))


@lru_cache(maxsize=1)
def _tables() -> LeanTables:
    return LeanTables(_lark())


def _parse_text(text: str, state: _ParseState) -> ast.Program:
    """The AST of text that parses; Lark's `UnexpectedInput` otherwise."""
    try:
        return _tables().parse(text)
    except NotParsed:
        state.diagnostics = []  # the lean attempt's diagnostics are made again by Lark's
        return _lark().parse(text)


# Plain words for the grammar's terminals; users never see Lark's internal names.
_TERMINAL_WORDS = {
    "NAME": "a name", "NUMBER": "a number", "STRING": "a string", "UNIT": "a time unit (days, weeks, months, years)",
    "COMPARE": "a comparison (==, !=, <, <=, >, >=)", "STRING_OP": "contains, starts_with, ends_with or matches",
    "PLUS": "'+'", "MINUS": "'-'", "STAR": "'*'", "SLASH": "'/'", "SEGMENT": "'segment'", "KEY": "'key'",
    "DESCRIPTION": "'description'", "TAGS": "'tags'", "_OR": "'or'", "_AND": "'and'", "NOT": "'not'",
    "IN": "'in'", "BETWEEN": "'between'", "IS": "'is'", "NULL": "'null'", "TRUE": "'true'", "FALSE": "'false'",
    "LPAR": "'('", "RPAR": "')'", "LSQB": "'['", "RSQB": "']'", "LBRACE": "'{'", "RBRACE": "'}'",
    "WHERE": "'where'", "IN_LAST": "'in last'", "BEFORE": "'before'", "AFTER": "'after'", "FROM": "'from'",
    "TO": "'to'", "DOT": "'.'", "EVENTS": "'events'", "OF": "'of'", "BY": "'by'", "AT": "'at'",
    "PARTITION": "'partition'", "RULESET": "'ruleset'", "EXCLUSIVE": "'exclusive'", "ELSE": "'else'",
    "EXHAUSTIVE": "'exhaustive'", "DISJOINT": "'disjoint'", "HOLDOUT": "'holdout'", "SPLIT": "'split'",
    "SALT": "'salt'", "BANDS": "'bands'", "MIN_SIZE": "'min_size'", "UNION": "'union'", "EXCEPT": "'except'",
    "INTERSECT": "'intersect'", "AT_LEAST": "'at least'", "AT_MOST": "'at most'", "PERCENT": "'%'",
    "COMMA": "','", "COLON": "':'", "ENTITY": "'entity'", "$END": "the end of the file",
}


def _describe_token(tok: Token) -> str:
    if tok.type == "NAME":
        return f"name '{tok.value}'"
    if tok.type == "NUMBER":
        return f"number {tok.value}"
    if tok.type == "STRING":
        return f"string {tok.value}"
    return f"'{tok.value}'"


_VALUE_START = {"NAME", "NUMBER", "STRING", "TRUE", "FALSE", "NULL", "LPAR", "MINUS", "NOT", "LSQB", "AT_LEAST", "AT_MOST"}
# What may follow a whole condition besides 'and'/'or' and a new item: not worth listing each time.
_AFTER_CONDITION = {"DESCRIPTION", "TAGS", "EXHAUSTIVE", "DISJOINT", "HOLDOUT", "SPLIT", "LBRACE", "UNION", "EXCEPT",
                    "INTERSECT", "PARTITION", "RULESET", "RBRACE"}
_OPERATORS = {"COMPARE", "STRING_OP", "PLUS", "STAR", "SLASH", "IN", "BETWEEN", "IS"}


def _expected_words(expected) -> str:
    """What could have come instead, grouped the way a person thinks of it."""
    expected = {t for t in expected if not t.startswith("__")}
    words = []
    if {"NAME", "NUMBER", "STRING"} <= expected:
        words.append("a value (a field, a number, a string, '(' ...)")
        expected -= _VALUE_START
    if len(expected & _OPERATORS) >= 3:
        words.append("an operator (==, <, in, contains, + ...)")
        expected -= _OPERATORS | {"MINUS"}
    if {"_AND", "_OR"} <= expected:
        words.append("'and' or 'or'")
        expected -= {"_AND", "_OR"}
    if {"SEGMENT", "ENTITY"} <= expected:
        words.append("a new item (segment, partition, ruleset, entity, events)")
        expected -= {"SEGMENT", "ENTITY", "EVENTS", "$END"} | _AFTER_CONDITION
    words += sorted(_TERMINAL_WORDS.get(t, f"'{t.lower()}'") for t in expected)
    if not words:
        return ""
    return "expected " + (", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0])


def _acceptable(exc: UnexpectedToken) -> set[str]:
    """The tokens the parser could take right here (Lark's `expected` can be a superset)."""
    try:
        return set(exc.interactive_parser.accepts())
    except Exception:  # noqa: BLE001 - fall back to Lark's own list
        return set(exc.expected)


def _syntax_diagnostic(exc: UnexpectedInput, source: Source) -> Diagnostic:
    if isinstance(exc, UnexpectedCharacters):
        ch = source.text[exc.pos_in_stream]
        span = source.span(exc.pos_in_stream, exc.pos_in_stream + 1)
        if ch == '"':
            return error("E103", "this string is never closed", span,
                         help='close it with " on the same line; write \\" for a quote inside a string')
        hints = {"'": 'strings are written in double quotes: "road"', "&": "write 'and' instead of '&&'",
                 "|": "write 'or' instead of '||'", "!": "write 'not' or '!='", ";": "segments need no ';' between them"}
        return error("E102", f"unexpected character {ch!r}", span, help=hints.get(ch) or _expected_words(exc.allowed or ()) or None)
    if isinstance(exc, UnexpectedToken):
        tok = exc.token
        if tok.type == "$END":
            # Lark gives the end-of-file token the position of the last real token: point there,
            # not at a trailing comment.
            end = tok.end_pos or 1
            start = end - 1
            return error("E105", "the file ends in the middle of a definition", source.span(start, end),
                         help=_expected_words(_acceptable(exc)) or None)
        span = _tspan(tok)
        help_text = _expected_words(_acceptable(exc))
        if tok.type == "NAME" and "COMPARE" in exc.expected:
            help_text = f"{help_text}; is an operator missing or misspelt?"
        return error("E101", f"unexpected {_describe_token(tok)}", span, help=help_text or None)
    raise exc  # LALR reports the end of input as UnexpectedToken($END), handled above


def _blank_item(text: str, pos: int) -> str:
    """Blank out the item around `pos` (keeping newlines so positions stay the same)."""
    starts = [m.start(1) for m in _ITEM_START.finditer(text)]
    # An error found right at 'segment'/'entity' means the item before it was left unfinished.
    begin = max([s for s in starts if (s < pos if pos in starts else s <= pos)], default=0)
    end = min([s for s in starts if s > begin], default=len(text))
    if not text[begin:end].strip():  # nothing left before the error: drop the item at it
        begin, end = pos, min([s for s in starts if s > pos], default=len(text))
    kept = list(re.sub(r"[^\n]", " ", text[begin:end]))
    # Braces stay balanced: a '}' that closes a block opened before the item stays (its parent
    # still ends there), and a block the item opens loses its closing '}' after the item too
    # (its children become items of their own).
    before = 0
    for brace in _braces(text, 0, begin):
        before = before + 1 if brace.group() == "{" else max(before - 1, 0)
    opened = 0
    for brace in _braces(text, begin, end):
        if brace.group() == "{":
            opened += 1
        elif opened:
            opened -= 1
        elif before:
            before -= 1
            kept[brace.start() - begin] = "}"
    tail, inner = list(text[end:]), 0
    for brace in _braces(text, end, len(text)):
        if not opened:
            break
        if brace.group() == "{":
            inner += 1
        elif inner:
            inner -= 1
        else:
            opened -= 1
            tail[brace.start() - end] = " "
    return text[:begin] + "".join(kept) + "".join(tail)


_BRACE = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[{}]')  # strings and comments are matched to be skipped


def _braces(text: str, start: int, end: int):
    """The braces of text[start:end] outside strings and comments."""
    return (m for m in _BRACE.finditer(text, start, end) if m.group() in "{}")


def parse(source: Source | str, *, comments: bool = False) -> tuple[ast.Program, list[Diagnostic]]:
    """Parse a whole file. Returns the AST of every item that parsed and the diagnostics.

    With `comments=True` the lexer also collects the comments, into `Program.comments` (the
    formatter needs them; nothing else does, so they are not collected by default)."""
    if isinstance(source, str):
        source = Source(source)
    state = _ParseState(source)
    token = _current.set(state)
    found: list[tuple[int, int]] | None = [] if comments else None
    comments_token = collected_comments.set(found)
    try:
        text = source.text
        syntax: list[Diagnostic] = []
        while True:
            state.diagnostics = []  # only the last, complete attempt's transform diagnostics count
            try:
                with gc_paused():
                    program = _parse_text(text, state)
                break
            except UnexpectedInput as exc:
                diag = _syntax_diagnostic(exc, source)
                syntax.append(diag)
                new_text = _blank_item(text, diag.span.start if diag.span else 0)
                if new_text == text:
                    program = ast.Program.model_construct(items=[])
                    break
                text = new_text
        # Items blanked out after a syntax error must not also leak diagnostics raised while
        # transforming them, so keep syntax errors first, in source order.
        diagnostics = sorted(syntax, key=lambda d: d.span.start if d.span else 0) + state.diagnostics
        if found:
            program.comments = [ast.Comment.build(kind="comment", span=source.span(start, end), text=source.text[start:end])
                                for start, end in found]
        return program, diagnostics
    finally:
        collected_comments.reset(comments_token)
        _current.reset(token)
