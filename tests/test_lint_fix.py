"""`segdsl lint --fix`: safe fixes applied in place, round after round, and only when the file
still checks clean afterwards."""

from __future__ import annotations

import pytest

import segdsl
from segdsl import ast
from segdsl.cli import main
from segdsl.diagnostics import Severity
from segdsl.lint.config import Settings
from segdsl.lint.fix import fix_program
from segdsl.lint.registry import RULES, Edit, Finding, Fix, Rule, walk_ast

FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def _constant_first(context):
    """A rule for these tests: `18 <= age` is fixed to `age >= 18` (the same members)."""
    for _name, segment in context.written_segments():
        for node in walk_ast(segment.condition):
            if isinstance(node, ast.Compare) and isinstance(node.left, ast.NumberLit) and isinstance(node.right, ast.Name):
                text = f"{node.right.name} {FLIP[node.op]} {node.left.text}"
                yield Finding("constant first", node.span, fix=Fix(f"write '{text}'", (Edit(node.span.start, node.span.end, text),)))


def _breaking(context):
    """A faulty rule: its fix would leave a syntax error."""
    for name, segment in context.checked.segments.items():
        yield Finding("broken", segment.span, fix=Fix("break it", (Edit(segment.span.start, segment.span.end, "("),)))


@pytest.fixture
def constant_first(monkeypatch):
    monkeypatch.setitem(RULES, "L998", Rule("L998", "constant-first", Severity.WARNING, "s", "w", "e", "f",
                                            _constant_first, fixable=True))


ENTITY = 'entity c { key id: int  age: int  sport: enum("road", "mountain") }\n'


def test_fixes_are_applied_and_what_is_left_is_reported(constant_first):
    program = segdsl.loads(ENTITY + "segment adults: 18 <= age and 65 > age\nsegment road: sport != \"road\"\n")
    result = fix_program(program, Settings(select=["L998", "L201"]))
    assert result.text == ENTITY + "segment adults: age >= 18 and age < 65\nsegment road: sport != \"road\"\n"
    assert [d.code for d in result.applied] == ["L998", "L998"]
    assert [d.code for d in result.remaining] == ["L201"]


def test_a_fix_that_would_break_the_file_is_not_applied(monkeypatch):
    monkeypatch.setitem(RULES, "L997", Rule("L997", "breaking", Severity.WARNING, "s", "w", "e", "f", _breaking,
                                            fixable=True))
    program = segdsl.loads(ENTITY + "segment adults: age >= 18\n")
    result = fix_program(program, Settings(select=["L997"]))
    assert result.text == program.source.text and result.applied == [] and [d.code for d in result.remaining] == ["L997"]


def test_the_command_rewrites_only_files_it_fixed(constant_first, tmp_path, capsys):
    fixable, clean, broken = tmp_path / "fixable.seg", tmp_path / "clean.seg", tmp_path / "broken.seg"
    fixable.write_text(ENTITY + "segment adults: 18 <= age\n", encoding="utf-8")
    clean.write_text(ENTITY + "segment adults: age >= 18\n", encoding="utf-8")
    broken.write_text("segment s: 18 <= age and\n", encoding="utf-8")
    before = clean.stat().st_mtime_ns, broken.read_text(encoding="utf-8")
    code = main(["lint", str(tmp_path), "--isolated", "--select", "L998", "--fix", "--format", "concise"])
    out, err = capsys.readouterr()
    assert code == 1  # the syntax error is left
    assert fixable.read_text(encoding="utf-8") == ENTITY + "segment adults: age >= 18\n"
    assert (clean.stat().st_mtime_ns, broken.read_text(encoding="utf-8")) == before
    assert "L998" not in out and "E105" in out and "fixed 1 finding" in err
    assert not list(tmp_path.glob(".*segdsl-tmp"))


def test_a_file_that_cannot_be_written_is_e901_and_the_others_are_still_fixed(constant_first, tmp_path, capsys,
                                                                             monkeypatch):
    import segdsl.cli as cli

    for name in ("a.seg", "b.seg"):
        (tmp_path / name).write_text(ENTITY + "segment adults: 18 <= age\n", encoding="utf-8")
    write = cli._write_atomically

    def refuse_a(path, text):
        if path.name == "a.seg":
            raise segdsl.SegdslError([cli.error("E901", f"cannot write {path}: Permission denied")])
        write(path, text)

    monkeypatch.setattr(cli, "_write_atomically", refuse_a)
    code = main(["lint", str(tmp_path), "--isolated", "--select", "L998", "--fix", "--format", "concise"])
    out, err = capsys.readouterr()
    assert code == 2 and "E901 cannot write" in out and "Traceback" not in out + err
    assert "a.seg:2:17: L998 [*] constant first" in out  # its findings, as without --fix
    assert (tmp_path / "a.seg").read_text(encoding="utf-8") == ENTITY + "segment adults: 18 <= age\n"
    assert (tmp_path / "b.seg").read_text(encoding="utf-8") == ENTITY + "segment adults: age >= 18\n"
    assert "fixed 1 finding" in err


def test_a_fixed_file_keeps_its_crlf_line_endings(constant_first, tmp_path, capsys):
    path = tmp_path / "a.seg"
    path.write_bytes((ENTITY + "segment adults: 18 <= age\n").replace("\n", "\r\n").encode())
    main(["lint", str(path), "--isolated", "--select", "L998", "--fix"])
    assert path.read_bytes() == (ENTITY + "segment adults: age >= 18\n").replace("\n", "\r\n").encode()


def test_without_fix_the_output_marks_what_is_fixable(constant_first, tmp_path, capsys):
    (tmp_path / "a.seg").write_text(ENTITY + "segment adults: 18 <= age\n", encoding="utf-8")
    main(["lint", str(tmp_path / "a.seg"), "--isolated", "--select", "L998", "--format", "concise"])
    assert ": L998 [*] constant first" in capsys.readouterr().out
    main(["lint", str(tmp_path / "a.seg"), "--isolated", "--select", "L998"])
    out = capsys.readouterr().out
    assert "= fix: write 'age >= 18' (segdsl lint --fix)" in out and "(1 fixable with --fix)" in out
