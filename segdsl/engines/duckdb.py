"""DuckDB, embedded."""

from __future__ import annotations

import duckdb
import polars as pl
from sqlglot import exp

from ..sql import identifiers
from .server import cannot_connect


class DuckDBEngine:
    dialect = "duckdb"

    def __init__(self, path: str | None = None) -> None:
        """In memory, or the database file at `path`, opened read-only (segdsl eval --db)."""
        try:
            self.connection = duckdb.connect(path, read_only=True) if path else duckdb.connect(":memory:")
        except duckdb.Error as exc:
            raise cannot_connect("DuckDB", f"{path}: {exc}") from None

    def load(self, table: str, frame: pl.DataFrame) -> None:
        self.connection.register("segdsl_input", frame)
        create = exp.Create(kind="TABLE", this=identifiers.table(table, self.dialect),
                            expression=exp.select("*").from_("segdsl_input"))
        self.connection.execute(create.sql(dialect=self.dialect))
        self.connection.unregister("segdsl_input")

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        cursor = self.connection.execute(sql)
        rows = cursor.fetchall()  # fetch fully before the connection runs anything else
        return [d[0] for d in cursor.description], rows

    def close(self) -> None:
        self.connection.close()
