"""Shared boundary edit: press on a boundary vertex (or on a boundary segment, to move both of
its ends), drag, release. Every parcel that holds the vertex follows, previewed while
dragging; Esc during the drag cancels.

The preview is the core's :class:`VertexMove` prepared once on press from the parcels around
the vertex; ``geometries()`` only rewrites coordinates, so it keeps up with the mouse. The
release writes :func:`apply_move_vertex` / :func:`apply_move_segment`, which validates the
result and checks the neighbourhood.
"""
from __future__ import annotations

import numpy as np
from qgis.core import QgsPointLocator, QgsPointXY, QgsWkbTypes
from qgis.PyQt.QtCore import Qt

from ..core.edit.apply import apply_move_segment, apply_move_vertex
from ..core.edit.shared_vertex import prepare_moves
from ..core.messages import CadastreError
from ..ui.errors import show_error
from ..ui.locale import ui_language
from .base import ParcelMapTool
from .feedback import CursorLabel, drop, rubber_band, show_geometry
from .geometry import parcels_in
from .split_preview import format_area


class _NotTheDragged(QgsPointLocator.MatchFilter):
    """Snapping while dragging must not catch what is being dragged: the vertices where they
    were, and the edges that move with them (the layer still has them in place)."""

    def __init__(self, points):
        super().__init__()
        self.points = np.asarray(points, dtype=float)  # map coordinates

    def _moving(self, p) -> bool:
        return bool((np.abs(self.points - (p.x(), p.y())).max(axis=1) < 1e-6).any())

    def acceptMatch(self, match):  # noqa: N802 (QGIS's name)
        if match.hasEdge():
            return not any(self._moving(p) for p in match.edgePoints())
        return not self._moving(match.point())


class SharedVertexTool(ParcelMapTool):
    def __init__(self, canvas, layer, runner, snapping):
        super().__init__(canvas, layer, runner, snapping)
        self.move = None  # VertexMove while dragging
        self.snap_filter = None
        self.start = None  # (x, y) where the drag started (layer coordinates)
        self.labels = {}  # fid -> "sheet/number" of the parcels that follow
        self.areas = {}  # fid -> area before the move
        self.bands = {}
        self.label = CursorLabel(canvas)
        self.preview_text = ""
        self.preview = {}  # fid -> polygon shown (also read by tests)

    def reset(self) -> None:
        if self.move is not None:
            self.canvas().keyPressed.disconnect(self._key_while_dragging)
        self.move = self.start = self.snap_filter = None
        self.labels, self.areas, self.preview = {}, {}, {}
        self.preview_text = ""
        for band in self.bands.values():
            drop(self.canvas(), band)
        self.bands = {}
        self.label.hide()

    # -- gestures --------------------------------------------------------------------------
    def canvasPressEvent(self, event):  # noqa: N802
        if event.button() != Qt.LeftButton:
            return
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        if not match.isValid() or match.layer() is not self.layer:
            return
        if match.hasVertex():
            p = self.toLayerCoordinates(self.layer, match.point())
            ends = [(p.x(), p.y())]
        elif match.hasEdge():
            ends = [(q.x(), q.y()) for q in (self.toLayerCoordinates(self.layer, e)
                                             for e in match.edgePoints())]
        else:
            return
        self._prepare(ends, self.layer_point(event))

    def canvasMoveEvent(self, event):  # noqa: N802
        point = self.snap(event, self.snap_filter)
        if self.move is None:
            return
        self._show(self._targets((point.x(), point.y())))
        self.label.show_text(self.preview_text, event.pos())

    def canvasReleaseEvent(self, event):  # noqa: N802
        if self.move is None or event.button() != Qt.LeftButton:
            return
        point = self.snap(event, self.snap_filter)
        new = self._targets((point.x(), point.y()))
        old, start = self.move.targets.copy(), self.start
        self.reset()
        if (new == old).all():  # a click without a drag
            return
        title = self.tr("Move shared boundary")
        if len(old) == 1:
            self.runner.run(self.layer, title, lambda wc: apply_move_vertex(wc, old[0], new[0]))
        else:
            offset = np.asarray((point.x(), point.y())) - np.asarray(start)
            self.runner.run(self.layer, title, lambda wc: apply_move_segment(
                wc, old[0], old[1], offset))

    # -- the move --------------------------------------------------------------------------
    def _prepare(self, ends, press) -> None:
        xy = np.asarray(ends, dtype=float)
        pad = 1.0
        lo, hi = xy.min(axis=0) - pad, xy.max(axis=0) + pad
        parcels = parcels_in(self.layer, (lo[0], lo[1], hi[0], hi[1]))
        context = self.edit_context()
        if context is None:
            return
        tolerance = min((context.tolerance(p.sheet_no) for p in parcels),
                        default=context.tolerance(None))
        labels = {p.fid: p.label for p in parcels}
        try:
            move = prepare_moves({p.fid: p.geometry for p in parcels}, xy, tolerance, labels)
        except CadastreError as error:
            show_error(self.runner.iface, self.tr("Move shared boundary"), error)
            return
        self.move = move
        # While a mouse button is down the canvas keeps key presses from the map tool and
        # only signals them: listen there, so that Esc cancels the drag.
        self.canvas().keyPressed.connect(self._key_while_dragging)
        # A segment is dragged by where it was grabbed; a vertex sits under the pointer.
        self.start = (press.x(), press.y()) if len(ends) > 1 else tuple(move.targets[0])
        self.snap_filter = _NotTheDragged([
            (q.x(), q.y()) for q in (self.toMapCoordinates(self.layer, QgsPointXY(*t))
                                     for t in move.targets)])
        self.labels = {k: labels[k] for k in move.keys}
        self.areas = {p.fid: p.geometry.area for p in parcels if p.fid in self.labels}
        for key in move.keys:
            self.bands[key] = rubber_band(self.canvas(), QgsWkbTypes.PolygonGeometry, width=2)

    def _targets(self, point) -> np.ndarray:
        if len(self.move.targets) == 1:
            return np.asarray([point], dtype=float)
        return self.move.targets + (np.asarray(point) - np.asarray(self.start))

    def _show(self, new) -> None:
        self.preview = self.move.geometries(new)
        lang = ui_language()
        lines = []
        for key, geom in self.preview.items():
            show_geometry(self.bands[key], geom, self.layer)
            lines.append(f"{self.labels[key]}: {format_area(self.areas[key], lang)} → "
                         f"{format_area(geom.area, lang)}")
        self.preview_text = "\n".join(lines)

    def _key_while_dragging(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.reset()
            event.accept()
