"""L202 case-mismatch."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = ('entity c { key id: int  city: string  sport: enum("Road", "road") }\n'
          'events o of c by id at t { shop: string }\n')


@pytest.mark.parametrize("condition", [
    'lower(city) == "Paris"', '"Paris" == upper(city) or city is null', 'lower(city) != "Paris"',
    'lower(city) in ["paris", "Berlin"]', 'upper(city) not in ["paris"]', 'lower(city) contains "A"',
    'upper(city) starts_with "a"', 'lower(city) ends_with "Łódź"', 'lower(sport) == "Road"',
    'count(o where lower(shop) == "Shop") > 0',
])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L202"]) == ["L202"]


@pytest.mark.parametrize("condition", [
    'lower(city) == "paris"', 'lower(city) == "wrocław"', 'upper(city) == "WROCŁAW"',
    'upper(city) == "ß"',  # upper() leaves 'ß' as it is (it has no one-character upper case)
    'lower(city) == "1 rue"', 'city == "Paris"', 'lower(city) < "B"',  # ordering: not flagged
    'lower(city) matches "^P"', 'upper(city) imatches "a"',
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L202"]) == []


def test_non_ascii_follows_segdsl_case_mapping():
    (finding,) = findings_of(ENTITY + 'segment s: lower(city) == "Łódź"', ["L202"])
    assert finding.help == 'write "łódź"'
    (finding,) = findings_of(ENTITY + 'segment s: upper(city) == "ǅ"', ["L202"])  # titlecase DŽ: upper is 'Ǆ'
    assert finding.help == 'write "Ǆ"'


def test_messages_span_and_severity():
    (finding,) = findings_of(ENTITY + 'segment s: lower(city) == "Paris"', ["L202"])
    assert finding.severity.value == "error"
    assert finding.message == "'lower(city)' is all lower case, so it is never \"Paris\""
    assert (finding.span.line, finding.span.column) == (3, 27)
    (finding,) = findings_of(ENTITY + 'segment s: lower(city) != "Paris"', ["L202"])
    assert finding.message.endswith('so it always differs from "Paris": this is true whenever it is not null')
    (finding,) = findings_of(ENTITY + 'segment s: upper(city) not in ["paris"]', ["L202"])
    assert finding.message == "'upper(city)' is all upper case, so \"paris\" in this list excludes nobody"


def test_partition_cell_that_is_always_empty():
    (finding,) = findings_of(ENTITY + 'partition p by lower(city) in ["Paris", "berlin"]', ["L202"])
    assert finding.message == "'lower(city)' is all lower case, so the cell \"Paris\" is always empty"
