"""CAD-NEAR-COINCIDENT: a vertex within the tolerance of a neighbour's boundary but not on it.
Closer than the survey's accuracy, the two must be the same point: left apart they leave a
sliver or a thin overlap, and the next edit snaps to the wrong one."""
from __future__ import annotations

import numpy as np
import shapely

from ..coverage import flagged, invalid_edges
from ..engine import NotFixable, Rule, fmt_length
from ..overlaps import duplicate_pairs
from ..snapping import snap_candidates
from ..vertex_edit import insert_vertex, move_vertices


class NearCoincident(Rule):
    id = "CAD-NEAR-COINCIDENT"
    name_en = "Near-coincident boundary"
    name_vi = "Ranh giới gần trùng nhưng không khớp"
    severity = "warning"
    fixable = True

    def check(self, ctx) -> list:
        tol = self.tolerance_in(ctx)
        eps = ctx.tolerances.on_edge
        rows = flagged(ctx, tol)
        if rows.size == 0:
            return []
        # Only the vertices of edges the coverage validator flagged can be stray.
        xy, owner = shapely.get_coordinates(invalid_edges(ctx, rows, tol), return_index=True)
        owner = rows[owner]
        key = np.unique(np.column_stack([owner, xy]), axis=0)
        owner, xy = key[:, 0].astype(np.int64), key[:, 1:]
        points = shapely.points(xy)
        qi, nb = ctx.tree.query(shapely.box(xy[:, 0] - tol, xy[:, 1] - tol, xy[:, 0] + tol,
                                            xy[:, 1] + tol))
        qi, nb = self._with_edited(ctx, points, tol, qi, nb)
        keep = (nb != owner[qi]) & ctx.usable(nb)
        qi, nb = qi[keep], nb[keep]
        da, db, _ = duplicate_pairs(ctx, tol)
        twins = np.concatenate([da * ctx.n + db, db * ctx.n + da])
        keep = ~np.isin(owner[qi] * ctx.n + nb, twins)
        qi, nb = qi[keep], nb[keep]
        dist = shapely.distance(points[qi], shapely.boundary(ctx.geoms[nb]))
        near = (dist > eps) & (dist <= tol)
        qi, nb, dist = qi[near], nb[near], dist[near]
        keep = ~self._beside_shared_vertex(ctx, owner[qi], xy[qi], nb, tol, eps)
        qi, nb, dist = qi[keep], nb[keep], dist[keep]
        out = []
        for k in np.unique(qi).tolist():
            mine = qi == k
            i = int(owner[k])
            others = nb[mine]
            if not (ctx.in_scope[i] or ctx.in_scope[others].any()):
                continue
            closest = int(others[np.argmin(dist[mine])])
            d = float(dist[mine].min())
            en, vi = ctx.labels([i, closest])
            x, y = xy[k]
            out.append(self.finding(
                ctx, [i, *sorted(set(others.tolist()))], points[k],
                f"Vertex ({x:.3f}, {y:.3f}) of {en[0]} is {fmt_length(d)} from the boundary of "
                f"{en[1]} but not on it: snap it onto that boundary.",
                f"Đỉnh ({x:.3f}, {y:.3f}) của {vi[0]} cách ranh giới {vi[1]} {fmt_length(d)} "
                "nhưng không nằm trên đó: hãy bắt dính đỉnh vào ranh giới.",
                vertex=(float(x), float(y)), neighbour=closest, distance=d))
        return out

    @staticmethod
    def _beside_shared_vertex(ctx, owner, xy, nb, tol, eps) -> np.ndarray:
        """A vertex that is near the neighbour only because it sits next to one of its own
        vertices that the neighbour shares is a near-duplicate vertex (its own rule), not a
        near-coincidence: snapping it would stack two vertices."""
        out = np.zeros(len(owner), dtype=bool)
        for k, (i, v, j) in enumerate(zip(owner.tolist(), xy, nb.tolist())):
            own = shapely.get_coordinates(ctx.geoms[i])
            d = np.hypot(*(own - v).T)
            close = own[(d > 0) & (d <= tol)]
            if len(close):
                out[k] = bool(shapely.dwithin(shapely.points(close),
                                              shapely.boundary(ctx.geoms[j]), eps).any())
        return out

    @staticmethod
    def _with_edited(ctx, points, tol, qi, nb):
        dirty = ctx._shared.dirty
        if not dirty.any():
            return qi, nb
        keep = ~dirty[nb]
        extra_q, extra_n = np.meshgrid(np.arange(len(points)), np.flatnonzero(dirty), indexing="ij")
        return (np.concatenate([qi[keep], extra_q.ravel()]),
                np.concatenate([nb[keep], extra_n.ravel()]))

    def fixes(self, ctx, finding):
        """Move the vertex onto the neighbour's nearest vertex if one is within the tolerance,
        else onto its nearest boundary point, which is then added to the neighbour as a vertex
        too, so that both boundaries share it exactly."""
        row = finding.rows[0]
        other = finding.details["neighbour"]
        mine, theirs = ctx.geoms[row], ctx.geoms[other]
        if mine.geom_type != "Polygon" or theirs.geom_type != "Polygon":
            raise NotFixable("Only single polygons are repaired automatically.",
                             "Chỉ sửa tự động được thửa là một vùng đơn.")
        v = np.array(finding.details["vertex"])
        tol = self.tolerance_in(ctx)
        their_xy = shapely.get_coordinates(theirs)
        d = np.hypot(*(their_xy - v).T)
        if d.min() <= tol:
            target = their_xy[np.argmin(d)]
            moved = move_vertices(mine, v, target)
            if moved.is_valid:
                yield {row: moved}
        edge = shapely.boundary(theirs)
        target = np.asarray(shapely.shortest_line(shapely.Point(v), edge).coords[1])
        moved = move_vertices(mine, v, target)
        extended = insert_vertex(theirs, target, ctx.tolerances.on_edge * 10)
        if moved.is_valid and extended.is_valid:
            yield {row: moved, other: extended}
        yield from snap_candidates(ctx, [row, other], tol)
