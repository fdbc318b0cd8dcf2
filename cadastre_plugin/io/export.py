"""Export of a working copy (or a selection of it) to GeoPackage, shapefile or GeoJSON.

Shapefiles get the 10-character Vietnamese field names and are written in UTF-8 with a .cpg
beside them, so that QGIS, ArcGIS and MapInfo read "Thôn Đông" and not mojibake. GeoJSON keeps
the working copy's VN-2000 TM-3 coordinates (with its CRS named in the file): converting to
WGS 84 for RFC 7946 would add a datum shift to every vertex of a cadastral map.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

import shapely
from osgeo import ogr, osr

from ..core.imports.export_rows import export_fields, row_values, select_parcels
from ..core.imports.selection import Selection
from ..core.messages import CadastreError
from ..core.working_copy import WorkingCopy
from .gdal_util import quiet_gdal

FORMATS = {"gpkg": ("GPKG", ".gpkg"), "shp": ("ESRI Shapefile", ".shp"),
           "geojson": ("GeoJSON", ".geojson")}
LAYER = "thua_dat"
_OGR_TYPES = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}
_SHAPEFILE_SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg")


def format_for(output: str, fmt: Optional[str]) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise CadastreError(
                "export.format", f"Unknown export format '{fmt}'; use {', '.join(FORMATS)}.",
                f"Định dạng xuất '{fmt}' không hợp lệ; hãy dùng {', '.join(FORMATS)}.")
        return fmt
    by_suffix = {".gpkg": "gpkg", ".shp": "shp", ".geojson": "geojson", ".json": "geojson"}
    fmt = by_suffix.get(Path(output).suffix.lower())
    if fmt:
        return fmt
    raise CadastreError(
        "export.format", f"Cannot tell the format of '{output}' from its extension; give "
        f"--format ({', '.join(FORMATS)}).",
        f"Không xác định được định dạng của '{output}' từ phần mở rộng; hãy chọn --format "
        f"({', '.join(FORMATS)}).", output)


def _targets(output: Path, fmt: str) -> list:
    if fmt == "shp":
        return [output.with_suffix(s) for s in _SHAPEFILE_SIDECARS]
    return [output]


def _field(f) -> ogr.FieldDefn:
    defn = ogr.FieldDefn(f.name, _OGR_TYPES[f.kind])
    if f.kind is float:
        defn.SetWidth(15)
        defn.SetPrecision(1)  # areas are kept to 0.1 m²
    elif f.kind is str:
        defn.SetWidth(254)  # the dBase maximum; addresses and holder lists are long
    return defn


def export(path: str, output: str, fmt: Optional[str] = None,
           selection: Optional[Selection] = None, overwrite: bool = False) -> dict:
    """Writes the selected parcels; returns {"format", "output", "parcels", "crs_epsg"}."""
    fmt = format_for(output, fmt)
    out = Path(output)
    existing = [p for p in _targets(out, fmt) if p.exists()]
    if existing and not overwrite:
        raise CadastreError(
            "export.exists", f"'{existing[0]}' exists already; choose another name or pass "
            "--force to replace it.",
            f"'{existing[0]}' đã tồn tại; hãy chọn tên khác hoặc dùng --force để ghi đè.",
            str(existing[0]))
    with WorkingCopy.open(path) as wc:
        parcels, holders = select_parcels(wc, selection or Selection())
        epsg = wc.commune.crs_epsg
    if not parcels:
        raise CadastreError(
            "export.empty", "No parcel matches the selection; nothing was written. Check the "
            "sheet and parcel numbers (cadastre info shows what the working copy holds).",
            "Không có thửa nào khớp với lựa chọn; chưa ghi gì. Hãy kiểm tra số tờ và số thửa.")
    for p in existing:
        p.unlink()
    driver_name, _ = FORMATS[fmt]
    fields = export_fields(short_names=fmt == "shp")
    # Written beside the target and moved into place, so a failure leaves no half file.
    tmp_dir = out.parent / f".{out.name}.part"
    shutil.rmtree(tmp_dir, ignore_errors=True)
    tmp_dir.mkdir(parents=True)
    try:
        tmp = tmp_dir / out.name
        _write(tmp, driver_name, fmt, fields, parcels, holders, epsg)
        for produced in tmp_dir.iterdir():
            produced.replace(out.parent / produced.name)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    return {"format": fmt, "output": str(out), "parcels": len(parcels), "crs_epsg": epsg}


def _write(tmp: Path, driver_name: str, fmt: str, fields, parcels, holders, epsg: int) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    with quiet_gdal() as errors:
        ds = ogr.GetDriverByName(driver_name).CreateDataSource(str(tmp))
        options = ["ENCODING=UTF-8"] if fmt == "shp" else []
        layer = ds.CreateLayer(LAYER if fmt == "gpkg" else tmp.stem, srs, ogr.wkbPolygon,
                               options=options) if ds is not None else None
    if layer is None:
        raise CadastreError("export.write", f"Cannot create '{tmp.name}': {'; '.join(errors)}",
                            f"Không tạo được '{tmp.name}': {'; '.join(errors)}")
    for f in fields:
        layer.CreateField(_field(f))
    defn = layer.GetLayerDefn()
    if fmt == "gpkg":
        ds.StartTransaction()
    for parcel in parcels:
        feature = ogr.Feature(defn)
        for f, value in zip(fields, (row_values(parcel, holders)[f.column] for f in fields)):
            if value is not None:
                feature.SetField(f.name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(parcel.geometry)))
        if layer.CreateFeature(feature) != 0:
            raise CadastreError("export.write", f"Cannot write parcel {parcel.label}.",
                                f"Không ghi được thửa {parcel.label}.", parcel.label)
    if fmt == "gpkg":
        ds.CommitTransaction()
    ds = None
