"""The confirm / Cancel row of the plugin's dialogs: the confirm button says what it does
("Import", "Check out", "Record"...), as QGIS's own dialogs do, and Cancel is translated here
once rather than in every dialog."""
from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDialogButtonBox


def confirm_buttons(dialog, text: str, on_confirm=None,
                    standard=QDialogButtonBox.Ok) -> QDialogButtonBox:
    """Buttons for ``dialog``: ``standard`` labelled ``text`` runs ``on_confirm`` (default:
    accept), Cancel rejects."""
    buttons = QDialogButtonBox(standard | QDialogButtonBox.Cancel, dialog)
    buttons.button(standard).setText(text)
    buttons.button(QDialogButtonBox.Cancel).setText(
        QCoreApplication.translate("DialogButtons", "Cancel"))
    buttons.accepted.connect(on_confirm or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
