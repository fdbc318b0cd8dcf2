"""The incremental check (after an edit: only the edited parcels and their neighbours) gives
exactly the full check's findings for that neighbourhood."""
import numpy as np
import shapely

from cadastre_plugin.core.quality import check_neighbourhood, run_rules
from cadastre_plugin.core.quality.run import neighbourhood


def keys(findings):
    return sorted(f.key() for f in findings)


def restricted(findings, rows):
    rows = set(np.asarray(rows).tolist())
    return [f for f in findings if rows & set(f.rows)]


def test_neighbourhood_of_each_fault_equals_the_full_check_there(commune, injected):
    ctx = commune.context(injected.geoms, injected.attrs)
    full = run_rules(ctx).findings
    for truth in injected.truth:
        region = neighbourhood(ctx, truth.rows)
        assert keys(check_neighbourhood(ctx, truth.rows).findings) == keys(restricted(full, region))


def test_random_neighbourhoods_on_a_fresh_context(commune, injected):
    """No cached full-check result to lean on: the focused check computes its own."""
    rng = np.random.default_rng(5)
    full = run_rules(commune.context(injected.geoms, injected.attrs)).findings
    for _ in range(15):
        ctx = commune.context(injected.geoms, injected.attrs)
        rows = rng.choice(ctx.n, size=3, replace=False)
        region = neighbourhood(ctx, rows)
        assert keys(check_neighbourhood(ctx, rows).findings) == keys(restricted(full, region))


def test_edit_then_incremental_check_matches_a_full_check_of_the_edited_map(commune):
    """Edit in place (the spatial index is not rebuilt), check incrementally, compare with a
    full check of a brand-new context holding the edited geometries."""
    ctx = commune.context()
    run_rules(ctx)  # warm every per-row cache, as a session would
    r = 100
    pushed = shapely.affinity.translate(ctx.geoms[r], 0.6, 0.0)  # overlaps its east neighbour
    ctx.set_geometries([r], [pushed])
    incremental = check_neighbourhood(ctx, [r]).findings
    fresh = commune.context(ctx.geoms.copy())
    full = run_rules(fresh).findings
    assert incremental, "moving a parcel 0.6 m must raise findings"
    assert keys(incremental) == keys(restricted(full, neighbourhood(fresh, [r])))
    ctx.set_geometries([r], [commune.geoms[r]])
    assert check_neighbourhood(ctx, [r]).findings == []


def test_duplicate_numbers_far_apart_are_found_incrementally(commune):
    """A duplicate number can be anywhere on the sheet, not only next door."""
    attrs = {k: v.copy() for k, v in commune.attrs.items()}
    sheet = attrs["sheet_no"][0]
    same = np.flatnonzero(attrs["sheet_no"] == sheet)
    far = same[-1]
    attrs["parcel_no"][far] = attrs["parcel_no"][same[0]]
    ctx = commune.context(attrs=attrs)
    found = check_neighbourhood(ctx, [far]).findings
    assert [(f.rule, f.rows) for f in found] == [("CAD-DUPLICATE-NUMBER", (same[0], far))]


def test_neighbourhood_holds_the_rows_and_everything_within_the_tolerance(commune):
    ctx = commune.context()
    region = neighbourhood(ctx, [10])
    assert 10 in region
    d = shapely.distance(ctx.geoms[10], ctx.geoms)
    assert set(region.tolist()) == set(np.flatnonzero(d <= ctx.tolerances.distance).tolist())


def test_renumbering_in_place_is_seen_by_the_next_check(commune):
    ctx = commune.context(attrs={k: v.copy() for k, v in commune.attrs.items()})
    assert check_neighbourhood(ctx, [0]).findings == []
    twin = int(np.flatnonzero(ctx.sheet_no == ctx.sheet_no[0])[5])
    ctx.set_attributes([0], parcel_no=[ctx.parcel_no[twin]])
    [f] = check_neighbourhood(ctx, [0]).findings
    assert f.rule == "CAD-DUPLICATE-NUMBER" and f.rows == (0, twin)
