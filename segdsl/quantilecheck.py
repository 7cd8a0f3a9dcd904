"""Checking quantiles across the customer base: `cume_dist(x)` and `ntile(x, n)` -> ir.Quantile.

A quantile ranks each customer's `x` among every row evaluated ("top 20% by money spent":
`cume_dist(sum(orders.amount in last 1 years)) > 0.8`). `x` must be ordered the same way on
every engine, so it is a number, a date or a timestamp: text orders by collation, which differs.
"""

from __future__ import annotations

from . import ast, ir
from .types import FLOAT, INT
from .types import with_article as _a
from .typecheck import ExprChecker

QUANTILES = {"cume_dist": 1, "ntile": 2}  # name -> number of arguments
MAX_GROUPS = 1000  # ntile(x, 100) gives percentiles; more groups than this is a mistake

_EXAMPLE = {"cume_dist": "cume_dist(lifetime_value) > 0.8",
            "ntile": "ntile(lifetime_value, 5) == 5"}


def check_quantile(checker: ExprChecker, node: ast.Call) -> ir.Quantile:
    """The IR of one quantile call; a diagnostic (and _Invalid) for any mistake in it."""
    fn = node.name
    want = QUANTILES[fn]
    if len(node.args) != want:
        raise checker.fail("E304", f"{fn}() takes {want} argument{'s' if want > 1 else ''}, but got {len(node.args)}",
                           node.span, help=f"for example {_EXAMPLE[fn]}")
    groups = _groups(checker, node) if fn == "ntile" else None
    item = checker.expr(node.args[0])
    t = item.type
    if not (t.is_numeric or t.is_temporal or t.is_unknown):
        raise checker.fail("E303", f"{fn}() ranks numbers, dates or timestamps, but its argument is {_a(t)}",
                           node.args[0].span, help="text is ordered differently by each database's collation")
    if isinstance(item, ir.Lit):
        raise checker.fail("E318", f"{fn}() of a constant gives every customer the same rank", node.args[0].span,
                           help=f"rank a value of the customer, for example {_EXAMPLE[fn]}")
    if any(isinstance(n, ir.Quantile) for n in ir.walk(item)):
        raise checker.fail("E318", f"{fn}() cannot rank another quantile", node.args[0].span,
                           help="rank the value itself: a quantile of a quantile orders customers the same way")
    return ir.Quantile(fn, item, groups, INT if fn == "ntile" else FLOAT)


def _groups(checker: ExprChecker, node: ast.Call) -> int:
    arg = node.args[1]
    if not (isinstance(arg, ast.NumberLit) and isinstance(arg.value, int) and 1 <= arg.value <= MAX_GROUPS):
        raise checker.fail("E318", f"ntile()'s second argument is a whole number of groups from 1 to {MAX_GROUPS}",
                           arg.span, help="ntile(lifetime_value, 5) scores customers 1 to 5; ntile(x, 100) gives percentiles")
    return arg.value
