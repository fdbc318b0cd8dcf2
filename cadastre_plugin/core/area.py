"""Parcel area as the cadastre records it (Circular 25/2014).

The legal area is the *horizontal* area in the commune's VN-2000 TM-3 projection (k0 = 0.9999,
the province's central meridian), in square metres, rounded to 0.1 m². Nothing here
reprojects: geometries must already be in that CRS. Areas computed in UTM (k0 = 0.9996),
in EPSG:3857 or from longitude/latitude are wrong, silently, by up to several per cent.
"""
from __future__ import annotations

import numpy as np
import shapely

# Areas are snapped to 1e-6 m² before rounding, so that floating-point noise such as
# 1234.4499999999998 (a shoelace sum that "is" 1234.45) rounds the way a surveyor working
# from the printed coordinates would: up. 1 mm² is far below any survey precision.
_NOISE_DECIMALS = 6


def round_area(a):
    """Round area(s) in m² to 0.1 m², halves away from zero (12.25 -> 12.3, not 12.2).

    NumPy's ``round`` and Python's ``round`` round halves to even and work on the binary
    value (``round(1.45, 1) == 1.4``), which is not what the circular or a land officer means.
    Accepts a float or an array; returns a float or an array of the same shape. NaN (area of
    a missing geometry) stays NaN.
    """
    arr = np.asarray(a, dtype=float)
    snapped = np.round(np.abs(arr), _NOISE_DECIMALS)
    out = np.copysign(np.floor(snapped * 10.0 + 0.5) / 10.0, arr)
    if out.ndim == 0:
        return float(out)
    return out


def parcel_areas(geoms) -> np.ndarray:
    """Legal areas (m², rounded to 0.1 m²) of an array or list of shapely geometries.

    The geometries must already be in the commune's VN-2000 TM-3 CRS (see the module
    docstring). Vectorised over :func:`shapely.area`; a missing geometry (None) gives NaN.
    """
    return round_area(shapely.area(np.asarray(geoms, dtype=object)))
