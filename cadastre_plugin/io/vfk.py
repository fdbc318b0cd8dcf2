"""Reading a Czech cadastral exchange file (VFK, ČÚZK) through GDAL's VFK driver.

A VFK delivery is often split in two files (the map, ``*_mapa.vfk``, and the ownership
register, ``*_spi*.vfk``). GDAL's driver loads each into an SQLite database named by the
``OGR_VFK_DB_NAME`` option; giving every file the same temporary database joins them, and the
driver then builds parcel polygons from the map's boundary lines. The map is read first, as
the driver needs its blocks to build the polygons.

What comes out is plain data (attribute dicts, WKB) for :mod:`.vfk_mapping`; the number of
records of every data block is also counted straight from the text, so the import report can
compare against the source itself rather than against what GDAL chose to expose.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import gdal, ogr

from ..core.messages import CadastreError
from .gdal_util import quiet_gdal

#: Blocks the mapping reads (the others are only counted and reported).
READ_BLOCKS = ("PAR", "OPSUB", "VLA", "TEL", "JPV", "KATUZE", "OBCE", "OKRESY", "NKRAJE",
               "MAPLIS", "TYPRAV", "DRUPOZ", "ZPVYPO", "CHAROS")
_DATA_LINE = re.compile(rb"^&D([A-Z0-9_]+);", re.MULTILINE)


@dataclass
class VfkSource:
    files: list
    blocks: dict  # block name -> data records counted in the files
    rows: dict = field(default_factory=dict)  # block name -> [attribute dict]
    geometries: dict = field(default_factory=dict)  # PAR ID -> WKB (bytes) or None


def vfk_files(paths) -> list:
    """The files to read, in the order the driver needs: a folder means its *.vfk files;
    map files (``*mapa*``) first."""
    out = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            out += sorted(p.glob("*.vfk"))
        elif p.is_file():
            out.append(p)
        else:
            raise CadastreError(
                "vfk.missing", f"'{given}' does not exist; give the .vfk file(s) or their folder.",
                f"Không tìm thấy '{given}'; hãy chỉ ra (các) tệp .vfk hoặc thư mục chứa chúng.",
                str(given))
    if not out:
        raise CadastreError("vfk.none", "No .vfk file was found in the given paths.",
                            "Không tìm thấy tệp .vfk nào trong các đường dẫn đã cho.")
    for p in out:
        with open(p, "rb") as fh:
            if not fh.read(4) == b"&HVE":
                raise CadastreError(
                    "vfk.not_vfk", f"'{p}' is not a VFK exchange file (it must start with the "
                    "&HVERZE header).",
                    f"'{p}' không phải tệp trao đổi VFK (phải bắt đầu bằng dòng &HVERZE).", str(p))
    unique = list(dict.fromkeys(Path(os.path.abspath(p)) for p in out))
    return sorted(unique, key=lambda p: (0 if "mapa" in p.name.lower() else 1, p.name))


def count_blocks(files) -> dict:
    counts: dict = {}
    for path in files:
        data = Path(path).read_bytes()
        for match in _DATA_LINE.finditer(data):
            name = match.group(1).decode("ascii")
            counts[name] = counts.get(name, 0) + 1
    return counts


def _rows(layer, with_geometry: bool):
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows, geometries = [], {}
    layer.ResetReading()
    for feature in layer:
        row = {n: feature.GetField(i) for i, n in enumerate(names)
               if feature.IsFieldSetAndNotNull(i)}
        rows.append(row)
        if with_geometry:
            geometry = feature.GetGeometryRef()
            geometries[row.get("ID")] = bytes(geometry.ExportToWkb()) if geometry else None
    return rows, geometries


def read_vfk(paths) -> VfkSource:
    files = vfk_files(paths)
    source = VfkSource([str(f) for f in files], count_blocks(files))
    with tempfile.TemporaryDirectory(prefix="cadastre-vfk-") as folder:
        previous = {k: gdal.GetConfigOption(k) for k in ("OGR_VFK_DB_NAME",
                                                         "OGR_VFK_DB_OVERWRITE")}
        gdal.SetConfigOption("OGR_VFK_DB_NAME", os.path.join(folder, "vfk.db"))
        gdal.SetConfigOption("OGR_VFK_DB_OVERWRITE", "NO")
        try:
            with quiet_gdal() as errors:
                dataset = None
                for path in files:
                    dataset = ogr.GetDriverByName("VFK").Open(str(path), 0)
                    if dataset is None:
                        raise CadastreError(
                            "vfk.unreadable",
                            f"GDAL could not read '{path}': "
                            f"{'; '.join(errors) or 'unknown error'}.",
                            f"GDAL không đọc được '{path}': "
                            f"{'; '.join(errors) or 'lỗi không xác định'}.", str(path))
                for name in READ_BLOCKS:
                    layer = dataset.GetLayerByName(name)
                    if layer is None:
                        source.rows[name] = []
                        continue
                    rows, geometries = _rows(layer, name == "PAR")
                    source.rows[name] = rows
                    if name == "PAR":
                        source.geometries = geometries
                dataset = None
        finally:
            for key, value in previous.items():
                gdal.SetConfigOption(key, value)
    return source
