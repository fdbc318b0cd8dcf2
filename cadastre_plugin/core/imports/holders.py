"""Holders named in a source's TenChu field, turned into parties with a whole right each.

Source schemas carry the holder only as a name ("Nguyễn Văn An", "Hộ ông Trần Văn Bình",
"Ông Lê Văn Cường và bà Phạm Thị Dung", "UBND xã Tân Tiến"). The kind of party is read from
the conventional prefixes, so that households, couples and organisations do not all end up as
individuals; anything unrecognised is an individual, which the registration dialog can change.
"""
from __future__ import annotations

import re
import uuid as _uuid

from ..crs import fold

_ORGANISATION = re.compile(
    r"^(ubnd|uy ban|cong ty|cty|tong cong ty|truong|tram|benh vien|ngan hang|hop tac xa|htx|"
    r"ban quan ly|so |phong |chi cuc|cuc |trung tam|doanh nghiep|dntn|chua|nha tho|thanh that|"
    r"dinh|den |lang |doi )")
_HOUSEHOLD = re.compile(r"^(ho |ho gia dinh)")
_COMMUNITY = re.compile(r"^(cong dong|dong ho|thon |xom |ap |ban )")
_COUPLE = re.compile(r"^(ong|ba) .+ (va|&) (ong|ba) ")


def party_kind(name: str) -> str:
    """'individual', 'household', 'couple', 'organisation' or 'community' from a holder name."""
    key = fold(name) + " "
    if _HOUSEHOLD.match(key):
        return "household"
    if _COUPLE.match(key):
        return "couple"
    if _COMMUNITY.match(key):
        return "community"
    if _ORGANISATION.match(key):
        return "organisation"
    return "individual"


def holder_rows(names, parcel_uuids, valid_from: str):
    """(parties, rights, right_shares) rows for the parcels that name a holder.

    The same name on several parcels is one party (a household holding many plots is common);
    each parcel gets one land-use right held whole (share 1) by that party."""
    parties, rights, shares, seen = [], [], [], {}
    for name, parcel_uuid in zip(names, parcel_uuids):
        name = " ".join(str(name).split()) if name is not None else ""
        if not name:
            continue
        party = seen.get(name)
        if party is None:
            party = seen[name] = str(_uuid.uuid4())
            parties.append((party, party_kind(name), name))
        right = str(_uuid.uuid4())
        rights.append((right, parcel_uuid, "land_use", valid_from))
        shares.append((right, party, "1"))
    return parties, rights, shares
