"""Throwaway database servers for the tests, started on loopback and stopped when the run ends.

PostgreSQL: `initdb` and `postgres` refuse to run as root, so as root they run as the `postgres`
user (`runuser`) in a temporary directory it owns. (pytest-postgresql runs `pg_ctl` as the
current user, which is why this is not that plugin.) Locally a missing server binary or driver
skips the tests that need it, with the reason; under CI=true it fails them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from segdsl.engines import ENGINES as _ENGINES

IN_CI = os.environ.get("CI", "").lower() == "true"
ENGINES = list(_ENGINES)  # every engine `segdsl eval --engine` runs
SQL_ENGINES = [e for e in ENGINES if e != "polars"]
# conftest.py starts them, once per test run
SERVER_FIXTURES = {"postgres": "postgres_server", "mysql": "mariadb_server", "spark": "spark_session",
                   "snowflake": "snowflake_emulator"}


def start(request, engine: str) -> None:
    """Start the engine's throwaway server, if it needs one, before a test uses the engine.

    An engine whose driver is not installed is unavailable (skipped locally, failed in CI).
    """
    from segdsl.diagnostics import SegdslError
    from segdsl.engines import engine_class

    if engine not in ENGINES:
        return
    try:
        engine_class(engine)
    except SegdslError as err:
        unavailable(err.diagnostics[0].message)
    if engine in SERVER_FIXTURES:
        request.getfixturevalue(SERVER_FIXTURES[engine])


def unavailable(reason: str):
    """Skip locally; fail under CI, where every engine must run."""
    if IN_CI:
        pytest.fail(f"engine not available in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


class PostgresServer:
    """initdb + pg_ctl start in a temporary directory; `url` to connect; `stop()` removes it all."""

    def __init__(self) -> None:
        self.pg_ctl, initdb = _postgres_bin("pg_ctl"), _postgres_bin("initdb")
        if not self.pg_ctl or not initdb:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        self.root = Path(tempfile.mkdtemp(prefix="segdsl-pg-"))
        self.data, self.socket_dir = self.root / "data", self.root / "socket"
        self.socket_dir.mkdir()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self.port = free_port()
        try:
            self._start(initdb)
        except RuntimeError:
            shutil.rmtree(self.root, ignore_errors=True)
            raise
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _start(self, initdb: str) -> None:
        # UTF-8, C.UTF-8 locale: lower(), upper() and ~* map every letter (under plain C only ASCII
        # ones; docs/dialects.md). Ordering is forced to code points by segdsl's COLLATE "C".
        self._run([initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync"])
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run([self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"])

    def _run(self, command: list[str]) -> None:
        done = subprocess.run(self.as_user + command, capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            raise RuntimeError(f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class MariaDBServer:
    """mariadb-install-db + mariadbd on 127.0.0.1 and a free port, no authentication (a throwaway
    server on loopback), in a temporary directory; `url` to connect; `stop()` removes it all."""

    def __init__(self) -> None:
        install, server = shutil.which("mariadb-install-db"), shutil.which("mariadbd") or (
            "/usr/sbin/mariadbd" if Path("/usr/sbin/mariadbd").exists() else None)
        if not install or not server:
            raise RuntimeError("MariaDB server binaries (mariadb-install-db, mariadbd) are not installed "
                               "(apt-get install mariadb-server)")
        self.root = Path(tempfile.mkdtemp(prefix="segdsl-mariadb-"))
        data = self.root / "data"
        user = ["--user=mysql"] if os.geteuid() == 0 else []
        if user:
            shutil.chown(self.root, "mysql")
        done = subprocess.run([install, "--no-defaults", *user, f"--datadir={data}", "--skip-test-db",
                               "--auth-root-authentication-method=normal"], capture_output=True, text=True)
        if done.returncode:
            shutil.rmtree(self.root, ignore_errors=True)
            raise RuntimeError(f"mariadb-install-db failed: {(done.stderr or done.stdout).strip()[-500:]}")
        self.port = free_port()
        self.process = subprocess.Popen(
            [server, "--no-defaults", *user, f"--datadir={data}", f"--socket={self.root / 'sock'}",
             f"--port={self.port}", "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-log-bin",
             f"--pid-file={self.root / 'pid'}", f"--log-error={self.root / 'log'}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"mysql://root@127.0.0.1:{self.port}/segdsl"
        self._wait_and_create_database()

    def _wait_and_create_database(self) -> None:
        import time

        import pymysql

        deadline = time.monotonic() + 60
        while True:
            try:
                connection = pymysql.connect(host="127.0.0.1", port=self.port, user="root", connect_timeout=2)
                break
            except pymysql.MySQLError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.root / "log").read_text(errors="replace")[-500:] if (self.root / "log").exists() else ""
                    self.stop()
                    raise RuntimeError(f"mariadbd did not start: {log}") from None
                time.sleep(0.2)
        with connection.cursor() as cursor:
            cursor.execute("CREATE DATABASE segdsl CHARACTER SET utf8mb4")
        connection.close()

    def stop(self) -> None:
        try:
            self.process.terminate()
            self.process.wait(timeout=30)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


_FAKESNOW = """
import json, os, sys
import fakesnow
answer = os.fdopen(os.dup(1), "w")
quiet = os.open(os.devnull, os.O_WRONLY)
os.dup2(quiet, 1)  # the request log would fill a pipe nobody reads
os.dup2(quiet, 2)
with fakesnow.server(port=int(sys.argv[1])) as arguments:
    answer.write(json.dumps(arguments) + "\\n")
    answer.flush()
    sys.stdin.read()  # serve until the test run closes stdin
"""


class FakesnowServer:
    """fakesnow's Snowflake emulator (on DuckDB) served on 127.0.0.1 by a child process, so its
    request log stays out of the tests' output; `url` to connect; `stop()` ends it."""

    def __init__(self) -> None:
        import json
        import sys

        self.process = subprocess.Popen([sys.executable, "-c", _FAKESNOW, str(free_port())], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        if not line:
            self.stop()
            raise RuntimeError("the fakesnow server did not start (pip install 'fakesnow[server]')")
        a = json.loads(line)
        # fakesnow answers a failed query with HTTP 500, which the connector retries until network_timeout.
        self.url = (f"snowflake://{a['user']}:{a['password']}@{a['account']}/segdsl/public?host={a['host']}"
                    f"&port={a['port']}&protocol={a['protocol']}&network_timeout={a['network_timeout']}")

    def stop(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
