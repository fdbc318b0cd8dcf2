"""Benchmark: writing and reading a working copy, against GDAL's GeoPackage driver.

The same generated parcels (demo generator) are written by the core's bulk writer and, as the
reference, by GDAL/OGR (one transaction, the usual way to fill a GeoPackage from Python), then
read back by each. Prints times and ratios (reference / ours: above 1 means we are faster).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cadastre_plugin.core.demo import DEMO_COMMUNE, generate_parcels  # noqa: E402
from cadastre_plugin.core.working_copy import WorkingCopy  # noqa: E402


def write_ours(path, geoms, landuse):
    n = len(geoms)
    wc = WorkingCopy.create(str(path), DEMO_COMMUNE)
    with wc.operation("bench", journal=False) as conn:
        wc.add_parcels(conn, geoms, {"commune_code": [DEMO_COMMUNE.code] * n,
                                     "sheet_no": [1] * n, "parcel_no": list(range(1, n + 1)),
                                     "area": shapely.area(geoms).round(1).tolist(),
                                     "landuse": list(landuse)})
    wc.close()


def write_ogr(path, geoms, landuse):
    from osgeo import ogr, osr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(DEMO_COMMUNE.crs_epsg)
    layer = ds.CreateLayer("parcels", srs, ogr.wkbPolygon)
    for name, kind in (("commune_code", ogr.OFTString), ("sheet_no", ogr.OFTInteger),
                       ("parcel_no", ogr.OFTInteger), ("area", ogr.OFTReal),
                       ("landuse", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    defn = layer.GetLayerDefn()
    wkbs = shapely.to_wkb(geoms)
    areas = shapely.area(geoms).round(1)
    ds.StartTransaction()
    for i, wkb in enumerate(wkbs):
        f = ogr.Feature(defn)
        f.SetField(0, DEMO_COMMUNE.code)
        f.SetField(1, 1)
        f.SetField(2, i + 1)
        f.SetField(3, float(areas[i]))
        f.SetField(4, landuse[i])
        f.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(f)
    ds.CommitTransaction()
    ds = None


def read_ours(path):
    with WorkingCopy.open(str(path)) as wc:
        _, geoms, _ = wc.parcel_arrays()
    return len(geoms)


def read_ogr(path):
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("parcels")
    geoms = [shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb())) for f in layer]
    return len(geoms)


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parcels", type=int, default=200_000)
    args = parser.parse_args(argv)
    geoms, _, landuse, _, _ = generate_parcels(args.parcels, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        ours, ref = Path(tmp) / "ours.gpkg", Path(tmp) / "ogr.gpkg"
        t_write, _ = timed(write_ours, ours, geoms, landuse)
        r_write, _ = timed(write_ogr, ref, geoms, landuse)
        t_read, n1 = timed(read_ours, ours)
        r_read, n2 = timed(read_ogr, ref)
    assert n1 == n2 == args.parcels
    print(f"Working copy, {args.parcels:,} parcels (reference: GDAL/OGR GeoPackage driver)")
    print(f"  write  ours {t_write:6.2f} s   GDAL {r_write:6.2f} s   ratio {r_write / t_write:5.2f}×")
    print(f"  read   ours {t_read:6.2f} s   GDAL {r_read:6.2f} s   ratio {r_read / t_read:5.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
