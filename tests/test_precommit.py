"""The pre-commit hooks (.pre-commit-hooks.yaml) and the CI examples of docs/ci.md: valid for
pre-commit, naming real segdsl command lines, and working end to end through `pre-commit try-repo`."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

from segdsl.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
CI_DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", CI_DOC, re.S)


def test_the_manifest_is_valid_and_names_the_two_hooks():
    hooks = {h["id"]: h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"segdsl-fmt", "segdsl-lint"}
    for hook in hooks.values():
        build_parser().parse_args([*shlex.split(hook["entry"])[1:], "x.seg"])  # a real command line
        assert re.search(hook["files"], "segments/bikes.seg") and not re.search(hook["files"], "bikes.seg.bak")


def test_the_pre_commit_configs_in_the_docs_are_valid(tmp_path):
    configs = [b for b in YAML_BLOCKS if b.startswith("repos:")]
    assert len(configs) == 2
    for i, block in enumerate(configs):
        path = tmp_path / f"config{i}.yaml"
        path.write_text(block, encoding="utf-8")
        load_config(str(path))


def test_the_github_workflow_runs_real_segdsl_command_lines():
    (workflow,) = [yaml.safe_load(b) for b in YAML_BLOCKS if b.startswith("name:")]
    runs = [step["run"] for step in workflow["jobs"]["segdsl"]["steps"] if "run" in step]
    commands = [shlex.split(r.split(">")[0], comments=True) for r in runs if r.startswith("segdsl ")]
    assert len(commands) == 3
    for argv in commands:
        build_parser().parse_args(argv[1:])


@pytest.fixture
def git_project(tmp_path):
    if shutil.which("git") is None:  # pragma: no cover - git is on every machine the tests run on
        pytest.skip("git is not installed")
    project = tmp_path / "project"
    project.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    return project


def test_the_hooks_run_through_pre_commit(git_project, tmp_path):
    """pre-commit installs segdsl from this repository into its own environment (from PyPI, ~25 s)
    and runs both hooks on the staged files."""
    (git_project / "bad.seg").write_text("entity c { key id: int  age: int }\n"
                                         "segment   nobody :  age>50 and age<30\n", encoding="utf-8")
    (git_project / "notes.txt").write_text("not a segment file\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=git_project, check=True)
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"],
                          cwd=git_project, env=env, capture_output=True, text=True, timeout=600)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert re.search(r"segdsl fmt\.+Failed", out) and "files were modified by this hook" in out, out
    assert re.search(r"segdsl lint\.+Failed", out) and "error[L101]" in out, out
    assert "segment nobody: age > 50 and age < 30" in (git_project / "bad.seg").read_text(encoding="utf-8").splitlines()
