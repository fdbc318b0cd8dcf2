"""Known faults written into a working copy: the demo commune with a few errors to show
(``make demo``), the QGIS tests' data and the benchmark's. The demo generator stays clean;
this is a separate step on a working copy it made.

The faults are written as data that arrived that way (an unjournalled operation), not as edits
waiting to be pushed: a surveyor would find them in a map delivered by someone else.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..area import round_area
from .context import CheckContext
from .inject import Injected, inject

COLUMNS = ("sheet_no", "parcel_no", "landuse", "commune_code", "legal_area")
#: Faults the working copy's schema cannot hold: its parcel geometry column is POLYGON, and
#: its commune code is checked to be five characters (the injector may write six).
UNSUPPORTED = ("multipart", "bad_commune")


@dataclass
class InjectedCopy:
    injected: Injected
    #: fids[row] is the GeoPackage fid of the truth's row ``row`` (the rows of
    #: ``CheckContext.from_working_copy`` on the same file).
    fids: np.ndarray

    @property
    def truth(self) -> list:
        return self.injected.truth


def inject_into(wc, counts: dict, seed: int = 0) -> InjectedCopy:
    """Inject ``counts`` ({kind: n}, kinds of :mod:`.inject`) into the current parcels of
    ``wc``, away from the map sheet edges (a fault on a sheet edge would also put the parcel
    outside its sheet), at the working copy's own distance tolerance."""
    unsupported = [kind for kind in counts if kind in UNSUPPORTED and counts[kind]]
    if unsupported:
        raise ValueError(f"a working copy cannot hold these faults: {', '.join(unsupported)}")
    ctx = CheckContext.from_working_copy(wc)
    frames = [s.frame for s in (ctx.sheets or {}).values()]
    avoid = shapely.union_all(shapely.boundary(frames)) if frames else None
    columns = {c: getattr(ctx, c) for c in COLUMNS}
    injected = inject(ctx.geoms, columns, counts, seed=seed,
                      tolerance=ctx.tolerances.distance, avoid=avoid)
    moved = np.flatnonzero(~shapely.equals_exact(injected.geoms, ctx.geoms, 0))
    with wc.operation("inject-faults", journal=False) as conn:
        if moved.size:
            from ..gpkg import encode

            geoms = injected.geoms[moved]
            valid = shapely.is_valid(geoms)
            # The measured area of a drawing that is not a valid polygon means nothing: keep
            # the old one rather than store a number the schema may refuse (zero).
            areas = [float(round_area(a)) if ok else None
                     for a, ok in zip(shapely.area(geoms), valid)]
            conn.executemany(
                "UPDATE parcels SET geom = ?, area = coalesce(?, area) WHERE fid = ?",
                [(b, a, int(ctx.fids[r])) for b, a, r in
                 zip(encode(geoms, wc.commune.crs_epsg), areas, moved)])
        for name, before in columns.items():
            after = injected.attrs[name]
            changed = [r for r in range(len(after)) if not _same(after[r], before[r])]
            conn.executemany(f"UPDATE parcels SET {name} = ? WHERE fid = ?",
                             [(_plain(after[r]), int(ctx.fids[r])) for r in changed])
    return InjectedCopy(injected, ctx.fids.copy())


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b


def _plain(value):
    return value.item() if hasattr(value, "item") else value
