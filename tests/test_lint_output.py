"""`segdsl lint --format ...`: a snapshot of every output format on the same files, SARIF checked
against the OASIS SARIF 2.1.0 schema, GitHub's escaping."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from snapshot import SNAPSHOTS, assert_snapshot_file

from segdsl.cli import main
from segdsl.lint.output import FORMATS

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

FILES = {
    "segments/bikes.seg": 'entity customers { key id: int  age: int  sport: enum("road", "mountain") }\n'
                          "segment nobody: age > 50 and age < 30\n"
                          'segment not_road: sport != "road"  # no null test: L201\n'
                          "segment adults: age >= 18  # segdsl: noqa: L201\n",
    "segments/broken.seg": "entity customers { key id: int  age: int }\nsegment s: age >\n",
    "segments/ok.seg": "entity customers { key id: int  age: int }\nsegment adults: age >= 18\n",
}
SELECT = "L001,L101,L102,L201"  # the snapshots stay put when rules are added


@pytest.fixture
def project(tmp_path, monkeypatch):
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # relative paths in the output, as a CI job has them
    return tmp_path


def run(capsys, *args) -> tuple[int, str]:
    code = main(["lint", "segments", "--isolated", "--select", SELECT, *args])
    out, _err = capsys.readouterr()
    return code, out


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_matches_its_snapshot(project, capsys, fmt):
    code, out = run(capsys, "--format", fmt)
    assert code == 1
    if fmt == "sarif":  # the rule list (and so ruleIndex) grows with every rule: the snapshot keeps the results
        results = json.loads(out)["runs"][0]["results"]
        out = json.dumps([{k: v for k, v in r.items() if k != "ruleIndex"} for r in results], indent=2)
    assert_snapshot_file(out, SNAPSHOTS / "lint" / f"{fmt}.txt", what=f"--format {fmt}")


def test_sarif_is_valid_against_the_sarif_schema(project, capsys):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    _code, out = run(capsys, "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(e.message for e in errors)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in results] == ["L101", "L201", "L001", "E105"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    region = next(r for r in results if r["ruleId"] == "L201")["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 19, "endLine": 3, "endColumn": 34}  # end column exclusive
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "segments/bikes.seg", "segments/broken.seg"}


def test_sarif_with_nothing_found_is_valid_too(project, capsys):
    code = main(["lint", "segments/ok.seg", "--isolated", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    assert code == 0 and log["runs"][0]["results"] == []
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)


def test_github_annotations_escape_what_the_workflow_command_syntax_reserves(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("a,b:c.seg").write_text('entity c { key id: int  sport: enum("road", "mountain") }\n'
                                 'segment s: sport != "road"\n', encoding="utf-8")
    main(["lint", "a,b:c.seg", "--isolated", "--format", "github"])
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("::warning file=a%2Cb%3Ac.seg,line=2,col=12,endLine=2,endColumn=26,title=segdsl L201::")
    assert "%0Ahelp: add 'or sport is null'" in line  # the help on a second line of the annotation
