"""SQLite, embedded, with the functions segdsl's SQLite SQL calls (see segdsl/sql/dialects.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from functools import lru_cache
from urllib.parse import quote

import polars as pl

from ..rounding import decimal_round
from ..textcase import simple_case
from .server import cannot_connect
from .tables import create_table

_SQLITE_TYPES = {pl.Int64: "INTEGER", pl.Float64: "REAL", pl.String: "TEXT", pl.Boolean: "INTEGER",
                 pl.Date: "TEXT", pl.Datetime: "TEXT"}


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _regexp(pattern, value):
    if pattern is None or value is None:
        return None
    return 1 if _compiled(pattern).search(value) else 0


def _md5(text):
    return None if text is None else hashlib.md5(text.encode("utf-8")).hexdigest()


def register_functions(connection: sqlite3.Connection) -> None:
    """Define segdsl_regexp, segdsl_lower, segdsl_upper, segdsl_round and segdsl_md5, which segdsl's SQLite SQL uses."""
    connection.create_function("segdsl_regexp", 2, _regexp, deterministic=True)
    connection.create_function("segdsl_lower", 1, lambda s: simple_case(s, False), deterministic=True)
    connection.create_function("segdsl_upper", 1, lambda s: simple_case(s, True), deterministic=True)
    connection.create_function("segdsl_round", 2, decimal_round, deterministic=True)
    connection.create_function("segdsl_md5", 1, _md5, deterministic=True)


def _to_sqlite(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class SQLiteEngine:
    dialect = "sqlite"

    def __init__(self, path: str | None = None) -> None:
        """In memory, or the database file at `path`, opened read-only (segdsl eval --db)."""
        self.connection = sqlite3.connect(":memory:") if not path else None
        if path:
            try:
                self.connection = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True)
                # Not a database: fail now. UTF-16: segdsl compares text as UTF-8 bytes (dialects.SQLite).
                encoding = self.connection.execute("PRAGMA encoding").fetchone()[0]
            except sqlite3.Error as exc:
                self.close()
                raise cannot_connect("SQLite", f"{path}: {exc}") from None
            if encoding != "UTF-8":
                self.close()
                raise cannot_connect("SQLite", f"{path} is a {encoding} database; segdsl's SQLite SQL needs UTF-8")
        register_functions(self.connection)

    def load(self, table: str, frame: pl.DataFrame, temporary: bool = True) -> None:
        target, create = create_table(table, frame, self.dialect, _SQLITE_TYPES, temporary)
        self.connection.execute(create)
        placeholders = ", ".join("?" * frame.width)
        rows = ([_to_sqlite(v) for v in row] for row in frame.iter_rows())
        self.connection.executemany(f"INSERT INTO {target} VALUES ({placeholders})", rows)
        self.connection.commit()

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        cursor = self.connection.execute(sql)
        rows = cursor.fetchall()
        return [d[0] for d in cursor.description], rows

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
