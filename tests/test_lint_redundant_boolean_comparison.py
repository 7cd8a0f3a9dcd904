"""L206 redundant-boolean-comparison."""

import pytest

from lint_helpers import codes_of, findings_of, fixed
from lint_members import assert_fix_keeps_members

ENTITY = ('entity c { key id: int  f: bool  a: int }\n'
          'events o of c by id at t { d: bool }\n'
          'segment g: a > 1\n')


@pytest.mark.parametrize("before, after", [
    ("f == true", "f"),
    ("f != false", "f"),
    ("f == false", "not f"),
    ("f != true", "not f"),
    ("true != f", "not f"),
    ("false == f", "not f"),
    ("(a > 1 or f) == false and f", "not (a > 1 or f) and f"),
    ("g == false", "not g"),
    ("count(o where d == true) > 1", "count(o where d) > 1"),
    ("(f == false) == f", "(not f) == f"),
    ("not(f)==false", "not not (f)"),
    ("f == true or (f) != true", "f or not (f)"),
])
def test_fix(before, after):
    assert fixed(ENTITY + f"segment s: {before}", ["L206"]) == ENTITY + f"segment s: {after}"


@pytest.mark.parametrize("condition", ["f", "not f", "true == false", "f == (a > 1)", "f is null"])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L206"]) == []


def test_without_an_entity_block_the_type_is_unknown():
    assert codes_of("segment s: f == true", ["L206"]) == []


def test_message():
    (finding,) = findings_of(ENTITY + "segment s: a > 1 and f == false", ["L206"])
    assert finding.message == "'f == false' is the same as 'not f', for every customer"
    assert finding.help == "write 'not f'"
    assert (finding.span.line, finding.span.column) == (4, 22)


def test_fix_keeps_members():
    text = ENTITY + "\n".join(["segment s1: f == true", "segment s2: f != false", "segment s3: f == false",
                               "segment s4: f != true", "segment s5: (a > 1 or f) == false",
                               "segment s6: g != true and true == f"])
    assert_fix_keeps_members(text, ["L206"], {"f": [True, False, None], "a": [0, 2, None]})
