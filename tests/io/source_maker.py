"""Writes test sources (shapefile, TAB, GeoPackage, GeoJSON) with GDAL, as other software
would hand them to a land office."""
from __future__ import annotations

import shapely
from osgeo import ogr, osr

OGR_TYPES = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}


def write_source(path, driver: str, fields: list, rows: list, geoms, epsg=None,
                 layer: str = "thua", layer_options=()):
    """``fields``: [(name, python type)]; ``rows``: dicts; ``geoms``: shapely or None."""
    drv = ogr.GetDriverByName(driver)
    ds = drv.CreateDataSource(str(path))
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer(layer, srs, ogr.wkbUnknown, options=list(layer_options))
    for name, kind in fields:
        defn = ogr.FieldDefn(name, OGR_TYPES[kind])
        if kind is str:
            defn.SetWidth(120)
        lyr.CreateField(defn)
    names = [lyr.GetLayerDefn().GetFieldDefn(i).GetName()
             for i in range(lyr.GetLayerDefn().GetFieldCount())]
    for row, geom in zip(rows, geoms):
        f = ogr.Feature(lyr.GetLayerDefn())
        for (name, _), written in zip(fields, names):
            if row.get(name) is not None:
                f.SetField(written, row[name])
        if geom is not None:
            f.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
        assert lyr.CreateFeature(f) == 0
    ds = None
    return names
