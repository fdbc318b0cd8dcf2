"""Split a parcel by a drawn line, or cut a given area off it, on a working copy."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import shapely
from shapely.geometry import LineString

from ..messages import CadastreError
from ..working_copy import WorkingCopy
from .edit_session import EditSession, ParcelRow, run_edit
from .operation_result import OperationResult
from .split_area import ParallelCut, VertexCut, below_minimum
from .split_line import check_polygon, split_by_line


def _parcel_under_line(edit: EditSession, line: LineString, tolerance: float | None) -> ParcelRow:
    """The one parcel a drawn line crosses completely, or a message to select one.

    A line drawn from outside to outside usually overshoots into the neighbours; it ends
    inside them, so they are not candidates."""
    rows = edit.in_bbox(line.bounds)
    ends = shapely.points(np.asarray(line.coords)[[0, -1]])

    def crossed(r: ParcelRow) -> bool:
        if not shapely.relate_pattern(line, r.geom, "1********"):
            return False
        reach = edit.tolerance([r], tolerance)
        inside = shapely.contains(r.geom, ends) & (shapely.distance(r.geom.boundary, ends) > reach)
        return not inside.any()

    hit = [r for r in rows if crossed(r)]
    if len(hit) == 1:
        hit[0].parcel.geometry = check_polygon(hit[0].geom, hit[0].label)
        return hit[0]
    if not hit:
        raise CadastreError(
            "SPLIT_NO_PARCEL",
            "The line does not cross any parcel; draw it across the parcel to split.",
            "Đường vẽ không cắt qua thửa nào; hãy vẽ cắt ngang qua thửa cần tách.")
    names = ", ".join(sorted(r.label for r in hit))
    raise CadastreError(
        "SPLIT_SEVERAL_PARCELS",
        f"The line crosses several parcels ({names}); select the one to split first.",
        f"Đường vẽ cắt qua nhiều thửa ({names}); hãy chọn trước thửa cần tách.", names)


def apply_split_line(wc: WorkingCopy, line, parcel_uuid: str | None = None, *,
                     tolerance: float | None = None, min_split_area: float | None = None,
                     citation: str = "", legal_areas: Sequence | None = None,
                     transaction_uuid: str | None = None, actor: str | None = None
                     ) -> OperationResult:
    """Split a parcel (``parcel_uuid``, or the one parcel the line cuts) by a drawn line."""
    def body(edit: EditSession):
        line_ = LineString(line) if not isinstance(line, LineString) else line
        parent = (edit.parcels([parcel_uuid])[0] if parcel_uuid
                  else _parcel_under_line(edit, line_, tolerance))
        tol = edit.tolerance([parent], tolerance)
        split = split_by_line(parent.geom, line_, tol, where=parent.label)
        warnings = below_minimum(split.pieces, min_split_area, citation, parent.label)
        return edit.replace([parent], split.pieces, split.nodes, tol, legal_areas,
                            warnings=warnings)
    return run_edit(wc, "split", actor, transaction_uuid, body)


def apply_split_area(wc: WorkingCopy, parcel_uuid: str, area: float, *,
                     edge_index: int | None = None, vertex_index: int | None = None,
                     along_next: bool = True, tolerance: float | None = None,
                     min_split_area: float | None = None, citation: str = "",
                     legal_areas: Sequence | None = None, transaction_uuid: str | None = None,
                     actor: str | None = None) -> OperationResult:
    """Cut ``area`` m² off a parcel, parallel to side ``edge_index`` or through vertex
    ``vertex_index``. ``created`` lists the cut piece first, then the remainder;
    ``legal_areas`` (if given) follows that order."""
    if (edge_index is None) == (vertex_index is None):
        raise CadastreError(
            "SPLIT_AREA_MODE",
            "Choose either a side (cut parallel to it) or a vertex (cut through it), not both.",
            "Hãy chọn hoặc một cạnh (cắt song song với cạnh) hoặc một đỉnh (cắt qua đỉnh), "
            "không chọn cả hai.")

    def body(edit: EditSession):
        parent = edit.parcels([parcel_uuid])[0]
        tol = edit.tolerance([parent], tolerance)
        cutter = (ParallelCut(parent.geom, edge_index, parent.label) if edge_index is not None
                  else VertexCut(parent.geom, vertex_index, along_next, parent.label))
        split = cutter.split(area, tol, min_split_area, citation)
        return edit.replace([parent], split.pieces, split.nodes, tol, legal_areas,
                            warnings=split.warnings)
    return run_edit(wc, "split_area", actor, transaction_uuid, body)
