"""Sustained concurrent pushes: N client processes, each with its own working copy and its
own parcels (fid modulo N, so their change sets never touch the same rows), each editing 1 to
20 parcels at a time (a new address; a new boundary vertex on every tenth) and pushing, again
and again for ``duration`` seconds. Processes, not threads: each client is its own program on
its own machine in real life, and threads would share one interpreter lock.

Latency is the whole ``push()`` call as a user waits for it: building the change set from the
journal, the local checks, the HTTP round trip with the server's checks, and the confirmation.
"""
from __future__ import annotations

import math
import multiprocessing as mp
import statistics
import time

import numpy as np


def _client(index: int, share: int, run_no: int, path: str, url: str, token: str,
            duration: float, barrier, results) -> None:
    from cadastre_plugin.core.sync import ApiClient, push
    from cadastre_plugin.core.working_copy import WorkingCopy

    from .bench_edits import edit

    wc = WorkingCopy.open(path)
    client = ApiClient(url, token, timeout=(10, 120), retries=0)
    mine = [r[0] for r in wc.conn.execute("SELECT fid FROM parcels WHERE fid % ? = ?",
                                          (share, index))]
    # A fresh draw and fresh texts in every run: an edit repeating one already pushed would
    # change nothing, and send nothing.
    rng = np.random.default_rng([run_no, index])
    records, errors, n = [], [], 0
    barrier.wait()
    start = time.monotonic()
    while time.monotonic() - start < duration:
        fids = rng.choice(mine, size=int(rng.integers(1, 21)), replace=False).tolist()
        edit(wc, fids, f"Lần chạy {run_no}, máy {index}, lượt {n}")
        n += 1
        t = time.monotonic()
        try:
            result = push(wc, client)
            if result.changes != len(fids):
                raise RuntimeError(f"{result.changes} rows pushed for {len(fids)} edited parcels")
            records.append((time.monotonic() - start, time.monotonic() - t, len(fids)))
        except Exception as exc:  # counted and shown: the run must have none
            errors.append(f"{type(exc).__name__}: {exc}"[:300])
    wc.close()
    results.put((index, records, errors))


def run(paths: list, url: str, token: str, duration: float, share: int, run_no: int) -> dict:
    """Runs ``len(paths)`` clients at once, client i editing the parcels whose fid modulo
    ``share`` is i (the same share whatever the number running); figures over the whole run."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(paths))
    results = ctx.Queue()
    procs = [ctx.Process(target=_client, args=(i, share, run_no, str(p), url, token, duration,
                                               barrier, results))
             for i, p in enumerate(paths)]
    for p in procs:
        p.start()
    got = [results.get(timeout=duration + 300) for _ in procs]
    for p in procs:
        p.join(60)
    records = [r for _, rs, _ in got for r in rs]
    errors = [e for _, _, es in got for e in es]
    latencies = sorted(r[1] for r in records)
    elapsed = max((r[0] for r in records), default=duration)
    parcels = sum(r[2] for r in records)
    return {
        "clients": len(paths), "seconds": elapsed, "changesets": len(records),
        "parcels": parcels, "errors": len(errors), "error_samples": errors[:5],
        "changesets_per_s": len(records) / elapsed, "parcels_per_s": parcels / elapsed,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p95_ms": 1000 * latencies[math.ceil(0.95 * len(latencies)) - 1] if latencies else None,
        "max_ms": 1000 * latencies[-1] if latencies else None,
    }
