"""[tool.segdsl] in pyproject.toml: select, extend-select, ignore, per-file-ignores, severity,
exclude; the command line's overrides; E904 for mistakes."""

from __future__ import annotations

import textwrap

import pytest

from segdsl.cli import main
from segdsl.diagnostics import Severity
from segdsl.lint.config import Settings, find_pyproject, load_settings
from segdsl.lint.registry import RULES, Finding, Rule

# L101 (error), L201 (warning) and W001 (a checker warning: no entity block)
TWO = ('entity c { key id: int  age: int  sport: enum("road", "mountain") }\n'
       'segment nobody: age > 50 and age < 30\nsegment not_road: sport != "road"\n')
TRUST = "segment adults: age >= 18\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "segments" / "legacy").mkdir(parents=True)
    (tmp_path / "segments" / "two.seg").write_text(TWO, encoding="utf-8")
    (tmp_path / "segments" / "legacy" / "old.seg").write_text(TWO, encoding="utf-8")
    (tmp_path / "segments" / "trust.seg").write_text(TRUST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def configure(root, body: str) -> None:
    (root / "pyproject.toml").write_text("[project]\nname = \"x\"\n\n[tool.segdsl]\n" + textwrap.dedent(body),
                                         encoding="utf-8")


def findings(capsys, *args) -> tuple[int, list[str]]:
    code = main(["lint", "segments", "--format", "concise", *args])
    out, err = capsys.readouterr()
    return code, [line.split(": ", 1)[0] + " " + line.split(": ", 1)[1].split()[0] for line in out.splitlines()] or [err]


ALL_FOUND = ["segments/legacy/old.seg:2:9 L101", "segments/legacy/old.seg:3:19 L201",
             "segments/trust.seg:1:9 W001", "segments/two.seg:2:9 L101", "segments/two.seg:3:19 L201"]


def test_without_configuration_the_default_rules_run(project, capsys):
    assert findings(capsys) == (1, ALL_FOUND)


def test_select_ignore_and_per_file_ignores(project, capsys):
    configure(project, '''
        select = ["L2"]
        ignore = ["W001"]
        per-file-ignores = { "segments/legacy/*.seg" = ["L201"] }
    ''')
    assert findings(capsys) == (0, ["segments/two.seg:3:19 L201"])


def test_a_pattern_without_a_slash_matches_file_names(project, capsys):
    configure(project, 'per-file-ignores = { "old.seg" = ["L"], "trust.seg" = ["W001"] }\n')
    assert findings(capsys)[1] == ["segments/two.seg:2:9 L101", "segments/two.seg:3:19 L201"]


def test_severity_overrides_turn_a_warning_into_an_error_and_back(project, capsys):
    configure(project, 'severity = { L201 = "error", L101 = "warning" }\nexclude = ["segments/legacy/*"]\n')
    code = main(["lint", "segments", "--format", "json"])
    import json

    got = {(d["file"], d["code"]): d["severity"] for d in json.loads(capsys.readouterr().out)}
    assert got == {("segments/two.seg", "L101"): "warning", ("segments/two.seg", "L201"): "error",
                   ("segments/trust.seg", "W001"): "warning"}
    assert code == 1  # L201 is an error now


def test_exclude_applies_to_named_files_only_with_force_exclude(project, capsys):
    configure(project, 'exclude = ["segments/legacy/*"]\nignore = ["W001"]\n')
    named = ["segments/legacy/old.seg", "segments/two.seg"]
    main(["lint", *named, "--format", "concise"])
    assert "segments/legacy/old.seg:2:9: L101" in capsys.readouterr().out
    main(["lint", *named, "--format", "concise", "--force-exclude"])
    out = capsys.readouterr().out
    assert "legacy" not in out and "segments/two.seg:2:9: L101" in out
    code = main(["lint", "segments/legacy/old.seg", "--force-exclude"])
    assert code == 0 and "0 files linted" in capsys.readouterr().out


def test_the_configuration_is_found_from_a_subdirectory(project, monkeypatch, capsys):
    configure(project, 'ignore = ["L2", "W"]\n')
    monkeypatch.chdir(project / "segments")
    assert find_pyproject() == project / "pyproject.toml"
    code = main(["lint", ".", "--format", "concise"])
    assert code == 1 and "L201" not in capsys.readouterr().out


def test_command_line_overrides(project, capsys):
    configure(project, 'select = ["L101"]\n')
    assert findings(capsys, "--select", "L201", "--ignore", "W001")[1] == [
        "segments/legacy/old.seg:3:19 L201", "segments/two.seg:3:19 L201"]
    assert findings(capsys, "--extend-select", "l201", "--ignore", "W001,L1")[1] == [
        "segments/legacy/old.seg:3:19 L201", "segments/two.seg:3:19 L201"]
    assert findings(capsys, "--isolated") == (1, ALL_FOUND)


def test_an_explicit_config_file_may_hold_the_table_at_its_top(project, capsys):
    (project / "lint.toml").write_text('ignore = ["L101", "W001"]\n', encoding="utf-8")
    assert findings(capsys, "--config", "lint.toml")[1] == [
        "segments/legacy/old.seg:3:19 L201", "segments/two.seg:3:19 L201"]


def test_an_opt_in_rule_runs_only_when_selected(project, capsys, monkeypatch):
    def check(context):
        for name, segment in context.checked.segments.items():
            yield Finding(f"segment '{name}' was looked at", segment.span)

    monkeypatch.setitem(RULES, "L999", Rule("L999", "looked-at", Severity.WARNING, "s", "w", "e", "f", check,
                                            default=False))
    assert "L999" not in Settings().rules_for()
    assert "L999" in Settings(select=["ALL"]).rules_for() and "L999" in Settings(extend_select=["L9"]).rules_for()
    configure(project, 'extend-select = ["L999"]\nignore = ["W001", "L1", "L2"]\n')
    assert findings(capsys)[1] == ["segments/legacy/old.seg:2:9 L999", "segments/legacy/old.seg:3:9 L999",
                                   "segments/trust.seg:1:9 L999", "segments/two.seg:2:9 L999", "segments/two.seg:3:9 L999"]


@pytest.mark.parametrize("body, message, line", [
    ('selct = ["L1"]\n', "[tool.segdsl] has no setting 'selct'", "selct = [\"L1\"]"),
    ('ignore = ["L9x"]\n', "[tool.segdsl] ignore: 'L9X' is not a prefix of a lint rule or warning code", None),
    ('ignore = ["E101"]\n', "[tool.segdsl] ignore: E101 is an error of the checker; errors are always reported",
     'ignore = ["E101"]'),
    ('severity = { L201 = "fatal" }\n', "a level is \"error\" or \"warning\"", 'severity = { L201 = "fatal" }'),
    ('severity = { E105 = "warning" }\n', "E105 is an error of the checker", None),
    ('select = "L1"\n', "select is a list of rule codes", 'select = "L1"'),
    ('line-length = 5\n', "line-length is a whole number of characters from 20 to 400", None),
    ("select = [\n", "is not valid TOML", None),
])
def test_mistakes_are_e904_with_exit_2(project, capsys, body, message, line):
    configure(project, body)
    code = main(["lint", "segments"])
    err = capsys.readouterr().err
    assert code == 2 and "error[E904]" in err and message.replace("L9X", "L9x") in err, err
    if line:
        assert f"| {line}" in err and "^" in err  # the caret under the setting in pyproject.toml
    assert "Traceback" not in err


def test_a_bad_code_on_the_command_line_is_e904(project, capsys):
    assert main(["lint", "segments", "--select", "L1,X12"]) == 2
    assert "error[E904]: --select: 'X12' is not a prefix of a lint rule or warning code" in capsys.readouterr().err


def test_select_on_the_command_line_replaces_the_configured_extend_select(project, capsys):
    configure(project, 'extend-select = ["L302"]\n')
    assert "L302" in " ".join(findings(capsys)[1])
    assert findings(capsys, "--select", "L101")[1] == [
        "segments/legacy/old.seg:2:9 L101", "segments/trust.seg:1:9 W001", "segments/two.seg:2:9 L101"]


@pytest.mark.parametrize("text", ["tool = \"x\"\n", "[tool]\nsegdsl = 1\n", "[tool]\nsegdsl = [\"L1\"]\n"])
def test_a_segdsl_setting_that_is_not_a_table_is_e904(project, capsys, text):
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    assert main(["lint", "segments", "--config", "pyproject.toml"]) == 2
    err = capsys.readouterr().err
    assert "error[E904]" in err and "Traceback" not in err


def test_an_unusable_config_path_is_e904(project, capsys):
    assert main(["lint", "segments", "--config", "missing.toml"]) == 2
    assert "E904" in capsys.readouterr().err
    (project / "empty.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert main(["lint", "segments", "--config", "empty.toml"]) == 2
    assert "has no [tool.segdsl] table" in capsys.readouterr().err


def test_line_length_is_read(project):
    configure(project, "line-length = 100\n")
    assert load_settings().line_length == 100
