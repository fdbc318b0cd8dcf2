"""Where a working copy stands with its server: what is waiting to go out, what is unresolved."""
from __future__ import annotations

import json

from ..transactions.documents import missing_content
from . import state
from .changeset import pending
from .pull import area_of, communes_of, since_key


def status(wc) -> dict:
    state.ensure_tables(wc)
    conn = wc.conn
    box = state.outbox(conn)
    rows = pending(conn)
    # Scans go out with the change set that inserts their row: pending, or waiting in the outbox.
    to_upload = {p.current["sha256"] for p in rows if p.table == "documents" and p.current}
    if box:
        to_upload |= {c["key"]["sha256"] for c in json.loads(box["body"])["changes"]
                      if c["table"] == "documents" and c["action"] == "upsert"}
    area = area_of(conn)
    out = {
        "path": wc.path,
        "server_url": state.get(conn, state.SERVER_URL),
        "commune_code": wc.commune.code,
        "last_pulled_revision": state.last_pulled(conn),
        "last_pushed_revision": state.get(conn, state.LAST_PUSHED),
        "journal_unconfirmed": wc.count("journal", "WHERE confirmed_at IS NULL"),
        "rows_pending": len(rows),
        "outbox_changeset": box["uuid"] if box else None,
        "outbox_changes": box["changes"] if box else 0,
        "conflicts_open": state.open_conflicts(conn),
        "documents_pending_upload": len(to_upload),
        "documents_pending_download": len(missing_content(wc)),
    }
    if area:
        out["area"] = {k: area[k] for k in ("district", "bbox", "bbox_crs") if area.get(k)}
        out["communes"] = {c: int(state.get(conn, since_key(wc, c), "0"))
                           for c in communes_of(wc)}
    return out
