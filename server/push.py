"""Applying a change set: in ONE database transaction, exactly once, all or nothing.

Order matters:
1. Idempotency first: the change set's UUID is inserted with ON CONFLICT DO NOTHING. A
   concurrent duplicate blocks on that insert until the first one commits, then finds it and
   answers the stored response; the same UUID with a different body is refused.
2. A per-commune advisory lock, taken before the revision is drawn, makes revisions of a
   commune commit in order, so a pull that has seen revision R can never miss one below R.
3. Touched rows are locked FOR UPDATE and their versions compared with the change set's base
   versions: any difference is a 409 with the server's current state, nothing applied. Then
   only an officer may approve or reject a transaction (approval.py): 403 otherwise.
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
from .approval import check_decisions
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
    # Every commune the change set touches is locked, in one order (no deadlock), so that
    # each commune's revisions still commit in order.
    allowed = _allowed_communes(conn, who, commune, _communes_touched(conn, cs, by_table))
    for code in sorted(allowed):
        conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (COMMUNE_LOCK, code))
    revision = conn.execute("SELECT nextval('revision_seq')").fetchone()[0]
    current = {t: db_rows.select_current(conn, t, [c.key.model_dump() for c in ch], lock=True)
               for t, ch in by_table.items()}
    _check_scope(cs, by_table, current, allowed)
    _check_versions(by_table, current)
    decided = check_decisions(who, by_table.get("transactions", []),
                              current.get("transactions", {}))
    _check_documents(conn, by_table)

    versions, log, entries = [], [], []
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
        homes = _homes(conn, table, ups, now, cs.commune_code)
        for code in sorted(set(homes)):
            db_rows.upsert(conn, table, [u for u, h in zip(ups, homes) if h == code], code,
                           revision, uuid, srid)
        # The change goes to the log of the row's commune, and of the commune it left (whose
        # working copies then drop it); a deletion to the commune it was in.
        was = {key_text(r["key"]): r["commune_code"] for r in now.values()}
        for (key, _, _), home in zip(ups, homes):
            k = key_text(key)
            entries.append((home, table, k, "upsert"))
            if was.get(k, home) != home:
                entries.append((was[k], table, k, "upsert"))
        entries += [(was.get(key_text(k), cs.commune_code), table, key_text(k), "delete")
                    for k in dels]

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
        "SELECT c, %s, s, t, k::jsonb, a FROM unnest(%s::text[], %s::int[], %s::text[], "
        "%s::text[], %s::text[]) AS u(c, s, t, k, a)",
        (revision, [x[0] for x in entries], list(range(len(entries))),
         [x[1] for x in entries], [x[2] for x in entries], [x[3] for x in entries]))
    response = {"changeset": uuid, "revision": revision, "applied": len(log),
                "versions": versions}
    conn.execute("UPDATE changesets SET revision = %s, response = %s WHERE uuid = %s",
                 (revision, json.dumps(response), uuid))
    audit(conn, who, "push", "applied", 200, uuid, cs.commune_code, revision, remote,
          {"changes": len(log), **{k: v for k, v in decided.items() if v}})
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


def _communes_touched(conn, cs, by_table: dict) -> set:
    """The change set's commune, the communes its parcels name, and those of the existing rows
    it touches (read before the locks; re-checked under them by :func:`_check_scope`)."""
    codes = {cs.commune_code}
    codes |= {c.data.commune_code for c in by_table.get("parcels", []) if c.data is not None}
    for table, changes in by_table.items():
        where, params = db_rows.key_filter(table, [c.key.model_dump() for c in changes])
        codes |= {r[0] for r in conn.execute(
            f"SELECT DISTINCT t.commune_code FROM {table} t WHERE {where}", params)}
    return codes


def _allowed_communes(conn, who: Principal, commune, codes: set) -> set:
    """A change set may touch rows of several communes (a district working copy), all of
    them in the token's districts and in the change set's TM-3 CRS."""
    rows = {r[0]: r for r in conn.execute(
        "SELECT code, district_code, crs_epsg FROM communes WHERE code = ANY(%s)",
        (sorted(codes),))}
    for code in sorted(codes):
        row = rows.get(code)
        if row is None:
            raise ApiError(422, "changeset.commune_unknown",
                           f"Commune {code} named in the change set is not in the land "
                           "database.", f"Xã {code} trong bộ thay đổi không có trong cơ sở dữ "
                           "liệu đất đai.")
        if row[1] not in who.districts:
            raise ApiError(403, "auth.row_scope",
                           f"The change set touches rows of commune {code} in district "
                           f"{row[1]}, outside this token's districts "
                           f"({', '.join(sorted(who.districts))}).",
                           f"Bộ thay đổi sửa dữ liệu của xã {code} thuộc huyện {row[1]}, ngoài "
                           f"phạm vi của mã truy cập này ({', '.join(sorted(who.districts))}).")
        if row[2] != commune[6]:
            raise ApiError(422, "changeset.commune_mismatch",
                           f"Commune {code} is kept in EPSG:{row[2]}, not in the change set's "
                           f"EPSG:{commune[6]}: one change set holds one TM-3 zone.",
                           f"Xã {code} dùng EPSG:{row[2]}, không phải EPSG:{commune[6]} của bộ "
                           "thay đổi: mỗi bộ thay đổi chỉ thuộc một múi chiếu TM-3.")
    return set(codes)


def _check_scope(cs, by_table: dict, current: dict, allowed: set) -> None:
    for table, rows in current.items():
        for row in rows.values():
            if row["commune_code"] not in allowed:  # moved between the read and the lock
                raise ApiError(503, "changeset.retry", "Rows moved while the change set was "
                               "being applied; nothing was applied: send it again.",
                               "Dữ liệu vừa thay đổi trong lúc áp dụng; chưa áp dụng gì: hãy "
                               "gửi lại.")


_PARENT = {"rights": ("parcel_uuid", "parcels"), "restrictions": ("parcel_uuid", "parcels"),
           "certificate_parcels": ("parcel_uuid", "parcels"),
           "transaction_parcels": ("parcel_uuid", "parcels"),
           "parcel_lineage": ("child_uuid", "parcels"), "right_shares": ("right_uuid", "rights")}


def _homes(conn, table: str, ups: list, now: dict, default: str) -> list:
    """The commune of each upserted row: an existing row keeps its own, a parcel names its
    own, a new row hanging on a parcel (or on a right, a registration change) goes with it, so
    that the working copies of that commune pull it; anything else goes to the change set's
    commune."""
    if table == "parcels":
        return [d["commune_code"] for _, d, _ in ups]
    column, parent = _PARENT.get(table, ("transaction_uuid", "transactions"))
    refs = [{**k, **d}.get(column) for k, d, _ in ups]
    found = dict(conn.execute(f"SELECT uuid, commune_code FROM {parent} WHERE uuid = ANY(%s)",
                              ([r for r in refs if r],))) if any(refs) else {}
    out = []
    for (key, _, _), ref in zip(ups, refs):
        existing = now.get(db_rows.key_tuple(table, key))
        out.append(existing["commune_code"] if existing else found.get(ref, default))
    return out


def _check_documents(conn, by_table: dict) -> None:
    """A document row must never point to bytes the server does not hold (the client uploads
    the scans before the change set that references them)."""
    shas = sorted({c.key.sha256 for c in by_table.get("documents", []) if c.action == "upsert"})
    if not shas:
        return
    held = {r[0] for r in conn.execute("SELECT sha256 FROM document_blobs WHERE sha256 = "
                                       "ANY(%s) AND complete", (shas,))}
    missing = [s for s in shas if s not in held]
    if missing:
        raise ApiError(422, "changeset.document_missing",
                       f"{len(missing)} scanned document(s) of the change set are not (fully) "
                       f"uploaded, e.g. {missing[0]}: upload them (PUT /documents/{{sha256}}) "
                       "first; nothing was applied.",
                       f"{len(missing)} tài liệu quét trong bộ thay đổi chưa được tải lên đủ, "
                       f"ví dụ {missing[0]}: hãy tải lên (PUT /documents/{{sha256}}) trước; "
                       "chưa áp dụng gì.", missing=missing)


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
