"""Lark's analysis of the grammar is kept between runs (segdsl/grammar_file.py `grammar_cache_path`)."""

from __future__ import annotations

import os
import stat

import pytest

import segdsl
from segdsl import parser

TEXT = 'entity customers { key id: int  age: int }\nsegment adults: age >= 18\n'


@pytest.fixture
def fresh_parser(monkeypatch):
    """The parser built again under the test's environment, and rebuilt for the next test."""
    def build(cache_dir: str | None) -> None:
        if cache_dir is None:
            monkeypatch.delenv("SEGDSL_CACHE_DIR", raising=False)
        else:
            monkeypatch.setenv("SEGDSL_CACHE_DIR", cache_dir)
        parser._lark.cache_clear()
        parser._tables.cache_clear()
    yield build
    parser._lark.cache_clear()
    parser._tables.cache_clear()


def _members(text: str = TEXT) -> list[str]:
    return segdsl.loads(text).segments


def test_the_first_run_writes_the_cache_and_the_next_reads_it(tmp_path, fresh_parser):
    fresh_parser(str(tmp_path / "cache"))
    assert _members() == ["adults"]
    (written,) = (tmp_path / "cache").iterdir()
    assert written.name.startswith("grammar-") and written.name.endswith(".lark-cache")
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700  # a pickle: only the user may write there
    before = written.stat().st_mtime_ns, written.read_bytes()
    fresh_parser(str(tmp_path / "cache"))
    assert _members() == ["adults"]
    assert (written.stat().st_mtime_ns, written.read_bytes()) == before  # loaded, not built and written again


def test_a_damaged_cache_is_rebuilt(tmp_path, fresh_parser):
    fresh_parser(str(tmp_path))
    _members()
    (written,) = tmp_path.iterdir()
    good = written.read_bytes()
    for damage in (b"", b"garbage\n", good[: len(good) // 2]):
        written.write_bytes(damage)
        fresh_parser(str(tmp_path))
        assert _members() == ["adults"]
        with pytest.raises(segdsl.SegdslError) as err:  # errors still come from Lark's own parser, as before
            segdsl.loads(TEXT + "segment broken: age > and\n")
        assert [d.code for d in err.value.diagnostics] == ["E101"]
        rebuilt = written.read_bytes()  # (a pickle of sets: equal, not byte for byte the same)
        assert rebuilt.split(b"\n")[0] == good.split(b"\n")[0] and len(rebuilt) > len(good) * 0.9
        mtime = written.stat().st_mtime_ns
        fresh_parser(str(tmp_path))
        assert _members() == ["adults"] and written.stat().st_mtime_ns == mtime  # read back, not rebuilt


def test_no_cache_when_told_or_when_the_directory_cannot_be_made(tmp_path, fresh_parser):
    fresh_parser("")
    assert _members() == ["adults"]
    assert parser.grammar_cache_path("x") is False
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    fresh_parser(str(blocker / "cache"))
    assert _members() == ["adults"]
    assert not (blocker / "cache").exists() and os.listdir(tmp_path) == ["a-file"]


def test_the_default_place_is_the_users_cache_directory(tmp_path, fresh_parser, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh_parser(None)
    assert _members() == ["adults"]
    assert [p.name for p in (tmp_path / "segdsl").iterdir()][0].startswith("grammar-")
