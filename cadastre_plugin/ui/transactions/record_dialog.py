"""The "Record transaction" dialog: choose the type, fill what it needs, record it.

The sections shown follow the type's requirements (data, see core/transactions/
requirements.json). Saving builds a draft and hands it to the core, which validates it and
records it as one journalled operation; if anything is wrong, every message is shown inline
in the user's language, the sections concerned are marked, and nothing is written.
"""
from __future__ import annotations

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                                 QScrollArea, QVBoxLayout, QWidget)

from ..dialog_buttons import confirm_buttons
from ...core.messages import CadastreError, Issue, ValidationFailed
from ...core.transactions import record, types
from ...core.transactions.draft import TransactionDraft
from ...core.working_copy import WorkingCopy
from ..locale import ui_language
from .dialog_context import load_context
from .parcel_dock import selected_parcel_uuid
from .party_sections import (HoldersSection, MortgageSection, PartyChangesSection,
                             TransferorsSection)
from .record_sections import (CertificateSection, DocumentSection, GeometrySection,
                              ParcelChangesSection, ReleaseSection, ScansSection, TermSection)


def selected_parcel_uuids(layer) -> list:
    index = layer.fields().indexOf("uuid")
    return [str(f.attribute(index)) for f in layer.getSelectedFeatures() if f.attribute(index)]


class RecordTransactionDialog(QDialog):
    #: The core's Recorded result, once written.
    recorded = pyqtSignal(object)

    def __init__(self, path: str, layer, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreRecordTransactionDialog")
        self.setWindowTitle(self.tr("Record transaction"))
        self.setMinimumWidth(560)
        self.path, self.layer = path, layer
        self.outcome = None
        uuids = selected_parcel_uuids(layer) if selected_parcel_uuid(layer) else []
        self.context = load_context(path, uuids)
        self.new_parties = {}  # uuid -> Party entered in this dialog

        self.parcels_label = QLabel(self.context.labels, self)
        self.parcels_label.setObjectName("parcels")
        self.type = QComboBox(self)
        self.type.setObjectName("transactionType")
        lang = ui_language()
        for code, ttype in types.all_types().items():
            self.type.addItem(f"{code} – {ttype.name(lang)}", code)

        self.document = DocumentSection(self)
        self.transferors = TransferorsSection(self)
        self.holders = HoldersSection(path, self.transferors, self)
        self.mortgage = MortgageSection(path, self)
        self.release = ReleaseSection(self)
        self.geometry = GeometrySection(self)
        self.parcel_changes = ParcelChangesSection(self)
        self.party_changes = PartyChangesSection(self)
        self.term = TermSection(self)
        self.certificate = CertificateSection(self)
        self.scans = ScansSection(self)
        self.sections = (self.document, self.transferors, self.holders, self.mortgage,
                         self.release, self.geometry, self.parcel_changes, self.party_changes,
                         self.term, self.certificate, self.scans)
        for section in (self.holders, self.mortgage):
            section.party_created.connect(self._party_created)

        self.errors = QLabel(self)
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.hide()

        buttons = confirm_buttons(self, self.tr("Record"), self.save, QDialogButtonBox.Save)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        self.save_button.setObjectName("recordButton")

        body = QWidget(self)
        inner = QVBoxLayout(body)
        head = QFormLayout()
        head.addRow(self.tr("Parcels"), self.parcels_label)
        head.addRow(self.tr("Transaction type"), self.type)
        inner.addLayout(head)
        for section in self.sections:
            inner.addWidget(section)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(640, 720)
        self.type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()

    # -- the type decides what is shown ------------------------------------------------------
    @property
    def ttype(self):
        return types.get(self.type.currentData())

    def _type_changed(self, *_args) -> None:
        ttype = self.ttype
        for section in self.sections:
            shown = any(ttype.uses(f) for f in section.fields)
            section.setVisible(shown)
            if shown:
                section.configure(ttype, self.context)
        self.show_issues([])

    def _party_created(self, party) -> None:
        self.new_parties[party.uuid] = party

    # -- building, checking, saving ------------------------------------------------------------
    def draft(self) -> tuple:
        """(TransactionDraft, issues found before the core is asked)."""
        ttype = self.ttype
        draft = TransactionDraft(ttype.code, self.context.uuids)
        issues = []
        for section in self.sections:
            if any(ttype.uses(f) for f in section.fields):
                issues += section.fill(draft, self.context, ttype)
        used = {s.party_uuid for r in draft.rights_after for s in r.shares}
        if draft.mortgage is not None and draft.mortgage.creditor_uuid:
            used.add(draft.mortgage.creditor_uuid)
        draft.new_parties = [p for u, p in self.new_parties.items() if u in used]
        return draft, issues

    def save(self) -> bool:
        """Record the transaction if it is valid; otherwise show why and write nothing."""
        if self.layer is not None and self.layer.isEditable() and self.layer.isModified():
            self.show_issues([Issue(
                "layer.unsaved_edits",
                "The parcel layer has unsaved edits: save or discard them (Toggle Editing) "
                "first; a transaction writes to the working copy directly.",
                "Lớp thửa đất có chỉnh sửa chưa lưu: hãy lưu hoặc hủy (Bật/tắt chỉnh sửa) "
                "trước; biến động được ghi thẳng vào bản sao làm việc.")])
            return False
        draft, issues = self.draft()
        if issues:
            self.show_issues(issues)
            return False
        try:
            with WorkingCopy.open(self.path) as wc:
                result = record(wc, draft)
        except ValidationFailed as error:
            self.show_issues(error.issues)
            return False
        except CadastreError as error:  # a refused split or merge, a damaged file...
            self.show_issues([error.issue])
            return False
        self.document.remember()
        self.outcome = result
        self.recorded.emit(result)
        self.accept()
        return True

    def show_issues(self, issues) -> None:
        lang = ui_language()
        marked = {i.details.get("field", "") for i in issues}
        creditor = self.mortgage.creditor.uuid if self.mortgage.creditor else None
        for issue in issues:
            # A new party's problem belongs to the section where it was entered.
            if issue.details.get("field") == "new_parties":
                marked.add("mortgage.creditor" if issue.details.get("party") == creditor
                           else "rights_after")
        for section in self.sections:
            section.mark(any(f in marked for f in section.fields))
        if issues:
            self.errors.setText("\n".join(f"• {i.text(lang)}" for i in issues))
            self.errors.show()
        else:
            self.errors.clear()
            self.errors.hide()

    def issue_texts(self) -> list:
        text = self.errors.text()
        return [line[2:] for line in text.splitlines()] if text else []
