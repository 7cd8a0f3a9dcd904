import sys
from pathlib import Path

# tests/generate.py is shared by benchmarks and scale tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))


import os

import pytest


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server for the whole run; engine 'postgres' finds it by URL."""
    from servers import PostgresServer, unavailable

    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install 'segdsl[postgres]')")
    try:
        server = PostgresServer()
    except RuntimeError as exc:
        unavailable(str(exc))
    os.environ["SEGDSL_POSTGRES_URL"] = server.url
    yield server
    os.environ.pop("SEGDSL_POSTGRES_URL", None)
    server.stop()


# engine -> the fixture that starts its server
SERVER_FIXTURES = {"postgres": "postgres_server"}
