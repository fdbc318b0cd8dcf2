"""Field-mapped import from real files written by GDAL: shapefile, MapInfo TAB, GeoPackage,
GeoJSON, and the shared French EDIGEO sheets."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr

from cadastre_plugin.core.crs import to_wgs84
from cadastre_plugin.core.demo import generate_parcels
from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.io.field_import import import_source
from source_maker import write_source

CADASTRE = shutil.which("cadastre", path=str(Path(sys.executable).parent)) or "cadastre"
EDIGEO = Path(__file__).resolve().parents[3] / "shared" / "data" / "fr-edigeo-pci"


def run(*args):
    return subprocess.run([CADASTRE, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "LANG": "C.UTF-8", "CADASTRE_LANG": "en"})


def parcels_of(path):
    with WorkingCopy.open(str(path)) as wc:
        return {(p.sheet_no, p.parcel_no): p for p in wc.parcels()}


SHP_FIELDS = [("MaXa", str), ("SoHieuToBa", int), ("SoThuTuTh", int), ("DienTich", float),
              ("DienTichPL", float), ("KyHieuMucD", str), ("DiaChi", str), ("TenChu", str),
              ("ThoiDiemBD", str)]


def test_shapefile_with_cut_names_reports_every_row_it_could_not_import(tmp_path):
    geoms, _, landuse, _, _ = generate_parcels(12, seed=4)
    rows, shapes = [], []
    for i, g in enumerate(geoms[:8]):
        rows.append({"MaXa": "11686", "SoHieuToBa": 3, "SoThuTuTh": i + 1,
                     "DienTich": round(g.area, 1), "DienTichPL": round(g.area, 1) - 1,
                     "KyHieuMucD": landuse[i], "DiaChi": "Thôn Đông, Xã Tân Tiến",
                     "TenChu": "Hộ ông Nguyễn Văn Đức" if i % 2 else "Trần Thị Hương",
                     "ThoiDiemBD": "15/10/2015"})
        shapes.append(g)
    x0, y0 = 588500.0, 2309500.0
    sq = shapely.box(x0, y0, x0 + 20, y0 + 20)
    bad = [
        ({"SoThuTuTh": 9}, None),                                                  # 8
        ({"SoThuTuTh": 10}, shapely.MultiPolygon([sq, shapely.box(x0 + 50, y0, x0 + 60, y0 + 9)])),
        ({}, sq),                                                                  # 10: no number
        ({"SoThuTuTh": 12, "MaXa": "11687"}, sq),                                  # 11
        ({"SoThuTuTh": 13}, shapely.Polygon([(x0, y0), (x0 + 10, y0 + 10), (x0 + 10, y0),
                                             (x0, y0 + 10)])),                     # 12 bow-tie
        ({"SoThuTuTh": 14}, shapely.Polygon([(x0, y0), (x0 + 20, y0), (x0 + 20, y0 + 20),
                                             (x0 + 10, y0 + 20), (x0 + 10, y0 + 30),
                                             (x0 + 10, y0 + 20), (x0, y0 + 20)])),  # 13 spike
        ({"SoThuTuTh": 15, "KyHieuMucD": "XYZ", "DienTich": 999.0}, geoms[8]),      # 14
        ({"SoThuTuTh": 1}, geoms[9]),                                              # 15 dup of 0
    ]
    for values, g in bad:
        rows.append({"MaXa": "11686", "SoHieuToBa": 3, "KyHieuMucD": "ONT", **values})
        shapes.append(g)
    shp = tmp_path / "thua.shp"
    written = write_source(shp, "ESRI Shapefile", SHP_FIELDS, rows, shapes, epsg=9210,
                           layer_options=["ENCODING=UTF-8"])
    assert written == [n for n, _ in SHP_FIELDS] and (tmp_path / "thua.cpg").exists()

    out, report, mapping = tmp_path / "wc.gpkg", tmp_path / "r.json", tmp_path / "m.json"
    res = run("import", shp, "--output", out, "--commune", "11686", "--crs", 9210,
              "--commune-name", "Xã Tân Tiến", "--report", report, "--save-mapping", mapping)
    assert res.returncode == 1, res.stdout + res.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["read"], data["imported"], data["rejected"]) == (16, 11, 5)
    rejected = {p["row"]: p["code"] for p in data["problems"] if p.get("dropped")}
    assert rejected == {8: "row.no_geometry", 9: "row.multipart", 10: "row.bad_parcel_no",
                        11: "row.other_commune", 12: "row.invalid_geometry"}
    warned = {(p["row"], p["code"]) for p in data["problems"] if p["severity"] == "warning"}
    assert {(13, "row.geometry_repaired"), (14, "landuse.unknown_code"),
            (14, "row.area_mismatch"), (0, "row.duplicate_number"),
            (15, "row.duplicate_number")} <= warned
    assert all(p["en"] and p["vi"] and "FID" in p["where"] for p in data["problems"])

    saved = json.loads(mapping.read_text(encoding="utf-8"))["fields"]
    assert (saved["sheet_no"], saved["parcel_no"], saved["landuse"], saved["legal_area"]) == \
        ("SoHieuToBa", "SoThuTuTh", "KyHieuMucD", "DienTichPL")

    parcels = parcels_of(out)
    p = parcels[(3, 2)]
    assert p.address == "Thôn Đông, Xã Tân Tiến" and p.landuse == landuse[1]
    assert p.valid_from == "2015-10-15T00:00:00Z"
    assert abs(p.legal_area - (round(geoms[1].area, 1) - 1)) < 1e-9
    assert shapely.equals_exact(p.geometry, shapely.orient_polygons(geoms[1]), 1e-6) or \
        shapely.hausdorff_distance(p.geometry, geoms[1]) < 1e-6
    assert parcels[(3, 14)].geometry.is_valid and abs(parcels[(3, 14)].area - 400.0) < 1e-9
    with WorkingCopy.open(str(out)) as wc:
        holders = dict(wc.conn.execute(
            "SELECT p.name, p.kind FROM parties p JOIN right_shares s ON s.party_uuid = p.uuid "
            "JOIN rights r ON r.uuid = s.right_uuid JOIN parcels c ON c.uuid = r.parcel_uuid "
            "WHERE c.parcel_no = 2 OR c.parcel_no = 3"))
        assert holders == {"Hộ ông Nguyễn Văn Đức": "household", "Trần Thị Hương": "individual"}
        assert wc.count("parties") == 2  # the same name on several parcels is one party
        assert all(shapely.is_valid(wc.parcel_arrays()[1]))


def test_geojson_in_wgs84_is_reprojected_through_the_pinned_transformation(tmp_path):
    geoms, _, landuse, _, _ = generate_parcels(6, seed=8)

    def lonlat(coords):
        lon, lat = to_wgs84(coords[:, 0], coords[:, 1], 9210)
        return np.column_stack([lon, lat])

    wgs = shapely.transform(geoms, lonlat)
    rows = [{"SoHieuToBanDo": 1, "SoThuTuThua": i + 1, "KyHieuMucDichSuDung": landuse[i]}
            for i in range(6)] + [{"SoHieuToBanDo": 1, "SoThuTuThua": 7}]
    src = tmp_path / "thua.geojson"
    write_source(src, "GeoJSON", [("SoHieuToBanDo", int), ("SoThuTuThua", int),
                                  ("KyHieuMucDichSuDung", str)], rows,
                 list(wgs) + [shapely.Point(106.0, 20.8)], epsg=4326)
    report = import_source(str(src), str(tmp_path / "wc.gpkg"), Commune("11686", "X", 9210),
                           preset="vn")
    assert report.imported == 6 and report.rejected == 1
    assert report.problems[0].code == "row.not_polygon"
    parcels = parcels_of(tmp_path / "wc.gpkg")
    for i in range(6):
        # GeoJSON keeps 7 decimals of a degree (~1 cm); the datum shift itself must cancel
        assert shapely.hausdorff_distance(parcels[(1, i + 1)].geometry, geoms[i]) < 0.02


def test_mapinfo_tab_declared_on_wgs84_is_taken_as_vn2000_not_shifted(tmp_path):
    geoms, _, landuse, _, _ = generate_parcels(5, seed=9)
    src = tmp_path / "thua.tab"
    rows = [{"SoHieuToBanDo": 2, "SoThuTuThua": i + 1, "KyHieuMucDichSuDung": landuse[i],
             "TenChu": "UBND xã Tân Tiến"} for i in range(5)]
    write_source(src, "MapInfo File", [("SoHieuToBanDo", int), ("SoThuTuThua", int),
                                       ("KyHieuMucDichSuDung", str), ("TenChu", str)],
                 rows, geoms, epsg=9210,
                 # MapInfo stores integers over the declared bounds: narrow bounds keep the mm
                 layer_options=["BOUNDS=587000,2309000,590000,2311000"])
    report = import_source(str(src), str(tmp_path / "wc.gpkg"), Commune("11686", "X", 9210))
    assert report.imported == 5
    assert report.codes() == ["import.crs_vn2000_assumed"]
    parcels = parcels_of(tmp_path / "wc.gpkg")
    for i in range(5):
        assert shapely.hausdorff_distance(parcels[(2, i + 1)].geometry, geoms[i]) < 0.002
    with WorkingCopy.open(str(tmp_path / "wc.gpkg")) as wc:
        assert wc.conn.execute("SELECT DISTINCT name, kind FROM parties").fetchall() == [
            ("UBND xã Tân Tiến", "organisation")]


def test_geopackage_into_an_existing_working_copy_is_journalled_once(demo_path, tmp_path):
    geoms, _, landuse, _, _ = generate_parcels(7, seed=12)
    src = tmp_path / "src.gpkg"
    rows = [{"SoHieuToBanDo": 90, "SoThuTuThua": i + 1, "KyHieuMucDichSuDung": landuse[i]}
            for i in range(7)]
    write_source(src, "GPKG", [("SoHieuToBanDo", int), ("SoThuTuThua", int),
                               ("KyHieuMucDichSuDung", str)], rows, geoms, epsg=9210)
    res = run("import", src, "--output", demo_path)
    assert res.returncode == 0, res.stdout + res.stderr
    with WorkingCopy.open(str(demo_path)) as wc:
        journal = wc.conn.execute("SELECT count(DISTINCT op_id), count(*) FROM journal WHERE "
                                  "operation = 'import' AND table_name = 'parcels'").fetchone()
        assert journal == (1, 7)
        (sheet,) = [s for s in wc.sheets() if s.sheet_no == 90]
        assert sheet.scale == 1000
    res = run("import", src, "--output", demo_path)
    assert res.returncode == 1 and res.stdout.count("import.already_present") == 7


def test_a_saved_mapping_is_edited_and_reused(tmp_path):
    geoms, _, _, _, _ = generate_parcels(3, seed=2)
    src = tmp_path / "odd.geojson"
    write_source(src, "GeoJSON", [("ma_thua", str), ("loai", str)],
                 [{"ma_thua": f"T-{i + 1:04d}", "loai": "LUC"} for i in range(3)], geoms,
                 epsg=9210)
    out = tmp_path / "wc.gpkg"
    res = run("import", src, "--output", out, "--commune", "11686", "--crs", 9210)
    assert res.returncode == 2 and "ma_thua, loai" in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"format": "cadastre-field-mapping", "version": 1, "fields": {
        "sheet_no": {"value": 4}, "parcel_no": {"field": "ma_thua", "pattern": r"(\d+)$"},
        "landuse": "loai"}}), encoding="utf-8")
    res = run("import", src, "--output", out, "--commune", "11686", "--crs", 9210,
              "--mapping", mapping)
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(parcels_of(out)) == [(4, 1), (4, 2), (4, 3)]
    assert {p.landuse for p in parcels_of(out).values()} == {"LUC"}


@pytest.mark.parametrize("fields,needle", [
    ({"sheet_no": {"value": 1}, "parcel_no": "nope"}, "no field nope"),
    ({"sheet_no": {"value": 1}, "parcel_no": "ma_thua", "colour": "x"}, "Unknown target 'colour'"),
    ({"sheet_no": {"value": 1}, "parcel_no": {"field": "ma_thua", "pattern": "("}}, "pattern"),
])
def test_a_wrong_mapping_is_refused_before_anything_is_written(tmp_path, fields, needle):
    geoms, _, _, _, _ = generate_parcels(1, seed=2)
    src = tmp_path / "s.geojson"
    write_source(src, "GeoJSON", [("ma_thua", str)], [{"ma_thua": "1"}], geoms, epsg=9210)
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"fields": fields}), encoding="utf-8")
    res = run("import", src, "--output", tmp_path / "o.gpkg", "--commune", "11686", "--crs",
              9210, "--mapping", mapping)
    assert res.returncode == 2 and needle in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "o.gpkg").exists()


@pytest.mark.skipif(not EDIGEO.is_dir(), reason=f"shared EDIGEO sheets not found at {EDIGEO}")
def test_edigeo_sheets_give_the_parcels_gdal_reads_without_invalid_geometry(tmp_path):
    sheets = sorted(EDIGEO.glob("edigeo-*/*.THF"))
    assert len(sheets) == 9
    serial = {}
    for thf in sheets:
        commune = thf.parent.name[len("edigeo-"):][:5]  # INSEE code: 13029, 25354
        serial[commune] = serial.get(commune, 0) + 1
        ds = ogr.Open(str(thf))  # kept alive: a layer dies with its data set
        layer = ds.GetLayerByName("PARCELLE_id")
        expected = {f.GetField("TEX"): shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb()))
                    for f in layer}
        assert len(expected) == layer.GetFeatureCount()
        out = tmp_path / f"{commune}.gpkg"
        report = import_source(str(thf), str(out), Commune(commune, commune, 2154),
                               sheet=serial[commune])
        assert (report.read, report.imported, report.count("error")) == \
            (len(expected), len(expected), 0), report.lines("en")
        with WorkingCopy.open(str(out)) as wc:
            got = wc.parcels("WHERE sheet_no = ?", (serial[commune],))
        assert len(got) == len(expected)
        assert all(shapely.is_valid(p.geometry) for p in got)
        for p in got:
            assert shapely.hausdorff_distance(p.geometry, expected[str(p.parcel_no)]) < 1e-6


def test_an_empty_layer_is_reported_not_passed_over(tmp_path):
    src = tmp_path / "empty.gpkg"
    write_source(src, "GPKG", [("SoHieuToBanDo", int), ("SoThuTuThua", int)], [], [], epsg=9210)
    report = import_source(str(src), str(tmp_path / "wc.gpkg"), Commune("11686", "X", 9210))
    assert report.codes() == ["import.empty_source"] and report.has_problems
