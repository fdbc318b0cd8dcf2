"""Parcels as rows under the Vietnamese field names, ready for any export format.

The same schema the importer recognises (:mod:`.fieldnames`), so an export read back with the
``vn`` preset gives the same parcels: full names (SoHieuToBanDo...) where the format allows,
the 10-character forms (SoHieuToBa...) for shapefiles. Holders come from the current rights
and their shares, as "Name; Name (1/2)".
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..working_copy import WorkingCopy
from .fieldnames import BY_TARGET
from .selection import Selection

#: (our column, value type) in the order the export writes them; "holder" is computed.
EXPORT_COLUMNS = (
    ("commune_code", str), ("sheet_no", int), ("parcel_no", int), ("area", float),
    ("legal_area", float), ("landuse", str), ("address", str), ("holder", str), ("uuid", str),
    ("status", str), ("valid_from", str), ("valid_to", str), ("old_sheet_no", int),
    ("old_parcel_no", int),
)


@dataclass(frozen=True)
class ExportField:
    column: str
    name: str
    kind: type


def export_fields(short_names: bool) -> list:
    """The fields to write: 10-character names for dBase (shapefile), full names otherwise."""
    return [ExportField(c, BY_TARGET[c].short if short_names else BY_TARGET[c].full, k)
            for c, k in EXPORT_COLUMNS]


def holders_by_parcel(wc: WorkingCopy) -> dict:
    """parcel uuid -> 'Name; Name (1/2)' from the rights in force (valid_to empty)."""
    rows = wc.conn.execute(
        "SELECT r.parcel_uuid, p.name, s.share FROM rights r "
        "JOIN right_shares s ON s.right_uuid = r.uuid JOIN parties p ON p.uuid = s.party_uuid "
        "WHERE r.valid_to IS NULL AND r.kind = 'land_use' ORDER BY r.parcel_uuid, s.fid")
    out: dict = {}
    for parcel, name, share in rows:
        whole = Fraction(share) == 1 if share else True
        out.setdefault(parcel, []).append(name if whole else f"{name} ({share})")
    return {k: "; ".join(v) for k, v in out.items()}


def select_parcels(wc: WorkingCopy, selection: Selection) -> tuple:
    """(parcels in sheet/number order, holder text per parcel uuid)."""
    cond, params = selection.where()
    parcels = wc.parcels(f"WHERE {cond} ORDER BY sheet_no, parcel_no", params)
    return parcels, holders_by_parcel(wc)


def row_values(parcel, holders: dict) -> dict:
    values = {c: getattr(parcel, c) for c, _ in EXPORT_COLUMNS if c != "holder"}
    values["holder"] = holders.get(parcel.uuid)
    return values
