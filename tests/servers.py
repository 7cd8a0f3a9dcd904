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

IN_CI = os.environ.get("CI", "").lower() == "true"


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
        # UTF-8, C.UTF-8 locale: lower(), upper() and ~* map every letter (under plain C only ASCII
        # ones; docs/dialects.md). Ordering is forced to code points by segdsl's COLLATE "C".
        self._run([initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                   "--locale=C.UTF-8", "--no-sync"])
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run([self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start"])
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, command: list[str]) -> None:
        done = subprocess.run(self.as_user + command, capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            raise RuntimeError(f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
