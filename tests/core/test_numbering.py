"""Parcel numbering per sheet: zig-zag from the north-west, retired numbers never reused."""
import numpy as np
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from cadastre_plugin.core.messages import CadastreError, Issue
from cadastre_plugin.core.numbering import (
    SheetNumbering,
    check_parcel_number,
    duplicate_numbers,
    number_parcels,
)

X0, Y0 = 588_000.0, 2_310_000.0  # top-left of a real TM-3 sheet


def grid(rows, cols, size=20.0, jitter=None):
    """Squares row by row from the top-left; jitter[i] = (dx, dy) shifts square i."""
    out = []
    for r in range(rows):
        for c in range(cols):
            dx, dy = jitter[r * cols + c] if jitter is not None else (0.0, 0.0)
            x, y = X0 + c * size + dx, Y0 - (r + 1) * size + dy
            out.append(shapely.box(x, y, x + size * 0.95, y + size * 0.95))
    return out


def test_three_by_four_grid_numbered_row_by_row_from_top_left():
    geoms = grid(3, 4)
    np.testing.assert_array_equal(number_parcels(geoms), np.arange(1, 13))


def test_numbers_follow_position_not_input_order():
    geoms = grid(3, 4)
    perm = np.random.default_rng(7).permutation(12)
    got = number_parcels(np.array(geoms, dtype=object)[perm])
    np.testing.assert_array_equal(got, perm + 1)


@given(
    rows=st.integers(1, 14),
    cols=st.integers(1, 6),
    data=st.data(),
)
def test_jittered_grid_still_numbers_rows_in_order(rows, cols, data):
    size = 20.0
    # up to a fifth of a parcel either way: rows stay visually distinct. The squares are
    # 19 m high on a 20 m pitch, so bands (median height) must not drift down the sheet.
    jitter = data.draw(
        st.lists(
            st.tuples(st.floats(-4, 4), st.floats(-4, 4)),
            min_size=rows * cols,
            max_size=rows * cols,
        )
    )
    got = number_parcels(grid(rows, cols, size, jitter))
    np.testing.assert_array_equal(got, np.arange(1, rows * cols + 1))


def test_northernmost_parcel_gets_one():
    # A parcel poking up in the middle, well above the rows further south: it is alone in
    # the first band, so it comes first although it is not on the west.
    top = shapely.box(X0 + 40, Y0 - 20, X0 + 60, Y0 + 15)
    geoms = grid(2, 4, jitter=[(0, -40)] * 8) + [top]
    got = number_parcels(geoms)
    assert got[-1] == 1
    np.testing.assert_array_equal(got[:-1], np.arange(2, 10))


def test_first_band_is_the_one_holding_the_northernmost_parcel():
    # A tall parcel on the west reaches highest but its point lies low, below the points of
    # the small parcels east of it. They join its band instead of being numbered first.
    tall = shapely.box(X0, Y0 - 60, X0 + 18, Y0 + 1)
    smalls = [shapely.box(X0 + 20 + 20 * i, Y0 - 20, X0 + 38 + 20 * i, Y0) for i in range(3)]
    np.testing.assert_array_equal(number_parcels(smalls + [tall]), [2, 3, 4, 1])


def test_band_height_can_be_given_and_must_be_positive():
    geoms = grid(2, 2, size=20.0, jitter=[(0, 0), (0, 0), (0, 12), (0, 12)])
    # the rows' points are 8 m apart: 40 m bands merge them (west to east, then north
    # first on a tie), 5 m bands keep them apart
    assert list(number_parcels(geoms, band_height=40)) == [1, 3, 2, 4]
    assert list(number_parcels(geoms, band_height=5)) == [1, 2, 3, 4]
    with pytest.raises(CadastreError) as err:
        number_parcels(geoms, band_height=0)
    assert err.value.code == "NUMBERING_BAND_HEIGHT"


def test_empty_and_missing_geometries():
    assert number_parcels([]).size == 0
    with pytest.raises(CadastreError) as err:
        number_parcels([shapely.box(0, 0, 1, 1), None, shapely.Polygon()])
    assert err.value.code == "PARCEL_GEOMETRY_MISSING"
    assert "1, 2" in err.value.en and "1, 2" in err.value.vi


def test_sheet_numbering_never_reuses_retired_numbers():
    # 1..10 once used; 4 and 7 retired by a merge, 10 split away later.
    sheet = SheetNumbering([1, 2, 3, 5, 6, 8, 9, 4, 7, 10], sheet="310588-1")
    assert sheet.highest == 10
    assert sheet.next_free() == [11]
    assert sheet.next_free(3) == [11, 12, 13]  # looking does not take them
    assert sheet.allocate(2) == [11, 12]
    assert sheet.next_free(2) == [13, 14]
    with pytest.raises(CadastreError) as err:
        sheet.reserve([7])  # retired
    assert err.value.code == "PARCEL_NUMBER_REUSED"
    assert "13" in err.value.en and "13" in err.value.vi  # says which number to use
    with pytest.raises(CadastreError):
        sheet.reserve([11])  # just allocated
    with pytest.raises(CadastreError):
        sheet.reserve([20, 20])  # same number twice in one go
    sheet.reserve([20])
    assert sheet.next_free() == [21]
    assert 20 in sheet and 7 in sheet and 15 not in sheet


@given(st.lists(st.integers(1, 500), max_size=50), st.lists(st.integers(1, 5), max_size=10))
def test_allocated_numbers_are_always_new_and_above_history(history, splits):
    sheet = SheetNumbering(history)
    seen = set(history)
    for count in splits:
        new = sheet.allocate(count)
        assert len(new) == count
        assert not seen.intersection(new)
        assert all(n > max(seen, default=0) for n in new)
        seen.update(new)
    assert sheet.used == frozenset(seen)


def test_sheet_numbering_rejects_bad_history():
    with pytest.raises(CadastreError) as err:
        SheetNumbering([1, 0, 3])
    assert err.value.code == "PARCEL_NUMBER_INVALID"
    assert SheetNumbering(np.array([3, 1], dtype=np.int32)).next_free() == [4]
    assert SheetNumbering([]).next_free(2) == [1, 2]


@pytest.mark.parametrize("good", [1, 42, np.int64(7)])
def test_check_parcel_number_accepts_positive_integers(good):
    assert check_parcel_number(good) is None


@pytest.mark.parametrize("bad", [0, -3, 1.5, 2.0, "12", None, True])
def test_check_parcel_number_issue(bad):
    issue = check_parcel_number(bad)
    assert isinstance(issue, Issue)
    assert issue.code == "PARCEL_NUMBER_INVALID"
    assert repr(bad) in issue.en and repr(bad) in issue.vi


def test_duplicate_numbers_found_per_sheet():
    sheets = ["12", "12", "12", "13", "13", "12", "13"]
    parcels = [5, 5, 6, 5, 6, 5, 6]
    assert duplicate_numbers(sheets, parcels) == [("12", 5, 3), ("13", 6, 2)]


def test_duplicate_numbers_vectorised_inputs_and_missing_values():
    sheets = np.array([3, 3, 4, 4, 4])
    parcels = np.array([1.0, 1.0, np.nan, np.nan, 2.0])  # NaN = unnumbered, not a duplicate
    assert duplicate_numbers(sheets, parcels) == [(3, 1, 2)]
    assert duplicate_numbers(np.array(["a", None, None], dtype=object), [1, 1, 1]) == []
    assert duplicate_numbers([], []) == []
    with pytest.raises(CadastreError):
        duplicate_numbers([1, 2], [1])


def test_duplicate_numbers_large():
    rng = np.random.default_rng(1)
    sheets = rng.integers(1, 50, 100_000)
    parcels = rng.integers(1, 3000, 100_000)
    got = duplicate_numbers(sheets, parcels)
    pairs, counts = np.unique(np.stack([sheets, parcels], 1), axis=0, return_counts=True)
    expected = [(int(s), int(p), int(c)) for (s, p), c in zip(pairs, counts) if c > 1]
    assert got == expected
