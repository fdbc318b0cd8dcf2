"""The plugin's toolbar, menu and actions, and what each action does.

Everything added here is removed again by :meth:`CadastreActions.remove`: QGIS can unload and
reload a plugin in a running session (Plugin Reloader, plugin manager), and anything left behind
would pile up or call into a dead plugin.
"""
from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QObject, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QApplication, QDialog, QFileDialog, QMenu

from .errors import show_error, show_success
from .signals import disconnect_task
from .working_copy_detection import WorkingCopyDetector

ICONS = ":/plugins/cadastre_plugin/icons/"
SETTINGS_LAST_DIR = "CadastreEditor/lastDirectory"

TOOLBAR_NAME = "CadastreEditorToolbar"
MENU_NAME = "CadastreEditorMenu"


class CadastreActions(QObject):
    """Owns the toolbar, the menu, the actions and the journal dock of one plugin instance."""

    def __init__(self, iface):
        super().__init__()
        self.iface = iface
        self.detector = WorkingCopyDetector()
        self.toolbar = None
        self.menu = None
        self.actions: dict[str, QAction] = {}
        self.journal_dock = None
        self.editing = None  # tools.tool_actions.EditingTools
        self.transactions = None  # transactions.actions.TransactionActions
        self._tasks = []
        # Actions that need the parcel layer of a working copy, with their normal tooltip.
        self._layer_actions: dict[str, str] = {}

    # -- building and tearing down -----------------------------------------------------------

    def install(self) -> None:
        window = self.iface.mainWindow()
        self.toolbar = self.iface.addToolBar(self.tr("Cadastre Editor"))
        self.toolbar.setObjectName(TOOLBAR_NAME)

        self.menu = QMenu(self.tr("&Cadastre"), window.menuBar())
        self.menu.setObjectName(MENU_NAME)
        self.menu.setToolTipsVisible(True)  # so the "why disabled" tooltip shows in the menu too
        before = self.iface.firstRightStandardMenu()
        if isinstance(before, QMenu):  # the Help menu stays last, as QGIS's guidelines ask
            window.menuBar().insertMenu(before.menuAction(), self.menu)
        else:
            window.menuBar().addMenu(self.menu)

        # No parentheses in tooltips: QGIS's shortcut manager rewrites the tooltips of
        # main-window actions and drops any "(...)" as if it were an old shortcut.
        self._add("open", "open_working_copy.svg", self.tr("Open working copy…"),
                  self.tr("Open a Cadastre Editor working copy, a GeoPackage file, and add its "
                          "parcels and map sheets to the map"),
                  self.open_working_copy)
        self._add("new_demo", "new_demo.svg", self.tr("New demo working copy…"),
                  self.tr("Generate a demo commune of Hải Phòng in VN-2000 TM-3 into a new "
                          "working copy and open it"),
                  self.new_demo_working_copy)
        self.menu.addSeparator()
        self._add("info", "working_copy_info.svg", self.tr("Working copy information"),
                  self.tr("Show what the working copy of the active parcel layer holds"),
                  self.show_information, needs_parcel_layer=True)
        self._add("journal", "journal.svg", self.tr("Journal"),
                  self.tr("List the newest journal entries of the active working copy"),
                  self.show_journal, needs_parcel_layer=True)

        from ..tools.tool_actions import EditingTools

        self.editing = EditingTools(self)
        self.editing.install()

        from .transactions.actions import TransactionActions

        self.transactions = TransactionActions(self)
        self.transactions.install()

        from .quality.actions import QualityActions

        self.quality = QualityActions(self)  # "Check topology", its task, layers and dock
        self.quality.install()

        from .io.actions import IoActions

        self.io = IoActions(self)  # "Import DGN sheet…" and "Print parcel extract"
        self.io.install()

        from .sync.actions import SyncActions

        self.sync = SyncActions(self)  # server, check-out, push, pull, status and conflicts
        self.sync.install()
        self.sync.finished.connect(self.transactions.refresh_docks)

        self.iface.currentLayerChanged.connect(self._on_current_layer_changed)
        self.update_action_state()

    def _add(self, key, icon, text, tooltip, slot, needs_parcel_layer=False) -> QAction:
        action = QAction(QIcon(ICONS + icon), text, self.iface.mainWindow())
        action.setObjectName(f"CadastreEditor_{key}")
        action.setToolTip(tooltip)
        action.setStatusTip(tooltip)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.menu.addAction(action)
        self.actions[key] = action
        if needs_parcel_layer:
            self._layer_actions[key] = tooltip
        return action

    def remove(self) -> None:
        if getattr(self, "sync", None) is not None:
            self.sync.remove()
            self.sync = None
        if getattr(self, "io", None) is not None:
            self.io.remove()
            self.io = None
        if getattr(self, "quality", None) is not None:
            self.quality.remove()
            self.quality = None
        if self.transactions is not None:
            self.transactions.remove()
            self.transactions = None
        if self.editing is not None:
            self.editing.remove()
            self.editing = None
        try:
            self.iface.currentLayerChanged.disconnect(self._on_current_layer_changed)
        except TypeError:
            pass
        for task in self._tasks:
            disconnect_task(task)
        self._tasks.clear()
        if self.journal_dock is not None:
            self.journal_dock.release()
            self.iface.removeDockWidget(self.journal_dock)
            self.journal_dock.deleteLater()
            self.journal_dock = None
        window = self.iface.mainWindow()
        for action in self.actions.values():
            action.triggered.disconnect()
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            if self.menu is not None:
                self.menu.removeAction(action)
            action.deleteLater()
        self.actions.clear()
        if self.menu is not None:
            window.menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            window.removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None

    # -- which actions make sense now --------------------------------------------------------

    def active_working_copy(self) -> str | None:
        return self.detector.parcel_layer_path(self.iface.activeLayer())

    def _on_current_layer_changed(self, _layer=None) -> None:
        # Ask iface for the active layer rather than trusting the argument: it is the one
        # source of truth for QGIS and for test doubles of iface alike.
        self.update_action_state()

    def update_action_state(self) -> None:
        path = self.active_working_copy()
        why = self.tr("Select the parcel layer of a Cadastre Editor working copy")
        for key, tooltip in self._layer_actions.items():
            action = self.actions[key]
            action.setEnabled(path is not None)
            action.setToolTip(tooltip if path else why)
            action.setStatusTip(tooltip if path else why)
        if path and self.journal_dock is not None and self.journal_dock.isVisible():
            self.journal_dock.set_working_copy(path, self.iface.activeLayer())
        if self.transactions is not None:
            self.transactions.update()
        if getattr(self, "io", None) is not None:
            self.io.update()

    # -- the actions -------------------------------------------------------------------------

    def _last_directory(self) -> str:
        return QgsSettings().value(SETTINGS_LAST_DIR, os.path.expanduser("~"), type=str)

    def open_working_copy(self, _checked=False) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.iface.mainWindow(), self.tr("Open working copy"), self._last_directory(),
            self.tr("GeoPackage working copies (*.gpkg)"))
        if path:
            QgsSettings().setValue(SETTINGS_LAST_DIR, os.path.dirname(path))
            self.open_path(path)

    def open_path(self, path: str):
        """Open ``path`` on the map; returns the opened layers, or None after showing why not."""
        from .working_copy_layers import open_working_copy

        try:
            opened = open_working_copy(self.iface, path)
        except Exception as error:  # noqa: BLE001 - every failure is shown, none is raised
            show_error(self.iface, self.tr("Cannot open the working copy"), error)
            return None
        self.detector.remember(opened.path, True)
        self.update_action_state()
        return opened

    def new_demo_working_copy(self, _checked=False) -> None:
        from .demo_dialog import DemoDialog

        dialog = DemoDialog(self._last_directory(), self.iface.mainWindow())
        if dialog.exec_() != QDialog.Accepted:
            return
        QgsSettings().setValue(SETTINGS_LAST_DIR, os.path.dirname(dialog.path()))
        self.create_demo(dialog.path(), dialog.parcels(), dialog.seed())

    def create_demo(self, path: str, parcels: int, seed: int = 1):
        """Generate a demo working copy and open it: at once when small, else as a background
        task with progress so QGIS stays responsive. Returns the task when one was started."""
        from .demo_task import (
            BACKGROUND_THRESHOLD,
            DemoGenerationTask,
            check_not_in_use,
            generate_demo,
        )

        path = os.path.abspath(path)
        try:
            check_not_in_use(path)
        except Exception as error:  # noqa: BLE001
            show_error(self.iface, self.tr("Cannot create the demo working copy"), error)
            return None
        self.detector.forget(path)
        if parcels < BACKGROUND_THRESHOLD:
            QApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                generate_demo(path, parcels, seed)
            except Exception as error:  # noqa: BLE001
                show_error(self.iface, self.tr("Cannot create the demo working copy"), error)
                return None
            finally:
                QApplication.restoreOverrideCursor()
            self._demo_created(path)
            return None

        task = DemoGenerationTask(path, parcels, seed)
        task.taskCompleted.connect(lambda: self._demo_task_finished(task))
        task.taskTerminated.connect(lambda: self._demo_task_finished(task))
        self._tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def _demo_task_finished(self, task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        if task.error is not None:
            show_error(self.iface, self.tr("Cannot create the demo working copy"), task.error)
        elif task.summary is not None:
            self._demo_created(task.path)

    def _demo_created(self, path: str) -> None:
        if self.open_path(path) is not None:
            show_success(self.iface, self.tr("Cadastre Editor"),
                         self.tr("Demo working copy created: {path}").format(path=path))

    def show_information(self, _checked=False):
        from .info_dialog import WorkingCopyInfoDialog, load_summary

        path = self.active_working_copy()
        if path is None:
            return None
        try:
            summary = load_summary(path)
        except Exception as error:  # noqa: BLE001
            show_error(self.iface, self.tr("Cannot read the working copy"), error)
            return None
        dialog = WorkingCopyInfoDialog(summary, self.iface.mainWindow())
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_journal(self, _checked=False):
        from .journal_dock import JournalDock

        path = self.active_working_copy()
        if path is None:
            return None
        if self.journal_dock is None:
            self.journal_dock = JournalDock(self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.journal_dock)
        self.journal_dock.set_working_copy(path, self.iface.activeLayer())
        self.journal_dock.show()
        self.journal_dock.raise_()
        return self.journal_dock
