"""L103 redundant-condition: a test of an `and` that the others imply, a test of an `or` that another covers."""

from __future__ import annotations

import re

from ... import ast, ir
from ...proofs import Analysis
from ..ast_tools import shortened
from ..registry import Edit, Finding, Fix, rule


@rule("L103", "redundant-condition", "warning",
      summary="a condition of an 'and' that the others already imply (or the parent segment does), or a condition "
              "of an 'or' whose customers another one already takes",
      why="it changes nothing, so whoever reads it looks for a reason that is not there, and whoever edits the "
          "other test may believe this one still guards something. It is proved for every customer, nulls "
          "included, on the members the segment keeps: in 'age > 30 and age > 20' the second test keeps out no "
          "customer the first lets in; under 'not' it is the customers a condition makes false that count, so "
          "'not (age > 30 and age > 20)' is 'not (age > 30)' too. `--fix` deletes a condition only when the "
          "segment stays true, false and unknown for exactly the same customers (another segment may name it "
          "under 'not'); 'age between 3 and 5 and age is not null' keeps the same members without its null test, "
          "but a null age would make it unknown instead of false, so that one is reported and not fixed. Only "
          "conditions the checker's reasoning covers are compared (fields with constants, and/or/not, other "
          "segments, holdouts); a segment that can never be true is left to L101",
      example='''
entity customers { key id: int  age: int  sport: enum("road", "mountain") }
segment seniors: age > 65 and age > 18
segment riders: sport == "road" or sport in ["road", "mountain"]
segment adults: age >= 18 {
  segment road: age >= 18 and sport == "road"
}
''',
      fix="delete the redundant condition (`segdsl lint --fix` does, with its 'and' or 'or'); if it was meant to "
          "say something else, correct it", fixable=True)
def check(context):
    yield from _Redundant(context).findings()  # (lint() keeps the collector paused)


_GAP = {"and": re.compile(r"\s*and\s*"), "or": re.compile(r"\s*or\s*")}


class _Target:
    """One condition as written (a segment's own, or a rule's) and the operands removed from it so far."""

    def __init__(self, own: ir.Expr, name: str, parent: str | None, scope: list, rule: bool) -> None:
        self.own = own
        self.name = name  # of the segment (for a rule: of its rule segment)
        self.parent = parent
        self.scope = scope  # a rule: where its condition counts (its ruleset's `of`)
        self.rule = rule
        self.removed: dict[tuple, set[int]] = {}  # path of an and/or -> its operands the fixes remove
        self.dropped: dict[tuple, set[int]] = {}  # ... and those reported without a fix
        self.live: bool | None = None  # whether the segment can be true at all (asked once, when needed)

    def rebuilt(self, removed: dict[tuple, set[int]]) -> ir.Expr:
        """The condition with the removed operands left out."""
        return _rebuilt(self.own, (), removed)


class _Redundant:
    def __init__(self, context) -> None:
        self.context = context
        self.text = context.program.source.text
        self.checked = context.checked
        self.segments = context.checked.segments
        self._columns: dict[int, tuple] = {}  # id(expression) -> (it, the columns it reads)
        self._required: dict[tuple[int, bool], tuple] = {}
        self.analysis = Analysis.of(self.checked)

    def findings(self) -> list[Finding]:
        out: list[Finding] = []
        for name, node in self.context.written_segments():
            segment = self.segments.get(name)
            if segment is None or segment.origin != "segment":
                continue
            own = segment.condition
            if node.sample is not None and node.sample.kind == "holdout":
                own = own.items[0]  # the condition as written, without the holdout's bucket
            scope = []
            if segment.parent is not None:
                scope = [(ir.SegRef(segment.parent), True)]
                own = own.items[1]  # (its parent's condition, its own)
                if self._implied_whole(name, node.condition, own, segment.parent, out):
                    continue
            target = _Target(own, name, segment.parent, [], rule=False)
            around = self.columns(scope[0][0]) if scope else frozenset()
            self._walk(target, node.condition, own, (), True, scope, around, out, parent=segment.parent)
        for ruleset in self.context.program.ast.rulesets:
            if ruleset.name not in self.checked.labels:
                continue
            scope = [(ir.IsTrue(ir.SegRef(ruleset.of.name)), True)] if ruleset.of is not None else []
            for written in ruleset.rules:
                name = f"{ruleset.name}.{written.name}"
                segment = self.segments.get(name)
                if segment is None:
                    continue
                last = segment.condition.items[-1] if isinstance(segment.condition, ir.And) else segment.condition
                target = _Target(last.item, name, None, scope, rule=True)
                around = self.columns(scope[0][0]) if scope else frozenset()
                self._walk(target, written.condition, last.item, (), True, scope, around, out, parent=None)
        out.sort(key=lambda f: f.span.start)
        return out

    # -- walking the condition as written beside its IR
    def _walk(self, target: _Target, node, e: ir.Expr, path: tuple, truth: bool, scope: list, around: frozenset,
              out: list, parent: str | None) -> None:
        """Check every and/or in `node` (whose IR is `e`, at `path` in the target's condition): `truth` says
        whether the customers it makes TRUE (True) or FALSE (False, under a `not`) decide the segment's
        members; `scope` is where the node's value decides them (conditions, each to be TRUE or not TRUE),
        for the root: its parent's condition; `around`: the fields the scope reads. What this finds is only a
        candidate: `_confirm` decides."""
        if isinstance(node, ast.BoolOp) and isinstance(e, (ir.And, ir.Or)) and len(node.operands) == len(e.items) \
                and (node.kind == "and") == isinstance(e, ir.And):
            removed = self._operands(target, node, e, path, truth, scope, around, out, parent)
            for i, (child, item) in enumerate(zip(node.operands, e.items)):
                if i in removed or not isinstance(child, (ast.BoolOp, ast.Not, ast.SetOp)):
                    continue
                others = tuple(other for j, other in enumerate(e.items) if j != i and j not in removed)
                where = [_where_it_counts(e, others, truth)] if others else []
                self._walk(target, child, item, path + (i,), truth, scope + where,
                           around.union(*map(self.columns, others)), out, None)
        elif isinstance(node, ast.Not) and isinstance(e, ir.Not):
            self._walk(target, node.operand, e.item, path + (0,), not truth, scope, around, out, None)
        elif isinstance(node, ast.SetOp) and isinstance(e, (ir.And, ir.Or)) and len(e.items) == 2:
            for i, (child, other) in enumerate(((node.left, e.items[1]), (node.right, e.items[0]))):
                item, below = (e.items[i].item, (i, 0)) if isinstance(e.items[i], ir.IsTrue) else \
                    (e.items[i].item.item, (i, 0, 0))
                where = (other, True) if isinstance(e, ir.And) else (other, False)
                self._walk(target, child, item, path + below, True, scope + [where], around | self.columns(other),
                           out, None)

    def _operands(self, target: _Target, node: ast.BoolOp, e: ir.Expr, path: tuple, truth: bool, scope: list,
                  around: frozenset, out: list, parent) -> set[int]:
        """The redundant operands of one and/or, latest first, each left out when the earlier ones are asked
        about; their positions."""
        conjunction = isinstance(e, ir.And)
        simple = [_column_of(item) for item in e.items]
        if None not in simple and len(set(simple)) == len(simple) and not around.intersection(simple):
            return set()  # tests of one field each, no two of the same, none the scope reads: each stands alone
        kept = list(range(len(e.items)))
        for i in reversed(range(len(e.items))):
            others = [e.items[j] for j in kept if j != i]
            if not others:
                continue  # the last operand left: nothing to keep instead
            if not self._may_be_redundant(e.items[i], others, around, conjunction, truth):
                continue
            question = _question(e.items[i], others, conjunction, truth)
            if not self._never(scope + question):
                continue
            redundant, safe = self._confirm(target, path, i)
            if not redundant:
                continue
            kept.remove(i)
            by_scope = bool(scope) and not self._never(question)
            out.append(self._finding(node, i, conjunction, truth, by_scope, parent, safe))
        return set(range(len(e.items))) - set(kept)

    def _confirm(self, target: _Target, path: tuple, i: int) -> tuple[bool, bool]:
        """Whether leaving operand i of the and/or at `path` out keeps the segment's members (after the
        operands reported so far are left out), and whether it also keeps the segment TRUE, FALSE and UNKNOWN
        for the same customers (after those fixed so far), so that a fix is safe wherever the segment is named,
        under 'not' too. For a rule only its members count. It is then recorded as left out."""
        if target.live is None:
            target.live = self.analysis.empty(target.name) is not True
        if not target.live:
            return False, False  # never true: L101 says so, and anything in it is "redundant"
        dropped = _with(target.dropped, path, i)
        old, new = self._whole(target, target.dropped), self._whole(target, dropped)
        if not (self._never(target.scope + [(old, True), (new, False)])
                and self._never(target.scope + [(new, True), (old, False)])):
            return False, False
        target.dropped = dropped
        removed = _with(target.removed, path, i)
        old, new = self._whole(target, target.removed), self._whole(target, removed)
        questions = [[(old, True), (new, False)], [(new, True), (old, False)]]
        if not target.rule:
            questions += [[(ir.Not(old), True), (ir.Not(new), False)], [(ir.Not(new), True), (ir.Not(old), False)]]
        if all(self._never(target.scope + q) for q in questions):
            target.removed = removed
            return True, True
        return True, False

    def _whole(self, target: _Target, removed: dict) -> ir.Expr:
        e = target.rebuilt(removed)
        return e if target.parent is None else ir.And((ir.SegRef(target.parent), e))

    def _implied_whole(self, name: str, node, own: ir.Expr, parent: str, out: list) -> bool:
        """Whether every member of its parent passes a child's own condition (the two have the same members),
        which is then reported."""
        if not self._may_be_redundant(own, [], self.columns(ir.SegRef(parent)), True, True):
            return False
        above, below = self.analysis.box(parent), self.analysis.box(name)
        if above is not None and below is not None:  # the parent within the child: mask by mask
            full = self.analysis.columns
            if any(above.get(c, full[c].full) & ~mask for c, mask in below.items()):
                return False
        elif not self._never([(ir.SegRef(parent), True), (own, False)]):
            return False
        text = shortened(self.text[node.span.start:node.span.end])
        out.append(Finding(f"'{text}' is redundant: every member of '{parent}' passes it, so '{name}' has the "
                           f"same members as its parent", node.span,
                           help="give the child a test of its own, or delete it"))
        return True

    # -- the proofs
    def _never(self, wanted: list) -> bool:
        """Whether no customer meets every (condition, TRUE or not) (False when the proofs cannot tell)."""
        return self.analysis.never(wanted) is True

    def _may_be_redundant(self, item: ir.Expr, others: list, around: frozenset, conjunction: bool,
                          truth: bool) -> bool:
        """A cheap necessary condition (`around`: the fields the scope reads). In an 'and': a test that needs a
        field not null that nothing else reads is not implied (take a customer of the rest and make that field
        null: the rest still holds, the test does not). In an 'or': likewise some other condition must need
        only fields the test or the scope reads."""
        if not truth:
            return True
        if conjunction:
            needed = self.required(item, True)
            return needed <= around or needed <= around.union(*map(self.columns, others))
        around = around | self.columns(item)
        return any(self.required(o, True) <= around for o in others)

    def _finding(self, node: ast.BoolOp, i: int, conjunction: bool, truth: bool, by_scope: bool, parent,
                 safe: bool) -> Finding:
        operand = node.operands[i]
        text = shortened(self.text[operand.span.start:operand.span.end])
        word = "and" if conjunction else "or"
        if conjunction and truth:
            why = (f"every member of '{parent}' passes it" if by_scope and parent else
                   "where it counts, the rest of the condition already implies it" if by_scope else
                   "the other conditions of this 'and' already imply it")
        elif truth:
            why = "every customer it takes, another condition of this 'or' takes too"
        else:
            why = f"under 'not' it changes nothing: the other conditions of this '{word}' already decide"
        if not safe:  # the members stay, but where the segment is FALSE it would become UNKNOWN (or back)
            return Finding(f"'{text}' is redundant: {why}", operand.span,
                           help=f"delete it, with its '{word}' (not done by --fix: where a customer's fields are "
                                f"null it would change whether the segment is false or unknown, which 'not' and "
                                f"'{word}' around a reference to it can see)")
        return Finding(f"'{text}' is redundant: {why}", operand.span,
                       help=f"delete it, with its '{word}'", fix=self._fix(node, i, text))

    def _fix(self, node: ast.BoolOp, i: int, text: str) -> Fix | None:
        """Delete the operand with the `and`/`or` before it (after it, for the first), when only spaces and the
        word stand between them (no comment, no parenthesis of a group around several of them)."""
        operands, gap = node.operands, _GAP[node.kind]
        if i:
            start, end = operands[i - 1].span.end, operands[i].span.end
            between = self.text[start:operands[i].span.start]
        else:
            start, end = operands[0].span.start, operands[1].span.start
            between = self.text[operands[0].span.end:end]
        if not gap.fullmatch(between):
            return None
        return Fix(f"delete '{text}'", (Edit(start, end, ""),))

    # -- what a condition reads
    def columns(self, e: ir.Expr) -> frozenset:
        """The fields (and holdout buckets) the condition reads, through the segments it names."""
        found = self._columns.get(id(e))
        if found is None or found[0] is not e:
            if isinstance(e, ir.SegRef):
                self._columns[id(e)] = (e, frozenset())  # (a reference cycle is an error of the checker)
                value = self.columns(self.segments[e.name].condition)
            elif isinstance(e, ir.Col):
                value = frozenset((e.name,))
            elif isinstance(e, ir.Bucket):
                value = frozenset((f"bucket {e.salt!r}",))
            elif isinstance(e, ir.Lit):
                value = frozenset()
            else:
                value = frozenset().union(*map(self.columns, ir.children(e)))
            found = self._columns[id(e)] = (e, value)  # (the entry keeps e alive: its id is not reused)
        return found[1]

    def required(self, e: ir.Expr, true: bool) -> frozenset:
        """Fields that are never null where the condition is TRUE (`true`) or FALSE (fewer, never more)."""
        key = (id(e), true)
        found = self._required.get(key)
        if found is None or found[0] is not e:
            self._required[key] = (e, frozenset())  # (a reference cycle is an error of the checker)
            found = self._required[key] = (e, self._required_of(e, true))
        return found[1]

    def _required_of(self, e: ir.Expr, true: bool) -> frozenset:
        if isinstance(e, ir.SegRef):
            return self.required(self.segments[e.name].condition, true)
        if isinstance(e, (ir.Cmp, ir.InList, ir.Between)):
            return frozenset(n.name for n in ir.walk(e) if isinstance(n, ir.Col))  # a null side: UNKNOWN
        if isinstance(e, ir.IsNull):
            return frozenset(n.name for n in ir.walk(e.operand) if isinstance(n, ir.Col)) \
                if e.negated == true else frozenset()
        if isinstance(e, ir.Col):
            return frozenset((e.name,))
        if isinstance(e, (ir.And, ir.Or)):
            parts = [self.required(i, true) for i in e.items]
            if isinstance(e, ir.And) == true:
                return frozenset().union(*parts)
            return frozenset.intersection(*parts)
        if isinstance(e, ir.Not):
            return self.required(e.item, not true)
        if isinstance(e, ir.IsTrue) and true:
            return self.required(e.item, True)
        return frozenset()


def _column_of(e: ir.Expr) -> str | None:
    """The field of a test of one field against constants (or of a bool field), else None."""
    while isinstance(e, ir.Not):
        e = e.item
    if isinstance(e, ir.Col):
        return e.name
    if isinstance(e, ir.Cmp):
        if isinstance(e.left, ir.Col) and isinstance(e.right, ir.Lit):
            return e.left.name
        if isinstance(e.right, ir.Col) and isinstance(e.left, ir.Lit):
            return e.right.name
        return None
    if isinstance(e, (ir.InList, ir.Between, ir.IsNull)) and isinstance(e.operand, ir.Col) and all(
            isinstance(c, ir.Lit) for c in ir.children(e) if c is not e.operand):
        return e.operand.name
    return None


def _rebuilt(e: ir.Expr, path: tuple, removed: dict[tuple, set[int]]) -> ir.Expr:
    if isinstance(e, (ir.And, ir.Or)):
        gone = removed.get(path, ())
        return type(e)(tuple(_rebuilt(item, path + (j,), removed) for j, item in enumerate(e.items) if j not in gone))
    if isinstance(e, (ir.Not, ir.IsTrue)):
        return type(e)(_rebuilt(e.item, path + (0,), removed))
    return e


def _with(removed: dict[tuple, set[int]], path: tuple, i: int) -> dict[tuple, set[int]]:
    out = {p: set(r) for p, r in removed.items()}
    out.setdefault(path, set()).add(i)
    return out


def _joined(items: list, conjunction: bool) -> ir.Expr:
    if len(items) == 1:
        return items[0]
    return ir.And(tuple(items)) if conjunction else ir.Or(tuple(items))


def _question(item: ir.Expr, others: list, conjunction: bool, truth: bool) -> list:
    """The customers for whom leaving `item` out would change the node's TRUE (or FALSE) customers."""
    if not others:  # the whole node: TRUE where the scope holds
        return [(item, False)] if truth else [(ir.Not(item), True)]
    rest = _joined(others, conjunction)
    if conjunction and truth:  # the rest TRUE, the item not
        return [(rest, True), (item, False)]
    if truth:  # the item TRUE, the rest not
        return [(item, True), (rest, False)]
    if conjunction:  # under `not`: the item FALSE, the rest not
        return [(ir.Not(item), True), (ir.Not(rest), False)]
    return [(ir.Not(rest), True), (ir.Not(item), False)]  # the rest FALSE, the item not


def _where_it_counts(e: ir.Expr, others: tuple, truth: bool) -> tuple[ir.Expr, bool]:
    """Where an operand of an and/or decides the node: the others TRUE (and) or not TRUE (or); under `not`,
    the others not FALSE (and) or FALSE (or)."""
    conjunction = isinstance(e, ir.And)
    rest = _joined(list(others), conjunction)
    if truth:
        return (rest, conjunction)
    return (ir.Not(rest), not conjunction)
