"""Scanned documents stored by their SHA-256, uploaded in resumable chunks.

``HEAD`` says whether the server has a document (so it is never sent twice) and, for a partial
upload, how far it got (``Upload-Offset``). ``PUT`` takes ``Content-Range: bytes a-b/total``
chunks in order; a chunk re-sent after a cut connection is accepted again without duplicating
bytes. When the last byte arrives the checksum is verified over the whole document: a mismatch
discards the upload. Chunks live in PostgreSQL so that any worker can take any chunk.
"""
from __future__ import annotations

import hashlib
import re
from typing import Optional

from .auth import Principal, require_writer
from .errors import ApiError

MAX_DOCUMENT = 2 * 1024**3
_RANGE = re.compile(r"^bytes (\d{1,15})-(\d{1,15})/(\d{1,15})$")


def status(pool, sha: str) -> Optional[tuple]:
    """(size, received, complete) or None."""
    with pool.connection() as conn:
        return conn.execute("SELECT size, received, complete FROM document_blobs WHERE sha256 = %s",
                            (sha,)).fetchone()


def _range(header: Optional[str], length: int) -> tuple:
    if header is None:
        return 0, length, length
    m = _RANGE.match(header.strip())
    if not m:
        raise ApiError(400, "document.range", "Content-Range must read 'bytes FIRST-LAST/TOTAL'.",
                       "Content-Range phải có dạng 'bytes ĐẦU-CUỐI/TỔNG'.")
    first, last, total = (int(g) for g in m.groups())
    if last < first or last >= total or last - first + 1 != length:
        raise ApiError(400, "document.range",
                       f"Content-Range {header} does not match the {length} bytes sent.",
                       f"Content-Range {header} không khớp với {length} byte đã gửi.")
    return first, total, length


def put_chunk(pool, who: Principal, sha: str, data: bytes, content_range: Optional[str],
              content_type: Optional[str]) -> tuple:
    """Returns (HTTP status, status dict)."""
    require_writer(who)
    first, total, _ = _range(content_range, len(data))
    if total > MAX_DOCUMENT:
        raise ApiError(413, "document.too_large", f"Documents are limited to {MAX_DOCUMENT} bytes.",
                       f"Tài liệu tối đa {MAX_DOCUMENT} byte.")
    with pool.connection() as conn, conn.transaction():
        conn.execute("INSERT INTO document_blobs (sha256, size, content_type, token_id) "
                     "VALUES (%s, %s, %s, %s) ON CONFLICT (sha256) DO NOTHING",
                     (sha, total, (content_type or "")[:200] or None, who.id))
        size, received, complete = conn.execute(
            "SELECT size, received, complete FROM document_blobs WHERE sha256 = %s FOR UPDATE",
            (sha,)).fetchone()
        if complete:
            return 200, _status(sha, size, received, True)
        if size != total:
            raise ApiError(409, "document.size", f"This upload was started with {size} bytes, "
                           f"not {total}.", f"Lần tải lên này bắt đầu với {size} byte, không "
                           f"phải {total}.", {"Upload-Offset": str(received)})
        if first > received:
            raise ApiError(409, "document.gap", f"The server has {received} bytes; continue from "
                           "there.", f"Máy chủ đã có {received} byte; hãy gửi tiếp từ đó.",
                           {"Upload-Offset": str(received)})
        new = data[received - first:]  # a re-sent chunk: keep only the bytes not yet stored
        if new:
            conn.execute("INSERT INTO document_chunks (sha256, \"offset\", data) "
                         "VALUES (%s, %s, %s)", (sha, received, new))
            received += len(new)
        if received < size:
            conn.execute("UPDATE document_blobs SET received = %s WHERE sha256 = %s", (received, sha))
            return 200, _status(sha, size, received, False)
        digest = hashlib.sha256()
        for (chunk,) in conn.execute("SELECT data FROM document_chunks WHERE sha256 = %s "
                                     "ORDER BY \"offset\"", (sha,)):
            digest.update(chunk)
        if digest.hexdigest() != sha:
            conn.execute("DELETE FROM document_blobs WHERE sha256 = %s", (sha,))
            return 422, None
        conn.execute("UPDATE document_blobs SET received = %s, complete = true WHERE sha256 = %s",
                     (received, sha))
        return 201, _status(sha, size, received, True)


def _status(sha, size, received, complete) -> dict:
    return {"sha256": sha, "size": size, "received": received, "complete": complete}


def chunks(pool, sha: str):
    """The stored bytes in order, one database chunk at a time."""
    offset = 0
    while True:
        with pool.connection() as conn:
            row = conn.execute("SELECT \"offset\", data FROM document_chunks WHERE sha256 = %s "
                               "AND \"offset\" >= %s ORDER BY \"offset\" LIMIT 1",
                               (sha, offset)).fetchone()
        if row is None:
            return
        yield bytes(row[1])
        offset = row[0] + 1
