"""CAD-DUPLICATE-VERTEX: two consecutive boundary vertices at the same place, or closer than
the tolerance (closer than the survey can tell apart). They make editing tools snap to the
wrong point and hide spikes."""
from __future__ import annotations

import numpy as np
import shapely

from ..engine import NotFixable, Rule, fmt_length
from ..vertex_edit import on_boundaries, remove_vertex
from ..vertices import vertex_table


class DuplicateVertex(Rule):
    id = "CAD-DUPLICATE-VERTEX"
    name_en = "Duplicate or near-duplicate vertices"
    name_vi = "Đỉnh trùng hoặc gần trùng"
    severity = "warning"
    fixable = True

    def check(self, ctx) -> list:
        t = vertex_table(ctx)
        if len(t.x) < 2:
            return []
        tol = self.tolerance_in(ctx)
        dx, dy = t.x[1:] - t.x[:-1], t.y[1:] - t.y[:-1]
        step2 = dx * dx + dy * dy
        # Pairs (i, i+1) inside one ring: i is not a ring's closing coordinate.
        k = np.flatnonzero((step2 <= tol * tol) & ~t.closing[:-1])
        out = []
        for i, ring_id in zip(k.tolist(), t.ring_of(k).tolist()):
            row = int(t.ring_row[ring_id])
            d = float(np.sqrt(step2[i]))
            u, v = (t.x[i], t.y[i]), (t.x[i + 1], t.y[i + 1])
            en, vi = ctx.label(row)
            ring = int(t.ring_no[ring_id])
            pos = int(i - t.ring_start[ring_id])
            if d == 0:
                geometry = shapely.Point(v)
                what_en, what_vi = "twice", "hai lần"
            else:
                geometry = shapely.LineString([u, v])
                what_en = f"twice, {fmt_length(d)} apart"
                what_vi = f"hai lần, cách nhau {fmt_length(d)}"
            out.append(self.finding(
                ctx, [row], geometry,
                f"{en}: vertex ({v[0]:.3f}, {v[1]:.3f}) is recorded {what_en}: remove one.",
                f"{vi}: đỉnh ({v[0]:.3f}, {v[1]:.3f}) được ghi {what_vi}: hãy xoá một đỉnh.",
                ring=ring, position=pos, distance=d))
        return out

    def fixes(self, ctx, finding):
        """Remove one of the two; keep the one a neighbour's boundary passes through, since
        removing that one would open a gap or an overlap with the neighbour."""
        row = finding.rows[0]
        geom = ctx.geoms[row]
        if geom.geom_type != "Polygon":
            raise NotFixable("Only single polygons are repaired automatically.",
                             "Chỉ sửa tự động được thửa là một vùng đơn.")
        ring, pos = finding.details["ring"], finding.details["position"]
        coords = np.asarray(shapely.get_rings(geom)[ring].coords)
        pts = shapely.points(coords[[pos, pos + 1]])
        nb = ctx.neighbour_rows([row], ctx.tolerances.distance)
        shared = on_boundaries(pts, ctx.geoms[nb[ctx.usable(nb)]], ctx.tolerances.on_edge * 10)
        # Remove the later vertex unless only it is shared.
        order = [pos, pos + 1] if shared[1] and not shared[0] else [pos + 1, pos]
        for p in order:
            candidate = remove_vertex(geom, ring, p)
            if candidate is not None and candidate.is_valid:
                yield {row: candidate}
