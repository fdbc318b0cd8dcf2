"""Connections and schema set-up for the central database."""
from __future__ import annotations

from pathlib import Path

import psycopg
from psycopg_pool import ConnectionPool

from . import migrations

SCHEMA_SQL = Path(__file__).with_name("schema.sql")
SCHEMA_VERSION = migrations.LATEST
# Workers wait this long for a row or commune lock before answering 503 (retry later), and the
# server notices a vanished client within 2 s instead of at its next write.
SESSION_OPTIONS = ("-c lock_timeout=30000 -c statement_timeout=120000 "
                   "-c idle_in_transaction_session_timeout=120000 "
                   "-c client_connection_check_interval=2000")
_INIT_LOCK = 727_001  # advisory lock id: several workers may start at once


def init_schema(url: str) -> None:
    """Creates the schema in an empty database, migrates an older one, else a no-op."""
    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_INIT_LOCK,))
            have = conn.execute("SELECT to_regclass('server_meta') IS NOT NULL").fetchone()[0]
            if not have:
                conn.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
                return
            version = int(conn.execute("SELECT value FROM server_meta WHERE key = "
                                       "'schema_version'").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise RuntimeError(f"the database has schema {version}; this server knows "
                                   f"{SCHEMA_VERSION} at most: upgrade the server")
            if version < SCHEMA_VERSION:
                migrations.migrate(conn, version)


def make_pool(url: str, max_size: int = 10) -> ConnectionPool:
    return ConnectionPool(url, min_size=1, max_size=max_size, open=True,
                          kwargs={"options": SESSION_OPTIONS, "autocommit": True}, timeout=30)
