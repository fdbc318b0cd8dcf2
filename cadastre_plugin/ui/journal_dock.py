"""The "Journal" dock: the newest journal entries of a working copy."""
from __future__ import annotations

import os

from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDateTime, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.working_copy import WorkingCopy
from .errors import error_text

ENTRY_LIMIT = 200


def local_time(iso_utc: str) -> str:
    """The journal stores UTC (ISO 8601); people read their own clock."""
    moment = QDateTime.fromString(iso_utc, Qt.ISODateWithMs)
    if not moment.isValid():
        return iso_utc
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm:ss")


class JournalDock(QgsDockWidget):
    """Lists the newest entries; follows the working copy whose parcel layer is active and
    re-reads after that layer's edits are saved (that is when the journal grows)."""

    COLUMNS = ("recorded_at", "operation", "action", "table", "sheet_no", "parcel_no")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreJournalDock")
        self.setWindowTitle(self.tr("Journal"))
        self.path: str | None = None
        self._layer = None

        body = QWidget(self)
        self.source_label = QLabel(body)
        self.source_label.setWordWrap(True)
        self.refresh_button = QToolButton(body)
        self.refresh_button.setObjectName("CadastreJournalRefresh")
        self.refresh_button.setIcon(QIcon(":/plugins/cadastre_plugin/icons/refresh.svg"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the journal again from the working copy"))
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.refresh_button.clicked.connect(self.refresh)

        self.table = QTableWidget(0, len(self.COLUMNS), body)
        self.table.setHorizontalHeaderLabels([
            self.tr("Recorded at"), self.tr("Operation"), self.tr("Change"),
            self.tr("Table"), self.tr("Map sheet"), self.tr("Parcel"),
        ])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.source_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.setWidget(body)
        self._show_placeholder()

    def _show_placeholder(self):
        self.source_label.setText(self.tr("Select the parcel layer of a Cadastre Editor working copy"))
        self.table.setRowCount(0)
        self.refresh_button.setEnabled(False)

    def _action_text(self, action: str) -> str:
        names = {
            "insert": self.tr("added"),
            "update": self.tr("changed"),
            "delete": self.tr("deleted"),
        }
        return names.get(str(action).lower(), str(action))

    def set_working_copy(self, path: str, layer=None) -> None:
        """Show the journal of ``path``; ``layer`` (its parcel layer) triggers re-reads."""
        self._watch(layer)
        self.path = path
        self.refresh_button.setEnabled(True)
        self.refresh()

    def _watch(self, layer) -> None:
        if self._layer is not None and not sip.isdeleted(self._layer):
            try:
                self._layer.afterCommitChanges.disconnect(self.refresh)
            except TypeError:
                pass
        self._layer = layer
        if layer is not None:
            layer.afterCommitChanges.connect(self.refresh)

    def release(self) -> None:
        """Disconnect from the layer before the plugin unloads."""
        self._watch(None)

    def refresh(self) -> None:
        if not self.path:
            self._show_placeholder()
            return
        try:
            with WorkingCopy.open(self.path) as working_copy:
                entries = working_copy.journal_entries(limit=ENTRY_LIMIT)
        except Exception as error:  # noqa: BLE001 - shown to the user, in their language
            self.table.setRowCount(0)
            self.source_label.setText(error_text(error))
            return
        self.source_label.setText(
            self.tr("{name}: {count} newest entries").format(
                name=os.path.basename(self.path), count=len(entries)))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, key in enumerate(self.COLUMNS):
                value = entry.get(key)
                text = "" if value is None else str(value)
                if key == "action":
                    text = self._action_text(text)
                elif key == "recorded_at":
                    text = local_time(text)
                item = QTableWidgetItem(text)
                if key == "parcel_no" and entry.get("parcel_uuid"):
                    item.setToolTip(str(entry["parcel_uuid"]))
                self.table.setItem(row, column, item)
