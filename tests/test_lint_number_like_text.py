"""L203 number-like-text."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = ('entity c { key id: int  zip: string  n: int  code: enum("1", "2") }\n'
          'events o of c by id at t { ref: string }\n')


@pytest.mark.parametrize("condition", [
    'zip > "9"', '"10" <= zip', 'zip between "a" and "20"', 'zip < "-1.5"', 'zip >= ".5"',
    'lower(zip) < "5"', 'count(o where ref > "100") > 0', 'last(o.ref) > "7"',
])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L203"]) == ["L203"]


@pytest.mark.parametrize("condition", [
    'zip == "007"', 'zip in ["1", "2"]', 'zip != "10"',  # equality compares exactly: not flagged
    'zip > "a9"', 'zip > "9 "', 'code == "1"', "n > 9",
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L203"]) == []


def test_message_span_and_help():
    (finding,) = findings_of(ENTITY + 'segment s: zip > "9"', ["L203"])
    assert finding.message == ("'zip' is text, so it is ordered against \"9\" character by character, not as a "
                               'number: "10" < "9"')
    assert (finding.span.line, finding.span.column) == (3, 18)
    assert finding.help.startswith("if 'zip' holds numbers, declare it as an int or a float")


def test_without_an_entity_block_types_are_unknown():
    assert codes_of('segment s: zip > "9"', ["L203"]) == []
