"""PostgreSQL through psycopg: a server given by a URL (`SEGDSL_POSTGRES_URL` when none is passed).

The frame goes into a temporary table (gone with the connection) by COPY, then the compiled
query runs and its rows are fetched.
"""

from __future__ import annotations

import polars as pl
import psycopg

from .server import cannot_connect, parse_server_url, server_url
from .tables import create_table

_TYPES = {pl.Int64: "BIGINT", pl.Float64: "DOUBLE PRECISION", pl.String: "TEXT", pl.Boolean: "BOOLEAN",
          pl.Date: "DATE", pl.Datetime: "TIMESTAMP"}


class PostgresEngine:
    dialect = "postgres"

    def __init__(self, url: str | None = None) -> None:
        url = server_url(url, "postgres", "SEGDSL_POSTGRES_URL", "postgresql://user@host:port/database")
        # Parsed here, not by libpq, whose errors quote the whole URL, password and all.
        parts = parse_server_url(url, ("postgresql", "postgres"), "postgresql://user:password@host:port/database",
                                 frozenset({"sslmode", "application_name", "options"}))
        arguments = {"host": parts.host, "port": parts.port or 5432, "user": parts.user or None,
                     "password": parts.password or None, "dbname": parts.path[0] if parts.path else None,
                     **parts.options}
        try:
            self.connection = psycopg.connect(autocommit=True, connect_timeout=10,
                                              **{k: v for k, v in arguments.items() if v is not None})
        except psycopg.Error as exc:
            raise cannot_connect("PostgreSQL", str(exc), parts.password) from None

    def load(self, table: str, frame: pl.DataFrame, temporary: bool = True) -> None:
        target, create = create_table(table, frame, self.dialect, _TYPES, temporary)
        with self.connection.cursor() as cursor:
            cursor.execute(create)
            with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                for row in frame.iter_rows():
                    copy.write_row(row)

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
            return [d.name for d in cursor.description], rows

    def close(self) -> None:
        self.connection.close()
