"""Database URLs for `segdsl eval --db`: SQLAlchemy-style, the scheme picks the engine (and so the dialect).

    postgresql://user:password@host:port/database     (also postgres://, postgresql+psycopg://)
    mysql://user:password@host:port/database          (also mariadb://, mysql+pymysql://)
    sqlite:///relative/path.db   sqlite:////absolute/path.db
    duckdb:///relative/path.duckdb   duckdb:////absolute/path.duckdb
    snowflake://user:password@account/database/schema?warehouse=W
"""

from __future__ import annotations

from urllib.parse import unquote

from ..diagnostics import SegdslError, error

_SCHEMES = {"postgresql": "postgres", "postgres": "postgres", "mysql": "mysql", "mariadb": "mysql",
            "sqlite": "sqlite", "duckdb": "duckdb", "snowflake": "snowflake"}
_FILE_ENGINES = {"sqlite", "duckdb"}


def engine_for_url(url: str) -> tuple[str, str]:
    """(engine name, what its constructor takes: the URL, or a file path for SQLite and DuckDB)."""
    scheme, sep, rest = url.partition("://")
    base = scheme.split("+", 1)[0].lower()  # postgresql+psycopg: the driver part is ours to pick
    if not sep or base not in _SCHEMES:
        shown = scheme if sep else url.split(":", 1)[0]
        raise SegdslError([error("E902", f"'{shown}' is not a database URL segdsl can open",
                                 help="URLs start with " + ", ".join(f"{s}://" for s in _SCHEMES))])
    engine = _SCHEMES[base]
    if engine in _FILE_ENGINES:
        if not rest.startswith("/") or len(rest) < 2:
            raise SegdslError([error("E902", f"a {base} URL names a file: {base}:///relative.db or {base}:////abs/path.db")])
        return engine, unquote(rest[1:])
    canonical = {"postgres": "postgresql", "mysql": "mysql", "snowflake": "snowflake"}[engine]
    return engine, f"{canonical}://{rest}"
