"""What the engines on database servers share: where the URL comes from, and failing to connect."""

from __future__ import annotations

import os

import polars as pl
from sqlglot import exp

from ..diagnostics import SegdslError, error, first_line
from ..sql import identifiers


def server_url(url: str | None, engine: str, variable: str, example: str) -> str:
    """The URL given, else the one in the environment variable; E902 when there is none."""
    url = url or os.environ.get(variable)
    if not url:
        raise SegdslError([error("E902", f"engine '{engine}' needs a server", help=f"set {variable}={example}")])
    return url


def cannot_connect(what: str, message: str) -> SegdslError:
    """E903 with the driver's first line, which names host and port, never the password."""
    return SegdslError([error("E903", f"cannot connect to {what}: {first_line(message) or 'no answer'}")])


def create_temporary_table(table: str, frame: pl.DataFrame, dialect: str, types: dict) -> tuple[str, str]:
    """The quoted table name and the CREATE TEMPORARY TABLE statement for the frame's columns."""
    target = identifiers.table(table, dialect)
    columns = [exp.ColumnDef(this=identifiers.identifier(name, dialect),
                             kind=exp.DataType.build(types.get(dtype.base_type(), types[pl.String]), dialect=dialect))
               for name, dtype in frame.schema.items()]
    create = exp.Create(kind="TABLE", this=exp.Schema(this=target, expressions=columns),
                        properties=exp.Properties(expressions=[exp.TemporaryProperty()]))
    return target.sql(dialect=dialect), create.sql(dialect=dialect)
