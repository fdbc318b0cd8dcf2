"""What the topology check of one working copy knows between runs, and the work the background
tasks do: the full check, and fixes followed by the check of their neighbourhood.

No Qt here: these functions run in a QgsTask's thread on data they read there themselves (a
working copy connection opened in that thread), never on QGIS layers.

The session keeps the check context (arrays and spatial index of every parcel) so that a fix
and its re-check cost a neighbourhood, not a re-read of the whole working copy. The working
copy may have changed since (an edit in QGIS, a registration): a cheap stamp read with the fix
tells, and then the context is read again and everything re-checked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

from ...core.quality import CheckContext, apply_fixes, registry, run_rules
from ...core.quality.fixes import FIX_ORDER
from ...core.quality.run import Cancelled, neighbourhood
from ...core.working_copy import WorkingCopy

Progress = Callable[[float], bool]  # fraction done -> False to stop

#: Reading the working copy, before the rules run: its share of the progress bar.
_READ_SHARE = 0.15

_RULE_ORDER = {rule_id: k for k, rule_id in enumerate(registry.rule_ids())}


@dataclass
class QualitySession:
    path: str
    ctx: CheckContext
    findings: list
    stamp: tuple
    rules: list  # ids of the rules that ran
    skipped: list = field(default_factory=list)  # (rule id, missing inputs)
    parcels: int = 0
    seconds: float = 0.0

    def counts(self) -> tuple:
        errors = sum(1 for f in self.findings if f.severity == "error")
        return errors, len(self.findings) - errors


@dataclass
class FixReport:
    session: QualitySession
    outcomes: list  # core FixOutcome, one per finding tried
    fids: list  # GeoPackage fids of the parcels the fixes changed
    reread: bool  # the working copy had changed: read again and checked in full
    stopped: bool  # cancelled part way (the fixes made so far are written and re-checked)

    def fixed(self) -> list:
        return [o for o in self.outcomes if o.status == "fixed"]


def working_copy_stamp(wc) -> tuple:
    """Changes whenever the parcels change: journalled edits add journal entries; unjournalled
    loads (a pull, a bulk import) change the count, the fids or the versions."""
    return tuple(wc.conn.execute(
        "SELECT (SELECT max(id) FROM journal), count(*), max(fid), total(version) FROM parcels"
    ).fetchone())


def full_check(path: str, progress: Optional[Progress] = None) -> QualitySession:
    """Read the working copy and run every rule; raises Cancelled when ``progress`` says stop."""
    progress = progress or (lambda _fraction: True)
    if progress(0.0) is False:
        raise Cancelled("read")
    with WorkingCopy.open(path, migrate=False) as wc:
        ctx = CheckContext.from_working_copy(wc)
        stamp = working_copy_stamp(wc)
    return _check(path, ctx, stamp, progress)


def _check(path, ctx, stamp, progress) -> QualitySession:
    def step(fraction: float, _step: str) -> bool:
        return progress(_READ_SHARE + (1 - _READ_SHARE) * fraction)

    result = run_rules(ctx, progress=step)
    return QualitySession(path, ctx, sorted_findings(result.findings), stamp, result.rules,
                          result.skipped, result.parcels, result.seconds)


def sorted_findings(findings) -> list:
    """Report order (the registry's), stable within a rule."""
    return sorted(findings, key=lambda f: _RULE_ORDER.get(f.rule, len(_RULE_ORDER)))


def fix_and_recheck(session: QualitySession, findings, progress: Optional[Progress] = None
                    ) -> FixReport:
    """Fix ``findings`` one by one (each kept fix is its own journalled operation), then check
    again where they were. Stops between two fixes when ``progress`` says so."""
    progress = progress or (lambda _fraction: True)
    order = {rule_id: k for k, rule_id in enumerate(FIX_ORDER)}
    todo = sorted(findings, key=lambda f: order.get(f.rule, len(order)))
    with WorkingCopy.open(session.path) as wc:
        ctx = session.ctx
        reread = working_copy_stamp(wc) != session.stamp
        if reread:
            # Someone changed the parcels since the check: the rows and the spatial index of
            # the kept context no longer match the file. Fixes find their parcels by id.
            ctx = CheckContext.from_working_copy(wc)
        outcomes, stopped = [], False
        for k, finding in enumerate(todo):
            if progress(0.8 * k / max(len(todo), 1)) is False:
                stopped = True
                break
            outcomes += apply_fixes(wc, [finding], ctx=ctx)
        changed = sorted({r for o in outcomes for r in o.changes})
        stamp = working_copy_stamp(wc)
    if reread:
        fresh = run_rules(ctx)
        after = QualitySession(session.path, ctx, sorted_findings(fresh.findings), stamp,
                               fresh.rules, fresh.skipped, fresh.parcels, fresh.seconds)
    else:
        # Re-check what the fixes could touch: the fixed parcels and those of every finding
        # tried (an earlier fix may have resolved it), with their neighbours.
        tried = {r for o in outcomes for r in o.finding.rows}
        region = neighbourhood(ctx, np.array(sorted(tried | set(changed)), dtype=np.int64))
        fresh = run_rules(ctx.focused(region), registry.create(session.rules))
        inside = np.zeros(ctx.n, dtype=bool)
        inside[region] = True
        kept = [f for f in session.findings if not inside[list(f.rows)].any()] \
            if region.size else list(session.findings)
        after = QualitySession(session.path, ctx, sorted_findings(kept + fresh.findings), stamp,
                               session.rules, session.skipped, session.parcels, session.seconds)
    progress(1.0)
    fids = [int(f) for f in ctx.fids[changed]] if changed else []
    return FixReport(after, outcomes, fids, reread, stopped)
