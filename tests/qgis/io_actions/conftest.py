"""Fixtures of the import and extract actions in real QGIS: the plugin's actions installed on
pytest-qgis's iface, and a demo working copy's parcel layer on the map."""
import gc
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

IO_TESTS = Path(__file__).resolve().parents[2] / "io"
if str(IO_TESTS) not in sys.path:
    sys.path.insert(0, str(IO_TESTS))  # dgn_sheet_maker


@pytest.fixture
def controller(qgis_iface, qgis_new_project):
    from cadastre_plugin.ui.actions import CadastreActions

    qgis_iface.messageBar().clear_messages()
    actions = CadastreActions(qgis_iface)
    actions.install()
    yield actions
    actions.remove()
    QgsProject.instance().removeAllMapLayers()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    gc.collect()


@pytest.fixture
def parcels(qgis_iface, controller, demo_path):
    """The demo's parcel layer, on the map and active."""
    layer = QgsVectorLayer(f"{demo_path}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    qgis_iface.currentLayerChanged.emit(None)
    return layer
