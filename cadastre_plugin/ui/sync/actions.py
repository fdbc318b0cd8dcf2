"""The sync actions: "Sync server…", "Check out…", "Push", "Pull", "Sync status / conflicts".

Made through :class:`~cadastre_plugin.ui.actions.CadastreActions` and removed with the rest of
the plugin. One sync task runs at a time. Push and pull refuse while the parcel layer has
unsaved edits (the core writes the file directly). After a task the working copy's layers are
re-read, so the map shows the new state; a refused change set is drawn on the map, and
conflicts open the conflict dialog.
"""
from __future__ import annotations

import os

from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QDialog

from ...core.messages import CadastreError
from ..errors import show_error
from ..locale import ui_language
from ..signals import abandon_task

SETTINGS_LAST_DIR = "CadastreEditor/lastDirectory"
MAX_LISTED = 5  # violations spelled out on the message bar; all of them are on the map


class SyncActions(QObject):
    #: A sync task ended (done, failed or cancelled) and its outcome is shown: the task.
    finished = pyqtSignal(object)

    def __init__(self, controller):
        super().__init__()
        self.controller = controller
        self.iface = controller.iface
        self.task = None
        self.dialog = None  # the open conflict dialog, if any
        self.checkout_dialog = None  # while "Check out…" asks
        self.violations = {}  # working copy path -> ViolationLayers
        # Passed to the core's ApiClient (retries, backoff, timeout): its defaults ride out a
        # server restart; tests shorten them.
        self.client_options = {}

    # -- building and tearing down -----------------------------------------------------------
    def install(self) -> None:
        c = self.controller
        c.menu.addSeparator()
        c._add("sync_server", "sync_server.svg", self.tr("Sync server…"), self.tr(
            "Enter the central server's address and your access token, stored in QGIS's "
            "authentication database"), self.edit_server)
        c._add("sync_checkout", "sync_checkout.svg", self.tr("Check out…"), self.tr(
            "Download a commune from the central server into a new working copy and open it"),
            self.checkout)
        c._add("sync_push", "sync_push.svg", self.tr("Push"), self.tr(
            "Check the working copy's changes and send them to the central server"),
            self.push, needs_parcel_layer=True)
        c._add("sync_pull", "sync_pull.svg", self.tr("Pull"), self.tr(
            "Bring other offices' changes from the central server into the working copy"),
            self.pull, needs_parcel_layer=True)
        c._add("sync_status", "sync_conflicts.svg", self.tr("Sync status / conflicts"),
               self.tr("What is waiting to be pushed, and the rows changed both here and on "
                       "the server, side by side"), self.show_status, needs_parcel_layer=True)

    def remove(self) -> None:
        if self.task is not None:
            task, self.task = self.task, None
            abandon_task(task)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    # -- the server ----------------------------------------------------------------------------
    def edit_server(self, _checked=False):
        from .server_dialog import SyncServerDialog

        dialog = SyncServerDialog(self.iface.mainWindow())
        if dialog.exec_() == QDialog.Accepted:
            self._push(self.tr("Sync server saved: {url}. The token is in QGIS's "
                               "authentication database.").format(url=dialog.url()),
                       Qgis.Success)
        return dialog.authcfg

    # -- check-out -----------------------------------------------------------------------------
    def checkout(self, _checked=False):
        from .checkout_dialog import CheckoutDialog

        directory = QgsSettings().value(SETTINGS_LAST_DIR, os.path.expanduser("~"), type=str)
        self.checkout_dialog = CheckoutDialog(directory, self.iface.mainWindow(),
                                              self.iface.mapCanvas())
        try:
            if self.checkout_dialog.exec_() != QDialog.Accepted:
                return None
            dialog = self.checkout_dialog
            QgsSettings().setValue(SETTINGS_LAST_DIR, os.path.dirname(dialog.output_path()))
            return self.start_checkout(dialog.server(), dialog.area(), dialog.output_path())
        finally:
            self.checkout_dialog.deleteLater()
            self.checkout_dialog = None

    def start_checkout(self, url: str, area, path: str):
        """``area``: a commune code, or the core ``checkout`` keywords of an area."""
        from .tasks import checkout_task

        if isinstance(area, str):
            area = {"commune_code": area}

        title = self.tr("Check-out failed")
        if self._refuse_while_running():
            return None
        path = os.path.abspath(path)
        if os.path.exists(path):
            show_error(self.iface, title, CadastreError(
                "sync.checkout_exists",
                f"{path} exists already: choose a new file name for the working copy.",
                f"{path} đã tồn tại: hãy chọn tên tệp mới cho bản sao làm việc.", path))
            return None
        token = self._token(url, title)
        if token is None:
            return None
        self.controller.detector.forget(path)
        return self._start(checkout_task(url, token, area, path, self.client_options), path)

    # -- push and pull ---------------------------------------------------------------------------
    def push(self, _checked=False, path: str | None = None):
        from .tasks import push_task

        return self._start_on_working_copy(push_task, self.tr("Push failed"), path)

    def pull(self, _checked=False, path: str | None = None):
        from .tasks import pull_task

        return self._start_on_working_copy(pull_task, self.tr("Pull failed"), path)

    def _start_on_working_copy(self, make_task, title: str, path: str | None):
        path = path or self.controller.active_working_copy()
        if path is None or self._refuse_while_running():
            return None
        if any(layer.isModified() for layer in self._layers_of(path)):
            self._push(self.tr("The working copy has unsaved edits on the map. Save them "
                               "(Toggle Editing, Save) before synchronising: push and pull "
                               "read and write the file itself."), Qgis.Warning)
            return None
        url = self._server_of(path, title)
        token = url and self._token(url, title)
        if not token:
            return None
        return self._start(make_task(url, token, path, self.client_options), path)

    def fetch_document(self, path: str, sha256: str, on_fetched):
        """Download one scan the working copy lacks, then ``on_fetched(file path)``; returns
        the task, or None when there is no server to ask (the reason is shown)."""
        from .tasks import document_task

        title = self.tr("Download failed")
        if self._refuse_while_running():
            return None
        url = self._server_of(path, title)
        token = url and self._token(url, title)
        if not token:
            return None
        task = document_task(url, token, path, sha256, self.client_options)
        task.on_fetched = on_fetched
        return self._start(task, path)

    def _server_of(self, path: str, title: str):
        """The server the working copy was checked out from; None (the reason shown) if none."""
        from ...core.sync import state
        from ...core.working_copy import WorkingCopy

        try:
            with WorkingCopy.open(path) as wc:
                url = state.server_url(wc)
        except Exception as error:  # noqa: BLE001
            show_error(self.iface, title, error)
            return None
        if not url:
            show_error(self.iface, title, CadastreError(
                "sync.not_checked_out",
                f"{os.path.basename(path)} was not checked out from a sync server, so it has "
                "no server to push to or pull from. Use Cadastre > Check out… to get a working "
                "copy from the server.",
                f"{os.path.basename(path)} không được lấy về từ máy chủ đồng bộ nên không có "
                "máy chủ để đẩy lên hay kéo về. Hãy dùng Địa chính > Lấy về… để lấy bản sao làm "
                "việc từ máy chủ.", path))
            return None
        return url

    # -- running and finishing -------------------------------------------------------------------
    def _token(self, url: str, title: str):
        from .credentials import token_for

        try:
            return token_for(url)
        except Exception as error:  # noqa: BLE001
            show_error(self.iface, title, error)
            return None

    def _start(self, task, path: str):
        task.path = path
        task.taskCompleted.connect(lambda: self._done(task))
        task.taskTerminated.connect(lambda: self._done(task))
        self.task = task
        QgsApplication.taskManager().addTask(task)
        return task

    def _done(self, task) -> None:
        if task is not self.task:
            return  # the plugin was unloaded meanwhile
        self.task = None
        try:
            self._show_outcome(task)
        finally:
            self.finished.emit(task)

    def _show_outcome(self, task) -> None:
        from ...core.sync import Cancelled, Conflicts, Rejected

        if task.identity:
            from .credentials import remember_identity

            remember_identity(task.url, task.identity)
        if task.kind in ("push", "pull"):
            self.reload_layers(task.path)
        error = task.error
        if error is None and task.result is None:
            error = Cancelled()  # cancelled before it started
        titles = {"checkout": self.tr("Check-out failed"), "push": self.tr("Push failed"),
                  "pull": self.tr("Pull failed"), "document": self.tr("Download failed")}
        if isinstance(error, Cancelled):
            self._push({"checkout": self.tr("Check-out cancelled: no working copy was made."),
                        "push": self.tr("Push cancelled. Changes not yet sent stay in the "
                                        "working copy and go with the next push."),
                        "pull": self.tr("Pull cancelled: the working copy was not changed."),
                        "document": self.tr("Download cancelled.")}[task.kind], Qgis.Info)
        elif isinstance(error, Rejected):
            self.show_violations(task.path, error)
        elif isinstance(error, Conflicts):
            self._push(self.tr("{count} rows were changed both here and on the server. "
                               "Nothing was overwritten: keep yours, take the server's or edit "
                               "each one, then push again.").format(count=len(error.conflicts)),
                       Qgis.Warning)
            self.show_status(path=task.path)
        elif error is not None:
            show_error(self.iface, titles[task.kind], error)
        elif task.kind == "checkout":
            self._checked_out(task)
        elif task.kind == "document":
            task.on_fetched(task.result)
        elif task.kind == "push":
            self._pushed(task)
        else:
            self._pulled(task)

    def _checked_out(self, task) -> None:
        summary = task.result
        if self.controller.open_path(task.path) is None:
            return
        communes = summary.get("communes") or [summary["commune_code"]]
        if len(communes) == 1:
            text = self.tr("Commune {code} checked out at server revision {revision}: "
                           "{parcels} parcels in {path}.")
        else:
            text = self.tr("Communes {code} checked out at server revision {revision}: "
                           "{parcels} parcels in {path}.")
        self._push(text.format(code=", ".join(communes), revision=summary["revision"],
                               parcels=summary["parcels"], path=task.path), Qgis.Success)

    def _pushed(self, task) -> None:
        result = task.result
        self._clear_violations(task.path)
        if not result.changesets:
            self._push(self.tr("Nothing to push: the server has every change of this "
                               "working copy."), Qgis.Info)
            return
        self._push(self.tr("Pushed {changes} changes in {changesets} change sets; the "
                           "server is at revision {revision}.").format(
            changes=result.changes, changesets=result.changesets, revision=result.revision),
            Qgis.Success)

    def _pulled(self, task) -> None:
        result = task.result
        if result.conflicts:
            self._push(self.tr("Pulled to server revision {head}: {applied} changes applied; "
                               "{count} rows changed both here and on the server were not "
                               "overwritten. Resolve them, then push.").format(
                head=result.head, applied=result.applied, count=len(result.conflicts)),
                Qgis.Warning)
            self.show_status(path=task.path)
            return
        self._push(self.tr("Pulled to server revision {head}: {received} changes received, "
                           "{applied} applied.").format(head=result.head,
                                                       received=result.received,
                                                       applied=result.applied), Qgis.Success)

    # -- what a refused change set shows -------------------------------------------------------
    def show_violations(self, path: str, error):
        """Draw the findings of a refused change set on the map and say what they are;
        returns the layers ({dimension: layer})."""
        from ...core.working_copy import WorkingCopy
        from .violation_layers import ViolationLayers

        with WorkingCopy.open(path) as wc:
            epsg = wc.commune.crs_epsg
        layers = self.violations.get(path) or ViolationLayers(path)
        self.violations[path] = layers
        shown = layers.show_violations(error.violations, epsg)
        lang = ui_language()
        lines = [error.text(lang)]
        for v in error.violations[:MAX_LISTED]:
            text = v.get("message_vi") if lang == "vi" else v.get("message_en")
            lines.append(f"[{v.get('rule')}] {v.get('label') or ''} {text or ''}".strip())
        if len(error.violations) > MAX_LISTED:
            lines.append(self.tr("…and {count} more, all shown on the map.").format(
                count=len(error.violations) - MAX_LISTED))
        title = self.tr("Refused by the server") if error.by_server else \
            self.tr("Not sent: fix these first")
        self.iface.messageBar().pushMessage(title, "\n".join(lines), level=Qgis.Critical,
                                            duration=0)
        return shown

    def _clear_violations(self, path: str) -> None:
        layers = self.violations.pop(path, None)
        if layers is not None:
            layers.remove()

    # -- status and conflicts ------------------------------------------------------------------
    def show_status(self, _checked=False, path: str | None = None):
        from .conflict_dialog import ConflictDialog

        path = path or self.controller.active_working_copy()
        if path is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        layers = self._layers_of(path)
        try:
            self.dialog = ConflictDialog(path, layers[0] if layers else None,
                                         self.iface.mainWindow())
        except Exception as error:  # noqa: BLE001
            self.dialog = None
            show_error(self.iface, self.tr("Cannot read the sync status"), error)
            return None
        self.dialog.resolved.connect(self.reload_layers)
        self.dialog.push_requested.connect(lambda p: self.push(path=p))
        self.dialog.show()
        return self.dialog

    # -- pieces --------------------------------------------------------------------------------
    def _layers_of(self, path: str) -> list:
        """The project's layers read from the working copy at ``path``, parcels first."""
        from ..working_copy_detection import ogr_source

        path = os.path.abspath(path)
        found = [layer for layer in QgsProject.instance().mapLayers().values()
                 if isinstance(layer, QgsVectorLayer) and (ogr_source(layer) or ("",))[0] == path]
        return sorted(found, key=lambda layer: ogr_source(layer)[1] != "parcels")

    def reload_layers(self, path: str) -> None:
        """The core wrote the file behind QGIS's back: re-read it and redraw."""
        for layer in self._layers_of(path):
            layer.dataProvider().reloadData()
            layer.updateExtents()
            layer.triggerRepaint()

    def _refuse_while_running(self) -> bool:
        if self.task is None:
            return False
        self._push(self.tr("A synchronisation is already running: wait for it to finish or "
                           "cancel it in the task manager."), Qgis.Info)
        return True

    def _push(self, text: str, level) -> None:
        duration = 0 if level in (Qgis.Warning, Qgis.Critical) else 8
        self.iface.messageBar().pushMessage(self.tr("Cadastre Editor"), text, level=level,
                                            duration=duration)
