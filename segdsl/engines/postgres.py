"""PostgreSQL through psycopg: a server given by a URL (`SEGDSL_POSTGRES_URL` when none is passed).

The frame goes into a temporary table (gone with the connection) by COPY, then the compiled
query runs and its rows are fetched.
"""

from __future__ import annotations

import os

import polars as pl
import psycopg
from sqlglot import exp

from ..diagnostics import SegdslError, error
from ..sql import identifiers

_TYPES = {pl.Int64: "BIGINT", pl.Float64: "DOUBLE PRECISION", pl.String: "TEXT", pl.Boolean: "BOOLEAN",
          pl.Date: "DATE", pl.Datetime: "TIMESTAMP"}


class PostgresEngine:
    dialect = "postgres"

    def __init__(self, url: str | None = None) -> None:
        url = url or os.environ.get("SEGDSL_POSTGRES_URL")
        if not url:
            raise SegdslError([error("E902", "engine 'postgres' needs a server",
                                     help="set SEGDSL_POSTGRES_URL=postgresql://user@host:port/database")])
        try:
            self.connection = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:  # the message names host and port, never the password
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise SegdslError([error("E903", f"cannot connect to PostgreSQL: {first_line}")]) from None

    def load(self, table: str, frame: pl.DataFrame) -> None:
        target = identifiers.table(table, self.dialect)
        columns = [exp.ColumnDef(this=identifiers.identifier(name, self.dialect),
                                 kind=exp.DataType.build(_TYPES.get(dtype.base_type(), "TEXT"), dialect=self.dialect))
                   for name, dtype in frame.schema.items()]
        create = exp.Create(kind="TABLE", this=exp.Schema(this=target, expressions=columns),
                            properties=exp.Properties(expressions=[exp.TemporaryProperty()]))
        with self.connection.cursor() as cursor:
            cursor.execute(create.sql(dialect=self.dialect))
            with cursor.copy(f"COPY {target.sql(dialect=self.dialect)} FROM STDIN") as copy:
                for row in frame.iter_rows():
                    copy.write_row(row)

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
            return [d.name for d in cursor.description], rows

    def close(self) -> None:
        self.connection.close()
