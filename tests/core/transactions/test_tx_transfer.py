"""Transfers (CN), inheritance (TK), gifts (TA), capital contribution (GP), exchange (CD): the
holders change, the old right ends, the new one starts, both linked to the transaction."""
from datetime import date, timedelta
from fractions import Fraction

import pytest

from cadastre_plugin.core.messages import ValidationFailed
from cadastre_plugin.core.model import Party
from cadastre_plugin.core.transactions import (CertificateInput, NewRight, TransactionDraft,
                                               record, shares_of)
from cadastre_plugin.core.transactions.state import State
from tx_helpers import AUTHORITY, bank, codes, counts, doc, holders, parcels, person, transfer


def test_a_transfer_replaces_the_holders_and_keeps_the_history(wc):
    (p,) = parcels(wc, "landuse = 'ONT'")
    state = State(wc.conn)
    old = state.right(p)
    buyer = person("Trần Thị Bình", 1985, female=True)
    result = record(wc, transfer(p, wc, [(buyer, 1)]))

    new = State(wc.conn).right(p)
    assert new.holders == {buyer.uuid: 1}
    assert new.landuse == old.landuse and new.term_end == old.term_end
    assert result.rights_ended == [old.uuid] and result.rights_created == [new.uuid]
    ended = State(wc.conn).rights_by_uuid([old.uuid])[0]
    assert ended.valid_to == result.recorded_at == new.valid_from
    assert ended.holders == old.holders  # the old shares stay as they were
    conn = wc.conn
    row = conn.execute("SELECT type_code, dossier_no, document_date, authority, recorded_by "
                       "FROM transactions WHERE uuid = ?", (result.transaction_uuid,)).fetchone()
    assert row == ("CN", "HS-2025-0314", "2025-03-14", AUTHORITY, "can.bo")
    assert sorted(conn.execute("SELECT right_uuid, role FROM transaction_rights "
                               "WHERE transaction_uuid = ?", (result.transaction_uuid,))) == \
        sorted([(old.uuid, "before"), (new.uuid, "after")])
    assert sorted(conn.execute("SELECT role FROM transaction_parcels WHERE transaction_uuid = ? "
                               "AND parcel_uuid = ?", (result.transaction_uuid, p))) == \
        [("after",), ("before",)]
    roles = dict(conn.execute("SELECT party_uuid, role FROM transaction_parties "
                              "WHERE transaction_uuid = ?", (result.transaction_uuid,)))
    assert roles == {**{h: "transferor" for h in old.holders}, buyer.uuid: "recipient"}
    assert state.party(buyer.uuid).citizen_id == buyer.citizen_id  # the buyer was created
    # No certificate given: the old one stays valid (endorsed on its last page, as offices do).
    assert len(State(wc.conn).certificates(p)) == len(state.certificates(p))


def test_a_transfer_with_a_new_certificate_cancels_the_old_one(wc):
    (p,) = parcels(wc, "EXISTS (SELECT 1 FROM certificate_parcels c WHERE c.parcel_uuid = p.uuid)")
    old = State(wc.conn).certificates(p)
    assert old
    cert = CertificateInput("DA 123456", "CS 00042", date(2025, 3, 20), "Sở TN&MT Hải Phòng")
    result = record(wc, transfer(p, wc, [(person(), 1)], certificate=cert))
    now = State(wc.conn).certificates(p)
    assert [c.serial for c in now] == ["DA 123456"]
    assert result.certificates_cancelled == [c.uuid for c in old]
    assert State(wc.conn).certificates(p, valid_only=False)[0].status == "cancelled"


def test_one_co_holder_sells_and_the_other_keeps_their_share(wc):
    (p,) = parcels(wc, "EXISTS (SELECT 1 FROM rights r JOIN right_shares s ON s.right_uuid = "
                       "r.uuid WHERE r.parcel_uuid = p.uuid AND s.share != '1')")
    old = holders(wc, p)
    seller, *keepers = list(old)
    buyer = person("Lê Văn Cường", 1990)
    shares = [(buyer.uuid, old[seller])] + [(k, old[k]) for k in keepers]
    draft = TransactionDraft("CN", [p], doc(), new_parties=[buyer], rights_after=[
        NewRight(shares_of(shares), parcel_uuid=p, transferors=(seller,))])
    record(wc, draft)
    after = holders(wc, p)
    assert after == {buyer.uuid: old[seller], **{k: old[k] for k in keepers}}
    assert sum(after.values()) == 1


def test_inheritance_in_thirds_sums_to_exactly_one(wc):
    (p,) = parcels(wc)
    heirs = [person(n, y) for n, y in (("Phạm Văn Dũng", 1970), ("Phạm Thị Hoa", 1973),
                                       ("Phạm Văn Hải", 1978))]
    record(wc, transfer(p, wc, [(h, Fraction(1, 3)) for h in heirs], "TK"))
    assert holders(wc, p) == {h.uuid: Fraction(1, 3) for h in heirs}
    stored = {s for (s,) in wc.conn.execute(
        "SELECT share FROM right_shares WHERE right_uuid = ?", (State(wc.conn).right(p).uuid,))}
    assert stored == {"1/3"}


def test_gift_and_capital_contribution(wc):
    a, b = parcels(wc, n=2)
    child = person("Đỗ Minh Khang", 2001)
    record(wc, transfer(a, wc, [(child, 1)], "TA"))
    company = Party("organisation", "Công ty TNHH Tân Tiến", tax_code="0201234567",
                    user_type="TKT")
    record(wc, transfer(b, wc, [(company, 1)], "GP"))
    assert holders(wc, a) == {child.uuid: 1} and holders(wc, b) == {company.uuid: 1}


def test_exchange_swaps_two_parcels_in_one_transaction(wc):
    a, b = parcels(wc, n=2)
    ha, hb = holders(wc, a), holders(wc, b)
    draft = TransactionDraft("CD", [a, b], doc(), rights_after=[
        NewRight(shares_of(hb.items()), parcel_uuid=a, transferors=tuple(ha)),
        NewRight(shares_of(ha.items()), parcel_uuid=b, transferors=tuple(hb))])
    result = record(wc, draft)
    assert holders(wc, a) == hb and holders(wc, b) == ha
    assert len(result.rights_created) == 2


def refused(wc, draft, **kwargs) -> list:
    """Record ``draft``, expect a refusal, check nothing was written; the issue codes."""
    before = counts(wc)
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft, **kwargs)
    assert counts(wc) == before
    for issue in err.value.issues:
        assert issue.en and issue.vi and issue.en != issue.vi
    return codes(err)


def test_the_sellers_must_be_the_current_holders(wc):
    a, b = parcels(wc, n=2)
    stranger = next(iter(holders(wc, b)))
    draft = transfer(a, wc, [(person(), 1)])
    draft.rights_after[0].transferors = (stranger,)
    issues = refused(wc, draft)
    assert "transfer.not_holder" in issues and "transfer.kept_share" in issues


def test_message_names_the_parcel_and_the_real_holders(wc):
    a, b = parcels(wc, n=2)
    stranger = next(iter(holders(wc, b)))
    draft = transfer(a, wc, [(person(), 1)])
    draft.rights_after[0].transferors = (stranger,)
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft)
    (issue,) = [i for i in err.value.issues if i.code == "transfer.not_holder"]
    state = State(wc.conn)
    label = state.parcel(a).label
    assert f"parcel {label}" in issue.en and f"thửa {label}" in issue.vi
    for h in holders(wc, a):
        assert state.party_name(h) in issue.en
    assert issue.details["field"] == "transferors"


def test_shares_must_sum_to_one(wc):
    (p,) = parcels(wc)
    buyers = [(person(), Fraction(1, 2)), (person("Vũ Thị Lan", 1990, True), Fraction(1, 3))]
    issues = refused(wc, transfer(p, wc, buyers))
    assert issues == ["shares.sum"]


@pytest.mark.parametrize("cccd, year, code", [
    ("03108012345", 1980, "cccd.format"),       # 11 digits
    ("099080123456", 1980, "cccd.province"),    # 099 is no province
    ("031285123456", 1980, "cccd.birth_year"),  # century/year digits say 2085
])
def test_an_implausible_citizen_id_is_refused(wc, cccd, year, code):
    (p,) = parcels(wc)
    buyer = Party("individual", "Hoàng Văn Nam", birth_year=year, citizen_id=cccd)
    assert code in refused(wc, transfer(p, wc, [(buyer, 1)]))


def test_a_malformed_tax_code_is_refused(wc):
    (p,) = parcels(wc)
    company = Party("organisation", "Công ty Cổ phần Xây dựng Số 1", tax_code="02012345")
    assert refused(wc, transfer(p, wc, [(company, 1)], "GP")) == ["tax_code.format"]


def test_a_citizen_id_already_registered_must_be_picked_not_created(wc):
    a, b = parcels(wc, n=2)
    record(wc, transfer(a, wc, [(buyer := person("Ngô Văn Tùng", 1975), 1)]))
    twin = Party("individual", "Ngô Văn Tùng", birth_year=1975, citizen_id=buyer.citizen_id)
    assert refused(wc, transfer(b, wc, [(twin, 1)])) == ["party.citizen_id_registered"]


def test_unchanged_holders_and_unknown_parties_are_refused(wc):
    (p,) = parcels(wc)
    same = transfer(p, wc, [])
    same.rights_after[0].shares = shares_of(holders(wc, p).items())
    assert refused(wc, same) == ["transfer.no_change"]
    ghost = transfer(p, wc, [])
    ghost.rights_after[0].shares = shares_of([("no-such-party", 1)])
    assert refused(wc, ghost) == ["shares.unknown_party"]


def test_required_fields_and_dates(wc):
    (p,) = parcels(wc)
    draft = transfer(p, wc, [(person(), 1)])
    draft.document.dossier_no = " "
    draft.document.authority = ""
    draft.document.date = date.today() + timedelta(days=1)
    issues = refused(wc, draft)
    assert issues.count("transaction.required") == 2 and "date.future" in issues
    nothing = TransactionDraft("CN", [p])
    fields = {i for i in refused(wc, nothing)}
    assert fields == {"transaction.required"}


def test_the_date_check_uses_the_given_day(wc):
    (p,) = parcels(wc)
    draft = transfer(p, wc, [(person(), 1)])
    assert "date.future" in refused(wc, draft, today=date(2025, 3, 13))
    record(wc, draft, today=date(2025, 3, 14))


def test_no_transfer_on_a_retired_or_missing_parcel(wc):
    (p,) = parcels(wc)
    wc.conn.execute("BEGIN")
    wc.conn.execute("INSERT INTO parcel_versions (geom, uuid, commune_code, sheet_no, parcel_no, "
                    "status, valid_to) SELECT geom, uuid, commune_code, sheet_no, parcel_no, "
                    "'retired', '2024-01-02T00:00:00Z' FROM parcels WHERE uuid = ?", (p,))
    wc.conn.execute("DELETE FROM parcels WHERE uuid = ?", (p,))
    wc.conn.execute("COMMIT")
    with pytest.raises(ValidationFailed) as err:
        record(wc, transfer(p, wc, [(person(), 1)]))
    (issue,) = [i for i in err.value.issues if i.code == "transaction.parcel_retired"]
    assert "2024-01-02" in issue.en and "đã chấm dứt" in issue.vi
    assert "transaction.parcel_missing" in refused(
        wc, TransactionDraft("CN", ["no-such-parcel"], doc()))


def test_an_exchange_needs_two_parcels_and_holders_for_each(wc):
    a, b = parcels(wc, n=2)
    ha = holders(wc, a)
    one = TransactionDraft("CD", [a], doc(), rights_after=[
        NewRight(shares_of([(next(iter(holders(wc, b))), 1)]), parcel_uuid=a,
                 transferors=tuple(ha))])
    assert "transaction.min_parcels" in refused(wc, one)
    one.parcel_uuids = [a, b]
    assert "transfer.parcel_without_holders" in refused(wc, one)


def test_holders_for_a_parcel_outside_the_transaction_are_refused(wc):
    a, b = parcels(wc, n=2)
    draft = transfer(a, wc, [(person(), 1)])
    draft.rights_after[0].parcel_uuid = b
    assert "rights.parcel_not_in_transaction" in refused(wc, draft)


def test_a_parcel_never_registered_has_nothing_to_transfer(wc):
    (p,) = parcels(wc)
    wc.conn.execute("BEGIN")
    wc.conn.execute("DELETE FROM rights WHERE parcel_uuid = ?", (p,))
    wc.conn.execute("COMMIT")
    draft = TransactionDraft("CN", [p], doc(), new_parties=[buyer := person()], rights_after=[
        NewRight(shares_of([(buyer.uuid, 1)]), parcel_uuid=p, transferors=(bank().uuid,))])
    assert "transfer.no_holder" in refused(wc, draft)
