"""The dialog sections about parties: who transfers, who receives and in which shares, the
mortgage's creditor, changes of an owner's information. See :mod:`.record_sections`."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                                 QListWidgetItem, QPushButton, QTabWidget, QVBoxLayout)

from ...core.messages import Issue
from ...core.transactions.draft import MortgageInput, NewRight, shares_of
from ..locale import ui_language
from .exchange_table import ExchangeTable
from .holders_table import HoldersTable, parse_share
from .party_picker import NewPartyForm, PartySearch, describe
from .record_sections import ROLE, Section, _date, _date_edit
from .texts import share_text


def _is_exchange(ttype) -> bool:
    """A transfer among several parcels is an exchange (CD): parcels go round."""
    return ttype.effect == "transfer" and ttype.min_parcels > 1


class TransferorsSection(Section):
    fields = ("transferors",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Transferring party"))
        self.list = QListWidget(self)
        self.list.setObjectName("transferors")
        self.list.setMaximumHeight(100)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.list.itemChanged.connect(self._update_hint)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick the current holders who give their share:"), self))
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.context = None
        self.is_exchange = False

    def configure(self, ttype, context) -> None:
        self.context = context
        self.set_plain_title(ttype.label("transferors", ui_language(),
                                         self.tr("Transferring party")))
        # In an exchange every holder gives their whole parcel: nothing to tick.
        self.is_exchange = _is_exchange(ttype)
        self.list.setEnabled(not self.is_exchange)
        self._update_hint()
        if self.list.count():
            return
        for party_uuid in context.holders():
            shares = [share_text(str(p.holders[party_uuid])) for p in context.parcels
                      if party_uuid in p.holders]
            text = context.name(party_uuid) + (f" ({shares[0]})" if shares and shares[0] else "")
            item = QListWidgetItem(text)
            item.setData(ROLE, party_uuid)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.list.addItem(item)
        self._update_hint()

    def checked(self) -> list:
        return [self.list.item(i).data(ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]

    def keepers(self, parcel) -> dict:
        """Holders of ``parcel`` who do not transfer: they keep their share."""
        chosen = set(self.checked())
        return {h: s for h, s in parcel.holders.items() if h not in chosen}

    def _update_hint(self, *_args) -> None:
        if self.context is None:
            return
        if self.is_exchange:
            self.hint.setText(self.tr("In an exchange the holders of each parcel give all of "
                                      "it; see the table below."))
            return
        kept = {h: s for p in self.context.parcels for h, s in self.keepers(p).items()}
        self.hint.setText(self.tr("Keep their share: {names}").format(names=", ".join(
            f"{self.context.name(h)} ({share_text(str(s)) or '1'})" for h, s in kept.items()))
            if kept else "")


class HoldersSection(Section):
    """The new holders and shares; new parties entered here are announced by ``party_created``."""

    fields = ("rights_after",)
    party_created = pyqtSignal(object)

    def __init__(self, path: str, transferors: TransferorsSection, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("New holders"))
        self.transferors = transferors
        self.table = HoldersTable(self)
        self.search = PartySearch(path, self)
        self.new_party = NewPartyForm(self)
        self.search.picked.connect(self.table.add)
        self.new_party.created.connect(self._created)
        tabs = QTabWidget(self)
        tabs.addTab(self.search, self.tr("Registered party"))
        tabs.addTab(self.new_party, self.tr("New party"))
        self.remove_button = QPushButton(self.tr("Remove selected holder"), self)
        self.remove_button.clicked.connect(self.table.remove_selected)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)
        layout.addWidget(self.remove_button)
        layout.addWidget(tabs)
        self.exchange_table = ExchangeTable(self)
        layout.addWidget(self.exchange_table)
        self.widgets = (self.table, self.remove_button, tabs)
        self.type_code = ""

    def _created(self, party) -> None:
        self.party_created.emit(party)
        self.table.add(party)

    def configure(self, ttype, context) -> None:
        self.type_code = ttype.code
        self.set_plain_title(ttype.label("recipients", ui_language(), self.tr("New holders")))
        exchange = _is_exchange(ttype)
        for widget in self.widgets:
            widget.setVisible(not exchange)
        self.exchange_table.setVisible(exchange)
        if exchange and self.exchange_table.context is not context:
            self.exchange_table.load(context)
        if exchange:
            text = self.tr("Each parcel goes to the holders of another parcel of the exchange; "
                           "every household must receive exactly one parcel.")
        elif ttype.effect == "split_merge":
            text = self.tr("Holders of the new parcel (merge) or of the cut-off piece (split); "
                           "leave empty to keep the current holders.")
        elif ttype.effect == "recovery":
            text = self.tr("The party the recovered land is allocated to, if any.")
        else:
            text = self.tr("Holders receiving the transferred shares.")
        self.explanation.setText(text)

    def shares(self) -> tuple:
        """([(party uuid, Fraction)], issues for unreadable shares)."""
        out, issues = [], []
        for party, text in self.table.rows():
            share = parse_share(text)
            if share is None:
                issues.append(Issue(
                    "share.text", f"The share '{text}' of {party.name} is not a number: write "
                    "it as 1/2, 0.5 or 50%.",
                    f"Phần quyền '{text}' của {party.name} không phải là số: hãy viết dạng 1/2, "
                    "0,5 hoặc 50%.", party.name, {"field": "rights_after"}))
            else:
                out.append((party.uuid, share))
        return out, issues

    def fill(self, draft, context, ttype) -> list:
        shares, issues = self.shares()
        if _is_exchange(ttype):
            draft.rights_after = self.exchange_table.rights()
            return issues
        if not shares:
            return issues
        if ttype.effect == "transfer":
            chosen = set(self.transferors.checked())
            for parcel in context.parcels:
                kept = self.transferors.keepers(parcel)
                draft.rights_after.append(NewRight(
                    shares_of(list(kept.items()) + shares), parcel_uuid=parcel.uuid,
                    transferors=tuple(h for h in parcel.holders if h in chosen)))
        elif ttype.effect == "split_merge":
            draft.rights_after = [NewRight(shares_of(shares), child=0,
                                           transferors=tuple(context.holders()))]
        else:
            draft.rights_after = [NewRight(shares_of(shares), parcel_uuid=p.uuid)
                                  for p in context.parcels]
        return issues


class MortgageSection(Section):
    fields = ("mortgage.creditor", "mortgage.registered_on")
    party_created = pyqtSignal(object)

    def __init__(self, path: str, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Mortgage"))
        self.creditor = None
        self.creditor_label = QLabel(self.tr("Creditor: not chosen"), self)
        self.creditor_label.setObjectName("creditor")
        self.search = PartySearch(path, self)
        self.new_party = NewPartyForm(self)
        self.new_party.kind.setCurrentIndex(self.new_party.kind.findData("organisation"))
        self.search.picked.connect(self.set_creditor)
        self.new_party.created.connect(self._created)
        tabs = QTabWidget(self)
        tabs.addTab(self.search, self.tr("Registered party"))
        tabs.addTab(self.new_party, self.tr("New party"))
        self.registered_on = _date_edit(self, "registeredOn")
        self.note = QLineEdit(self)
        self.note.setObjectName("mortgageNote")
        form = QFormLayout(self)
        form.addRow(self.creditor_label)
        form.addRow(tabs)
        form.addRow(self.tr("Registration date"), self.registered_on)
        form.addRow(self.tr("Note"), self.note)

    def set_creditor(self, party) -> None:
        self.creditor = party
        self.creditor_label.setText(self.tr("Creditor: {name}").format(name=describe(party)))

    def _created(self, party) -> None:
        self.party_created.emit(party)
        self.set_creditor(party)

    def fill(self, draft, context, ttype) -> list:
        draft.mortgage = MortgageInput(self.creditor.uuid if self.creditor else None,
                                       _date(self.registered_on), self.note.text().strip())
        return []


class PartyChangesSection(Section):
    fields = ("party_changes",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Owner information"))
        self.party = QComboBox(self)
        self.party.setObjectName("changedParty")
        self.name = QLineEdit(self)
        self.name.setObjectName("changedName")
        self.citizen_id = QLineEdit(self)
        self.citizen_id.setObjectName("changedCitizenId")
        self.address = QLineEdit(self)
        self.address.setObjectName("changedAddress")
        form = QFormLayout(self)
        form.addRow(self.tr("Holder"), self.party)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Citizen ID (CCCD)"), self.citizen_id)
        form.addRow(self.tr("Address"), self.address)
        self.party.currentIndexChanged.connect(self._load)
        self.context = None

    def configure(self, ttype, context) -> None:
        self.context = context
        if self.party.count():
            return
        for uuid, party in context.parties.items():
            self.party.addItem(describe(party), uuid)
        self._load()

    def _load(self, *_args) -> None:
        party = self.context.parties.get(self.party.currentData()) if self.context else None
        self.name.setText(party.name if party else "")
        self.citizen_id.setText(party.citizen_id if party else "")
        self.citizen_id.setEnabled(party is not None and party.kind == "individual")
        self.address.setText(party.address if party else "")

    def fill(self, draft, context, ttype) -> list:
        party = context.parties.get(self.party.currentData())
        if party is None:
            return []
        changes = {k: v for k, v in (("name", self.name.text().strip()),
                                     ("citizen_id", self.citizen_id.text().strip()),
                                     ("address", self.address.text().strip()))
                   if v != (getattr(party, k) or "")}
        if changes:
            draft.party_changes = {party.uuid: changes}
        return []
