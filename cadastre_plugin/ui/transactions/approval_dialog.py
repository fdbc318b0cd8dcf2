"""The officer's decision on a submitted transaction: who decides, and for a rejection, why.

Only asks; the history dock calls the core (core/transactions/approval.py), which journals the
decision for the next push, where the server accepts it from an officer's token only.
"""
from __future__ import annotations

import os

from qgis.core import QgsSettings
from qgis.PyQt.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                                 QPlainTextEdit, QVBoxLayout)

from ..dialog_buttons import confirm_buttons
from .record_sections import SETTINGS_OFFICER


class DecisionDialog(QDialog):
    def __init__(self, reject: bool, summary: str, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreDecisionDialog")
        self.is_reject = reject
        self.setWindowTitle(self.tr("Reject transaction") if reject
                            else self.tr("Approve transaction"))
        intro = QLabel(summary, self)
        intro.setWordWrap(True)
        explain = QLabel(self.tr(
            "The rejection and its reason are sent to the server with the next push; the "
            "surveyor sees them in the parcel history.") if reject else self.tr(
            "Once approved, the transaction is the legal record. The approval is sent to the "
            "server with the next push, which accepts it from an officer's token only."), self)
        explain.setWordWrap(True)
        settings = QgsSettings()
        officer = settings.value(SETTINGS_OFFICER, "", type=str) or \
            os.environ.get("CADASTRE_USER") or os.environ.get("USER", "")
        self.officer = QLineEdit(officer, self)
        self.officer.setObjectName("decidedBy")
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("rejectionReason")
        self.reason.setPlaceholderText(self.tr("What is wrong or missing in the dossier"))
        form = QFormLayout()
        form.addRow(self.tr("Officer"), self.officer)
        if reject:
            form.addRow(self.tr("Reason"), self.reason)
        else:
            self.reason.hide()
        self.buttons = confirm_buttons(self, self.tr("Reject") if reject else self.tr("Approve"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.officer.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ready = bool(self.officer.text().strip()) and (
            not self.is_reject or bool(self.reason.toPlainText().strip()))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ready)

    def accept(self) -> None:
        QgsSettings().setValue(SETTINGS_OFFICER, self.officer.text().strip())
        super().accept()
