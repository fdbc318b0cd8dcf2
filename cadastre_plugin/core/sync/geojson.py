"""Parcel polygons to and from GeoJSON geometry objects, in the commune's own TM-3 CRS.

Coordinates travel as JSON numbers written by Python's shortest round-trip ``repr``, so a
polygon that goes client -> server -> another client arrives bit-for-bit equal. Both directions
work on whole arrays through shapely's ragged-array functions: a pull of 100,000 parcels must
not build them one Python object at a time.
"""
from __future__ import annotations

import json

import numpy as np
import shapely
from shapely import GeometryType


def to_geojson(geoms) -> list:
    """GeoJSON dicts for an array of shapely Polygons (None or empty stays None). Anything
    else (a MultiPolygon drawn by hand) is written as what it is, for the checks to refuse."""
    geoms = np.asarray(geoms, dtype=object)
    out = [None] * len(geoms)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    other = present & (shapely.get_type_id(geoms) != GeometryType.POLYGON)
    for i in np.flatnonzero(other):
        out[i] = json.loads(shapely.to_geojson(geoms[i]))
    idx = np.flatnonzero(present & ~other)
    if not len(idx):
        return out
    polys = geoms[idx]
    _, coords, (ring_offsets, poly_offsets) = shapely.to_ragged_array(polys)
    rings = np.split(coords, ring_offsets[1:-1]) if len(ring_offsets) > 2 else [coords]
    rings = [r.tolist() for r in rings]
    for j, i in enumerate(idx):
        out[i] = {"type": "Polygon", "coordinates": rings[poly_offsets[j]:poly_offsets[j + 1]]}
    return out


def from_geojson(objs) -> np.ndarray:
    """Shapely Polygons from GeoJSON Polygon dicts (already validated; None stays None)."""
    out = np.full(len(objs), None, dtype=object)
    idx = [i for i, o in enumerate(objs) if o is not None]
    if not idx:
        return out
    coords, ring_offsets, poly_offsets = [], [0], [0]
    for i in idx:
        rings = objs[i]["coordinates"]
        for ring in rings:
            coords.extend(ring)
            ring_offsets.append(ring_offsets[-1] + len(ring))
        poly_offsets.append(poly_offsets[-1] + len(rings))
    polys = shapely.from_ragged_array(
        GeometryType.POLYGON, np.asarray(coords, dtype=float).reshape(-1, 2),
        (np.asarray(ring_offsets), np.asarray(poly_offsets)))
    out[idx] = polys
    return out
