"""L207 case-variant-values."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = ('entity c { key id: int  city: string  sport: enum("Road", "road") }\n'
          'events o of c by id at t { shop: string }\n')


@pytest.mark.parametrize("condition", [
    'city in ["Paris", "paris"]', 'city not in ["Paris", "PARIS"]', 'city == "Paris" or city == "paris"',
    'city != "Paris" and city != "PARIS"', '"Paris" == city or city in ["Berlin", "paris"]',
    'count(o where shop in ["A", "a"]) > 0',
])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L207"]) == ["L207"]


@pytest.mark.parametrize("condition", [
    'city in ["Paris", "Berlin"]', 'city in ["Wrocław", "Wroclaw"]',  # accents are not case
    'sport in ["Road", "road"]',  # an enum's values are declared on purpose
    'lower(city) in ["paris", "Paris"]',  # L202's
    'city == "Paris" or city != "paris"', 'city == "Paris" and city == "paris"',
    'city in ["Paris", "Paris"]',  # L106's
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L207"]) == []


def test_message_span_and_help():
    (finding,) = findings_of(ENTITY + 'segment s: city in ["Paris", "paris", "Berlin"]', ["L207"])
    assert finding.message == ('"paris" differs from "Paris" only in case: text tests are case-sensitive, so a '
                               "spelling that is not listed is not matched")
    assert (finding.span.line, finding.span.column) == (3, 30)
    assert finding.help == "to match any case, write 'lower(city) in [\"paris\", \"berlin\"]'"


def test_help_for_an_or_and_an_and():
    (finding,) = findings_of(ENTITY + 'segment s: city == "Paris" or city == "PARIS"', ["L207"])
    assert finding.help == "to match any case, write 'lower(city) == \"paris\"'"
    (finding,) = findings_of(ENTITY + 'segment s: city != "Paris" and city != "PARIS"', ["L207"])
    assert finding.help == "to match any case, write 'lower(city) != \"paris\"'"


def test_each_variant_once():
    found = findings_of(ENTITY + 'segment s: city == "paris" or city in ["Paris", "PARIS"]', ["L207"])
    assert [f.span.column for f in found] == [40, 49]


def test_partition_cells():
    assert codes_of(ENTITY + 'partition p by city in ["Paris", "PARIS"]', ["L207"]) == ["L207"]


def test_without_an_entity_block():
    assert codes_of('segment s: city in ["Paris", "paris"]', ["L207"]) == ["L207"]
