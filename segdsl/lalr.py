"""A lean driver for the LALR(1) tables Lark builds from grammar/segdsl.lark.

Lark compiles the grammar, proves it conflict-free (strict mode) and builds the parse table
and the callbacks that make AST nodes; all of that stays Lark's. Lark's own parser loop then
looks up every action through objects that compare in Python (rule and token names are Token
instances, rules hash in Python) and calls a wrapper per reduction, including the many unit
reductions of the precedence chain (`sum -> product -> unary -> atom`), which pass their only
child through unchanged. That loop was most of parse time on large files.

`LeanTables` re-keys the same table with plain strings and integers once, and `parse` runs the
standard shift/reduce loop over it, skipping the pass-through reductions. It handles only input
that parses: at the first lexical or syntax error it raises `NotParsed`, and the caller re-parses
with Lark's own parser, which reports the error with its full context (expected tokens, the
interactive parser for recovery). So both paths build the same AST, and errors look the same.
"""

from __future__ import annotations

from itertools import chain
from typing import Any, Callable

from lark import Lark
from lark.exceptions import UnexpectedInput
from lark.lexer import LexerState
from lark.parsers.lalr_analysis import Shift
from lark.utils import TextSlice


class NotParsed(Exception):
    """The text does not parse; Lark's own parser will say why."""


class _Position:
    """What the lexer sees of the parser: the current state and the table's actions in it."""

    __slots__ = ("stack", "parse_conf", "states")

    def __init__(self, stack: list[int], states: dict) -> None:
        self.stack = stack
        self.states = states
        self.parse_conf = self  # the lexer reads parser_state.parse_conf.states

    @property
    def position(self) -> int:
        return self.stack[-1]


class _End:
    type = "$END"


class LeanTables:
    """Lark's parse table for one start symbol, with plain-string keys and integer actions.

    An action >= 0 shifts to that state; an action < 0 reduces by rule `~action`.
    """

    def __init__(self, lark: Lark, start: str = "start") -> None:
        frontend = lark.parser
        parser = frontend.parser.parser  # lark's _Parser: parse_table and callbacks
        table, callbacks = parser.parse_table, parser.callbacks
        self.lexer = frontend.lexer
        self.lark_states = table.states
        self.start_state = table.start_states[start]
        self.end_state = table.end_states[start]
        rule_numbers: dict[Any, int] = {}
        # (children to pop, name of the rule's symbol, callback or None for a pass-through)
        self.rules: list[tuple[int, str, Callable | None]] = []
        self.actions: dict[int, dict[str, int]] = {}
        for state, row in table.states.items():
            lean = {}
            for symbol, (action, arg) in row.items():
                if action is Shift:
                    lean[str(symbol)] = arg
                    continue
                if arg not in rule_numbers:
                    rule_numbers[arg] = len(self.rules)
                    passes_through = len(arg.expansion) == 1 and arg.options.expand1 and not arg.alias
                    self.rules.append((len(arg.expansion), str(arg.origin.name),
                                       None if passes_through else callbacks[arg]))
                lean[str(symbol)] = ~rule_numbers[arg]
            self.actions[state] = lean
        self._runs: dict[tuple[int, int, str], int] = {}  # see parse()

    def _pass_through_run(self, top: int, below: int, kind: str) -> int:
        """The top state after every pass-through reduction that `kind` causes from `top`."""
        while True:
            action = self.actions[top][kind]
            if action >= 0:
                return top
            _size, symbol, callback = self.rules[~action]
            if callback is not None:
                return top
            top = self.actions[below][symbol]

    def parse(self, text: str):
        """The callbacks' result for the whole text; `NotParsed` at the first error."""
        actions, rules, end_state, runs = self.actions, self.rules, self.end_state, self._runs
        stack = [self.start_state]
        values: list = []
        tokens = self.lexer.lex(LexerState(TextSlice.cast_from(text)), _Position(stack, self.lark_states))
        try:
            for token in chain(tokens, (_End,)):
                kind = token.type
                while True:
                    action = actions[stack[-1]][kind]
                    if action >= 0:
                        stack.append(action)
                        values.append(token)
                        break
                    size, symbol, callback = rules[~action]
                    if callback is None:
                        # A pass-through keeps the value and the stack below it, and swaps only the
                        # top state; a run of them depends on nothing else, so it is looked up once.
                        top, below = stack[-1], stack[-2]
                        key = (top, below, kind)
                        after = runs.get(key)
                        if after is None:
                            after = runs[key] = self._pass_through_run(top, below, kind)
                        stack[-1] = after
                        continue
                    if size:
                        value = callback(values[-size:])
                        del stack[-size:]
                        del values[-size:]
                    else:
                        value = callback([])
                    state = actions[stack[-1]][symbol]
                    if state == end_state and kind == "$END":
                        return value
                    stack.append(state)
                    values.append(value)
        except (KeyError, UnexpectedInput):
            raise NotParsed from None
        raise NotParsed  # unreachable for a table Lark built: $END always ends in the accepting state
