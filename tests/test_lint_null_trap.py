"""L201 null-trap."""

import pytest

from lint_helpers import codes_of

ENTITY = 'entity c { key id: int  age: int  sport: enum("road", "mountain") }\n'


@pytest.mark.parametrize("condition", ['sport != "road"', 'sport not in ["road"]', "1 != age", 'age > 3 and sport != "road"'])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}") == ["L201"]


@pytest.mark.parametrize("condition", [
    'sport != "road" or sport is null', 'sport is not null and sport not in ["road"]', "id != 3",  # the key is never null
    'sport == "road"', 'not (sport == "road")',
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L201"]) == []


def test_the_finding_points_at_the_comparison():
    import segdsl
    from segdsl.lint import lint

    program = segdsl.loads(ENTITY + 'segment s: age > 1 and sport != "road"', as_of="2026-11-01")
    (finding,) = lint(program)
    assert (finding.span.line, finding.span.column) == (2, 24)
    assert "or sport is null" in finding.help
