"""Benchmarks: the whole pipeline to SQL beside raw Lark tree building on the same text.

Run with `pytest tests/test_benchmarks.py --benchmark-enable`; the ratios go in
docs/performance.md. With benchmarks disabled (the default) each body still runs
once, so the benchmarked code stays correct.
"""

import datetime as dt

import pytest
from lark import Lark

import segdsl
from segdsl.checker import check
from segdsl.grammar_file import grammar_text
from segdsl.parser import parse
from segdsl.source import Source

from generate import segment_file

AS_OF = dt.datetime(2026, 11, 1)


@pytest.fixture(scope="module", params=[1000, 10000], ids=["1k", "10k"])
def text(request):
    return segment_file(request.param)


def test_raw_lark_tree(benchmark, text):
    """The baseline: Lark LALR building a plain parse tree, nothing else."""
    raw = Lark(grammar_text(), parser="lalr")
    benchmark.group = f"pipeline-{len(text)}"
    tree = benchmark(raw.parse, text)
    assert tree.data == "start"


def test_parse_and_check(benchmark, text):
    benchmark.group = f"pipeline-{len(text)}"

    def run():
        tree, diags = parse(Source(text))
        return check(tree, AS_OF), diags

    checked, diags = benchmark(run)
    assert not diags and not [d for d in checked.diagnostics if d.is_error]


def test_parse_check_and_compile_to_sql(benchmark, text):
    benchmark.group = f"pipeline-{len(text)}"

    def run():
        return segdsl.loads(text, as_of=AS_OF).to_sql(dialect="duckdb", pretty=False)

    sql = benchmark(run)
    assert sql.startswith("SELECT customer_id, CASE WHEN")


# -- one record at a time: segdsl's compiled check beside a hand-written lambda ---------------------

FOUR = """entity customers { key customer_id: int  sport: string  level: string  sex: string  age: int }
segment target: sport == "road" and level == "amateur" and sex == "F" and age >= 18
"""
PROFILE = {"customer_id": 7, "sport": "road", "level": "amateur", "sex": "F", "age": 34}


def test_record_hand_written_lambda(benchmark):
    """The baseline: the same four comparisons as a Python lambda (no null handling)."""
    check = lambda r: r["sport"] == "road" and r["level"] == "amateur" and r["sex"] == "F" and r["age"] >= 18  # noqa: E731
    benchmark.group = "record"
    assert benchmark(check, PROFILE) is True


def test_record_matches(benchmark):
    program = segdsl.loads(FOUR, as_of=AS_OF)
    benchmark.group = "record"
    assert benchmark(program.matches, "target", PROFILE) is True


def test_record_segments_of(benchmark):
    program = segdsl.loads(FOUR, as_of=AS_OF)
    benchmark.group = "record"
    assert benchmark(program.segments_of, PROFILE) == ["target"]
