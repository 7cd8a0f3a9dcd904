"""Lint: findings about segment files that `segdsl check` accepts but a reviewer would question.

Each rule is one small module in segdsl/lint/rules/ that registers itself with `registry.rule`;
`lint(program)` runs every rule on a checked program and gives diagnostics like the checker's
(code, severity, message, span, help). docs/rules.md is generated from the registry.
"""

from .registry import RULES, Rule, lint

__all__ = ["RULES", "Rule", "lint"]
