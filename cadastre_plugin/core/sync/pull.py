"""Pull: bring the server's changes since the last pull into the working copy.

All pages are downloaded first and applied in ONE SQLite transaction with journalling
suspended, so a pull cut off at any point leaves the working copy exactly as it was. A pulled
row that has unpushed local changes is never overwritten: both sides go to ``sync_conflicts``
and are reported. The exceptions are harmless ones: the server sends back a version this copy
already has (its own push echoed back), or the same content (both sides made the same change),
or a deletion of a row that was deleted here too.

A working copy of an area (a district, a bounding box) holds several communes of one TM-3 CRS:
each commune's change log is pulled since that commune's own last revision (revisions of
different communes do not commit in order), the bounding box, if any, limiting what comes
back, and all of them are applied in the one transaction. The scanned documents of the pulled
rows are downloaded afterwards (see :mod:`.documents`).
"""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Optional

from . import rows as wire_rows
from . import state
from .changeset import pending_keys
from .documents import download_missing
from .errors import SyncError
from .tables import TABLES, key_text

PAGE_LIMIT = 2000
NEXT_CURSOR_HEADER = "X-Next-Cursor"  # the next page, readable before the body is parsed
AREA = "area"  # sync_state: {"district", "bbox", "bbox_crs", "communes"} of an area checkout


@dataclass
class PullResult:
    head: int
    received: int = 0
    applied: int = 0
    conflicts: list = field(default_factory=list)
    documents_downloaded: int = 0
    documents_pending: int = 0  # rows here whose scan is not downloaded yet
    documents_error: Optional[Exception] = None  # why the downloads stopped, if they did


def area_of(conn) -> Optional[dict]:
    raw = state.get(conn, AREA)
    return json.loads(raw) if raw else None


def communes_of(wc) -> list:
    """The communes this working copy is synchronised with, its own first."""
    own = wc.commune.code
    area = area_of(wc.conn)
    return [own] + [c for c in (area["communes"] if area else []) if c != own]


def since_key(wc, code: str) -> str:
    return state.LAST_PULLED if code == wc.commune.code else f"{state.LAST_PULLED}:{code}"


def merge(fetched: list) -> dict:
    """Several communes' downloads as one: in revision order; at one revision a row's deletion
    (it left one commune) before its upsert (it joined another)."""
    crs = {f["crs"] for f in fetched}
    changes = sorted((c for f in fetched for c in f["changes"]),
                     key=lambda c: (c["revision"], c["action"] != "delete"))
    return {"head": max(f["head"] for f in fetched),
            "crs": crs.pop() if len(crs) == 1 else ", ".join(sorted(crs)), "changes": changes,
            "heads": {f["commune"]: f["head"] for f in fetched}}


def _report(progress, done, total, en):
    if progress:
        progress(done, total, en)


def fetch(client, commune: str, since: int, progress: Optional[Callable] = None,
          limit: int = PAGE_LIMIT, bbox: Optional[dict] = None) -> dict:
    """Every change since ``since``, all pages: ``{"commune", "head", "crs", "changes"}``.
    ``bbox``: ``{"bbox": [minx, miny, maxx, maxy], "bbox_crs": "EPSG:n"}`` of an area.

    A server that names the next page's cursor in the ``X-Next-Cursor`` header is asked for
    that page as soon as the current one has arrived, so that it builds page n+1 while this
    side parses page n (a one-thread pool; one request in flight at a time). Older servers
    only give it in the body: then the pages come one after another."""
    def params(cursor):
        p = {"commune": commune, "since": since, "limit": limit}
        if bbox and bbox.get("bbox"):
            p["bbox"] = ",".join(repr(float(v)) for v in bbox["bbox"])
            p["bbox_crs"] = bbox["bbox_crs"]
        if cursor:
            p["cursor"] = cursor
        return p

    ahead = ThreadPoolExecutor(1, thread_name_prefix="changes-page")
    try:
        changes = []
        pending = ahead.submit(client.request, "GET", "/changes", params=params(None))
        while True:
            response = pending.result()
            announced = response.headers.get(NEXT_CURSOR_HEADER)
            if announced:
                pending = ahead.submit(client.request, "GET", "/changes",
                                       params=params(announced))
            page = response.json()
            changes += page["changes"]
            _report(progress, len(changes), page.get("total"), "downloading changes")
            cursor = page.get("next_cursor")
            if not cursor:
                return {"commune": commune, "head": page["head"], "crs": page["crs"],
                        "changes": changes}
            client.check_cancelled()
            if not announced:
                pending = ahead.submit(client.request, "GET", "/changes", params=params(cursor))
    finally:
        ahead.shutdown(wait=False, cancel_futures=True)


def apply(wc, fetched: dict, operation: str = "pull", fresh: bool = False) -> PullResult:
    """Applies downloaded changes in one transaction (see the module docstring). ``fresh``: the
    working copy was just created and holds none of these rows (a check-out): they are simply
    inserted, in bulk."""
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
    by_table = {}
    for (table, k), change in latest.items():
        by_table.setdefault(table, {})[k] = change
    result = PullResult(head=fetched["head"], received=len(fetched["changes"]))
    srs = wc.commune.crs_epsg
    with wc.operation(operation, journal=False) as conn:
        if fresh:
            _insert_all(conn, by_table, srs, result)
        mine = set() if fresh else pending_keys(conn)
        for table in TABLES:
            items = by_table.get(table) if not fresh else None
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
        heads = fetched.get("heads") or {wc.commune.code: result.head}
        for code, head in heads.items():
            state.put(conn, since_key(wc, code), head)
    return result


def _insert_all(conn, by_table: dict, srs: int, result: PullResult) -> None:
    """The fresh-file path of :func:`apply`: no local row, pending change or conflict exists,
    so every upsert is an insert and a tombstone has nothing to remove."""
    versions = []
    for table in TABLES:
        items = by_table.get(table) or {}
        upserts = [(c["key"], c["data"], c["version"]) for c in items.values()
                   if c["action"] != "delete"]
        wire_rows.insert_new(conn, table, upserts, srs)
        versions += [(table, k, c["version"]) for k, c in items.items()
                     if c["action"] != "delete"]
        result.applied += len(upserts)
    # sync_versions is keyed (table_name, key) WITHOUT ROWID: written in key order, its B-tree
    # grows at the end instead of splitting pages all over.
    versions.sort(key=lambda v: (v[0], v[1]))
    state.set_versions(conn, versions)


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
         page_limit: int = PAGE_LIMIT, documents: bool = True) -> PullResult:
    """Flushes a pending outbox (so our own in-flight push is not mistaken for someone else's
    change), then downloads and applies everything since the last pull, then the scanned
    documents this copy lacks (with ``documents=False`` they are left for
    :func:`~.documents.fetch_document`)."""
    from .push import flush_outbox

    state.ensure_tables(wc)
    flush_outbox(wc, client, progress)
    area = area_of(wc.conn)
    fetched = [fetch(client, code, int(state.get(wc.conn, since_key(wc, code), "0")), progress,
                     page_limit, area) for code in communes_of(wc)]
    merged = merge(fetched)
    _report(progress, 0, len(merged["changes"]), "applying changes")
    result = apply(wc, merged)
    bring_documents(wc, client, result, documents, progress)
    return result


def bring_documents(wc, client, result: PullResult, documents: bool, progress=None) -> None:
    if documents:
        got = download_missing(wc, client, progress)
        result.documents_downloaded = got["downloaded"]
        result.documents_pending = got["pending"]
        result.documents_error = got["error"]
    else:
        from ..transactions.documents import missing_content

        result.documents_pending = len(missing_content(wc))
