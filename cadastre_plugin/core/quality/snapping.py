"""Snapping a parcel onto its neighbours: the fallback repair for slivers, thin overlaps and
stray vertices. GEOS's snapper moves the parcel's vertices onto neighbour vertices within the
tolerance and inserts neighbour vertices into its edges where they lie that close, which makes
the shared boundary edge-matched again without inventing any new point."""
from __future__ import annotations

import numpy as np
import shapely

from .vertex_edit import tidy


def neighbour_edges(ctx, row: int, exclude=()):
    """The boundaries of the usable parcels within the tolerance of ``row``, as one geometry."""
    nb = ctx.neighbour_rows([row], ctx.tolerances.distance)
    nb = nb[ctx.usable(nb) & ~np.isin(nb, list(exclude))]
    if nb.size == 0:
        return None
    return shapely.union_all(shapely.boundary(ctx.geoms[nb]))


def snapped(ctx, row: int, tolerance: float):
    """``row`` snapped onto its neighbours, or None if that changes nothing or breaks it."""
    geom = ctx.geoms[row]
    edges = neighbour_edges(ctx, row)
    if edges is None or geom.geom_type != "Polygon":
        return None
    out = shapely.snap(geom, edges, tolerance)
    if out.geom_type != "Polygon" or not out.is_valid or out.equals_exact(geom, 0):
        return None
    return out


def snap_candidates(ctx, rows, tolerance: float):
    """One candidate per involved parcel: that parcel snapped onto its neighbours."""
    for r in rows:
        out = snapped(ctx, int(r), tolerance)
        if out is not None:
            yield {int(r): out}


def tidied(ctx, row: int, geom, tolerance: float):
    return tidy(geom, neighbour_edges(ctx, row, exclude=(row,)), tolerance,
                ctx.tolerances.on_edge * 10)
