"""L302 missing-description (opt-in)."""

from lint_helpers import codes_of, findings_of

ENTITY = "entity c { key id: int  age: int }\n"


def test_opt_in():
    assert codes_of(ENTITY + "segment adults: age >= 18") == []


def test_flags_a_top_level_segment_only():
    text = ENTITY + "segment adults: age >= 18 {\n  segment seniors: age >= 65\n}"
    (finding,) = findings_of(text, ["L302"])
    assert finding.message == "segment 'adults' has no description"
    assert (finding.span.line, finding.span.column) == (2, 9)


def test_passes_with_a_description():
    assert codes_of(ENTITY + 'segment adults: age >= 18 description "Of age"', ["L302"]) == []


def test_rulesets_and_partitions_are_not_segments():
    assert codes_of(ENTITY + "ruleset r exclusive { a: age > 1 }\npartition p by age bands [18]", ["L302"]) == []
