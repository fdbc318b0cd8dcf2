"""The cadastral officer's decision on a registration change (SPEC 3.5 roles).

A surveyor records a transaction as ``submitted``; an officer checks its dossier and either
approves it (it becomes the legal record: the certificate is issued or annotated after that)
or rejects it with a reason. The decision is one journalled operation on the transaction row,
so it reaches the server with the officer's next push, where only an officer's token may
carry it (server/approval.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional, Union

from ..messages import CadastreError
from ..working_copy import WorkingCopy, _default_actor
from .record import timestamp

SUBMITTED, APPROVED, REJECTED = "submitted", "approved", "rejected"
MAX_REASON = 2000  # the server accepts 4000 characters of text; a reason is a few sentences

_STATE_VI = {SUBMITTED: "đang chờ duyệt", APPROVED: "đã được duyệt",
             REJECTED: "đã bị từ chối"}


@dataclass(frozen=True)
class Decision:
    transaction_uuid: str
    approval: str
    actor: str
    at: str
    reason: Optional[str]
    op_id: str


def approve(wc: WorkingCopy, transaction_uuid: str, actor: Optional[str] = None, *,
            at: Union[datetime, str, None] = None) -> Decision:
    """Approves a submitted transaction; raises :class:`CadastreError` otherwise."""
    return _decide(wc, transaction_uuid, APPROVED, actor, None, at)


def reject(wc: WorkingCopy, transaction_uuid: str, actor: Optional[str], reason: str, *,
           at: Union[datetime, str, None] = None) -> Decision:
    """Rejects a submitted transaction, saying why; raises :class:`CadastreError` otherwise."""
    reason = (reason or "").strip()
    if not reason:
        raise CadastreError(
            "approval.reason_missing",
            f"Give the reason for rejecting transaction {transaction_uuid}: the surveyor needs "
            "it to correct the dossier.",
            f"Hãy nêu lý do từ chối biến động {transaction_uuid}: người lập hồ sơ cần biết để "
            "sửa hồ sơ.", transaction_uuid)
    if len(reason) > MAX_REASON:
        raise CadastreError(
            "approval.reason_too_long",
            f"The rejection reason has {len(reason)} characters; at most {MAX_REASON} are "
            "kept: shorten it (the dossier can hold the details).",
            f"Lý do từ chối dài {len(reason)} ký tự; tối đa {MAX_REASON} ký tự: hãy rút gọn "
            "(chi tiết để trong hồ sơ).", transaction_uuid)
    return _decide(wc, transaction_uuid, REJECTED, actor, reason, at)


def _transaction(conn, transaction_uuid: str):
    """(approval, dossier no, approved by, approved at) of a transaction; refused if unknown."""
    row = conn.execute("SELECT approval, dossier_no, approved_by, approved_at FROM "
                       "transactions WHERE uuid = ?", (transaction_uuid,)).fetchone()
    if row is None:
        raise CadastreError(
            "approval.unknown",
            f"There is no transaction {transaction_uuid} in this working copy: check the "
            "UUID (the parcel history shows it), or pull first.",
            f"Không có biến động {transaction_uuid} trong bản làm việc này: kiểm tra lại "
            "UUID (xem trong lịch sử thửa đất), hoặc lấy dữ liệu về (pull) trước.",
            transaction_uuid)
    return row


def _decide(wc, transaction_uuid, state, actor, reason, at) -> Decision:
    actor = (actor or "").strip() or _default_actor()
    when = timestamp(at)
    verb_vi = "duyệt" if state == APPROVED else "từ chối"
    with wc.operation(f"approval:{state}", actor) as conn:
        row = _transaction(conn, transaction_uuid)
        current, dossier = row[0], row[1] or ""
        if current != SUBMITTED:
            by = f" by {row[2]}" if row[2] else ""
            by_vi = f" bởi {row[2]}" if row[2] else ""
            on = f" on {row[3][:10]}" if row[3] else ""
            on_vi = f" ngày {row[3][:10]}" if row[3] else ""
            raise CadastreError(
                "approval.not_submitted",
                f"Transaction {transaction_uuid} (dossier {dossier or '-'}) is already "
                f"{current}{by}{on}; only a submitted transaction can be decided. Record a "
                "new transaction to change the register.",
                f"Biến động {transaction_uuid} (hồ sơ {dossier or '-'}) "
                f"{_STATE_VI[current]}{by_vi}{on_vi}; chỉ biến động đang chờ duyệt mới "
                f"được {verb_vi}. Hãy lập biến động mới để thay đổi sổ địa chính.",
                transaction_uuid)
        conn.execute("UPDATE transactions SET approval = ?, approved_by = ?, approved_at = ?, "
                     "rejection_reason = ? WHERE uuid = ?",
                     (state, actor, when, reason, transaction_uuid))
        op_id = conn.execute("SELECT op_id FROM journal_context WHERE id = 1").fetchone()[0]
    return Decision(transaction_uuid, state, actor, when, reason, op_id)


def withdrawable(conn, transaction_uuid: str) -> bool:
    """Whether the transaction carries a decision made in this working copy that the server
    has not accepted yet (the only kind :func:`withdraw` takes back)."""
    row = conn.execute("SELECT approval FROM transactions WHERE uuid = ?",
                       (transaction_uuid,)).fetchone()
    last = conn.execute(
        "SELECT operation, confirmed_at FROM journal WHERE table_name = 'transactions' "
        "AND row_uuid = ? AND operation LIKE 'approval:%' ORDER BY id DESC LIMIT 1",
        (transaction_uuid,)).fetchone()
    return (row is not None and row[0] != SUBMITTED and last is not None
            and last[0] != f"approval:{SUBMITTED}" and last[1] is None)


def withdraw(wc: WorkingCopy, transaction_uuid: str, actor: Optional[str] = None) -> Decision:
    """Takes back a decision made here and not yet accepted by the server (made by mistake,
    or refused because the token pushing it was not an officer's): the transaction is
    submitted again. A decision the server holds is part of the register: refused."""
    actor = (actor or "").strip() or _default_actor()
    with wc.operation(f"approval:{SUBMITTED}", actor) as conn:
        dossier = _transaction(conn, transaction_uuid)[1]
        if not withdrawable(conn, transaction_uuid):
            raise CadastreError(
                "approval.not_withdrawable",
                f"Transaction {transaction_uuid} (dossier {dossier or '-'}) has no decision "
                "made in this working copy and not yet sent: only such a decision can be "
                "taken back. A decision the server holds is changed by a new transaction.",
                f"Biến động {transaction_uuid} (hồ sơ {dossier or '-'}) không có quyết định "
                "nào được lập trong bản làm việc này mà chưa gửi: chỉ quyết định như vậy mới "
                "rút lại được. Quyết định đã có trên máy chủ chỉ thay đổi bằng biến động mới.",
                transaction_uuid)
        conn.execute("UPDATE transactions SET approval = ?, approved_by = NULL, "
                     "approved_at = NULL, rejection_reason = NULL WHERE uuid = ?",
                     (SUBMITTED, transaction_uuid))
        op_id = conn.execute("SELECT op_id FROM journal_context WHERE id = 1").fetchone()[0]
    return Decision(transaction_uuid, SUBMITTED, actor, "", None, op_id)


@dataclass(frozen=True)
class Pending:
    """A transaction waiting for an officer, with what the work queue shows of it."""
    uuid: str
    type_code: str
    type_vi: str
    type_en: str
    dossier_no: str
    recorded_by: str
    recorded_at: str
    parcels: tuple  # ((parcel uuid, "sheet/parcel"), ...): before then after, each once

    def type_name(self, lang: str = "vi") -> str:
        return self.type_vi if lang == "vi" else self.type_en

    def to_dict(self) -> dict:
        return {"uuid": self.uuid, "type_code": self.type_code, "type_vi": self.type_vi,
                "type_en": self.type_en, "dossier_no": self.dossier_no,
                "recorded_by": self.recorded_by, "recorded_at": self.recorded_at,
                "parcels": [{"uuid": u, "label": label} for u, label in self.parcels]}


def pending(wc: WorkingCopy) -> list:
    """The transactions waiting for an officer (:class:`Pending`), oldest first.

    Two queries whatever the queue's length: the transactions, then all their parcels with
    labels (the current parcel row, else its newest stored version: a split's parent exists
    only as a version)."""
    from . import types

    rows = wc.conn.execute(
        "SELECT uuid, type_code, dossier_no, recorded_by, recorded_at FROM transactions "
        "WHERE approval = 'submitted' ORDER BY recorded_at, fid").fetchall()
    parcels: dict = {}
    for t_uuid, p_uuid, label in wc.conn.execute(
            "SELECT tp.transaction_uuid, tp.parcel_uuid, COALESCE("
            " (SELECT p.sheet_no || '/' || p.parcel_no FROM parcels p WHERE p.uuid = "
            "  tp.parcel_uuid),"
            " (SELECT v.sheet_no || '/' || v.parcel_no FROM parcel_versions v WHERE v.uuid = "
            "  tp.parcel_uuid ORDER BY v.fid DESC LIMIT 1)) "
            "FROM transaction_parcels tp JOIN transactions t ON t.uuid = tp.transaction_uuid "
            "WHERE t.approval = 'submitted' "
            "ORDER BY tp.role = 'after', tp.fid"):
        seen = parcels.setdefault(t_uuid, {})
        seen.setdefault(p_uuid, label or p_uuid)
    known = types.all_types()
    out = []
    for uuid, code, dossier, by, at in rows:
        kind = known.get(code)
        out.append(Pending(uuid, code, kind.vi if kind else code, kind.en if kind else code,
                           dossier or "", by or "", at,
                           tuple(parcels.get(uuid, {}).items())))
    return out
