"""A parcel's registration as it stands: holders and shares, rights, restrictions, certificates.

What the parcel information panel shows and what a parcel extract prints; one call, plain data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .. import codelists
from .state import State


@dataclass
class HolderInfo:
    party_uuid: str
    name: str
    kind: str
    share: str
    citizen_id: str = ""
    tax_code: str = ""
    birth_year: Optional[int] = None
    address: str = ""
    members: list = field(default_factory=list)  # names of a household's or couple's members


@dataclass
class RightInfo:
    uuid: str
    kind: str
    landuse: str
    term_end: Optional[str]
    valid_from: Optional[str]
    holders: list  # HolderInfo


@dataclass
class RestrictionInfo:
    uuid: str
    kind: str
    creditor: str
    registered_on: Optional[str]
    note: str


@dataclass
class CertificateInfo:
    uuid: str
    serial: str
    entry_no: str
    issue_date: Optional[str]
    authority: str


@dataclass
class ParcelInfo:
    uuid: str
    label: str
    status: str
    landuse: str
    landuse_names: list  # [(code, Vietnamese name, English name)]
    address: str
    area: Optional[float]
    legal_area: Optional[float]
    rights: list
    restrictions: list
    certificates: list
    retired_on: str = ""
    source_ids: list = field(default_factory=list)  # [(source, external id, label)]
    transactions: int = 0


def _landuse_names(value: str) -> list:
    codes = codelists.load("landuse")
    out = []
    for code in codelists.split_landuse(value):
        if code in codes:
            entry = codes.get(code)
            out.append((code, entry.vi, entry.en))
        else:
            out.append((code, code, code))
    return out


def parcel_info(wc, parcel_uuid: str) -> ParcelInfo:
    state = State(wc.conn)
    parcel = state.parcel(parcel_uuid)
    rights = []
    for right in state.rights(parcel_uuid):
        holders = []
        for share in right.shares:
            party = state.party(share.party_uuid)
            if party is None:
                holders.append(HolderInfo(share.party_uuid, share.party_uuid, "", str(share.share)))
                continue
            holders.append(HolderInfo(
                party.uuid, party.name, party.kind, str(share.share), party.citizen_id,
                party.tax_code, party.birth_year, party.address,
                [state.party_name(m) for m in party.members]))
        rights.append(RightInfo(right.uuid, right.kind, right.landuse, right.term_end,
                                right.valid_from, holders))
    restrictions = [RestrictionInfo(r.uuid, r.kind, state.party_name(r.creditor_uuid)
                                    if r.creditor_uuid else "", r.registered_on, r.note)
                    for r in state.restrictions(parcel_uuid)]
    certificates = [CertificateInfo(c.uuid, c.serial, c.entry_no, c.issue_date, c.authority)
                    for c in state.certificates(parcel_uuid)]
    source_ids = wc.conn.execute(
        "SELECT source, external_id, label FROM external_ids WHERE object_table = 'parcels' "
        "AND object_uuid = ? ORDER BY fid", (parcel_uuid,)).fetchall()
    count = wc.conn.execute("SELECT count(DISTINCT transaction_uuid) FROM transaction_parcels "
                            "WHERE parcel_uuid = ?", (parcel_uuid,)).fetchone()[0]
    return ParcelInfo(parcel_uuid, parcel.label, parcel.status, parcel.landuse,
                      _landuse_names(parcel.landuse), parcel.address, parcel.area,
                      parcel.legal_area, rights, restrictions, certificates, parcel.retired_on,
                      [tuple(r) for r in source_ids], count)
