"""Shared by the tests of fixable lint rules: a fix must keep every segment's value (TRUE, FALSE or
UNKNOWN) on every row, which the reference interpreter (the executable semantics) checks."""

import itertools

import segdsl
from segdsl.reference import Interpreter

from lint_helpers import fixed


def values(text: str, rows: list[dict]) -> dict[str, list]:
    """Each segment's three-valued result on each row."""
    checked = segdsl.loads(text, as_of="2026-11-01").checked()
    return {name: [Interpreter(checked.segments, row).segment(name) for row in rows] for name in checked.segments}


def rows_of(domains: dict[str, list]) -> list[dict]:
    """Every combination of the fields' values (None included where listed)."""
    names = list(domains)
    return [dict(zip(names, combo), id=i) for i, combo in enumerate(itertools.product(*domains.values()))]


def assert_fix_keeps_members(text: str, select: list[str], domains: dict[str, list]) -> str:
    """The fixed text, after checking that it differs and that every segment gives the same value on every row."""
    after = fixed(text, select)
    assert after != text, "nothing was fixed"
    rows = rows_of(domains)
    assert values(after, rows) == values(text, rows)
    return after
