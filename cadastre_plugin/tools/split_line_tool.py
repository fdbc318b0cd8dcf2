"""Split by line: click the points of the cut (snapped to the parcels), see the pieces and
their areas while moving, right-click (or Enter) to split, Backspace to take back a point,
Esc to start over."""
from __future__ import annotations

import shapely
from qgis.core import QgsWkbTypes
from qgis.PyQt.QtCore import Qt
from shapely.geometry import LineString

from ..core.edit.apply import apply_split_line
from ..core.edit.split_line import split_by_line
from ..core.messages import CadastreError
from ..ui.locale import ui_language
from .base import ParcelMapTool
from .feedback import PIECE_A, PIECE_B, CursorLabel, drop, rubber_band, show_geometry
from .geometry import parcels_in
from .split_preview import area_text


class SplitLineTool(ParcelMapTool):
    def __init__(self, canvas, layer, runner, snapping):
        super().__init__(canvas, layer, runner, snapping)
        self.points = []  # (x, y) in layer coordinates
        self.line_band = None
        self.piece_bands = []
        self.label = CursorLabel(canvas)
        self.preview_text = ""  # what the label shows (also read by tests)
        self.target = None  # LayerParcel the current line splits, when exactly one

    def reset(self) -> None:
        self.points = []
        self.target = None
        self.preview_text = ""
        drop(self.canvas(), self.line_band)
        self.line_band = None
        self._drop_pieces()
        self.label.hide()

    def _drop_pieces(self) -> None:
        for band in self.piece_bands:
            drop(self.canvas(), band)
        self.piece_bands = []

    # -- gestures --------------------------------------------------------------------------
    def canvasMoveEvent(self, event):  # noqa: N802
        point = self.snap(event)
        if not self.points:
            return
        self._preview(self.points + [(point.x(), point.y())])
        self.label.show_text(self.preview_text, event.pos())

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.RightButton:
            self.finish()
            return
        if event.button() != Qt.LeftButton:
            return
        point = self.snap(event)
        xy = (point.x(), point.y())
        if not self.points or self.points[-1] != xy:
            self.points.append(xy)
        self._preview(self.points)

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.finish()
            event.accept()
        elif event.key() in (Qt.Key_Backspace, Qt.Key_Delete) and self.points:
            self.points.pop()
            self._preview(self.points)
            event.accept()
        else:
            super().keyPressEvent(event)

    # -- preview ---------------------------------------------------------------------------
    def _preview(self, coords) -> None:
        if self.line_band is None:
            self.line_band = rubber_band(self.canvas(), QgsWkbTypes.LineGeometry)
        self._drop_pieces()
        self.target = None
        self.preview_text = ""
        if len(coords) < 2 or len(set(coords)) < 2:
            self.line_band.reset(QgsWkbTypes.LineGeometry)
            return
        line = LineString(coords)
        show_geometry(self.line_band, line, self.layer)
        context = self.edit_context()
        if context is None:
            return
        splits = []
        for parcel in parcels_in(self.layer, line.bounds):
            if not shapely.relate_pattern(line, parcel.geometry, "1********"):
                continue
            try:
                split = split_by_line(parcel.geometry, line, context.tolerance(parcel.sheet_no),
                                      where=parcel.label)
            except CadastreError:
                continue  # the line does not (yet) cut this one
            splits.append((parcel, split))
        if len(splits) > 1:
            chosen = [s for s in splits if s[0].fid in set(self.layer.selectedFeatureIds())]
            splits = chosen if len(chosen) == 1 else splits
        if len(splits) != 1:
            self.preview_text = "" if not splits else self.tr(
                "The line cuts several parcels: select the one to split")
            return
        parcel, split = splits[0]
        self.target = parcel
        for k, piece in enumerate(split.pieces):
            band = rubber_band(self.canvas(), QgsWkbTypes.PolygonGeometry,
                               fill=PIECE_A if k % 2 == 0 else PIECE_B, width=1)
            show_geometry(band, piece, self.layer)
            self.piece_bands.append(band)
        minimum = context.minimum_area(parcel.landuse)
        self.preview_text = area_text(parcel.label, split.areas, minimum, ui_language())

    # -- the operation ---------------------------------------------------------------------
    def finish(self) -> None:
        if len(self.points) < 2:
            self.reset()
            return
        line = list(self.points)
        target = self.target
        context = self.edit_context()
        minimum = context.minimum_area(target.landuse) if context and target else None
        self.reset()
        self.runner.run(
            self.layer, self.tr("Split parcel"),
            lambda wc: apply_split_line(
                wc, line, target.uuid if target else None,
                min_split_area=minimum.area if minimum else None,
                citation=minimum.citation if minimum else ""))
