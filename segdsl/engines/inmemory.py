"""Polars as an engine for `segdsl eval --engine polars`: the vectorized backend, no SQL.

It answers in the same shape as the SQL engines (columns and rows), so `segdsl eval` prints
the same output whichever engine runs, and a user can diff the answers.
"""

from __future__ import annotations

import polars as pl


class PolarsEngine:
    dialect = None  # not a SQL engine

    def evaluate(self, program, frame: pl.DataFrame, segment: str | None, as_of, counts: bool,
                 events: dict[str, pl.DataFrame]):
        # The frames are fitted to the schema already (engines.run's contract): not fitted again.
        checked = program.checked(as_of)
        key = checked.schema.key or frame.columns[0]
        if counts and segment is not None:  # one segment: count its members only
            return [segment], [(program._evaluate_fitted(frame, checked, key, segment, events).height,)]
        if counts:
            tally = program._count_fitted(frame, checked, key, events)
            return list(tally), [tuple(tally.values())]
        answer = program._evaluate_fitted(frame, checked, key, segment, events)
        return answer.columns, answer.rows()
