"""Map sheet grid and numbers (Circular 25/2014), VN-2000 TM-3 metres, x = easting."""
import itertools
import math
import re

import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from cadastre_plugin.core.messages import CadastreError
from cadastre_plugin.core.sheets import (
    SCALES,
    point_accuracy_m,
    serial_numbers,
    sheet_frame,
    sheet_number_at,
    sheet_scale,
    sheet_size_m,
    sheets_covering,
)

# A point in Hải Phòng (TM-3 105°45′): easting 588 400 m, northing 2 309 700 m.
HP = (588_400.0, 2_309_700.0)

CHILD_SCALE = {10000: 5000, 5000: 2000, 2000: 1000}  # plus 500 and 200 directly from 2000


def test_sizes_and_accuracies_follow_the_circular():
    assert SCALES == (200, 500, 1000, 2000, 5000, 10000)
    assert [sheet_size_m(s) for s in SCALES] == [100, 250, 500, 1000, 3000, 6000]
    assert [point_accuracy_m(s) for s in SCALES] == [0.05, 0.07, 0.15, 0.30, 1.50, 3.00]


@pytest.mark.parametrize("bad", [2500, 0, "1:2000", None, 2000.5])
def test_unknown_scale_rejected(bad):
    with pytest.raises(CadastreError) as err:
        sheet_size_m(bad)
    assert err.value.code == "SHEET_SCALE"
    assert "1:2000" in err.value.en and "Tỷ lệ" in err.value.vi


def test_known_numbers_for_a_hai_phong_point():
    # 1:5000 sheet: the 3-km square 588-591 km E, 2307-2310 km N; top-left (X 2310, Y 588).
    expected = {
        10000: "10-310588",  # 6-km square 588-594 E, 2304-2310 N
        5000: "310588",
        2000: "310588-1",  # top-left km of the nine
        1000: "310588-1-a",  # 588.0-588.5 E, 2309.5-2310 N
        500: "310588-1-(6)",  # row 2, column 2 of 4 x 4
        200: "310588-1-25",  # row 3, column 5 of 10 x 10
    }
    for scale, number in expected.items():
        assert sheet_number_at(*HP, scale) == number
        assert sheet_scale(number) == scale
    assert sheet_frame("310588") == (588_000.0, 2_307_000.0, 591_000.0, 2_310_000.0)
    assert sheet_frame("10-310588") == (588_000.0, 2_304_000.0, 594_000.0, 2_310_000.0)
    assert sheet_frame("310588-1-25") == (588_400.0, 2_309_700.0, 588_500.0, 2_309_800.0)


def test_sub_sheets_are_numbered_left_to_right_top_to_bottom():
    west, top = 588_000.0, 2_310_000.0
    # 1:2000 inside 310588: 3 x 3
    for n in range(1, 10):
        r, c = divmod(n - 1, 3)
        assert sheet_number_at(west + c * 1000 + 1, top - r * 1000 - 1, 2000) == f"310588-{n}"
    # 1:1000 inside 310588-5 (the centre km): a b / c d
    w5, t5 = west + 1000, top - 1000
    for k, letter in enumerate("abcd"):
        r, c = divmod(k, 2)
        assert sheet_number_at(w5 + c * 500 + 1, t5 - r * 500 - 1, 1000) == f"310588-5-{letter}"
    assert sheet_number_at(w5 + 999, t5 - 999, 500) == "310588-5-(16)"
    assert sheet_number_at(w5 + 999, t5 - 1, 500) == "310588-5-(4)"
    assert sheet_number_at(w5 + 1, t5 - 999, 200) == "310588-5-91"
    assert sheet_number_at(w5 + 999, t5 - 999, 200) == "310588-5-100"


def test_edges_belong_to_the_sheet_east_and_north():
    assert sheet_number_at(588_000.0, 2_308_000.0, 5000) == "310588"
    assert sheet_number_at(587_999.99, 2_308_000.0, 5000) == "310585"
    assert sheet_number_at(588_500.0, 2_310_000.0, 5000) == "313588"


def test_northing_thousands_are_recovered_from_the_grid():
    # XXX drops the thousands of km; only one of 0/1000/2000 + XXX is on the 3 km grid.
    assert sheet_frame("310588")[3] == 2_310_000.0  # not 1 310 km (1310 is not a multiple of 3)
    assert sheet_frame("311588")[3] == 1_311_000.0  # Mekong delta / south-centre latitude
    assert sheet_frame("999588")[3] == 999_000.0  # Cà Mau
    assert sheet_number_at(590_000, 998_500, 5000) == "999588"
    assert sheet_frame("10-004588")[3] == 2_004_000.0


def _all_children(number):
    scale = sheet_scale(number)
    if scale == 2000:
        yield ([f"{number}-{c}" for c in "abcd"], 1000)
        yield ([f"{number}-({k})" for k in range(1, 17)], 500)
        yield ([f"{number}-{k}" for k in range(1, 101)], 200)
    elif scale == 5000:
        yield ([f"{number}-{n}" for n in range(1, 10)], 2000)
    else:  # 1:10000 -> the four 1:5000 sheets covering its frame
        yield (sheets_covering(sheet_frame(number), 5000), 5000)


@pytest.mark.parametrize("parent", ["10-310588", "310588", "310588-1", "310588-5", "001498-9"])
def test_children_tile_the_parent_exactly(parent):
    frame = shapely.box(*sheet_frame(parent))
    for children, scale in _all_children(parent):
        boxes = [shapely.box(*sheet_frame(c)) for c in children]
        assert len(set(children)) == len(children)
        for child, box in zip(children, boxes):
            assert sheet_scale(child) == scale
            assert box.area == sheet_size_m(scale) ** 2
            assert frame.contains(box), child
            # each child is also what the grid says at its own centre
            assert sheet_number_at(*box.centroid.coords[0], scale) == child
        assert sum(b.area for b in boxes) == frame.area
        for a, b in itertools.combinations(boxes, 2):
            assert a.intersection(b).area == 0
        assert shapely.union_all(boxes).equals(frame)


@given(
    x=st.floats(min_value=150_000, max_value=850_000, allow_nan=False),
    y=st.floats(min_value=900_000, max_value=2_650_000, allow_nan=False),
    scale=st.sampled_from(SCALES),
)
def test_round_trip_frame_contains_point(x, y, scale):
    number = sheet_number_at(x, y, scale)
    minx, miny, maxx, maxy = sheet_frame(number)
    assert minx <= x < maxx and miny <= y < maxy
    assert maxx - minx == maxy - miny == sheet_size_m(scale)
    assert sheet_number_at((minx + maxx) / 2, (miny + maxy) / 2, scale) == number
    # the 1:5000 part is the same at every scale except 1:10000
    if scale != 10000:
        assert number[:6] == sheet_number_at(x, y, 5000)


@pytest.mark.parametrize(
    "bad",
    [
        "31058",  # too short
        "310588-0",  # 1:2000 part 0
        "310588-10",  # 1:2000 part two digits
        "310588-1-e",  # 1:1000 letters only a-d
        "310588-1-(17)",  # 1:500 up to 16
        "310588-1-(0)",
        "310588-1-101",  # 1:200 up to 100
        "310588-1-0",
        "310589",  # easting 589 km not on the 3 km grid
        "10-310591",  # 591 km not on the 6 km grid
        "10-311588",  # odd XXX never on the 6 km grid
        "10-310588-1",  # 1:10000 is not subdivided
        "abc",
        "",
        310588,  # not text
    ],
)
def test_malformed_numbers_rejected_with_a_message(bad):
    with pytest.raises(CadastreError) as err:
        sheet_frame(bad)
    assert err.value.code == "SHEET_NUMBER_MALFORMED"
    assert repr(bad) in err.value.en and repr(bad) in err.value.vi
    assert "XXXYYY" in err.value.en  # says how to write it
    assert err.value.issue.where == str(bad)


def test_numbers_are_read_leniently_about_case_and_spaces():
    assert sheet_frame(" 310588-1-A ") == sheet_frame("310588-1-a")


@pytest.mark.parametrize(
    "x, y, code",
    [
        (105.75, 20.85, "SHEET_POINT_DEGREES"),
        (-5.0, 2_309_700.0, "SHEET_POINT_OUTSIDE"),
        (588_400.0, 3_100_000.0, "SHEET_POINT_OUTSIDE"),
        (float("nan"), 2_309_700.0, "SHEET_POINT_INVALID"),
    ],
)
def test_points_off_the_grid_rejected(x, y, code):
    with pytest.raises(CadastreError) as err:
        sheet_number_at(x, y, 2000)
    assert err.value.code == code


def test_sheets_covering_orders_north_to_south_west_to_east():
    got = sheets_covering((588_400, 2_309_700, 590_100, 2_310_300), 2000)
    assert got == ["313588-7", "313588-8", "313588-9", "310588-1", "310588-2", "310588-3"]


def test_sheets_covering_ignores_sheets_that_only_touch():
    assert sheets_covering((588_000, 2_307_000, 591_000, 2_310_000), 5000) == ["310588"]
    assert sheets_covering((588_000, 2_307_000, 594_000, 2_310_000), 5000) == ["310588", "310591"]
    # a point: the sheet sheet_number_at gives
    assert sheets_covering((*HP, *HP), 200) == [sheet_number_at(*HP, 200)]


@given(
    x=st.floats(min_value=200_000, max_value=800_000),
    y=st.floats(min_value=1_000_000, max_value=2_600_000),
    w=st.floats(min_value=0, max_value=4_000),
    h=st.floats(min_value=0, max_value=4_000),
    scale=st.sampled_from([1000, 2000, 5000, 10000]),
)
def test_sheets_covering_matches_brute_force(x, y, w, h, scale):
    box = shapely.box(x, y, x + w, y + h)
    got = sheets_covering(box.bounds, scale)
    frames = [shapely.box(*sheet_frame(n)) for n in got]
    assert len(set(got)) == len(got)
    if box.area > 0:  # (w or h may vanish when added to y)
        assert all(f.intersection(box).area > 0 for f in frames)
        assert sum(f.intersection(box).area for f in frames) == pytest.approx(box.area)
    tops = [(-f.bounds[3], f.bounds[0]) for f in frames]
    assert tops == sorted(tops)


def test_serial_numbers_north_to_south_west_to_east():
    numbers = ["307591", "310588", "307588", "310591", "304588"]
    assert serial_numbers(numbers) == [4, 1, 3, 2, 5]
    # serials follow the frames even across the 1 000 km wrap of XXX (2001 km vs 1998 km)
    assert serial_numbers(["998588", "001588"]) == [2, 1]


def test_serial_numbers_small_scale_first():
    assert serial_numbers(["310588-1", "310588", "310588-1-a", "10-310588"]) == [3, 2, 4, 1]


def test_serial_numbers_reject_duplicates():
    with pytest.raises(CadastreError) as err:
        serial_numbers(["310588", "310591", "310588"])
    assert err.value.code == "SHEET_NUMBER_DUPLICATE"
    assert re.search("310588", err.value.vi)


@given(
    col=st.integers(200, 800), row=st.integers(1_000, 2_600), scale=st.sampled_from(SCALES)
)
def test_points_just_west_and_south_of_an_edge_stay_in_their_sheet(col, row, scale):
    size = sheet_size_m(scale)
    x = math.nextafter(col * 1000 // size * size, 0)  # one float below a grid line
    y = math.nextafter(row * 1000 // size * size, 0)
    minx, miny, maxx, maxy = sheet_frame(sheet_number_at(x, y, scale))
    assert minx <= x < maxx and miny <= y < maxy
