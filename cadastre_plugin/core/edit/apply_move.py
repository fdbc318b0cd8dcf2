"""Move shared boundary vertices (or a segment) on a working copy: every parcel holding them
follows."""
from __future__ import annotations

import numpy as np
import shapely

from ..messages import CadastreError
from ..working_copy import WorkingCopy
from .edit_session import MAX_TOLERANCE, EditSession, run_edit
from .operation_result import OperationResult
from .shared_vertex import format_xy, prepare_moves


def apply_move_vertices(wc: WorkingCopy, old_positions, new_positions, *,
                        tolerance: float | None = None, actor: str | None = None,
                        transaction_uuid: str | None = None) -> OperationResult:
    """Move boundary vertices (each nearest to one of ``old_positions``) to
    ``new_positions`` in every parcel that holds them; areas recomputed."""
    old = np.asarray(old_positions, dtype=float).reshape(-1, 2)
    new = np.asarray(new_positions, dtype=float).reshape(-1, 2)

    def body(edit: EditSession):
        r = tolerance if tolerance is not None else MAX_TOLERANCE
        lo, hi = old.min(axis=0) - r, old.max(axis=0) + r
        near = edit.in_bbox((lo[0], lo[1], hi[0], hi[1]))
        if not near:
            raise CadastreError(
                "MOVE_NO_VERTEX",
                f"There is no parcel near {format_xy(*old[0])}; click on a boundary vertex.",
                f"Không có thửa nào gần {format_xy(*old[0])}; hãy bấm vào một đỉnh ranh giới.",
                format_xy(*old[0]))
        tol = edit.tolerance(near, tolerance)
        # Everything that the moved polygons could reach: their boxes and the new positions.
        holders = prepare_moves({x.fid: x.geom for x in near}, old, tol).keys
        boxes = np.array([shapely.bounds(x.geom) for x in near if x.fid in holders])
        lo = np.minimum(boxes[:, :2].min(axis=0), new.min(axis=0)) - tol
        hi = np.maximum(boxes[:, 2:].max(axis=0), new.max(axis=0)) + tol
        rows = {x.fid: x for x in edit.in_bbox((lo[0], lo[1], hi[0], hi[1]))}
        labels = {fid: x.label for fid, x in rows.items()}
        move = prepare_moves({fid: x.geom for fid, x in rows.items()}, old, tol, labels)
        updated = move.commit(new)
        fids = list(rows)
        before = [rows[f].geom for f in fids]
        after = [updated.get(f, rows[f].geom) for f in fids]
        edit.check(before, after, [labels[f] for f in fids], tol)
        areas = edit.areas([updated[f] for f in updated])
        for fid, area in zip(updated, areas):
            edit.update_geometry(rows[fid], updated[fid], area)
        return edit.result
    return run_edit(wc, "move_vertex", actor, transaction_uuid, body)


def apply_move_vertex(wc: WorkingCopy, old_xy, new_xy, **kwargs) -> OperationResult:
    """Move one shared boundary vertex (see :func:`apply_move_vertices`)."""
    return apply_move_vertices(wc, [old_xy], [new_xy], **kwargs)


def apply_move_segment(wc: WorkingCopy, start_xy, end_xy, offset, **kwargs) -> OperationResult:
    """Move a shared boundary segment by ``offset`` = (dx, dy)."""
    ends = np.array([start_xy, end_xy], dtype=float)
    return apply_move_vertices(wc, ends, ends + np.asarray(offset, dtype=float), **kwargs)
