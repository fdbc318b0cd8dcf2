"""Which working-copy tables travel between a working copy and the central database, and how.

One description serves the client (building change sets from the journal, applying pulled rows)
and the server (its models, SQL and change log), so the two cannot drift apart; a test checks it
against the working-copy schema. Rows are identified by their natural key, never by the local
``fid``, which differs from one working copy to the next.

Column kinds: ``uuid`` (a key or a reference), ``text``, ``int``, ``real``, ``count`` (an int
>= 0), ``sha256`` (64 lower-case hex digits). ``required`` columns are NOT NULL in the working
copy, and ``choices`` mirror its CHECK constraints: the server must never accept a row that
every working copy would then fail to store. Parcels also carry their geometry (GeoJSON on the wire) and a
``version`` that the server owns, so neither is listed among the data columns.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Col:
    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple = ()  # the working copy's CHECK (... IN (...)): the server refuses others


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple  # Col, ...
    columns: tuple  # Col, ...: the data columns (not key, not geometry, not version)
    geometry: bool = False

    # Cached: these are asked for once per row on every pull and push.
    @cached_property
    def key_names(self) -> tuple:
        return tuple(c.name for c in self.key)

    @cached_property
    def column_names(self) -> tuple:
        return tuple(c.name for c in self.columns)

    @cached_property
    def all_names(self) -> tuple:
        return self.key_names + self.column_names

    def key_of(self, row: dict) -> dict:
        return {k: row[k] for k in self.key_names}


def _u(name, required=True):
    return Col(name, "uuid", required)


def _role(*choices):
    return Col("role", required=True, choices=choices)


_BEFORE_AFTER = _role("before", "after")


TABLES = {t.name: t for t in (
    Table("parcels", (_u("uuid"),), (
        Col("commune_code", required=True), Col("sheet_no", "int", True),
        Col("parcel_no", "int", True), Col("area", "real"), Col("legal_area", "real"),
        Col("landuse"), Col("address"), Col("status", required=True), Col("valid_from"),
        Col("valid_to"), Col("old_sheet_no", "int"), Col("old_parcel_no", "int")),
        geometry=True),
    Table("parties", (_u("uuid"),), (
        Col("kind", required=True), Col("name", required=True), Col("birth_year", "int"),
        Col("citizen_id"), Col("tax_code"), Col("user_type"), Col("address"), Col("members"))),
    Table("rights", (_u("uuid"),), (
        _u("parcel_uuid"), Col("kind", required=True), Col("landuse"), Col("term_end"),
        Col("valid_from"), Col("valid_to"), _u("transaction_uuid", False))),
    Table("right_shares", (_u("right_uuid"), _u("party_uuid")), (Col("share", required=True),)),
    Table("restrictions", (_u("uuid"),), (
        _u("parcel_uuid"), Col("kind", required=True), _u("creditor_uuid", False),
        Col("registered_on"), Col("released_on"), Col("note"), _u("transaction_uuid", False))),
    Table("certificates", (_u("uuid"),), (
        Col("serial", required=True), Col("entry_no"), Col("issue_date"), Col("authority"),
        Col("status", required=True), _u("transaction_uuid", False))),
    Table("certificate_parcels", (_u("certificate_uuid"), _u("parcel_uuid")), ()),
    Table("transactions", (_u("uuid"),), (
        Col("type_code", required=True), Col("dossier_no"), Col("document_date"),
        Col("authority"), Col("recorded_by"), Col("recorded_at", required=True), Col("note"),
        # Schema 4: the officer's decision; the server lets only an officer token set it.
        Col("approval", required=True, choices=("submitted", "approved", "rejected")),
        Col("approved_by"), Col("approved_at"), Col("rejection_reason"))),
    Table("transaction_parcels", (_u("transaction_uuid"), _u("parcel_uuid"), _BEFORE_AFTER), ()),
    Table("parcel_lineage", (_u("parent_uuid"), _u("child_uuid")), (
        _u("transaction_uuid", False), Col("created_at", required=True))),
    # Schema 3: what each registration change did, its scanned documents (metadata only: the
    # bytes go to /documents by checksum), identifiers from imported registers.
    Table("transaction_rights", (_u("transaction_uuid"), _u("right_uuid"), _BEFORE_AFTER), ()),
    Table("transaction_restrictions", (_u("transaction_uuid"), _u("restriction_uuid"),
                                       _role("registered", "released")), ()),
    Table("transaction_certificates", (_u("transaction_uuid"), _u("certificate_uuid"),
                                       _role("issued", "cancelled")), ()),
    Table("transaction_parties", (_u("transaction_uuid"), _u("party_uuid"),
                                  _role("transferor", "recipient", "creditor", "changed")),
          (Col("previous"),)),
    Table("documents", (Col("sha256", "sha256", True),), (
        Col("size", "count", True), Col("media_type", required=True), Col("original_name"),
        Col("added_at", required=True))),
    Table("transaction_documents", (_u("transaction_uuid"), Col("sha256", "sha256", True)),
          (Col("role", required=True),)),
    Table("external_ids", (Col("object_table", required=True), _u("object_uuid"),
                           Col("source", required=True)), (
        Col("external_id", required=True), Col("label"))),
)}


_PLAIN = re.compile(r'[ !#-\[\]-~]*')  # printable ASCII without '"' and '\\': JSON as is


def key_text(key: dict) -> str:
    """The canonical text of a row key: the same bytes on client and server, so it can be
    compared and indexed as a string. Keys are UUIDs and codes, written directly when plain
    (this runs for every row of a pull); anything else goes through the JSON encoder."""
    parts = []
    for name in sorted(key):
        value = key[name]
        if isinstance(value, str) and _PLAIN.fullmatch(value):
            parts.append(f'"{name}":"{value}"')
        elif type(value) is int:
            parts.append(f'"{name}":{value}')
        else:
            return json.dumps(key, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "{" + ",".join(parts) + "}"
