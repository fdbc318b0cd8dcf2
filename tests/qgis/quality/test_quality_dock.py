"""The "Topology check" dock in real QGIS, driven with real clicks: filter by rule and severity,
click to zoom (the canvas goes to the error, the parcels are selected), fix one (the finding
goes, the journal has the fix, the layer shows the fixed parcel), fix all, re-check."""
import sqlite3

import pytest
import shapely
from qgis.core import Qgis, QgsFeatureRequest
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtTest import QTest

from cadastre_plugin.core import gpkg
from quality_helpers_qgis import error_features, fix_operations, wait_finished


@pytest.fixture
def checked(controller, make_active, parcels):
    """The quality actions after a check of the faulty demo, the dock shown as a window."""
    make_active(parcels)
    quality = controller.quality
    controller.actions["check_topology"].trigger()
    wait_finished(quality)
    dock = quality.dock
    dock.setFloating(True)
    dock.resize(900, 500)
    dock.show()
    QCoreApplication.processEvents()
    return quality


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def click_row(dock, row):
    view = dock.table
    rect = view.visualRect(dock.model.index(row, 3))
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    QCoreApplication.processEvents()


def rules_listed(dock):
    return [f.rule for f in dock.model.findings]


def file_geometry(path, fid):
    with sqlite3.connect(str(path)) as conn:
        blob = conn.execute("SELECT geom FROM parcels WHERE fid = ?", (fid,)).fetchone()[0]
    return gpkg.decode([blob])[0]


def layer_geometry(layer, fid):
    feature = next(layer.getFeatures(QgsFeatureRequest(fid)))
    return shapely.from_wkb(bytes(feature.geometry().asWkb()))


def test_filter_by_rule_and_severity(checked):
    dock = checked.dock
    assert len(rules_listed(dock)) == 8
    assert dock.rule_filter.itemText(0) == "All rules (8)"
    assert dock.rule_filter.findText("Overlapping parcels (2)") > 0
    choose(dock.rule_filter, "CAD-OVERLAP")
    assert rules_listed(dock) == ["CAD-OVERLAP", "CAD-OVERLAP"]
    assert dock.model.data(dock.model.index(0, 1)) == "Overlapping parcels"
    assert "sheet" in dock.model.data(dock.model.index(0, 2))
    choose(dock.severity_filter, "warning")
    assert rules_listed(dock) == []
    assert not dock.fix_all_button.isEnabled()
    choose(dock.rule_filter, None)
    assert sorted(rules_listed(dock)) == ["CAD-DUPLICATE-VERTEX", "CAD-NEAR-COINCIDENT"]
    choose(dock.severity_filter, "error")
    assert "CAD-DUPLICATE-NUMBER" in rules_listed(dock) and len(rules_listed(dock)) == 6


def test_click_zooms_to_the_error_and_selects_its_parcels(qgis_iface, checked, parcels):
    dock, canvas = checked.dock, qgis_iface.mapCanvas()
    choose(dock.rule_filter, "CAD-GAP")
    whole = canvas.extent()
    gap = dock.model.finding(0)
    click_row(dock, 0)
    extent = canvas.extent()
    minx, miny, maxx, maxy = shapely.bounds(gap.geometry)
    assert extent.xMinimum() < minx and extent.xMaximum() > maxx
    assert extent.yMinimum() < miny and extent.yMaximum() > maxy
    size = max(maxx - minx, maxy - miny)
    assert extent.width() < whole.width() / 5 and extent.width() < 2 * size + 12
    fids = sorted(int(f) for f in checked.session.ctx.fids[list(gap.rows)])
    assert sorted(parcels.selectedFeatureIds()) == fids
    assert dock.fix_button.isEnabled()
    # A finding elsewhere moves the view there.
    choose(dock.rule_filter, "CAD-SPIKE")
    spike = dock.model.finding(0)
    click_row(dock, 0)
    tip = spike.geometry
    assert canvas.extent().contains(tip.x, tip.y) and not canvas.extent().contains(minx, miny)


def test_fix_one_removes_it_journals_it_and_reloads_the_layer(checked, parcels, faulty):
    path = faulty[0]
    dock = checked.dock
    choose(dock.rule_filter, "CAD-OVERLAP")
    overlap = dock.model.finding(0)
    click_row(dock, 0)
    before_layer = {int(f): layer_geometry(parcels, int(f))
                    for f in checked.session.ctx.fids[list(overlap.rows)]}
    drawn_before = len(error_features(checked))
    dock.fix_button.click()
    wait_finished(checked)

    session = checked.session
    assert overlap.key() not in {f.key() for f in session.findings}
    assert [f.rule for f in session.findings].count("CAD-OVERLAP") == 1
    assert fix_operations(path) == ["fix:CAD-OVERLAP"]
    assert len(error_features(checked)) == drawn_before - 1
    # The layer shows the file as the fix left it (it was re-read), the fixed parcel selected.
    changed = [f for f, g in before_layer.items()
               if not g.equals_exact(layer_geometry(parcels, f), 0)]
    assert len(changed) == 1 and parcels.selectedFeatureIds() == changed
    assert layer_geometry(parcels, changed[0]).equals_exact(file_geometry(path, changed[0]), 0)
    # The rule filter stays on; the list shows what is left of it.
    assert rules_listed(dock) == ["CAD-OVERLAP"]


def test_fix_all_then_recheck(qgis_iface, checked, faulty):
    path = faulty[0]
    dock = checked.dock
    dock.fix_all_button.click()
    wait_finished(checked)
    assert [f.rule for f in checked.session.findings] == ["CAD-DUPLICATE-NUMBER"]
    assert sorted(fix_operations(path)) == sorted(
        ["fix:CAD-INVALID-GEOMETRY", "fix:CAD-DUPLICATE-VERTEX", "fix:CAD-SPIKE",
         "fix:CAD-GAP", "fix:CAD-OVERLAP", "fix:CAD-OVERLAP"])
    assert not dock.fix_all_button.isEnabled()
    assert {rule for rule, _, _ in error_features(checked)} == {"CAD-DUPLICATE-NUMBER"}
    success = qgis_iface.messageBar().get_messages(Qgis.Warning)[-1]
    assert "Fixed 6 of 7 errors." in success and "Already resolved" in success

    dock.recheck_button.click()
    wait_finished(checked)
    assert [f.rule for f in checked.session.findings] == ["CAD-DUPLICATE-NUMBER"]
    assert dock.rule_filter.itemText(0) == "All rules (1)"


def test_fix_is_refused_while_the_layer_has_unsaved_edits(qgis_iface, checked, parcels, faulty):
    parcels.startEditing()
    fid = next(parcels.getFeatures()).id()
    parcels.changeAttributeValue(fid, parcels.fields().indexOf("address"), "changed")
    try:
        assert checked.fix([f for f in checked.session.findings if f.fixable]) is None
        assert checked.task is None and fix_operations(faulty[0]) == []
        warning = qgis_iface.messageBar().get_messages(Qgis.Warning)[-1]
        assert "unsaved edits" in warning
    finally:
        parcels.rollBack()


def test_fix_after_the_working_copy_changed_reads_it_again(checked, faulty):
    """An edit after the check (here: an unrelated parcel's land use, journalled) makes the
    kept context stale: the fix reads the working copy again and checks it in full."""
    from cadastre_plugin.core.working_copy import WorkingCopy

    path = faulty[0]
    with WorkingCopy.open(str(path)) as wc:
        with wc.operation("edit") as conn:
            conn.execute("UPDATE parcels SET address = 'x' WHERE fid = 1")
    gap = next(f for f in checked.session.findings if f.rule == "CAD-GAP")
    checked.fix([gap])
    wait_finished(checked)
    assert fix_operations(path) == ["fix:CAD-GAP"]
    rules = [f.rule for f in checked.session.findings]
    assert "CAD-GAP" not in rules and "CAD-NEAR-COINCIDENT" not in rules and len(rules) == 6
