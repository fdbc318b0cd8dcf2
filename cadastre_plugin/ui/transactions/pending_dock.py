"""The "Pending approvals" dock: the officer's work queue, the submitted transactions of the
active working copy, oldest first (core/transactions/approval.pending).

It only lists: "Show" (or a double click) asks, through ``chosen``, for the transaction to be
shown where it is decided, the parcel history dock (transactions/actions.py does it). The list
is read afresh on ``refresh()``, which the actions call when a decision or a new transaction
is recorded.
"""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton,
                                 QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout,
                                 QWidget)

from ...core.working_copy import WorkingCopy
from ..errors import error_text
from ..locale import ui_language
from .texts import moment_text

ROLE = Qt.UserRole + 1


class PendingApprovalsDock(QgsDockWidget):
    chosen = pyqtSignal(object)  # the Pending transaction to show in the parcel history

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastrePendingApprovalsDock")
        self.setWindowTitle(self.tr("Pending approvals"))
        self.path: str | None = None
        self.queue: list = []
        widget = QWidget(self)
        self.heading = QLabel(widget)
        self.heading.setObjectName("CadastrePendingApprovalsHeading")
        self.heading.setWordWrap(True)
        refresh = QToolButton(widget)
        refresh.setIcon(QIcon(":/plugins/cadastre_plugin/icons/refresh.svg"))
        refresh.setToolTip(self.tr("Read the pending transactions again from the working copy"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(refresh)
        self.table = QTableWidget(0, 5, widget)
        self.table.setObjectName("CadastrePendingApprovalsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Recorded at"), self.tr("Type"),
                                              self.tr("Dossier"), self.tr("Parcels"),
                                              self.tr("Recorded by")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.show_row(row))
        self.table.itemSelectionChanged.connect(self._update_button)
        self.show_button = QPushButton(self.tr("Show"), widget)
        self.show_button.setObjectName("CadastrePendingApprovalsShow")
        self.show_button.setToolTip(self.tr("Select the transaction's parcels on the map and "
                                            "open it in the parcel history, to approve or "
                                            "reject it"))
        self.show_button.clicked.connect(lambda: self.show_row(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(widget)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setWidget(widget)
        self._update_button()

    def follow(self, path: str | None) -> None:
        """List the queue of the working copy at ``path``."""
        self.path = path
        self.refresh()

    def refresh(self) -> None:
        from ...core.transactions.approval import pending

        self.table.setRowCount(0)
        self.queue = []
        if not self.path:
            self.heading.setText(self.tr("Make a working copy's parcel layer active to see "
                                         "what waits for approval"))
            self._update_button()
            return
        try:
            with WorkingCopy.open(self.path) as wc:
                self.queue = pending(wc)
        except Exception as error:  # noqa: BLE001 - shown in the dock, in the user's language
            self.heading.setText(error_text(error))
            self._update_button()
            return
        if not self.queue:
            self.heading.setText(self.tr("Nothing waits for approval."))
        else:
            self.heading.setText(self.tr("{n} transactions wait for approval, oldest first. "
                                         "Double-click one to decide it in the parcel history."
                                         ).format(n=len(self.queue)))
        lang = ui_language()
        self.table.setRowCount(len(self.queue))
        for row, p in enumerate(self.queue):
            cells = (moment_text(p.recorded_at), f"{p.type_name(lang)} ({p.type_code})",
                     p.dossier_no or "-", ", ".join(label for _, label in p.parcels) or "-",
                     p.recorded_by or "-")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE, p.uuid)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_button()

    def show_row(self, row: int) -> bool:
        """Ask for the transaction of ``row`` to be shown; False if there is none."""
        if not 0 <= row < len(self.queue):
            return False
        self.chosen.emit(self.queue[row])
        return True

    def _update_button(self) -> None:
        self.show_button.setEnabled(0 <= self.table.currentRow() < len(self.queue)
                                    and bool(self.table.selectedItems()))
