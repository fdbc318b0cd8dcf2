"""Legal parcel area: 0.1 m², halves away from zero, from shapely areas in TM-3 metres."""
import numpy as np
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from cadastre_plugin.core.area import parcel_areas, round_area


@pytest.mark.parametrize(
    "value, expected",
    [
        (12.25, 12.3),  # banker's rounding would give 12.2
        (12.35, 12.4),
        (0.05, 0.1),
        (0.15, 0.2),  # 0.15 is 0.1499999... in binary; round(0.15, 1) == 0.1
        (1.45, 1.5),  # round(1.45, 1) == 1.4
        (1234.45, 1234.5),
        (1234.4499999999998, 1234.5),  # float noise of a shoelace sum that means .45
        (1234.449, 1234.4),
        (100.04999, 100.0),
        (99.96, 100.0),
        (0.0, 0.0),
        (7.0, 7.0),
    ],
)
def test_round_area_half_up(value, expected):
    assert round_area(value) == expected
    assert isinstance(round_area(value), float)


def test_round_area_negative_is_half_away_from_zero():
    assert round_area(-0.25) == -0.3


def test_round_area_arrays_keep_shape_and_nan():
    values = np.array([[0.05, 0.15, 0.25], [1.45, 2.5, np.nan]])
    out = round_area(values)
    assert out.shape == (2, 3)
    np.testing.assert_array_equal(out[0], [0.1, 0.2, 0.3])
    np.testing.assert_array_equal(out[1, :2], [1.5, 2.5])
    assert np.isnan(out[1, 2])


@given(st.integers(min_value=0, max_value=10**9))
def test_round_area_of_exact_tenths_and_halves(tenths):
    # x.x exactly stays; x.x5 goes up one tenth.
    assert round_area(tenths / 10) == tenths / 10
    assert round_area((tenths + 0.5) / 10) == (tenths + 1) / 10


@given(st.floats(min_value=0, max_value=1e8, allow_nan=False))
def test_round_area_within_half_a_tenth(value):
    rounded = round_area(value)
    assert abs(rounded - value) <= 0.05 + 1e-6
    assert round(rounded * 10) == pytest.approx(rounded * 10)


def test_parcel_areas_of_known_polygons_in_tm3_coordinates():
    x0, y0 = 588_400.0, 2_309_700.0  # real TM-3 magnitudes: area must not lose precision
    geoms = np.array(
        [
            shapely.box(x0, y0, x0 + 20, y0 + 15),  # 300 m²
            shapely.Polygon([(x0, y0), (x0 + 10, y0), (x0, y0 + 4.49)]),  # 22.45 m²
            shapely.Polygon([(x0, y0), (x0 + 12.34, y0), (x0 + 12.34, y0 + 5.67), (x0, y0 + 5.67)]),
            shapely.Polygon(  # 30 x 30 with a 10 x 10 hole: 800 m²
                [(x0, y0), (x0 + 30, y0), (x0 + 30, y0 + 30), (x0, y0 + 30)],
                [[(x0 + 10, y0 + 10), (x0 + 20, y0 + 10), (x0 + 20, y0 + 20), (x0 + 10, y0 + 20)]],
            ),
            None,
        ]
    )
    out = parcel_areas(geoms)
    np.testing.assert_array_equal(out[:4], [300.0, 22.5, 70.0, 800.0])  # 12.34*5.67 = 69.9678
    assert np.isnan(out[4])


def test_parcel_areas_accepts_a_list():
    out = parcel_areas([shapely.box(0, 0, 1, 0.25), shapely.box(0, 0, 3, 0.05)])
    np.testing.assert_array_equal(out, [0.3, 0.2])  # 0.25 and 0.15 rounded half up
