import sys
from pathlib import Path

# The helper modules of tests/ (corpus, servers, generate, entities) import as top-level modules.
sys.path.insert(0, str(Path(__file__).resolve().parent))


import os

import pytest


def _throwaway(server_class: str, driver: str, extra: str, variable: str):
    """Start a server of tests/servers.py for the whole run and point the engine at it."""
    import importlib

    import servers

    try:
        importlib.import_module(driver)
    except ImportError:
        servers.unavailable(f"{driver} is not installed (pip install 'segdsl[{extra}]')")
    try:
        server = getattr(servers, server_class)()
    except RuntimeError as exc:
        servers.unavailable(str(exc))
    os.environ[variable] = server.url
    yield server
    os.environ.pop(variable, None)
    server.stop()


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server; engine 'postgres' finds it by SEGDSL_POSTGRES_URL."""
    yield from _throwaway("PostgresServer", "psycopg", "postgres", "SEGDSL_POSTGRES_URL")


@pytest.fixture(scope="session")
def mariadb_server():
    """A throwaway MariaDB server; engine 'mysql' finds it by SEGDSL_MYSQL_URL."""
    yield from _throwaway("MariaDBServer", "pymysql", "mysql", "SEGDSL_MYSQL_URL")


@pytest.fixture(scope="session")
def spark_session():
    """One local Spark for the whole run (engine 'spark' uses the active session), stopped at the end."""
    import shutil

    import servers

    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        servers.unavailable("Java is not installed (Spark needs a JDK 17)")
    from segdsl.engines.spark import session

    spark = session()
    yield spark
    spark.stop()


@pytest.fixture(scope="session")
def snowflake_emulator():
    """fakesnow's Snowflake emulator; engine 'snowflake' finds it by SEGDSL_SNOWFLAKE_URL and
    talks to it over HTTP with the real connector."""
    yield from _throwaway("FakesnowServer", "fakesnow", "test", "SEGDSL_SNOWFLAKE_URL")
