"""L102 always-true-condition."""

import pytest

from lint_helpers import codes_of

ENTITY = 'entity c { key id: int  age: int  sport: enum("road", "mountain")  flag: bool }\n'


@pytest.mark.parametrize("condition", [
    'sport == "road" or sport != "road" or sport is null', "age is null or age is not null",
    "flag union not flag union flag is null",
])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}") == ["L102"]


@pytest.mark.parametrize("condition", [
    "true",  # said on purpose
    "age >= 0 or age < 0",  # a null age is in neither
    'sport == "road" or sport == "mountain"',
])
def test_passes(condition):
    assert "L102" not in codes_of(ENTITY + f"segment s: {condition}")
