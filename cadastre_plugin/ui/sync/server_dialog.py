"""The "Sync server…" dialog: the address of the central server and the access token.

The token field is never filled back in: a stored token stays in QGIS's authentication
database, and leaving the field empty keeps it."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                                 QLabel, QLineEdit, QVBoxLayout)

from ..dialog_buttons import confirm_buttons
from ..errors import error_text
from .credentials import authcfg_for, known_servers, save_server


class SyncServerDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CadastreSyncServerDialog")
        self.setWindowTitle(self.tr("Sync server"))
        self.authcfg = None

        intro = QLabel(self.tr(
            "The central land database this office synchronises with. The token is stored "
            "encrypted in QGIS's authentication database (protected by your master password), "
            "never in a project or a working copy."))
        intro.setWordWrap(True)

        self.url_combo = QComboBox(self)
        self.url_combo.setEditable(True)
        self.url_combo.addItems(known_servers())
        self.url_combo.lineEdit().setPlaceholderText("https://server.example.gov.vn")
        self.token_edit = QLineEdit(self)
        self.token_edit.setEchoMode(QLineEdit.Password)
        self.allow_http = QCheckBox(self.tr("Allow unencrypted http (test servers only)"), self)
        self.message = QLabel(self)
        self.message.setObjectName("CadastreSyncServerMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")

        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.url_combo)
        form.addRow(self.tr("Access token"), self.token_edit)
        form.addRow("", self.allow_http)

        self.buttons = confirm_buttons(self, self.tr("Save"), self.save, QDialogButtonBox.Save)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.url_combo.currentTextChanged.connect(self._update_token_hint)
        self._update_token_hint()

    def url(self) -> str:
        return self.url_combo.currentText().strip()

    def _update_token_hint(self, *_args) -> None:
        stored = bool(self.url()) and authcfg_for(self.url()) is not None
        self.token_edit.setPlaceholderText(
            self.tr("Stored; leave empty to keep it") if stored else
            self.tr("The token the server administrator gave you"))

    def save(self) -> None:
        """Store the token; the dialog closes only when it was stored, else it says why."""
        try:
            self.authcfg = save_server(self.url(), self.token_edit.text(),
                                       self.allow_http.isChecked())
        except Exception as error:  # noqa: BLE001 - shown in the dialog, which stays open
            self.message.setText(error_text(error))
            return
        self.token_edit.clear()
        self.accept()
