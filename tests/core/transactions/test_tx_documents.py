"""Scanned dossier documents: content-addressed beside the working copy, checksum and size in the
table, never stored or listed twice, journalled for sync, refused when not a scan."""
import hashlib

import pytest

from cadastre_plugin.core.messages import ValidationFailed
from cadastre_plugin.core.transactions import DocumentInput, record
from cadastre_plugin.core.transactions import documents as docs
from tx_helpers import counts, parcels, person, transfer

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) + b"\xff\xd9"
TIFF = b"II*\x00\x08\x00\x00\x00" + b"\x00" * 64


@pytest.fixture
def scans(tmp_path):
    out = {}
    for name, data in (("don-dang-ky.pdf", PDF), ("hop-dong.jpg", JPEG), ("gcn-cu.tif", TIFF)):
        (tmp_path / name).write_bytes(data)
        out[name] = str(tmp_path / name)
    return out


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_scans_are_stored_by_checksum_and_listed_with_the_transaction(wc, scans):
    (p,) = parcels(wc)
    draft = transfer(p, wc, [(person(), 1)], documents=[
        DocumentInput(scans["don-dang-ky.pdf"], "application"),
        DocumentInput(scans["hop-dong.jpg"], "contract"),
        DocumentInput(scans["gcn-cu.tif"], "old_certificate")])
    result = record(wc, draft)
    assert [d.media_type for d in result.documents] == ["application/pdf", "image/jpeg",
                                                         "image/tiff"]
    for data, doc in zip((PDF, JPEG, TIFF), result.documents):
        assert doc.sha256 == sha(data) and doc.size == len(data)
        path = docs.content_path(wc.path, doc.sha256)
        assert path.read_bytes() == data
        assert path.parent.parent.parent == docs.store_dir(wc.path)
        assert path.parent.name == doc.sha256[2:4] and path.parent.parent.name == doc.sha256[:2]
        assert docs.verify(wc.path, doc.sha256)
    listed = docs.documents_of(wc.conn, result.transaction_uuid)
    assert [(d.original_name, role) for d, role in listed] == [
        ("don-dang-ky.pdf", "application"), ("hop-dong.jpg", "contract"),
        ("gcn-cu.tif", "old_certificate")]
    journalled = {t for (t,) in wc.conn.execute(
        "SELECT DISTINCT table_name FROM journal WHERE op_id = ?", (result.op_id,))}
    assert {"documents", "transaction_documents"} <= journalled


def test_the_same_scan_twice_is_stored_and_listed_once(wc, scans, tmp_path):
    a, b = parcels(wc, n=2)
    copy = tmp_path / "copy-of-contract.jpg"
    copy.write_bytes(JPEG)
    draft = transfer(a, wc, [(person(), 1)], documents=[
        DocumentInput(scans["hop-dong.jpg"], "contract"), DocumentInput(str(copy), "contract")])
    first = record(wc, draft)
    second = record(wc, transfer(b, wc, [(person(), 1)], documents=[
        DocumentInput(scans["hop-dong.jpg"], "contract")]))
    assert wc.count("documents") == 1
    assert wc.count("transaction_documents") == 2  # once per transaction
    assert len(docs.documents_of(wc.conn, first.transaction_uuid)) == 1
    assert len(docs.documents_of(wc.conn, second.transaction_uuid)) == 1
    assert len(list(docs.store_dir(wc.path).glob("*/*/*"))) == 1
    # The second transaction added no document row, so sync has nothing to send twice.
    assert wc.conn.execute("SELECT count(*) FROM journal WHERE table_name = 'documents'"
                           ).fetchone()[0] == 1


def test_a_file_that_is_not_a_scan_is_refused_and_nothing_is_stored(wc, tmp_path):
    (p,) = parcels(wc)
    text = tmp_path / "scan.pdf"
    text.write_text("not really a pdf")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    before = counts(wc)
    with pytest.raises(ValidationFailed) as err:
        record(wc, transfer(p, wc, [(person(), 1)], documents=[
            DocumentInput(str(text)), DocumentInput(str(empty)),
            DocumentInput(str(tmp_path / "gone.pdf")), DocumentInput(str(text), "selfie")]))
    assert [i.code for i in err.value.issues] == ["document.type", "document.empty",
                                                  "document.missing", "document.type",
                                                  "document.role"]
    assert all(i.details["field"] == "documents" for i in err.value.issues)
    assert counts(wc) == before
    assert not docs.store_dir(wc.path).exists()


def test_scans_arriving_later_are_attached_as_their_own_operation(wc, scans):
    (p,) = parcels(wc)
    result = record(wc, transfer(p, wc, [(person(), 1)]))
    stored = docs.attach(wc, result.transaction_uuid,
                         [DocumentInput(scans["gcn-cu.tif"], "old_certificate", "GCN cũ.tif")])
    assert [d for d, _ in docs.documents_of(wc.conn, result.transaction_uuid)] == stored
    assert stored[0].original_name == "GCN cũ.tif"
    assert wc.conn.execute("SELECT DISTINCT operation FROM journal WHERE table_name = "
                           "'transaction_documents'").fetchall() == [("attach_documents",)]
    with pytest.raises(ValidationFailed) as err:
        docs.attach(wc, "no-such-transaction", [DocumentInput(scans["gcn-cu.tif"])])
    assert err.value.code == "document.no_transaction"


def test_store_checks_damaged_missing_and_unreferenced_files(wc, scans):
    (p,) = parcels(wc)
    result = record(wc, transfer(p, wc, [(person(), 1)], documents=[
        DocumentInput(scans["don-dang-ky.pdf"], "application")]))
    digest = result.documents[0].sha256
    path = docs.content_path(wc.path, digest)
    stray = docs.put(wc.path, scans["hop-dong.jpg"])  # stored, but no row refers to it
    assert docs.missing_content(wc) == []
    path.write_bytes(PDF + b"tampered")
    assert not docs.verify(wc.path, digest)
    path.unlink()
    assert docs.missing_content(wc) == [digest]
    removed = docs.remove_unreferenced(wc)
    assert [r.name for r in removed] == [stray.sha256]


def test_the_media_type_comes_from_the_bytes_not_the_name(tmp_path):
    wrong = tmp_path / "scan.pdf"
    wrong.write_bytes(JPEG)
    assert docs.sniff(str(wrong)) == "image/jpeg"
    big_endian = tmp_path / "scan.tiff"
    big_endian.write_bytes(b"MM\x00*" + b"\x00" * 16)
    assert docs.sniff(str(big_endian)) == "image/tiff"
