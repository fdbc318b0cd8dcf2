"""Parcels for a check from any source: a working copy, or any OGR-readable polygon layer
(GeoPackage, shapefile, GeoJSON, EDIGEO...).

The only module of the quality package that imports GDAL (``osgeo``), and only when a source
is not a working copy: the plugin and the server, which hand the engine their own arrays, never
need it. A source in longitude/latitude is projected to the UTM zone of its centre first:
tolerances are metres.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from ..messages import CadastreError
from .context import CheckContext
from .tolerances import Tolerances

#: Field roles and the names they are found under when not given (case-insensitive):
#: the working copy's own names, then the names in circulation in Vietnamese cadastral data.
ROLES = {
    "id": ("uuid", "UUID", "MaThua"),
    "sheet": ("sheet_no", "SoHieuToBanDo", "SoTo", "shbando"),
    "number": ("parcel_no", "SoThuTuThua", "SoThua", "shthua"),
    "landuse": ("landuse", "KyHieuMucDichSuDung", "MucDichSuDung", "LoaiDat"),
    "legal_area": ("legal_area", "DienTichPhapLy"),
    "commune": ("commune_code", "MaXa"),
}

_POLYGON_TYPES = {3, 6, 10, 12, 15}  # wkb Polygon, MultiPolygon, CurvePolygon, MultiSurface, PolyhedralSurface


def bad_input(en: str, vi: str) -> CadastreError:
    return CadastreError("check.bad_input", en, vi)


def load_context(path, layer: str | None = None, fields: dict | None = None,
                 tolerance: float | None = None) -> CheckContext:
    """A CheckContext for ``path``: a working copy with its sheets, commune and province, or
    an OGR layer with the mapped fields."""
    from ..working_copy import is_working_copy

    path = str(path)
    if Path(path).is_file() and is_working_copy(path):
        from ..working_copy import WorkingCopy

        with WorkingCopy.open(path, migrate=False) as wc:
            return CheckContext.from_working_copy(wc, tolerance=tolerance)
    return _from_ogr(path, layer, fields or {}, tolerance)


def _open(path: str):
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    p = Path(path)
    if not p.exists():
        raise bad_input(f"'{path}' does not exist: check the path.",
                        f"Không tìm thấy '{path}': hãy kiểm tra đường dẫn.")
    if p.is_dir():
        # An unpacked EDIGEO exchange is a folder whose entry file is the .THF.
        thf = sorted(p.glob("*.THF")) + sorted(p.glob("*.thf"))
        if len(thf) == 1:
            path = str(thf[0])
    try:
        ds = ogr.Open(path)
    except RuntimeError as exc:
        ds = None
        why = str(exc)
    else:
        why = ""
    if ds is None:
        raise bad_input(f"'{path}' is not a vector data source GDAL can read{': ' + why if why else ''}.",
                        f"GDAL không đọc được '{path}' như một nguồn dữ liệu vector"
                        f"{': ' + why if why else ''}.")
    return ds


def _pick_layer(ds, name: str | None):
    layers = [ds.GetLayer(i) for i in range(ds.GetLayerCount())]
    names = [lyr.GetName() for lyr in layers]
    if name:
        for lyr in layers:
            if lyr.GetName() == name:
                kind = (lyr.GetGeomType() & 0xFF) % 1000
                if kind not in _POLYGON_TYPES and kind != 0:  # 0: unknown/mixed, read it
                    raise bad_input(
                        f"Layer '{name}' holds {_geometry_name(lyr)}, not parcel polygons.",
                        f"Lớp '{name}' chứa {_geometry_name(lyr)}, không phải vùng thửa đất.")
                return lyr
        raise bad_input(f"There is no layer '{name}'. Layers: {', '.join(names)}.",
                        f"Không có lớp '{name}'. Các lớp: {', '.join(names)}.")
    polygons = [lyr for lyr in layers if (lyr.GetGeomType() & 0xFF) % 1000 in _POLYGON_TYPES]
    for candidates in ([lyr for lyr in polygons if lyr.GetName() == "parcels"], polygons,
                       [lyr for lyr in polygons if "parc" in lyr.GetName().lower()]):
        if len(candidates) == 1:
            return candidates[0]
    listed = ", ".join(lyr.GetName() for lyr in polygons) or "none"
    raise bad_input(f"Choose the parcel layer with --layer; polygon layers: {listed}.",
                    f"Hãy chọn lớp thửa đất bằng --layer; các lớp vùng: {listed}.")


def _geometry_name(lyr) -> str:
    from osgeo import ogr

    return ogr.GeometryTypeToName(lyr.GetGeomType())


def _resolve_fields(lyr, given: dict) -> dict:
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    lower = {n.lower(): n for n in names}
    out = {}
    for role, defaults in ROLES.items():
        wanted = given.get(role)
        if wanted:
            if wanted.lower() not in lower:
                raise bad_input(
                    f"Layer '{lyr.GetName()}' has no field '{wanted}' (for --{role.replace('_', '-')}"
                    f"-field). Fields: {', '.join(names)}.",
                    f"Lớp '{lyr.GetName()}' không có trường '{wanted}'. Các trường: {', '.join(names)}.")
            out[role] = lower[wanted.lower()]
            continue
        for d in defaults:
            if d.lower() in lower:
                out[role] = lower[d.lower()]
                break
    return out


def _read(lyr, fields: dict):
    """Geometries, FIDs and the mapped columns. Feature by feature: GDAL 3.6's Arrow reader
    returns some GeoPackage rows twice (when the stored feature count is stale), and a quality
    check must see each parcel exactly once."""
    wanted = sorted(set(fields.values()))
    defn = lyr.GetLayerDefn()
    index = [defn.GetFieldIndex(f) for f in wanted]
    wkbs, fids, rows = [], [], []
    lyr.ResetReading()
    for feature in lyr:
        g = feature.GetGeometryRef()
        if g is not None and g.HasCurveGeometry():
            # Curves (GML arcs, curve polygons) as straight segments: the check works on vertices.
            g = g.GetLinearGeometry()
        wkbs.append(bytes(g.ExportToIsoWkb()) if g is not None and not g.IsEmpty() else None)
        fids.append(feature.GetFID())
        rows.append([feature.GetField(i) if feature.IsFieldSetAndNotNull(i) else None
                     for i in index])
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object))
    table = np.empty((len(rows), len(wanted)), dtype=object)
    if rows:
        table[:] = rows
    return geoms, np.array(fids, dtype=np.int64), {f: table[:, k] for k, f in enumerate(wanted)}


def _metric(lyr, geoms):
    """(geometries in metres, CRS label, EPSG code or None, WKT). Geographic sources are
    projected to the UTM zone of their centre."""
    srs = lyr.GetSpatialRef()
    if srs is None:
        return to_metric(geoms, None)
    from pyproj import CRS

    crs = CRS.from_wkt(srs.ExportToWkt())
    # Coordinates come in the data's axis order; latitude (or northing) first is put back to
    # x = longitude/easting, which is what shapely, the tolerances and the UTM step expect.
    mapping = list(srs.GetDataAxisToSRSAxisMapping() or [1, 2])
    if len(crs.axis_info) >= 2 and crs.axis_info[abs(mapping[0]) - 1].direction in ("north", "south"):
        geoms = shapely.transform(geoms, lambda xy: xy[:, ::-1])
    return to_metric(geoms, crs)


def to_metric(geoms, crs):
    """(geometries in metres, CRS label, EPSG code or None, WKT) of ``geoms`` given in ``crs``
    (a pyproj CRS, or None when unknown) with x = longitude/easting. Geographic coordinates are
    projected to the UTM zone of their centre; projected ones are kept as they are. Shared by
    the command line (OGR sources) and the Processing algorithm (QGIS sources)."""
    if crs is None:
        b = shapely.total_bounds(geoms) if len(geoms) else np.zeros(4)
        if np.all(np.abs(b[[0, 2]]) <= 180) and np.all(np.abs(b[[1, 3]]) <= 90) and len(geoms):
            raise bad_input(
                "The layer has no coordinate reference system and its coordinates look like "
                "degrees: assign its CRS (e.g. EPSG:4326) first.",
                "Lớp không có hệ tọa độ và tọa độ có vẻ là độ: hãy gán hệ tọa độ cho lớp trước "
                "(ví dụ EPSG:4326).")
        return geoms, "unknown (metres assumed)", None, None
    from pyproj import CRS, Transformer

    if crs.is_geographic:
        centre = shapely.centroid(shapely.box(*shapely.total_bounds(geoms)))
        lon, lat = centre.x, centre.y
        epsg = (32600 if lat >= 0 else 32700) + int((lon + 180) // 6) % 60 + 1
        to_utm = Transformer.from_crs(crs, CRS.from_epsg(epsg), always_xy=True)
        geoms = shapely.transform(geoms, lambda xy: np.column_stack(to_utm.transform(xy[:, 0], xy[:, 1])))
        return geoms, f"EPSG:{epsg}", epsg, CRS.from_epsg(epsg).to_wkt()
    epsg = crs.to_epsg()
    label = f"EPSG:{epsg}" if epsg else crs.name
    return geoms, label, epsg, crs.to_wkt()


def _from_ogr(path: str, layer: str | None, given: dict, tolerance: float | None) -> CheckContext:
    ds = _open(path)
    lyr = _pick_layer(ds, layer)
    fields = _resolve_fields(lyr, given)
    geoms, fids, cols = _read(lyr, fields)
    geoms, label, epsg, wkt = _metric(lyr, geoms)

    def col(role):
        return cols[fields[role]] if role in fields else None

    ctx = CheckContext(
        geoms, ids=col("id") if "id" in fields else fids, fids=fids, sheet_no=col("sheet"),
        parcel_no=col("number"), landuse=col("landuse"), commune_code=col("commune"),
        legal_area=col("legal_area"), tolerances=Tolerances().with_distance(tolerance), crs=label,
        crs_epsg=epsg, crs_wkt=wkt)
    ctx.source_fields = fields
    return ctx
