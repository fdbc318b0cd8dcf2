"""The real things the server tests run against: the API server as a uvicorn subprocess on a
loopback port, and a loopback TCP proxy that cuts connections after N bytes."""
from __future__ import annotations

import abc
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import requests

from server.auth import create_token
from server.devdb import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]


class LiveServer:
    """``python -m uvicorn --factory server.app:app_from_env`` against one database."""

    def __init__(self, database_url: str, log_dir: Path, max_body: int | None = None):
        self.db = database_url
        self.port = free_port()
        self.log = log_dir / f"server-{self.port}.log"
        self.max_body = max_body
        self.proc = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "LiveServer":
        env = dict(os.environ, CADASTRE_DATABASE_URL=self.db, PYTHONPATH=str(ROOT))
        if self.max_body:
            env["CADASTRE_MAX_BODY"] = str(self.max_body)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "--factory", "server.app:app_from_env",
                 "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_for_port(self.port, timeout=30)
        deadline = time.monotonic() + 30
        while requests.get(self.url + "/health", timeout=5).status_code != 200:
            if time.monotonic() > deadline:
                raise TimeoutError("the server does not become healthy")
            time.sleep(0.05)
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, like a power cut of the server machine."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def token(self, role: str = "surveyor", districts=("312",), name: str | None = None,
              days: float | None = None) -> str:
        with psycopg.connect(self.db, autocommit=True) as conn:
            return create_token(conn, name or f"{role}-{time.monotonic_ns()}", role, districts,
                                days)

    def sql(self, query: str, params=()) -> list:
        with psycopg.connect(self.db, autocommit=True) as conn:
            cur = conn.execute(query, params)
            return cur.fetchall() if cur.description else []

    def one(self, query: str, params=()):
        return self.sql(query, params)[0][0]


class LoopbackProxy(abc.ABC):
    """A TCP listener on a free loopback port in front of the server at ``target_port``; each
    accepted connection goes to :meth:`_handle` on the accepting thread."""

    def __init__(self, target_port: int):
        self.target = target_port
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.closed = True
        self.server.close()

    def _accept(self) -> None:
        while not self.closed:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self._handle(client)

    @abc.abstractmethod
    def _handle(self, client: socket.socket) -> None:
        """What happens to an accepted connection."""


class CutProxy(LoopbackProxy):
    """A loopback TCP proxy that, for the first ``times`` connections, cuts the connection
    after ``request_bytes`` bytes sent to the server or ``response_bytes`` bytes sent back;
    later connections pass through untouched (the retry that must then succeed)."""

    def __init__(self, target_port: int, request_bytes: int | None = None,
                 response_bytes: int | None = None, times: int = 1):
        self.request_bytes, self.response_bytes = request_bytes, response_bytes
        self.remaining = times
        self.cuts = 0
        self.passed = {"request": 0, "response": 0}  # bytes forwarded, for calibration
        self.lock = threading.Lock()
        super().__init__(target_port)

    def _handle(self, client: socket.socket) -> None:
        with self.lock:
            cutting = self.remaining > 0
            self.remaining -= 1 if cutting else 0
        upstream = socket.create_connection(("127.0.0.1", self.target))
        limits = (self.request_bytes, self.response_bytes) if cutting else (None, None)
        pair = _Pair(client, upstream, self)
        threading.Thread(target=pair.pump, args=(client, upstream, limits[0], "request"),
                         daemon=True).start()
        threading.Thread(target=pair.pump, args=(upstream, client, limits[1], "response"),
                         daemon=True).start()


class _Pair:
    def __init__(self, a: socket.socket, b: socket.socket, proxy: CutProxy):
        self.a, self.b, self.proxy = a, b, proxy
        self.done = threading.Event()

    def pump(self, src: socket.socket, dst: socket.socket, limit, direction: str) -> None:
        sent = 0
        try:
            while not self.done.is_set():
                data = src.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    dst.sendall(data[:limit - sent])
                    with self.proxy.lock:
                        self.proxy.cuts += 1
                    break
                dst.sendall(data)
                sent += len(data)
                with self.proxy.lock:
                    self.proxy.passed[direction] += len(data)
        except OSError:
            pass
        self.close()

    def close(self) -> None:
        # Abortive close (RST): both ends see the connection die at once, as on a cut cable.
        if not self.done.is_set():
            self.done.set()
            for s in (self.a, self.b):
                # shutdown() wakes the other pump blocked in recv() on this socket (close()
                # alone would leave the connection open until that recv returned).
                for call in (lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                                  struct.pack("ii", 1, 0)),
                             lambda: s.shutdown(socket.SHUT_RDWR), s.close):
                    try:
                        call()
                    except OSError:
                        pass


def dump(wc, tables=None) -> dict:
    """Every synced row of a working copy by natural key: data, geometry as WKB hex, and the
    server version this copy holds; fids and journal left out (they are local)."""
    import json as _json

    from cadastre_plugin.core.sync import rows as wire_rows
    from cadastre_plugin.core.sync.tables import TABLES, key_text

    out = {}
    for table in tables or TABLES:
        rows = list(wire_rows.read(wc.conn, table).values())
        entries = {}
        for (key, data), row in zip(wire_rows.to_wire(table, rows), rows):
            data = dict(data)
            if "geometry" in data:
                geom = row["geometry"]
                data["geometry"] = None if geom is None else geom.wkb_hex
                data["version"] = row["version"]
            entries[key_text(key)] = _json.dumps(data, sort_keys=True, default=str)
        out[table] = entries
    return out
