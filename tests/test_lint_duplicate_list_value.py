"""L106 duplicate-list-value."""

import pytest

from lint_helpers import codes_of, findings_of, fixed
from lint_members import assert_fix_keeps_members

ENTITY = ('entity c { key id: int  sport: enum("road", "mountain", "gravel")  age: int  x: float  city: string }\n'
          'events o of c by id at t { kind: string }\n')


@pytest.mark.parametrize("condition", [
    'sport in ["road", "mountain", "road"]', 'sport not in ["road", "road"]', "age in [1, 2, 1]",
    "x in [1.5, 1.50]", "age in [-3, -3]", 'city in ["a", "\\u0061"]', "age in [age + 1, age+1]",
    'count(o where kind in ["a", "a"]) > 0',
])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L106"]) == ["L106"]


@pytest.mark.parametrize("condition", [
    'sport in ["road", "mountain"]', "age in [1, 1.0]",  # an int and a float: not flagged
    'city in ["a", "A"]', "age in [age, age + 1]",
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L106"]) == []


def test_message_and_span_point_at_the_second_value():
    (finding,) = findings_of(ENTITY + 'segment s: sport in ["road", "mountain", "road"]', ["L106"])
    assert finding.message == '"road" is in this list twice'
    assert (finding.span.line, finding.span.column) == (3, 42)
    assert finding.help == 'remove the second "road", or write the value that was meant'


@pytest.mark.parametrize("before, after", [
    ('sport in ["road", "mountain", "road"]', 'sport in ["road", "mountain"]'),
    ('sport in ["road", "road", "mountain"]', 'sport in ["road", "mountain"]'),
    ('sport not in ["road", "road", "road",]', 'sport not in ["road",]'),
    ("age in [1, 2, 2, 1]", "age in [1, 2]"),
    ('sport in [\n  "road",\n  "road"\n]', 'sport in [\n  "road"\n]'),
    # a comment before the repeated value stays: the value goes with the comma after it
    ('sport in [\n  "road",  # first\n  "road",\n  "gravel"\n]', 'sport in [\n  "road",  # first\n  \n  "gravel"\n]'),
])
def test_fix_removes_the_repeated_value_with_its_comma(before, after):
    assert fixed(ENTITY + f"segment s: {before}", ["L106"]) == ENTITY + f"segment s: {after}"


def test_no_fix_where_a_comment_would_be_lost():
    (finding,) = findings_of(ENTITY + 'segment s: sport in [\n  "road", # c\n  "road"\n]', ["L106"])
    assert finding.fix is None


def test_fix_keeps_members():
    text = (ENTITY + 'segment s: sport in ["road", "road", "gravel"]\n'
            'segment t: age not in [1, 2, 1] and sport != "road"')
    assert_fix_keeps_members(text, ["L106"], {"sport": ["road", "mountain", "gravel", None], "age": [1, 2, 3, None]})
