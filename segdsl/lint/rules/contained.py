"""L104 contained-segment: a segment whose members are always members of another, or the same members.

How it stays fast on large files (tests/test_benchmark_lint.py):

- Every segment is compiled once over one shared set of candidates per column (`proofs.Analysis`), and
  split into the disjuncts of its `or`s: boxes (column -> candidates) whose union is exactly its members
  (when it is made of tests of one column each, and/or/not; else an over-approximation, and a search
  decides).
- An index says, per column and candidate, which boxes may hold it (bits, one per box). For a segment,
  a few of its own members (each box's row of least candidates with null elsewhere, and its row of
  greatest candidates with another value elsewhere) are looked up: a segment that has no box holding one
  of them does not contain it. A refutation by example is exact, and a few intersections of bits do it
  for every segment at once.
- The segments left are tried closest first (the fewest candidates, an estimate), and the first one that
  contains it is reported: a box is within a union of boxes is decided by splitting masks, without a
  search; only segments beyond the boxes need one, which gives up after `Analysis.STEPS` candidates.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from itertools import combinations

from ... import ir
from ...proofs import Analysis
from ..registry import Finding, rule


@rule("L104", "contained-segment", "warning",
      summary="a segment whose every member is always a member of another segment, or two segments with the same "
              "members",
      why="the relation is hidden: whoever changes one does not know the other follows (or duplicates) it, and two "
          "names for one audience drift apart. It is proved for every customer, nulls included, with the reasoning of "
          "the checker's claims (fields compared with constants, and/or/not, at least, other segments, holdouts); "
          "segments beyond it (text search, arithmetic, functions, aggregates, quantiles, two fields compared) are "
          "left out, and so are the relations the file already states: a child and its ancestors, a segment and those "
          "its condition names with 'and' (`segment x: y and age > 3` is in y by construction, and in whatever y is "
          "in), holdouts, split arms and ruleset rules, and segments that are never or always true (L101, L102). A "
          "segment is reported once: on the later of two with the same members, else in the closest segment found "
          "that contains it (of the segments that may contain it, the narrowest 64 are tried, narrowest first). "
          "Opt-in: in macro-to-micro segmentation most segments sit inside broader ones on purpose (road_pros in "
          "road cyclists), so the rule is for an audit of a file rather than for every commit",
      example='''
entity customers { key id: int  age: int  sport: enum("road", "mountain") }
segment adults: age >= 18
segment road_seniors: sport == "road" and age >= 65
segment senior_road: age > 64 and sport == "road"
''',
      fix="write the contained segment as a child of the other (`segment adults: age >= 18 { segment seniors: "
          "age >= 65 }`) or name the other in its condition (`adults and age >= 65`); of two segments with the same "
          "members keep one, or define one as the other (`segment b: a`)", default=False)
def check(context):
    yield from _Contained(context.checked).findings()  # (lint() keeps the collector paused)


MAX_DISJUNCTS = 8  # a segment split into more boxes than this is taken as one over-approximating box
MAX_TRIED = 64  # segments that may contain a segment, tried at most (the closest first)


class _Segment:
    """A segment as this rule sees it."""

    __slots__ = ("name", "position", "boxes", "exact", "inside", "volume", "packed")

    def __init__(self, name: str, position: int, boxes: list[dict[int, int]], exact: bool,
                 inside: list[dict[int, int]]) -> None:
        self.name = name
        self.position = position  # in the file
        self.boxes = boxes  # whose union holds every member (exactly when `exact`)
        self.exact = exact
        self.inside = inside  # boxes of members only: any row holding a candidate of each column's mask is one
        self.volume = 0.0  # about how much of every customer its boxes hold (log of a share), set by _Index
        self.packed: list[int] = []  # the boxes, each as one number: every column's mask side by side (_Packing)


class _Contained:
    def __init__(self, checked) -> None:
        self.checked = checked
        self.analysis = Analysis.of(checked)
        self._built: dict[str, set[str]] = {}
        self.aliases: dict[str, set[str]] = {}  # a segment -> those defined as it alone (`segment t: s split 50/50`)
        self.children: dict[str, list[str]] = {}
        for name, segment in checked.segments.items():
            target = segment.condition.item if isinstance(segment.condition, ir.IsTrue) else segment.condition
            if isinstance(target, ir.SegRef):
                self.aliases.setdefault(target.name, set()).add(name)
            if segment.parent is not None:
                self.children.setdefault(segment.parent, []).append(name)
        self.full = [c.full for c in self.analysis.columns]
        self.packing = _Packing(self.analysis)
        self.seen: dict[str, _Segment] = {}

    def findings(self) -> list[Finding]:
        segments = self.checked.segments
        out: list[Finding] = []
        first_of: dict[tuple, str] = {}  # a box -> the first segment with exactly those members
        kept: list[_Segment] = []
        for position, name in enumerate(segments):
            if segments[name].origin != "segment":
                continue
            seg = self._segment(name, position)
            if seg is None:
                continue
            self.seen[name] = seg
            seg.packed = [self.packing.pack(box) for box in seg.boxes]
            if seg.exact and len(seg.boxes) == 1:
                key = tuple(sorted(seg.boxes[0].items()))
                if key in first_of:
                    if not self._related(name, first_of[key]):
                        out.append(self._same(name, first_of[key]))
                    continue
                first_of[key] = name
            kept.append(seg)
        if len(kept) > 1:
            index = _Index(self.analysis, kept)
            for seg in kept:
                found = self._first_container(seg, index)
                if found is not None:
                    out.append(found)
        out.sort(key=lambda f: f.span.start)
        return out

    def _segment(self, name: str, position: int) -> _Segment | None:
        """The segment's boxes, or None when it is beyond the reasoning, never true or always true."""
        analysis = self.analysis
        node = analysis.compiled(name)
        if node is None:
            return None
        leaves = (node,) if node[0] == "L" else node[1] if node[0] == "and" else ()
        if leaves and all(leaf[0] == "L" for leaf in leaves):  # tests of one column each: one box, exactly
            box = {leaf[1]: leaf[2] for leaf in leaves if leaf[2] != self.full[leaf[1]]}
            if not box or not all(box.values()):
                return None  # always true, or never
            return _Segment(name, position, [box], True, [box])
        goal = analysis.goal(name)
        if goal is True or goal is False:
            return None
        boxes, exact = _split(goal, MAX_DISJUNCTS)
        if boxes is None:
            boxes, exact = [analysis.projection(name)], False
        boxes = [b for b in boxes if all(b.values())]  # an empty disjunct holds nothing
        if exact:
            if not boxes or _covered({}, boxes, self.full):
                return None
            return _Segment(name, position, boxes, True, boxes)
        domains = analysis.member(name)
        if domains is None or analysis.member(name, want=False) is None:
            return None  # never true, always true, or the search gave up
        inside = {c: domains[c] for c in analysis.columns_of(name) if domains[c] != self.full[c]}
        return _Segment(name, position, boxes, False, [inside])

    def _first_container(self, seg: _Segment, index: _Index) -> Finding | None:
        a = seg.name
        known = self.by_construction(a) | self.lineage(a) | self.aliases.get(a, set())
        one = seg.packed[0] if seg.exact and len(seg.packed) == 1 else None
        tried = 0
        for other in index.candidates(seg):  # the closest first
            if other is seg or other.name in known:
                continue
            tried += 1
            if tried > MAX_TRIED:
                break
            if one is not None and other.exact and len(other.packed) == 1:  # a box in a box: one operation
                box = other.packed[0]
                if one & ~box:
                    continue
                same = box & ~one == 0
            else:
                if not self._contains(seg, other):
                    continue
                same = self._contains(other, seg)
            b = other.name
            if same:
                if other.position < seg.position and not self._related(a, b):
                    return self._same(a, b)
                continue  # the later one says so
            if self._explained(a, other):
                continue
            return Finding(f"segment '{a}' is contained in '{b}': every member of {a} is a member of {b}",
                           self.checked.segments[a].span,
                           help=f"say so: write it as a child of '{b}', or as '{b} and ...'")
        return None

    def _contains(self, a: _Segment, b: _Segment) -> bool:
        """Whether every member of a is a member of b."""
        if a.exact and b.exact and len(b.packed) == 1:
            other = b.packed[0]
            return all(box & ~other == 0 for box in a.packed)
        if a.exact and b.exact:
            budget = [200]
            for box, packed in zip(a.boxes, a.packed):
                found = self.packing.covered(packed, b.packed) if len(b.boxes) > 1 else packed & ~b.packed[0] == 0
                if found is None:
                    found = _covered(box, b.boxes, self.full, budget)
                if not found:
                    break
            if found is not None:
                return found
        return self.analysis.contains(a.name, b.name) is True

    def _explained(self, a: str, b: _Segment) -> bool:
        """Whether a segment `a` is in as written (by its condition, a parent) is in b, so `a` is, as written."""
        for k in self.by_construction(a):
            if b.name in self.by_construction(k) or b.name in self.lineage(k, down=False) \
                    or b.name in self.aliases.get(k, ()):
                return True
            known = self.seen.get(k)
            if known is not None and self._contains(known, b):
                return True
        return False

    def _related(self, a: str, b: str) -> bool:
        """Whether one is in the other as written (its condition names it, a parent, or defined as it)."""
        return (b in self.by_construction(a) or a in self.by_construction(b) or b in self.lineage(a)
                or a in self.aliases.get(b, ()) or b in self.aliases.get(a, ()))

    def _same(self, later: str, earlier: str) -> Finding:
        return Finding(f"segment '{later}' has the same members as '{earlier}'", self.checked.segments[later].span,
                       help=f"every member of either is a member of the other: keep one, or define '{later}' "
                            f"as '{earlier}'")

    def by_construction(self, name: str) -> set[str]:
        """The segments every member of `name` is in as written: those its condition names with 'and'
        (parents included), and theirs."""
        found = self._built.get(name)
        if found is None:
            self._built[name] = set()  # (a reference cycle is an error of the checker)
            found = self._built[name] = self._named(self.checked.segments[name].condition)
        return found

    def _named(self, e: ir.Expr) -> set[str]:
        if isinstance(e, ir.SegRef):
            return {e.name} | self.by_construction(e.name)
        if isinstance(e, ir.And):
            return set().union(*map(self._named, e.items))
        if isinstance(e, ir.Or):
            return set.intersection(*map(self._named, e.items))
        if isinstance(e, ir.IsTrue):
            return self._named(e.item)
        return set()

    def lineage(self, name: str, down: bool = True) -> set[str]:
        """The segment's ancestors and (with `down`) descendants: a child is in its parent by construction."""
        segments = self.checked.segments
        found, parent = set(), segments[name].parent
        while parent is not None:
            found.add(parent)
            parent = segments[parent].parent
        todo = list(self.children.get(name, ())) if down else []
        while todo:
            child = todo.pop()
            found.add(child)
            todo += self.children.get(child, ())
        return found


class _Index:
    """Per column and candidate, the boxes that may hold it, as bits, for the segments of one box (a bit
    each, at the segment's place in order of volume, narrowest first) and for those of several (a group of
    `MAX_DISJUNCTS` bits each, one per box, in the same order): a segment of several boxes holds a row when
    one of its group's bits does, which a few shifts of the whole number tell for every group at once."""

    ROWS_ABOVE = 8  # more candidates than this after the first row: look up the other two rows

    def __init__(self, analysis: Analysis, segments: list[_Segment]) -> None:
        columns = analysis.columns
        sizes = [len(c.values) for c in columns]
        def volume(box: dict[int, int]) -> float:
            return sum(math.log(mask.bit_count() / sizes[c]) for c, mask in box.items())

        for seg in segments:
            seg.volume = max(map(volume, seg.boxes))
        self.floors = {id(seg): max(map(volume, seg.inside), default=0.0) for seg in segments}
        ordered = sorted(segments, key=lambda s: (s.volume, s.position))
        self.singles = [s for s in ordered if len(s.boxes) == 1]
        self.groups = [s for s in ordered if len(s.boxes) > 1]
        self.one = _Layer(analysis)
        self.several = _Layer(analysis)
        for place, seg in enumerate(self.singles):
            self.one.add(place, seg.boxes[0])
        width = MAX_DISJUNCTS
        for slot, seg in enumerate(self.groups):
            for j, box in enumerate(seg.boxes):
                self.several.add(slot * width + j, box)
        self.starts = sum(1 << (slot * width) for slot in range(len(self.groups)))  # each group's first bit
        rare = self.one.choose_rare()
        self.one.rare = self.several.rare = rare
        self.volumes = [s.volume for s in self.singles]

    def candidates(self, seg: _Segment):
        """The segments that may contain `seg`, narrowest first: for each box of its members, a box of theirs
        holds its row of least candidates with null in the other columns; when more than ROWS_ABOVE are left,
        also its row of greatest candidates with a rare candidate (one few boxes hold) elsewhere, and its row
        of rare candidates with the next rarest elsewhere."""
        # A box within another holds no more of any column, so its volume is no more: a segment of one box
        # narrower than a box of `seg`'s members does not contain it.
        ones = -1 << bisect_left(self.volumes, self.floors[id(seg)] - 1e-9)
        groups = self.starts
        one, several = self.one, self.several
        for box in seg.inside:
            columns = frozenset(box)
            rows = [[(c, (mask & -mask).bit_length() - 1) for c, mask in box.items()]]
            for k in range(3):
                if k == 1:
                    if (ones & one.present).bit_count() + groups.bit_count() <= self.ROWS_ABOVE:
                        break
                    rows.append([(c, mask.bit_length() - 1) for c, mask in box.items()])
                    rows.append([(c, self._rare_within(c, mask)) for c, mask in box.items()])
                row = rows[k]
                ones = one.holding_row(row, columns, k, ones)
                if groups:
                    spread = groups | groups << 1  # a group's bits, from its first
                    spread |= spread << 2
                    spread |= spread << 4
                    bits = several.holding_row(row, columns, k, spread)
                    bits |= bits >> 1  # any bit of a group, to its first
                    bits |= bits >> 2
                    bits |= bits >> 4
                    groups &= bits
            if not ones and not groups:
                return
        singles = self._members(ones, self.singles, 1)
        if not groups:
            yield from singles
            return
        several = self._members(groups, self.groups, MAX_DISJUNCTS)
        if not ones:
            yield from several
            return
        yield from heapq.merge(singles, several, key=lambda s: (s.volume, s.position))

    @staticmethod
    def _members(bits: int, segments: list[_Segment], width: int):
        while bits:
            low = bits & -bits
            bits ^= low
            yield segments[(low.bit_length() - 1) // width]

    def _rare_within(self, c: int, mask: int) -> int:
        """The candidate of the mask fewest boxes hold (the least of a mask of more than 16)."""
        if mask.bit_count() > 16:
            return (mask & -mask).bit_length() - 1
        layer = self.one
        best, best_count = -1, None
        while mask:
            low = mask & -mask
            mask ^= low
            j = low.bit_length() - 1
            count = layer.holding(c, j).bit_count()
            if best_count is None or count < best_count:
                best, best_count = j, count
        return best


class _Layer:
    """Boxes, at most one per segment: per column and candidate, the segments whose box may hold it. Kept
    as the places where the set changes (where runs of a box's candidates start and end), so a column of
    thousands of candidates costs no more than its boxes."""

    def __init__(self, analysis: Analysis) -> None:
        self.columns = analysis.columns
        self.nulls = analysis.null
        self.present = 0  # the segments with a box in this layer
        self.events: list[dict[int, int]] = [dict() for _ in self.columns]  # candidate -> boxes changing there
        self.constrained = [0] * len(self.columns)
        self.groups: dict[frozenset, int] = {}  # the columns where a box refuses null -> boxes
        self._steps: list[tuple | None] = [None] * len(self.columns)
        self._held: dict[tuple[int, int], int] = {}
        self._allowed: dict[tuple, int] = {}
        self.rare: list[tuple[int, int]] = []  # per column, its rarest and next rarest non-null candidates (_Index)

    def add(self, place: int, box: dict[int, int]) -> None:
        bit = 1 << place
        self.present |= bit
        refused = []
        for c, mask in box.items():
            self.constrained[c] |= bit
            null = self.nulls[c]
            if null is not None and not mask >> null & 1:
                refused.append(c)
            events = self.events[c]
            edges = mask ^ (mask << 1)  # where runs of candidates start and end
            while edges:
                low = edges & -edges
                edges ^= low
                j = low.bit_length() - 1
                events[j] = events.get(j, 0) ^ bit
        key = frozenset(refused)
        self.groups[key] = self.groups.get(key, 0) | bit

    def steps(self, c: int) -> tuple[list[int], list[int], int]:
        """Column c's change points, the boxes holding the candidates from each on, and the free boxes."""
        found = self._steps[c]
        if found is None:
            events = self.events[c]
            places = sorted(events)
            held, inside = [], 0
            for j in places:
                inside ^= events[j]
                held.append(inside)
            found = self._steps[c] = (places, held, self.present & ~self.constrained[c])
        return found

    def holding(self, c: int, j: int) -> int:
        """The boxes that may hold candidate j of column c."""
        key = (c, j)
        found = self._held.get(key)
        if found is None:
            places, held, free = self.steps(c)
            i = bisect_right(places, j) - 1
            found = self._held[key] = held[i] | free if i >= 0 else free
        return found

    def allowed(self, columns: frozenset, rare: int) -> int:
        """The boxes that hold null in every column but `columns` (rare 1: the column's rarest non-null
        candidate, 2: the next rarest)."""
        key = (columns, rare)
        found = self._allowed.get(key)
        if found is None:
            if rare:
                found = self.present
                for c in range(len(self.columns)):
                    if c not in columns and found:
                        found &= self.holding(c, self.rare[c][rare - 1])
            else:
                groups = self.groups
                found = 0
                if len(columns) <= 8:
                    listed = sorted(columns)
                    for size in range(len(listed) + 1):
                        for subset in combinations(listed, size):
                            found |= groups.get(frozenset(subset), 0)
                else:
                    for refused, bits in groups.items():
                        if refused <= columns:
                            found |= bits
            self._allowed[key] = found
        return found

    def choose_rare(self) -> list[tuple[int, int]]:
        """Per column, the two non-null candidates fewest boxes hold."""
        out = []
        for c, column in enumerate(self.columns):
            places, held, free = self.steps(c)
            nonnull = [j for j in {0, *places} if j < len(column.values) and column.values[j] is not None]
            counted = sorted((self.holding(c, j).bit_count(), j) for j in nonnull)
            picked = [j for _, j in counted[:2]] or [0]
            out.append((picked[0], picked[-1]))
        return out

    def holding_row(self, row: list[tuple[int, int]], columns: frozenset, rare: int, among: int) -> int:
        """The boxes (among the segments `among`) that hold the row: (column, candidate) pairs, null in the
        other columns (`rare` 1, 2: their rarest, next rarest non-null candidate)."""
        bits = self.allowed(columns, rare) & among
        for c, j in row:
            if not bits:
                break
            bits &= self.holding(c, j)
        return bits


class _Packing:
    """A box as one number: each column's mask at its own offset (a column left out: every candidate), so
    that a box is within another when `a & ~b == 0`."""

    def __init__(self, analysis: Analysis) -> None:
        self.offsets, self.masks, at = [], [], 0
        for column in analysis.columns:
            self.offsets.append(at)
            self.masks.append(column.full << at)
            at += len(column.values)
        self.everything = (1 << at) - 1

    def pack(self, box: dict[int, int]) -> int:
        packed = self.everything
        for c, mask in box.items():
            packed = packed & ~self.masks[c] | mask << self.offsets[c]
        return packed

    def covered(self, box: int, boxes: list[int]) -> bool | None:
        """True when the box is within one of the boxes, else None (`_covered` decides)."""
        return True if any(box & ~other == 0 for other in boxes) else None


def _covered(box: dict[int, int], boxes: list[dict[int, int]], full: list[int], budget: list[int] | None = None):
    """Whether every row of `box` is in one of `boxes` (a column left out of a box: any candidate); None
    when the search for a row outside them all goes on too long."""
    escapes = _escapes(dict(box), boxes, 0, full, budget if budget is not None else [200])
    return None if escapes is None else not escapes


def _escapes(domains: dict[int, int], boxes: list[dict[int, int]], i: int, full: list[int], budget: list[int]):
    """Whether some row within `domains` (column -> candidates; a column left out: any) is in none of
    boxes[i:]: each box is escaped in one of its columns, the choices going column by column."""
    while i < len(boxes):
        options = []
        for c, mask in boxes[i].items():
            have = domains.get(c, full[c])
            out = have & ~mask
            if out == have:  # no row left here is in this box
                break
            if out:
                options.append((c, out))
        else:
            if not options:
                return False  # every row left is in this box
            if len(options) > 1:
                for c, out in options:
                    budget[0] -= 1
                    if budget[0] < 0:
                        return None
                    found = _escapes({**domains, c: out}, boxes, i + 1, full, budget)
                    if found is not False:
                        return found
                return False
            c, out = options[0]
            domains = {**domains, c: out}
        i += 1
    return True


def _split(goal, limit: int) -> tuple[list[dict[int, int]] | None, bool]:
    """The disjuncts of a two-valued goal's `or`s (and of `and`s of `or`s), each as column -> candidates
    (a column left out: any), and whether their union is exactly the goal's rows (not more); None
    beyond `limit` disjuncts."""
    if goal is True:
        return [{}], True
    if goal is False:
        return [], True
    tag = goal[0]
    if tag == "l":
        return [{goal[1]: goal[2]}], True
    if tag == "or":
        out, exact = [], True
        for node in goal[1]:
            part, part_exact = _split(node, limit)
            if part is None:
                return None, False
            out += part
            exact = exact and part_exact
        return (out, exact) if len(out) <= limit else (None, False)
    if tag == "and":
        out, exact = [{}], True
        for node in goal[1]:
            part, part_exact = _split(node, limit)
            if part is None or len(out) * len(part) > limit:
                return None, False
            exact = exact and part_exact
            merged = []
            for left in out:
                for right in part:
                    both = dict(left)
                    for c, mask in right.items():
                        both[c] = both[c] & mask if c in both else mask
                    merged.append(both)
            out = merged
        return out, exact
    return [{}], False  # `at least`, or a comparison of conditions: any value
