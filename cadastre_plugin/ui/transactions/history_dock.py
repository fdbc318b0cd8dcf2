"""The "Parcel history" dock: the timeline of the selected parcel, its ancestors and descendants.

Selecting an entry draws the parcel(s) as they were at that moment on the map; a scanned
document listed under a transaction opens in the system's viewer with a double click. A scan
this working copy has only the record of (checked out or pulled without documents) is first
downloaded from the sync server, in the background, through ``fetch_missing``.

Each transaction shows its approval state; an officer approves or rejects a submitted one from
here (core/transactions/approval.py): the decision is journalled and goes out with the next
push, which the server accepts from an officer's token only.
"""
from __future__ import annotations

import shapely
from qgis.core import QgsGeometry, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QLabel, QPushButton,
                                 QTreeWidget, QTreeWidgetItem)

from ...core.messages import CadastreError
from ...core.transactions.history import parcel_history
from ..errors import error_text
from ..locale import ui_language
from .approval_dialog import DecisionDialog
from .document_viewer import open_document
from .parcel_dock import ParcelDock
from .texts import Texts, date_text, document_role, holders_text, moment_text

ROLE = Qt.UserRole + 1
APPROVAL_COLUMN = 4
_STATE_COLOURS = {"submitted": QColor(176, 112, 0), "rejected": QColor(190, 30, 30)}


class ParcelHistoryDock(ParcelDock):
    # A decision (or its withdrawal) was recorded on the transaction with this UUID: the
    # "Pending approvals" list re-reads its queue.
    decided = pyqtSignal(str)

    def __init__(self, canvas, parent=None):
        super().__init__("CadastreParcelHistoryDock", parent)
        self.setWindowTitle(self.tr("Parcel history"))
        self.canvas = canvas
        self.history = None
        self.wc_path: str | None = None
        self.texts = Texts()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("CadastreParcelHistoryTree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Event"), self.tr("Parcel"),
                                   self.tr("Details"), self.tr("Approval")])
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.currentItemChanged.connect(self._show_on_map)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.layout_.addWidget(self.tree)
        self.approve_button = QPushButton(self.tr("Approve…"), self)
        self.approve_button.setObjectName("CadastreApproveTransaction")
        self.approve_button.clicked.connect(lambda: self.decide(reject=False))
        self.reject_button = QPushButton(self.tr("Reject…"), self)
        self.reject_button.setObjectName("CadastreRejectTransaction")
        self.reject_button.clicked.connect(lambda: self.decide(reject=True))
        self.withdraw_button = QPushButton(self.tr("Withdraw decision"), self)
        self.withdraw_button.setObjectName("CadastreWithdrawDecision")
        self.withdraw_button.setToolTip(self.tr(
            "Take back a decision made in this working copy and not yet accepted by the server "
            "(made by mistake, or refused because the token was not an officer's)"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.decision_note = QLabel(self)
        self.decision_note.setObjectName("CadastreDecisionNote")
        self.decision_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.decision_note)
        self.tree.currentItemChanged.connect(self._update_decision_buttons)
        self._update_decision_buttons()
        self.rubber = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self.rubber.setColor(QColor(255, 140, 0, 200))
        self.rubber.setFillColor(QColor(255, 140, 0, 50))
        self.rubber.setWidth(3)
        self.opened: list = []  # paths opened in a viewer, newest last
        # (working copy path, sha256, on_fetched) -> the download task, or None when it could
        # not start (the sync actions show why); set by the plugin when sync is available.
        self.fetch_missing = None

    def clear(self) -> None:
        self.tree.clear()
        self.history = None
        self.rubber.reset(QgsWkbTypes.PolygonGeometry)
        self._update_decision_buttons()

    def release(self) -> None:
        super().release()
        self.rubber.reset(QgsWkbTypes.PolygonGeometry)
        self.canvas.scene().removeItem(self.rubber)

    # -- filling --------------------------------------------------------------------------
    def show_data(self, wc, parcel_uuid: str) -> None:
        self.clear()
        history = parcel_history(wc, parcel_uuid)
        self.history, self.wc_path = history, wc.path
        transactions = sum(1 for e in history.entries if e.kind == "transaction")
        versions = sum(1 for e in history.entries if e.kind == "version")
        text = self.tr("Parcel {label} ({status}): {transactions} transactions, {versions} "
                       "versions").format(label=history.label,
                                          status=self.texts.status(history.status),
                                          transactions=transactions, versions=versions)
        parents = {link.parent_uuid for link in history.ancestors
                   if link.child_uuid == parcel_uuid}
        children = {link.child_uuid for link in history.descendants
                    if link.parent_uuid == parcel_uuid}
        labels = {e.parcel_uuid: e.label for e in history.entries}
        if parents:
            text += "\n" + self.tr("Made from: {parcels}").format(
                parcels=", ".join(sorted(labels.get(p, p) for p in parents)))
        if children:
            text += "\n" + self.tr("Continued by: {parcels}").format(
                parcels=", ".join(sorted(labels.get(c, c) for c in children)))
        self.heading.setText(text)
        for entry in history.entries:
            self.tree.addTopLevelItem(self._entry_item(entry))
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.decision_note.clear()

    def _relation(self, entry) -> str:
        if entry.relation == "ancestor":
            return self.tr("{label} (earlier parcel)").format(label=entry.label)
        if entry.relation == "descendant":
            return self.tr("{label} (later parcel)").format(label=entry.label)
        return entry.label

    def _entry_item(self, entry) -> QTreeWidgetItem:
        if entry.kind == "version":
            v = entry.version
            if v.valid_to is None:
                event = self.tr("Version {n} (in force)").format(n=v.version)
            elif v.status == "retired":
                event = self.tr("Version {n}, retired {date}").format(
                    n=v.version, date=date_text(v.valid_to))
            else:
                event = self.tr("Version {n}, until {date}").format(
                    n=v.version, date=date_text(v.valid_to))
            area = "" if v.area is None else f"{v.area:.1f} m²"
            item = QTreeWidgetItem([date_text(v.valid_from), event, self._relation(entry),
                                    " · ".join(x for x in (area, v.landuse, v.address) if x)])
            item.setData(0, ROLE, ("version", entry))
            return item
        t = entry.transaction
        lang = ui_language()
        details = ", ".join(x for x in (t.dossier_no, date_text(t.document_date), t.authority)
                            if x)
        item = QTreeWidgetItem([date_text(t.recorded_at), f"{t.type_name(lang)} ({t.type_code})",
                                self._relation(entry), details, self.approval_text(t.approval)])
        item.setData(0, ROLE, ("transaction", entry))
        if t.approval in _STATE_COLOURS:
            item.setForeground(APPROVAL_COLUMN, _STATE_COLOURS[t.approval])
        for line in self._transaction_lines(t):
            child = QTreeWidgetItem(["", line[0], "", line[1]])
            if len(line) > 2:
                child.setData(0, ROLE, ("document", line[2]))
                child.setToolTip(3, self.tr("Double-click to open the scan"))
            item.addChild(child)
        return item

    def _transaction_lines(self, t) -> list:
        lines = []
        before = {u for u, _ in t.parcels_before}
        after = {u for u, _ in t.parcels_after}
        if before != after:
            lines.append((self.tr("Parcels before"), ", ".join(label for _, label in
                                                              t.parcels_before)))
            lines.append((self.tr("Parcels after"), ", ".join(label for _, label in
                                                             t.parcels_after)))
        for holding in t.rights_before:
            lines.append((self.tr("Holders before"), f"{holding.parcel_label}: "
                          f"{holders_text(holding.holders)}"))
        for holding in t.rights_after:
            lines.append((self.tr("Holders after"), f"{holding.parcel_label}: "
                          f"{holders_text(holding.holders)} · {self.texts.term(holding.term_end)}"))
        for role, kind, creditor, registered, released in t.restrictions:
            name = self.texts.restriction_kind(kind)
            if role == "registered":
                lines.append((self.tr("{kind} registered").format(kind=name),
                              f"{creditor}, {date_text(registered)}"))
            else:
                lines.append((self.tr("{kind} released").format(kind=name),
                              f"{creditor}, {date_text(released)}"))
        for role, serial, issued in t.certificates:
            what = self.tr("Certificate issued") if role == "issued" \
                else self.tr("Certificate cancelled")
            lines.append((what, f"{serial} ({date_text(issued)})"))
        for name, previous in t.parties_changed:
            old = ", ".join(f"{k}: {v}" for k, v in previous.items())
            lines.append((self.tr("Owner information changed"),
                          self.tr("{name}, previously {values}").format(name=name, values=old)))
        for doc, role in t.documents:
            lines.append((self.tr("Scanned document"),
                          f"{doc.original_name} ({document_role(role)})", doc))
        lines.append((self.tr("Recorded"), self.tr("by {who} on {when}").format(
            who=t.recorded_by, when=moment_text(t.recorded_at))))
        if t.approval == "approved" and t.approved_by:
            lines.append((self.tr("Approved"), self.tr("by {who} on {when}").format(
                who=t.approved_by, when=moment_text(t.approved_at))))
        elif t.approval == "rejected":
            lines.append((self.tr("Rejected"), self.tr("by {who} on {when}: {reason}").format(
                who=t.approved_by, when=moment_text(t.approved_at), reason=t.rejection_reason)))
        return lines

    def approval_text(self, approval: str) -> str:
        return {"submitted": self.tr("Submitted"), "approved": self.tr("Approved"),
                "rejected": self.tr("Rejected")}.get(approval, approval)

    # -- the officer's decision ---------------------------------------------------------------
    def selected_transaction(self):
        """The TransactionDetail of the current entry (or of the entry a line belongs to)."""
        item = self.tree.currentItem()
        while item is not None and item.data(0, ROLE) is None:
            item = item.parent()
        if item is not None and item.data(0, ROLE)[0] == "document":
            item = item.parent()
        if item is None or item.data(0, ROLE)[0] != "transaction":
            return None
        return item.data(0, ROLE)[1].transaction

    def _update_decision_buttons(self, *_args) -> None:
        t = self.selected_transaction()
        pending = t is not None and t.approval == "submitted"
        server, withdrawable = self._sync_facts(t) if t is not None else (None, False)
        role = self._role_of(server)
        # The server accepts decisions from an officer's token only; when this copy's token is
        # known to be another's, say so here rather than after a refused push.
        may_decide = role in (None, "officer")
        for button in (self.approve_button, self.reject_button):
            button.setEnabled(pending and may_decide)
        tip = "" if may_decide else self.tr(
            "Only a cadastral officer's token may approve or reject; the token of {server} is "
            "a {role}'s.").format(server=server, role=role)
        self.approve_button.setToolTip(tip or self.tr(
            "Approve the selected submitted transaction (cadastral officer)"))
        self.reject_button.setToolTip(tip or self.tr(
            "Reject the selected submitted transaction, with the reason (cadastral officer)"))
        self.withdraw_button.setEnabled(t is not None and not pending and withdrawable)

    def _sync_facts(self, t) -> tuple:
        """(the working copy's sync server or None, whether ``t``'s decision can be withdrawn)."""
        from ...core.sync import state
        from ...core.transactions.approval import withdrawable
        from ...core.working_copy import WorkingCopy

        if not self.path:
            return None, False
        with WorkingCopy.open(self.path) as wc:
            return state.server_url(wc), withdrawable(wc.conn, t.uuid)

    @staticmethod
    def _role_of(server):
        if not server:
            return None
        from ..sync.credentials import known_role

        return known_role(server)

    def withdraw(self) -> bool:
        """Takes back the selected transaction's unsent decision; True if it was."""
        from ...core.transactions.approval import withdraw
        from ...core.working_copy import WorkingCopy

        t = self.selected_transaction()
        if t is None or t.approval == "submitted" or not self.path:
            return False
        try:
            with WorkingCopy.open(self.path) as wc:
                withdraw(wc, t.uuid)
        except Exception as error:  # noqa: BLE001 - shown in the dock, in the user's language
            self.decision_note.setText(error_text(error))
            return False
        self.refresh()
        self._select_transaction(t.uuid)
        self.decided.emit(t.uuid)
        self.decision_note.setText(self.tr("Decision withdrawn: the transaction is submitted "
                                           "again."))
        return True

    def decide(self, reject: bool) -> bool:
        """Asks the officer (and for a rejection, why), records the decision, shows it; True
        if it was recorded."""
        from ...core.transactions.approval import approve
        from ...core.transactions.approval import reject as reject_transaction
        from ...core.working_copy import WorkingCopy

        t = self.selected_transaction()
        if t is None or t.approval != "submitted" or not self.path:
            return False
        summary = self.tr("{type} ({code}), dossier {dossier}, recorded by {who} on {when}"
                          ).format(type=t.type_name(ui_language()), code=t.type_code,
                                   dossier=t.dossier_no or "-", who=t.recorded_by,
                                   when=moment_text(t.recorded_at))
        dialog = DecisionDialog(reject, summary, self)
        if dialog.exec_() != QDialog.Accepted:
            return False
        officer = dialog.officer.text().strip()
        try:
            with WorkingCopy.open(self.path) as wc:
                if reject:
                    reject_transaction(wc, t.uuid, officer, dialog.reason.toPlainText())
                else:
                    approve(wc, t.uuid, officer)
        except Exception as error:  # noqa: BLE001 - shown in the dock, in the user's language
            self.decision_note.setText(error_text(error))
            return False
        self.refresh()
        self._select_transaction(t.uuid)
        self.decided.emit(t.uuid)
        self.decision_note.setText(
            (self.tr("Transaction rejected.") if reject else self.tr("Transaction approved."))
            + " " + self.tr("Push to send the decision to the server."))
        return True

    def select_transaction(self, uuid: str) -> bool:
        """Make the transaction ``uuid`` the current entry (the pending list opens it so);
        True if the history shows it."""
        self._select_transaction(uuid)
        data = self.tree.currentItem().data(0, ROLE) if self.tree.currentItem() else None
        return bool(data) and data[0] == "transaction" and data[1].transaction.uuid == uuid

    def _select_transaction(self, uuid: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            data = item.data(0, ROLE)
            if data and data[0] == "transaction" and data[1].transaction.uuid == uuid:
                self.tree.setCurrentItem(item)
                self._update_decision_buttons()  # also when it was current already
                return

    # -- on the map and in the viewer -------------------------------------------------------
    def geometries(self, item) -> list:
        """The parcel shapes an entry stands for, as they were then."""
        while item is not None and item.data(0, ROLE) is None:
            item = item.parent()
        if item is None or self.history is None:
            return []
        kind, payload = item.data(0, ROLE)
        if kind == "document":
            return self.geometries(item.parent())
        if kind == "version":
            return [payload.version.geometry]
        t = payload.transaction
        shapes = [self.history.geometry_at(u, t.recorded_at) for u, _ in t.parcels_after]
        if not any(s is not None for s in shapes):
            # Nothing of it exists after the moment: show what it was just before.
            shapes = [self._just_before(u, t.recorded_at) for u, _ in t.parcels_before]
        return [s for s in shapes if s is not None]

    def _just_before(self, parcel_uuid: str, moment: str):
        versions = [v for v in self.history.versions if v.parcel_uuid == parcel_uuid
                    and (v.valid_from or "") < moment]
        return versions[-1].geometry if versions else None

    def _show_on_map(self, item, _previous=None) -> None:
        self.rubber.reset(QgsWkbTypes.PolygonGeometry)
        shapes = self.geometries(item)
        if not shapes or self.layer is None:
            return
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(shapely.union_all(shapes)))
        self.rubber.setToGeometry(geometry, self.layer.crs())

    def _double_clicked(self, item, _column) -> None:
        data = item.data(0, ROLE)
        if not data or data[0] != "document":
            return
        self._open(data[1], fetch=True)

    def _open(self, doc, fetch: bool) -> None:
        try:
            self.opened.append(open_document(self.wc_path, doc))
        except CadastreError as error:
            if not (fetch and error.code == "document.unavailable" and self._fetch(doc)):
                self.heading.setText(error_text(error))
        except Exception as error:  # noqa: BLE001 - shown in the dock
            self.heading.setText(error_text(error))

    def _fetch(self, doc) -> bool:
        """Start downloading ``doc`` when the working copy has a sync server; True if started."""
        from ...core.sync import state
        from ...core.working_copy import WorkingCopy

        if self.fetch_missing is None:
            return False
        with WorkingCopy.open(self.wc_path) as wc:
            if not state.server_url(wc):
                return False
        task = self.fetch_missing(self.wc_path, doc.sha256, lambda _path: self._open(doc, False))
        if task is None:
            return False
        self.heading.setText(self.tr("Downloading the scan '{name}' from the sync server…"
                                     ).format(name=doc.original_name or doc.sha256[:12]))
        return True

