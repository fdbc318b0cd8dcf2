"""Scanned documents carried by sync, against the real server: push uploads the scans its change
set references (once, resuming a cut upload) before the change set; the server refuses metadata
without bytes; checkout and pull bring the scans, or leave them for on-demand fetching."""
import hashlib
import json
import os

import pytest
import requests

from cadastre_plugin.core.sync import SyncError, Unavailable, changeset, checkout, pull, push, status
from cadastre_plugin.core.sync.documents import fetch_document
from cadastre_plugin.core.transactions.documents import attach, content_path, missing_content
from cadastre_plugin.core.transactions.draft import DocumentInput
from cadastre_plugin.core.working_copy import WorkingCopy

from conftest import DEMO_COMMUNE, make_client
from sync_live import CutProxy


def _scan(tmp_path, name: str, size: int) -> str:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(size))
    return str(path)


def _transactions(wc) -> list:
    return [r[0] for r in wc.conn.execute("SELECT uuid FROM transactions ORDER BY fid")]


def _server_bytes(live, sha: str) -> bytes:
    return b"".join(bytes(r[0]) for r in live.sql(
        'SELECT data FROM document_chunks WHERE sha256 = %s ORDER BY "offset"', (sha,)))


class Counting:
    """Counts the document PUTs and their bytes on a real client session."""

    def __init__(self, client):
        self.puts, self.bytes = 0, 0
        client.session.hooks["response"].append(self._seen)

    def _seen(self, response, *args, **kwargs):
        if response.request.method == "PUT" and "/documents/" in response.request.url:
            self.puts += 1
            self.bytes += len(response.request.body or b"")


def test_push_uploads_scans_once_and_another_copy_gets_them(live, token, checkout_wc,
                                                            client, tmp_path):
    a = checkout_wc("a")
    b = checkout_wc("b")
    t1, t2 = _transactions(a)[:2]
    form, deed = _scan(tmp_path, "form.pdf", 200_000), _scan(tmp_path, "deed.pdf", 150_000)
    stored = attach(a, t1, [DocumentInput(form, "application"), DocumentInput(deed, "contract")])
    assert status(a)["documents_pending_upload"] == 2
    counting = Counting(client)
    result = push(a, client)
    assert result.documents_uploaded == 2 and counting.puts == 2
    assert result.document_bytes_sent == counting.bytes == sum(d.size for d in stored)
    for doc, path in zip(stored, (form, deed)):
        assert _server_bytes(live, doc.sha256) == open(path, "rb").read()
    assert status(a)["documents_pending_upload"] == 0

    # The same scan attached to another transaction: a new link, the bytes not sent again.
    attach(a, t2, [DocumentInput(form, "application")])
    again = push(a, client)
    assert again.changes == 1 and again.documents_uploaded == 0 and counting.puts == 2
    assert live.one("SELECT count(*) FROM documents WHERE sha256 = %s",
                    (stored[0].sha256,)) == 1

    got = pull(b, client)
    assert got.documents_downloaded == 2 and got.documents_pending == 0
    for doc in stored:
        path = content_path(b.path, doc.sha256)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256
    assert missing_content(b) == [] and status(b)["documents_pending_download"] == 0


def test_an_interrupted_upload_resumes_where_it_stopped(live, token, checkout_wc, tmp_path):
    a = checkout_wc("a")
    size = 9 * 1024 * 1024  # three chunks of 4 MB
    (doc,) = attach(a, _transactions(a)[0], [DocumentInput(_scan(tmp_path, "big.pdf", size))])
    proxy = CutProxy(live.port, request_bytes=6_000_000)  # inside the second chunk
    try:
        with make_client(proxy.url, token, retries=0) as c, pytest.raises(Unavailable):
            push(a, c)
    finally:
        proxy.close()
    assert proxy.cuts == 1
    assert live.one("SELECT received FROM document_blobs WHERE sha256 = %s",
                    (doc.sha256,)) == 4 * 1024 * 1024
    assert live.one("SELECT count(*) FROM documents WHERE sha256 = %s", (doc.sha256,)) == 0
    with make_client(live.url, token) as c:
        result = push(a, c)
    assert result.document_bytes_sent == doc.size - 4 * 1024 * 1024  # only the rest
    assert result.changesets == 1
    assert hashlib.sha256(_server_bytes(live, doc.sha256)).hexdigest() == doc.sha256


def test_the_server_refuses_a_document_row_without_its_bytes(live, token, checkout_wc,
                                                             tmp_path):
    a = checkout_wc("a")
    (doc,) = attach(a, _transactions(a)[0], [DocumentInput(_scan(tmp_path, "s.pdf", 1000))])
    body = changeset.build(a)["body"]  # sent as is, without uploading first
    r = requests.post(f"{live.url}/changesets", data=json.dumps(body), timeout=30,
                      headers={"Authorization": f"Bearer {token}",
                               "Content-Type": "application/json"})
    assert r.status_code == 422
    problem = r.json()
    assert problem["code"] == "changeset.document_missing"
    assert problem["missing"] == [doc.sha256] and "tải lên" in problem["message_vi"]
    assert live.one("SELECT count(*) FROM documents WHERE sha256 = %s", (doc.sha256,)) == 0
    assert live.one("SELECT count(*) FROM changesets WHERE revision IS NOT NULL "
                    "AND uuid = %s", (body["uuid"],)) == 0


@pytest.mark.parametrize("damage", ["missing", "changed"])
def test_a_missing_or_damaged_local_scan_stops_the_push(live, token, checkout_wc, client,
                                                        tmp_path, damage):
    a = checkout_wc("a")
    txn = _transactions(a)[0]
    dossier = a.conn.execute("SELECT dossier_no FROM transactions WHERE uuid = ?",
                             (txn,)).fetchone()[0]
    (doc,) = attach(a, txn, [DocumentInput(_scan(tmp_path, "lost.pdf", 5000), name="lost.pdf")])
    stored = content_path(a.path, doc.sha256)
    if damage == "missing":
        stored.unlink()
    else:
        stored.write_bytes(b"%PDF-1.4 something else")
    counting = Counting(client)
    with pytest.raises(SyncError) as err:
        push(a, client)
    assert err.value.code == "sync.document_local"
    assert "lost.pdf" in err.value.en and (dossier or txn) in err.value.en
    assert "lost.pdf" in err.value.vi
    assert counting.puts == 0 and status(a)["outbox_changeset"] is None
    assert live.one("SELECT count(*) FROM document_blobs WHERE sha256 = %s", (doc.sha256,)) == 0
    assert live.one("SELECT count(*) FROM changesets") == 0


def test_without_documents_then_on_demand_then_by_pull(live, token, client, tmp_path):
    path = tmp_path / "lazy.gpkg"
    summary = checkout(client, DEMO_COMMUNE, str(path), documents=False)
    with WorkingCopy.open(str(path)) as wc:
        missing = missing_content(wc)
        assert missing and summary["documents_pending"] == len(missing)
        assert status(wc)["documents_pending_download"] == len(missing)
        assert summary["documents_downloaded"] == 0
        shown = fetch_document(wc, client, missing[0])  # the "view" of one document
        assert hashlib.sha256(open(shown, "rb").read()).hexdigest() == missing[0]
        assert len(missing_content(wc)) == len(missing) - 1
        result = pull(wc, client, documents=False)
        assert result.documents_pending == len(missing) - 1
        result = pull(wc, client)
        assert result.documents_downloaded == len(missing) - 1 and missing_content(wc) == []


def test_a_document_that_cannot_be_downloaded_waits_for_the_next_pull(live, token, client,
                                                                     tmp_path):
    sha = live.one("SELECT sha256 FROM documents WHERE commune_code = %s ORDER BY sha256 "
                   "LIMIT 1", (DEMO_COMMUNE,))
    kept = _server_bytes(live, sha)
    live.sql("DELETE FROM document_blobs WHERE sha256 = %s", (sha,))  # the server lost it
    path = tmp_path / "c.gpkg"
    summary = checkout(client, DEMO_COMMUNE, str(path))
    assert summary["documents_pending"] == 1 and "404" in summary["documents_error"]
    with WorkingCopy.open(str(path)) as wc:
        assert missing_content(wc) == [sha]  # the rows are all there, the scan listed as missing
        assert wc.count("documents") == live.one(
            "SELECT count(*) FROM documents WHERE commune_code = %s", (DEMO_COMMUNE,))
        assert status(wc)["documents_pending_download"] == 1
        restored = tmp_path / "restored.pdf"
        restored.write_bytes(kept)
        from cadastre_plugin.core.sync.documents import upload

        upload(client, str(restored))
        result = pull(wc, client)
        assert result.documents_downloaded == 1 and missing_content(wc) == []
