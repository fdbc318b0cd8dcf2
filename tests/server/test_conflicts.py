"""Two offices edit the same parcel: nothing is overwritten silently, every conflict is
surfaced, and each explicit resolution (keep mine, take theirs, edited) syncs."""
import json

import pytest

from cadastre_plugin.core.sync import (Conflicts, list_conflicts, pull, push, resolve,
                                       status)

from sync_live import dump


def _set_address(wc, uuid, text):
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = ? WHERE uuid = ?", (text, uuid))


def _address(wc, uuid):
    return wc.conn.execute("SELECT address FROM parcels WHERE uuid = ?", (uuid,)).fetchone()[0]


@pytest.fixture
def two(checkout_wc, client):
    a, b = checkout_wc("a"), checkout_wc("b")
    uuid = a.parcels()[3].uuid
    _set_address(a, uuid, "A: Thôn Đông")
    _set_address(b, uuid, "B: Thôn Tây")
    push(a, client)
    return a, b, uuid


def test_second_push_gets_409_with_server_state_and_nothing_applied(live, two, client):
    a, b, uuid = two
    revision = live.one("SELECT max(revision) FROM change_log")
    with pytest.raises(Conflicts) as err:
        push(b, client)
    assert err.value.exit_code == 3
    assert err.value.conflicts == [{"table": "parcels", "key": {"uuid": uuid}}]
    assert live.one("SELECT max(revision) FROM change_log") == revision
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (uuid,)) == "A: Thôn Đông"
    [c] = list_conflicts(b)
    assert c["source"] == "push" and c["theirs_version"] == 2
    assert c["mine"]["data"]["address"] == "B: Thôn Tây"
    assert c["theirs"]["data"]["address"] == "A: Thôn Đông"
    assert c["theirs"]["data"]["geometry"]["type"] == "Polygon"  # for the side-by-side map
    assert _address(b, uuid) == "B: Thôn Tây"  # mine kept until resolved
    assert status(b)["outbox_changeset"] is None
    with pytest.raises(Conflicts):  # refused while the conflict is open: nothing sent
        push(b, client)


def test_pull_records_the_conflict_and_applies_the_rest(live, two, client):
    a, b, uuid = two
    other = a.parcels()[10].uuid
    _set_address(a, other, "A: only here")
    push(a, client)
    result = pull(b, client)
    assert result.conflicts == [{"table": "parcels", "key": {"uuid": uuid}}]
    assert _address(b, other) == "A: only here"  # the rest applied
    assert _address(b, uuid) == "B: Thôn Tây"  # mine not overwritten
    [c] = list_conflicts(b)
    assert c["source"] == "pull" and c["theirs"]["data"]["address"] == "A: Thôn Đông"
    assert status(b)["last_pulled_revision"] == result.head


def test_keep_mine_rebases_and_the_next_push_wins_deliberately(live, two, client):
    a, b, uuid = two
    pull(b, client)
    [c] = list_conflicts(b)
    resolve(b, c["id"], "mine")
    entry = b.conn.execute("SELECT operation, confirmed_at FROM journal ORDER BY id DESC "
                           "LIMIT 1").fetchone()
    assert entry == ("resolve", None)  # journalled, and pending: it goes out with the push
    assert push(b, client).changesets == 1
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (uuid,)) == "B: Thôn Tây"
    assert live.one("SELECT version FROM parcels WHERE uuid = %s", (uuid,)) == 3
    pull(a, client)
    assert _address(a, uuid) == "B: Thôn Tây"
    assert dump(a) == dump(b)


def test_take_theirs_makes_local_equal_server_and_drops_mine(live, two, client):
    a, b, uuid = two
    with pytest.raises(Conflicts):
        push(b, client)
    [c] = list_conflicts(b)
    resolve(b, c["id"], "theirs")
    assert _address(b, uuid) == "A: Thôn Đông"
    assert list_conflicts(b) == []
    assert status(b)["rows_pending"] == 0
    entry = b.conn.execute("SELECT operation, old, new, confirmed_at FROM journal "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    assert entry[0] == "resolve" and entry[3] is not None
    assert json.loads(entry[1])["address"] == "B: Thôn Tây"
    assert json.loads(entry[2])["address"] == "A: Thôn Đông"
    assert push(b, client).changesets == 0  # nothing left to send
    pull(b, client)
    assert dump(a) == dump(b)


def test_edited_resolution_pushes_the_merged_row(live, two, client):
    a, b, uuid = two
    pull(b, client)
    [c] = list_conflicts(b)
    merged = dict(c["theirs"]["data"], address="A+B: Thôn Đông Tây")
    resolve(b, c["id"], "edited", merged)
    push(b, client)
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (uuid,)) == \
        "A+B: Thôn Đông Tây"


def test_deleted_on_server_while_edited_here(live, checkout_wc, client):
    a, b = checkout_wc("a"), checkout_wc("b")
    share = a.conn.execute("SELECT right_uuid, party_uuid FROM right_shares LIMIT 1").fetchone()
    party = a.conn.execute("SELECT uuid FROM parties WHERE uuid NOT IN "
                           "(SELECT party_uuid FROM right_shares) LIMIT 1").fetchone()[0]
    with a.operation("edit") as conn:
        conn.execute("DELETE FROM parties WHERE uuid = ?", (party,))
    push(a, client)
    with b.operation("edit") as conn:
        conn.execute("UPDATE parties SET address = 'Thôn Mới' WHERE uuid = ?", (party,))
    result = pull(b, client)
    assert result.conflicts == [{"table": "parties", "key": {"uuid": party}}]
    [c] = list_conflicts(b)
    assert c["theirs"] is None and c["mine"]["data"]["address"] == "Thôn Mới"
    resolve(b, c["id"], "mine")  # keep it: the push re-creates it on the server
    push(b, client)
    assert live.one("SELECT address FROM parties WHERE uuid = %s", (party,)) == "Thôn Mới"
    assert share  # the demo has shares; the deleted party held none
