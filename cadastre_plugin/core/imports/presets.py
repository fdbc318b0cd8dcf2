"""Ready-made mappings for the schemas land offices receive, and picking one automatically.

- ``vn``: the national cadastral schema (SoHieuToBanDo, SoThuTuThua, DienTich, ...), under its
  full names, their 10-character shapefile cuts and the usual provincial spellings;
- ``edigeo-pci``: the French PCI parcels (``PARCELLE_id``: TEX the number, SUPF the legal
  area); the sheet number comes from ``--sheet``. Kept because the shared EDIGEO sheets are the
  real-data test of the importer.
"""
from __future__ import annotations

from ..messages import CadastreError
from .fieldnames import detect
from .mapping import REQUIRED, FieldMapping, Source


def _vn(fields) -> FieldMapping:
    return FieldMapping({t: Source(field=f) for t, f in detect(fields).items()}, "vn")


def _edigeo(fields) -> FieldMapping:
    wanted = {"parcel_no": "TEX", "legal_area": "SUPF"}
    return FieldMapping({t: Source(field=f) for t, f in wanted.items() if f in fields},
                        "edigeo-pci")


PRESETS = {"vn": _vn, "edigeo-pci": _edigeo}


def preset(name: str, fields) -> FieldMapping:
    try:
        return PRESETS[name](list(fields))
    except KeyError:
        raise CadastreError(
            "mapping.unknown_preset",
            f"There is no preset '{name}'. Presets: {', '.join(PRESETS)}.",
            f"Không có mẫu ánh xạ '{name}'. Các mẫu có sẵn: {', '.join(PRESETS)}.") from None


def auto(fields) -> FieldMapping:
    """The preset that recognises the most fields, required ones first."""
    fields = list(fields)
    candidates = [p(fields) for p in PRESETS.values()]
    return max(candidates, key=lambda m: (sum(t in m.fields for t in REQUIRED), len(m.fields)))
