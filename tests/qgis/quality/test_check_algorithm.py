"""The "Check cadastral topology" Processing algorithm, in QGIS and headless with qgis_process:
the same findings as the core at the same places, on a working copy and on a plain layer in
longitude/latitude with the field names in circulation, field mapping and rule selection."""
import json

import numpy as np
import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from cadastre_plugin.core.crs import to_wgs84
from cadastre_plugin.core.quality import CheckContext, run_rules
from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.processing.provider import CadastreProvider
from cadastre_plugin.ui.quality.navigation import to_qgs

ALG = "cadastre:checktopology"
SINKS = ("OUTPUT_POINTS", "OUTPUT_LINES", "OUTPUT_POLYGONS")


@pytest.fixture
def provider():
    provider = CadastreProvider()
    assert QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def run(params):
    alg = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    assert alg is not None
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    params = {**{sink: "TEMPORARY_OUTPUT" for sink in SINKS}, **params}
    ok, message = alg.checkParameterValues(params, context)
    assert ok, message
    results, ok = alg.run(params, context, feedback)
    # Taken out of the context, which deletes its layers when it goes.
    layers = {sink: context.takeResultLayer(results[sink]) for sink in SINKS if ok}
    return results, ok, layers


def drawn(layers):
    """[(rule, severity, shapely geometry)] of the output layers."""
    return [(f["rule"], f["severity"], shapely.from_wkb(bytes(f.geometry().asWkb())))
            for layer in layers.values() for f in layer.getFeatures()]


def test_on_a_working_copy_it_finds_what_the_core_finds_where_it_is(provider, faulty):
    path, injected = faulty
    results, ok, layers = run({"INPUT": f"{path}|layername=parcels"})
    assert ok
    with WorkingCopy.open(str(path)) as wc:
        expected = run_rules(CheckContext.from_working_copy(wc)).findings
    summary = json.loads(results["SUMMARY"])
    assert summary["parcels"] == 300 and summary["crs"] == "EPSG:9210"
    assert summary["tolerance"] == 0.15 and summary["skipped"] == []
    assert summary["by_rule"]["CAD-OVERLAP"] == {"error": 2, "warning": 0}
    assert results["ERRORS"] == 6 and results["WARNINGS"] == 2
    features = drawn(layers)
    assert len(features) == len(expected)
    for finding in expected:
        assert any(rule == finding.rule and severity == finding.severity
                   and shapely.hausdorff_distance(geom, finding.geometry) == 0
                   for rule, severity, geom in features), finding.rule
    for layer in layers.values():
        assert layer.crs().authid() == "EPSG:9210"
    uuids = next(layers["OUTPUT_POLYGONS"].getFeatures())["parcels"].split(",")
    assert all(len(u) == 36 for u in uuids)


@pytest.fixture
def lonlat_layer(faulty):
    """The faulty parcels in WGS 84 longitude/latitude, as a memory layer with the field names
    in circulation (no working copy behind it)."""
    path, _ = faulty
    with WorkingCopy.open(str(path)) as wc:
        _, geoms, attrs = wc.parcel_arrays()
    geoms = shapely.transform(geoms, lambda xy: np.column_stack(to_wgs84(xy[:, 0], xy[:, 1], 9210)))
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "parcels lon/lat", "memory")
    layer.dataProvider().addAttributes([
        QgsField("MaThua", QVariant.String), QgsField("SoHieuToBanDo", QVariant.Int),
        QgsField("SoThuTuThua", QVariant.Int), QgsField("TO", QVariant.Int),
        QgsField("THUA", QVariant.Int)])
    layer.updateFields()
    features = []
    for g, u, s, p in zip(geoms, attrs["uuid"], attrs["sheet_no"], attrs["parcel_no"]):
        f = QgsFeature(layer.fields())
        f.setGeometry(to_qgs(g))
        f.setAttributes([u, int(s), int(p), int(s), int(p)])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def test_lonlat_layer_is_checked_in_metres_with_fields_found_by_name(provider, lonlat_layer):
    results, ok, layers = run({"INPUT": lonlat_layer.id()})
    assert ok
    summary = json.loads(results["SUMMARY"])
    assert summary["crs"] == "EPSG:32648"  # the UTM zone of Hải Phòng
    assert summary["fields"] == {"id": "MaThua", "sheet": "SoHieuToBanDo", "number": "SoThuTuThua"}
    assert {s["rule"] for s in summary["skipped"]} == {
        "CAD-LANDUSE-CODE", "CAD-COMMUNE-CODE", "CAD-AREA-DISCREPANCY", "CAD-MIN-SPLIT-AREA",
        "CAD-OUTSIDE-SHEET"}
    # Every geometry fault survives the reprojection; the overlaps are found in metres.
    assert summary["by_rule"]["CAD-OVERLAP"]["error"] == 2
    assert summary["by_rule"]["CAD-DUPLICATE-NUMBER"]["error"] == 1
    overlaps = [g for rule, _, g in drawn(layers) if rule == "CAD-OVERLAP"]
    assert all(0.5 < g.area < 50 for g in overlaps)  # m², not square degrees
    assert layers["OUTPUT_POLYGONS"].crs().authid() == "EPSG:32648"


def test_field_mapping_and_rule_selection(provider, lonlat_layer):
    from cadastre_plugin.core.quality import registry

    dup = registry.rule_ids().index("CAD-DUPLICATE-NUMBER")
    results, ok, layers = run({"INPUT": lonlat_layer.id(), "SHEET_FIELD": "TO",
                               "NUMBER_FIELD": "THUA", "RULES": [dup], "TOLERANCE": 0.05})
    assert ok
    summary = json.loads(results["SUMMARY"])
    assert summary["rules"] == ["CAD-DUPLICATE-NUMBER"] and summary["tolerance"] == 0.05
    assert summary["fields"]["sheet"] == "TO" and summary["fields"]["number"] == "THUA"
    assert [rule for rule, _, _ in drawn(layers)] == ["CAD-DUPLICATE-NUMBER"]


def test_a_field_the_layer_does_not_have_fails_with_the_reason(provider, lonlat_layer):
    alg = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    params = {"INPUT": lonlat_layer.id(), "LANDUSE_FIELD": "Nope",
              **{sink: "TEMPORARY_OUTPUT" for sink in SINKS}}
    ok, _ = alg.checkParameterValues(params, context)
    if ok:  # QGIS 3.22 does not check field names against the layer itself
        _, ok = alg.run(params, context, feedback)
    assert not ok


@pytest.mark.slow
def test_qgis_process_runs_the_check_headless(qgis_process, faulty, tmp_path):
    path, _ = faulty
    out = {sink: tmp_path / f"{sink.lower()}.gpkg" for sink in SINKS}
    done = qgis_process("run", ALG, "--json", "--", f"INPUT={path}|layername=parcels",
                        *(f"{sink}={target}" for sink, target in out.items()))
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout)["results"]
    summary = json.loads(results["SUMMARY"])
    assert results["ERRORS"] == 6 and results["WARNINGS"] == 2
    assert summary["by_rule"]["CAD-GAP"] == {"error": 1, "warning": 0}

    from osgeo import ogr

    counts = {}
    for sink, target in out.items():
        ds = ogr.Open(str(target))
        layer = ds.GetLayer(0)
        counts[sink] = layer.GetFeatureCount()
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "9210"
    # Points: the bow-tie's crossing, the spike's tip, the stray vertex, the duplicate vertex;
    # areas: two overlaps, the gap and the two parcels sharing a number.
    assert counts == {"OUTPUT_POINTS": 4, "OUTPUT_LINES": 0, "OUTPUT_POLYGONS": 4}
