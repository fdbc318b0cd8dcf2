"""A parcel's timeline: its transactions and versions, and those of its ancestors and
descendants through splits and merges; holders and geometry as they were at any moment."""
from datetime import date

from cadastre_plugin.core.edit.apply import apply_split_area
from cadastre_plugin.core.transactions import (DocumentInput, MortgageInput, TransactionDraft,
                                               record)
from cadastre_plugin.core.transactions.geometry import Merge, SplitByArea
from cadastre_plugin.core.transactions.history import holders_at, parcel_history
from cadastre_plugin.core.transactions.state import State
from test_tx_documents import PDF
from tx_helpers import bank, doc, holders, parcels, person, transfer


def kinds(history):
    return [(e.kind, e.transaction.type_code if e.transaction else e.version.version,
             e.relation) for e in history.entries]


def test_transactions_and_versions_in_time_order(wc, tmp_path):
    (p,) = parcels(wc, "landuse = 'CLN' AND valid_from < '2021'")
    seller = holders(wc, p)
    buyer = person("Hà Thị Mai", 1992, True)
    scan = tmp_path / "hop-dong.pdf"
    scan.write_bytes(PDF)
    cn = record(wc, transfer(p, wc, [(buyer, 1)], documents=[DocumentInput(str(scan), "contract")]),
                at="2021-04-01T02:00:00Z")
    lender = bank()
    tc = record(wc, TransactionDraft("TC", [p], doc(date(2022, 1, 5)), new_parties=[lender],
                                     mortgage=MortgageInput(lender.uuid, date(2022, 1, 6))),
                at="2022-01-06T03:00:00Z")
    (m,) = State(wc.conn).restrictions(p)
    record(wc, TransactionDraft("XC", [p], doc(date(2023, 2, 1)), release_uuids=[m.uuid]),
           at="2023-02-01T03:00:00Z")
    record(wc, TransactionDraft("CM", [p], doc(date(2024, 7, 1)),
                                parcel_changes={"landuse": "ONT"}), at="2024-07-01T03:00:00Z")
    history = parcel_history(wc, p)
    assert kinds(history) == [("version", 1, "self"), ("transaction", "CN", "self"),
                              ("transaction", "TC", "self"), ("transaction", "XC", "self"),
                              ("transaction", "CM", "self"), ("version", 2, "self")]
    first = history.entries[1].transaction
    assert first.uuid == cn.transaction_uuid and first.type_vi.startswith("Chuyển nhượng")
    assert [h[0] for h in first.rights_before[0].holders] == list(seller)
    assert first.rights_after[0].holders == [(buyer.uuid, buyer.name, "1")]
    assert [(d.original_name, role) for d, role in first.documents] == [("hop-dong.pdf",
                                                                         "contract")]
    mortgage = history.entries[2].transaction
    assert mortgage.uuid == tc.transaction_uuid
    assert mortgage.restrictions == [("registered", "mortgage", lender.name, "2022-01-06",
                                      "2023-02-01")]
    old, new = history.versions
    assert (old.landuse, old.valid_to, new.landuse, new.valid_to) == \
        ("CLN", "2024-07-01T03:00:00Z", "ONT", None)
    assert history.geometry_at(p, "2020-01-01T00:00:00Z").equals(old.geometry)
    assert holders_at(wc, p, "2021-03-31T00:00:00Z") == seller
    assert holders_at(wc, p, "2021-04-01T02:00:00Z") == {buyer.uuid: 1}
    assert holders_at(wc, p, "1990-01-01T00:00:00Z") == {}


def test_split_and_merge_link_parents_and_children(wc):
    (p,) = parcels(wc, "area > 300")
    record(wc, transfer(p, wc, [(person(), 1)]), at="2020-01-01T00:00:00Z")
    area = wc.conn.execute("SELECT area FROM parcels WHERE uuid = ?", (p,)).fetchone()[0]
    split = record(wc, TransactionDraft("TN", [p], doc(), geometry=SplitByArea(
        p, round(area / 3, 1), edge_index=0)))
    cut, rest = split.parcels_after
    merged = record(wc, TransactionDraft("TN", [cut, rest], doc(), geometry=Merge((cut, rest))))
    (whole,) = merged.parcels_after

    history = parcel_history(wc, whole)
    assert {a.parent_uuid for a in history.ancestors} == {cut, rest, p}
    relations = {(e.parcel_uuid, e.relation) for e in history.entries}
    assert (p, "ancestor") in relations and (whole, "self") in relations
    codes = [e.transaction.type_code for e in history.entries if e.kind == "transaction"]
    assert codes == ["CN", "TN", "TN"]  # the grandparent's transfer, the split, the merge

    parent = parcel_history(wc, p)
    assert parent.status == "retired"
    assert {d.child_uuid for d in parent.descendants} == {cut, rest, whole}
    retired = [v for v in parent.versions if v.parcel_uuid == p]
    assert retired[-1].status == "retired" and retired[-1].transaction_uuid == \
        split.transaction_uuid
    # The parent as it was before the split, and nothing of it after.
    assert parent.geometry_at(p, "2020-06-01T00:00:00Z") is not None
    assert parent.geometry_at(p, merged.recorded_at) is None
    detail = [e.transaction for e in parent.entries if e.kind == "transaction"
              and e.transaction.uuid == split.transaction_uuid][0]
    assert [u for u, _ in detail.parcels_before] == [p]
    assert {u for u, _ in detail.parcels_after} == {cut, rest}


def test_edits_made_without_a_transaction_are_in_the_timeline(wc):
    (p,) = parcels(wc, "area > 300")
    area = wc.conn.execute("SELECT area FROM parcels WHERE uuid = ?", (p,)).fetchone()[0]
    result = apply_split_area(wc, p, round(area / 2, 1), edge_index=0)
    history = parcel_history(wc, result.created[0])
    assert [e.kind for e in history.entries] == ["version", "version"]
    assert history.entries[0].relation == "ancestor" and history.ancestors[0].transaction_uuid \
        is None
