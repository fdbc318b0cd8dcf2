"""Automatic fixes: each gives a better map (the exact clean geometry for the injected faults),
is refused when it would make anything worse, and is journalled in the working copy."""
from collections import Counter

import numpy as np
import pytest
from shapely import Polygon

from cadastre_plugin.core.area import round_area
from cadastre_plugin.core.gpkg import encode
from cadastre_plugin.core.quality import CheckContext, apply_fixes, fix_findings, run_rules
from cadastre_plugin.core.quality.inject import inject
from cadastre_plugin.core.working_copy import WorkingCopy

from quality_helpers import rect

FIXABLE = ["overlap", "gap", "near_coincident", "bowtie", "spike", "duplicate_vertex",
           "near_duplicate_vertex"]


@pytest.mark.parametrize("kind", FIXABLE)
def test_fix_restores_the_clean_parcels_exactly(kind, commune):
    faulty = inject(commune.geoms, {}, {kind: 3}, seed=7, avoid=commune.frame_edges())
    ctx = commune.context(faulty.geoms)
    before = run_rules(ctx).findings
    assert len(before) == len(faulty.truth)
    outcomes = fix_findings(ctx, before)
    assert {o.status for o in outcomes} <= {"fixed", "stale"}
    assert Counter(o.status for o in outcomes)["fixed"] >= 3
    for o in outcomes:
        if o.status == "fixed":
            assert o.after < o.before
    assert run_rules(ctx).findings == []
    changed = [r for t in faulty.truth for r in t.rows]
    for r in changed:
        assert ctx.geoms[r].equals(commune.geoms[r]), (kind, r)


def test_gap_goes_to_the_neighbour_with_the_longest_shared_edge():
    big, small = rect(0, 0, 10, 10), rect(10.1, 0, 20, 2)  # shares 2 m of the 10 m slit
    other = rect(10.1, 2, 20, 10)
    ctx = CheckContext([big, small, other])
    [gap] = [f for f in run_rules(ctx).findings if f.rule == "CAD-GAP"]
    [outcome] = [o for o in fix_findings(ctx, [gap])]
    assert outcome.status == "fixed" and list(outcome.changes) == [0]
    assert ctx.geoms[0].equals(rect(0, 0, 10.1, 10))


def test_fix_that_would_open_a_sliver_is_refused_and_nothing_changes():
    """Both parcels carry the same 6 cm bend: removing it from one only would open a sliver
    between them, so each near-duplicate fix is refused."""
    a = Polygon([(0, 0), (10, 0), (10, 5), (10.03, 5.05), (10, 10), (0, 10)])
    b = Polygon([(10, 0), (20, 0), (20, 10), (10, 10), (10.03, 5.05), (10, 5)])
    ctx = CheckContext([a, b])
    findings = run_rules(ctx).findings
    assert [f.rule for f in findings] == ["CAD-DUPLICATE-VERTEX"] * 2
    outcomes = fix_findings(ctx, findings)
    assert [o.status for o in outcomes] == ["refused", "refused"]
    assert "unchanged" in outcomes[0].en and "giữ nguyên" in outcomes[0].vi
    assert ctx.geoms[0].equals_exact(a, 0) and ctx.geoms[1].equals_exact(b, 0)
    assert len(run_rules(ctx).findings) == 2


def test_second_finding_of_the_same_fault_is_stale_after_the_first_fix(commune):
    faulty = inject(commune.geoms, {}, {"gap": 1}, seed=3, avoid=commune.frame_edges())
    ctx = commune.context(faulty.geoms)
    outcomes = fix_findings(ctx, run_rules(ctx).findings)
    assert [(o.finding.rule, o.status) for o in outcomes] == [
        ("CAD-GAP", "fixed"), ("CAD-NEAR-COINCIDENT", "stale")]


def test_attribute_and_duplicate_findings_are_not_fixable(commune):
    attrs = {k: v.copy() for k, v in commune.attrs.items()}
    faulty = inject(commune.geoms, attrs, {"duplicate_number": 1, "unknown_landuse": 1,
                                           "duplicate_geometry": 1, "multipart": 1}, seed=4,
                    avoid=commune.frame_edges())
    ctx = commune.context(faulty.geoms, faulty.attrs)
    outcomes = fix_findings(ctx, run_rules(ctx).findings)
    assert {o.status for o in outcomes} == {"not_fixable"}
    assert all(o.en and o.vi for o in outcomes)


def test_unrepairable_invalid_parcel_is_not_fixable():
    hole_outside = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(20, 20), (30, 20), (30, 30)]])
    ctx = CheckContext([hole_outside])
    [outcome] = fix_findings(ctx, run_rules(ctx).findings)
    assert outcome.status == "not_fixable" and "redraw" in outcome.en


def test_apply_fixes_writes_journalled_operations(commune_path, commune):
    with WorkingCopy.open(str(commune_path)) as wc:
        fids, geoms, _ = wc.parcel_arrays()
        faulty = inject(geoms, {}, {"overlap": 2, "gap": 2, "bowtie": 2, "spike": 2,
                                    "duplicate_vertex": 2}, seed=9, avoid=commune.frame_edges())
        changed = sorted({r for t in faulty.truth for r in t.rows
                          if not faulty.geoms[r].equals_exact(geoms[r], 0)})
        with wc.operation("setup", journal=False) as conn:
            conn.executemany("UPDATE parcels SET geom = ? WHERE fid = ?",
                             [(b, int(fids[r])) for b, r in zip(encode(faulty.geoms[changed], 9210), changed)])
        journal_before = wc.count("journal")
        ctx = CheckContext.from_working_copy(wc)
        findings = run_rules(ctx).findings
        assert len(findings) == len(faulty.truth)
        outcomes = apply_fixes(wc, findings, ctx)
        fixed = [o for o in outcomes if o.status == "fixed"]
        assert len(fixed) == 10
        entries = wc.journal_entries(limit=100)
        ops = Counter(e["operation"] for e in entries if e["id"] > journal_before)
        assert ops == Counter({"fix:CAD-OVERLAP": 2, "fix:CAD-GAP": 2, "fix:CAD-INVALID-GEOMETRY": 2,
                               "fix:CAD-SPIKE": 2, "fix:CAD-DUPLICATE-VERTEX": 2})
        assert len({e["op_id"] for e in entries if e["id"] > journal_before}) == 10
    with WorkingCopy.open(str(commune_path)) as wc:
        ctx = CheckContext.from_working_copy(wc)
        assert run_rules(ctx).findings == []
        rows = {int(f): k for k, f in enumerate(ctx.fids)}
        for r in changed:
            k = rows[int(fids[r])]
            assert ctx.geoms[k].equals(geoms[r])
        stored = dict(wc.conn.execute("SELECT fid, area FROM parcels"))
        for r in changed:
            assert stored[int(fids[r])] == round_area(geoms[r].area)


def test_apply_fixes_finds_rows_by_parcel_id_in_a_fresh_context(commune_path, commune):
    """Findings from one context (e.g. a QGIS task) applied through a context rebuilt from the
    file: rows are matched by UUID."""
    with WorkingCopy.open(str(commune_path)) as wc:
        fids, geoms, _ = wc.parcel_arrays()
        faulty = inject(geoms, {}, {"spike": 1}, seed=2, avoid=commune.frame_edges())
        [t] = faulty.truth
        r = t.rows[0]
        with wc.operation("setup", journal=False) as conn:
            conn.execute("UPDATE parcels SET geom = ? WHERE fid = ?",
                         (encode([faulty.geoms[r]], 9210)[0], int(fids[r])))
        ctx = CheckContext.from_working_copy(wc)
        order = np.arange(ctx.n)[::-1]  # another row order, same parcels
        reordered = CheckContext(ctx.geoms[order], ids=ctx.ids[order], fids=ctx.fids[order])
        findings = run_rules(reordered).findings
        [outcome] = apply_fixes(wc, findings)
        assert outcome.status == "fixed"
        assert wc.journal_entries(limit=1)[0]["operation"] == "fix:CAD-SPIKE"
