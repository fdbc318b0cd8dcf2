"""The Vietnamese field names in circulation, their 10-character shapefile forms, and the other
spellings found in provincial exports, for each attribute of ours.

Shapefiles (dBase) allow 10 characters, so exports of the national schema cut the names:
GDAL's cut gives SoHieuToBa, SoThuTuThu, KyHieuMucD; other tools cut shorter (SoThuTuTh) or use
their own abbreviations (SHBANDO, SOTHUA). Detection therefore compares folded names
(lower case, no diacritics or separators) and accepts a cut-off prefix of a full name.
The export side writes :attr:`VnField.short`, chosen so that no two collide
(SoHieuToBanDo and SoHieuToBanDoCu would both cut to SoHieuToBa).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..crs import fold


@dataclass(frozen=True)
class VnField:
    target: str  # our column ("holder" is the holder's name, kept in parties/rights)
    full: str  # the national schema's name
    short: str  # our 10-character shapefile name
    aliases: tuple = ()


VN_FIELDS = (
    VnField("commune_code", "MaXa", "MaXa", ("MaDVHC", "MaXaPhuong", "MAXA_PHUONG")),
    VnField("sheet_no", "SoHieuToBanDo", "SoHieuToBa", ("SoTo", "SoHieuTo", "ToBanDo", "SHBANDO",
                                                        "SHTBD", "SoToBanDo", "TBD")),
    VnField("parcel_no", "SoThuTuThua", "SoThuTuThu", ("SoThua", "STTThua", "SHThua",
                                                       "SoHieuThua", "ThuaSo", "STT_Thua")),
    VnField("area", "DienTich", "DienTich", ("DT", "DTich", "Shape_Area")),
    VnField("legal_area", "DienTichPhapLy", "DienTichPL", ("DTPL", "DTPhapLy")),
    VnField("landuse", "KyHieuMucDichSuDung", "KyHieuMucD", ("MucDich", "MucDichSD", "LoaiDat",
                                                             "MDSD", "KyHieuMDSD", "MaLoaiDat",
                                                             "KHMDSD", "MucDichSuDung")),
    VnField("address", "DiaChi", "DiaChi", ("DiaChiThua", "DC")),
    VnField("holder", "TenChu", "TenChu", ("ChuSuDung", "TenChuSD", "ChuSD", "HoTen")),
    VnField("uuid", "UUID", "UUID", ("MaDinhDanh",)),
    VnField("valid_from", "ThoiDiemBatDau", "ThoiDiemBD", ()),
    VnField("valid_to", "ThoiDiemKetThuc", "ThoiDiemKT", ()),
    VnField("old_sheet_no", "SoHieuToBanDoCu", "SoToCu", ("SoHieuToCu",)),
    VnField("old_parcel_no", "SoThuTuThuaCu", "SoThuaCu", ("SoThuTuCu",)),
    VnField("status", "TrangThai", "TrangThai", ()),
)
BY_TARGET = {f.target: f for f in VN_FIELDS}

#: Shortest prefix of a full name accepted as its cut-off form ("SoThuTuTh" but not "So").
MIN_PREFIX = 8


def key(name: str) -> str:
    """'Số_Thứ Tự-Thửa' -> 'sothututhua': how names are compared."""
    return re.sub(r"[^0-9a-z]", "", fold(name))


def detect(source_fields) -> dict:
    """Our target -> the source field that holds it, for the fields recognised.

    An exact name (full, short or alias) wins over a cut-off prefix; a prefix that fits
    several full names goes to the shortest (SoHieuToBa is SoHieuToBanDo, not ...Cu), and a
    source field is used once."""
    fields = list(source_fields)
    found: dict = {}
    used: set = set()
    by_key = {}
    for f in fields:
        by_key.setdefault(key(f), f)
    for vf in VN_FIELDS:
        for name in (vf.full, vf.short, *vf.aliases):
            src = by_key.get(key(name))
            if src is not None and src not in used:
                found[vf.target] = src
                used.add(src)
                break
    by_length = sorted(VN_FIELDS, key=lambda vf: len(vf.full))
    for f in fields:
        k = key(f)
        if f in used or len(k) < MIN_PREFIX:
            continue
        for vf in by_length:
            if vf.target not in found and key(vf.full).startswith(k):
                found[vf.target] = f
                used.add(f)
                break
    return found
