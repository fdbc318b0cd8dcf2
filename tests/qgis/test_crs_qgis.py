"""The VN-2000 zones and the pinned EPSG:6960 pipeline inside real QGIS (pytest-qgis)."""
from __future__ import annotations

import re

import pytest
from pyproj import Geod, Transformer
from pyproj.transformer import TransformerGroup
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDatumTransform,
    QgsPointXY,
)

from cadastre_plugin.core import crs

GEOD = Geod(ellps="WGS84")
WGS84 = "EPSG:4326"

# (epsg, lon, lat) in VN-2000 geographic, inside the zone's provinces.
POINTS = [
    (5897, 105.85, 21.03),   # Hà Nội
    (9210, 106.70, 10.78),   # TP Hồ Chí Minh
    (5899, 108.20, 16.05),   # Đà Nẵng
    (9205, 103.45, 22.40),   # Lai Châu
    (9218, 108.05, 12.67),   # Đắk Lắk
    (9215, 106.76, 21.85),   # Lạng Sơn
]


def pyproj_via_6960(epsg, x, y):
    """Reference: inverse projection, then pyproj's operation whose EPSG id is 6960."""
    group = TransformerGroup("EPSG:4756", "EPSG:4326", always_xy=True)
    [shift] = [t for t in group.transformers if 6960 in _transformation_codes(t.to_json_dict())]
    lon, lat = Transformer.from_crs(f"EPSG:{epsg}", "EPSG:4756", always_xy=True).transform(x, y)
    return shift.transform(lon, lat)


def _transformation_codes(node) -> set:
    """EPSG codes of the Transformation steps in a PROJJSON operation."""
    if isinstance(node, list):
        return set().union(*(_transformation_codes(v) for v in node))
    if not isinstance(node, dict):
        return set()
    own = {node["id"]["code"]} if node.get("type") == "Transformation" and "id" in node else set()
    return own.union(*(_transformation_codes(v) for k, v in node.items()
                       if k not in ("source_crs", "target_crs")))


@pytest.mark.parametrize("epsg", sorted(crs.TM3_EPSG_CODES))
def test_every_tm3_code_is_valid_in_qgis_with_the_right_meridian(qgis_app, epsg):
    qcrs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    assert qcrs.isValid()
    proj = qcrs.toProj()
    assert float(re.search(r"\+lon_0=([-0-9.]+)", proj).group(1)) == pytest.approx(
        crs.central_meridian(epsg), abs=1e-9)
    assert "+k=0.9999 " in proj and "+x_0=500000 " in proj
    assert "VN-2000" in qcrs.description()


@pytest.mark.parametrize("epsg,lon,lat", POINTS)
def test_context_with_plugin_pipeline_matches_pyproj_6960(qgis_app, epsg, lon, lat):
    src = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    dst = QgsCoordinateReferenceSystem(WGS84)
    pipeline = crs.qgis_proj_pipeline(epsg)
    context = QgsCoordinateTransformContext()
    # No fallback: if QGIS could not build our pipeline the transform must fail, not guess.
    assert context.addCoordinateOperation(src, dst, pipeline, False)
    assert context.calculateCoordinateOperation(src, dst) == pipeline

    transform = QgsCoordinateTransform(src, dst, context)
    x, y = Transformer.from_crs("EPSG:4756", f"EPSG:{epsg}", always_xy=True).transform(lon, lat)
    got = transform.transform(QgsPointXY(x, y))
    assert transform.instantiatedCoordinateOperationDetails().proj == pipeline

    ref_lon, ref_lat = pyproj_via_6960(epsg, x, y)
    assert GEOD.inv(got.x(), got.y(), ref_lon, ref_lat)[2] < 0.01
    # And the core's own transformer says the same.
    assert GEOD.inv(*crs.to_wgs84(x, y, epsg), got.x(), got.y())[2] < 0.01


def test_pipeline_is_the_operation_qgis_lists_as_epsg_6960(qgis_app):
    # QGIS's own list of operations for the pair: our string is the "(2)" = EPSG:6960 entry,
    # so the project's datum-transform dialog shows it by name, not as a custom pipeline.
    src = QgsCoordinateReferenceSystem("EPSG:9210")
    dst = QgsCoordinateReferenceSystem(WGS84)
    by_proj = {op.proj: op.name for op in QgsDatumTransform.operations(src, dst)}
    assert "VN-2000 to WGS 84 (2)" in by_proj[crs.qgis_proj_pipeline(9210)]
    assert any("VN-2000 to WGS 84 (1)" in name for name in by_proj.values())
