"""Vectorised helpers the rules share: parallel spatial chunks, connected components, boxes,
polygonal parts.

shapely's vectorised functions release the GIL, so a large array split into spatial chunks
runs on every core with plain threads; a chunk carries a halo of the neighbouring parcels so
that its own results are exactly those of one call over everything.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

POLYGONAL_TYPES = (3, 6)  # shapely type ids of Polygon and MultiPolygon

#: Below this many geometries a single call beats the thread hand-over.
PARALLEL_MIN = 20_000


def workers() -> int:
    env = os.environ.get("CADASTRE_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(os.cpu_count() or 1, 8))


def parallel_map(fn, items: list) -> list:
    if len(items) <= 1 or workers() == 1:
        return [fn(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(workers(), len(items))) as pool:
        return list(pool.map(fn, items))


def vectorised(fn, geoms: np.ndarray, *args, **kwargs) -> np.ndarray:
    """``fn(geoms, ...)`` for an element-wise shapely function, in parallel index chunks."""
    n = len(geoms)
    k = workers()
    if n < PARALLEL_MIN or k == 1:
        return fn(geoms, *args, **kwargs)
    bounds = np.linspace(0, n, k + 1).astype(int)
    parts = parallel_map(lambda i: fn(geoms[bounds[i]:bounds[i + 1]], *args, **kwargs), list(range(k)))
    return np.concatenate(parts)


def spatial_chunks(bounds: np.ndarray, margin: float, k: int | None = None) -> list:
    """Split rows (by their (minx, miny, maxx, maxy) ``bounds``) into ``k`` strips along the
    longer axis: [(core rows, core + halo rows)]. The halo holds every row whose box comes
    within ``margin`` of the strip's rows, so a neighbourhood computation over core + halo is
    exact for the core rows."""
    n = len(bounds)
    k = k or workers()
    if n < PARALLEL_MIN or k == 1:
        rows = np.arange(n)
        return [(rows, rows)]
    wide = (np.nanmax(bounds[:, 2]) - np.nanmin(bounds[:, 0])) >= \
        (np.nanmax(bounds[:, 3]) - np.nanmin(bounds[:, 1]))
    lo, hi = (bounds[:, 0], bounds[:, 2]) if wide else (bounds[:, 1], bounds[:, 3])
    centre = (lo + hi) / 2
    order = np.argsort(centre, kind="stable")
    chunks = []
    for core in np.array_split(order, k):
        c_lo, c_hi = lo[core].min() - margin, hi[core].max() + margin
        halo = np.flatnonzero((hi >= c_lo) & (lo <= c_hi))
        chunks.append((np.sort(core), halo))
    return chunks


def expanded_boxes(geoms: np.ndarray, distance: float) -> np.ndarray:
    b = shapely.bounds(geoms)
    return shapely.box(b[:, 0] - distance, b[:, 1] - distance, b[:, 2] + distance, b[:, 3] + distance)


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected-component label (the smallest node id) of nodes 0..n-1 linked by edges a-b.

    Min-label propagation with pointer jumping: a few NumPy passes for the small clusters that
    errors form."""
    labels = np.arange(n)
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if a.size == 0:
        return labels
    while True:
        low = np.minimum(labels[a], labels[b])
        new = labels.copy()
        np.minimum.at(new, a, low)
        np.minimum.at(new, b, low)
        new = new[new]  # pointer jumping: follow labels to their own label
        if np.array_equal(new, labels):
            return labels
        labels = new


def polygonal_part(geoms: np.ndarray) -> np.ndarray:
    """The polygons of each geometry (overlay results mix in lines and points where parcels
    only touch), as Polygon/MultiPolygon, or None when there are none."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    if len(geoms) == 0:
        return out
    types = shapely.get_type_id(geoms)
    plain = np.isin(types, POLYGONAL_TYPES) & ~shapely.is_empty(geoms)
    out[plain] = geoms[plain]
    mixed = np.flatnonzero(types == 7)
    if mixed.size:
        parts, idx = shapely.get_parts(geoms[mixed], return_index=True)
        # A collection may nest multipolygons: flatten once more.
        parts, idx2 = shapely.get_parts(parts, return_index=True)
        idx = idx[idx2]
        keep = shapely.get_type_id(parts) == 3
        if keep.any():
            owners, first = np.unique(idx[keep], return_index=True)
            multis = shapely.multipolygons(parts[keep], indices=np.searchsorted(owners, idx[keep]))
            single = np.bincount(np.searchsorted(owners, idx[keep])) == 1
            polys = parts[keep]
            merged = np.where(single, polys[first], multis)
            out[mixed[owners]] = merged
    return out
