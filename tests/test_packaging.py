"""The wheel ships the one grammar file, byte for byte."""

import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_the_grammar_unchanged(tmp_path):
    builder_mod = pytest.importorskip("hatchling.builders.wheel")
    builder = builder_mod.WheelBuilder(str(ROOT))
    wheels = list(builder.build(directory=str(tmp_path), versions=["standard"]))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as wheel:
        packaged = wheel.read("segdsl/grammar/segdsl.lark")
        names = wheel.namelist()
    assert packaged == (ROOT / "grammar" / "segdsl.lark").read_bytes()
    assert "segdsl/parser.py" in names and "segdsl/sql/dialects.py" in names


def test_there_is_only_one_grammar_in_the_tree():
    grammars = [p for p in ROOT.rglob("*.lark") if ".git" not in p.parts and "dist" not in p.parts]
    assert grammars == [ROOT / "grammar" / "segdsl.lark"]
