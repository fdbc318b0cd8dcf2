"""The "Check out…" dialog driven through its widgets in real QGIS: a district, and the parcels
of the map's current extent, checked out by the background task and opened on the map."""
import shapely
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDialogButtonBox

from cadastre_plugin.core.sync import status
from cadastre_plugin.core.working_copy import WorkingCopy
from qgis_sync_helpers import (DEMO_COMMUNE, controller, qgis_auth,  # noqa: F401
                               server_token, wait_task)


def _fill_and_accept(controller, area_index, code, path, seen):
    def fill():
        dialog = controller.sync.checkout_dialog
        ok = dialog.buttons.button(QDialogButtonBox.Ok)
        seen.append(ok.isEnabled())  # nothing chosen yet: refused
        dialog.area_combo.setCurrentIndex(area_index)
        dialog.code_edit.setText(code)
        dialog.output_widget.setFilePath(str(path))
        seen.append(dialog.code_label.text())
        seen.append(ok.isEnabled())
        ok.click()
        if dialog.isVisible():  # OK was refused: the user gives up
            dialog.reject()
    QTimer.singleShot(0, fill)


def test_check_out_a_district_through_the_dialog(qgis_iface, controller, live, server_token,
                                                 tmp_path):
    path = tmp_path / "district"  # the dialog adds .gpkg
    seen = []
    _fill_and_accept(controller, 1, "31", path, seen)  # two digits: not a district code yet
    assert controller.actions["sync_checkout"].isEnabled()
    task = controller.sync.checkout()
    assert task is None and seen == [False, "District code", False]

    seen.clear()
    _fill_and_accept(controller, 1, "312", path, seen)
    task = controller.sync.checkout()
    assert seen == [False, "District code", True] and task is not None
    wait_task(controller.sync)
    assert task.error is None, task.error
    with WorkingCopy.open(str(path) + ".gpkg") as wc:
        st = status(wc)
        count = wc.count("parcels")
    assert count == live.one("SELECT count(*) FROM parcels p JOIN communes c "
                             "ON c.code = p.commune_code WHERE c.district_code = '312'")
    assert st["server_url"] == live.url
    assert qgis_iface.activeLayer().featureCount() == count
    assert controller.active_working_copy() == str(path) + ".gpkg"


def test_check_out_the_map_extent_through_the_dialog(qgis_iface, controller, live, server_token,
                                                     tmp_path):
    # Zoom the map to a corner of the demo commune, in its TM-3 CRS.
    rows = live.sql("SELECT uuid, ST_AsBinary(geom) FROM parcels WHERE commune_code = %s",
                    (DEMO_COMMUNE,))
    shapes = {u: shapely.from_wkb(bytes(w)) for u, w in rows}
    minx, miny, maxx, maxy = shapely.total_bounds(list(shapes.values()))
    box = (minx, miny, minx + (maxx - minx) / 3, miny + (maxy - miny) / 3)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:9210"))
    canvas.resize(600, 600)
    canvas.setExtent(QgsRectangle(*box))
    shown = canvas.extent()  # the canvas widens the box to its own proportions
    view = shapely.box(shown.xMinimum(), shown.yMinimum(), shown.xMaximum(), shown.yMaximum())

    path = tmp_path / "extent.gpkg"
    seen = []
    _fill_and_accept(controller, 2, "", path, seen)
    task = controller.sync.checkout()
    assert seen[-1] is True and task is not None
    wait_task(controller.sync)
    assert task.error is None, task.error
    with WorkingCopy.open(str(path)) as wc:
        got = {p.uuid for p in wc.parcels()}
    # Every parcel reaching into the view came (whole), none that stays clear of it; 2 m
    # spare for the round trip of the extent through longitude/latitude.
    inside = {u for u, g in shapes.items() if view.buffer(-2).intersects(g)}
    outside = {u for u, g in shapes.items() if not view.buffer(2).intersects(g)}
    assert inside and inside <= got and not (got & outside)
    assert len(got) < len(shapes)
