"""docs/rules.md, generated from the registry: every rule with what it finds, why, an example
file and what `segdsl lint --format concise` says about it, and the fix."""

from __future__ import annotations

from .registry import RULES, lint


def render() -> str:
    from ..program import loads
    from . import rules  # noqa: F401 - registers them

    lines = ["# Lint rules", "",
             "`segdsl lint PATH...` runs every check of `segdsl check`, then these rules (docs/cli.md).",
             "This page is generated from `segdsl/lint/rules/` (one module per rule) by",
             "`SEGDSL_UPDATE_RULES=1 python -m pytest tests/test_lint_catalog.py`.", "",
             "| code | name | severity | finds |", "|------|------|----------|-------|"]
    lines += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {r.severity.value} | {r.summary} |"
              for r in sorted(RULES.values(), key=lambda r: r.code)]
    for r in sorted(RULES.values(), key=lambda r: r.code):
        program = loads(r.example, name="example.seg", as_of="2026-11-01")
        found = [d for d in lint(program) if d.code == r.code]
        output = "\n".join(f"example.seg:{d.span.line}:{d.span.column}: {d.code} {d.message}" for d in found)
        lines += ["", f"## {r.code} {r.name}", "", f"Severity: {r.severity.value}. Finds {r.summary}.", "",
                  f"Why: {r.why}.", "", "```seg", r.example.rstrip("\n"), "```", "",
                  "```", "$ segdsl lint example.seg --format concise", output, "```", "", f"Fix: {r.fix}."]
    return "\n".join(lines) + "\n"
