"""Push of big change sets and the pull of everything they changed, each with a reference that
moves the same rows in the same run.

How the parcels are changed: client A edits ``changed`` parcels in rounds of ``per_push``
(see ``bench_edits``) and pushes each round through the real push path (local check, HTTP,
the server's version check, rules and change log). Every pushed parcel gets a new version and
a change_log entry, exactly as an office's work would. Client B, a copy of A's working copy
taken right after the checkout (a working copy holds no client identity, so the copy is a
second checkout of the same revision), then pulls them all.

References:
- push: the same rows written straight into PostGIS by SQL (COPY into a temporary table, one
  UPDATE ... FROM), no versions, checks or log, in a transaction rolled back afterwards;
- pull: ``ogr2ogr`` reading the same rows from PostGIS into a new GeoPackage.
"""
from __future__ import annotations

import shutil
import sqlite3
import statistics
import subprocess
import time
from pathlib import Path

import psycopg

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.sync import changeset, checks, pull, push

from .bench_edits import edit


def sql_update_reference(db_url: str, wc, fids: list) -> float:
    """Seconds to write the edited parcels (address, geometry) straight into PostGIS."""
    rows = []
    for i in range(0, len(fids), 400):
        chunk = fids[i:i + 400]
        rows += wc.conn.execute(f"SELECT uuid, address, geom FROM parcels WHERE fid IN "
                                f"({','.join('?' * len(chunk))})", chunk).fetchall()
    t = time.perf_counter()
    wkb = [g.wkb for g in gpkg.decode([r[2] for r in rows])]
    srid = wc.commune.crs_epsg
    with psycopg.connect(db_url) as conn:
        conn.execute("CREATE TEMP TABLE edited (uuid text, address text, geom bytea)")
        with conn.cursor().copy("COPY edited FROM STDIN") as copy:
            for (uuid, address, _), blob in zip(rows, wkb):
                copy.write_row((uuid, address, blob))
        conn.execute("UPDATE parcels p SET address = e.address, "
                     "geom = ST_SetSRID(ST_GeomFromWKB(e.geom), %s) FROM edited e "
                     "WHERE p.uuid = e.uuid", (srid,))
        elapsed = time.perf_counter() - t
        conn.rollback()
    return elapsed


def ogr2ogr_reference(db_url: str, commune: str, since: int, target: Path) -> tuple:
    """(seconds, rows) for ogr2ogr copying the parcels changed after ``since`` into a GPKG."""
    info = psycopg.conninfo.conninfo_to_dict(db_url)
    pg = " ".join(f"{k}={info[k]}" for k in ("host", "port", "user", "dbname") if k in info)
    cols = ("uuid, commune_code, sheet_no, parcel_no, area, legal_area, landuse, address, "
            "status, valid_from, valid_to, old_sheet_no, old_parcel_no, version, geom")
    sql = (f"SELECT {cols} FROM parcels WHERE commune_code = '{commune}' AND "
           f"revision > {int(since)}")
    target.unlink(missing_ok=True)
    t = time.perf_counter()
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(target), f"PG:{pg}", "-sql", sql,
                    "-nln", "parcels", "-nlt", "POLYGON"], check=True, capture_output=True)
    elapsed = time.perf_counter() - t
    with sqlite3.connect(target) as conn:
        n = conn.execute("SELECT count(*) FROM parcels").fetchone()[0]
    return elapsed, n


def push_rounds(a, client, db_url: str, changed: int, per_push: int, log=print) -> dict:
    """A edits and pushes ``changed`` parcels, ``per_push`` per change set."""
    fids = [r[0] for r in a.conn.execute("SELECT fid FROM parcels ORDER BY fid LIMIT ?",
                                         (changed,))]
    if len(fids) < changed:
        raise SystemExit(f"only {len(fids)} parcels to change, {changed} asked for")
    rounds = []
    reference = None
    for r, start in enumerate(range(0, changed, per_push)):
        part = fids[start:start + per_push]
        reshaped = edit(a, part, f"Lần {r}")
        if r == 0:
            reference = sql_update_reference(db_url, a, part)
        t = time.perf_counter()
        built = changeset.build(a)
        found = checks.check(a, built)
        t_local = time.perf_counter() - t
        if found:
            raise SystemExit(f"the bench's own edits fail the checks: {found[:3]}")
        t = time.perf_counter()
        result = push(a, client)
        t_push = time.perf_counter() - t
        if result.changes != len(part):
            raise SystemExit(f"push applied {result.changes} rows, {len(part)} sent")
        rounds.append({"parcels": len(part), "reshaped": reshaped, "seconds": t_push,
                       "local_build_and_check": t_local, "revision": result.revision})
        log(f"  push {r + 1}/{-(-changed // per_push)}: {len(part)} parcels ({reshaped} "
            f"reshaped) in {t_push:.2f} s")
    times = [x["seconds"] for x in rounds]
    return {"rounds": rounds, "median_s": statistics.median(times), "max_s": max(times),
            "parcels_per_push": per_push, "sql_update_reference_s": reference}


def pull_all(b, client, db_url: str, commune: str, work: Path) -> dict:
    since = int(b.conn.execute("SELECT value FROM sync_state WHERE key = "
                               "'last_pulled_revision'").fetchone()[0])
    t = time.perf_counter()
    result = pull(b, client)
    seconds = time.perf_counter() - t
    ref_s, ref_rows = ogr2ogr_reference(db_url, commune, since, work / "ogr2ogr-pull.gpkg")
    return {"seconds": seconds, "applied": result.applied, "received": result.received,
            "conflicts": len(result.conflicts), "ogr2ogr_s": ref_s, "ogr2ogr_rows": ref_rows}


def same_parcels(a_path: str, b_path: str) -> int:
    """Asserts both copies hold the same parcels (key, address, geometry, version): the pull
    must bring the genuinely changed rows. Returns how many were compared."""
    def rows(path):
        with sqlite3.connect(path) as conn:
            return dict((r[0], r[1:]) for r in conn.execute(
                "SELECT uuid, address, geom, version FROM parcels"))
    ra, rb = rows(a_path), rows(b_path)
    if ra != rb:
        diff = [k for k in ra if ra[k] != rb.get(k)][:3]
        raise SystemExit(f"after the pull the copies differ, e.g. parcels {diff}")
    return len(ra)


def copy_working_copy(wc, dst: Path) -> None:
    """A consistent copy of an open working copy (SQLite's online backup) with its document
    store beside it, as a second checkout would have them."""
    target = sqlite3.connect(dst)
    try:
        wc.conn.backup(target)
    finally:
        target.close()
    store = Path(str(wc.path) + ".documents")
    if store.is_dir():
        shutil.copytree(store, str(dst) + ".documents", dirs_exist_ok=True)
