"""The quality engine's incremental check, run on the neighbourhood of one edit.

:mod:`.apply` already refuses an edit that breaks the coverage (overlap, gap, unshared
vertex). The quality engine knows more rules (spikes, near-coincident vertices, parcels below
the province's minimum split area, area discrepancies, duplicate numbers...). This runs them
on the parcels around the edit only, read through the GeoPackage R-tree (never the whole
layer), and keeps what the edit brought: the same check runs on the versions the operation
replaced, and a finding counts as new unless a finding of the same rule was already there,
covering the same place.

The quality engine is its own package; a working copy used without it (a stripped-down
install) gets only the checks of :mod:`.apply`, and :func:`check_edit` says so by returning
None.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np
import shapely

from .. import gpkg
from ..model import MapSheet
from ..schema import PARCEL_LAYER, PARCEL_VERSIONS_LAYER, SHEET_LAYER
from ..working_copy import WorkingCopy

# Columns the quality context takes, in this order.
_COLS = ("uuid", "commune_code", "sheet_no", "parcel_no", "landuse", "legal_area")
# Where a finding that was there before also "covers" a new one (m): the rounding of the
# engine's error geometries, far below any survey tolerance.
_SAME_PLACE = 0.01


@dataclass
class NeighbourhoodReport:
    """New quality findings around an edit."""

    findings: list = field(default_factory=list)  # quality Finding objects, new ones only
    checked: int = 0  # parcels in the checked neighbourhood
    seconds: float = 0.0

    def messages(self, lang: Optional[str] = None) -> list:
        return [f.message(lang) for f in self.findings]


def _engine():
    try:
        from ..quality.context import CheckContext
        from ..quality.min_split_area import for_commune
        from ..quality.run import check_neighbourhood
        from ..quality.tolerances import Tolerances
    except ImportError:
        return None
    return CheckContext, for_commune, check_neighbourhood, Tolerances


def _read(conn, table: str, where: str, params: Sequence) -> list:
    rows = conn.execute(f"SELECT t.fid, {', '.join('t.' + c for c in _COLS)}, t.geom "
                        f"FROM {table} t {where}", tuple(params)).fetchall()
    geoms = gpkg.decode([r[-1] for r in rows])
    return [dict(zip(("fid",) + _COLS, r[:-1]), geom=g) for r, g in zip(rows, geoms)]


def _in_bbox(conn, bounds) -> list:
    minx, miny, maxx, maxy = bounds
    return _read(conn, PARCEL_LAYER, "JOIN rtree_parcels_geom r ON r.id = t.fid WHERE "
                 "r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?",
                 (maxx, minx, maxy, miny))


def _grown(bounds, pad: float):
    return (bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad)


def _window(conn, changed: list, pad: float) -> list:
    """The changed parcels, their neighbours within ``pad``, and those neighbours'
    neighbours: every parcel whose findings the engine's neighbourhood check can touch."""
    geoms = np.array([r["geom"] for r in changed], dtype=object)
    first = _in_bbox(conn, _grown(shapely.total_bounds(geoms), pad))
    near = [r for r in first if shapely.dwithin(r["geom"], geoms, pad).any()]
    reach = np.array([r["geom"] for r in near] or list(geoms), dtype=object)
    return _in_bbox(conn, _grown(shapely.total_bounds(reach), pad))


def _sheets(conn, rows: list) -> dict:
    """(commune_code, sheet_no) -> MapSheet, for the sheets of ``rows`` only: a province has
    thousands of sheets, and the check needs the few around the edit."""
    keys = sorted({(r["commune_code"], r["sheet_no"]) for r in rows})
    if not keys:
        return {}
    values = ", ".join("(?, ?)" for _ in keys)
    found = conn.execute(
        f"SELECT commune_code, sheet_no, grid_number, scale, crs_epsg, geom FROM {SHEET_LAYER} "
        f"WHERE (commune_code, sheet_no) IN (VALUES {values})",
        [v for key in keys for v in key]).fetchall()
    frames = gpkg.decode([r[5] for r in found])
    return {(r[0], r[1]): MapSheet(r[0], r[1], r[2], r[3], r[4], f)
            for r, f in zip(found, frames)}


def _previous(conn, uuids: list) -> dict:
    """uuid -> the newest history row of each: the version the operation replaced."""
    if not uuids:
        return {}
    marks = ",".join("?" * len(uuids))
    rows = _read(conn, PARCEL_VERSIONS_LAYER, f"WHERE t.uuid IN ({marks}) ORDER BY t.fid", uuids)
    return {r["uuid"]: r for r in rows}  # later rows win: the newest version


def _context(engine, wc: WorkingCopy, rows: list, commune, sheets, min_split):
    CheckContext, _, _, Tolerances = engine
    scales = [sheets[k].scale for k in {(r["commune_code"], r["sheet_no"]) for r in rows}
              if k in sheets]
    columns = {c: [r[c] for r in rows] for c in _COLS}
    return CheckContext(
        [r["geom"] for r in rows], ids=columns["uuid"], fids=[r["fid"] for r in rows],
        sheet_no=columns["sheet_no"], parcel_no=columns["parcel_no"],
        landuse=columns["landuse"], commune_code=columns["commune_code"],
        legal_area=columns["legal_area"], tolerances=Tolerances.for_scales(scales),
        commune=commune, sheets=sheets, min_split=min_split, crs=f"EPSG:{commune.crs_epsg}")


def _is_old(finding, before_by_rule: dict) -> bool:
    zone = before_by_rule.get(finding.rule)
    if zone is None or finding.geometry is None:
        return zone is not None
    return bool(zone.covers(finding.geometry))


def check_edit(wc: WorkingCopy, changed: Sequence[str], replaced: Sequence[str] = (),
               created: Sequence[str] = ()) -> Optional[NeighbourhoodReport]:
    """New quality findings after an operation.

    ``changed``: uuids of the parcels the operation created or updated (current now);
    ``replaced``: uuids whose previous version the operation archived (retired parents,
    updated neighbours); ``created``: the new parcels, absent before. Returns None when the
    quality engine is not installed."""
    engine = _engine()
    if engine is None:
        return None
    started = time.perf_counter()
    _, for_commune, check_neighbourhood, _ = engine
    conn = wc.conn
    changed = list(dict.fromkeys(changed))
    marks = ",".join("?" * len(changed))
    now = _read(conn, PARCEL_LAYER, f"WHERE t.uuid IN ({marks})", changed) if changed else []
    if not now:
        return NeighbourhoodReport(seconds=time.perf_counter() - started)
    commune = wc.commune
    min_split = for_commune(commune)
    # Twice the edited parcels' sheet tolerance: how far the engine looks for neighbours.
    scales = {s.scale for s in _sheets(conn, now).values()}
    pad = 2 * engine[3].for_scales(scales).distance
    after_rows = _window(conn, now, pad)
    previous = _previous(conn, list(replaced))
    sheets = _sheets(conn, after_rows + list(previous.values()))
    after = _context(engine, wc, after_rows, commune, sheets, min_split)
    index = {r["uuid"]: i for i, r in enumerate(after_rows)}
    found = check_neighbourhood(after, [index[u] for u in changed if u in index]).findings

    gone = set(created) | set(previous)
    before_rows = [r for r in after_rows if r["uuid"] not in gone] + list(previous.values())
    before_by_rule = {}
    if before_rows:
        before = _context(engine, wc, before_rows, commune, sheets, min_split)
        b_index = {r["uuid"]: i for i, r in enumerate(before_rows)}
        focus = [b_index[u] for u in list(previous) + [u for u in changed if u in b_index]]
        for f in check_neighbourhood(before, focus).findings:
            if f.geometry is None:
                before_by_rule.setdefault(f.rule, shapely.GeometryCollection())
                continue
            zone = shapely.buffer(f.geometry, _SAME_PLACE)
            prior = before_by_rule.get(f.rule)
            before_by_rule[f.rule] = zone if prior is None else shapely.union(prior, zone)
    new = [f for f in found if not _is_old(f, before_by_rule)]
    return NeighbourhoodReport(new, len(after_rows), time.perf_counter() - started)


def check_result(wc: WorkingCopy, result) -> Optional[NeighbourhoodReport]:
    """:func:`check_edit` for an :class:`.apply.OperationResult`."""
    return check_edit(wc, list(result.created) + list(result.updated),
                      list(result.retired) + list(result.updated), result.created)
