"""The plugin's "Print parcel extract" and "Import DGN sheet…" actions in real QGIS."""
import shutil
import subprocess
import time

import pytest
import shapely
from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer
from qgis.PyQt.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton

from cadastre_plugin.io.dgn import write_elements
from dgn_sheet_maker import drop_texts, make_sheet

WHY_NOT_ONE = "Select exactly one parcel to print its extract"
WHY_NO_LAYER = "Select the parcel layer of a Cadastre Editor working copy"


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def select(layer, count):
    ids = [f.id() for f in layer.getFeatures("status = 'current'")][:count]
    layer.selectByIds(ids)
    return [layer.getFeature(i) for i in ids]


def test_extract_of_the_selected_parcel(controller, parcels, monkeypatch, tmp_path):
    action = controller.actions["print_extract"]
    (feature,) = select(parcels, 1)
    assert action.isEnabled() and action.toolTip() != WHY_NOT_ONE
    output = tmp_path / "out" / "extract.pdf"
    asked = []

    def save_name(parent, title, default, filters):
        asked.append(default)
        return str(output), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    action.trigger()
    sheet, number = feature["sheet_no"], feature["parcel_no"]
    assert asked == [str(parcels.source().split("|")[0]).replace(
        "demo.gpkg", f"trich-luc-{sheet}-{number}.pdf")]
    assert output.is_file()
    text = pdf_text(output)
    assert str(number) in text.split()
    assert "TRÍCH LỤC" in text
    button = controller.iface.messageBar().findChild(QPushButton, "CadastreOpenExtractButton")
    assert button is not None and button.text() == "Open PDF"


@pytest.mark.parametrize("count", [0, 2])
def test_extract_needs_exactly_one_parcel(controller, parcels, monkeypatch, count):
    action = controller.actions["print_extract"]
    select(parcels, 1)
    assert action.isEnabled()
    select(parcels, count)
    assert not action.isEnabled() and action.toolTip() == WHY_NOT_ONE
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: pytest.fail("no file asked without one parcel"))
    assert controller.io.print_extract() is None


def test_extract_needs_a_working_copy_parcel_layer(qgis_iface, controller):
    memory = QgsVectorLayer("Polygon?crs=EPSG:9210&field=parcel_no:integer", "m", "memory")
    QgsProject.instance().addMapLayer(memory)
    qgis_iface.setActiveLayer(memory)
    qgis_iface.currentLayerChanged.emit(None)
    action = controller.actions["print_extract"]
    assert not action.isEnabled() and action.toolTip() == WHY_NO_LAYER
    assert controller.actions["import_dgn"].isEnabled()


def wait_import(io, timeout=120.0):
    loop = QEventLoop()
    done = []
    io.finished.connect(loop.quit)
    io.finished.connect(lambda: done.append(True))
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout * 1000))
    started = time.monotonic()
    if io.task is not None:
        loop.exec_()
    io.finished.disconnect(loop.quit)
    assert done, f"no result after {time.monotonic() - started:.0f} s"
    QCoreApplication.processEvents()


def fill(dialog, dgn, output, sheet=5):
    dialog.dgn_widget.setFilePath(str(dgn))
    dialog.code_edit.setText("11686")
    dialog.name_edit.setText("Xã Tân Tiến")
    dialog.sheet_spin.setValue(sheet)
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData(1000))
    dialog.crs_combo.setCurrentIndex(dialog.crs_combo.findData(9210))
    dialog.output_widget.setFilePath(str(output))


def parcel_layers(path):
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.source().startswith(str(path)) and "layername=parcels" in layer.source()]


@pytest.mark.parametrize("broken", [False, True])
def test_dgn_dialog_imports_and_opens_the_working_copy(qgis_iface, controller, tmp_path,
                                                      broken):
    from cadastre_plugin.ui.io.dgn_dialog import DgnImportDialog

    sheet = make_sheet(30, seed=3)
    if broken:
        drop_texts(sheet, 11, "7")  # a parcel without its number
    dgn, output = tmp_path / "to5.dgn", tmp_path / "wc.gpkg"
    write_elements(dgn, sheet.elements())

    dialog = DgnImportDialog(str(tmp_path))
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    fill(dialog, dgn, output)
    assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    assert dialog.crs_combo.count() == 17
    task = controller.io.start_import(dialog)
    assert task is not None
    wait_import(controller.io)
    assert QgsApplication.taskManager().countActiveTasks() == 0 or controller.io.task is None

    (layer,) = parcel_layers(output)
    layer.setSubsetString("status = 'current'")
    numbers = sorted(f["parcel_no"] for f in layer.getFeatures())
    problems = [layer for layer in QgsProject.instance().mapLayers().values()
                if layer.name() == "DGN import problems"]
    if not broken:
        assert numbers == list(range(1, 31))
        assert problems == []
        assert qgis_iface.messageBar().get_messages(Qgis.Success)
    else:
        assert 7 not in numbers and len(numbers) == 29
        (problem_layer,) = problems
        points = [f.geometry().asPoint() for f in problem_layer.getFeatures()]
        unlabelled = sheet.geoms[sheet.index_of(7)]
        assert any(shapely.distance(shapely.Point(p.x(), p.y()), unlabelled) < 1.0
                   for p in points)
    assert controller.active_working_copy() is None or controller.active_working_copy() == \
        str(output)


def test_a_failed_dgn_import_is_shown(qgis_iface, controller, tmp_path):
    from cadastre_plugin.ui.io.dgn_dialog import DgnImportDialog

    bad = tmp_path / "bad.dgn"
    bad.write_bytes(b"not a dgn")
    dialog = DgnImportDialog(str(tmp_path))
    fill(dialog, bad, tmp_path / "wc.gpkg")
    controller.io.start_import(dialog)
    wait_import(controller.io)
    assert qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert not (tmp_path / "wc.gpkg").exists()
