"""The sections of the "Record transaction" dialog, one group box per part of a draft.

Each section lists the requirement fields it covers (requirements.json names): the dialog
shows it when the chosen type uses one of them, and marks it when an issue names one of them.
``fill(draft)`` writes what the officer entered into the draft and returns problems found
before the core is asked (a share that is not a number). The sections about parties are in
:mod:`.party_sections`.
"""
from __future__ import annotations

import os
from datetime import date

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QFileDialog,
                                 QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QListWidget,
                                 QListWidgetItem, QPushButton, QRadioButton, QSpinBox,
                                 QVBoxLayout)

from ...core import codelists
from ...core.model import LegalDocument
from ...core.transactions.documents import ROLES
from ...core.transactions.draft import LONG_TERM, CertificateInput, DocumentInput
from ...core.transactions.geometry import Merge, SplitByArea
from ..locale import ui_language
from .texts import date_text

SETTINGS_AUTHORITY = "CadastreEditor/lastAuthority"
SETTINGS_OFFICER = "CadastreEditor/officer"
ROLE = Qt.UserRole + 1


def _date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _date_edit(parent, name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class Section(QGroupBox):
    fields: tuple = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plain_title = ""

    def set_plain_title(self, title: str) -> None:
        self.plain_title = title
        self.setTitle(title)

    def configure(self, ttype, context) -> None:
        """Adapt to the chosen type (labels, prefilled values); most sections need not."""

    def fill(self, draft, context, ttype) -> list:
        """Write the entries into ``draft``; return problems found before the core is asked."""
        return []

    def mark(self, marked: bool) -> None:
        self.setTitle(("⚠ " if marked else "") + self.plain_title)
        self.setStyleSheet("QGroupBox { color: #b00020; font-weight: bold; }" if marked else "")


class DocumentSection(Section):
    fields = ("document.dossier_no", "document.date", "document.authority")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Legal document"))
        settings = QgsSettings()
        self.dossier = QLineEdit(self)
        self.dossier.setObjectName("dossierNo")
        self.dossier.setPlaceholderText(self.tr("e.g. 012345.CN.001"))
        self.date = _date_edit(self, "documentDate")
        self.authority = QLineEdit(settings.value(SETTINGS_AUTHORITY, "", type=str), self)
        self.authority.setObjectName("authority")
        officer = settings.value(SETTINGS_OFFICER, "", type=str) or \
            os.environ.get("CADASTRE_USER") or os.environ.get("USER", "")
        self.officer = QLineEdit(officer, self)
        self.officer.setObjectName("recordedBy")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        form = QFormLayout(self)
        form.addRow(self.tr("Dossier number"), self.dossier)
        form.addRow(self.tr("Document date"), self.date)
        form.addRow(self.tr("Deciding authority"), self.authority)
        form.addRow(self.tr("Recorded by"), self.officer)
        form.addRow(self.tr("Note"), self.note)

    def fill(self, draft, context, ttype) -> list:
        draft.document = LegalDocument(self.dossier.text().strip(), _date(self.date),
                                       self.authority.text().strip())
        draft.recorded_by = self.officer.text().strip()
        draft.note = self.note.text().strip()
        return []

    def remember(self) -> None:
        """Authority and officer are the same dossier after dossier: keep them for next time."""
        QgsSettings().setValue(SETTINGS_AUTHORITY, self.authority.text().strip())
        QgsSettings().setValue(SETTINGS_OFFICER, self.officer.text().strip())


class ReleaseSection(Section):
    fields = ("release",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Mortgage to release"))
        self.choice = QComboBox(self)
        self.choice.setObjectName("release")
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)

    def configure(self, ttype, context) -> None:
        if self.choice.count():
            return
        for parcel in context.parcels:
            for uuid, creditor, registered in parcel.mortgages:
                self.choice.addItem(self.tr("{parcel}: {creditor}, registered {date}").format(
                    parcel=parcel.label, creditor=creditor, date=date_text(registered)), uuid)

    def fill(self, draft, context, ttype) -> list:
        if self.choice.currentData():
            draft.release_uuids = [self.choice.currentData()]
        return []


class CertificateSection(Section):
    fields = ("certificate",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Issue a new certificate"))
        self.setCheckable(True)
        self.setChecked(False)
        self.serial = QLineEdit(self)
        self.serial.setObjectName("certificateSerial")
        self.serial.setPlaceholderText(self.tr("e.g. DA 123456"))
        self.entry_no = QLineEdit(self)
        self.entry_no.setObjectName("certificateEntry")
        self.issue_date = _date_edit(self, "certificateDate")
        self.authority = QLineEdit(self)
        self.authority.setObjectName("certificateAuthority")
        form = QFormLayout(self)
        form.addRow(self.tr("Serial number"), self.serial)
        form.addRow(self.tr("Entry number"), self.entry_no)
        form.addRow(self.tr("Issue date"), self.issue_date)
        form.addRow(self.tr("Issuing authority"), self.authority)

    def configure(self, ttype, context) -> None:
        required = "certificate" in ttype.required
        self.setCheckable(not required)
        if not required:
            self.setChecked(False)

    def fill(self, draft, context, ttype) -> list:
        if not self.isCheckable() or self.isChecked():
            draft.certificate = CertificateInput(
                self.serial.text().strip(), self.entry_no.text().strip(),
                _date(self.issue_date), self.authority.text().strip())
        return []


class GeometrySection(Section):
    fields = ("geometry",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Split or merge"))
        self.merge = QRadioButton(self.tr("Merge the selected parcels"), self)
        self.merge.setObjectName("mergeParcels")
        self.split = QRadioButton(self.tr("Cut off an area from the parcel"), self)
        self.split.setObjectName("splitArea")
        self.area = QDoubleSpinBox(self)
        self.area.setObjectName("splitAreaValue")
        self.area.setRange(0.0, 1e9)
        self.area.setDecimals(1)
        self.area.setSuffix(" m²")
        self.side = QSpinBox(self)
        self.side.setObjectName("splitSide")
        self.side.setRange(1, 999)
        self.side.setPrefix(self.tr("parallel to side "))
        row = QHBoxLayout()
        row.addWidget(self.split)
        row.addWidget(self.area)
        row.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.merge)
        layout.addLayout(row)

    def configure(self, ttype, context) -> None:
        several = len(context.parcels) > 1
        (self.merge if several else self.split).setChecked(True)
        self.merge.setEnabled(several)
        if not several and not self.area.value():
            self.area.setValue(round((context.parcels[0].area or 0) / 2, 1))

    def fill(self, draft, context, ttype) -> list:
        if self.merge.isChecked():
            draft.geometry = Merge(tuple(context.uuids))
        elif self.split.isChecked() and context.parcels:
            draft.geometry = SplitByArea(context.parcels[0].uuid, self.area.value(),
                                         edge_index=self.side.value() - 1)
        return []


class ParcelChangesSection(Section):
    fields = ("parcel_changes",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Parcel information"))
        self.landuse = QComboBox(self)
        self.landuse.setObjectName("landuse")
        self.landuse.setEditable(True)  # composite values such as ONT+CLN are typed
        codes = codelists.load("landuse")
        for code in codes.codes:
            self.landuse.addItem(f"{code} – {codes.name(code, ui_language())}", code)
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.legal_area = QLineEdit(self)
        self.legal_area.setObjectName("legalArea")
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Land use"), self.landuse)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Legal area (m²)"), self.legal_area)
        self.rows = {"landuse": self.landuse, "address": self.address,
                     "legal_area": self.legal_area}
        self.current = {}

    def configure(self, ttype, context) -> None:
        parcel = context.parcels[0]
        self.current = {"landuse": parcel.landuse, "address": parcel.address,
                        "legal_area": "" if parcel.legal_area is None else
                        f"{parcel.legal_area:.1f}"}
        for key, widget in self.rows.items():
            shown = key in ttype.parcel_fields
            widget.setVisible(shown)
            self.form.labelForField(widget).setVisible(shown)
        self.set_landuse(parcel.landuse)
        self.address.setText(parcel.address)
        self.legal_area.setText(self.current["legal_area"])

    def set_landuse(self, value: str) -> None:
        index = self.landuse.findData(value)
        if index >= 0:
            self.landuse.setCurrentIndex(index)
        else:
            self.landuse.setEditText(value)

    def landuse_value(self) -> str:
        text = self.landuse.currentText().strip()
        index = self.landuse.findText(text)
        return self.landuse.itemData(index) if index >= 0 else text.split(" ")[0]

    def fill(self, draft, context, ttype) -> list:
        values = {"landuse": self.landuse_value(), "address": self.address.text().strip(),
                  "legal_area": self.legal_area.text().strip().replace(",", ".")}
        for key in ttype.parcel_fields:
            if values[key] != self.current.get(key):
                draft.parcel_changes[key] = values[key] or None
        return []


class TermSection(Section):
    fields = ("term_end",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Land-use term"))
        self.term_end = _date_edit(self, "termEnd")
        self.long_term = QCheckBox(self.tr("Long-term use"), self)
        self.long_term.setObjectName("longTerm")
        self.long_term.toggled.connect(lambda on: self.term_end.setEnabled(not on))
        self.given = QCheckBox(self.tr("Change the term"), self)
        self.given.setObjectName("termGiven")
        form = QFormLayout(self)
        form.addRow(self.given)
        form.addRow(self.tr("New end of the term"), self.term_end)
        form.addRow(self.long_term)

    def configure(self, ttype, context) -> None:
        required = "term_end" in ttype.required
        self.given.setVisible(not required)
        self.given.setChecked(required)
        self.long_term.setVisible(ttype.effect == "landuse")
        term = context.parcels[0].term_end
        if term:
            self.term_end.setDate(QDate.fromString(term, "yyyy-MM-dd"))

    def fill(self, draft, context, ttype) -> list:
        if self.given.isChecked():
            draft.term_end = LONG_TERM if self.long_term.isChecked() and \
                self.long_term.isVisible() else _date(self.term_end)
        return []


class ScansSection(Section):
    fields = ("documents",)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_plain_title(self.tr("Scanned documents"))
        self.list = QListWidget(self)
        self.list.setObjectName("scans")
        self.list.setMaximumHeight(90)
        self.role = QComboBox(self)
        self.role.setObjectName("scanRole")
        for code, names in ROLES.items():
            self.role.addItem(names[0] if ui_language() == "vi" else names[1], code)
        self.add_button = QPushButton(self.tr("Add scan…"), self)
        self.add_button.setObjectName("addScan")
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))
        row = QHBoxLayout()
        row.addWidget(self.role, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add scanned documents"), "",
            self.tr("Scans (*.pdf *.jpg *.jpeg *.tif *.tiff)"))
        for path in paths:
            self.add_file(path, self.role.currentData())

    def add_file(self, path: str, role: str) -> None:
        role_name = self.role.itemText(self.role.findData(role))
        item = QListWidgetItem(f"{os.path.basename(path)} · {role_name}")
        item.setData(ROLE, (path, role))
        item.setToolTip(path)
        self.list.addItem(item)

    def fill(self, draft, context, ttype) -> list:
        draft.documents = [DocumentInput(*self.list.item(i).data(ROLE))
                           for i in range(self.list.count())]
        return []
