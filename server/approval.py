"""Who may decide a registration change: only a cadastral officer (SPEC 3.5 roles).

A surveyor prepares and pushes transactions as ``submitted``; the officer's approval or
rejection (core/transactions/approval.py) arrives as a change of the transaction row, and is
accepted only from an ``officer`` token. Checked under the row locks, after the version check,
so "changed" compares with what the pushing copy had seen.
"""
from __future__ import annotations

from . import rows as db_rows
from .auth import Principal
from .errors import ApiError

OFFICER = "officer"
DECISION_COLUMNS = ("approval", "approved_by", "approved_at", "rejection_reason")


def check_decisions(who: Principal, changes: list, current: dict) -> dict:
    """{'approved': [uuid...], 'rejected': [uuid...]} decided by this change set (for the
    audit log); raises 403 if anyone but an officer decides, or undoes a decision."""
    decided = {"approved": [], "rejected": []}
    for c in changes:
        uuid = c.key.uuid
        now = current.get(db_rows.key_tuple("transactions", {"uuid": uuid}))
        was = {k: now["data"].get(k) for k in DECISION_COLUMNS} if now else None
        if c.action == "delete":
            if was and was["approval"] != "submitted" and who.role != OFFICER:
                raise _forbidden(who, uuid, now["data"], "delete")
            continue
        data = c.data.model_dump()
        wants = {k: data.get(k) for k in DECISION_COLUMNS}
        if was is None:
            changed = wants["approval"] != "submitted" or any(
                wants[k] for k in DECISION_COLUMNS[1:])
        else:
            changed = wants != was
        if not changed:
            continue
        if who.role != OFFICER:
            raise _forbidden(who, uuid, data, "insert" if was is None else "update")
        if wants["approval"] in decided and (was is None or was["approval"] != wants["approval"]):
            decided[wants["approval"]].append(uuid)
    return decided


def _forbidden(who: Principal, uuid: str, data: dict, action: str) -> ApiError:
    dossier = data.get("dossier_no") or "-"
    what_en = {"insert": f"sends transaction {uuid} (dossier {dossier}) already "
                         f"{data.get('approval')}",
               "update": f"changes the approval of transaction {uuid} (dossier {dossier})",
               "delete": f"deletes transaction {uuid} (dossier {dossier}), which an officer "
                         "has decided"}[action]
    state_vi = {"approved": "đã duyệt", "rejected": "bị từ chối"}.get(data.get("approval"), "")
    what_vi = {"insert": f"gửi biến động {uuid} (hồ sơ {dossier}) ở trạng thái {state_vi}",
               "update": f"thay đổi trạng thái duyệt của biến động {uuid} (hồ sơ {dossier})",
               "delete": f"xoá biến động {uuid} (hồ sơ {dossier}) đã được cán bộ quyết định"
               }[action]
    return ApiError(
        403, "auth.approval",
        f"The change set {what_en}, but this '{who.role}' token may not decide registration "
        "changes: only a cadastral officer approves or rejects. Nothing was applied; push the "
        "transaction as submitted and ask an officer to approve it.",
        f"Bộ thay đổi {what_vi}, nhưng mã truy cập loại '{who.role}' không được quyết định "
        "biến động: chỉ cán bộ địa chính được duyệt hoặc từ chối. Chưa áp dụng gì; hãy gửi "
        "biến động ở trạng thái chờ duyệt và đề nghị cán bộ duyệt.", transaction=uuid)
