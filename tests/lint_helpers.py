"""Shared by the lint rule tests: the codes a file's lint findings carry."""

import segdsl
from segdsl.lint import lint


def codes_of(text: str) -> list[str]:
    return [d.code for d in lint(segdsl.loads(text, as_of="2026-11-01"))]
