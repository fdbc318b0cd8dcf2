"""Split/merge (TN): the geometry change and the new rights are one unit, one journal entry."""
import numpy as np
import pytest
import shapely

from cadastre_plugin.core.messages import CadastreError, ValidationFailed
from cadastre_plugin.core.transactions import (CertificateInput, MortgageInput, NewRight,
                                               TransactionDraft, record, shares_of)
from cadastre_plugin.core.transactions.geometry import Merge, SplitByArea, SplitByLine
from cadastre_plugin.core.transactions.state import State
from tx_helpers import bank, codes, counts, doc, holders, parcels, person


def area_of(wc, p):
    return wc.conn.execute("SELECT area FROM parcels WHERE uuid = ?", (p,)).fetchone()[0]


def neighbours(wc):
    """Two adjacent, differently held current parcels of one sheet, without mortgage."""
    fids, geoms, attrs = wc.parcel_arrays()
    free = set(parcels(wc, n=wc.count("parcels", "WHERE status = 'current'") - 20))
    a_idx, b_idx = shapely.STRtree(geoms).query(geoms, predicate="touches")
    for i, j in zip(a_idx, b_idx):
        a, b = attrs["uuid"][i], attrs["uuid"][j]
        if i < j and a in free and b in free and holders(wc, a) != holders(wc, b) \
                and shapely.intersection(geoms[i], geoms[j]).length > 1:
            return a, b
    raise AssertionError("no such neighbours in the demo")


def split_draft(wc, p, **kwargs):
    return TransactionDraft("TN", [p], doc(),
                            geometry=SplitByArea(p, round(area_of(wc, p) * 0.4, 1), edge_index=0),
                            **kwargs)


def test_a_split_gives_the_new_parcels_the_parent_s_holders_in_one_operation(wc):
    (p,) = parcels(wc, "area > 300")
    parent = State(wc.conn).right(p)
    result = record(wc, split_draft(wc, p))
    assert result.parcels_before == [p] and len(result.parcels_after) == 2
    state = State(wc.conn)
    assert state.parcel(p).status == "retired"
    assert result.rights_ended == [parent.uuid]
    for child in result.parcels_after:
        assert state.right(child).holders == parent.holders
        assert state.right(child).term_end == parent.term_end
        assert state.parcel(child).status == "current"
    lineage = wc.conn.execute("SELECT parent_uuid, transaction_uuid FROM parcel_lineage").fetchall()
    assert lineage == [(p, result.transaction_uuid)] * 2
    version = wc.conn.execute("SELECT status, transaction_uuid FROM parcel_versions "
                              "WHERE uuid = ?", (p,)).fetchone()
    assert version == ("retired", result.transaction_uuid)
    assert state.certificates(p) == []  # the parent's certificate is cancelled
    ops = wc.conn.execute("SELECT DISTINCT op_id, operation FROM journal").fetchall()
    assert ops == [(result.op_id, "transaction:TN")]
    tables = {t for (t,) in wc.conn.execute("SELECT DISTINCT table_name FROM journal")}
    assert {"parcels", "parcel_lineage", "rights", "right_shares", "transactions"} <= tables


def test_a_split_can_give_the_cut_piece_to_a_buyer(wc):
    (p,) = parcels(wc, "area > 300")
    parent = holders(wc, p)
    buyer = person("Mạc Văn Sơn", 1988)
    cert = CertificateInput("DB 654321", "CS 00100", doc().date, "Sở TN&MT Hải Phòng")
    draft = split_draft(wc, p, new_parties=[buyer], certificate=cert,
                        rights_after=[NewRight(shares_of([(buyer.uuid, 1)]), child=0,
                                               transferors=tuple(parent))])
    result = record(wc, draft)
    cut, rest = result.parcels_after
    assert holders(wc, cut) == {buyer.uuid: 1}
    assert holders(wc, rest) == parent
    assert [c.serial for c in State(wc.conn).certificates(cut)] == ["DB 654321"]


def test_a_split_by_line(wc):
    (p,) = parcels(wc, "area > 300")
    geom = wc.parcels("WHERE uuid = ?", (p,))[0].geometry
    minx, miny, maxx, maxy = geom.bounds
    x = (minx + maxx) / 2
    draft = TransactionDraft("TN", [p], doc(),
                             geometry=SplitByLine(p, [(x, miny - 5), (x, maxy + 5)]))
    result = record(wc, draft)
    assert len(result.parcels_after) == 2


def test_a_neighbour_buys_the_next_plot_and_merges_it(wc):
    a, b = neighbours(wc)
    owners = holders(wc, a)
    record(wc, TransactionDraft("CN", [b], doc(), rights_after=[
        NewRight(shares_of(owners.items()), parcel_uuid=b, transferors=tuple(holders(wc, b)))]))
    result = record(wc, TransactionDraft("TN", [a, b], doc(), geometry=Merge((a, b))))
    (child,) = result.parcels_after
    assert holders(wc, child) == owners  # inherited: both parents were held alike
    assert {r[0] for r in wc.conn.execute("SELECT parent_uuid FROM parcel_lineage")} == {a, b}
    assert len(result.rights_ended) == 2


def test_merging_parcels_of_different_holders_needs_the_new_holders(wc):
    a, b = neighbours(wc)
    before = counts(wc)
    draft = TransactionDraft("TN", [a, b], doc(), geometry=Merge((a, b)))
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft)
    assert codes(err) == ["tn.rights_missing"] and counts(wc) == before
    ha, hb = holders(wc, a), holders(wc, b)
    owners = {**{k: v / 2 for k, v in ha.items()}}
    for k, v in hb.items():
        owners[k] = owners.get(k, 0) + v / 2
    draft.rights_after = [NewRight(shares_of(owners.items()), child=0,
                                   transferors=tuple(set(ha) | set(hb)))]
    result = record(wc, draft)
    assert holders(wc, result.parcels_after[0]) == owners


def test_a_split_merge_without_geometry_or_on_a_mortgaged_parcel_is_refused(wc):
    (p,) = parcels(wc, "area > 300")
    before = counts(wc)
    with pytest.raises(ValidationFailed) as err:
        record(wc, TransactionDraft("TN", [p], doc()))
    assert codes(err) == ["transaction.required"]
    lender = bank()
    record(wc, TransactionDraft("TC", [p], doc(), new_parties=[lender],
                                mortgage=MortgageInput(lender.uuid, doc().date)))
    before = counts(wc)
    with pytest.raises(ValidationFailed) as err:
        record(wc, split_draft(wc, p))
    assert codes(err) == ["tn.mortgaged"] and counts(wc) == before


def test_a_refused_geometry_writes_no_right_and_a_refused_right_no_geometry(wc):
    (p,) = parcels(wc, "area > 300")
    before = counts(wc)
    too_big = TransactionDraft("TN", [p], doc(),
                               geometry=SplitByArea(p, area_of(wc, p) * 2, edge_index=0))
    with pytest.raises(CadastreError):
        record(wc, too_big)
    assert counts(wc) == before
    bad_child = split_draft(wc, p, new_parties=[buyer := person()], rights_after=[
        NewRight(shares_of([(buyer.uuid, 1)]), child=5, transferors=tuple(holders(wc, p)))])
    with pytest.raises(ValidationFailed) as err:
        record(wc, bad_child)
    assert codes(err) == ["tn.child_index"]
    assert counts(wc) == before
    assert State(wc.conn).parcel(p).status == "current"


def test_split_merge_parcels_must_match_the_selection(wc):
    a, b = parcels(wc, "area > 300", n=2)
    draft = TransactionDraft("TN", [a], doc(), geometry=Merge((a, b)))
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft)
    assert "tn.parcel_not_selected" in codes(err)
    draft = TransactionDraft("TN", [a, b], doc(), geometry=SplitByArea(a, 100.0, edge_index=0))
    with pytest.raises(ValidationFailed) as err:
        record(wc, draft)
    assert codes(err) == ["tn.parcel_unused"]
    holders_only = split_draft(wc, a, rights_after=[
        NewRight(shares_of(holders(wc, a).items()), parcel_uuid=a)])
    with pytest.raises(ValidationFailed) as err:
        record(wc, holders_only)
    assert "tn.right_target" in codes(err)


def test_new_parcels_keep_the_numbering_rule(wc):
    (p,) = parcels(wc, "area > 300")
    used = {n for (n,) in wc.conn.execute("SELECT parcel_no FROM parcels")}
    result = record(wc, split_draft(wc, p))
    numbers = [wc.conn.execute("SELECT parcel_no FROM parcels WHERE uuid = ?", (c,)).fetchone()[0]
               for c in result.parcels_after]
    assert all(n > max(used) for n in numbers) and len(set(numbers)) == 2
    assert np.isclose(sum(area_of(wc, c) for c in result.parcels_after),
                      wc.conn.execute("SELECT area FROM parcel_versions WHERE uuid = ?",
                                      (p,)).fetchone()[0], atol=0.2)
