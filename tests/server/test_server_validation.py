"""The rules, on both sides: the working copy refuses to send an invalid change set (with the
reasons); the server re-validates against the neighbours in PostGIS and refuses a change set
with one bad parcel as a whole (nothing applied), with a machine-readable list."""
import json

import pytest
import requests
import shapely

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.sync import Rejected, changeset, push, status

RULE_KEYS = {"rule", "parcel", "label", "geometry", "message_en", "message_vi"}


def _post(live, token, body: dict):
    return requests.post(live.url + "/changesets", json=body, timeout=30,
                         headers={"Authorization": f"Bearer {token}"})


def _neighbours(wc):
    """Two parcels that share a boundary."""
    parcels = wc.parcels()
    for p in parcels:
        for q in parcels:
            if p.uuid < q.uuid and p.geometry.intersection(q.geometry).length > 5:
                return p, q
    raise AssertionError("no neighbours in the demo")


def _move_into(wc, p, q, distance=3.0):
    """Shifts p towards q so that the two overlap by a strip a few metres wide."""
    dx, dy = (q.geometry.centroid.x - p.geometry.centroid.x,
              q.geometry.centroid.y - p.geometry.centroid.y)
    norm = (dx * dx + dy * dy) ** 0.5
    moved = shapely.affinity.translate(p.geometry, dx / norm * distance, dy / norm * distance)
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET geom = ? WHERE uuid = ?",
                     (gpkg.encode([moved], 9210)[0], p.uuid))
    return moved


def test_working_copy_refuses_to_send_an_overlap(live, checkout_wc, client):
    a = checkout_wc("a")
    p, q = _neighbours(a)
    _move_into(a, p, q)
    revision = live.one("SELECT max(revision) FROM change_log")
    with pytest.raises(Rejected) as err:
        push(a, client)
    assert err.value.exit_code == 4 and not err.value.by_server
    overlaps = [v for v in err.value.violations if v["rule"] == "CAD-OVERLAP"]
    assert overlaps and overlaps[0]["parcel"] in (p.uuid, q.uuid)
    assert overlaps[0]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert overlaps[0]["message_vi"] and overlaps[0]["message_en"]
    assert live.one("SELECT max(revision) FROM change_log") == revision  # nothing sent
    assert status(a)["outbox_changeset"] is None


def test_server_refuses_the_whole_changeset_for_one_bad_parcel(live, token, checkout_wc):
    a = checkout_wc("a")
    history = live.one("SELECT count(*) FROM parcel_versions")
    revision = live.one("SELECT max(revision) FROM change_log")
    p, q = _neighbours(a)
    good = next(x for x in a.parcels() if x.uuid not in (p.uuid, q.uuid))
    with a.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'hợp lệ' WHERE uuid = ?", (good.uuid,))
    _move_into(a, p, q)
    body = changeset.build(a)["body"]  # built, but not checked locally: straight to the server
    answer = _post(live, token, body)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    found = answer.json()["violations"]
    assert {v["rule"] for v in found} >= {"CAD-OVERLAP"}
    assert all(RULE_KEYS <= set(v) for v in found)
    overlap = next(v for v in found if v["rule"] == "CAD-OVERLAP")
    assert shapely.from_geojson(json.dumps(overlap["geometry"])).area > 1
    # Nothing of it applied: not the good parcel, not the history, not the log.
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (good.uuid,)) != "hợp lệ"
    assert live.one("SELECT count(*) FROM changesets") == 0
    assert live.one("SELECT count(*) FROM parcel_versions") == history
    assert live.one("SELECT max(revision) FROM change_log") == revision
    assert live.sql("SELECT outcome, status FROM audit_log") == [("rejected", 422)]


def test_server_checks_attributes_numbers_and_shares(live, token, checkout_wc):
    a = checkout_wc("a")
    p1, p2 = a.parcels()[:2]
    right, party = a.conn.execute(
        "SELECT right_uuid, party_uuid FROM right_shares WHERE right_uuid IN (SELECT right_uuid "
        "FROM right_shares GROUP BY right_uuid HAVING count(*) = 1) LIMIT 1").fetchone()
    with a.operation("edit") as conn:
        conn.execute("UPDATE parcels SET landuse = 'XYZ' WHERE uuid = ?", (p1.uuid,))
        conn.execute("UPDATE parcels SET sheet_no = ?, parcel_no = ? WHERE uuid = ?",
                     (p1.sheet_no, p1.parcel_no, p2.uuid))
        conn.execute("UPDATE right_shares SET share = '1/2' WHERE right_uuid = ?", (right,))
    answer = _post(live, token, changeset.build(a)["body"])
    assert answer.status_code == 422
    rules = {v["rule"] for v in answer.json()["violations"]}
    assert {"landuse.unknown_code", "parcel.number_duplicate", "shares.sum"} <= rules


def test_errors_that_were_already_there_do_not_block(live, token, checkout_wc, client):
    """An overlap already in the central database is not the fault of an address change."""
    a = checkout_wc("a")
    p, q = _neighbours(a)
    moved = _move_into(a, p, q)  # make the overlap on the server, as legacy data
    live.sql("UPDATE parcels SET geom = ST_SetSRID(ST_GeomFromText(%s), 9210) WHERE uuid = %s",
             (moved.wkt, p.uuid))
    with a.operation("edit") as conn:  # and forget it locally: the copy mirrors the server
        conn.execute("UPDATE journal SET confirmed_at = 'x'")
        conn.execute("UPDATE parcels SET address = 'Thôn Bắc' WHERE uuid = ?", (q.uuid,))
    result = push(a, client)
    assert result.changesets == 1
    assert live.one("SELECT address FROM parcels WHERE uuid = %s", (q.uuid,)) == "Thôn Bắc"
