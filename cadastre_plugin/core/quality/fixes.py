"""Applying automatic fixes so that they never make the map worse.

Each finding is first re-found in its neighbourhood (an earlier fix may have repaired it
already: then it is "stale"). The rule proposes candidate repairs, best first; a candidate is
kept only if it leaves every parcel one valid polygon and the neighbourhood check afterwards
reports strictly fewer findings than before: the repaired one gone and not a single finding
that was not there before. Otherwise it is undone and the next is tried; with none left the
fix is refused and the parcels stay as they were. The check is made in memory before anything
is written, so a refused fix never reaches the file.

``apply_fixes`` writes each kept fix to the working copy as its own operation
``fix:<rule id>``, so the journal records it like any edit (and sync pushes it).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from ..area import round_area
from . import registry
from .engine import NotFixable
from .run import neighbourhood, run_rules

#: Cleaning vertices first makes the topology fixes simpler; giving a gap to a neighbour or
#: cutting an overlap off restores both boundaries at once, so those come before snapping the
#: stray vertex that caused them.
FIX_ORDER = ("CAD-INVALID-GEOMETRY", "CAD-DUPLICATE-VERTEX", "CAD-SPIKE", "CAD-GAP",
             "CAD-OVERLAP", "CAD-NEAR-COINCIDENT")


@dataclass
class FixOutcome:
    finding: object
    status: str  # "fixed", "stale", "refused" or "not_fixable"
    en: str
    vi: str
    changes: dict = field(default_factory=dict)  # row -> new geometry
    before: int = 0  # findings in the neighbourhood before and after
    after: int = 0


def fix_findings(ctx, findings, rules=None) -> list:
    """Fix what can be fixed, in memory (``ctx`` is updated); returns one outcome per finding,
    in the order they were tried (:data:`FIX_ORDER`)."""
    rules = registry.create() if rules is None else list(rules)
    by_id = {r.id: r for r in rules}
    order = {rid: k for k, rid in enumerate(FIX_ORDER)}
    todo = sorted(findings, key=lambda f: order.get(f.rule, len(order)))
    return [_fix_one(ctx, f, by_id.get(f.rule) or registry.rule_class(f.rule)(), rules)
            for f in todo]


def _fix_one(ctx, finding, rule, rules) -> FixOutcome:
    if not (rule.fixable and finding.fixable):
        return FixOutcome(finding, "not_fixable",
                          f"Rule {finding.rule} has no automatic fix for this: correct it by hand.",
                          f"Quy tắc {finding.rule} không sửa tự động được lỗi này: hãy sửa thủ công.")
    rows = _rows_of(ctx, finding)
    if rows is None:
        return _stale(finding)
    region = neighbourhood(ctx, rows)
    before = run_rules(ctx.focused(region), rules)
    fresh = _same(finding, before.findings, rows, ctx.tolerances.distance)
    if fresh is None:
        return _stale(finding)
    try:
        for candidate in rule.fixes(ctx, fresh):
            outcome = _try(ctx, fresh, candidate, rows, rules, region, before)
            if outcome is not None:
                outcome.finding = finding
                return outcome
    except NotFixable as exc:
        return FixOutcome(finding, "not_fixable", exc.en, exc.vi)
    return FixOutcome(finding, "refused",
                      "No automatic repair improves the neighbourhood without side effects; the "
                      "parcels were left unchanged. Correct them by hand.",
                      "Không có cách sửa tự động nào làm khu vực lân cận tốt hơn mà không gây lỗi "
                      "khác; các thửa được giữ nguyên. Hãy sửa thủ công.")


def _try(ctx, finding, candidate: dict, rows, rules, region, before):
    """Apply ``candidate`` if the neighbourhood ends up strictly better, else undo it.
    ``before`` is the check of ``region`` as it is; a candidate that reaches further (a parcel
    grown into new neighbours) has the larger region checked before and after."""
    changed = np.array(sorted(candidate), dtype=np.int64)
    new = np.array([candidate[r] for r in changed], dtype=object)
    if not _acceptable(new):
        return None
    old = ctx.geoms[changed].copy()
    involved = np.union1d(rows, changed)
    wider = np.union1d(region, neighbourhood(ctx, involved))
    ctx.set_geometries(changed, new)
    wider = np.union1d(wider, neighbourhood(ctx, involved))
    after = run_rules(ctx.focused(wider), rules)
    if wider.size != region.size:
        ctx.set_geometries(changed, old)
        before = run_rules(ctx.focused(wider), rules)
        ctx.set_geometries(changed, new)
    gone = _same(finding, after.findings, rows, ctx.tolerances.distance) is None
    new_ones = _new(before.findings, after.findings, ctx.tolerances.distance)
    if gone and not new_ones and len(after.findings) < len(before.findings):
        return FixOutcome(finding, "fixed", "Fixed.", "Đã sửa.",
                          {int(r): g for r, g in zip(changed, new)},
                          len(before.findings), len(after.findings))
    ctx.set_geometries(changed, old)
    return None


def _acceptable(geoms) -> bool:
    """Every new geometry is one valid, non-empty polygon."""
    return bool(len(geoms)) and bool(np.all(
        (shapely.get_type_id(geoms) == 3) & ~shapely.is_empty(geoms) & shapely.is_valid(geoms)))


def _rows_of(ctx, finding):
    """The finding's rows in this context: the same rows if they still hold the same parcels,
    else looked up by parcel id (the context was rebuilt from the working copy)."""
    rows = np.array(finding.rows, dtype=np.int64)
    if rows.size and rows.max() < ctx.n and all(
            a == b for a, b in zip(ctx.ids[rows].tolist(), finding.parcels)):
        return rows
    index = ctx.attr_cached("row_of_id", lambda: {v: k for k, v in enumerate(ctx.ids.tolist())})
    try:
        return np.array([index[p] for p in finding.parcels], dtype=np.int64)
    except KeyError:
        return None


def _same(finding, findings, rows, within: float):
    """The finding among ``findings`` that is the same error: same rule, same parcels, and
    (for several errors of one rule on the same parcels) the nearest location, at most
    ``within`` away."""
    wanted = set(rows.tolist())
    same = [f for f in findings if f.rule == finding.rule and set(f.rows) == wanted]
    if not same:
        return None
    if finding.geometry is None:
        return same[0]
    d = [shapely.distance(f.geometry, finding.geometry) if f.geometry is not None else np.inf
         for f in same]
    best = int(np.argmin(d))
    return same[best] if d[best] <= within else None


def _new(before, after, within: float) -> list:
    """Findings after a fix that were not there before: a fix may remove errors, never add."""
    out = []
    for f in after:
        rows = np.array(sorted(f.rows), dtype=np.int64)
        if _same(f, before, rows, within) is None:
            out.append(f)
    return out


def _stale(finding) -> FixOutcome:
    return FixOutcome(finding, "stale", "Already resolved (by an earlier fix or edit).",
                      "Đã được khắc phục (bởi lần sửa hoặc chỉnh sửa trước).")


def apply_fixes(wc, findings, ctx=None, rules=None) -> list:
    """Fix ``findings`` in the working copy: one journalled operation per kept fix."""
    from ..gpkg import encode
    from .context import CheckContext

    ctx = ctx or CheckContext.from_working_copy(wc)
    outcomes = fix_findings(ctx, findings, rules)
    srs = wc.commune.crs_epsg
    for outcome in outcomes:
        if outcome.status != "fixed":
            continue
        rows = list(outcome.changes)
        geoms = [outcome.changes[r] for r in rows]
        blobs = encode(geoms, srs)
        areas = round_area(shapely.area(np.array(geoms, dtype=object)))
        with wc.operation(f"fix:{outcome.finding.rule}") as conn:
            conn.executemany("UPDATE parcels SET geom = ?, area = ? WHERE fid = ?",
                             [(b, float(a), int(ctx.fids[r])) for b, a, r in zip(blobs, areas, rows)])
    return outcomes
