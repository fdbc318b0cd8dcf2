"""The registration state of parcels as stored: who holds which right, restrictions,
certificates. Read through the caller's connection, so that validation and writing inside one
operation see the same state (no other writer can slip in between)."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Optional

from ..model import Party, Share
from ..schema import PARCEL_LAYER, PARCEL_VERSIONS_LAYER


@dataclass
class ParcelState:
    uuid: str
    status: str  # 'current', 'retired' or 'missing'
    sheet_no: Optional[int] = None
    parcel_no: Optional[int] = None
    landuse: str = ""
    address: str = ""
    legal_area: Optional[float] = None
    area: Optional[float] = None
    retired_on: str = ""

    @property
    def label(self) -> str:
        return f"{self.sheet_no}/{self.parcel_no}" if self.sheet_no is not None else self.uuid


@dataclass
class RightState:
    uuid: str
    parcel_uuid: str
    kind: str
    landuse: str
    term_end: Optional[str]  # ISO date; None = long-term
    valid_from: Optional[str]
    shares: list = field(default_factory=list)  # Share
    valid_to: Optional[str] = None

    @property
    def holders(self) -> dict:
        return {s.party_uuid: Fraction(s.share) for s in self.shares}


@dataclass
class RestrictionState:
    uuid: str
    parcel_uuid: str
    kind: str
    creditor_uuid: Optional[str]
    registered_on: Optional[str]
    released_on: Optional[str]
    note: str = ""

    @property
    def active(self) -> bool:
        return self.released_on is None


@dataclass
class CertificateState:
    uuid: str
    serial: str
    entry_no: str
    issue_date: Optional[str]
    authority: str
    status: str


def party_from_row(row) -> Party:
    uuid, kind, name, birth_year, citizen_id, tax_code, user_type, address, members = row
    return Party(kind, name, uuid, birth_year, citizen_id or "", tax_code or "",
                 user_type or "", address or "", tuple(json.loads(members)) if members else ())


PARTY_COLUMNS = "uuid, kind, name, birth_year, citizen_id, tax_code, user_type, address, members"
RIGHT_COLUMNS = "uuid, parcel_uuid, kind, landuse, term_end, valid_from, valid_to"


class State:
    """Cached reads of one operation's view of the working copy."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._parcels: dict = {}
        self._parties: dict = {}

    # -- parcels -----------------------------------------------------------------------------
    def parcel(self, uuid: str) -> ParcelState:
        if uuid not in self._parcels:
            row = self.conn.execute(
                f"SELECT sheet_no, parcel_no, landuse, address, legal_area, area, status "
                f"FROM {PARCEL_LAYER} WHERE uuid = ?", (uuid,)).fetchone()
            if row:
                state = ParcelState(uuid, row[6] or "current", row[0], row[1], row[2] or "",
                                    row[3] or "", row[4], row[5])
            else:
                old = self.conn.execute(
                    f"SELECT sheet_no, parcel_no, landuse, valid_to FROM {PARCEL_VERSIONS_LAYER} "
                    "WHERE uuid = ? AND status = 'retired' ORDER BY fid DESC LIMIT 1",
                    (uuid,)).fetchone()
                state = (ParcelState(uuid, "retired", old[0], old[1], old[2] or "",
                                     retired_on=old[3] or "")
                         if old else ParcelState(uuid, "missing"))
            self._parcels[uuid] = state
        return self._parcels[uuid]

    def forget_parcels(self) -> None:
        """After a geometry change: parcels were retired and created."""
        self._parcels.clear()

    # -- rights ------------------------------------------------------------------------------
    def _rights(self, where: str, params) -> list:
        rows = self.conn.execute(f"SELECT {RIGHT_COLUMNS} FROM rights WHERE {where} "
                                 "ORDER BY valid_from, fid", params).fetchall()
        rights = [RightState(r[0], r[1], r[2], r[3] or "", r[4], r[5], valid_to=r[6])
                  for r in rows]
        if rights:
            by_uuid = {r.uuid: r for r in rights}
            marks = ",".join("?" * len(by_uuid))
            for right_uuid, party, share in self.conn.execute(
                    f"SELECT right_uuid, party_uuid, share FROM right_shares "
                    f"WHERE right_uuid IN ({marks}) ORDER BY fid", tuple(by_uuid)):
                by_uuid[right_uuid].shares.append(Share(party, Fraction(share)))
        return rights

    def rights(self, parcel_uuid: str) -> list:
        """The parcel's current rights (not ended)."""
        return self._rights("parcel_uuid = ? AND valid_to IS NULL", (parcel_uuid,))

    def right(self, parcel_uuid: str, kind: str = "land_use") -> Optional[RightState]:
        found = [r for r in self.rights(parcel_uuid) if r.kind == kind]
        return found[0] if found else None

    def all_rights(self, parcel_uuid: str) -> list:
        """Every right the parcel ever had, oldest first."""
        return self._rights("parcel_uuid = ?", (parcel_uuid,))

    def rights_by_uuid(self, uuids) -> list:
        uuids = list(uuids)
        if not uuids:
            return []
        return self._rights(f"uuid IN ({','.join('?' * len(uuids))})", tuple(uuids))

    # -- restrictions and certificates -----------------------------------------------------
    def restrictions(self, parcel_uuid: str, active_only: bool = True) -> list:
        rows = self.conn.execute(
            "SELECT uuid, parcel_uuid, kind, creditor_uuid, registered_on, released_on, note "
            "FROM restrictions WHERE parcel_uuid = ?" + (" AND released_on IS NULL"
                                                       if active_only else "")
            + " ORDER BY registered_on, fid", (parcel_uuid,)).fetchall()
        return [RestrictionState(*r[:6], r[6] or "") for r in rows]

    def restriction(self, uuid: str) -> Optional[RestrictionState]:
        r = self.conn.execute(
            "SELECT uuid, parcel_uuid, kind, creditor_uuid, registered_on, released_on, note "
            "FROM restrictions WHERE uuid = ?", (uuid,)).fetchone()
        return RestrictionState(*r[:6], r[6] or "") if r else None

    def certificates(self, parcel_uuid: str, valid_only: bool = True) -> list:
        rows = self.conn.execute(
            "SELECT c.uuid, c.serial, c.entry_no, c.issue_date, c.authority, c.status "
            "FROM certificates c JOIN certificate_parcels cp ON cp.certificate_uuid = c.uuid "
            "WHERE cp.parcel_uuid = ?" + (" AND c.status = 'valid'" if valid_only else "")
            + " ORDER BY c.issue_date, c.fid", (parcel_uuid,)).fetchall()
        return [CertificateState(r[0], r[1], r[2] or "", r[3], r[4] or "", r[5]) for r in rows]

    def serial_in_use(self, serial: str) -> bool:
        return self.conn.execute("SELECT 1 FROM certificates WHERE serial = ?",
                                 (serial,)).fetchone() is not None

    # -- parties -----------------------------------------------------------------------------
    def party(self, uuid: str) -> Optional[Party]:
        if uuid not in self._parties:
            row = self.conn.execute(f"SELECT {PARTY_COLUMNS} FROM parties WHERE uuid = ?",
                                    (uuid,)).fetchone()
            self._parties[uuid] = party_from_row(row) if row else None
        return self._parties[uuid]

    def forget_party(self, uuid: str) -> None:
        self._parties.pop(uuid, None)

    def party_with_citizen_id(self, citizen_id: str) -> Optional[Party]:
        row = self.conn.execute(f"SELECT {PARTY_COLUMNS} FROM parties WHERE citizen_id = ?",
                                (citizen_id,)).fetchone()
        return party_from_row(row) if row else None

    def party_name(self, uuid: str) -> str:
        party = self.party(uuid)
        return party.name if party else uuid

    def holder_parties(self, parcel_uuid: str) -> set:
        """Parties holding a current right of the parcel, and the members of holding
        households and couples (an owner-information change may concern either)."""
        out = set()
        for right in self.rights(parcel_uuid):
            for party_uuid in right.holders:
                out.add(party_uuid)
                party = self.party(party_uuid)
                if party is not None:
                    out.update(party.members)
        return out
