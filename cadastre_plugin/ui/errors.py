"""Show the core's errors to the user in QGIS's language, on the message bar, never as a
traceback."""
from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import CadastreError
from .locale import ui_language

LOG_TAG = "Cadastre Editor"


def error_text(error: BaseException) -> str:
    if isinstance(error, CadastreError):
        return error.text(ui_language())
    # Not one of ours: an unexpected failure. Say so plainly; the details go to the log panel.
    return QCoreApplication.translate(
        "Errors", "Unexpected error: {error}. Details are in the log panel (Cadastre Editor)."
    ).format(error=f"{type(error).__name__}: {error}")


def show_error(iface, title: str, error: BaseException) -> str:
    """Push ``error`` on the message bar under ``title``; returns the text shown."""
    text = error_text(error)
    if not isinstance(error, CadastreError):
        import traceback

        QgsMessageLog.logMessage(
            "".join(traceback.format_exception(type(error), error, error.__traceback__)),
            LOG_TAG, Qgis.Critical)
    iface.messageBar().pushMessage(title, text, level=Qgis.Critical, duration=0)
    return text


def show_success(iface, title: str, text: str) -> None:
    iface.messageBar().pushMessage(title, text, level=Qgis.Success, duration=8)
