"""QgsGeometry <-> shapely at the plugin's edge (WKB both ways), and the parcels of a layer
read through QGIS's spatial index."""
from __future__ import annotations

from dataclasses import dataclass

import shapely
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsRectangle

from ..core.edit.split_line import check_polygon


def to_shapely(geometry: QgsGeometry):
    return shapely.from_wkb(bytes(geometry.asWkb()))


def to_qgs(geom) -> QgsGeometry:
    out = QgsGeometry()
    out.fromWkb(shapely.to_wkb(geom))
    return out


@dataclass
class LayerParcel:
    fid: int
    uuid: str
    label: str  # "sheet/number", as the core names parcels
    geometry: object  # shapely polygon
    sheet_no: int
    landuse: str


_ATTRIBUTES = ["uuid", "sheet_no", "parcel_no", "landuse"]


def _parcel(feature) -> LayerParcel:
    geom = to_shapely(feature.geometry())
    label = f"{feature['sheet_no']}/{feature['parcel_no']}"
    return LayerParcel(feature.id(), feature["uuid"], label, geom, feature["sheet_no"],
                       feature["landuse"] or "")


def parcels_in(layer, bounds) -> list:
    """Parcels whose bounding box meets ``bounds`` (minx, miny, maxx, maxy, layer CRS)."""
    request = QgsFeatureRequest().setFilterRect(QgsRectangle(*bounds))
    request.setSubsetOfAttributes(_ATTRIBUTES, layer.fields())
    return [_parcel(f) for f in layer.getFeatures(request) if f.hasGeometry()]


def parcels_by_id(layer, fids) -> list:
    request = QgsFeatureRequest().setFilterFids(list(fids))
    request.setSubsetOfAttributes(_ATTRIBUTES, layer.fields())
    return [_parcel(f) for f in layer.getFeatures(request) if f.hasGeometry()]


def parcel_at(layer, x: float, y: float):
    """The parcel containing the point, or None."""
    point = shapely.Point(x, y)
    for parcel in parcels_in(layer, (x, y, x, y)):
        if parcel.geometry.covers(point):
            return parcel
    return None


def polygon_of(parcel: LayerParcel):
    """The parcel's polygon as the core edits it (a one-part multipolygon becomes a polygon),
    or a CadastreError saying what to repair."""
    return check_polygon(parcel.geometry, parcel.label)
