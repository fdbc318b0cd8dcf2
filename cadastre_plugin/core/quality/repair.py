"""Candidate repairs of an invalid parcel polygon, best first.

A parcel must stay one valid polygon of (nearly) the same area, so every candidate is a single
valid Polygon. The reference area is that of GEOS's structure-preserving ``make_valid`` (what
the ring "means" once its self-intersections are resolved); "nearly" is a band of the distance
tolerance along the boundary, the area a boundary uncertainty of that size can hold.

A bow-tie made by two vertices in the wrong order has no polygon of "the same area": its two
lobes are half of the parcel. For small rings the candidates therefore also include every
ring with two consecutive vertices swapped that comes out valid; the fix engine keeps one only
if the neighbourhood check improves, which only the right order does (it restores the shared
edges with the neighbours).
"""
from __future__ import annotations

import numpy as np
import shapely

#: Rings up to this many vertices also get the vertex-swap candidates.
_SWAP_MAX_VERTICES = 200


def _polygons(geom) -> list:
    if geom is None or geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    parts = shapely.get_parts(geom)
    return [p for q in parts for p in _polygons(q)]


def _single(geom, slack: float):
    """One polygon from a repair result: itself, or its largest part if the others are crumbs."""
    polys = _polygons(geom)
    if not polys:
        return None
    areas = np.array([p.area for p in polys])
    big = int(np.argmax(areas))
    if areas.sum() - areas[big] > slack:
        return None
    return polys[big]


def repair_candidates(geom, tolerance: float, area_floor: float):
    """Valid single polygons that could replace ``geom``, in order of preference."""
    if geom is None or geom.is_empty:
        return
    reference = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    ref_area = reference.area
    slack = max(area_floor, tolerance * shapely.length(geom))
    found = []
    for result in (reference,
                   shapely.make_valid(geom, method="linework"),
                   shapely.buffer(geom, 0),
                   shapely.buffer(shapely.remove_repeated_points(geom, tolerance), 0)):
        poly = _single(result, slack)
        if poly is None or not poly.is_valid or abs(poly.area - ref_area) > slack:
            continue
        poly = shapely.orient_polygons(poly) if hasattr(shapely, "orient_polygons") else poly
        if not any(poly.equals(f) for f in found):
            found.append(poly)
    found.sort(key=lambda p: abs(p.area - ref_area))
    yield from found
    if geom.geom_type != "Polygon":
        return
    ring = np.asarray(geom.exterior.coords)[:-1]
    if len(ring) > _SWAP_MAX_VERTICES or len(ring) < 4:
        return
    holes = [np.asarray(h.coords) for h in geom.interiors]
    for k in range(len(ring)):
        swapped = ring.copy()
        j = (k + 1) % len(ring)
        swapped[[k, j]] = swapped[[j, k]]
        candidate = shapely.Polygon(swapped, holes)
        if candidate.is_valid and not any(candidate.equals(f) for f in found):
            found.append(candidate)
            yield candidate
