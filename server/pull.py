"""Reading: a commune with its sheets, its changes since a revision (paged), parcel history.

A page lists change_log entries in (revision, seq) order, each as the row's *current* state
(or a tombstone), so pages stay small and a client applying them in order ends at the current
state. The first page fixes the head revision; later pages stop there, so every page of one
pull describes the same range even while others push.
"""
from __future__ import annotations

import base64
import binascii
import json

import shapely

from cadastre_plugin.core.sync.geojson import to_geojson
from cadastre_plugin.core.sync.tables import TABLES

from . import rows as db_rows
from .auth import Principal, commune_row, require_district
from .errors import ApiError

INT4 = 2**31 - 1


def _bad_cursor() -> ApiError:
    return ApiError(422, "changes.cursor", "The cursor is not one this server gave out: start "
                    "the pull again without it.",
                    "Con trỏ trang không hợp lệ: hãy bắt đầu lấy dữ liệu lại từ đầu.")


def encode_cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, since: int) -> list:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise _bad_cursor() from None
    if (not isinstance(values, list) or len(values) != 5
            or not all(isinstance(v, int) and 0 <= v < 2**62 for v in values)
            or values[4] != since):
        raise _bad_cursor()
    return values


def changes_page(pool, who: Principal, commune: str, since: int, cursor, limit: int) -> dict:
    with pool.connection() as conn:
        crs = commune_row(conn, who, commune)[6]
        if cursor:
            head, rev, seq, total, _ = decode_cursor(cursor, since)
        else:
            head = conn.execute("SELECT coalesce(max(revision), 0) FROM change_log "
                                "WHERE commune_code = %s", (commune,)).fetchone()[0]
            total = conn.execute("SELECT count(*) FROM change_log WHERE commune_code = %s AND "
                                 "revision > %s AND revision <= %s",
                                 (commune, since, head)).fetchone()[0]
            rev, seq = since, INT4
        # Most keys are exactly {"uuid": ...}: taken as text, so only the others are parsed.
        log = [(r, s, t, {"uuid": u} if u is not None else k, a) for r, s, t, u, k, a in
               conn.execute(
                   "SELECT revision, seq, table_name, u, CASE WHEN u IS NULL THEN key END, "
                   "action FROM change_log, LATERAL (SELECT CASE WHEN key = jsonb_build_object("
                   "'uuid', key->>'uuid') THEN key->>'uuid' END AS u) AS k "
                   "WHERE commune_code = %s AND (revision, seq) > (%s, %s) AND revision <= %s "
                   "ORDER BY revision, seq LIMIT %s", (commune, rev, seq, head, limit))]
        keys = {}
        for _, _, table, key, _ in log:
            keys.setdefault(table, {})[db_rows.key_tuple(table, key)] = key
        current = {t: db_rows.select_current(conn, t, list(k.values())) for t, k in keys.items()}
    changes = []
    for revision, _, table, key, _ in log:
        row = current[table].get(db_rows.key_tuple(table, key))
        if row is None or row["commune_code"] != commune:
            changes.append({"revision": revision, "table": table, "action": "delete",
                            "key": key, "version": None, "data": None})
        else:
            changes.append({"revision": revision, "table": table, "action": "upsert",
                            "key": key, "version": row["version"], "data": row["data"]})
    nxt = encode_cursor([head, log[-1][0], log[-1][1], total, since]) \
        if len(log) == limit else None
    return {"commune_code": commune, "crs": f"EPSG:{crs}", "since": since, "head": head,
            "total": total, "changes": changes, "next_cursor": nxt}


def commune_info(pool, who: Principal, code: str) -> dict:
    with pool.connection() as conn:
        row = commune_row(conn, who, code)
        sheets = conn.execute("SELECT sheet_no, grid_number, scale, crs_epsg, ST_AsBinary(geom) "
                              "FROM map_sheets WHERE commune_code = %s ORDER BY sheet_no",
                              (code,)).fetchall()
        head = conn.execute("SELECT coalesce(max(revision), 0) FROM change_log "
                            "WHERE commune_code = %s", (code,)).fetchone()[0]
    shapes = to_geojson(shapely.from_wkb([None if s[4] is None else bytes(s[4]) for s in sheets]))
    return {"code": row[0], "name": row[1], "district_code": row[2], "district_name": row[3],
            "province_code": row[4], "province_name": row[5], "crs_epsg": row[6],
            "crs": f"EPSG:{row[6]}", "head": head,
            "sheets": [{"sheet_no": s[0], "grid_number": s[1], "scale": s[2], "crs_epsg": s[3],
                        "geometry": g} for s, g in zip(sheets, shapes)]}


_HISTORY_COLS = [c for c in TABLES["parcels"].column_names]


def history(pool, who: Principal, uuid: str) -> dict:
    cols = ", ".join(_HISTORY_COLS)
    with pool.connection() as conn:
        rows = conn.execute(
            f"SELECT version, true, revision, changeset_uuid::text, {cols}, ST_AsBinary(geom), "
            "ST_SRID(geom) FROM parcels WHERE uuid = %s UNION ALL "
            f"SELECT version, false, revision, changeset_uuid::text, {cols}, ST_AsBinary(geom), "
            "ST_SRID(geom) FROM parcel_versions WHERE uuid = %s ORDER BY 1, 2",
            (uuid, uuid)).fetchall()
        if not rows:
            raise ApiError(404, "parcel.unknown", f"Parcel {uuid} is not in the land database.",
                           f"Thửa {uuid} không có trong cơ sở dữ liệu đất đai.")
        commune = rows[-1][4]
        crow = conn.execute("SELECT district_code, crs_epsg FROM communes WHERE code = %s",
                            (commune,)).fetchone()
    require_district(who, crow[0], commune)
    n = len(_HISTORY_COLS)
    shapes = to_geojson(shapely.from_wkb([None if r[4 + n] is None else bytes(r[4 + n])
                                          for r in rows]))
    versions = [{"version": r[0], "current": r[1], "revision": r[2], "changeset_uuid": r[3],
                 "data": dict(zip(_HISTORY_COLS, r[4:4 + n]), geometry=g)}
                for r, g in zip(rows, shapes)]
    return {"uuid": uuid, "crs": f"EPSG:{crow[1]}", "versions": versions}
