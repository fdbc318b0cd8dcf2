"""What recording each kind of transaction does to the registration, once it is valid.

One function per ``effect`` of requirements.json. Each receives a :class:`Step` holding the
draft, the stored state and the writer, and returns the parcels before and after.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..messages import Issue, ValidationFailed
from .draft import LONG_TERM, TransactionDraft
from .state import State
from .writer import Writer


@dataclass
class Step:
    wc: object
    draft: TransactionDraft
    state: State
    writer: Writer
    actor: str
    operation_result: Optional[object] = None  # the split/merge OperationResult

    @property
    def parcels(self) -> list:
        return list(dict.fromkeys(self.draft.parcel_uuids))


def transfer(step: Step):
    w, state = step.writer, step.state
    for new in step.draft.rights_after:
        old = state.right(new.parcel_uuid, new.kind)
        w.reissue(old, shares=new.shares)
        for party in new.transferors:
            w.link_party(party, "transferor")
        for share in new.shares:
            if share.party_uuid not in old.holders:
                w.link_party(share.party_uuid, "recipient")
    return step.parcels, step.parcels


def mortgage(step: Step):
    m = step.draft.mortgage
    for p in step.parcels:
        step.writer.register_mortgage(p, m.creditor_uuid, m.registered_on, m.note)
    step.writer.link_party(m.creditor_uuid, "creditor")
    return step.parcels, step.parcels


def release(step: Step):
    on = step.draft.document.date
    for uuid in step.draft.release_uuids:
        step.writer.release(uuid, on)
        creditor = step.state.restriction(uuid).creditor_uuid
        if creditor:
            step.writer.link_party(creditor, "creditor")
    return step.parcels, step.parcels


def split_merge(step: Step):
    draft, state, w = step.draft, step.state, step.writer
    parents = list(draft.geometry.parcel_uuids)
    parent_rights = {p: state.rights(p) for p in parents}
    result = draft.geometry.apply(step.wc, w.transaction_uuid, step.actor)
    step.operation_result = result
    state.forget_parcels()
    for rights in parent_rights.values():
        for right in rights:
            w.end_right(right)
    w.cancel_certificates(parents)
    children = list(result.created)
    given = {}
    for new in draft.rights_after:
        given.setdefault(new.child, []).append(new)
    beyond = [k for k in given if k is not None and not 0 <= k < len(children)]
    if beyond:
        raise ValidationFailed([Issue(
            "tn.child_index",
            f"Holders were entered for new parcel #{beyond[0] + 1}, but the split/merge makes "
            f"{len(children)} parcel(s); assign the holders to the new parcels shown.",
            f"Đã nhập người nhận quyền cho thửa mới thứ {beyond[0] + 1}, nhưng phương án "
            f"tách/hợp chỉ tạo {len(children)} thửa; hãy gán người nhận cho các thửa mới.",
            "", {"field": "rights_after"})])
    inherited = _common_rights(parent_rights)
    for k, child in enumerate(children):
        landuse = state.parcel(child).landuse
        if k in given:
            term = _term_of(parent_rights)
            for new in given[k]:
                w.new_right(child, new.kind, landuse, term, new.shares)
                for share in new.shares:
                    w.link_party(share.party_uuid, "recipient")
        else:
            for right in inherited:
                w.new_right(child, right.kind, landuse, right.term_end, right.shares)
    return parents, children


def _common_rights(parent_rights: dict) -> list:
    """The parents' rights when every parent is held by the same parties in the same shares
    (always so for a split): the children inherit them. Else [] (validation asked for
    holders)."""
    sets = [sorted((r.kind, tuple(sorted(r.holders.items()))) for r in rights)
            for rights in parent_rights.values()]
    if sets and all(s == sets[0] for s in sets):
        return next(iter(parent_rights.values()))
    return []


def _term_of(parent_rights: dict) -> Optional[str]:
    for rights in parent_rights.values():
        for right in rights:
            if right.kind == "land_use":
                return right.term_end
    return None


def landuse(step: Step):
    new = step.draft.parcel_changes["landuse"]
    term = step.draft.term_end
    term_end = "keep" if term is None else (None if term == LONG_TERM else term.isoformat())
    for p in step.parcels:
        step.writer.update_parcel(p, {"landuse": new})
        right = step.state.right(p)
        if right is not None:
            step.writer.reissue(right, landuse=new, term_end=term_end)
    return step.parcels, step.parcels


def parcel_info(step: Step):
    changes = dict(step.draft.parcel_changes)
    if changes.get("legal_area") not in (None, ""):
        changes["legal_area"] = round(float(changes["legal_area"]), 1)
    if changes:
        for p in step.parcels:
            step.writer.update_parcel(p, changes)
        if "landuse" in changes:
            for p in step.parcels:
                right = step.state.right(p)
                if right is not None:
                    step.writer.reissue(right, landuse=changes["landuse"])
    return step.parcels, step.parcels


def party_info(step: Step):
    for uuid, changes in step.draft.party_changes.items():
        step.writer.update_party(uuid, changes)
    return step.parcels, step.parcels


def correction(step: Step):
    parcel_info(step)
    return party_info(step)


def recovery(step: Step):
    for p in step.parcels:
        for right in step.state.rights(p):
            step.writer.end_right(right)
            for party in right.holders:
                step.writer.link_party(party, "transferor")
    step.writer.cancel_certificates(step.parcels)
    for new in step.draft.rights_after:
        step.writer.new_right(new.parcel_uuid, new.kind, step.state.parcel(new.parcel_uuid).landuse,
                              None, new.shares)
        for share in new.shares:
            step.writer.link_party(share.party_uuid, "recipient")
    return step.parcels, step.parcels


def term(step: Step):
    for p in step.parcels:
        step.writer.reissue(step.state.right(p), term_end=step.draft.term_end.isoformat())
    return step.parcels, step.parcels


def certificate_only(step: Step):
    """Certificate re-issue (CL): the certificate step that follows does the work."""
    return step.parcels, step.parcels


EFFECTS = {
    "transfer": transfer, "mortgage": mortgage, "release": release, "split_merge": split_merge,
    "landuse": landuse, "certificate": certificate_only, "parcel_info": parcel_info,
    "party_info": party_info, "correction": correction, "recovery": recovery, "term": term,
}
