"""The working copy GeoPackage: creation, refusal of bad input, migration, journal triggers."""
import hashlib
import sqlite3
import subprocess

import pytest
import shapely

from cadastre_plugin.core import gpkg, schema
from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.working_copy import WorkingCopy, WorkingCopyError, is_working_copy

COMMUNE = Commune("11686", "Xã Thử", 9210, province_name="Thành phố Hải Phòng")


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_square(wc, conn, x, y, no, uid=None, size=20.0):
    wc.add_parcels(conn, [shapely.box(x, y, x + size, y + size)], {
        "uuid": [uid], "commune_code": [COMMUNE.code], "sheet_no": [1], "parcel_no": [no],
        "area": [size * size], "landuse": ["ONT"]})


def test_created_file_is_a_standard_geopackage(tmp_path):
    path = tmp_path / "wc.gpkg"
    WorkingCopy.create(str(path), COMMUNE).close()
    # GDAL, an independent reader, sees our layers, their CRS and the attribute tables.
    out = subprocess.run(["ogrinfo", "-ro", "-q", str(path)], capture_output=True, text=True,
                         check=True).stdout
    for layer in ("parcels (Polygon)", "map_sheets (Polygon)", "parcel_versions (Polygon)",
                  "parties", "rights", "restrictions", "certificates", "transactions", "journal",
                  "sync_state"):
        assert layer in out, out
    srs = subprocess.run(["ogrinfo", "-ro", "-so", str(path), "parcels"], capture_output=True,
                         text=True, check=True).stdout
    assert 'ID["EPSG",9210]' in srs or "TM-3 105-45" in srs
    with WorkingCopy.open(str(path)) as wc:
        assert wc.schema_version == schema.SCHEMA_VERSION
        assert wc.commune.crs_epsg == 9210
        assert wc.commune.name == "Xã Thử"


def test_spatial_index_follows_inserts_updates_and_deletes(tmp_path):
    with WorkingCopy.create(str(tmp_path / "wc.gpkg"), COMMUNE) as wc:
        with wc.operation("test") as conn:
            add_square(wc, conn, 588000, 2309000, 1, "a")
        fid = wc.conn.execute("SELECT fid FROM parcels").fetchone()[0]
        blob = gpkg.encode([shapely.box(588100, 2309100, 588130, 2309140)], 9210)[0]
        with wc.operation("test") as conn:
            conn.execute("UPDATE parcels SET geom=? WHERE fid=?", (blob, fid))
        assert wc.conn.execute("SELECT minx, maxx, miny, maxy FROM rtree_parcels_geom "
                               "WHERE id=?", (fid,)).fetchone() == (588100, 588130, 2309100, 2309140)
        with wc.operation("test") as conn:
            conn.execute("DELETE FROM parcels WHERE fid=?", (fid,))
        assert wc.count("rtree_parcels_geom") == 0


def test_geometry_blobs_round_trip():
    geoms = [shapely.box(0, 0, 1, 2), None, shapely.Polygon(), shapely.Point(3, 4)]
    blobs = gpkg.encode(geoms, 9210)
    assert blobs[1] is None
    back = gpkg.decode(blobs)
    assert back[0].equals(geoms[0]) and back[1] is None and back[2].is_empty
    assert back[3].equals(geoms[3])
    assert gpkg.blob_bounds(blobs[0]) == (0, 1, 0, 2)


@pytest.mark.parametrize("content,code", [
    (None, "wc.missing"),
    (b"not a database at all", "wc.not_gpkg"),
])
def test_bad_files_are_refused_with_a_clear_message(tmp_path, content, code):
    path = tmp_path / "x.gpkg"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(WorkingCopyError) as err:
        WorkingCopy.open(str(path))
    assert err.value.code == code
    assert str(path) in err.value.en and str(path) in err.value.vi
    if content is not None:
        assert path.read_bytes() == content
    assert not is_working_copy(str(path))


def test_foreign_geopackage_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(path), "/vsimem/none.geojson"],
                   capture_output=True)
    if not path.exists():  # make one with GDAL's own writer
        from osgeo import ogr, osr
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(9210)
        ds.CreateLayer("roads", srs, ogr.wkbLineString)
        ds = None
    before = digest(path)
    with pytest.raises(WorkingCopyError) as err:
        WorkingCopy.open(str(path))
    assert err.value.code == "wc.not_working_copy"
    assert "import" in err.value.en
    assert digest(path) == before


def test_plain_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "plain.sqlite"
    sqlite3.connect(str(path)).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(WorkingCopyError) as err:
        WorkingCopy.open(str(path))
    assert err.value.code == "wc.not_gpkg"


def test_newer_schema_is_refused_and_file_unchanged(tmp_path):
    path = tmp_path / "future.gpkg"
    WorkingCopy.create(str(path), COMMUNE).close()
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE cadastre_meta SET value=? WHERE key='schema_version'",
                 (str(schema.SCHEMA_VERSION + 5),))
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(WorkingCopyError) as err:
        WorkingCopy.open(str(path))
    assert err.value.code == "wc.newer_schema"
    assert "newer" in err.value.en and "mới hơn" in err.value.vi
    assert digest(path) == before


def test_old_schema_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.gpkg"
    WorkingCopy.create(str(path), COMMUNE, schema_version=1).close()
    with pytest.raises(WorkingCopyError) as err:
        WorkingCopy.open(str(path), migrate=False)
    assert err.value.code == "wc.old_schema"
    with WorkingCopy.open(str(path)) as wc:
        assert wc.schema_version == schema.SCHEMA_VERSION
        with wc.operation("edit") as conn:
            add_square(wc, conn, 588000, 2309000, 1, "m1")
        assert wc.count("journal") == 1  # the migrated file journals edits


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "wc.gpkg"
    WorkingCopy.create(str(path), COMMUNE).close()
    before = digest(path)
    with pytest.raises(WorkingCopyError) as err:
        WorkingCopy.create(str(path), COMMUNE)
    assert err.value.code == "wc.exists"
    assert digest(path) == before


def test_operation_journals_each_row_change_under_one_op(tmp_path):
    with WorkingCopy.create(str(tmp_path / "wc.gpkg"), COMMUNE) as wc:
        with wc.operation("merge", actor="surveyor1") as conn:
            add_square(wc, conn, 588000, 2309000, 1, "p1")
            add_square(wc, conn, 588020, 2309000, 2, "p2")
            conn.execute("UPDATE parcels SET landuse='CLN' WHERE uuid='p1'")
            conn.execute("DELETE FROM parcels WHERE uuid='p2'")
        entries = wc.journal_entries()
        assert [e["action"] for e in entries] == ["delete", "update", "insert", "insert"]
        assert {e["operation"] for e in entries} == {"merge"}
        assert {e["actor"] for e in entries} == {"surveyor1"}
        assert len({e["op_id"] for e in entries}) == 1
        update = entries[1]
        assert update["old"]["landuse"] == "ONT" and update["new"]["landuse"] == "CLN"
        # the geometry is journalled as the hex of its GeoPackage blob
        geom = gpkg.decode([bytes.fromhex(entries[0]["old"]["geom"])])[0]
        assert geom.equals(shapely.box(588020, 2309000, 588040, 2309020))
        # the context is reset: a later plain write is an 'edit' with no op_id
        wc.conn.execute("UPDATE parcels SET landuse='LUC' WHERE uuid='p1'")
        newest = wc.journal_entries(limit=1)[0]
        assert newest["operation"] == "edit" and newest["op_id"] is None


def test_unchanged_rewrite_is_not_journalled(tmp_path):
    """OGR rewrites every column of an edited feature; a rewrite with equal values is no edit."""
    with WorkingCopy.create(str(tmp_path / "wc.gpkg"), COMMUNE) as wc:
        with wc.operation("load", journal=False) as conn:
            add_square(wc, conn, 588000, 2309000, 1, "p1")
        wc.conn.execute("UPDATE parcels SET landuse=landuse, geom=geom")
        assert wc.count("journal") == 0


def test_rolled_back_operation_leaves_no_journal_entry(tmp_path):
    path = tmp_path / "wc.gpkg"
    with WorkingCopy.create(str(path), COMMUNE) as wc:
        with pytest.raises(sqlite3.IntegrityError):
            with wc.operation("split") as conn:
                add_square(wc, conn, 588000, 2309000, 1, "p1")
                conn.execute("UPDATE parcels SET parcel_no = 0")  # violates CHECK (parcel_no > 0)
    with WorkingCopy.open(str(path)) as wc:
        assert wc.count("parcels") == 0 and wc.count("journal") == 0
        assert wc.conn.execute("SELECT op_id, operation FROM journal_context").fetchone() == (None, None)


def test_parcel_inserted_without_uuid_gets_one(tmp_path):
    """QGIS's own add-feature tool does not know our UUID column: the trigger fills it."""
    with WorkingCopy.create(str(tmp_path / "wc.gpkg"), COMMUNE) as wc:
        wc.conn.execute("INSERT INTO parcels (commune_code, sheet_no, parcel_no) VALUES (?, 1, 9)",
                        (COMMUNE.code,))
        uid = wc.conn.execute("SELECT uuid FROM parcels").fetchone()[0]
        assert len(uid) == 36 and uid[14] == "4" and uid[19] in "89ab"
        (entry,) = wc.journal_entries()
        assert entry["action"] == "insert" and entry["parcel_uuid"] == uid
        assert entry["new"]["uuid"] == uid


def test_journal_survives_reopen(tmp_path):
    path = tmp_path / "wc.gpkg"
    with WorkingCopy.create(str(path), COMMUNE) as wc:
        with wc.operation("import") as conn:
            add_square(wc, conn, 588000, 2309000, 1, "p1")
    with WorkingCopy.open(str(path)) as wc:
        (entry,) = wc.journal_entries()
        assert entry["operation"] == "import" and entry["parcel_uuid"] == "p1"
        assert wc.summary()["journal_unpushed"] == 1


def test_committed_styles_match_the_schema():
    """The .qml files are generated by scripts/make_styles.py: they must follow schema changes."""
    import xml.etree.ElementTree as ET

    from cadastre_plugin.core.working_copy import STYLES_DIR

    for table, columns in ((schema.PARCEL_LAYER, schema.PARCEL_COLUMNS),
                           (schema.PARCEL_VERSIONS_LAYER, schema.PARCEL_COLUMNS)):
        root = ET.parse(STYLES_DIR / f"{table}.qml").getroot()
        aliases = {a.get("field"): a.get("name") for a in root.iter("alias")}
        for c in columns:
            assert aliases.get(c.name) == c.alias_vi, (table, c.name)
