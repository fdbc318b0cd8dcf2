"""The officer's work queue: the submitted transactions, oldest first, with their type, dossier,
who recorded them and the parcels they concern (a split's parent by its number although it is
no longer current); a decided one leaves the queue, a withdrawn decision brings it back. Also
`cadastre pending`, run as a user runs it (installed entry point, real process)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from cadastre_plugin.core.transactions import (TransactionDraft, approve, pending, record, reject,
                                               withdraw)
from cadastre_plugin.core.transactions.geometry import SplitByArea
from cadastre_plugin.core.working_copy import WorkingCopy
from tx_helpers import doc, parcels, person, transfer

CADASTRE = shutil.which("cadastre", path=str(Path(sys.executable).parent)) or "cadastre"


def label(wc, uuid):
    row = wc.conn.execute("SELECT sheet_no, parcel_no FROM parcels WHERE uuid = ?",
                          (uuid,)).fetchone()
    return f"{row[0]}/{row[1]}"


def area(wc, uuid):
    return wc.conn.execute("SELECT area FROM parcels WHERE uuid = ?", (uuid,)).fetchone()[0]


def test_the_queue_lists_submitted_transactions_oldest_first_with_their_parcels(wc):
    assert pending(wc) == []
    a, b, c = parcels(wc, n=3)
    labels = {p: label(wc, p) for p in (a, b, c)}
    # Recorded out of order: the queue sorts by the recording moment, not by insertion.
    late = record(wc, transfer(a, wc, [(person(), 1)]), at="2025-07-02T08:00:00Z")
    early = record(wc, transfer(b, wc, [(person(), 1)], type_code="TA"),
                   at="2025-07-01T08:00:00Z")
    split = record(wc, TransactionDraft("TN", [c], doc(dossier="HS-2025-0900"),
                                        recorded_by="do.dac",
                                        geometry=SplitByArea(c, round(area(wc, c) * 0.4, 1),
                                                             edge_index=0)),
                   at="2025-07-03T08:00:00Z")
    queue = pending(wc)
    assert [p.uuid for p in queue] == [early.transaction_uuid, late.transaction_uuid,
                                       split.transaction_uuid]
    first = queue[0]
    assert (first.type_code, first.type_en, first.dossier_no, first.recorded_by,
            first.recorded_at) == ("TA", "Gift of land-use right", "HS-2025-0314", "can.bo",
                                   "2025-07-01T08:00:00Z")
    assert first.type_name("vi") == "Tặng cho quyền sử dụng đất"
    assert first.parcels == ((b, labels[b]),)
    # The split concerns its parent (retired, labelled from its stored version) then the
    # new parcels, each once.
    parts = queue[2].parcels
    assert parts[0] == (c, labels[c])
    assert [u for u, _ in parts[1:]] == list(split.parcels_after)
    assert all("/" in text for _, text in parts) and len(set(parts)) == len(parts)
    assert queue[2].to_dict()["parcels"][0] == {"uuid": c, "label": labels[c]}

    # Decided ones leave the queue; a withdrawn decision puts the transaction back.
    approve(wc, early.transaction_uuid, "can.bo.duyet")
    reject(wc, late.transaction_uuid, "can.bo.duyet", "Thiếu hợp đồng")
    assert [p.uuid for p in pending(wc)] == [split.transaction_uuid]
    withdraw(wc, late.transaction_uuid)
    assert [p.uuid for p in pending(wc)] == [late.transaction_uuid, split.transaction_uuid]


def run(*args, lang="en"):
    return subprocess.run([CADASTRE, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "CADASTRE_LANG": lang})


def test_cadastre_pending_prints_the_queue_in_text_and_json(tx_template, tmp_path):
    path = tmp_path / "wc.gpkg"
    shutil.copy(tx_template, path)
    empty = run("pending", path)
    assert empty.returncode == 0, empty.stderr
    assert "Nothing waits for approval" in empty.stdout
    assert "Không có biến động nào chờ duyệt" in run("pending", path, lang="vi").stdout
    assert run("pending", path, "--json").stdout.strip() == "[]"
    with WorkingCopy.open(str(path)) as wc:
        a, b = parcels(wc, n=2)
        la, lb = label(wc, a), label(wc, b)
        first = record(wc, transfer(a, wc, [(person(), 1)]), at="2025-07-01T08:00:00Z")
        second = record(wc, transfer(b, wc, [(person(), 1)], type_code="TA"),
                        at="2025-07-02T08:00:00Z")
    out = run("pending", path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("2 transaction(s) waiting for approval")
    assert lines[1].startswith("- 2025-07-01T08:00:00Z  Transfer") and f"parcels {la}" in lines[1]
    assert "dossier HS-2025-0314" in lines[1] and "recorded by can.bo" in lines[1]
    assert first.transaction_uuid in lines[2] and second.transaction_uuid in lines[4]
    vi = run("pending", path, lang="vi")
    assert vi.returncode == 0 and "2 biến động chờ duyệt" in vi.stdout
    assert "Tặng cho quyền sử dụng đất (TA), hồ sơ HS-2025-0314" in vi.stdout and f"thửa {lb}" in vi.stdout
    data = json.loads(run("pending", path, "--json").stdout)
    assert [d["uuid"] for d in data] == [first.transaction_uuid, second.transaction_uuid]
    assert data[1]["type_code"] == "TA" and data[1]["parcels"] == [{"uuid": b, "label": lb}]
    assert run("approve", path, "--transaction", first.transaction_uuid).returncode == 0
    assert [d["uuid"] for d in json.loads(run("pending", path, "--json").stdout)] == [
        second.transaction_uuid]
    missing = run("pending", tmp_path / "none.gpkg")
    assert missing.returncode == 2 and missing.stderr
