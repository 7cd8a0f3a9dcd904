"""L110 reversed-between."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = 'entity c { key id: int  age: int  city: string  d: date  t: timestamp  x: float }\n'


@pytest.mark.parametrize("condition", [
    "age between 50 and 18", "x between 5.5 and 5", 'city between "b" and "a"',
    'd between date("2024-02-01") and date("2024-01-01")',
    't between timestamp("2024-01-01T10:00:00") and timestamp("2024-01-01T09:00:00")',
])
def test_flags(condition):
    assert "L110" in codes_of(ENTITY + f"segment s: {condition}", ["L110"])


@pytest.mark.parametrize("condition", [
    "age between 18 and 50", "age between 5 and 5", 'city between "B" and "a"',  # "B" < "a" by code point
    "age between age and 3", "d between today() and today() + 1 day",
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L110"]) == []


def test_message_is_an_error_with_the_bounds_swapped():
    (finding,) = findings_of(ENTITY + "segment s: age between 50 and 18", ["L110"])
    assert finding.severity.value == "error"
    assert finding.message == "50 is greater than 18, so no value lies between them: this test is never true"
    assert finding.help == "write the smaller bound first: 'age between 18 and 50'"
    assert finding.fix is None  # swapping them changes who is a member


def test_not_between():
    (finding,) = findings_of(ENTITY + "segment s: age not between 50 and 18", ["L110"])
    assert finding.message.endswith("this test is true for every customer whose 'age' is not null")
