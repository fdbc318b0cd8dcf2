"""CAD-SPIKE: a vertex where the boundary goes out and comes straight back (the two edges meet
at an angle below the spike angle, 1° by default): a digitising slip, never a real corner of
land."""
from __future__ import annotations

import numpy as np
import shapely

from ..engine import NotFixable, Rule, fmt_length
from ..vertex_edit import on_boundaries, remove_vertex
from ..vertices import vertex_table


class Spike(Rule):
    id = "CAD-SPIKE"
    name_en = "Spike"
    name_vi = "Gai nhọn trên ranh giới"
    severity = "error"
    fixable = True

    def check(self, ctx) -> list:
        t = vertex_table(ctx)
        if len(t.x) == 0:
            return []
        tol2 = self.tolerance_in(ctx) ** 2
        x, y = t.x, t.y
        first, last = t.ring_start, t.ring_start + t.ring_size - 1
        # Neighbours by slicing, not fancy indexing: the next coordinate of a ring's last vertex
        # is its closing one (= the first vertex); the previous of its first vertex is its last.
        px, py = np.empty_like(x), np.empty_like(y)
        px[1:], py[1:] = x[:-1], y[:-1]
        px[first], py[first] = x[last - 1], y[last - 1]
        nx, ny = np.empty_like(x), np.empty_like(y)
        nx[:-1], ny[:-1] = x[1:], y[1:]
        nx[-1], ny[-1] = x[-1], y[-1]  # a closing coordinate: never a vertex of its own
        ux, uy, vx, vy = px - x, py - y, nx - x, ny - y
        cross = ux * vy - uy * vx
        dot = ux * vx + uy * vy
        # angle < a  <=>  dot > 0 and |cross| < tan(a) * dot: no trigonometry on millions of
        # vertices. Edges shorter than the tolerance have no meaningful direction: those
        # vertices are near-duplicates, reported by their own rule.
        limit = np.tan(np.radians(ctx.tolerances.spike_angle))
        spike = (dot > 0) & (np.abs(cross) < limit * dot) & \
            (ux * ux + uy * uy > tol2) & (vx * vx + vy * vy > tol2)
        spike[last] = False
        spike[first[t.ring_size < 4]] = False
        out = []
        for i, ring_id in zip(*(lambda k: (k.tolist(), t.ring_of(k).tolist()))(np.flatnonzero(spike))):
            row = int(t.ring_row[ring_id])
            en, vi = ctx.label(row)
            angle = float(np.degrees(np.arctan2(abs(cross[i]), dot[i])))
            length = fmt_length(np.sqrt(min(ux[i] ** 2 + uy[i] ** 2, vx[i] ** 2 + vy[i] ** 2)))
            out.append(self.finding(
                ctx, [row], shapely.Point(x[i], y[i]),
                f"{en}: spike at ({x[i]:.3f}, {y[i]:.3f}), the boundary runs out {length} and "
                f"back at {angle:.2f}°: remove the vertex.",
                f"{vi}: gai nhọn tại ({x[i]:.3f}, {y[i]:.3f}), ranh giới chạy ra {length} rồi "
                f"quay lại với góc {angle:.2f}°: hãy xoá đỉnh này.",
                ring=int(t.ring_no[ring_id]), position=int(i - t.ring_start[ring_id]),
                angle=angle))
        return out

    def fixes(self, ctx, finding):
        """Remove the spike's tip; if its two base vertices then sit closer than the tolerance,
        merge them too (keeping the one a neighbour shares), or a near-duplicate would remain."""
        row = finding.rows[0]
        geom = ctx.geoms[row]
        if geom.geom_type != "Polygon":
            raise NotFixable("Only single polygons are repaired automatically.",
                             "Chỉ sửa tự động được thửa là một vùng đơn.")
        ring, pos = finding.details["ring"], finding.details["position"]
        cut = remove_vertex(geom, ring, pos)
        if cut is None:
            raise NotFixable("The parcel would have fewer than three vertices left.",
                             "Thửa sẽ còn ít hơn ba đỉnh.")
        coords = np.asarray(shapely.get_rings(cut)[ring].coords)[:-1]
        a, b = (pos - 1) % len(coords), pos % len(coords)
        if np.hypot(*(coords[a] - coords[b])) <= self.tolerance_in(ctx):
            nb = ctx.neighbour_rows([row], ctx.tolerances.distance)
            shared = on_boundaries(shapely.points(coords[[a, b]]), ctx.geoms[nb[ctx.usable(nb)]],
                                   ctx.tolerances.on_edge * 10)
            drop = a if shared[1] and not shared[0] else b
            merged = remove_vertex(cut, ring, drop)
            if merged is not None and merged.is_valid:
                yield {row: merged}
        if cut.is_valid:
            yield {row: cut}
