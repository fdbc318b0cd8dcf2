"""The vertices of the parcels' rings as flat NumPy arrays, shared by the duplicate-vertex and
spike rules: one pass over millions of coordinates, no loop over parcels.

Coordinates are kept ring after ring, each ring closed (its last coordinate repeats the first),
in separate contiguous x and y arrays: arithmetic on columns of an (N, 2) array is several
times slower at this size.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely


@dataclass(frozen=True)
class VertexTable:
    x: np.ndarray
    y: np.ndarray
    ring_start: np.ndarray  # index of each ring's first coordinate
    ring_size: np.ndarray  # coordinates in each ring, closing one included
    ring_row: np.ndarray  # context row of each ring
    ring_no: np.ndarray  # number of each ring within its row (get_rings order: shell first)

    @property
    def closing(self) -> np.ndarray:
        """Mask of the closing coordinates (not vertices of their own)."""
        mask = np.zeros(len(self.x), dtype=bool)
        mask[self.ring_start + self.ring_size - 1] = True
        return mask

    def ring_of(self, index) -> np.ndarray:
        return np.searchsorted(self.ring_start, index, side="right") - 1


def vertex_table(ctx) -> VertexTable:
    return ctx.cached("vertices", lambda: _build(ctx, ctx.rows[ctx.polygonal[ctx.rows]]))


def _build(ctx, rows: np.ndarray) -> VertexTable:
    geoms = ctx.geoms[rows]
    # Almost every parcel is one polygon without holes: its coordinates are its only ring, and
    # building a ring object per parcel (get_rings) would cost more than the whole check of it.
    simple = (shapely.get_type_id(geoms) == 3) & (shapely.get_num_interior_rings(geoms) == 0)
    xys = [shapely.get_coordinates(geoms[simple])]
    sizes = [shapely.get_num_coordinates(geoms[simple])]
    ring_rows = [rows[simple]]
    ring_nos = [np.zeros(int(simple.sum()), dtype=np.int64)]
    if (~simple).any():
        # get_rings only opens Polygons: split multipolygons into their parts first. Ring
        # numbers then run over all parts of the parcel, shells and holes in part order.
        parts, part_owner = shapely.get_parts(geoms[~simple], return_index=True)
        rings, owner = shapely.get_rings(parts, return_index=True)
        owner = part_owner[owner]
        xys.append(shapely.get_coordinates(rings))
        sizes.append(shapely.get_num_coordinates(rings))
        ring_rows.append(rows[~simple][owner])
        ring_nos.append(np.arange(owner.size) - np.searchsorted(owner, owner))
    xy = np.concatenate(xys)
    size = np.concatenate(sizes).astype(np.int64)
    start = np.concatenate([[0], np.cumsum(size)[:-1]]).astype(np.int64)
    return VertexTable(np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1]),
                       start, size, np.concatenate(ring_rows), np.concatenate(ring_nos))
