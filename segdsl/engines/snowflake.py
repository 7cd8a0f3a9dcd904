"""Snowflake through snowflake-connector-python: an account given by a URL (`SEGDSL_SNOWFLAKE_URL`).

The URL is `snowflake://user:password@account/database/schema?warehouse=W&role=R`; `host`,
`port` and `protocol` in the query string point the connector at another endpoint (the tests
use fakesnow, a Snowflake emulator on DuckDB, that way); `network_timeout` (seconds, default
60) bounds the connector's retries of a failing request. The frame goes into a temporary
table (gone with the session), then the compiled query runs and its rows are fetched.
"""

from __future__ import annotations

import polars as pl
import snowflake.connector

from ..diagnostics import SegdslError, error
from .server import cannot_connect, is_number, parse_server_url, server_url
from .tables import create_table

_TYPES = {pl.Int64: "BIGINT", pl.Float64: "DOUBLE", pl.String: "TEXT", pl.Boolean: "BOOLEAN",
          pl.Date: "DATE", pl.Datetime: "TIMESTAMP_NTZ"}
_OPTIONS = frozenset({"warehouse", "role", "host", "port", "protocol", "network_timeout"})
_NUMBERS = {"port", "network_timeout"}
_EXAMPLE = "snowflake://user:password@account/database/schema?warehouse=W"


def connect_arguments(url: str) -> dict:
    """snowflake.connector.connect's arguments from the URL; E902 when it is not one."""
    parts = parse_server_url(url, ("snowflake",), _EXAMPLE, _OPTIONS, path_parts=2)
    if parts.port is not None or not all(is_number(parts.options[n]) for n in _NUMBERS & set(parts.options)):
        raise SegdslError([error("E902", f"this is not a snowflake URL: they look like {_EXAMPLE} "
                                         "(a port goes in ?port=)")])
    numbers = {n: int(parts.options[n]) for n in _NUMBERS & set(parts.options)}
    return {"network_timeout": 60, "account": parts.host, "user": parts.user, "password": parts.password,
            **dict(zip(("database", "schema"), parts.path)), **parts.options, **numbers}


class SnowflakeEngine:
    dialect = "snowflake"

    def __init__(self, url: str | None = None) -> None:
        arguments = connect_arguments(server_url(url, "snowflake", "SEGDSL_SNOWFLAKE_URL", _EXAMPLE))
        try:
            # qmark: values are bound on the server (array binding), never spliced into the SQL text.
            self.connection = snowflake.connector.connect(**arguments, login_timeout=20, paramstyle="qmark")
        except Exception as exc:  # noqa: BLE001 - the connector raises several kinds; report one line
            raise cannot_connect("Snowflake", str(exc), arguments["password"]) from None

    def load(self, table: str, frame: pl.DataFrame, temporary: bool = True) -> None:
        target, create = create_table(table, frame, self.dialect, _TYPES, temporary)
        placeholders = ", ".join(["?"] * frame.width)
        with self.connection.cursor() as cursor:
            cursor.execute(create)
            if frame.height:
                # Dates and timestamps bound as ISO text, which Snowflake casts on insert (bound as
                # dates, the connector sends epoch milliseconds that fakesnow cannot read).
                text = frame.with_columns(pl.col(pl.Date).dt.to_string("%Y-%m-%d"),
                                          pl.col(pl.Datetime).dt.to_string("%Y-%m-%d %H:%M:%S%.6f"))
                cursor.executemany(f"INSERT INTO {target} VALUES ({placeholders})", list(text.iter_rows()))

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
            return [d[0] for d in cursor.description], [tuple(r) for r in rows]

    def close(self) -> None:
        self.connection.close()
