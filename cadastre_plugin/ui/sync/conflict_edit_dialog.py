"""Edit a conflicting row by hand: a form of its fields starting from this working copy's
version (the server's when it was deleted here), and for a parcel which boundary to keep."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                                 QLineEdit, QVBoxLayout)

from ..dialog_buttons import confirm_buttons
from ...core.sync.tables import TABLES


class ConflictEditDialog(QDialog):
    def __init__(self, conflict: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreConflictEditDialog")
        self.setWindowTitle(self.tr("Edit the conflicting row"))
        self.conflict = conflict
        self.spec = TABLES[conflict["table"]]
        start = (conflict["mine"] or conflict["theirs"])["data"]
        self.edits = {}
        form = QFormLayout()
        for col in self.spec.columns:
            edit = QLineEdit(self)
            edit.setObjectName(f"CadastreConflictEdit_{col.name}")
            value = start.get(col.name)
            edit.setText("" if value is None else str(value))
            form.addRow(col.name, edit)
            self.edits[col.name] = edit
        self.geometry_combo = None
        if self.spec.geometry:
            self.geometry_combo = QComboBox(self)
            for key, text in (("mine", self.tr("Mine (this working copy)")),
                              ("theirs", self.tr("Theirs (server)"))):
                if conflict[key] and conflict[key]["data"].get("geometry"):
                    self.geometry_combo.addItem(text, key)
            form.addRow(self.tr("Boundary"), self.geometry_combo)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = confirm_buttons(self, self.tr("Save resolution"),
                                       standard=QDialogButtonBox.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def data(self) -> dict:
        """The row as edited, in the sync wire format (raises ValueError on a bad number)."""
        out = {}
        for col in self.spec.columns:
            text = self.edits[col.name].text().strip()
            if not text:
                out[col.name] = None
            elif col.kind in ("int", "count"):
                out[col.name] = int(text)
            elif col.kind == "real":
                out[col.name] = float(text.replace(",", "."))
            else:
                out[col.name] = text
        if self.geometry_combo is not None:
            side = self.conflict[self.geometry_combo.currentData() or "mine"] or {}
            out["geometry"] = (side.get("data") or {}).get("geometry")
        return out

    def accept(self) -> None:
        for col in self.spec.columns:
            text = self.edits[col.name].text().strip()
            if col.required and not text:
                self.message.setText(self.tr("{field} is required: fill it in.").format(
                    field=col.name))
                return
        try:
            self.data()
        except ValueError:
            self.message.setText(self.tr(
                "A number field holds something that is not a number: check the whole "
                "numbers (sheet, parcel number) and the areas (e.g. 152.5)."))
            return
        super().accept()
