"""`round(x, n)` as segdsl defines it, in Python: the executable statement of its semantics.

A float is rounded as the decimal it prints as (its shortest round-trip text, Python's
`repr`), half away from zero: round(2.675, 2) is 2.68 although the binary double is a hair
below 2.675. That decimal is first rounded to 22 places, then to n; the SQL backends do the
same through a DECIMAL(38, 22), so all of them agree to the last digit. From 2**53 up every
float is a whole number and is returned unchanged (a 38-digit decimal could not hold it).
SQLite's own round() works on about 15 significant digits, so segdsl's SQLite SQL calls this
function instead (`segdsl_round`).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

WHOLE_FROM = 2 ** 53  # every float at least this large is a whole number
_PLACES = Decimal(10) ** -22
_CONTEXT = Context(prec=60)  # 16 whole digits + 22 places fit; the default 28 digits do not


def decimal_round(x: float | int | None, digits: int = 0) -> float | None:
    if x is None:
        return None
    if isinstance(x, int):
        return float(x)  # round(int, n) is the int itself
    if math.isnan(x) or math.isinf(x) or abs(x) >= WHOLE_FROM:
        return x
    exact = Decimal(repr(float(x))).quantize(_PLACES, rounding=ROUND_HALF_UP, context=_CONTEXT)
    return float(exact.quantize(Decimal(10) ** -digits, rounding=ROUND_HALF_UP, context=_CONTEXT))
