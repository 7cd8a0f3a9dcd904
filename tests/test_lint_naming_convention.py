"""L301 naming-convention."""

import pytest

from lint_helpers import codes_of, findings_of
from segdsl.lint.rules.naming_convention import snake_case

ENTITY = "entity Customers { key ID: int  Age: int }\n"  # the data's names: not L301's (L304's, opt-in)


@pytest.mark.parametrize("text", [
    "segment HighValue: Age > 1", "segment high__value: Age > 1", "segment _tmp: Age > 1", "segment tmp_: Age > 1",
    "segment s: Age > 1 { segment Child: Age > 2 }", "partition ByAge by Age bands [18]",
    "ruleset Life exclusive { vip: Age > 1 }", "ruleset life exclusive { VIP: Age > 1 }",
    "ruleset life exclusive { vip: Age > 1  else: Regular }",
])
def test_flags(text):
    assert codes_of(ENTITY + text, ["L301"]) == ["L301"]


@pytest.mark.parametrize("text", [
    "segment high_value: Age > 1", "segment top_10: Age > 1", "segment q4_2026: Age > 1",
    "segment s: Age > 1 { segment child_1: Age > 2 }", "ruleset life exclusive { vip: Age > 1  else: regular }",
    "segment a: Age > 1 holdout 10%",
])
def test_passes(text):
    assert codes_of(ENTITY + text, ["L301"]) == []


def test_message_span_and_help():
    (finding,) = findings_of(ENTITY + "segment s: Age > 1 { segment HighValue: Age > 2 }", ["L301"])
    assert finding.message == "segment name 'HighValue' is not snake_case"
    assert (finding.span.line, finding.span.column) == (2, 30)
    assert finding.help == "rename it 'high_value'; the name is also its column or label in the output"
    assert finding.fix is None


@pytest.mark.parametrize("name, better", [("HighValue", "high_value"), ("XMLFeed2", "xml_feed2"),
                                          ("__tmp_", "tmp"), ("a__b", "a_b"), ("_2x", None), ("ok", "ok")])
def test_snake_case(name, better):
    assert snake_case(name) == better
