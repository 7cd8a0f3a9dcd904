"""Checker tests: the typed IR (pretty-printed) and every diagnostic's exact rendered text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import segdsl
from segdsl.diagnostics import Severity, render

AS_OF = "2026-11-01T10:30:00"

ENTITY = """entity customers {
  key customer_id: int
  sport: enum("road", "mountain", "gravel")
  level: enum("beginner", "amateur", "pro")
  sex: enum("F", "M")
  age: int
  city: string
  newsletter: bool
  lifetime_value: float
  signup_date: date
  last_seen: timestamp
}
"""
ENTITY_LINES = ENTITY.count("\n")  # segments written after ENTITY start on line 13


def load(text: str, as_of: str = AS_OF) -> segdsl.Program:
    return segdsl.loads(text, name="x.seg", as_of=as_of)


def errors_of(text: str) -> str:
    with pytest.raises(segdsl.SegdslError) as info:
        load(text)
    err = info.value
    assert str(err) == err.render() == "\n".join(render(d, err.source) for d in err.diagnostics)
    return str(err)


# --- good: the IR ---------------------------------------------------------------------

def test_full_pretty_print():
    program = load(ENTITY + 'segment recent: signup_date >= today() - 30 days\n'
                            'segment young: age between 18 and 29 and not newsletter\n')
    assert program.checked().pretty() == (
        "entity customers key customer_id\n"
        "  customer_id: int\n"
        '  sport: enum("road", "mountain", "gravel")\n'
        '  level: enum("beginner", "amateur", "pro")\n'
        '  sex: enum("F", "M")\n'
        "  age: int\n"
        "  city: string\n"
        "  newsletter: bool\n"
        "  lifetime_value: float\n"
        "  signup_date: date\n"
        "  last_seen: timestamp\n"
        "as_of 2026-11-01T10:30:00\n"
        'segment recent: (signup_date:date >= date("2026-10-02"))\n'
        "segment young: ((age:int between 18 and 29) and (not newsletter:bool))"
    )
    assert program.diagnostics == []


@pytest.mark.parametrize("condition, ir", [
    # today() / now() fold against as_of
    ("signup_date >= today() - 30 days", '(signup_date:date >= date("2026-10-02"))'),
    ("signup_date < today()", '(signup_date:date < date("2026-11-01"))'),
    ("last_seen < now() - 26 weeks", '(last_seen:timestamp < timestamp("2026-05-03T10:30:00"))'),
    ("last_seen > now()", '(last_seen:timestamp > timestamp("2026-11-01T10:30:00"))'),
    ("last_seen > now() - 1 year", '(last_seen:timestamp > timestamp("2025-11-01T10:30:00"))'),
    # calendar months clamp to the month's last day
    ('date("2024-01-31") + 1 month == date("2024-02-29")', '(date("2024-02-29") == date("2024-02-29"))'),
    ('signup_date == date("2024-01-31") + 1 month', '(signup_date:date == date("2024-02-29"))'),
    ('signup_date == date("2023-01-31") + 1 month', '(signup_date:date == date("2023-02-28"))'),
    ('signup_date == date("2024-03-31") - 1 month', '(signup_date:date == date("2024-02-29"))'),
    ('signup_date == date("2024-02-29") + 1 year', '(signup_date:date == date("2025-02-28"))'),
    ('signup_date > 1 month + date("2024-01-31")', '(signup_date:date > date("2024-02-29"))'),
    ('signup_date > date("2024-12-15") + 2 weeks', '(signup_date:date > date("2024-12-29"))'),
    ('last_seen > timestamp("2024-01-31T08:00:00") + 1 month', '(last_seen:timestamp > timestamp("2024-02-29T08:00:00"))'),
    # a column cannot be folded: the shift stays in the IR
    ("signup_date + 1 month > today()", '((signup_date:date + 1 month):date > date("2026-11-01"))'),
    ("last_seen - 2 days < now()", '((last_seen:timestamp - 2 day):timestamp < timestamp("2026-11-01T10:30:00"))'),
    # days_since of a literal folds to a number; of a column it keeps as_of's date
    ('days_since(date("2026-10-01")) > 30', "(31 > 30)"),
    ('days_since(timestamp("2026-10-01T23:59:59")) > 30', "(31 > 30)"),
    ("days_since(today()) == 0", "(0 == 0)"),
    ("days_since(signup_date) > 30", "(days_since(signup_date:date, as_of=2026-11-01) > 30)"),
    ("days_since(last_seen) > 30", "(days_since(last_seen:timestamp, as_of=2026-11-01) > 30)"),
    # an empty needle: every text contains "", so only null fails
    ('city contains ""', "(city:string is not null)"),
    ('city starts_with "" and city ends_with ""', "((city:string is not null) and (city:string is not null))"),
    ('city contains "x"', '(city:string contains "x")'),
    # other shapes
    ('sport == "road" and level == "pro"',
     '((sport:enum("road", "mountain", "gravel") == "road") and (level:enum("beginner", "amateur", "pro") == "pro"))'),
    ('sport not in ["gravel"]', '(sport:enum("road", "mountain", "gravel") not in ["gravel"])'),
    ('sex = "F"', '(sex:enum("F", "M") == "F")'),
    ('city <> "x"', '(city:string != "x")'),
    ("lifetime_value / (age - 17) > 40", "((lifetime_value:float / (age:int - 17):int):float > 40)"),
    ("age * 2 + 1 > 3", "(((age:int * 2):int + 1):int > 3)"),
    ("-age < -3", "((-age:int) < -3)"),
    ("-(3) < age", "(-3 < age:int)"),
    ('lower(city) != "wroclaw"', '(lower(city:string):string != "wroclaw")'),
    ("round(lifetime_value, 2) > 1 and abs(age) > 1", "((round(lifetime_value:float, 2):float > 1) and (abs(age:int):int > 1))"),
    ("coalesce(age, 0) > 1", "(coalesce(age:int, 0):int > 1)"),
    ("length(sport) > 3", '(length(sport:enum("road", "mountain", "gravel")):int > 3)'),
    ('city matches "^W[a-z]+"', '(city:string matches "^W[a-z]+")'),
    ('city imatches "x\\\\d+"', '(city:string imatches "x\\\\d+")'),
    ('city == "say \\"hi\\""', '(city:string == "say \\"hi\\"")'),
    ("newsletter", "newsletter:bool"),
    ("newsletter == true", "(newsletter:bool == true)"),
    ("city is null or age is not null", "((city:string is null) or (age:int is not null))"),
])
def test_ir_pretty(condition, ir):
    program = load(ENTITY + f"segment s: {condition}\n")
    assert program.checked().pretty().splitlines()[-1] == f"segment s: {ir}"


def test_segment_references_and_as_of_override():
    program = load(ENTITY + "segment adults: age >= 18\n"
                            "segment recent: signup_date >= today() - 1 month\n"
                            "segment both: adults and recent\n")
    lines = program.checked().pretty().splitlines()
    assert lines[-1] == "segment both: (segment(adults) and segment(recent))"
    assert lines[-2] == 'segment recent: (signup_date:date >= date("2026-10-01"))'
    other = program.checked("2024-03-31").pretty().splitlines()
    assert other[-2] == 'segment recent: (signup_date:date >= date("2024-02-29"))'
    assert "as_of 2024-03-31T00:00:00" in other


def test_bikes_example_checks():
    program = segdsl.load(Path(__file__).resolve().parent.parent / "examples" / "bikes.seg", as_of="2026-11-01")
    assert len(program.segments) == 33  # 14 flat, 9 in the hierarchy, holdout, split, rules ...
    assert program.labels == ["bikes", "ages", "lifecycle"]
    lines = program.checked().pretty().splitlines()
    assert 'segment recent_signups: (signup_date:date >= date("2026-10-02"))' in lines
    assert ('segment lapsed: ((last_seen:timestamp < timestamp("2026-05-03T00:00:00")) and '
            '(signup_date:date < date("2024-06-01")))') in lines
    assert program.diagnostics == []


# --- W001: no entity block --------------------------------------------------------------

def test_no_entity_block_warns_once_and_compiles():
    program = load("segment a: age > 18\nsegment b: a and city == \"x\"\nsegment c: b or vip\n")
    assert isinstance(program, segdsl.Program)
    assert program.segments == ["a", "b", "c"]
    assert [d.code for d in program.diagnostics] == ["W001"]
    (warning,) = program.diagnostics
    assert warning.severity is Severity.WARNING
    assert render(warning, program.source) == (
        "warning[W001]: no 'entity' block: field names and types are taken on trust\n"
        " --> x.seg:1:9\n"
        "  |\n"
        "1 | segment a: age > 18\n"
        "  |         ^\n"
        "  = help: declare the fields, e.g. 'entity customers { key id: int  age: int }', to have them checked"
    )
    assert program.checked().pretty() == (
        "as_of 2026-11-01T10:30:00\n"
        "segment a: (age:any > 18)\n"
        'segment b: (segment(a) and (city:any == "x"))\n'
        "segment c: (segment(b) or vip:any)"
    )


def test_no_entity_block_with_an_error_still_reports_the_warning():
    text = errors_of("segment a: age > 18\nsegment b: lowr(city) == \"x\"\n")
    assert text == (
        "warning[W001]: no 'entity' block: field names and types are taken on trust\n"
        " --> x.seg:1:9\n"
        "  |\n"
        "1 | segment a: age > 18\n"
        "  |         ^\n"
        "  = help: declare the fields, e.g. 'entity customers { key id: int  age: int }', to have them checked\n"
        "error[E203]: unknown function 'lowr'\n"
        " --> x.seg:2:12\n"
        "  |\n"
        "2 | segment b: lowr(city) == \"x\"\n"
        "  |            ^^^^\n"
        "  = help: did you mean 'lower'?"
    )


# --- bad: exact rendered diagnostics ------------------------------------------------

def seg(line: str) -> str:
    return ENTITY + line


BAD = {
    "unknown field with did-you-mean": (
        seg('segment a: sexx == "F"'),
        "error[E201]: unknown field 'sexx'\n"
        " --> x.seg:13:12\n"
        "   |\n"
        '13 | segment a: sexx == "F"\n'
        "   |            ^^^^\n"
        "   = help: did you mean 'sex'?",
    ),
    "unknown field without a close match lists the fields": (
        seg("segment a: nope"),
        "error[E201]: unknown field 'nope'\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment a: nope\n"
        "   |            ^^^^\n"
        "   = help: the fields of 'customers' are: customer_id, sport, level, sex, age, city, newsletter, "
        "lifetime_value, signup_date, last_seen",
    ),
    "unknown segment": (
        seg('segment road_pros: sport == "road"\nsegment a: road_proz and age > 3'),
        "error[E202]: unknown segment 'road_proz'\n"
        " --> x.seg:14:12\n"
        "   |\n"
        "14 | segment a: road_proz and age > 3\n"
        "   |            ^^^^^^^^^\n"
        "   = help: did you mean 'road_pros'?",
    ),
    "unknown function with did-you-mean": (
        seg('segment a: lowr(city) == "x"'),
        "error[E203]: unknown function 'lowr'\n"
        " --> x.seg:13:12\n"
        "   |\n"
        '13 | segment a: lowr(city) == "x"\n'
        "   |            ^^^^\n"
        "   = help: did you mean 'lower'?",
    ),
    "field called like a function": (
        seg("segment a: age(3) > 1"),
        "error[E203]: 'age' is not a function\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment a: age(3) > 1\n"
        "   |            ^^^\n"
        "   = help: write 'age' without parentheses",
    ),
    "wrong arity: too many": (
        seg('segment a: lower(city, 1) == "x"'),
        "error[E304]: lower() takes 1 argument, but got 2\n"
        " --> x.seg:13:12\n"
        "   |\n"
        '13 | segment a: lower(city, 1) == "x"\n'
        "   |            ^^^^^^^^^^^^^^",
    ),
    "wrong arity: zero-argument function": (
        seg("segment a: today(1) == signup_date"),
        "error[E304]: today() takes 0 arguments, but got 1\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment a: today(1) == signup_date\n"
        "   |            ^^^^^^^^",
    ),
    "wrong arity: one or two": (
        seg("segment a: round() > 1"),
        "error[E304]: round() takes 1 or 2 arguments, but got 0\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment a: round() > 1\n"
        "   |            ^^^^^^^",
    ),
    "wrong arity: at least": (
        seg("segment a: coalesce(age) > 1"),
        "error[E304]: coalesce() takes at least 2 arguments, but got 1\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment a: coalesce(age) > 1\n"
        "   |            ^^^^^^^^^^^^^",
    ),
    "duplicate segment": (
        seg("segment a: age > 1\nsegment a: age < 3"),
        "error[E204]: segment 'a' is defined twice\n"
        " --> x.seg:14:9\n"
        "   |\n"
        "14 | segment a: age < 3\n"
        "   |         ^\n"
        "   = help: the first definition is on line 13; rename one of them",
    ),
    "duplicate field": (
        "entity c {\n  key id: int\n  age: int\n  age: float\n}\nsegment a: age > 1",
        "error[E205]: field 'age' is declared twice\n"
        " --> x.seg:4:3\n"
        "  |\n"
        "4 |   age: float\n"
        "  |   ^^^\n"
        "  = help: the first declaration is on line 3",
    ),
    "missing key": (
        "entity c {\n  id: int\n  age: int\n}\nsegment a: age > 1",
        "error[E207]: entity 'c' has no key field\n"
        " --> x.seg:1:8\n"
        "  |\n"
        "1 | entity c {\n"
        "  |        ^\n"
        "  = help: mark the field that identifies a customer: 'key customer_id: int'",
    ),
    "second key": (
        "entity c {\n  key id: int\n  key id2: int\n}\nsegment a: id > 1",
        "error[E207]: entity 'c' has a second key field 'id2'\n"
        " --> x.seg:3:7\n"
        "  |\n"
        "3 |   key id2: int\n"
        "  |       ^^^\n"
        "  = help: a key is one field; declare the others without 'key'",
    ),
    "key of a bad type": (
        "entity c {\n  key id: float\n}\nsegment a: id > 1",
        "error[E207]: key field 'id' must be an int or a string, not float\n"
        " --> x.seg:2:11\n"
        "  |\n"
        "2 |   key id: float\n"
        "  |           ^^^^^",
    ),
    "unknown types with hints": (
        "entity c {\n  key id: int\n  n: integer\n  name: text\n  x: strng\n  y: blob\n}\nsegment a: id > 1",
        "error[E208]: unknown type 'integer'\n"
        " --> x.seg:3:6\n"
        "  |\n"
        "3 |   n: integer\n"
        "  |      ^^^^^^^\n"
        "  = help: did you mean 'int'?\n"
        "error[E208]: unknown type 'text'\n"
        " --> x.seg:4:9\n"
        "  |\n"
        "4 |   name: text\n"
        "  |         ^^^^\n"
        "  = help: did you mean 'string'?\n"
        "error[E208]: unknown type 'strng'\n"
        " --> x.seg:5:6\n"
        "  |\n"
        "5 |   x: strng\n"
        "  |      ^^^^^\n"
        "  = help: did you mean 'string'?\n"
        "error[E208]: unknown type 'blob'\n"
        " --> x.seg:6:6\n"
        "  |\n"
        "6 |   y: blob\n"
        "  |      ^^^^\n"
        "  = help: types are int, float, string, bool, date, timestamp and enum(...)",
    ),
    "bad enum declarations": (
        'entity c {\n  key id: int\n  s: enum()\n  t: enum("a", "a")\n  u: enum\n  v: int("a")\n}\nsegment a: id > 1',
        "error[E208]: an enum needs at least one value\n"
        " --> x.seg:3:6\n"
        "  |\n"
        "3 |   s: enum()\n"
        "  |      ^^^^^^\n"
        "error[E208]: enum value \"a\" is listed twice\n"
        " --> x.seg:4:16\n"
        "  |\n"
        '4 |   t: enum("a", "a")\n'
        "  |                ^^^\n"
        "error[E208]: an enum lists its values\n"
        " --> x.seg:5:6\n"
        "  |\n"
        "5 |   u: enum\n"
        "  |      ^^^^\n"
        '  = help: write enum("a", "b")\n'
        "error[E208]: type 'int' takes no values\n"
        " --> x.seg:6:6\n"
        "  |\n"
        '6 |   v: int("a")\n'
        "  |      ^^^^^^^^\n"
        '  = help: only enum(...) lists values: enum("road", "mountain")',
    ),
    "type mismatch: int with string": (
        seg('segment a: age == "x"'),
        "error[E301]: cannot compare 'age' (int) with \"x\" (string)\n"
        " --> x.seg:13:19\n"
        "   |\n"
        '13 | segment a: age == "x"\n'
        "   |                   ^^^\n"
        "   = help: numbers are written without quotes and strings with them",
    ),
    "type mismatch: enum with number": (
        seg("segment a: sport > 3"),
        "error[E301]: cannot compare 'sport' (enum(\"road\", \"mountain\", \"gravel\")) with 3 (int)\n"
        " --> x.seg:13:20\n"
        "   |\n"
        "13 | segment a: sport > 3\n"
        "   |                    ^\n"
        "   = help: numbers are written without quotes and strings with them",
    ),
    "type mismatch: timestamp with date": (
        seg('segment a: last_seen > date("2024-01-01")'),
        "error[E301]: cannot compare 'last_seen' (timestamp) with this (date)\n"
        " --> x.seg:13:24\n"
        "   |\n"
        '13 | segment a: last_seen > date("2024-01-01")\n'
        "   |                        ^^^^^^^^^^^^^^^^^^\n"
        '   = help: compare a date with date("YYYY-MM-DD") and a timestamp with timestamp("YYYY-MM-DDTHH:MM:SS")',
    ),
    "type mismatch in a list": (
        seg('segment a: age in [1, "x"]'),
        "error[E301]: cannot compare 'age' (int) with \"x\" (string)\n"
        " --> x.seg:13:23\n"
        "   |\n"
        '13 | segment a: age in [1, "x"]\n'
        "   |                       ^^^\n"
        "   = help: numbers are written without quotes and strings with them",
    ),
    "ordering on an enum": (
        seg('segment a: level > "amateur"'),
        "error[E313]: '>' needs ordered values, but 'level' is an enum\n"
        " --> x.seg:13:12\n"
        "   |\n"
        '13 | segment a: level > "amateur"\n'
        "   |            ^^^^^\n"
        "   = help: list the values you mean: 'level in [\"pro\"]'",
    ),
    "ordering on a bool": (
        seg("segment a: newsletter > false"),
        "error[E313]: '>' needs ordered values, but 'newsletter' is a bool\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment a: newsletter > false\n"
        "   |            ^^^^^^^^^^",
    ),
    "invalid regex": (
        seg('segment a: city matches "([a-z"'),
        "error[E309]: invalid regular expression: unterminated character set\n"
        " --> x.seg:13:25\n"
        "   |\n"
        '13 | segment a: city matches "([a-z"\n'
        "   |                         ^^^^^^^\n"
        "   = help: check the pattern's brackets and escapes",
    ),
    "non-portable regex: word boundary": (
        seg('segment a: city matches "\\\\bW"'),
        "error[E310]: a word boundary (\\b, \\B): not supported by every engine\n"
        " --> x.seg:13:25\n"
        "   |\n"
        '13 | segment a: city matches "\\\\bW"\n'
        "   |                         ^^^^^^\n"
        "   = help: spell out the neighbours, e.g. '(^|[^0-9A-Za-z_])word([^0-9A-Za-z_]|$)'",
    ),
    "non-portable regex: back-reference": (
        seg('segment a: city matches "(a)\\\\1"'),
        "error[E310]: a back-reference: not supported by every engine\n"
        " --> x.seg:13:25\n"
        "   |\n"
        '13 | segment a: city matches "(a)\\\\1"\n'
        "   |                         ^^^^^^^^\n"
        "   = help: rewrite the pattern without \\1 or (?(1)...)",
    ),
    "non-portable regex: inline flag": (
        seg('segment a: city matches "(?i)w"'),
        "error[E310]: inline flags such as (?i) are not portable\n"
        " --> x.seg:13:25\n"
        "   |\n"
        '13 | segment a: city matches "(?i)w"\n'
        "   |                         ^^^^^^^\n"
        "   = help: use 'imatches' for a case-insensitive match",
    ),
    "invalid date": (
        seg('segment a: signup_date > date("2024-02-30")'),
        "error[E307]: \"2024-02-30\" is not a valid date\n"
        " --> x.seg:13:31\n"
        "   |\n"
        '13 | segment a: signup_date > date("2024-02-30")\n'
        "   |                               ^^^^^^^^^^^^\n"
        "   = help: write it as YYYY-MM-DD, a real calendar date",
    ),
    "invalid timestamp": (
        seg('segment a: last_seen > timestamp("2024-02-01T25:00:00")'),
        "error[E308]: \"2024-02-01T25:00:00\" is not a valid timestamp\n"
        " --> x.seg:13:34\n"
        "   |\n"
        '13 | segment a: last_seen > timestamp("2024-02-01T25:00:00")\n'
        "   |                                  ^^^^^^^^^^^^^^^^^^^^^\n"
        "   = help: write it as YYYY-MM-DDTHH:MM:SS, a real calendar timestamp",
    ),
    "timestamp without a time": (
        seg('segment a: last_seen > timestamp("2024-02-01")'),
        "error[E308]: \"2024-02-01\" is not a valid timestamp\n"
        " --> x.seg:13:34\n"
        "   |\n"
        '13 | segment a: last_seen > timestamp("2024-02-01")\n'
        "   |                                  ^^^^^^^^^^^^\n"
        "   = help: write it as YYYY-MM-DDTHH:MM:SS, a real calendar timestamp",
    ),
    "date() of a column": (
        seg("segment a: date(city) > signup_date"),
        "error[E311]: date() takes a string literal\n"
        " --> x.seg:13:17\n"
        "   |\n"
        "13 | segment a: date(city) > signup_date\n"
        "   |                 ^^^^\n"
        '   = help: date("2024-06-01")',
    ),
    "reference cycle a -> b -> a": (
        seg("segment a: b\nsegment b: a"),
        "error[E206]: segment 'a' refers to itself: a -> b -> a\n"
        " --> x.seg:13:9\n"
        "   |\n"
        "13 | segment a: b\n"
        "   |         ^\n"
        "   = help: a segment cannot be defined in terms of itself; break the cycle",
    ),
    "self reference": (
        seg("segment a: a and age > 1"),
        "error[E206]: segment 'a' refers to itself: a -> a\n"
        " --> x.seg:13:9\n"
        "   |\n"
        "13 | segment a: a and age > 1\n"
        "   |         ^\n"
        "   = help: a segment cannot be defined in terms of itself; break the cycle",
    ),
    "condition not boolean": (
        seg("segment x: age"),
        "error[E305]: a segment's condition must be true or false, but this is an int\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment x: age\n"
        "   |            ^^^\n"
        "   = help: compare it with something, e.g. 'age >= 18'",
    ),
    "operand of or not boolean": (
        seg("segment x: age or newsletter"),
        "error[E305]: each side of 'or' must be true or false, but this is an int\n"
        " --> x.seg:13:12\n"
        "   |\n"
        "13 | segment x: age or newsletter\n"
        "   |            ^^^\n"
        "   = help: compare it with something, e.g. 'age >= 18'",
    ),
    "segment named like a field": (
        seg("segment age: newsletter"),
        "error[E209]: segment 'age' has the name of a field\n"
        " --> x.seg:13:9\n"
        "   |\n"
        "13 | segment age: newsletter\n"
        "   |         ^^^\n"
        "   = help: give the segment a name of its own, so conditions can tell them apart",
    ),
    "string test on a number": (
        seg('segment a: age contains "x"'),
        "error[E303]: 'contains' works on text, but 'age' is an int\n"
        " --> x.seg:13:12\n"
        "   |\n"
        '13 | segment a: age contains "x"\n'
        "   |            ^^^",
    ),
    "string test with a number": (
        seg("segment a: city contains 3"),
        "error[E311]: 'contains' needs a string literal on its right\n"
        " --> x.seg:13:26\n"
        "   |\n"
        "13 | segment a: city contains 3\n"
        "   |                          ^\n"
        '   = help: write the text in quotes: contains "..."',
    ),
    "arithmetic on text": (
        seg("segment a: age + city > 3"),
        "error[E306]: '+' needs numbers, but 'city' is a string\n"
        " --> x.seg:13:18\n"
        "   |\n"
        "13 | segment a: age + city > 3\n"
        "   |                  ^^^^\n"
        "   = help: there is no text concatenation in version 1",
    ),
    "a duration compared on its own": (
        seg("segment a: age > 3 days"),
        "error[E314]: a duration on its own is not a value\n"
        " --> x.seg:13:18\n"
        "   |\n"
        "13 | segment a: age > 3 days\n"
        "   |                  ^^^^^^\n"
        "   = help: add it to or subtract it from a date: 'signup_date >= today() - 30 days'",
    ),
    "empty in-list": (
        seg("segment a: age in []"),
        "error[E312]: an empty list matches nothing\n"
        " --> x.seg:13:19\n"
        "   |\n"
        "13 | segment a: age in []\n"
        "   |                   ^^\n"
        "   = help: list at least one value, or remove the condition",
    ),
    "several independent errors in one run": (
        seg('segment a: sexx == "F" and age == "x"\n'
            'segment b: lowr(city) == "x"\n'
            'segment c: sport == "road"\n'
            'segment c: age > 1\n'
            'segment d: level > "pro"\n'
            'segment e: e or age > 1'),
        "error[E201]: unknown field 'sexx'\n"
        " --> x.seg:13:12\n"
        "   |\n"
        '13 | segment a: sexx == "F" and age == "x"\n'
        "   |            ^^^^\n"
        "   = help: did you mean 'sex'?\n"
        "error[E301]: cannot compare 'age' (int) with \"x\" (string)\n"
        " --> x.seg:13:35\n"
        "   |\n"
        '13 | segment a: sexx == "F" and age == "x"\n'
        "   |                                   ^^^\n"
        "   = help: numbers are written without quotes and strings with them\n"
        "error[E203]: unknown function 'lowr'\n"
        " --> x.seg:14:12\n"
        "   |\n"
        '14 | segment b: lowr(city) == "x"\n'
        "   |            ^^^^\n"
        "   = help: did you mean 'lower'?\n"
        "error[E204]: segment 'c' is defined twice\n"
        " --> x.seg:16:9\n"
        "   |\n"
        "16 | segment c: age > 1\n"
        "   |         ^\n"
        "   = help: the first definition is on line 15; rename one of them\n"
        "error[E313]: '>' needs ordered values, but 'level' is an enum\n"
        " --> x.seg:17:12\n"
        "   |\n"
        '17 | segment d: level > "pro"\n'
        "   |            ^^^^^\n"
        "   = help: no declared value comes before or after it in that direction\n"
        "error[E206]: segment 'e' refers to itself: e -> e\n"
        " --> x.seg:18:9\n"
        "   |\n"
        "18 | segment e: e or age > 1\n"
        "   |         ^\n"
        "   = help: a segment cannot be defined in terms of itself; break the cycle",
    ),
    "syntax and checker errors together, in source order": (
        seg('segment a: sexx == "F"\nsegment b: age > and newsletter\nsegment c: x == "\\q"'),
        "error[E201]: unknown field 'sexx'\n"
        " --> x.seg:13:12\n"
        "   |\n"
        '13 | segment a: sexx == "F"\n'
        "   |            ^^^^\n"
        "   = help: did you mean 'sex'?\n"
        "error[E101]: unexpected 'and'\n"
        " --> x.seg:14:18\n"
        "   |\n"
        "14 | segment b: age > and newsletter\n"
        "   |                  ^^^\n"
        "   = help: expected a value (a field, a number, a string, '(' ...)\n"
        "error[E201]: unknown field 'x'\n"
        " --> x.seg:15:12\n"
        "   |\n"
        '15 | segment c: x == "\\q"\n'
        "   |            ^\n"
        "   = help: the fields of 'customers' are: customer_id, sport, level, sex, age, city, newsletter, "
        "lifetime_value, signup_date, last_seen\n"
        "error[E104]: unknown escape sequence '\\q' in string\n"
        " --> x.seg:15:18\n"
        "   |\n"
        '15 | segment c: x == "\\q"\n'
        "   |                  ^^\n"
        '   = help: known escapes are \\" \\\\ \\n \\t \\r \\uXXXX; write \\\\ for a backslash',
    ),
}

# Messages that were once wrong (formerly expected failures), kept as regression cases.
REGRESSIONS = {
    "enum value typo: hint written as a string of the language": pytest.param(
        seg('segment a: sport == "raod"'),
        "error[E302]: \"raod\" is not a value of sport\n"
        " --> x.seg:13:21\n"
        "   |\n"
        '13 | segment a: sport == "raod"\n'
        "   |                     ^^^^^^\n"
        '   = help: did you mean "road"?',

    ),
    "enum value typo in a list": pytest.param(
        seg('segment a: sport in ["road", "gravl"]'),
        "error[E302]: \"gravl\" is not a value of sport\n"
        " --> x.seg:13:30\n"
        "   |\n"
        '13 | segment a: sport in ["road", "gravl"]\n'
        "   |                              ^^^^^^^\n"
        '   = help: did you mean "gravel"?',

    ),
    "non-portable regex: lookahead (grammar)": pytest.param(
        seg('segment a: city matches "W(?=a)"'),
        "error[E310]: look-ahead and look-behind: not supported by every engine\n"
        " --> x.seg:13:25\n"
        "   |\n"
        '13 | segment a: city matches "W(?=a)"\n'
        "   |                         ^^^^^^^^\n"
        "   = help: split the condition: 'x matches \"a\" and not (x matches \"b\")'",

    ),
    "field with an unknown type is not also an unknown field": pytest.param(
        "entity c {\n  key id: int\n  age: integer\n}\nsegment a: age > 1",
        "error[E208]: unknown type 'integer'\n"
        " --> x.seg:3:8\n"
        "  |\n"
        "3 |   age: integer\n"
        "  |        ^^^^^^^\n"
        "  = help: did you mean 'int'?",

    ),
}


@pytest.mark.parametrize("text, expected", [pytest.param(*v, id=k) for k, v in BAD.items()] + [
    pytest.param(*p.values, id=k) for k, p in REGRESSIONS.items()
])
def test_error_text(text, expected):
    assert errors_of(text) == expected


def test_several_errors_are_all_in_diagnostics():
    with pytest.raises(segdsl.SegdslError) as info:
        load(BAD["several independent errors in one run"][0])
    assert [d.code for d in info.value.diagnostics] == ["E201", "E301", "E203", "E204", "E313", "E206"]
    assert all(d.is_error for d in info.value.diagnostics)


def test_enum_ordering_help_names_the_field_in_question():
    text = errors_of(seg('segment a: sport >= "mountain"'))
    help_line = text.splitlines()[-1]
    assert "sport" in help_line and "level" not in help_line


@pytest.mark.parametrize("condition", ["newsletter == null", "age != null"])
def test_comparison_with_null_is_rejected(condition):
    text = errors_of(seg(f"segment a: {condition}"))
    assert "is null" in text or "is not null" in text


def test_date_compared_with_string_suggests_date_literal():
    text = errors_of(seg('segment a: signup_date == "2024-01-01"'))
    assert 'date("2024-01-01")' in text


@pytest.mark.parametrize("literal, code", [
    ('date("2024-W01-1")', "E307"), ('date("20240101")', "E307"), ('date("2024-02-30")', "E307"),
    ('timestamp("2024-06-01T08:30+01")', "E308"), ('timestamp("2024-06-01T08:30:00+01:00")', "E308"),
    ('timestamp("2024-06-01T08:30")', "E308"),
])
def test_only_plain_iso_dates_and_timestamps(literal, code):
    with pytest.raises(segdsl.SegdslError) as info:
        load(f"entity c {{ key id: int  d: date  t: timestamp }}\nsegment a: d == {literal} or t == {literal}")
    assert {d.code for d in info.value.diagnostics} == {code}


@pytest.mark.parametrize("as_of", ["20261101", "2026-W44-1", "2026-11-01T09:30:00+02:00", "2026-11-31", "yesterday"])
def test_malformed_as_of_is_e405(as_of):
    with pytest.raises(segdsl.SegdslError) as info:
        load("segment a: x > 1", as_of=as_of)
    assert [d.code for d in info.value.diagnostics] == ["E405"]


@pytest.mark.parametrize("as_of, moment", [
    ("2026-11-01", "2026-11-01T00:00:00"), ("2026-11-01T09:30", "2026-11-01T09:30:00"),
    ("2026-11-01 09:30:00.25", "2026-11-01T09:30:00.250000"),
])
def test_as_of_forms(as_of, moment):
    assert load("segment a: x > 1", as_of=as_of).as_of.isoformat() == moment


def test_between_on_an_enum_suggests_every_value_in_the_range():
    text = errors_of(seg('segment a: level between "beginner" and "amateur"'))
    assert "error[E313]: 'between' needs ordered values, but 'level' is an enum" in text
    assert "help: list the values you mean: 'level in [\"beginner\", \"amateur\"]'" in text


def test_coalesce_takes_any_number_of_arguments():
    program = load(seg("segment a: coalesce(" + ", ".join(["age"] * 150) + ") > 1"))
    assert program.segments == ["a"]


# --- event tables (issue 5): declarations ---------------------------------------------------

EVENTS = """entity customers { key customer_id: int  region: string  by: int  at: string }
events orders of customers by customer_id at ordered_at {
  amount: float
  category: enum("books", "music")
  discounted: bool
}
events visits of customers by customer_id at day { day: date  page: string  customer_id: int }
segment s: region == "x" and by > 1 and at == "y"
"""


def test_event_tables_are_part_of_the_schema():
    program = load(EVENTS)
    orders, visits = program.schema.events["orders"], program.schema.events["visits"]
    assert (orders.by, orders.at) == ("customer_id", "ordered_at")
    assert {n: str(t) for n, t in orders.fields.items()} == {
        "amount": "float", "category": 'enum("books", "music")', "discounted": "bool",
        "customer_id": "int", "ordered_at": "timestamp"}  # by: the key's type; at: a timestamp unless declared
    assert str(visits.fields["day"]) == "date"
    assert "events orders of customers by customer_id at ordered_at\n  amount: float" in program.checked().pretty()
    assert program.segments == ["s"]  # 'by' and 'at' are still field names where a keyword cannot stand


def test_event_tables_in_the_ast():
    from segdsl.parser import parse

    tree, diags = parse(EVENTS)
    assert not diags
    events = tree.events[0]
    assert (events.name, events.entity, events.by, events.at) == ("orders", "customers", "customer_id", "ordered_at")
    assert events.entity_span.column == 18


@pytest.mark.parametrize("text, codes, message", [
    ("events orders of shoppers by customer_id at t { }", ["E213"], "belong to 'shoppers', but this file's entity is 'customers'"),
    ("events orders of customers by customer_id at t { }\nevents orders of customers by customer_id at t { }",
     ["E214"], "event table 'orders' is declared twice"),
    ("events region of customers by customer_id at t { }", ["E214"], "has the name of a field"),
    ("events customers of customers by customer_id at t { }", ["E214"], "has the name of the entity"),
    ("events orders of customers by customer_id at t { }\nsegment orders: region == \"x\"", ["E214"],
     "segment 'orders' has the name of an event table"),
    ("events orders of customers by customer_id at t { key n: int }", ["E215"], "has no key field of its own"),
    ("events orders of customers by customer_id at t { customer_id: string }", ["E215"],
     "holds the key of 'customers', which is an int, not a string"),
    ("events orders of customers by customer_id at t { t: int }", ["E215"], "a date or a timestamp, not an int"),
    ("events orders of customers by c at c { }", ["E215"], "cannot hold both the customer and the moment"),
    ("events orders of customers by customer_id at t { a: int  a: float }", ["E205"], "declared twice"),
    ("events orders of customers by customer_id at t { a: money }", ["E208"], "unknown type 'money'"),
])
def test_event_table_mistakes(text, codes, message):
    entity = "entity customers { key customer_id: int  region: string }\n"
    with pytest.raises(segdsl.SegdslError) as info:
        load(entity + text + "\n")
    assert [d.code for d in info.value.diagnostics] == codes
    assert message in str(info.value)


def test_event_tables_without_an_entity_take_the_key_on_trust():
    program = load("events orders of customers by customer_id at t { amount: float }\nsegment s: x > 1\n")
    assert str(program.schema.events["orders"].fields["customer_id"]) == "any"


# --- aggregates over event tables ----------------------------------------------------------

def test_aggregates_in_the_ir():
    text = EVENTS.replace('segment s: region == "x" and by > 1 and at == "y"\n', "") + (
        'segment a: count(orders where category == "books" in last 90 days) >= 3\n'
        'segment b: sum(orders.amount from date("2026-01-01") to date("2026-03-31")) > 10\n'
        'segment c: last(visits.page after date("2026-10-01")) == "home" and share(orders where discounted) > 0.5\n'
        'segment d: count(visits before today() - 1 week) == 0 and first(orders.category) == "music"\n')
    pretty = load(text).checked().pretty().splitlines()
    assert pretty[-4:] == [
        'segment a: (count(orders where (category:enum("books", "music") == "books") ordered_at in '
        '(timestamp("2026-08-03T10:30:00"), timestamp("2026-11-01T10:30:00")]):int >= 3)',
        # a date on a timestamp column means its whole day: to 2026-03-31 is up to 04-01's midnight
        'segment b: (sum(orders.amount ordered_at in [timestamp("2026-01-01T00:00:00"), '
        'timestamp("2026-04-01T00:00:00"))):float > 10)',
        # on a date column a date bound is itself: after 10-01 is from 10-02 on, up to today
        'segment c: ((last(visits.page day in (date("2026-10-01"), date("2026-11-01")]):string == "home") and '
        '(share(orders where discounted:bool ordered_at in (-inf, timestamp("2026-11-01T10:30:00")]):float > 0.5))',
        'segment d: ((count(visits day in (-inf, date("2026-10-25"))):int == 0) and '
        '(first(orders.category ordered_at in (-inf, timestamp("2026-11-01T10:30:00")]):enum("books", "music") == "music"))',
    ]


def test_aggregate_result_types():
    text = EVENTS + (
        "events sales of customers by customer_id at at2 { n: int  when: date  at2: date }\n"
        "segment t1: sum(sales.n) > 1 and avg(sales.n) > 1.5 and min(sales.when) < today() and max(sales.n) > 2\n"
        "segment t2: count_distinct(sales.n) > 1 and first(orders.discounted) and last(orders.amount) > 1\n")
    segments = load(text).checked().segments
    kinds = {a.fn: a.type.kind for s in ("t1", "t2") for a in __import__("segdsl").ir.aggregates(segments[s].condition)}
    assert kinds == {"sum": "int", "avg": "float", "min": "date", "max": "int", "count_distinct": "int",
                     "first": "bool", "last": "float"}


def test_a_window_after_the_as_of_moment_reads_nothing_and_one_before_it_ends_there():
    text = EVENTS + 'segment f: count(orders after date("2027-01-01")) == 0\n' \
                    'segment g: count(orders before date("2027-01-01")) > 0\n'
    segments = load(text).checked().segments
    future = segments["f"].condition.left.window
    assert future.low == future.high and not future.low_inclusive  # empty
    assert segments["g"].condition.left.window.high == dt.datetime(2026, 11, 1, 10, 30)


AGGREGATE_MISTAKES = [
    ("count(order) > 1", "E216", "unknown event table 'order'", "did you mean 'orders'?"),
    ("sum(region) > 1", "E216", "'region' is not an event table", None),
    ("count(orders.amount) > 1", "E316", "count() counts the events of a table, not the values of a field",
     "count(orders where amount is not null)"),
    ("sum(orders) > 1", "E316", "sum() reads a field of the events, not the whole table", "sum(orders.amount)"),
    ("sum(orders.amout) > 1", "E201", "unknown field 'amout' of 'orders'", "did you mean 'amount'?"),
    ("sum(orders.category) > 1", "E316", "sum() works on numbers, but 'category' is an enum", None),
    ("min(orders.discounted) == true", "E316", "min() works on numbers, dates or timestamps", "first() and last()"),
    ("count_distinct(orders.amount) > 1", "E316", "count_distinct() works on whole numbers", "floats are not counted"),
    ("share(orders) > 0.5", "E316", "share() needs a condition", "share(orders where discounted)"),
    ("count(orders, orders) > 1", "E304", "count() takes one argument, but got 2", None),
    ("count(orders where region == \"x\") > 1", "E201", "'region' is a field of 'customers', not a field of 'orders'",
     "reads the fields of 'orders'"),
    ("count(orders where amount) > 1", "E305", "the condition after 'where' must be true or false", None),
    ("count(orders where count(orders) > 1) > 1", "E316", "count() cannot stand inside the condition", None),
    ("orders > 1", "E217", "'orders' is a table of events, not one value per customer", "count(orders)"),
    ("orders.amount > 1", "E217", "'orders.amount' is one value per event, not per customer", "sum(orders.amount)"),
    ("region.x > 1", "E216", "'region' is not an event table", None),
    ("lower(region where region == \"x\") == \"x\"", "E316", "'where' only goes inside an aggregate", None),
    ("count(orders in last 0 days) == 0", "E317", "a window of 0 days holds no events", "in last 1 day"),
    ("count(orders before region) > 0", "E317", "a window's bound is a date or a timestamp, but this is a string", None),
    ("count(orders before null) > 0", "E317", "a window's bound cannot be null", None),
    ("count(orders after signup) > 0", "E317", "a window's bound must be a fixed moment", None),
    ("count(orders from date(\"2026-03-01\") to date(\"2026-01-01\")) > 0", "E317", "this window ends before it starts",
     None),
    ("count(visits before timestamp(\"2026-01-01T10:00:00\")) > 0", "E317",
     "'day' of 'visits' is a date, so its window's bounds are dates", 'date("2026-01-01")'),
    ("counts(orders) > 1", "E203", "unknown function 'counts'", "did you mean 'count'?"),
]


QUANTILE_MISTAKES = [
    ("ntile(region, 5) == 1", "E303", "ntile() ranks numbers, dates or timestamps, but its argument is a string",
     "collation"),
    ("ntile(by, 0) == 1", "E318", "ntile()'s second argument is a whole number of groups from 1 to 1000", None),
    ("ntile(by, 1001) == 1", "E318", "from 1 to 1000", None),
    ("ntile(by, 2.5) == 1", "E318", "from 1 to 1000", None),
    ("ntile(by, by) == 1", "E318", "from 1 to 1000", None),
    ("ntile(by) == 1", "E304", "ntile() takes 2 arguments, but got 1", "ntile(lifetime_value, 5) == 5"),
    ("cume_dist(by, 5) > 0.5", "E304", "cume_dist() takes 1 argument, but got 2", None),
    ("cume_dist(5) > 0.5", "E318", "cume_dist() of a constant gives every customer the same rank", None),
    ("cume_dist(today()) > 0.5", "E318", "of a constant", None),
    ("cume_dist(ntile(by, 3)) > 0.5", "E318", "cume_dist() cannot rank another quantile", None),
    ("cume_dist(by > 1) > 0.5", "E303", "but its argument is a bool", None),
    ("count(orders where cume_dist(amount) > 0.5) > 1", "E318",
     "cume_dist() ranks customers, so it cannot stand inside an aggregate's condition", None),
    ("ntile(orders.amount, 4) == 1", "E217", "'orders.amount' is one value per event", None),
    ("cume_dis(by) > 0.5", "E203", "unknown function 'cume_dis'", "did you mean 'cume_dist'?"),
]


@pytest.mark.parametrize("condition, code, message, help_text", AGGREGATE_MISTAKES + QUANTILE_MISTAKES)
def test_aggregate_and_quantile_mistakes(condition, code, message, help_text):
    text = EVENTS.replace("at: string }", "at: string  signup: date }") + f"segment bad: {condition}\n"
    with pytest.raises(segdsl.SegdslError) as info:
        load(text)
    assert [d.code for d in info.value.diagnostics] == [code], str(info.value)
    assert message in str(info.value)
    if help_text:
        assert help_text in str(info.value)


def test_a_window_with_a_fraction_is_a_syntax_error():
    out = errors_of(EVENTS + "segment s: count(orders in last 1.5 weeks) > 0\n")
    assert "error[E106]: a window needs a whole number, not 1.5" in out


def test_every_mistake_of_an_aggregate_is_reported_at_once():
    out = errors_of(EVENTS + 'segment t: count(orders where amout > 1 before region) > 0\n')
    assert "unknown field 'amout'" in out and "a window's bound is a date or a timestamp" in out


def test_a_syntax_error_in_an_events_block_skips_only_that_block():
    out = errors_of("entity customers { key id: int }\nevents orders of customers by id at t { amount: }\n"
                    "segment a: nope > 1\n")
    assert "E101" in out and "unknown field 'nope'" in out


# --- quantiles across the customer base -----------------------------------------------------

def test_quantiles_in_the_ir():
    text = EVENTS + ("segment top: cume_dist(sum(orders.amount in last 1 years)) > 0.8\n"
                     "segment rfm: ntile(days_since(last(orders.ordered_at)), 5) == 1 and ntile(by * 2, 4) >= 3\n")
    pretty = load(text).checked().pretty().splitlines()
    assert pretty[-2:] == [
        'segment top: (cume_dist(sum(orders.amount ordered_at in (timestamp("2025-11-01T10:30:00"), '
        'timestamp("2026-11-01T10:30:00")]):float):float > 0.8)',
        'segment rfm: ((ntile(days_since(last(orders.ordered_at ordered_at in (-inf, timestamp("2026-11-01T10:30:00")]):'
        'timestamp, as_of=2026-11-01), 5):int == 1) and (ntile((by:int * 2):int, 4):int >= 3))',
    ]




def test_quantiles_without_an_entity_take_any_value():
    program = load("segment s: ntile(score, 10) == 10 and cume_dist(score) > 0.5\n")
    quantiles = __import__("segdsl").ir.quantiles(program.checked().segments["s"].condition)
    assert [(q.fn, q.type.kind) for q in quantiles] == [("ntile", "int"), ("cume_dist", "float")]
