"""L205 unescaped-dot-in-regex."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = 'entity c { key id: int  email: string }\n'


@pytest.mark.parametrize("condition", [
    'email matches "@gmail.com$"', 'email imatches "^[a-z]+@(gmail|yahoo).com$"', 'email matches "J.Smith"',
    'email matches "\\u0041.com"', 'email matches "x.co.uk"',
])
def test_flags(condition):
    assert "L205" in codes_of(ENTITY + f"segment s: {condition}", ["L205"])


@pytest.mark.parametrize("condition", [
    'email matches "a.*b"', 'email matches "gmail\\\\.com"', 'email matches "[.]com"', 'email matches "v1.2"',
    'email matches "^a.b$"', 'email matches "^.{3}$"', 'email matches "@.+"', 'email matches "[a.]com"',
    'email ends_with "gmail.com"',
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L205"]) == []


def test_points_at_the_dot():
    (finding,) = findings_of(ENTITY + 'segment s: email matches "@gmail.com$"', ["L205"])
    assert (finding.span.line, finding.span.column, finding.span.end - finding.span.start) == (2, 33, 1)
    assert finding.message == ("'.' matches any character, not only a dot: \"gmail.com\" in this pattern also "
                               'matches "gmail-com"')
    assert finding.help == 'write "@gmail\\\\.com$" for a dot, or the text test \'ends_with "@gmail.com"\''
    assert finding.fix is None


def test_points_at_the_dot_after_escapes():
    text = ENTITY + 'segment s: email matches "\\u0041\\"x.com"'
    (finding,) = findings_of(text, ["L205"])
    assert text[finding.span.start:finding.span.end] == "."


def test_imatches_help_has_no_text_test():
    (finding,) = findings_of(ENTITY + 'segment s: email imatches "@gmail.com$"', ["L205"])
    assert finding.help == 'write "@gmail\\\\.com$" for a dot'


def test_every_dot():
    assert codes_of(ENTITY + 'segment s: email matches "x.co.uk"', ["L205"]) == ["L205", "L205"]
