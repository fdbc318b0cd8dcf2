"""`cadastre check`, run as a user runs it: exit codes, the JSON object, the error layer, any
OGR source (working copy, GeoJSON in longitude/latitude with Vietnamese field names, EDIGEO)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

from cadastre_plugin.core.gpkg import encode
from cadastre_plugin.core.quality.inject import inject
from cadastre_plugin.core.working_copy import WorkingCopy

CADASTRE = shutil.which("cadastre", path=str(Path(sys.executable).parent)) or "cadastre"
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def run(*args, lang="en"):
    return subprocess.run([CADASTRE, "check", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "CADASTRE_LANG": lang})


def shared(*parts) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real test data not available: {path} is missing")
    return path


@pytest.fixture
def faulty_path(demo_path):
    """The 300-parcel demo working copy with two overlaps, a gap and a bow-tie."""
    with WorkingCopy.open(str(demo_path)) as wc:
        fids, geoms, _ = wc.parcel_arrays()
        faulty = inject(geoms, {}, {"overlap": 2, "gap": 1, "bowtie": 1}, seed=4)
        rows = sorted({r for t in faulty.truth for r in t.rows
                       if not faulty.geoms[r].equals_exact(geoms[r], 0)})
        with wc.operation("setup", journal=False) as conn:
            conn.executemany("UPDATE parcels SET geom = ? WHERE fid = ?",
                             [(b, int(fids[r])) for b, r in zip(encode(faulty.geoms[rows], 9210), rows)])
    return demo_path


def test_clean_working_copy_exits_0_with_the_json_object(demo_path):
    out = run(demo_path, "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert {"parcels", "seconds", "errors"} <= set(report)
    assert report["parcels"] == 300 and report["errors"] == []
    assert report["crs"] == "EPSG:9210" and report["tolerance"] == 0.15
    assert report["skipped"] == [] and len(report["rules"]) == 14
    assert isinstance(report["seconds"], float)


def test_errors_exit_1_and_each_error_is_located(faulty_path):
    out = run(faulty_path, "--json")
    assert out.returncode == 1, out.stderr
    errors = json.loads(out.stdout)["errors"]
    rules = sorted(e["rule"] for e in errors)
    assert rules == ["CAD-GAP", "CAD-INVALID-GEOMETRY", "CAD-NEAR-COINCIDENT", "CAD-OVERLAP",
                     "CAD-OVERLAP"]
    for e in errors:
        assert set(e) == {"rule", "severity", "parcels", "wkt", "message"}
        assert shapely.from_wkt(e["wkt"]).is_valid or e["rule"] == "CAD-INVALID-GEOMETRY"
        assert all(len(p) == 36 for p in e["parcels"])  # UUIDs
        assert "sheet" in e["message"]
    with WorkingCopy.open(str(faulty_path)) as wc:
        uuids = {r[0] for r in wc.conn.execute("SELECT uuid FROM parcels")}
    assert all(p in uuids for e in errors for p in e["parcels"])


def test_warnings_alone_exit_0(faulty_path):
    out = run(faulty_path, "--rules", "CAD-NEAR-COINCIDENT", "--json")
    assert out.returncode == 0
    report = json.loads(out.stdout)
    assert report["rules"] == ["CAD-NEAR-COINCIDENT"]
    assert [e["severity"] for e in report["errors"]] == ["warning"]


def test_vietnamese_messages(faulty_path):
    out = run(faulty_path, lang="vi")
    assert out.returncode == 1
    assert "chồng lấn" in out.stdout and "tờ" in out.stdout and "lỗi" in out.stdout


def test_output_error_layer(faulty_path, tmp_path):
    from osgeo import ogr

    target = tmp_path / "errors.gpkg"
    out = run(faulty_path, "--output", target)
    assert out.returncode == 1 and target.exists()
    ds = ogr.Open(str(target))
    counts = {ds.GetLayer(i).GetName(): ds.GetLayer(i).GetFeatureCount()
              for i in range(ds.GetLayerCount())}
    assert counts == {"errors_points": 2, "errors_lines": 0, "errors_polygons": 3}
    assert "Checked 300 parcels" in out.stdout


def test_tolerance_option_changes_what_is_a_sliver(faulty_path):
    wide = json.loads(run(faulty_path, "--json", "--tolerance", "0.01").stdout)
    assert "CAD-GAP" not in {e["rule"] for e in wide["errors"]}
    assert wide["tolerance"] == 0.01


@pytest.fixture
def lonlat_geojson(demo_path, tmp_path):
    """The demo parcels in WGS 84 longitude/latitude, with the field names in circulation, one
    parcel number duplicated and one land-use code unknown."""
    from osgeo import ogr, osr

    from cadastre_plugin.core.crs import to_wgs84

    with WorkingCopy.open(str(demo_path)) as wc:
        _, geoms, attrs = wc.parcel_arrays()
    geoms = shapely.transform(geoms, lambda xy: np.column_stack(to_wgs84(xy[:, 0], xy[:, 1], 9210)))
    attrs["parcel_no"][1] = attrs["parcel_no"][0]
    attrs["sheet_no"][1] = attrs["sheet_no"][0]
    attrs["landuse"][2] = "ABC"
    path = tmp_path / "parcels.geojson"
    ds = ogr.GetDriverByName("GeoJSON").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer("parcels", srs, ogr.wkbPolygon)
    for name, kind in (("SoHieuToBanDo", ogr.OFTInteger), ("SoThuTuThua", ogr.OFTInteger),
                       ("KyHieuMucDichSuDung", ogr.OFTString), ("MaThua", ogr.OFTString)):
        lyr.CreateField(ogr.FieldDefn(name, kind))
    for g, s, p, lu, u in zip(geoms, attrs["sheet_no"], attrs["parcel_no"], attrs["landuse"],
                              attrs["uuid"]):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("SoHieuToBanDo", int(s))
        f.SetField("SoThuTuThua", int(p))
        f.SetField("KyHieuMucDichSuDung", lu)
        f.SetField("MaThua", u)
        f.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(g)))
        lyr.CreateFeature(f)
    ds = None
    return path


def test_geojson_in_degrees_is_projected_and_fields_are_found_by_their_names(lonlat_geojson):
    out = run(lonlat_geojson, "--json")
    assert out.returncode == 1, out.stderr
    report = json.loads(out.stdout)
    assert report["crs"] == "EPSG:32648"  # UTM zone of Hải Phòng, not degrees
    assert report["parcels"] == 300
    rules = sorted(e["rule"] for e in report["errors"])
    # Reprojection moves shared vertices identically, so the coverage stays clean.
    assert rules == ["CAD-DUPLICATE-NUMBER", "CAD-LANDUSE-CODE"]
    skipped = {s["rule"] for s in report["skipped"]}
    assert skipped == {"CAD-COMMUNE-CODE", "CAD-AREA-DISCREPANCY", "CAD-MIN-SPLIT-AREA",
                       "CAD-OUTSIDE-SHEET"}


def test_explicit_field_mapping(lonlat_geojson):
    out = run(lonlat_geojson, "--json", "--id-field", "MaThua", "--landuse-field",
              "KyHieuMucDichSuDung", "--rules", "CAD-LANDUSE-CODE")
    [e] = json.loads(out.stdout)["errors"]
    assert len(e["parcels"][0]) == 36


@pytest.mark.parametrize("args,en,vi", [
    (["/no/such/file.gpkg"], "does not exist", "Không tìm thấy"),
    (["{text}"], "not a vector data source", "GDAL không đọc được"),
    (["{geojson}", "--layer", "nope"], "There is no layer 'nope'", "Không có lớp 'nope'"),
    (["{geojson}", "--sheet-field", "Nope"], "has no field 'Nope'", "không có trường 'Nope'"),
    (["{geojson}", "--rules", "CAD-NOPE"], "There is no rule 'CAD-NOPE'", "Không có quy tắc"),
    (["{geojson}", "--tolerance", "-1"], "--tolerance must be", "--tolerance phải"),
])
def test_bad_input_exits_2_with_a_bilingual_message(args, en, vi, lonlat_geojson, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a map")
    args = [a.format(text=text, geojson=lonlat_geojson) for a in args]
    out = run(*args)
    assert out.returncode == 2 and en in out.stderr and out.stdout == ""
    out = run(*args, lang="vi")
    assert out.returncode == 2 and vi in out.stderr


def test_edigeo_folder(tmp_path):
    clean = shared("fr-edigeo-pci", "edigeo-25354000AB01")
    out = run(clean, "--id-field", "IDU", "--number-field", "TEX", "--tolerance", "0.05", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["parcels"] == 14 and report["errors"] == []
    spiky = shared("fr-edigeo-pci", "edigeo-130290000A01")
    out = run(spiky, "--id-field", "IDU", "--number-field", "TEX", "--tolerance", "0.05", "--json")
    assert out.returncode == 1
    errors = [e for e in json.loads(out.stdout)["errors"] if e["severity"] == "error"]
    assert [(e["rule"], e["parcels"]) for e in errors] == [("CAD-SPIKE", ["0290000A0801"])]


def test_catastro_gpkg_exits_1_with_gaps_and_overlaps():
    out = run(shared("es-catastro-catatom2osm", "parcel.gpkg"), "--tolerance", "0.05", "--json")
    assert out.returncode == 1
    rules = {e["rule"] for e in json.loads(out.stdout)["errors"]}
    assert {"CAD-GAP", "CAD-OVERLAP"} <= rules


def test_a_layer_that_is_not_polygons_is_bad_input(tmp_path):
    from osgeo import ogr

    path = tmp_path / "points.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("marks", None, ogr.wkbPoint)
    f = ogr.Feature(lyr.GetLayerDefn())
    f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (588000 2310000)"))
    lyr.CreateFeature(f)
    ds = None
    out = run(path, "--layer", "marks")
    assert out.returncode == 2 and "not parcel polygons" in out.stderr
    out = run(path)
    assert out.returncode == 2 and "--layer" in out.stderr
