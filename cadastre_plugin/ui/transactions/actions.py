"""The registration actions on the plugin's toolbar and menu: "Record transaction…", "Parcel
information" and "Parcel history", and the life cycle of their dialog and docks.

Made through :class:`~cadastre_plugin.ui.actions.CadastreActions`, so they follow the active
layer like the other layer actions. "Record transaction…" also needs a selected parcel: it is
disabled, with a tooltip saying so, until one is selected. The docks follow the selection on
the active parcel layer.
"""
from __future__ import annotations

from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, Qt

from ..signals import follow_selection
from .parcel_dock import selected_parcel_uuid


class TransactionActions(QObject):
    def __init__(self, controller):
        super().__init__()
        self.controller = controller
        self.iface = controller.iface
        self.history_dock = None
        self.info_dock = None
        self.pending_dock = None
        self.dialog = None
        self._layer = None  # the active parcel layer, whose selection enables "Record…"
        self._record_tooltip = ""

    # -- building and tearing down -----------------------------------------------------------
    def install(self) -> None:
        c = self.controller
        c.menu.addSeparator()
        self._record_tooltip = self.tr(
            "Record a registration change of the selected parcel: transfer, inheritance, "
            "mortgage, split or merge and the others, with its legal document")
        c._add("record_transaction", "record_transaction.svg", self.tr("Record transaction…"),
               self._record_tooltip, self.record_transaction, needs_parcel_layer=True)
        c._add("parcel_info", "parcel_info.svg", self.tr("Parcel information"),
               self.tr("Show the holders, rights, restrictions and certificate of the selected "
                       "parcel"), self.show_info, needs_parcel_layer=True)
        c._add("parcel_history", "parcel_history.svg", self.tr("Parcel history"),
               self.tr("Show every transaction and version of the selected parcel, with the "
                       "parcels it came from and became"), self.show_history,
               needs_parcel_layer=True)
        c._add("pending_approvals", "pending_approvals.svg", self.tr("Pending approvals"),
               self.tr("List the submitted transactions waiting for an officer's approval, "
                       "oldest first, and open each in the parcel history"),
               self.show_pending, needs_parcel_layer=True)

    def remove(self) -> None:
        self._watch(None)
        if self.dialog is not None and not sip.isdeleted(self.dialog):
            self.dialog.close()
        self.dialog = None
        for dock in (self.history_dock, self.info_dock):
            if dock is not None:
                dock.release()
                self.iface.removeDockWidget(dock)
                dock.deleteLater()
        self.history_dock = self.info_dock = None
        if self.pending_dock is not None:
            self.iface.removeDockWidget(self.pending_dock)
            self.pending_dock.deleteLater()
        self.pending_dock = None

    # -- following the active layer and its selection ----------------------------------------
    def update(self) -> None:
        """After the controller set the layer actions' state: refine "Record transaction…" by
        the selection, and point visible docks at the active parcel layer."""
        path = self.controller.active_working_copy()
        layer = self.iface.activeLayer() if path else None
        self._watch(layer)
        self._update_record_action()
        if path is None:
            return  # another layer is active: the docks keep showing their parcel
        for dock in (self.info_dock, self.history_dock):
            if dock is not None and not dock.isHidden() and dock.layer is not layer:
                dock.follow(path, layer)
        pending = self.pending_dock
        if pending is not None and not pending.isHidden() and pending.path != path:
            pending.follow(path)

    def _watch(self, layer) -> None:
        self._layer = follow_selection(self._layer, layer, self._update_record_action)

    def _update_record_action(self, *_args) -> None:
        action = self.controller.actions.get("record_transaction")
        if action is None or self._layer is None or sip.isdeleted(self._layer):
            return  # the controller disabled it already, with its own reason
        selected = selected_parcel_uuid(self._layer) is not None
        why = self.tr("Select the parcel to record a transaction on")
        action.setEnabled(selected)
        action.setToolTip(self._record_tooltip if selected else why)
        action.setStatusTip(self._record_tooltip if selected else why)

    # -- the actions -------------------------------------------------------------------------
    def _dock(self, attribute: str, make):
        path = self.controller.active_working_copy()
        if path is None:
            return None
        dock = getattr(self, attribute)
        if dock is None:
            dock = make()
            setattr(self, attribute, dock)
            self.iface.addDockWidget(Qt.RightDockWidgetArea, dock)
        dock.follow(path, self.iface.activeLayer())
        dock.show()
        dock.raise_()
        return dock

    def show_history(self, _checked=False):
        from .history_dock import ParcelHistoryDock

        def make():
            dock = ParcelHistoryDock(self.iface.mapCanvas(), self.iface.mainWindow())
            sync = getattr(self.controller, "sync", None)
            dock.fetch_missing = sync.fetch_document if sync is not None else None
            dock.decided.connect(self._decided)
            return dock

        return self._dock("history_dock", make)

    def show_info(self, _checked=False):
        from .info_dock import ParcelInfoDock

        return self._dock("info_dock", lambda: ParcelInfoDock(self.iface.mainWindow()))

    def show_pending(self, _checked=False):
        """Open (or re-read) the list of transactions waiting for approval."""
        from .pending_dock import PendingApprovalsDock

        path = self.controller.active_working_copy()
        if path is None:
            return None
        if self.pending_dock is None:
            self.pending_dock = PendingApprovalsDock(self.iface.mainWindow())
            self.pending_dock.chosen.connect(self.show_pending_transaction)
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.pending_dock)
        self.pending_dock.follow(path)
        self.pending_dock.show()
        self.pending_dock.raise_()
        return self.pending_dock

    def show_pending_transaction(self, pending):
        """Select the transaction's parcels on the parcel layer, zoom to them and open the
        parcel history on the transaction, where the officer decides it; returns the dock."""
        layer = self._layer
        if layer is None or sip.isdeleted(layer):
            return None
        # A split's parent is retired (its row kept): prefer the parcels in force now.
        quoted = ",".join(f"'{u}'" for u, _ in pending.parcels)
        layer.selectByExpression(f'"uuid" IN ({quoted}) AND "status" = \'current\'')
        if not layer.selectedFeatureCount():
            layer.selectByExpression(f'"uuid" IN ({quoted})')
        if layer.selectedFeatureCount():
            self.iface.mapCanvas().zoomToSelected(layer)
            self.iface.mapCanvas().refresh()
        dock = self.show_history()
        if dock is not None:
            dock.select_transaction(pending.uuid)
        return dock

    def _decided(self, _transaction_uuid: str) -> None:
        if self.pending_dock is not None and not self.pending_dock.isHidden():
            self.pending_dock.refresh()

    def record_transaction(self, _checked=False):
        """Open the dialog for the selected parcels; returns it (None if nothing selected)."""
        from ..errors import show_error
        from .record_dialog import RecordTransactionDialog

        path = self.controller.active_working_copy()
        layer = self.iface.activeLayer()
        if path is None or selected_parcel_uuid(layer) is None:
            return None
        try:
            dialog = RecordTransactionDialog(path, layer, self.iface.mainWindow())
        except Exception as error:  # noqa: BLE001 - every failure is shown, none is raised
            show_error(self.iface, self.tr("Cannot record a transaction"), error)
            return None
        dialog.recorded.connect(self._recorded)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        return dialog

    def refresh_docks(self, *_args) -> None:
        """Re-read what the visible docks show (after a transaction, or a sync that changed
        the working copy or taught the plugin its token's role)."""
        for dock in (self.info_dock, self.history_dock, self.pending_dock,
                     self.controller.journal_dock):
            if dock is not None and not dock.isHidden():
                dock.refresh()

    def _recorded(self, result) -> None:
        """Re-read what changed: the parcel layer (a split or merge changes parcels), and the
        docks and journal that show this working copy."""
        from ..errors import show_success
        from ..locale import ui_language
        from ...core.transactions.types import get

        layer = self._layer
        if layer is not None and not sip.isdeleted(layer):
            # The core wrote the file behind QGIS's back: re-read it, select the parcels after.
            layer.dataProvider().reloadData()
            layer.updateExtents()
            quoted = ",".join(f"'{u}'" for u in result.parcels_after)
            layer.selectByExpression(f'"uuid" IN ({quoted})')
            layer.triggerRepaint()
        self.refresh_docks()
        show_success(self.iface, self.tr("Cadastre Editor"), self.tr(
            "Transaction recorded: {name}, dossier {dossier}").format(
                name=get(result.type_code).name(ui_language()), dossier=result.dossier_no))
