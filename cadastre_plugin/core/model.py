"""The cadastral domain model, shaped after LADM (ISO 19152) with the Vietnamese notions users see.

Plain dataclasses: storage lives in :mod:`working_copy`, rules in :mod:`validation`. Shares are
exact fractions so that "1/3 + 1/3 + 1/3" sums to exactly one.
"""
from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from typing import Optional

from .codelists import split_landuse

PARTY_KINDS = ("individual", "household", "couple", "organisation", "community")
# "management": land the State assigns an organisation to manage (người được giao quản lý đất,
# Land Law 2024 art. 8), as registers of state-owned land record it.
RIGHT_KINDS = ("land_use", "asset_ownership", "management")
RESTRICTION_KINDS = ("mortgage", "easement", "planning", "other")
PARCEL_STATUSES = ("current", "retired")


def new_uuid() -> str:
    return str(_uuid.uuid4())


@dataclass
class Commune:
    """Xã/phường/thị trấn: the unit a working copy covers."""

    code: str  # mã xã, 5 digits
    name: str
    crs_epsg: int  # its own VN-2000 TM-3 CRS (provinces merged in 2025 span several zones)
    district_code: str = ""
    district_name: str = ""
    province_code: str = ""
    province_name: str = ""


@dataclass
class MapSheet:
    """Tờ bản đồ địa chính: a serial number within the commune and a grid number by scale."""

    commune_code: str
    sheet_no: int  # số hiệu tờ (serial 1..n within the commune)
    grid_number: str  # phiên hiệu mảnh, e.g. "309585-4" at 1:2000
    scale: int
    crs_epsg: int
    frame: object = None  # shapely Polygon of the sheet frame


@dataclass
class Parcel:
    """Thửa đất."""

    commune_code: str
    sheet_no: int
    parcel_no: int
    geometry: object  # shapely Polygon in the commune's TM-3 CRS
    area: Optional[float] = None  # diện tích đo đạc, m², 0.1 m² precision
    legal_area: Optional[float] = None  # diện tích pháp lý
    landuse: str = ""  # "ONT+CLN": main code first
    address: str = ""
    uuid: str = field(default_factory=new_uuid)
    status: str = "current"
    version: int = 1
    valid_from: Optional[str] = None
    valid_to: Optional[str] = None
    old_sheet_no: Optional[int] = None
    old_parcel_no: Optional[int] = None

    @property
    def main_landuse(self) -> str:
        codes = split_landuse(self.landuse)
        return codes[0] if codes else ""

    @property
    def label(self) -> str:
        return f"{self.sheet_no}/{self.parcel_no}"


@dataclass
class Party:
    """Chủ sử dụng: a person, household, couple, organisation or community."""

    kind: str
    name: str
    uuid: str = field(default_factory=new_uuid)
    birth_year: Optional[int] = None
    citizen_id: str = ""  # CCCD, 12 digits (individuals)
    tax_code: str = ""  # mã số thuế (organisations)
    user_type: str = "GDC"  # land-user type code
    address: str = ""
    members: tuple = ()  # party uuids of a household's or couple's members


@dataclass
class Share:
    party_uuid: str
    share: Fraction


@dataclass
class Right:
    """A land-use right or ownership of attached assets, held in shares."""

    parcel_uuid: str
    kind: str = "land_use"
    shares: list = field(default_factory=list)
    uuid: str = field(default_factory=new_uuid)
    landuse: str = ""
    term_end: Optional[date] = None  # None: long-term (lâu dài)
    valid_from: Optional[str] = None
    valid_to: Optional[str] = None


@dataclass
class Restriction:
    """A restriction such as a mortgage (thế chấp)."""

    parcel_uuid: str
    kind: str
    uuid: str = field(default_factory=new_uuid)
    creditor_uuid: Optional[str] = None
    registered_on: Optional[date] = None
    released_on: Optional[date] = None
    note: str = ""


@dataclass
class Certificate:
    """Giấy chứng nhận: serial number, entry number in the issue register, date, authority."""

    serial: str
    entry_no: str
    issue_date: date
    authority: str
    parcel_uuids: tuple = ()
    uuid: str = field(default_factory=new_uuid)
    status: str = "valid"


@dataclass
class LegalDocument:
    dossier_no: str
    date: date
    authority: str


@dataclass
class Transaction:
    """Biến động: one legal change, recorded as a unit."""

    type_code: str
    document: LegalDocument
    recorded_by: str
    uuid: str = field(default_factory=new_uuid)
    recorded_at: datetime = field(default_factory=datetime.utcnow)
    parcels_before: tuple = ()
    parcels_after: tuple = ()
    rights_before: tuple = ()
    rights_after: tuple = ()
    note: str = ""
