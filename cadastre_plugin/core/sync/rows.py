"""Working-copy rows in the wire format of the sync protocol, and writing wire rows back.

A wire row is ``(key, data)``: ``key`` the natural key columns, ``data`` the other columns and,
for parcels, ``geometry`` as GeoJSON. Writes find rows by natural key, because fids are local
to each working copy. Link tables may hold the same key twice locally (no UNIQUE constraint
there), so a key maps to a list of fids.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import numpy as np
import shapely

from .. import gpkg
from ..schema import PARCEL_COLUMN_NAMES
from ..working_copy import utc_now
from .geojson import from_geojson, to_geojson
from .tables import TABLES, key_text

_CHUNK = 400  # bound parameters per statement stay well under SQLite's limit


def read(conn: sqlite3.Connection, table: str, fids=None) -> dict:
    """{fid: row dict} with the table's key and data columns; parcels also get ``geometry``
    (shapely) and their local ``version``. All rows when ``fids`` is None."""
    spec = TABLES[table]
    cols = list(spec.all_names) + (["version", "geom"] if spec.geometry else [])
    sql = f"SELECT fid, {', '.join(cols)} FROM {table}"
    if fids is None:
        raw = conn.execute(sql).fetchall()
    else:
        fids, raw = list(fids), []
        for i in range(0, len(fids), _CHUNK):
            chunk = fids[i:i + _CHUNK]
            raw += conn.execute(f"{sql} WHERE fid IN ({','.join('?' * len(chunk))})",
                                chunk).fetchall()
    rows = {r[0]: dict(zip(cols, r[1:])) for r in raw}
    if spec.geometry:
        geoms = gpkg.decode([row.pop("geom") for row in rows.values()])
        for row, geom in zip(rows.values(), geoms):
            row["geometry"] = geom
    return rows


def to_wire(table: str, rows: list) -> list:
    """(key, data) pairs for row dicts as :func:`read` returns them."""
    spec = TABLES[table]
    shapes = to_geojson([r["geometry"] for r in rows]) if spec.geometry else [None] * len(rows)
    out = []
    for row, shape in zip(rows, shapes):
        data = {c: row.get(c) for c in spec.column_names}
        if spec.geometry:
            data["geometry"] = shape
        out.append((spec.key_of(row), data))
    return out


def fids_by_key(conn: sqlite3.Connection, table: str, keys) -> dict:
    """{key text: [fid, ...]} for the keys present locally."""
    spec = TABLES[table]
    names = spec.key_names
    keys = list(keys)
    out = {}
    one = "(" + ",".join("?" * len(names)) + ")"
    for i in range(0, len(keys), _CHUNK // len(names)):
        chunk = keys[i:i + _CHUNK // len(names)]
        params = [k[n] for k in chunk for n in names]
        sql = (f"SELECT fid, {', '.join(names)} FROM {table} WHERE ({', '.join(names)}) IN "
               f"(VALUES {','.join([one] * len(chunk))})")
        for fid, *values in conn.execute(sql, params):
            out.setdefault(key_text(dict(zip(names, values))), []).append(fid)
    return out


def write(conn: sqlite3.Connection, table: str, items: list, srs_id: int) -> None:
    """Upserts wire rows ``(key, data, version)`` by natural key (the caller owns the
    transaction and decides whether it is journalled). Parcels keep their previous state in
    ``parcel_versions``, as every other change of a parcel does."""
    if not items:
        return
    spec = TABLES[table]
    existing = fids_by_key(conn, table, [k for k, _, _ in items])
    if spec.geometry:
        geoms = from_geojson([d.get("geometry") for _, d, _ in items])
        blobs = gpkg.encode(geoms, srs_id)
    updates, inserts = [], []
    for i, (key, data, version) in enumerate(items):
        values = [data.get(c) for c in spec.column_names]
        if spec.geometry:
            values += [version, blobs[i]]
        fids = existing.get(key_text(key))
        if fids:
            updates += [(*values, fid) for fid in fids]
        else:
            inserts.append((i, [key[c] for c in spec.key_names] + values))
    cols = list(spec.column_names) + (["version", "geom"] if spec.geometry else [])
    if updates and spec.geometry:
        keep_history(conn, [u[-1] for u in updates])
        # Only boundaries that changed need their R-tree row rewritten (most pulled parcels
        # changed their attributes only). One fid per key: parcels' uuid is UNIQUE.
        fids = [u[-1] for u in updates]
        old = _column(conn, table, "geom", fids)
        moved = [j for j, u in enumerate(updates) if old.get(u[-1]) != u[-2]]
        with _rtree_deferred(conn, table, ("update1", "update2")):
            conn.executemany(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} "
                             "WHERE fid = ?", updates)
            new = [i for i, (key, _, _) in enumerate(items) if existing.get(key_text(key))]
            _index(conn, table, [fids[j] for j in moved],
                   shapely.bounds(geoms[[new[j] for j in moved]]))
    elif updates and cols:
        conn.executemany(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} "
                         "WHERE fid = ?", updates)
    if not inserts:
        return
    if spec.geometry:
        # The bulk path fills the R-tree from vectorised bounds: checkout inserts every parcel.
        names = list(spec.all_names) + ["version"]
        rows = [v[:-1] for _, v in inserts]
        gpkg.bulk_insert_features(conn, table, names, rows, geoms[[i for i, _ in inserts]],
                                  srs_id)
    else:
        names = list(spec.all_names)
        conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                         f"({', '.join('?' * len(names))})", [v for _, v in inserts])


def delete(conn: sqlite3.Connection, table: str, keys: list) -> None:
    existing = fids_by_key(conn, table, keys)
    fids = [f for fs in existing.values() for f in fs]
    if TABLES[table].geometry and fids:
        keep_history(conn, fids, retired=True)
    conn.executemany(f"DELETE FROM {table} WHERE fid = ?", [(f,) for f in fids])


def keep_history(conn: sqlite3.Connection, fids: list, retired: bool = False) -> None:
    """Copies parcels to ``parcel_versions`` before they are replaced or removed (a parcel
    removed on the server was retired there: split, merged, cancelled)."""
    cols = [c for c in PARCEL_COLUMN_NAMES if c not in ("uuid", "valid_to", "status")]
    now = utc_now()
    first = conn.execute("SELECT coalesce(max(fid), 0) + 1 FROM parcel_versions").fetchone()[0]
    with _rtree_deferred(conn, "parcel_versions", ("insert",)):
        for i in range(0, len(fids), _CHUNK):
            chunk = fids[i:i + _CHUNK]
            conn.execute(
                f"INSERT INTO parcel_versions (geom, uuid, {', '.join(cols)}, status, valid_to) "
                f"SELECT geom, uuid, {', '.join(cols)}, {'?' if retired else 'status'}, "
                f"coalesce(valid_to, ?) FROM parcels WHERE fid IN ({','.join('?' * len(chunk))})",
                (*(["retired"] if retired else []), now, *chunk))
        # The copies are the rows numbered from ``first`` (AUTOINCREMENT never goes back);
        # their boxes are those of the parcels they copy, still in the parcels' R-tree.
        conn.execute("INSERT INTO rtree_parcel_versions_geom SELECT v.fid, r.minx, r.maxx, "
                     "r.miny, r.maxy FROM parcel_versions v JOIN parcels p ON p.uuid = v.uuid "
                     "JOIN rtree_parcels_geom r ON r.id = p.fid WHERE v.fid >= ?", (first,))


# -- the R-tree of bulk writes ----------------------------------------------------------------
# The GeoPackage R-tree triggers call back into Python five times a row (ST_IsEmpty, ST_MinX...):
# for a pull of 100,000 parcels (each also copied to the history) that is most of the time of
# the whole write. Bulk writes drop them inside their transaction, write the R-tree rows from
# vectorised bounds themselves, and put them back; a failure rolls the DROP back with the rest.

def _rtree_deferred(conn: sqlite3.Connection, table: str, which: tuple):
    return gpkg.triggers_set_aside(conn, [f"rtree_{table}_geom_{w}" for w in which])


def _index(conn: sqlite3.Connection, table: str, fids: list, bounds: np.ndarray) -> None:
    """Sets the R-tree rows of ``fids`` to ``bounds`` (minx, miny, maxx, maxy; NaN for a
    missing or empty geometry, which has no R-tree row), as the standard triggers would."""
    if not fids:
        return
    rtree = f"rtree_{table}_geom"
    fids = np.asarray(fids, dtype=np.int64)
    keep = ~np.isnan(bounds).any(axis=1)
    conn.executemany(f"DELETE FROM {rtree} WHERE id = ?", [(int(f),) for f in fids[~keep]])
    b = bounds[keep]
    conn.executemany(f"INSERT OR REPLACE INTO {rtree} VALUES (?, ?, ?, ?, ?)",
                     zip(fids[keep].tolist(), b[:, 0].tolist(), b[:, 2].tolist(),
                         b[:, 1].tolist(), b[:, 3].tolist()))


def _column(conn: sqlite3.Connection, table: str, column: str, fids: list) -> dict:
    """{fid: value} of one column."""
    out = {}
    for i in range(0, len(fids), _CHUNK):
        chunk = fids[i:i + _CHUNK]
        out.update(conn.execute(f"SELECT fid, {column} FROM {table} WHERE fid IN "
                                f"({','.join('?' * len(chunk))})", chunk))
    return out


# -- a brand-new working copy -----------------------------------------------------------------
# A check-out writes every row of a commune into a file that has none yet: no row to find by
# key, no history to keep, nothing to journal. Maintaining the secondary indexes row by row
# (UUID keys arrive in random order) and evaluating the journal trigger per row cost more than
# the inserts themselves, so both are set aside for the bulk insert and rebuilt once after it.

def insert_new(conn: sqlite3.Connection, table: str, items: list, srs_id: int) -> None:
    """Inserts wire rows ``(key, data, version)`` that this working copy does not hold (the
    caller guarantees it: a check-out's file is new). Same result as :func:`write`."""
    if not items:
        return
    spec = TABLES[table]
    keys, cols = spec.key_names, spec.column_names
    rows = [[key[c] for c in keys] + [data.get(c) for c in cols] for key, data, _ in items]
    with _indexes_deferred(conn, table):
        if spec.geometry:
            for row, (_, _, version) in zip(rows, items):
                row.append(version)
            geoms = from_geojson([d.get("geometry") for _, d, _ in items])
            gpkg.bulk_insert_features(conn, table, list(spec.all_names) + ["version"], rows,
                                      geoms, srs_id, skip_triggers=(f"journal_{table}_insert",))
        else:
            with gpkg.triggers_set_aside(conn, [f"journal_{table}_insert"]):
                names = spec.all_names
                conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                                 f"({', '.join('?' * len(names))})", rows)


@contextmanager
def _indexes_deferred(conn: sqlite3.Connection, table: str):
    """Drops the table's own secondary indexes (not those of its UNIQUE constraints, which keep
    guarding the data) and builds them again afterwards, in one sorted pass each."""
    dropped = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall()
    for name, _ in dropped:
        conn.execute(f"DROP INDEX {name}")
    yield
    for _, sql in dropped:
        conn.execute(sql)
