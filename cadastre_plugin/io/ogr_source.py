"""Reading one layer of any OGR vector source (shapefile, MapInfo TAB, GeoPackage, GeoJSON,
EDIGEO, ...) into plain records for the core."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

import numpy as np
import shapely
from osgeo import gdal, ogr

from ..core.messages import CadastreError
from .gdal_util import quiet_gdal

#: Layers preferred when a source has several and none is named: EDIGEO's parcels.
PREFERRED_LAYERS = ("PARCELLE_id",)
_POLYGON_TYPES = {ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon, ogr.wkbMultiSurface}


@dataclass
class SourceLayer:
    path: str
    name: str
    driver: str
    fields: list
    records: list  # attribute dicts, one per feature
    geoms: np.ndarray  # shapely geometries (2D, curves linearised), None where absent
    fids: list
    crs: Optional[str]  # WKT of the layer's CRS, None when the source has none


def _open(path: str, encoding: Optional[str]):
    if not Path(path).exists():
        raise CadastreError("source.missing", f"The source '{path}' does not exist.",
                            f"Không tìm thấy nguồn dữ liệu '{path}'.", path)
    options = [f"ENCODING={encoding}"] if encoding else []
    with quiet_gdal() as errors:
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY, open_options=options)
    if ds is None:
        detail = f" ({errors[-1]})" if errors else ""
        raise CadastreError(
            "source.unreadable",
            f"'{path}' is not a vector data set GDAL can read{detail}. Give a shapefile (.shp), "
            "MapInfo (.tab), GeoPackage, GeoJSON or EDIGEO (.THF) file.",
            f"GDAL không đọc được '{path}' như dữ liệu vector{detail}. Hãy chọn tệp shapefile "
            "(.shp), MapInfo (.tab), GeoPackage, GeoJSON hoặc EDIGEO (.THF).", path)
    return ds


def _pick_layer(ds, path: str, name: Optional[str]):
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    if name is not None:
        if name not in names:
            raise CadastreError(
                "source.no_layer", f"'{path}' has no layer '{name}'. Its layers: "
                f"{', '.join(names)}.",
                f"'{path}' không có lớp '{name}'. Các lớp: {', '.join(names)}.", path)
        return ds.GetLayerByName(name)
    if len(names) == 1:
        return ds.GetLayer(0)
    for preferred in PREFERRED_LAYERS:
        if preferred in names:
            return ds.GetLayerByName(preferred)
    polygonal = [n for n in names
                 if ogr.GT_Flatten(ds.GetLayerByName(n).GetGeomType()) in _POLYGON_TYPES]
    if len(polygonal) == 1:
        return ds.GetLayerByName(polygonal[0])
    raise CadastreError(
        "source.which_layer", f"'{path}' has several layers ({', '.join(names)}); say which holds "
        "the parcels with --layer.",
        f"'{path}' có nhiều lớp ({', '.join(names)}); hãy chọn lớp chứa thửa đất bằng --layer.",
        path)


def _wkb(geom):
    if geom is None or geom.IsEmpty():
        return None
    if geom.HasCurveGeometry():
        geom = geom.GetLinearGeometry()
    return bytes(geom.ExportToIsoWkb())


def _date_value(feature, i: int, kind: int):
    """OGR date/time fields as Python date/datetime (UTC when the source says its zone), so
    that no reader-specific text form ('2015/01/28 00:00:00+00') reaches the importer."""
    if not feature.IsFieldSetAndNotNull(i):
        return None
    y, mo, d, h, mi, sec, tz = feature.GetFieldAsDateTime(i)
    if kind == ogr.OFTDate:
        return date(y, mo, d)
    whole = int(sec)
    value = datetime(y, mo, d, h, mi, whole, int(round((sec - whole) * 1e6)))
    if tz >= 100:  # 100 = UTC, each step of 1 = 15 minutes east
        value = (value - timedelta(minutes=15 * (tz - 100))).replace(tzinfo=timezone.utc)
    return value


def read_layer(path: str, layer: Optional[str] = None,
               encoding: Optional[str] = None) -> SourceLayer:
    ds = _open(path, encoding)
    lyr = _pick_layer(ds, path, layer)
    defn = lyr.GetLayerDefn()
    fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    kinds = [defn.GetFieldDefn(i).GetType() for i in range(defn.GetFieldCount())]
    dates = {i for i, k in enumerate(kinds) if k in (ogr.OFTDate, ogr.OFTDateTime)}
    records, wkbs, fids = [], [], []
    lyr.ResetReading()
    for feature in lyr:
        records.append({f: _date_value(feature, i, kinds[i]) if i in dates
                        else feature.GetField(i) for i, f in enumerate(fields)})
        wkbs.append(_wkb(feature.GetGeometryRef()))
        fids.append(feature.GetFID())
    geoms = shapely.force_2d(shapely.from_wkb(np.array(wkbs, dtype=object)))
    srs = lyr.GetSpatialRef()
    crs = srs.ExportToWkt(["FORMAT=WKT2_2018"]) if srs is not None else None
    return SourceLayer(str(path), lyr.GetName(), ds.GetDriver().ShortName, fields, records,
                       geoms, fids, crs)
