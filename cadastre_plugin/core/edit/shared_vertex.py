"""Shared vertices of the parcel coverage: inserting them, moving them, checking the result.

In a clean cadastral map neighbouring parcels hold the *same* vertices along their common
boundary (no T-junctions), so every editing operation that puts a new vertex on a boundary
must put it into the neighbour too, and moving a boundary vertex must move it in every
parcel that holds it. The functions here work on plain shapely polygons keyed by whatever the
caller uses (feature ids, labels); the working-copy layer (:mod:`.apply`) feeds them the
neighbourhood it fetched through the spatial index.

:class:`VertexMove` is split in two so that a map tool can drag a vertex with live feedback:
``geometries`` only rewrites coordinates (microseconds), ``commit`` also validates.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.ops import nearest_points

from ..messages import CadastreError, Issue

# A point this close to an edge (m) lies "on" it. Intersection points computed by GEOS sit
# within about 1e-9 m of both segments at VN-2000 magnitudes (~2.3e6 m, where one unit in the
# last place is 4.7e-10 m). Anything farther is a genuinely different position: the
# near-coincidence quality rule reports those, they must never be inserted silently.
ON_EDGE_EPS = 1e-6


def format_xy(easting: float, northing: float) -> str:
    """A location as Vietnamese surveyors write it: X = northing first, then Y = easting."""
    return f"X={northing:.3f}, Y={easting:.3f}"


def label_of(labels: Mapping | None, key) -> str:
    return str(labels.get(key, key)) if labels else str(key)


# ------------------------------------------------------------------------------------------
# Inserting vertices
# ------------------------------------------------------------------------------------------

def _insert_into_ring(coords: np.ndarray, points: np.ndarray, eps: float) -> np.ndarray | None:
    """``coords`` (closed ring, n+1 x 2) with the points that lie on an edge inserted."""
    a, b = coords[:-1], coords[1:]
    ab = b - a
    len2 = np.einsum("ij,ij->i", ab, ab)
    # Exactly equal to a vertex already: nothing to add (an "almost equal" point is a
    # different vertex, and is inserted so the neighbour matches it exactly).
    is_vertex = (points[:, None, :] == coords[None, :-1, :]).all(axis=2).any(axis=1)
    points = points[~is_vertex]
    if points.size == 0:
        return None
    ap = points[:, None, :] - a[None, :, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.clip(np.einsum("mnk,nk->mn", ap, ab) / len2, 0.0, 1.0)
    t = np.nan_to_num(t)
    foot = a[None, :, :] + t[:, :, None] * ab[None, :, :]
    dist = np.hypot(*(points[:, None, :] - foot).transpose(2, 0, 1))
    seg = dist.argmin(axis=1)
    on = dist[np.arange(len(points)), seg] <= eps
    if not on.any():
        return None
    pts, seg, tt = points[on], seg[on], t[np.flatnonzero(on), seg[on]]
    # One pass: for every segment, its start vertex then the points on it, ordered along it.
    order = np.lexsort((tt, seg))
    pts, seg = pts[order], seg[order]
    out, start = [], 0
    for s in np.unique(seg):
        out.append(coords[start:s + 1])
        out.append(pts[seg == s])
        start = s + 1
    out.append(coords[start:])
    merged = np.concatenate(out)
    # Two requested points may be the same coordinate: keep one.
    keep = np.ones(len(merged), dtype=bool)
    keep[1:] = (merged[1:] != merged[:-1]).any(axis=1)
    return merged[keep]


def insert_vertices(polygon: Polygon, points, eps: float = ON_EDGE_EPS) -> Polygon | None:
    """``polygon`` with every point that lies on one of its edges (within ``eps``) and is not
    already one of its vertices added as a vertex; None when nothing had to be added.

    Existing vertices keep their exact coordinates, so the neighbours that share them still
    match."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    if pts.size == 0:
        return None
    minx, miny, maxx, maxy = polygon.bounds
    near = ((pts[:, 0] >= minx - eps) & (pts[:, 0] <= maxx + eps)
            & (pts[:, 1] >= miny - eps) & (pts[:, 1] <= maxy + eps))
    pts = pts[near]
    if pts.size == 0:
        return None
    rings = [np.asarray(polygon.exterior.coords)[:, :2]]
    rings += [np.asarray(r.coords)[:, :2] for r in polygon.interiors]
    changed, new_rings = False, []
    for ring in rings:
        new = _insert_into_ring(ring, pts, eps)
        changed |= new is not None
        new_rings.append(ring if new is None else new)
    if not changed:
        return None
    return Polygon(new_rings[0], new_rings[1:])


def insert_vertices_many(geoms: Mapping[Hashable, Polygon], points,
                         eps: float = ON_EDGE_EPS) -> dict:
    """{key: updated polygon} for the polygons of ``geoms`` that received new vertices."""
    out = {}
    for key, geom in geoms.items():
        new = insert_vertices(geom, points, eps)
        if new is not None:
            out[key] = new
    return out


def new_boundary_vertices(original: Polygon, pieces: Iterable[Polygon],
                          eps: float = ON_EDGE_EPS) -> np.ndarray:
    """Vertices of ``pieces`` that lie on the boundary of ``original`` but are not among its
    vertices: the points its neighbours must receive (k x 2 array)."""
    old = shapely.get_coordinates(original)
    new = np.unique(np.concatenate([shapely.get_coordinates(p) for p in pieces]), axis=0)
    known = (new[:, None, :] == old[None, :, :]).all(axis=2).any(axis=1)
    new = new[~known]
    if new.size == 0:
        return new.reshape(0, 2)
    dist = shapely.distance(original.boundary, shapely.points(new))
    return new[dist <= eps]


# ------------------------------------------------------------------------------------------
# Moving vertices
# ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Slot:
    key: Hashable
    ring: int
    index: int
    target: int  # which of the moved vertices


class VertexMove:
    """One or more shared vertices found in the neighbourhood, ready to be moved.

    Build it with :func:`prepare_move` (or :func:`prepare_segment_move`) once when the user
    picks the vertex; call :meth:`geometries` on every mouse move for the preview and
    :meth:`commit` on release.
    """

    def __init__(self, geoms: dict, rings: dict, slots: list, targets: np.ndarray,
                 labels: Mapping | None):
        self._geoms = geoms  # key -> polygon (with the target vertices inserted where needed)
        self._rings = rings  # key -> list of ring coordinate arrays
        self._slots = slots
        self.targets = targets  # m x 2: the vertices as they are now
        self._labels = labels

    @property
    def keys(self) -> tuple:
        """Keys of the polygons that hold (one of) the vertices: the ones that will change."""
        return tuple(dict.fromkeys(s.key for s in self._slots))

    def geometries(self, new_positions) -> dict:
        """{key: polygon} with the vertices at ``new_positions`` (m x 2, or one (x, y)).

        No validation: fast enough to call on every mouse move."""
        new = np.asarray(new_positions, dtype=float).reshape(-1, 2)
        if len(new) != len(self.targets):
            raise ValueError(f"{len(self.targets)} new positions expected, got {len(new)}")
        out = {}
        for key in self.keys:
            rings = [r.copy() for r in self._rings[key]]
            for s in self._slots:
                if s.key == key:
                    ring = rings[s.ring]
                    ring[s.index] = new[s.target]
                    if s.index == 0:  # the closing point is the same vertex
                        ring[-1] = new[s.target]
            out[key] = shapely.remove_repeated_points(Polygon(rings[0], rings[1:]))
        return out

    def commit(self, new_positions, all_geoms: Mapping | None = None) -> dict:
        """Like :meth:`geometries`, but refuses (CadastreError) a result in which a polygon is
        invalid or two polygons overlap. ``all_geoms`` defaults to the neighbourhood the move
        was prepared on; every moved polygon is checked against every polygon in it."""
        updated = self.geometries(new_positions)
        for key, geom in updated.items():
            if geom.is_empty or not geom.is_valid or geom.area <= 0:
                reason = shapely.is_valid_reason(geom)
                raise CadastreError(
                    "MOVE_INVALID_GEOMETRY",
                    f"Moving the vertex would make parcel {label_of(self._labels, key)} invalid "
                    f"({reason}). Move it less far, or move the other vertices of that boundary "
                    "first.",
                    f"Di chuyển đỉnh này sẽ làm thửa {label_of(self._labels, key)} không hợp lệ "
                    f"({reason}). Hãy di chuyển ít hơn, hoặc di chuyển các đỉnh khác của ranh "
                    "giới đó trước.", label_of(self._labels, key))
        others = dict(all_geoms if all_geoms is not None else self._geoms)
        others.update(updated)
        problems = overlaps(updated, others, self._labels)
        if problems:
            first = problems[0]
            raise CadastreError(first.code, first.en, first.vi, first.where)
        return updated


def _ring_arrays(geom: Polygon) -> list:
    rings = [np.asarray(geom.exterior.coords)[:, :2].copy()]
    return rings + [np.asarray(r.coords)[:, :2].copy() for r in geom.interiors]


def prepare_moves(geoms: Mapping[Hashable, Polygon], old_positions, tolerance: float,
                  labels: Mapping | None = None) -> VertexMove:
    """Find the boundary vertices nearest to ``old_positions`` (each within ``tolerance``) in
    the neighbourhood ``geoms``, and every polygon that holds them.

    A polygon whose *edge* passes through such a vertex (a T-junction left by older edits)
    receives the vertex first, so that moving it opens no gap there."""
    old = np.asarray(old_positions, dtype=float).reshape(-1, 2)
    geoms = dict(geoms)
    if not geoms:
        raise _no_vertex(old[0], tolerance)
    all_xy = np.unique(np.concatenate([shapely.get_coordinates(g) for g in geoms.values()]),
                       axis=0)
    targets = np.empty_like(old)
    for i, p in enumerate(old):
        d = np.hypot(*(all_xy - p).T)
        j = int(d.argmin())
        if d[j] > tolerance:
            raise _no_vertex(p, tolerance)
        targets[i] = all_xy[j]
    if len(np.unique(targets, axis=0)) != len(targets):
        raise CadastreError(
            "MOVE_SAME_VERTEX",
            f"Two of the points to move snap to the same vertex at {format_xy(*targets[0])}. "
            "Pick distinct vertices.",
            f"Hai điểm cần di chuyển cùng bắt vào một đỉnh tại {format_xy(*targets[0])}. "
            "Hãy chọn các đỉnh khác nhau.", format_xy(*targets[0]))
    for key, geom in list(geoms.items()):
        with_t = insert_vertices(geom, targets)
        if with_t is not None:
            geoms[key] = with_t
    rings, slots = {}, []
    for key, geom in geoms.items():
        ring_arrays = _ring_arrays(geom)
        for r, ring in enumerate(ring_arrays):
            eq = (ring[:-1, None, :] == targets[None, :, :]).all(axis=2)
            for idx, t in zip(*np.nonzero(eq)):
                slots.append(_Slot(key, r, int(idx), int(t)))
                rings[key] = ring_arrays
    return VertexMove(geoms, rings, slots, targets, labels)


def prepare_move(geoms: Mapping[Hashable, Polygon], old_xy, tolerance: float,
                 labels: Mapping | None = None) -> VertexMove:
    """:func:`prepare_moves` for one vertex."""
    return prepare_moves(geoms, [old_xy], tolerance, labels)


def move_vertex(geoms: Mapping[Hashable, Polygon], old_xy, new_xy, tolerance: float,
                labels: Mapping | None = None) -> dict:
    """{key: updated polygon} of every polygon that holds the vertex nearest ``old_xy``
    (within ``tolerance``) after moving it to ``new_xy``; refuses invalid or overlapping
    results."""
    return prepare_move(geoms, old_xy, tolerance, labels).commit([new_xy])


def move_segment(geoms: Mapping[Hashable, Polygon], start_xy, end_xy, offset,
                 tolerance: float, labels: Mapping | None = None) -> dict:
    """Move a shared boundary segment (both its vertices) by ``offset`` = (dx, dy)."""
    move = prepare_moves(geoms, [start_xy, end_xy], tolerance, labels)
    return move.commit(move.targets + np.asarray(offset, dtype=float))


def _no_vertex(p, tolerance: float) -> CadastreError:
    where = format_xy(*p)
    return CadastreError(
        "MOVE_NO_VERTEX",
        f"There is no parcel boundary vertex within {tolerance:g} m of {where}. Click closer "
        "to the vertex (snapping shows it), or add a vertex first.",
        f"Không có đỉnh ranh giới thửa nào trong phạm vi {tolerance:g} m quanh {where}. Hãy "
        "bấm gần đỉnh hơn (chức năng bắt điểm sẽ hiện đỉnh), hoặc thêm đỉnh trước.", where)


# ------------------------------------------------------------------------------------------
# Checks of a neighbourhood
# ------------------------------------------------------------------------------------------

def overlaps(changed: Mapping, all_geoms: Mapping, labels: Mapping | None = None) -> list:
    """Issues for every pair (changed polygon, other polygon) whose interiors overlap."""
    keys = list(all_geoms)
    arr = np.array([all_geoms[k] for k in keys], dtype=object)
    issues, seen = [], set()
    for key, geom in changed.items():
        hit = shapely.relate_pattern(geom, arr, "2********")
        for j in np.flatnonzero(hit):
            other = keys[j]
            if other == key or frozenset((key, other)) in seen:
                continue
            seen.add(frozenset((key, other)))
            inter = shapely.intersection(geom, arr[j])
            p = shapely.point_on_surface(inter)
            where = format_xy(p.x, p.y)
            a, b = label_of(labels, key), label_of(labels, other)
            issues.append(Issue(
                "EDIT_OVERLAP",
                f"Parcels {a} and {b} would overlap ({inter.area:.2f} m²) near {where}. Undo the "
                "change, or move the shared boundary in both parcels together.",
                f"Thửa {a} và thửa {b} sẽ chồng lấn nhau ({inter.area:.2f} m²) gần {where}. Hãy "
                "hủy thao tác, hoặc di chuyển ranh giới chung của cả hai thửa cùng lúc.",
                where, {"parcels": (a, b), "area": inter.area}))
    return issues


def coverage_problems(before: Sequence[Polygon], after: Sequence[Polygon], gap_width: float,
                      after_labels: Sequence[str] | None = None) -> list:
    """New coverage faults of a neighbourhood: Issues for the boundary pieces that are
    invalid (overlap, gap narrower than ``gap_width``, unmatched vertices) in ``after`` but
    were not already in ``before``. Faults that were there before the edit are not the
    edit's doing and do not block it; the quality check reports them."""
    def invalid(geoms):
        arr = np.array(list(geoms), dtype=object)
        return shapely.coverage_invalid_edges(arr, gap_width=gap_width)

    old = shapely.union_all(invalid(before))
    old_zone = shapely.buffer(old, ON_EDGE_EPS * 10) if not old.is_empty else None
    issues = []
    for i, edges in enumerate(invalid(after)):
        if edges is None or edges.is_empty:
            continue
        fresh = edges if old_zone is None else shapely.difference(edges, old_zone)
        if fresh.is_empty or fresh.length <= ON_EDGE_EPS * 100:
            continue
        x, y = shapely.get_coordinates(fresh)[0]
        where = format_xy(x, y)
        label = after_labels[i] if after_labels else str(i)
        issues.append(Issue(
            "EDIT_COVERAGE_BROKEN",
            f"After this edit the boundary of parcel {label} would not match its neighbours "
            f"near {where} (overlap, gap or unshared vertex, {fresh.length:.3f} m of boundary). "
            "The edit was not applied; snap to the neighbours' vertices and try again.",
            f"Sau thao tác này ranh giới thửa {label} sẽ không khớp với các thửa liền kề gần "
            f"{where} (chồng lấn, hở hoặc đỉnh không dùng chung, {fresh.length:.3f} m ranh "
            "giới). Thao tác chưa được thực hiện; hãy bắt điểm vào đỉnh của thửa liền kề và "
            "thử lại.", where, {"parcel": label, "length": fresh.length}))
    return issues


# ------------------------------------------------------------------------------------------
# Fitting a new boundary to the coverage
# ------------------------------------------------------------------------------------------

def snap_to_coverage(polygon: Polygon, others, tolerance: float):
    """Fit a newly surveyed boundary to the parcels around it, as snapping in the map does.

    Its vertices within ``tolerance`` of a neighbour's vertex take that vertex; the neighbour
    vertices its edges pass within ``tolerance`` of are added to it; its remaining vertices
    within ``tolerance`` of a neighbour's edge go onto that edge. Returns (fitted polygon,
    k x 2 array of its vertices that now lie on neighbours' edges: the points to insert into
    them with :func:`insert_vertices_many`)."""
    others = [g for g in others if g is not None and not g.is_empty]
    if not others:
        return polygon, np.zeros((0, 2))
    boundaries = shapely.union_all(shapely.boundary(np.array(others, dtype=object)))
    fitted = shapely.snap(polygon, boundaries, tolerance)
    rings = _ring_arrays(fitted)
    vertices = np.unique(shapely.get_coordinates(boundaries), axis=0)
    on_edge = []
    for ring in rings:
        for i, p in enumerate(ring[:-1]):
            if (vertices == p).all(axis=1).any():
                continue
            pt = shapely.Point(p)
            if 0 < boundaries.distance(pt) <= tolerance:
                q = nearest_points(boundaries, pt)[0]
                ring[i] = (q.x, q.y)
                if i == 0:
                    ring[-1] = ring[0]
                on_edge.append((q.x, q.y))
    fitted = Polygon(rings[0], rings[1:])
    return shapely.orient_polygons(fitted), np.array(on_edge, dtype=float).reshape(-1, 2)
