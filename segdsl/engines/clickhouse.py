"""ClickHouse through chdb: the ClickHouse engine embedded in this process.

The frame becomes a Memory table through Arrow (dates as Date32, timestamps as DateTime64(6):
ClickHouse's plain Date and DateTime only cover 1970 to 2149 and 2106), and the answer comes
back as Arrow. Each engine has its own chdb session (a temporary directory, removed on close).
"""

from __future__ import annotations

import polars as pl
from chdb import session as chdb_session
from sqlglot import exp

from ..sql import identifiers
from .tables import arrow_rows


class ClickHouseEngine:
    dialect = "clickhouse"

    def __init__(self) -> None:
        self.session = chdb_session.Session()
        try:  # the default 256 kB limit on a statement's text is short for long literals in many segments
            self.session.query("SET max_query_size = 104857600")
        except Exception:
            self.session.close()
            raise

    def load(self, table: str, frame: pl.DataFrame) -> None:
        segdsl_input = frame.to_arrow()  # noqa: F841 - chdb's Python() table function finds it by name
        create = exp.Create(kind="TABLE", this=identifiers.table(table, self.dialect),
                            properties=exp.Properties(expressions=[exp.EngineProperty(this=exp.var("Memory"))]),
                            expression=exp.select("*").from_(exp.Anonymous(this="Python",
                                                                            expressions=[exp.column("segdsl_input")])))
        self.session.query(create.sql(dialect=self.dialect))

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        return arrow_rows(self.session.query(sql, "ArrowTable"))

    def close(self) -> None:
        self.session.close()
