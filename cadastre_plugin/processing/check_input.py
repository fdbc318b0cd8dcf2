"""Parcels for the quality check from any QGIS polygon source: geometries through WKB, the
mapped fields, the CRS made metric (the command line's own logic, core ``source.to_metric``).

When the source is the parcel layer of a working copy, the check also gets what only a working
copy has (its commune, map sheets with their scales, the province's minimum split areas) and
looks at current parcels only: then it is the same check as ``cadastre check`` and the
"Check topology" action.
"""
from __future__ import annotations

import numpy as np
import shapely
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsWkbTypes

from ..core.quality import CheckContext, Tolerances
from ..core.quality.source import ROLES, bad_input, to_metric

#: CheckContext column of each field role (the id role gives the context's ids).
_CONTEXT_COLUMN = {"sheet": "sheet_no", "number": "parcel_no", "landuse": "landuse",
                   "legal_area": "legal_area", "commune": "commune_code"}


def resolve_fields(names, given: dict) -> dict:
    """{role: field name}: the field given for a role, else the first known name present
    (case-insensitive). A given field the source does not have is an error."""
    lower = {n.lower(): n for n in names}
    out = {}
    for role, defaults in ROLES.items():
        wanted = given.get(role)
        if wanted:
            if wanted.lower() not in lower:
                listed = ", ".join(names)
                raise bad_input(f"The layer has no field '{wanted}'. Fields: {listed}.",
                                f"Lớp không có trường '{wanted}'. Các trường: {listed}.")
            out[role] = lower[wanted.lower()]
            continue
        found = next((lower[d.lower()] for d in defaults if d.lower() in lower), None)
        if found:
            out[role] = found
    return out


def _value(value):
    """QGIS's NULL (a null QVariant) as None; other values as they are."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def _wkb(geometry: QgsGeometry):
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        # Arcs as straight segments: the rules work on vertices.
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return bytes(geometry.asWkb())


def read_source(source, fields: dict, working_copy=None, feedback=None):
    """(fids, shapely geometries, {role: values}) of the features of ``source``."""
    names = sorted(set(fields.values()) | ({"status"} if working_copy is not None else set()))
    request = QgsFeatureRequest().setSubsetOfAttributes(names, source.fields())
    total = max(source.featureCount(), 1)
    fids, wkbs, values = [], [], {role: [] for role in fields}
    for k, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and k % 5000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(20.0 * k / total)
        if working_copy is not None and _value(feature["status"]) not in (None, "current"):
            continue  # retired versions are history, not part of the map
        fids.append(feature.id())
        wkbs.append(_wkb(feature.geometry()))
        for role, name in fields.items():
            values[role].append(_value(feature[name]))
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object))
    return (np.array(fids, dtype=np.int64), geoms,
            {role: np.array(v, dtype=object) for role, v in values.items()})


def pyproj_crs(crs):
    """The pyproj CRS of a QgsCoordinateReferenceSystem (None when it is not valid)."""
    from pyproj import CRS

    if not crs.isValid():
        return None
    if crs.authid().upper().startswith("EPSG:"):
        return CRS.from_user_input(crs.authid())
    return CRS.from_wkt(crs.toWkt(crs.WKT2_2019))


def build_context(source, fields: dict, tolerance=None, working_copy=None, feedback=None
                  ) -> CheckContext:
    """The CheckContext of ``source`` with ``fields`` ({role: name}); ``working_copy`` is an
    open WorkingCopy when the source is its parcel layer."""
    fids, geoms, values = read_source(source, fields, working_copy, feedback)
    geoms, label, epsg, wkt = to_metric(geoms, pyproj_crs(source.sourceCrs()))
    columns = {_CONTEXT_COLUMN[role]: values[role] for role in values if role in _CONTEXT_COLUMN}
    extra = {}
    tolerances = Tolerances()
    if working_copy is not None:
        from ..core.quality.min_split_area import for_commune

        sheets = {(s.commune_code, s.sheet_no): s for s in working_copy.sheets()}
        commune = working_copy.commune
        # The scales of the sheets the parcels are on, as the working copy's own check does.
        used = set(zip(columns.get("commune_code", ()), columns.get("sheet_no", ()))) \
            or set(sheets)
        tolerances = Tolerances.for_scales(sheets[k].scale for k in used if k in sheets)
        extra = {"sheets": sheets, "commune": commune, "min_split": for_commune(commune)}
    ctx = CheckContext(geoms, ids=values["id"] if "id" in values else fids, fids=fids,
                       tolerances=tolerances.with_distance(tolerance), crs=label, crs_epsg=epsg,
                       crs_wkt=wkt, **columns, **extra)
    ctx.source_fields = dict(fields)
    return ctx
