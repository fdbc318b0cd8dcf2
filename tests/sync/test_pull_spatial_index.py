"""A pull writes the GeoPackage R-trees itself (the standard triggers are set aside during the
bulk write for speed): afterwards the R-trees of parcels and of their history must hold exactly
the boxes the standard triggers would have written, and the triggers must be back."""
import numpy as np
import pytest
import shapely
from shapely import affinity

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.sync import rows as wire_rows
from cadastre_plugin.core.sync import state
from cadastre_plugin.core.sync.pull import apply
from cadastre_plugin.core.working_copy import WorkingCopy


@pytest.fixture
def wc(demo_path):
    with WorkingCopy.open(str(demo_path)) as wc:
        state.ensure_tables(wc)
        yield wc


def _triggers(wc) -> dict:
    return dict(wc.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'rtree_%'"))


def _as_stored(wc, bounds: np.ndarray) -> list:
    """minx, maxx, miny, maxy as SQLite's R-tree stores them (32-bit, rounded outwards its own
    way): written through a temporary R-tree of the same kind and read back."""
    wc.conn.execute("CREATE VIRTUAL TABLE temp.expected USING rtree(id, minx, maxx, miny, maxy)")
    try:
        wc.conn.executemany("INSERT INTO temp.expected VALUES (?, ?, ?, ?, ?)",
                            [(i, b[0], b[2], b[1], b[3]) for i, b in enumerate(bounds.tolist())])
        return [r[1:] for r in wc.conn.execute("SELECT * FROM temp.expected ORDER BY id")]
    finally:
        wc.conn.execute("DROP TABLE temp.expected")


def _assert_index_matches(wc, table: str) -> None:
    rows = wc.conn.execute(f"SELECT fid, geom FROM {table} ORDER BY fid").fetchall()
    geoms = gpkg.decode([r[1] for r in rows])
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    fids = np.array([r[0] for r in rows])[present]
    expected = _as_stored(wc, shapely.bounds(geoms[present]))
    index = wc.conn.execute(f"SELECT id, minx, maxx, miny, maxy FROM rtree_{table}_geom "
                            "ORDER BY id").fetchall()
    assert [r[0] for r in index] == fids.tolist(), f"{table}: R-tree rows and features differ"
    assert [r[1:] for r in index] == expected, f"{table}: an R-tree box is not the feature's"


def _change(wc, fid, version, **data):
    row = wire_rows.read(wc.conn, "parcels", [fid])[fid]
    key, wire = wire_rows.to_wire("parcels", [row])[0]
    return {"revision": 9, "table": "parcels", "action": "upsert", "key": key,
            "version": version, "data": dict(wire, **data)}


def test_pulled_boundaries_history_and_deletions_keep_the_r_trees_exact(wc):
    before = _triggers(wc)
    fids = [r[0] for r in wc.conn.execute("SELECT fid FROM parcels ORDER BY fid LIMIT 4")]
    moved_fid, renamed_fid, emptied_fid, retired_fid = fids
    moved = affinity.translate(gpkg.decode([wc.conn.execute(
        "SELECT geom FROM parcels WHERE fid = ?", (moved_fid,)).fetchone()[0]])[0], 5000, 0)
    retired_key = wire_rows.to_wire("parcels", [wire_rows.read(wc.conn, "parcels",
                                                               [retired_fid])[retired_fid]])[0][0]
    changes = [
        _change(wc, moved_fid, 2, geometry={"type": "Polygon", "coordinates": [
            [list(c) for c in moved.exterior.coords]]}),
        _change(wc, renamed_fid, 2, address="Chỉ đổi địa chỉ"),
        _change(wc, emptied_fid, 2, geometry=None),
        {"revision": 9, "table": "parcels", "action": "delete", "key": retired_key,
         "version": None, "data": None},
    ]
    versions_before = wc.count("parcel_versions")
    result = apply(wc, {"head": 9, "crs": "EPSG:9210", "changes": changes})

    assert result.applied == 4
    assert _triggers(wc) == before  # the standard triggers are back, unchanged
    assert wc.count("parcel_versions") == versions_before + 4  # 3 replaced, 1 retired
    _assert_index_matches(wc, "parcels")
    _assert_index_matches(wc, "parcel_versions")
    # The moved parcel is found at its new place through the index, and no longer at the old.
    minx, miny, maxx, maxy = moved.bounds
    found = {r[0] for r in wc.conn.execute(
        "SELECT id FROM rtree_parcels_geom WHERE minx <= ? AND maxx >= ? AND miny <= ? AND "
        "maxy >= ?", (maxx, minx, maxy, miny))}
    assert found == {moved_fid}


def test_an_edit_after_a_pull_still_updates_the_r_tree(wc):
    """The triggers put back after a pull work for the next edit made in QGIS or the tools."""
    fid = wc.conn.execute("SELECT fid FROM parcels ORDER BY fid LIMIT 1").fetchone()[0]
    apply(wc, {"head": 3, "crs": "EPSG:9210",
               "changes": [_change(wc, fid, 2, address="Kéo về")]})
    geom = gpkg.decode([wc.conn.execute("SELECT geom FROM parcels WHERE fid = ?",
                                        (fid,)).fetchone()[0]])[0]
    with wc.operation("edit") as conn:
        conn.execute("UPDATE parcels SET geom = ? WHERE fid = ?",
                     (gpkg.encode([affinity.translate(geom, 0, 3000)], 9210)[0], fid))
    _assert_index_matches(wc, "parcels")
