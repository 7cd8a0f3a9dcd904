"""Hostile strings (tests/hostile.py) as literals and as table names, on every engine.

Each string is a row of a table and the value of four segments (==, contains, starts_with,
ends_with); every engine must return exactly the rows that hold that value, worked out here
with Python's str operations, and must run nothing else. A string a dialect cannot carry is
refused at compile time (E401) instead, naming the construct.
"""

from __future__ import annotations

import re

import polars as pl
import pytest

import segdsl
from segdsl import ir
from segdsl.diagnostics import SegdslError
from segdsl.engines import engine_class, run
from segdsl.sql.identifiers import check_name

from hostile import HOSTILE, literal
from servers import ENGINES, start

ENTITY = "entity hostile {\n  key id: int\n  s: string\n}\n"
OPS = {"eq": ("==", str.__eq__), "in": ("in", str.__eq__), "has": ("contains", lambda v, h: h in v),
       "pre": ("starts_with", str.startswith), "suf": ("ends_with", str.endswith)}
CHUNK = 120  # segments per flags query: ten-kilobyte literals make long statements
# Text an engine's columns cannot hold at all: those rows are not loaded there.
CANNOT_HOLD = {"postgres": "\x00"}
# Bugs of an emulator, not of the SQL: those literals must still fail there (strict), so a fix shows.
EMULATOR_BUGS = {"snowflake": (re.compile(r"\$[A-Za-z_]"),
                               "fakesnow replaces $name inside string literals with session variables")}


def _cases() -> dict[str, tuple[str, int]]:
    return {f"{op}_{i}": (op, i) for i in range(len(HOSTILE)) for op in OPS}


CASES = _cases()


def _program(names: list[str]) -> segdsl.Program:
    lines = [f"segment {name}: s {OPS[CASES[name][0]][0]} {_value(*CASES[name])}" for name in names]
    return segdsl.loads(ENTITY + "\n".join(lines) + "\n")


def _value(op: str, i: int) -> str:
    text = literal(HOSTILE[i])
    return f"[{text}, {literal(HOSTILE[i - 1])}]" if op == "in" else text  # two hostile strings in one list


def _texts(name: str) -> list[str]:
    """The hostile strings a case holds."""
    op, i = CASES[name]
    return [HOSTILE[i], HOSTILE[i - 1]] if op == "in" else [HOSTILE[i]]


def _expected(name: str, rows: dict[int, str]) -> set[int]:
    test = OPS[CASES[name][0]][1]
    return {key for key, value in rows.items() if any(test(value, w) for w in _texts(name))}


def test_the_literals_parse_back_to_the_strings():
    program = _program(list(CASES))
    for name, segment in program.checked().segments.items():
        condition, text = segment.condition, HOSTILE[CASES[name][1]]
        if isinstance(condition, ir.IsNull):  # s contains "": any text at all
            assert text == "" and condition.negated, name
        else:
            if CASES[name][0] == "in":
                assert [item.value for item in condition.items] == [text, HOSTILE[CASES[name][1] - 1]], name
            else:
                assert (condition.right.value if CASES[name][0] == "eq" else condition.needle) == text, name


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_literals_select_exactly_their_rows(request, engine):
    start(request, engine)
    banned = CANNOT_HOLD.get(engine)
    rows = {i: s for i, s in enumerate(HOSTILE) if not (banned and banned in s)}
    frame = pl.DataFrame({"id": list(rows), "s": list(rows.values())}, schema={"id": pl.Int64, "s": pl.String})
    dialect = engine_class(engine).dialect
    runnable, wrong = [], []
    for name in CASES:
        try:
            if dialect is not None:
                _program([name]).to_sql(name, dialect=dialect)
            runnable.append(name)
        except SegdslError as err:
            refused = "".join(_texts(name))
            if not (banned and banned in refused and {d.code for d in err.diagnostics} == {"E401"}):
                wrong.append(f"{name} {refused[:40]!r} refused: {err}")
    if engine in EMULATOR_BUGS:
        pattern, why = EMULATOR_BUGS[engine]
        buggy = [n for n in runnable if any(pattern.search(t) for t in _texts(n))]
        runnable = [n for n in runnable if n not in buggy]
        for name in buggy:
            try:
                run(_program([name]), frame, engine=engine)
                wrong.append(f"{name} now runs on {engine}: remove the known bug ({why})")
            except SegdslError:
                pass
    for start_at in range(0, len(runnable), CHUNK):
        names = runnable[start_at:start_at + CHUNK]
        result = run(_program(names), frame, engine=engine)
        for position, name in enumerate(result.columns[1:], start=1):
            got = {row[0] for row in result.rows if row[position]}
            expected = _expected(name, rows)
            if got != expected:
                wrong.append(f"{name} {HOSTILE[CASES[name][1]][:40]!r}: extra {sorted(got - expected)[:5]}, "
                             f"missing {sorted(expected - got)[:5]}")
    assert not wrong, f"{len(wrong)} wrong on {engine}:\n" + "\n".join(wrong[:40])
    everything = segdsl.loads(ENTITY + "segment any: s is not null or s is null\n")
    assert run(everything, frame, engine=engine, counts=True).rows == [(len(rows),)]  # every row went in whole


# -- table names --------------------------------------------------------------------------------

# A dot separates schema and table in --table, so no name here has one; names are short, as
# engines cap identifiers (PostgreSQL at 63 bytes, MySQL at 64 characters).
# chdb (ClickHouse embedded) reads a name with glob characters or a slash as a file path, in
# CREATE TABLE too; a ClickHouse server does not. fakesnow fails on a quote in a table name
# (its CREATE runs twice) and on $name (see EMULATOR_BUGS).
EMBEDDED_NAME_BUGS = {"clickhouse": (re.compile(r"[*?{/]"), "chdb reads the name as a file path"),
                      "snowflake": (re.compile(r"'|\$[A-Za-z_]"), "fakesnow fails on quotes and $name in names")}
TABLE_NAMES = [s for s in HOSTILE if s.strip() and "." not in s and "\x00" not in s and len(s.encode()) <= 60]


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_table_names(request, engine):
    start(request, engine)
    program = segdsl.loads(ENTITY + 'segment a: s == "a"\nsegment b: s starts_with "b"\n')
    frame = pl.DataFrame({"id": [1, 2, 3], "s": ["a", "bb", None]})
    wrong = []
    dialect = engine_class(engine).dialect
    for name in TABLE_NAMES:
        if engine in EMBEDDED_NAME_BUGS and EMBEDDED_NAME_BUGS[engine][0].search(name):
            continue  # checked below: an error is allowed there
        if dialect is not None:
            try:
                check_name(name, dialect)
            except ValueError:  # the dialect cannot hold it: refused before anything runs
                with pytest.raises(SegdslError, match="E404"):
                    run(program, frame, engine=engine, table=name)
                continue
        try:
            flags = run(program, frame, engine=engine, table=name)
            if flags.rows != [(1, True, False), (2, False, True), (3, False, False)]:
                wrong.append(f"{name!r}: {flags.rows}")
        except SegdslError as err:
            wrong.append(f"{name!r}: {str(err)[:200]}")
    for name in TABLE_NAMES if engine in EMBEDDED_NAME_BUGS else []:
        if EMBEDDED_NAME_BUGS[engine][0].search(name):  # may fail with an error, never answer wrongly
            try:
                flags = run(program, frame, engine=engine, table=name)
            except SegdslError:
                continue
            if flags.rows != [(1, True, False), (2, False, True), (3, False, False)]:
                wrong.append(f"{name!r}: {flags.rows}")
    assert not wrong, f"{len(wrong)} of {len(TABLE_NAMES)} wrong on {engine}:\n" + "\n".join(wrong[:40])


def test_nul_in_a_regex_is_refused_where_text_cannot_hold_it():
    program = segdsl.loads(ENTITY + 'segment r: s matches "a\\u0000b"\n')
    with pytest.raises(SegdslError, match="E401"):
        program.to_sql("r", dialect="postgres")
    assert "CHAR(0)" in program.to_sql("r", dialect="sqlite")  # sqlite3 refuses NUL in a statement
