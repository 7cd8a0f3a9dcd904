"""The proofs' search (segdsl/proofs/search.py `Search`) against trying every combination of values.

`Space.find` once tried every combination of the columns' candidates with the reference interpreter
(`find_row(..., enumerate_all=True)` still does); it now searches, column by column, over masks of the
candidates. On random conditions of every kind the reasoning covers, both must give the same answer,
and the same customer: the first combination, in the order of `itertools.product`, that meets the
question (so the checker's messages name the same counter-example as before). The masks of long
candidate lists, made by bisection, must agree with the masks made value by value.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import segdsl
from segdsl import ir
from segdsl.proofs import CannotDecide, Space
from segdsl.proofs.masks import Column

ENTITY = """entity c {
  key id: int
  a: int
  b: int
  v: float
  s: enum("x", "y", "z")
  t: string
  f: bool
  d: date
  w: timestamp
}
"""


def _test(r: random.Random) -> str:
    return r.choice([
        lambda: f"a {r.choice(['<', '<=', '>', '>=', '==', '!='])} {r.randint(0, 4)}",
        lambda: f"{r.randint(0, 4)} {r.choice(['<', '>='])} b",
        lambda: f"b {r.choice(['between', 'not between'])} {r.randint(0, 2)} and {r.randint(1, 4)}",
        lambda: f"v {r.choice(['<', '>=', '=='])} {r.randint(0, 3)}{r.choice(['', '.5'])}",
        lambda: f"a {r.choice(['<', '>'])} {r.randint(0, 3)}.5",  # an int against a float
        lambda: f's {r.choice(["==", "!="])} "{r.choice("xyz")}"',
        lambda: f's {r.choice(["in", "not in"])} ["{r.choice("xyz")}", "{r.choice("xyz")}"]',
        lambda: f'{r.choice("abvstfdw")} is {r.choice(["", "not "])}null',
        lambda: r.choice(["f", "not f", "f == false", "(a > 1) == f"]),
        lambda: f't {r.choice(["==", "<", ">=", "!="])} "{r.choice(["m", "q", "", "mm"])}"',
        lambda: f't in ["{r.choice("mq")}", "q"]',
        lambda: f'd {r.choice(["<", ">=", "=="])} date("2024-0{r.randint(1, 3)}-01")',
        lambda: f'w {r.choice(["<", ">"])} timestamp("2024-01-01T0{r.randint(0, 2)}:00:00")',
        lambda: "true" if r.random() < 0.5 else "false",
    ])()


def _condition(r: random.Random, depth: int = 0, names: tuple = ()) -> str:
    roll = r.random()
    if depth > 2 or roll < 0.3:
        return r.choice(names) if names and r.random() < 0.15 else _test(r)
    if roll < 0.5:
        return "(" + " and ".join(_condition(r, depth + 1, names) for _ in range(r.randint(2, 3))) + ")"
    if roll < 0.7:
        return "(" + " or ".join(_condition(r, depth + 1, names) for _ in range(r.randint(2, 3))) + ")"
    if roll < 0.8:
        return f"not {_condition(r, depth + 1, names)}"
    if roll < 0.9:
        items = ", ".join(_condition(r, depth + 1, names) for _ in range(3))
        return f"at {r.choice(['least', 'most'])} {r.randint(0, 3)} of ({items})"
    return f"({_condition(r, depth + 1, names)} {r.choice(['union', 'intersect', 'except'])} " \
           f"{_condition(r, depth + 1, names)})"


def _program(r: random.Random):
    lines = []
    for i in range(4):
        condition = _condition(r, names=tuple(f"s{j}" for j in range(i)))
        sample = r.choice(["", "", f' holdout {r.choice([10, 50])}% salt "q"'])
        lines.append(f"segment s{i}: {condition}{sample}")
    return segdsl.loads(ENTITY + "\n".join(lines), as_of="2026-11-01").checked()


def _answers(checked, wanted):
    found = []
    for enumerate_all in (False, True):
        try:
            found.append(("row", Space(checked).find_row(wanted, enumerate_all=enumerate_all)))
        except CannotDecide as why:
            found.append(("cannot", str(why)))
    return found


@pytest.mark.parametrize("seed", range(8))
def test_the_search_finds_what_trying_every_combination_finds(seed):
    r = random.Random(seed)
    compared = 0
    for _ in range(100):
        checked = _program(r)
        names = [n for n in checked.segments]
        wanted = [(ir.SegRef(r.choice(names)), r.random() < 0.5) for _ in range(r.randint(1, 3))]
        fast, slow = _answers(checked, wanted)
        assert fast == slow, (checked.pretty(), wanted)
        compared += fast[0] == "row"
    assert compared > 30


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=3))
def test_the_search_agrees_on_questions_of_expressions(seed, count):
    """Questions on expressions rather than segments (as the lint rules ask them)."""
    r = random.Random(seed)
    checked = _program(r)
    exprs = [s.condition for s in checked.segments.values()]
    wanted = [(r.choice(exprs), r.random() < 0.5) for _ in range(count)]
    fast, slow = _answers(checked, wanted)
    assert fast == slow


def test_a_question_asked_again_gets_the_same_answer():
    """A segment's question is prepared once per program (lint asks it twice, L101 and L102)."""
    checked = segdsl.loads(ENTITY + "segment p: a > 1 and (f or s == \"x\")", as_of="2026-11-01").checked()
    first = [Space(checked).find([(ir.SegRef("p"), want)]) for want in (True, False)]
    assert first == [Space(checked).find([(ir.SegRef("p"), want)]) for want in (True, False)]
    assert first == ['a 2, f true, s "x"', "a 0, f true, s \"x\""]


def test_cannot_decide_as_before():
    checked = segdsl.loads(ENTITY + 'segment p: t contains "x" and a > 1\nsegment u: a * 2 > 1',
                           as_of="2026-11-01").checked()
    for name, reason in (("p", "it uses 'contains'"), ("u", "it uses arithmetic")):
        with pytest.raises(CannotDecide, match=reason):
            Space(checked).find([(ir.SegRef(name), True)])


def test_the_limit_and_budget_are_kept():
    """Beyond 20,000 combinations a question still cannot be decided, however quickly it could be."""
    tests = " and ".join([f"a != {i}" for i in range(30)] + [f"b != {i}" for i in range(30)] +
                         [f"v != {i}.5" for i in range(30)])  # about 33 x 33 x 61 combinations
    checked = segdsl.loads(ENTITY + f"segment p: {tests}\nsegment u: v > 1", as_of="2026-11-01").checked()
    with pytest.raises(CannotDecide, match="too many combinations"):
        Space(checked).find([(ir.SegRef("p"), True)])
    assert Space(checked).find([(ir.SegRef("u"), True)]) == "v 2.0"


VALUES = st.one_of(
    st.lists(st.integers(-50, 50), min_size=20, max_size=60, unique=True),
    st.lists(st.floats(-50, 50, allow_nan=False), min_size=20, max_size=60, unique=True),
    st.lists(st.text("abc", max_size=3), min_size=20, max_size=60, unique=True),
    st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), min_size=20, max_size=60, unique=True),
)


@settings(max_examples=200, deadline=None)
@given(VALUES, st.data())
def test_masks_by_bisection_agree_with_masks_value_by_value(values, data):
    values = [*values, None]
    column = Column("x", values)
    numbers = isinstance(values[0], (int, float))
    pool = values[:-1] + ([v + 0.5 for v in values[:-1] if isinstance(v, int)] if numbers else [])
    constant = data.draw(st.sampled_from(pool))
    test = data.draw(st.sampled_from([
        ("cmp", op, constant) for op in ("==", "!=", "<", "<=", ">", ">=")
    ] + [("in", negated, (constant, data.draw(st.sampled_from(pool)))) for negated in (False, True)]
      + [("between", negated, *sorted([constant, data.draw(st.sampled_from(pool))], key=lambda v: (v is None, v)))
         for negated in (False, True)]))
    assert column._sorted_mask(test) == column.mask_by_value(test)


def test_what_the_proofs_remember_goes_with_the_program():
    """The memo of a program (shapes, candidates, the lint rules' analysis) is dropped with it: nothing in
    it refers back to the program (a remembered CannotDecide keeps its reason, not its traceback)."""
    import gc
    import weakref

    from segdsl.lint import lint
    from segdsl.lint.config import Settings
    from segdsl.proofs.space import _MEMOS

    def run():
        program = segdsl.loads(ENTITY + 'segment p: t contains "x"\nsegment q: a > 1 and a > 0\nsegment r: q and f',
                               as_of="2026-11-01")
        lint(program, settings=Settings(select=["ALL"]))
        return weakref.ref(program.checked()), len(_MEMOS)

    ref, during = run()
    gc.collect()
    assert ref() is None and len(_MEMOS) == during - 1
