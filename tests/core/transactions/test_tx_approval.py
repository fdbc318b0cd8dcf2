"""The officer's decision on a registration change: new transactions wait as 'submitted';
approve/reject is one journalled operation on the transaction row, refused for anything but a
submitted transaction; working copies made before approval existed count their transactions as
approved (they are the legal record)."""
import json
import sqlite3

import pytest
import shapely

from cadastre_plugin.core import schema
from cadastre_plugin.core.messages import CadastreError
from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.transactions import approve, record, reject
from cadastre_plugin.core.transactions.history import parcel_history, transaction_detail
from cadastre_plugin.core.working_copy import WorkingCopy
from tx_helpers import parcels, person, transfer


def approval_of(wc, uuid):
    return wc.conn.execute("SELECT approval, approved_by, approved_at, rejection_reason FROM "
                           "transactions WHERE uuid = ?", (uuid,)).fetchone()


def test_a_new_transaction_is_submitted_and_the_officer_approves_it(wc):
    (p,) = parcels(wc)
    done = record(wc, transfer(p, wc, [(person(), 1)]))
    assert approval_of(wc, done.transaction_uuid) == ("submitted", None, None, None)
    before = wc.count("journal")
    decision = approve(wc, done.transaction_uuid, "can.bo.duyet", at="2025-07-01T03:00:00Z")
    assert approval_of(wc, done.transaction_uuid) == (
        "approved", "can.bo.duyet", "2025-07-01T03:00:00Z", None)
    # One journal entry, an update of the transaction row under its own operation: the push
    # carries exactly the decision.
    entries = wc.conn.execute("SELECT op_id, operation, actor, table_name, action, row_uuid, old, "
                              "new FROM journal WHERE id > ?", (before,)).fetchall()
    assert len(entries) == 1
    op_id, operation, actor, table, action, row_uuid, old, new = entries[0]
    assert (op_id, operation, actor, table, action, row_uuid) == (
        decision.op_id, "approval:approved", "can.bo.duyet", "transactions", "update",
        done.transaction_uuid)
    assert json.loads(old)["approval"] == "submitted"
    assert json.loads(new)["approval"] == "approved"
    assert json.loads(new)["approved_by"] == "can.bo.duyet"
    detail = transaction_detail(wc.conn, done.transaction_uuid)
    assert (detail.approval, detail.approved_by) == ("approved", "can.bo.duyet")
    entry = [e for e in parcel_history(wc, p).entries if e.kind == "transaction"][-1]
    assert entry.transaction.approval == "approved"


def test_reject_keeps_the_reason_and_a_decided_transaction_cannot_be_decided_again(wc):
    (p,) = parcels(wc)
    done = record(wc, transfer(p, wc, [(person(), 1)]))
    with pytest.raises(CadastreError) as missing:
        reject(wc, done.transaction_uuid, "can.bo.duyet", "   ")
    assert missing.value.code == "approval.reason_missing"
    assert "lý do" in missing.value.vi and "reason" in missing.value.en
    reject(wc, done.transaction_uuid, "can.bo.duyet", "Thiếu hợp đồng công chứng")
    state = approval_of(wc, done.transaction_uuid)
    assert (state[0], state[1], state[3]) == ("rejected", "can.bo.duyet",
                                              "Thiếu hợp đồng công chứng")
    journal = wc.count("journal")
    for decide in (lambda: approve(wc, done.transaction_uuid, "x"),
                   lambda: reject(wc, done.transaction_uuid, "x", "again")):
        with pytest.raises(CadastreError) as refused:
            decide()
        assert refused.value.code == "approval.not_submitted"
        assert done.transaction_uuid in refused.value.en and "rejected by can.bo.duyet" in \
            refused.value.en
        assert "đã bị từ chối" in refused.value.vi and "HS-2025-0314" in refused.value.vi
    # Refusals change nothing and journal nothing; the operation context is clean again.
    assert wc.count("journal") == journal
    assert approval_of(wc, done.transaction_uuid)[0] == "rejected"
    assert wc.conn.execute("SELECT op_id, suspended FROM journal_context").fetchone() == (None, 0)


def test_unknown_transactions_and_overlong_reasons_are_refused(wc):
    with pytest.raises(CadastreError) as unknown:
        approve(wc, "00000000-0000-4000-8000-000000000000", "x")
    assert unknown.value.code == "approval.unknown"
    assert "00000000-0000-4000-8000-000000000000" in unknown.value.vi
    (p,) = parcels(wc)
    done = record(wc, transfer(p, wc, [(person(), 1)]))
    with pytest.raises(CadastreError) as long:
        reject(wc, done.transaction_uuid, "x", "x" * 2001)
    assert long.value.code == "approval.reason_too_long"
    assert approval_of(wc, done.transaction_uuid)[0] == "submitted"


def test_history_taken_over_from_a_register_is_recorded_approved(wc):
    (p,) = parcels(wc)
    done = record(wc, transfer(p, wc, [(person(), 1)]), at="2019-05-06T08:00:00.000000Z",
                  journal=False, approved_by="demo")
    assert approval_of(wc, done.transaction_uuid) == (
        "approved", "demo", "2019-05-06T08:00:00.000000Z", None)


def test_a_version_3_working_copy_migrates_with_its_transactions_approved(tmp_path):
    """Migration 4 on a file holding a transaction recorded before approval existed: that one
    counts as approved, without a journal entry (a surveyor's push must not carry it); new
    ones are submitted, and the rebuilt triggers journal the new columns."""
    path = str(tmp_path / "v3.gpkg")
    with WorkingCopy.create(path, Commune("11686", "Xã Tân Tiến", 9210), schema_version=3) as wc:
        with wc.operation("load", journal=False) as conn:
            wc.add_parcels(conn, [shapely.box(588000, 2309000, 588020, 2309020)], {
                "uuid": ["p1"], "commune_code": ["11686"], "sheet_no": [1], "parcel_no": [1],
                "area": [400.0], "landuse": ["ONT"]})
            conn.execute("INSERT INTO transactions (uuid, type_code, dossier_no, recorded_at) "
                         "VALUES ('t-old', 'CN', 'HS-1', '2020-01-01T00:00:00Z')")
        with wc.operation("edit"):
            wc.conn.execute("UPDATE transactions SET note = 'ghi chú' WHERE uuid = 't-old'")
        assert wc.count("journal") == 1
    with WorkingCopy.open(path) as wc:
        assert wc.schema_version == schema.SCHEMA_VERSION == 4
        assert approval_of(wc, "t-old") == ("approved", None, None, None)
        assert wc.count("journal") == 1  # the migration journalled nothing
        wc.conn.execute("INSERT INTO transactions (uuid, type_code, recorded_at) "
                        "VALUES ('t-new', 'CN', '2025-01-01T00:00:00Z')")
        wc.conn.commit()
        assert approval_of(wc, "t-new")[0] == "submitted"
        approve(wc, "t-new", "officer")
        new = json.loads(wc.conn.execute("SELECT new FROM journal ORDER BY id DESC LIMIT 1"
                                         ).fetchone()[0])
        assert (new["approval"], new["approved_by"]) == ("approved", "officer")
        with pytest.raises(sqlite3.IntegrityError):
            wc.conn.execute("UPDATE transactions SET approval = 'maybe' WHERE uuid = 't-new'")
        wc.conn.rollback()
