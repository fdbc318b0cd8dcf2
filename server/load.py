"""Seeding the central database from a working copy (``cadastre server-load``): the commune,
its sheets, every synced table and the parcel history, as one revision, in one transaction.
Bulk COPY, because a district holds 20k-200k parcels."""
from __future__ import annotations

import shapely

from cadastre_plugin.core.messages import CadastreError
from cadastre_plugin.core.schema import PARCEL_VERSIONS_LAYER
from cadastre_plugin.core.sync import rows as wc_rows
from cadastre_plugin.core.sync.tables import TABLES, key_text
from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.core import gpkg

from .db import init_schema
import psycopg


def _ewkb(geoms, srid: int) -> list:
    geoms = shapely.set_srid(geoms, srid)
    return [None if g is None else shapely.to_wkb(g, hex=True, include_srid=True) for g in geoms]


def load(database_url: str, path: str) -> dict:
    init_schema(database_url)
    wc = WorkingCopy.open(path)
    try:
        return _load(database_url, wc)
    finally:
        wc.close()


def _load(database_url: str, wc) -> dict:
    commune = wc.commune
    srid = commune.crs_epsg
    counts = {}
    with psycopg.connect(database_url) as conn, conn.transaction():
        if conn.execute("SELECT 1 FROM communes WHERE code = %s", (commune.code,)).fetchone():
            raise CadastreError(
                "server.commune_exists",
                f"Commune {commune.code} is already in the central database; it was not loaded "
                "again (its offices push and pull their changes instead).",
                f"Xã {commune.code} đã có trong cơ sở dữ liệu trung tâm; không nạp lại (các văn "
                "phòng đẩy và lấy thay đổi thay vì nạp lại).")
        conn.execute("SELECT pg_advisory_xact_lock(1, hashtext(%s))", (commune.code,))
        conn.execute("INSERT INTO communes VALUES (%s, %s, %s, %s, %s, %s, %s)",
                     (commune.code, commune.name, commune.district_code or "",
                      commune.district_name, commune.province_code, commune.province_name, srid))
        sheets = wc.sheets()
        with conn.cursor().copy("COPY map_sheets (commune_code, sheet_no, grid_number, scale, "
                                "crs_epsg, geom) FROM STDIN") as copy:
            for s, g in zip(sheets, _ewkb([s.frame for s in sheets], srid)):
                copy.write_row((commune.code, s.sheet_no, s.grid_number, s.scale, s.crs_epsg, g))
        revision = conn.execute("SELECT nextval('revision_seq')").fetchone()[0]
        log = []
        for table, spec in TABLES.items():
            rows = list(wc_rows.read(wc.conn, table).values())
            extra = [c for c in ("commune_code", "version", "revision") if c not in spec.all_names]
            names = list(spec.all_names) + extra
            geoms = _ewkb([r["geometry"] for r in rows], srid) if spec.geometry else None
            if spec.geometry:
                names.append("geom")
            with conn.cursor().copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                for i, r in enumerate(rows):
                    values = [r[n] for n in spec.all_names]
                    server = {"commune_code": commune.code, "revision": revision,
                              "version": (r.get("version") or 1) if spec.geometry else 1}
                    values += [server[c] for c in extra]
                    if spec.geometry:
                        values.append(geoms[i])
                    copy.write_row(values)
            log += [(table, key_text(spec.key_of(r))) for r in rows]
            counts[table] = len(rows)
        counts["parcel_versions"] = _history(conn, wc, srid, revision)
        counts["document_bytes"] = _document_bytes(conn, wc)
        with conn.cursor().copy("COPY change_log (commune_code, revision, seq, table_name, key, "
                                "action) FROM STDIN") as copy:
            for seq, (table, key) in enumerate(log):
                copy.write_row((commune.code, revision, seq, table, key, "upsert"))
    # Fresh statistics: without them the planner scans every parcel for each neighbour box
    # (seconds instead of milliseconds) until autovacuum gets round to the tables.
    with psycopg.connect(database_url, autocommit=True) as conn:
        for table in ("map_sheets", "parcel_versions", "change_log", *TABLES):
            conn.execute(f"ANALYZE {table}")
    counts["revision"] = revision
    counts["commune_code"] = commune.code
    return counts


def _history(conn, wc, srid: int, revision: int) -> int:
    cols = [c for c in TABLES["parcels"].column_names]
    rows = wc.conn.execute(f"SELECT uuid, coalesce(version, 1), {', '.join(cols)}, "
                           f"transaction_uuid, geom FROM {PARCEL_VERSIONS_LAYER}").fetchall()
    geoms = _ewkb(gpkg.decode([r[-1] for r in rows]), srid)
    with conn.cursor().copy(f"COPY parcel_versions (uuid, version, {', '.join(cols)}, "
                            "transaction_uuid, geom, revision) FROM STDIN") as copy:
        for r, g in zip(rows, geoms):
            copy.write_row((*r[:-1], g, revision))
    return len(rows)


def _document_bytes(conn, wc) -> int:
    """The scans in the working copy's store, so that the server holds the bytes of every
    document row it serves (a scan missing or damaged there is left out: pulls list it as not
    downloadable rather than receive wrong bytes)."""
    from cadastre_plugin.core.transactions.documents import content_path, verify

    chunk, total = 4 * 1024 * 1024, 0
    for sha, media_type in wc.conn.execute("SELECT sha256, media_type FROM documents"):
        path = content_path(wc.path, sha)
        if not verify(wc.path, sha):
            continue
        size = path.stat().st_size
        if not conn.execute("INSERT INTO document_blobs (sha256, size, received, complete, "
                            "content_type) VALUES (%s, %s, %s, true, %s) ON CONFLICT DO "
                            "NOTHING", (sha, size, size, media_type)).rowcount:
            continue
        with open(path, "rb") as fh:
            for offset in range(0, max(size, 1), chunk):
                conn.execute('INSERT INTO document_chunks (sha256, "offset", data) VALUES '
                             "(%s, %s, %s)", (sha, offset, fh.read(chunk)))
        total += size
    return total
