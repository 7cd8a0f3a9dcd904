"""Suppression comments and L001 unused-noqa."""

from __future__ import annotations

from pathlib import Path

import pytest

import segdsl
from segdsl.lint import lint

ENTITY = 'entity c { key id: int  age: int  sport: enum("road", "mountain") }\n'


def findings(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in lint(segdsl.loads(ENTITY + text, as_of="2026-11-01"), with_checker_warnings=True)]


@pytest.mark.parametrize("comment", ["# segdsl: noqa", "# segdsl: noqa: L201", "# segdsl:noqa:l201",
                                     "# why it is fine  # segdsl: noqa: L201, L102"])
def test_a_line_suppression(comment):
    found = findings(f'segment s: sport != "road"  {comment}')
    assert found in ([], [("L001", 2)])  # L102 listed but not found: reported as unused
    assert ("L201", 2) not in found


def test_a_file_suppression_and_what_it_does_not_cover():
    assert findings('# segdsl: file-noqa: L201\nsegment s: sport != "road"\nsegment t: sport != "mountain"') == []
    assert findings('segment s: sport != "road"  # segdsl: noqa: L102') == [("L201", 2), ("L001", 2)]


def test_a_hash_inside_a_string_is_not_a_comment():
    text = 'entity c { key id: int  note: string }\nsegment s: note != "# segdsl: noqa"\n'
    assert [d.code for d in lint(segdsl.loads(text, as_of="2026-11-01"))] == ["L201"]


@pytest.mark.parametrize("text, message", [
    ("segment s: age > 1  # segdsl: noqa", "suppresses nothing"),
    ("segment s: age > 1  # segdsl: noqa: L999", "unknown code L999"),
    ("# segdsl: file-noqa\nsegment s: age > 1", "names the codes"),
])
def test_unused_suppressions_are_reported(text, message):
    (finding,) = lint(segdsl.loads(ENTITY + text, as_of="2026-11-01"))
    assert finding.code == "L001" and message in finding.message


def test_checker_warnings_can_be_suppressed():
    text = ('entity c { key id: int  email: string }\nsegment m: email is not null exhaustive {  # segdsl: noqa: W201\n'
            '  segment g: email ends_with "@x"\n}')
    assert lint(segdsl.loads(text, as_of="2026-11-01"), with_checker_warnings=True) == []


def test_the_examples_lint_clean():
    examples = Path(__file__).resolve().parent.parent / "examples"
    for path in sorted(examples.glob("*.seg")):
        assert lint(segdsl.load(path, as_of="2026-11-01"), with_checker_warnings=True) == [], path.name
