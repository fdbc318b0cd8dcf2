"""CAD-GAP: land between parcels that no parcel covers and that is narrower than the tolerance
(a sliver). Wider land between parcels (roads, canals) is not a gap: it is simply not parcel
land."""
from __future__ import annotations

import numpy as np
import shapely

from ..engine import NotFixable, Rule, fmt_area, fmt_length
from ..gaps import narrow_gaps
from ..snapping import snap_candidates, tidied


class Gap(Rule):
    id = "CAD-GAP"
    name_en = "Gap or sliver between parcels"
    name_vi = "Khe hở giữa các thửa"
    severity = "error"
    fixable = True

    def check(self, ctx) -> list:
        width = self.tolerance_in(ctx)
        gaps, borders = narrow_gaps(ctx, width)
        if len(gaps) == 0:
            return []
        areas = shapely.area(gaps)
        widths = _widths(ctx, gaps, width)
        out = []
        for gap, (rows, shared), area, w in zip(gaps, borders, areas, widths):
            en, vi = ctx.labels(rows)
            out.append(self.finding(
                ctx, rows, gap,
                f"Gap of {fmt_area(area)} m², at most {fmt_length(w)} wide, between "
                f"{', '.join(en)}: no parcel covers it. Give it to a neighbour (automatic fix) "
                "or move the boundary.",
                f"Khe hở {fmt_area(area)} m², rộng nhất {fmt_length(w)}, giữa {', '.join(vi)}: "
                "không thửa nào bao phủ. Hãy nhập vào thửa bên cạnh (sửa tự động) hoặc chỉnh "
                "ranh giới.", area=float(area), width=float(w),
                shared={int(r): float(x) for r, x in zip(rows, shared)}))
        return out

    def fixes(self, ctx, finding):
        """The gap goes to the bordering parcel that shares the longest edge with it."""
        gap = finding.geometry
        rows = np.array(finding.rows)
        shared = np.array([finding.details["shared"][int(r)] for r in rows])
        tried = False
        tol = self.tolerance_in(ctx)
        for r in rows[np.argsort(-shared, kind="stable")]:
            merged = tidied(ctx, int(r), shapely.union(ctx.geoms[r], gap), tol)
            if merged.geom_type == "Polygon" and merged.is_valid:
                tried = True
                yield {int(r): merged}
        # Thin slivers: snapping one side onto the other closes them without new vertices.
        for candidate in snap_candidates(ctx, rows, tol):
            tried = True
            yield candidate
        if not tried:
            raise NotFixable(
                "The gap does not join any bordering parcel into one polygon; move the "
                "boundary by hand.",
                "Khe hở không nhập được vào thửa bên cạnh nào thành một vùng; hãy chỉnh ranh "
                "giới thủ công.")


def _widths(ctx, gaps, tolerance: float) -> np.ndarray:
    """Widest point of each gap (the diameter of its largest inscribed circle, to 1 % of the
    tolerance). Remembered by geometry: the fix engine re-checks the same gaps many times."""
    memo = ctx.attr_cached("gap_widths", dict)
    keys = [g.wkb for g in gaps]
    todo = [k for k, key in enumerate(keys) if key not in memo]
    if todo:
        found = 2 * shapely.length(shapely.maximum_inscribed_circle(gaps[todo], tolerance / 100))
        memo.update(zip((keys[k] for k in todo), found.tolist()))
    return np.array([memo[key] for key in keys])
