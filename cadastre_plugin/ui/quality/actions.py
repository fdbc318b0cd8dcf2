"""The "Check topology" action, and what connects the check task, the error layers and the
dock.

Made through :class:`~cadastre_plugin.ui.actions.CadastreActions`, so the action is enabled
only while the active layer is a working copy's parcel layer (with a tooltip saying why
otherwise) and is removed with the rest of the plugin. One check or fix runs at a time; its
results belong to one working copy (a check of another one replaces them).
"""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsProject
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, Qt, pyqtSignal

from ..errors import show_error
from ..locale import ui_language
from ..signals import abandon_task

#: Outcomes of a fix listed on the message bar when some could not be fixed.
_LISTED = 3


class QualityActions(QObject):
    #: A check or a fix ended (done, failed or cancelled); the session is up to date.
    finished = pyqtSignal()

    def __init__(self, controller):
        super().__init__()
        self.controller = controller
        self.iface = controller.iface
        self.dock = None
        self.session = None  # session.QualitySession of the last check
        self.error_layers = None  # error_layers.ErrorLayers of that working copy
        self.task = None  # the check or fix task running, if any

    # -- building and tearing down -----------------------------------------------------------
    def install(self) -> None:
        c = self.controller
        c.menu.addSeparator()
        c._add("check_topology", "check_topology.svg", self.tr("Check topology"), self.tr(
            "Check the whole working copy in the background: invalid and overlapping parcels, "
            "gaps and slivers, stray vertices, duplicate numbers, land-use codes and areas"),
            self.check_active_layer, needs_parcel_layer=True)

    def remove(self) -> None:
        if self.task is not None:
            task, self.task = self.task, None
            abandon_task(task)
        if self.error_layers is not None:
            self.error_layers.remove()
            self.error_layers = None
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        self.session = None

    # -- the check -----------------------------------------------------------------------------
    def check_active_layer(self, _checked=False):
        """Check the working copy of the active parcel layer; returns the task (or None)."""
        path = self.controller.active_working_copy()
        if path is None:
            return None
        return self.start_check(path, self.iface.activeLayer())

    def start_check(self, path: str, layer=None):
        from .tasks import CheckTask

        if self._refuse_while_running():
            return None
        if layer is not None and layer.isModified():
            self._push(self.tr("The parcel layer has unsaved edits: the check reads the working "
                               "copy as saved. Save the edits to have them checked."),
                       Qgis.Warning)
        if self.session is not None and self.session.path != path:
            self._forget_session()
        task = CheckTask(path)
        task.taskCompleted.connect(lambda: self._check_done(task))
        task.taskTerminated.connect(lambda: self._check_done(task))
        self._start(task)
        return task

    def _check_done(self, task) -> None:
        if task is not self.task:
            return  # the plugin was unloaded meanwhile
        self.task = None
        self.dock.set_idle()
        if task.error is not None:
            show_error(self.iface, self.tr("Topology check failed"), task.error)
        elif task.value is None:
            self._push(self.tr("Topology check cancelled."), Qgis.Info)
        else:
            self.session = task.value
            self._show_session()
            errors, warnings = self.session.counts()
            self._push(self.tr("{parcels} parcels checked in {seconds} s: {errors} errors, "
                               "{warnings} warnings.").format(
                parcels=self.session.parcels, seconds=f"{self.session.seconds:.1f}",
                errors=errors, warnings=warnings), Qgis.Warning if errors else Qgis.Success)
        self.finished.emit()

    def recheck(self) -> None:
        if self.session is not None:
            self.start_check(self.session.path, self.parcel_layer())

    # -- fixes ---------------------------------------------------------------------------------
    def fix(self, findings):
        """Fix ``findings`` in the background, then re-check around them; returns the task."""
        from .tasks import FixTask

        findings = [f for f in findings if f.fixable]
        if not findings or self.session is None or self._refuse_while_running():
            return None
        layer = self.parcel_layer()
        if layer is not None and layer.isModified():
            # The fix writes the working copy directly: unsaved QGIS edits of the same parcels
            # would be lost, or would overwrite the fix when saved.
            self._push(self.tr("The parcel layer has unsaved edits. Save or discard them "
                               "(Toggle Editing) before fixing."), Qgis.Warning)
            return None
        task = FixTask(self.session, findings)
        task.taskCompleted.connect(lambda: self._fix_done(task))
        task.taskTerminated.connect(lambda: self._fix_done(task))
        self._start(task)
        return task

    def _fix_done(self, task) -> None:
        if task is not self.task:
            return
        self.task = None
        self.dock.set_idle()
        report = task.value
        if task.error is not None or report is None:
            if task.error is not None:
                show_error(self.iface, self.tr("Fixing failed"), task.error)
            else:
                self._push(self.tr("Fixing cancelled before any change."), Qgis.Info)
            self.finished.emit()
            return
        self.session = report.session
        layer = self.parcel_layer()
        if layer is not None and report.fids:
            # The core wrote the file behind QGIS's back: re-read it, select what changed.
            layer.dataProvider().reloadData()
            layer.updateExtents()
            layer.selectByIds(report.fids)
            layer.triggerRepaint()
        journal = self.controller.journal_dock
        if journal is not None and not journal.isHidden():
            journal.refresh()
        self._show_session()
        self._push(self._fix_summary(report), Qgis.Success if len(report.fixed()) ==
                   len(report.outcomes) else Qgis.Warning)
        self.finished.emit()

    def _fix_summary(self, report) -> str:
        lang = ui_language()
        lines = [self.tr("Fixed {fixed} of {tried} errors.").format(
            fixed=len(report.fixed()), tried=len(report.outcomes))]
        if report.stopped:
            lines.append(self.tr("Stopped on request; the fixes made so far are kept."))
        if report.reread:
            lines.append(self.tr("The working copy had changed since the check: it was read "
                                 "and checked again."))
        others = [o for o in report.outcomes if o.status != "fixed"]
        for outcome in others[:_LISTED]:
            why = outcome.vi if lang == "vi" else outcome.en
            lines.append(f"• {outcome.finding.message(lang)} {why}")
        if len(others) > _LISTED:
            lines.append(self.tr("…and {count} more not fixed.").format(
                count=len(others) - _LISTED))
        return "\n".join(lines)

    # -- going to a finding --------------------------------------------------------------------
    def go_to(self, finding) -> bool:
        from .navigation import go_to

        if self.session is None:
            return False
        ctx = self.session.ctx
        fids = [int(f) for f in ctx.fids[list(finding.rows)]] if finding.rows else []
        crs = QgsCoordinateReferenceSystem(f"EPSG:{ctx.crs_epsg}")
        return go_to(self.iface.mapCanvas(), finding, crs, self.parcel_layer(), fids)

    # -- pieces --------------------------------------------------------------------------------
    def parcel_layer(self):
        """The project's parcel layer of the checked working copy (None once removed)."""
        from ..working_copy_layers import find_parcel_layer

        if self.session is None:
            return None
        return find_parcel_layer(QgsProject.instance(), self.session.path)

    def ensure_dock(self):
        if self.dock is None:
            from .dock import QualityDock

            self.dock = QualityDock(self.iface.mainWindow())
            self.dock.finding_activated.connect(self.go_to)
            self.dock.fix_requested.connect(self.fix)
            self.dock.recheck_requested.connect(self.recheck)
            self.dock.cancel_requested.connect(self.cancel)
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.show()
        self.dock.raise_()
        return self.dock

    def cancel(self) -> None:
        if self.task is not None and not sip.isdeleted(self.task):
            self.dock.cancel_button.setEnabled(False)
            self.task.cancel()

    def _start(self, task) -> None:
        self.task = task
        self.ensure_dock().set_busy(task)
        QgsApplication.taskManager().addTask(task)

    def _refuse_while_running(self) -> bool:
        if self.task is None:
            return False
        self._push(self.tr("A topology check or fix is already running: wait for it, or "
                           "cancel it in the Topology check panel."), Qgis.Info)
        return True

    def _show_session(self) -> None:
        from .error_layers import ErrorLayers

        if self.error_layers is None:
            self.error_layers = ErrorLayers(self.session.path)
        self.error_layers.show(self.session.findings, self.session.ctx.crs_epsg)
        self.ensure_dock().set_session(self.session)

    def _forget_session(self) -> None:
        if self.error_layers is not None:
            self.error_layers.remove()
            self.error_layers = None
        self.session = None

    def _push(self, text: str, level) -> None:
        duration = 0 if level in (Qgis.Warning, Qgis.Critical) else 8
        self.iface.messageBar().pushMessage(self.tr("Topology check"), text, level=level,
                                            duration=duration)
