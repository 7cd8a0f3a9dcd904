"""L103 redundant-condition."""

import random

import pytest

from lint_helpers import codes_of, findings_of, fixed

ENTITY = 'entity c { key id: int  age: int  sport: enum("road", "mountain")  city: string  f: bool  v: float }\n'


@pytest.mark.parametrize("condition", [
    "age > 30 and age > 20",  # the second is implied
    "age > 20 and age > 30",  # the first is
    "age > 30 or age > 20",  # every customer of the first is in the second
    'sport == "road" or sport in ["road", "mountain"]',
    "f and f",
    "age == 3 and age in [1, 3, 5]",
    "age between 3 and 5 and age is not null",
    "age > 30 and (age > 20 or age is null)",  # the whole 'or' is implied
    "v > 1.5 and v >= 1.5",
    "not (age > 30 and age > 20)",  # under not: the customers made FALSE count, 'age <= 30' either way
    "not (age > 30 or age > 20)",
    "not (age > 30 or age is null)",  # 'not (age > 30)' already needs an age: the null test adds nothing
    "city == \"a\" and (f or city == \"a\")",
])
def test_flags(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L103"]) == ["L103"]


@pytest.mark.parametrize("condition", [
    "age > 30 and city == \"a\"",
    "age > 30 or age < 20",
    "age > 20 and age < 30",
    "age > 30 or age is null",  # a null age is in the second only
    "not (age > 30 and f)",
    'city contains "a" and city contains "ab"',  # beyond the reasoning: never flagged
    "age > 50 and age < 30 and age > 10",  # never true at all: L101's, not this rule's
    "f or not f",
    "at least 1 of (age > 30, age > 20)",
])
def test_passes(condition):
    assert codes_of(ENTITY + f"segment s: {condition}", ["L103"]) == []


def test_message_span_and_fix():
    text = ENTITY + "segment s: age > 30 and age > 20"
    (finding,) = findings_of(text, ["L103"])
    assert finding.message == "'age > 20' is redundant: the other conditions of this 'and' already imply it"
    assert (finding.span.line, finding.span.column) == (2, 25)
    assert finding.fix.title == "delete 'age > 20'"
    assert fixed(text, ["L103"]) == ENTITY + "segment s: age > 30"


def test_a_test_the_parent_implies():
    text = ENTITY + ("segment adults: age >= 18 {\n  segment old: age >= 18 and age > 65\n"
                     "  segment road: sport == \"road\" and age > 10\n}")
    found = findings_of(text, ["L103"])
    assert [f.message for f in found] == [
        "'age >= 18' is redundant: the other conditions of this 'and' already imply it",  # (age > 65 does)
        "'age > 10' is redundant: every member of 'adults' passes it"]
    assert fixed(text, ["L103"]) == ENTITY + (
        "segment adults: age >= 18 {\n  segment old: age > 65\n  segment road: sport == \"road\"\n}")


def test_a_child_its_parent_implies_entirely_has_no_fix():
    (finding,) = findings_of(ENTITY + "segment adults: age >= 18 {\n  segment also: age > 10\n}", ["L103"])
    assert finding.message == "'age > 10' is redundant: every member of 'adults' passes it, so 'adults.also' has " \
                              "the same members as its parent"
    assert finding.fix is None


@pytest.mark.parametrize("before, after", [
    ("age > 20 and age > 30", "age > 30"),
    ("age > 30 or age > 20", "age > 20"),
    ("f and (age > 30 or age > 20)", "f and (age > 20)"),
    ("age > 30\n  and age > 20\n  and f", "age > 30\n  and f"),
    ("not (age > 30 and age > 20)", "not (age > 30)"),
    ("f and f and f", "f"),
])
def test_fixes(before, after):
    assert fixed(ENTITY + f"segment s: {before}", ["L103"]) == ENTITY + f"segment s: {after}"


@pytest.mark.parametrize("condition", [
    "age > 30  # why\n  and age > 20",  # a comment would go
    "(age > 30 and f) and age > 20",  # the ')' of a group stands between (and/or runs are one node)
])
def test_no_fix_where_more_than_the_word_would_go(condition):
    (finding,) = findings_of(ENTITY + f"segment s: {condition}", ["L103"])
    assert finding.fix is None


def test_membership_only_no_fix():
    """'age is not null' keeps no customer out that 'between' lets in, but for a null age it makes the segment
    FALSE rather than UNKNOWN, which 'not s' in another segment would see: reported, not fixed."""
    (finding,) = findings_of(ENTITY + "segment s: age between 3 and 5 and age is not null", ["L103"])
    assert finding.fix is None and "not done by --fix" in finding.help


def test_rules_of_a_ruleset_and_their_scope():
    text = ENTITY + ("segment adults: age >= 18\n"
                     "ruleset r of adults exclusive { a: age > 5 and f  b: city == \"a\" or city == \"a\"  c: f or f }")
    found = findings_of(text, ["L103"])
    assert [f.message for f in found] == [  # not c: the rules above it take everyone it would (W202)
        "'age > 5' is redundant: where it counts, the rest of the condition already implies it",
        "'city == \"a\"' is redundant: every customer it takes, another condition of this 'or' takes too"]


def test_set_operations_and_references_are_followed():
    text = ENTITY + "segment old: age > 60\nsegment s: (old and age > 50) union f"
    (finding,) = findings_of(text, ["L103"])
    assert finding.message.startswith("'age > 50' is redundant")


DOMAINS = {"age": [None, 1, 2, 3, 4], "f": [True, False, None], "city": [None, "a", "b"]}
SIMPLE = "entity c { key id: int  age: int  f: bool  city: string }\n"


def _test(r: random.Random) -> str:
    return r.choice([f"age {r.choice(['<', '<=', '>', '>=', '==', '!='])} {r.randint(1, 4)}", "f", "not f",
                     f"age between {r.randint(1, 2)} and {r.randint(2, 4)}", "age is null", "city is not null",
                     f'city == "{r.choice("ab")}"', f'city in ["a", "{r.choice("ab")}"]'])


def _condition(r: random.Random, depth: int = 0) -> str:
    roll = r.random()
    if depth > 1 or roll < 0.3:
        return _test(r)
    if roll < 0.4:
        return f"not ({_condition(r, depth + 1)})"
    word = r.choice(["and", "or"])
    return "(" + f" {word} ".join(_condition(r, depth + 1) for _ in range(r.randint(2, 3))) + ")"


@pytest.mark.parametrize("seed", range(6))
def test_random_fixes_keep_every_segment_the_same(seed):
    """After --fix every segment is TRUE, FALSE and UNKNOWN on the same rows (the reference interpreter
    on every combination of values); half the files are children of a parent segment."""
    r = random.Random(seed)
    segments = "\n".join(f"segment s{i}: {_condition(r)}" for i in range(30))
    text = SIMPLE + (segments if seed % 2 else "segment base: age > 1 {\n" + segments + "\n}")
    if "L103" not in codes_of(text, ["L103"]):
        pytest.skip("nothing to fix")  # pragma: no cover
    members_before = _members(text)
    after = fixed(text, ["L103"])
    assert after != text
    assert _members(after) == members_before


def _members(text: str) -> dict:
    """Each segment's TRUE / FALSE / UNKNOWN on every combination of values (a fix keeps all three, so a
    segment named under 'not' elsewhere keeps its members too)."""
    import segdsl
    from lint_members import rows_of
    from segdsl.reference import Interpreter

    checked = segdsl.loads(text, as_of="2026-11-01").checked()
    rows = rows_of(DOMAINS)
    return {name: [Interpreter(checked.segments, row).segment(name) for row in rows] for name in checked.segments}
