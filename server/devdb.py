"""A throw-away PostgreSQL + PostGIS cluster for development, the demo, tests and benchmarks.

PostgreSQL refuses to run as root, so when we are root the cluster belongs to the `postgres`
system user (created by Debian's package). It listens only on 127.0.0.1, on a free port, and
lives in a temporary folder that ``stop()`` removes.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("CADASTRE_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThrowawayCluster:
    def __init__(self, port: int | None = None, database: str = "cadastre"):
        self.port = port or free_port()
        self.database = database
        self.root = Path(tempfile.mkdtemp(prefix="cadastre-pg-"))
        self.data = self.root / "data"
        self.as_postgres = os.geteuid() == 0
        self.user = "postgres" if self.as_postgres else os.environ.get("USER", "postgres")

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True)

    def start(self) -> "ThrowawayCluster":
        if not (PG_BIN / "initdb").exists():
            raise RuntimeError(f"PostgreSQL 15 is not installed ({PG_BIN}/initdb is missing): "
                               "run `make deps` (it installs postgresql-15 and PostGIS).")
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "-U", self.user)
        opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -k {self.root} "
                "-c fsync=on -c max_connections=100 -c shared_buffers=256MB")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                  "-o", opts, "-w", "-t", "60", "start")
        self._run(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", self.user, self.database)
        self.psql("CREATE EXTENSION IF NOT EXISTS postgis")
        return self

    def psql(self, sql: str) -> str:
        return self._run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user,
                         "-d", self.database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql).stdout

    def stop(self) -> None:
        stop_cluster(self.root)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def stop_cluster(root: Path) -> None:
    """Stops the cluster living in ``root`` (also one started by another process) and removes
    the folder."""
    data = Path(root) / "data"
    if data.exists():
        cmd = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, capture_output=True, check=False)
    shutil.rmtree(root, ignore_errors=True)


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")
