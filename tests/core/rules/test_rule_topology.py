"""Coverage rules: overlaps, gaps and slivers, near-coincident vertices, duplicate parcels."""
import pytest
import shapely
from shapely import Polygon

from cadastre_plugin.core.quality import CheckContext, Tolerances, run_rules
from cadastre_plugin.core.quality.registry import create

from quality_helpers import bilingual, only, rect


def check(geoms, rules=None, tol=0.15, **kw):
    ctx = CheckContext(geoms, tolerances=Tolerances(distance=tol, **kw))
    return run_rules(ctx, create(rules) if rules else None).findings


# -- overlaps --------------------------------------------------------------------------------
def test_overlap_geometry_is_the_intersection():
    a, b = rect(0, 0, 10, 10), rect(9, 0, 20, 10)
    [f] = check([a, b], ["CAD-OVERLAP"])
    assert f.geometry.equals(rect(9, 0, 10, 10))
    assert f.details["area"] == pytest.approx(10)
    assert f.rows == (0, 1) and "10.0 m²" in f.en and "chồng lấn" in f.vi
    bilingual(f)


def test_overlap_below_the_area_tolerance_is_noise():
    a, b = rect(0, 0, 10, 10), rect(10 - 1e-6, 0, 20, 10)  # 1e-5 m²
    assert check([a, b], ["CAD-OVERLAP"]) == []
    assert len(check([a, b], ["CAD-OVERLAP"], area=1e-6)) == 1


def test_tiny_real_overlaps_are_reported_with_their_size():
    a, b = rect(0, 0, 10, 10), rect(9.999, 0, 20, 10)  # 1 mm wide, 0.01 m²
    [f] = check([a, b], ["CAD-OVERLAP"])
    assert "0.01 m²" in f.en


def test_parcel_inside_another_is_an_overlap():
    outer, inner = rect(0, 0, 10, 10), rect(2, 2, 3, 3)
    [f] = check([outer, inner], ["CAD-OVERLAP"])
    assert f.geometry.equals(inner)


def test_duplicates_are_reported_once_as_duplicates_not_as_overlaps():
    a = rect(0, 0, 10, 10)
    same_start_elsewhere = Polygon([(10, 10), (0, 10), (0, 0), (10, 0)])
    nearly = Polygon([(0, 0), (10.05, 0), (10, 10), (0, 10)])
    findings = check([a, same_start_elsewhere, rect(30, 0, 40, 10), nearly.buffer(0)])
    dup = only(findings, "CAD-DUPLICATE-GEOMETRY")
    assert [f.rows for f in dup] == [(0, 1, 3)]
    assert only(findings, "CAD-OVERLAP") == []
    assert "3 times" in dup[0].en and "3 lần" in dup[0].vi


def test_exact_duplicates_say_identical():
    [f] = check([rect(0, 0, 1, 1), rect(0, 0, 1, 1)], ["CAD-DUPLICATE-GEOMETRY"])
    assert "identical" in f.en and "giống hệt" in f.vi


# -- gaps ------------------------------------------------------------------------------------
def test_road_between_blocks_is_not_a_gap():
    assert check([rect(0, 0, 10, 10), rect(16, 0, 26, 10)]) == []


@pytest.mark.parametrize("width,found", [(0.1, True), (0.14, True), (0.2, False), (6.0, False)])
def test_slit_between_parcels_is_a_gap_only_when_narrower_than_the_tolerance(width, found):
    findings = check([rect(0, 0, 10, 10), rect(10 + width, 0, 20, 10)], ["CAD-GAP"])
    assert bool(findings) == found
    if found:
        assert findings[0].geometry.normalize().equals_exact(rect(10, 0, 10 + width, 10).normalize(), 1e-9)
        assert findings[0].details["width"] == pytest.approx(width, rel=0.02)


def test_enclosed_hole_between_four_parcels_is_exact():
    d = Polygon([(10.05, 10.05), (20, 10), (20, 20), (10, 20)])
    [f] = check([rect(0, 0, 10, 10), rect(10, 0, 20, 10), rect(0, 10, 10, 20), d], ["CAD-GAP"])
    assert f.geometry.equals(Polygon([(10, 10), (20, 10), (10.05, 10.05), (10, 20)]))
    assert f.rows == (1, 2, 3)  # parcel 0 only touches the hole at a corner
    assert set(f.details["shared"]) == {1, 2, 3}


def test_wedge_with_a_narrow_mouth_is_a_gap():
    v = Polygon([(10, 0), (20, 0), (20, 10), (10.1, 10)])
    [f] = check([rect(0, 0, 10, 10), v], ["CAD-GAP"])
    assert f.geometry.equals(Polygon([(10, 0), (10, 10), (10.1, 10)]))


def test_concave_corners_and_wide_holes_are_not_gaps():
    l_shape = Polygon([(0, 0), (20, 0), (20, 10), (10, 10), (10, 20), (0, 20)])
    ring = [rect(0, 0, 30, 10), rect(0, 20, 30, 30), rect(0, 10, 10, 20), rect(20, 10, 30, 20)]
    assert check([l_shape, rect(20, 0, 30, 10)]) == []
    assert check(ring) == []  # a 10 x 10 m hole: a pond, not a sliver


def test_gap_tolerance_of_the_rule_overrides_the_context():
    ctx = CheckContext([rect(0, 0, 10, 10), rect(10.2, 0, 20, 10)])
    from cadastre_plugin.core.quality.rules.gap import Gap

    assert Gap().check(ctx) == []
    assert len(Gap(tolerance=0.3).check(ctx)) == 1


# -- near-coincident vertices ----------------------------------------------------------------
def test_vertex_off_the_neighbour_edge_within_tolerance_is_reported_with_its_distance():
    b = Polygon([(10, 0), (20, 0), (20, 10), (10, 10), (10.05, 5)])
    findings = check([rect(0, 0, 10, 10), b], ["CAD-NEAR-COINCIDENT"])
    [f] = findings
    assert f.geometry.equals(shapely.Point(10.05, 5)) and f.rows == (1, 0)
    assert f.details["distance"] == pytest.approx(0.05)
    assert f.severity == "warning" and "0.05 m" in f.en and "bắt dính" in f.vi


def test_vertex_exactly_on_the_neighbour_edge_is_fine():
    """A T-junction: the coverage validator flags it, but it is no error."""
    b = Polygon([(10, 0), (20, 0), (20, 10), (10, 10), (10, 5)])
    assert check([rect(0, 0, 10, 10), b]) == []


def test_vertex_beyond_the_tolerance_is_not_near_coincident():
    b = Polygon([(10, 0), (20, 0), (20, 10), (10, 10), (10.5, 5)])
    findings = check([rect(0, 0, 10, 10), b])
    assert only(findings, "CAD-NEAR-COINCIDENT") == []
    assert len(only(findings, "CAD-GAP")) == 0  # 0.5 m wide at the vertex: land, not a sliver


def test_vertex_next_to_its_own_shared_corner_is_a_duplicate_vertex_not_near_coincident():
    """(10.03, 0.05) is 3 cm from the neighbour's edge, but only because it sits 6 cm from its
    own corner (10, 0), which the neighbour shares: a near-duplicate vertex (and the sliver it
    opens), not a second stray vertex to snap."""
    b = Polygon([(10, 0), (20, 0), (20, 10), (10, 10), (10.03, 0.05)])
    findings = check([rect(0, 0, 10, 10), b])
    assert sorted(f.rule for f in findings) == ["CAD-DUPLICATE-VERTEX", "CAD-GAP"]


def test_gaps_found_around_flagged_parcels_equal_a_closing_of_the_whole_map(injected_result):
    """The gap rule only looks around the parcels the coverage validator flags; a brute-force
    closing of the union of all valid parcels must find the same gaps."""
    import numpy as np

    ctx, result = injected_result
    valid = ctx.geoms[ctx.usable(np.arange(ctx.n))]
    union = shapely.union_all(valid)
    r = ctx.tolerances.distance / 2
    closed = union.buffer(r, join_style="mitre", mitre_limit=1e4).buffer(
        -r, join_style="mitre", mitre_limit=1e4)
    pieces = [p for p in shapely.get_parts(closed.difference(union)) if p.area > ctx.tolerances.area]
    gaps = only(result.findings, "CAD-GAP")
    assert len(pieces) == len(gaps) > 0
    for p in pieces:
        assert any(shapely.hausdorff_distance(g.geometry, p) < 1e-6 for g in gaps)


def test_near_coincident_vertices_equal_a_brute_force_search(injected_result):
    """Every vertex of every valid parcel against every neighbour boundary: the stray vertices
    within the tolerance are exactly those reported (the rule only looks at flagged edges)."""
    import numpy as np

    from cadastre_plugin.core.quality.rules.near_coincident import NearCoincident

    ctx, result = injected_result
    tol, eps = ctx.tolerances.distance, ctx.tolerances.on_edge
    rows = np.flatnonzero(ctx.usable(np.arange(ctx.n)))
    xy, owner = shapely.get_coordinates(ctx.geoms[rows], return_index=True)
    owner = rows[owner]
    points = shapely.points(xy)
    pi, nb = ctx.tree.query(points, predicate="dwithin", distance=tol)
    keep = (nb != owner[pi]) & ctx.usable(nb)
    pi, nb = pi[keep], nb[keep]
    dup = {tuple(sorted(f.rows)) for f in only(result.findings, "CAD-DUPLICATE-GEOMETRY")}
    keep = np.array([tuple(sorted((o, n))) not in dup for o, n in zip(owner[pi], nb)], dtype=bool)
    pi, nb = pi[keep], nb[keep]
    d = shapely.distance(points[pi], shapely.boundary(ctx.geoms[nb]))
    near = (d > eps) & (d <= tol)
    pi, nb = pi[near], nb[near]
    beside = NearCoincident._beside_shared_vertex(ctx, owner[pi], xy[pi], nb, tol, eps)
    expected = {(int(owner[k]), tuple(np.round(xy[k], 6))) for k in pi[~beside]}
    found = {(f.rows[0], tuple(np.round(f.details["vertex"], 6)))
             for f in only(result.findings, "CAD-NEAR-COINCIDENT")}
    assert found == expected and found


def test_overlaps_equal_a_brute_force_search(injected_result):
    import numpy as np

    ctx, result = injected_result
    rows = np.flatnonzero(ctx.usable(np.arange(ctx.n)))
    a, b = ctx.tree.query(ctx.geoms[rows], predicate="intersects")
    a = rows[a]
    keep = (a < b) & ctx.usable(b)
    a, b = a[keep], b[keep]
    area = shapely.area(shapely.intersection(ctx.geoms[a], ctx.geoms[b]))
    pairs = {(int(i), int(j)) for i, j, s in zip(a, b, area) if s > ctx.tolerances.area}
    dup = {tuple(sorted(f.rows)) for f in only(result.findings, "CAD-DUPLICATE-GEOMETRY")}
    assert {f.rows for f in only(result.findings, "CAD-OVERLAP")} == pairs - dup
