"""Applying pulled changes to a real working copy: one transaction, never overwriting a row with
unpushed local changes, and GeoJSON geometry that round-trips bit for bit."""
import hashlib
import json
from pathlib import Path

import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from cadastre_plugin.core.sync import list_conflicts, state
from cadastre_plugin.core.sync.geojson import from_geojson, to_geojson
from cadastre_plugin.core.sync.pull import apply
from cadastre_plugin.core.sync import rows as wire_rows
from cadastre_plugin.core.working_copy import WorkingCopy


@pytest.fixture
def wc(demo_path):
    with WorkingCopy.open(str(demo_path)) as wc:
        state.ensure_tables(wc)
        yield wc


def _wire(wc, uuid):
    fid = wc.conn.execute("SELECT fid FROM parcels WHERE uuid = ?", (uuid,)).fetchone()[0]
    key, data = wire_rows.to_wire("parcels", [wire_rows.read(wc.conn, "parcels", [fid])[fid]])[0]
    return key, data


def _change(key, data, version, table="parcels"):
    return {"revision": 5, "table": table, "action": "upsert", "key": key, "version": version,
            "data": data}


def test_applies_rows_versions_and_keeps_history(wc):
    uuid = wc.parcels()[0].uuid
    key, data = _wire(wc, uuid)
    data = dict(data, address="Từ máy chủ")
    result = apply(wc, {"head": 5, "crs": "EPSG:9210", "changes": [_change(key, data, 2)]})
    assert result.applied == 1 and result.conflicts == []
    assert wc.conn.execute("SELECT address, version FROM parcels WHERE uuid = ?",
                           (uuid,)).fetchone() == ("Từ máy chủ", 2)
    assert wc.count("parcel_versions", f"WHERE uuid = '{uuid}'") == 1
    assert state.last_pulled(wc.conn) == 5
    assert wc.count("journal") == 0  # the server's changes are not local edits


def test_local_pending_change_is_not_overwritten(wc):
    uuid = wc.parcels()[0].uuid
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'Của tôi' WHERE uuid = ?", (uuid,))
    key, data = _wire(wc, uuid)
    theirs = dict(data, address="Của họ")
    result = apply(wc, {"head": 6, "crs": "EPSG:9210", "changes": [_change(key, theirs, 2)]})
    assert result.conflicts == [{"table": "parcels", "key": key}]
    assert wc.conn.execute("SELECT address FROM parcels WHERE uuid = ?",
                           (uuid,)).fetchone()[0] == "Của tôi"
    [c] = list_conflicts(wc)
    assert c["mine"]["data"]["address"] == "Của tôi"
    assert c["theirs"]["data"]["address"] == "Của họ" and c["theirs_version"] == 2


def test_the_same_change_on_both_sides_is_no_conflict(wc):
    uuid = wc.parcels()[0].uuid
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET address = 'Cùng nhau' WHERE uuid = ?", (uuid,))
    key, data = _wire(wc, uuid)
    result = apply(wc, {"head": 6, "crs": "EPSG:9210", "changes": [_change(key, data, 2)]})
    assert result.conflicts == []
    assert state.versions(wc.conn, "parcels", ['{"uuid":"%s"}' % uuid]) == {
        '{"uuid":"%s"}' % uuid: 2}


def test_a_failing_pull_changes_nothing(wc):
    """One bad row (rejected by the working copy's own CHECK) rolls the whole pull back."""
    digest = hashlib.sha256(Path(wc.path).read_bytes()).hexdigest()
    p, q = wc.parcels()[:2]
    good_key, good = _wire(wc, p.uuid)
    bad_key, bad = _wire(wc, q.uuid)
    changes = [_change(good_key, dict(good, address="mới"), 2),
               _change(bad_key, dict(bad, sheet_no=-1), 2)]
    with pytest.raises(Exception):
        apply(wc, {"head": 9, "crs": "EPSG:9210", "changes": changes})
    assert hashlib.sha256(Path(wc.path).read_bytes()).hexdigest() == digest
    assert state.last_pulled(wc.conn) == 0


def test_a_commune_in_another_crs_is_refused(wc):
    with pytest.raises(Exception) as err:
        apply(wc, {"head": 1, "crs": "EPSG:9209", "changes": []})
    assert "EPSG:9209" in str(err.value)


coordinate = st.floats(min_value=100_000, max_value=900_000, allow_nan=False)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(coordinate, coordinate), min_size=3, max_size=12))
def test_geojson_round_trip_is_exact(points):
    ring = points + [points[0]]
    poly = shapely.Polygon(ring)
    [shape] = to_geojson([poly])
    back = from_geojson([json.loads(json.dumps(shape))])[0]
    assert back.wkb == poly.wkb
