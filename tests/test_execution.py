"""Running segments on every engine beyond the conformance corpus (tests/conformance/): names
that need quoting, the example file, round() against its Python definition on random floats.
"""

from __future__ import annotations

import math
import random
import struct
from pathlib import Path

import polars as pl
import pytest

import segdsl
from segdsl.data import fit_to_schema, read_data
from segdsl import reference
from segdsl.engines import run
from segdsl.rounding import decimal_round

from servers import ENGINES, start

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-01"

# -- names that need quoting ---------------------------------------------------------------------

QUOTED = r'''
entity order {
  key id: int
  order: int
  CamelCase: string
  select: bool
}
segment select_me: order > 1 and CamelCase == "It's \"x\"" and select
segment group: not select_me
'''


@pytest.mark.parametrize("engine", ENGINES)
def test_identifiers_needing_quotes_run(request, engine):
    start(request, engine)
    program = segdsl.loads(QUOTED, as_of=AS_OF)
    raw = pl.DataFrame({"id": [1, 2, 3, 4], "order": [2, 2, 0, None], "CamelCase": ['It\'s "x"', "it's \"x\"", 'It\'s "x"', None],
                        "select": [True, True, True, None]})
    frame = fit_to_schema(raw, program.schema)
    assert {r[0] for r in run(program, frame, engine=engine, segment="select_me").rows} == {1}
    assert {r[0] for r in run(program, frame, engine=engine, segment="group").rows} == {2, 3}
    flags = run(program, frame, engine=engine)
    assert flags.columns == ["id", "select_me", "group"]
    assert flags.rows == [(1, True, False), (2, False, True), (3, False, True), (4, False, False)]


# -- the example file: every engine agrees ------------------------------------------------------

BIKES = segdsl.load(ROOT / "examples" / "bikes.seg", as_of=AS_OF)


@pytest.fixture(scope="module")
def bikes_frame() -> pl.DataFrame:
    return read_data(ROOT / "examples" / "data" / "bikes.csv", BIKES.schema)


@pytest.mark.parametrize("segment", BIKES.segments)
def test_bikes_engines_agree(request, bikes_frame, segment):
    for engine in ENGINES:
        start(request, engine)
    answers = [run(BIKES, bikes_frame, engine=engine, segment=segment) for engine in ENGINES]
    assert all(a == answers[0] for a in answers[1:])


def test_bikes_flags_engines_agree(request, bikes_frame):
    for engine in ENGINES:
        start(request, engine)
    answers = [run(BIKES, bikes_frame, engine=engine) for engine in ENGINES]
    assert all(a == answers[0] for a in answers[1:])
    assert len(answers[0].rows) == bikes_frame.height


@pytest.mark.parametrize("engine", ENGINES)
def test_bikes_whole_file_matches_the_reference(request, bikes_frame, engine):
    """Every segment's flag and every partition's and ruleset's label (the hierarchy, holdout,
    split, cells, rules) on each engine, row by row, against the reference interpreter."""
    start(request, engine)
    answer = run(BIKES, bikes_frame, engine=engine)
    assert answer.columns == [BIKES.key, *BIKES.segments, *BIKES.labels]
    expected = reference.label_rows(BIKES.checked(), bikes_frame.to_dicts())
    by_key = {row[BIKES.key]: row for row in bikes_frame.to_dicts()}
    want = sorted((k, *(e[c] for c in answer.columns[1:])) for k, e in zip(by_key, expected))
    assert [tuple(r) for r in answer.rows] == want


# -- round() against its Python definition ---------------------------------------------------


def _random_floats(count: int) -> list[float]:
    """Floats of every magnitude: ties at the rounding digit, long fractions, raw bit patterns."""
    rng = random.Random(11)
    values = [2.675, -2.675, 0.15, 2.5, -2.5, 0.125, 123456789012.345, 4503599627370495.5, 4.99999999995e-13,
              2.0 ** 53 - 1, 1e-7]
    while len(values) < count:
        pick = rng.random()
        if pick < 0.35:
            x = round(rng.uniform(-1e4, 1e4), rng.randint(0, 6)) + rng.choice([0.0, 0.5, 0.05, 0.005])
        elif pick < 0.7:
            x = rng.uniform(-1, 1) * 10.0 ** rng.randint(-15, 15)
        else:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(x):
            values.append(x)
    return values


@pytest.mark.parametrize("engine", ENGINES)
def test_round_matches_the_python_definition(request, engine):
    start(request, engine)
    """round(x, n) on the engine equals segdsl.rounding.decimal_round for n = 0..12."""
    values = _random_floats(1500)
    digits = range(13)
    entity = "entity t {\n key id: int\n x: float\n" + "".join(f" e{n}: float\n" for n in digits) + "}\n"
    program = segdsl.loads(entity + "".join(f"segment r{n}: round(x, {n}) == e{n}\n" for n in digits), as_of=AS_OF)
    frame = pl.DataFrame({"id": range(len(values)), "x": values,
                          **{f"e{n}": [decimal_round(v, n) for v in values] for n in digits}})
    result = run(program, fit_to_schema(frame, program.schema), engine=engine, counts=True)
    counts = dict(zip(result.columns, result.rows[0]))
    assert counts == {f"r{n}": len(values) for n in digits}
