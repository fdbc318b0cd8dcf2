"""Findings as a GeoPackage error layer: one table per geometry dimension (points: vertices and
crossings; lines: short edges; polygons: overlaps, gaps, parcels), each error at its exact
location, with its rule, severity, message in both languages and the parcels involved.

Written with the core's own GeoPackage writer (no GDAL), so QGIS, the command line and the
server produce the same file.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import shapely

from .. import gpkg
from ..messages import CadastreError, preferred_language
from . import registry

LAYERS = {0: ("errors_points", "MULTIPOINT"), 1: ("errors_lines", "MULTILINESTRING"),
          2: ("errors_polygons", "MULTIPOLYGON")}
COLUMNS = ("rule", "severity", "name", "message", "message_en", "message_vi", "parcels", "fixable")
_CUSTOM_SRS = 990001


def split_by_dimension(geom) -> dict:
    """{dimension: Multi* geometry} of a finding geometry (collections come apart): 0 points,
    1 lines, 2 polygons, as the three error layers hold them."""
    if geom is None or shapely.is_empty(geom):
        return {}
    parts = shapely.get_parts(shapely.get_parts(geom))
    parts = parts[~shapely.is_empty(parts)]
    dims = shapely.get_dimensions(parts)
    out = {}
    for dim, make in ((0, shapely.multipoints), (1, shapely.multilinestrings),
                      (2, shapely.multipolygons)):
        mine = parts[dims == dim]
        if len(mine):
            out[dim] = make(mine)
    return out


def _srs(conn, crs_epsg: int | None, crs_wkt: str | None) -> int:
    if crs_epsg:
        gpkg.add_srs(conn, int(crs_epsg))
        return int(crs_epsg)
    if crs_wkt:
        conn.execute("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'NONE', ?, ?, ?)",
                     ("check CRS", _CUSTOM_SRS, _CUSTOM_SRS, crs_wkt, "CRS of the checked source"))
        return _CUSTOM_SRS
    return -1


def write_error_layer(path, findings, crs_epsg: int | None = None, crs_wkt: str | None = None,
                      lang: str | None = None) -> dict:
    """Write ``findings`` to a new GeoPackage at ``path`` (replacing it); returns the number of
    features per table."""
    lang = lang or preferred_language()
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    names = {cls.id: (cls.name_vi if lang == "vi" else cls.name_en) for cls in registry.RULES}
    rows = {dim: ([], []) for dim in LAYERS}
    for f in findings:
        attrs = (f.rule, f.severity, names.get(f.rule, f.rule), f.message(lang), f.en, f.vi,
                 ",".join(str(p) for p in f.parcels), int(f.fixable))
        pieces = split_by_dimension(f.geometry)
        if not pieces:  # no geometry at all (a missing parcel geometry): listed, not drawn
            rows[0][0].append(attrs)
            rows[0][1].append(None)
        for dim, geom in pieces.items():
            rows[dim][0].append(attrs)
            rows[dim][1].append(geom)
    try:
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        gpkg.register_functions(conn)
        conn.execute("BEGIN")
        gpkg.init_geopackage(conn)
        srs = _srs(conn, crs_epsg, crs_wkt)
        counts = {}
        for dim, (table, gtype) in LAYERS.items():
            gpkg.add_feature_table(conn, table, f"""
              CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {gtype},
                rule TEXT NOT NULL, severity TEXT NOT NULL, name TEXT, message TEXT,
                message_en TEXT, message_vi TEXT, parcels TEXT, fixable INTEGER)""",
                gtype, srs, "Lỗi kiểm tra chất lượng / Quality check errors")
            attrs, geoms = rows[dim]
            gpkg.bulk_insert_features(conn, table, COLUMNS, attrs, np.array(geoms, dtype=object), srs)
            counts[table] = len(attrs)
        conn.execute("COMMIT")
        conn.close()
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise CadastreError("check.output", f"Cannot write the error layer '{path}': {exc}.",
                            f"Không ghi được lớp lỗi '{path}': {exc}.") from None
    os.replace(tmp, target)
    return counts
