"""Quantiles through the API and the engines: the population is every row, in every query shape.

What the quantiles answer is the conformance corpus's job (tests/conformance/quantiles.seg on
every backend, and random tables in tests/test_differential.py); this file checks that the
members, flags and counts shapes all rank among the whole table, and the refusals.
"""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest

import segdsl
from segdsl import reference
from segdsl.data import fit_to_schema
from segdsl.engines import run

TEXT = """
entity customers { key id: int  region: string  ltv: float }
segment top_half: cume_dist(ltv) > 0.5
segment west_top_half: top_half and region == "west"
segment bottom_third: ntile(ltv, 3) == 1
segment west: region == "west"
"""
ROWS = [{"id": 1, "region": "west", "ltv": 10.0}, {"id": 2, "region": "east", "ltv": 20.0},
        {"id": 3, "region": "east", "ltv": 30.0}, {"id": 4, "region": "west", "ltv": 40.0},
        {"id": 5, "region": "west", "ltv": None}, {"id": 6, "region": "east", "ltv": 40.0}]
# ltv 10, 20, 30, 40, 40 (5 values): cume_dist 0.2, 0.4, 0.6, 1.0, 1.0; ntile(3) 1, 2, 2, 3, 3
FLAGS = {"top_half": {3, 4, 6}, "west_top_half": {4}, "bottom_third": {1}, "west": {1, 4, 5}}


@pytest.fixture(scope="module")
def program():
    return segdsl.loads(TEXT, as_of="2026-11-01")


def test_reference_ranks_among_the_rows_given(program):
    checked = program.checked()
    got = {name: {r["id"] for r in ROWS if reference.flags(checked, r, ROWS)[name]} for name in FLAGS}
    assert got == FLAGS
    # ranked among two rows only, customer 4 (40.0 of 10.0, 40.0) is still on top, customer 1 not
    assert reference.flags(checked, ROWS[0], ROWS[:1] + ROWS[3:4])["top_half"] is False


def test_reference_refuses_a_quantile_without_the_rows(program):
    with pytest.raises(ValueError, match="evaluate it with the rows of its table"):
        reference.flags(program.checked(), ROWS[0])


@pytest.mark.parametrize("kind", ["polars", "pandas", "records"])
def test_polars_members_rank_among_every_row_not_the_filtered_ones(program, kind):
    data = {"polars": pl.DataFrame(ROWS), "pandas": pd.DataFrame(ROWS), "records": ROWS}[kind]
    for name, members in FLAGS.items():
        answer = program.evaluate(data, name)
        ids = {"polars": lambda a: a.get_column("id").to_list(), "pandas": lambda a: a["id"].tolist(),
               "records": lambda a: [r["id"] for r in a]}[kind](answer)
        assert set(ids) == members, name
    assert program.count(data) == {name: len(m) for name, m in FLAGS.items()}


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
def test_sql_members_flags_and_counts_rank_among_every_row(program, engine):
    frame = fit_to_schema(pl.DataFrame(ROWS), program.schema)
    flags = run(program, frame, engine=engine)
    assert {name: {row[0] for row in flags.rows if row[i]} for i, name in enumerate(flags.columns[1:], 1)} == FLAGS
    for name, members in FLAGS.items():
        assert {row[0] for row in run(program, frame, engine=engine, segment=name).rows} == members, name
    counts = run(program, frame, engine=engine, counts=True)
    assert dict(zip(counts.columns, counts.rows[0])) == {name: len(m) for name, m in FLAGS.items()}


def test_the_sql_picks_from_a_ranking_subquery(program):
    sql = program.to_sql("west_top_half", dialect="postgres")
    assert "COUNT(ltv) OVER (ORDER BY ltv RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)" in sql
    assert sql.rstrip(";").rstrip().endswith("WHERE\n  segdsl_f0")  # not the window in WHERE
    assert "NTILE(" not in program.to_sql(dialect="postgres")  # SQL's NTILE splits ties
    # a segment without a quantile keeps the plain shape
    assert "segdsl_ranked" not in program.to_sql("west", dialect="postgres")


def test_per_record_refuses_ranking_segments_and_keeps_the_others(program):
    record = {"id": 1, "region": "west", "ltv": 10.0}
    assert program.matches("west", record) is True
    for name in ("top_half", "west_top_half"):  # directly, and through a segment it names
        with pytest.raises(segdsl.SegdslError) as info:
            program.matches(name, record)
        assert info.value.diagnostics[0].code == "E503"
        assert f"segment '{name}' ranks customers among all of them" in str(info.value)
    with pytest.raises(segdsl.SegdslError) as info:
        program.segments_of(record)
    assert "segments 'top_half', 'west_top_half', 'bottom_third' rank customers" in str(info.value)


def test_eval_cli_ranks_on_every_engine_alike(tmp_path, capsys):
    from segdsl.cli import main

    seg, data = tmp_path / "q.seg", tmp_path / "c.csv"
    seg.write_text(TEXT, encoding="utf-8")
    pl.DataFrame(ROWS).write_csv(data)
    outputs = set()
    for engine in ("polars", "duckdb", "sqlite"):
        assert main(["eval", str(seg), "--data", str(data), "--engine", engine, "--count"]) == 0
        outputs.add(capsys.readouterr().out)
    assert outputs == {"segment,members\ntop_half,3\nwest_top_half,1\nbottom_third,1\nwest,3\n"}
