"""Macro to micro: hierarchies and their proofs, partitions, rulesets, holdouts and splits.

The members of each construct on every backend are in the conformance corpus
(tests/conformance/hierarchy.seg, text_keys.seg) and the bikes example (test_execution.py);
here: the checker's proofs, the labels worked out by hand, the hash, and the API.
"""

from __future__ import annotations

import hashlib
import math
import random

import polars as pl
import pytest

import segdsl
from segdsl import reference
from segdsl.diagnostics import SegdslError
from segdsl.engines import run

from servers import start

AS_OF = "2026-11-01"
ENTITY = """entity customers {
  key id: int
  sport: enum("road", "mountain", "gravel")
  level: enum("beginner", "amateur", "pro")
  sex: enum("F", "M")
  age: int
  city: string
  value: float
  email: string
}
"""


def codes(text: str) -> list[tuple[str, str]]:
    """(code, message) of every diagnostic, errors raised or warnings kept."""
    try:
        program = segdsl.loads(ENTITY + text, as_of=AS_OF)
        return [(d.code, d.message) for d in program.diagnostics]
    except SegdslError as err:
        return [(d.code, d.message) for d in err.diagnostics]


# -- names and the hierarchy ------------------------------------------------------------------------

def test_children_are_named_by_their_path_and_and_their_parent():
    program = segdsl.loads(ENTITY + """
segment cyclists: sport is not null {
  segment road: sport == "road" {
    segment amateur: level == "amateur"
  }
}
segment target: cyclists.road.amateur and age < 30
""", as_of=AS_OF)
    assert program.segments == ["cyclists", "cyclists.road", "cyclists.road.amateur", "target"]
    checked = program.checked()
    assert checked.segments["cyclists.road.amateur"].parent == "cyclists.road"
    assert checked.children("cyclists") == ["cyclists.road"]
    rows = [{"id": 1, "sport": "road", "level": "amateur", "sex": "F", "age": 20, "city": None, "value": None, "email": None},
            {"id": 2, "sport": None, "level": "amateur", "sex": "F", "age": 20, "city": None, "value": None, "email": None}]
    assert program.evaluate(rows, "cyclists.road.amateur") == [{"id": 1}]  # not 2: its parent is not true
    assert program.evaluate(rows, "target") == [{"id": 1}]


@pytest.mark.parametrize("text, code", [
    ("segment a: true { segment b: true }\nsegment c: a.x", "E202"),  # no such child
    ("segment a: true { segment b: true  segment b: false }", "E204"),  # a child twice
    ("segment a: a.b { segment b: true }", "E206"),  # a parent naming its child: a cycle through the implicit AND
    ("segment a: true holdout 10% { segment holdout: true }", "E204"),  # the holdout's name is taken
    ("ruleset sport exclusive { x: true }", "E209"),  # named like a field
])
def test_name_mistakes(text, code):
    assert code in [c for c, _ in codes(text)]


def test_a_syntax_error_in_a_child_keeps_the_rest():
    found = codes("""segment a: true {
  segment b: age >
  segment c: age > 3
}
segment d: age <
segment e: true
""")
    assert [c for c, _ in found] == ["E101", "E101"]


# -- proofs ---------------------------------------------------------------------------------------

def test_the_bikes_claims_are_proved():
    program = segdsl.load("examples/bikes.seg", as_of=AS_OF)
    assert program.diagnostics == []  # disjoint and exhaustive on cyclists, disjoint on road and amateur


@pytest.mark.parametrize("text, expected", [
    # enum coverage: gravel is missing
    ('segment c: sport is not null exhaustive { segment r: sport == "road"  segment m: sport == "mountain" }',
     ("E223", 'sport "gravel"')),
    # a null level is in the parent and in no child
    ('segment r: sport == "road" exhaustive { segment b: level == "beginner"  segment x: level != "beginner" }',
     ("E223", "level null")),
    # interval reasoning: 30 is in both
    ("segment adults: age >= 18 disjoint { segment y: age <= 30  segment o: age >= 30 }", ("E222", "age 30")),
    # floats: the midpoint between the bounds
    ("segment v: value > 0 exhaustive { segment lo: value < 10.5  segment hi: value > 10.5 }", ("E223", "value 10.5")),
    # text compared with constants: any other value
    ('segment w: city is not null exhaustive { segment a: city == "A"  segment b: city in ["B"] }',
     ("E223", "city another value")),
    # text search is beyond the reasoning: cannot prove, a warning
    ('segment m: email is not null disjoint { segment g: email ends_with "@gmail.com"  segment o: true }',
     ("W201", "it uses 'ends_with'")),
    ("segment adults: age >= 18 disjoint { segment y: age * 2 < 60  segment o: age >= 30 }", ("W201", "arithmetic")),
])
def test_claims_refuted_with_a_customer_or_not_decided(text, expected):
    found = codes(text)
    assert len(found) == 1 and found[0][0] == expected[0], found
    program_text = ENTITY + text
    try:
        segdsl.loads(program_text, as_of=AS_OF)
    except SegdslError as err:
        assert expected[1] in err.diagnostics[0].help
        return
    assert expected[1] in found[0][1]


@pytest.mark.parametrize("text", [
    'segment c: sport is not null disjoint exhaustive { segment r: sport == "road"  segment m: sport == "mountain"  segment g: sport == "gravel" }',
    "segment a: age is not null disjoint exhaustive { segment y: age < 30  segment m: age between 30 and 49  segment o: age >= 50 }",
    "segment v: value is not null disjoint exhaustive { segment lo: value < 10.5  segment hi: value >= 10.5 }",
    # holdout arms and split arms are disjoint and cover the segment, whatever the hash gives
    "segment s: true split 20/30/50 salt \"x\" disjoint exhaustive",
    'segment k: sport in ["road", "gravel"] disjoint exhaustive { segment r: sport == "road" and (level == "pro" union level == "amateur" union level is null or level == "beginner")  segment g: sport == "gravel" }',
])
def test_claims_proved(text):
    assert codes(text) == []


def test_shadowed_rules_are_flagged():
    found = codes("""ruleset tier exclusive {
  silver: value >= 500
  gold: value >= 1000
  nobody: age < 0 and age > 0
  low: value < 500
  unknown_value: value is null
  else: never
}""")
    assert [c for c, _ in found] == ["W202", "W202", "W202"]
    assert "rule 'gold'" in found[0][1] and "rule 'nobody'" in found[1][1] and "rule 'never'" in found[2][1]


# -- at least / at most ---------------------------------------------------------------------------

@pytest.mark.parametrize("values, k, want", [
    ((True, True, None), 2, True), ((True, None, None), 2, None), ((True, False, False), 2, False),
    ((None, None, None), 0, True), ((False, False, False), 1, False), ((None, False, False), 1, None),
])
def test_at_least_is_kleene(values, k, want):
    program = segdsl.loads("entity t { key id: int  a: bool  b: bool  c: bool }\n"
                           f"segment s: at least {k} of (a, b, c)\nsegment n: not (at least {k} of (a, b, c))",
                           as_of=AS_OF)
    row = {"id": 1, **dict(zip("abc", values))}
    assert reference.Interpreter(program.checked().segments, row).segment("s") is want
    frame = program.evaluate([row])
    assert (frame[0]["s"], frame[0]["n"]) == (want is True, want is False)
    assert (program.matches("s", row), program.matches("n", row)) == (want is True, want is False)


# -- partitions ------------------------------------------------------------------------------------

PARTITIONS = ENTITY + """
segment cyclists: sport is not null
partition bikes of cyclists by sport, sex
partition ages by age bands [18, 25, 65]
partition values by value bands [0, 99.5]
partition cities by city in ["Wrocław", "Berlin"]
partition big by sport min_size 2
"""
ROWS = [
    {"id": 1, "sport": "road", "level": None, "sex": "F", "age": 17, "city": "Wrocław", "value": -1.0, "email": None},
    {"id": 2, "sport": "road", "level": None, "sex": None, "age": 18, "city": "Berlin", "value": 0.0, "email": None},
    {"id": 3, "sport": "gravel", "level": None, "sex": "M", "age": 24, "city": "Paris", "value": 99.5, "email": None},
    {"id": 4, "sport": None, "level": None, "sex": "M", "age": 65, "city": None, "value": None, "email": None},
    {"id": 5, "sport": "road", "level": None, "sex": "M", "age": None, "city": "berlin", "value": 1e9, "email": None},
]
EXPECTED = {  # worked out by hand
    "bikes": ["road/F", "road/null", "gravel/M", None, "road/M"],
    "ages": ["<18", "18-24", "18-24", "65+", "null"],
    "values": ["<0", "0..<99.5", ">=99.5", "null", ">=99.5"],
    "cities": ["Wrocław", "Berlin", "other", "null", "other"],
    "big": ["road", "road", "other", "other", "road"],  # gravel and null have 1 row each: below min_size 2
}


def test_partition_labels_worked_out_by_hand():
    program = segdsl.loads(PARTITIONS, as_of=AS_OF)
    assert program.labels == list(EXPECTED)
    out = program.evaluate(ROWS)
    for name, labels in EXPECTED.items():
        assert [row[name] for row in out] == labels, name
    assert [{n: r[n] for n in EXPECTED} for r in reference.label_rows(program.checked(), ROWS)] == [
        {n: EXPECTED[n][i] for n in EXPECTED} for i in range(len(ROWS))]
    assert program.checked().labels["ages"].axes == (("<18", "18-24", "25-64", "65+", "null"),)


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
def test_partition_labels_in_sql(request, engine):
    start(request, engine)
    program = segdsl.loads(PARTITIONS, as_of=AS_OF)
    frame = pl.DataFrame(ROWS, schema={"id": pl.Int64, "sport": pl.String, "level": pl.String, "sex": pl.String,
                                       "age": pl.Int64, "city": pl.String, "value": pl.Float64, "email": pl.String})
    answer = run(program, frame, engine=engine)
    labels = {name: [row[answer.columns.index(name)] for row in answer.rows] for name in EXPECTED}
    assert labels == EXPECTED


def test_per_record_labels_and_min_size_refused():
    program = segdsl.loads(PARTITIONS.replace("partition big by sport min_size 2\n", ""), as_of=AS_OF)
    assert program.labels_of(ROWS[1]) == {"bikes": "road/null", "ages": "18-24", "values": "0..<99.5", "cities": "Berlin"}
    with pytest.raises(SegdslError, match="E503"):
        segdsl.loads(PARTITIONS, as_of=AS_OF).labels_of(ROWS[0])


@pytest.mark.parametrize("dimension, code", [
    ("city", "E321"), ("age", "E321"), ("age bands [30, 18]", "E321"), ("age bands [age]", "E321"),
    ('city in ["a", "a"]', "E321"), ('sport in ["road", "bmx"]', "E302"), ("email bands [1]", "E321"),
])
def test_partition_mistakes(dimension, code):
    assert [c for c, _ in codes(f"partition p by {dimension}")] == [code]


# -- rulesets --------------------------------------------------------------------------------------

def test_ruleset_first_match_wins_and_unknown_falls_through():
    program = segdsl.loads(ENTITY + """ruleset lifecycle exclusive {
  vip: value >= 5000
  young: age < 30
  else: regular
}
ruleset road_only of cyclists exclusive { pro: level == "pro" }
segment cyclists: sport == "road"
""", as_of=AS_OF)
    rows = [dict(ROWS[0], value=9000.0), dict(ROWS[0], value=None, age=20), dict(ROWS[0], value=None, age=None),
            dict(ROWS[3], level="pro")]
    assert [r["lifecycle"] for r in program.evaluate(rows)] == ["vip", "young", "regular", "regular"]
    assert [r["road_only"] for r in program.evaluate(rows)] == [None, None, None, None]
    assert program.segments_of(rows[1]) == ["lifecycle.young", "cyclists"]
    assert program.labels_of(rows[0]) == {"lifecycle": "vip", "road_only": None}


# -- holdouts and splits ---------------------------------------------------------------------------

def test_the_bucket_is_the_documented_hash():
    # md5("2026-q4:42") = 1d2c5b6a...: the first 8 hex digits, read as a number, modulo 10000
    digest = hashlib.md5(b"2026-q4:42").hexdigest()
    assert reference.bucket("2026-q4", 42) == int(digest[:8], 16) % 10_000
    assert reference.bucket("s", "Łódź") == int(hashlib.md5("s:Łódź".encode()).hexdigest()[:8], 16) % 10_000
    assert reference.bucket("s", -7) == int(hashlib.md5(b"s:-7").hexdigest()[:8], 16) % 10_000


@pytest.mark.parametrize("key_type", ["int", "string"])
def test_holdout_share_is_within_sampling_error(key_type):
    n, share = 100_000, 0.10
    program = segdsl.loads(f"entity c {{ key id: {key_type}  x: int }}\nsegment s: x >= 0 holdout 10% salt \"q\"",
                           as_of=AS_OF)
    rng = random.Random(7)
    keys = rng.sample(range(10**12), n) if key_type == "int" else [f"cust-{rng.getrandbits(64):x}" for _ in range(n)]
    frame = pl.DataFrame({"id": keys, "x": [1] * n})
    counts = program.count(frame)
    held = counts["s.holdout"] / n
    sigma = math.sqrt(share * (1 - share) / n)
    assert abs(held - share) < 4 * sigma, (held, sigma)
    assert counts["s"] + counts["s.holdout"] == n
    sample = frame.head(500).to_dicts()  # the same customers held out per record
    assert [program.matches("s.holdout", r) for r in sample] == [reference.bucket("q", r["id"]) < 1000 for r in sample]


def test_split_arms_share_the_members_out():
    program = segdsl.loads('entity c { key id: int }\nsegment s: true split 20/30/50 salt "ab"', as_of=AS_OF)
    counts = program.count(pl.DataFrame({"id": range(60_000)}))
    n = 60_000
    for arm, share in (("s.a", 0.2), ("s.b", 0.3), ("s.c", 0.5)):
        assert abs(counts[arm] / n - share) < 4 * math.sqrt(share * (1 - share) / n), arm
    assert counts["s.a"] + counts["s.b"] + counts["s.c"] == n


@pytest.mark.parametrize("text, code", [
    ("segment s: true holdout 0%", "E320"), ("segment s: true holdout 100%", "E320"),
    ("segment s: true holdout 10.001%", "E320"), ("segment s: true split 50/40", "E320"),
    ("segment s: true holdout 10% split 50/50", "E107"),
])
def test_sample_mistakes(text, code):
    assert [c for c, _ in codes(text)] == [code]


def test_holdout_needs_an_entity_key():
    with pytest.raises(SegdslError, match="E320"):
        segdsl.loads("segment s: x > 1 holdout 10%", as_of=AS_OF)


def test_holdout_on_a_text_key_is_refused_where_text_is_not_hashed_as_utf8():
    program = segdsl.loads('entity c { key id: string }\nsegment s: true holdout 10% salt "q"', as_of=AS_OF)
    for dialect in ("tsql", "oracle"):
        with pytest.raises(SegdslError, match="E401"):
            program.to_sql("s", dialect=dialect)
    assert "STANDARD_HASH" in segdsl.loads('entity c { key id: int }\nsegment s: true holdout 10% salt "q"',
                                           as_of=AS_OF).to_sql("s", dialect="oracle")


def test_bikes_per_record_matches_the_reference():
    """The per-record backend on the bikes example (hierarchy, partitions, ruleset, holdout, split)."""
    from segdsl.data import read_data

    program = segdsl.load("examples/bikes.seg", as_of=AS_OF)
    rows = read_data("examples/data/bikes.csv", program.schema).to_dicts()
    for row, expected in zip(rows, reference.label_rows(program.checked(), rows)):
        assert program.segments_of(row) == [n for n in program.segments if expected[n]]
        assert program.labels_of(row) == {n: expected[n] for n in program.labels}


@pytest.mark.parametrize("text, expected", [
    # text ordered: the values tried include the empty text and the text just after each constant
    ('segment s: true disjoint { segment a: city > "c"  segment b: city > "c" and age > 1 }', "E222"),
    ('segment s: city > "c" exhaustive { segment a: city == "c" }', "E223"),
    # the stand-in for "another value" is none of the constants, whatever they are
    ('segment s: city is not null exhaustive { segment a: city == "another value" }', "E223"),
    # a split's arms are not the children a claim is about when children are written
    ("segment s: true split 50/50 exhaustive { segment x: age > 1 }", "E223"),
])
def test_claims_that_are_false_are_never_proved(text, expected):
    assert [c for c, _ in codes(text)] == [expected]


def test_a_rule_on_ordered_text_is_not_called_dead():
    assert codes('ruleset r exclusive { late: city > "m" }') == []


def test_a_broken_parent_keeps_the_other_items():
    found = codes("""segment s: age > > 3 {
  segment a: age > 5
}
segment t: age > 1
""")
    assert [c for c, _ in found] == ["E101"]


@pytest.mark.parametrize("text, code", [
    ("partition p of nowhere by sport", "E202"),
    ("partition p by sport\nsegment z: p.road", "E218"),
    ("ruleset tier exclusive { gold: age > 1 }\nsegment z: tier.gld", "E218"),
    ('segment s: true holdout 10% salt ""', "E320"),
    ("segment z: at least 1.5 of (age > 1, age > 2)", "E106"),
])
def test_more_name_and_value_mistakes(text, code):
    assert [c for c, _ in codes(text)] == [code]


def test_min_size_over_a_quantile_is_refused_in_sql_and_works_in_polars():
    program = segdsl.loads(ENTITY + "partition p by ntile(value, 4) bands [2, 3] min_size 2", as_of=AS_OF)
    with pytest.raises(SegdslError, match="E401"):
        program.to_sql(dialect="duckdb")
    rows = [dict(ROWS[0], id=i, value=float(i)) for i in range(8)]
    assert [r["p"] for r in program.evaluate(rows)] == [r["p"] for r in reference.label_rows(program.checked(), rows)]


def test_report_of_a_partition_named_like_its_count(tmp_path, capsys):
    from segdsl.cli import main

    seg, data = tmp_path / "n.seg", tmp_path / "n.csv"
    seg.write_text("entity c { key id: int  x: int }\npartition n by x bands [1]\n", encoding="utf-8")
    data.write_text("id,x\n1,0\n2,5\n3,7\n", encoding="utf-8")
    assert main(["report", str(seg), "--data", str(data)]) == 0
    assert "  1+" in capsys.readouterr().out
