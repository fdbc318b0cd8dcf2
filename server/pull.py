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
from typing import Optional

import shapely

from cadastre_plugin.core.sync.geojson import to_geojson
from cadastre_plugin.core.sync.pull import NEXT_CURSOR_HEADER
from cadastre_plugin.core.sync.tables import TABLES

from . import area
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


def changes_page(pool, who: Principal, commune: str, since: int, cursor, limit: int,
                 bbox: Optional[tuple] = None) -> dict:
    """``bbox``: (minx, miny, maxx, maxy, srid) of a bounding-box working copy: only the rows of
    its area are sent (see :mod:`server.area`); tombstones always are (harmless when unknown)."""
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
                   "ORDER BY revision, seq LIMIT %s", (commune, rev, seq, head, limit)
               ).fetchall()]
        keys = {}
        for _, _, table, key, _ in log:
            keys.setdefault(table, {})[db_rows.key_tuple(table, key)] = key
        current = {t: db_rows.select_current(conn, t, list(k.values())) for t, k in keys.items()}
        inside = area.members(conn, commune, crs, bbox) if bbox else None
    changes = []
    for revision, _, table, key, _ in log:
        row = current[table].get(db_rows.key_tuple(table, key))
        if row is None or row["commune_code"] != commune:
            changes.append({"revision": revision, "table": table, "action": "delete",
                            "key": key, "version": None, "data": None})
        elif inside is None or area.contains(inside, table, row["key"], row["data"]):
            changes.append({"revision": revision, "table": table, "action": "upsert",
                            "key": key, "version": row["version"], "data": row["data"]})
    nxt = encode_cursor([head, log[-1][0], log[-1][1], total, since]) \
        if len(log) == limit else None
    return {"commune_code": commune, "crs": f"EPSG:{crs}", "since": since, "head": head,
            "total": total, "changes": changes, "next_cursor": nxt}


def page_headers(page: dict) -> dict:
    """The next page's cursor also as a header: a client reads it before parsing the body and
    asks for that page at once, so this server builds it while the client parses this one."""
    return {NEXT_CURSOR_HEADER: page["next_cursor"]} if page["next_cursor"] else {}


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


def earlier_versions(pool, who: Principal, code: str, after: int, limit: int) -> dict:
    """One page of a commune's superseded parcel versions (the server's history), oldest first:
    a check-out brings them so the parcel history is complete offline."""
    cols = ", ".join(_HISTORY_COLS)
    with pool.connection() as conn:
        crs = commune_row(conn, who, code)[6]
        rows = conn.execute(
            f"SELECT id, uuid, version, transaction_uuid, {cols}, ST_AsBinary(geom) "
            "FROM parcel_versions WHERE commune_code = %s AND id > %s ORDER BY id LIMIT %s",
            (code, after, limit + 1)).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    n = len(_HISTORY_COLS)
    shapes = to_geojson(shapely.from_wkb([None if r[4 + n] is None else bytes(r[4 + n])
                                          for r in rows]))
    return {"crs": f"EPSG:{crs}",
            "versions": [{"id": r[0], "uuid": r[1], "version": r[2], "transaction_uuid": r[3],
                          "data": dict(zip(_HISTORY_COLS, r[4:4 + n]), geometry=g)}
                         for r, g in zip(rows, shapes)],
            "next_after": rows[-1][0] if more else None}


def area_info(pool, who: Principal, district: Optional[str], bbox: Optional[str],
              bbox_crs: str) -> dict:
    """A district or a bounding box as its communes (each as :func:`commune_info`), one CRS."""
    if (district is None) == (bbox is None):
        raise ApiError(422, "area.choice", "Give either district or bbox (not both, not none).",
                       "Hãy cho district hoặc bbox (chỉ một trong hai).")
    with pool.connection() as conn:
        box = area.parse_bbox(conn, bbox, bbox_crs) if bbox is not None else None
        rows = area.resolve(conn, who, district, box)
    communes = [commune_info(pool, who, r[0]) for r in rows]
    return {"district": district, "bbox": list(box[:4]) if box else None,
            "bbox_crs": f"EPSG:{box[4]}" if box else None, "crs": communes[0]["crs"],
            "communes": communes}


def bbox_param(pool, bbox: Optional[str], bbox_crs: str) -> Optional[tuple]:
    if bbox is None:
        return None
    with pool.connection() as conn:
        return area.parse_bbox(conn, bbox, bbox_crs)
