"""What the tools draw on the canvas: rubber bands for previews, a small label that follows
the cursor with the live areas, and highlights of new quality problems."""
from __future__ import annotations

from qgis.core import QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QLabel

from .geometry import to_qgs

PREVIEW = QColor(230, 120, 0)
PIECE_A = QColor(40, 120, 220, 70)
PIECE_B = QColor(40, 180, 90, 70)
PROBLEM = QColor(220, 0, 0)


def rubber_band(canvas, kind=QgsWkbTypes.LineGeometry, color=PREVIEW, fill=None, width=2):
    band = QgsRubberBand(canvas, kind)
    band.setStrokeColor(color)
    band.setFillColor(fill if fill is not None else QColor(0, 0, 0, 0))
    band.setWidth(width)
    return band


def show_geometry(band, geom, layer) -> None:
    """Draw a shapely geometry (layer CRS) on ``band``."""
    band.setToGeometry(to_qgs(geom), layer)


def drop(canvas, band) -> None:
    """Remove a rubber band from the canvas for good."""
    if band is not None:
        band.reset()
        canvas.scene().removeItem(band)


def _kind(geom):
    if "Point" in geom.geom_type:
        return QgsWkbTypes.PointGeometry
    if "LineString" in geom.geom_type:
        return QgsWkbTypes.LineGeometry
    return QgsWkbTypes.PolygonGeometry


class CursorLabel(QLabel):
    """A small text box beside the mouse pointer: the live areas while drawing."""

    OFFSET = QPoint(16, 16)

    def __init__(self, canvas):
        super().__init__(canvas.viewport())
        self.setObjectName("CadastreEditorCursorLabel")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { background: rgba(255, 255, 240, 230); color: #202020; "
                           "border: 1px solid #a08040; padding: 2px 4px; }")
        self.hide()

    def show_text(self, text: str, pos: QPoint) -> None:
        if not text:
            self.hide()
            return
        self.setText(text)
        self.adjustSize()
        self.move(pos + self.OFFSET)
        self.show()


class Highlights:
    """Outlines of problem locations (quality findings) until the next operation."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.bands = []

    def show(self, geometries, layer) -> None:
        self.clear()
        for geom in geometries:
            if geom is None or geom.is_empty:
                continue
            band = rubber_band(self.canvas, _kind(geom), PROBLEM, QColor(220, 0, 0, 50), 3)
            band.setIconSize(14)
            show_geometry(band, geom, layer)
            self.bands.append(band)

    def clear(self) -> None:
        for band in self.bands:
            drop(self.canvas, band)
        self.bands = []
