"""The editing tools' settings (QGIS settings, per user), with their defaults."""
from __future__ import annotations

from qgis.core import QgsSettings

PREFIX = "CadastreEditor/editing/"
#: Minimum split area (m²) used when the province has no configured threshold for the land
#: use; 0 = none.
MIN_SPLIT_AREA = PREFIX + "minSplitArea"
#: Traverse closure tolerance: largest linear misclosure (m) and worst relative precision
#: (the T of 1:T) a survey may have to be turned into a parcel.
TRAVERSE_MAX_MISCLOSURE = PREFIX + "traverseMaxMisclosure"
TRAVERSE_MIN_PRECISION = PREFIX + "traverseMinPrecision"
#: Snapping tolerance of the editing tools, in pixels.
SNAP_PIXELS = PREFIX + "snapPixels"

# Defaults: 0.10 m and 1:4 000 are the usual limits for cadastral traverses at 1:1000 (a
# boundary point must be within 15 cm; a closed parcel traverse of a few hundred metres closes
# well inside both).
DEFAULTS = {MIN_SPLIT_AREA: 0.0, TRAVERSE_MAX_MISCLOSURE: 0.10, TRAVERSE_MIN_PRECISION: 4000.0,
            SNAP_PIXELS: 12.0}


def value(key: str) -> float:
    return QgsSettings().value(key, DEFAULTS[key], type=float)


def set_value(key: str, number: float) -> None:
    QgsSettings().setValue(key, float(number))
