"""Scanned documents by checksum: resumable upload, never re-sent, verified both ways."""
import hashlib
import os

import pytest
import requests

from cadastre_plugin.core.sync.documents import download, upload
from cadastre_plugin.core.sync.errors import Unavailable

from conftest import make_client
from sync_live import CutProxy


def _scan(tmp_path, size=300_000, name="scan.pdf"):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(size))
    return path


def test_upload_in_chunks_then_never_again_then_download(live, token, client, tmp_path):
    path = _scan(tmp_path)
    first = upload(client, str(path), chunk=64 * 1024)
    assert first["sent"] == path.stat().st_size
    assert upload(client, str(path))["sent"] == 0  # the server has it: not sent twice
    out = tmp_path / "back.pdf"
    download(client, first["sha256"], str(out))
    assert out.read_bytes() == path.read_bytes()
    assert live.one("SELECT count(*) FROM document_chunks WHERE sha256 = %s",
                    (first["sha256"],)) == 5


def test_upload_resumes_after_a_cut_connection(live, token, tmp_path):
    path = _scan(tmp_path, 200_000)
    proxy = CutProxy(live.port, request_bytes=150_000, times=2)
    try:
        with make_client(proxy.url, token, retries=0) as c:
            # The laptop goes offline in the middle of the third chunk.
            with pytest.raises(Unavailable):
                upload(c, str(path), chunk=64 * 1024)
        assert proxy.cuts == 1
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        head = requests.head(f"{live.url}/documents/{sha}", timeout=10,
                             headers={"Authorization": f"Bearer {token}"})
        assert head.status_code == 404 and int(head.headers["Upload-Offset"]) == 128 * 1024
        with make_client(proxy.url, token, retries=3, backoff=0.01) as c:
            result = upload(c, str(path), chunk=64 * 1024)
    finally:
        proxy.close()
    assert result["sent"] == path.stat().st_size - 128 * 1024  # only the rest
    assert live.one("SELECT complete FROM document_blobs WHERE sha256 = %s", (sha,)) is True
    stored = b"".join(bytes(r[0]) for r in live.sql(
        'SELECT data FROM document_chunks WHERE sha256 = %s ORDER BY "offset"', (sha,)))
    assert stored == path.read_bytes()


def test_bytes_that_do_not_match_the_checksum_are_discarded(live, token):
    wrong = "0" * 64
    r = requests.put(f"{live.url}/documents/{wrong}", data=b"not what the name says", timeout=10,
                     headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 422 and r.json()["code"] == "document.checksum"
    assert live.one("SELECT count(*) FROM document_blobs WHERE sha256 = %s", (wrong,)) == 0


def test_a_reader_cannot_upload(live, tmp_path):
    reader = live.token("reader")
    path = _scan(tmp_path, 10)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    r = requests.put(f"{live.url}/documents/{sha}", data=path.read_bytes(), timeout=10,
                     headers={"Authorization": f"Bearer {reader}"})
    assert r.status_code == 403
