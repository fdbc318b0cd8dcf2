"""The edits the sync benchmark makes in a working copy, through its journal like any editing
tool: a new address on every parcel, and on every tenth one a new boundary too (a vertex added
halfway along its first edge: the shape, the area and the neighbours' shared edge stay as they
were, so the checks on both sides pass, but the geometry really changes and travels)."""
from __future__ import annotations

import shapely

from cadastre_plugin.core import gpkg


def edit(wc, fids, label: str, reshape_every: int = 10) -> int:
    """Edits the parcels ``fids`` in one journalled operation; returns how many were
    reshaped. Parcels astride a sheet edge keep their boundary: a new vertex could move their
    label point onto the next sheet, which the checks rightly report."""
    fids = list(fids)
    rows = []
    for i in range(0, len(fids), 400):
        chunk = fids[i:i + 400]
        rows += wc.conn.execute(f"SELECT fid, geom, sheet_no FROM parcels WHERE fid IN "
                                f"({','.join('?' * len(chunk))})", chunk).fetchall()
    geoms = gpkg.decode([r[1] for r in rows])
    frames = {s.sheet_no: s.frame for s in wc.sheets()}
    srs = wc.commune.crs_epsg
    updates = []
    for i, ((fid, _, sheet), geom) in enumerate(zip(rows, geoms)):
        blob = None
        if reshape_every and i % reshape_every == 0 and frames[sheet].contains(geom):
            ring = shapely.get_coordinates(geom.exterior)
            mid = (ring[0] + ring[1]) / 2
            blob = gpkg.encode([shapely.Polygon([ring[0], mid, *ring[1:]], geom.interiors)],
                               srs)[0]
        updates.append((f"{label}, thửa {fid}", blob, fid))
    with wc.operation("bench") as conn:
        conn.executemany("UPDATE parcels SET address = ?, geom = coalesce(?, geom) WHERE fid = ?",
                         updates)
    return sum(1 for u in updates if u[1] is not None)
