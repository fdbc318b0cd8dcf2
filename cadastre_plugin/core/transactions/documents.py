"""Scanned dossier documents (application form, contract, old certificate...) of transactions.

Where the bytes live: a content-addressed folder beside the working copy,
``<working copy>.documents/aa/bb/<sha256>``, referenced by the ``documents`` table (checksum,
size, media type, original name). Not BLOBs in the GeoPackage: a land office holds hundreds of
thousands of scans, and a GeoPackage of many gigabytes is slow to copy, back up and open in
QGIS, and every VACUUM rewrites it whole. Files named by their SHA-256 deduplicate themselves
(attaching the same scan twice stores it once, and the row is inserted once), can be checked
against their name at any time, and are what the central server stores and transfers by
checksum, so sync sends only the metadata row in the change set and the bytes once.

A file is written (to a temporary name, then renamed) before the database transaction that
references it: a crash leaves at worst an unreferenced file, never a row without its content.
:func:`remove_unreferenced` cleans such files up.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from ..messages import CadastreError, Issue, ValidationFailed
from ..working_copy import utc_now

CHUNK = 1 << 20

# The formats scanners and land offices produce. Recognised by their first bytes, not by the
# file name, which is often wrong ("scan.pdf" that is a JPEG).
SIGNATURES = ((b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"),
              (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"))

#: What a document is in the dossier: stored code -> (Vietnamese, English).
ROLES = {
    "application": ("Đơn đăng ký biến động", "Application form"),
    "contract": ("Hợp đồng, văn bản giao dịch", "Contract or deed"),
    "old_certificate": ("Giấy chứng nhận cũ", "Former certificate"),
    "decision": ("Quyết định của cơ quan có thẩm quyền", "Authority's decision"),
    "identity": ("Giấy tờ tùy thân", "Identity document"),
    "other": ("Tài liệu khác", "Other document"),
}


@dataclass(frozen=True)
class StoredDocument:
    sha256: str
    size: int
    media_type: str
    original_name: str


def store_dir(wc_path: str) -> Path:
    return Path(f"{wc_path}.documents")


def content_path(wc_path: str, sha256: str) -> Path:
    return store_dir(wc_path) / sha256[:2] / sha256[2:4] / sha256


def sniff(path: str) -> Optional[str]:
    """The media type of a scan from its first bytes, or None if it is none of ours."""
    with open(path, "rb") as fh:
        head = fh.read(8)
    for magic, media_type in SIGNATURES:
        if head.startswith(magic):
            return media_type
    return None


def check_file(path: str, role: str = "other") -> list:
    """Issues with a file about to be attached (missing, empty, not a PDF/JPEG/TIFF)."""
    name = os.path.basename(path)
    if not os.path.isfile(path):
        return [Issue("document.missing", f"The file '{path}' does not exist; choose it again.",
                      f"Không tìm thấy tệp '{path}'; hãy chọn lại.", name)]
    if os.path.getsize(path) == 0:
        return [Issue("document.empty", f"The file '{name}' is empty; scan the page again.",
                      f"Tệp '{name}' rỗng; hãy quét lại tài liệu.", name)]
    issues = []
    if sniff(path) is None:
        issues.append(Issue(*_type_error(path)))
    if role not in ROLES:
        issues.append(Issue(
            "document.role", f"Unknown document role '{role}'; use one of {', '.join(ROLES)}.",
            f"Loại tài liệu '{role}' không hợp lệ; dùng một trong {', '.join(ROLES)}.", name))
    return issues


def _digest(path: str) -> tuple:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def put(wc_path: str, path: str, name: str = "") -> StoredDocument:
    """Copy a scan into the store (once: a file already there is not copied again)."""
    media_type = sniff(path)
    if media_type is None:
        raise CadastreError(*_type_error(path))
    sha, size = _digest(path)
    target = content_path(wc_path, sha)
    if not (target.exists() and target.stat().st_size == size):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            # The copy must be what was hashed: the source may have changed meanwhile.
            if _digest(tmp) != (sha, size):
                raise CadastreError(
                    "document.changed", f"'{path}' changed while it was being stored; attach "
                    "it again once the scanner has finished writing it.",
                    f"Tệp '{path}' thay đổi trong lúc lưu; hãy đính kèm lại khi máy quét đã "
                    "ghi xong.", path)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return StoredDocument(sha, size, media_type, name or os.path.basename(path))


def _type_error(path: str) -> tuple:
    name = os.path.basename(path)
    return ("document.type",
            f"'{name}' is not a PDF, JPEG or TIFF scan; save the scan in one of these formats.",
            f"'{name}' không phải bản quét PDF, JPEG hoặc TIFF; hãy lưu bản quét ở một trong "
            "các định dạng này.", name)


def register(conn: sqlite3.Connection, doc: StoredDocument, now: Optional[str] = None) -> None:
    """The metadata row, once per checksum (a second attach of the same scan adds nothing)."""
    conn.execute("INSERT OR IGNORE INTO documents (sha256, size, media_type, original_name, "
                 "added_at) VALUES (?, ?, ?, ?, ?)",
                 (doc.sha256, doc.size, doc.media_type, doc.original_name, now or utc_now()))


def link(conn: sqlite3.Connection, transaction_uuid: str, sha256: str, role: str) -> None:
    conn.execute("INSERT OR IGNORE INTO transaction_documents (transaction_uuid, sha256, role) "
                 "VALUES (?, ?, ?)", (transaction_uuid, sha256, role))


def attach(wc, transaction_uuid: str, files: Iterable, actor: Optional[str] = None) -> list:
    """Attach scans (:class:`~.draft.DocumentInput`) to a recorded transaction, as one
    journalled operation: for the pages that arrive after the registration."""
    files = list(files)
    issues = [i for f in files for i in check_file(f.path, f.role)]
    with wc.operation("attach_documents", actor) as conn:
        if conn.execute("SELECT 1 FROM transactions WHERE uuid = ?",
                        (transaction_uuid,)).fetchone() is None:
            issues.insert(0, Issue(
                "document.no_transaction",
                f"Transaction {transaction_uuid} is not in this working copy; refresh the history.",
                f"Không có biến động {transaction_uuid} trong bản sao làm việc; hãy làm mới "
                "lịch sử.",
                transaction_uuid))
        if issues:
            raise ValidationFailed(issues)
        stored = [put(wc.path, f.path, f.name) for f in files]
        for doc, f in zip(stored, files):
            register(conn, doc)
            link(conn, transaction_uuid, doc.sha256, f.role)
    return stored


def documents_of(conn: sqlite3.Connection, transaction_uuid: str) -> list:
    """[(StoredDocument, role)] of a transaction, in the order attached."""
    rows = conn.execute(
        "SELECT d.sha256, d.size, d.media_type, d.original_name, td.role "
        "FROM transaction_documents td JOIN documents d ON d.sha256 = td.sha256 "
        "WHERE td.transaction_uuid = ? ORDER BY td.fid", (transaction_uuid,)).fetchall()
    return [(StoredDocument(r[0], r[1], r[2], r[3] or ""), r[4]) for r in rows]


def verify(wc_path: str, sha256: str) -> bool:
    """True when the stored file is there and still has its checksum."""
    path = content_path(wc_path, sha256)
    return path.is_file() and _digest(str(path))[0] == sha256


def missing_content(wc) -> list:
    """Checksums listed in the table whose file is not in the store (e.g. rows pulled from the
    server before their scans were downloaded)."""
    return [sha for (sha,) in wc.conn.execute("SELECT sha256 FROM documents ORDER BY fid")
            if not content_path(wc.path, sha).is_file()]


def remove_unreferenced(wc) -> list:
    """Delete stored files no row refers to (left by a registration that was refused or
    crashed after its scans were copied); returns the removed paths."""
    root = store_dir(wc.path)
    if not root.is_dir():
        return []
    known = {sha for (sha,) in wc.conn.execute("SELECT sha256 FROM documents")}
    removed = []
    for path in root.glob("*/*/*"):
        if path.is_file() and path.name not in known:
            path.unlink()
            removed.append(path)
    return removed
