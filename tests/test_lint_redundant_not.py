"""L111 redundant-not."""

import pytest

from lint_helpers import codes_of, findings_of, fixed
from lint_members import assert_fix_keeps_members

ENTITY = 'entity c { key id: int  age: int  f: bool  g: bool  city: string }\n'


@pytest.mark.parametrize("before, after", [
    ("not (age == 30)", "age != 30"),
    ("not age < 3", "age >= 3"),
    ("not (age >= 3)", "age < 3"),
    ("not(age)>3", "(age)<=3"),
    ("not (age <= 3)", "age > 3"),
    ("not (age != 3)", "age == 3"),
    ("not (age in [1, 2])", "age not in [1, 2]"),
    ("not (age not in [1])", "age in [1]"),
    ("not (age between 1 and 3) and f", "age not between 1 and 3 and f"),
    ("not (age not between 1 and 3)", "age between 1 and 3"),
    ("not (city is null)", "city is not null"),
    ("not (city is not null)", "city is null"),
    ("not not f", "f"),
    ("not (not (f or g))", "(f or g)"),
    ("not not not f", "not f"),
    ("(not age == 1) == f", "(age != 1) == f"),
])
def test_fix(before, after):
    assert fixed(ENTITY + f"segment s: {before}", ["L111"]) == ENTITY + f"segment s: {after}"


@pytest.mark.parametrize("condition", ['not (city contains "x")', "not f", "not (f or g)", "not (f and age > 1)"])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L111"]) == []


def test_message_and_span():
    (finding,) = findings_of(ENTITY + "segment s: f and not (age == 30)", ["L111"])
    assert finding.message == "'not (age == 30)' is 'age != 30'"
    assert (finding.span.line, finding.span.column) == (2, 18)


def test_no_fix_across_a_comment():
    (finding,) = findings_of(ENTITY + "segment s: not (age == 30  # thirty\n)", ["L111"])
    assert finding.fix is None


def test_fix_keeps_members():
    text = ENTITY + "\n".join([
        "segment a: not (age == 2) and not (age < 3)", "segment b: not (age in [1, 2]) or not (age between 2 and 3)",
        "segment c: not (city is null) and not not f", "segment d: not (not (f or g))", "segment e: not (f == g)",
    ])
    after = assert_fix_keeps_members(text, ["L111"], {"age": [1, 2, 3, 4, None], "f": [True, False, None],
                                                      "g": [True, False, None], "city": ["x", None]})
    assert codes_of(after, ["L111"]) == []


def test_the_direct_form_shows_the_null_trap():
    assert codes_of(ENTITY + "segment s: not (age == 30)") == ["L111"]
    assert codes_of(fixed(ENTITY + "segment s: not (age == 30)", ["L111"])) == ["L201"]
