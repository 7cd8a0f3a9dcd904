"""The conformance corpus (tests/conformance/, read by tests/corpus.py) on every backend.

One test per case and backend. The expected members were worked out by hand from
docs/semantics.md, never taken from a backend's output. A backend that answers differently
is marked in the corpus (`# xfail(backend): why`) and the test is a strict expected failure,
so a fix shows up as an unexpected pass; a construct a backend refuses by design is marked
`# refused(backend): CODE` and the test checks it is refused with that code.

Each backend answers a whole group at once where it can (one table load, one flags query
for every segment), so engines that are slow to start stay cheap; the cases marked as failing
on that backend run on their own, and if the flags query still fails, each case is run on its
own so that one failing case does not hide the others.
"""

from __future__ import annotations

from functools import cache

import pytest

from segdsl import ir, reference
from segdsl.diagnostics import SegdslError
from segdsl.engines import engine_class, run

from corpus import load_corpus
from servers import ENGINES, SQL_ENGINES, start

CORPUS = load_corpus()
BACKENDS = ["reference", "per-record", *ENGINES]


@cache
def answers(group_name: str, backend: str) -> dict[str, frozenset | SegdslError]:
    """Each case's members on the backend, or the SegdslError it raised."""
    group = CORPUS[group_name]
    if backend == "reference":
        checked, rows = group.program().checked(), group.rows
        return {name: frozenset(rows[i][group.key] for i in reference.members(checked, rows, name))
                for name in group.cases}
    if backend == "per-record":
        program = group.program()
        return {name: _matching(program, group, name) for name in group.cases}
    result: dict[str, frozenset | SegdslError] = {}
    program = group.program()
    dialect = engine_class(backend).dialect
    runnable = []
    for name, case in group.cases.items():
        try:
            if dialect is not None:
                program.to_sql(name, dialect=dialect)
        except SegdslError as err:  # refused for this dialect
            result[name] = err
            continue
        if backend in case.xfail:  # known to fail (an engine error would break the whole flags query)
            result[name] = _members(program, group, backend, name)
        else:
            runnable.append(name)
    try:
        flags = run(group.program(runnable), group.frame, engine=backend, events=group.events)
        for position, name in enumerate(flags.columns[1:], start=1):
            result[name] = frozenset(row[0] for row in flags.rows if row[position])
    except SegdslError:  # one case breaks the query: run each on its own
        for name in runnable:
            result[name] = _members(program, group, backend, name)
    return result


def _matching(program, group, name: str) -> frozenset | SegdslError:
    try:
        return frozenset(r[group.key] for r in group.rows if program.matches(name, r))
    except SegdslError as err:  # a quantile: one record has no others to be ranked among
        return err


def _members(program, group, backend: str, name: str) -> frozenset | SegdslError:
    try:
        return frozenset(row[0] for row in run(program, group.frame, engine=backend, segment=name,
                                               events=group.events).rows)
    except SegdslError as err:
        return err


def _params():
    for group in CORPUS.values():
        for case in group.cases.values():
            for backend in BACKENDS:
                marks = []
                if backend in case.xfail:
                    marks.append(pytest.mark.xfail(reason=case.xfail[backend], strict=True))
                yield pytest.param(group.name, case.name, backend, id=f"{case.id}-{backend}", marks=marks)


@pytest.mark.parametrize("group,case,backend", list(_params()))
def test_conformance(request, group, case, backend):
    start(request, backend)
    spec = CORPUS[group].cases[case]
    got = answers(group, backend)[case]
    if backend in spec.refused:
        assert isinstance(got, SegdslError), f"{backend} was expected to refuse {spec.text!r}"
        assert {d.code for d in got.diagnostics} == {spec.refused[backend]}, str(got)
        return
    if isinstance(got, SegdslError):
        pytest.fail(f"{backend} failed on {spec.text!r}:\n{got}")
    assert got == spec.members, (f"{spec.id} on {backend}: {spec.text!r}\n"
                                 f"extra {sorted(got - spec.members)}, missing {sorted(spec.members - got)}")


@pytest.mark.parametrize("backend", SQL_ENGINES)
def test_members_query_agrees_with_the_flags_query(request, backend):
    """`segdsl eval --segment` runs `WHERE condition`, not the flags query: same members."""
    start(request, backend)
    for group in CORPUS.values():
        program = group.program()
        for name, case in group.cases.items():
            flagged = answers(group.name, backend)[name]
            if isinstance(flagged, SegdslError) or backend in case.xfail:
                continue
            assert _members(program, group, backend, name) == flagged, f"{case.id} on {backend}"


def test_segments_of_agrees_with_matches():
    for group in CORPUS.values():
        program = group.program()
        if any(isinstance(_matching(program, group, name), SegdslError) for name in group.cases):
            with pytest.raises(SegdslError, match="E503"):  # segments_of refuses a file that ranks
                program.segments_of(group.rows[0])
            continue
        for row in group.rows:
            assert program.segments_of(row) == [n for n in program.segments if program.matches(n, row)]


# -- the corpus itself ----------------------------------------------------------------------------

def test_corpus_size_and_every_backend_marked_by_name():
    cases = [c for g in CORPUS.values() for c in g.cases.values()]
    assert len(cases) >= 150
    for case in cases:
        assert set(case.xfail) | set(case.refused) <= set(BACKENDS), case.id
        assert all(reason.strip() for reason in case.xfail.values()), case.id


def test_every_column_of_every_group_has_a_null():
    for group in CORPUS.values():
        for column in group.frame.columns:
            assert column == group.key or group.frame.get_column(column).null_count(), f"{group.name}.{column}"


def _feature(e: ir.Expr) -> str:
    """What an IR node exercises: its kind, operator or function, and the kind of its operand."""
    kind = type(e).__name__
    if isinstance(e, ir.Cmp):
        return f"{e.op} {e.left.type.kind}"
    if isinstance(e, (ir.InList, ir.Between, ir.IsNull)):
        return f"{'not ' if e.negated else ''}{kind} {e.operand.type.kind}"
    if isinstance(e, ir.StrTest):
        return e.op
    if isinstance(e, ir.Regex):
        return "imatches" if e.ignore_case else "matches"
    if isinstance(e, ir.Arith):
        return f"{e.op} {e.type.kind}"
    if isinstance(e, ir.Func):
        return f"{e.name} {e.args[0].type.kind}" + (" digits" if len(e.args) == 2 and e.name == "round" else "")
    if isinstance(e, ir.DateShift):
        return f"shift {e.item.type.kind} {e.unit} {'+' if e.amount > 0 else '-'}"
    if isinstance(e, ir.DaysSince):
        return f"days_since {e.item.type.kind}"
    if isinstance(e, ir.Neg):
        return f"neg {e.type.kind}"
    if isinstance(e, ir.Aggregate):
        return f"{e.fn}{'' if e.field is None else ' ' + e.field.type.kind}{' where' if e.where is not None else ''}"
    if isinstance(e, ir.Quantile):
        return f"{e.fn} {e.item.type.kind}"
    if isinstance(e, ir.Bucket):
        return f"holdout/split {e.key.type.kind} key"
    return kind


REQUIRED = {
    *(f"{op} {kind}" for op in ("==", "!=", "<", "<=", ">", ">=")
      for kind in ("int", "float", "string", "date", "timestamp")),
    "== bool", "!= bool", "== enum", "!= enum",
    *(f"{neg}{node} {kind}" for neg in ("", "not ") for node in ("InList", "Between")
      for kind in ("int", "float", "string", "date", "timestamp")),
    "InList enum", "not InList enum",
    *(f"{neg}IsNull {kind}" for neg in ("", "not ")
      for kind in ("int", "float", "string", "bool", "date", "timestamp", "enum")),
    "contains", "starts_with", "ends_with", "matches", "imatches", "And", "Or", "Not", "SegRef", "Col",
    "+ int", "- int", "* int", "+ float", "- float", "* float", "/ float", "neg int", "neg float",
    "lower string", "upper string", "length string", "lower enum", "length enum", "abs int", "abs float",
    "round int", "round float", "round float digits", "round int digits",
    "coalesce int", "coalesce float", "coalesce string", "coalesce date", "coalesce timestamp", "coalesce bool",
    "days_since date", "days_since timestamp",
    "count", "count where", "share where", "sum int", "sum float", "sum float where", "avg int", "avg float",
    "avg float where", *(f"{fn} {kind}" for fn in ("min", "max") for kind in ("int", "float", "date", "timestamp")),
    "min float where", *(f"count_distinct {kind}" for kind in ("int", "string", "enum", "bool", "date", "timestamp")),
    *(f"{fn} {kind}" for fn in ("first", "last") for kind in ("int", "float", "string", "enum", "bool", "date", "timestamp")),
    "first float where", "last string where",
    *(f"{fn} {kind}" for fn in ("cume_dist", "ntile") for kind in ("int", "float", "date", "timestamp")),
    *(f"shift {kind} {unit} {sign}" for kind in ("date", "timestamp") for unit in ("day", "week", "month", "year")
      for sign in "+-"),
    "IsTrue", "AtLeast", "holdout/split int key", "holdout/split string key",
}


def test_corpus_covers_every_operator_and_function():
    seen = set()
    for group in CORPUS.values():
        for segment in group.program().checked().segments.values():
            seen |= {_feature(node) for node in ir.walk(segment.condition)}
    assert REQUIRED - seen == set()
