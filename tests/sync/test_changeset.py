"""Change sets built from the journal of a real working copy: the net effect per row since the
last confirmed push, based on the server versions the copy holds."""
import json

import pytest

from cadastre_plugin.core.sync import changeset, state
from cadastre_plugin.core.sync.errors import SyncError
from cadastre_plugin.core.sync.tables import TABLES, key_text
from cadastre_plugin.core.working_copy import WorkingCopy

NEW_PARTY = "7d1c3a52-0b6e-4f7e-8a3d-5c2b1e0f9a11"


@pytest.fixture
def wc(demo_path):
    """The demo as if just checked out: the server has every row at version 1 (parcel 0 at 4)."""
    with WorkingCopy.open(str(demo_path)) as wc:
        state.ensure_tables(wc)
        with wc.operation("checkout", journal=False) as conn:
            for table, spec in TABLES.items():
                rows = conn.execute(f"SELECT {', '.join(spec.key_names)} FROM {table}")
                state.set_versions(conn, [(table, key_text(dict(zip(spec.key_names, r))), 1)
                                          for r in rows])
        yield wc


def _changes(wc):
    built = changeset.build(wc)
    return [] if built is None or built["body"] is None else built["body"]["changes"]


def test_nothing_edited_nothing_to_send(wc):
    assert changeset.build(wc) is None


def test_update_is_an_upsert_based_on_the_server_version(wc):
    uuid = wc.parcels()[0].uuid
    state.set_versions(wc.conn, [("parcels", key_text({"uuid": uuid}), 4)])
    for text in ("one", "two", "three"):
        with wc.operation("edit") as conn:
            conn.execute("UPDATE parcels SET address = ? WHERE uuid = ?", (text, uuid))
    [change] = _changes(wc)
    assert change["action"] == "upsert" and change["key"] == {"uuid": uuid}
    assert change["base_version"] == 4  # the server's, not the local column
    assert change["data"]["address"] == "three" and change["data"]["geometry"]["type"] == "Polygon"
    assert "version" not in change["data"]


def test_insert_then_delete_sends_nothing(wc):
    with wc.operation("edit") as conn:
        conn.execute("INSERT INTO parties (uuid, kind, name) VALUES (?, 'household', 'Hộ A')",
                     (NEW_PARTY,))
    with wc.operation("edit") as conn:
        conn.execute("DELETE FROM parties WHERE uuid = ?", (NEW_PARTY,))
    built = changeset.build(wc)
    assert built["body"] is None and built["max_journal_id"] > 0


def test_insert_then_update_is_one_upsert_of_a_new_row(wc):
    with wc.operation("edit") as conn:
        conn.execute("INSERT INTO parties (uuid, kind, name) VALUES (?, 'household', 'Hộ A')",
                     (NEW_PARTY,))
        conn.execute("UPDATE parties SET name = 'Hộ ông A' WHERE uuid = ?", (NEW_PARTY,))
    [change] = _changes(wc)
    assert change["base_version"] is None and change["data"]["name"] == "Hộ ông A"


def test_delete_carries_the_version_it_deletes(wc):
    uuid = wc.parcels()[1].uuid
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'x' WHERE uuid = ?", (uuid,))
        conn.execute("DELETE FROM parcels WHERE uuid = ?", (uuid,))
    assert _changes(wc) == [{"table": "parcels", "action": "delete", "key": {"uuid": uuid},
                             "base_version": 1}]


def test_changed_link_key_is_a_delete_and_an_insert(wc):
    right, party = wc.conn.execute("SELECT right_uuid, party_uuid FROM right_shares LIMIT 1"
                                   ).fetchone()
    with wc.operation("edit") as conn:
        conn.execute("INSERT INTO parties (uuid, kind, name) VALUES (?, 'household', 'Hộ B')",
                     (NEW_PARTY,))
        conn.execute("UPDATE right_shares SET party_uuid = ? WHERE right_uuid = ? AND "
                     "party_uuid = ?", (NEW_PARTY, right, party))
    changes = {(c["table"], c["action"]): c for c in _changes(wc)}
    assert changes[("right_shares", "delete")]["key"] == {"right_uuid": right,
                                                          "party_uuid": party}
    assert changes[("right_shares", "delete")]["base_version"] == 1
    upsert = changes[("right_shares", "upsert")]
    assert upsert["key"] == {"right_uuid": right, "party_uuid": NEW_PARTY}
    assert upsert["base_version"] is None


def test_row_deleted_and_recreated_is_one_upsert(wc):
    right, party, share = wc.conn.execute("SELECT right_uuid, party_uuid, share FROM "
                                          "right_shares LIMIT 1").fetchone()
    with wc.operation("edit") as conn:
        conn.execute("DELETE FROM right_shares WHERE right_uuid = ? AND party_uuid = ?",
                     (right, party))
        conn.execute("INSERT INTO right_shares (right_uuid, party_uuid, share) VALUES (?, ?, ?)",
                     (right, party, share))
    [change] = _changes(wc)
    assert change["action"] == "upsert" and change["base_version"] == 1


def test_body_is_stable_json_with_the_commune_crs_and_base_revision(wc):
    state.put(wc.conn, state.LAST_PULLED, 17)
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'Thôn Đông' WHERE fid = 1")
    built = changeset.build(wc)
    body = built["body"]
    assert body["crs"] == "EPSG:9210" and body["commune_code"] == "11686"
    assert body["base_revision"] == 17
    text = changeset.encode(body)
    assert json.loads(text) == body and "Thôn Đông" in text  # UTF-8, not \\u escapes


def test_a_journalled_table_this_version_cannot_send_is_refused(wc):
    with wc.operation("edit") as conn:
        conn.execute("INSERT INTO journal (operation, table_name, action, row_fid) "
                     "VALUES ('edit', 'future_table', 'insert', 1)")
    with pytest.raises(SyncError) as err:
        changeset.build(wc)
    assert err.value.code == "sync.unknown_table"
