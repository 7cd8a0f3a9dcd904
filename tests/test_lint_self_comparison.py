"""L107 self-comparison."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = ('entity c { key id: int  age: int  city: string  d: date }\n'
          'events o of c by id at t { amount: float }\n')


@pytest.mark.parametrize("condition, meaning", [
    ("age == age", "true for every customer whose 'age' is not null"),
    ("age >= (age)", "true for every customer whose 'age' is not null"),
    ("age != age", "never true"),
    ("age < age", "never true"),
    ("lower(city) > lower(city)", "never true"),
    ("sum(o.amount) <= sum(o.amount)", "true for every customer whose 'sum(o.amount)' is not null"),
    ("count(o where amount > amount) > 1", "never true"),  # an event field, inside 'where'
])
def test_comparisons(condition, meaning):
    (finding,) = findings_of(ENTITY + f"segment s: {condition}", ["L107"])
    assert finding.message.endswith(f"compared with itself: this is {meaning}")


@pytest.mark.parametrize("condition, message", [
    ("age between age and 30", "'age' is the lower bound of its own range: this is only 'age <= 30'"),
    ("age between 18 and age", "'age' is the upper bound of its own range: this is only 'age >= 18'"),
    ("age not between age and 30", "'age' is the lower bound of its own range: this is only 'age > 30'"),
    ("age not between 18 and age", "'age' is the upper bound of its own range: this is only 'age < 18'"),
    ("age between age and age", "'age' is both bounds of its own range: this is true for every customer whose "
                                "'age' is not null"),
    ("age not between age and age", "'age' is both bounds of its own range: this is never true"),
    ("age in [1, age]", "'age' is in its own list: this is true for every customer whose 'age' is not null"),
    ("age not in [age, 2]", "'age' is in its own list: this is never true"),
])
def test_ranges_and_lists(condition, message):
    (finding,) = findings_of(ENTITY + f"segment s: {condition}", ["L107"])
    assert finding.message == message


@pytest.mark.parametrize("condition", [
    "age == 3", "1 == 1", 'd == date("2024-01-01")', "age + 1 > age", "age between 1 and 3", "age in [1, 2]",
    "count(o where amount > 1) > 1",
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L107"]) == []


def test_span_and_help():
    (finding,) = findings_of(ENTITY + "segment s: age > 1 and age != age", ["L107"])
    assert (finding.span.line, finding.span.column) == (3, 24)
    assert finding.help == "compare it with the field or value that was meant"
    assert finding.fix is None  # which value was meant is for the author to say
