"""The fixable rules of the conditions (L106, L108, L109, L111, L204, L206) together, on random conditions:
after `lint --fix` every segment gives the same TRUE / FALSE / UNKNOWN on every row as before."""

import random

import pytest

from lint_helpers import codes_of
from lint_members import assert_fix_keeps_members

FIXABLE = ["L106", "L108", "L109", "L111", "L204", "L206"]
ENTITY = "entity c { key id: int  f: bool  g: bool  a: int  s: string }\n"
DOMAINS = {"f": [True, False, None], "g": [True, False, None], "a": [1, 2, 3, None],
           "s": [None, "", "ab", "xab", "abx", "a.b", "ab\n"]}


PATTERNS = ["ab", "^ab", "ab$", "^ab$", "a\\\\.b", "a.b", "^$"]  # as written in the file: "a\\.b" is a\.b
TEXTS = ['"ab"', '""']


def _test(r: random.Random) -> str:
    return r.choice([
        "f", "g", f"a {r.choice(['==', '!=', '<', '<=', '>', '>='])} {r.randint(1, 3)}",
        f"a {r.choice(['in', 'not in'])} [{', '.join(str(r.randint(1, 3)) for _ in range(r.randint(1, 3)))}]",
        f"a {r.choice(['between', 'not between'])} {r.randint(1, 2)} and {r.randint(1, 3)}",
        f"{r.choice(['f', 'g', '(a > 1)'])} {r.choice(['==', '!='])} {r.choice(['true', 'false'])}",
        f"{r.choice(['true', 'false'])} {r.choice(['==', '!='])} {r.choice(['f', 'g'])}",
        f's matches "{r.choice(PATTERNS)}"',
        f"s in [{', '.join(r.choice(TEXTS) for _ in range(r.randint(1, 3)))}]",
        f"s is {r.choice(['', 'not '])}null",
    ])


def _condition(r: random.Random, depth: int = 0) -> str:
    roll = r.random()
    if depth > 2 or roll < 0.4:
        return _test(r)
    if roll < 0.6:
        return f"not {_wrapped(r, depth)}"
    word = r.choice(["and", "or"])
    return f" {word} ".join(_wrapped(r, depth) for _ in range(r.randint(2, 3)))


def _wrapped(r: random.Random, depth: int) -> str:
    inner = _condition(r, depth + 1)
    return f"({inner})" if " " in inner and r.random() < 0.7 else inner


@pytest.mark.parametrize("seed", range(8))
def test_random_conditions(seed):
    r = random.Random(seed)
    text = ENTITY + "\n".join(f"segment s{i}: {_condition(r)}" for i in range(40))
    if not set(codes_of(text, FIXABLE)):
        pytest.skip("nothing to fix")  # pragma: no cover
    after = assert_fix_keeps_members(text, FIXABLE, DOMAINS)
    left = [c for c in codes_of(after, FIXABLE) if c in FIXABLE]
    assert all(c == "L111" for c in left)  # only a `not` on what has no negated form (`not (s matches ...)`) stays
