"""Pull: bring the server's changes since the last pull into the working copy.

All pages are downloaded first and applied in ONE SQLite transaction with journalling
suspended, so a pull cut off at any point leaves the working copy exactly as it was. A pulled
row that has unpushed local changes is never overwritten: both sides go to ``sync_conflicts``
and are reported. The exceptions are harmless ones: the server sends back a version this copy
already has (its own push echoed back), or the same content (both sides made the same change),
or a deletion of a row that was deleted here too.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Optional

from . import rows as wire_rows
from . import state
from .changeset import pending_keys
from .errors import SyncError
from .tables import TABLES, key_text

PAGE_LIMIT = 2000


@dataclass
class PullResult:
    head: int
    received: int = 0
    applied: int = 0
    conflicts: list = field(default_factory=list)


def _report(progress, done, total, en):
    if progress:
        progress(done, total, en)


def fetch(client, commune: str, since: int, progress: Optional[Callable] = None,
          limit: int = PAGE_LIMIT) -> dict:
    """Every change since ``since``, all pages: ``{"head", "crs", "changes"}``."""
    cursor, changes = None, []
    while True:
        client.check_cancelled()
        params = {"commune": commune, "since": since, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = client.get_json("/changes", params=params)
        changes += page["changes"]
        _report(progress, len(changes), page.get("total"), "downloading changes")
        cursor = page.get("next_cursor")
        if not cursor:
            return {"head": page["head"], "crs": page["crs"], "changes": changes}


def apply(wc, fetched: dict, operation: str = "pull") -> PullResult:
    """Applies downloaded changes in one transaction (see the module docstring)."""
    crs = f"EPSG:{wc.commune.crs_epsg}"
    if fetched["crs"] != crs:
        raise SyncError(
            "sync.crs", f"The server sends this commune in {fetched['crs']}, but the working "
            f"copy is in {crs}: check out the commune again.",
            f"Máy chủ gửi xã này theo {fetched['crs']}, nhưng bản sao làm việc dùng {crs}: "
            "hãy lấy (check out) lại xã.")
    latest = {}
    for change in fetched["changes"]:  # the server's rows are current states: the last wins
        latest[(change["table"], key_text(change["key"]))] = change
    result = PullResult(head=fetched["head"], received=len(fetched["changes"]))
    srs = wc.commune.crs_epsg
    with wc.operation(operation, journal=False) as conn:
        mine = pending_keys(conn)
        for table in TABLES:
            items = {k[1]: c for k, c in latest.items() if k[0] == table}
            if not items:
                continue
            known = state.versions(conn, table, items)
            upserts, deletes, versions = [], [], []
            for k, change in items.items():
                gone = change["action"] == "delete"
                if (table, k) in mine:
                    # Never overwritten. The same version is our own push coming back; a
                    # newer one either agrees with ours (adopt its version) or conflicts.
                    if known.get(k) != change["version"]:
                        if _agrees(conn, table, change):
                            versions.append((table, k, change["version"]))
                        else:
                            record_conflict(conn, table, change["key"],
                                            _local(conn, table, change["key"]), change, "pull")
                            result.conflicts.append({"table": table, "key": change["key"]})
                    continue
                if gone:
                    deletes.append(change["key"])
                else:
                    upserts.append((change["key"], change["data"], change["version"]))
                versions.append((table, k, change["version"]))
            wire_rows.write(conn, table, upserts, srs)
            wire_rows.delete(conn, table, deletes)
            state.set_versions(conn, versions)
            result.applied += len(upserts) + len(deletes)
        state.put(conn, state.LAST_PULLED, result.head)
    return result


def _local(conn, table: str, key: dict):
    fids = wire_rows.fids_by_key(conn, table, [key]).get(key_text(key))
    if not fids:
        return None
    row = wire_rows.read(conn, table, fids[:1])[fids[0]]
    key, data = wire_rows.to_wire(table, [row])[0]
    return {"key": key, "data": data}


def _agrees(conn, table: str, change: dict) -> bool:
    """Both sides made the same change (same content, or both deleted the row)."""
    local = _local(conn, table, change["key"])
    if change["action"] == "delete":
        return local is None
    return local is not None and local["data"] == change["data"]


def record_conflict(conn, table: str, key: dict, mine, theirs_change: Optional[dict],
                    source: str) -> None:
    """Stores (or refreshes) the open conflict of one row: mine and theirs side by side."""
    k = key_text(key)
    theirs = None
    version = None
    if theirs_change and theirs_change.get("action") != "delete":
        theirs = {"key": key, "data": theirs_change["data"]}
        version = theirs_change["version"]
    open_id = conn.execute("SELECT id FROM sync_conflicts WHERE table_name = ? AND key = ? AND "
                           "resolved_at IS NULL", (table, k)).fetchone()
    mine_json = json.dumps(mine, ensure_ascii=False) if mine else None
    theirs_json = json.dumps(theirs, ensure_ascii=False) if theirs else None
    if open_id:
        conn.execute("UPDATE sync_conflicts SET mine = ?, theirs = ?, theirs_version = ?, "
                     "source = ? WHERE id = ?", (mine_json, theirs_json, version, source,
                                                 open_id[0]))
    else:
        conn.execute("INSERT INTO sync_conflicts (table_name, key, mine, theirs, theirs_version, "
                     "source) VALUES (?, ?, ?, ?, ?, ?)", (table, k, mine_json, theirs_json,
                                                         version, source))


def pull(wc, client, progress: Optional[Callable] = None,
         page_limit: int = PAGE_LIMIT) -> PullResult:
    """Flushes a pending outbox (so our own in-flight push is not mistaken for someone else's
    change), then downloads and applies everything since the last pull."""
    from .push import flush_outbox

    state.ensure_tables(wc)
    flush_outbox(wc, client, progress)
    fetched = fetch(client, wc.commune.code, state.last_pulled(wc.conn), progress, page_limit)
    _report(progress, 0, len(fetched["changes"]), "applying changes")
    return apply(wc, fetched)
