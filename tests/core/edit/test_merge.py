"""Merge: exact union, junction vertices, refusals with the reason."""
import numpy as np
import pytest
import shapely

from cadastre_plugin.core.edit.merge import MergeCandidate, merge_parcels, shared_lengths
from cadastre_plugin.core.messages import CadastreError

from edit_helpers import at, bilingual, rect

TOL = 0.15


def cand(geom, label, sheet=4, commune="11686"):
    return MergeCandidate(geom, commune, sheet, label)


def test_two_squares_become_one_rectangle_without_the_junction_vertices():
    result = merge_parcels([cand(rect(0, 0, 10, 10), "4/1"), cand(rect(10, 0, 20, 10), "4/2")],
                           TOL)
    assert result.polygon.area == 200.0
    assert sorted(result.polygon.exterior.coords[:-1]) == sorted(
        [at(0, 0), at(20, 0), at(20, 10), at(0, 10)])
    assert sorted(map(tuple, result.removed_vertices)) == [at(10, 0), at(10, 10)]
    assert result.shared_lengths == {(0, 1): 10.0}


def test_a_junction_vertex_a_neighbour_holds_is_kept():
    neighbour = rect(5, 10, 15, 20)  # holds (10, 10)? no: its corners are 5 and 15
    holder = rect(10, 10, 20, 20)  # holds (10, 10)
    keep = np.concatenate([shapely.get_coordinates(neighbour), shapely.get_coordinates(holder)])
    result = merge_parcels([cand(rect(0, 0, 10, 10), "4/1"), cand(rect(10, 0, 20, 10), "4/2")],
                           TOL, keep)
    coords = result.polygon.exterior.coords[:-1]
    assert at(10, 10) in coords and at(10, 0) not in coords
    assert result.polygon.area == 200.0


def test_three_parcels_in_a_row():
    parts = [cand(rect(10 * i, 0, 10 * i + 10, 7), f"4/{i + 1}") for i in range(3)]
    result = merge_parcels(parts, TOL)
    assert result.polygon.area == pytest.approx(210.0, abs=1e-9)
    assert len(result.polygon.exterior.coords) == 5


def test_a_corner_is_not_a_shared_boundary():
    with pytest.raises(CadastreError) as exc:
        merge_parcels([cand(rect(0, 0, 10, 10), "4/1"), cand(rect(10, 0, 20, 10), "4/2"),
                       cand(rect(20, 10, 30, 20), "4/3")], TOL)
    issue = bilingual(exc.value)
    assert issue.code == "MERGE_NOT_ADJACENT"
    assert "4/3" in issue.en and "4/3" in issue.vi and issue.where == "4/3"


def test_a_shared_stretch_shorter_than_the_tolerance_is_not_enough():
    a = rect(0, 0, 10, 10)
    b = rect(10, 9.9, 20, 19.9)  # shares 10 cm of the line x = 10
    assert shared_lengths([a, b]) == {(0, 1): pytest.approx(0.1)}
    with pytest.raises(CadastreError) as exc:
        merge_parcels([cand(a, "4/1"), cand(b, "4/2")], TOL)
    assert exc.value.code == "MERGE_NOT_ADJACENT"


def test_refuses_different_sheets_and_communes():
    a, b = rect(0, 0, 10, 10), rect(10, 0, 20, 10)
    with pytest.raises(CadastreError) as exc:
        merge_parcels([cand(a, "4/1"), cand(b, "5/9", sheet=5)], TOL)
    issue = bilingual(exc.value)
    assert issue.code == "MERGE_DIFFERENT_SHEETS" and "5/9" in issue.en
    with pytest.raises(CadastreError) as exc:
        merge_parcels([cand(a, "4/1"), cand(b, "4/2", commune="11687")], TOL)
    assert bilingual(exc.value).code == "MERGE_DIFFERENT_COMMUNES"


def test_refuses_overlapping_parcels():
    with pytest.raises(CadastreError) as exc:
        merge_parcels([cand(rect(0, 0, 10, 10), "4/1"), cand(rect(9, 0, 20, 10), "4/2")], TOL)
    assert bilingual(exc.value).code == "MERGE_OVERLAP"


def test_refuses_a_single_parcel():
    with pytest.raises(CadastreError) as exc:
        merge_parcels([cand(rect(0, 0, 10, 10), "4/1")], TOL)
    assert bilingual(exc.value).code == "MERGE_TOO_FEW"


def test_merging_around_an_enclave_keeps_the_hole():
    left, right = rect(0, 0, 10, 30), rect(20, 0, 30, 30)
    bottom, top = rect(10, 0, 20, 10), rect(10, 20, 20, 30)
    # The parcels hold each other's corners exactly, as in a clean coverage.
    parts = [cand(shapely.Polygon([at(0, 0), at(10, 0), at(10, 10), at(10, 20), at(10, 30),
                                   at(0, 30)]), "4/1"),
             cand(shapely.Polygon([at(20, 0), at(30, 0), at(30, 30), at(20, 30), at(20, 20),
                                   at(20, 10)]), "4/2"),
             cand(bottom, "4/3"), cand(top, "4/4")]
    assert left.area + right.area == 600.0
    result = merge_parcels(parts, TOL, keep_vertices=shapely.get_coordinates(rect(10, 10, 20, 20)))
    assert len(result.polygon.interiors) == 1
    assert result.polygon.area == 800.0
