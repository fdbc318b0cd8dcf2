"""Validation of a transaction draft against the stored registration state.

Every problem is reported at once (a dialog shows them all), each as an :class:`Issue` in
Vietnamese and English saying what is wrong, on which parcel or party, and what to do.
``details['field']`` names the draft field concerned, so a dialog can mark its widget.
Nothing here writes; :func:`.record.record` runs the same checks inside its transaction.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from ..messages import CadastreError, Issue
from ..model import RIGHT_KINDS
from ..validation import check_party, check_shares
from . import types
from .documents import check_file
from .draft import TransactionDraft
from .effect_checks import EffectChecks
from .state import State


def _issue(code, en, vi, where="", field="", **details) -> Issue:
    if field:
        details["field"] = field
    return Issue(code, en, vi, where, details)


class _Checks(EffectChecks):
    """The checks every transaction needs; the effect checks come from EffectChecks."""

    def __init__(self, state: State, draft: TransactionDraft, ttype: types.TransactionType,
                 today: date):
        self.state, self.draft, self.type, self.today = state, draft, ttype, today
        self.issues: list = []
        self.new_parties = {p.uuid: p for p in draft.new_parties}
        self.parcels = list(dict.fromkeys(draft.parcel_uuids))

    def add(self, *args, **kwargs) -> None:
        self.issues.append(_issue(*args, **kwargs))

    # -- helpers -------------------------------------------------------------------------
    def label(self, parcel_uuid: str) -> str:
        return self.state.parcel(parcel_uuid).label

    def party(self, uuid: str):
        return self.new_parties.get(uuid) or self.state.party(uuid)

    def name(self, uuid: str) -> str:
        party = self.party(uuid)
        return party.name if party else uuid

    def names(self, uuids) -> str:
        return ", ".join(self.name(u) for u in uuids) or "-"

    def current(self) -> list:
        """The draft's parcels that exist and are current."""
        return [p for p in self.parcels if self.state.parcel(p).status == "current"]

    # -- what every type needs -----------------------------------------------------------
    def required_fields(self) -> None:
        t = self.type
        for name in t.required:
            if not filled(self.draft, name):
                self._missing(name)
        for group in t.any_of:
            if not any(filled(self.draft, name) for name in group):
                en = " or ".join(types.field_name(n, "en") for n in group)
                vi = " hoặc ".join(types.field_name(n, "vi") for n in group)
                self.add("transaction.required",
                         f"A {t.en.lower()} ({t.code}) needs the {en}: fill in at least one.",
                         f"{t.vi} ({t.code}) cần có {vi}: hãy nhập ít nhất một mục.",
                         field=group[0])

    def _missing(self, name: str) -> None:
        t = self.type
        self.add("transaction.required",
                 f"A {t.en.lower()} ({t.code}) needs the {types.field_name(name, 'en')}: fill "
                 "it in.",
                 f"{t.vi} ({t.code}) cần có {types.field_name(name, 'vi')}: hãy nhập.",
                 field=name)

    def parcels_exist(self) -> None:
        t = self.type
        if not self.parcels:
            self.add("transaction.no_parcel",
                     "No parcel is selected: select the parcel(s) the dossier concerns.",
                     "Chưa chọn thửa đất: hãy chọn (các) thửa của hồ sơ.", field="parcels")
            return
        if len(self.parcels) < t.min_parcels:
            self.add("transaction.min_parcels",
                     f"A {t.en.lower()} ({t.code}) concerns at least {t.min_parcels} parcels; "
                     "select all of them.",
                     f"{t.vi} ({t.code}) liên quan đến ít nhất {t.min_parcels} thửa; hãy chọn "
                     "đủ các thửa.", field="parcels")
        for uuid in self.parcels:
            parcel = self.state.parcel(uuid)
            if parcel.status == "missing":
                self.add("transaction.parcel_missing",
                         f"Parcel {uuid} is not in this working copy; refresh the layer and "
                         "select it again.",
                         f"Không có thửa {uuid} trong bản sao làm việc; hãy làm mới lớp và chọn "
                         "lại.", uuid, field="parcels")
            elif parcel.status == "retired":
                self.add("transaction.parcel_retired",
                         f"Parcel {parcel.label} was retired on {parcel.retired_on[:10]} (split, "
                         "merged or recovered): no transaction can change it any more. Record "
                         "it on the parcels that replaced it.",
                         f"Thửa {parcel.label} đã chấm dứt từ ngày {parcel.retired_on[:10]} "
                         "(đã tách, hợp hoặc thu hồi): không thể đăng ký biến động trên thửa "
                         "này nữa. Hãy đăng ký trên các thửa thay thế nó.",
                         parcel.label, field="parcels")

    def dates(self) -> None:
        d = self.draft
        checks = []
        if d.document is not None:
            checks.append(("document.date", d.document.date, "document date", "ngày văn bản"))
        if d.mortgage is not None and self.type.uses("mortgage.registered_on"):
            checks.append(("mortgage.registered_on", d.mortgage.registered_on,
                           "mortgage registration date", "ngày đăng ký thế chấp"))
        if d.certificate is not None and self.type.uses("certificate"):
            checks.append(("certificate", d.certificate.issue_date,
                           "certificate issue date", "ngày cấp Giấy chứng nhận"))
        for field, value, en, vi in checks:
            if value is not None and value > self.today:
                self.add("date.future",
                         f"The {en} {value.isoformat()} is in the future (today is "
                         f"{self.today.isoformat()}); enter the date written on the document.",
                         f"{vi.capitalize()} {value.strftime('%d/%m/%Y')} là ngày trong tương "
                         f"lai (hôm nay là {self.today.strftime('%d/%m/%Y')}); hãy nhập đúng "
                         "ngày ghi trên văn bản.", field=field, value=value.isoformat())

    def parties(self) -> None:
        for party in self.draft.new_parties:
            for issue in check_party(party):
                self.issues.append(Issue(issue.code, issue.en, issue.vi, issue.where,
                                         {**issue.details, "field": "new_parties",
                                          "party": party.uuid}))
            cccd = (party.citizen_id or "").strip()
            if party.kind == "individual" and cccd:
                existing = self.state.party_with_citizen_id(cccd)
                if existing is not None and existing.uuid != party.uuid:
                    self.add("party.citizen_id_registered",
                             f"Citizen ID {cccd} is already registered for {existing.name}: "
                             "pick that party instead of creating a new one.",
                             f"Số CCCD {cccd} đã được đăng ký cho {existing.name}: hãy chọn "
                             "người này thay vì tạo mới.", party.name, field="new_parties",
                             party=party.uuid)

    def shares(self) -> None:
        for k, right in enumerate(self.draft.rights_after):
            where = self._right_where(right)
            for issue in check_shares(right.shares, where):
                self.issues.append(Issue(issue.code, issue.en, issue.vi, issue.where,
                                         {**issue.details, "field": "rights_after",
                                          "right": k}))
            for share in right.shares:
                if self.party(share.party_uuid) is None:
                    self.add("shares.unknown_party",
                             f"The holder {share.party_uuid} of {where} is not registered; "
                             "search for the party again or create it.",
                             f"Người sử dụng {share.party_uuid} của {where} chưa có trong danh "
                             "sách; hãy tìm lại hoặc tạo mới.", where, field="rights_after")
            if right.kind not in RIGHT_KINDS:
                self.add("rights.kind", f"Unknown right kind '{right.kind}'.",
                         f"Loại quyền '{right.kind}' không hợp lệ.", where, field="rights_after")
            if self.type.effect != "split_merge":
                if right.parcel_uuid is None:
                    self.add("rights.no_parcel",
                             "New holders were entered without their parcel; choose the parcel.",
                             "Đã nhập người nhận quyền nhưng chưa chọn thửa; hãy chọn thửa.",
                             field="rights_after")
                elif right.parcel_uuid not in self.parcels:
                    self.add("rights.parcel_not_in_transaction",
                             f"New holders are given for parcel {self.label(right.parcel_uuid)}, "
                             "which is not part of this transaction; add the parcel or remove "
                             "the holders.",
                             f"Đã nhập người nhận quyền cho thửa "
                             f"{self.label(right.parcel_uuid)} không thuộc biến động này; hãy "
                             "thêm thửa hoặc bỏ người nhận.", field="rights_after")

    def _right_where(self, right) -> str:
        if right.parcel_uuid:
            return self.label(right.parcel_uuid)
        return f"#{(right.child or 0) + 1}"

    def documents(self) -> None:
        for doc in self.draft.documents:
            for issue in check_file(doc.path, doc.role):
                self.issues.append(Issue(issue.code, issue.en, issue.vi, issue.where,
                                         {**issue.details, "field": "documents"}))

    def certificate(self) -> None:
        cert = self.draft.certificate
        if cert is None or not self.type.uses("certificate"):
            return
        for value, en, vi in ((cert.serial, "serial number", "số phát hành (seri)"),
                              (cert.entry_no, "entry number in the issue register",
                               "số vào sổ cấp Giấy chứng nhận"),
                              (cert.authority, "issuing authority", "cơ quan cấp")):
            if not (value or "").strip():
                self.add("certificate.incomplete",
                         f"The new certificate has no {en}: fill it in.",
                         f"Giấy chứng nhận mới chưa có {vi}: hãy nhập.", field="certificate")
        if cert.issue_date is None:
            self.add("certificate.incomplete", "The new certificate has no issue date: fill it in.",
                     "Giấy chứng nhận mới chưa có ngày cấp: hãy nhập.", field="certificate")
        serial = (cert.serial or "").strip()
        if serial and self.state.serial_in_use(serial):
            self.add("certificate.serial_in_use",
                     f"Certificate serial {serial} is already registered; check the number "
                     "printed on the new certificate.",
                     f"Số seri Giấy chứng nhận {serial} đã được đăng ký; hãy kiểm tra lại số in "
                     "trên Giấy chứng nhận mới.", field="certificate")
        if self.type.effect != "split_merge":
            for p in self.current():
                if not self.state.rights(p) and not self._gets_rights(p):
                    label = self.label(p)
                    self.add("certificate.no_right",
                             f"Parcel {label} has no registered holder, so there is no right "
                             "for a certificate to certify; register the holders first.",
                             f"Thửa {label} chưa có người sử dụng được đăng ký nên không có "
                             "quyền để cấp Giấy chứng nhận; hãy đăng ký người sử dụng trước.",
                             label, field="certificate")

    def _gets_rights(self, parcel_uuid: str) -> bool:
        return any(r.parcel_uuid == parcel_uuid for r in self.draft.rights_after)

    # -- what each effect needs ----------------------------------------------------------



def filled(draft: TransactionDraft, name: str) -> bool:
    """Whether the draft carries the field ``name`` (a name of requirements.json)."""
    doc = draft.document
    mortgage = draft.mortgage
    return bool({
        "document.dossier_no": doc is not None and (doc.dossier_no or "").strip(),
        "document.date": doc is not None and doc.date is not None,
        "document.authority": doc is not None and (doc.authority or "").strip(),
        "transferors": draft.rights_after and all(r.transferors for r in draft.rights_after),
        "rights_after": draft.rights_after,
        "mortgage.creditor": mortgage is not None and mortgage.creditor_uuid,
        "mortgage.registered_on": mortgage is not None and mortgage.registered_on is not None,
        "release": draft.release_uuids,
        "certificate": draft.certificate is not None,
        "geometry": draft.geometry is not None,
        "parcel_changes": draft.parcel_changes,
        "party_changes": draft.party_changes,
        "term_end": draft.term_end is not None,
        "documents": draft.documents,
    }.get(name))


_EFFECT_CHECKS = {
    "transfer": ("transfer",), "mortgage": ("mortgage",), "release": ("release",),
    "split_merge": ("split_merge",), "landuse": ("parcel_changes", "landuse_term"),
    "certificate": (), "parcel_info": ("parcel_changes",), "party_info": ("party_changes",),
    "correction": ("parcel_changes", "party_changes"), "recovery": ("recovery",),
    "term": ("term",),
}


def validate(state: State, draft: TransactionDraft, today: Optional[date] = None) -> list:
    """Every issue with ``draft`` given the stored state; [] when it can be recorded."""
    try:
        ttype = types.get(draft.type_code)
    except CadastreError as error:
        return [Issue(error.code, error.en, error.vi, "", {"field": "type_code"})]
    checks = _Checks(state, draft, ttype, today or date.today())
    checks.required_fields()
    checks.parcels_exist()
    checks.dates()
    checks.parties()
    checks.shares()
    checks.documents()
    checks.certificate()
    for name in _EFFECT_CHECKS[ttype.effect]:
        getattr(checks, name)()
    return checks.issues


def validate_draft(wc, draft: TransactionDraft, today: Optional[date] = None) -> list:
    """:func:`validate` against a working copy as it is now (for a dialog's live check)."""
    return validate(State(wc.conn), draft, today)

