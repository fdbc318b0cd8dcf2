"""Runs one core editing operation for a tool, and everything around it in QGIS.

Before: the parcel layer's edit buffer must be empty; the core writes the file directly, and
an unsaved QGIS edit of the same parcels would either be lost or overwrite the operation.
After: the layer is reloaded from the file, the new parcels are selected, the result summary
(numbers, areas, warnings) and any new quality problem of the neighbourhood are shown on the
message bar in the user's language, the problems highlighted on the map. Failures are shown
the same way, never raised: a map tool has nobody to raise to.
"""
from __future__ import annotations

from typing import Callable, Optional

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.messages import ValidationFailed
from ..core.working_copy import WorkingCopy
from ..ui.errors import LOG_TAG, show_error
from ..ui.locale import ui_language
from .feedback import Highlights

# Problems listed in the message bar; the rest are counted (all are highlighted).
_LISTED = 3


class OperationRunner(QObject):
    """``path_of(layer)`` gives the working copy of a parcel layer (None for other layers)."""

    #: The OperationResult or RevertResult of an operation that was written.
    operation_done = pyqtSignal(object)

    def __init__(self, iface, canvas, path_of: Callable):
        super().__init__()
        self.iface = iface
        self.canvas = canvas
        self.path_of = path_of
        self.highlights = Highlights(canvas)
        self.last_report = None  # NeighbourhoodReport of the last operation (or None)

    # -- guards ----------------------------------------------------------------------------
    def _ready(self, layer, title: str) -> Optional[str]:
        path = self.path_of(layer) if layer is not None else None
        if path is None:
            self._push(title, self.tr("Select the parcel layer of a Cadastre Editor working "
                                      "copy"), Qgis.Warning)
            return None
        if layer.isEditable() and layer.isModified():
            self._push(title, self.tr(
                "The parcel layer has unsaved edits. Save or discard them (Toggle Editing) "
                "before using the parcel tools, which write to the working copy directly."),
                Qgis.Warning)
            return None
        return path

    # -- running ---------------------------------------------------------------------------
    def run(self, layer, title: str, operation: Callable):
        """``operation(wc)`` -> OperationResult, on the working copy of ``layer``. Returns the
        result, or None when it was refused (the reason is on the message bar)."""
        path = self._ready(layer, title)
        if path is None:
            return None
        self.highlights.clear()
        try:
            with WorkingCopy.open(path) as wc:
                result = operation(wc)
                report = self._check(wc, result)
                fids = _fids(wc, result.created or result.updated)
        except Exception as error:  # noqa: BLE001 - every failure is shown, none is raised
            self._show_error(title, error)
            return None
        self._refresh(layer, fids)
        self.last_report = report
        self._report(layer, title, result, report)
        self.operation_done.emit(result)
        return result

    def undo_last(self, layer, title: str):
        """Undo the newest parcel operation of ``layer``'s working copy."""
        from ..core.edit.revert import last_operation, revert_operation

        path = self._ready(layer, title)
        if path is None:
            return None
        self.highlights.clear()
        try:
            with WorkingCopy.open(path) as wc:
                last = last_operation(wc)
                if last is None:
                    self._push(title, self.tr("There is no parcel operation to undo."),
                               Qgis.Info)
                    return None
                result = revert_operation(wc, last[0])
                fids = _fids(wc, result.restored)
        except Exception as error:  # noqa: BLE001
            self._show_error(title, error)
            return None
        self._refresh(layer, fids)
        self._push(title, result.summary(ui_language()), Qgis.Success)
        self.operation_done.emit(result)
        return result

    def _check(self, wc, result):
        """The quality engine on the neighbourhood; its own failure must not hide that the
        operation itself succeeded, so it is logged and the operation reported anyway."""
        from ..core.edit.neighbourhood_check import check_result

        try:
            return check_result(wc, result)
        except Exception as error:  # noqa: BLE001
            QgsMessageLog.logMessage(f"Neighbourhood check failed: {error!r}", LOG_TAG,
                                     Qgis.Warning)
            return None

    # -- after -----------------------------------------------------------------------------
    def _refresh(self, layer, fids) -> None:
        # The core wrote the file behind QGIS's back: re-read it (this also drops the snapping
        # index of the layer, so the new vertices snap at once).
        layer.dataProvider().reloadData()
        layer.updateExtents()
        layer.selectByIds(list(fids))
        layer.triggerRepaint()

    def _report(self, layer, title, result, report) -> None:
        lang = ui_language()
        lines = [result.summary(lang)] + [w.text(lang) for w in result.warnings]
        level = Qgis.Warning if result.warnings else Qgis.Success
        if report is not None and report.findings:
            level = Qgis.Warning
            lines.append(self.tr("New quality problems around the edit ({count}):").format(
                count=len(report.findings)))
            lines += [f"• {text}" for text in report.messages(lang)[:_LISTED]]
            if len(report.findings) > _LISTED:
                lines.append(self.tr("…and {count} more, outlined in red on the map.").format(
                    count=len(report.findings) - _LISTED))
            self.highlights.show([f.geometry for f in report.findings], layer)
        self._push(title, "\n".join(lines), level)

    def _push(self, title: str, text: str, level) -> None:
        duration = 0 if level in (Qgis.Warning, Qgis.Critical) else 8
        self.iface.messageBar().pushMessage(title, text, level=level, duration=duration)

    def _show_error(self, title: str, error: BaseException) -> None:
        if isinstance(error, ValidationFailed) and len(error.issues) > 1:
            lang = ui_language()
            text = "\n".join(f"• {issue.text(lang)}" for issue in error.issues)
            self.iface.messageBar().pushMessage(title, text, level=Qgis.Critical, duration=0)
            return
        show_error(self.iface, title, error)


def _fids(wc, uuids) -> list:
    uuids = list(uuids)
    if not uuids:
        return []
    marks = ",".join("?" * len(uuids))
    return [r[0] for r in wc.conn.execute(
        f"SELECT fid FROM parcels WHERE uuid IN ({marks})", uuids)]
