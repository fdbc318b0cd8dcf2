"""Which language the plugin speaks: the one QGIS itself runs in."""
from __future__ import annotations

import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n")


def qgis_locale() -> str:
    """QGIS's user interface locale, e.g. 'vi', 'vi_VN' or 'en_US'.

    QGIS stores the chosen locale under 'locale/userLocale' but only uses it when
    'locale/overrideFlag' is set; otherwise it follows the system locale, like QLocale().
    """
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        chosen = settings.value("locale/userLocale", "", type=str)
        if chosen:
            return chosen
    return QLocale().name()


def ui_language() -> str:
    """'vi' when QGIS runs in Vietnamese, else 'en': picks the text of core messages."""
    return "vi" if qgis_locale().lower().startswith("vi") else "en"


def install_translator() -> QTranslator | None:
    """Install the compiled Vietnamese translation when QGIS runs in Vietnamese.

    Returns the installed translator (to remove on unload), or None when English is wanted or
    the .qm is missing (a source checkout before `make build`): English is the source language,
    so the plugin still works, just untranslated.
    """
    if ui_language() != "vi":
        return None
    translator = QTranslator()
    if not translator.load(os.path.join(I18N_DIR, "cadastre_vi.qm")):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
