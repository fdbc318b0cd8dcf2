"""The exchange table of the "Record transaction" dialog (chuyển đổi, dồn điền đổi thửa): one
row per selected parcel with its area and current holders, and a drop-down saying which
holder group it goes to. The default is the core's rotation (for two parcels, the swap); the
rule that every group gets exactly one parcel is the core's (core/transactions/exchange.py)
and shows up as the dialog's inline message when saving."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QTableWidget,
                                 QTableWidgetItem)

from ...core.transactions.draft import NewRight, shares_of
from ...core.transactions.exchange import rotation
from .texts import share_text

PARCEL, AREA, HOLDERS, GOES_TO = range(4)


def _area_text(parcel) -> str:
    area = parcel.legal_area if parcel.legal_area is not None else parcel.area
    return f"{area:,.1f} m²".replace(",", " ") if area is not None else ""


class ExchangeTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setObjectName("exchangeTable")
        self.setHorizontalHeaderLabels([self.tr("Parcel (sheet/number)"), self.tr("Area"),
                                        self.tr("Current holders"), self.tr("Goes to")])
        self.horizontalHeader().setSectionResizeMode(HOLDERS, QHeaderView.Stretch)
        self.horizontalHeader().setSectionResizeMode(GOES_TO, QHeaderView.Stretch)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.verticalHeader().setVisible(False)
        self.setMinimumHeight(110)
        self.context = None

    def load(self, context) -> None:
        """One row per parcel of ``context``; each drop-down lists the holder groups of the
        other parcels (a group held by several parcels is listed once), preset to the
        rotation."""
        self.context = context
        self.setRowCount(0)
        parcels = context.parcels
        default = rotation([p.holders for p in parcels])
        for row, parcel in enumerate(parcels):
            self.insertRow(row)
            self.setItem(row, PARCEL, QTableWidgetItem(parcel.label))
            self.setItem(row, AREA, QTableWidgetItem(_area_text(parcel)))
            holders = QTableWidgetItem(self.holders_text(parcel))
            holders.setToolTip(holders.text())  # long household names are cut in the cell
            self.setItem(row, HOLDERS, holders)
            combo = QComboBox(self)
            combo.setObjectName(f"goesTo{row}")
            own, listed = frozenset(parcel.holders), set()
            for index, other in enumerate(parcels):
                group = frozenset(other.holders)
                if group and group != own and group not in listed:
                    listed.add(group)
                    combo.addItem(self.holders_text(other), index)
            if default[row] is not None:
                group = frozenset(parcels[default[row]].holders)
                combo.setCurrentIndex(next(i for i in range(combo.count()) if frozenset(
                    parcels[combo.itemData(i)].holders) == group))
            combo.setToolTip(combo.currentText())
            combo.currentTextChanged.connect(combo.setToolTip)
            self.setCellWidget(row, GOES_TO, combo)
        self.resizeColumnsToContents()

    def holders_text(self, parcel) -> str:
        if not parcel.holders:
            return self.tr("no registered holder")
        return ", ".join(self.context.name(h) + (f" ({share_text(str(s))})"
                                                 if share_text(str(s)) else "")
                         for h, s in parcel.holders.items())

    def combo(self, row: int) -> QComboBox:
        return self.cellWidget(row, GOES_TO)

    def choose(self, row: int, parcel_index: int) -> None:
        """Give parcel ``row`` to the holders of parcel ``parcel_index`` (a tests' and
        keyboard users' shortcut to the drop-down)."""
        combo = self.combo(row)
        group = frozenset(self.context.parcels[parcel_index].holders)
        for i in range(combo.count()):
            if frozenset(self.context.parcels[combo.itemData(i)].holders) == group:
                combo.setCurrentIndex(i)
                return
        raise ValueError(f"parcel {parcel_index} is not a choice for row {row}")

    def rights(self) -> list:
        """One NewRight per parcel: the chosen group's holders with the shares they hold in
        their own parcel, and the parcel's holders as the transferors."""
        out = []
        for row, parcel in enumerate(self.context.parcels):
            index = self.combo(row).currentData()
            if index is None:  # nobody else to exchange with: the core says so
                continue
            receiver = self.context.parcels[index]
            out.append(NewRight(shares_of(receiver.holders.items()), parcel_uuid=parcel.uuid,
                                transferors=tuple(parcel.holders)))
        return out
