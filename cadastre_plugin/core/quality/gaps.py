"""Narrow gaps between parcels: land no parcel covers, narrower than the tolerance.

Around each cluster of flagged parcels (see :mod:`coverage`) the union U of the cluster and its
neighbours is closed morphologically: dilated by half the tolerance and eroded back, both with
mitre joins. Where U's edges come closer than the tolerance the dilation swallows the space
between them and the erosion does not reopen it; everywhere else (straight edges, convex and
concave corners, 6 m roads) mitre offsets put every edge back on its own line, so
``closing(U) - U`` is exactly the narrow land: enclosed slivers and holes, slits and wedges
that open onto a road through a mouth narrower than the tolerance (closed off along the line of
the road edge). A wedge whose mouth is wider than the tolerance is not filled at all, not even
its narrow tip: the mitre erosion puts the tip back exactly, as it does for every corner; its
stray vertex, if it is one, is what the near-coincident rule reports.

The gap polygons are snapped onto the parcels' own vertices, so that giving a gap to a
neighbour (the fix) yields edges that match the other side exactly.
"""
from __future__ import annotations

import numpy as np
import shapely

from .coverage import flagged
from .spatial import components

#: Mitre joins are kept (not bevelled) up to this ratio, so that sharp corners come back
#: exactly after the erosion.
_MITRE_LIMIT = 1e4


def narrow_gaps(ctx, width: float):
    """(gap polygons, list of bordering rows per gap) for the gaps touching the scope."""
    return ctx.cached(("gaps", width), lambda: _compute(ctx, width))


def _compute(ctx, width: float):
    none = (np.zeros(0, dtype=object), [])
    rows = flagged(ctx, width)
    if rows.size == 0:
        return none
    eps = ctx.tolerances.on_edge
    a, b = ctx.neighbour_pairs(rows, width)
    usable_b = ctx.usable(b)
    a, b = a[usable_b], b[usable_b]
    # Clusters: flagged parcels within the tolerance of each other.
    pos_b = np.searchsorted(rows, b)
    both = (pos_b < rows.size) & (rows[np.minimum(pos_b, rows.size - 1)] == b)
    label = components(rows.size, np.searchsorted(rows, a[both]), pos_b[both])
    # Members of each cluster: its flagged parcels and all their neighbours (so the union is
    # whole around the gaps and no parcel's outline is mistaken for a gap edge).
    member_cluster = np.concatenate([label, label[np.searchsorted(rows, a)]])
    member_row = np.concatenate([rows, b])
    key = np.unique(member_cluster * ctx.n + member_row)
    member_cluster, member_row = np.divmod(key, ctx.n)
    parts, part_owner = shapely.get_parts(ctx.geoms[member_row], return_index=True)
    _, cluster_idx = np.unique(member_cluster[part_owner], return_inverse=True)
    mp = shapely.multipolygons(parts, indices=cluster_idx)
    # buffer(0) of the collection is the union of its parts, overlapping or not.
    union = shapely.buffer(mp, 0)
    r = width / 2
    closed = shapely.buffer(shapely.buffer(union, r, join_style="mitre", mitre_limit=_MITRE_LIMIT),
                            -r, join_style="mitre", mitre_limit=_MITRE_LIMIT)
    filled = shapely.difference(closed, union)
    pieces, piece_cluster = shapely.get_parts(filled, return_index=True)
    poly = shapely.get_type_id(pieces) == 3
    pieces, piece_cluster = pieces[poly], piece_cluster[poly]
    big = shapely.area(pieces) > ctx.tolerances.area
    pieces, piece_cluster = pieces[big], piece_cluster[big]
    if pieces.size == 0:
        return none
    # Put every gap vertex exactly on the parcel vertex it stands for (offset arithmetic leaves
    # ~1e-9 m of noise), so that a gap given to a neighbour matches the other side exactly.
    pieces = shapely.snap(pieces, shapely.boundary(union[piece_cluster]), eps * 10)
    pieces = _polygon_pieces(shapely.make_valid(pieces))
    gi, gr = _touching(ctx, pieces, eps * 100)
    pieces, gi, gr = _uncovered(ctx, pieces, gi, gr, eps * 100)
    # Bordering parcels share a stretch of the gap's outline; those meeting it at a corner
    # point only are not part of it.
    shared = shapely.length(shapely.intersection(
        shapely.boundary(pieces[gi]),
        shapely.buffer(shapely.boundary(ctx.geoms[gr]), eps * 100, cap_style="flat")))
    side = shared > eps * 1000
    gi, gr, shared = gi[side], gr[side], shared[side]
    keep = shapely.area(pieces) > ctx.tolerances.area
    gaps, borders = [], []
    for k in np.flatnonzero(keep):
        mine = gi == k
        near, first = np.unique(gr[mine], return_index=True)
        if near.size >= 2 and ctx.in_scope[near].any():
            gaps.append(pieces[k])
            borders.append((near, shared[mine][first]))
    return np.array(gaps, dtype=object), borders


def _uncovered(ctx, pieces, gi, gr, distance):
    """Pieces minus any parcel they overlap (the closing can reach past the cluster's members
    into a parcel that is not one of them: that land is covered, not a gap)."""
    inside = shapely.area(shapely.intersection(pieces[gi], ctx.geoms[gr])) > ctx.tolerances.area
    if not inside.any():
        return pieces, gi, gr
    pieces = pieces.copy()
    for k in np.unique(gi[inside]):
        pieces[k] = shapely.difference(pieces[k], shapely.union_all(ctx.geoms[gr[inside & (gi == k)]]))
    pieces = _polygon_pieces(pieces)
    if pieces.size == 0:
        return pieces, np.zeros(0, np.int64), np.zeros(0, np.int64)
    gi, gr = _touching(ctx, pieces, distance)
    return pieces, gi, gr


def _polygon_pieces(geoms: np.ndarray) -> np.ndarray:
    parts = shapely.get_parts(geoms)
    parts = shapely.get_parts(parts)
    return parts[(shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)]


def _touching(ctx, pieces: np.ndarray, distance: float):
    """(piece index, row) of the parcels within ``distance`` of each piece, minus the parcels a
    piece lies inside (a piece that overlaps a parcel is not uncovered land)."""
    boxes = shapely.bounds(pieces)
    q = shapely.box(boxes[:, 0] - distance, boxes[:, 1] - distance,
                    boxes[:, 2] + distance, boxes[:, 3] + distance)
    gi, gr = ctx.tree.query(q)
    dirty = np.flatnonzero(ctx._shared.dirty)
    if dirty.size:
        keep = ~ctx._shared.dirty[gr]
        gi, gr = gi[keep], gr[keep]
        extra_i, extra_r = np.meshgrid(np.arange(pieces.size), dirty, indexing="ij")
        gi, gr = np.concatenate([gi, extra_i.ravel()]), np.concatenate([gr, extra_r.ravel()])
    ok = ctx.usable(gr)
    gi, gr = gi[ok], gr[ok]
    near = shapely.dwithin(pieces[gi], ctx.geoms[gr], distance)
    return gi[near], gr[near]
