"""The new holders of a right and their shares, as the officer types them ("1/2", "0.5", "50%")."""
from __future__ import annotations

from fractions import Fraction

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from .party_picker import describe

ROLE = Qt.UserRole + 1


def parse_share(text: str):
    """'1/3' -> Fraction(1, 3); '0.5' -> 1/2; '50%' -> 1/2; '' or nonsense -> None."""
    text = (text or "").strip().replace(",", ".")
    try:
        if text.endswith("%"):
            return Fraction(text[:-1].strip()) / 100
        return Fraction(text) if text else None
    except (ValueError, ZeroDivisionError):
        return None


class HoldersTable(QTableWidget):
    """One row per holder: the party (not editable) and the share (editable)."""

    def __init__(self, parent=None):
        super().__init__(0, 2, parent)
        self.setObjectName("holdersTable")
        self.setHorizontalHeaderLabels([self.tr("Holder"), self.tr("Share")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setMinimumHeight(90)

    def add(self, party, share: str = "") -> None:
        """Add ``party``; a party already listed is not added twice. With one holder the share
        is 1; a second holder splits it into equal parts, as most contracts do."""
        if any(p.uuid == party.uuid for p, _ in self.rows()):
            return
        row = self.rowCount()
        self.insertRow(row)
        name = QTableWidgetItem(describe(party))
        name.setFlags(name.flags() & ~Qt.ItemIsEditable)
        name.setData(ROLE, party)
        self.setItem(row, 0, name)
        self.setItem(row, 1, QTableWidgetItem(share))
        if not share:
            equal = str(Fraction(1, self.rowCount()))
            for r in range(self.rowCount()):
                self.item(r, 1).setText(equal)

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.selectedIndexes()}, reverse=True):
            self.removeRow(row)

    def rows(self) -> list:
        """[(Party, share text)]."""
        return [(self.item(r, 0).data(ROLE), self.item(r, 1).text() if self.item(r, 1) else "")
                for r in range(self.rowCount())]

    def set_share(self, row: int, text: str) -> None:
        self.item(row, 1).setText(text)
