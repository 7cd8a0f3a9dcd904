"""docs/rules.md is generated from the rule registry; every rule flags its own example."""

from __future__ import annotations

import os
from pathlib import Path

from segdsl.lint import RULES
from segdsl.lint.catalog import render

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_index_is_current():
    text = render()
    if os.environ.get("SEGDSL_UPDATE_RULES"):
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, "regenerate with SEGDSL_UPDATE_RULES=1"


def test_every_rule_is_documented_and_flags_its_example():
    text = render()
    for code, rule in RULES.items():
        assert code[0] == "L" and code[1:].isdigit() and rule.name == rule.name.lower() and " " not in rule.name
        section = text.split(f"## {code} {rule.name}")[1].split("\n## ")[0]
        assert f": {code} " in section, f"{code} does not flag its own example"
        if rule.fixable:  # the page shows the example after --fix, and the fix changed it
            assert "makes it:" in section and section.split("makes it:")[1].count(rule.example.strip()) == 0, code
