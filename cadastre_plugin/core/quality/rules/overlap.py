"""CAD-OVERLAP: two parcels whose interiors share land (more than the area tolerance). The
error geometry is the overlap itself. Parcels drawn twice are reported as duplicates instead."""
from __future__ import annotations

import numpy as np
import shapely

from ..engine import NotFixable, Rule, fmt_area
from ..overlaps import duplicate_pairs, overlaps
from ..snapping import snap_candidates, tidied


class Overlap(Rule):
    id = "CAD-OVERLAP"
    name_en = "Overlapping parcels"
    name_vi = "Các thửa chồng lấn"
    severity = "error"
    fixable = True

    def check(self, ctx) -> list:
        a, b, inter, area = overlaps(ctx)
        if a.size == 0:
            return []
        # The duplicate rule reports these pairs, with the same tolerance.
        da, db, _ = duplicate_pairs(ctx, self.tolerance_in(ctx))
        twins = set(zip(da.tolist(), db.tolist()))
        out = []
        for i, j, geom, ar in zip(a.tolist(), b.tolist(), inter, area):
            if (i, j) in twins:
                continue
            (en_i, en_j), (vi_i, vi_j) = ctx.labels([i, j])
            out.append(self.finding(
                ctx, [i, j], geom,
                f"{en_i} and {en_j} overlap by {fmt_area(ar)} m²: the same land cannot belong "
                "to both. Move the shared boundary, or remove the overlap from one parcel.",
                f"{vi_i} và {vi_j} chồng lấn {fmt_area(ar)} m²: cùng một phần đất không thể "
                "thuộc cả hai thửa. Hãy chỉnh ranh giới chung hoặc cắt phần chồng lấn khỏi "
                "một thửa.", area=float(ar)))
        return out

    def fixes(self, ctx, finding):
        """Remove the overlap from the parcel whose boundary cuts into the other: the one whose
        edges make up more of the overlap's outline (it is the one that was drawn across)."""
        rows = np.array(finding.rows)
        overlap = finding.geometry
        eps = ctx.tolerances.on_edge * 100
        edge = shapely.boundary(overlap)
        own = shapely.length(shapely.intersection(
            edge, shapely.buffer(shapely.boundary(ctx.geoms[rows]), eps, cap_style="flat")))
        tried = False
        tol = self.tolerance_in(ctx)
        for r in rows[np.argsort(-own, kind="stable")]:
            cut = shapely.difference(ctx.geoms[r], overlap)
            if cut.geom_type == "Polygon" and cut.is_valid and not cut.is_empty:
                tried = True
                yield {int(r): tidied(ctx, int(r), cut, tol)}
        # Thin overlaps: snapping one side onto the other removes them without new vertices.
        for candidate in snap_candidates(ctx, rows, tol):
            tried = True
            yield candidate
        if not tried:
            raise NotFixable(
                "Removing the overlap from either parcel would break it into pieces; move the "
                "boundary by hand.",
                "Cắt phần chồng lấn khỏi thửa nào cũng làm thửa bị chia cắt; hãy chỉnh ranh "
                "giới thủ công.")
