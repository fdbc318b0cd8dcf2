"""The plugin speaks QGIS's language: Vietnamese when QGIS runs in Vietnamese, else English."""
import sys
import types
from pathlib import Path

import pytest
import qgis.utils
from qgis.core import Qgis, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QLocale

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "cadastre_plugin"


@pytest.fixture
def with_locale(qgis_iface, qgis_new_project):
    """Set QGIS's locale settings, load the plugin, and undo both afterwards."""
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/userLocale", "locale/overrideFlag")}
    saved_default = QLocale()
    saved_modules = {name: module for name, module in sys.modules.items()
                     if name == PLUGIN or name.startswith(PLUGIN + ".")}
    if str(ROOT) not in qgis.utils.plugin_paths:
        qgis.utils.plugin_paths.insert(0, str(ROOT))
    qgis.utils.updateAvailablePlugins()
    qgis_iface.messageBar().clear_messages()

    def load(locale, override=True):
        settings.setValue("locale/userLocale", locale)
        settings.setValue("locale/overrideFlag", override)
        assert qgis.utils.loadPlugin(PLUGIN)
        assert qgis.utils.startPlugin(PLUGIN)
        return qgis.utils.plugins[PLUGIN]

    yield load
    if PLUGIN in qgis.utils.active_plugins:
        assert qgis.utils.unloadPlugin(PLUGIN)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QLocale.setDefault(saved_default)
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    for name in [n for n in sys.modules if n == PLUGIN or n.startswith(PLUGIN + ".")]:
        del sys.modules[name]
    sys.modules.update(saved_modules)
    for module in saved_modules.values():  # see test_plugin_shell.plugin_modules
        for attribute, value in list(vars(module).items()):
            if isinstance(value, types.ModuleType) and value.__name__.startswith(PLUGIN) \
                    and saved_modules.get(value.__name__) is not value:
                delattr(module, attribute)
    QgsProject.instance().removeAllMapLayers()


def texts(plugin):
    controller = plugin.controller
    return {
        "menu": controller.menu.title(),
        "toolbar": controller.toolbar.windowTitle(),
        "open": controller.actions["open"].text(),
        "journal": controller.actions["journal"].text(),
        "why": controller.actions["info"].toolTip(),
    }


def test_vietnamese_when_qgis_runs_in_vietnamese(with_locale):
    assert texts(with_locale("vi")) == {
        "menu": "&Địa chính",
        "toolbar": "Biên tập địa chính",
        "open": "Mở bản sao làm việc…",
        "journal": "Nhật ký",
        "why": "Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor",
    }


def test_regional_vietnamese_locale_counts_too(with_locale):
    assert texts(with_locale("vi_VN"))["menu"] == "&Địa chính"


def test_english_otherwise(with_locale):
    assert texts(with_locale("en_US")) == {
        "menu": "&Cadastre",
        "toolbar": "Cadastre Editor",
        "open": "Open working copy…",
        "journal": "Journal",
        "why": "Select the parcel layer of a Cadastre Editor working copy",
    }


def test_without_override_qgis_follows_the_system_locale(with_locale):
    # QGIS ignores locale/userLocale unless locale/overrideFlag is set.
    QLocale.setDefault(QLocale("en_GB"))
    assert texts(with_locale("vi", override=False))["menu"] == "&Cadastre"


def test_system_locale_in_vietnamese(with_locale):
    QLocale.setDefault(QLocale("vi_VN"))
    assert texts(with_locale("en_US", override=False))["menu"] == "&Địa chính"


def test_core_errors_come_in_the_users_language(with_locale, qgis_iface, tmp_path):
    plugin = with_locale("vi")
    assert plugin.controller.open_path(str(tmp_path / "khong-co.gpkg")) is None
    [message] = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert message.startswith("Không mở được bản sao làm việc:")
    assert "Không tìm thấy bản sao làm việc" in message


def test_translator_is_removed_on_unload(with_locale):
    plugin = with_locale("vi")
    translator = plugin.translator  # kept alive: removal must not rely on garbage collection
    assert translator is not None
    assert QCoreApplication.translate("CadastreActions", "&Cadastre") == "&Địa chính"
    assert qgis.utils.unloadPlugin(PLUGIN)
    assert QCoreApplication.translate("CadastreActions", "&Cadastre") == "&Cadastre"
