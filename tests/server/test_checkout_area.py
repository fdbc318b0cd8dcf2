"""Check-out of a district or a bounding box against the real server: counts equal to what
PostGIS says is in the area, district scope of tokens, one TM-3 zone per working copy, and
pull/push round trips of a working copy holding several communes; the CLI's exit codes."""
import json

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.demo import generate
from cadastre_plugin.core.sync import AuthFailed, SyncError, checkout, pull, push, status
from cadastre_plugin.core.working_copy import WorkingCopy
from server import load

from conftest import DEMO_COMMUNE, OTHER_COMMUNE
from test_cli_sync import cadastre

NEIGHBOUR = "11690"  # a second commune of district 312, 3 km north of the demo commune


@pytest.fixture(scope="module")
def neighbour_gpkg(tmp_path_factory):
    path = tmp_path_factory.mktemp("neighbour") / "neighbour.gpkg"
    generate(str(path), parcels=30, seed=9)
    with WorkingCopy.open(str(path)) as wc, wc.operation("fixture", journal=False) as conn:
        conn.execute("UPDATE communes SET code = ?, name = 'Xã Bên Cạnh'", (NEIGHBOUR,))
        conn.execute("UPDATE cadastre_meta SET value = ? WHERE key = 'commune_code'",
                     (NEIGHBOUR,))
        for table in ("parcels", "map_sheets"):
            rows = conn.execute(f"SELECT fid, geom FROM {table}").fetchall()
            moved = shapely.transform(gpkg.decode([r[1] for r in rows]),
                                      lambda xy: xy + [0.0, 3_000.0])
            conn.executemany(f"UPDATE {table} SET geom = ?, commune_code = ? WHERE fid = ?",
                             [(b, NEIGHBOUR, r[0]) for b, r in
                              zip(gpkg.encode(moved, 9210), rows)])
    return path


@pytest.fixture
def district(live, neighbour_gpkg):
    load.load(live.db, str(neighbour_gpkg))
    return live


def _count(live, table: str, communes) -> int:
    return live.one(f"SELECT count(*) FROM {table} WHERE commune_code = ANY(%s)",
                    (list(communes),))


def _box(live, commune: str, fraction: float = 0.3) -> list:
    """A TM-3 box over the south-west part of a commune's parcels."""
    x0, y0, x1, y1 = live.sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                              "(SELECT ST_Extent(geom) AS e FROM parcels WHERE commune_code = %s)"
                              " q", (commune,))[0]
    return [x0, y0, x0 + (x1 - x0) * fraction, y0 + (y1 - y0) * fraction]


def _in_box(live, box, crs="EPSG:9210") -> set:
    """What PostGIS says intersects the box (given in lon/lat: reprojected, edges densified)."""
    shape = shapely.segmentize(shapely.box(*box), (box[2] - box[0]) / 16)
    if crs != "EPSG:9210":
        to = Transformer.from_crs(crs, 9210, always_xy=True)
        shape = shapely.transform(shape, lambda xy: np.column_stack(to.transform(*xy.T)))
    return {r[0] for r in live.sql("SELECT uuid FROM parcels WHERE ST_SRID(geom) = 9210 AND "
                                   "ST_Intersects(geom, ST_GeomFromWKB(%s, 9210))",
                                   (shapely.to_wkb(shape),))}


def test_district_checkout_then_pull_and_push_across_its_communes(district, token, client,
                                                                 tmp_path):
    live = district
    path = tmp_path / "district.gpkg"
    summary = checkout(client, path=str(path), district="312")
    both = (DEMO_COMMUNE, NEIGHBOUR)
    assert summary["communes"] == list(both)
    assert summary["parcels"] == _count(live, "parcels", both)
    assert summary["parties"] == _count(live, "parties", both)
    assert summary["rights"] == _count(live, "rights", both)
    assert summary["sheets"] == _count(live, "map_sheets", both)
    assert summary["documents_pending"] == 0
    with WorkingCopy.open(str(path)) as wc:
        assert {r[0] for r in wc.conn.execute("SELECT code FROM communes")} == set(both)
        st = status(wc)
        assert st["area"] == {"district": "312"} and set(st["communes"]) == set(both)
        # One edit in each commune, one push.
        pick = {c: wc.conn.execute("SELECT uuid FROM parcels WHERE commune_code = ? LIMIT 1",
                                   (c,)).fetchone()[0] for c in both}
        with wc.operation("edit") as conn:
            conn.executemany("UPDATE parcels SET address = ? WHERE uuid = ?",
                             [(f"đổi {c}", u) for c, u in pick.items()])
        result = push(wc, client)
        assert result.changesets == 1 and result.changes == 2
        for c, u in pick.items():
            assert live.one("SELECT address FROM parcels WHERE uuid = %s", (u,)) == f"đổi {c}"
            assert live.one("SELECT commune_code FROM change_log WHERE revision = %s AND "
                            "key->>'uuid' = %s", (result.revision, u)) == c

        # A single-commune copy of the neighbour sees the change, edits, pushes ...
        one = tmp_path / "neighbour.gpkg"
        checkout(client, NEIGHBOUR, str(one))
        with WorkingCopy.open(str(one)) as n:
            assert n.conn.execute("SELECT address FROM parcels WHERE uuid = ?",
                                  (pick[NEIGHBOUR],)).fetchone()[0] == f"đổi {NEIGHBOUR}"
            with n.operation("edit") as conn:
                conn.execute("UPDATE parcels SET address = 'từ xã' WHERE uuid = ?",
                             (pick[NEIGHBOUR],))
            push(n, client)
        # ... and the district copy pulls it (the neighbour's log, since its own revision).
        got = pull(wc, client)
        assert got.received == 3 and got.applied == 2 and not got.conflicts  # + our echo
        assert wc.conn.execute("SELECT address FROM parcels WHERE uuid = ?",
                               (pick[NEIGHBOUR],)).fetchone()[0] == "từ xã"
        assert status(wc)["rows_pending"] == 0


def test_bbox_checkout_holds_the_whole_parcels_it_touches(district, token, client, tmp_path):
    live = district
    box = _box(live, DEMO_COMMUNE)
    expected = _in_box(live, box)
    assert 0 < len(expected) < _count(live, "parcels", [DEMO_COMMUNE])
    path = tmp_path / "box.gpkg"
    summary = checkout(client, path=str(path), bbox=box, bbox_crs="EPSG:9210")
    assert summary["communes"] == [DEMO_COMMUNE]
    with WorkingCopy.open(str(path)) as wc:
        got = {r[0] for r in wc.conn.execute("SELECT uuid FROM parcels")}
        assert got == expected
        rights = {r[0] for r in wc.conn.execute("SELECT uuid FROM rights")}
        assert rights == {r[0] for r in live.sql(
            "SELECT uuid FROM rights WHERE parcel_uuid = ANY(%s)", (sorted(expected),))}
        # Whole parcels: areas as on the server, not clipped by the box.
        server_area = live.one("SELECT sum(ST_Area(geom)) FROM parcels WHERE uuid = ANY(%s)",
                               (sorted(expected),))
        local_area = sum(g.area for g in gpkg.decode(
            [r[0] for r in wc.conn.execute("SELECT geom FROM parcels")]))
        assert local_area == pytest.approx(server_area)
        assert status(wc)["area"]["bbox"] == box
        # A parcel of the box changed elsewhere comes with a pull; one outside does not.
        inside = sorted(expected)[0]
        outside = live.one("SELECT uuid FROM parcels WHERE commune_code = %s AND NOT "
                           "(uuid = ANY(%s)) LIMIT 1", (DEMO_COMMUNE, sorted(expected)))
        other = tmp_path / "whole.gpkg"
        checkout(client, DEMO_COMMUNE, str(other), documents=False)
        with WorkingCopy.open(str(other)) as w:
            with w.operation("edit") as conn:
                conn.executemany("UPDATE parcels SET address = 'mới' WHERE uuid = ?",
                                 [(inside,), (outside,)])
            push(w, client)
        result = pull(wc, client)
        assert result.applied == 1
        assert {r[0] for r in wc.conn.execute("SELECT uuid FROM parcels")} == expected

    # The same area given in longitude/latitude (EPSG:4326).
    back = Transformer.from_crs(9210, 4326, always_xy=True)
    lons, lats = back.transform([box[0], box[2]], [box[1], box[3]])
    lonlat = [lons[0], lats[0], lons[1], lats[1]]
    path = tmp_path / "lonlat.gpkg"
    summary = checkout(client, path=str(path), bbox=lonlat)
    assert summary["parcels"] == len(_in_box(live, lonlat, "EPSG:4326")) > 0


def test_area_scope_and_zone_refusals(district, token, client, tmp_path):
    live = district
    with pytest.raises(AuthFailed) as err:
        checkout(client, path=str(tmp_path / "x.gpkg"), district="313")
    assert "403" in err.value.en and "313" in err.value.vi
    # A box from the demo commune to the other district's commune, 30 km east.
    west, east = _box(live, DEMO_COMMUNE, 1.0), _box(live, OTHER_COMMUNE, 1.0)
    with pytest.raises(AuthFailed) as err:
        checkout(client, path=str(tmp_path / "x.gpkg"), bbox=[west[0], west[1], east[2], east[3]],
                 bbox_crs="EPSG:9210")
    assert OTHER_COMMUNE in err.value.en and "ngoài phạm vi" in err.value.vi
    with pytest.raises(SyncError) as err:
        checkout(client, path=str(tmp_path / "x.gpkg"), bbox=[106.5, 20.9, 106.4, 21.0])
    assert err.value.code == "sync.http_422" and "min" in err.value.en
    with pytest.raises(SyncError) as err:  # metres given as degrees
        checkout(client, path=str(tmp_path / "x.gpkg"), bbox=west)
    assert "swapped" in err.value.en
    live.sql("UPDATE communes SET crs_epsg = 9211 WHERE code = %s", (NEIGHBOUR,))
    with pytest.raises(SyncError) as err:
        checkout(client, path=str(tmp_path / "x.gpkg"), district="312")
    assert "EPSG:9210, EPSG:9211" in err.value.en and "múi chiếu" in err.value.vi
    assert not list(tmp_path.glob("x.gpkg*"))
    with pytest.raises(SyncError) as err:
        checkout(client, DEMO_COMMUNE, str(tmp_path / "x.gpkg"), district="312")
    assert err.value.code == "sync.area"


def test_cli_checkout_of_an_area_and_exit_codes(district, token, tmp_path):
    live = district
    a = tmp_path / "d.gpkg"
    got = cadastre("checkout", live.url, "--district", "312", "--no-documents", a, "--json",
                   token=token)
    assert got.returncode == 0, got.stderr
    summary = json.loads(got.stdout)
    assert summary["parcels"] == _count(live, "parcels", (DEMO_COMMUNE, NEIGHBOUR))
    st = json.loads(cadastre("status", a, "--json").stdout)
    assert st["documents_pending_download"] == summary["documents_pending"] > 0
    got = cadastre("pull", a, "--json", token=token)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["documents_downloaded"] == summary["documents_pending"]
    box = ",".join(map(str, _box(live, DEMO_COMMUNE)))
    got = cadastre("checkout", live.url, "--bbox", box, "--bbox-crs", "EPSG:9210",
                   tmp_path / "b.gpkg", "--json", token=token)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["parcels"] == len(_in_box(live, _box(live, DEMO_COMMUNE)))
    refused = cadastre("checkout", live.url, "--district", "313", tmp_path / "c.gpkg",
                       token=token)
    assert refused.returncode == 2 and "313" in refused.stderr
    bad = cadastre("checkout", live.url, "--bbox", "1,2,3", tmp_path / "c.gpkg", token=token)
    assert bad.returncode == 2 and "four numbers" in bad.stderr
    both = cadastre("checkout", live.url, "--commune", DEMO_COMMUNE, "--district", "312",
                    tmp_path / "c.gpkg", token=token)
    assert both.returncode == 2
    assert not (tmp_path / "c.gpkg").exists()
