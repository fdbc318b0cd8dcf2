"""Push: send the local changes to the server as change sets, exactly once.

1. Refuse while conflicts are open (they would be sent over the server's version otherwise).
2. A change set left in the outbox by an earlier, interrupted push is sent first, as it is.
3. Build the next change set from the journal, check it locally (refuse an invalid one, with the
   reasons; a scanned document it references must be in the store, unchanged), and commit it
   to the outbox BEFORE sending: whatever happens next (network cut,
   server killed, laptop off), a later push re-sends the same UUID and the same bytes, and the
   server applies it once. The scans the change set references are uploaded before it (only
   those the server lacks, resuming an interrupted upload): the server refuses a document row
   whose bytes it does not hold.
4. On success, in one SQLite transaction with journalling suspended: the server's versions are
   recorded, the journal entries are marked confirmed with the change-set UUID, the outbox is
   cleared. A 409 records the conflicts; a 422 reports the server's findings; a 403 about
   the rows themselves (another district's row, a decision only an officer may carry) is
   reported the same way. All clear the outbox because the server applied nothing: the
   journal entries stay unsent, so the next push rebuilds the change set from what the user
   has corrected (or sends it again with a token that may carry it).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable, Optional

from . import changeset, checks, state
from .client import client_error
from .documents import check_local, upload_documents
from .errors import Conflicts, Rejected
from .pull import _local, record_conflict
from .tables import key_text
from ..working_copy import utc_now

MAX_ROUNDS = 20  # edits made during a push go out in a further round; bounded all the same
# 403 answers about the content of a change set (not about the token itself): resending the
# same bytes can never succeed.
ROW_REFUSALS = ("auth.row_scope", "auth.approval")


@dataclass
class PushResult:
    changesets: int = 0
    changes: int = 0
    revision: Optional[int] = None
    documents_uploaded: int = 0
    document_bytes_sent: int = 0


def _report(progress, done, total, en):
    if progress:
        progress(done, total, en)


def push(wc, client, progress: Optional[Callable] = None) -> PushResult:
    state.ensure_tables(wc)
    conn = wc.conn
    if state.open_conflicts(conn):
        rows = conn.execute("SELECT table_name, key FROM sync_conflicts WHERE resolved_at IS NULL"
                            ).fetchall()
        raise Conflicts([{"table": t, "key": json.loads(k)} for t, k in rows],
                        "Resolve the open conflicts first (cadastre conflicts PATH); nothing "
                        "was sent.",
                        "Hãy giải quyết các xung đột đang mở trước (cadastre conflicts PATH); "
                        "chưa gửi gì.")
    result = PushResult()
    flush_outbox(wc, client, progress, result)
    for _ in range(MAX_ROUNDS):
        built = changeset.build(wc)
        if built is None:
            break
        if built["body"] is None:  # entries that cancel out (inserted and deleted here)
            with wc.operation("push-confirm", journal=False) as c:
                c.execute("UPDATE journal SET confirmed_at = ? WHERE confirmed_at IS NULL AND "
                          "id <= ?", (utc_now(), built["max_journal_id"]))
            continue
        _report(progress, 0, None, "checking the change set")
        found = checks.check(wc, built)
        if found:
            raise Rejected(found, by_server=False)
        check_local(wc, _documents_of(built["body"]))
        _file_under_its_commune(wc, built["body"])
        body = changeset.encode(built["body"])
        with wc.operation("push-outbox", journal=False) as c:
            state.put(c, state.OUTBOX, json.dumps({
                "uuid": built["body"]["uuid"], "body": body,
                "max_journal_id": built["max_journal_id"],
                "changes": len(built["body"]["changes"]), "created_at": utc_now()}))
        flush_outbox(wc, client, progress, result)
    return result


def flush_outbox(wc, client, progress=None, result: Optional[PushResult] = None) -> None:
    """Sends the change set waiting in the outbox, if any, and settles its outcome."""
    box = state.outbox(wc.conn)
    if not box:
        return
    sent = upload_documents(wc, client, _documents_of(json.loads(box["body"])), progress)
    if result is not None:
        result.documents_uploaded += sent["uploaded"]
        result.document_bytes_sent += sent["bytes_sent"]
    _report(progress, 0, box["changes"], f"sending change set {box['uuid']}")
    response = client.request("POST", "/changesets", data=box["body"].encode("utf-8"),
                              headers={"Content-Type": "application/json"},
                              accept=(403, 409, 413, 422))
    answer = response.json() if response.content else {}
    if response.status_code == 403 and answer.get("code") not in ROW_REFUSALS:
        raise client_error(response)  # the token itself: fix it, the outbox waits
    if response.status_code == 409:
        _conflicted(wc, answer)
    if response.status_code in (403, 413, 422):
        with wc.operation("push-rejected", journal=False) as conn:
            state.put(conn, state.OUTBOX, None)
        found = answer.get("violations") or [
            {"rule": e.get("type", "request"), "parcel": None, "label": "", "geometry": None,
             "message_en": f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg', '')}",
             "message_vi": f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg', '')}"}
            for e in answer.get("errors", [])] or [
            {"rule": answer.get("code", "rejected"), "parcel": None, "label": "",
             "geometry": None, "message_en": answer.get("message_en", answer.get("detail", "")),
             "message_vi": answer.get("message_vi", answer.get("detail", ""))}]
        raise Rejected(found, by_server=True)
    _confirm(wc, box, answer)
    _report(progress, box["changes"], box["changes"], f"change set {box['uuid']} applied")
    if result is not None:
        result.changesets += 1
        result.changes += box["changes"]
        result.revision = answer["revision"]


def _confirm(wc, box: dict, answer: dict) -> None:
    with wc.operation("push-confirm", journal=False) as conn:
        state.set_versions(conn, [(v["table"], key_text(v["key"]), v["version"])
                                  for v in answer["versions"]])
        conn.executemany("UPDATE parcels SET version = ? WHERE uuid = ?",
                         [(v["version"], v["key"]["uuid"]) for v in answer["versions"]
                          if v["table"] == "parcels" and v["version"] is not None])
        conn.execute("UPDATE journal SET confirmed_at = ?, changeset_uuid = ? WHERE "
                     "confirmed_at IS NULL AND id <= ?",
                     (utc_now(), box["uuid"], box["max_journal_id"]))
        state.put(conn, state.OUTBOX, None)
        state.put(conn, state.LAST_PUSHED, answer["revision"])


def _conflicted(wc, answer: dict) -> None:
    conflicts = answer.get("conflicts", [])
    with wc.operation("push-conflict", journal=False) as conn:
        for c in conflicts:
            current = c.get("current")
            theirs = ({"action": "upsert", "data": current["data"],
                       "version": c.get("current_version")} if current else {"action": "delete"})
            record_conflict(conn, c["table"], c["key"], _local(conn, c["table"], c["key"]),
                            theirs, "push")
        state.put(conn, state.OUTBOX, None)
    raise Conflicts([{"table": c["table"], "key": c["key"]} for c in conflicts])


def _documents_of(body: dict) -> list:
    """Checksums of the scanned documents a change set inserts or updates."""
    return [c["key"]["sha256"] for c in body.get("changes", [])
            if c["table"] == "documents" and c["action"] == "upsert"]


def _file_under_its_commune(wc, body: dict) -> None:
    """In a working copy of several communes (a district, a bounding box), a change set is
    filed under the commune most of its parcels belong to: the server files rows that hang on
    no parcel (parties, registration changes, documents) under the change set's commune."""
    codes = [c["data"]["commune_code"] for c in body["changes"]
             if c["table"] == "parcels" and c["action"] == "upsert"]
    if codes and wc.count("communes") > 1:
        body["commune_code"] = max(sorted(set(codes)), key=codes.count)
