"""The working copy as QGIS sees it: styled layers, and edits by QGIS's own edit buffer journalled
durably in the same SQLite transaction as the change."""
import gc

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

from cadastre_plugin.core.working_copy import WorkingCopy


def parcel_layer(path) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    return layer


def release(layer):
    """Drop QGIS's connection, as closing the project does, before reading the file afresh."""
    QgsProject.instance().removeAllMapLayers()
    del layer
    gc.collect()


def test_layer_opens_styled_labelled_with_vietnamese_aliases(demo_path):
    layer = parcel_layer(demo_path)
    assert layer.crs().authid() == "EPSG:9210"
    assert layer.featureCount() == 300
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.labelsEnabled()
    label_expr = layer.labeling().settings().fieldName
    assert '"sheet_no"' in label_expr and '"parcel_no"' in label_expr
    aliases = {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())}
    assert aliases["sheet_no"] == "Số hiệu tờ bản đồ"
    assert aliases["parcel_no"] == "Số thứ tự thửa"
    assert aliases["legal_area"] == "Diện tích pháp lý (m²)"
    assert layer.editFormConfig().readOnly(layer.fields().indexOf("uuid"))
    sheets = QgsVectorLayer(f"{demo_path}|layername=map_sheets", "sheets", "ogr")
    assert sheets.isValid() and sheets.featureCount() >= 2 and sheets.labelsEnabled()
    release(layer)


def test_native_qgis_edits_are_journalled_after_commit(demo_path):
    layer = parcel_layer(demo_path)
    feats = {f["parcel_no"]: f for f in layer.getFeatures() if f["sheet_no"] == 1}
    changed, moved, deleted = feats[1], feats[2], feats[3]
    assert layer.startEditing()
    assert layer.changeAttributeValue(changed.id(), layer.fields().indexOf("landuse"), "CLN")
    geom = QgsGeometry(moved.geometry())
    vertex = geom.vertexAt(0)
    assert geom.moveVertex(vertex.x() + 0.5, vertex.y(), 0)
    assert layer.changeGeometry(moved.id(), geom)
    assert layer.deleteFeature(deleted.id())
    new = QgsFeature(layer.fields())
    new.setAttribute("commune_code", "11686")
    new.setAttribute("sheet_no", 1)
    new.setAttribute("parcel_no", 999)
    new.setAttribute("landuse", "ONT")
    new.setGeometry(QgsGeometry.fromPolygonXY([[QgsPointXY(600000, 2300000),
                                                QgsPointXY(600010, 2300000),
                                                QgsPointXY(600010, 2300010),
                                                QgsPointXY(600000, 2300000)]]))
    assert layer.addFeature(new)
    assert layer.commitChanges(), layer.commitErrors()
    release(layer)

    with WorkingCopy.open(str(demo_path)) as wc:
        entries = wc.journal_entries()
        by_action = {}
        for e in entries:
            by_action.setdefault(e["action"], []).append(e)
        assert all(e["operation"] == "edit" for e in entries)
        assert {e["parcel_uuid"] for e in by_action["update"]} == {changed["uuid"], moved["uuid"]}
        landuse = [e for e in by_action["update"] if e["parcel_uuid"] == changed["uuid"]][0]
        assert (landuse["old"]["landuse"], landuse["new"]["landuse"]) == (changed["landuse"], "CLN")
        moves = [e for e in by_action["update"] if e["parcel_uuid"] == moved["uuid"]]
        assert any(e["old"]["geom"] != e["new"]["geom"] for e in moves)
        # The form's default value recomputes the area from the moved geometry (QGIS writes
        # it as an attribute update of its own).
        assert moves[0]["new"]["area"] == round(geom.area(), 1) != moved["area"]
        (delete,) = by_action["delete"]
        assert delete["parcel_uuid"] == deleted["uuid"] and delete["new"] is None
        (insert,) = by_action["insert"]
        assert insert["parcel_no"] == 999 and len(insert["parcel_uuid"]) == 36
        # the row QGIS added got its UUID in the same transaction, and the journal knows it
        stored = wc.conn.execute("SELECT uuid FROM parcels WHERE parcel_no = 999").fetchone()[0]
        assert stored == insert["parcel_uuid"]
        assert wc.summary()["journal_unpushed"] == len(entries) == 3 + len(moves)


def test_failed_commit_leaves_no_journal_entry(demo_path):
    layer = parcel_layer(demo_path)
    bad = QgsFeature(layer.fields())
    bad.setAttribute("commune_code", "11686")
    bad.setAttribute("sheet_no", 1)
    bad.setAttribute("parcel_no", 0)  # refused by the table's CHECK (parcel_no > 0)
    bad.setGeometry(QgsGeometry.fromWkt("POLYGON((600000 2300000, 600010 2300000, "
                                        "600010 2300010, 600000 2300000))"))
    assert layer.startEditing()
    assert layer.addFeature(bad)
    assert not layer.commitChanges()
    assert any("parcel_no" in e or "CHECK" in e or "constraint" in e.lower()
               for e in layer.commitErrors()), layer.commitErrors()
    layer.rollBack()
    release(layer)
    with WorkingCopy.open(str(demo_path)) as wc:
        assert wc.count("journal") == 0
        assert wc.count("parcels", "WHERE parcel_no = 0") == 0
        assert wc.count("parcels") == 300


@pytest.mark.parametrize("transaction_group", [True])
def test_edit_session_in_a_transaction_group_rolls_back_with_its_journal(demo_path,
                                                                         transaction_group):
    """With QGIS's transaction groups, edits go straight into an open SQLite transaction: a
    rollback must take the journal entries with it."""
    project = QgsProject.instance()
    project.setAutoTransaction(transaction_group)
    try:
        layer = parcel_layer(demo_path)
        project.addMapLayer(layer)
        feature = next(layer.getFeatures())
        assert layer.startEditing()
        assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("landuse"), "LUC")
        assert layer.rollBack()
        release(layer)
    finally:
        project.setAutoTransaction(False)
    with WorkingCopy.open(str(demo_path)) as wc:
        assert wc.count("journal") == 0
        assert wc.conn.execute("SELECT landuse FROM parcels WHERE uuid = ?",
                               (feature["uuid"],)).fetchone()[0] == feature["landuse"]
