"""Scanned documents to and from the server, by SHA-256, in resumable chunks.

Upload asks first whether the server has the document (it is never sent twice) and how much of
an interrupted upload it already holds, then sends the rest in ``Content-Range`` chunks; a
chunk cut off in transit is simply re-sent (the server keeps each byte once). Download
verifies the checksum before the file appears under its final name.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, Optional

from .errors import SyncError

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
    response = client.request("GET", f"/documents/{sha}")
    if hashlib.sha256(response.content).hexdigest() != sha:
        raise SyncError("sync.document_checksum",
                        f"Document {sha} arrived damaged (checksum mismatch); try again.",
                        f"Tài liệu {sha} bị hỏng khi tải về (sai mã kiểm tra); hãy thử lại.")
    tmp = Path(target).with_name(Path(target).name + ".part")
    tmp.write_bytes(response.content)
    os.replace(tmp, target)
    return target
