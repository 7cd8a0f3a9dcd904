"""L108 single-value-list (opt-in)."""

import pytest

from lint_helpers import codes_of, findings_of, fixed
from lint_members import assert_fix_keeps_members

ENTITY = 'entity c { key id: int  sport: enum("road", "mountain")  age: int  f: bool }\n'


def test_opt_in():
    assert codes_of(ENTITY + 'segment s: sport in ["road"]') == []
    assert codes_of(ENTITY + 'segment s: sport in ["road"]', ["L108"]) == ["L108"]


@pytest.mark.parametrize("condition", ['sport in ["road", "mountain"]', "age > 1"])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L108"]) == []


def test_message():
    (finding,) = findings_of(ENTITY + 'segment s: sport not in ["road"]', ["L108"])
    assert finding.message == "a list of one value: this is 'sport != \"road\"'"
    assert (finding.span.line, finding.span.column) == (2, 12)


@pytest.mark.parametrize("before, after", [
    ('sport in ["road"]', 'sport == "road"'),
    ('sport not in ["road",]', 'sport != "road"'),
    ("age in [1 + 2] and f", "age == 1 + 2 and f"),
    ("f in [age > 1]", "f == (age > 1)"),  # a condition as the value: '==' takes it in parentheses
])
def test_fix(before, after):
    assert fixed(ENTITY + f"segment s: {before}", ["L108"]) == ENTITY + f"segment s: {after}"


def test_fix_keeps_members():
    text = ENTITY + 'segment s: sport in ["road"]\nsegment t: sport not in ["road"] or f in [age > 1]'
    assert_fix_keeps_members(text, ["L108"], {"sport": ["road", "mountain", None], "age": [1, 2, None],
                                              "f": [True, False, None]})
