"""A column's candidates, and the tests of it as bit masks over them (TRUE, FALSE), with the
reference interpreter's answers."""

from __future__ import annotations

import bisect

from ..reference import Interpreter, compare, kleene_and, kleene_or


class Column:
    """A column's candidate values, one per region of its constants (and null): bit i of a mask
    stands for values[i]. A test of the column alone is two masks, the candidates that make it
    TRUE and those that make it FALSE (neither: UNKNOWN), with the reference interpreter's answers."""

    __slots__ = ("name", "values", "full", "masks", "_orders", "_kinds")

    def __init__(self, name: str, values: list) -> None:
        self.name = name
        self.values = values
        self.full = (1 << len(values)) - 1
        self.masks: dict = {}
        self._orders: dict[bool, tuple] = {}
        self._kinds: set | None = None

    def mask(self, test) -> tuple[int, int]:
        """(TRUE mask, FALSE mask) of a test: a `Shape` test tuple, or an expression of this column alone."""
        found = self.masks.get(test)
        if found is None:
            found = self.masks[test] = self._mask(test)
        return found

    def _mask(self, test) -> tuple[int, int]:
        if type(test) is tuple and len(self.values) > 16 and test[0] in ("cmp", "in", "between"):
            found = self._sorted_mask(test)
            if found is not None:
                return found
        return self.mask_by_value(test)

    def mask_by_value(self, test) -> tuple[int, int]:
        """The masks, value by value."""
        evaluate = test_function(test, self.name)
        true = false = 0
        bit = 1
        for value in self.values:
            result = evaluate(value)
            if result is True:
                true |= bit
            elif result is False:
                false |= bit
            bit <<= 1
        return true, false

    def _sorted_mask(self, test) -> tuple[int, int] | None:
        """The masks of a comparison with constants by bisection of the sorted values (long lists)."""
        constants = test[2:] if test[0] != "in" else test[2]
        if not constants or any(c is None or type(c) is bool for c in constants):
            return None
        if self._kinds is None:
            self._kinds = {type(v) for v in self.values if v is not None}
        kinds = self._kinds | {type(c) for c in constants}
        if bool in kinds or kinds & {int, float} and not kinds <= {int, float}:
            return None
        mixed = len(kinds) > 1  # an int meets a float as the nearest float (reference.compare)
        order = self._orders.get(mixed)
        if order is None:
            pairs = sorted(((float(v) if mixed else v), 1 << i) for i, v in enumerate(self.values) if v is not None)
            prefix = [0]
            for _, bit in pairs:
                prefix.append(prefix[-1] | bit)
            order = self._orders[mixed] = ([k for k, _ in pairs], prefix)
        keys, prefix = order
        probe = (lambda c: float(c)) if mixed else (lambda c: c)
        everything = prefix[-1]

        def between(low, high) -> int:  # low <= v <= high
            i, j = bisect.bisect_left(keys, probe(low)), bisect.bisect_right(keys, probe(high))
            return prefix[j] & ~prefix[i] if j > i else 0

        kind = test[0]
        if kind == "cmp":
            op, c = test[1], probe(test[2])
            if op in ("==", "!="):
                true = between(test[2], test[2])
                true = everything & ~true if op == "!=" else true
            elif op in ("<", "<="):
                true = prefix[(bisect.bisect_left if op == "<" else bisect.bisect_right)(keys, c)]
            else:
                true = everything & ~prefix[(bisect.bisect_right if op == ">" else bisect.bisect_left)(keys, c)]
            return true, everything & ~true
        if kind == "in":
            true = 0
            for c in constants:
                true |= between(c, c)
        else:
            true = between(test[2], test[3])
        false = everything & ~true
        return (false, true) if test[1] else (true, false)


def test_function(test, name: str):
    """A test of a `Shape` (or an expression of column `name` alone) as a function of the column's value,
    with the reference interpreter's answers."""
    if type(test) is not tuple:
        return lambda v: Interpreter({}, {name: v}).eval(test)
    kind = test[0]
    if kind == "col":
        return lambda v: v
    if kind == "null":
        return (lambda v: v is not None) if test[1] else (lambda v: v is None)
    if kind == "cmp":
        op, right = test[1], test[2]
        return lambda v: compare(op, v, right)
    if kind == "in":
        items = test[2]
        if test[1]:
            return lambda v: _negate(kleene_or([compare("==", v, i) for i in items]))
        return lambda v: kleene_or([compare("==", v, i) for i in items])
    low, high = test[2], test[3]
    if test[1]:
        return lambda v: _negate(kleene_and([compare(">=", v, low), compare("<=", v, high)]))
    return lambda v: kleene_and([compare(">=", v, low), compare("<=", v, high)])


def _negate(value):
    return None if value is None else not value
