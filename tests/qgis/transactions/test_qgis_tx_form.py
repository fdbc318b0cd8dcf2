"""The parcel layer's attribute form, as stored in every working copy: Vietnamese labels, land
use picked by name from the code list, the model's rules as constraints, and the area kept
computed when QGIS's own tools change a geometry."""
import gc

import pytest
import shapely
from qgis.core import (QgsEditFormConfig, QgsFieldConstraints, QgsGeometry, QgsProject,
                       QgsVectorLayer, QgsVectorLayerUtils)
from qgis.gui import QgsAttributeForm
from qgis.PyQt.QtWidgets import QLabel

from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.working_copy import WorkingCopy


@pytest.fixture
def layer(tmp_path, qgis_new_project):
    path = tmp_path / "form.gpkg"
    with WorkingCopy.create(str(path), Commune("11686", "Xã Tân Tiến", 9210)) as wc:
        with wc.operation("load", journal=False) as conn:
            wc.add_parcels(conn, [shapely.box(588000, 2309000, 588020, 2309015)], {
                "commune_code": ["11686"], "sheet_no": [1], "parcel_no": [1], "area": [300.0],
                "landuse": ["ONT+CLN"], "address": ["Thôn Đông"]})
    layer = QgsVectorLayer(f"{path}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()
    gc.collect()


def valid(layer, feature, name, strength):
    ok, _errors = QgsVectorLayerUtils.validateAttribute(layer, feature,
                                                        layer.fields().indexOf(name), strength)
    return ok


def test_labels_and_land_use_drop_down(layer):
    fields = layer.fields()
    assert fields.field("landuse").alias() == "Mục đích sử dụng"
    assert fields.field("parcel_no").alias() == "Số thứ tự thửa"
    setup = layer.editorWidgetSetup(fields.indexOf("landuse"))
    assert setup.type() == "ValueMap"
    choices = {list(item)[0]: list(item.values())[0] for item in setup.config()["map"]}
    assert choices["ONT – Đất ở tại nông thôn"] == "ONT" and len(choices) == 53
    config = layer.editFormConfig()
    for name in ("area", "uuid", "status", "version", "valid_from", "valid_to"):
        assert config.readOnly(fields.indexOf(name)), name
    assert config.layout() == QgsEditFormConfig.TabLayout
    assert [tab.name() for tab in config.tabs()] == ["Thửa đất / Parcel", "Diện tích / Area",
                                                     "Lịch sử / History"]


def test_constraints_follow_the_model(layer):
    feature = next(layer.getFeatures())
    hard = QgsFieldConstraints.ConstraintStrengthHard
    soft = QgsFieldConstraints.ConstraintStrengthSoft
    assert valid(layer, feature, "landuse", soft)  # a composite value of listed codes
    feature["landuse"] = "ONT+XYZ"
    assert not valid(layer, feature, "landuse", soft)
    assert valid(layer, feature, "landuse", hard)  # soft: old codes can still be edited
    for name, bad in (("sheet_no", 0), ("parcel_no", -3), ("legal_area", -1.0),
                      ("commune_code", "1168")):
        feature[name] = bad
        assert not valid(layer, feature, name, hard), name
    feature["legal_area"] = None
    assert valid(layer, feature, "legal_area", hard)


def test_the_area_follows_a_geometry_edited_in_qgis(layer):
    feature = next(layer.getFeatures())
    layer.startEditing()
    bigger = QgsGeometry.fromWkt("POLYGON((588000 2309000, 588030 2309000, 588030 2309015.37, "
                                 "588000 2309015.37, 588000 2309000))")
    assert layer.changeGeometry(feature.id(), bigger)
    assert layer.commitChanges(), layer.commitErrors()
    assert next(layer.getFeatures())["area"] == round(30 * 15.37, 1)


def test_the_form_shows_vietnamese_labels_in_the_tab_order_with_constraints_met(layer):
    form = QgsAttributeForm(layer, next(layer.getFeatures()))
    texts = [label.text() for label in form.findChildren(QLabel)]
    labels = [t for t in texts if t and "✔" not in t and "<" not in t]
    assert labels[:7] == ["Số hiệu tờ bản đồ", "Số thứ tự thửa", "Mã xã", "Mục đích sử dụng",
                          "Địa chỉ", "Diện tích (m²)", "Diện tích pháp lý (m²)"]
    assert "Mã định danh (UUID)" in labels
    assert sum("✔" in t for t in texts) >= 5  # the constraints were checked and are met
    form.deleteLater()
