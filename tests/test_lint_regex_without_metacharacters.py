"""L204 regex-without-metacharacters."""

import pytest

from lint_helpers import codes_of, findings_of, fixed
from lint_members import assert_fix_keeps_members
from segdsl.lint.rules.regex_without_metacharacters import plain_pattern
from segdsl.reference import python_regex
from segdsl.regex import parse_regex

ENTITY = 'entity c { key id: int  email: string }\n'


@pytest.mark.parametrize("before, after", [
    ('email matches "gmail"', 'email contains "gmail"'),
    ('email matches "^ab"', 'email starts_with "ab"'),
    ('email matches "@gmail\\\\.com$"', 'email ends_with "@gmail.com"'),
    ('email matches "^a\\"b$" and email is not null', 'email == "a\\"b" and email is not null'),
    ('email matches "gmail[.]com"', 'email contains "gmail.com"'),
    ('email matches "a\\\\nb"', 'email contains "a\\nb"'),  # the regex \n is a newline
    ('email matches "\\\\\\\\"', 'email contains "\\\\"'),  # the regex \\ is one backslash
    ('email matches "^$"', 'email == ""'),
    ('email  matches\n  "x"', 'email  contains\n  "x"'),
])
def test_fix(before, after):
    assert fixed(ENTITY + f"segment s: {before}", ["L204"]) == ENTITY + f"segment s: {after}"


@pytest.mark.parametrize("condition", [
    'email matches "a.b"', 'email matches "^a+"', 'email matches "a|b"', 'email matches "(ab)"',
    'email matches "[ab]"', 'email matches ""', 'email matches "^"',  # every text: not a text test
    'email imatches "gmail"',  # lower() is not quite the same as ignoring case: not flagged
    'email contains "gmail"',
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L204"]) == []


def test_message_and_help():
    (finding,) = findings_of(ENTITY + 'segment s: email matches "^ab"', ["L204"])
    assert finding.message == ("the pattern \"^ab\" is plain text: 'starts_with \"ab\"' is the same test without a "
                               "regular expression")
    assert finding.help == "write 'email starts_with \"ab\"'"
    assert (finding.span.line, finding.span.column) == (2, 12)


def test_no_fix_across_a_comment():
    (finding,) = findings_of(ENTITY + 'segment s: email  # the address\n  matches "ab"', ["L204"])
    assert finding.fix is None


SAMPLES = ["", "ab", "xaby", "ba", "a.b", "axb", "a\nb", "ab\n", "\nab", "AB", "a\\b", 'a"b', "gmail.com",
           "x@gmail.com", "x@gmail.com\n", "x@gmailxcom", "^ab$"]


@pytest.mark.parametrize("pattern", ["ab", "^ab", "ab$", "^ab$", "a\\.b", "a[.]b", "a\\nb", "^$", "a\\\\b",
                                     '^a"b$', "@gmail\\.com$", "\\^ab\\$"])
def test_text_tests_are_the_regex_semantics(pattern):
    starts, text, ends = plain_pattern(pattern)
    regex = python_regex(parse_regex(pattern), False)
    for sample in SAMPLES + [text, text + "\n", "x" + text + "x"]:
        expected = regex.search(sample) is not None
        got = (sample == text if starts and ends else sample.startswith(text) if starts
               else sample.endswith(text) if ends else text in sample)
        assert got == expected, (pattern, sample)


def test_fix_keeps_members():
    text = ENTITY + "\n".join(['segment a: email matches "ab"', 'segment b: email matches "^ab"',
                               'segment c: email matches "ab$"', 'segment d: email matches "^ab$"',
                               'segment e: email matches "a\\\\.b$"'])
    assert_fix_keeps_members(text, ["L204"], {"email": [None, "", "ab", "xab", "abx", "ab\n", "a.b", "axb", "AB"]})
