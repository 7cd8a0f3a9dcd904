"""`segdsl eval --db URL`: the compiled SQL on a live database, the same output as `--data`.

Each database gets the example's customers as a real table (not a temporary one, which only its
own connection would see), then the command line runs on its URL.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import segdsl
from segdsl.cli import main
from segdsl.data import read_data, read_events
from segdsl.engines import engine_class

from servers import start

ROOT = Path(__file__).resolve().parent.parent
BIKES = str(ROOT / "examples" / "bikes.seg")
BIKES_CSV = str(ROOT / "examples" / "data" / "bikes.csv")
RETAIL = str(ROOT / "examples" / "retail.seg")  # the same customers, and their orders: an event table
ORDERS_CSV = str(ROOT / "examples" / "data" / "orders.csv")
AS_OF = "2026-11-01"
SERVER_URLS = {"postgres": "SEGDSL_POSTGRES_URL", "mysql": "SEGDSL_MYSQL_URL", "snowflake": "SEGDSL_SNOWFLAKE_URL"}
DATABASES = ["sqlite", "duckdb", *SERVER_URLS]


def _cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def database_url(request, tmp_path):
    """A URL to a database holding the bikes data as table `customers` and the retail example's
    orders as table `orders`, dropped afterwards."""
    engine = request.param
    start(request, engine)
    schema = segdsl.load(RETAIL).schema
    tables = {"customers": read_data(BIKES_CSV, schema), "orders": read_events(ORDERS_CSV, schema.events["orders"])}
    if engine == "duckdb":
        import duckdb

        path = tmp_path / "bikes.duckdb"
        with duckdb.connect(str(path)) as connection:
            for name, frame in tables.items():
                connection.register("frame", frame)
                connection.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
                connection.unregister("frame")
        yield f"duckdb:///{path}"
        return
    if engine == "sqlite":
        import sqlite3

        path = tmp_path / "bikes.db"
        runner = engine_class("sqlite")()
        runner.connection.close()
        runner.connection = sqlite3.connect(path)  # the engine opens files read-only: write through our own
        for name, frame in tables.items():
            runner.load(name, frame, temporary=False)
        runner.close()
        yield f"sqlite:///{path}"
        return
    url = os.environ[SERVER_URLS[engine]]
    runner = engine_class(engine)(url)
    for name, frame in tables.items():
        runner.load(name, frame, temporary=False)
    runner.close()
    yield url.replace("postgresql://", "postgres://") if engine == "postgres" else url  # an alias scheme too
    runner = engine_class(engine)(url)
    cursor = runner.connection.cursor()
    for name in tables:
        cursor.execute(f"DROP TABLE {name}")
    cursor.close()
    runner.close()


@pytest.mark.parametrize("database_url", DATABASES, indirect=True)
@pytest.mark.parametrize("example, data, mode", [
    (BIKES, [BIKES_CSV], []), (BIKES, [BIKES_CSV], ["--count"]), (BIKES, [BIKES_CSV], ["--segment", "road_pros"]),
    (RETAIL, ["customers=" + BIKES_CSV, "orders=" + ORDERS_CSV], []),
    (RETAIL, ["customers=" + BIKES_CSV, "orders=" + ORDERS_CSV], ["--count"]),
    (RETAIL, ["customers=" + BIKES_CSV, "orders=" + ORDERS_CSV], ["--segment", "win_back"]),
], ids=["flags", "count", "members", "events-flags", "events-count", "events-members"])
def test_eval_db_answers_as_data(capsys, database_url, example, data, mode):
    code, expected, _ = _cli(capsys, "eval", example, *(a for path in data for a in ("--data", path)),
                             "--as-of", AS_OF, *mode)
    assert code == 0
    code, out, err = _cli(capsys, "eval", example, "--db", database_url, "--as-of", AS_OF, *mode)
    assert (code, err) == (0, "")
    assert out == expected


# -- mistakes: one line, exit 2, never the password ------------------------------------------------

@pytest.mark.parametrize("url,message", [
    ("oracle://scott:sekrit@db/x", "'oracle' is not a database URL"),
    ("not a url", "'not a url' is not a database URL"),
    ("sqlite://", "a sqlite URL names a file"),
    ("postgresql://scott:sekrit@127.0.0.1:1/x", "cannot connect to PostgreSQL"),
    ("mysql://scott:sekrit@127.0.0.1:1/x", "cannot connect to MySQL/MariaDB"),
    ("mysql://scott:sekrit@127.0.0.1:port/x", "this is not a mysql URL"),
    ("snowflake://scott:sekrit@acct/db/schema?colour=red", "this is not a snowflake URL"),
    ("snowflake://scott:sekrit@[acct/db", "this is not a snowflake URL"),
    ("snowflake://scott:sekrit@acct/db?port=\u00b2", "this is not a snowflake URL"),
    ("snowflake://scott:sekrit@acct:443/db", "this is not a snowflake URL"),
    ("postgresql://scott:sekrit@[::1/x", "this is not a postgresql URL"),
    ("postgresql://scott:sekrit@127.0.0.1:port/x", "this is not a postgresql URL"),
    ("postgresql://scott:sek%zzrit@127.0.0.1:1/x", "cannot connect to PostgreSQL"),
])
def test_bad_or_unreachable_database(capsys, url, message):
    if url.startswith(("postgresql", "mysql", "snowflake")):
        start_engine = {"postgresql": "postgres", "mysql": "mysql", "snowflake": "snowflake"}[url.split(":")[0]]
        pytest.importorskip({"postgres": "psycopg", "mysql": "pymysql", "snowflake": "snowflake.connector"}[start_engine])
    code, out, err = _cli(capsys, "eval", BIKES, "--db", url)
    assert code == 2 and out == ""
    assert message in err and "sekrit" not in err
    assert len(err.strip().splitlines()) <= 2  # the error and at most its help line


def test_missing_file_table_and_column(capsys, tmp_path):
    code, _, err = _cli(capsys, "eval", BIKES, "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert code == 2 and "cannot connect to SQLite" in err
    (tmp_path / "text.db").write_text("not a database")
    code, _, err = _cli(capsys, "eval", BIKES, "--db", f"sqlite:///{tmp_path / 'text.db'}")
    assert code == 2 and "cannot connect to SQLite" in err
    import sqlite3

    with sqlite3.connect(tmp_path / "utf16.db") as connection:  # needles are compared as UTF-8 bytes
        connection.execute("PRAGMA encoding = 'UTF-16le'")
        connection.execute("CREATE TABLE customers (customer_id INTEGER)")
    code, _, err = _cli(capsys, "eval", BIKES, "--db", f"sqlite:///{tmp_path / 'utf16.db'}")
    assert code == 2 and "UTF-16le" in err and "UTF-8" in err
    with sqlite3.connect(tmp_path / "t.db") as connection:
        connection.execute("CREATE TABLE customers (customer_id INTEGER)")
    url = f"sqlite:///{tmp_path / 't.db'}"
    code, _, err = _cli(capsys, "eval", BIKES, "--db", url, "--table", "nope")
    assert code == 2 and "no such table: nope" in err
    code, _, err = _cli(capsys, "eval", BIKES, "--db", url, "--count")
    assert code == 2 and "no such column" in err


def test_engine_and_table_options_go_with_their_source(capsys):
    code, _, err = _cli(capsys, "eval", BIKES, "--db", "sqlite:///x.db", "--engine", "duckdb")
    assert code == 2 and "--engine goes with --data" in err
    code, _, err = _cli(capsys, "eval", BIKES, "--data", BIKES_CSV, "--table", "t")
    assert code == 2 and "--table and --key go with --db" in err
