"""L104 contained-segment."""

import itertools
import random

import pytest

import segdsl
from segdsl.lint.rules.contained import _Contained
from segdsl.reference import Interpreter

from lint_helpers import codes_of, findings_of

from segdsl.lint.config import Settings

ENTITY = ('entity c { key id: int  age: int  sport: enum("road", "mountain", "gravel")  city: string  f: bool  '
          'g: bool  h: bool }\n')


def messages(text: str) -> list[str]:
    return [f.message for f in findings_of(ENTITY + text, ["L104"])]


def test_contained_and_the_same_members():
    text = ENTITY + ('segment adults: age >= 18\n'
                     'segment road_seniors: sport == "road" and age >= 65\n'
                     'segment senior_road: age > 64 and sport == "road"')
    first, second = findings_of(text, ["L104"])
    assert first.message == "segment 'road_seniors' is contained in 'adults': every member of road_seniors is a " \
                            "member of adults"
    assert (first.span.line, first.span.column) == (3, 9)
    assert second.message == "segment 'senior_road' has the same members as 'road_seniors'"
    assert (second.span.line, second.span.column) == (4, 9)
    assert first.fix is None


@pytest.mark.parametrize("text, found", [
    ("segment a: age > 30\nsegment b: age > 31", "segment 'b' is contained in 'a'"),  # and not a in b
    ('segment a: sport == "road"\nsegment b: sport == "road" or city == "x"', "segment 'a' is contained in 'b'"),
])
def test_one_way(text, found):
    assert [m.split(":")[0] for m in messages(text)] == [found]


def test_nothing_in_common():
    assert messages("segment a: age > 30\nsegment b: age < 20\nsegment c: city == \"x\" and f") == []


@pytest.mark.parametrize("text", [
    "segment a: age > 30 {\n  segment b: age > 40\n}",  # a child is in its parent by construction
    "segment a: age > 30\nsegment b: a and f",  # named: in a by construction
    "segment z: age > 10\nsegment a: age > 30\nsegment b: a and f",  # and in whatever a is in: reported on a only
    "segment a: age > 30\nsegment t: a split 50/50 salt \"s\"",  # defined as a: the same members by construction
    "segment a: age > 30\nsegment t: a holdout 10% salt \"s\"",
    'segment a: city contains "x"\nsegment b: city contains "x" and f',  # beyond the reasoning
    "segment a: age > 30 and age < 20\nsegment b: age > 30",  # never true: L101's
    "segment a: f or not f or f is null\nsegment b: age > 30",  # always true: L102's
    "ruleset r exclusive { x: age > 30  y: age > 40 }\nsegment b: age > 50",  # rules are left out
])
def test_relations_the_file_states_are_not_reported(text):
    found = messages(text)
    assert not any("'b'" in m.split(":")[0] or "'t'" in m.split(":")[0] for m in found), found
    if text.startswith("segment z"):
        assert found == ["segment 'a' is contained in 'z': every member of a is a member of z"]


def test_the_closest_container_is_named():
    found = messages("segment wide: age > 10\nsegment mid: age > 20\nsegment narrow: age > 30 and f")
    assert found[-1] == "segment 'narrow' is contained in 'mid': every member of narrow is a member of mid"


def test_nulls_count():
    found = messages("segment a: age > 30\nsegment b: not (age <= 30)\nsegment c: age > 30 or age is null")
    assert found == ["segment 'a' is contained in 'c': every member of a is a member of c",
                     "segment 'b' has the same members as 'a'"]
    assert messages("segment a: age > 30 or age is null\nsegment b: age > 30") == [
        "segment 'b' is contained in 'a': every member of b is a member of a"]


def test_a_segment_across_the_parts_of_an_or():
    found = messages("segment a: age between 10 and 20 and f\nsegment b: (age < 15 and f) or (age >= 15 and f)")
    assert found == ["segment 'a' is contained in 'b': every member of a is a member of b"]


def test_at_least_is_decided_by_a_search():
    assert messages("segment a: at least 2 of (f, g, h)\nsegment b: f or g or h") == [
        "segment 'a' is contained in 'b': every member of a is a member of b"]


def test_a_child_and_an_unrelated_segment():
    text = 'segment road_women: sport == "road" and f\nsegment cyclists: sport is not null {\n' \
           '  segment road: sport == "road" {\n    segment women: f\n  }\n}'
    assert messages(text) == ["segment 'road_women' is contained in 'cyclists.road': every member of road_women is a "
                              "member of cyclists.road",
                              "segment 'cyclists.road.women' has the same members as 'road_women'"]


# -- the relation the rule decides, against every row ---------------------------------------------

SMALL = 'entity c { key id: int  a: int  s: enum("x", "y")  f: bool }\n'
ROWS = [dict(zip(("a", "s", "f"), values), id=0)
        for values in itertools.product([None, 0, 1, 2, 3, 4], ["x", "y", None], [True, False, None])]


def _test(r: random.Random) -> str:
    return r.choice([f"a {r.choice(['<', '<=', '>', '>=', '==', '!='])} {r.randint(1, 3)}", "f", "not f",
                     f"a between {r.randint(1, 2)} and {r.randint(2, 3)}", "a is null", "s is not null",
                     f's == "{r.choice("xy")}"', 'f is null', f"a in [1, {r.randint(2, 3)}]"])


def _condition(r: random.Random, depth: int = 0) -> str:
    roll = r.random()
    if depth > 1 or roll < 0.35:
        return _test(r)
    if roll < 0.45:
        return f"not ({_condition(r, depth + 1)})"
    if roll < 0.5:
        return f"at least 2 of ({_condition(r, depth + 1)}, {_condition(r, depth + 1)}, {_test(r)})"
    word = r.choice(["and", "or"])
    return "(" + f" {word} ".join(_condition(r, depth + 1) for _ in range(r.randint(2, 3))) + ")"


@pytest.mark.parametrize("seed", range(5))
def test_containment_agrees_with_every_row(seed):
    """Whether a segment's members are within another's, as the rule decides it (boxes, their unions, or a
    search), against the reference interpreter on every combination of values (which covers every region
    of the constants 1 to 3, and null)."""
    r = random.Random(seed)
    text = SMALL + "\n".join(f"segment s{i}: {_condition(r)}" for i in range(25))
    checked = segdsl.loads(text, as_of="2026-11-01").checked()
    members = {name: {i for i, row in enumerate(ROWS) if Interpreter(checked.segments, row).segment(name) is True}
               for name in checked.segments}
    rule = _Contained(checked)
    seen = {}
    for position, name in enumerate(checked.segments):
        seg = rule._segment(name, position)
        if seg is None:  # never true or always true (or beyond): the rule leaves it out
            assert not members[name] or len(members[name]) == len(ROWS) or rule.analysis.compiled(name) is None
            continue
        seg.packed = [rule.packing.pack(box) for box in seg.boxes]
        seen[name] = seg
    assert len(seen) > 10
    for (a, sa), (b, sb) in itertools.permutations(seen.items(), 2):
        assert rule._contains(sa, sb) == (members[a] <= members[b]), (a, b)


def test_the_examples_name_what_they_repeat():
    """bikes.seg writes some segments twice: flat and as micro segments of `cyclists` (known findings)."""
    found = [d.message for d in segdsl.lint.lint(segdsl.load("examples/bikes.seg", as_of="2026-11-01"),
                                                 settings=Settings(extend_select=["L104"]))]
    assert "segment 'cyclists.road.amateur.women' has the same members as 'amateur_women_road'" in found
    assert "segment 'cyclists.road.pro' has the same members as 'road_pros'" in found


def test_opt_in():
    assert codes_of(ENTITY + "segment a: age > 30\nsegment b: age > 40") == []
    assert codes_of(ENTITY + "segment a: age > 30\nsegment b: age > 40", ["L104"]) == ["L104"]


@pytest.mark.parametrize("seed", range(4))
def test_findings_are_true_and_none_is_missed(seed):
    """On random files, every finding holds on every row, and a segment within another segment (that it
    is not in as written) is reported (of two with the same members, the later one)."""
    r = random.Random(100 + seed)
    text = SMALL + "\n".join(f"segment s{i}: {_condition(r)}" for i in range(30))
    program = segdsl.loads(text, as_of="2026-11-01")
    checked = program.checked()
    members = {name: {i for i, row in enumerate(ROWS) if Interpreter(checked.segments, row).segment(name) is True}
               for name in checked.segments}
    found = {f.message.split("'")[1]: f.message for f in findings_of(text, ["L104"])}
    rule = _Contained(checked)
    for name, message in found.items():
        other = message.split("'")[3]
        assert members[name] <= members[other], message
        if "same members" in message:
            assert members[name] == members[other], message
    order = list(checked.segments)
    for a in checked.segments:
        if a in found or rule._segment(a, 0) is None:
            continue
        for b in checked.segments:
            if b == a or rule._segment(b, 0) is None or not members[a] <= members[b]:
                continue
            if members[a] == members[b] and order.index(b) > order.index(a):
                assert b in found, (a, b)  # the later one says so
                continue
            assert rule._related(a, b) or rule._explained(a, rule._segment(b, 0)), (a, b)
