"""Engines that evaluate segments on data: the seam behind `segdsl eval --engine`.

Polars, DuckDB, SQLite, Spark (local) and ClickHouse (chdb) run in this process; PostgreSQL,
MySQL/MariaDB and Snowflake on a server given by a URL. `run_on_database` runs the compiled SQL on
a live database's own tables instead (`segdsl eval --db`). A SQL engine loads a schema-fitted
Polars frame as a table and runs a compiled query, returning every row (fetched fully before
anything else runs on the connection). Polars (`dialect = None`) evaluates the segments on the
frame itself instead.
Adding an engine: a module with a class like `DuckDBEngine`, and a line in ENGINES.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from ..diagnostics import SegdslError, error
from ..program import Program, engine_failure

ENGINES = {"polars": "segdsl.engines.inmemory:PolarsEngine", "duckdb": "segdsl.engines.duckdb:DuckDBEngine",
           "sqlite": "segdsl.engines.sqlite:SQLiteEngine", "postgres": "segdsl.engines.postgres:PostgresEngine",
           "mysql": "segdsl.engines.mysql:MySQLEngine", "spark": "segdsl.engines.spark:SparkEngine",
           "clickhouse": "segdsl.engines.clickhouse:ClickHouseEngine",
           "snowflake": "segdsl.engines.snowflake:SnowflakeEngine"}


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple]


def engine_class(name: str) -> type:
    """The engine's class, imported but not started: its `dialect` is known without a connection."""
    if name not in ENGINES:
        raise SegdslError([error("E902", f"unknown engine '{name}'", help="engines: " + ", ".join(ENGINES))])
    module_name, class_name = ENGINES[name].split(":")
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:  # the engine's driver is an optional extra
        raise SegdslError([error("E902", f"engine '{name}' is not installed ({exc.name} is missing)",
                                 help=f"pip install 'segdsl[{name}]'")]) from None
    return getattr(module, class_name)


def run(program: Program, frame: pl.DataFrame, *, engine: str = "duckdb", segment: str | None = None,
        as_of: dt.date | dt.datetime | str | None = None, counts: bool = False, table: str | None = None,
        events: dict[str, pl.DataFrame] | None = None) -> Result:
    """Compile for the engine's dialect, load `frame` and run the members, flags or counts query.

    `frame` is fitted to the program's schema already (`segdsl.data.read_data`, `fit_to_schema`), and
    so is each frame of `events` (event table name -> frame, `segdsl.data.fit_events`); each is loaded
    as a table of that name.

    Polars is the exception: it evaluates the segments on the frame itself (segdsl/vectorized.py).
    """
    engine_type = engine_class(engine)
    if counts and not program.segments:  # nothing to count: no query (SQL has no empty SELECT)
        return Result([], [()])
    program.require_events(events or {}, [segment] if segment else None, "pass it: run(..., events={{'{name}': frame}})")
    if engine_type.dialect is None:
        columns, rows = engine_type().evaluate(program, frame, segment, as_of, counts, events or {})
        return _result(columns, rows, segment, counts, len(program.labels))
    table, key = table or program.table or "customers", program.key or frame.columns[0]
    # Compiled before connecting: a construct the dialect refuses (E401) opens no connection.
    sql = program.to_sql(segment, dialect=engine_type.dialect, table=table, as_of=as_of, key=key, counts=counts)
    runner = engine_type()  # a server engine connects here; failing to is E902/E903
    read = program.event_tables_read([segment] if segment else None)  # present: require_events above
    tables = {table: frame, **{name: events[name] for name in read}}  # no table loaded that no query reads
    rows = _answer(program, engine, runner, sql, lambda: [runner.load(name, data) for name, data in tables.items()])
    return _result(_columns(program, key, segment, counts), rows, segment, counts, len(program.labels))


def run_on_database(program: Program, url: str, *, table: str | None = None, key: str | None = None,
                    segment: str | None = None, as_of: dt.date | dt.datetime | str | None = None,
                    counts: bool = False) -> Result:
    """Run the compiled query on the live database at `url` (`segdsl eval --db`); nothing is loaded.

    The dialect comes from the URL's scheme (segdsl/engines/urls.py). The answer (keys and flags,
    or counts) is fetched whole and sorted by key as `run` sorts it, so the output matches `--data`.
    """
    from .urls import engine_for_url

    engine, target = engine_for_url(url)
    engine_type = engine_class(engine)
    if counts and not program.segments:
        return Result([], [()])
    key = key or program.key
    sql = program.to_sql(segment, dialect=engine_type.dialect, table=table or program.table, key=key, as_of=as_of,
                         counts=counts)
    runner = engine_type(target)  # E902/E903 when it cannot connect, without the password
    rows = _answer(program, engine, runner, sql, lambda: None)
    return _result(_columns(program, key, segment, counts), rows, segment, counts, len(program.labels))


def _answer(program: Program, engine: str, runner, sql: str, load) -> list[tuple]:
    """Load (if anything), run the query and close the connection whatever happens."""
    try:
        load()
        return runner.query(sql)[1]
    except Exception as exc:  # noqa: BLE001 - any driver error (a missing table or column): one line
        raise engine_failure(program, f"{engine} could not run the query", exc) from None
    finally:
        runner.close()


def _columns(program: Program, key: str, segment: str | None, counts: bool) -> list[str]:
    """Named as segdsl names them: Snowflake and Oracle answer with upper-case column names."""
    names = [segment] if segment is not None else list(program.segments)
    if counts:
        return names
    return [key, *([] if segment is not None else [*names, *program.labels])]


def _result(columns: list[str], rows: list[tuple], segment: str | None, counts: bool, labels: int = 0) -> Result:
    if counts:
        return Result(columns, [tuple(int(v) for v in rows[0])])
    if segment is None:  # engines without a boolean type answer 1/0; labels (the last columns) are text
        end = len(columns) - labels
        rows = [(r[0], *(bool(v) for v in r[1:end]), *r[end:]) for r in rows]
    return Result(columns, sorted(rows, key=lambda r: (r[0] is None, r[0])))
