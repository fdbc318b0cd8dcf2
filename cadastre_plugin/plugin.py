"""The QGIS entry point: what ``classFactory`` returns.

Start-up stays cheap (SPEC 5: at most 300 ms added to QGIS start): dialogs, the dock and the
demo generator are imported only when their action is first used.
"""
from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication

from . import resources_rc  # noqa: F401 - registers the icons (built by `make build`)
from .ui.dependencies import missing_requirements, missing_requirements_message
from .ui.locale import install_translator, remove_translator
from .ui.native_libraries import import_with_own_libraries


class CadastrePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = None
        self.controller = None
        self.provider = None

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("CadastrePlugin", text)

    def initGui(self):  # noqa: N802 (name fixed by QGIS)
        # Before any text is created, so that every tr() below already sees the translation.
        self.translator = install_translator()
        problems = missing_requirements()
        if not problems:
            try:
                # Before the core imports them: see ui/native_libraries.py.
                import_with_own_libraries()
            except ImportError as error:
                problems = [f"{error.name or ''}: {error}"]
        if problems:
            # No action at all rather than actions that fail when clicked.
            self.iface.messageBar().pushMessage(
                self.tr("Cadastre Editor cannot start"),
                missing_requirements_message(problems),
                level=Qgis.Critical, duration=0)
            return
        from .ui.actions import CadastreActions

        self.controller = CadastreActions(self.iface)
        self.controller.install()
        self.initProcessing()

    def initProcessing(self):  # noqa: N802 (name fixed by QGIS; qgis_process calls it alone)
        if self.provider is not None:
            return
        import_with_own_libraries()  # qgis_process calls this without initGui
        from qgis.core import QgsApplication

        from .processing.provider import CadastreProvider

        self.provider = CadastreProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def unload(self):
        if self.provider is not None:
            from qgis.core import QgsApplication

            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.controller is not None:
            self.controller.remove()
            self.controller = None
        remove_translator(self.translator)
        self.translator = None
