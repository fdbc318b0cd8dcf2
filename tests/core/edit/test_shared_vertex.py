"""Shared vertices: insertion, moving a vertex or a segment in every parcel, the checks."""
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from cadastre_plugin.core.edit.shared_vertex import (
    coverage_problems, insert_vertices, move_segment, move_vertex, prepare_move,
    snap_to_coverage)
from cadastre_plugin.core.messages import CadastreError

from edit_helpers import at, bilingual, rect


def grid2x2():
    return {(i, j): rect(10 * i, 10 * j, 10 * i + 10, 10 * j + 10)
            for i in range(2) for j in range(2)}


def test_insert_vertices_in_order_along_the_edge_and_only_on_it():
    sq = rect(0, 0, 10, 10)
    new = insert_vertices(sq, [at(7, 0), at(3, 0), at(5, 0.5), at(10, 10)])
    assert new.exterior.coords[:4] == [at(0, 0), at(3, 0), at(7, 0), at(10, 0)]
    assert len(new.exterior.coords) == 7  # 4 corners + 2 new + closing point
    assert new.area == 100.0
    assert insert_vertices(sq, [at(10, 10), at(5, 5)]) is None


def test_move_the_centre_vertex_of_four_parcels():
    grid = grid2x2()
    out = move_vertex(grid, at(10.05, 9.98), at(12, 11), 0.15, labels={k: str(k) for k in grid})
    assert set(out) == set(grid)
    for geom in out.values():
        assert at(12, 11) in geom.exterior.coords and geom.is_valid
    assert out[(0, 0)].area == pytest.approx(100 + (12 * 10 - 10 * 10) / 2 + (11 * 10 - 100) / 2)
    assert sum(g.area for g in out.values()) == pytest.approx(400.0)
    assert shapely.coverage_is_valid(np.array(list(out.values())))


def test_preview_is_the_same_geometry_without_the_checks():
    move = prepare_move(grid2x2(), at(10, 10), 0.15)
    assert sorted(move.keys) == sorted(grid2x2())
    far = move.geometries([at(25, 25)])  # beyond the grid: the parcels now overlap
    assert shapely.relate_pattern(far[(0, 0)], far[(1, 1)], "2********")
    with pytest.raises(CadastreError) as exc:
        move.commit([at(25, 25)])
    assert bilingual(exc.value).code in ("MOVE_INVALID_GEOMETRY", "EDIT_OVERLAP")


def test_refuses_a_move_into_a_neighbour():
    a = rect(0, 0, 10, 10)
    b = rect(10, -10, 20, 0)  # touches a only at (10, 0)
    with pytest.raises(CadastreError) as exc:
        move_vertex({"a": a, "b": b}, at(0, 0), at(12, -3), 0.15, labels={"a": "7/1", "b": "7/2"})
    issue = bilingual(exc.value)
    assert issue.code == "EDIT_OVERLAP"
    assert "7/1" in issue.en and "7/2" in issue.vi


def test_refuses_a_click_far_from_any_vertex():
    with pytest.raises(CadastreError) as exc:
        move_vertex(grid2x2(), at(5, 5), at(6, 6), 0.15)
    assert bilingual(exc.value).code == "MOVE_NO_VERTEX"


def test_a_t_junction_neighbour_gets_the_vertex_before_it_moves():
    a = rect(0, 0, 10, 10)  # its east side runs past (10, 5) without a vertex there
    b, c = rect(10, 0, 20, 5), rect(10, 5, 20, 10)
    out = move_vertex({"a": a, "b": b, "c": c}, at(10, 5), at(11, 5), 0.15)
    assert set(out) == {"a", "b", "c"}
    assert at(11, 5) in out["a"].exterior.coords
    assert shapely.coverage_is_valid(np.array(list(out.values())))
    assert out["a"].area == pytest.approx(105.0)


def test_move_a_shared_segment():
    a, b = rect(0, 0, 10, 10), rect(10, 0, 20, 10)
    out = move_segment({"a": a, "b": b}, at(10, 0), at(10, 10), (2, 0), 0.15)
    assert out["a"].area == pytest.approx(120.0) and out["b"].area == pytest.approx(80.0)


def test_coverage_problems_reports_only_new_faults():
    grid = list(grid2x2().values())
    assert coverage_problems(grid, grid, 0.15) == []
    shifted = grid[:3] + [shapely.affinity.translate(grid[3], 0.5, 0)]
    problems = coverage_problems(grid, shifted, 0.15, ["1", "2", "3", "4"])
    assert problems and all(p.code == "EDIT_COVERAGE_BROKEN" for p in problems)
    bilingual(problems[0])
    # A fault that was already there does not block the edit.
    assert coverage_problems(shifted, shifted, 0.15) == []


def test_snap_to_coverage_fits_a_surveyed_square_to_its_neighbour():
    neighbour = rect(0, 0, 10, 10)
    survey = Polygon([at(10.04, 2.0), at(16, 2), at(16, 8), at(10.03, 8.0)])
    fitted, on_edge = snap_to_coverage(survey, [neighbour], 0.15)
    xs = sorted({round(x - at(0, 0)[0], 9) for x, _ in fitted.exterior.coords})
    assert xs == [10.0, 16.0]
    assert sorted(map(tuple, on_edge)) == [at(10, 2), at(10, 8)]
    assert not shapely.relate_pattern(fitted, neighbour, "2********")
