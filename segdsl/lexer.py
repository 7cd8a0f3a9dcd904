"""The lexer Lark's LALR parser pulls tokens from: one regular expression for all terminals.

Lark's contextual lexer tries, at every token, only the terminals the parser can accept in its
current state, so that a keyword such as `key`, `days` or `description` is a plain name where
a keyword cannot stand. It pays for that on every token (a scanner per state, a line counter,
and a separate match for each run of whitespace), which was half of parse time.

This lexer reaches the same tokens a cheaper way: one combined pattern of every terminal, in
Lark's own priority order, with whitespace and comments skipped by a single match. Only when the
winning terminal cannot stand in the parser's current state does it fall back to the terminals
that can (this is the contextual rule, and happens only where a keyword is used as a name or at
a syntax error). Terminals come from the grammar, so the grammar stays the one definition.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Iterator

from lark.exceptions import UnexpectedCharacters
from lark.lexer import Lexer, LexerState, Token

_new_token = Token._future_new  # Token(...) without the deprecated-keyword check on every call
_COMMENT = re.compile(r"#[^\n]*")

# Where comments go while lexing, as (start, end) offsets; None (the default) collects nothing, so
# parsing for any other purpose than formatting pays for one check per whitespace run, no more.
collected_comments: ContextVar[list[tuple[int, int]] | None] = ContextVar("segdsl_comments", default=None)


def _lark_order(terminal) -> tuple:
    """The order Lark's own lexers try terminals in: priority, then the longest pattern first."""
    return (-terminal.priority, -terminal.pattern.max_width, -len(terminal.pattern.value), terminal.name)


class GrammarLexer(Lexer):
    __future_interface__ = 2  # lex(lexer_state, parser_state): we need the parser's state

    def __init__(self, conf) -> None:
        flags = conf.g_regex_flags
        terminals = sorted((t for t in conf.terminals if t.name not in conf.ignore), key=_lark_order)
        self._terminals = terminals
        self._terminal_names = {t.name for t in terminals}
        self._flags = flags
        ignored = "|".join(t.pattern.to_regexp() for t in conf.terminals if t.name in conf.ignore)
        # Possessive (*+): a failed match must not backtrack through every split of the whitespace.
        self._skip = re.compile(f"(?:{ignored})*+", flags).match
        # Whitespace and comments are skipped as part of each token's match: one match per token.
        self._master = re.compile(
            f"(?:{ignored})*+(?:" + "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals) + ")",
            flags).match
        self._by_state: dict[int, object] = {}

    def _contextual_match(self, state: int, acceptable, text: str, pos: int):
        """The match among only the terminals the parser can take here (Lark's contextual rule)."""
        match = self._by_state.get(state)
        if match is None:
            allowed = [t for t in self._terminals if t.name in acceptable]
            pattern = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in allowed) or "(?!)"
            match = self._by_state[state] = re.compile(pattern, self._flags).match
        return match(text, pos)

    def lex(self, lexer_state: LexerState, parser_state) -> Iterator[Token]:
        text = lexer_state.text.text
        master, states = self._master, parser_state.parse_conf.states
        pos, line, line_start = 0, 1, 0
        comments = collected_comments.get()
        if comments is not None:
            comments.clear()  # a text parsed twice (the lean driver, then Lark) keeps only the last pass
        while True:
            m = master(text, pos)
            if m is not None:
                kind = m.lastgroup
                start = m.start(kind)
            else:  # the end of the text, or a character no terminal matches
                kind, start = None, self._skip(text, pos).end()
                if start == len(text):
                    if comments is not None:
                        comments += ((c.start(), c.end()) for c in _COMMENT.finditer(text, pos, start))
                    return
            if start != pos:
                if comments is not None:  # the skipped run is whitespace and comments only: no strings
                    comments += ((c.start(), c.end()) for c in _COMMENT.finditer(text, pos, start))
                newlines = text.count("\n", pos, start)
                if newlines:
                    line += newlines
                    line_start = text.rindex("\n", pos, start) + 1
            state = parser_state.position
            acceptable = states[state]
            if kind not in acceptable:
                # Not a token the parser can take here: try the terminals it can. If none
                # matches, keep the global match, so the parser reports it as unexpected.
                contextual = self._contextual_match(state, acceptable, text, start)
                if contextual is not None:
                    m, kind = contextual, contextual.lastgroup
                elif m is None:
                    raise UnexpectedCharacters(
                        text, start, line, start - line_start + 1,
                        allowed={t for t in acceptable if t in self._terminal_names},
                        state=parser_state, token_history=lexer_state.last_token and [lexer_state.last_token],
                    )
            pos = m.end()
            column = start - line_start + 1
            token = _new_token(kind, text[start:pos], start, line, column, line, column + pos - start, pos)
            lexer_state.last_token = token
            yield token
