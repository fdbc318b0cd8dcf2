"""Property: applying every automatic fix never increases the number of findings, whatever
the coverage and whatever faults it carries."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadastre_plugin.core.demo import generate_parcels
from cadastre_plugin.core.quality import CheckContext, fix_findings, run_rules
from cadastre_plugin.core.quality.inject import inject

GEOMETRY_FAULTS = ["overlap", "gap", "near_coincident", "bowtie", "spike", "duplicate_vertex",
                   "near_duplicate_vertex", "duplicate_geometry", "multipart"]


@st.composite
def faulty_coverages(draw):
    seed = draw(st.integers(0, 10_000))
    n = draw(st.integers(150, 400))
    kinds = draw(st.lists(st.sampled_from(GEOMETRY_FAULTS), min_size=1, max_size=4, unique=True))
    counts = {k: draw(st.integers(1, 2)) for k in kinds}
    geoms = generate_parcels(n, seed=seed)[0]
    return inject(geoms, {}, counts, seed=seed).geoms


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(faulty_coverages())
def test_fixing_everything_never_increases_the_findings(geoms):
    ctx = CheckContext(geoms)
    before = run_rules(ctx).findings
    outcomes = fix_findings(ctx, before)
    after = run_rules(ctx).findings
    assert len(after) <= len(before)
    assert sum(f.severity == "error" for f in after) <= sum(f.severity == "error" for f in before)
    for o in outcomes:
        if o.status == "fixed":
            assert o.after < o.before


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.floats(0.0005, 0.14), st.floats(-0.14, 0.14),
       st.floats(0.05, 0.95))
def test_snapping_a_stray_vertex_never_makes_it_worse(seed, offset, lateral, where):
    """A vertex of a shared edge pushed off it (any small offset, any position along it): the
    fixes leave no more findings than the fault made."""
    import numpy as np
    import shapely

    geoms = generate_parcels(60, seed=seed)[0].copy()
    g = geoms[10]
    ring = np.asarray(g.exterior.coords)
    a, b = ring[0], ring[1]
    t = (b - a) / np.hypot(*(b - a))
    n = np.array([t[1], -t[0]])
    p = a + (b - a) * where + n * offset + t * lateral
    geoms[10] = shapely.Polygon(np.vstack([ring[:1], p, ring[1:]]))
    ctx = CheckContext(geoms)
    before = run_rules(ctx).findings
    fix_findings(ctx, before)
    assert len(run_rules(ctx).findings) <= len(before)
