"""L303 unused-event-table."""

import pytest

from lint_helpers import codes_of, findings_of

ENTITY = ("entity c { key id: int  age: int }\n"
          "events orders of c by id at t { amount: float }\n"
          "events returns of c by id at t { amount: float }\n")


def test_flags_the_table_nothing_reads():
    (finding,) = findings_of(ENTITY + "segment s: count(orders) > 1", ["L303"])
    assert finding.message == "event table 'returns' is never read: no segment, partition or ruleset aggregates it"
    assert (finding.span.line, finding.span.column) == (3, 8)
    assert finding.help == "remove the block, or aggregate it in a condition: count(returns) > 0"


@pytest.mark.parametrize("uses", [
    "segment s: count(orders) > 1 and sum(returns.amount where amount > 1) > 2",
    "segment s: count(orders in last 3 days) > 1 { segment t: max(returns.amount) > 1 }",
    "segment s: count(orders) > 1\nruleset r exclusive { a: last(returns.t) > now() - 3 days }",
    "segment s: count(orders) > 1\npartition p by ntile(sum(returns.amount), 4) bands [2]",
    "segment s: share(orders where amount > 1) > 0.5 and cume_dist(count(returns)) > 0.5",
])
def test_passes_when_every_table_is_read(uses):
    assert codes_of(ENTITY + uses, ["L303"]) == []


def test_no_events():
    assert codes_of("entity c { key id: int }\nsegment s: id > 1", ["L303"]) == []
