"""Where the parcel coverage is not clean, found once and shared by the topology rules.

GEOS's CoverageValidator (``shapely.coverage_invalid_edges``) returns, for each polygon, the
edges that do not match a neighbour exactly: edges crossing or lying inside a neighbour
(overlaps), edges within ``gap_width`` of a neighbour's edge without matching it (slivers,
near-coincident vertices), T-junctions. In a clean cadastral map almost every parcel has none,
so the overlap, gap, near-coincident and duplicate rules only look closely at the few parcels
it flags: that is what makes a 640,000-parcel check fast. The flags are only a filter; each
rule computes its own exact geometry and keeps only real errors (a T-junction exactly on the
neighbour's edge, for example, is flagged here but is no error).
"""
from __future__ import annotations

import numpy as np
import shapely

from .spatial import parallel_map, spatial_chunks


def _compute(ctx, rows: np.ndarray, width: float) -> np.ndarray:
    """Invalid edges of ``rows`` (aligned), each row checked against all its neighbours."""
    out = np.full(rows.size, None, dtype=object)
    if rows.size == 0:
        return out
    if rows.size == ctx.n:
        usable = ctx.usable(rows)
        geoms = np.where(usable, ctx.geoms, None)
        bounds = shapely.bounds(geoms)
        present = ~np.isnan(bounds[:, 0])
        idx = np.flatnonzero(present)
        chunks = spatial_chunks(bounds[idx], width * 2 + ctx.tolerances.on_edge)

        def run(chunk):
            core, halo = chunk
            edges = shapely.coverage_invalid_edges(geoms[idx[halo]], gap_width=width)
            return idx[core], edges[np.searchsorted(halo, core)]

        for core, edges in parallel_map(run, chunks):
            out[core] = edges
        return out
    _, nb = ctx.box_pairs(rows, width * 2 + ctx.tolerances.on_edge)
    halo = np.union1d(rows, nb)
    halo = halo[ctx.usable(halo)]
    edges = shapely.coverage_invalid_edges(ctx.geoms[halo], gap_width=width)
    pos = np.searchsorted(halo, rows)
    found = (pos < halo.size) & (halo[np.minimum(pos, halo.size - 1)] == rows)
    out[found] = edges[pos[found]]
    return out


def invalid_edges(ctx, rows: np.ndarray, width: float | None = None) -> np.ndarray:
    """Invalid edges of each row (None where it has none). Cached per row for the context's
    own tolerance, so a focused re-check after an edit recomputes only what the edit touched."""
    rows = np.asarray(rows, dtype=np.int64)
    if width is None or width == ctx.tolerances.distance:
        sh = ctx._shared
        todo = rows[~sh.edges_known[rows]]
        if todo.size:
            sh.edges[todo] = _compute(ctx, todo, ctx.tolerances.distance)
            sh.edges_known[todo] = True
        edges = sh.edges[rows]
    else:
        edges = ctx.cached(("edges", width, rows.tobytes()), lambda: _compute(ctx, rows, width))
    edges = edges.copy()
    edges[shapely.is_empty(edges) | shapely.is_missing(edges)] = None
    return edges


def study_rows(ctx, width: float) -> np.ndarray:
    """The rows whose flags matter: the scope, and for a focused check also the scope's
    neighbours (an error between a scope parcel and its neighbour involves both)."""
    if ctx.focus is None:
        return np.arange(ctx.n)
    return ctx.cached(("study", width), lambda: np.union1d(
        ctx.focus, ctx.box_pairs(ctx.focus, width * 2 + ctx.tolerances.on_edge)[1]))


def flagged(ctx, width: float | None = None) -> np.ndarray:
    """Sorted rows (among :func:`study_rows`) that have invalid edges."""
    width = ctx.tolerances.distance if width is None else width

    def compute():
        rows = study_rows(ctx, width)
        edges = invalid_edges(ctx, rows, width)
        return rows[np.not_equal(edges, None)]

    return ctx.cached(("flagged", width), compute)


def candidate_pairs(ctx, width: float | None = None):
    """(a, b), a < b: pairs of usable parcels with intersecting boxes, at least one flagged and
    at least one in scope. Overlaps and duplicates can only be among these: a parcel overlapping
    another has an edge inside it, which the validator flags (a parcel nested inside another
    flags only the inner one, hence "at least one")."""
    width = ctx.tolerances.distance if width is None else width

    def compute():
        rows = flagged(ctx, width)
        a, b = ctx.box_pairs(rows, 0.0)
        if a.size == 0:
            return a, b
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        key = np.unique(lo * ctx.n + hi)
        lo, hi = np.divmod(key, ctx.n)
        keep = ctx.usable(lo) & ctx.usable(hi) & (ctx.in_scope[lo] | ctx.in_scope[hi])
        return lo[keep], hi[keep]

    return ctx.cached(("pairs", width), compute)
