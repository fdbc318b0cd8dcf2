"""The editing tools as the plugin installs them: actions that follow the active layer,
snapping set up while a tool is active and the user's settings given back, merge of the
selection with its refusals, and the undo action."""
import sqlite3

import pytest
import shapely
from qgis.core import (
    Qgis,
    QgsProject,
    QgsSnappingConfig,
    QgsTolerance,
    QgsVectorLayer,
)
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from tool_helpers import journal, messages, parcels, snapshot

TOOLS = ("split_line", "split_area", "merge", "move_vertex", "traverse", "undo_operation")
WHY_DISABLED = "Select the parcel layer of a Cadastre Editor working copy"


def make_active(iface, layer):
    iface.setActiveLayer(layer)
    iface.currentLayerChanged.emit(None)


@pytest.fixture
def controller(qgis_iface, layer):
    from cadastre_plugin import resources_rc  # noqa: F401 - the icons, as plugin.py loads them
    from cadastre_plugin.ui.actions import CadastreActions

    qgis_iface.messageBar().clear_messages()
    controller = CadastreActions(qgis_iface)
    controller.install()
    make_active(qgis_iface, layer)
    yield controller
    controller.remove()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def adjacent_pair(path, adjacent=True):
    current = parcels(path, "WHERE sheet_no = 1")
    uuids = list(current)
    geoms = [current[u][3] for u in uuids]
    tree = shapely.STRtree(geoms)
    for i, j in zip(*tree.query(geoms, predicate="touches")):
        shared = shapely.intersection(geoms[i].boundary, geoms[j].boundary).length
        if i < j and shared > 5:
            if adjacent:
                return uuids[i], uuids[j]
            far = next(k for k in range(len(uuids)) if geoms[k].distance(geoms[i]) > 50)
            return uuids[i], uuids[far]
    raise AssertionError("no adjacent parcels")


def select(layer, uuids):
    quoted = ", ".join(f"'{u}'" for u in uuids)
    layer.selectByExpression(f'"uuid" IN ({quoted})')
    assert layer.selectedFeatureCount() == len(uuids)


def test_tools_follow_the_active_layer(controller, qgis_iface, layer):
    actions = controller.actions
    for key in TOOLS:
        assert actions[key].isEnabled(), key
        tooltip = actions[key].toolTip()
        assert tooltip and tooltip != WHY_DISABLED and "(" not in tooltip, key
        assert not actions[key].icon().isNull(), key
    scratch = QgsVectorLayer("Polygon?crs=EPSG:9210", "scratch", "memory")
    QgsProject.instance().addMapLayer(scratch)
    make_active(qgis_iface, scratch)
    for key in TOOLS:
        assert not actions[key].isEnabled() and actions[key].toolTip() == WHY_DISABLED, key


def test_snapping_is_set_up_while_a_tool_is_active_and_then_given_back(controller, qgis_iface,
                                                                         layer):
    project = QgsProject.instance()
    mine = QgsSnappingConfig(project)
    mine.setEnabled(False)
    mine.setMode(QgsSnappingConfig.ActiveLayer)
    mine.setTolerance(25)
    project.setSnappingConfig(mine)
    project.setTopologicalEditing(False)
    canvas = qgis_iface.mapCanvas()

    controller.actions["split_line"].trigger()
    tool = canvas.mapTool()
    assert tool is controller.editing.tools["split_line"] and tool.layer is layer
    assert controller.actions["split_line"].isChecked()
    config = project.snappingConfig()
    assert config.enabled() and config.mode() == QgsSnappingConfig.AdvancedConfiguration
    settings = config.individualLayerSettings(layer)
    assert settings.enabled() and settings.units() == QgsTolerance.Pixels
    assert settings.typeFlag() & QgsSnappingConfig.VertexFlag
    assert settings.typeFlag() & QgsSnappingConfig.SegmentFlag
    assert canvas.snappingUtils().config() == config
    assert project.topologicalEditing()

    # Switching between the parcel tools keeps it; leaving them gives the user's back.
    controller.actions["move_vertex"].trigger()
    assert project.snappingConfig().enabled() and project.topologicalEditing()
    canvas.setMapTool(QgsMapToolPan(canvas))
    assert project.snappingConfig() == mine and not project.topologicalEditing()
    assert not controller.actions["move_vertex"].isChecked()


def test_merge_the_selection_then_undo_it(controller, qgis_iface, layer, demo_path):
    a, b = adjacent_pair(demo_path)
    before = snapshot(demo_path)
    select(layer, [a, b])
    controller.actions["merge"].trigger()
    after = parcels(demo_path)
    assert a not in after and b not in after
    merged = [u for u in after if u not in parcels_of(before)]
    assert len(merged) == 1
    assert [r[1] for r in journal(demo_path)][0] == "merge"
    with sqlite3.connect(str(demo_path)) as conn:
        assert sorted(conn.execute("SELECT parent_uuid FROM parcel_lineage WHERE child_uuid = ?",
                                   merged).fetchall()) == sorted([(a,), (b,)])
    assert "Merged" in messages(qgis_iface, Qgis.Success)[-1]

    controller.actions["undo_operation"].trigger()
    assert snapshot(demo_path) == before
    assert {f["uuid"] for f in layer.selectedFeatures()} == {a, b}
    assert "Undid the merge" in messages(qgis_iface, Qgis.Success)[-1]
    controller.actions["undo_operation"].trigger()
    assert messages(qgis_iface, Qgis.Info)[-1].endswith("There is no parcel operation to undo.")
    assert snapshot(demo_path) == before


def test_merging_parcels_that_do_not_touch_is_refused_with_the_reason(controller, qgis_iface,
                                                                     layer, demo_path):
    a, far = adjacent_pair(demo_path, adjacent=False)
    before = snapshot(demo_path)
    select(layer, [a, far])
    controller.actions["merge"].trigger()
    error = messages(qgis_iface, Qgis.Critical)[-1]
    assert "only adjacent parcels can be merged" in error
    assert snapshot(demo_path) == before


def test_the_journal_dock_follows_the_operations(controller, qgis_iface, layer, demo_path):
    controller.actions["journal"].trigger()
    dock = controller.journal_dock
    rows = dock.table.rowCount()
    select(layer, adjacent_pair(demo_path))
    controller.actions["merge"].trigger()
    assert dock.table.rowCount() > rows


def parcels_of(snap):
    """uuids in a snapshot's parcels table (the uuid is the third column: fid, geom, uuid)."""
    return {row[2] for row in snap["parcels"]}
