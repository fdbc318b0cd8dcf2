"""Sync benchmark on loopback: checkout, push of N changed parcels (validated on both sides),
pull of them into a second working copy. Prints figures; asserts nothing.

    python -m server.bench --parcels 20000 --changed 2000 10000
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import shapely

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.demo import DEMO_COMMUNE, generate
from cadastre_plugin.core.sync import ApiClient, changeset, checkout, checks, pull, push
from cadastre_plugin.core.working_copy import WorkingCopy

from .auth import create_token
from .devdb import ThrowawayCluster
from .load import load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "server"))


def _edit(wc, n: int, round_no: int) -> int:
    """Changes n parcels: address, and the boundary of every tenth one (a collinear vertex
    added on its first edge, so the topology stays clean and the geometry really changes)."""
    rows = wc.conn.execute("SELECT fid, geom, sheet_no FROM parcels ORDER BY fid LIMIT ?",
                           (n,)).fetchall()
    geoms = gpkg.decode([r[1] for r in rows])
    frames = {s.sheet_no: s.frame for s in wc.sheets()}
    updates = []
    for i, ((fid, _, sheet), geom) in enumerate(zip(rows, geoms)):
        blob = None
        # Parcels astride a sheet edge are left alone: a new vertex can move their label point
        # onto the next sheet, which the checks rightly report.
        if i % 10 == 0 and frames[sheet].contains(geom):
            ring = shapely.get_coordinates(geom.exterior)
            mid = (ring[0] + ring[1]) / 2
            blob = gpkg.encode([shapely.Polygon([ring[0], mid, *ring[1:]])], 9210)[0]
        updates.append((f"Lần {round_no}, thửa {i}", blob, fid))
    with wc.operation("bench") as conn:
        conn.executemany("UPDATE parcels SET address = ?, geom = coalesce(?, geom) WHERE fid = ?",
                         updates)
    return sum(1 for u in updates if u[1] is not None)


def main(argv=None) -> int:
    from sync_live import LiveServer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", type=int, default=20000)
    parser.add_argument("changed", type=int, nargs="*", default=[2000, 10000])
    args = parser.parse_args(argv)
    cluster = ThrowawayCluster().start()
    tmp = Path(tempfile.mkdtemp(prefix="cadastre-bench-"))
    server = None
    try:
        t = time.perf_counter()
        generate(str(tmp / "demo.gpkg"), parcels=args.parcels, seed=1)
        load(cluster.url, str(tmp / "demo.gpkg"))
        print(f"demo of {args.parcels} parcels generated and loaded: "
              f"{time.perf_counter() - t:.1f} s")
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            token = create_token(conn, "bench", "surveyor", ["312"])
        server = LiveServer(cluster.url, tmp).start()
        client = ApiClient(server.url, token, timeout=(10, 600))
        t = time.perf_counter()
        checkout(client, DEMO_COMMUNE.code, str(tmp / "a.gpkg"))
        print(f"checkout of {args.parcels} parcels: {time.perf_counter() - t:.2f} s")
        checkout(client, DEMO_COMMUNE.code, str(tmp / "b.gpkg"))
        a, b = WorkingCopy.open(str(tmp / "a.gpkg")), WorkingCopy.open(str(tmp / "b.gpkg"))
        for round_no, n in enumerate(args.changed):
            reshaped = _edit(a, n, round_no)
            t = time.perf_counter()
            built = changeset.build(a)
            t_build = time.perf_counter() - t
            t = time.perf_counter()
            found = checks.check(a, built)
            t_check = time.perf_counter() - t
            assert not found, found[:3]
            t = time.perf_counter()
            result = push(a, client)
            t_push = time.perf_counter() - t
            t = time.perf_counter()
            pulled = pull(b, client)
            t_pull = time.perf_counter() - t
            print(f"{n} changed parcels ({reshaped} with new boundaries): push {t_push:.2f} s "
                  f"end to end (of which build {t_build:.2f} s and local check {t_check:.2f} s "
                  f"happen before sending; {result.changes} rows applied by the server); "
                  f"pull into another copy {t_pull:.2f} s ({pulled.applied} rows)")
        a.close()
        b.close()
    finally:
        if server:
            server.stop()
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
