"""Only a cadastral officer decides a registration change, on the real server: a surveyor's
transaction arrives as 'submitted'; the officer's approval, pushed from the officer's own
working copy, is accepted and audited; the same decision from a surveyor's or a reader's token
is a bilingual 403 naming the transaction, with nothing applied."""
from datetime import date
from fractions import Fraction

import psycopg
import pytest

from cadastre_plugin.core.messages import CadastreError
from cadastre_plugin.core.model import LegalDocument, Party
from cadastre_plugin.core.sync import AuthFailed, Rejected, pull, push, status
from cadastre_plugin.core.transactions import (NewRight, TransactionDraft, approve, record,
                                               reject, shares_of, withdraw)
from cadastre_plugin.core.transactions.state import State
from server.db import init_schema

from conftest import make_client


def _transfer(wc, dossier: str, serial: int) -> TransactionDraft:
    """A transfer of a held parcel to a new person, as the registration dialog builds it."""
    parcel = wc.conn.execute(
        "SELECT p.uuid FROM parcels p JOIN rights r ON r.parcel_uuid = p.uuid AND r.valid_to IS "
        "NULL WHERE NOT EXISTS (SELECT 1 FROM restrictions x WHERE x.parcel_uuid = p.uuid AND "
        "x.released_on IS NULL) ORDER BY p.sheet_no, p.parcel_no LIMIT 1 OFFSET ?",
        (serial,)).fetchone()[0]
    buyer = Party("individual", "Phạm Văn Hùng", birth_year=1985,
                  citizen_id=f"031085{100000 + serial:06d}")
    old = State(wc.conn).right(parcel).holders
    return TransactionDraft(
        "CN", [parcel], LegalDocument(dossier, date(2025, 3, 14), "VPĐKĐĐ An Dương"),
        recorded_by="do.dac", new_parties=[buyer],
        rights_after=[NewRight(shares_of([(buyer.uuid, Fraction(1))]), parcel_uuid=parcel,
                               transferors=tuple(old))])


def _server_state(live, uuid):
    rows = live.sql("SELECT approval, approved_by, rejection_reason FROM transactions WHERE "
                    "uuid = %s", (uuid,))
    return rows[0] if rows else None


@pytest.fixture
def submitted(live, checkout_wc, client):
    """A surveyor's transfer, recorded and pushed: on the server as submitted."""
    wc = checkout_wc("surveyor")
    done = record(wc, _transfer(wc, "HS-2025-0701", 0))
    push(wc, client)
    assert _server_state(live, done.transaction_uuid) == ("submitted", None, None)
    return wc, done.transaction_uuid


def test_the_officer_approves_and_the_surveyor_pulls_the_decision(live, checkout_wc, client,
                                                                 submitted):
    surveyor_wc, uuid = submitted
    officer_token = live.token("officer", ("312",))
    officer_wc = checkout_wc("officer", officer_token)
    assert officer_wc.conn.execute("SELECT approval FROM transactions WHERE uuid = ?",
                                   (uuid,)).fetchone() == ("submitted",)
    approve(officer_wc, uuid, "can.bo.duyet")
    with make_client(live.url, officer_token) as officer:
        result = push(officer_wc, officer)
    assert result.changesets == 1 and result.changes == 1
    assert _server_state(live, uuid) == ("approved", "can.bo.duyet", None)
    detail = live.one("SELECT detail FROM audit_log WHERE action = 'push' AND outcome = "
                      "'applied' AND role = 'officer' ORDER BY id DESC LIMIT 1")
    assert detail == {"changes": 1, "approved": [uuid]}
    pull(surveyor_wc, client)
    assert surveyor_wc.conn.execute("SELECT approval, approved_by FROM transactions WHERE uuid "
                                    "= ?", (uuid,)).fetchone() == ("approved", "can.bo.duyet")


def test_a_surveyor_cannot_approve_or_reject(live, client, submitted):
    wc, uuid = submitted
    for decide in (lambda: approve(wc, uuid, "do.dac"),
                   lambda: reject(wc, uuid, "do.dac", "thiếu giấy tờ")):
        decide()
        with pytest.raises(Rejected) as refused:
            push(wc, client)
        assert refused.value.by_server
        assert [v["rule"] for v in refused.value.violations] == ["auth.approval"]
        assert uuid in refused.value.en and "officer" in refused.value.en
        assert uuid in refused.value.vi and "cán bộ địa chính" in refused.value.vi
        assert _server_state(live, uuid) == ("submitted", None, None)
        # Nothing waits in the outbox: resending those bytes could never succeed. The surveyor
        # takes the decision back; the next push has nothing to decide and goes through.
        assert status(wc)["outbox_changeset"] is None
        withdraw(wc, uuid, "do.dac")
        push(wc, client)
        assert _server_state(live, uuid) == ("submitted", None, None)
        assert status(wc)["rows_pending"] == 0
    codes = [r[0] for r in live.sql(
        "SELECT detail->>'code' FROM audit_log WHERE outcome = 'forbidden' ORDER BY id")]
    assert codes == ["auth.approval", "auth.approval"]


def test_a_refused_decision_goes_through_with_an_officer_token(live, client, submitted):
    """The officer pushed with a surveyor's token by mistake: the same journal entries go out
    again, unchanged, with the officer's token."""
    wc, uuid = submitted
    approve(wc, uuid, "can.bo.duyet")
    with pytest.raises(Rejected):
        push(wc, client)
    with make_client(live.url, live.token("officer", ("312",))) as officer:
        assert push(wc, officer).changes == 1
    assert _server_state(live, uuid) == ("approved", "can.bo.duyet", None)


def test_a_sent_decision_cannot_be_withdrawn(live, submitted):
    wc, uuid = submitted
    with pytest.raises(CadastreError) as nothing:
        withdraw(wc, uuid)
    assert nothing.value.code == "approval.not_withdrawable"
    approve(wc, uuid, "can.bo.duyet")
    with make_client(live.url, live.token("officer", ("312",))) as officer:
        push(wc, officer)
    with pytest.raises(CadastreError) as sent:
        withdraw(wc, uuid)
    assert sent.value.code == "approval.not_withdrawable" and "new transaction" in sent.value.en


def test_a_surveyor_cannot_insert_an_approved_transaction(live, checkout_wc, client):
    wc = checkout_wc("surveyor")
    draft = _transfer(wc, "HS-2025-0702", 1)
    parcel = draft.parcel_uuids[0]
    rights_before = live.one("SELECT count(*) FROM rights WHERE parcel_uuid = %s", (parcel,))
    done = record(wc, draft, approved_by="do.dac")
    with pytest.raises(Rejected) as refused:
        push(wc, client)
    assert done.transaction_uuid in refused.value.en and "HS-2025-0702" in refused.value.vi
    # Nothing of the change set was applied: neither the transaction nor its rights.
    assert _server_state(live, done.transaction_uuid) is None
    assert live.one("SELECT count(*) FROM rights WHERE parcel_uuid = %s",
                    (parcel,)) == rights_before


def test_a_reader_cannot_push_a_decision(live, checkout_wc, submitted):
    _, uuid = submitted
    reader_token = live.token("reader", ("312",))
    wc = checkout_wc("reader", reader_token)
    approve(wc, uuid, "ai.do")
    with make_client(live.url, reader_token) as reader, pytest.raises(AuthFailed) as refused:
        push(wc, reader)
    assert "reader" in refused.value.en
    assert _server_state(live, uuid) == ("submitted", None, None)


def test_a_schema_1_database_migrates_with_its_transactions_approved(db):
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("ALTER TABLE transactions DROP COLUMN approval, DROP COLUMN approved_by, "
                     "DROP COLUMN approved_at, DROP COLUMN rejection_reason")
        conn.execute("UPDATE server_meta SET value = '1' WHERE key = 'schema_version'")
        held = conn.execute("SELECT count(*) FROM transactions").fetchone()[0]
    assert held > 0  # the demo history
    init_schema(db)
    init_schema(db)  # a second start finds it current
    with psycopg.connect(db, autocommit=True) as conn:
        assert conn.execute("SELECT approval, count(*) FROM transactions GROUP BY 1"
                            ).fetchall() == [("approved", held)]
        assert conn.execute("SELECT value FROM server_meta WHERE key = 'schema_version'"
                            ).fetchone() == ("2",)
        default = conn.execute("SELECT column_default FROM information_schema.columns WHERE "
                               "table_name = 'transactions' AND column_name = 'approval'"
                               ).fetchone()[0]
        assert default.startswith("'submitted'")
