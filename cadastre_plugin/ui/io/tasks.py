"""The DGN import as a QGIS background task.

The worker thread only runs the core import (files in, working copy out): it touches no QGIS
layer or project. The plugin opens the result on the main thread when the task is done.

The import runs through :func:`..plain_thread.run_in_plain_thread` (the pyproj pitfall).
"""
from __future__ import annotations

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from ..plain_thread import run_in_plain_thread


class DgnImportTask(QgsTask):
    def __init__(self, dgn: str, output: str, commune, sheet_no: int, scale: int):
        super().__init__(QCoreApplication.translate(
            "DgnImportTask", "Importing DGN sheet {sheet}").format(sheet=sheet_no),
            QgsTask.Flags())  # the core import cannot stop half-way
        self.dgn = dgn
        self.output = output
        self.commune = commune
        self.sheet_no = sheet_no
        self.scale = scale
        self.report = None
        self.error = None

    def run(self) -> bool:
        try:
            self.report = run_in_plain_thread(self._import, "cadastre-dgn-import")
        except Exception as error:  # noqa: BLE001 - shown on the main thread by the plugin
            self.error = error
            return False
        self.setProgress(100)
        return True

    def _import(self):
        from ...io.dgn_import import import_dgn

        return import_dgn(self.dgn, self.output, self.commune, self.sheet_no, self.scale)
