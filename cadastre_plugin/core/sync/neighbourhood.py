"""The topology check of a change set: the quality rule engine (``core/quality``) run on the
changed parcels and their neighbours, before and after the change.

Only *new* errors that involve a changed parcel count: a legacy problem that was already there
(an old sliver next to a parcel whose owner's address was corrected) must not block the push,
while an overlap the edit created must. "New" is judged by rule, parcels and location, so an
error that moves because of the edit counts as new. The same function runs in the working
copy before sending and on the server before committing, each with its own neighbours.
"""
from __future__ import annotations

import json

import numpy as np
import shapely

from ..quality import registry
from ..quality.context import CheckContext
from ..quality.min_split_area import for_commune
from ..quality.run import check_neighbourhood
from ..quality.tolerances import Tolerances
from .rules import violation

# Reported by the record checks already (attributes), or globally rather than only within the
# neighbourhood (a duplicate number may be anywhere on the sheet).
NOT_HERE = {"CAD-LANDUSE-CODE", "CAD-COMMUNE-CODE", "CAD-DUPLICATE-NUMBER"}
MARGIN_M = 5.0  # neighbours are fetched this far around the changed parcels (> any tolerance)


def fetch_boxes(geoms) -> np.ndarray:
    """Bounding boxes (minx, miny, maxx, maxy) around which the neighbours must be fetched."""
    geoms = np.asarray([g for g in geoms if g is not None and not g.is_empty], dtype=object)
    if not len(geoms):
        return np.zeros((0, 4))
    b = shapely.bounds(geoms)
    return b + np.array([-MARGIN_M, -MARGIN_M, MARGIN_M, MARGIN_M])


def new_errors(before: list, after: list, neighbours: list, commune, sheets: dict,
               scales) -> list:
    """Violations (wire dicts) for errors in ``after`` that ``before`` did not have.

    ``before``/``after``: the changed parcels that are current before/after the change, and
    ``neighbours`` the unchanged current parcels around them; each a dict with uuid, sheet_no,
    parcel_no, landuse, commune_code, legal_area and a shapely ``geometry``."""
    if not after:
        return []
    rules = [r for r in registry.create() if r.id not in NOT_HERE]
    tolerances = Tolerances.for_scales(scales)
    seen = {_identity(f) for f in _errors(before, neighbours, commune, sheets, tolerances, rules)}
    changed = {p["uuid"] for p in before} | {p["uuid"] for p in after}
    labels = {p["uuid"]: f"{p.get('sheet_no')}/{p.get('parcel_no')}" for p in after}
    out = []
    for f in _errors(after, neighbours, commune, sheets, tolerances, rules):
        mine = [p for p in f.parcels if p in changed]
        if not mine or _identity(f) in seen:
            continue
        shape = None
        if f.geometry is not None and not shapely.is_empty(f.geometry):
            shape = json.loads(shapely.to_geojson(f.geometry))
        out.append(violation(f.rule, mine[0], labels.get(mine[0], ""), f.en, f.vi, shape)
                   | {"parcels": [str(p) for p in f.parcels]})
    return out


def _errors(changed: list, neighbours: list, commune, sheets, tolerances, rules) -> list:
    if not changed:
        return []
    rows = list(changed) + list(neighbours)
    col = {name: [r.get(name) for r in rows] for name in
           ("uuid", "sheet_no", "parcel_no", "landuse", "commune_code", "legal_area")}
    ctx = CheckContext(
        np.array([r["geometry"] for r in rows], dtype=object), ids=col["uuid"],
        sheet_no=col["sheet_no"], parcel_no=col["parcel_no"], landuse=col["landuse"],
        commune_code=col["commune_code"],
        legal_area=col["legal_area"],
        tolerances=tolerances, commune=commune, sheets=sheets, min_split=for_commune(commune),
        crs=f"EPSG:{commune.crs_epsg}", crs_epsg=commune.crs_epsg)
    result = check_neighbourhood(ctx, np.arange(len(changed)), rules)
    return [f for f in result.findings if f.severity == "error"]


def _identity(finding) -> tuple:
    where = ()
    if finding.geometry is not None and not shapely.is_empty(finding.geometry):
        c = shapely.centroid(finding.geometry)
        where = (round(c.x, 3), round(c.y, 3))
    return (finding.rule, tuple(sorted(str(p) for p in finding.parcels)), where)
