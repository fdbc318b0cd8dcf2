"""Going to a finding on the map: zoom so that the error and some of its surroundings fill the
canvas, flash the exact error geometry, select the parcels involved."""
from __future__ import annotations

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)

#: Smallest extent shown around an error (m): a stray vertex alone would otherwise fill the
#: screen with nothing around it to recognise the place by.
MIN_EXTENT = 12.0
#: Margin around the error, as a share of its size.
MARGIN = 0.6


def to_qgs(geom) -> QgsGeometry:
    """shapely -> QgsGeometry through WKB (exact, and fast)."""
    out = QgsGeometry()
    out.fromWkb(shapely.to_wkb(geom))
    return out


def finding_extent(geometry) -> QgsRectangle:
    """The rectangle (in the check's CRS) to show for an error geometry."""
    minx, miny, maxx, maxy = shapely.bounds(geometry)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    half = max(maxx - minx, maxy - miny, MIN_EXTENT / (1 + MARGIN)) * (1 + MARGIN) / 2
    return QgsRectangle(cx - half, cy - half, cx + half, cy + half)


def go_to(canvas, finding, crs: QgsCoordinateReferenceSystem, layer=None, fids=()) -> bool:
    """Zoom the canvas to ``finding``, flash its geometry, select ``fids`` on ``layer``.
    Returns False when the finding has no geometry to go to (a parcel without one)."""
    if layer is not None and fids is not None:
        layer.selectByIds([int(f) for f in fids])
    geometry = finding.geometry
    if geometry is None or shapely.is_empty(geometry):
        return False
    extent = finding_extent(geometry)
    destination = canvas.mapSettings().destinationCrs()
    if destination.isValid() and crs.isValid() and destination != crs:
        extent = QgsCoordinateTransform(crs, destination, QgsProject.instance()) \
            .transformBoundingBox(extent)
    canvas.setExtent(extent)
    canvas.refresh()
    canvas.flashGeometries([to_qgs(geometry)], crs)
    return True
