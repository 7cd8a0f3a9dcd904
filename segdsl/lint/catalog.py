"""docs/rules.md, generated from the registry: every rule with what it finds, why, an example
file and what `segdsl lint --format concise` says about it, and the fix."""

from __future__ import annotations

from .registry import RULES, lint


CHECKER_FINDINGS = [
    "a comparison with `null` (`x == null`, `null` in a list), which is never true: error E315;",
    "a value that is not one of an enum's values (`sport == \"raod\"`): error E302;",
    "a regular expression outside the portable subset, which engines would answer differently: error E310;",
    "two children of a `disjoint` segment that overlap, or members of an `exhaustive` one in no child: "
    "errors E222, E223 (with a customer who shows it);",
    "a rule of a ruleset that can never match, shadowed by the rules above it: warning W202;",
    "a claim the reasoning cannot decide: warning W201.",
]


def render() -> str:
    from ..program import loads
    from . import rules  # noqa: F401 - registers them
    from .config import Settings
    from .fix import fix_program

    lines = ["# Lint rules", "",
             "`segdsl lint PATH...` runs every check of `segdsl check`, then these rules (docs/cli.md).",
             "This page is generated from `segdsl/lint/rules/` (one module per rule) by",
             "`SEGDSL_UPDATE_RULES=1 python -m pytest tests/test_lint_catalog.py`.", "",
             "Rules marked *opt-in* run only when selected (`extend-select`, [cli.md](cli.md#lint));",
             "*fix* marks rules whose findings `segdsl lint --fix` can fix without changing any segment's members.",
             "",
             "| code | name | severity | | finds |", "|------|------|----------|---|-------|"]
    lines += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {r.severity.value} | "
              f"{', '.join(m for m, on in (('opt-in', not r.default), ('fix', r.fixable)) if on)} | {r.summary} |"
              for r in sorted(RULES.values(), key=lambda r: r.code)]
    lines += ["", "`segdsl lint` also reports everything `segdsl check` does ([diagnostics.md](diagnostics.md)), among",
              "which what a reviewer would otherwise ask a lint rule for:", "",
              *(f"- {line}" for line in CHECKER_FINDINGS)]
    for r in sorted(RULES.values(), key=lambda r: r.code):
        program = loads(r.example, name="example.seg", as_of="2026-11-01")
        settings = Settings(extend_select=[] if r.default else [r.code])
        found = [d for d in lint(program, settings=settings) if d.code == r.code]
        output = "\n".join(f"example.seg:{d.span.line}:{d.span.column}: {d.code}{' [*]' if getattr(d, 'fix', None) else ''} {d.message}"
                           for d in found)
        how = (" Opt-in: runs only when selected." if not r.default else "") + (
            " Fixable with `segdsl lint --fix`." if r.fixable else "")
        command = "segdsl lint example.seg --format concise" + ("" if r.default else f" --extend-select {r.code}")
        lines += ["", f"## {r.code} {r.name}", "", f"Severity: {r.severity.value}.{how} Finds {r.summary}.", "",
                  f"Why: {r.why}.", "", "```seg", r.example.rstrip("\n"), "```", "",
                  "```", f"$ {command}", output, "```", "", f"Fix: {r.fix}."]
        if r.fixable:
            fixed = fix_program(program, Settings(select=[r.code])).text
            lines += ["", f"`segdsl lint --fix{'' if r.default else ' --extend-select ' + r.code}` makes it:", "",
                      "```seg", fixed.rstrip("\n"), "```"]
    return "\n".join(lines) + "\n"
