"""The Processing algorithms for import, export and the extract, run inside QGIS."""
import json

import pytest
import shapely
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.io.dgn import write_elements
from cadastre_plugin.io.import_algorithms import (ExportAlgorithm, ImportDgnAlgorithm,
                                                  ImportLayerAlgorithm)
from cadastre_plugin.printing.extract_algorithm import ParcelExtractAlgorithm
from dgn_sheet_maker import drop_texts, make_sheet


def run(algorithm, params):
    algorithm.initAlgorithm()
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    ok, message = algorithm.checkParameterValues(params, context)
    assert ok, message
    results, ok = algorithm.run(params, context, feedback, catchExceptions=False)
    return results, context


def test_import_dgn_gives_problems_as_a_point_layer(tmp_path):
    sheet = make_sheet(10, seed=6)
    drop_texts(sheet, 11, "4")
    dgn = tmp_path / "s.dgn"
    write_elements(dgn, sheet.elements())
    out, report = tmp_path / "wc.gpkg", tmp_path / "r.json"
    results, context = run(ImportDgnAlgorithm(), {
        "INPUT": str(dgn), "SHEET": 3, "SCALE": 2, "OUTPUT": str(out), "COMMUNE": "11686",
        "COMMUNE_NAME": "Xã Tân Tiến", "CRS": "EPSG:9210", "REPORT": str(report),
        "PROBLEMS": "memory:"})
    assert (results["IMPORTED"], results["ERRORS"]) == (9, 1)
    layer = context.getMapLayer(results["PROBLEMS"])
    (feature,) = list(layer.getFeatures())
    assert feature["code"] == "parcel.no_number" and layer.crs().authid() == "EPSG:9210"
    where = feature.geometry().asPoint()
    assert sheet.geoms[sheet.index_of(4)].contains(shapely.Point(where.x(), where.y()))
    assert json.loads(report.read_text(encoding="utf-8"))["errors"] == 1
    with WorkingCopy.open(str(out)) as wc:
        assert wc.count("parcels") == 9


def test_import_layer_export_and_extract(demo_path, tmp_path):
    shp = tmp_path / "t.shp"
    results, _ = run(ExportAlgorithm(), {"INPUT": str(demo_path), "FORMAT": 1, "SHEETS": "1",
                                         "PARCELS": "", "RETIRED": False, "OUTPUT": str(shp)})
    assert results["COUNT"] > 20
    back = tmp_path / "back.gpkg"
    results, _ = run(ImportLayerAlgorithm(), {
        "INPUT": str(shp), "PRESET": 1, "SCALE": 2, "OUTPUT": str(back), "COMMUNE": "11686",
        "CRS": "EPSG:9210", "PROBLEMS": "memory:"})
    assert results["ERRORS"] == 0 and results["IMPORTED"] > 20
    pdf = tmp_path / "e.pdf"
    results, _ = run(ParcelExtractAlgorithm(), {"INPUT": str(back), "SHEET": 1, "PARCEL": 2,
                                                "DATE": "2025-02-01", "OUTPUT": str(pdf)})
    assert results["PAGES"] == 1 and pdf.stat().st_size > 10_000


def test_errors_reach_the_user_as_processing_exceptions(tmp_path):
    with pytest.raises(QgsProcessingException, match="does not exist yet"):
        run(ImportDgnAlgorithm(), {"INPUT": str(tmp_path / "x.dgn"), "SHEET": 1, "SCALE": 2,
                                   "OUTPUT": str(tmp_path / "n.gpkg"), "PROBLEMS": "memory:"})
