"""Bringing an existing central database up to the schema this server knows.

``schema.sql`` creates the current schema in an empty database; each function here takes a
database one version further, inside the caller's transaction (init_schema holds an advisory
lock, so several workers starting at once migrate it once).
"""
from __future__ import annotations


def _to_2(conn) -> None:
    """The officer's approval of transactions. Rows already held are the legal record: they
    count as approved; new rows default to submitted, as in the working copy."""
    conn.execute("""
        ALTER TABLE transactions
          ADD COLUMN approval text NOT NULL DEFAULT 'approved'
            CHECK (approval IN ('submitted', 'approved', 'rejected')),
          ADD COLUMN approved_by text, ADD COLUMN approved_at text,
          ADD COLUMN rejection_reason text""")
    conn.execute("ALTER TABLE transactions ALTER COLUMN approval SET DEFAULT 'submitted'")


MIGRATIONS = {2: _to_2}
LATEST = max(MIGRATIONS)


def migrate(conn, version: int) -> None:
    """Applies migrations version+1 .. LATEST and records the new schema version."""
    for target in range(version + 1, LATEST + 1):
        MIGRATIONS[target](conn)
        conn.execute("UPDATE server_meta SET value = %s WHERE key = 'schema_version'",
                     (str(target),))
