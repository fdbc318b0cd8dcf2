"""Opening a stored scan in the system's viewer.

Stored files are named by their checksum and have no extension, by which desktop systems pick
a viewer: the scan is copied, checked, under its original name with the extension of its type
into a temporary folder, and that copy is opened (read-only for the viewer, the store stays
untouched).
"""
from __future__ import annotations

import os
import shutil
import tempfile

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from ...core.messages import CadastreError
from ...core.transactions.documents import content_path, verify

EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/tiff": ".tif"}
_FOLDER = None


def _folder() -> str:
    global _FOLDER
    if _FOLDER is None or not os.path.isdir(_FOLDER):
        _FOLDER = tempfile.mkdtemp(prefix="cadastre-documents-")
    return _FOLDER


def viewable_copy(wc_path: str, doc) -> str:
    """A copy of ``doc`` (StoredDocument) named for a viewer; raises CadastreError when the
    scan is missing from the store or damaged."""
    if not verify(wc_path, doc.sha256):
        raise CadastreError(
            "document.unavailable",
            f"The scan '{doc.original_name}' is missing from {content_path(wc_path, doc.sha256)} "
            "or damaged: copy the working copy's .documents folder along with it, or pull the "
            "scans again.",
            f"Bản quét '{doc.original_name}' không có tại "
            f"{content_path(wc_path, doc.sha256)} hoặc đã hỏng: hãy sao chép thư mục "
            ".documents cùng bản sao làm việc, hoặc tải lại các bản quét.", doc.original_name)
    stem, ext = os.path.splitext(os.path.basename(doc.original_name or doc.sha256))
    wanted = EXTENSIONS.get(doc.media_type, ext)
    if ext.lower() not in (wanted, ".jpeg", ".tiff"):
        ext = wanted
    target = os.path.join(_folder(), doc.sha256[:12], (stem or doc.sha256[:12]) + ext)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(content_path(wc_path, doc.sha256), target)
    return target


def open_document(wc_path: str, doc) -> str:
    """Show the scan in the system's viewer; returns the path opened."""
    path = viewable_copy(wc_path, doc)
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
    return path
