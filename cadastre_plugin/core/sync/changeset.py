"""Change sets built from the journal: the net effect on each row since the last confirmed push.

Per row (journal entries grouped by table and local fid):
- inserted then deleted here: nothing to send;
- exists now: an upsert of its current state, based on the server version this copy has of it
  (none: the server has never seen it, so it is an insert);
- gone now, or its key changed: a delete of the key the server knows, with that version.

The base versions come from ``sync_versions``, not from the journal, so that edits made while an
earlier change set was in flight are based on what the server confirmed for it.
"""
from __future__ import annotations

import json
import sqlite3
import uuid as _uuid
from dataclasses import dataclass
from typing import Optional

from .. import gpkg
from . import rows as wire_rows
from . import state
from .errors import SyncError
from .tables import TABLES, key_text


@dataclass
class Pending:
    table: str
    fid: int
    old_key: Optional[dict]  # the key before the first unconfirmed entry (None: inserted here)
    current: Optional[dict]  # the row now (None: deleted)
    before: Optional[dict] = None  # parcels: the row before the first unconfirmed entry


def pending(conn: sqlite3.Connection, up_to: Optional[int] = None) -> list:
    """Every row with unconfirmed journal entries (up to journal id ``up_to``)."""
    bound = "" if up_to is None else f" AND id <= {int(up_to)}"
    out = []
    for table, spec in TABLES.items():
        extract = ", ".join(f"json_extract(old, '$.{k}')" for k in spec.key_names)
        old = "old" if spec.geometry else "NULL"  # parcels: the state before, for the checks
        firsts = conn.execute(
            f"SELECT row_fid, action, {old}, {extract} FROM journal WHERE id IN ("
            f"SELECT min(id) FROM journal WHERE confirmed_at IS NULL AND table_name = ?{bound} "
            "GROUP BY row_fid)", (table,)).fetchall()
        if not firsts:
            continue
        current = wire_rows.read(conn, table, [f[0] for f in firsts])
        for fid, action, before, *key in firsts:
            old_key = None if action == "insert" else dict(zip(spec.key_names, key))
            out.append(Pending(table, fid, old_key, current.get(fid), _row(before)))
    return out


def _row(journal_json: Optional[str]) -> Optional[dict]:
    """A journalled parcel row with its geometry decoded (the journal keeps the blob as hex)."""
    if not journal_json:
        return None
    row = json.loads(journal_json)
    blob = row.pop("geom", None)
    row["geometry"] = gpkg.decode([bytes.fromhex(blob)])[0] if blob else None
    return row


def pending_keys(conn: sqlite3.Connection) -> set:
    """(table, key text) of every row with local changes not yet confirmed by the server."""
    keys = set()
    for p in pending(conn):
        if p.old_key:
            keys.add((p.table, key_text(p.old_key)))
        if p.current:
            keys.add((p.table, key_text(TABLES[p.table].key_of(p.current))))
    return keys


def build(wc, up_to: Optional[int] = None) -> Optional[dict]:
    """The change set for every unconfirmed journal entry, or None when there is nothing to
    send. Returns ``{"body", "max_journal_id", "rows": {table: [current row dicts]}, "before":
    [parcel rows as they were before the change, for the topology check]}``."""
    conn = wc.conn
    max_id = conn.execute("SELECT max(id) FROM journal WHERE confirmed_at IS NULL"
                          + ("" if up_to is None else f" AND id <= {int(up_to)}")).fetchone()[0]
    if max_id is None:
        return None
    _refuse_unknown_tables(conn, max_id)
    by_key = {}  # (table, key text) -> change; an upsert wins over a delete of the same key
    upserted, before = {}, []
    for p in pending(conn, max_id):
        spec = TABLES[p.table]
        if p.before is not None:
            before.append(p.before)
        cur_key = spec.key_of(p.current) if p.current else None
        if p.old_key and (cur_key is None or key_text(p.old_key) != key_text(cur_key)):
            k = key_text(p.old_key)
            base = state.versions(conn, p.table, [k]).get(k)
            if base is not None and (p.table, k) not in by_key:
                by_key[(p.table, k)] = {"table": p.table, "action": "delete",
                                        "key": p.old_key, "base_version": base}
        if p.current:
            by_key[(p.table, key_text(cur_key))] = (p.table, cur_key, p.current)
            upserted.setdefault(p.table, []).append(p.current)
    changes = []
    for table in TABLES:
        items = [(k, v) for k, v in by_key.items() if k[0] == table]
        ups = [v for _, v in items if isinstance(v, tuple)]
        bases = state.versions(conn, table, [key_text(v[1]) for v in ups])
        wires = dict(zip([key_text(v[1]) for v in ups], wire_rows.to_wire(table, [v[2] for v in ups])))
        for (t, k), v in items:
            if isinstance(v, dict):
                changes.append(v)
                continue
            key, data = wires[k]
            changes.append({"table": table, "action": "upsert", "key": key,
                            "base_version": bases.get(k), "data": data})
    if not changes:
        return {"body": None, "max_journal_id": max_id, "rows": {}, "before": []}
    commune = wc.commune
    body = {"uuid": str(_uuid.uuid4()), "commune_code": commune.code,
            "crs": f"EPSG:{commune.crs_epsg}", "base_revision": state.last_pulled(conn),
            "changes": changes}
    return {"body": body, "max_journal_id": max_id, "rows": upserted, "before": before}


def _refuse_unknown_tables(conn: sqlite3.Connection, max_id: int) -> None:
    """Journalled tables this version cannot send would otherwise be confirmed unsent: lost."""
    unknown = [r[0] for r in conn.execute(
        "SELECT DISTINCT table_name FROM journal WHERE confirmed_at IS NULL AND id <= ?",
        (max_id,)) if r[0] not in TABLES]
    if unknown:
        raise SyncError(
            "sync.unknown_table",
            f"This version of Cadastre Editor cannot synchronise changes to {', '.join(unknown)}"
            "; nothing was sent. Update the plugin, then push again.",
            f"Phiên bản Cadastre Editor này không đồng bộ được thay đổi của "
            f"{', '.join(unknown)}; chưa gửi gì. Hãy cập nhật plugin rồi đẩy lại.")


def encode(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
