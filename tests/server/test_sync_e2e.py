"""End to end, for real: the demo commune checked out of the live server into working copies,
edited with the core (SQL through wc.operation and the core's editing operations), pushed,
pulled into a second working copy, and compared row by row and byte by byte."""
from collections import Counter

import shapely

from cadastre_plugin.core.edit.apply import apply_move_vertex, apply_split_area
from cadastre_plugin.core.sync import pull, push, status
from cadastre_plugin.core.sync.pull import apply, fetch
from cadastre_plugin.core.sync.tables import TABLES

from conftest import DEMO_COMMUNE
from sync_live import dump


def test_checkout_gives_the_central_database_rows(live, checkout_wc):
    wc = checkout_wc("a")
    for table in TABLES:
        assert wc.count(table) == live.one(f"SELECT count(*) FROM {table} WHERE commune_code "
                                           "= %s", (DEMO_COMMUNE,)), table
    server = dict(live.sql("SELECT uuid, ST_AsBinary(geom) FROM parcels WHERE commune_code = %s",
                           (DEMO_COMMUNE,)))
    local = {p.uuid: p.geometry for p in wc.parcels()}
    assert len(local) == 200
    assert all(local[u].wkb == bytes(w) for u, w in server.items())  # bit-for-bit
    assert wc.count("map_sheets") == live.one("SELECT count(*) FROM map_sheets WHERE "
                                              "commune_code = %s", (DEMO_COMMUNE,))
    st = status(wc)
    assert st["last_pulled_revision"] == live.one(
        "SELECT max(revision) FROM change_log WHERE commune_code = %s", (DEMO_COMMUNE,))
    assert st["rows_pending"] == 0 and st["outbox_changeset"] is None
    assert st["server_url"] == live.url


def _shared_vertex(wc):
    """An interior lattice node: a vertex that four parcels share."""
    counts = Counter()
    for p in wc.parcels():
        counts.update(map(tuple, shapely.get_coordinates(p.geometry)[:-1].round(6)))
    return next(xy for xy, n in counts.most_common() if n >= 4)


def test_core_edits_push_and_pull_into_another_copy(live, checkout_wc, client):
    a, b = checkout_wc("a"), checkout_wc("b")
    parcels = sorted(a.parcels(), key=lambda p: -p.geometry.area)
    big, other = parcels[0], parcels[5]
    with a.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'Số 5, ngõ 12, Thôn Đông' WHERE uuid = ?",
                     (other.uuid,))
        conn.execute("INSERT INTO parties (uuid, kind, name, user_type) VALUES "
                     "('0f4f5c1e-3d0a-4c3e-9a51-2d6b8e7f9a10', 'organisation', "
                     "'Hợp tác xã Tân Tiến', 'TCK')")
    split = apply_split_area(a, big.uuid, round(big.geometry.area * 0.4, 1), edge_index=0)
    old = _shared_vertex(a)
    move = apply_move_vertex(a, old, (old[0] + 0.3, old[1] - 0.2))
    assert split.created and move.updated

    pending = status(a)["rows_pending"]
    result = push(a, client)
    assert result.changesets == 1 and result.changes >= pending
    assert a.count("journal", "WHERE confirmed_at IS NULL") == 0
    cs = a.conn.execute("SELECT DISTINCT changeset_uuid FROM journal").fetchall()
    assert cs == [(live.one("SELECT uuid::text FROM changesets"),)]
    assert big.uuid not in {p.uuid for p in a.parcels()}  # retired by the split

    pulled = pull(b, client)
    assert pulled.conflicts == [] and pulled.applied == result.changes
    assert dump(a) == dump(b)
    # The versions the server gave are the versions both copies now hold.
    server = dict(live.sql("SELECT uuid, version FROM parcels WHERE commune_code = %s",
                           (DEMO_COMMUNE,)))
    assert {p.uuid: p.version for p in b.parcels()} == server
    # The split parent is history, never lost: on the server and in the pulling copy.
    versions = live.sql("SELECT version, status FROM parcel_versions WHERE uuid = %s",
                        (big.uuid,))
    assert versions == [(1, "current")]
    assert b.count("parcel_versions", f"WHERE uuid = '{big.uuid}' AND status = 'retired'") == 1
    assert b.count("parcel_lineage") == 2
    # And a second pull has nothing new; pushing an unchanged copy sends nothing.
    assert pull(b, client).applied == 0
    assert push(b, client).changesets == 0


def test_parcel_history_lists_every_version(live, checkout_wc, client):
    a = checkout_wc("a")
    uuid = a.parcels()[0].uuid
    for address in ("Thôn Đông 1", "Thôn Đông 2"):
        with a.operation("edit") as conn:
            conn.execute("UPDATE parcels SET address = ? WHERE uuid = ?", (address, uuid))
        push(a, client)
    history = client.get_json(f"/parcels/{uuid}/history")
    assert history["crs"] == "EPSG:9210"
    assert [v["version"] for v in history["versions"]] == [1, 2, 3]
    assert [v["current"] for v in history["versions"]] == [False, False, True]
    assert history["versions"][-1]["data"]["address"] == "Thôn Đông 2"
    assert history["versions"][0]["data"]["geometry"]["type"] == "Polygon"


def test_pull_pages_through_many_changes(live, checkout_wc, client):
    """Small pages, several change sets: the pulling copy ends equal, in one transaction."""
    a, b = checkout_wc("a"), checkout_wc("b")
    uuids = [p.uuid for p in a.parcels()][:60]
    for i in range(3):
        with a.operation("edit") as conn:
            conn.executemany("UPDATE parcels SET address = ? WHERE uuid = ?",
                             [(f"Đợt {i} thửa {n}", u) for n, u in enumerate(uuids[i * 20:])])
        push(a, client)
    seen = []
    fetched = fetch(client, DEMO_COMMUNE, 1, lambda d, t, m: seen.append((d, t)),
                             limit=25)
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1] == 60 + 40 + 20
    apply(b, fetched)
    assert dump(a) == dump(b)
