"""`segdsl fmt`: rewriting in place, --check, --diff, stdin, exit codes 0/1/2, no tracebacks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from segdsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
UGLY = "segment a: x=1 and y<>2\n"
PRETTY = "segment a: x == 1 and y != 2\n"


def run(capsys, *argv):
    code = main(list(argv))  # (in this process: an exception would fail the test by itself)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path, monkeypatch):
    """ugly.seg, pretty.seg, and sub/deeper.seg (ugly) beside a non-segment file, in the current directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ugly.seg").write_text(UGLY, encoding="utf-8")
    (tmp_path / "pretty.seg").write_text(PRETTY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deeper.seg").write_text(UGLY, encoding="utf-8")
    (tmp_path / "sub" / "notes.txt").write_text(UGLY, encoding="utf-8")
    return tmp_path


def test_files_are_rewritten_in_place_only_when_they_change(capsys, files):
    pretty_written = (files / "pretty.seg").stat().st_mtime_ns
    code, out, err = run(capsys, "fmt", "ugly.seg", "pretty.seg")
    assert (code, out, err) == (0, "", "1 file reformatted, 1 file left unchanged\n")
    assert (files / "ugly.seg").read_text(encoding="utf-8") == PRETTY
    assert (files / "pretty.seg").stat().st_mtime_ns == pretty_written
    assert not list(files.glob(".*segdsl-tmp"))


def test_directories_are_searched_for_seg_files(capsys, files):
    code, _, err = run(capsys, "fmt", ".")
    assert (code, err) == (0, "2 files reformatted, 1 file left unchanged\n")
    assert (files / "sub" / "deeper.seg").read_text(encoding="utf-8") == PRETTY
    assert (files / "sub" / "notes.txt").read_text(encoding="utf-8") == UGLY


def test_check_writes_nothing_and_exits_1_when_a_file_would_change(capsys, files):
    code, out, err = run(capsys, "fmt", "--check", "ugly.seg", "sub", "pretty.seg")
    assert (code, out) == (1, "would reformat ugly.seg\nwould reformat sub/deeper.seg\n")
    assert err == "2 files would be reformatted, 1 file would be left unchanged\n"
    assert (files / "ugly.seg").read_text(encoding="utf-8") == UGLY
    assert run(capsys, "fmt", "--check", "pretty.seg")[:2] == (0, "")


def test_diff_prints_a_unified_diff_and_writes_nothing(capsys, files):
    (files / "ugly.seg").write_text("segment a: x=1", encoding="utf-8")  # no newline at the end
    code, out, _ = run(capsys, "fmt", "--diff", "ugly.seg", "pretty.seg")
    assert code == 1
    assert out == ("--- ugly.seg\t(original)\n+++ ugly.seg\t(formatted)\n@@ -1 +1 @@\n"
                   "-segment a: x=1\n\\ No newline at end of file\n+segment a: x == 1\n")
    assert (files / "ugly.seg").read_text(encoding="utf-8") == "segment a: x=1"
    assert run(capsys, "fmt", "--diff", "pretty.seg")[:2] == (0, "")


def test_stdin_is_formatted_to_stdout(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(UGLY))
    assert run(capsys, "fmt", "-") == (0, PRETTY, "")
    monkeypatch.setattr("sys.stdin", io.StringIO(UGLY))
    assert run(capsys, "fmt", "--check", "-") == (1, "would reformat <stdin>\n", "")


def test_stdin_goes_alone(capsys, files):
    code, _, err = run(capsys, "fmt", "-", "ugly.seg")
    assert code == 2 and "'-' (stdin)" in err


def test_a_syntax_error_is_reported_as_check_does_and_the_file_left_alone(capsys, files):
    broken = "segment a: (x\nsegment b: y=2\n"
    (files / "broken.seg").write_text(broken, encoding="utf-8")
    code, out, err = run(capsys, "fmt", "broken.seg", "ugly.seg")
    diagnostic = ("error[E101]: unexpected 'segment'\n --> broken.seg:2:1\n  |\n2 | segment b: y=2\n  | ^^^^^^^\n"
                  "  = help: expected ')'\n")
    assert (code, out) == (1, "")
    assert err == diagnostic + "1 file reformatted, 0 files left unchanged, 1 file failed to format\n"
    assert diagnostic in run(capsys, "check", "broken.seg")[2]
    assert (files / "broken.seg").read_text(encoding="utf-8") == broken
    assert (files / "ugly.seg").read_text(encoding="utf-8") == PRETTY  # the others are still formatted


def test_a_missing_file_is_exit_2(capsys, files):
    code, _, err = run(capsys, "fmt", "missing.seg", "ugly.seg")
    assert code == 2
    assert err.startswith("error[E901]: missing.seg: no such file\n")
    assert (files / "ugly.seg").read_text(encoding="utf-8") == PRETTY


def test_line_length_from_the_option_then_pyproject(capsys, files):
    long = "segment a: aaaa == 1 and bbbb == 2\n"
    broken = "segment a: aaaa == 1\n    and bbbb == 2\n"
    (files / "long.seg").write_text(long, encoding="utf-8")
    assert run(capsys, "fmt", "--check", "long.seg")[0] == 0
    assert run(capsys, "fmt", "--diff", "--line-length", "20", "long.seg")[0] == 1
    (files / "pyproject.toml").write_text("[tool.segdsl]\nline-length = 20\n", encoding="utf-8")
    assert run(capsys, "fmt", "--line-length", "88", "--check", "long.seg")[0] == 0
    assert run(capsys, "fmt", "long.seg")[0] == 0
    assert (files / "long.seg").read_text(encoding="utf-8") == broken


def test_config_and_isolated_as_lint_has_them(capsys, files):
    (files / "long.seg").write_text("segment a: aaaa == 1 and bbbb == 2\n", encoding="utf-8")
    (files / "pyproject.toml").write_text("[tool.segdsl]\nline-length = 20\n", encoding="utf-8")
    (files / "other.toml").write_text("[tool.segdsl]\nline-length = 88\nexclude = [\"sub/*\"]\n", encoding="utf-8")
    assert run(capsys, "fmt", "--check", "long.seg")[0] == 1  # pyproject.toml: 20
    assert run(capsys, "fmt", "--check", "--isolated", "long.seg")[0] == 0  # the default, 88
    code, out, _ = run(capsys, "fmt", "--check", "--config", "other.toml", ".")
    assert code == 1 and out.split() == ["would", "reformat", "ugly.seg"]  # 88, and sub/ excluded
    (files / "bad.toml").write_text("[tool.segdsl]\nline-length = -1\n", encoding="utf-8")
    code, _, err = run(capsys, "fmt", "--check", "--config", "bad.toml", "long.seg")
    assert code == 2 and "E904" in err
    code, _, err = run(capsys, "fmt", "--check", "--config", "missing.toml", "long.seg")
    assert code == 2 and "E904" in err


def test_force_exclude_skips_excluded_files_named_on_the_command_line(capsys, files):
    (files / "pyproject.toml").write_text("[tool.segdsl]\nexclude = [\"sub/*\"]\n", encoding="utf-8")
    assert run(capsys, "fmt", "--check", "sub/deeper.seg")[0] == 1
    code, out, err = run(capsys, "fmt", "--check", "--force-exclude", "sub/deeper.seg", "pretty.seg")
    assert code == 0 and out == "" and "1 file would be left unchanged" in err


def test_a_file_keeps_its_crlf_line_endings(capsys, files):
    (files / "crlf.seg").write_bytes(b"segment a: x=1\r\nsegment b: y # c\r\n")
    assert run(capsys, "fmt", "crlf.seg")[0] == 0
    assert (files / "crlf.seg").read_bytes() == b"segment a: x == 1\r\nsegment b: y  # c\r\n"


def test_a_bad_line_length_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["fmt", "--line-length", "0", "x.seg"])
    assert exited.value.code == 2
    assert "is not a positive whole number" in capsys.readouterr().err


def test_the_examples_are_formatted(capsys):
    code, out, err = run(capsys, "fmt", "--check", str(ROOT / "examples"))
    assert (code, out) == (0, "")
    assert err.startswith("0 files would be reformatted")


def test_a_noqa_suppression_still_suppresses_after_formatting(capsys, files):
    # The null trap (L201) is on the first line of the condition: after formatting, that line
    # still carries the suppression.
    text = ('entity c { key id: int  sport: string  level: string  age: int  city: string }\n'
            'segment s: sport != "road" and age > 18 and level == "pro" and city == "Wrocław" and age < 65  # segdsl: noqa: L201\n'
            '  and age > 20\n')
    (files / "s.seg").write_text(text.replace("  # segdsl: noqa: L201", ""), encoding="utf-8")
    assert run(capsys, "lint", "--strict", "--isolated", "--select", "L201", "s.seg")[0] == 1  # the finding is there
    (files / "s.seg").write_text(text, encoding="utf-8")
    assert run(capsys, "lint", "--strict", "--isolated", "--select", "L201", "s.seg")[0] == 0
    assert run(capsys, "fmt", "s.seg")[0] == 0
    formatted = (files / "s.seg").read_text(encoding="utf-8")
    [line] = [line for line in formatted.splitlines() if line.startswith("segment s:")]
    assert formatted != text and line.endswith("and age < 65  # segdsl: noqa: L201")
    assert run(capsys, "lint", "--strict", "--isolated", "--select", "L201", "s.seg")[0] == 0
