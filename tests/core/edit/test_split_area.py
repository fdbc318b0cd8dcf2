"""Split by target area: parallel to a side, through a vertex; preview; refusals; warnings."""
import math

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from cadastre_plugin.core.edit.split_area import (
    ParallelCut, VertexCut, brent, split_parallel, split_through_vertex)
from cadastre_plugin.core.messages import CadastreError

from edit_helpers import at, bilingual, rect

TOL = 0.15


def test_parallel_to_the_south_side_of_a_rectangle():
    result = split_parallel(rect(0, 0, 20, 10), 0, 50.0, TOL)
    assert result.param == pytest.approx(2.5, abs=1e-9)
    assert result.cut.area == pytest.approx(50.0, abs=1e-4)
    assert result.remainder.area == pytest.approx(150.0, abs=1e-4)
    minx, miny, maxx, maxy = result.cut.bounds
    assert (minx, miny, maxx) == (*at(0, 0), at(20, 0)[0])
    assert maxy == pytest.approx(at(0, 2.5)[1], abs=1e-9)
    assert shapely.coverage_is_valid(np.array(result.pieces))
    assert len(result.nodes) == 2 and result.warnings == ()


def test_stored_clockwise_ring_measures_into_the_parcel_too():
    cw = rect(0, 0, 20, 10).reverse()  # side 0 now runs up the west side
    cut = ParallelCut(cw, 0)
    assert cut.cut_area(cut.hi) == pytest.approx(200.0)
    result = split_parallel(cw, 0, 50.0, TOL)
    assert result.cut.bounds[0] == at(0, 0)[0]
    assert result.cut.bounds[2] == pytest.approx(at(5, 0)[0], abs=1e-9)


def test_through_a_vertex_of_a_square():
    # From the south-west corner, the piece along the south side is a right triangle
    # 10 x h: 20 m² needs h = 4.
    result = split_through_vertex(rect(0, 0, 10, 10), 0, 20.0, TOL)
    assert result.cut.area == pytest.approx(20.0, abs=1e-4)
    coords = sorted(result.line.coords)
    assert coords[0] == at(0, 0)
    assert coords[1] == pytest.approx(at(10, 4), abs=1e-6)


def test_through_a_vertex_along_the_previous_side():
    result = split_through_vertex(rect(0, 0, 10, 10), 0, 20.0, TOL, along_next=False)
    assert result.cut.area == pytest.approx(20.0, abs=1e-4)
    assert sorted(result.line.coords)[1] == pytest.approx(at(4, 10), abs=1e-6)


def test_preview_areas_add_up_and_follow_the_mouse():
    poly = Polygon([at(0, 0), at(30, 0), at(25, 18), at(3, 15)])
    cut = ParallelCut(poly, 0)
    d = cut.param_at(*at(12, 6))
    assert d == pytest.approx(6.0)
    pv = cut.preview(d)
    assert pv.cut_area + pv.remainder_area == pytest.approx(poly.area)
    # The NumPy area agrees with GEOS on the clipped polygon.
    half = shapely.box(*at(-100, -100), *at(100, 6))
    assert pv.cut_area == pytest.approx(poly.intersection(half).area, abs=1e-8)
    vc = VertexCut(poly, 1)
    phi = vc.param_at(*at(10, 10))
    pv = vc.preview(phi)
    assert pv.cut_area + pv.remainder_area == pytest.approx(poly.area)
    assert pv.line.coords[0] == at(30, 0)


def test_preview_evaluates_many_offsets_at_once():
    cut = ParallelCut(rect(0, 0, 20, 10), 0)
    assert cut.cut_area(np.array([0.0, 1.0, 10.0])).tolist() == pytest.approx([0, 20, 200])


def test_parcel_with_a_hole():
    poly = Polygon(rect(0, 0, 30, 20).exterior.coords, [rect(10, 5, 20, 10).exterior.coords])
    result = split_parallel(poly, 0, 200.0, TOL)
    assert result.cut.area == pytest.approx(200.0, abs=1e-4)
    # 30 m wide up to the hole (150 m² at 5 m), then 20 m wide beside it: 7.5 m.
    assert result.param == pytest.approx(7.5, abs=1e-6)
    # Through the south-west corner: the cut runs on through the hole to the outer boundary,
    # and the land on its side (hole excluded) is the requested area.
    through = VertexCut(poly, 0).split(250.0, TOL)
    assert abs(through.cut.area - 250.0) <= 0.01
    assert through.cut.intersects(through.line) and through.line.crosses(poly.interiors[0])
    assert abs(through.cut.area + through.remainder.area - poly.area) <= 1e-6


def test_refuses_a_cut_that_would_leave_three_pieces():
    u = Polygon([at(0, 0), at(30, 0), at(30, 20), at(20, 20), at(20, 8), at(10, 8), at(10, 20),
                 at(0, 20)])
    with pytest.raises(CadastreError) as exc:
        split_parallel(u, 0, 300.0, TOL, where="5/20")  # the line would cut both arms
    assert bilingual(exc.value).code == "SPLIT_AREA_MULTIPART"


def test_refuses_an_area_the_parcel_does_not_have():
    with pytest.raises(CadastreError) as exc:
        split_parallel(rect(0, 0, 20, 10), 0, 250.0, TOL, where="5/20")
    issue = bilingual(exc.value)
    assert issue.code == "SPLIT_AREA_OUT_OF_RANGE" and "200.0" in issue.en


def test_refuses_an_unknown_side():
    with pytest.raises(CadastreError) as exc:
        ParallelCut(rect(0, 0, 20, 10), 7)
    assert bilingual(exc.value).code == "SPLIT_AREA_BAD_INDEX"


def test_unreachable_area_behind_a_bend():
    # Seen from vertex 0 the notch hides part of the parcel: the area jumps there.
    poly = Polygon([at(0, 0), at(20, 0), at(20, 20), at(12, 20), at(12, 5), at(8, 5), at(8, 20),
                    at(0, 20)])
    cut = VertexCut(poly, 0)
    phis = np.linspace(cut.lo, cut.hi, 2000)
    areas = cut.cut_area(phis)
    assert (np.diff(areas) >= -1e-9).all()  # monotone
    jump = np.diff(areas).argmax()
    target = (areas[jump] + areas[jump + 1]) / 2
    assert areas[jump + 1] - areas[jump] > 1.0
    with pytest.raises(CadastreError) as exc:
        cut.split(target, TOL)
    assert bilingual(exc.value).code == "SPLIT_AREA_UNREACHABLE"


def test_warns_below_the_province_minimum():
    result = split_parallel(rect(0, 0, 20, 10), 0, 30.0, TOL, min_split_area=40.0,
                            citation="QĐ 20/2024/QĐ-UBND")
    [issue] = result.warnings
    bilingual(issue)
    assert issue.code == "SPLIT_BELOW_MINIMUM"
    assert "30.0 m²" in issue.en and "QĐ 20/2024/QĐ-UBND" in issue.vi


def test_brent_finds_a_root_to_the_tolerance():
    calls = []

    def f(x):
        calls.append(x)
        return x ** 3 - 2.0

    x = brent(f, 0.0, 2.0, f(0.0), f(2.0), xtol=1e-14, ftol=1e-12)
    assert x == pytest.approx(2 ** (1 / 3), abs=1e-12)
    assert len(calls) < 20
    with pytest.raises(ValueError):
        brent(f, 0.0, 1.0, f(0.0), f(1.0), 1e-9, 1e-9)


def test_solve_needs_few_area_evaluations():
    poly = Polygon([at(0, 0), at(31.7, 2.1), at(28.4, 19.6), at(2.2, 16.3)])
    cut = ParallelCut(poly, 0)
    calls = []
    inner = cut.cut_area

    def counted(d):
        calls.append(d)
        return inner(d)

    cut.cut_area = counted
    d = cut.solve(123.4)
    assert abs(inner(d) - 123.4) < 1e-4
    assert len(calls) < 25
    assert math.isfinite(d)
