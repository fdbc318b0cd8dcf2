"""Open conflicts (rows changed both here and on the server) and their explicit resolution.

- ``theirs``: the server's row replaces the local one (journalling suspended: it is the server's
  state, nothing to send) and the local pending changes of that row are dropped: marked settled
  (``confirmed_at`` set, no change-set UUID), kept in the journal for the record.
- ``mine``: the local row is rebased onto the server's version, so the next push is based on
  what the server has and overwrites it deliberately, not silently.
- ``edited``: like ``mine``, with the row replaced by an edited version (e.g. merged by hand).

Each resolution writes a journal entry of operation ``resolve`` (old: the side given up, new:
the side kept); for ``mine``/``edited`` it is pending and goes out with the next push.
"""
from __future__ import annotations

import json
import os
from typing import Optional

from .. import gpkg
from ..working_copy import utc_now
from . import rows as wire_rows
from . import state
from .changeset import pending
from .errors import SyncError
from .geojson import from_geojson
from .tables import TABLES, key_text

CHOICES = ("mine", "theirs", "edited")


def list_conflicts(wc, include_resolved: bool = False) -> list:
    state.ensure_tables(wc)
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    rows = wc.conn.execute(
        "SELECT id, table_name, key, mine, theirs, theirs_version, source, detected_at, "
        f"resolved_at, resolution FROM sync_conflicts {where} ORDER BY id").fetchall()
    return [{"id": r[0], "table": r[1], "key": json.loads(r[2]),
             "mine": json.loads(r[3]) if r[3] else None,
             "theirs": json.loads(r[4]) if r[4] else None, "theirs_version": r[5],
             "source": r[6], "detected_at": r[7], "resolved_at": r[8], "resolution": r[9]}
            for r in rows]


def resolve(wc, conflict_id: int, choice: str, data: Optional[dict] = None,
            actor: Optional[str] = None) -> None:
    if choice not in CHOICES or (choice == "edited") != (data is not None):
        raise SyncError("sync.resolve_choice",
                        "Resolve with 'mine', 'theirs', or 'edited' together with the edited row.",
                        "Giải quyết bằng 'mine' (giữ bản của tôi), 'theirs' (lấy bản máy chủ) "
                        "hoặc 'edited' kèm dòng đã sửa.")
    found = [c for c in list_conflicts(wc) if c["id"] == conflict_id]
    if not found:
        raise SyncError("sync.no_conflict", f"There is no open conflict {conflict_id}.",
                        f"Không có xung đột đang mở số {conflict_id}.")
    c = found[0]
    table, key, theirs = c["table"], c["key"], c["theirs"]
    k = key_text(key)
    srs = wc.commune.crs_epsg
    fids = _row_fids(wc.conn, table, k)
    if choice == "theirs":
        with wc.operation("resolve", actor, journal=False) as conn:
            mine_json = _current_json(conn, table, key)
            if theirs:
                wire_rows.write(conn, table, [(key, theirs["data"], c["theirs_version"])], srs)
            else:
                wire_rows.delete(conn, table, [key])
            state.set_versions(conn, [(table, k, c["theirs_version"] if theirs else None)])
            now = utc_now()
            conn.executemany("UPDATE journal SET confirmed_at = ? WHERE confirmed_at IS NULL "
                             "AND table_name = ? AND row_fid = ?", [(now, table, f) for f in fids])
            _journal(conn, table, key, fids, mine_json, _wire_json(table, key, theirs, srs),
                     actor, confirmed=now)
            _close(conn, conflict_id, choice)
        return
    with wc.operation("resolve", actor) as conn:
        before = conn.execute("SELECT coalesce(max(id), 0) FROM journal").fetchone()[0]
        theirs_json = _wire_json(table, key, theirs, srs)
        if choice == "edited":
            wire_rows.write(conn, table, [(key, data, c["theirs_version"])], srs)
        elif table == "parcels" and theirs:
            conn.execute("UPDATE parcels SET version = ? WHERE uuid = ?",
                         (c["theirs_version"], key["uuid"]))
        state.set_versions(conn, [(table, k, c["theirs_version"] if theirs else None)])
        wrote = conn.execute("SELECT count(*) FROM journal WHERE id > ?", (before,)).fetchone()[0]
        if not wrote:
            _journal(conn, table, key, fids, theirs_json, _current_json(conn, table, key), actor)
        _close(conn, conflict_id, choice)


def _close(conn, conflict_id: int, choice: str) -> None:
    conn.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                 (utc_now(), choice, conflict_id))


def _row_fids(conn, table: str, k: str) -> list:
    """Local fids of the row, present or deleted, from its pending journal entries."""
    spec = TABLES[table]
    out = set()
    for p in pending(conn):
        if p.table != table:
            continue
        keys = [p.old_key, spec.key_of(p.current) if p.current else None]
        if any(x is not None and key_text(x) == k for x in keys):
            out.add(p.fid)
    return sorted(out)


def _current_json(conn, table: str, key: dict) -> Optional[str]:
    """The row as the journal triggers write it (all columns, geometry as blob hex)."""
    fids = wire_rows.fids_by_key(conn, table, [key]).get(key_text(key))
    if not fids:
        return None
    cur = conn.execute(f"SELECT * FROM {table} WHERE fid = ?", (fids[0],))
    names = [d[0] for d in cur.description]
    row = dict(zip(names, cur.fetchone()))
    if "geom" in row and row["geom"] is not None:
        row["geom"] = bytes(row["geom"]).hex().upper()
    return json.dumps(row, ensure_ascii=False)


def _wire_json(table: str, key: dict, side: Optional[dict], srs: int) -> Optional[str]:
    if not side:
        return None
    spec = TABLES[table]
    row = dict(key) | {c: side["data"].get(c) for c in spec.column_names}
    if spec.geometry:
        blob = gpkg.encode(from_geojson([side["data"].get("geometry")]), srs)[0]
        row["geom"] = blob.hex().upper() if blob else None
    return json.dumps(row, ensure_ascii=False)


def _journal(conn, table, key, fids, old, new, actor, confirmed=None) -> None:
    op_id = conn.execute("SELECT op_id FROM journal_context WHERE id = 1").fetchone()[0]
    parcel = key.get("uuid") if table == "parcels" else None
    conn.execute(
        "INSERT INTO journal (op_id, operation, actor, table_name, action, row_fid, row_uuid, "
        "parcel_uuid, old, new, confirmed_at) VALUES (?, 'resolve', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (op_id, actor or os.environ.get("CADASTRE_USER") or os.environ.get("USER") or "unknown",
         table, "update" if new else "delete", fids[0] if fids else None, key.get("uuid"),
         parcel, old, new, confirmed))
