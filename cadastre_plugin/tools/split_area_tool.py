"""Split by area: click the parcel, then near the side (parallel cut) or the vertex (rotating
cut) to cut from; the cut line and both areas follow the mouse; click, Enter or the panel's
Split button cuts the area shown in the panel. Typing an area pins the line to it. Esc goes
back one step.

The preview is the core's :class:`ParallelCut`/:class:`VertexCut` (``param_at``, ``preview``,
``solve``): NumPy on the parcel's coordinates, microseconds per mouse move. The cut itself is
:func:`apply_split_area` with the same side or vertex index, so what was previewed is what is
written (to 0.01 m²).
"""
from __future__ import annotations

import numpy as np
import shapely
from qgis.core import QgsWkbTypes
from qgis.PyQt.QtCore import Qt

from ..core.edit.apply import apply_split_area
from ..core.edit.split_area import ParallelCut, VertexCut
from ..core.messages import CadastreError
from ..ui.errors import error_text, show_error
from ..ui.locale import ui_language
from .base import ParcelMapTool
from .feedback import CursorLabel, drop, rubber_band, show_geometry
from .geometry import parcel_at, parcels_by_id, polygon_of
from .split_area_panel import PARALLEL
from .split_preview import area_text, format_area


class SplitAreaTool(ParcelMapTool):
    def __init__(self, canvas, layer, runner, snapping, panel):
        super().__init__(canvas, layer, runner, snapping)
        self.panel = panel
        self.parcel = None  # LayerParcel being split
        self.polygon = None
        self.cutter = None  # ParallelCut or VertexCut, once a side or vertex is chosen
        self.pick = None  # ("edge" | "vertex", index) nearest the mouse, before choosing
        self.pinned = None  # area typed by the user (m²), or None: follow the mouse
        self.preview = None  # the CutPreview shown
        self.label = CursorLabel(canvas)
        self.preview_text = ""
        self.pick_band = None
        self.line_band = None
        panel.mode_changed.connect(self._mode_changed)
        panel.flip_changed.connect(self._mode_changed)
        panel.target_typed.connect(self._typed)
        panel.apply_requested.connect(self.apply)
        panel.reset_requested.connect(self.reset)

    # -- life cycle ------------------------------------------------------------------------
    def activate(self):
        super().activate()
        self.panel.show()
        selected = self.layer.selectedFeatureIds()
        if len(selected) == 1:
            found = parcels_by_id(self.layer, selected)
            if found:
                self._choose_parcel(found[0])
        self._show_panel()

    def deactivate(self):
        super().deactivate()
        self.panel.hide()

    def reset(self) -> None:
        self.parcel = self.polygon = None
        self._back_to_picking()

    def _back_to_picking(self) -> None:
        self.cutter = self.pick = self.pinned = self.preview = None
        self.preview_text = ""
        for name in ("pick_band", "line_band"):
            drop(self.canvas(), getattr(self, name))
            setattr(self, name, None)
        self.label.hide()
        self._show_panel()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self._step_back()
            event.accept()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.apply()
            event.accept()
        else:
            event.ignore()

    # -- gestures --------------------------------------------------------------------------
    def canvasMoveEvent(self, event):  # noqa: N802
        point = self.layer_point(event)
        if self.parcel is None:
            return
        if self.cutter is None:
            self.pick = self._nearest(point.x(), point.y())
            self._show_pick()
            return
        self._follow(point.x(), point.y())
        self.label.show_text(self.preview_text, event.pos())

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.RightButton:
            self._step_back()
            return
        if event.button() != Qt.LeftButton:
            return
        point = self.layer_point(event)
        x, y = point.x(), point.y()
        if self.parcel is None or (self.cutter is None and not self._near_parcel(x, y)):
            found = parcel_at(self.layer, x, y)
            if found is not None:
                self._choose_parcel(found)
            return
        if self.cutter is None:
            self.pick = self._nearest(x, y)
            self._make_cutter()
            if self.cutter is not None:
                self._follow(x, y)
            return
        self._follow(x, y)
        self.apply()

    def _step_back(self) -> None:
        if self.cutter is not None:
            self._back_to_picking()
        else:
            self.reset()

    # -- choosing --------------------------------------------------------------------------
    def _choose_parcel(self, parcel) -> None:
        try:
            polygon = polygon_of(parcel)
        except CadastreError as error:
            show_error(self.runner.iface, self.tr("Split by area"), error)
            return
        self._back_to_picking()
        self.parcel, self.polygon = parcel, polygon
        self.layer.selectByIds([parcel.fid])
        self._show_panel()

    def _near_parcel(self, x, y) -> bool:
        """Clicks this close to the chosen parcel pick its side or vertex; farther ones pick
        another parcel."""
        reach = 20 * self.canvas().mapUnitsPerPixel()
        return self.polygon.distance(shapely.Point(x, y)) <= reach

    def _nearest(self, x, y):
        ring = np.asarray(self.polygon.exterior.coords)[:, :2]
        p = np.array([x, y])
        if self.panel.mode() == PARALLEL:
            a, b = ring[:-1], ring[1:]
            ab = b - a
            t = np.clip(((p - a) * ab).sum(axis=1) / (ab * ab).sum(axis=1), 0.0, 1.0)
            d = np.hypot(*(a + t[:, None] * ab - p).T)
            return "edge", int(d.argmin())
        return "vertex", int(np.hypot(*(ring[:-1] - p).T).argmin())

    def _show_pick(self) -> None:
        if self.pick is None:
            return
        ring = np.asarray(self.polygon.exterior.coords)[:, :2]
        kind, i = self.pick
        if self.pick_band is None:
            self.pick_band = rubber_band(self.canvas(), QgsWkbTypes.LineGeometry, width=4)
        geom = (shapely.LineString(ring[i:i + 2]) if kind == "edge"
                else shapely.Point(ring[i]).buffer(2 * self.canvas().mapUnitsPerPixel()))
        show_geometry(self.pick_band, geom, self.layer)

    def _make_cutter(self) -> None:
        kind, index = self.pick
        try:
            if kind == "edge":
                self.cutter = ParallelCut(self.polygon, index, self.parcel.label)
            else:
                self.cutter = VertexCut(self.polygon, index, not self.panel.flip.isChecked(),
                                        self.parcel.label)
        except CadastreError as error:
            self.cutter = None
            show_error(self.runner.iface, self.tr("Split by area"), error)
            return
        self._show_pick()

    def _mode_changed(self, *_args) -> None:
        if self.parcel is not None:
            self._back_to_picking()

    def _typed(self, area: float) -> None:
        self.pinned = area if area > 0 else None
        if self.cutter is None or self.pinned is None:
            return
        try:
            param = self.cutter.solve(self.pinned)
        except CadastreError as error:
            self.panel.show_state(self._parcel_text(), "", error_text(error))
            return
        self._preview(param)

    # -- preview ---------------------------------------------------------------------------
    def _follow(self, x, y) -> None:
        """The cut at the mouse, unless the user typed an area: then the cut for that."""
        if self.pinned is not None:
            if self.preview is None or abs(self.preview.cut_area - self.pinned) > 0.005:
                self._typed(self.pinned)
            return
        self._preview(self.cutter.param_at(x, y))
        self.panel.set_area(self.preview.cut_area)

    def _preview(self, param) -> None:
        self.preview = self.cutter.preview(param)
        if self.line_band is None:
            self.line_band = rubber_band(self.canvas(), QgsWkbTypes.LineGeometry)
        show_geometry(self.line_band, self.preview.line, self.layer)
        self._show_panel()

    def _minimum(self):
        context = self.edit_context()
        return context.minimum_area(self.parcel.landuse) if context else None

    def _parcel_text(self) -> str:
        lang = ui_language()
        return self.tr("Parcel {parcel}, {area}").format(
            parcel=self.parcel.label, area=format_area(self.polygon.area, lang))

    def _show_panel(self) -> None:
        if self.parcel is None:
            self.panel.show_state(None, None, None)
            return
        if self.preview is None:
            hint = (self.tr("Click near the side to cut parallel to")
                    if self.panel.mode() == PARALLEL
                    else self.tr("Click near the vertex to cut through"))
            self.panel.show_state(self._parcel_text() + "\n" + hint, None, None)
            return
        lang = ui_language()
        areas = (self.preview.cut_area, self.preview.remainder_area)
        minimum = self._minimum()
        self.preview_text = area_text(self.parcel.label, areas, minimum, lang)
        text = self.tr("Cut off: {cut} — remainder: {rest}").format(
            cut=format_area(areas[0], lang), rest=format_area(areas[1], lang))
        warning = None
        if minimum is not None and min(areas) < minimum.area:
            warning = self.tr(
                "A piece would be below the minimum split area of {area} ({citation}); it may "
                "only be split off if merged with a neighbour in the same procedure.").format(
                    area=format_area(minimum.area, lang),
                    citation=minimum.citation or self.tr("plugin setting"))
        self.panel.show_state(self._parcel_text(), text, warning)

    # -- the operation ---------------------------------------------------------------------
    def apply(self) -> None:
        if self.cutter is None:
            return
        area = self.pinned if self.pinned is not None else self.panel.area.value()
        kind, index = self.pick
        parcel, along_next = self.parcel, not self.panel.flip.isChecked()
        minimum = self._minimum()
        mode = {"edge_index": index} if kind == "edge" else {"vertex_index": index,
                                                             "along_next": along_next}
        result = self.runner.run(
            self.layer, self.tr("Split by area"),
            lambda wc: apply_split_area(
                wc, parcel.uuid, area, min_split_area=minimum.area if minimum else None,
                citation=minimum.citation if minimum else "", **mode))
        if result is not None:
            self.reset()
