"""L303 unused-event-table: an `events` block that no segment, partition or ruleset reads."""

from __future__ import annotations

from ... import ast
from ...eventcheck import AGGREGATES
from ..registry import Finding, rule
from ..ast_tools import scoped_nodes


@rule("L303", "unused-event-table", "warning",
      summary="an 'events' block that no segment, partition or ruleset reads",
      why="the table is declared for nothing: a reader looks for where it is used, and evaluating the file "
          "still asks for its data ('segdsl eval --data orders=...'); usually a segment that used it was "
          "removed or renamed",
      example='''
entity customers { key id: int  age: int }
events returns of customers by id at returned_at { amount: float }
segment adults: age >= 18
''',
      fix="remove the block, or write the segment that reads it: 'count(returns in last 90 days) > 0'")
def check(context):
    tables = context.checked.schema.events
    if not tables:
        return
    read = set()
    for scoped in scoped_nodes(context, ast.Call):  # an aggregate names its table: count(orders), sum(orders.amount)
        call = scoped.node
        if call.name in AGGREGATES and len(call.args) == 1:
            source = call.args[0].source if isinstance(call.args[0], ast.EventsArg) else call.args[0]
            read.add(source.name if isinstance(source, ast.Name) else getattr(source, "table", None))
    for block in context.program.ast.events:
        if block.name not in read and block.name in tables:
            yield Finding(f"event table '{block.name}' is never read: no segment, partition or ruleset aggregates it",
                          block.name_span,
                          help=f"remove the block, or aggregate it in a condition: count({block.name}) > 0")
