"""What every parcel map tool shares: the layer it works on, snapping to that layer while
active, the snapping indicator, and map <-> layer coordinates.

The tools are not flagged as QGIS "edit tools": QGIS drops an edit tool as soon as the active
layer is not in edit mode, and these tools work on a layer that is not (the core writes the
file). Texts here go through ``QCoreApplication.translate`` with a fixed context: PyQt's
``self.tr`` would look them up under each subclass's name.
"""
from __future__ import annotations

from qgis.core import QgsApplication, QgsPointLocator, QgsPointXY
from qgis.gui import QgsMapTool, QgsSnapIndicator
from qgis.PyQt.QtCore import QCoreApplication, Qt

from ..ui.errors import show_error
from .edit_context import EditContext


class ParcelMapTool(QgsMapTool):
    """Subclasses implement the gestures and :meth:`reset` (forget the gesture in progress)."""

    def __init__(self, canvas, layer, runner, snapping):
        super().__init__(canvas)
        self.layer = layer
        self.runner = runner
        self.snapping = snapping
        self.context = None  # EditContext, read when the tool starts
        self.indicator = QgsSnapIndicator(canvas)
        self.setCursor(QgsApplication.getThemeCursor(QgsApplication.Cursor.CapturePoint))

    # -- life cycle ------------------------------------------------------------------------
    def set_layer(self, layer) -> None:
        if layer is not self.layer:
            self.reset()
            self.layer = layer
            self.context = None
            if self.isActive():
                self.snapping.apply(layer)

    def activate(self):
        super().activate()
        self.snapping.apply(self.layer)

    def deactivate(self):
        self.reset()
        self.indicator.setMatch(QgsPointLocator.Match())
        self.snapping.restore()
        super().deactivate()

    def reset(self) -> None:
        raise NotImplementedError

    def edit_context(self):
        """The working copy's sheets and thresholds, read on first use (None after showing
        why it cannot be read)."""
        if self.context is None:
            path = self.runner.path_of(self.layer)
            try:
                self.context = EditContext.read(path)
            except Exception as error:  # noqa: BLE001 - shown to the user
                show_error(self.runner.iface, QCoreApplication.translate(
                    "ParcelMapTool", "Cannot read the working copy"), error)
                return None
        return self.context

    # -- input -----------------------------------------------------------------------------
    def snap(self, event, match_filter=None) -> QgsPointXY:
        """The event's position snapped to the parcel layer (when in reach, and accepted by
        ``match_filter``), in layer coordinates; the snapping indicator follows."""
        utils = self.canvas().snappingUtils()
        match = (utils.snapToMap(event.pos(), match_filter) if match_filter is not None
                 else utils.snapToMap(event.pos()))
        self.indicator.setMatch(match)
        point = match.point() if match.isValid() else event.mapPoint()
        return self.toLayerCoordinates(self.layer, point)

    def layer_point(self, event) -> QgsPointXY:
        return self.toLayerCoordinates(self.layer, event.mapPoint())

    def keyPressEvent(self, event):  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key_Escape:
            self.reset()
            event.accept()
            return
        event.ignore()
