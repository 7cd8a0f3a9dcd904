"""L105 overlapping-rules (opt-in)."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = 'entity c { key id: int  age: int  city: string  value: float  f: bool }\n'


def test_opt_in():
    text = ENTITY + "ruleset tiers exclusive { gold: value >= 1000  silver: value >= 500 }"
    assert "L105" not in codes_of(text)
    assert codes_of(text, ["L105"]) == ["L105"]


def test_message_span_and_the_customer_both_match():
    text = ENTITY + 'ruleset region exclusive {\n  local: city == "Wrocław"\n  young: age < 30\n  else: other\n}'
    (finding,) = findings_of(text, ["L105"])
    assert finding.message == "rule 'young' of ruleset 'region' can match customers the earlier rule 'local' " \
                              "matches: they get 'local'"
    assert (finding.span.line, finding.span.column) == (4, 3)
    assert finding.help.startswith('for example a customer with age 29, city "Wrocław"; ')


@pytest.mark.parametrize("rules", [
    "a: value >= 1000  b: value < 1000",
    "a: value >= 1000  b: value < 1000 or value is null",
    'a: city == "x"  b: city != "x"  c: city is null',
    "a: f  b: not f  c: f is null",
    'a: city contains "x"  b: city contains "y"',  # beyond the reasoning: not compared
])
def test_disjoint_rules_pass(rules):
    assert codes_of(ENTITY + f"ruleset r exclusive {{ {rules}  else: rest }}", ["L105"]) == []


def test_a_rule_the_earlier_ones_take_entirely_is_the_checkers():
    text = ENTITY + "ruleset r exclusive { a: value >= 500  b: value >= 1000 }"
    assert codes_of(text, ["L105"]) == []  # W202 says 'b' can never match
    import segdsl
    assert [d.code for d in segdsl.loads(text, as_of="2026-11-01").diagnostics] == ["W202"]


def test_overlap_outside_the_ruleset_of_segment_does_not_count():
    text = ENTITY + "segment adults: age >= 18\nruleset r of adults exclusive { kids: age < 18 or f  old: age > 60 }"
    assert codes_of(text, ["L105"]) == ["L105"]  # an adult with f and over 60 matches both
    text = ENTITY + "segment adults: age >= 18\nruleset r of adults exclusive { kids: age < 18  old: age > 60 }"
    assert codes_of(text, ["L105"]) == []  # they would overlap for nobody: 'kids' matches no adult (W202)


def test_each_later_rule_once():
    text = ENTITY + "ruleset r exclusive { a: value > 1 and f  b: value < 0  c: value > 3 or value < -1 }"
    (found,) = findings_of(text, ["L105"])  # c overlaps a and b: named once, with the first
    assert found.message == "rule 'c' of ruleset 'r' can match customers the earlier rule 'a' matches: they get 'a'"
