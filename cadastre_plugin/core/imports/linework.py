"""Parcel polygons from boundary line work, as digitised in MicroStation (FAMIS, gCadas).

Boundaries on a DGN sheet are lines and line strings that are meant to meet at their ends,
but digitising leaves small faults: a line stopping a few centimetres short of the boundary it
should touch (undershoot), running a little past it (overshoot), or two ends of a ring that
almost meet. Within the sheet's tolerance (by default its boundary-point accuracy, 15 cm at
1:1000) these are repaired, each repair reported as ``info`` with its place; beyond it the line
work is left as it is and reported as not closing, at its free end, so that the surveyor fixes
the drawing rather than the importer guessing.

Steps: node all lines (GEOS union), drop overshoots (a free edge shorter than the tolerance
hanging off a junction), move each remaining free end onto the nearest free end, vertex or
line within the tolerance, node again and polygonise. Pure shapely, vectorised where the work
is proportional to the sheet; the loops run over free ends only, which are few.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from .report import problem

#: Repairs smaller than this are rounding (arcs stroked by the reader, coordinates stored in
#: whole units of resolution), not drawing faults: done, but not reported.
NUMERIC_NOISE_M = 0.001


@dataclass
class Linework:
    """Polygons built from line work, and what was repaired or found broken on the way."""

    polygons: np.ndarray
    problems: list = field(default_factory=list)
    edges: np.ndarray = None  # the noded, repaired edges the polygons were built from


def as_lines(geoms) -> np.ndarray:
    """LineStrings from any line work: polygon elements (DGN shapes) give their rings; points
    and zero-length lines are dropped (they bound nothing)."""
    geoms = np.asarray(geoms, dtype=object)
    parts = shapely.get_parts(shapely.get_parts(geoms[~shapely.is_missing(geoms)]))
    polygonal = shapely.get_type_id(parts) == 3
    rings = shapely.get_parts(shapely.boundary(parts[polygonal]))
    parts = np.concatenate([parts[~polygonal], rings])
    parts = parts[np.isin(shapely.get_type_id(parts), (1, 2))]  # LineString, LinearRing
    # LinearRings become LineStrings: noding treats both alike, but polygonize wants lines.
    parts = shapely.linestrings(shapely.get_coordinates(parts), indices=np.repeat(
        np.arange(len(parts)), shapely.get_num_coordinates(parts))) if parts.size else parts
    if parts.size == 0:
        return parts
    return parts[shapely.length(parts) > 0]


def _node(lines: np.ndarray) -> np.ndarray:
    if lines.size == 0:
        return lines
    return shapely.get_parts(shapely.union_all(lines))


def _endpoint_degree(edges: np.ndarray):
    """Coordinates of each edge's start (rows 0..E-1) and end (rows E..2E-1), and how many edge
    ends meet there. Noding makes coincident nodes bit-identical, so exact matching is right."""
    pts = np.vstack([shapely.get_coordinates(shapely.get_point(edges, 0)),
                     shapely.get_coordinates(shapely.get_point(edges, -1))])
    _, inverse, counts = np.unique(pts, axis=0, return_inverse=True, return_counts=True)
    return pts, counts[inverse.ravel()]


def _trim_overshoots(edges: np.ndarray, tol: float, problems: list) -> np.ndarray:
    """Drops free edges no longer than ``tol`` that hang off a junction (overshoots)."""
    if edges.size == 0:
        return edges
    n = len(edges)
    pts, degree = _endpoint_degree(edges)
    d_start, d_end = degree[:n], degree[n:]
    short = shapely.length(edges) <= tol
    start_free = short & (d_start == 1) & (d_end >= 3)
    end_free = short & (d_end == 1) & (d_start >= 3)
    drop = start_free | end_free
    for i in np.flatnonzero(drop):
        x, y = pts[i] if start_free[i] else pts[n + i]
        length = float(shapely.length(edges[i]))
        if length < NUMERIC_NOISE_M:
            continue
        problems.append(problem(
            "linework.overshoot_trimmed", "info",
            f"A boundary line ran {length:.3f} m past the line it meets (within the "
            f"{tol:.2f} m tolerance); the overshoot was removed.",
            f"Đường ranh giới vượt quá đường giao {length:.3f} m (trong dung sai {tol:.2f} m); "
            "đoạn thừa đã được cắt bỏ.", x, y, length_m=round(length, 3)))
    return edges[~drop]


def _nearest_on_segments(coords: np.ndarray, p: np.ndarray):
    """(index of the segment of ``coords`` closest to p, the closest point on it)."""
    a, b = coords[:-1], coords[1:]
    ab = b - a
    denom = np.einsum("ij,ij->i", ab, ab)
    t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.where(denom == 0, 1, denom), 0, 1)
    proj = a + t[:, None] * ab
    k = int(np.argmin(np.einsum("ij,ij->i", proj - p, proj - p)))
    return k, proj[k]


def _close_undershoots(edges: np.ndarray, tol: float, problems: list) -> np.ndarray:
    """Moves free ends within ``tol`` of other line work onto it.

    Free ends near each other (lines that almost meet, or several stopping short of one
    corner) are handled as a group: they go to an existing vertex of the other line work if
    one is as close as they are to each other (the surveyed corner they all missed), else to
    the member nearest the others. A lone free end goes to the nearest vertex of another line
    within ``tol``, else to the nearest point of one (a T junction, with a vertex inserted)."""
    if edges.size == 0:
        return edges
    n = len(edges)
    pts, degree = _endpoint_degree(edges)
    free = np.flatnonzero(degree == 1)
    if free.size == 0:
        return edges
    edge_of = free % n
    coords_of = [shapely.get_coordinates(e) for e in edges]
    # Snapping targets: every vertex except the free ends (which may be moving themselves).
    free_rows = set(free.tolist())
    cand_xy, cand_edge = [], []
    for e, c in enumerate(coords_of):
        inner = np.ones(len(c), dtype=bool)
        inner[0] = e not in free_rows
        inner[-1] = (e + n) not in free_rows
        cand_xy.append(c[inner])
        cand_edge.append(np.full(int(inner.sum()), e))
    cand_xy, cand_edge = np.vstack(cand_xy), np.concatenate(cand_edge)
    vertex_tree = shapely.STRtree(shapely.points(cand_xy))
    edge_tree = shapely.STRtree(edges)

    def nearest_vertex(p, own):
        idx = vertex_tree.query(shapely.points(p), predicate="dwithin", distance=tol)
        idx = idx[~np.isin(cand_edge[idx], own)]
        if idx.size == 0:
            return None, np.inf
        d = np.hypot(*(cand_xy[idx] - p).T)
        k = int(np.argmin(d))
        return cand_xy[idx[k]], float(d[k])

    free_pts = shapely.points(pts[free])
    a, b = shapely.STRtree(free_pts).query(free_pts, predicate="dwithin", distance=tol)
    keep = a < b
    a, b = a[keep], b[keep]
    lengths = shapely.length(edges)
    # The two ends of one edge may close it into a ring only if it is long enough to be one.
    ok = (edge_of[a] != edge_of[b]) | (lengths[edge_of[a]] > 3 * tol)
    groups = _clusters(free.size, a[ok], b[ok])
    grouped = {int(k) for g in groups for k in g}
    groups += [np.array([k]) for k in range(free.size) if k not in grouped]

    target = {}  # endpoint row -> new coordinate
    inserts: dict[int, list] = {}
    for members in groups:
        xy = pts[free[members]]
        spread = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
        centre = xy[int(np.argmin(spread.sum(axis=1)))]
        reach = float(spread.max()) if len(members) > 1 else tol
        vertex, dist = nearest_vertex(centre, edge_of[members])
        if vertex is not None and dist <= reach:
            centre = vertex
        elif len(members) == 1:
            hit = _nearest_point_on_lines(centre, edge_of[members[0]], edge_tree, coords_of, tol)
            if hit is None:
                continue
            e, seg, centre = hit
            inserts.setdefault(e, []).append((seg, centre))
        for k in members:
            if not np.array_equal(pts[free[k]], centre):
                target[free[k]] = centre

    if not target:
        return edges
    out = list(edges)
    for row, new in target.items():
        e, at = row % n, (0 if row < n else -1)
        c = shapely.get_coordinates(out[e]).copy()
        old = c[at].copy()
        c[at] = new
        out[e] = shapely.linestrings(c)
        gap = float(np.hypot(*(new - old)))
        if gap < NUMERIC_NOISE_M:
            continue
        problems.append(problem(
            "linework.undershoot_closed", "info",
            f"A boundary line stopped {gap:.3f} m short of the line work it should meet (within "
            f"the {tol:.2f} m tolerance); its end was snapped onto it.",
            f"Đường ranh giới dừng cách đường cần nối {gap:.3f} m (trong dung sai {tol:.2f} m); "
            "điểm cuối đã được bắt dính vào.", old[0], old[1], gap_m=round(gap, 3)))
    for e, cuts in inserts.items():
        c = shapely.get_coordinates(out[e])
        # Last segment first, and within a segment the farthest point first, so that every
        # insertion lands before the ones already made and the indices stay valid.
        along = [(seg, float(np.hypot(*(q - c[seg]))), q) for seg, q in cuts]
        for seg, _, q in sorted(along, key=lambda s: (s[0], s[1]), reverse=True):
            c = np.insert(c, seg + 1, q, axis=0)
        out[e] = shapely.linestrings(c)
    return np.array(out, dtype=object)


def _nearest_point_on_lines(p, own: int, edge_tree, coords_of, tol: float):
    """(edge, segment index, point) of the nearest point within ``tol`` on another edge."""
    near = edge_tree.query(shapely.points(p), predicate="dwithin", distance=tol)
    best = None
    for e in near[near != own]:
        seg, q = _nearest_on_segments(coords_of[e], p)
        d = float(np.hypot(*(q - p)))
        if d <= tol and (best is None or d < best[0]):
            best = (d, int(e), seg, q)
    return None if best is None else best[1:]


def _clusters(size: int, a: np.ndarray, b: np.ndarray) -> list:
    """Groups (index arrays) of the items linked by the pairs (a[i], b[i]), by union-find."""
    parent = list(range(size))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(a, b):
        parent[root(int(i))] = root(int(j))
    groups: dict = {}
    for i in range(size):
        groups.setdefault(root(i), []).append(i)
    return [np.array(g) for g in groups.values() if len(g) > 1]


def _free_ends(edges: np.ndarray) -> np.ndarray:
    if edges.size == 0:
        return np.zeros((0, 2))
    pts, degree = _endpoint_degree(edges)
    return pts[degree == 1]


def build_polygons(lines, tolerance: float) -> Linework:
    """Parcel polygons from line work; ``tolerance`` in metres (the sheet's point accuracy)."""
    problems: list = []
    lines = as_lines(lines)
    edges = _node(lines)
    edges = _trim_overshoots(edges, tolerance, problems)
    edges = _close_undershoots(edges, tolerance, problems)
    edges = _node(edges)
    # Snapping can leave a new short spur where a free end was pulled across a line.
    edges = _trim_overshoots(edges, tolerance, problems)
    if edges.size == 0:
        return Linework(np.array([], dtype=object), problems, edges)
    polys, cuts, dangles, invalid = shapely.polygonize_full(edges)
    polygons = shapely.get_parts(polys)
    if hasattr(shapely, "orient_polygons"):
        polygons = shapely.orient_polygons(polygons)
    closed = shapely.union_all(shapely.boundary(polygons)) if polygons.size else None
    problems += _dangle_problems(shapely.get_parts(dangles), edges, closed)
    for cut in shapely.get_parts(cuts):
        mid = shapely.line_interpolate_point(cut, 0.5, normalized=True)
        length = float(shapely.length(cut))
        problems.append(problem(
            "linework.cut_edge", "warning",
            f"A line of {length:.2f} m joins the boundaries at both ends but bounds no parcel "
            "(it runs inside a parcel or between separate groups of parcels). Delete it, or "
            "extend it so that it splits the parcel.",
            f"Một đường dài {length:.2f} m nối với ranh giới ở cả hai đầu nhưng không tạo thành "
            "ranh giới thửa nào (nằm trong một thửa hoặc nối các cụm thửa). Hãy xoá đi, hoặc "
            "kéo dài để chia thửa.", shapely.get_x(mid), shapely.get_y(mid),
            length_m=round(length, 3)))
    for ring in shapely.get_parts(invalid):
        x, y = shapely.get_coordinates(ring)[0]
        problems.append(problem(
            "linework.invalid_ring", "error",
            "These lines close into a ring that crosses itself, so no parcel can be built from "
            "it. Redraw the boundary so that it does not cross itself.",
            "Các đường này khép thành một vòng tự cắt nên không tạo được thửa. Hãy vẽ lại ranh "
            "giới để không tự cắt.", x, y))
    return Linework(polygons, problems, edges)


def _dangle_problems(dangles: np.ndarray, edges: np.ndarray, closed) -> list:
    """One error per chain of dangling edges, at its free end, with the gap to the closed line
    work (what the surveyor has to draw to close it)."""
    if dangles.size == 0:
        return []
    free = _free_ends(edges)
    free_pts = shapely.points(free) if len(free) else np.array([], dtype=object)
    chains = shapely.get_parts(shapely.line_merge(shapely.union_all(dangles)))
    out = []
    for chain in chains:
        ends = shapely.get_coordinates(shapely.boundary(chain))
        if len(free_pts):
            on_free = [e for e in ends if np.min(np.hypot(*(free - e).T)) < 1e-9]
        else:
            on_free = []
        x, y = (on_free or list(ends) or [shapely.get_coordinates(chain)[0]])[0]
        length = float(shapely.length(chain))
        gap = float(shapely.distance(shapely.points(x, y), closed)) if closed is not None else None
        gap_en = f", {gap:.2f} m from the nearest closed boundary" if gap is not None else ""
        gap_vi = f", cách ranh giới khép kín gần nhất {gap:.2f} m" if gap is not None else ""
        out.append(problem(
            "linework.unclosed", "error",
            f"Boundary line work does not close here (a line of {length:.2f} m ends freely"
            f"{gap_en}). The parcels on both sides could not be separated. Extend or snap the "
            "line to the boundary it should meet, then import again.",
            f"Đường ranh giới không khép kín tại đây (đường dài {length:.2f} m bị hở đầu"
            f"{gap_vi}). Không tách được các thửa hai bên. Hãy kéo dài hoặc bắt dính đường "
            "vào ranh giới cần nối rồi nhập lại.", x, y,
            length_m=round(length, 3), gap_m=None if gap is None else round(gap, 3)))
    return out
