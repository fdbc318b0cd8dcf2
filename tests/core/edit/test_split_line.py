"""Split by a drawn line: exact pieces, snapping, refusals, neighbours' new vertices."""
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Polygon

from cadastre_plugin.core.edit.shared_vertex import insert_vertices_many
from cadastre_plugin.core.edit.split_line import split_by_line
from cadastre_plugin.core.messages import CadastreError

from edit_helpers import at, bilingual, box

TOL = 0.15  # 1:1000 sheet


def test_straight_cut_of_a_square_gives_exact_pieces_west_first():
    result = split_by_line(box(0, 0, 20, 20), LineString([at(5, -3), at(5, 23)]), TOL)
    assert [p.area for p in result.pieces] == [100.0, 300.0]
    west, east = result.pieces
    assert west.bounds == (*at(0, 0), *at(5, 20))
    assert east.bounds == (*at(5, 0), *at(20, 20))
    assert sorted(map(tuple, result.nodes)) == [at(5, 0), at(5, 20)]
    assert all(p.exterior.is_ccw for p in result.pieces)
    assert shapely.coverage_is_valid(np.array(result.pieces))


def test_polyline_cut_follows_every_vertex():
    line = LineString([at(-1, 10), at(8, 10), at(8, 21)])
    result = split_by_line(box(0, 0, 20, 20), line, TOL)
    areas = sorted(p.area for p in result.pieces)
    assert areas == [80.0, 320.0]
    corner = [p for p in result.pieces if p.area == 80.0][0]
    assert at(8, 10) in list(corner.exterior.coords)
    assert sorted(map(tuple, result.nodes)) == [at(0, 10), at(8, 20)]


def test_line_crossing_a_u_shaped_parcel_twice_gives_three_pieces():
    u = Polygon([at(0, 0), at(30, 0), at(30, 20), at(20, 20), at(20, 8), at(10, 8), at(10, 20),
                 at(0, 20)])
    result = split_by_line(u, LineString([at(-1, 14), at(31, 14)]), TOL)
    assert len(result.pieces) == 3
    assert sorted(p.area for p in result.pieces) == [60.0, 60.0, u.area - 120.0]
    # North to south, west to east: the two arms first (west one first), then the base.
    assert result.pieces[0].bounds[0] == at(0, 0)[0]
    assert result.pieces[2].area == u.area - 120.0


def test_line_ending_on_the_boundary_splits():
    # Ends exactly on the edges, as a snapped map click gives them.
    result = split_by_line(box(0, 0, 20, 20), LineString([at(0, 7), at(20, 12)]), TOL)
    assert sorted(round(p.area, 9) for p in result.pieces) == [190.0, 210.0]


def test_line_end_a_few_cm_inside_snaps_onto_the_edge():
    result = split_by_line(box(0, 0, 20, 20), LineString([at(0.1, 7), at(20.05, 7)]), TOL)
    assert sorted(round(p.area, 9) for p in result.pieces) == [140.0, 260.0]
    assert sorted(map(tuple, result.nodes)) == [at(0, 7), at(20, 7)]


def test_crossing_near_a_corner_snaps_to_the_corner():
    # Passes 5 cm from the corner (20, 20): the cut goes through the corner, no 5 cm edge.
    poly = box(0, 0, 20, 20)
    result = split_by_line(poly, LineString([at(-1, -1), at(20.05, 19.95), at(22, 22)]), TOL)
    assert sorted(round(p.area, 6) for p in result.pieces) == [200.0, 200.0]
    assert len(result.nodes) == 0  # both ends on existing corners


def test_refuses_a_line_ending_inside_the_parcel():
    with pytest.raises(CadastreError) as exc:
        split_by_line(box(0, 0, 20, 20), LineString([at(-2, 5), at(10, 5)]), TOL, where="3/17")
    issue = bilingual(exc.value)
    assert issue.code == "SPLIT_LINE_ENDS_INSIDE"
    assert "3/17" in issue.en and "3/17" in issue.vi
    assert "X=2309005.000, Y=588010.000" in issue.where


def test_refuses_a_line_that_misses_the_parcel():
    with pytest.raises(CadastreError) as exc:
        split_by_line(box(0, 0, 20, 20), LineString([at(-5, -5), at(-5, 25)]), TOL)
    assert bilingual(exc.value).code == "SPLIT_LINE_NOT_CROSSING"


def test_refuses_a_sliver_along_the_boundary():
    # Unsnapped (as split by area cuts): a strip 10 cm wide along the south side.
    with pytest.raises(CadastreError) as exc:
        split_by_line(box(0, 0, 20, 20), LineString([at(-1, 0.1), at(21, 0.1)]), TOL, snap=False)
    assert bilingual(exc.value).code == "SPLIT_PIECE_TOO_NARROW"


def test_snapping_puts_a_line_drawn_along_the_boundary_onto_it():
    # Drawn 10 cm inside the south side, within the tolerance: it is the side, no sliver and
    # no split.
    with pytest.raises(CadastreError) as exc:
        split_by_line(box(0, 0, 20, 20), LineString([at(-1, 0.1), at(21, 0.1)]), TOL)
    assert exc.value.code == "SPLIT_LINE_NOT_CROSSING"


def test_refuses_a_tiny_piece_with_the_minimum_area():
    with pytest.raises(CadastreError) as exc:
        split_by_line(box(0, 0, 20, 20), LineString([at(-1, 1.5), at(1.5, -1)]), TOL,
                      min_area=1.0)
    assert bilingual(exc.value).code == "SPLIT_PIECE_TOO_SMALL"


def test_refuses_a_self_crossing_line():
    line = LineString([at(-1, 5), at(21, 5), at(21, 15), at(10, -1)])
    with pytest.raises(CadastreError) as exc:
        split_by_line(box(0, 0, 20, 20), line, TOL)
    assert bilingual(exc.value).code == "SPLIT_LINE_SELF_CROSSING"


def test_refuses_an_invalid_parcel():
    bowtie = Polygon([at(0, 0), at(10, 10), at(10, 0), at(0, 10)])
    with pytest.raises(CadastreError) as exc:
        split_by_line(bowtie, LineString([at(5, -1), at(5, 11)]), TOL)
    assert bilingual(exc.value).code == "EDIT_INVALID_PARCEL"


def test_neighbours_receive_the_new_vertices_and_the_coverage_stays_valid():
    grid = {(i, j): box(10 * i, 10 * j, 10 * i + 10, 10 * j + 10)
            for i in range(3) for j in range(3)}
    target = grid.pop((1, 1))
    result = split_by_line(target, LineString([at(13, -1), at(16, 31)]), TOL)
    updates = insert_vertices_many(grid, result.nodes)
    assert set(updates) == {(1, 0), (1, 2)}  # the two the line crosses into
    assert at(13 + 3 * 11 / 32, 10) in list(updates[(1, 0)].exterior.coords)
    stale = list(grid.values()) + list(result.pieces)
    assert not shapely.coverage_is_valid(np.array(stale, dtype=object))  # T-junctions
    fixed = [updates.get(k, g) for k, g in grid.items()] + list(result.pieces)
    assert shapely.coverage_is_valid(np.array(fixed, dtype=object))
    assert sum(p.area for p in fixed) == pytest.approx(900.0, abs=1e-6)


def test_parcel_with_a_hole_keeps_the_hole_in_the_right_piece():
    poly = Polygon(box(0, 0, 30, 20).exterior.coords, [box(20, 5, 25, 10).exterior.coords])
    result = split_by_line(poly, LineString([at(10, -1), at(10, 21)]), TOL)
    west, east = result.pieces
    assert west.area == 200.0 and east.area == 400.0 - 25.0
    assert len(east.interiors) == 1
