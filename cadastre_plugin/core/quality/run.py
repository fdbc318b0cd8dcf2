"""Running rules: the whole context, or incrementally the neighbourhood of edited parcels.

``check_neighbourhood`` is what an editing tool calls after each operation: it checks the
edited parcels and every parcel within the tolerance of them (found with the spatial index),
and returns exactly the findings of a full check that involve one of those parcels.
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

from . import registry, spatial
from .coverage import flagged

#: Rules whose work starts from the coverage validator's flags.
_COVERAGE_RULES = {"CAD-OVERLAP", "CAD-GAP", "CAD-NEAR-COINCIDENT", "CAD-DUPLICATE-GEOMETRY"}


class Cancelled(Exception):
    """The progress callback asked to stop."""


@dataclass
class CheckResult:
    findings: list
    parcels: int
    rules: list
    skipped: list = field(default_factory=list)  # (rule id, missing inputs)
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)  # step -> seconds

    @property
    def errors(self) -> list:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list:
        return [f for f in self.findings if f.severity == "warning"]

    def by_rule(self) -> dict:
        out: dict = {}
        for f in self.findings:
            out[f.rule] = out.get(f.rule, 0) + 1
        return out


def run_rules(ctx, rules=None, progress: Optional[Callable[[float, str], bool]] = None
              ) -> CheckResult:
    """Every rule over the context's scope. ``progress(fraction, step)`` is called between
    steps; returning False cancels (raises :class:`Cancelled`)."""
    rules = registry.create() if rules is None else list(rules)
    started = time.perf_counter()
    timings: dict = {}
    runnable, skipped = [], []
    for rule in rules:
        missing = rule.missing_inputs(ctx)
        if missing:
            skipped.append((rule.id, missing))
        else:
            runnable.append(rule)
    steps = len(runnable) + 1

    def tick(k: int, step: str) -> None:
        if progress is not None and progress(k / steps, step) is False:
            raise Cancelled(step)

    tick(0, "prepare")
    t = time.perf_counter()
    ctx.is_valid(ctx.rows)
    timings["validity"] = time.perf_counter() - t
    results: dict = {}

    def run(k: int, rule) -> None:
        tick(k, rule.id)
        t = time.perf_counter()
        results[rule.id] = rule.check(ctx)
        timings[rule.id] = time.perf_counter() - t

    def coverage() -> float:
        t = time.perf_counter()
        flagged(ctx)
        return time.perf_counter() - t

    later = [r for r in runnable if r.id in _COVERAGE_RULES]
    first = [r for r in runnable if r.id not in _COVERAGE_RULES]
    if later and len(ctx.rows) >= spatial.PARALLEL_MIN:
        # The coverage validation is the one long GEOS call (spread over the cores in spatial
        # chunks); the vertex and attribute rules are NumPy work that fills the gaps meanwhile.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(coverage)
            for k, rule in enumerate(first, start=1):
                run(k, rule)
            timings["coverage"] = pending.result()
    else:
        if later:
            timings["coverage"] = coverage()
        for k, rule in enumerate(first, start=1):
            run(k, rule)
    for k, rule in enumerate(later, start=len(first) + 1):
        run(k, rule)
    tick(steps, "done")
    findings = [f for rule in runnable for f in results[rule.id]]
    return CheckResult(findings, len(ctx.rows), [r.id for r in runnable], skipped,
                       time.perf_counter() - started, timings)


def neighbourhood(ctx, rows) -> np.ndarray:
    """``rows`` and every parcel within the distance tolerance of them."""
    rows = np.unique(np.asarray(rows, dtype=np.int64))
    return np.union1d(rows, ctx.neighbour_rows(rows))


def check_neighbourhood(ctx, changed_rows, rules=None) -> CheckResult:
    """The incremental check after an edit of ``changed_rows`` (their geometries already set
    with ``ctx.set_geometries``)."""
    return run_rules(ctx.focused(neighbourhood(ctx, changed_rows)), rules)
