"""The row writes of one transaction, inside its operation.

Rights are never edited in place: a change of holders, land use or term ends the old right
(``valid_to``) and starts a new one, both linked to the transaction ('before'/'after'), so the
holders at any moment can be read back. Parcel attribute changes archive the superseded
version into ``parcel_versions`` like the geometry tools do.
"""
from __future__ import annotations

import json
import sqlite3
from fractions import Fraction
from typing import Iterable, Optional

from ..model import Party, new_uuid
from ..schema import PARCEL_COLUMN_NAMES, PARCEL_LAYER, PARCEL_VERSIONS_LAYER
from .state import RightState, State

_ARCHIVED = [c for c in PARCEL_COLUMN_NAMES if c not in ("uuid", "status", "valid_to")]


class Writer:
    def __init__(self, conn: sqlite3.Connection, state: State, transaction_uuid: str, at: str):
        self.conn, self.state = conn, state
        self.transaction_uuid, self.at = transaction_uuid, at
        self.rights_ended: list = []
        self.rights_created: list = []
        self.certificates_issued: list = []
        self.certificates_cancelled: list = []
        self.restrictions: list = []

    # -- the transaction and its parcels ---------------------------------------------------
    def transaction(self, type_code, document, recorded_by, note,
                    approved_by: Optional[str] = None) -> None:
        """Submitted for an officer's approval, unless ``approved_by`` says it is decided."""
        self.conn.execute(
            "INSERT INTO transactions (uuid, type_code, dossier_no, document_date, authority, "
            "recorded_by, recorded_at, note, approval, approved_by, approved_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.transaction_uuid, type_code, document.dossier_no.strip(),
             document.date.isoformat(), document.authority.strip(), recorded_by, self.at,
             note or None, "approved" if approved_by else "submitted", approved_by or None,
             self.at if approved_by else None))

    def link_parcels(self, before: Iterable[str], after: Iterable[str]) -> None:
        rows = [(self.transaction_uuid, p, "before") for p in dict.fromkeys(before)]
        rows += [(self.transaction_uuid, p, "after") for p in dict.fromkeys(after)]
        self.conn.executemany("INSERT INTO transaction_parcels (transaction_uuid, parcel_uuid, "
                              "role) VALUES (?, ?, ?)", rows)

    # -- rights ------------------------------------------------------------------------------
    def end_right(self, right: RightState) -> None:
        self.conn.execute("UPDATE rights SET valid_to = ? WHERE uuid = ?", (self.at, right.uuid))
        self._link("transaction_rights", "right_uuid", right.uuid, "before")
        self.rights_ended.append(right.uuid)

    def new_right(self, parcel_uuid: str, kind: str, landuse: str, term_end: Optional[str],
                  shares) -> str:
        uuid = new_uuid()
        self.conn.execute(
            "INSERT INTO rights (uuid, parcel_uuid, kind, landuse, term_end, valid_from, "
            "transaction_uuid) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uuid, parcel_uuid, kind, landuse or None, term_end, self.at, self.transaction_uuid))
        self.conn.executemany(
            "INSERT INTO right_shares (right_uuid, party_uuid, share) VALUES (?, ?, ?)",
            [(uuid, s.party_uuid, str(Fraction(s.share))) for s in shares])
        self._link("transaction_rights", "right_uuid", uuid, "after")
        self.rights_created.append(uuid)
        return uuid

    def reissue(self, right: RightState, shares=None, landuse=None, term_end="keep") -> str:
        """End ``right`` and start its successor with what changes."""
        self.end_right(right)
        return self.new_right(right.parcel_uuid, right.kind,
                              right.landuse if landuse is None else landuse,
                              right.term_end if term_end == "keep" else term_end,
                              right.shares if shares is None else shares)

    # -- parties -----------------------------------------------------------------------------
    def add_party(self, party: Party) -> None:
        self.conn.execute(
            "INSERT INTO parties (uuid, kind, name, birth_year, citizen_id, tax_code, user_type, "
            "address, members) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (party.uuid, party.kind, party.name.strip(), party.birth_year,
             (party.citizen_id or "").strip() or None, (party.tax_code or "").strip() or None,
             party.user_type or None, party.address or None,
             json.dumps(list(party.members)) if party.members else None))

    def update_party(self, uuid: str, changes: dict) -> None:
        party = self.state.party(uuid)
        previous = {k: getattr(party, k) for k in changes}
        sets = ", ".join(f"{k} = ?" for k in changes)
        self.conn.execute(f"UPDATE parties SET {sets} WHERE uuid = ?",
                          (*[_stored(v) for v in changes.values()], uuid))
        self.link_party(uuid, "changed", previous)
        self.state.forget_party(uuid)

    def link_party(self, uuid: str, role: str, previous: Optional[dict] = None) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO transaction_parties (transaction_uuid, party_uuid, role, "
            "previous) VALUES (?, ?, ?, ?)",
            (self.transaction_uuid, uuid, role,
             json.dumps(previous, ensure_ascii=False) if previous is not None else None))

    # -- restrictions ------------------------------------------------------------------------
    def register_mortgage(self, parcel_uuid: str, creditor_uuid: str, registered_on,
                          note: str) -> str:
        uuid = new_uuid()
        self.conn.execute(
            "INSERT INTO restrictions (uuid, parcel_uuid, kind, creditor_uuid, registered_on, "
            "note, transaction_uuid) VALUES (?, ?, 'mortgage', ?, ?, ?, ?)",
            (uuid, parcel_uuid, creditor_uuid, registered_on.isoformat(), note or None,
             self.transaction_uuid))
        self._link("transaction_restrictions", "restriction_uuid", uuid, "registered")
        self.restrictions.append(uuid)
        return uuid

    def release(self, restriction_uuid: str, on) -> None:
        self.conn.execute("UPDATE restrictions SET released_on = ? WHERE uuid = ?",
                          (on.isoformat(), restriction_uuid))
        self._link("transaction_restrictions", "restriction_uuid", restriction_uuid, "released")
        self.restrictions.append(restriction_uuid)

    # -- certificates ------------------------------------------------------------------------
    def cancel_certificates(self, parcel_uuids: Iterable[str]) -> None:
        for p in parcel_uuids:
            for cert in self.state.certificates(p):
                if cert.uuid in self.certificates_cancelled:
                    continue
                self.conn.execute("UPDATE certificates SET status = 'cancelled' WHERE uuid = ?",
                                  (cert.uuid,))
                self._link("transaction_certificates", "certificate_uuid", cert.uuid, "cancelled")
                self.certificates_cancelled.append(cert.uuid)

    def issue_certificate(self, cert, parcel_uuids: Iterable[str]) -> str:
        uuid = new_uuid()
        self.conn.execute(
            "INSERT INTO certificates (uuid, serial, entry_no, issue_date, authority, status, "
            "transaction_uuid) VALUES (?, ?, ?, ?, ?, 'valid', ?)",
            (uuid, cert.serial.strip(), cert.entry_no.strip(), cert.issue_date.isoformat(),
             cert.authority.strip(), self.transaction_uuid))
        self.conn.executemany(
            "INSERT INTO certificate_parcels (certificate_uuid, parcel_uuid) VALUES (?, ?)",
            [(uuid, p) for p in dict.fromkeys(parcel_uuids)])
        self._link("transaction_certificates", "certificate_uuid", uuid, "issued")
        self.certificates_issued.append(uuid)
        return uuid

    # -- parcels -----------------------------------------------------------------------------
    def update_parcel(self, parcel_uuid: str, changes: dict) -> None:
        """Archive the current version (ended now, by this transaction), then change it."""
        self.conn.execute(
            f"INSERT INTO {PARCEL_VERSIONS_LAYER} (geom, uuid, status, valid_to, "
            f"transaction_uuid, {', '.join(_ARCHIVED)}) SELECT geom, uuid, 'current', ?, ?, "
            f"{', '.join(_ARCHIVED)} FROM {PARCEL_LAYER} WHERE uuid = ?",
            (self.at, self.transaction_uuid, parcel_uuid))
        sets = ", ".join(f"{k} = ?" for k in changes)
        self.conn.execute(
            f"UPDATE {PARCEL_LAYER} SET {sets}, version = version + 1, valid_from = ? "
            "WHERE uuid = ?", (*[_stored(v) for v in changes.values()], self.at, parcel_uuid))
        self.state.forget_parcels()

    def _link(self, table: str, column: str, uuid: str, role: str) -> None:
        self.conn.execute(f"INSERT OR IGNORE INTO {table} (transaction_uuid, {column}, role) "
                          "VALUES (?, ?, ?)", (self.transaction_uuid, uuid, role))


def _stored(value):
    """Values as the columns hold them: text stripped, empty text as NULL."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
