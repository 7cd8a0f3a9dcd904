"""The fast parse path agrees with Lark's own parser and Lark's contextual lexer.

`segdsl.parser` parses with a lean driver over Lark's LALR table (segdsl/lalr.py), fed by a
one-regex lexer (segdsl/lexer.py), and falls back to Lark's parser for errors. These tests
pin both to the reference: Lark's LALR parser with its contextual lexer, on the same grammar
and the same callbacks. Same AST (spans included) for text that parses; an error at the same
place for text that does not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedToken

from segdsl.grammar_file import grammar_text
from segdsl.lalr import NotParsed
from segdsl.parser import _current, _lark, _ParseState, _tables, _ToAst
from segdsl.source import Source

from generate import segment_file

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reference() -> Lark:
    # Also the terminal-collision check: strict mode with Lark's own contextual lexer refuses
    # a grammar whose terminals can match the same text.
    return Lark(grammar_text(), parser="lalr", lexer="contextual", transformer=_ToAst(),
                maybe_placeholders=True, strict=True)


def outcome(parse_text, text: str):
    """The AST as JSON plus transform diagnostics, or where and how parsing failed."""
    state = _ParseState(Source(text))
    token = _current.set(state)
    try:
        return {"ast": parse_text(text).model_dump_json(), "diagnostics": [d.code for d in state.diagnostics]}
    except NotParsed:
        return "error"
    except UnexpectedCharacters as exc:
        return ("characters", exc.pos_in_stream)
    except UnexpectedToken as exc:
        return ("token", exc.token.type, exc.token.start_pos)
    finally:
        _current.reset(token)


def assert_same(reference: Lark, text: str) -> None:
    expected = outcome(reference.parse, text)
    assert outcome(_lark().parse, text) == expected  # Lark's parser, our lexer
    # The lean driver only parses; for an error it defers to Lark (which reports it above).
    assert outcome(_tables().parse, text) == (expected if isinstance(expected, dict) else "error")


EDGE_CASES = [
    "",
    "# only a comment",
    "segment a: x",
    'entity customers {\n  key key: int\n  days: int\n  description: string\n  tags: string\n  contains: string\n}\n'
    'segment a: key > 1 and days < 3 and description == "x" and tags contains "y" description "d" tags ["t"]',
    "segment a: x == 1\r\nsegment b: y != 2 # trailing comment\r\n",
    "segment andy: andy and nullish or notable",
    'segment a: city in ["Wrocław", "Łódź", "\\u0141"] and name matches "^a\\\\d"',
    "segment a: signup >= today() - 3 days and last < now() - 1 week and d < date(\"2024-01-01\")",
    "segment a: -x * -2.5 / (y - 1) + 3 > 0",
    "segment a: x not between 1 and 2 and y not in [1, 2,] and z is not null and not w",
    "segment a: x == 1.5 days",  # E106 raised by a callback, on both paths
    'segment a: x == "\\q"',  # E104 likewise
    "segment a: x = 1 and y <> 2",
    # errors
    "segment a: x ==",
    "segment a: and",
    "segment a: x && y",
    "segment : x",
    "segment a: x == 'road'",
    'segment a: x == "never closed',
    "segment a: key == 1 segment b: days",
    "entity e { key: }",
]


@pytest.mark.parametrize("text", EDGE_CASES, ids=range(len(EDGE_CASES)))
def test_edge_cases_agree(reference, text):
    assert_same(reference, text)


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.seg")), ids=lambda p: p.name)
def test_examples_agree(reference, path):
    assert_same(reference, path.read_text(encoding="utf-8"))


def test_generated_file_agrees(reference):
    assert_same(reference, segment_file(300, seed=7))


# Random token soup: mostly nonsense, sometimes valid; keywords and names mixed on purpose.
_PIECES = [
    "segment", "entity", "key", "description", "tags", "and", "or", "not", "in", "is", "null",
    "between", "true", "false", "contains", "matches", "imatches", "days", "week", "x", "age",
    "andy", "key_", "a1", "1", "2.5", '"s"', '"Ł"', "==", "!=", "<", ">=", "=", "<>", "+", "-",
    "*", "/", "(", ")", "[", "]", "{", "}", ":", ",", "#c\n", "\n", "'", "@",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([" ", "", "\n", "  \t"]))
def test_random_token_soup_agrees(reference, pieces, glue):
    assert_same(reference, "segment s: " + glue.join(pieces))
    assert_same(reference, glue.join(pieces))


def test_long_whitespace_before_a_bad_character_does_not_backtrack():
    # The lexer skips whitespace and comments inside each token's pattern; without a possessive
    # repeat, a failed match would try every split of the whitespace (exponential time).
    code = ("from segdsl.parser import parse\n"
            "_, diags = parse('segment a: x == 1' + ' ' * 5000 + '\\n# c\\n' * 50 + '@')\n"
            "print(diags[0].code)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "E102", done.stderr
