"""The per-record API: program.matches / program.segments_of, and its errors.

Membership on many rows is checked against the expected answers of tests/conformance/ and
against the reference interpreter in test_differential.py; these are the API's own cases.
"""

from __future__ import annotations

import datetime as dt

import pytest

import segdsl

FILE = """entity customers { key id: int  sport: enum("road", "mountain")  age: int  value: float
                         newsletter: bool  signup: date  city: string }
segment road: sport == "road"
segment adults: age >= 18
segment road_adults: road and adults
segment not_road: not road
segment valued: value > 100
segment recent: signup >= today() - 30 days
segment w_city: city imatches "^w"
"""
BASE = {"id": 1, "sport": "road", "age": 30, "value": 150.0, "newsletter": True,
        "signup": dt.date(2026, 10, 20), "city": "Wrocław"}


@pytest.fixture(scope="module")
def program():
    return segdsl.loads(FILE, as_of="2026-11-01")


def test_segments_of_in_file_order(program):
    assert program.segments_of(BASE) == ["road", "adults", "road_adults", "valued", "recent", "w_city"]


def test_unknown_is_in_neither_a_segment_nor_its_negation(program):
    record = {**BASE, "sport": None}
    assert not program.matches("road", record) and not program.matches("not_road", record)


def test_nan_is_null(program):
    assert not program.matches("valued", {**BASE, "value": float("nan")})


def test_source_is_inspectable(program):
    assert "# road\ndef _t0(r):" in program.record_source()


def test_missing_field_is_e502(program):
    record = {k: v for k, v in BASE.items() if k != "age"}
    with pytest.raises(segdsl.SegdslError) as info:
        program.matches("adults", record)
    assert [d.code for d in info.value.diagnostics] == ["E502"]
    assert "no field 'age'" in info.value.diagnostics[0].message


def test_wrong_type_names_the_field(program):
    with pytest.raises(segdsl.SegdslError) as info:
        program.segments_of({**BASE, "age": "thirty"})
    assert info.value.diagnostics[0].code == "E502"
    assert "field 'age' of the record is 'thirty', not a whole number" in info.value.diagnostics[0].message


def test_unknown_segment_is_e202(program):
    with pytest.raises(segdsl.SegdslError) as info:
        program.matches("raod", BASE)
    assert [d.code for d in info.value.diagnostics] == ["E202"]
    assert "did you mean 'road'" in (info.value.diagnostics[0].help or "")


def test_numpy_floats_round_like_python_floats():
    np = pytest.importorskip("numpy")
    program = segdsl.loads("entity t { key id: int  x: float }\nsegment r: round(x, 2) == 2.68", as_of="2026-11-01")
    assert program.matches("r", {"id": 1, "x": np.float64(2.675)}) is True


@pytest.mark.parametrize("record,words", [(None, "not a mapping"), ({"id": 1, "x": 10 ** 400}, "does not fit")])
def test_records_that_break_the_check_are_e502(record, words):
    program = segdsl.loads("entity t { key id: int  x: float }\nsegment r: round(x, 1) > 1", as_of="2026-11-01")
    for call in (lambda: program.matches("r", record), lambda: program.segments_of(record)):
        with pytest.raises(segdsl.SegdslError) as info:
            call()
        assert info.value.diagnostics[0].code == "E502" and words in info.value.diagnostics[0].message


def test_nan_in_any_field_is_null_as_pandas_gives_it():
    """`DataFrame.to_dict("records")` gives NaN for a missing text or a missing number in an int column."""
    program = segdsl.loads('entity t { key id: int  s: string  n: int }\nsegment ne: s != "a"\n'
                           "segment missing: s is null and n is null\nsegment small: not (n >= 18)", as_of="2026-11-01")
    record = {"id": 1, "s": float("nan"), "n": float("nan")}
    assert program.segments_of(record) == ["missing"]
    assert [program.matches(n, record) for n in program.segments] == [False, True, False]
