"""The check and the fixes as QGIS background tasks: listed in QGIS's task manager with a
progress bar and a cancel button, while the user interface stays live.

``run`` executes in a worker thread: it calls the Qt-free functions of :mod:`.session`, which
open the working copy themselves. The results are picked up on the main thread from the
``taskCompleted``/``taskTerminated`` signals.
"""
from __future__ import annotations

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from ...core.quality.run import Cancelled
from .session import fix_and_recheck, full_check


class _CoreTask(QgsTask):
    def __init__(self, description: str):
        super().__init__(description, QgsTask.CanCancel)
        self.value = None
        self.error = None
        self.cancelled = False

    def _progress(self, fraction: float) -> bool:
        self.setProgress(100.0 * min(max(fraction, 0.0), 1.0))
        return not self.isCanceled()

    def run(self) -> bool:
        try:
            self.value = self.work()
        except Cancelled:
            self.cancelled = True
            return False
        except Exception as error:  # noqa: BLE001 - reported on the main thread
            self.error = error
            return False
        return True

    def work(self):
        raise NotImplementedError


class CheckTask(_CoreTask):
    """Reads the working copy at ``path`` and runs every rule: ``value`` is a QualitySession."""

    def __init__(self, path: str):
        super().__init__(QCoreApplication.translate("QualityTasks", "Checking topology"))
        self.path = path

    def work(self):
        return full_check(self.path, self._progress)


class FixTask(_CoreTask):
    """Fixes ``findings`` of ``session`` and re-checks around them: ``value`` is a FixReport.
    A cancel stops between two fixes; what was fixed so far stays fixed and is re-checked."""

    def __init__(self, session, findings):
        super().__init__(QCoreApplication.translate("QualityTasks", "Fixing topology errors"))
        self.session = session
        self.findings = list(findings)

    def work(self):
        return fix_and_recheck(self.session, self.findings, self._progress)
