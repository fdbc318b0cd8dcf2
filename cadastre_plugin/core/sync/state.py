"""The sync bookkeeping kept inside the working copy, next to the data it describes, so that it
commits in the same SQLite transactions as the data:

- ``sync_state`` (key/value, part of the schema): server URL, commune, last pulled revision, and
  the outbox: the change set being pushed, stored *before* it is sent so that after a crash or a
  cut connection the very same UUID and body are sent again.
- ``sync_versions``: the server's version of every row this copy has from the server. It is the
  base of each change sent (a change based on an older version is a conflict), kept apart
  from ``parcels.version`` so that local tools may number versions as they like.
- ``sync_conflicts``: rows changed both here and on the server, with both sides, until resolved.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Optional

SERVER_URL = "server_url"
COMMUNE = "commune_code"
LAST_PULLED = "last_pulled_revision"
OUTBOX = "outbox"
LAST_PUSHED = "last_pushed_revision"

_DDL = """
CREATE TABLE IF NOT EXISTS sync_versions (
  table_name TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL,
  PRIMARY KEY (table_name, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_conflicts (
  id INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, key TEXT NOT NULL,
  mine TEXT, theirs TEXT, theirs_version INTEGER, source TEXT NOT NULL,
  detected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  resolved_at TEXT, resolution TEXT);
CREATE INDEX IF NOT EXISTS sync_conflicts_open ON sync_conflicts (resolved_at);
"""


def ensure_tables(wc) -> None:
    """Creates the sync tables in an older working copy (no-op when they exist)."""
    have = {r[0] for r in wc.conn.execute(
        "SELECT name FROM sqlite_master WHERE name IN ('sync_versions', 'sync_conflicts')")}
    if len(have) == 2:
        return
    with wc.operation("sync-setup", journal=False) as conn:
        for statement in _DDL.split(";"):
            if statement.strip():
                conn.execute(statement)
        # Registered as a GeoPackage attribute table so QGIS can list the open conflicts.
        conn.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, "
                     "description) VALUES ('sync_conflicts', 'attributes', 'sync_conflicts', "
                     "'Xung đột đồng bộ / Sync conflicts')")


def get(conn: sqlite3.Connection, key: str, default: Optional[str] = None) -> Optional[str]:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def put(conn: sqlite3.Connection, key: str, value) -> None:
    if value is None:
        conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
    else:
        conn.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                     (key, str(value)))


def server_url(wc) -> Optional[str]:
    """The server the working copy was checked out from (None for a local one)."""
    ensure_tables(wc)
    return get(wc.conn, SERVER_URL)


def last_pulled(conn: sqlite3.Connection) -> int:
    return int(get(conn, LAST_PULLED, "0"))


def outbox(conn: sqlite3.Connection) -> Optional[dict]:
    raw = get(conn, OUTBOX)
    return json.loads(raw) if raw else None


def versions(conn: sqlite3.Connection, table: str, keys) -> dict:
    """{key text: server version} for those of ``keys`` that the server has."""
    keys = list(keys)
    out = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(
            f"SELECT key, version FROM sync_versions WHERE table_name = ? AND key IN ({marks})",
            (table, *chunk)))
    return out


def set_versions(conn: sqlite3.Connection, items) -> None:
    """items: (table, key text, version or None); None forgets the row (deleted on server)."""
    items = list(items)
    conn.executemany("INSERT OR REPLACE INTO sync_versions (table_name, key, version) "
                     "VALUES (?, ?, ?)", [i for i in items if i[2] is not None])
    conn.executemany("DELETE FROM sync_versions WHERE table_name = ? AND key = ?",
                     [(t, k) for t, k, v in items if v is None])


def open_conflicts(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL"
                        ).fetchone()[0]
