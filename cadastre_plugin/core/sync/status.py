"""Where a working copy stands with its server: what is waiting to go out, what is unresolved."""
from __future__ import annotations

from . import state
from .changeset import pending


def status(wc) -> dict:
    state.ensure_tables(wc)
    conn = wc.conn
    box = state.outbox(conn)
    return {
        "path": wc.path,
        "server_url": state.get(conn, state.SERVER_URL),
        "commune_code": wc.commune.code,
        "last_pulled_revision": state.last_pulled(conn),
        "last_pushed_revision": state.get(conn, state.LAST_PUSHED),
        "journal_unconfirmed": wc.count("journal", "WHERE confirmed_at IS NULL"),
        "rows_pending": len(pending(conn)),
        "outbox_changeset": box["uuid"] if box else None,
        "outbox_changes": box["changes"] if box else 0,
        "conflicts_open": state.open_conflicts(conn),
    }
