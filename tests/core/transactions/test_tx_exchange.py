"""Land exchange (CD, dồn điền đổi thửa) among three or more parcels: recorded in one
transaction when every holder group receives exactly one parcel, refused with a message naming
the group otherwise, or when a parcel would go back to its own holders."""
import pytest

from cadastre_plugin.core.messages import ValidationFailed
from cadastre_plugin.core.transactions import NewRight, TransactionDraft, record, shares_of
from cadastre_plugin.core.transactions.exchange import holder_groups, rotation
from cadastre_plugin.core.transactions.state import State
from cadastre_plugin.core.transactions.validate import validate
from tx_helpers import TODAY, counts, doc, holders, parcels


def distinct_holders(wc, n):
    """``n`` parcels whose holder groups are all different (and share nobody)."""
    chosen, seen = [], set()
    for p in parcels(wc, n=40):
        h = set(holders(wc, p))
        if h and not h & seen:
            chosen.append(p)
            seen |= h
        if len(chosen) == n:
            return chosen
    pytest.fail(f"the demo has fewer than {n} parcels with distinct holders")


def exchange(wc, ps, goes_to):
    """A CD draft where parcel ``ps[i]`` goes to the holders of ``ps[goes_to[i]]``."""
    hs = [holders(wc, p) for p in ps]
    return TransactionDraft("CD", list(ps), doc(), recorded_by="can.bo", rights_after=[
        NewRight(shares_of(hs[j].items()), parcel_uuid=p, transferors=tuple(hs[i]))
        for i, (p, j) in enumerate(zip(ps, goes_to))])


def issues_of(wc, draft):
    return validate(State(wc.conn), draft, TODAY)


def test_three_parcels_go_round_in_one_transaction(wc):
    ps = distinct_holders(wc, 3)
    before = [holders(wc, p) for p in ps]
    assert rotation(before) == [1, 2, 0]
    result = record(wc, exchange(wc, ps, [1, 2, 0]))
    assert [holders(wc, p) for p in ps] == [before[1], before[2], before[0]]
    assert len(result.rights_created) == 3 and len(result.rights_ended) == 3
    listed = {r[0] for r in wc.conn.execute(
        "SELECT parcel_uuid FROM transaction_parcels WHERE transaction_uuid = ?",
        (result.transaction_uuid,))}
    assert listed == set(ps)


def test_a_group_receiving_two_parcels_is_refused_and_named(wc):
    ps = distinct_holders(wc, 3)
    draft = exchange(wc, ps, [1, 0, 0])  # the first group gets two, the third nothing
    issues = [i for i in issues_of(wc, draft) if i.code == "exchange.unbalanced"]
    state = State(wc.conn)
    first = ", ".join(state.party(h).name for h in holders(wc, ps[0]))
    third = ", ".join(state.party(h).name for h in holders(wc, ps[2]))
    assert len(issues) == 2
    texts = " ".join(i.en for i in issues)
    assert f"{first} give 1 parcel(s)" in texts and "receive 2" in texts
    assert f"{third} give 1 parcel(s)" in texts and "receive 0 (nothing)" in texts
    assert all(i.vi and i.vi != i.en and i.details["field"] == "rights_after" for i in issues)
    assert any("không nhận thửa nào" in i.vi for i in issues)
    before = counts(wc)
    with pytest.raises(ValidationFailed):
        record(wc, draft)
    assert counts(wc) == before


def test_a_parcel_cannot_go_back_to_its_own_holders(wc):
    ps = distinct_holders(wc, 3)
    label = State(wc.conn).parcel(ps[2]).label
    codes = {i.code: i for i in issues_of(wc, exchange(wc, ps, [1, 0, 2]))}
    assert "exchange.own_holders" in codes
    assert label in codes["exchange.own_holders"].en
    assert label in codes["exchange.own_holders"].vi


def test_recipients_must_be_one_of_the_exchanging_groups(wc):
    ps = distinct_holders(wc, 4)
    draft = exchange(wc, ps[:3], [1, 2, 0])
    outsider = holders(wc, ps[3])
    draft.rights_after[0].shares = shares_of(outsider.items())
    assert "exchange.not_a_group" in {i.code for i in issues_of(wc, draft)}


def test_the_two_parcel_swap_is_still_valid(wc):
    ps = distinct_holders(wc, 2)
    assert rotation([holders(wc, p) for p in ps]) == [1, 0]
    assert issues_of(wc, exchange(wc, ps, [1, 0])) == []


def test_rotation_skips_a_group_giving_two_plots():
    # A household giving two plots next to each other: the first goes to the next other group.
    groups = [{"a"}, {"a"}, {"b"}, {"c"}]
    assert rotation(groups) == [2, 2, 3, 0]
    assert holder_groups(groups) == [frozenset("a"), frozenset("b"), frozenset("c")]
    assert rotation([{"a"}, {"a"}]) == [None, None]
