"""L101 unsatisfiable-condition."""

import pytest

from lint_helpers import codes_of

ENTITY = 'entity c { key id: int  age: int  sport: enum("road", "mountain")  name: string  value: float }\n'


@pytest.mark.parametrize("condition", [
    "age > 50 and age < 30", 'sport == "road" and sport == "mountain"', "age is null and age == 1",
    "value > 1.5 and value < 1.5", 'name == "a" and name in ["b", "c"]', "at least 2 of (age > 5, age < 3)",
])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}") == ["L101"]


@pytest.mark.parametrize("condition", [
    "age > 30 and age < 50", 'sport == "road" or sport == "mountain"', "age between 3 and 3",
    'name contains "a" and name contains "b"',  # beyond the reasoning: not flagged
])
def test_passes(condition):
    assert "L101" not in codes_of(ENTITY + f"segment s: {condition}")


def test_a_child_that_contradicts_its_parent():
    assert codes_of(ENTITY + "segment old: age > 60 { segment young: age < 20 }") == ["L101"]
