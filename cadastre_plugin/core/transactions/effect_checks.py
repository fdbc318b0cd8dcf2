"""The checks of what each kind of transaction does (requirements.json ``effect``): a transfer
comes from the current holders, a mortgage needs a registered right, a release an active
mortgage, and so on. Mixed into the checker of :mod:`.validate`, which supplies ``add``,
``state``, ``draft``, ``type`` and the naming helpers."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from ..codelists import check_landuse, load
from ..messages import Issue
from ..validation import check_party
from .draft import LONG_TERM
from .exchange import ExchangeChecks

PARTY_FIELDS = ("name", "birth_year", "citizen_id", "tax_code", "address")


def _share_text(value) -> str:
    return str(Fraction(value))


def _positive(value) -> bool:
    try:
        return float(value) > 0
    except (TypeError, ValueError):
        return False


class EffectChecks(ExchangeChecks):
    def transfer(self) -> None:
        by_parcel = {}
        for right in self.draft.rights_after:
            if right.parcel_uuid:
                by_parcel.setdefault(right.parcel_uuid, []).append(right)
        for p in self.current():
            label = self.label(p)
            if p not in by_parcel:
                if self.draft.rights_after:
                    self.add("transfer.parcel_without_holders",
                             f"Parcel {label} is part of the transaction but has no new "
                             "holders; enter them.",
                             f"Thửa {label} thuộc biến động nhưng chưa có người nhận quyền; "
                             "hãy nhập.", label, field="rights_after")
                continue
            for right in by_parcel[p]:
                self._transfer_right(p, label, right)
        if self.type.min_parcels > 1:  # an exchange (CD): parcels go round, see .exchange
            self.exchange()

    def _transfer_right(self, p: str, label: str, right) -> None:
        current = self.state.right(p, right.kind)
        if current is None:
            self.add("transfer.no_holder",
                     f"Parcel {label} has no registered holder, so there is nothing to "
                     "transfer; register its holders first.",
                     f"Thửa {label} chưa có người sử dụng được đăng ký nên không có quyền để "
                     "chuyển; hãy đăng ký người sử dụng trước.", label, field="transferors")
            return
        holders = current.holders
        holder_names = self.names(holders)
        for t in right.transferors:
            if t not in holders:
                self.add("transfer.not_holder",
                         f"{self.name(t)} is not a current holder of parcel {label}, so cannot "
                         f"transfer it; the current holders are: {holder_names}.",
                         f"{self.name(t)} không phải người đang sử dụng thửa {label} nên không "
                         f"thể chuyển quyền; người đang sử dụng là: {holder_names}.", label,
                         field="transferors", party=t)
        after = {s.party_uuid: Fraction(s.share) for s in right.shares}
        for h, share in holders.items():
            if h in right.transferors:
                continue
            if after.get(h) != share:
                new = _share_text(after.get(h, 0))
                self.add("transfer.kept_share",
                         f"{self.name(h)} does not transfer, yet their share of parcel {label} "
                         f"changes from {_share_text(share)} to {new}: a holder who is not a "
                         "transferring party keeps their share. Add them to the transferring "
                         "party, or keep their share.",
                         f"{self.name(h)} không chuyển quyền nhưng phần quyền tại thửa {label} "
                         f"thay đổi từ {_share_text(share)} thành {new}: người không chuyển "
                         "quyền giữ nguyên phần của mình. Hãy thêm họ vào bên chuyển quyền, "
                         "hoặc giữ nguyên phần.", label, field="rights_after", party=h)
        if right.shares and after == holders:
            self.add("transfer.no_change",
                     f"The holders of parcel {label} after the transaction are the same as "
                     "before; enter the new holders.",
                     f"Người sử dụng thửa {label} sau biến động giống như trước; hãy nhập người "
                     "nhận quyền.", label, field="rights_after")

    def mortgage(self) -> None:
        m = self.draft.mortgage
        if m is None:
            return
        if m.creditor_uuid and self.party(m.creditor_uuid) is None:
            self.add("mortgage.unknown_creditor",
                     f"The creditor {m.creditor_uuid} is not registered; search for the bank "
                     "again or create it.",
                     f"Bên nhận thế chấp {m.creditor_uuid} chưa có trong danh sách; hãy tìm lại "
                     "hoặc tạo mới.", field="mortgage.creditor")
        doc_date = self.draft.document.date if self.draft.document else None
        if m.registered_on and doc_date and m.registered_on < doc_date:
            self.add("mortgage.registered_before_contract",
                     f"The mortgage is registered on {m.registered_on.isoformat()}, before its "
                     f"contract of {doc_date.isoformat()}; check both dates.",
                     f"Ngày đăng ký thế chấp {m.registered_on.strftime('%d/%m/%Y')} trước ngày "
                     f"hợp đồng {doc_date.strftime('%d/%m/%Y')}; hãy kiểm tra lại hai ngày.",
                     field="mortgage.registered_on")
        for p in self.current():
            label = self.label(p)
            right = self.state.right(p)
            if right is None:
                self.add("mortgage.no_right",
                         f"Parcel {label} has no registered holder; only a registered right "
                         "can be mortgaged.",
                         f"Thửa {label} chưa có người sử dụng được đăng ký; chỉ quyền đã đăng "
                         "ký mới được thế chấp.", label, field="parcels")
            elif m.creditor_uuid in right.holders:
                self.add("mortgage.creditor_is_holder",
                         f"{self.name(m.creditor_uuid)} holds parcel {label} and cannot be its "
                         "own creditor; choose the bank or lender.",
                         f"{self.name(m.creditor_uuid)} đang sử dụng thửa {label} nên không thể "
                         "là bên nhận thế chấp; hãy chọn ngân hàng hoặc bên cho vay.", label,
                         field="mortgage.creditor")

    def release(self) -> None:
        for p in self.current():
            if not any(r.kind == "mortgage" for r in self.state.restrictions(p)):
                label = self.label(p)
                self.add("release.no_active_mortgage",
                         f"Parcel {label} has no active mortgage, so there is nothing to "
                         "release; check the parcel.",
                         f"Thửa {label} không có thế chấp đang hiệu lực nên không có gì để xóa; "
                         "hãy kiểm tra lại thửa.", label, field="release")
        for uuid in self.draft.release_uuids:
            r = self.state.restriction(uuid)
            if r is None or r.parcel_uuid not in self.parcels:
                self.add("release.unknown",
                         "The mortgage to release is not registered on the selected parcels; "
                         "choose it again.",
                         "Thế chấp cần xóa không được đăng ký trên các thửa đã chọn; hãy chọn "
                         "lại.", uuid, field="release")
            elif r.kind != "mortgage":
                self.add("release.not_mortgage",
                         f"The restriction of parcel {self.label(r.parcel_uuid)} is a "
                         f"{r.kind}, not a mortgage; only mortgages are released this way.",
                         f"Hạn chế của thửa {self.label(r.parcel_uuid)} không phải thế chấp; "
                         "chỉ xóa thế chấp bằng loại biến động này.", field="release")
            elif not r.active:
                self.add("release.already_released",
                         f"The mortgage of parcel {self.label(r.parcel_uuid)} registered on "
                         f"{r.registered_on} was already released on {r.released_on}.",
                         f"Thế chấp của thửa {self.label(r.parcel_uuid)} đăng ký ngày "
                         f"{r.registered_on} đã được xóa ngày {r.released_on}.", field="release")

    def split_merge(self) -> None:
        geometry = self.draft.geometry
        if geometry is None:
            return
        used = list(geometry.parcel_uuids)
        for p in used:
            if p not in self.parcels:
                self.add("tn.parcel_not_selected",
                         f"The split/merge uses parcel {self.label(p)}, which is not part of "
                         "the transaction; select it too.",
                         f"Phương án tách/hợp dùng thửa {self.label(p)} chưa được chọn trong "
                         "biến động; hãy chọn thêm thửa này.", field="geometry")
        for p in self.current():
            label = self.label(p)
            if p not in used:
                self.add("tn.parcel_unused",
                         f"Parcel {label} is selected but not split or merged; remove it from "
                         "the transaction.",
                         f"Thửa {label} được chọn nhưng không được tách hay hợp; hãy bỏ thửa "
                         "này khỏi biến động.", label, field="parcels")
            if any(r.kind == "mortgage" for r in self.state.restrictions(p)):
                self.add("tn.mortgaged",
                         f"Parcel {label} is mortgaged: release the mortgage (XC) before "
                         "splitting or merging it, then mortgage the new parcels again.",
                         f"Thửa {label} đang thế chấp: hãy xóa thế chấp (XC) trước khi tách, "
                         "hợp thửa, sau đó đăng ký thế chấp lại cho các thửa mới.", label,
                         field="parcels")
        for right in self.draft.rights_after:
            if right.child is None or right.parcel_uuid is not None:
                self.add("tn.right_target",
                         "In a split or merge the new holders belong to the new parcels: give "
                         "each set of holders the number of its new parcel.",
                         "Khi tách, hợp thửa, người nhận quyền thuộc về các thửa mới: hãy gán "
                         "mỗi nhóm người nhận cho thửa mới tương ứng.", field="rights_after")
        holder_sets = {frozenset(r.holders.items()) for p in used
                       for r in [self.state.right(p)] if r is not None}
        if len(holder_sets) > 1 and not any(r.child == 0 for r in self.draft.rights_after):
            self.add("tn.rights_missing",
                     "The merged parcels have different holders: enter the holders and shares "
                     "of the new parcel.",
                     "Các thửa được hợp có người sử dụng khác nhau: hãy nhập người sử dụng và "
                     "phần quyền của thửa mới.", field="rights_after")

    def parcel_changes(self) -> None:
        changes = self.draft.parcel_changes
        if not changes:
            return
        allowed = self.type.parcel_fields
        for key, value in changes.items():
            if key not in allowed:
                t = self.type
                self.add("parcel_changes.field",
                         f"A {t.en.lower()} ({t.code}) cannot change the parcel's {key}; "
                         f"it may change: {', '.join(allowed)}.",
                         f"{t.vi} ({t.code}) không được thay đổi {key} của thửa; chỉ được "
                         f"thay đổi: {', '.join(allowed)}.", field="parcel_changes", column=key)
            elif key == "landuse":
                for issue in check_landuse(value, load("landuse")):
                    self.issues.append(Issue(issue.code, issue.en, issue.vi, issue.where,
                                             {**issue.details, "field": "parcel_changes"}))
            elif key == "legal_area" and value is not None and not _positive(value):
                self.add("parcel_changes.legal_area",
                         f"The legal area '{value}' must be a positive number of m².",
                         f"Diện tích pháp lý '{value}' phải là số m² lớn hơn 0.",
                         field="parcel_changes", column=key)
        for p in self.current():
            parcel = self.state.parcel(p)
            if all(getattr(parcel, k, None) == v for k, v in changes.items()):
                self.add("parcel_changes.no_change",
                         f"Parcel {parcel.label} already has these values; enter what changes.",
                         f"Thửa {parcel.label} đã có các giá trị này; hãy nhập thông tin thay "
                         "đổi.", parcel.label, field="parcel_changes")

    def party_changes(self) -> None:
        holders = set()
        for p in self.current():
            holders |= self.state.holder_parties(p)
        for uuid, changes in self.draft.party_changes.items():
            party = self.state.party(uuid)
            if party is None:
                self.add("party_changes.unknown",
                         f"Party {uuid} is not registered; search for it again.",
                         f"Chủ sử dụng {uuid} chưa có trong danh sách; hãy tìm lại.", uuid,
                         field="party_changes")
                continue
            if uuid not in holders:
                self.add("party_changes.not_holder",
                         f"{party.name} does not hold the selected parcels; an owner-information "
                         "change concerns the parcels' own holders.",
                         f"{party.name} không phải người sử dụng các thửa đã chọn; thay đổi "
                         "thông tin chỉ áp dụng cho người đang sử dụng thửa.", party.name,
                         field="party_changes")
            bad = [k for k in changes if k not in PARTY_FIELDS]
            if bad:
                self.add("party_changes.field",
                         f"Cannot change {', '.join(bad)} of a party; change only: "
                         f"{', '.join(PARTY_FIELDS)}.",
                         f"Không thể thay đổi {', '.join(bad)} của chủ sử dụng; chỉ được thay "
                         f"đổi: {', '.join(PARTY_FIELDS)}.", party.name, field="party_changes")
                continue
            changed = replace(party, **changes)
            for issue in check_party(changed):
                self.issues.append(Issue(issue.code, issue.en, issue.vi, issue.where,
                                         {**issue.details, "field": "party_changes"}))
            cccd = changes.get("citizen_id")
            if cccd:
                other = self.state.party_with_citizen_id(cccd)
                if other is not None and other.uuid != uuid:
                    self.add("party.citizen_id_registered",
                             f"Citizen ID {cccd} is already registered for {other.name}.",
                             f"Số CCCD {cccd} đã được đăng ký cho {other.name}.", party.name,
                             field="party_changes")
            if all(getattr(party, k) == v for k, v in changes.items()):
                self.add("party_changes.no_change",
                         f"{party.name} already has these values; enter what changes.",
                         f"{party.name} đã có các thông tin này; hãy nhập thông tin thay đổi.",
                         party.name, field="party_changes")

    def recovery(self) -> None:
        for p in self.current():
            if not self.state.rights(p):
                label = self.label(p)
                self.add("recovery.no_right",
                         f"Parcel {label} has no registered holder: there is no right to "
                         "recover.",
                         f"Thửa {label} chưa có người sử dụng được đăng ký: không có quyền để "
                         "thu hồi.", label, field="parcels")
        for right in self.draft.rights_after:
            if right.transferors:
                self.add("recovery.transferors",
                         "Recovered land is allocated by the State, not transferred: leave the "
                         "transferring party empty.",
                         "Đất thu hồi do Nhà nước giao lại, không phải chuyển quyền: hãy để "
                         "trống bên chuyển quyền.", field="transferors")

    def term(self) -> None:
        new = self.draft.term_end
        if new is None:
            return
        if new == LONG_TERM or not isinstance(new, date):
            self.add("term.not_a_date",
                     "An extension needs the new end date of the land-use term.",
                     "Gia hạn cần có ngày kết thúc thời hạn sử dụng mới.", field="term_end")
            return
        for p in self.current():
            label = self.label(p)
            right = self.state.right(p)
            if right is None:
                self.add("term.no_right",
                         f"Parcel {label} has no registered holder: there is no term to extend.",
                         f"Thửa {label} chưa có người sử dụng được đăng ký: không có thời hạn "
                         "để gia hạn.", label, field="term_end")
            elif right.term_end is None:
                self.add("term.long_term",
                         f"Parcel {label} is used long-term (lâu dài): there is no term to "
                         "extend.",
                         f"Thửa {label} được sử dụng lâu dài: không có thời hạn để gia hạn.",
                         label, field="term_end")
            elif new <= date.fromisoformat(right.term_end):
                self.add("term.not_later",
                         f"The new term end {new.isoformat()} of parcel {label} is not after "
                         f"the current one ({right.term_end}); enter the extended date.",
                         f"Thời hạn mới {new.strftime('%d/%m/%Y')} của thửa {label} không sau "
                         f"thời hạn hiện tại ({right.term_end}); hãy nhập ngày đã gia hạn.",
                         label, field="term_end")

    def landuse_term(self) -> None:
        """A change of land use may also change the term: to a date, or to long-term."""
        new = self.draft.term_end
        if new is not None and new != LONG_TERM and not isinstance(new, date):
            self.add("term.not_a_date", "The new land-use term must be a date or long-term.",
                     "Thời hạn sử dụng mới phải là một ngày hoặc lâu dài.", field="term_end")
