"""The plugin shell in QGIS: loaded and started through qgis.utils as QGIS does, one toolbar and
one menu, actions that follow the active layer, the actions' real effects, and an unload that
leaves nothing behind."""
import importlib
import sys
import types
from pathlib import Path

import pytest
import qgis.utils
from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
from qgis.PyQt.QtWidgets import QAction, QDialog, QDockWidget, QMenu, QTableWidget, QToolBar

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "cadastre_plugin"
WHY_DISABLED = "Select the parcel layer of a Cadastre Editor working copy"


def flush_deletes():
    """Run the deleteLater()s that an event loop would run."""
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec_()


def make_active(iface, layer):
    """Make ``layer`` the active layer and tell listeners, as QGIS's layer tree does.

    pytest-qgis's iface does not emit currentLayerChanged itself (and declares it with a
    QgsMapCanvas argument): the plugin reads iface.activeLayer() when the signal arrives."""
    iface.setActiveLayer(layer)
    iface.currentLayerChanged.emit(None)


@pytest.fixture
def plugin_modules():
    """Restore cadastre_plugin modules afterwards: unloadPlugin() drops them from sys.modules,
    and other tests hold classes of the original modules."""
    saved = {name: module for name, module in sys.modules.items()
             if name == PLUGIN or name.startswith(PLUGIN + ".")}
    yield
    for name in [n for n in sys.modules if n == PLUGIN or n.startswith(PLUGIN + ".")]:
        del sys.modules[name]
    sys.modules.update(saved)
    # A restored package must not hand out submodules of the unloaded plugin (`from . import
    # resources_rc` would find the old, cleaned-up resources as an attribute).
    for module in saved.values():
        for attribute, value in list(vars(module).items()):
            if isinstance(value, types.ModuleType) and value.__name__.startswith(PLUGIN) \
                    and saved.get(value.__name__) is not value:
                delattr(module, attribute)


@pytest.fixture
def shell(qgis_iface, qgis_new_project, plugin_modules):
    """Load and start the plugin as QGIS does; unload it afterwards if the test did not."""
    assert qgis.utils.iface is qgis_iface
    if str(ROOT) not in qgis.utils.plugin_paths:
        qgis.utils.plugin_paths.insert(0, str(ROOT))
    qgis.utils.updateAvailablePlugins()
    assert PLUGIN in qgis.utils.available_plugins
    qgis_iface.messageBar().clear_messages()

    def load():
        assert qgis.utils.loadPlugin(PLUGIN)
        assert qgis.utils.startPlugin(PLUGIN)
        return qgis.utils.plugins[PLUGIN]

    def unload():
        assert qgis.utils.unloadPlugin(PLUGIN)
        flush_deletes()

    yield type("Shell", (), {"load": staticmethod(load), "unload": staticmethod(unload)})
    if PLUGIN in qgis.utils.active_plugins:
        unload()
    QgsProject.instance().removeAllMapLayers()


def ours(window, kind):
    """Widgets/actions of ``kind`` that the plugin made (all its objects are named so)."""
    names = ("CadastreEditor", "CadastreJournal")
    return [child for child in window.findChildren(kind)
            if child.objectName().startswith(names)]


def memory_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:9210&field=name:string", "scratch", "memory")
    QgsProject.instance().addMapLayer(layer)
    return layer


def plain_gpkg_named_parcels(tmp_path):
    """A GeoPackage whose layer is even called 'parcels', but is no working copy."""
    source = QgsVectorLayer("Polygon?crs=EPSG:9210&field=name:string", "parcels", "memory")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "parcels"
    path = str(tmp_path / "plain.gpkg")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        source, path, QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    layer = QgsVectorLayer(f"{path}|layername=parcels", "plain parcels", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_metadata_is_what_qgis_reads(shell):
    assert qgis.utils.pluginMetadata(PLUGIN, "qgisMinimumVersion") == "3.22"
    assert qgis.utils.pluginMetadata(PLUGIN, "name") == "Cadastre Editor"
    assert qgis.utils.pluginMetadata(PLUGIN, "icon") == "icons/cadastre.svg"
    assert (ROOT / PLUGIN / "icons" / "cadastre.svg").is_file()


def test_one_toolbar_one_menu_with_the_actions(shell, qgis_iface):
    plugin = shell.load()
    window = qgis_iface.mainWindow()
    toolbars = ours(window, QToolBar)
    assert [t.windowTitle() for t in toolbars] == ["Cadastre Editor"]
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None
             and a.menu().objectName() == "CadastreEditorMenu"]
    assert len(menus) == 1 and menus[0].title() == "&Cadastre"
    texts = ["Open working copy…", "New demo working copy…", "Working copy information", "Journal",
             # the parcel editing tools (cadastre_plugin/tools)
             "Split parcel by line", "Split parcel by area", "Merge selected parcels",
             "Move shared boundary", "Survey input", "Undo last parcel operation",
             # registration changes (cadastre_plugin/ui/transactions)
             "Record transaction…", "Parcel information", "Parcel history", "Pending approvals",
             # the topology check (cadastre_plugin/ui/quality)
             "Check topology",
             # import and the parcel extract (cadastre_plugin/ui/io)
             "Import DGN sheet…", "Print parcel extract",
             # synchronising with the central server (cadastre_plugin/ui/sync)
             "Sync server…", "Check out…", "Push", "Pull", "Sync status / conflicts"]
    assert [a.text() for a in toolbars[0].actions()] == texts
    assert [a.text() for a in menus[0].actions() if not a.isSeparator()] == texts
    for action in toolbars[0].actions():
        assert not action.icon().isNull(), action.text()  # icons come from the compiled resources
        assert action.toolTip()
    assert plugin.controller is not None


def test_layer_actions_follow_the_active_layer(shell, qgis_iface, demo_path, tmp_path):
    plugin = shell.load()
    actions = plugin.controller.actions
    layer_actions = [actions["info"], actions["journal"]]

    # No active layer at all.
    for action in layer_actions:
        assert not action.isEnabled() and action.toolTip() == WHY_DISABLED
    assert actions["open"].isEnabled() and actions["new_demo"].isEnabled()

    make_active(qgis_iface, memory_layer())
    for action in layer_actions:
        assert not action.isEnabled() and action.toolTip() == WHY_DISABLED

    make_active(qgis_iface, plain_gpkg_named_parcels(tmp_path))
    for action in layer_actions:
        assert not action.isEnabled() and action.toolTip() == WHY_DISABLED

    sheets = QgsVectorLayer(f"{demo_path}|layername=map_sheets", "sheets", "ogr")
    QgsProject.instance().addMapLayer(sheets)
    make_active(qgis_iface, sheets)  # the working copy's other layer is not the parcel layer
    for action in layer_actions:
        assert not action.isEnabled()

    parcels = QgsVectorLayer(f"{demo_path}|layername=parcels", "parcels", "ogr")
    QgsProject.instance().addMapLayer(parcels)
    make_active(qgis_iface, parcels)
    for action in layer_actions:
        assert action.isEnabled() and action.toolTip() != WHY_DISABLED
    assert actions["info"].toolTip() == "Show what the working copy of the active parcel layer holds"

    make_active(qgis_iface, sheets)
    assert not actions["info"].isEnabled() and actions["info"].toolTip() == WHY_DISABLED


def test_working_copy_check_is_cached_per_file(shell, qgis_iface, demo_path, monkeypatch):
    plugin = shell.load()
    detection = sys.modules["cadastre_plugin.ui.working_copy_detection"]
    calls = []
    real = detection.is_working_copy
    monkeypatch.setattr(detection, "is_working_copy", lambda path: calls.append(path) or real(path))

    parcels = QgsVectorLayer(f"{demo_path}|layername=parcels", "parcels", "ogr")
    other = memory_layer()
    QgsProject.instance().addMapLayer(parcels)
    for _ in range(5):
        make_active(qgis_iface, parcels)
        assert plugin.controller.actions["info"].isEnabled()
        make_active(qgis_iface, other)
        assert not plugin.controller.actions["info"].isEnabled()
    assert calls == [str(demo_path)]


def test_open_working_copy_adds_styled_layers_and_official_transformation(shell, qgis_iface,
                                                                          demo_path):
    plugin = shell.load()
    opened = plugin.controller.open_path(str(demo_path))
    assert opened is not None
    project = QgsProject.instance()
    assert {layer.name() for layer in project.mapLayers().values()} == {"Parcels", "Map sheets"}
    assert opened.parcels.featureCount() == 300
    assert opened.parcels.crs().authid() == "EPSG:9210"
    assert opened.parcels.renderer().type() == "categorizedSymbol"  # the GeoPackage's own style
    assert opened.parcels.labelsEnabled()
    group = project.layerTreeRoot().children()[0]
    assert group.name() == f"{opened.summary['commune_name']} ({opened.summary['commune_code']})"
    assert qgis_iface.activeLayer() is opened.parcels
    assert plugin.controller.actions["info"].isEnabled()
    canvas = qgis_iface.mapCanvas()
    assert canvas.extent().contains(opened.parcels.extent().center())

    # QGIS will use the core's EPSG:6960 pipeline for VN-2000 -> WGS 84.
    from cadastre_plugin.core.crs import qgis_proj_pipeline

    operations = project.transformContext().coordinateOperations()
    assert operations[("EPSG:9210", "EPSG:4326")] == qgis_proj_pipeline(9210)

    # Opening it again shows the layers we have instead of a second copy.
    again = plugin.controller.open_path(str(demo_path))
    assert again.already_open and again.parcels is opened.parcels
    assert len(project.mapLayers()) == 2


def test_bad_files_get_a_clear_message_and_change_nothing(shell, qgis_iface, tmp_path):
    plugin = shell.load()
    missing = tmp_path / "nowhere.gpkg"
    assert plugin.controller.open_path(str(missing)) is None
    not_gpkg = tmp_path / "notes.gpkg"
    not_gpkg.write_text("not a database")
    before = not_gpkg.read_bytes()
    assert plugin.controller.open_path(str(not_gpkg)) is None
    assert not_gpkg.read_bytes() == before
    assert QgsProject.instance().mapLayers() == {}
    errors = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert len(errors) == 2
    assert "does not exist" in errors[0] and str(missing) in errors[0]
    assert "not a GeoPackage" in errors[1]
    assert all("Traceback" not in text for text in errors)


def test_information_dialog_shows_the_summary(shell, qgis_iface, demo_path):
    plugin = shell.load()
    plugin.controller.open_path(str(demo_path))
    plugin.controller.actions["info"].trigger()
    dialogs = [d for d in qgis_iface.mainWindow().findChildren(QDialog)
               if d.objectName() == "CadastreWorkingCopyInfoDialog" and d.isVisible()]
    assert len(dialogs) == 1
    rows = dialogs[0].rows
    assert rows["File"] == str(demo_path)
    assert rows["Parcels (current / all)"] == "300 / 300"
    assert rows["Coordinate reference system"].startswith("EPSG:9210")
    assert "Tân Tiến" in rows["Commune"]
    dialogs[0].close()


def test_journal_dock_lists_entries_and_follows_saved_edits(shell, qgis_iface, demo_path):
    plugin = shell.load()
    opened = plugin.controller.open_path(str(demo_path))
    plugin.controller.actions["journal"].trigger()
    docks = ours(qgis_iface.mainWindow(), QDockWidget)
    assert len(docks) == 1
    table = docks[0].findChild(QTableWidget)
    assert table.rowCount() == 0  # a fresh demo has an empty journal

    # An edit through QGIS's own edit buffer: the journal grows and the dock re-reads it.
    layer = opened.parcels
    feature = next(layer.getFeatures())
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("landuse"), "CLN")
    assert layer.commitChanges()
    assert table.rowCount() >= 1
    assert table.item(0, 2).text() == "changed"
    assert table.item(0, 5).text() == str(feature["parcel_no"])


def test_new_demo_is_created_and_opened(shell, qgis_iface, tmp_path):
    plugin = shell.load()
    path = tmp_path / "new-demo.gpkg"
    assert plugin.controller.create_demo(str(path), 50, seed=3) is None  # small: at once
    assert path.is_file()
    parcels = qgis_iface.activeLayer()
    assert parcels.featureCount() == 50 and parcels.name() == "Parcels"
    assert plugin.controller.actions["journal"].isEnabled()
    assert qgis_iface.messageBar().get_messages(Qgis.Success)

    # Replacing a working copy that the project still reads is refused.
    assert plugin.controller.create_demo(str(path), 60) is None
    assert parcels.featureCount() == 50
    assert "open in the current project" in qgis_iface.messageBar().get_messages(Qgis.Critical)[0]


def test_large_demo_runs_as_a_background_task(shell, qgis_iface, tmp_path, monkeypatch):
    plugin = shell.load()
    demo_task = importlib.import_module("cadastre_plugin.ui.demo_task")
    monkeypatch.setattr(demo_task, "BACKGROUND_THRESHOLD", 10)
    path = tmp_path / "task-demo.gpkg"
    task = plugin.controller.create_demo(str(path), 80, seed=5)
    assert task is not None and task in QgsApplication.taskManager().tasks()
    assert "80 parcels" in task.description()
    completed = []
    task.taskCompleted.connect(lambda: completed.append(True))
    for _ in range(600):  # the task manager deletes the task once it is done
        if QgsProject.instance().mapLayers():
            break
        spin(50)
    assert completed == [True]
    assert qgis_iface.activeLayer().featureCount() == 80
    assert plugin.controller._tasks == []


def test_missing_dependency_shows_what_to_install_and_adds_no_action(shell, qgis_iface,
                                                                    monkeypatch):
    monkeypatch.setitem(sys.modules, "shapely", None)  # as if shapely were not installed
    plugin = shell.load()
    assert plugin.controller is None
    window = qgis_iface.mainWindow()
    assert ours(window, QToolBar) == [] and ours(window, QAction) == []
    assert not [a for a in window.menuBar().actions() if a.menu() is not None
                and a.menu().objectName() == "CadastreEditorMenu"]
    errors = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert len(errors) == 1
    assert "shapely>=2 (not installed)" in errors[0] and "pip install" in errors[0]
    shell.unload()


def test_load_unload_twice_leaves_nothing_behind(shell, qgis_iface, demo_path):
    window = qgis_iface.mainWindow()
    receivers_before = qgis_iface.receivers(qgis_iface.currentLayerChanged)
    parcels = QgsVectorLayer(f"{demo_path}|layername=parcels", "parcels", "ogr")
    QgsProject.instance().addMapLayer(parcels)
    for _ in range(2):
        plugin = shell.load()
        assert len(ours(window, QToolBar)) == 1
        assert qgis_iface.receivers(qgis_iface.currentLayerChanged) == receivers_before + 1
        make_active(qgis_iface, parcels)
        plugin.controller.actions["journal"].trigger()  # creates the dock
        assert len(ours(window, QDockWidget)) == 1
        old_actions = dict(plugin.controller.actions)
        make_active(qgis_iface, memory_layer())
        assert not old_actions["info"].isEnabled()

        qgis.utils.unloadPlugin(PLUGIN)
        # Disconnected: a layer change after unload no longer reaches the old actions.
        make_active(qgis_iface, parcels)
        assert not old_actions["info"].isEnabled()
        assert qgis_iface.receivers(qgis_iface.currentLayerChanged) == receivers_before
        flush_deletes()

        assert ours(window, QToolBar) == []
        assert ours(window, QAction) == []
        assert ours(window, QDockWidget) == []
        assert ours(window, QMenu) == []
        assert not [a for a in window.menuBar().actions() if a.menu() is not None
                    and a.menu().title() == "&Cadastre"]
        assert PLUGIN not in qgis.utils.active_plugins


# Runs inside the real QGIS application (scripts/run_qgis.py): the plugin from this checkout.
GENERATE_IN_QGIS = '''
import os, time
import qgis.utils
from qgis.core import QgsProject

def main(ctx):
    controller = qgis.utils.plugins["cadastre_plugin"].controller
    folder = os.environ["CADASTRE_TEST_DIR"]
    controller.create_demo(os.path.join(folder, "small.gpkg"), 300, seed=2)
    ctx.result["small"] = ctx.iface.activeLayer().featureCount()
    import cadastre_plugin.ui.demo_task as demo_task
    demo_task.BACKGROUND_THRESHOLD = 100
    controller.create_demo(os.path.join(folder, "task.gpkg"), 400, seed=3)
    deadline = time.monotonic() + 120
    while len(QgsProject.instance().mapLayers()) < 4 and time.monotonic() < deadline:
        ctx.wait(100)
    ctx.result["task"] = ctx.iface.activeLayer().featureCount()
    # A GEOS function newer than QGIS's own GEOS 3.11, called in the QGIS process.
    import numpy, shapely
    boxes = shapely.box(numpy.arange(3), 0, numpy.arange(3) + 1.5, 1)
    ctx.result["invalid_edges"] = int((~shapely.is_empty(shapely.coverage_invalid_edges(boxes))).sum())
    ctx.result["bar"] = [f"{item.title()}: {item.text()}" for item in ctx.iface.messageBar().items()]
'''


@pytest.mark.slow
def test_core_runs_inside_the_real_qgis_application(tmp_path):
    """QGIS links its own GEOS, PROJ and SQLite; the core's shapely/pyproj must not clash with
    them (this crashed QGIS before the plugin imported them with their own libraries)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import run_qgis

    task = tmp_path / "generate_in_qgis.py"
    task.write_text(GENERATE_IN_QGIS, encoding="utf-8")
    result = run_qgis.launch(task, workdir=tmp_path / "qgis",
                             env={"CADASTRE_TEST_DIR": str(tmp_path)})
    assert "error" not in result, result.get("traceback", "") + result.get("log", "")
    assert result["small"] == 300 and result["task"] == 400
    assert result["invalid_edges"] == 3
    assert len([m for m in result["bar"] if "Demo working copy created" in m]) == 2
    assert result["returncode"] == 0, result.get("log")  # and QGIS exits cleanly
