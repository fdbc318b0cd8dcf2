"""Areas larger or smaller than one commune: a district, or a bounding box.

A working copy of an area is a working copy of several communes, all in ONE VN-2000 TM-3 CRS
(one province: one zone). The area is resolved to its communes here; the client then checks out
and pulls each commune's change log as it does for a single commune, passing the bounding box
along so that only the rows of the area come back.

What a bounding box holds: every parcel whose geometry intersects it (whole parcels, never
clipped), and the rows that hang on those parcels: their rights and the shares and parties of
those rights, restrictions (and their creditors), certificates, registration changes with all
their links and scanned documents, lineage, external identifiers. A row that enters the area
later (a parcel moved into it) comes with its own later changes, not with older ones.

District scope: an area reaching into a commune outside the token's districts is refused
whole (403, naming the communes), rather than silently cut at the district boundary: a surveyor
who drew the box across the boundary learns why parcels would be missing.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Optional

import numpy as np
import shapely
from pyproj import Transformer

from .auth import Principal
from .errors import ApiError

WGS84 = 4326
# Lon/lat of anything in Vietnam, with a margin: outside this a TM-3 projection is meaningless.
LON, LAT = (100.0, 112.0), (7.0, 25.0)
# VN-2000 TM-3 metres inside Vietnam (as the change-set models accept them).
EASTING, NORTHING = (0.0, 1_000_000.0), (900_000.0, 2_700_000.0)


def _bad_bbox(en: str, vi: str) -> ApiError:
    return ApiError(422, "area.bbox", en, vi)


def parse_bbox(conn, text: str, crs: str) -> tuple:
    """``"minx,miny,maxx,maxy"`` in ``crs`` (``EPSG:4326`` lon/lat, or the EPSG code of a
    commune's TM-3 CRS, easting/northing in metres) -> (minx, miny, maxx, maxy, srid)."""
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise _bad_bbox(f"bbox '{text[:80]}' must be four numbers: minx,miny,maxx,maxy.",
                        f"bbox '{text[:80]}' phải gồm bốn số: minx,miny,maxx,maxy.")
    minx, miny, maxx, maxy = values
    if minx >= maxx or miny >= maxy:
        raise _bad_bbox(f"bbox {text[:80]}: min must be below max on both axes.",
                        f"bbox {text[:80]}: giá trị min phải nhỏ hơn max trên cả hai trục.")
    srid = int(crs.split(":")[1])
    if srid == WGS84:
        xs, ys, unit_en, unit_vi = LON, LAT, "longitude/latitude in Vietnam", \
            "kinh độ/vĩ độ trong lãnh thổ Việt Nam"
    else:
        known = conn.execute("SELECT 1 FROM communes WHERE crs_epsg = %s LIMIT 1",
                             (srid,)).fetchone()
        if known is None:
            raise _bad_bbox(
                f"{crs} is not the CRS of any commune here: give the bbox in EPSG:4326 "
                "(longitude, latitude) or in the communes' VN-2000 TM-3 CRS.",
                f"{crs} không phải hệ toạ độ của xã nào: hãy cho bbox theo EPSG:4326 (kinh độ, "
                "vĩ độ) hoặc theo hệ VN-2000 TM-3 của các xã.")
        xs, ys, unit_en, unit_vi = EASTING, NORTHING, "TM-3 easting/northing in metres", \
            "toạ độ TM-3 (mét)"
    if minx < xs[0] or maxx > xs[1] or miny < ys[0] or maxy > ys[1]:
        raise _bad_bbox(
            f"bbox {text[:80]} is not {unit_en} ({xs[0]:.0f}..{xs[1]:.0f}, "
            f"{ys[0]:.0f}..{ys[1]:.0f}) in {crs}: are the axes swapped or the CRS wrong?",
            f"bbox {text[:80]} không phải {unit_vi} ({xs[0]:.0f}..{xs[1]:.0f}, "
            f"{ys[0]:.0f}..{ys[1]:.0f}) theo {crs}: trục bị đảo hay sai hệ toạ độ?")
    return minx, miny, maxx, maxy, srid


def _envelope(bbox: tuple, srid: int) -> tuple:
    """SQL for the box in a commune's CRS, and its parameters. Reprojected here with pyproj
    (PostGIS's spatial_ref_sys may lack the VN-2000 TM-3 codes), densified first so that the
    box's edges stay where they were drawn."""
    minx, miny, maxx, maxy, given = bbox
    if given == srid:
        return "ST_MakeEnvelope(%s, %s, %s, %s, %s)", [minx, miny, maxx, maxy, srid]
    return "ST_GeomFromWKB(%s, %s)", [_reprojected(bbox, srid), srid]


@lru_cache(maxsize=64)
def _reprojected(bbox: tuple, srid: int) -> bytes:
    minx, miny, maxx, maxy, given = bbox
    box = shapely.segmentize(shapely.box(minx, miny, maxx, maxy), (maxx - minx) / 16)
    to = Transformer.from_crs(given, srid, always_xy=True)
    return shapely.to_wkb(shapely.transform(box, lambda xy: np.column_stack(
        to.transform(xy[:, 0], xy[:, 1]))))


def communes_in_bbox(conn, bbox: tuple) -> list:
    """Codes of the communes with a parcel intersecting the box, per CRS so that each probe of
    the GiST index compares geometries of one SRID."""
    found = []
    for (srid,) in conn.execute("SELECT DISTINCT crs_epsg FROM communes ORDER BY 1").fetchall():
        env, params = _envelope(bbox, srid)
        found += [r[0] for r in conn.execute(
            f"WITH e AS (SELECT {env} AS g) SELECT DISTINCT p.commune_code FROM parcels p, e "
            "WHERE p.geom && e.g AND CASE WHEN ST_SRID(p.geom) = %s THEN ST_Intersects(p.geom, "
            "e.g) ELSE false END", (*params, srid)).fetchall()]
    return sorted(set(found))


def resolve(conn, who: Principal, district: Optional[str], bbox: Optional[tuple]) -> list:
    """The commune rows of the area (code, name, district, ..., crs_epsg), after the checks."""
    cols = ("SELECT code, name, district_code, district_name, province_code, province_name, "
            "crs_epsg FROM communes")
    if district is not None:
        if district not in who.districts:
            raise ApiError(403, "auth.district",
                           f"District {district} is outside this token's districts "
                           f"({', '.join(sorted(who.districts))}).",
                           f"Huyện {district} nằm ngoài phạm vi của mã truy cập này "
                           f"({', '.join(sorted(who.districts))}).")
        rows = conn.execute(cols + " WHERE district_code = %s ORDER BY code",
                            (district,)).fetchall()
        if not rows:
            raise ApiError(404, "area.empty", f"District {district} has no commune in the land "
                           "database.", f"Huyện {district} không có xã nào trong cơ sở dữ liệu "
                           "đất đai.")
    else:
        codes = communes_in_bbox(conn, bbox)
        if not codes:
            raise ApiError(404, "area.empty",
                           "No parcel of the land database intersects this bounding box: check "
                           "its coordinates and CRS.",
                           "Không có thửa đất nào giao với khung này: kiểm tra toạ độ và hệ toạ "
                           "độ của khung.")
        rows = conn.execute(cols + " WHERE code = ANY(%s) ORDER BY code", (codes,)).fetchall()
        outside = [r for r in rows if r[2] not in who.districts]
        if outside:
            names = ", ".join(f"{r[0]} ({r[2]})" for r in outside)
            raise ApiError(403, "auth.district",
                           f"The bounding box reaches into commune(s) {names} outside this "
                           f"token's districts ({', '.join(sorted(who.districts))}): draw it "
                           "inside your districts.",
                           f"Khung chọn lấn sang xã {names} ngoài phạm vi của mã truy cập này "
                           f"({', '.join(sorted(who.districts))}): hãy vẽ khung trong phạm vi "
                           "huyện của bạn.")
    zones = sorted({r[6] for r in rows})
    if len(zones) > 1:
        raise ApiError(422, "area.zones",
                       f"The area spans {len(zones)} VN-2000 TM-3 zones "
                       f"({', '.join(f'EPSG:{z}' for z in zones)}); a working copy has one: "
                       "check out each part separately.",
                       f"Khu vực trải trên {len(zones)} múi chiếu VN-2000 TM-3 "
                       f"({', '.join(f'EPSG:{z}' for z in zones)}); một bản sao làm việc chỉ có "
                       "một: hãy lấy từng phần riêng.")
    return rows


def members(conn, commune: str, srid: int, bbox: tuple) -> dict:
    """The keys of a commune's current rows inside the box: {set name: set of keys}."""
    env, params = _envelope(bbox, srid)
    parcels = {r[0] for r in conn.execute(
        f"WITH e AS (SELECT {env} AS g) SELECT p.uuid FROM parcels p, e WHERE "
        "p.commune_code = %s AND p.geom && e.g AND CASE WHEN ST_SRID(p.geom) = %s THEN "
        "ST_Intersects(p.geom, e.g) ELSE false END", (*params, commune, srid))}
    p = list(parcels)

    def ids(sql: str, *args) -> set:
        return {r[0] for r in conn.execute(sql, args)}

    rights = ids("SELECT uuid FROM rights WHERE parcel_uuid = ANY(%s)", p)
    restr = conn.execute("SELECT uuid, creditor_uuid FROM restrictions WHERE parcel_uuid = "
                         "ANY(%s)", (p,)).fetchall()
    certs = ids("SELECT certificate_uuid FROM certificate_parcels WHERE parcel_uuid = ANY(%s)", p)
    trans = ids("SELECT transaction_uuid FROM transaction_parcels WHERE parcel_uuid = ANY(%s)", p)
    parties = ids("SELECT party_uuid FROM right_shares WHERE right_uuid = ANY(%s) UNION "
                  "SELECT party_uuid FROM transaction_parties WHERE transaction_uuid = ANY(%s)",
                  list(rights), list(trans)) | {c for _, c in restr if c}
    docs = ids("SELECT sha256 FROM transaction_documents WHERE transaction_uuid = ANY(%s)",
               list(trans))
    restrictions = {u for u, _ in restr}
    return {"parcels": parcels, "rights": rights, "restrictions": restrictions,
            "certificates": certs, "transactions": trans, "parties": parties,
            "documents": docs,
            "objects": parcels | rights | restrictions | certs | trans | parties}


# Which key column of each table decides, and against which set.
_BY = {"parcels": ("uuid", "parcels"), "parties": ("uuid", "parties"),
       "rights": ("uuid", "rights"), "right_shares": ("right_uuid", "rights"),
       "restrictions": ("uuid", "restrictions"), "certificates": ("uuid", "certificates"),
       "certificate_parcels": ("certificate_uuid", "certificates"),
       "transactions": ("uuid", "transactions"), "documents": ("sha256", "documents"),
       "external_ids": ("object_uuid", "objects")}


def contains(inside: dict, table: str, key: dict, data: dict) -> bool:
    if table == "parcel_lineage":
        return key["parent_uuid"] in inside["parcels"] or key["child_uuid"] in inside["parcels"]
    column, group = _BY.get(table, ("transaction_uuid", "transactions"))
    return key[column] in inside[group]
