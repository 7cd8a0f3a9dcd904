"""The formatter (segdsl/formatter.py): the canonical layout of every construct, comments kept in
place, idempotence, and the same syntax tree before and after (also on random programs)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segdsl import ast
from segdsl.diagnostics import SegdslError
from segdsl.formatter import format_source, syntax_tree
from segdsl.parser import parse

from generate import segment_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.seg"))


def fmt(text: str, width: int = 88) -> str:
    """The formatted text, checked here too: same syntax tree, and formatting it again changes nothing."""
    out = format_source(text, width)
    before, before_diags = parse(text)
    after, after_diags = parse(out)
    assert not before_diags and not after_diags
    assert syntax_tree(after) == syntax_tree(before)
    assert format_source(out, width) == out
    return out


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# --- comments collected by the lexer -----------------------------------------------------------

def test_comments_are_collected_with_their_spans_only_when_asked():
    text = '# head\nsegment a: x == "# not one"  # tail # still tail\n  and y\n# end'
    program, diagnostics = parse(text, comments=True)
    assert not diagnostics
    assert [(c.text, c.span.start, c.span.line, c.span.column) for c in program.comments] == [
        ("# head", 0, 1, 1), ("# tail # still tail", 36, 2, 30), ("# end", 64, 4, 1)]
    assert all(isinstance(c, ast.Comment) for c in program.comments)
    assert parse(text)[0].comments == []


def test_comments_are_not_in_the_json_syntax_tree():
    program, _ = parse("segment a: x  # c\n", comments=True)
    assert "comments" not in program.model_dump_json() and program.comments


# --- the canonical layout, construct by construct ----------------------------------------------

LAYOUT = {
    "entity and events": (
        '''entity customers{key customer_id:int sport:enum("road","mountain",)   key:string
        age : int}
        events orders of customers by customer_id at ordered_at{amount:float}''',
        """\
        entity customers {
          key customer_id: int
          sport: enum("road", "mountain")
          key: string
          age: int
        }

        events orders of customers by customer_id at ordered_at {
          amount: float
        }
        """),
    "operators": (
        '''segment s: a = 1 and b <> 2 and c<3 and d>=4 and -x*2+y/-3 > - - 1 and e between 1 and 2 and f not between -1.50 and 2.0
        segment t: x is null or y is not null or z in [1,2,3,] or w not in ["a"] or n contains "#x" or n starts_with "a" or n ends_with "b" or n matches "^a" or n imatches "b"''',
        """\
        segment s: a == 1
            and b != 2
            and c < 3
            and d >= 4
            and -x * 2 + y / -3 > - -1
            and e between 1 and 2
            and f not between -1.50 and 2.0
        segment t: x is null
            or y is not null
            or z in [1, 2, 3]
            or w not in ["a"]
            or n contains "#x"
            or n starts_with "a"
            or n ends_with "b"
            or n matches "^a"
            or n imatches "b"
        """),
    "parentheses where precedence needs them, and around an and in an or": (
        '''segment p: ((a or b)) and (not (c)) and not (d and e) and (a - (b - c)) * (d + e) > (1) and ((x == 1) == true)
        segment q: (a union b) intersect (c except d) union (e intersect f) except (g or h)
        segment r: (a and b) or c and (d or e)''',
        """\
        segment p: (a or b)
            and not c
            and not (d and e)
            and (a - (b - c)) * (d + e) > 1
            and (x == 1) == true
        segment q: ((a union b) intersect (c except d)) union (e intersect f) except (g or h)
        segment r: (a and b) or (c and (d or e))
        """),
    "aggregates and windows": (
        '''segment w: count(orders where discounted in last 90 days)>0 and count(orders before today()-1 weeks)>count(orders after date("2024-01-01")) and sum(orders.amount from today() - 30 day to today()) > 1.50 and days_since(last(orders.ordered_at)) > 180''',
        """\
        segment w: count(orders where discounted in last 90 days) > 0
            and count(orders before today() - 1 week) > count(orders after date("2024-01-01"))
            and sum(orders.amount from today() - 30 days to today()) > 1.50
            and days_since(last(orders.ordered_at)) > 180
        """),
    "nested segments and every clause": (
        '''segment cyclists: sport is not null exhaustive disjoint tags ["a"] description "All \\"cyclists\\"" tags ["b",] {
        segment road: sport == "road" holdout 10.50% salt "q4"
        segment gravel: sport == "gravel" split 50/25/25 disjoint { segment a: true segment b: false }
        }
        segment single: x {}''',
        """\
        segment cyclists: sport is not null disjoint exhaustive
          description "All \\"cyclists\\""
          tags ["a", "b"]
        {
          segment road: sport == "road" holdout 10.5% salt "q4"
          segment gravel: sport == "gravel" split 50/25/25 disjoint {
            segment a: true
            segment b: false
          }
        }

        segment single: x
        """),
    "partitions, rulesets, at least": (
        '''partition bikes of cyclists.road by sport, age bands [18,25,35], city in ["Wrocław","Berlin"], ltv * 2 min_size 50
        ruleset lifecycle of cyclists exclusive { vip: ltv >= 3000 at_risk: last_seen < now() - 180 days else: regular }
        ruleset nothing exclusive {}
        segment counts: at least 2 of (a, b, c,) and at most 1 of (d)''',
        """\
        partition bikes of cyclists.road by sport, age bands [18, 25, 35], city in ["Wrocław", "Berlin"], ltv * 2 min_size 50

        ruleset lifecycle of cyclists exclusive {
          vip: ltv >= 3000
          at_risk: last_seen < now() - 180 days
          else: regular
        }

        ruleset nothing exclusive {}

        segment counts: at least 2 of (a, b, c) and at most 1 of (d)
        """),
    "long conditions and lists": (
        '''segment long_one: sport == "road" and level == "amateur" and sex == "F" and age between 18 and 29 and newsletter
        segment nested: (sport == "road" or sport == "gravel" or sport == "mountain" or sport == "track") and (level == "pro" or lifetime_value >= 1000)
        segment long_list: city in ["Wrocław", "Warszawa", "Kraków", "Gdańsk", "Poznań", "Łódź", "Szczecin", "Lublin"]
        segment sets: cyclists.road.amateur.women union cyclists.road.pro.women union cyclists.gravel except lifecycle.vip''',
        """\
        segment long_one: sport == "road"
            and level == "amateur"
            and sex == "F"
            and age between 18 and 29
            and newsletter
        segment nested: (
                sport == "road" or sport == "gravel" or sport == "mountain" or sport == "track"
            )
            and (level == "pro" or lifetime_value >= 1000)
        segment long_list: city in [
            "Wrocław",
            "Warszawa",
            "Kraków",
            "Gdańsk",
            "Poznań",
            "Łódź",
            "Szczecin",
            "Lublin",
        ]
        segment sets: cyclists.road.amateur.women
            union cyclists.road.pro.women
            union cyclists.gravel
            except lifecycle.vip
        """),
    "literals": (
        '''segment l: a == "\\/\\u0141\\t\\u0001" and b == 007 and c == 1.50 and d > 1 days and e > 2 week and f == -0''',
        """\
        segment l: a == "/Ł\\t\\u0001"
            and b == 007
            and c == 1.50
            and d > 1 day
            and e > 2 weeks
            and f == -0
        """),
}


@pytest.mark.parametrize("name", LAYOUT)
def test_layout(name):
    source, expected = LAYOUT[name]
    assert fmt(dedent(source)) == dedent(expected)


def test_a_long_condition_breaks_deeper_when_it_still_does_not_fit():
    text = "segment s: aaaa == 1 and (bbbb == 2 or cccc == 3 and dddd == 4) and eeee in [1, 2]\n"
    assert fmt(text, 30) == dedent("""\
        segment s: aaaa == 1
            and (
                bbbb == 2
                or (
                    cccc == 3
                    and dddd == 4
                )
            )
            and eeee in [1, 2]
        """)


def test_blank_lines_between_items_are_kept_at_most_one_and_blocks_stand_apart():
    text = "segment a: x\n\n\n\nsegment b: y\nsegment c: z\nentity e {\n\n  k: int\n\n\n  l: int\n\n}\nsegment d: w\n"
    assert fmt(text) == dedent("""\
        segment a: x

        segment b: y
        segment c: z

        entity e {
          k: int

          l: int
        }

        segment d: w
        """)


def test_a_number_before_a_rule_named_like_a_unit_keeps_its_parentheses():
    # `vip: x > 0  days: ...` would read `0 days` as a duration
    text = "ruleset r exclusive { vip: x > (0) days: y  other: (1) weeks: z }\n"
    assert fmt(text) == "ruleset r exclusive {\n  vip: (x > 0)\n  days: y\n  other: (1)\n  weeks: z\n}\n"


def test_a_condition_ending_in_at_before_a_rule_named_least_keeps_its_parentheses():
    # `x: at` then `least: ...` would read `at least`
    text = "ruleset r exclusive {\n  x: (at)\n  least: age > 1\n  y: (f or at)\n  most: f\n}\n"
    assert fmt(text) == "ruleset r exclusive {\n  x: (at)\n  least: age > 1\n  y: (f or at)\n  most: f\n}\n"


def test_empty_and_comment_only_files():
    assert fmt("") == "" and fmt("  \n\n") == ""
    assert fmt("# only\n\n\n# two") == "# only\n\n# two\n"


def test_line_endings_of_the_file_are_kept():
    assert fmt("segment a: x\r\nsegment b: y # c\r\n") == "segment a: x\r\nsegment b: y  # c\r\n"


def test_a_file_with_syntax_errors_is_not_formatted():
    with pytest.raises(SegdslError) as raised:
        format_source("segment a: (x\nsegment b: y ==\n")
    assert [d.code for d in raised.value.diagnostics] == ["E101", "E105"]  # every one, as `check` reports them
    with pytest.raises(SegdslError) as raised:  # found while building the tree, not by the grammar
        format_source('segment a: x == "\\q"')
    assert [d.code for d in raised.value.diagnostics] == ["E104"]


def test_a_file_that_does_not_check_is_still_formatted():
    assert fmt("segment a: unknown_field + \"text\" > nothing()") == 'segment a: unknown_field + "text" > nothing()\n'


# --- comments ----------------------------------------------------------------------------------

COMMENTS = {
    "own line and trailing, inside entity braces": (
        """\
        # file header

        # about customers
        entity customers {  # the people
          # the key comes first
          key id: int  # never null

          # what they ride
          sport: string
          # nothing after this
        }
        # a segment
        segment road: sport == "road"  # riders on tarmac
        """,
        """\
        # file header

        # about customers
        entity customers {  # the people
          # the key comes first
          key id: int  # never null

          # what they ride
          sport: string
          # nothing after this
        }

        # a segment
        segment road: sport == "road"  # riders on tarmac
        """),
    "in a ruleset": (
        """\
        ruleset lifecycle exclusive {
          # the best first
          vip: ltv >= 3000    # about 2% of them
          else: regular  # everyone else
          # end of the rules
        }
        """,
        """\
        ruleset lifecycle exclusive {
          # the best first
          vip: ltv >= 3000  # about 2% of them
          else: regular  # everyone else
          # end of the rules
        }
        """),
    "inside a broken condition": (
        """\
        segment s: sport == "road"  # tarmac
          # only amateurs
          and level == "amateur" and (sex == "F"  # women
          or age < 30) and city in ["Wrocław",  # the home town
          "Berlin"] and newsletter
        """,
        """\
        segment s: sport == "road"  # tarmac
            # only amateurs
            and level == "amateur"
            and (
                sex == "F"  # women
                or age < 30
            )
            and city in [
                "Wrocław",  # the home town
                "Berlin",
            ]
            and newsletter
        """),
    "a comment that ends a short condition does not break it": (
        "segment s: a and\n  b  # both\n",
        "segment s: a and b  # both\n"),
    "a '#' inside a string is no comment": (
        'segment s: city == "#1 #2"  # the real comment\n  description "# not a comment"\n',
        'segment s: city == "#1 #2"  # the real comment\n  description "# not a comment"\n'),
    "in a nested segment's braces": (
        "segment p: x {  # children\n  # first\n  segment c: y  # the child\n  # last\n}  # done\n",
        "segment p: x {  # children\n  # first\n  segment c: y  # the child\n  # last\n}  # done\n"),
    "at the end of the file": (
        "segment a: x\n\n# trailing thoughts\n\n\n# more",
        "segment a: x\n\n# trailing thoughts\n\n# more\n"),
    "where no token is left: empty braces": (
        "segment a: x {\n  # nothing yet\n}\nsegment b: y\n",
        "segment a: x\n# nothing yet\nsegment b: y\n"),
}


@pytest.mark.parametrize("name", COMMENTS)
def test_comments(name):
    source, expected = COMMENTS[name]
    assert fmt(dedent(source)) == dedent(expected)


def test_a_noqa_line_is_not_broken_even_when_too_long():
    text = ('segment not_gravel: sport not in ["gravel"] and level == "pro" and city == "Wrocław" and newsletter '
            'and age > 18  # segdsl: noqa: L201\n')
    assert fmt(text) == text


def test_a_noqa_comment_stays_with_the_code_of_its_line():
    text = "segment joined: age > 18\n  and sport != \"road\"  # segdsl: noqa\n  and city == \"Berlin\" and ltv > 100 and newsletter and level == \"pro\"\n"
    assert fmt(text) == dedent("""\
        segment joined: age > 18
            and sport != "road"  # segdsl: noqa
            and city == "Berlin"
            and ltv > 100
            and newsletter
            and level == "pro"
        """)
    assert fmt("segment s: a and\n  b  # segdsl: noqa\n") == "segment s: a and b  # segdsl: noqa\n"

    # the parenthesis the formatter adds around the `and` opens on the noqa line too, so the
    # suppression still covers the findings that start there
    text = 'segment s:\n  sport == "road" and age > 3  # segdsl: noqa: L103\n  or sport == "road"\n'
    out = fmt(text)
    assert out.splitlines()[0] == 'segment s: (sport == "road" and age > 3  # segdsl: noqa: L103'


def test_a_trailing_comment_stays_with_the_operand_it_follows():
    text = ('segment s: (sport == "road" or sport == "gravel")  # riders off the track\n'
            '  and level == "pro" and city == "Wrocław" and age > 30\n  or age > 70\n')
    out = fmt(text)
    assert '(sport == "road" or sport == "gravel")  # riders off the track' in out
    assert "age > 30\n" in out


def test_a_comment_after_a_trailing_comma_formats_once():
    text = "segment s: at least 1 of (at least 1 of (a > 1  # segdsl: noqa\n), f)\n"
    assert fmt(text).splitlines()[0] == "segment s: at least 1 of (at least 1 of (a > 1,  # segdsl: noqa"


# --- real files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_are_formatted(path):
    text = path.read_text(encoding="utf-8")
    assert fmt(text) == text


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_keep_their_meaning_and_comments_at_any_line_length(path):
    text = path.read_text(encoding="utf-8")
    for width in (30, 60, 120):
        out = fmt(text, width)
        assert [c.text for c in parse(out, comments=True)[0].comments] == \
            [c.text.rstrip() for c in parse(text, comments=True)[0].comments]


def test_the_examples_of_the_formatting_docs_are_formatted():
    blocks = re.findall(r"```seg\n(.*?)```", (ROOT / "docs" / "formatting.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2
    for block in blocks:
        assert fmt(block) == block


def test_a_generated_file_of_many_segments():
    fmt(segment_file(200, seed=3))


# --- random programs ----------------------------------------------------------------------------
# Programs are drawn as tokens, then joined by random spaces, line breaks and comments (noqa ones
# among them). Parentheses are added where precedence needs them, and now and then where not.

NAMES = ["a", "b", "x1", "days", "key", "tags", "description", "last"]
STRINGS = ['"road"', '""', '"a\\"b"', '"# no comment"', '"\\u0141ódź"', '"\\/\\t"']
NUMBERS = ["0", "1", "42", "1.50", "10.0"]
UNITS = ["day", "days", "week", "months", "year"]
SET, INTERSECT, OR, AND, NOT, PREDICATE, SUM, PRODUCT, UNARY, ATOM = range(10)


def joined(parts: list[list[str]], separator: str) -> list[str]:
    return [t for k, part in enumerate(parts) for t in ([separator] if k else []) + part]


@st.composite
def wrapped(draw, tokens: list[str], level: int, need: int) -> list[str]:
    return ["(", *tokens, ")"] if level < need or draw(st.integers(0, 9)) == 0 else tokens


@st.composite
def values(draw, depth: int = 2, need: int = SUM) -> list[str]:
    kind = draw(st.sampled_from(["atom", "atom", "call", "aggregate"] + (["binary", "neg"] if depth else [])))
    if kind == "atom":
        atom = draw(st.sampled_from(NAMES + STRINGS + NUMBERS + ["true", "null", "orders.amount", "s.t.u", "3 days"]))
        return draw(wrapped(atom.split(" ") if atom[0].isdigit() else [atom], ATOM, need))
    if kind == "call":
        args = draw(st.lists(values(max(depth - 1, 0), SET), max_size=2))
        return draw(wrapped([draw(st.sampled_from(["lower", "today", "f"])), "(", *joined(args, ","), ")"], ATOM, need))
    if kind == "aggregate":
        tokens = ["count", "(", draw(st.sampled_from(["orders", "orders.amount"]))]
        if draw(st.booleans()):
            tokens += ["where", *draw(conditions(0))]
        tokens += draw(st.sampled_from([[], ["in last", "90", "days"], ["before", "today", "(", ")"],
                                        ["after", "d"], ["from", "d", "to", "e", "-", "1", "week"]]))
        return draw(wrapped(tokens + [")"], ATOM, need))
    if kind == "neg":
        return draw(wrapped(["-", *draw(values(depth - 1, UNARY))], UNARY, need))
    op = draw(st.sampled_from(["+", "-", "*", "/"]))
    level = SUM if op in "+-" else PRODUCT
    return draw(wrapped(draw(values(depth - 1, level)) + [op] + draw(values(depth - 1, level + 1)), level, need))


@st.composite
def predicates(draw, depth: int) -> list[str]:
    kind = draw(st.sampled_from(["compare", "in", "between", "null", "text", "bare", "at least"]))
    left = draw(values(depth))
    if kind == "compare":
        return left + [draw(st.sampled_from(["==", "!=", "<", ">=", "=", "<>"]))] + draw(values(depth))
    if kind == "in":
        items = draw(st.lists(values(1, SET), min_size=1, max_size=4))
        return left + draw(st.sampled_from([["in"], ["not", "in"]])) + ["[", *joined(items, ","), "]"]
    if kind == "between":
        return left + draw(st.sampled_from([["between"], ["not", "between"]])) + draw(values(1)) + ["and"] + draw(values(1))
    if kind == "null":
        return left + draw(st.sampled_from([["is", "null"], ["is", "not", "null"]]))
    if kind == "text":
        return left + [draw(st.sampled_from(["contains", "matches"]))] + draw(values(0))
    if kind == "at least" and depth:
        items = draw(st.lists(conditions(depth - 1), min_size=1, max_size=3))
        return [draw(st.sampled_from(["at least", "at most"])), "1", "of", "(", *joined(items, ","), ")"]
    return left


@st.composite
def conditions(draw, depth: int = 2, need: int = SET) -> list[str]:
    kind = draw(st.sampled_from(["predicate", "predicate", "and", "or", "not", "set"] if depth else ["predicate"]))
    if kind == "predicate":
        return draw(wrapped(draw(predicates(depth)), PREDICATE, need))
    if kind == "not":
        return draw(wrapped(["not", *draw(conditions(depth - 1, NOT))], NOT, need))
    if kind in ("and", "or"):
        level = AND if kind == "and" else OR
        return draw(wrapped(joined(draw(st.lists(conditions(depth - 1, level), min_size=2, max_size=4)), kind),
                            level, need))
    op = draw(st.sampled_from(["union", "except", "intersect"]))
    level = INTERSECT if op == "intersect" else SET
    return draw(wrapped(draw(conditions(depth - 1, level)) + [op] + draw(conditions(depth - 1, level + 1)), level, need))


@st.composite
def segments(draw, depth: int = 1) -> list[str]:
    tokens = ["segment", draw(st.sampled_from(["s", "days", "key"])), ":", *draw(conditions())]
    for clause in draw(st.lists(st.sampled_from(["description", "tags", "exhaustive", "disjoint"]), max_size=3)):
        tokens += {"description": ["description", draw(st.sampled_from(STRINGS))],
                   "tags": ["tags", "[", *joined([[s] for s in draw(st.lists(st.sampled_from(STRINGS), max_size=3))],
                                                 ","), "]"]}.get(clause, [clause])
    tokens += draw(st.sampled_from([[], ["holdout", "2.5", "%", "salt", '"q"'], ["split", "50", "/", "50"]]))
    if depth and draw(st.booleans()):
        tokens += ["{", *[t for child in draw(st.lists(segments(depth - 1), max_size=2)) for t in child], "}"]
    return tokens


@st.composite
def items(draw) -> list[str]:
    kind = draw(st.sampled_from(["segment", "segment", "entity", "partition", "ruleset"]))
    if kind == "segment":
        return draw(segments())
    if kind == "entity":
        fields = [draw(st.sampled_from([["key", "id", ":", "int"], ["days", ":", "float"], ["key", ":", "string"],
                                        ["e", ":", "enum", "(", '"a"', ",", '"b"', ",", ")"]])) for _ in range(2)]
        return ["entity", "c", "{", *fields[0], *fields[1], "}"]
    if kind == "partition":
        dimensions = draw(st.lists(st.sampled_from([["a"], ["b", "+", "1"], ["x1", "bands", "[", "1", ",", "2", "]"],
                                                    ["a", "in", "[", '"x"', "]"]]), min_size=1, max_size=3))
        return ["partition", "p", "of", "s.t", "by", *joined(dimensions, ","), "min_size", "5"]
    tokens = ["ruleset", "r", "exclusive", "{"]
    for name in draw(st.lists(st.sampled_from(["vip", "days", "key"]), max_size=3)):
        if name == "days" and tokens[-1] != "{":  # `x > 0 days: ...` would read `0 days` as a duration
            colon = len(tokens) - tokens[::-1].index(":")
            tokens = tokens[:colon] + ["("] + tokens[colon:] + [")"]
        tokens += [name, ":", *draw(conditions(1))]
    return tokens + draw(st.sampled_from([[], ["else", ":", "other"]])) + ["}"]


@st.composite
def programs(draw) -> str:
    tokens = [t for item in draw(st.lists(items(), max_size=3)) for t in item]
    separators = st.sampled_from([" ", " ", " ", "\n", "\n\n  ", "  # c\n", "\n# own\n", "  # segdsl: noqa\n"])
    return "".join((draw(separators) if k else "") + t for k, t in enumerate(tokens)) + draw(
        st.sampled_from(["", "\n", "  # tail\n", "\n\n# end"]))


def noqa_lines(text: str) -> set[int]:
    return {c.span.line for c in parse(text, comments=True)[0].comments if "segdsl: noqa" in c.text}


def node_lines(node) -> list[int]:
    """The line of every node of a syntax tree, in a fixed order (the same for equal trees)."""
    lines = [node.span.line] if isinstance(node, ast.Node) else []
    for value in node.__dict__.values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, ast.Node):
                lines += node_lines(child)
    return lines


def starts_a_line(text: str, offset: int) -> bool:
    return not text[text.rfind("\n", 0, offset) + 1:offset].strip()


def assert_noqa_lines_kept(text: str, out: str) -> None:
    """A node of a segment's condition on a line with a noqa comment is still on one, when that line
    starts in the segment's header or condition (a line starting with a description, another item
    or a rule keeps its first member's code with the comment)."""
    program, formatted = parse(text)[0], parse(out)[0]
    before, after = noqa_lines(text), noqa_lines(out)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    ends = [i.span.start for i in program.items[1:]] + [len(text)]
    for item, again, end in zip(program.items, formatted.items, ends):
        if not isinstance(item, ast.Segment) or not starts_a_line(text, item.span.start) or \
                end < len(text) and not starts_a_line(text, end):
            continue  # an item that shares a line with another
        for line, new_line in zip(node_lines(item.condition), node_lines(again.condition)):
            code = re.compile(r"\S").search(text, line_starts[line - 1]).start()  # where the line's code starts
            if line in before and item.span.start <= code < item.condition.span.end:
                assert new_line in after, (text, out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(programs(), st.sampled_from([20, 50, 88]))
def test_random_programs_keep_their_meaning_and_format_once(text, width):
    assert not parse(text)[1], text
    assert_noqa_lines_kept(text, fmt(text, width))
