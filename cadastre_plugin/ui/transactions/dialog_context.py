"""What the "Record transaction" dialog needs to know of the selected parcels, read once when it
opens: their holders and shares, active mortgages, current values. The core re-reads all of it
inside the recording transaction, so a change made meanwhile is still caught."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ...core.transactions.state import State
from ...core.working_copy import WorkingCopy


@dataclass
class SelectedParcel:
    uuid: str
    label: str
    status: str
    landuse: str
    address: str
    legal_area: Optional[float]
    area: Optional[float]
    holders: dict  # party uuid -> Fraction (land-use right)
    term_end: Optional[str]
    mortgages: list = field(default_factory=list)  # [(restriction uuid, creditor, registered)]


@dataclass
class DialogContext:
    path: str
    parcels: list
    parties: dict  # uuid -> Party: holders and their members

    @property
    def uuids(self) -> list:
        return [p.uuid for p in self.parcels]

    @property
    def labels(self) -> str:
        return ", ".join(p.label for p in self.parcels)

    def holders(self) -> list:
        """Holders of any selected parcel, in order of appearance."""
        return list(dict.fromkeys(h for p in self.parcels for h in p.holders))

    def name(self, uuid: str) -> str:
        party = self.parties.get(uuid)
        return party.name if party else uuid


def load_context(path: str, parcel_uuids) -> DialogContext:
    with WorkingCopy.open(path) as wc:
        state = State(wc.conn)
        parcels, parties = [], {}
        for uuid in parcel_uuids:
            p = state.parcel(uuid)
            right = state.right(uuid)
            holders = right.holders if right else {}
            for h in holders:
                party = state.party(h)
                if party is not None:
                    parties[h] = party
                    for member in party.members:
                        if state.party(member) is not None:
                            parties[member] = state.party(member)
            mortgages = [(r.uuid, state.party_name(r.creditor_uuid) if r.creditor_uuid else "",
                          r.registered_on) for r in state.restrictions(uuid)
                         if r.kind == "mortgage"]
            parcels.append(SelectedParcel(uuid, p.label, p.status, p.landuse, p.address,
                                          p.legal_area, p.area, holders,
                                          right.term_end if right else None, mortgages))
    return DialogContext(path, parcels, parties)
