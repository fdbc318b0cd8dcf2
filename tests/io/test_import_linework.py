"""Polygons from line work: the repairs within tolerance, and the faults beyond it (pure core)."""
import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from cadastre_plugin.core.imports.labels import area_tolerance, parse_area, parse_number
from cadastre_plugin.core.imports.linework import as_lines, build_polygons

L = shapely.LineString
TOL = 0.15


def areas(result):
    return sorted(round(a, 6) for a in shapely.area(result.polygons))


def codes(result):
    return [p.code for p in result.problems]


def test_t_junction_undershoot_is_snapped_onto_the_segment():
    # the divider stops 10 cm below the top edge, which has no vertex there
    lines = [L([(0, 0), (20, 0), (20, 10), (0, 10), (0, 0)]), L([(7, 0), (7, 9.9)])]
    r = build_polygons(lines, TOL)
    assert areas(r) == [70.0, 130.0]
    (fix,) = r.problems
    assert fix.code == "linework.undershoot_closed" and fix.details["gap_m"] == 0.1
    assert (fix.details["x"], fix.details["y"]) == (7.0, 9.9)


def test_nearly_closed_ring_and_corner_overshoots():
    lines = [L([(0, 0), (10, 0), (10, 10), (0, 10), (0.04, 0.03)]),  # misses its start by 5 cm
             L([(10, 0), (20, 0), (20, 10.12)]), L([(20.1, 10), (10, 10)])]  # crossing corner
    r = build_polygons(lines, TOL)
    assert areas(r) == [100.0, 100.0]
    assert sorted(codes(r)) == ["linework.overshoot_trimmed", "linework.overshoot_trimmed",
                                "linework.undershoot_closed"]


def test_gap_beyond_tolerance_is_reported_at_the_free_end_not_repaired():
    lines = [L([(0, 0), (20, 0), (20, 10), (0, 10), (0, 0)]), L([(7, 0), (7, 9.5)])]
    r = build_polygons(lines, TOL)
    assert areas(r) == [200.0]
    (p,) = r.problems
    assert p.code == "linework.unclosed" and (p.details["x"], p.details["y"]) == (7.0, 9.5)
    assert p.details["gap_m"] == 0.5 and p.details["severity"] == "error"
    assert "X=9.50 Y=7.00" in p.where  # surveyors' order: X northing, Y easting


def test_a_line_bounding_nothing_is_a_cut_edge():
    lines = [L([(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]),
             L([(20, 0), (30, 0), (30, 10), (20, 10), (20, 0)]), L([(10, 5), (20, 5)])]
    r = build_polygons(lines, TOL)
    assert areas(r) == [100.0, 100.0] and codes(r) == ["linework.cut_edge"]
    assert (r.problems[0].details["x"], r.problems[0].details["y"]) == (15.0, 5.0)


def test_shapes_give_their_rings_and_points_are_ignored():
    lines = as_lines([shapely.box(0, 0, 1, 1), shapely.Point(3, 3), L([(0, 0), (0, 0)]),
                      shapely.MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 3)]])])
    assert sorted(shapely.get_type_id(lines)) == [1, 1, 1]
    two = build_polygons([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)], TOL)
    assert two.polygons.size == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(-TOL * 0.9, TOL * 0.9), st.floats(-TOL * 0.9, TOL * 0.9)),
                min_size=6, max_size=6))
def test_any_undershoot_or_overshoot_within_tolerance_rebuilds_the_grid(shifts):
    """A 3x2 grid of 10 m cells whose inner lines stop short of or run past the frame by up to
    90 % of the tolerance: the six cells always come back, within the size of the faults."""
    frame = L([(0, 0), (30, 0), (30, 20), (0, 20), (0, 0)])
    (a, b), (c, d), (e, f) = shifts[:3]
    inner = [L([(10, 0 + a), (10, 20 + b)]), L([(20, 0 + c), (20, 20 + d)]),
             L([(0 + e, 10), (30 + f, 10)])]
    r = build_polygons([frame] + inner, TOL)
    assert len(r.polygons) == 6
    assert np.allclose(sorted(shapely.area(r.polygons)), [100] * 6, atol=4 * TOL)
    assert not [p for p in r.problems if p.details["severity"] != "info"]


def test_label_text_parsing():
    assert parse_number(" 12 ") == 12 and parse_number("0") is None and parse_number("12a") is None
    assert parse_area("125,3") == 125.3 and parse_area("125.3 m2") == 125.3
    assert parse_area("abc") is None
    # a 20 x 20 m parcel at 1:1000 (15 cm points): 0.5 * 80 m * 0.15 m + rounding
    assert abs(area_tolerance(80, 0.15) - 6.05) < 1e-9


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0, TOL * 0.45), min_size=48, max_size=48))
def test_every_segment_pulled_back_from_every_corner_still_closes(pullbacks):
    """A 3x3 grid drawn as 24 loose segments, each end pulled back from its corner: where
    several lines stop short of one corner they must all meet again, at one point."""
    segments = []
    for k in range(4):
        for j in range(3):
            segments.append(((10 * j, 10 * k), (10 * j + 10, 10 * k)))  # horizontal
            segments.append(((10 * k, 10 * j), (10 * k, 10 * j + 10)))  # vertical
    lines = []
    for (a, b), (da, db) in zip(segments, zip(pullbacks[::2], pullbacks[1::2])):
        a, b = np.array(a, float), np.array(b, float)
        u = (b - a) / 10
        lines.append(L([a + u * da, b - u * db]))
    r = build_polygons(lines, TOL)
    assert len(r.polygons) == 9
    assert np.allclose(shapely.area(r.polygons), 100, atol=10 * TOL)
    assert not [p for p in r.problems if p.details["severity"] != "info"]


def test_two_points_inserted_on_one_segment_keep_their_order():
    # two dividers stop short of the same bottom segment, which has no vertex near either
    lines = [L([(0, 0), (30, 0), (30, 10), (0, 10), (0, 0)]),
             L([(20, 0.1), (20, 10)]), L([(10, 0.1), (10, 10)])]
    r = build_polygons(lines, TOL)
    assert sorted(np.round(shapely.area(r.polygons), 6)) == [100.0, 100.0, 100.0]
    assert all(shapely.is_valid(r.polygons))


def test_rounding_sized_gaps_are_closed_without_a_report():
    # a ring whose end misses its start by 0.2 mm, as a stroked arc does
    r = build_polygons([L([(0, 0), (10, 0), (10, 10), (0, 10), (0.0002, 0)])], TOL)
    assert len(r.polygons) == 1 and r.problems == []
