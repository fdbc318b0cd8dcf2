"""Undo of one editing operation, from the journal.

An editing operation (:mod:`.apply`) writes one journal op: every parcel it inserted, deleted
or updated and every lineage row it added, with the rows' old and new values. Reverting
replays that op backwards in one transaction, journalled as ``undo``, so the journal and the
sync change sets see the undo like any other change (an undone, unpushed operation nets out
to nothing on the next push).

What is restored is exactly what was there before: retired parents and superseded neighbour
versions come back from the copies :meth:`.edit_session.EditSession.archive` put into
``parcel_versions`` (bit for bit, where the journal's JSON would round reals to 15 digits),
and those history rows are removed again; the new parcels and their lineage rows are deleted.
The numbers the new parcels had become free again: an undone operation never happened.

Refused, with the reason: an op that is not an editing operation, one already undone, one
already sent to the server (undo it with a new edit instead), and one whose rows a later
operation changed (undo that one first). An undo of a later operation does not count as a
change: the pair nets out, so undos can go back step by step.

The undo's op_id is derived from the undone op's (UUID 5), so "was this op undone?" is a
lookup and the journal needs no extra column.
"""
from __future__ import annotations

import json
import uuid as _uuid
from dataclasses import dataclass, field
from typing import Optional

from ..messages import CadastreError
from ..schema import PARCEL_COLUMN_NAMES, PARCEL_LAYER, PARCEL_VERSIONS_LAYER
from ..working_copy import WorkingCopy
from .operation_result import OPERATIONS

UNDO = "undo"
_UNDO_NAMESPACE = _uuid.UUID("5b0f3c1e-8a64-4f4e-9d57-6c2a0de1c0a7")
# Journal entries read per step when looking back for the last operation.
_PAGE = 500


def undo_op_id(op_id: str) -> str:
    """The op_id of the undo of ``op_id``."""
    return str(_uuid.uuid5(_UNDO_NAMESPACE, op_id))


@dataclass
class RevertResult:
    """What an undo did, for the tool to show and select."""

    op_id: str  # the operation undone
    undo_op_id: str
    operation: str  # its name: split, merge, ...
    restored: list = field(default_factory=list)  # uuids current again (parents, old versions)
    removed: list = field(default_factory=list)  # uuids of the parcels the operation had made
    labels: dict = field(default_factory=dict)  # uuid -> "sheet/number"

    def summary(self, lang: Optional[str] = None) -> str:
        vi = (lang or "en") == "vi"
        names = {"split": ("split", "tách thửa"), "split_area": ("split", "tách thửa"),
                 "merge": ("merge", "hợp thửa"),
                 "move_vertex": ("boundary vertex move", "di chuyển đỉnh ranh giới"),
                 "traverse": ("parcel from survey", "tạo thửa từ số liệu đo")}
        what = names.get(self.operation, (self.operation, self.operation))[1 if vi else 0]
        gone = ", ".join(self.labels.get(u, u) for u in self.removed)
        back = ", ".join(self.labels.get(u, u) for u in self.restored)
        if vi:
            text = f"Đã hoàn tác thao tác {what}"
            if gone:
                text += f"; đã xóa {gone}"
            if back:
                text += f"; đã khôi phục {back}"
        else:
            text = f"Undid the {what}"
            if gone:
                text += f"; removed {gone}"
            if back:
                text += f"; restored {back}"
        return text + "."


@dataclass
class _Entry:
    id: int
    table: str
    action: str
    fid: int
    uuid: Optional[str]
    old: Optional[dict]
    new: Optional[dict]
    sent: bool


def _label(row: Optional[dict]) -> str:
    return f"{row.get('sheet_no')}/{row.get('parcel_no')}" if row else ""


def _entries(conn, op_id: str) -> tuple:
    rows = conn.execute(
        "SELECT id, operation, table_name, action, row_fid, row_uuid, old, new, "
        "changeset_uuid IS NOT NULL OR confirmed_at IS NOT NULL FROM journal WHERE op_id = ? "
        "ORDER BY id", (op_id,)).fetchall()
    operation = rows[0][1] if rows else None
    return operation, [_Entry(r[0], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else None,
                              json.loads(r[7]) if r[7] else None, bool(r[8])) for r in rows]


def _refuse_later_changes(conn, op_id: str, entries: list) -> None:
    """Refuse when an operation after ``op_id`` changed one of its rows (undone pairs aside)."""
    last = entries[-1].id
    later = conn.execute(
        "SELECT id, op_id, operation, table_name, row_fid, old, new FROM journal WHERE id > ? "
        "ORDER BY id", (last,)).fetchall()
    if not later:
        return
    undos = {r[1] for r in later if r[2] == UNDO}
    touched = {(e.table, e.fid) for e in entries}
    blocking = [r for r in later if r[2] != UNDO and undo_op_id(r[1] or "") not in undos
                and (r[3], r[4]) in touched]
    if not blocking:
        return
    operations = ", ".join(dict.fromkeys(r[2] for r in blocking))
    labels = ", ".join(dict.fromkeys(
        _label(json.loads(r[6] or r[5] or "{}")) for r in blocking if r[3] == PARCEL_LAYER))
    raise CadastreError(
        "UNDO_LATER_CHANGES",
        f"This operation cannot be undone: a later operation ({operations}) changed the same "
        f"parcels ({labels}). Undo the later operation first.",
        f"Không thể hoàn tác thao tác này: một thao tác sau đó ({operations}) đã thay đổi chính "
        f"các thửa này ({labels}). Hãy hoàn tác thao tác sau trước.", labels)


def _refuse_changed_outside(conn, entries: list) -> None:
    """The rows must still be what the operation left: a pull applies the server's changes
    without journal entries, and must not be silently overwritten."""
    for e in entries:
        if e.table != PARCEL_LAYER:
            continue
        row = conn.execute(f"SELECT uuid, version, hex(geom) FROM {PARCEL_LAYER} WHERE fid = ?",
                           (e.fid,)).fetchone()
        if e.action == "delete":
            same = row is None
        else:
            same = row is not None and (row[0], row[1], row[2]) == (
                e.new["uuid"], e.new["version"], e.new["geom"])
        if not same:
            label = _label(e.new or e.old)
            raise CadastreError(
                "UNDO_CHANGED_SINCE",
                f"Parcel {label} was changed after this operation without a journal entry (by a "
                "pull from the server, or another program), so the operation can no longer be "
                "undone. Edit the parcels instead.",
                f"Thửa {label} đã bị thay đổi sau thao tác này mà không có trong nhật ký (do "
                "nhận dữ liệu từ máy chủ hoặc chương trình khác), nên không thể hoàn tác. Hãy "
                "chỉnh sửa trực tiếp các thửa.", label)


def _archived(conn, e: _Entry, valid_to: str, status: str) -> int:
    """fid of the history row the operation made of ``e``'s parcel."""
    row = conn.execute(
        f"SELECT fid FROM {PARCEL_VERSIONS_LAYER} WHERE uuid = ? AND version = ? AND status = ? "
        "AND valid_to = ? ORDER BY fid DESC LIMIT 1",
        (e.uuid, e.old["version"], status, valid_to)).fetchone()
    if row is None:
        label = _label(e.old)
        raise CadastreError(
            "UNDO_HISTORY_MISSING",
            f"The previous version of parcel {label} is missing from the parcel history, so "
            "the operation cannot be undone exactly. Edit the parcels instead.",
            f"Phiên bản trước của thửa {label} không còn trong lịch sử thửa đất nên không thể "
            "hoàn tác chính xác thao tác. Hãy chỉnh sửa trực tiếp các thửa.", label)
    return row[0]


# Parcel columns copied back from the history row; status and valid_to were changed by the
# archiving and come from the journal's old row.
_RESTORED = [c for c in PARCEL_COLUMN_NAMES if c not in ("status", "valid_to")]


def _restore_parcel(conn, e: _Entry, valid_to: str) -> None:
    status = "retired" if e.action == "delete" else "current"
    hist = _archived(conn, e, valid_to, status)
    cols = ", ".join(_RESTORED)
    if e.action == "delete":
        conn.execute(
            f"INSERT INTO {PARCEL_LAYER} (fid, geom, {cols}, status, valid_to) "
            f"SELECT ?, geom, {cols}, ?, ? FROM {PARCEL_VERSIONS_LAYER} WHERE fid = ?",
            (e.fid, e.old["status"], e.old["valid_to"], hist))
    else:
        conn.execute(
            f"UPDATE {PARCEL_LAYER} SET (geom, {cols}, status, valid_to) = "
            f"(SELECT geom, {cols}, ?, ? FROM {PARCEL_VERSIONS_LAYER} WHERE fid = ?) "
            "WHERE fid = ?", (e.old["status"], e.old["valid_to"], hist, e.fid))
    got = conn.execute(f"SELECT hex(geom) FROM {PARCEL_LAYER} WHERE fid = ?", (e.fid,)).fetchone()
    if got is None or got[0] != e.old["geom"]:
        # The history row is not the version the journal recorded: never restore a guess.
        raise CadastreError(
            "UNDO_HISTORY_MISMATCH",
            f"The parcel history of {_label(e.old)} does not match the journal; the operation "
            "cannot be undone exactly. Edit the parcels instead.",
            f"Lịch sử của thửa {_label(e.old)} không khớp với nhật ký; không thể hoàn tác chính "
            "xác thao tác. Hãy chỉnh sửa trực tiếp các thửa.", _label(e.old))
    conn.execute(f"DELETE FROM {PARCEL_VERSIONS_LAYER} WHERE fid = ?", (hist,))


def _restore_row(conn, e: _Entry) -> None:
    """Tables without a history (lineage rows and the like): straight from the journal."""
    if e.action == "insert":
        conn.execute(f"DELETE FROM {e.table} WHERE fid = ?", (e.fid,))
        return
    values = {k: (bytes.fromhex(v) if k == "geom" and v else (None if k == "geom" else v))
              for k, v in e.old.items()}
    names = list(values)
    if e.action == "delete":
        conn.execute(f"INSERT INTO {e.table} ({', '.join(names)}) VALUES "
                     f"({', '.join('?' * len(names))})", tuple(values.values()))
    else:
        conn.execute(f"UPDATE {e.table} SET {', '.join(f'{n} = ?' for n in names)} "
                     "WHERE fid = ?", (*values.values(), e.fid))


def _operation_time(entries: list) -> Optional[str]:
    """When the operation ran: the start time it gave the rows it wrote (``EditSession.now``),
    which is also the end time of the versions it archived."""
    for e in entries:
        if e.table == PARCEL_LAYER and e.new is not None:
            return e.new.get("valid_from")
    return None


def revert_operation(wc: WorkingCopy, op_id: str, actor: Optional[str] = None) -> RevertResult:
    """Undo the editing operation ``op_id`` (see the module docstring for what is refused)."""
    undo_id = undo_op_id(op_id)
    with wc.operation(UNDO, actor) as conn:
        conn.execute("UPDATE journal_context SET op_id = ? WHERE id = 1", (undo_id,))
        operation, entries = _entries(conn, op_id)
        if not entries:
            raise CadastreError(
                "UNDO_UNKNOWN",
                f"There is no operation {op_id} in the journal of this working copy.",
                f"Không có thao tác {op_id} trong nhật ký của bản sao làm việc này.", op_id)
        if operation not in OPERATIONS:
            raise CadastreError(
                "UNDO_NOT_EDIT",
                f"Only parcel editing operations (split, merge, boundary move, survey) can be "
                f"undone here; '{operation}' cannot.",
                f"Chỉ có thể hoàn tác các thao tác chỉnh sửa thửa (tách, hợp, di chuyển ranh "
                f"giới, số liệu đo) tại đây; không thể hoàn tác '{operation}'.", op_id)
        if conn.execute("SELECT 1 FROM journal WHERE op_id = ? LIMIT 1", (undo_id,)).fetchone():
            raise CadastreError(
                "UNDO_ALREADY", "This operation has already been undone.",
                "Thao tác này đã được hoàn tác rồi.", op_id)
        if any(e.sent for e in entries):
            raise CadastreError(
                "UNDO_SENT",
                "This operation has already been sent to the server and cannot be undone "
                "locally. Record the correction as a new edit.",
                "Thao tác này đã được gửi lên máy chủ nên không thể hoàn tác tại máy. Hãy ghi "
                "nhận việc sửa lại bằng một thao tác chỉnh sửa mới.", op_id)
        _refuse_later_changes(conn, op_id, entries)
        _refuse_changed_outside(conn, entries)
        valid_to = _operation_time(entries)
        result = RevertResult(op_id, undo_id, operation)
        for e in reversed(entries):
            if e.table == PARCEL_LAYER and e.action != "insert":
                _restore_parcel(conn, e, valid_to)
                if e.uuid not in result.restored:
                    result.restored.append(e.uuid)
                result.labels[e.uuid] = _label(e.old)
            elif e.table == PARCEL_LAYER:
                conn.execute(f"DELETE FROM {PARCEL_LAYER} WHERE fid = ?", (e.fid,))
                result.removed.append(e.uuid)
                result.labels[e.uuid] = _label(e.new)
            else:
                _restore_row(conn, e)
        result.removed.reverse()
        result.restored.reverse()
        return result


def last_operation(wc: WorkingCopy) -> Optional[tuple]:
    """(op_id, operation) of the newest editing operation not undone yet, or None.

    Walks the journal back from its end a page at a time: only as far as the last edit."""
    undone = set()
    before = None
    while True:
        rows = wc.conn.execute(
            "SELECT id, op_id, operation FROM journal "
            + ("" if before is None else "WHERE id < ? ") + "ORDER BY id DESC LIMIT ?",
            ((before, _PAGE) if before is not None else (_PAGE,))).fetchall()
        if not rows:
            return None
        for _, op_id, operation in rows:
            if op_id is None:
                continue
            if operation == UNDO:
                undone.add(op_id)
            elif operation in OPERATIONS and undo_op_id(op_id) not in undone:
                return op_id, operation
        before = rows[-1][0]
