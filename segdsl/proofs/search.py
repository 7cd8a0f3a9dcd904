"""The search for the first customer, in the order of `itertools.product` over the columns'
candidates, that meets some goals, field by field over the masks of `masks.Column`."""

from __future__ import annotations

from ..reference import Interpreter, kleene_and, kleene_or
from .masks import Column


class TooLong(Exception):
    """A search of `Analysis` went on past its limit of steps."""


class Beyond(Exception):
    """A test of several columns that is not and/or/not/at least: left to the enumeration."""


_GOAL_OF_NOT = {"T": "F", "NT": "NF", "F": "T", "NF": "NT"}  # `not x` is TRUE where x is FALSE ...


_GOAL_OF_IS_TRUE = {"T": "T", "NT": "NT", "F": "NT", "NF": "T"}


class Search:
    """The first customer, in the order of `itertools.product` over the columns' candidates, for
    whom some conditions are TRUE and others not TRUE, found without trying every combination.

    Each condition's shape is compiled to a tree whose leaves test one column each: a pair of
    masks of that column's candidates, those that make it TRUE and those that make it FALSE
    (and/or/not of tests of one column are folded into one leaf, value by value). The wanted
    outcomes become two-valued goals ("is TRUE", "is not TRUE") pushed through and/or/not down to
    the leaves. A goal that is one column's mask narrows that column's candidates at once, so a
    conjunction of such tests is decided without any search; what remains (an `or` across
    columns, `at least`) is searched column by column in order, a branch being dropped as soon as
    no goal can be met whatever the columns not fixed yet hold (each node knows which of TRUE,
    FALSE and UNKNOWN it can still be). Once every column a goal reads is fixed the answer is
    exact, and the first branch that meets every goal is the first customer the enumeration
    would meet."""

    def __init__(self, names: list[str], columns: list[Column], steps: int | None = None) -> None:
        self.names = names
        self.columns = columns
        self.index = {n: i for i, n in enumerate(names)}
        self.steps = steps  # candidates tried at most by `_branch` (None: no limit), then TooLong

    def first(self, nodes: list, wants: list[bool]) -> dict | None:
        """The first row for which each compiled node is TRUE (True) or not TRUE (False), or None."""
        domains = self.solve(nodes, wants)
        if domains is None:
            return None
        return {name: column.values[(d & -d).bit_length() - 1]
                for name, column, d in zip(self.names, self.columns, domains)}

    def solve(self, nodes: list, wants: list[bool], hint: bool = False) -> list[int] | None:
        """Each column's candidates narrowed to what a row meeting the goals can hold, or None when no row
        does: every column a goal's `or` or `at least` reads is fixed to one candidate (the first that
        works; with `hint`, the ones the goals' tests name are tried first), and any candidate left
        of the other columns works with them."""
        domains = [c.full for c in self.columns]
        node = nodes[0]
        if len(nodes) == 1 and (node[0] == "L" or node[0] == "and" and all(n[0] == "L" for n in node[1])):
            return self._box(node, wants[0], domains)
        return self.solve_goals([self.goal(node, "T" if want else "NT") for node, want in zip(nodes, wants)], hint)

    def solve_goals(self, goals: list, hint: bool = False) -> list[int] | None:
        """`solve` for two-valued goals (`goal`), all to be met."""
        domains = [c.full for c in self.columns]
        root = self._join("and", goals)
        if root is False:
            return None
        gates = []
        for node in (() if root is True else root[1] if root[0] == "and" else (root,)):
            if node[0] == "l":
                domains[node[1]] &= node[2]
            else:
                gates.append(node)
        if gates:
            if not all(self.can(g, domains) for g in gates):
                return None
            order = sorted(set().union(*(node_columns(g) for g in gates)))
            hints = _named(gates, len(self.columns)) if hint else None
            if not self._branch(gates, domains, order, 0, hints):
                return None
        return domains

    def _box(self, node, want: bool, domains: list[int]) -> list[int] | None:
        """`solve` for a condition that is a conjunction of tests of one column each (the common case)."""
        leaves = [node] if node[0] == "L" else node[1]
        if want:  # every test TRUE: each column's candidates that make its tests TRUE
            for leaf in leaves:
                domains[leaf[1]] = leaf[2]
                if not leaf[2]:
                    return None
            return domains
        # some test not TRUE: the first column (in order) that can be made so, the others at their first candidate
        chosen = None
        for leaf in sorted(leaves, key=lambda leaf: leaf[1]):
            c = leaf[1]
            spoiled = domains[c] & ~leaf[2]
            if spoiled & 1 or spoiled and not any(
                    domains[other[1]] & ~other[2] for other in leaves if other[1] > c):
                chosen = (c, spoiled & -spoiled)
                break
        if chosen is None:
            return None
        domains[chosen[0]] = chosen[1]
        return domains

    def _branch(self, gates: list, domains: list[int], order: list[int], i: int, hints) -> bool:
        if i == len(order):  # every column the goals read is fixed: `can` was exact
            return True
        c = order[i]
        whole = domains[c]
        for left in ((whole & hints[c], whole & ~hints[c]) if hints else (whole,)):
            while left:
                bit = left & -left
                left ^= bit
                domains[c] = bit
                if self.steps is not None:
                    self.steps -= 1
                    if self.steps < 0:
                        raise TooLong()
                if all(self.can(g, domains) for g in gates) and self._branch(gates, domains, order, i + 1, hints):
                    return True
        domains[c] = whole
        return False

    # -- compiling a shape
    def compile(self, node):
        """A three-valued node: ("K", value), ("L", column, TRUE mask, FALSE mask), ("and" | "or",
        nodes), ("not", node), ("is", node), ("atl", k, nodes). Beyond for a test of several
        columns that is none of these."""
        tag = node[0]
        if tag == "A":
            c = self.index[node[1]]
            return ("L", c, *self.columns[c].mask(node[2]))
        if tag == "and" or tag == "or":
            return self._fold(tag == "and", [self.compile(n) for n in node[1]])
        if tag == "K":
            return node
        if tag == "not":
            return self.negated(self.compile(node[1]))
        if tag == "is":
            return self.is_true(self.compile(node[1]))
        if tag == "atl":
            kids = [self.compile(n) for n in node[2]]
            columns = {k[1] for k in kids if k[0] == "L"}
            if len(columns) > 1 or any(k[0] not in ("L", "K") for k in kids):
                return ("atl", node[1], kids)
            return self._at_least_of_one(node[1], kids, columns)
        columns, e = node[1], node[2]  # "G"
        if len(columns) > 1:
            raise Beyond()
        if not columns:
            return ("K", Interpreter({}, {}).eval(e))
        c = self.index[next(iter(columns))]
        return ("L", c, *self.columns[c].mask(e))

    def negated(self, node):
        """`not` of a compiled node."""
        if node[0] == "L":
            return ("L", node[1], node[3], node[2])
        if node[0] == "K":
            return ("K", None if node[1] is None else not node[1])
        return ("not", node)

    def is_true(self, node):
        """`is_true` of a compiled node."""
        if node[0] == "L":
            return ("L", node[1], node[2], self.columns[node[1]].full & ~node[2])
        if node[0] == "K":
            return ("K", node[1] is True)
        return ("is", node)

    def _at_least_of_one(self, k: int, kids: list, columns: set):
        """`at least k of` tests of one column (or none), value by value."""
        if not columns:
            values = [kid[1] for kid in kids]
            return ("K", True if sum(v is True for v in values) >= k else
                    False if sum(v is not False for v in values) < k else None)
        c = next(iter(columns))
        true = false = 0
        for i in range(len(self.columns[c].values)):
            bit = 1 << i
            values = [(kid[2] & bit and True) or (False if kid[3] & bit else None) if kid[0] == "L" else kid[1]
                      for kid in kids]
            if sum(v is True for v in values) >= k:
                true |= bit
            elif sum(v is not False for v in values) < k:
                false |= bit
        return ("L", c, true, false)

    def _fold(self, conjunction: bool, nodes: list):
        """and/or of compiled nodes: the leaves of each column folded into one (Kleene, value by value)."""
        leaves: dict[int, tuple[int, int]] = {}
        rest, constants = [], []
        for node in nodes:
            tag = node[0]
            if tag == "L":
                c, true, false = node[1], node[2], node[3]
                if c in leaves:
                    t, f = leaves[c]
                    leaves[c] = (t & true, f | false) if conjunction else (t | true, f & false)
                else:
                    leaves[c] = (true, false)
            elif tag == "K":
                constants.append(node[1])
            else:
                rest.append(node)
        if constants:
            value = (kleene_and if conjunction else kleene_or)(constants)
            if value is (not conjunction):  # FALSE in an and, TRUE in an or: settled
                return ("K", value)
            if value is None:  # UNKNOWN: an and is never TRUE then, an or never FALSE
                if not leaves and not rest:
                    return ("K", None)
                if leaves:
                    c, (t, f) = next(iter(leaves.items()))
                    leaves[c] = (0, f) if conjunction else (t, 0)
                else:
                    rest.append(("K", None))
        out = [("L", c, t, f) for c, (t, f) in leaves.items()] + rest
        if not out:
            return ("K", conjunction)
        return out[0] if len(out) == 1 else ("and" if conjunction else "or", out)

    # -- the goals
    def goal(self, node, mode: str):
        """A two-valued node: True, False, ("l", column, mask), ("and" | "or", nodes) or
        ("t", three-valued node, mode): the node is TRUE (mode T), not TRUE (NT), FALSE (F), not FALSE (NF)."""
        tag = node[0]
        if tag == "L":
            c, true, false = node[1], node[2], node[3]
            full = self.columns[c].full
            mask = true if mode == "T" else full & ~true if mode == "NT" else false if mode == "F" else full & ~false
            return False if mask == 0 else True if mask == full else ("l", c, mask)
        if tag == "K":
            value = node[1]
            return value is True if mode == "T" else value is not True if mode == "NT" else \
                value is False if mode == "F" else value is not False
        if tag == "and":
            return self._join("and" if mode in ("T", "NF") else "or", [self.goal(n, mode) for n in node[1]])
        if tag == "or":
            return self._join("or" if mode in ("T", "NF") else "and", [self.goal(n, mode) for n in node[1]])
        if tag == "not":
            return self.goal(node[1], _GOAL_OF_NOT[mode])
        if tag == "is":
            return self.goal(node[1], _GOAL_OF_IS_TRUE[mode])
        return ("t", node, mode)

    def _join(self, kind: str, nodes: list):
        """and/or of two-valued nodes: flattened, constants settled, one mask per column."""
        unit = kind == "and"  # True is neutral in an and, False in an or
        flat, masks = [], {}
        todo = list(nodes)
        while todo:
            node = todo.pop()
            if node is True or node is False:
                if node is unit:
                    continue
                return node
            if node[0] == kind:
                todo.extend(node[1])
            elif node[0] == "l":
                c = node[1]
                masks[c] = (masks[c] & node[2] if unit else masks[c] | node[2]) if c in masks else node[2]
            else:
                flat.append(node)
        for c, mask in masks.items():
            full = self.columns[c].full
            if mask == (full if unit else 0):
                continue
            if mask == (0 if unit else full):
                return not unit
            flat.append(("l", c, mask))
        if not flat:
            return unit
        return flat[0] if len(flat) == 1 else (kind, flat)

    # -- what a node can still be, whatever the columns not fixed yet hold
    def can(self, node, domains: list[int]) -> bool:
        """Whether the two-valued node can be TRUE (an over-approximation; exact once its columns are fixed)."""
        tag = node[0]
        if tag == "l":
            return node[2] & domains[node[1]] != 0
        if tag == "and":
            return all(self.can(n, domains) for n in node[1])
        if tag == "or":
            return any(self.can(n, domains) for n in node[1])
        t, f, u = self.can3(node[1], domains)
        mode = node[2]
        return t if mode == "T" else f or u if mode == "NT" else f if mode == "F" else t or u

    def can3(self, node, domains: list[int]) -> tuple[bool, bool, bool]:
        """Whether the three-valued node can be TRUE, FALSE, UNKNOWN."""
        tag = node[0]
        if tag == "L":
            d, true, false = domains[node[1]], node[2], node[3]
            return true & d != 0, false & d != 0, d & ~(true | false) != 0
        if tag == "K":
            return node[1] is True, node[1] is False, node[1] is None
        if tag == "not":
            t, f, u = self.can3(node[1], domains)
            return f, t, u
        if tag == "is":
            t, f, u = self.can3(node[1], domains)
            return t, f or u, False
        kids = [self.can3(n, domains) for n in (node[2] if tag == "atl" else node[1])]
        if tag == "and":
            return (all(t for t, _, _ in kids), any(f for _, f, _ in kids),
                    all(t or u for t, _, u in kids) and any(u for _, _, u in kids))
        if tag == "or":
            return (any(t for t, _, _ in kids), all(f for _, f, _ in kids),
                    all(f or u for _, f, u in kids) and any(u for _, _, u in kids))
        k, n = node[1], len(kids)  # at least k of n: TRUE with k TRUE, FALSE with n - k + 1 FALSE
        return (sum(t for t, _, _ in kids) >= k, sum(f for _, f, _ in kids) >= n - k + 1,
                sum(f or u for _, f, u in kids) >= n - k + 1 and sum(t or u for t, _, u in kids) >= k)


def _named(gates: list, count: int) -> list[int]:
    """Per column, the candidates the two-valued tests among `gates` accept (worth trying first)."""
    named = [0] * count
    todo = list(gates)
    while todo:
        node = todo.pop()
        if node[0] == "l":
            named[node[1]] |= node[2]
        elif node[0] in ("and", "or"):
            todo.extend(node[1])
    return named


def node_columns(node) -> set:
    tag = node[0]
    if tag in ("l", "L"):
        return {node[1]}
    if tag == "K":
        return set()
    if tag == "t":
        return node_columns(node[1])
    kids = node[2] if tag == "atl" else node[1] if tag in ("and", "or") else [node[1]]
    return set().union(*map(node_columns, kids))
