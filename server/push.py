"""Applying a change set: in ONE database transaction, exactly once, all or nothing.

Order matters:
1. Idempotency first: the change set's UUID is inserted with ON CONFLICT DO NOTHING. A
   concurrent duplicate blocks on that insert until the first one commits, then finds it and
   answers the stored response; the same UUID with a different body is refused.
2. A per-commune advisory lock, taken before the revision is drawn, makes revisions of a
   commune commit in order, so a pull that has seen revision R can never miss one below R.
3. Touched rows are locked FOR UPDATE and their versions compared with the change set's base
   versions: any difference is a 409 with the server's current state, nothing applied.
4. The rows are written (parcels' previous versions copied to parcel_versions first), then the
   core's rules check the resulting state: any finding is a 422 and the transaction rolls back.
5. change_log rows, the stored response and the audit row commit with the data.
Rejections are audited in a transaction of their own, after the rollback.
"""
from __future__ import annotations

import json
from collections import defaultdict

from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.sync.geojson import from_geojson
from cadastre_plugin.core.sync.tables import TABLES, key_text

from . import rows as db_rows
from .auth import Principal, commune_row, require_writer
from .errors import ApiError
from .validate import validate

COMMUNE_LOCK = 1  # first half of the (int, int) advisory lock key; the commune is the second


def apply_changeset(pool, who: Principal, cs, body_sha: str, remote: str) -> dict:
    with pool.connection() as conn:
        try:
            with conn.transaction():
                return _apply(conn, who, cs, body_sha, remote)
        except ApiError as exc:
            with conn.transaction():
                audit(conn, who, "push", _outcome(exc.status), exc.status, str(cs.uuid),
                      cs.commune_code, None, remote, {"code": exc.code})
            raise


def _outcome(status: int) -> str:
    return {403: "forbidden", 404: "unknown", 409: "conflict", 422: "rejected"}.get(
        status, "failed")


def audit(conn, who: Principal, action, outcome, status, changeset, commune, revision, remote,
          detail=None) -> None:
    conn.execute(
        "INSERT INTO audit_log (token_id, token_name, role, action, outcome, status, "
        "changeset_uuid, commune_code, revision, remote_addr, detail) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (who.id, who.name, who.role, action, outcome, status, changeset, commune, revision,
         remote, json.dumps(detail) if detail is not None else None))


def _apply(conn, who: Principal, cs, body_sha: str, remote: str) -> dict:
    require_writer(who)
    commune = commune_row(conn, who, cs.commune_code)
    srid = commune[6]
    if cs.crs != f"EPSG:{srid}":
        raise ApiError(422, "changeset.crs",
                       f"Commune {cs.commune_code} is kept in EPSG:{srid}, not {cs.crs}: send "
                       "its coordinates in its own VN-2000 TM-3 CRS.",
                       f"Xã {cs.commune_code} dùng EPSG:{srid}, không phải {cs.crs}: gửi toạ độ "
                       "theo hệ VN-2000 TM-3 của xã.")
    by_table = _group(cs)
    uuid = str(cs.uuid)
    inserted = conn.execute(
        "INSERT INTO changesets (uuid, body_sha256, commune_code, token_id) "
        "VALUES (%s, %s, %s, %s) ON CONFLICT (uuid) DO NOTHING",
        (uuid, body_sha, cs.commune_code, who.id)).rowcount
    if not inserted:
        sha, response = conn.execute("SELECT body_sha256, response FROM changesets "
                                     "WHERE uuid = %s", (uuid,)).fetchone()
        if sha != body_sha:
            raise ApiError(422, "changeset.uuid_reused",
                           f"Change set {uuid} was already applied with different content: "
                           "a new change set needs a new UUID.",
                           f"Bộ thay đổi {uuid} đã được áp dụng với nội dung khác: bộ thay đổi "
                           "mới cần UUID mới.")
        audit(conn, who, "push", "replayed", 200, uuid, cs.commune_code, response["revision"],
              remote)
        return response
    conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (COMMUNE_LOCK,
                                                                    cs.commune_code))
    revision = conn.execute("SELECT nextval('revision_seq')").fetchone()[0]
    current = {t: db_rows.select_current(conn, t, [c.key.model_dump() for c in ch], lock=True)
               for t, ch in by_table.items()}
    _check_scope(cs, by_table, current)
    _check_versions(by_table, current)

    versions, log = [], []
    before, parcels, parties, rights = [], [], [], set()
    for table, changes in by_table.items():
        now = current[table]
        ups, dels = [], []
        for c in changes:
            key = c.key.model_dump()
            k = db_rows.key_tuple(table, key)
            if c.action == "delete":
                versions.append({"table": table, "key": key, "version": None})
                if k in now:
                    dels.append(key)
                    log.append((table, key_text(key), "delete"))
                continue
            data = c.data.model_dump()
            version = now[k]["version"] + 1 if k in now else 1
            ups.append((key, data, version))
            versions.append({"table": table, "key": key, "version": version})
            log.append((table, key_text(key), "upsert"))
        if table == "parcels":
            db_rows.keep_history(conn, [k["uuid"] for k, _, _ in ups
                                        if (k["uuid"],) in now] + [k["uuid"] for k in dels],
                                 revision)
            geoms = from_geojson([d.get("geometry") for _, d, _ in ups])
            parcels = [{**k, **d, "geometry": g} for (k, d, _), g in zip(ups, geoms)]
            old = list(now.values())
            geoms = from_geojson([r["data"].get("geometry") for r in old])
            before = [{**r["key"], **r["data"], "geometry": g} for r, g in zip(old, geoms)]
        if table == "parties":
            parties = [dict(k, **d) for k, d, _ in ups]
        if table == "right_shares":
            rights = {c.key.right_uuid for c in changes}
        db_rows.delete(conn, table, dels)
        db_rows.upsert(conn, table, ups, cs.commune_code, revision, uuid, srid)

    found = validate(conn, Commune(commune[0], commune[1], srid, *(v or "" for v in commune[2:6])),
                     before, parcels, parties, rights)
    if found:
        raise ApiError(422, "changeset.invalid",
                       f"The change set breaks {len(found)} rule(s); nothing was applied. "
                       f"{found[0]['message_en']}",
                       f"Bộ thay đổi vi phạm {len(found)} quy tắc; chưa áp dụng gì. "
                       f"{found[0]['message_vi']}", violations=found)
    conn.execute(
        "INSERT INTO change_log (commune_code, revision, seq, table_name, key, action) "
        "SELECT %s, %s, s, t, k::jsonb, a FROM unnest(%s::int[], %s::text[], %s::text[], "
        "%s::text[]) AS u(s, t, k, a)",
        (cs.commune_code, revision, list(range(len(log))), [x[0] for x in log],
         [x[1] for x in log], [x[2] for x in log]))
    response = {"changeset": uuid, "revision": revision, "applied": len(log),
                "versions": versions}
    conn.execute("UPDATE changesets SET revision = %s, response = %s WHERE uuid = %s",
                 (revision, json.dumps(response), uuid))
    audit(conn, who, "push", "applied", 200, uuid, cs.commune_code, revision, remote,
          {"changes": len(log)})
    return response


def _group(cs) -> dict:
    by_table = defaultdict(list)
    seen = set()
    for c in cs.changes:
        k = (c.table, key_text(c.key.model_dump()))
        if k in seen:
            raise ApiError(422, "changeset.duplicate_key",
                           f"The change set changes {c.table} {k[1]} twice: send one change "
                           "per row (its final state).",
                           f"Bộ thay đổi sửa {c.table} {k[1]} hai lần: mỗi dòng chỉ gửi một "
                           "thay đổi (trạng thái cuối).")
        seen.add(k)
        by_table[c.table].append(c)
    # A fixed table order, so that concurrent change sets lock rows in the same order.
    return {t: by_table[t] for t in TABLES if t in by_table}


def _check_scope(cs, by_table: dict, current: dict) -> None:
    for table, rows in current.items():
        for row in rows.values():
            if row["commune_code"] != cs.commune_code:
                raise ApiError(403, "auth.row_scope",
                               f"{table} {key_text(row['key'])} belongs to commune "
                               f"{row['commune_code']}, not {cs.commune_code}: a change set may "
                               "change only its own commune's rows.",
                               f"{table} {key_text(row['key'])} thuộc xã {row['commune_code']}, "
                               f"không phải {cs.commune_code}: bộ thay đổi chỉ được sửa dữ liệu "
                               "của xã mình.")
    for c in by_table.get("parcels", []):
        if c.data is not None and c.data.commune_code != cs.commune_code:
            raise ApiError(422, "changeset.commune_mismatch",
                           f"Parcel {c.key.uuid} is given commune {c.data.commune_code} in a "
                           f"change set of commune {cs.commune_code}.",
                           f"Thửa {c.key.uuid} ghi mã xã {c.data.commune_code} trong bộ thay "
                           f"đổi của xã {cs.commune_code}.")


def _check_versions(by_table: dict, current: dict) -> None:
    conflicts = []
    for table, changes in by_table.items():
        for c in changes:
            key = c.key.model_dump()
            row = current[table].get(db_rows.key_tuple(table, key))
            have = row["version"] if row else None
            if c.action == "delete" and row is None:
                continue  # deleted on both sides: the outcome the client wants
            if have != c.base_version:
                conflicts.append({"table": table, "key": key, "base_version": c.base_version,
                                  "current_version": have,
                                  "current": {"key": key, "data": row["data"]} if row else None})
    if conflicts:
        raise ApiError(409, "changeset.conflict",
                       f"{len(conflicts)} row(s) changed on the server since this copy got them; "
                       "nothing was applied. Pull, resolve the conflicts, and push again.",
                       f"{len(conflicts)} dòng đã thay đổi trên máy chủ kể từ khi bản sao này "
                       "nhận về; chưa áp dụng gì. Hãy lấy về (pull), giải quyết xung đột rồi "
                       "đẩy lại.", conflicts=conflicts)
