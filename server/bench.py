"""Sync benchmark on loopback (``make bench-sync``; SPEC 5 and issue 6): on a commune of
100,000 parcels loaded into a throw-away PostGIS cluster, with the API server started as in
production (``cadastre serve --workers N``):

1. checkout of the whole commune into client A's working copy;
2. push of change sets of 10,000 changed parcels each, validated by the server, until
   100,000 parcels have new versions (target: ≤ 10 s per 10,000), against the same rows
   written straight into PostGIS by SQL;
3. pull of those 100,000 changed parcels into client B (target: ≤ 20 s), against ogr2ogr
   copying the same rows from PostGIS into a GeoPackage; B must then hold exactly A's parcels;
4. sustained concurrent pushes of small change sets (1-20 parcels) from 1 client, then from 8,
   each on its own working copy and its own parcels: throughput, p50/p95/max latency, errors.

Prints a table and writes it to ``bench-output/sync.json``. Asserts correctness, never times.

    python -m server.bench [--parcels 100000] [--changed 100000] [--per-push 10000]
                           [--clients 8] [--duration 30] [--workers 2]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from cadastre_plugin.core.demo import DEMO_COMMUNE
from cadastre_plugin.core.sync import ApiClient, checkout
from cadastre_plugin.core.working_copy import WorkingCopy

from . import bench_concurrent, bench_transfer
from .auth import create_token
from .bench_setup import OUT, Server, cached_demo
from .devdb import ThrowawayCluster
from .load import load

PUSH_TARGET_S, PULL_TARGET_S = 10.0, 20.0


def _say(text: str) -> None:
    print(text, flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", type=int, default=100_000)
    parser.add_argument("--changed", type=int, default=100_000)
    parser.add_argument("--per-push", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--output", type=Path, default=OUT,
                        help="where the generated data is cached and sync.json is written")
    args = parser.parse_args(argv)

    t = time.perf_counter()
    demo = cached_demo(args.parcels, out=args.output)
    _say(f"demo commune of {args.parcels} parcels ready ({demo.name}): "
         f"{time.perf_counter() - t:.1f} s")
    cluster = ThrowawayCluster().start()
    work = Path(tempfile.mkdtemp(prefix="cadastre-bench-sync-"))
    server = None
    report = {"parcels": args.parcels, "workers": args.workers}
    try:
        t = time.perf_counter()
        load(cluster.url, str(demo))
        report["load_s"] = time.perf_counter() - t
        _say(f"loaded into PostGIS: {report['load_s']:.1f} s")
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            token = create_token(conn, "bench", "surveyor", [DEMO_COMMUNE.district_code])
        server = Server(cluster.url, work, workers=args.workers).start()
        client = ApiClient(server.url, token, timeout=(10, 600))

        t = time.perf_counter()
        summary = checkout(client, DEMO_COMMUNE.code, str(work / "a.gpkg"))
        report["checkout"] = {"seconds": time.perf_counter() - t,
                              "parcels": summary["parcels"]}
        _say(f"checkout of {summary['parcels']} parcels (and their rights, parties...): "
             f"{report['checkout']['seconds']:.1f} s")
        a = WorkingCopy.open(str(work / "a.gpkg"))
        bench_transfer.copy_working_copy(a, work / "b.gpkg")

        _say(f"client A changes {args.changed} parcels, {args.per_push} per change set:")
        report["push"] = bench_transfer.push_rounds(a, client, cluster.url, args.changed,
                                                    args.per_push, _say)
        b = WorkingCopy.open(str(work / "b.gpkg"))
        _say("client B pulls them ...")
        report["pull"] = bench_transfer.pull_all(b, client, cluster.url, DEMO_COMMUNE.code,
                                                 work)
        report["pull"]["verified_parcels"] = bench_transfer.same_parcels(
            str(work / "a.gpkg"), str(work / "b.gpkg"))
        a.close()
        _say(f"  pulled {report['pull']['applied']} rows in {report['pull']['seconds']:.2f} s; "
             f"B now holds the same {report['pull']['verified_parcels']} parcels as A")

        paths = [work / f"c{i}.gpkg" for i in range(args.clients)]
        for p in paths:
            bench_transfer.copy_working_copy(b, p)
        b.close()
        report["concurrent"] = []
        for run_no, n in enumerate(sorted({1, args.clients})):
            _say(f"{n} client(s) pushing small change sets for {args.duration:.0f} s ...")
            report["concurrent"].append(bench_concurrent.run(
                paths[:n], server.url, token, args.duration, args.clients, run_no))
        _print(report, args.output / "sync.json")
    finally:
        if server:
            server.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    (args.output / "sync.json").write_text(json.dumps(report, indent=2))
    failed = [c for c in report.get("concurrent", []) if c["errors"]]
    return 1 if failed or report["pull"]["conflicts"] else 0


def _print(r: dict, written_to: Path) -> None:
    push, pull = r["push"], r["pull"]
    n = push["parcels_per_push"]
    rows = [
        ("checkout (whole commune)", f"{r['checkout']['seconds']:.1f} s, "
         f"{r['checkout']['parcels'] / r['checkout']['seconds']:,.0f} parcels/s", "—", "—"),
        (f"push of {n:,} changed parcels, validated",
         f"median {push['median_s']:.2f} s, max {push['max_s']:.2f} s "
         f"({n / push['median_s']:,.0f} parcels/s)",
         f"SQL UPDATE of the same rows {push['sql_update_reference_s']:.2f} s "
         f"(ours {push['median_s'] / push['sql_update_reference_s']:.1f}x)",
         f"≤ {PUSH_TARGET_S:.0f} s: {'met' if push['max_s'] <= PUSH_TARGET_S else 'MISSED'}"),
        (f"pull of {pull['applied']:,} changed parcels",
         f"{pull['seconds']:.2f} s ({pull['applied'] / pull['seconds']:,.0f} rows/s)",
         f"ogr2ogr PostGIS→GPKG of the same {pull['ogr2ogr_rows']:,} rows "
         f"{pull['ogr2ogr_s']:.2f} s (ours {pull['seconds'] / pull['ogr2ogr_s']:.1f}x)",
         f"≤ {PULL_TARGET_S:.0f} s: {'met' if pull['seconds'] <= PULL_TARGET_S else 'MISSED'}"),
    ]
    one = r["concurrent"][0]
    for c in r["concurrent"]:
        rows.append((f"{c['clients']} client(s), 1-20 parcels per push, {c['seconds']:.0f} s",
                     f"{c['changesets_per_s']:.1f} change sets/s, {c['parcels_per_s']:.0f} "
                     f"parcels/s; latency p50 {c['p50_ms']:.0f} ms, p95 {c['p95_ms']:.0f} ms, "
                     f"max {c['max_ms']:.0f} ms; {c['errors']} errors",
                     "—" if c is one else
                     f"throughput {c['changesets_per_s'] / one['changesets_per_s']:.1f}x "
                     "1 client", "errors = 0: " + ("met" if not c["errors"] else "MISSED")))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    head = ("sync on loopback", "ours", "reference (same rows, same run)", "target")
    widths = [max(w, len(h)) for w, h in zip(widths, head)]
    print()
    for row in [head, tuple("-" * w for w in widths), *rows]:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
    for c in r["concurrent"]:
        for e in c["error_samples"]:
            print(f"  error ({c['clients']} clients): {e}")
    print(f"\n({r['workers']} server workers; figures written to {written_to})")


if __name__ == "__main__":
    sys.exit(main())
