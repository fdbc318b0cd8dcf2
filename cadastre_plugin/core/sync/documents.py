"""Scanned documents to and from the server, by SHA-256, in resumable chunks.

Upload asks first whether the server has the document (it is never sent twice) and how much of
an interrupted upload it already holds, then sends the rest in ``Content-Range`` chunks; a
chunk cut off in transit is simply re-sent (the server keeps each byte once). Download
verifies the checksum before the file appears under its final name.

Sync carries the scans of a working copy (its content-addressed store, ``<wc>.documents/``):
push uploads those its change set references *before* the change set (the server refuses
metadata without bytes), pull and checkout download the ones still missing after the rows are
applied, or leave them for :func:`fetch_document` when the user opens one (a district holds
hundreds of thousands of scans; ``documents=False``).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, Optional

from ..transactions.documents import content_path, missing_content
from .errors import Cancelled, SyncError, Unavailable

CHUNK = 4 * 1024 * 1024


def sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def upload(client, path: str, progress: Optional[Callable] = None, chunk: int = CHUNK) -> dict:
    """Returns ``{"sha256", "size", "sent"}``: ``sent`` is 0 when the server had it already."""
    sha = sha256_of(path)
    size = os.path.getsize(path)
    head = client.request("HEAD", f"/documents/{sha}", accept=(404,))
    if head.status_code == 200:
        return {"sha256": sha, "size": size, "sent": 0}
    offset = int(head.headers.get("Upload-Offset", "0") or 0)
    sent = 0
    with open(path, "rb") as fh:
        while True:
            fh.seek(offset)
            data = fh.read(chunk)
            headers = {"Content-Type": "application/octet-stream"}
            if size:
                headers["Content-Range"] = f"bytes {offset}-{offset + len(data) - 1}/{size}"
            answer = client.request("PUT", f"/documents/{sha}", data=data, headers=headers,
                                    accept=(409,))
            if answer.status_code == 409:  # the server holds a different amount: go on from there
                offset = int(answer.headers.get("Upload-Offset", "0"))
                continue
            sent += len(data)
            state = answer.json()
            offset = state["received"]
            if progress:
                progress(offset, size, f"uploading {Path(path).name}")
            if state["complete"]:
                return {"sha256": sha, "size": size, "sent": sent}


def download(client, sha: str, target: str) -> str:
    """Writes the document to ``target`` (through a temporary file) after checking it."""
    # A response cut off mid-body is retried by the client (Content-Length is checked).
    response = client.request("GET", f"/documents/{sha}")
    if hashlib.sha256(response.content).hexdigest() != sha:
        raise SyncError("sync.document_checksum",
                        f"Document {sha} arrived damaged (checksum mismatch); try again.",
                        f"Tài liệu {sha} bị hỏng khi tải về (sai mã kiểm tra); hãy thử lại.")
    tmp = Path(target).with_name(Path(target).name + ".part")
    tmp.write_bytes(response.content)
    os.replace(tmp, target)
    return target


def _where(conn, sha: str) -> tuple:
    """(transaction uuid, dossier number, original name) of a document, for messages."""
    row = conn.execute(
        "SELECT td.transaction_uuid, t.dossier_no, d.original_name FROM documents d "
        "LEFT JOIN transaction_documents td ON td.sha256 = d.sha256 "
        "LEFT JOIN transactions t ON t.uuid = td.transaction_uuid WHERE d.sha256 = ? "
        "ORDER BY td.fid LIMIT 1", (sha,)).fetchone()
    return row or (None, None, None)


def check_local(wc, shas) -> list:
    """The stored files of ``shas``, each checked against its checksum; raises naming the
    document and its registration change when one is missing or damaged."""
    paths = []
    for sha in shas:
        path = content_path(wc.path, sha)
        problem = None if path.is_file() else "missing"
        if problem is None and sha256_of(str(path)) != sha:
            problem = "damaged"
        if problem:
            txn, dossier, name = _where(wc.conn, sha)
            what = f"'{name or sha[:12]}' (sha256 {sha[:12]}…)"
            txn_en = f"of transaction {dossier or txn}" if txn else "(no transaction)"
            txn_vi = f"của biến động {dossier or txn}" if txn else "(không thuộc biến động nào)"
            en_state = "is missing from" if problem == "missing" else "is damaged in"
            vi_state = "không còn trong" if problem == "missing" else "bị hỏng trong"
            raise SyncError(
                "sync.document_local",
                f"The scanned document {what} {txn_en} {en_state} {path.parent.parent.parent}; "
                "nothing was sent. Put the original scan back (attach it again) and push again.",
                f"Tài liệu quét {what} {txn_vi} {vi_state} {path.parent.parent.parent}; chưa "
                "gửi gì. Hãy đặt lại bản quét gốc (đính kèm lại) rồi đẩy lại.", sha)
        paths.append(str(path))
    return paths


def upload_documents(wc, client, shas, progress: Optional[Callable] = None,
                     chunk: int = CHUNK) -> dict:
    """Uploads the stored files of ``shas`` that the server lacks (all checked first: nothing
    is sent when one is missing or damaged). ``{"documents", "uploaded", "bytes_sent"}``."""
    shas = sorted(set(shas))
    paths = check_local(wc, shas)
    uploaded = sent = 0
    for i, path in enumerate(paths):
        client.check_cancelled()
        if progress:
            progress(i, len(paths), "uploading scanned documents")
        result = upload(client, path, chunk=chunk)
        uploaded += 1 if result["sent"] else 0
        sent += result["sent"]
    if progress and paths:
        progress(len(paths), len(paths), "scanned documents uploaded")
    return {"documents": len(paths), "uploaded": uploaded, "bytes_sent": sent}


def fetch_document(wc, client, sha: str) -> str:
    """The path of a document's file, downloaded now if this copy does not have it yet (the
    "view" of a working copy checked out or pulled without its documents)."""
    target = content_path(wc.path, sha)
    if target.is_file():
        return str(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return download(client, sha, str(target))


def download_missing(wc, client, progress: Optional[Callable] = None) -> dict:
    """Downloads every document whose row is here but whose file is not. A failure does not
    undo anything: the rest stays listed as missing (``status``) and the next pull retries.
    Returns ``{"downloaded", "pending", "error"}`` (``error``: why it stopped early)."""
    missing = missing_content(wc)
    done, error = 0, None
    for i, sha in enumerate(missing):
        if progress:
            progress(i, len(missing), "downloading scanned documents")
        try:
            client.check_cancelled()
            fetch_document(wc, client, sha)
            done += 1
        except (Cancelled, Unavailable) as exc:
            error = exc  # the server is gone or the user stopped: the rest waits
            break
        except SyncError as exc:  # this one (unknown to the server, damaged): try the others
            error = exc
    if progress and missing:
        progress(len(missing), len(missing), "scanned documents downloaded")
    return {"downloaded": done, "pending": len(missing) - done, "error": error}
