"""A check-out brings the server's earlier parcel versions, so the history of a parcel changed
by another office before this copy existed shows its old boundary and attributes offline."""
import psycopg
import shapely

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.demo import generate
from cadastre_plugin.core.edit.apply import apply_move_vertex
from cadastre_plugin.core.sync import ApiClient, checkout, push
from cadastre_plugin.core.working_copy import WorkingCopy
from server import load

from conftest import DEMO_COMMUNE
from sync_live import LiveServer
from test_sync_e2e import _shared_vertex


def _local_versions(wc, uuid):
    rows = wc.conn.execute("SELECT version, landuse, geom FROM parcel_versions WHERE uuid = ? "
                           "ORDER BY version", (uuid,)).fetchall()
    return [(v, landuse, g) for (v, landuse, _), g in zip(rows, gpkg.decode([r[2] for r in rows]))]


def test_checkout_carries_earlier_versions_of_changed_parcels(live, checkout_wc, client):
    a = checkout_wc("a")
    target = next(p for p in sorted(a.parcels(), key=lambda p: p.uuid) if p.landuse != "CLN")
    before = target.geometry
    with a.operation("edit") as conn:
        conn.execute("UPDATE parcels SET landuse = 'CLN' WHERE uuid = ?", (target.uuid,))
    old = _shared_vertex(a)
    moved = apply_move_vertex(a, old, (old[0] + 0.25, old[1]))
    assert push(a, client).changesets
    server_versions = live.one("SELECT count(*) FROM parcel_versions WHERE commune_code = %s",
                               (DEMO_COMMUNE,))
    assert server_versions >= 1 + len(moved.updated)

    b = checkout_wc("b")  # made after the edits: its history comes from the server only
    assert b.count("parcel_versions") == server_versions
    versions = _local_versions(b, target.uuid)
    assert versions, "the parcel's earlier version did not come with the check-out"
    first_version, first_landuse, first_geom = versions[0]
    assert first_landuse != "CLN" and shapely.equals_exact(first_geom, before, 1e-9)
    current = next(p for p in b.parcels() if p.uuid == target.uuid)
    assert current.landuse == "CLN" and current.version > first_version
    for uuid in moved.updated:  # the moved corner's parcels: old boundary kept, new one current
        kept = _local_versions(b, uuid)[-1][2]
        now = next(p for p in b.parcels() if p.uuid == uuid).geometry
        assert not shapely.equals_exact(kept, now, 1e-6)


def test_parcel_versions_are_paged_and_scoped(live, checkout_wc, client):
    a = checkout_wc("a")
    for landuse in ("CLN", "ONT", "LUK"):
        with a.operation("edit") as conn:
            conn.execute("UPDATE parcels SET landuse = ? WHERE fid IN "
                         "(SELECT fid FROM parcels ORDER BY fid LIMIT 3)", (landuse,))
        push(a, client)
    pages, after = [], 0
    while after is not None:
        page = client.get_json(f"/communes/{DEMO_COMMUNE}/parcel-versions",
                               params={"after": after, "limit": 4})
        pages.append(page["versions"])
        after = page["next_after"]
    ids = [v["id"] for page in pages for v in page]
    assert len(ids) == 9 and ids == sorted(ids) and len(pages) == 3
    assert all(page and page[0]["data"]["geometry"]["type"] == "Polygon" for page in pages)
    other = live.token("surveyor", ("313",))
    answer = client.session.get(f"{live.url}/communes/{DEMO_COMMUNE}/parcel-versions",
                                headers={"Authorization": f"Bearer {other}"}, timeout=10)
    assert answer.status_code == 403


def test_parents_that_live_on_only_as_versions_come_along(pg, tmp_path):
    """Splits recorded as registrations leave their parents only in the history (no current
    row): a check-out must bring those versions all the same, or the children lose their past."""
    seed = tmp_path / "seed.gpkg"
    generate(str(seed), parcels=120, seed=3, history_splits=2)
    with WorkingCopy.open(str(seed)) as wc:
        expected = wc.count("parcel_versions")
        orphans = wc.conn.execute("SELECT count(*) FROM parcel_versions v WHERE NOT EXISTS "
                                  "(SELECT 1 FROM parcels p WHERE p.uuid = v.uuid)").fetchone()[0]
    assert orphans, "the seed should hold parents that exist only as versions"
    with psycopg.connect(pg.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE history_seed")
    url = pg.url.rsplit("/", 1)[0] + "/history_seed"
    load.load(url, str(seed))
    server = LiveServer(url, tmp_path).start()
    try:
        with ApiClient(server.url, server.token("reader", ("312",))) as client:
            checkout(client, DEMO_COMMUNE, str(tmp_path / "wc.gpkg"))
    finally:
        server.stop()
    with WorkingCopy.open(str(tmp_path / "wc.gpkg")) as wc:
        assert wc.count("parcel_versions") == expected
