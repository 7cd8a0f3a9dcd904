"""`segdsl lint`: files and directories, formats, exit codes."""

from __future__ import annotations

import json

from segdsl.cli import main

BAD = 'entity c { key id: int  age: int  sport: enum("road", "mountain") }\nsegment nobody: age > 50 and age < 30\nsegment not_road: sport != "road"\n'
WARN = 'entity c { key id: int  sport: enum("road", "mountain") }\nsegment not_road: sport != "road"\n'
BROKEN = "segment s: age >\n"


def lint(capsys, *args):
    code = main(["lint", *args])
    out, err = capsys.readouterr()
    return code, out + err


def test_exit_codes_and_concise_format(tmp_path, capsys):
    (tmp_path / "bad.seg").write_text(BAD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "warn.seg").write_text(WARN, encoding="utf-8")
    code, out = lint(capsys, str(tmp_path), "--format", "concise")
    assert code == 1
    assert out.splitlines() == [
        f"{tmp_path / 'bad.seg'}:2:9: L101 segment 'nobody' can never have members: its condition is never true",
        f"{tmp_path / 'bad.seg'}:3:19: L201 a customer whose 'sport' is null is not a member: this test is unknown "
        "for them, not true",
        f"{tmp_path / 'sub' / 'warn.seg'}:2:19: L201 a customer whose 'sport' is null is not a member: this test is "
        "unknown for them, not true"]
    assert lint(capsys, str(tmp_path / "sub"))[0] == 0  # warnings only
    assert lint(capsys, str(tmp_path / "sub"), "--strict")[0] == 1
    assert lint(capsys, str(tmp_path), "--exit-zero")[0] == 0
    assert lint(capsys, str(tmp_path / "missing.seg"))[0] == 2


def test_check_errors_come_first_and_json(tmp_path, capsys):
    (tmp_path / "broken.seg").write_text(BROKEN, encoding="utf-8")
    code, out = lint(capsys, str(tmp_path / "broken.seg"), "--format", "json")
    assert code == 1
    assert [d["code"] for d in json.loads(out)] == ["W001", "E105"]  # as segdsl check reports them


def test_human_format_has_the_caret(tmp_path, capsys):
    (tmp_path / "warn.seg").write_text(WARN, encoding="utf-8")
    code, out = lint(capsys, str(tmp_path / "warn.seg"))
    assert code == 0
    assert "warning[L201]" in out and "^^^^^^^^^^^^^^^" in out and out.rstrip().endswith("1 file linted: 0 errors, 1 warning")
