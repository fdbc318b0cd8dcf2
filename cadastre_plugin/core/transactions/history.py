"""A parcel's history: every transaction and every geometry/attribute version, in time order,
including its ancestors (the parcels it was split or merged from) and its descendants.

Versions come from ``parcel_versions`` (each superseded or retired version with its validity
interval) and the current row; transactions from ``transaction_parcels``. Edits made outside
a registration (QGIS's own tools, the split tool alone) appear as versions without a
transaction, so the timeline is complete either way.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional

from .. import gpkg
from ..schema import PARCEL_LAYER, PARCEL_VERSIONS_LAYER
from . import types
from .documents import documents_of
from .state import State

MAX_RELATED = 500  # parcels followed through lineage: a safety bound for pathological data


@dataclass
class Version:
    parcel_uuid: str
    label: str
    version: Optional[int]
    valid_from: Optional[str]
    valid_to: Optional[str]  # None: the current version
    status: str  # 'current' (superseded or live) or 'retired'
    area: Optional[float]
    legal_area: Optional[float]
    landuse: str
    address: str
    transaction_uuid: Optional[str]  # the transaction that ended this version, if any
    geometry: object = None

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def covers(self, moment: str) -> bool:
        started = (self.valid_from or "") <= moment
        return started and (self.valid_to is None or moment < self.valid_to)


@dataclass
class Holding:
    """The holders of one right, as a transaction found or left them."""

    parcel_label: str
    kind: str
    holders: list  # [(party uuid, name, share text)]
    landuse: str = ""
    term_end: Optional[str] = None


@dataclass
class TransactionDetail:
    uuid: str
    type_code: str
    type_vi: str
    type_en: str
    dossier_no: str
    document_date: str
    authority: str
    recorded_by: str
    recorded_at: str
    note: str
    parcels_before: list = field(default_factory=list)  # [(uuid, label)]
    parcels_after: list = field(default_factory=list)
    rights_before: list = field(default_factory=list)  # Holding
    rights_after: list = field(default_factory=list)
    # [(role, kind, creditor name, registered on, released on)]
    restrictions: list = field(default_factory=list)
    certificates: list = field(default_factory=list)  # [(role, serial, issue date)]
    parties_changed: list = field(default_factory=list)  # [(name, previous dict)]
    documents: list = field(default_factory=list)  # [(StoredDocument, role)]
    # The officer's decision (approval.py): 'submitted', 'approved' or 'rejected'.
    approval: str = "approved"
    approved_by: str = ""
    approved_at: str = ""
    rejection_reason: str = ""

    def type_name(self, lang: str = "vi") -> str:
        return self.type_vi if lang == "vi" else self.type_en


@dataclass
class Entry:
    at: str
    kind: str  # 'transaction' or 'version'
    parcel_uuid: str
    label: str
    relation: str  # 'self', 'ancestor' or 'descendant'
    transaction: Optional[TransactionDetail] = None
    version: Optional[Version] = None


@dataclass
class Link:
    parent_uuid: str
    child_uuid: str
    transaction_uuid: Optional[str]
    created_at: str


@dataclass
class ParcelHistory:
    parcel_uuid: str
    label: str
    status: str
    ancestors: list  # Link, nearest first
    descendants: list
    versions: list  # Version, every related parcel
    entries: list  # Entry, oldest first

    def geometry_at(self, parcel_uuid: str, moment: str):
        """The parcel's geometry as it was at ``moment`` (None if it did not exist then)."""
        for v in self.versions:
            if v.parcel_uuid == parcel_uuid and v.covers(moment):
                return v.geometry
        return None


def _labels(conn, uuids) -> dict:
    uuids = list(uuids)
    out = {}
    for table in (PARCEL_VERSIONS_LAYER, PARCEL_LAYER):  # the current row wins
        for i in range(0, len(uuids), 500):
            part = uuids[i:i + 500]
            marks = ",".join("?" * len(part))
            for u, s, n in conn.execute(f"SELECT uuid, sheet_no, parcel_no FROM {table} "
                                        f"WHERE uuid IN ({marks})", part):
                out[u] = f"{s}/{n}"
    return out


def _lineage(conn, uuid: str, up: bool) -> list:
    """Links walked transitively towards parents (``up``) or children."""
    near, far = ("child_uuid", "parent_uuid") if up else ("parent_uuid", "child_uuid")
    out, seen, frontier = [], {uuid}, [uuid]
    while frontier and len(seen) < MAX_RELATED:
        marks = ",".join("?" * len(frontier))
        rows = conn.execute(
            f"SELECT parent_uuid, child_uuid, transaction_uuid, created_at FROM parcel_lineage "
            f"WHERE {near} IN ({marks}) ORDER BY created_at, fid", frontier).fetchall()
        frontier = []
        for row in rows:
            out.append(Link(*row))
            nxt = row[0] if up else row[1]
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return out


def _versions(conn, uuids) -> list:
    cols = ("uuid, sheet_no, parcel_no, version, valid_from, valid_to, status, area, "
            "legal_area, landuse, address")
    out, blobs = [], []
    uuids = list(uuids)
    for i in range(0, len(uuids), 500):
        part = uuids[i:i + 500]
        marks = ",".join("?" * len(part))
        for table, extra in ((PARCEL_VERSIONS_LAYER, "transaction_uuid"), (PARCEL_LAYER, "NULL")):
            for r in conn.execute(f"SELECT {cols}, {extra}, geom FROM {table} "
                                  f"WHERE uuid IN ({marks}) ORDER BY fid", part):
                valid_to = r[5] if table == PARCEL_VERSIONS_LAYER else None
                out.append(Version(r[0], f"{r[1]}/{r[2]}", r[3], r[4], valid_to,
                                   r[6] or "current", r[7], r[8], r[9] or "", r[10] or "", r[11]))
                blobs.append(r[12])
    for v, g in zip(out, gpkg.decode(blobs)):
        v.geometry = g
    out.sort(key=lambda v: (v.parcel_uuid, v.valid_from or "", v.valid_to or "~"))
    return out


def transaction_detail(conn, uuid: str,
                       state: Optional[State] = None) -> Optional[TransactionDetail]:
    row = conn.execute("SELECT uuid, type_code, dossier_no, document_date, authority, "
                       "recorded_by, recorded_at, note, approval, approved_by, approved_at, "
                       "rejection_reason FROM transactions WHERE uuid = ?",
                       (uuid,)).fetchone()
    if row is None:
        return None
    state = state or State(conn)
    known = types.all_types().get(row[1])
    detail = TransactionDetail(row[0], row[1], known.vi if known else row[1],
                               known.en if known else row[1], row[2] or "", row[3] or "",
                               row[4] or "", row[5] or "", row[6], row[7] or "",
                               approval=row[8], approved_by=row[9] or "",
                               approved_at=row[10] or "", rejection_reason=row[11] or "")
    parcels = conn.execute("SELECT parcel_uuid, role FROM transaction_parcels "
                           "WHERE transaction_uuid = ? ORDER BY fid", (uuid,)).fetchall()
    labels = _labels(conn, {p for p, _ in parcels})
    for p, role in parcels:
        target = detail.parcels_before if role == "before" else detail.parcels_after
        target.append((p, labels.get(p, p)))
    links = conn.execute("SELECT right_uuid, role FROM transaction_rights "
                         "WHERE transaction_uuid = ? ORDER BY fid", (uuid,)).fetchall()
    roles = dict(links)
    rights = state.rights_by_uuid([r for r, _ in links])
    labels.update(_labels(conn, {r.parcel_uuid for r in rights} - set(labels)))
    for right in rights:
        holding = Holding(labels.get(right.parcel_uuid, right.parcel_uuid), right.kind,
                          [(s.party_uuid, state.party_name(s.party_uuid), str(s.share))
                           for s in right.shares], right.landuse, right.term_end)
        side = detail.rights_before if roles[right.uuid] == "before" else detail.rights_after
        side.append(holding)
    for role, kind, creditor, registered, released in conn.execute(
            "SELECT tr.role, r.kind, r.creditor_uuid, r.registered_on, r.released_on "
            "FROM transaction_restrictions tr JOIN restrictions r ON r.uuid = tr.restriction_uuid "
            "WHERE tr.transaction_uuid = ? ORDER BY tr.fid", (uuid,)):
        detail.restrictions.append((role, kind, state.party_name(creditor) if creditor else "",
                                    registered, released))
    for role, serial, issued in conn.execute(
            "SELECT tc.role, c.serial, c.issue_date FROM transaction_certificates tc "
            "JOIN certificates c ON c.uuid = tc.certificate_uuid WHERE tc.transaction_uuid = ? "
            "ORDER BY tc.fid", (uuid,)):
        detail.certificates.append((role, serial, issued))
    for party, previous in conn.execute(
            "SELECT party_uuid, previous FROM transaction_parties WHERE transaction_uuid = ? "
            "AND role = 'changed' ORDER BY fid", (uuid,)):
        detail.parties_changed.append((state.party_name(party), json.loads(previous or "{}")))
    detail.documents = documents_of(conn, uuid)
    return detail


def parcel_history(wc, parcel_uuid: str) -> ParcelHistory:
    conn = wc.conn
    state = State(conn)
    ancestors = _lineage(conn, parcel_uuid, up=True)
    descendants = _lineage(conn, parcel_uuid, up=False)
    relation = {parcel_uuid: "self"}
    for link in ancestors:
        relation.setdefault(link.parent_uuid, "ancestor")
    for link in descendants:
        relation.setdefault(link.child_uuid, "descendant")
    versions = _versions(conn, relation)
    labels = _labels(conn, relation)
    entries = [Entry(v.valid_from or "", "version", v.parcel_uuid, v.label,
                     relation[v.parcel_uuid], version=v) for v in versions]
    marks = ",".join("?" * len(relation))
    touched = {}  # transaction -> the related parcel it is shown under: this one if it is involved
    for t_uuid, p in conn.execute(
            f"SELECT transaction_uuid, parcel_uuid FROM transaction_parcels WHERE parcel_uuid IN "
            f"({marks}) ORDER BY fid", tuple(relation)).fetchall():
        if t_uuid not in touched or p == parcel_uuid:
            touched[t_uuid] = p
    for t_uuid, p in touched.items():
        detail = transaction_detail(conn, t_uuid, state)
        if detail is not None:
            entries.append(Entry(detail.recorded_at, "transaction", p, labels.get(p, p),
                                 relation[p], transaction=detail))
    # A transaction and the version it starts share their moment: the transaction first.
    entries.sort(key=lambda e: (e.at, 0 if e.kind == "transaction" else 1))
    current = state.parcel(parcel_uuid)
    return ParcelHistory(parcel_uuid, labels.get(parcel_uuid, parcel_uuid), current.status,
                         ancestors, descendants, versions, entries)


def holders_at(wc, parcel_uuid: str, moment: str, kind: str = "land_use") -> dict:
    """party uuid -> share of the parcel's right valid at ``moment`` (empty if none)."""
    state = State(wc.conn)
    for right in state.all_rights(parcel_uuid):
        if right.kind == kind and (right.valid_from or "") <= moment and (
                right.valid_to is None or moment < right.valid_to):
            return right.holders
    return {}
