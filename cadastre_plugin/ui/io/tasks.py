"""The DGN import as a QGIS background task.

The worker thread only runs the core import (files in, working copy out): it touches no QGIS
layer or project. The plugin opens the result on the main thread when the task is done.

The import runs in a Python thread that the task waits for, not directly in the task's pooled
thread: pyproj (used when a new working copy registers its CRS) crashes the second time it
runs on a reused QThreadPool thread, whose Python thread state is made and dropped per task.
"""
from __future__ import annotations

import threading

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication


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
        worker = threading.Thread(target=self._import, name="cadastre-dgn-import")
        worker.start()
        worker.join()
        if self.error is not None:
            return False
        self.setProgress(100)
        return True

    def _import(self) -> None:
        from ...io.dgn_import import import_dgn

        try:
            self.report = import_dgn(self.dgn, self.output, self.commune, self.sheet_no,
                                     self.scale)
        except Exception as error:  # noqa: BLE001 - shown on the main thread by the plugin
            self.error = error
