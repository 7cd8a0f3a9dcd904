"""MySQL and MariaDB through PyMySQL: a server given by a URL (`SEGDSL_MYSQL_URL` when none is passed).

The frame goes into a temporary table (gone with the connection), then the compiled query
runs and its rows are fetched. Text columns keep the server's default collation, which
ignores case and trailing spaces: segdsl's mysql lowering compares text as binary.
"""

from __future__ import annotations

import polars as pl
import pymysql

from .server import cannot_connect, parse_server_url, server_url
from .tables import create_table

_TYPES = {pl.Int64: "BIGINT", pl.Float64: "DOUBLE", pl.String: "LONGTEXT", pl.Boolean: "BOOLEAN",
          pl.Date: "DATE", pl.Datetime: "DATETIME(6)"}


def _connect_arguments(url: str) -> dict:
    parts = parse_server_url(url, ("mysql", "mariadb"), "mysql://user:password@host:port/database")
    return {"host": parts.host, "port": parts.port or 3306, "user": parts.user or "root",
            "password": parts.password, "database": parts.path[0] if parts.path else None}


class MySQLEngine:
    dialect = "mysql"

    def __init__(self, url: str | None = None) -> None:
        url = server_url(url, "mysql", "SEGDSL_MYSQL_URL", "mysql://user:password@host:port/database")
        arguments = _connect_arguments(url)
        try:
            self.connection = pymysql.connect(**arguments, charset="utf8mb4", autocommit=True, connect_timeout=10)
        except pymysql.MySQLError as exc:
            raise cannot_connect("MySQL/MariaDB", str(exc.args[-1]), arguments["password"]) from None

    def load(self, table: str, frame: pl.DataFrame, temporary: bool = True) -> None:
        target, create = create_table(table, frame, self.dialect, _TYPES, temporary)
        placeholders = ", ".join(["%s"] * frame.width)
        with self.connection.cursor() as cursor:
            cursor.execute(create)
            # PyMySQL fills %s by Python's % operator: a % in the table name must be doubled.
            cursor.executemany(f"INSERT INTO {target.replace('%', '%%')} VALUES ({placeholders})",
                               list(frame.iter_rows()))

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
            return [d[0] for d in cursor.description], list(rows)

    def close(self) -> None:
        self.connection.close()
