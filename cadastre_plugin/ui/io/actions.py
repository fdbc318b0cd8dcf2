"""The "Import DGN sheet…" and "Print parcel extract" actions.

Made through :class:`~cadastre_plugin.ui.actions.CadastreActions` and removed with the rest of
the plugin. "Print parcel extract" follows the active layer like the other layer actions, and
also needs exactly one selected parcel: it is disabled, with a tooltip saying why, otherwise.
The import runs as a background task; the working copy it wrote is opened when it is done.
"""
from __future__ import annotations

import os

from qgis.core import (Qgis, QgsApplication, QgsFeature, QgsField, QgsGeometry, QgsPointXY,
                       QgsProject, QgsSettings, QgsVectorLayer)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, Qt, QUrl, QVariant, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton

from ..errors import show_error
from ..locale import ui_language
from ..signals import abandon_task, follow_selection

SETTINGS_LAST_DIR = "CadastreEditor/lastDirectory"


def extract_file_name(sheet_no, parcel_no) -> str:
    return f"trich-luc-{sheet_no}-{parcel_no}.pdf"


class IoActions(QObject):
    #: A DGN import task ended (done, failed or cancelled) and its result is shown.
    finished = pyqtSignal()

    def __init__(self, controller):
        super().__init__()
        self.controller = controller
        self.iface = controller.iface
        self.task = None  # the DGN import running, if any
        self.problem_layer_id = None  # the problems of the last import, when on the map
        self._layer = None  # the active parcel layer, whose selection enables the extract
        self._extract_tooltip = ""

    # -- building and tearing down -----------------------------------------------------------
    def install(self) -> None:
        c = self.controller
        c.menu.addSeparator()
        c._add("import_dgn", "import_dgn.svg", self.tr("Import DGN sheet…"), self.tr(
            "Build parcels from a MicroStation DGN v7 cadastral sheet into a working copy, "
            "in the background, and open it with the problems found"), self.import_dgn)
        self._extract_tooltip = self.tr(
            "Print the cadastral map extract of the selected parcel to a PDF file")
        c._add("print_extract", "print_extract.svg", self.tr("Print parcel extract"),
               self._extract_tooltip, self.print_extract, needs_parcel_layer=True)

    def remove(self) -> None:
        self._watch(None)
        if self.task is not None:
            task, self.task = self.task, None
            abandon_task(task)

    # -- following the active layer and its selection ----------------------------------------
    def update(self) -> None:
        path = self.controller.active_working_copy()
        self._watch(self.iface.activeLayer() if path else None)
        self._update_extract_action()

    def _watch(self, layer) -> None:
        self._layer = follow_selection(self._layer, layer, self._update_extract_action)

    def _update_extract_action(self, *_args) -> None:
        action = self.controller.actions.get("print_extract")
        if action is None or self._layer is None or sip.isdeleted(self._layer):
            return  # the controller disabled it already, with its own reason
        single = self._layer.selectedFeatureCount() == 1
        why = self.tr("Select exactly one parcel to print its extract")
        action.setEnabled(single)
        action.setToolTip(self._extract_tooltip if single else why)
        action.setStatusTip(self._extract_tooltip if single else why)

    # -- the parcel extract --------------------------------------------------------------------
    def print_extract(self, _checked=False):
        """Ask for the PDF path and print the selected parcel's extract; returns the path
        written (None when cancelled or failed)."""
        from ...printing.extract import extract_pdf

        path = self.controller.active_working_copy()
        layer = self.iface.activeLayer()
        if path is None or layer is None or layer.selectedFeatureCount() != 1:
            return None
        feature = next(layer.getSelectedFeatures())
        sheet_no, parcel_no = feature["sheet_no"], feature["parcel_no"]
        default = os.path.join(os.path.dirname(path), extract_file_name(sheet_no, parcel_no))
        output, _ = QFileDialog.getSaveFileName(
            self.iface.mainWindow(), self.tr("Save parcel extract"), default,
            self.tr("PDF files (*.pdf)"))
        if not output:
            return None
        if not output.lower().endswith(".pdf"):
            output += ".pdf"
        if layer.isModified():
            self._push(self.tr("The parcel layer has unsaved edits: the extract shows the "
                               "working copy as saved."), Qgis.Warning)
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            result = extract_pdf(path, int(sheet_no), int(parcel_no), output)
        except Exception as error:  # noqa: BLE001 - every failure is shown, none is raised
            show_error(self.iface, self.tr("Cannot print the parcel extract"), error)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self._extract_written(result["output"], result["pages"])
        return result["output"]

    def _extract_written(self, output: str, pages: int) -> None:
        bar = self.iface.messageBar()
        text = self.tr("Parcel extract written ({pages} pages): {path}").format(
            pages=pages, path=output)
        widget = bar.createMessage(self.tr("Cadastre Editor"), text)
        button = QPushButton(self.tr("Open PDF"), widget)
        button.setObjectName("CadastreOpenExtractButton")
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(output)))
        widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.Success, 0)

    # -- the DGN import ------------------------------------------------------------------------
    def import_dgn(self, _checked=False):
        from .dgn_dialog import DgnImportDialog

        if self._refuse_while_running():
            return None
        directory = QgsSettings().value(SETTINGS_LAST_DIR, os.path.expanduser("~"), type=str)
        dialog = DgnImportDialog(directory, self.iface.mainWindow())
        if dialog.exec_() != QDialog.Accepted:
            return None
        QgsSettings().setValue(SETTINGS_LAST_DIR, os.path.dirname(dialog.dgn_path()))
        return self.start_import(dialog)

    def start_import(self, dialog):
        """Start the import the filled ``dialog`` describes; returns the task (or None)."""
        from .tasks import DgnImportTask

        if self._refuse_while_running():
            return None
        task = DgnImportTask(dialog.dgn_path(), dialog.output_path(), dialog.commune(),
                             dialog.sheet_no(), dialog.scale())
        task.taskCompleted.connect(lambda: self._import_done(task))
        task.taskTerminated.connect(lambda: self._import_done(task))
        self.task = task
        QgsApplication.taskManager().addTask(task)
        return task

    def _import_done(self, task) -> None:
        if task is not self.task:
            return  # the plugin was unloaded meanwhile
        self.task = None
        try:
            if task.error is not None:
                show_error(self.iface, self.tr("DGN import failed"), task.error)
            elif task.report is None:
                self._push(self.tr("DGN import cancelled."), Qgis.Info)
            else:
                self._imported(task)
        finally:
            self.finished.emit()

    def _imported(self, task) -> None:
        report = task.report
        self.controller.detector.forget(task.output)
        project = QgsProject.instance()
        for layer in project.mapLayers().values():  # already on the map: re-read it
            if isinstance(layer, QgsVectorLayer) and layer.providerType() == "ogr" and \
                    os.path.abspath(layer.source().split("|")[0]) == task.output:
                layer.dataProvider().reloadData()
                layer.updateExtents()
                layer.triggerRepaint()
        if self.controller.open_path(task.output) is None:
            return
        self.add_problem_layer(report, self._epsg(task))
        errors, warnings = report.count("error"), report.count("warning")
        self._push(self.tr("{imported} parcels imported into {path}: {errors} errors, "
                           "{warnings} warnings.").format(
            imported=report.imported, path=task.output, errors=errors, warnings=warnings),
            Qgis.Warning if errors or warnings else Qgis.Success)

    @staticmethod
    def _epsg(task) -> int:
        from ...core.working_copy import WorkingCopy

        with WorkingCopy.open(task.output) as wc:
            return wc.commune.crs_epsg

    def add_problem_layer(self, report, epsg: int):
        """The located problems of ``report`` as a point layer on the map (None if none)."""
        project = QgsProject.instance()
        if self.problem_layer_id and project.mapLayer(self.problem_layer_id) is not None:
            project.removeMapLayer(self.problem_layer_id)
        self.problem_layer_id = None
        located = [p for p in report.problems if "x" in p.details and "y" in p.details]
        if not located:
            return None
        layer = QgsVectorLayer(f"Point?crs=EPSG:{epsg}", self.tr("DGN import problems"),
                               "memory")
        fields = [QgsField(name, QVariant.String)
                  for name in ("code", "severity", "where", "message")]
        layer.dataProvider().addAttributes(fields)
        layer.updateFields()
        lang = ui_language()
        features = []
        for p in located:
            f = QgsFeature(layer.fields())
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(p.details["x"], p.details["y"])))
            f.setAttributes([p.code, str(p.details.get("severity") or ""), p.where,
                             p.text(lang)])
            features.append(f)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        project.addMapLayer(layer)
        self.problem_layer_id = layer.id()
        return layer

    # -- pieces --------------------------------------------------------------------------------
    def _refuse_while_running(self) -> bool:
        if self.task is None:
            return False
        self._push(self.tr("A DGN import is already running: wait for it to finish."),
                   Qgis.Info)
        return True

    def _push(self, text: str, level) -> None:
        duration = 0 if level in (Qgis.Warning, Qgis.Critical) else 8
        self.iface.messageBar().pushMessage(self.tr("Cadastre Editor"), text, level=level,
                                            duration=duration)
