"""Overlapping parcel pairs and their exact overlap polygons, shared by the overlap and the
duplicate-geometry rules (a duplicate is an overlap of a parcel with its twin, reported once,
as a duplicate)."""
from __future__ import annotations

import numpy as np
import shapely

from .coverage import candidate_pairs
from .spatial import polygonal_part


def overlaps(ctx):
    """(a, b, overlap polygons, areas) of pairs whose interiors share more than the area
    tolerance."""
    def compute():
        a, b = candidate_pairs(ctx)
        if a.size == 0:
            return a, b, np.zeros(0, dtype=object), np.zeros(0)
        inter = polygonal_part(shapely.intersection(ctx.geoms[a], ctx.geoms[b]))
        area = np.nan_to_num(shapely.area(inter))
        keep = area > ctx.tolerances.area
        return a[keep], b[keep], inter[keep], area[keep]

    return ctx.cached("overlaps", compute)


def duplicate_pairs(ctx, tolerance: float):
    """(a, b, Hausdorff distance) of overlapping pairs that are the same parcel drawn twice:
    every point of each within ``tolerance`` of the other, and their overlap at least half of
    the smaller one (two tiny parcels side by side are close but not the same)."""
    def compute():
        a, b, _, area = overlaps(ctx)
        if a.size == 0:
            return a, b, np.zeros(0)
        smaller = np.minimum(shapely.area(ctx.geoms[a]), shapely.area(ctx.geoms[b]))
        heavy = area >= 0.5 * smaller
        dist = np.full(a.size, np.inf)
        dist[heavy] = shapely.hausdorff_distance(ctx.geoms[a[heavy]], ctx.geoms[b[heavy]])
        same = dist <= tolerance
        return a[same], b[same], dist[same]

    return ctx.cached(("duplicates", tolerance), compute)
