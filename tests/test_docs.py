"""docs/diagnostics.md: every code segdsl reports has its section, and every `segdsl check`
example in it prints exactly what the docs show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from segdsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
DIAGNOSTICS = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
_SECTION = re.compile(r"^### (E\d{3})\n(.*?)(?=^##)", re.S | re.M)
_EXAMPLE = re.compile(r"```seg\n(.*?)```\n+```\n\$ segdsl check (E\d{3})\.seg\n(.*?)```", re.S)
SECTIONS = dict(_SECTION.findall(DIAGNOSTICS + "\n##"))


def test_every_code_reported_has_a_section():
    used = set()
    for path in (ROOT / "segdsl").rglob("*.py"):
        used |= set(re.findall(r"\"(E\d{3})\"", path.read_text(encoding="utf-8")))
    assert used - set(SECTIONS) == set()


EXAMPLES = [(code, source, output) for body in SECTIONS.values() for source, code, output in _EXAMPLE.findall(body)]


def test_the_checker_examples_are_found():
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize("code,source,output", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_checker_example_prints_what_the_docs_show(tmp_path, monkeypatch, capsys, code, source, output):
    (tmp_path / f"{code}.seg").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", f"{code}.seg"]) == 1
    printed = capsys.readouterr()
    assert printed.out + printed.err == output
