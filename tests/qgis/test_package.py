"""`make package` builds a zip that installs and runs in the real QGIS desktop application.

These tests start /usr/bin/qgis (under Xvfb when there is no display) with a fresh profile
through scripts/run_qgis.py; the checks run inside QGIS and come back as JSON."""
import configparser
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import run_qgis  # noqa: E402

pytestmark = pytest.mark.slow

# Runs inside QGIS: loads nothing itself, inspects what QGIS loaded from the profile.
INSPECT_TASK = textwrap.dedent('''
    import os, sys
    import qgis.utils
    from qgis.core import QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

    def main(ctx):
        iface, result = ctx.iface, ctx.result
        window = iface.mainWindow()
        result["active_plugins"] = list(qgis.utils.active_plugins)
        module = sys.modules.get("cadastre_plugin")
        result["plugin_file"] = os.path.realpath(module.__file__) if module else None
        result["metadata"] = {key: qgis.utils.pluginMetadata("cadastre_plugin", key)
                              for key in ("name", "version", "qgisMinimumVersion")}
        result["bar"] = [f"{item.title()} {item.text()}" for item in iface.messageBar().items()]
        toolbars = [t for t in window.findChildren(QToolBar)
                    if t.objectName() == "CadastreEditorToolbar"]
        result["toolbars"] = [t.windowTitle() for t in toolbars]
        menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
        result["menus"] = [m.title() for m in menus]
        if not toolbars:
            return
        result["toolbar_actions"] = [a.text() for a in toolbars[0].actions()]
        result["toolbar_visible"] = toolbars[0].isVisible()
        controller = qgis.utils.plugins["cadastre_plugin"].controller
        info = controller.actions["info"]

        memory = QgsVectorLayer("Polygon?crs=EPSG:9210", "scratch", "memory")
        QgsProject.instance().addMapLayer(memory)
        iface.setActiveLayer(memory)  # the real iface emits currentLayerChanged itself
        result["memory_layer"] = [info.isEnabled(), info.toolTip()]

        opened = controller.open_path(os.environ["CADASTRE_TEST_GPKG"])
        result["opened"] = opened is not None
        result["after_open"] = [info.isEnabled(), iface.activeLayer().name(),
                                iface.activeLayer().featureCount()]
        operations = QgsProject.instance().transformContext().coordinateOperations()
        result["operations"] = {f"{s}>{d}": op for (s, d), op in operations.items()}
        iface.setActiveLayer(memory)
        result["back_to_memory"] = info.isEnabled()
        iface.setActiveLayer(opened.parcels)
        controller.actions["journal"].trigger()
        result["docks"] = [d.objectName() for d in window.findChildren(QDockWidget)
                           if d.objectName().startswith("Cadastre") and d.isVisible()]

        qgis.utils.unloadPlugin("cadastre_plugin")
        # What the main event loop does once this task returns: run the deleteLater()s.
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        result["after_unload"] = {
            "toolbars": [t.objectName() for t in window.findChildren(QToolBar)
                         if t.objectName() == "CadastreEditorToolbar"],
            "docks": [d.objectName() for d in window.findChildren(QDockWidget)
                      if d.objectName().startswith("Cadastre")],
            "menus": [a.menu().title() for a in window.menuBar().actions()
                      if a.menu() is not None],
        }
        iface.setActiveLayer(memory)  # no dead plugin may react
        result["still_alive"] = True
''')


@pytest.fixture(scope="module")
def package():
    started = subprocess.run(["make", "package"], cwd=ROOT, capture_output=True, text=True)
    assert started.returncode == 0, started.stdout + started.stderr
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    path = ROOT / "dist" / f"cadastre_plugin-{parser['general']['version']}.zip"
    assert path.is_file()
    return path


@pytest.fixture
def inspect_task(tmp_path):
    path = tmp_path / "inspect_task.py"
    path.write_text(INSPECT_TASK, encoding="utf-8")
    return path


def test_zip_holds_the_plugin_and_its_build_products(package):
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        metadata = archive.read("cadastre_plugin/metadata.txt").decode("utf-8")
    assert all(name.startswith("cadastre_plugin/") for name in names)
    for required in ("__init__.py", "plugin.py", "metadata.txt", "resources_rc.py",
                     "i18n/cadastre_vi.qm", "icons/cadastre.svg", "styles/parcels.qml",
                     "core/working_copy.py", "ui/actions.py"):
        assert f"cadastre_plugin/{required}" in names, required
    assert any(n.startswith("cadastre_plugin/core/codelists/") and n.endswith(".json")
               for n in names)
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts", ".qrc"))]
    assert not [n for n in names if "/tests/" in n]
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(metadata)
    general = parser["general"]
    assert general["qgisMinimumVersion"] == "3.22"
    for key in ("name", "version", "description", "about", "author", "email", "tracker",
                "repository"):
        assert general.get(key, "").strip(), key


def test_zip_installed_in_a_fresh_profile_loads_in_real_qgis(package, inspect_task, demo_path,
                                                             tmp_path):
    result = run_qgis.launch(inspect_task, workdir=tmp_path / "qgis", plugin_zip=package,
                             env={"CADASTRE_TEST_GPKG": str(demo_path)})
    assert "error" not in result, result.get("traceback", "") + result.get("log", "")
    assert result["returncode"] == 0, result.get("log")
    profile_plugins = (tmp_path / "qgis").resolve() / "profiles-root" / "profiles"
    assert "cadastre_plugin" in result["active_plugins"]
    assert result["plugin_file"].startswith(str(profile_plugins)), result["plugin_file"]
    assert result["metadata"]["qgisMinimumVersion"] == "3.22"
    assert result["metadata"]["name"] == "Cadastre Editor"
    assert result["bar"] == []  # started without any warning or error
    assert result["toolbars"] == ["Cadastre Editor"] and result["toolbar_visible"]
    assert result["toolbar_actions"] == [
        "Open working copy…", "New demo working copy…", "Working copy information", "Journal",
        "Split parcel by line", "Split parcel by area", "Merge selected parcels",
        "Move shared boundary", "Survey input", "Undo last parcel operation",
        "Record transaction…", "Parcel information", "Parcel history", "Pending approvals",
        "Check topology",
        "Import DGN sheet…", "Print parcel extract",
        "Sync server…", "Check out…", "Push", "Pull", "Sync status / conflicts"]
    # One menu of ours, before QGIS's Help menu, which stays last.
    assert result["menus"].count("&Cadastre") == 1
    assert result["menus"][-1] == "&Help"

    assert result["memory_layer"] == [
        False, "Select the parcel layer of a Cadastre Editor working copy"]
    assert result["opened"] and result["after_open"] == [True, "Parcels", 300]
    assert result["operations"]["EPSG:9210>EPSG:4326"].startswith("+proj=pipeline")
    assert result["back_to_memory"] is False
    assert result["docks"] == ["CadastreJournalDock"]
    assert result["after_unload"]["toolbars"] == []
    assert result["after_unload"]["docks"] == []
    assert "&Cadastre" not in result["after_unload"]["menus"]
    assert result["still_alive"]


def test_real_qgis_in_vietnamese(package, inspect_task, demo_path, tmp_path):
    result = run_qgis.launch(inspect_task, workdir=tmp_path / "qgis", plugin_zip=package,
                             locale="vi", env={"CADASTRE_TEST_GPKG": str(demo_path)})
    assert "error" not in result, result.get("traceback", "") + result.get("log", "")
    assert result["toolbars"] == ["Biên tập địa chính"]
    assert "&Địa chính" in result["menus"]
    assert result["toolbar_actions"][0] == "Mở bản sao làm việc…"
    assert result["memory_layer"][1] == "Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor"
    assert result["after_open"] == [True, "Thửa đất", 300]


def test_qgis_python_without_shapely_2_gets_told_what_to_install(package, inspect_task,
                                                                 demo_path, tmp_path):
    # QGIS's Python without the venv: Debian 12 has no shapely 2 (at best python3-shapely
    # 1.8); the plugin must say what to install and add nothing.
    result = run_qgis.launch(inspect_task, workdir=tmp_path / "qgis", plugin_zip=package,
                             env={"PYTHONPATH": "", "CADASTRE_TEST_GPKG": str(demo_path)})
    assert "error" not in result, result.get("traceback", "") + result.get("log", "")
    assert "cadastre_plugin" in result["active_plugins"]
    assert result["toolbars"] == [] and "&Cadastre" not in result["menus"]
    [message] = [m for m in result["bar"] if "Cadastre Editor" in m]
    assert "shapely>=2 (" in message and "pip install" in message
