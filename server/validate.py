"""Server-side validation of an applied (not yet committed) change set, with the core's record
rules and topology engine (:mod:`cadastre_plugin.core.sync.rules`, ``.neighbourhood``), the
neighbours coming from PostGIS through the GiST index. It judges the state after the change
set, inside its transaction, so changes that only make sense together (a split: one parcel
retired, two added) are judged together; any finding rolls the whole change set back."""
from __future__ import annotations

import shapely

from cadastre_plugin.core.model import Commune, MapSheet
from cadastre_plugin.core.sync import rules
from cadastre_plugin.core.sync.neighbourhood import fetch_boxes, new_errors

def validate(conn, commune: Commune, before: list, parcels: list, parties: list,
             touched_rights: set) -> list:
    """``before``/``parcels``: changed parcel rows before/after (dicts of the parcel columns
    with a shapely ``geometry``); ``parties``: changed party rows."""
    out = rules.check_parcel_rows(parcels, [p["geometry"] for p in parcels])
    after = [p for p in parcels if p.get("status") == "current"]
    if after:
        out += _topology(conn, commune, [p for p in before if p.get("status") == "current"],
                         after)
        out += _numbers(conn, after)
    out += rules.check_party_rows(parties)
    if touched_rights:
        out += _shares(conn, sorted(touched_rights))
    return out


def _topology(conn, commune: Commune, before: list, after: list) -> list:
    boxes = fetch_boxes([p["geometry"] for p in before + after])
    changed = {p["uuid"] for p in before} | {p["uuid"] for p in after}
    srid = commune.crs_epsg
    # LATERAL: one GiST index probe per box (a plain join of unnest() with && is planned as
    # a scan of every parcel for every box). The changed parcels are dropped afterwards.
    found = conn.execute(
        "SELECT DISTINCT q.uuid, q.commune_code, q.sheet_no, q.parcel_no, q.landuse, "
        "q.legal_area, q.status, ST_AsBinary(q.geom) "
        "FROM unnest(%s::float8[], %s::float8[], %s::float8[], %s::float8[]) AS b(x0, y0, x1, y1), "
        "LATERAL (SELECT * FROM parcels p WHERE p.geom && ST_MakeEnvelope(b.x0, b.y0, b.x1, b.y1, "
        "%s) AND p.status = 'current' AND ST_SRID(p.geom) = %s) AS q",
        (boxes[:, 0].tolist(), boxes[:, 1].tolist(), boxes[:, 2].tolist(),
         boxes[:, 3].tolist(), srid, srid)).fetchall()
    rows = [r for r in found if r[0] not in changed]
    geoms = shapely.from_wkb([bytes(r[7]) for r in rows])
    names = ("uuid", "commune_code", "sheet_no", "parcel_no", "landuse", "legal_area", "status")
    neighbours = [dict(zip(names, r[:7]), geometry=g) for r, g in zip(rows, geoms)]
    sheet_rows = conn.execute("SELECT commune_code, sheet_no, grid_number, scale, crs_epsg, "
                              "ST_AsBinary(geom) FROM map_sheets WHERE commune_code = %s",
                              (commune.code,)).fetchall()
    frames = shapely.from_wkb([None if r[5] is None else bytes(r[5]) for r in sheet_rows])
    sheets = {(r[0], r[1]): MapSheet(r[0], r[1], r[2], r[3], r[4], f)
              for r, f in zip(sheet_rows, frames)}
    used = {(p["commune_code"], p["sheet_no"]) for p in after}
    scales = [sheets[k].scale for k in used if k in sheets]
    return new_errors(before, after, neighbours, commune, sheets, scales)


def _numbers(conn, current: list) -> list:
    others = conn.execute(
        "SELECT p.uuid, p.commune_code, p.sheet_no, p.parcel_no FROM parcels p "
        "JOIN unnest(%s::text[], %s::int[], %s::int[]) AS n(c, s, no) "
        "ON p.commune_code = n.c AND p.sheet_no = n.s AND p.parcel_no = n.no "
        "WHERE p.status = 'current' AND NOT (p.uuid = ANY(%s))",
        ([p["commune_code"] for p in current], [p["sheet_no"] for p in current],
         [p["parcel_no"] for p in current], [p["uuid"] for p in current])).fetchall()
    return rules.check_numbers(current, others)


def _shares(conn, rights: list) -> list:
    shares = {}
    for right, party, share in conn.execute(
            "SELECT right_uuid, party_uuid, share FROM right_shares WHERE right_uuid = ANY(%s)",
            (rights,)):
        shares.setdefault(right, []).append((party, share))
    for (right,) in conn.execute("SELECT uuid FROM rights WHERE uuid = ANY(%s)", (rights,)):
        shares.setdefault(right, [])
    return rules.check_right_shares(shares)
