"""Findings as a GeoPackage error layer that GDAL (hence QGIS) reads: points, lines, polygons
at the exact error locations, with rule, severity, messages and parcels."""
import shapely
from osgeo import ogr

from cadastre_plugin.core.quality import CheckContext, run_rules
from cadastre_plugin.core.quality.error_layer import write_error_layer

from quality_helpers import rect


def read(path):
    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        lyr = ds.GetLayer(i)
        out[lyr.GetName()] = [(f.GetField("rule"), f.GetField("severity"), f.GetField("message"),
                               f.GetField("message_vi"), f.GetField("parcels"),
                               shapely.from_wkb(bytes(f.GetGeometryRef().ExportToIsoWkb()))
                               if f.GetGeometryRef() else None) for f in lyr]
        out[lyr.GetName() + ":srs"] = lyr.GetSpatialRef()
    return out


def test_each_error_lands_in_the_layer_of_its_dimension(tmp_path, injected_result):
    ctx, result = injected_result
    path = tmp_path / "errors.gpkg"
    counts = write_error_layer(path, result.findings, ctx.crs_epsg, None, "en")
    layers = read(path)
    assert counts == {name: len(layers[name]) for name in ("errors_points", "errors_lines",
                                                             "errors_polygons")}
    assert sum(counts.values()) == len(result.findings)
    assert layers["errors_points:srs"].GetAuthorityCode(None) == "9210"
    by_rule = {}
    for name in ("errors_points", "errors_lines", "errors_polygons"):
        for rule, *_ in layers[name]:
            by_rule.setdefault(rule, set()).add(name)
    assert by_rule["CAD-OVERLAP"] == {"errors_polygons"}
    assert by_rule["CAD-GAP"] == {"errors_polygons"}
    assert by_rule["CAD-SPIKE"] == {"errors_points"}
    assert by_rule["CAD-DUPLICATE-VERTEX"] == {"errors_points", "errors_lines"}
    overlap = [f for f in result.findings if f.rule == "CAD-OVERLAP"][0]
    stored = [g for rule, _, msg, _, _, g in layers["errors_polygons"] if msg == overlap.en][0]
    assert stored.equals(overlap.geometry)


def test_messages_in_the_chosen_language_and_parcels_listed(tmp_path):
    findings = run_rules(CheckContext([rect(0, 0, 10, 10), rect(9, 0, 20, 10)],
                                      ids=["a-1", "b-2"])).findings
    path = tmp_path / "e.gpkg"
    write_error_layer(path, findings, None, None, "vi")
    [(rule, severity, message, message_vi, parcels, geom)] = read(path)["errors_polygons"]
    assert (rule, severity, parcels) == ("CAD-OVERLAP", "error", "a-1,b-2")
    assert message == message_vi and "chồng lấn" in message


def test_missing_geometry_is_listed_without_a_location_and_custom_crs_kept(tmp_path):
    findings = run_rules(CheckContext([None, rect(0, 0, 1, 1)])).findings
    wkt = ('PROJCS["local",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
           'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],'
           'PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",10],'
           'PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],'
           'UNIT["metre",1]]')
    path = tmp_path / "m.gpkg"
    write_error_layer(path, findings, None, wkt, "en")
    layers = read(path)
    [(rule, *_, geom)] = layers["errors_points"]
    assert rule == "CAD-INVALID-GEOMETRY" and geom is None
    assert layers["errors_points:srs"].GetName() == "local"


def test_an_existing_file_is_replaced(tmp_path):
    path = tmp_path / "e.gpkg"
    path.write_text("old")
    write_error_layer(path, [], None, None, "en")
    assert all(len(v) == 0 for k, v in read(path).items() if not k.endswith(":srs"))
