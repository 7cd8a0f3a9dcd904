"""MySQL and MariaDB through PyMySQL: a server given by a URL (`SEGDSL_MYSQL_URL` when none is passed).

The frame goes into a temporary table (gone with the connection), then the compiled query
runs and its rows are fetched. Text columns keep the server's default collation, which
ignores case and trailing spaces: segdsl's mysql lowering compares text as binary.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import polars as pl
import pymysql

from ..diagnostics import SegdslError, error
from .server import cannot_connect, server_url
from .tables import create_table

_TYPES = {pl.Int64: "BIGINT", pl.Float64: "DOUBLE", pl.String: "LONGTEXT", pl.Boolean: "BOOLEAN",
          pl.Date: "DATE", pl.Datetime: "DATETIME(6)"}


def _connect_arguments(url: str) -> dict:
    bad_url = SegdslError([error("E902", "a MySQL URL looks like mysql://user:password@host:port/database")])
    try:
        parts = urlsplit(url)
        port = parts.port  # a port that is no number raises here
    except ValueError:
        raise bad_url from None
    if parts.scheme not in ("mysql", "mariadb") or not parts.hostname:
        raise bad_url
    return {"host": parts.hostname, "port": port or 3306, "user": unquote(parts.username or "root"),
            "password": unquote(parts.password or ""), "database": parts.path.lstrip("/") or None}


class MySQLEngine:
    dialect = "mysql"

    def __init__(self, url: str | None = None) -> None:
        url = server_url(url, "mysql", "SEGDSL_MYSQL_URL", "mysql://user:password@host:port/database")
        try:
            self.connection = pymysql.connect(**_connect_arguments(url), charset="utf8mb4", autocommit=True,
                                              connect_timeout=10)
        except pymysql.MySQLError as exc:
            raise cannot_connect("MySQL/MariaDB", str(exc.args[-1])) from None

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
