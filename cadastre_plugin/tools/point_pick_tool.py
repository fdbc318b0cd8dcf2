"""Click one point on the map, snapped to the parcel boundaries: the start of a traverse."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt, pyqtSignal

from .base import ParcelMapTool


class PointPickTool(ParcelMapTool):
    #: (easting, northing) in the parcel layer's CRS.
    picked = pyqtSignal(float, float)

    def reset(self) -> None:
        """Nothing is in progress between clicks."""

    def canvasMoveEvent(self, event):  # noqa: N802
        self.snap(event)

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton:
            point = self.snap(event)
            self.picked.emit(point.x(), point.y())
