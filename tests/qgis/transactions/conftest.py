"""Fixtures for the registration UI in real QGIS: a demo commune with a history, its parcel
layer on the map and active, and the plugin's actions installed on pytest-qgis's iface."""
import gc
import shutil

import pytest
from qgis.core import QgsProject, QgsVectorLayer


@pytest.fixture(scope="session")
def history_template(tmp_path_factory):
    """A 120-parcel demo commune with backdated registrations (and their scans) and one split."""
    from cadastre_plugin.core.demo import generate

    folder = tmp_path_factory.mktemp("tx_ui")
    generate(str(folder / "demo.gpkg"), parcels=120, seed=7, history_splits=1)
    return folder / "demo.gpkg"


@pytest.fixture
def wc_path(history_template, tmp_path):
    """A copy of the demo, with its scanned documents beside it."""
    path = tmp_path / "demo.gpkg"
    shutil.copy(history_template, path)
    shutil.copytree(f"{history_template}.documents", f"{path}.documents")
    return path


@pytest.fixture
def parcels(qgis_iface, qgis_new_project, wc_path):
    """The working copy's parcel layer, in the project and active."""
    layer = QgsVectorLayer(f"{wc_path}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()
    gc.collect()


@pytest.fixture
def controller(qgis_iface, qgis_new_project):
    """The plugin's toolbar, menu and actions, as the plugin installs them."""
    from cadastre_plugin import resources_rc
    from cadastre_plugin.ui.actions import CadastreActions

    # The icons, as plugin.py loads them; again, since a test that unloaded the plugin may
    # have unregistered them (registering twice is harmless).
    resources_rc.qInitResources()

    actions = CadastreActions(qgis_iface)
    actions.install()
    yield actions
    actions.remove()

