"""Single-parcel geometry rules: validity, multipart, spikes, duplicate vertices."""
import pytest
import shapely
from shapely import Polygon

from cadastre_plugin.core.quality import CheckContext, Tolerances, run_rules
from cadastre_plugin.core.quality.registry import create

from quality_helpers import bilingual, only, rect


def check(geoms, rules=None, tol=0.15, **kw):
    ctx = CheckContext(geoms, tolerances=Tolerances(distance=tol), **kw)
    return run_rules(ctx, create(rules) if rules else None).findings


def test_bowtie_reported_at_its_crossing_with_the_geos_reason():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    [f] = check([bowtie], ["CAD-INVALID-GEOMETRY"])
    assert f.geometry.equals(shapely.Point(5, 5))
    assert f.details["reason"] == "Self-intersection"
    assert "(5.000, 5.000)" in f.en and "tự cắt" in f.vi
    assert f.fixable
    bilingual(f)


def test_hole_outside_its_shell_is_invalid_and_located():
    g = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(20, 20), (21, 20), (21, 21)]])
    [f] = check([g], ["CAD-INVALID-GEOMETRY"])
    assert f.geometry.equals(shapely.Point(20, 20))
    assert "lỗ nằm ngoài đường bao" in f.vi


def test_missing_and_non_polygon_geometries_are_reported_not_crashed_on():
    line = shapely.LineString([(0, 0), (5, 5)])
    findings = check([None, shapely.Polygon(), line, rect(0, 0, 1, 1)])
    invalid = only(findings, "CAD-INVALID-GEOMETRY")
    assert [f.rows for f in invalid] == [(0,), (1,), (2,)]
    assert invalid[0].geometry is None and not invalid[0].fixable
    assert invalid[2].geometry.equals(line) and "LineString" in invalid[2].en
    assert all(f.rule == "CAD-INVALID-GEOMETRY" for f in findings)


def test_invalid_parcels_are_left_out_of_the_topology_rules():
    """An overlay on a self-intersecting ring means nothing: its neighbours see no overlap."""
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    findings = check([bowtie, rect(5, 0, 15, 10)])
    assert [f.rule for f in findings] == ["CAD-INVALID-GEOMETRY"]


def test_multipart_parcel_reports_its_stray_parts():
    main, islet = rect(0, 0, 10, 10), rect(20, 0, 21, 1)
    [f] = check([shapely.MultiPolygon([main, islet])], ["CAD-MULTIPART"])
    assert f.geometry.equals(islet)
    assert f.details["parts"] == 2 and "2 separate parts" in f.en and "2 phần" in f.vi


def test_single_part_multipolygon_is_a_plain_parcel():
    findings = check([shapely.MultiPolygon([rect(0, 0, 10, 10)])])
    assert findings == []


@pytest.mark.parametrize("half_width,expected", [(0.01, 1), (0.2, 0)])
def test_spike_below_the_angle_is_reported_at_its_tip(half_width, expected):
    # A 3 m spike off the top edge: 0.38° wide at 1 cm, 7.6° at 20 cm.
    g = Polygon([(0, 0), (10, 0), (10, 10), (5 + half_width, 10), (5, 13), (5 - half_width, 10),
                 (0, 10)])
    found = check([g], ["CAD-SPIKE"])
    assert len(found) == expected
    if found:
        assert found[0].geometry.equals(shapely.Point(5, 13))
        assert found[0].details["angle"] < 1


def test_spike_at_the_first_vertex_of_the_ring_is_found():
    g = Polygon([(5, 13), (4.99, 10), (0, 10), (0, 0), (10, 0), (10, 10), (5.01, 10)])
    [f] = check([g], ["CAD-SPIKE"])
    assert f.geometry.equals(shapely.Point(5, 13))


def test_exact_and_near_duplicate_vertices():
    g = Polygon([(0, 0), (10, 0), (10, 0), (10, 10), (0.05, 10), (0, 10)])
    found = check([g], ["CAD-DUPLICATE-VERTEX"])
    assert len(found) == 2
    exact, near = found
    assert exact.geometry.equals(shapely.Point(10, 0)) and exact.details["distance"] == 0
    assert near.geometry.equals(shapely.LineString([(0.05, 10), (0, 10)]))
    assert "0.05 m" in near.en


def test_a_rings_closing_point_is_not_a_duplicate_and_holes_are_checked():
    hole = [(2, 2), (2, 4), (4, 4), (4.01, 4), (4, 2)]
    g = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [hole])
    [f] = check([g], ["CAD-DUPLICATE-VERTEX"])
    assert f.details["ring"] == 1


def test_spike_and_vertex_rules_read_multipolygon_parts():
    spiky = Polygon([(0, 0), (10, 0), (10, 10), (5.01, 10), (5, 13), (4.99, 10), (0, 10)])
    findings = check([shapely.MultiPolygon([spiky, rect(20, 0, 21, 1)])],
                     ["CAD-SPIKE", "CAD-MULTIPART"])
    assert sorted(f.rule for f in findings) == ["CAD-MULTIPART", "CAD-SPIKE"]


def test_rules_only_look_at_the_focused_rows():
    g = Polygon([(0, 0), (10, 0), (10, 0), (10, 10), (0, 10)])
    ctx = CheckContext([g, rect(20, 0, 30, 10)])
    assert run_rules(ctx.focused([1])).findings == []
    assert len(run_rules(ctx.focused([0])).findings) == 1


def test_large_arrays_give_the_same_answer_in_parallel_chunks(monkeypatch):
    """Above the parallel threshold the validity and coverage work is split into spatial
    chunks with halos; the answer must not change."""
    from cadastre_plugin.core.demo import generate_parcels
    from cadastre_plugin.core.quality import spatial
    from cadastre_plugin.core.quality.inject import inject

    geoms = generate_parcels(1500, seed=2)[0]
    faulty = inject(geoms, {}, {"overlap": 3, "gap": 3, "bowtie": 2}, seed=3).geoms
    serial = run_rules(CheckContext(faulty)).findings
    monkeypatch.setattr(spatial, "PARALLEL_MIN", 10)
    monkeypatch.setenv("CADASTRE_THREADS", "3")
    parallel = run_rules(CheckContext(faulty)).findings
    assert sorted(f.key() for f in serial) == sorted(f.key() for f in parallel)
    assert len(serial) == 3 + 3 * 2 + 2
