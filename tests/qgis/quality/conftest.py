"""Fixtures of the topology check in real QGIS: a demo working copy with known faults (the core
injector, so the truth says what must be found and where), its parcel layer on the map and
active, and the plugin's actions installed on pytest-qgis's iface."""
import gc

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from cadastre_plugin.core.quality.inject_working_copy import inject_into
from cadastre_plugin.core.working_copy import WorkingCopy

#: Two overlaps and a gap (fixable), a bow-tie (fixable: its ring is repaired), a spike and a
#: duplicate vertex (fixable warnings), a duplicate parcel number (not fixable).
FAULTS = {"overlap": 2, "gap": 1, "bowtie": 1, "spike": 1, "duplicate_vertex": 1,
          "duplicate_number": 1}


@pytest.fixture
def faulty(demo_path):
    """(path, InjectedCopy): the 300-parcel demo with FAULTS injected."""
    with WorkingCopy.open(str(demo_path)) as wc:
        injected = inject_into(wc, FAULTS, seed=3)
    return demo_path, injected


@pytest.fixture
def parcels(qgis_iface, qgis_new_project, faulty):
    layer = QgsVectorLayer(f"{faulty[0]}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    canvas = qgis_iface.mapCanvas()
    # Shown, like QGIS's: in a hidden main window the canvas keeps a 98x28 pixel map, and
    # every extent set on it comes out a few hundred metres wide.
    window = qgis_iface.mainWindow()
    window.resize(1000, 700)
    window.show()
    QCoreApplication.processEvents()
    canvas.setDestinationCrs(layer.crs())
    canvas.setExtent(layer.extent())
    yield layer
    window.hide()
    QgsProject.instance().removeAllMapLayers()
    gc.collect()


@pytest.fixture
def controller(qgis_iface, qgis_new_project):
    """The plugin's toolbar, menu and actions, as the plugin installs them. Without the
    compiled icons: these tests run first, and a resources module imported here would be
    kept by test_plugin_locale's module restore after QGIS's unload has cleaned it up."""
    from cadastre_plugin.ui.actions import CadastreActions

    qgis_iface.messageBar().clear_messages()
    actions = CadastreActions(qgis_iface)
    actions.install()
    yield actions
    actions.remove()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def make_active(qgis_iface, controller):
    def activate(layer):
        qgis_iface.setActiveLayer(layer)
        qgis_iface.currentLayerChanged.emit(None)
    return activate
