"""Picking a party: search the registered ones by name (with or without accents) or citizen ID,
or enter a new one. The core validates new parties when the transaction is recorded (CCCD,
tax code), so the messages appear with the others in the dialog."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget,
                                 QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ...core import codelists
from ...core.model import PARTY_KINDS, Party
from ...core.transactions.parties import find_parties
from ...core.working_copy import WorkingCopy
from ..locale import ui_language
from .texts import Texts

ROLE = Qt.UserRole + 1


def describe(party: Party) -> str:
    ident = party.citizen_id or party.tax_code
    year = f", {party.birth_year}" if party.birth_year else ""
    return f"{party.name}{year}" + (f" · {ident}" if ident else "")


class PartySearch(QWidget):
    """A search field and its results; ``picked`` carries the chosen Party."""

    picked = pyqtSignal(object)

    def __init__(self, path: str, parent=None, kinds=None):
        super().__init__(parent)
        self.path, self.kinds = path, kinds
        self.field = QLineEdit(self)
        self.field.setObjectName("partySearch")
        self.field.setPlaceholderText(self.tr("Name or citizen ID / tax code"))
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("partyResults")
        self.results.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("partyAdd")
        self.field.textChanged.connect(self.search)
        self.results.itemDoubleClicked.connect(lambda _item: self.pick())
        self.add_button.clicked.connect(self.pick)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.results)

    def search(self, text: str) -> None:
        self.results.clear()
        if len(text.strip()) < 2:
            return
        with WorkingCopy.open(self.path) as wc:
            found = find_parties(wc, text, kinds=self.kinds)
        for party in found:
            item = QListWidgetItem(describe(party))
            item.setData(ROLE, party)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)

    def pick(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.picked.emit(item.data(ROLE))


class NewPartyForm(QWidget):
    """Fields of a new party; ``created`` carries it (not yet validated)."""

    created = pyqtSignal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        texts = Texts()
        self.kind = QComboBox(self)
        self.kind.setObjectName("newPartyKind")
        for kind in PARTY_KINDS:
            self.kind.addItem(texts.party_kind(kind), kind)
        self.name = QLineEdit(self)
        self.name.setObjectName("newPartyName")
        self.birth_year = QSpinBox(self)
        self.birth_year.setObjectName("newPartyBirthYear")
        self.birth_year.setRange(0, 2100)
        self.birth_year.setSpecialValueText(self.tr("unknown"))
        self.citizen_id = QLineEdit(self)
        self.citizen_id.setObjectName("newPartyCitizenId")
        self.citizen_id.setPlaceholderText(self.tr("12 digits"))
        self.tax_code = QLineEdit(self)
        self.tax_code.setObjectName("newPartyTaxCode")
        self.user_type = QComboBox(self)
        self.user_type.setObjectName("newPartyUserType")
        user_types = codelists.load("land_user_types")
        for code in user_types.codes:
            self.user_type.addItem(f"{code} – {user_types.name(code, ui_language())}", code)
        self.address = QLineEdit(self)
        self.address.setObjectName("newPartyAddress")
        self.add_button = QPushButton(self.tr("Add new party"), self)
        self.add_button.setObjectName("newPartyAdd")
        self.add_button.clicked.connect(self.create)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Birth year"), self.birth_year)
        form.addRow(self.tr("Citizen ID (CCCD)"), self.citizen_id)
        form.addRow(self.tr("Tax code"), self.tax_code)
        form.addRow(self.tr("Land-user type"), self.user_type)
        form.addRow(self.tr("Address"), self.address)
        form.addRow("", self.add_button)
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        kind = self.kind.currentData()
        self.citizen_id.setEnabled(kind == "individual")
        self.birth_year.setEnabled(kind == "individual")
        self.tax_code.setEnabled(kind == "organisation")
        if kind != "organisation" and self.user_type.currentData() != "GDC":
            self.user_type.setCurrentIndex(self.user_type.findData("GDC"))
        elif kind == "organisation" and self.user_type.currentData() == "GDC":
            self.user_type.setCurrentIndex(self.user_type.findData("TKT"))

    def party(self) -> Party:
        kind = self.kind.currentData()
        return Party(kind, self.name.text().strip(),
                     birth_year=(self.birth_year.value() or None) if kind == "individual" else None,
                     citizen_id=self.citizen_id.text().strip() if kind == "individual" else "",
                     tax_code=self.tax_code.text().strip() if kind == "organisation" else "",
                     user_type=self.user_type.currentData(), address=self.address.text().strip())

    def create(self) -> None:
        self.created.emit(self.party())
        for field in (self.name, self.citizen_id, self.tax_code, self.address):
            field.clear()
        self.birth_year.setValue(0)
