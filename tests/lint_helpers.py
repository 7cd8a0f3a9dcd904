"""Shared by the lint rule tests: the codes a file's lint findings carry, and a file after --fix."""

import segdsl
from segdsl.lint import lint
from segdsl.lint.config import Settings


def codes_of(text: str, select: list[str] | None = None) -> list[str]:
    """The codes of the findings on `text`, with the default rules or those `select` names."""
    return [d.code for d in findings_of(text, select)]


def findings_of(text: str, select: list[str] | None = None):
    return lint(segdsl.loads(text, as_of="2026-11-01"), settings=Settings(select=select))


def fixed(text: str, select: list[str] | None = None) -> str:
    """`text` after `segdsl lint --fix` with the default rules or those `select` names."""
    from segdsl.lint.fix import fix_program

    return fix_program(segdsl.loads(text, as_of="2026-11-01"), settings=Settings(select=select)).text
