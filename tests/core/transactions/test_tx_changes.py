"""Changes of land use (CM), parcel information (TD), owner information (DT), corrections (SN),
certificate re-issue (CL), land recovery (TH) and term extension (GH)."""
import json
from datetime import date, timedelta

import pytest

from cadastre_plugin.core.messages import ValidationFailed
from cadastre_plugin.core.model import Party
from cadastre_plugin.core.transactions import (LONG_TERM, CertificateInput, NewRight,
                                               TransactionDraft, record, shares_of)
from cadastre_plugin.core.transactions.state import State
from tx_helpers import codes, counts, doc, holders, parcels


def refused(wc, draft) -> list:
    before = counts(wc)
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft)
    assert counts(wc) == before
    return codes(err)


def parcel_row(wc, p):
    return wc.conn.execute("SELECT landuse, address, legal_area, version FROM parcels "
                           "WHERE uuid = ?", (p,)).fetchone()


def test_change_of_land_use_updates_parcel_and_right_and_keeps_the_old_version(wc):
    (p,) = parcels(wc, "landuse = 'CLN'")
    old_right = State(wc.conn).right(p)
    version = parcel_row(wc, p)[3]
    result = record(wc, TransactionDraft("CM", [p], doc(), parcel_changes={"landuse": "ONT"},
                                         term_end=LONG_TERM))
    assert parcel_row(wc, p)[0] == "ONT" and parcel_row(wc, p)[3] == version + 1
    right = State(wc.conn).right(p)
    assert (right.landuse, right.term_end, right.holders) == ("ONT", None, old_right.holders)
    archived = wc.conn.execute("SELECT landuse, transaction_uuid, valid_to FROM parcel_versions "
                               "WHERE uuid = ?", (p,)).fetchone()
    assert archived == ("CLN", result.transaction_uuid, result.recorded_at)


def test_change_of_land_use_needs_a_valid_different_code(wc):
    (p,) = parcels(wc, "landuse = 'CLN'")
    assert refused(wc, TransactionDraft("CM", [p], doc())) == ["transaction.required"]
    assert refused(wc, TransactionDraft("CM", [p], doc(), parcel_changes={"landuse": "XYZ"})) \
        == ["landuse.unknown_code"]
    assert refused(wc, TransactionDraft("CM", [p], doc(), parcel_changes={"landuse": "CLN"})) \
        == ["parcel_changes.no_change"]
    assert refused(wc, TransactionDraft("CM", [p], doc(), parcel_changes={"address": "x"})) \
        == ["parcel_changes.field"]


def test_parcel_information_change(wc):
    (p,) = parcels(wc)
    changes = {"address": "Thôn Đông, xã Tân Tiến", "legal_area": "251.25"}
    record(wc, TransactionDraft("TD", [p], doc(), parcel_changes=changes))
    assert parcel_row(wc, p)[1:3] == ("Thôn Đông, xã Tân Tiến", 251.2)
    assert refused(wc, TransactionDraft("TD", [p], doc(), parcel_changes={"landuse": "ODT"})) \
        == ["parcel_changes.field"]
    assert refused(wc, TransactionDraft("TD", [p], doc(), parcel_changes={"legal_area": -3})) \
        == ["parcel_changes.legal_area"]


def test_owner_information_change_keeps_what_it_was(wc):
    (p,) = parcels(wc, "EXISTS (SELECT 1 FROM rights r JOIN right_shares s ON s.right_uuid = "
                       "r.uuid JOIN parties y ON y.uuid = s.party_uuid WHERE r.parcel_uuid = "
                       "p.uuid AND y.kind = 'individual')")
    state = State(wc.conn)
    (owner,) = [h for h in holders(wc, p) if state.party(h).kind == "individual"][:1]
    old_address = state.party(owner).address
    result = record(wc, TransactionDraft("DT", [p], doc(), party_changes={
        owner: {"address": "Số 5 đường Lạch Tray, Ngô Quyền, Hải Phòng"}}))
    assert State(wc.conn).party(owner).address.startswith("Số 5 đường Lạch Tray")
    previous = wc.conn.execute("SELECT previous FROM transaction_parties WHERE "
                               "transaction_uuid = ? AND role = 'changed'",
                               (result.transaction_uuid,)).fetchone()[0]
    assert json.loads(previous) == {"address": old_address}


def test_owner_information_change_is_checked(wc):
    a, b = parcels(wc, n=2)
    stranger = next(iter(holders(wc, b)))
    assert refused(wc, TransactionDraft("DT", [a], doc(), party_changes={
        stranger: {"address": "Hà Nội"}})) == ["party_changes.not_holder"]
    individual = wc.conn.execute(
        "SELECT y.uuid FROM parties y JOIN right_shares s ON s.party_uuid = y.uuid JOIN rights r "
        "ON r.uuid = s.right_uuid WHERE y.kind = 'individual' AND r.parcel_uuid = ?",
        (a,)).fetchone()
    member = individual[0] if individual else json.loads(wc.conn.execute(
        "SELECT y.members FROM parties y WHERE y.uuid = ?",
        (next(iter(holders(wc, a))),)).fetchone()[0])[0]
    assert "cccd.format" in refused(wc, TransactionDraft("DT", [a], doc(), party_changes={
        member: {"citizen_id": "12345"}}))
    assert refused(wc, TransactionDraft("DT", [a], doc(), party_changes={
        member: {"kind": "organisation"}})) == ["party_changes.field"]


def test_a_correction_needs_parcel_or_owner_changes(wc):
    (p,) = parcels(wc, "landuse = 'ONT'")
    with pytest.raises(ValidationFailed) as err:
        record(wc, TransactionDraft("SN", [p], doc()))
    (issue,) = err.value.issues
    assert "at least one" in issue.en and "ít nhất một" in issue.vi
    record(wc, TransactionDraft("SN", [p], doc(), parcel_changes={"landuse": "ODT"}))
    assert parcel_row(wc, p)[0] == "ODT" and State(wc.conn).right(p).landuse == "ODT"


def test_certificate_reissue_cancels_the_valid_one(wc):
    (p,) = parcels(wc, "EXISTS (SELECT 1 FROM certificate_parcels c WHERE c.parcel_uuid = p.uuid)")
    old = State(wc.conn).certificates(p)
    cert = CertificateInput("DC 000777", "CS 00777", date(2025, 4, 2), "Sở TN&MT Hải Phòng")
    result = record(wc, TransactionDraft("CL", [p], doc(), certificate=cert))
    assert [c.serial for c in State(wc.conn).certificates(p)] == ["DC 000777"]
    assert result.certificates_cancelled == [c.uuid for c in old]
    again = TransactionDraft("CL", [p], doc(), certificate=cert)
    assert refused(wc, again) == ["certificate.serial_in_use"]


def test_certificate_reissue_is_checked(wc):
    (p,) = parcels(wc)
    incomplete = CertificateInput("DC 1", "", date.today() + timedelta(days=1), "")
    issues = refused(wc, TransactionDraft("CL", [p], doc(), certificate=incomplete))
    assert issues.count("certificate.incomplete") == 2 and "date.future" in issues
    assert refused(wc, TransactionDraft("CL", [p], doc())) == ["transaction.required"]


def test_land_recovery_ends_the_rights_and_may_allocate_to_the_commune(wc):
    a, b = parcels(wc, n=2)
    record(wc, TransactionDraft("TH", [a], doc()))
    assert State(wc.conn).rights(a) == [] and State(wc.conn).certificates(a) == []
    committee = Party("organisation", "Ủy ban nhân dân xã Tân Tiến", user_type="UBS")
    record(wc, TransactionDraft("TH", [b], doc(), new_parties=[committee], rights_after=[
        NewRight(shares_of([(committee.uuid, 1)]), parcel_uuid=b)]))
    assert holders(wc, b) == {committee.uuid: 1}
    assert refused(wc, TransactionDraft("TH", [a], doc())) == ["recovery.no_right"]


def test_term_extension(wc):
    (p,) = parcels(wc, "EXISTS (SELECT 1 FROM rights r WHERE r.parcel_uuid = p.uuid AND "
                       "r.term_end IS NOT NULL AND r.valid_to IS NULL)")
    old = State(wc.conn).right(p)
    record(wc, TransactionDraft("GH", [p], doc(), term_end=date(2073, 10, 15)))
    right = State(wc.conn).right(p)
    assert right.term_end == "2073-10-15" and right.holders == old.holders
    assert refused(wc, TransactionDraft("GH", [p], doc(), term_end=date(2070, 1, 1))) == \
        ["term.not_later"]
    assert refused(wc, TransactionDraft("GH", [p], doc(), term_end=LONG_TERM)) == \
        ["term.not_a_date"]
    (q,) = parcels(wc, "EXISTS (SELECT 1 FROM rights r WHERE r.parcel_uuid = p.uuid AND "
                       "r.term_end IS NULL AND r.valid_to IS NULL)")
    assert refused(wc, TransactionDraft("GH", [q], doc(), term_end=date(2080, 1, 1))) == \
        ["term.long_term"]
