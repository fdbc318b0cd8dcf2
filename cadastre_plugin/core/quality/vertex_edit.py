"""Small vertex edits of one polygon, used by the fixes: move, insert, remove.

Rings are rebuilt from coordinates, so a vertex is addressed by its ring number (0 = the
shell, then the holes, as :func:`shapely.get_rings` orders them) and its position in the ring.
"""
from __future__ import annotations

import numpy as np
import shapely


def _rings(polygon) -> list:
    return [np.asarray(r.coords) for r in shapely.get_rings(polygon)]


def _polygon(rings: list):
    return shapely.Polygon(rings[0], rings[1:])


def _closed(ring: np.ndarray) -> np.ndarray:
    ring = ring[:-1] if len(ring) > 1 and (ring[0] == ring[-1]).all() else ring
    return np.vstack([ring, ring[:1]])


def remove_vertex(polygon, ring_no: int, position: int):
    """The polygon without vertex ``position`` of ring ``ring_no``; None if too few remain."""
    rings = _rings(polygon)
    ring = rings[ring_no][:-1]
    if len(ring) <= 3:
        return None
    rings[ring_no] = _closed(np.delete(ring, position % len(ring), axis=0))
    return _polygon(rings)


def move_vertices(polygon, old_xy, new_xy):
    """Every vertex exactly at ``old_xy`` moved to ``new_xy`` (the closing point included)."""
    old = np.asarray(old_xy, dtype=float)
    new = np.asarray(new_xy, dtype=float)

    def fn(coords):
        coords = coords.copy()
        coords[(coords == old).all(axis=1)] = new
        return coords

    return shapely.transform(polygon, fn)


def insert_vertex(polygon, xy, eps: float):
    """``xy`` added to the ring edge it lies on (within ``eps``); unchanged if it is a vertex
    already or lies on no edge."""
    p = np.asarray(xy, dtype=float)
    rings = _rings(polygon)
    best = None
    for k, ring in enumerate(rings):
        a, b = ring[:-1], ring[1:]
        if (np.hypot(*(ring - p).T) <= eps).any():
            return polygon
        ab = b - a
        t = np.clip(((p - a) * ab).sum(axis=1) / np.maximum((ab * ab).sum(axis=1), 1e-300), 0, 1)
        d = np.hypot(*(a + ab * t[:, None] - p).T)
        i = int(np.argmin(d))
        if d[i] <= eps and (best is None or d[i] < best[0]):
            best = (d[i], k, i)
    if best is None:
        return polygon
    _, k, i = best
    ring = rings[k]
    rings[k] = np.vstack([ring[: i + 1], p, ring[i + 1:]])
    return _polygon(rings)


def on_boundaries(points, geoms, eps: float) -> np.ndarray:
    """Whether each point lies (within ``eps``) on the boundary of any of ``geoms``."""
    points = np.asarray(points, dtype=object)
    if len(geoms) == 0:
        return np.zeros(len(points), dtype=bool)
    edges = shapely.union_all(shapely.boundary(np.asarray(geoms, dtype=object)))
    return shapely.dwithin(points, edges, eps)


def tidy(polygon, neighbour_edges, tolerance: float, eps: float):
    """``polygon`` without the vertices an overlay left closer than ``tolerance`` to the
    previous one, unless a neighbour's boundary passes through them (those are shared corners
    and must stay). Overlays (union, difference) put intersection nodes right next to existing
    vertices; left in, they would be reported as near-duplicate vertices."""
    if polygon is None or polygon.geom_type != "Polygon":
        return polygon
    rings = _rings(polygon)
    changed = False
    for k, ring in enumerate(rings):
        pts = ring[:-1]
        keep = np.ones(len(pts), dtype=bool)
        step = np.hypot(*(pts - np.roll(pts, 1, axis=0)).T)
        close = np.flatnonzero(step <= tolerance)
        if close.size == 0:
            continue
        shared = shapely.dwithin(shapely.points(pts[close]), neighbour_edges, eps) \
            if neighbour_edges is not None else np.zeros(close.size, dtype=bool)
        for c, is_shared in zip(close.tolist(), shared.tolist()):
            if not is_shared and keep.sum() > 3:
                keep[c] = False
        if not keep.all():
            rings[k] = _closed(pts[keep])
            changed = True
    if not changed:
        return polygon
    out = _polygon(rings)
    return out if out.is_valid else polygon
