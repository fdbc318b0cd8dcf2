"""Survey input: bearings as surveyors type them, a closed traverse, CSV coordinate lists."""
import math
import unicodedata

import numpy as np
import pytest

from cadastre_plugin.core.area import round_area
from cadastre_plugin.core.edit.traverse import (
    Leg, compute_traverse, format_dms, parse_bearing, parse_distance, parse_points_csv,
    points_polygon, read_points_csv, traverse_polygon)
from cadastre_plugin.core.messages import CadastreError, ValidationFailed

from edit_helpers import bilingual

R = 125 + 30 / 60 + 15 / 3600


@pytest.mark.parametrize("text", [
    "125°30'15\"", "125°30′15″", "125° 30' 15\"", "125°30'15''", "125 30 15", "125-30-15",
    "125:30:15", "125d30m15s", " 125 30 15 "])
def test_bearing_spellings(text):
    assert parse_bearing(text) == pytest.approx(R, abs=1e-12)


@pytest.mark.parametrize("text, value", [
    ("125.5042", 125.5042), ("125,5042", 125.5042), ("90", 90.0), ("90°", 90.0),
    ("45 30", 45.5), ("0 00 00", 0.0), ("360", 0.0), ("12 05 07.5", 12 + 5 / 60 + 7.5 / 3600),
    (271.25, 271.25)])
def test_bearing_values(text, value):
    assert parse_bearing(text) == pytest.approx(value, abs=1e-12)


@pytest.mark.parametrize("text", ["", "-12 30 00", "125 60 00", "125 30 60", "400", "abc",
                                  "12.5 30 00", "1 2 3 4"])
def test_bad_bearings_are_refused_with_the_accepted_forms(text):
    with pytest.raises(CadastreError) as exc:
        parse_bearing(text)
    issue = bilingual(exc.value)
    assert issue.code == "TRAVERSE_BEARING" and "125°30'15\"" in issue.en


def test_format_dms_round_trips():
    assert format_dms(R) == "125°30'15\""
    assert format_dms(12 + 5 / 60 + 7.5 / 3600) == "12°05'07.5\""
    assert parse_bearing(format_dms(357.0923)) == pytest.approx(357.0923, abs=1 / 36000)


def test_distances():
    assert parse_distance("23,45") == 23.45 and parse_distance("23.45 m") == 23.45
    for bad in ("0", "-3", "abc", ""):
        with pytest.raises(CadastreError) as exc:
            parse_distance(bad)
        bilingual(exc.value)


# A five-leg boundary from a field book (our own numbers): station 1 at X = 2 309 500.000,
# Y = 588 300.000. The last leg carries the usual field error, 1.7 cm of misclosure.
FIELD_BOOK = [("72 15 20", "45.62"), ("151 40 05", "38.17"), ("228 10 40", "41.25"),
              ("290 05 30", "30.84"), ("357 05 30", "36.67")]
START = (588_300.0, 2_309_500.0)  # (easting, northing)


def legs():
    return [Leg.parse(b, d) for b, d in FIELD_BOOK]


def test_closed_traverse_closure_and_area():
    trav = compute_traverse(START, legs())
    assert trav.perimeter == pytest.approx(192.55)
    fe, fn = trav.misclosure
    assert fe == pytest.approx(0.0003, abs=5e-5) and fn == pytest.approx(0.0166, abs=5e-5)
    assert trav.linear_misclosure == pytest.approx(0.0166, abs=5e-5)
    assert trav.relative_precision == pytest.approx(11595, rel=2e-3)
    assert trav.relative_text == "1:11 500"
    # First leg by hand: 45.62 m on 72°15'20".
    b = math.radians(72 + 15 / 60 + 20 / 3600)
    assert trav.points[1] == pytest.approx((588_300 + 45.62 * math.sin(b),
                                            2_309_500 + 45.62 * math.cos(b)), abs=1e-9)


def test_bowditch_closes_on_the_start_and_spreads_the_error_by_distance():
    trav = compute_traverse(START, legs())
    adj = trav.bowditch()
    assert adj[-1] == pytest.approx(START, abs=1e-9)
    assert adj[0] == pytest.approx(START, abs=1e-12)
    shift = trav.points - adj
    share = np.cumsum([0] + [float(d) for _, d in FIELD_BOOK]) / 192.55
    assert shift == pytest.approx(np.outer(share, trav.misclosure), abs=1e-9)
    assert adj[1] == pytest.approx((588_343.4496, 2_309_513.8998), abs=1e-4)


def test_traverse_polygon_within_tolerance():
    poly, trav = traverse_polygon(START, legs(), max_misclosure=0.05, min_precision=10_000)
    assert poly.is_valid and poly.exterior.is_ccw
    assert round_area(poly.area) == 2526.0
    assert len(poly.exterior.coords) == 6
    assert poly.exterior.coords[0] == pytest.approx(START) or START in poly.exterior.coords


def test_traverse_refused_beyond_the_tolerance():
    book = list(FIELD_BOOK)
    book[1] = ("151 04 05", "38.17")  # minutes typed as 04 instead of 40
    with pytest.raises(CadastreError) as exc:
        traverse_polygon(START, [Leg.parse(b, d) for b, d in book], max_misclosure=0.05)
    issue = bilingual(exc.value)
    assert issue.code == "TRAVERSE_NOT_CLOSED"
    assert "misclosure" in issue.en and "sai số khép" in issue.vi
    # Within the linear tolerance but worse than the relative one.
    with pytest.raises(CadastreError):
        traverse_polygon(START, legs(), max_misclosure=0.05, min_precision=15_000)


def test_open_traverse_closing_on_a_known_point():
    trav = compute_traverse(START, [Leg(90.0, 100.0)], end=(588_400.02, 2_309_500.0))
    assert trav.misclosure == pytest.approx((-0.02, 0.0), abs=1e-9)
    assert trav.relative_text == "1:5 000"


CSV_COMMA = """STT,X,Y
1,2309500.000,588300.000
2,2309513.899,588343.450
3,2309480.299,588361.564
4,2309452.789,588330.824
5,2309463.380,588301.861
1,2309500.000,588300.000
"""


def test_csv_with_header_gives_easting_northing_and_closes():
    pts = parse_points_csv(CSV_COMMA)
    assert [p.name for p in pts] == ["1", "2", "3", "4", "5", "1"]
    assert pts[1].x_northing == 2309513.899 and pts[1].y_easting == 588343.450
    assert pts[1].row == 3
    poly = points_polygon(pts)
    assert len(poly.exterior.coords) == 6
    assert (588300.0, 2309500.0) in poly.exterior.coords  # (easting, northing)
    # The adjusted stations of the traverse above, written to the millimetre.
    assert round_area(poly.area) == 2525.9


def test_csv_semicolons_decimal_commas_no_header():
    text = "1;2309500,000;588300,000\n2;2309513,899;588343,450\n3;2309480,299;588361,564\n"
    pts = parse_points_csv(text)
    assert pts[2].x_northing == 2309480.299 and pts[2].y_easting == 588361.564


def test_csv_tabs_and_a_vietnamese_header_in_another_order():
    text = ("Tên điểm\tY (m)\tX (m)\tH\n"
            "M1\t588300.0\t2309500.0\t3.2\nM2\t588343.45\t2309513.9\t3.1\n")
    pts = parse_points_csv(text)
    assert pts[0].name == "M1" and pts[0].x_northing == 2309500.0 and pts[0].y_easting == 588300.0


def test_csv_bad_rows_are_named():
    text = ("STT;X;Y\n1;2309500,000;588300,000\n2;23095l3,899;588343,450\n"
            "3;2309480,299;588361,564\n4;2309452,789\n\n5;2309463,380;588301,861\n")
    with pytest.raises(ValidationFailed) as exc:
        parse_points_csv(text)
    rows = [i.details["row"] for i in exc.value.issues]
    assert rows == [3, 5]
    first, second = exc.value.issues
    bilingual(first)
    assert first.en.startswith("Row 3:") and "'23095l3,899'" in first.en
    assert first.vi.startswith("Dòng 3:")
    assert second.en.startswith("Row 5:") and "2 value(s)" in second.en


def test_csv_swapped_columns_are_explained():
    text = "1,588300.000,2309500.000\n2,588343.450,2309513.899\n"
    with pytest.raises(ValidationFailed) as exc:
        parse_points_csv(text)
    assert "swapped" in exc.value.issues[0].en and "bị đảo" in exc.value.issues[0].vi


def test_csv_repeated_point_in_the_middle():
    text = "1,2309500,588300\n2,2309510,588340\n1,2309500,588300\n3,2309480,588360\n"
    with pytest.raises(ValidationFailed) as exc:
        parse_points_csv(text)
    assert exc.value.issues[0].details["row"] == 3


def test_csv_points_that_cross_are_refused():
    text = "1,2309500,588300\n2,2309500,588340\n3,2309480,588300\n4,2309480,588340\n"
    with pytest.raises(CadastreError) as exc:
        points_polygon(parse_points_csv(text))
    assert bilingual(exc.value).code == "SURVEY_INVALID_BOUNDARY"


def cp1258(text: str) -> bytes:
    """Encode as Vietnamese Windows software does: a letter the code page lacks becomes its
    nearest precomposed base (ê, ô, ơ, ...) followed by combining tone marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        composed = unicodedata.normalize("NFC", base + marks[0]) if len(marks) > 1 else base
        rest = marks[1:] if len(marks) > 1 else marks
        out += (composed + "".join(rest)).encode("cp1258")
    return out


def test_csv_file_in_windows_1258(tmp_path):
    path = tmp_path / "toado.csv"
    text = "Điểm;X;Y\nMốc 1;2309500,0;588300,0\n"
    path.write_bytes(cp1258(text))
    [p] = read_points_csv(path)
    assert p.name == "Mốc 1" and p.y_easting == 588300.0
