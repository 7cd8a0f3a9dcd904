"""L109 between-equal-bounds."""

import pytest

from lint_helpers import codes_of, findings_of, fixed
from lint_members import assert_fix_keeps_members

ENTITY = 'entity c { key id: int  age: int  x: float  city: string }\n'


@pytest.mark.parametrize("condition", ["age between 30 and 30", "age not between -1 and -1",
                                       'city between "a" and "a"', "x between age and age"])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L109"]) == ["L109"]


@pytest.mark.parametrize("condition", ["age between 30 and 39", "age between 1 and 1.0"])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L109"]) == []


def test_message():
    (finding,) = findings_of(ENTITY + "segment s: age between 30 and 30", ["L109"])
    assert finding.message == "both bounds of this range are 30: it is 'age == 30'"
    assert finding.help == "correct the bound that was meant, or write 'age == 30'"


@pytest.mark.parametrize("before, after", [
    ("age between 30 and 30", "age == 30"),
    ("age not between 30 and 30 and x > 1", "age != 30 and x > 1"),
    ('city between "a" and "a"', 'city == "a"'),
])
def test_fix(before, after):
    assert fixed(ENTITY + f"segment s: {before}", ["L109"]) == ENTITY + f"segment s: {after}"


def test_fix_keeps_members():
    text = ENTITY + "segment s: age between 2 and 2\nsegment t: x not between 0.5 and 0.5"
    assert_fix_keeps_members(text, ["L109"], {"age": [1, 2, 3, None], "x": [0.5, -0.0, 2.0, None]})
