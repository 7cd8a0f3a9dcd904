"""Loading a frame into a SQL engine: the table every SQL engine creates for it."""

from __future__ import annotations

import polars as pl
from sqlglot import exp

from ..sql import identifiers


def create_table(table: str, frame: pl.DataFrame, dialect: str, types: dict,
                           temporary: bool = True) -> tuple[str, str]:
    """The quoted table name and the CREATE [TEMPORARY] TABLE statement for the frame's columns."""
    target = identifiers.table(table, dialect)
    columns = [exp.ColumnDef(this=identifiers.identifier(name, dialect),
                             kind=exp.DataType.build(types.get(dtype.base_type(), types[pl.String]), dialect=dialect))
               for name, dtype in frame.schema.items()]
    create = exp.Create(kind="TABLE", this=exp.Schema(this=target, expressions=columns),
                        properties=exp.Properties(expressions=[exp.TemporaryProperty()]) if temporary else None)
    return target.sql(dialect=dialect), create.sql(dialect=dialect)


def arrow_rows(table) -> tuple[list[str], list[tuple]]:
    """Column names and row tuples of a PyArrow table (Spark and chdb answer in Arrow)."""
    return table.column_names, list(zip(*(column.to_pylist() for column in table.columns)))
