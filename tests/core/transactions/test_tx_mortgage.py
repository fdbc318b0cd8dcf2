"""Mortgages (TC) need a creditor and a registration date; a release (XC) needs an active one."""
from datetime import date, timedelta

import pytest

from cadastre_plugin.core.messages import ValidationFailed
from cadastre_plugin.core.transactions import MortgageInput, TransactionDraft, record
from cadastre_plugin.core.transactions.state import State
from tx_helpers import bank, codes, counts, doc, holders, parcels


def mortgage(p, creditor, registered=date(2025, 3, 15), **kwargs):
    return TransactionDraft("TC", [p], doc(), new_parties=kwargs.pop("new", []),
                            mortgage=MortgageInput(creditor, registered, "Vay vốn kinh doanh"),
                            **kwargs)


def refused(wc, draft) -> list:
    before = counts(wc)
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft)
    assert counts(wc) == before
    return codes(err)


def test_a_mortgage_is_registered_with_its_creditor_and_date(wc):
    (p,) = parcels(wc)
    lender = bank()
    result = record(wc, mortgage(p, lender.uuid, new=[lender]))
    (m,) = State(wc.conn).restrictions(p)
    assert (m.kind, m.creditor_uuid, m.registered_on, m.released_on) == \
        ("mortgage", lender.uuid, "2025-03-15", None)
    assert result.restrictions == [m.uuid]
    assert wc.conn.execute("SELECT role FROM transaction_restrictions WHERE restriction_uuid = ?",
                           (m.uuid,)).fetchall() == [("registered",)]
    assert holders(wc, p)  # the holders do not change


def test_a_mortgage_without_creditor_or_date_is_refused(wc):
    (p,) = parcels(wc)
    issues = refused(wc, TransactionDraft("TC", [p], doc()))
    assert issues.count("transaction.required") == 2
    draft = mortgage(p, None, None)
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft)
    fields = {i.details["field"] for i in err.value.issues}
    assert fields == {"mortgage.creditor", "mortgage.registered_on"}
    texts = " ".join(i.vi for i in err.value.issues)
    assert "bên nhận thế chấp" in texts and "ngày đăng ký thế chấp" in texts


def test_creditor_must_exist_and_not_be_the_holder(wc):
    (p,) = parcels(wc)
    assert refused(wc, mortgage(p, "unknown-bank")) == ["mortgage.unknown_creditor"]
    owner = next(iter(holders(wc, p)))
    assert refused(wc, mortgage(p, owner)) == ["mortgage.creditor_is_holder"]


def test_mortgage_dates(wc):
    (p,) = parcels(wc)
    lender = bank()
    future = mortgage(p, lender.uuid, date.today() + timedelta(days=3), new=[lender])
    assert refused(wc, future) == ["date.future"]
    early = mortgage(p, lender.uuid, date(2025, 3, 1), new=[lender])
    assert refused(wc, early) == ["mortgage.registered_before_contract"]


def test_an_unregistered_parcel_cannot_be_mortgaged(wc):
    (p,) = parcels(wc)
    wc.conn.execute("BEGIN")
    wc.conn.execute("UPDATE rights SET valid_to = '2020-01-01' WHERE parcel_uuid = ?", (p,))
    wc.conn.execute("COMMIT")
    lender = bank()
    assert refused(wc, mortgage(p, lender.uuid, new=[lender])) == ["mortgage.no_right"]


def test_release_ends_the_active_mortgage(wc):
    (p,) = parcels(wc)
    lender = bank()
    record(wc, mortgage(p, lender.uuid, new=[lender]))
    (m,) = State(wc.conn).restrictions(p)
    release = TransactionDraft("XC", [p], doc(date(2025, 6, 1), "HS-XC-1"), release_uuids=[m.uuid])
    record(wc, release)
    assert State(wc.conn).restrictions(p) == []
    (done,) = State(wc.conn).restrictions(p, active_only=False)
    assert done.released_on == "2025-06-01"
    # The same mortgage cannot be released twice.
    again = TransactionDraft("XC", [p], doc(date(2025, 6, 2), "HS-XC-2"), release_uuids=[m.uuid])
    assert set(refused(wc, again)) == {"release.no_active_mortgage", "release.already_released"}


def test_release_needs_an_active_mortgage(wc):
    (p,) = parcels(wc)
    with pytest.raises(ValidationFailed) as err:
        record(wc, TransactionDraft("XC", [p], doc()))
    assert set(codes(err)) == {"transaction.required", "release.no_active_mortgage"}
    (issue,) = [i for i in err.value.issues if i.code == "release.no_active_mortgage"]
    assert "no active mortgage" in issue.en and "không có thế chấp" in issue.vi
    assert "release.unknown" in refused(wc, TransactionDraft("XC", [p], doc(),
                                                             release_uuids=["nothing"]))


def test_release_of_a_demo_mortgage(wc):
    p, m = wc.conn.execute("SELECT parcel_uuid, uuid FROM restrictions WHERE released_on IS NULL "
                           "LIMIT 1").fetchone()
    record(wc, TransactionDraft("XC", [p], doc(), release_uuids=[m]))
    assert State(wc.conn).restrictions(p) == []
