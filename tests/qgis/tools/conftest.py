"""Fixtures of the map tool tests: a real map canvas showing a demo working copy's parcel
layer, the operation runner and the snapping setup the tools share."""
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QCoreApplication

from cadastre_plugin.tools.runner import OperationRunner
from cadastre_plugin.tools.snapping import SnappingSetup
from cadastre_plugin.ui.working_copy_detection import WorkingCopyDetector
from tool_helpers import SIZE, Mouse


@pytest.fixture
def layer(demo_path, qgis_new_project):
    layer = QgsVectorLayer(f"{demo_path}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture
def canvas(layer):
    canvas = QgsMapCanvas()
    canvas.resize(*SIZE)
    canvas.show()
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    canvas.setExtent(layer.extent())
    QCoreApplication.processEvents()
    yield canvas
    if canvas.mapTool() is not None:
        canvas.unsetMapTool(canvas.mapTool())
    canvas.close()
    canvas.deleteLater()


@pytest.fixture
def mouse(canvas):
    return Mouse(canvas)


@pytest.fixture
def runner(qgis_iface, canvas):
    qgis_iface.messageBar().clear_messages()
    return OperationRunner(qgis_iface, canvas, WorkingCopyDetector().parcel_layer_path)


@pytest.fixture
def snapping(canvas):
    setup = SnappingSetup(canvas)
    yield setup
    setup.restore()


