"""Just enough of the OGC GeoPackage standard (1.3) to write and read working copies with sqlite3.

The core writes GeoPackages itself rather than through GDAL so that it stays pure Python and
can bulk-load 640,000 parcels with vectorised shapely. What it writes is a standard GeoPackage:
QGIS, GDAL and any other GeoPackage reader open it as usual, and the spatial index triggers it
creates are the standard ones, so edits made by QGIS keep the index right.
"""
from __future__ import annotations

import sqlite3
import struct
from contextlib import contextmanager
from typing import Iterable, Sequence

import numpy as np
import shapely

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10300  # GeoPackage 1.3.0

# Geometry blob header: magic, version, flags, srs_id, then an optional envelope.
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}
_HEADER = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
                    ("env", "<f8", (4,))])
# flags: little-endian (bit 0) + xy envelope (envelope indicator 1 in bits 1-3).
_FLAGS_XY_LE = 0b0000_0011
_FLAG_EMPTY = 0b0001_0000


def encode(geoms: Sequence, srs_id: int) -> list:
    """GeoPackage geometry blobs for an array of shapely geometries (None stays None)."""
    geoms = np.asarray(geoms, dtype=object)
    out = [None] * len(geoms)
    present = ~shapely.is_missing(geoms)
    if not present.any():
        return out
    todo = geoms[present]
    wkbs = shapely.to_wkb(todo, byte_order=1)
    headers = np.zeros(len(todo), dtype=_HEADER)
    headers["magic"] = b"GP"
    headers["srs_id"] = srs_id
    empty = shapely.is_empty(todo)
    headers["flags"] = np.where(empty, _FLAG_EMPTY | 1, _FLAGS_XY_LE)
    bounds = shapely.bounds(todo)  # minx, miny, maxx, maxy
    headers["env"] = np.nan_to_num(bounds[:, [0, 2, 1, 3]])  # GeoPackage order: minx maxx miny maxy
    raw = headers.tobytes()
    size = _HEADER.itemsize
    for j, (i, wkb) in enumerate(zip(np.flatnonzero(present), wkbs)):
        header = raw[j * size:(j + 1) * size]
        if empty[j]:
            header = header[:8]  # an empty geometry carries no envelope
        out[i] = header + wkb
    return out


def _wkb_offset(blob: bytes) -> int:
    flags = blob[3]
    return 8 + 8 * _ENVELOPE_DOUBLES[(flags >> 1) & 0b111]


def decode(blobs: Iterable) -> np.ndarray:
    """Shapely geometries from GeoPackage blobs (None for NULL)."""
    wkbs = [None if b is None else bytes(b)[_wkb_offset(b):] for b in blobs]
    return shapely.from_wkb(np.array(wkbs, dtype=object))


def blob_bounds(blob: bytes):
    """(minx, maxx, miny, maxy) from the header envelope, or from the WKB if there is none."""
    if blob is None:
        return None
    blob = bytes(blob)
    flags = blob[3]
    if flags & _FLAG_EMPTY:
        return None
    if (flags >> 1) & 0b111:
        order = "<" if flags & 1 else ">"
        return struct.unpack_from(order + "4d", blob, 8)
    geom = shapely.from_wkb(blob[_wkb_offset(blob):])
    minx, miny, maxx, maxy = shapely.bounds(geom)
    return (minx, maxx, miny, maxy)


def _is_empty(blob) -> int:
    if blob is None:
        return 1
    return 1 if bytes(blob)[3] & _FLAG_EMPTY else 0


def _bound(index: int):
    def fn(blob):
        b = blob_bounds(blob)
        return None if b is None else b[index]
    return fn


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the standard R-tree triggers call (GDAL and QGIS define them too)."""
    det = {"deterministic": True}
    conn.create_function("ST_IsEmpty", 1, _is_empty, **det)
    for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, _bound(i), **det)


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Runs several statements inside the caller's transaction (``executescript`` would commit
    it first). Statements are split where SQLite says one is complete, so trigger bodies with
    their inner semicolons stay whole."""
    statement = ""
    for part in script.split(";"):
        statement += part + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                conn.execute(statement)
            statement = ""
    if statement.strip(" \n;"):
        conn.execute(statement)


def is_geopackage(conn: sqlite3.Connection) -> bool:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        return False
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='gpkg_contents'").fetchone()
    return row[0] == 1


def init_geopackage(conn: sqlite3.Connection) -> None:
    """Creates the mandatory GeoPackage tables with their standard rows."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {USER_VERSION}")
    execute_script(conn, """
    CREATE TABLE gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
      description TEXT DEFAULT '', last_change DATETIME NOT NULL
        DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (
      table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
    CREATE TABLE gpkg_extensions (
      table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
      scope TEXT NOT NULL,
      CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
    INSERT INTO gpkg_spatial_ref_sys VALUES
      ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
      ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
    """)
    add_srs(conn, 4326)


def add_srs(conn: sqlite3.Connection, epsg: int) -> None:
    """Registers an EPSG CRS (WKT from PROJ's database) unless it is there already."""
    if conn.execute("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id=?", (epsg,)).fetchone():
        return
    from pyproj import CRS
    from pyproj.enums import WktVersion

    crs = CRS.from_epsg(epsg)
    conn.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, ?)",
        (crs.name, epsg, epsg, crs.to_wkt(WktVersion.WKT1_GDAL), crs.name))


def add_attribute_table(conn: sqlite3.Connection, table: str, ddl: str, description: str = "") -> None:
    conn.execute(ddl)
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                 "VALUES (?, 'attributes', ?, ?)", (table, table, description))


def add_feature_table(conn: sqlite3.Connection, table: str, ddl: str, geometry_type: str,
                      srs_id: int, description: str = "", geom_column: str = "geom",
                      fid_column: str = "fid") -> None:
    """Creates a feature table with its standard R-tree spatial index and triggers."""
    add_srs(conn, srs_id)
    conn.execute(ddl)
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
                 "VALUES (?, 'features', ?, ?, ?)", (table, table, description, srs_id))
    conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
                 (table, geom_column, geometry_type, srs_id))
    rtree = f"rtree_{table}_{geom_column}"
    conn.execute(f"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)")
    conn.execute("INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', "
                 "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
                 (table, geom_column))
    execute_script(conn, rtree_triggers_sql(table, geom_column, fid_column))


def rtree_triggers_sql(t: str, c: str, i: str) -> str:
    """The R-tree maintenance triggers exactly as the GeoPackage specification words them."""
    r = f"rtree_{t}_{c}"
    values = f"(NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}))"
    return f"""
    CREATE TRIGGER {r}_insert AFTER INSERT ON {t}
      WHEN (NEW.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))
      BEGIN INSERT OR REPLACE INTO {r} VALUES {values}; END;
    CREATE TRIGGER {r}_update1 AFTER UPDATE OF {c} ON {t}
      WHEN OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
      BEGIN INSERT OR REPLACE INTO {r} VALUES {values}; END;
    CREATE TRIGGER {r}_update2 AFTER UPDATE OF {c} ON {t}
      WHEN OLD.{i} = NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
      BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
    CREATE TRIGGER {r}_update3 AFTER UPDATE ON {t}
      WHEN OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
      BEGIN DELETE FROM {r} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {r} VALUES {values}; END;
    CREATE TRIGGER {r}_update4 AFTER UPDATE ON {t}
      WHEN OLD.{i} != NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
      BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END;
    CREATE TRIGGER {r}_delete AFTER DELETE ON {t} WHEN OLD.{c} NOT NULL
      BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
    """


def bulk_insert_features(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                         rows: Iterable[Sequence], geoms, srs_id: int,
                         geom_column: str = "geom", skip_triggers: Sequence[str] = ()) -> int:
    """Inserts many features at once. The R-tree is filled from vectorised bounds rather than
    by the per-row insert trigger (which would call back into Python five times a row); the
    caller may name further insert triggers to leave out (e.g. the journal's, when the load is
    not journalled). Triggers are dropped and re-created inside the caller's transaction, so a
    failure restores them with everything else."""
    geoms = np.asarray(geoms, dtype=object)
    blobs = encode(geoms, srs_id)
    rtree = f"rtree_{table}_{geom_column}"
    with triggers_set_aside(conn, [f"{rtree}_insert", *skip_triggers]):
        _insert_with_rtree(conn, table, columns, rows, geoms, blobs, rtree, geom_column)
    update_extent(conn, table, geom_column)
    return len(geoms)


@contextmanager
def triggers_set_aside(conn: sqlite3.Connection, names: Sequence[str]):
    """Drops the named triggers (those that exist) and re-creates them afterwards, inside the
    caller's transaction: a failure rolls the DROP back with everything else."""
    dropped = [row for row in (conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (name,)).fetchone() for name in names) if row]
    for name, _ in dropped:
        conn.execute(f"DROP TRIGGER {name}")
    yield
    for _, sql in dropped:
        conn.execute(sql)


def _insert_with_rtree(conn, table, columns, rows, geoms, blobs, rtree, geom_column) -> None:
    # Explicit feature ids, past both the highest row and AUTOINCREMENT's high-water mark, so
    # the R-tree rows can be written from the same numbering.
    last = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name=?", (table,)).fetchone() \
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name='sqlite_sequence'").fetchone() else None
    first = max(last, seq[0] if seq else 0) + 1
    fids = np.arange(first, first + len(geoms))
    cols = ", ".join(["fid", *columns, geom_column])
    marks = ", ".join("?" * (len(columns) + 2))
    conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                     ((int(f),) + tuple(r) + (b,) for f, r, b in zip(fids, rows, blobs)))
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    b = shapely.bounds(geoms[keep])
    conn.executemany(f"INSERT INTO {rtree} VALUES (?, ?, ?, ?, ?)",
                     zip(fids[keep].tolist(), b[:, 0].tolist(), b[:, 2].tolist(),
                         b[:, 1].tolist(), b[:, 3].tolist()))


def update_extent(conn: sqlite3.Connection, table: str, geom_column: str = "geom") -> None:
    rtree = f"rtree_{table}_{geom_column}"
    conn.execute(
        f"UPDATE gpkg_contents SET (min_x, max_x, min_y, max_y) = "
        f"(SELECT min(minx), max(maxx), min(miny), max(maxy) FROM {rtree}), "
        f"last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?", (table,))
