"""What an officer enters to record a transaction: a draft, validated before anything is written.

A draft names existing rows by UUID (parcels, parties, restrictions) and carries the new ones
(parties created in the dialog, the new holders' shares, a mortgage, a certificate). Only the
sections the type uses are read; ``types.get(code).fields`` says which.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional, Union

from ..model import LegalDocument, Party, Share, new_uuid

#: ``term_end`` value meaning "long-term use" (lâu dài), as opposed to "not given" (None).
LONG_TERM = "long_term"


@dataclass
class NewRight:
    """The holders of a right after the transaction, with their shares.

    ``parcel_uuid`` names an existing parcel; for a split or merge, ``child`` is the index of
    the new parcel (in the order the geometry change creates them). ``transferors`` are the
    holders who give their share away (sellers, the deceased, donors); holders not listed keep
    theirs."""

    shares: list
    parcel_uuid: Optional[str] = None
    child: Optional[int] = None
    transferors: tuple = ()
    kind: str = "land_use"


@dataclass
class MortgageInput:
    creditor_uuid: Optional[str]
    registered_on: Optional[date]
    note: str = ""


@dataclass
class CertificateInput:
    serial: str
    entry_no: str
    issue_date: Optional[date]
    authority: str


@dataclass
class DocumentInput:
    """A scanned file to attach; ``role`` says what it is (application, contract, ...)."""

    path: str
    role: str = "other"
    name: str = ""


@dataclass
class TransactionDraft:
    type_code: str
    parcel_uuids: list
    document: Optional[LegalDocument] = None
    recorded_by: str = ""
    rights_after: list = field(default_factory=list)  # NewRight
    new_parties: list = field(default_factory=list)  # Party rows created by this transaction
    mortgage: Optional[MortgageInput] = None
    release_uuids: list = field(default_factory=list)  # restrictions (mortgages) to release
    certificate: Optional[CertificateInput] = None
    geometry: object = None  # a geometry.GeometryChange for split/merge
    parcel_changes: dict = field(default_factory=dict)  # parcel column -> new value
    party_changes: dict = field(default_factory=dict)  # party uuid -> {column: new value}
    term_end: Union[date, str, None] = None  # a date, LONG_TERM, or None (not given)
    documents: list = field(default_factory=list)  # DocumentInput
    note: str = ""
    uuid: str = field(default_factory=new_uuid)


def shares_of(pairs) -> list:
    """[(party uuid, share)] -> [Share]; shares as Fraction, int or text such as '1/3'."""
    from fractions import Fraction

    return [Share(party, Fraction(share)) for party, share in pairs]


__all__ = ["LONG_TERM", "NewRight", "MortgageInput", "CertificateInput", "DocumentInput",
           "TransactionDraft", "LegalDocument", "Party", "Share", "shares_of"]
