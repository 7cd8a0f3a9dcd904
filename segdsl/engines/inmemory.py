"""Polars as an engine for `segdsl eval --engine polars`: the vectorized backend, no SQL.

It answers in the same shape as the SQL engines (columns and rows), so `segdsl eval` prints
the same output whichever engine runs, and a user can diff the answers.
"""

from __future__ import annotations

import polars as pl


class PolarsEngine:
    dialect = None  # not a SQL engine

    def evaluate(self, program, frame: pl.DataFrame, segment: str | None, as_of, counts: bool):
        if counts and segment is not None:  # one segment: count its members only
            return [segment], [(program.evaluate(frame, segment, as_of=as_of).height,)]
        if counts:
            tally = program.count(frame, as_of=as_of)
            return list(tally), [tuple(tally.values())]
        answer = program.evaluate(frame, segment, as_of=as_of)
        return answer.columns, answer.rows()
