"""Reading and writing domain rows in PostGIS by natural key, in the sync wire format."""
from __future__ import annotations

import numpy as np
import shapely

from cadastre_plugin.core.sync.geojson import from_geojson, to_geojson
from cadastre_plugin.core.sync.tables import TABLES

SERVER_COLUMNS = ("commune_code", "version", "revision", "changeset_uuid")


def server_columns(table: str) -> list:
    """The server-only columns of a table (parcels have their own commune_code already)."""
    return [c for c in SERVER_COLUMNS if c not in TABLES[table].all_names]


def key_filter(table: str, keys: list, alias: str = "t") -> tuple:
    """(SQL condition, params) matching rows whose natural key is one of ``keys``."""
    names = TABLES[table].key_names
    if len(names) == 1:
        return f"{alias}.{names[0]} = ANY(%s)", [[k[names[0]] for k in keys]]
    cols = ", ".join(f"{alias}.{n}" for n in names)
    arrays = ", ".join("%s::text[]" for _ in names)
    return f"({cols}) IN (SELECT * FROM unnest({arrays}))", [[k[n] for k in keys] for n in names]


def key_tuple(table: str, key: dict) -> tuple:
    """A row key as a tuple of its values (cheaper to hash than the canonical JSON text)."""
    names = TABLES[table].key_names
    return (key[names[0]],) if len(names) == 1 else tuple(key[n] for n in names)


def select_current(conn, table: str, keys: list, lock: bool = False) -> dict:
    """{key tuple: {"key", "version", "commune_code", "data"}} of the rows that exist."""
    if not keys:
        return {}
    spec = TABLES[table]
    cols = [f"t.{c}" for c in spec.all_names] + ["t.version", "t.commune_code"]
    if spec.geometry:
        cols.append("ST_AsBinary(t.geom)")
    where, params = key_filter(table, keys)
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table} t WHERE {where}"
                        + (" FOR UPDATE" if lock else ""), params).fetchall()
    return _as_wire(table, rows)


def _as_wire(table: str, rows) -> dict:
    spec = TABLES[table]
    nk, nc = len(spec.key_names), len(spec.column_names)
    shapes = [None] * len(rows)
    if spec.geometry and rows:
        wkb = np.array([None if r[-1] is None else bytes(r[-1]) for r in rows], dtype=object)
        shapes = to_geojson(shapely.from_wkb(wkb))
    out = {}
    for row, shape in zip(rows, shapes):
        data = dict(zip(spec.column_names, row[nk:nk + nc]))
        if spec.geometry:
            data["geometry"] = shape
        out[row[:nk]] = {"key": dict(zip(spec.key_names, row[:nk])), "version": row[nk + nc],
                         "commune_code": row[nk + nc + 1], "data": data}
    return out


def upsert(conn, table: str, items: list, commune: str, revision: int, changeset: str,
           srid: int) -> None:
    """items: (key dict, data dict, new version)."""
    if not items:
        return
    spec = TABLES[table]
    names = list(spec.all_names)
    values = ["%s"] * len(names)
    if spec.geometry:
        names.append("geom")
        values.append("ST_SetSRID(ST_GeomFromWKB(%s), %s)")
        geoms = from_geojson([d.get("geometry") for _, d, _ in items])
        wkbs = shapely.to_wkb(geoms)
    extra = server_columns(table)
    names += extra
    values += ["%s"] * len(extra)
    update = [n for n in names if n not in spec.key_names]
    sql = (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(values)}) "
           f"ON CONFLICT ({', '.join(spec.key_names)}) DO UPDATE SET "
           + ", ".join(f"{n} = EXCLUDED.{n}" for n in update))
    params = []
    for i, (key, data, version) in enumerate(items):
        row = [key[n] for n in spec.key_names] + [data.get(n) for n in spec.column_names]
        if spec.geometry:
            row += [wkbs[i], srid]
        server = {"commune_code": commune, "version": version, "revision": revision,
                  "changeset_uuid": changeset}
        params.append(row + [server[c] for c in extra])
    with conn.cursor() as cur:
        cur.executemany(sql, params)


def delete(conn, table: str, keys: list) -> None:
    if keys:
        where, params = key_filter(table, keys)
        conn.execute(f"DELETE FROM {table} t WHERE {where}", params)


def keep_history(conn, uuids: list, revision: int) -> None:
    """Copies the current versions of parcels to parcel_versions before they change."""
    if uuids:
        cols = ("uuid, version, commune_code, sheet_no, parcel_no, area, legal_area, landuse, "
                "address, status, valid_from, valid_to, old_sheet_no, old_parcel_no, geom, "
                "revision, changeset_uuid")
        conn.execute(f"INSERT INTO parcel_versions ({cols}, superseded_revision) "
                     f"SELECT {cols}, %s FROM parcels WHERE uuid = ANY(%s)", (revision, uuids))
