"""MicroStation DGN v7 through GDAL's DGN driver: elements in, elements out.

Reading gives :class:`~cadastre_plugin.core.imports.dgn_parcels.Element` records (level,
shapely geometry, text). Writing exists so that tests and demos can produce real DGN v7 sheets
from generated parcels: GDAL's writer takes the level from the ``Level`` field and writes a
feature with a ``Text`` value as a text element.

DGN v7 stores coordinates as 32-bit integers ("units of resolution"), so a sheet in VN-2000
TM-3 metres (northings of 2 300 000 m) only fits with a global origin near the data: the writer
puts the origin at the centre of the elements and uses millimetre resolution, the precision
cadastral coordinates are kept to.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely
from osgeo import ogr

from ..core.imports.dgn_parcels import Element
from ..core.messages import CadastreError
from .gdal_util import quiet_gdal

TEXT_TYPE = 17  # DGN element type of a text element
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # DGN v8 files are OLE compound documents


def _bad_file(path: str, en: str, vi: str) -> CadastreError:
    return CadastreError("dgn.unreadable", f"Cannot read '{path}' as a DGN v7 file: {en}",
                         f"Không đọc được '{path}' như tệp DGN v7: {vi}", path)


def read_elements(path: str) -> list:
    """All elements of a DGN v7 file (every level), in file order."""
    p = Path(path)
    if not p.is_file():
        raise _bad_file(path, "the file does not exist. Check the path.",
                        "tệp không tồn tại. Hãy kiểm tra đường dẫn.")
    with open(p, "rb") as fh:
        if fh.read(4) == _OLE_MAGIC:
            raise _bad_file(
                path, "it is a MicroStation V8 file. Save it as V7 in MicroStation "
                "(File > Save As > V7 DGN), then import that.",
                "đây là tệp MicroStation V8. Hãy lưu lại dạng V7 trong MicroStation "
                "(File > Save As > V7 DGN) rồi nhập tệp đó.")
    with quiet_gdal() as errors:
        ds = ogr.GetDriverByName("DGN").Open(str(p), 0)
    if ds is None:
        detail = f" ({errors[-1]})" if errors else ""
        raise _bad_file(path, f"it is not a DGN v7 design file{detail}.",
                        f"đây không phải tệp bản vẽ DGN v7{detail}.")
    layer = ds.GetLayer(0)
    elements, wkbs = [], []
    for feature in layer:
        geom = feature.GetGeometryRef()
        wkbs.append(bytes(geom.ExportToIsoWkb()) if geom is not None else None)
        is_text = feature.GetField("Type") == TEXT_TYPE
        text = feature.GetField("Text") if is_text else None
        elements.append((feature.GetField("Level"), text if is_text else None))
    geoms = shapely.force_2d(shapely.from_wkb(np.array(wkbs, dtype=object)))
    return [Element(int(level), g, (t or "") if t is not None else None)
            for (level, t), g in zip(elements, geoms)]


def write_elements(path: str, elements) -> None:
    """Writes elements to a new DGN v7 file (2D, millimetre resolution, origin at the centre)."""
    elements = list(elements)
    geoms = np.array([e.geometry for e in elements], dtype=object)
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    cx, cy = round((minx + maxx) / 2), round((miny + maxy) / 2)
    driver = ogr.GetDriverByName("DGN")
    with quiet_gdal() as errors:
        ds = driver.CreateDataSource(str(path), options=[
            "3D=NO", f"ORIGIN={-cx},{-cy},0", "MASTER_UNIT_NAME=m", "SUB_UNIT_NAME=mm",
            "SUB_UNITS_PER_MASTER_UNIT=1000", "UOR_PER_SUB_UNIT=1"])
    if ds is None:
        raise CadastreError("dgn.write", f"Cannot create '{path}': {'; '.join(errors)}",
                            f"Không tạo được tệp '{path}': {'; '.join(errors)}", str(path))
    layer = ds.CreateLayer("elements")
    defn = layer.GetLayerDefn()
    for el in elements:
        feature = ogr.Feature(defn)
        feature.SetField("Level", int(el.level))
        if el.text is not None:
            feature.SetField("Text", el.text)
            escaped = el.text.replace('"', '\\"')
            feature.SetStyleString(f'LABEL(t:"{escaped}",s:1.5g)')
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(el.geometry)))
        if layer.CreateFeature(feature) != 0:
            raise CadastreError("dgn.write", f"Cannot write an element to '{path}'.",
                                f"Không ghi được phần tử vào tệp '{path}'.", str(path))
    ds = None  # closing flushes the file
