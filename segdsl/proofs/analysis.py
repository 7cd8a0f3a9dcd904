"""Every segment of a program compiled once over one shared set of candidates per column, for the
lint rules' questions across many segments."""

from __future__ import annotations

from .. import ir
from ..gcpause import gc_paused
from .search import Beyond, Search, TooLong
from .shapes import Shaper
from .space import BUDGET, CannotDecide, Space, TooManyCombinations, memo_of


class Analysis:
    """Every segment of a checked program over one shared set of candidates per column (one value
    per region of all the constants the file compares that column with, and null), for questions
    across many segments at once (lint's contained segments): a test's masks are worked out once
    for all the segments that use it.

    A segment's condition is compiled as `Space` compiles it; `goal` is the two-valued tree of its
    being TRUE, a `box` when it is a conjunction of tests of one column each (then exactly the
    product of those columns' masks), and `projection` an over-approximation, per column, of the
    values its members can hold. Segments beyond the proofs' reasoning (`Space` would say
    CannotDecide) are left out: `compiled` gives None for them."""

    STEPS = 5_000  # candidates a search (`member`, `contains`) tries at most before giving up

    def __init__(self, checked) -> None:
        self.space = Space(checked)  # (kept with the program, in its memo: no reference back to the program)
        with gc_paused():
            shapes = {name: self.space.segment_shape(name) for name in checked.segments}
            constants: dict[str, set] = {}
            ordered: set[str] = set()
            for shape in shapes.values():
                if shape is not None:
                    for name, values in shape.constants.items():
                        constants.setdefault(name, set()).update(values)
                    ordered |= shape.ordered
            names, columns, broken = [], [], set()
            for name in sorted(constants):
                try:
                    columns.append(self.space.candidates(name, constants[name], name in ordered))
                    names.append(name)
                except CannotDecide:
                    broken.add(name)
            self.names = names
            self.columns = columns
            self.search = Search(names, columns)
            self.null = [c.values.index(None) if None in c.values else None for c in columns]
            self.shapes = {n: s for n, s in shapes.items() if s is not None and not broken & set(s.constants)}
            self._compiled: dict[str, object] = {}
            self._goals: dict[str, object] = {}
            self._not_goals: dict[str, object] = {}
            self._nodes: dict[int, tuple] = {}
            self._empty: dict[tuple[str, bool], bool | None] = {}
            self._refused: set[str] = set()  # segments `Space` cannot decide alone

    @classmethod
    def of(cls, checked) -> "Analysis":
        """The analysis of a checked program, made once and kept with it."""
        memo = memo_of(checked)
        if memo.analysis is None:
            memo.analysis = cls(checked)
        return memo.analysis

    def compiled(self, name: str):
        """The segment's compiled condition over the shared candidates, or None beyond the reasoning."""
        if name not in self._compiled:
            shape = self.shapes.get(name)
            try:
                self._compiled[name] = None if shape is None else self.search.compile(shape.node)
            except Beyond:
                self._compiled[name] = None
        return self._compiled[name]

    def goal(self, name: str):
        """The two-valued tree of the segment's condition being TRUE (True: always, False: never), or None."""
        if name not in self._goals:
            node = self.compiled(name)
            self._goals[name] = None if node is None else self.search.goal(node, "T")
        return self._goals[name]

    def not_goal(self, name: str):
        """The two-valued tree of the segment's condition being not TRUE, or None."""
        if name not in self._not_goals:
            node = self.compiled(name)
            self._not_goals[name] = None if node is None else self.search.goal(node, "NT")
        return self._not_goals[name]

    def columns_of(self, name: str) -> set[int]:
        """The columns the segment's condition reads (through the segments it names)."""
        index = self.search.index
        return {index[n] for n in self.shapes[name].names}

    def box(self, name: str) -> dict[int, int] | None:
        """column -> mask when the segment is a conjunction of tests of one column each: its members are
        exactly the rows whose every such column holds a candidate of its mask. None otherwise."""
        goal = self.goal(name)
        if goal is True:
            return {}
        if goal is None or goal is False:
            return None
        leaves = [goal] if goal[0] == "l" else goal[1] if goal[0] == "and" else ()
        if not leaves or any(n[0] != "l" for n in leaves):
            return None
        return {n[1]: n[2] for n in leaves}

    def projection(self, name: str) -> dict[int, int]:
        """column -> the candidates a member can hold there (more, never fewer); a column left out: any."""
        return _projection(self.goal(name))

    def empty(self, name: str, want: bool = True) -> bool | None:
        """Whether no customer is a member of the segment (with `want` False: whether every customer is one),
        None when that is beyond the reasoning: answered over the shared candidates where the segment
        compiles over them, else (or when that search gives up) by `Space.find` for the segment alone."""
        key = (name, want)
        if key not in self._empty:
            goal = self.goal(name) if want else self.not_goal(name)
            answer = None
            if goal is not None:
                answer = _plainly_met(goal)
                if answer is None:
                    found = self._solve([goal], give_up=TooLong)
                    answer = None if found is TooLong else found is None
                else:
                    answer = not answer
            if answer is None and name not in self._refused:
                self.space.budget = BUDGET  # a question of its own, not part of a claim
                try:
                    answer = self.space.find_row([(ir.SegRef(name), want)]) is None
                except TooManyCombinations:
                    pass
                except CannotDecide:  # what the segment uses: the other question would be refused too
                    self._refused.add(name)
            self._empty[key] = answer
        return self._empty[key]

    def never(self, wanted: list[tuple[ir.Expr, bool]]) -> bool | None:
        """Whether no customer makes each condition TRUE (True) or not TRUE (False), as `Space.find` would
        say None, without describing a customer; None when this cannot tell (beyond the reasoning, or the
        search gives up)."""
        goals = []
        for e, want in wanted:
            node = self._node(e)
            if node is None:
                return None
            goals.append(self.search.goal(node, "T" if want else "NT"))
        found = self._solve(goals, give_up=TooLong)
        return None if found is TooLong else found is None

    def _node(self, e: ir.Expr):
        """A condition compiled over the shared candidates, or None; and/or/not of conditions asked about
        before reuse theirs (lint asks many questions about the parts of one condition)."""
        known = self._nodes.get(id(e))
        if known is not None and known[0] is e:
            return known[1]
        if isinstance(e, ir.SegRef):
            node = self.compiled(e.name)
        elif isinstance(e, (ir.And, ir.Or, ir.Not, ir.IsTrue)):
            kids = [self._node(item) for item in ir.children(e)]
            if any(kid is None for kid in kids):
                node = None
            elif isinstance(e, (ir.And, ir.Or)):
                node = self.search._fold(isinstance(e, ir.And), kids)
            else:
                node = self.search.negated(kids[0]) if isinstance(e, ir.Not) else self.search.is_true(kids[0])
        else:
            with gc_paused():
                shape = Shaper(self.space).shape(e)
                node = None
                if shape is not None and all(n in self.search.index for n in shape.names):
                    try:
                        node = self.search.compile(shape.node)
                    except Beyond:
                        node = None
        self._nodes[id(e)] = (e, node)  # (the entry keeps e alive: its id is not reused)
        return node

    def member(self, name: str, want: bool = True) -> list[int] | None:
        """Per column, candidates a member holds (with `want` False: a customer who is not one): any of
        them goes with those of the other columns. None when there is none or the search gives up."""
        return self._solve([self.goal(name) if want else self.not_goal(name)])

    def contains(self, a: str, b: str) -> bool | None:
        """Whether every member of `a` is a member of `b` (None: the search gave up)."""
        found = self._solve([self.goal(a), self.not_goal(b)], give_up=TooLong)
        return None if found is TooLong else found is None

    def _solve(self, goals: list, give_up=None):
        search = Search(self.names, self.columns, self.STEPS)
        try:
            return search.solve_goals(goals, hint=True)
        except TooLong:
            return give_up


def _plainly_met(goal) -> bool | None:
    """Whether some customer meets a two-valued goal, when that shows without a search (None: search).
    A goal's masks are never empty and it holds one mask per column (`Search._join`), so tests of
    one column each that must all hold can, and an `or` with such a test among its operands can."""
    if goal is True or goal is False:
        return goal
    tag = goal[0]
    if tag == "l":
        return True
    if tag == "and" and all(node[0] == "l" for node in goal[1]):
        return True
    if tag == "or" and any(node[0] == "l" for node in goal[1]):
        return True
    return None


def _projection(goal) -> dict[int, int]:
    if goal is None or goal is True or goal is False:
        return {}
    tag = goal[0]
    if tag == "l":
        return {goal[1]: goal[2]}
    if tag == "and":
        out: dict[int, int] = {}
        for node in goal[1]:
            for c, mask in _projection(node).items():
                out[c] = out[c] & mask if c in out else mask
        return out
    if tag == "or":
        parts = [_projection(node) for node in goal[1]]
        common = set(parts[0]).intersection(*parts[1:])
        out = {}
        for c in common:
            mask = 0
            for part in parts:
                mask |= part[c]
            out[c] = mask
        return out
    return {}
