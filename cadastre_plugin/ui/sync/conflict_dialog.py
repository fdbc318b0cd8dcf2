"""Sync status and conflicts: where the working copy stands with its server, and every row
changed both here and on the server, mine and theirs side by side (on two synchronised maps
and in an attribute table with the differences highlighted). The user keeps mine, takes
theirs, or edits a merged version; the core records the choice in the journal and the next
push sends it. Nothing is resolved without a click."""
from __future__ import annotations

import json

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                                 QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                                 QVBoxLayout, QWidget)

from ...core.sync.tables import TABLES
from ..errors import error_text
from .conflict_canvases import SideBySideCanvases, geometry_of

DIFFERENT = QColor("#ffe0b2")


def _value_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _geometry_text(side) -> str:
    geom = geometry_of(side)
    if geom is None:
        return ""
    return f"{geom.constGet().nCoordinates()} · {geom.area():.1f} m²"


class ConflictDialog(QDialog):
    #: The user asked to push now (all conflicts resolved).
    push_requested = pyqtSignal(str)
    #: A conflict was resolved: the working copy file changed (path).
    resolved = pyqtSignal(str)

    def __init__(self, path: str, background=None, parent=None):
        super().__init__(parent)
        from ...core.working_copy import WorkingCopy

        self.setObjectName("CadastreConflictDialog")
        self.setWindowTitle(self.tr("Sync status and conflicts"))
        self.path = path
        self.conflicts = []
        with WorkingCopy.open(path) as wc:
            epsg = wc.commune.crs_epsg

        self.status_label = QLabel(self)
        self.status_label.setObjectName("CadastreSyncStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.list = QListWidget(self)
        self.list.setObjectName("CadastreConflictList")
        self.list.currentRowChanged.connect(self._show_current)

        self.background = background  # the parcel layer: its aliases label the fields
        self.canvases = SideBySideCanvases(self, epsg, background)
        self.mine_title = QLabel(self)
        self.theirs_title = QLabel(self)
        for label in (self.mine_title, self.theirs_title):
            label.setWordWrap(True)
        maps = QWidget(self)
        row = QHBoxLayout(maps)
        row.setContentsMargins(0, 0, 0, 0)
        for title, canvas in ((self.mine_title, self.canvases.mine),
                              (self.theirs_title, self.canvases.theirs)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(canvas, 1)
            row.addLayout(column, 1)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("CadastreConflictAttributes")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Mine (this working copy)"), self.tr("Theirs (server)")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)

        self.keep_mine = QPushButton(self.tr("Keep mine"), self)
        self.take_theirs = QPushButton(self.tr("Take theirs"), self)
        self.edit = QPushButton(self.tr("Edit…"), self)
        self.push = QPushButton(self.tr("Push now"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.keep_mine.setToolTip(self.tr("Keep this working copy's version; the next push "
                                          "replaces the server's version with it"))
        self.take_theirs.setToolTip(self.tr("Replace this working copy's version with the "
                                            "server's; your change to this row is dropped"))
        self.edit.setToolTip(self.tr("Write a merged version, starting from yours; the next "
                                     "push sends it"))
        self.keep_mine.clicked.connect(lambda: self.resolve_current("mine"))
        self.take_theirs.clicked.connect(lambda: self.resolve_current("theirs"))
        self.edit.clicked.connect(self.edit_current)
        self.push.clicked.connect(lambda: self.push_requested.emit(self.path))
        self.close_button.clicked.connect(self.accept)
        self.message = QLabel(self)
        self.message.setObjectName("CadastreConflictMessage")
        self.message.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(maps, 3)
        right_layout.addWidget(self.table, 2)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)

        buttons = QHBoxLayout()
        for button in (self.keep_mine, self.take_theirs, self.edit):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.push)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1000, 680)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        from ...core.sync import list_conflicts, status
        from ...core.working_copy import WorkingCopy

        with WorkingCopy.open(self.path) as wc:
            self.conflicts = list_conflicts(wc)
            info = status(wc)
        self.status_label.setText(self.tr(
            "Server: {server} · commune {commune} · last pulled revision {pulled} · rows "
            "waiting to be pushed: {pending} · change set in the outbox: {outbox} changes · "
            "open conflicts: {conflicts}").format(
            server=info["server_url"] or self.tr("none (not checked out from a server)"),
            commune=info["commune_code"], pulled=info["last_pulled_revision"],
            pending=info["rows_pending"], outbox=info["outbox_changes"],
            conflicts=info["conflicts_open"]))
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.conflicts:
            item = QListWidgetItem(self._label(c))
            item.setData(Qt.UserRole, c["id"])
            self.list.addItem(item)
        self.list.blockSignals(False)
        has = bool(self.conflicts)
        for button in (self.keep_mine, self.take_theirs, self.edit):
            button.setEnabled(has)
        self.push.setEnabled(not has and bool(info["server_url"]))
        if has:
            self.list.setCurrentRow(0)
            self._show_current(0)
        else:
            self.table.setRowCount(0)
            self.canvases.show(None, None)
            self.mine_title.setText("")
            self.theirs_title.setText("")
            self.message.setText(self.tr("No open conflicts."))

    def _label(self, c) -> str:
        data = (c["mine"] or c["theirs"] or {}).get("data") or {}
        if c["table"] == "parcels":
            what = self.tr("Parcel {sheet}/{number}").format(
                sheet=data.get("sheet_no"), number=data.get("parcel_no"))
        else:
            what = f"{c['table']} {json.dumps(c['key'], ensure_ascii=False)}"
        if c["mine"] is None:
            return self.tr("{what}: deleted here, changed on the server").format(what=what)
        if c["theirs"] is None:
            return self.tr("{what}: changed here, deleted on the server").format(what=what)
        return self.tr("{what}: changed here and on the server").format(what=what)

    def current(self):
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show_current(self, _row=None) -> None:
        c = self.current()
        if c is None:
            return
        mine, theirs = c["mine"], c["theirs"]
        self.mine_title.setText(self.tr("Mine (this working copy)") if mine else
                                self.tr("Mine: deleted in this working copy"))
        self.theirs_title.setText(self.tr("Theirs (server)") if theirs else
                                  self.tr("Theirs: deleted on the server"))
        self.canvases.show(geometry_of(mine), geometry_of(theirs))
        spec = TABLES[c["table"]]
        names = list(spec.column_names) + (["geometry"] if spec.geometry else [])
        self.table.setRowCount(len(names))
        bold = QFont()
        bold.setBold(True)
        deleted = self.tr("(deleted)")
        for i, name in enumerate(names):
            values = []
            for side in (mine, theirs):
                if side is None:
                    values.append(deleted)
                elif name == "geometry":
                    values.append(_geometry_text(side))
                else:
                    values.append(_value_text(side["data"].get(name)))
            differs = (mine is None or theirs is None or
                       mine["data"].get(name) != theirs["data"].get(name))
            for column, text in enumerate([self._label_of(c["table"], name)] + values):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, name)
                item.setToolTip(name)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setFont(bold)
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
        self.edit.setEnabled(mine is not None or theirs is not None)
        self.message.setText("")

    def _label_of(self, table: str, name: str) -> str:
        """A field's label as the attribute form shows it (the parcel layer's alias)."""
        if name == "geometry":
            return self.tr("Boundary")
        layer = self.background
        if table == "parcels" and layer is not None and layer.fields().indexOf(name) >= 0:
            return layer.fields().field(name).displayName()
        return name

    # -- resolving ---------------------------------------------------------------------------
    def resolve_current(self, choice: str, data=None) -> bool:
        """Resolve the selected conflict with ``choice``; returns whether it was resolved."""
        from ...core.sync import resolve
        from ...core.working_copy import WorkingCopy

        c = self.current()
        if c is None:
            return False
        try:
            with WorkingCopy.open(self.path) as wc:
                resolve(wc, c["id"], choice, data)
        except Exception as error:  # noqa: BLE001 - shown in the dialog, which stays open
            self.message.setText(error_text(error))
            return False
        self.resolved.emit(self.path)
        self.refresh()
        if not self.conflicts:
            self.message.setText(self.tr("All conflicts are resolved. Push to send the "
                                         "resolutions to the server."))
        return True

    def edit_current(self):
        """Open the edit form for the selected conflict; returns the form (shown modal)."""
        from .conflict_edit_dialog import ConflictEditDialog

        c = self.current()
        if c is None:
            return None
        form = ConflictEditDialog(c, self)
        form.accepted.connect(lambda: self.resolve_current("edited", form.data()))
        form.open()
        return form
