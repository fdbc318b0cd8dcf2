"""The quality engine run on the neighbourhood of an edit: it reports what the edit brought,
not what was there before."""
import numpy as np
import shapely

from cadastre_plugin.core.edit import neighbourhood_check
from cadastre_plugin.core.edit.apply import apply_split_area, apply_split_line
from cadastre_plugin.core.edit.neighbourhood_check import check_result
from shapely.geometry import LineString


def residential_parcel(wc, min_area=250.0):
    """A residential (ONT) parcel of sheet 1: Hải Phòng's example configuration sets 60 m² as
    the minimum split area of ONT land in rural communes."""
    fids, geoms, attrs = wc.parcel_arrays()
    for i in np.argsort(-shapely.area(geoms)):
        if attrs["landuse"][i] == "ONT" and attrs["sheet_no"][i] == 1 \
                and geoms[i].area > min_area:
            return attrs["uuid"][i], geoms[i]
    raise AssertionError("no residential parcel")


def test_a_clean_split_brings_no_problem(wc):
    uuid, geom = residential_parcel(wc)
    x = geom.centroid.x
    result = apply_split_line(wc, LineString([(x, geom.bounds[1] - 1), (x, geom.bounds[3] + 1)]),
                              uuid)
    report = check_result(wc, result)
    assert report.findings == []
    assert report.checked >= 3  # the pieces and their neighbours, not the whole layer
    assert report.checked < wc.count("parcels")


def test_a_piece_below_the_minimum_split_area_is_reported_once(wc):
    uuid, geom = residential_parcel(wc)
    first = apply_split_area(wc, uuid, 30.0, edge_index=0)
    report = check_result(wc, first)
    rules = [f.rule for f in report.findings]
    assert rules == ["CAD-MIN-SPLIT-AREA"]
    assert "30.0 m²" in report.messages("en")[0] and "60 m²" in report.messages("en")[0]
    assert "tối thiểu" in report.messages("vi")[0]

    # Splitting the remainder again: the small piece is in the neighbourhood, but it was
    # there before this edit, so it is not reported as new.
    small, rest = first.created
    rest_geom = wc.parcels("WHERE uuid = ?", [rest])[0].geometry
    second = apply_split_area(wc, rest, rest_geom.area / 2, edge_index=0)
    assert check_result(wc, second).findings == []


def test_without_the_quality_engine_there_is_no_report(wc, monkeypatch):
    uuid, geom = residential_parcel(wc)
    result = apply_split_area(wc, uuid, 100.0, edge_index=0)
    monkeypatch.setattr(neighbourhood_check, "_engine", lambda: None)
    assert check_result(wc, result) is None
