"""In a Vietnamese QGIS the check speaks Vietnamese: the plugin's own texts from the .qm, the rule
names and messages from the core's Vietnamese texts."""
import pytest
from qgis.core import Qgis, QgsProject, QgsSettings

from cadastre_plugin.ui.locale import install_translator, remove_translator
from quality_helpers_qgis import wait_finished


@pytest.fixture
def vietnamese():
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/userLocale", "locale/overrideFlag")}
    settings.setValue("locale/userLocale", "vi")
    settings.setValue("locale/overrideFlag", True)
    translator = install_translator()
    assert translator is not None, "the .qm is missing: make build"
    yield
    remove_translator(translator)
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def test_dock_layers_and_messages_in_vietnamese(vietnamese, qgis_iface, controller, make_active,
                                                parcels):
    make_active(parcels)
    assert controller.actions["check_topology"].text() == "Kiểm tra topo"
    quality = controller.quality
    controller.actions["check_topology"].trigger()
    wait_finished(quality)
    dock = quality.dock
    assert dock.windowTitle() == "Kiểm tra topo"
    assert dock.fix_all_button.text() == "Sửa tất cả"
    assert dock.rule_filter.itemText(0) == "Mọi quy tắc (8)"
    assert dock.rule_filter.findText("Các thửa chồng lấn (2)") > 0
    dock.rule_filter.setCurrentIndex(dock.rule_filter.findData("CAD-OVERLAP"))
    model = dock.model
    assert model.data(model.index(0, 0)) == "Lỗi"
    assert "tờ" in model.data(model.index(0, 2)) and "thửa" in model.data(model.index(0, 2))
    assert "chồng lấn" in model.data(model.index(0, 3))
    root = QgsProject.instance().layerTreeRoot()
    assert root.findGroup("Kiểm tra topo: demo.gpkg") is not None
    areas = quality.error_layers.layers()[2]
    assert areas.name() == "Lỗi: vùng"
    names = {f["name"] for f in areas.getFeatures()}
    assert "Các thửa chồng lấn" in names
    warning = qgis_iface.messageBar().get_messages(Qgis.Warning)[-1]
    assert "Đã kiểm tra 300 thửa" in warning
