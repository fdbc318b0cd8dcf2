"""Reprojection of imported geometries into the commune's CRS (pyproj, vectorised).

Sources in WGS 84 longitude/latitude (GeoJSON, GNSS exports) reach VN-2000 through the
pinned EPSG:6960 pipeline of :mod:`..crs`, never a transformation PROJ picks by itself (the
published parameters with wrong rotation signs are ~0.75 m off). Between two VN-2000 CRSs
(another TM-3 zone, UTM) only the projection changes. Anything else goes through PROJ's
best transformation.
"""
from __future__ import annotations

import functools
from typing import Optional

import numpy as np
import shapely

from ..crs import (TM3_EPSG_CODES, TM3_SCALE_FACTOR, VN2000_UTM_EPSG, central_meridian,
                   transformer)
from ..messages import CadastreError, Issue
from .report import problem

_VN2000 = TM3_EPSG_CODES | set(VN2000_UTM_EPSG) | {4756}


def _crs(definition):
    from pyproj import CRS

    return CRS.from_user_input(definition)


def check_target_crs(epsg: int) -> bool:
    """True for a VN-2000 CRS; False for another projected CRS in metres (accepted, e.g. for
    foreign test data); CadastreError for anything a working copy cannot be kept in."""
    from pyproj.exceptions import CRSError

    if int(epsg) in _VN2000 - {4756}:
        return True
    try:
        crs = _crs(f"EPSG:{int(epsg)}")
    except CRSError:
        crs = None
    if crs is None or not crs.is_projected or crs.axis_info[0].unit_name not in ("metre", "meter"):
        raise CadastreError(
            "import.crs", f"EPSG:{epsg} is not a projected CRS in metres, so areas cannot be "
            "computed in it. Give the commune's VN-2000 TM-3 code (e.g. 9210 for Hải Phòng).",
            f"EPSG:{epsg} không phải hệ tọa độ phẳng đơn vị mét nên không tính được diện tích. "
            "Hãy nhập mã EPSG múi chiếu TM-3 VN-2000 của xã (ví dụ 9210 cho Hải Phòng).")
    return False


def _epsg_of(crs) -> Optional[int]:
    code = crs.to_epsg(min_confidence=90)
    return int(code) if code else None


@functools.lru_cache(maxsize=32)
def _transform_func(source: str, target_epsg: int):
    """A function (x, y) -> (x, y) arrays from ``source`` (any CRS text) to the target EPSG."""
    from pyproj import Transformer

    src = _crs(source)
    src_epsg = _epsg_of(src)
    if src_epsg == target_epsg:
        return None
    if target_epsg in _VN2000 and src.is_geographic and src_epsg in (4326, None) and \
            src.datum is not None and "WGS" in (src.datum.name or "").upper():
        # longitude/latitude WGS 84 -> VN-2000 through the pinned EPSG:6960 pipeline
        from pyproj.enums import TransformDirection

        t = transformer(target_epsg)
        return lambda x, y: t.transform(x, y, direction=TransformDirection.INVERSE)
    t = Transformer.from_crs(src, f"EPSG:{target_epsg}", always_xy=True)
    return t.transform


def to_target(geoms, source_crs: Optional[str], target_epsg: int) -> np.ndarray:
    """Geometries moved from ``source_crs`` (WKT, PROJ string or 'EPSG:n') to ``target_epsg``;
    unchanged when the source CRS is unknown (None) or the same."""
    geoms = np.asarray(geoms, dtype=object)
    if source_crs is None or geoms.size == 0:
        return geoms
    func = _transform_func(source_crs, int(target_epsg))
    if func is None:
        return geoms

    def move(coords):
        x, y = func(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, move)


def tm3_zone_declared_on_wgs84(source_crs: str) -> Optional[int]:
    """The VN-2000 TM-3 EPSG code a CRS stands for when it has a TM-3 zone's projection but
    declares the WGS 84 datum, else None.

    MapInfo has no VN-2000 datum of its own, so TAB files (and .prj files written from them)
    routinely declare "Transverse Mercator, WGS 84" with the TM-3 parameters while holding
    VN-2000 coordinates. Taken literally, reprojecting them would apply the VN-2000 datum
    shift a second time and move every parcel by some 200 m."""
    crs = _crs(source_crs)
    op = crs.coordinate_operation if crs.is_projected else None
    if op is None or "transverse mercator" not in (op.method_name or "").lower():
        return None
    ellipsoid = crs.ellipsoid
    if ellipsoid is None or abs(ellipsoid.semi_major_metre - 6378137.0) > 1e-3 or \
            abs(ellipsoid.inverse_flattening - 298.257223563) > 1e-6:
        return None
    datum = (crs.datum.name or "").lower()
    if "wgs" not in datum and "world geodetic system" not in datum:
        return None
    params = {p.name.lower(): p.value for p in op.params}
    if abs(params.get("scale factor at natural origin", 0) - TM3_SCALE_FACTOR) > 1e-9 or \
            params.get("false easting") != 500000 or params.get("false northing") != 0 or \
            params.get("latitude of natural origin") != 0:
        return None
    by_meridian = {central_meridian(e): e for e in TM3_EPSG_CODES}
    return by_meridian.get(round(params.get("longitude of natural origin", -1) * 4) / 4)


def resolve_source_crs(source_crs: Optional[str]) -> tuple:
    """(CRS text to reproject from, an Issue explaining a reinterpretation or None)."""
    if source_crs is None:
        return None, None
    epsg = tm3_zone_declared_on_wgs84(source_crs)
    if epsg is None:
        return source_crs, None
    issue: Issue = problem(
        "import.crs_vn2000_assumed", "warning",
        f"The source declares a TM-3 projection on the WGS 84 datum (usual for MapInfo files, "
        f"which have no VN-2000 datum); its coordinates were taken as VN-2000 TM-3 EPSG:{epsg} "
        "without a datum shift. If they really are WGS 84, import again with --source-crs.",
        f"Nguồn dữ liệu khai báo phép chiếu TM-3 trên hệ WGS 84 (thường gặp ở tệp MapInfo, "
        f"vốn không có hệ VN-2000); tọa độ được coi là VN-2000 TM-3 EPSG:{epsg}, không chuyển "
        "đổi hệ quy chiếu. Nếu thực sự là WGS 84, hãy nhập lại với --source-crs.", epsg=epsg)
    return f"EPSG:{epsg}", issue


def crs_name(source_crs: Optional[str]) -> Optional[str]:
    if source_crs is None:
        return None
    crs = _crs(source_crs)
    code = _epsg_of(crs)
    return f"{crs.name} (EPSG:{code})" if code else crs.name
