"""The editing tools inside the real QGIS application: QGIS links its own GEOS, PROJ and
SQLite, and the tools call shapely functions QGIS's GEOS lacks (the coverage checks) on every
operation. Split with the mouse, merge the pieces, move a shared vertex, undo all three, and
QGIS exits cleanly. Also the fact behind the plugin's own undo action: QGIS's Undo stays
disabled for a layer that is not in edit mode, whatever its undo stack holds."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

TASK = '''
import os
import qgis.utils
from qgis.core import QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import QEvent, QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QMouseEvent
from qgis.PyQt.QtWidgets import QApplication


def main(ctx):
    controller = qgis.utils.plugins["cadastre_plugin"].controller
    controller.create_demo(os.path.join(os.environ["CADASTRE_TEST_DIR"], "demo.gpkg"), 300,
                           seed=5)
    layer = ctx.iface.activeLayer()
    canvas = ctx.iface.mapCanvas()
    bar = ctx.iface.messageBar()
    result = ctx.result
    result["start"] = layer.featureCount()

    feature = max(layer.getFeatures(), key=lambda f: f.geometry().area())
    box = feature.geometry().boundingBox()
    canvas.setExtent(box.buffered(box.width()))
    ctx.wait_for_canvas()
    buttons = [Qt.NoButton]

    def send(kind, x, y, button=Qt.NoButton):
        p = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
        pos = QPoint(round(p.x()), round(p.y()))
        if kind == QEvent.MouseButtonPress:
            buttons[0] = button
        elif kind == QEvent.MouseButtonRelease:
            buttons[0] = Qt.NoButton
        event = QMouseEvent(kind, QPointF(pos), QPointF(canvas.viewport().mapToGlobal(pos)),
                            button, buttons[0], Qt.NoModifier)
        QApplication.sendEvent(canvas.viewport(), event)

    def click(x, y, button=Qt.LeftButton):
        send(QEvent.MouseMove, x, y)
        send(QEvent.MouseButtonPress, x, y, button)
        send(QEvent.MouseButtonRelease, x, y, button)

    def last_message():
        items = bar.items()
        return f"{items[0].title()}: {items[0].text()}" if items else ""

    # Split with the mouse: two clicks across the parcel, right-click.
    controller.actions["split_line"].trigger()
    x = box.center().x()
    click(x, box.yMinimum() - 2)
    send(QEvent.MouseMove, x, box.yMaximum() + 2)
    result["preview"] = canvas.mapTool().preview_text
    click(x, box.yMaximum() + 2)
    click(x, box.yMaximum() + 2, Qt.RightButton)
    result["after_split"] = layer.featureCount()
    result["split_message"] = last_message()

    # Merge the two pieces, selected by the split.
    controller.actions["merge"].trigger()
    result["after_merge"] = layer.featureCount()
    result["merge_message"] = last_message()

    # Drag a boundary vertex of the merged parcel.
    merged = next(layer.getSelectedFeatures())
    vertex = merged.geometry().vertexAt(1)
    controller.actions["move_vertex"].trigger()
    canvas.setExtent(QgsRectangle(vertex.x() - 10, vertex.y() - 10, vertex.x() + 10,
                                  vertex.y() + 10))
    ctx.wait_for_canvas()
    send(QEvent.MouseMove, vertex.x(), vertex.y())
    send(QEvent.MouseButtonPress, vertex.x(), vertex.y(), Qt.LeftButton)
    send(QEvent.MouseMove, vertex.x() + 0.6, vertex.y() + 0.3)
    send(QEvent.MouseButtonRelease, vertex.x() + 0.6, vertex.y() + 0.3, Qt.LeftButton)
    result["move_message"] = last_message()

    for step in ("undo_move", "undo_merge", "undo_split"):
        controller.actions["undo_operation"].trigger()
        result[step] = last_message()
    result["end"] = layer.featureCount()
    result["parent_back"] = feature.id() in {f.id() for f in layer.getFeatures()}
    canvas.unsetMapTool(canvas.mapTool())

    # Why the plugin has its own undo action: QGIS's Undo ignores the undo stack of a layer
    # that is not in edit mode (the operations are committed, the layer never is).
    from qgis.PyQt.QtWidgets import QAction, QUndoCommand
    undo = ctx.iface.mainWindow().findChild(QAction, "mActionUndo")
    layer.undoStack().push(QUndoCommand("probe"))
    ctx.wait(50)
    result["qgis_undo"] = [layer.undoStack().canUndo(), undo.isEnabled()]
    layer.undoStack().clear()
'''


@pytest.mark.slow
def test_split_merge_move_and_undo_in_the_real_qgis(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import run_qgis

    task = tmp_path / "tools_in_qgis.py"
    task.write_text(TASK, encoding="utf-8")
    result = run_qgis.launch(task, workdir=tmp_path / "qgis",
                             env={"CADASTRE_TEST_DIR": str(tmp_path)})
    assert "error" not in result, result.get("traceback", "") + result.get("log", "")
    assert result["start"] == 300
    assert result["preview"].count("m²") == 2
    assert result["after_split"] == 301 and "Split" in result["split_message"]
    assert result["after_merge"] == 300 and "Merged" in result["merge_message"]
    assert "Moved a boundary vertex" in result["move_message"]
    assert "Undid the boundary vertex move" in result["undo_move"]
    assert "Undid the merge" in result["undo_merge"]
    assert "Undid the split" in result["undo_split"]
    assert result["end"] == 300 and result["parent_back"]
    assert result["qgis_undo"] == [True, False]
    assert result["returncode"] == 0, result.get("log")  # and QGIS exits cleanly
