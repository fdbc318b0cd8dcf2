"""Cadastral map sheets (tờ bản đồ địa chính): the grid and its numbers, Circular 25/2014 art. 5.

Coordinates are VN-2000 TM-3 metres of the commune's zone, passed as (x_easting, y_northing)
like shapely does. Vietnamese surveyors write it the other way round, X = northing and
Y = easting, and sheet numbers follow them: ``XXXYYY`` is X (northing) first.

Grid (our reading of the circular, which says "divide the projection plane into squares"):

* 1:10000 sheets are 6 x 6 km squares whose corners lie on multiples of 6 km of easting and
  northing, counted from the zone's false origin (false easting 500 km included, so the
  central meridian at 500 km is *not* a sheet edge). Number ``10-XXXYYY``, as the circular
  says: "10", a dash, then the whole km of X and Y of the sheet's top-left (north-west)
  inner-frame corner.
* 1:5000: each 1:10000 sheet cut into 4, i.e. 3 x 3 km squares on multiples of 3 km.
  Number ``XXXYYY``: whole km of X and Y of the top-left corner.
* 1:2000: a 1:5000 sheet cut into 9 (1 x 1 km), ``XXXYYY-1`` ... ``-9``.
* 1:1000: a 1:2000 sheet cut into 4 (500 m), ``XXXYYY-n-a`` ... ``-d``.
* 1:500: a 1:2000 sheet cut into 16 (250 m), ``XXXYYY-n-(1)`` ... ``-(16)``.
* 1:200: a 1:2000 sheet cut into 100 (100 m), ``XXXYYY-n-1`` ... ``-100``.

Sub-sheets are counted left to right, top to bottom. XXX keeps only the last three digits of
the northing km (2 310 km -> ``310``), yet the number is still unambiguous for Viet Nam
(northings 0-3 000 km): 1 000 km is not a multiple of 3 km, so of 310, 1 310 and 2 310 only
2 310 is on the 3 km grid (likewise for the 6 km grid and an even XXX). :func:`sheet_frame`
relies on this, and so depends on the grid alignment above as much as :func:`sheet_number_at`.
Eastings of a TM-3 zone are always between 0 and 1 000 km, so YYY is the easting km as is.

A point on a sheet edge belongs to the sheet east of it (on a vertical edge) and north of it
(on a horizontal edge): each sheet is half-open, [minx, maxx) x [miny, maxy).
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

from .messages import CadastreError

SCALES = (200, 500, 1000, 2000, 5000, 10000)

_SIZE_M = {10000: 6000, 5000: 3000, 2000: 1000, 1000: 500, 500: 250, 200: 100}

# Circular 25/2014: boundary-point accuracy against the nearest control point, per scale.
# Used as default snapping / near-coincidence tolerance.
_ACCURACY_M = {200: 0.05, 500: 0.07, 1000: 0.15, 2000: 0.30, 5000: 1.50, 10000: 3.00}

# Cells per side of a sub-sheet inside its 1:2000 parent.
_PER_SIDE_IN_2000 = {1000: 2, 500: 4, 200: 10}
_LETTERS = "abcd"

# Viet Nam lies between about 950 and 2 600 km north; below 3 000 km a sheet number names
# exactly one sheet (see the module docstring), which is why points beyond are refused.
_MAX_EASTING = 1_000_000
_MAX_NORTHING = 3_000_000

_NUMBER_RE = re.compile(
    r"^(?P<ten>10-)?(?P<x>\d{3})(?P<y>\d{3})"
    r"(?:-(?P<n>\d)(?:-(?:(?P<letter>[a-d])|\((?P<paren>[1-9]\d?)\)|(?P<digits>[1-9]\d{0,2})))?)?$"
)


def _check_scale(scale) -> int:
    try:
        value = int(scale)
    except (TypeError, ValueError):
        value = None
    if value is None or value != scale or value not in _SIZE_M:
        raise CadastreError(
            "SHEET_SCALE",
            f"Map sheet scale 1:{scale} is not a cadastral scale; use one of "
            f"{', '.join('1:%d' % s for s in SCALES)}.",
            f"Tỷ lệ 1:{scale} không phải tỷ lệ bản đồ địa chính; hãy dùng một trong các tỷ lệ "
            f"{', '.join('1:%d' % s for s in SCALES)}.",
        )
    return value


def sheet_size_m(scale) -> int:
    """Side of a sheet's inner frame on the ground, in metres."""
    return _SIZE_M[_check_scale(scale)]


def point_accuracy_m(scale) -> float:
    """Allowed boundary-point error at this scale (m), the default snapping tolerance."""
    return _ACCURACY_M[_check_scale(scale)]


def _check_point(x: float, y: float) -> None:
    where = f"({x}, {y})"
    if not (math.isfinite(x) and math.isfinite(y)):
        raise CadastreError(
            "SHEET_POINT_INVALID",
            f"Point {where} has no valid coordinates; check the geometry.",
            f"Điểm {where} không có tọa độ hợp lệ; hãy kiểm tra hình học.",
            where,
        )
    if abs(x) <= 180 and abs(y) <= 90:
        raise CadastreError(
            "SHEET_POINT_DEGREES",
            f"Point {where} looks like longitude/latitude; reproject the data to the "
            "commune's VN-2000 TM-3 CRS before working with map sheets.",
            f"Điểm {where} có vẻ là kinh độ/vĩ độ; hãy chuyển dữ liệu sang hệ VN-2000 "
            "múi chiếu 3° của xã trước khi làm việc với tờ bản đồ.",
            where,
        )
    if not (0 <= x < _MAX_EASTING and 0 <= y < _MAX_NORTHING):
        raise CadastreError(
            "SHEET_POINT_OUTSIDE",
            f"Point {where} is outside the VN-2000 TM-3 sheet grid (easting 0-1 000 km, "
            "northing 0-3 000 km); check the layer's CRS.",
            f"Điểm {where} nằm ngoài lưới tờ bản đồ VN-2000 múi chiếu 3° (hoành độ 0-1 000 km, "
            "tung độ 0-3 000 km); hãy kiểm tra hệ tọa độ của lớp.",
            where,
        )


def _cell(v: float, size: int) -> int:
    """floor(v / size), exact even where the division rounds up onto a sheet edge."""
    i = math.floor(v / size)
    if i * size > v:
        i -= 1
    elif (i + 1) * size <= v:
        i += 1
    return i


def _name_cell(col: int, row: int, scale: int) -> str:
    """Number of the sheet whose south-west corner is (col, row) * size (integer metres)."""
    size = _SIZE_M[scale]
    west, top = col * size, (row + 1) * size  # integer metres: no float rounding below
    if scale == 10000:
        return f"10-{(top // 1000) % 1000:03d}{west // 1000:03d}"
    west5 = west // 3000 * 3000
    top5 = -(-top // 3000) * 3000  # ceil: the 1:5000 sheet's top edge
    base = f"{(top5 // 1000) % 1000:03d}{west5 // 1000:03d}"
    if scale == 5000:
        return base
    c2, r2 = (west - west5) // 1000, (top5 - top) // 1000
    n = r2 * 3 + c2 + 1
    if scale == 2000:
        return f"{base}-{n}"
    per = _PER_SIDE_IN_2000[scale]
    west2, top2 = west5 + c2 * 1000, top5 - r2 * 1000
    k = (top2 - top) // size * per + (west - west2) // size  # 0-based, row-major
    if scale == 1000:
        return f"{base}-{n}-{_LETTERS[k]}"
    if scale == 500:
        return f"{base}-{n}-({k + 1})"
    return f"{base}-{n}-{k + 1}"


def sheet_number_at(x_easting: float, y_northing: float, scale) -> str:
    """Number of the sheet at this scale that contains the point (TM-3 metres)."""
    scale = _check_scale(scale)
    x, y = float(x_easting), float(y_northing)
    _check_point(x, y)
    size = _SIZE_M[scale]
    return _name_cell(_cell(x, size), _cell(y, size), scale)


def _malformed(number, why_en: str, why_vi: str) -> CadastreError:
    return CadastreError(
        "SHEET_NUMBER_MALFORMED",
        f"Map sheet number {number!r} is not valid: {why_en}. Write it as XXXYYY (1:5000), "
        "10-XXXYYY (1:10000), XXXYYY-n (1:2000), XXXYYY-n-a (1:1000), XXXYYY-n-(k) (1:500) "
        "or XXXYYY-n-k (1:200).",
        f"Số hiệu tờ bản đồ {number!r} không hợp lệ: {why_vi}. Hãy viết theo dạng XXXYYY "
        "(1:5000), 10-XXXYYY (1:10000), XXXYYY-n (1:2000), XXXYYY-n-a (1:1000), "
        "XXXYYY-n-(k) (1:500) hoặc XXXYYY-n-k (1:200).",
        str(number),
    )


def _parse(number) -> tuple[int, int, int, int | None, int | None]:
    """(scale, XXX km, YYY km, n or None, 0-based k or None), checked against the grid."""
    if not isinstance(number, str):
        raise _malformed(number, "it is not text", "đó không phải là chuỗi ký tự")
    m = _NUMBER_RE.match(number.strip().lower())
    if not m:
        raise _malformed(number, "it does not match any scale's pattern",
                         "không khớp mẫu của tỷ lệ nào")
    x_km, y_km = int(m["x"]), int(m["y"])
    if m["ten"]:
        if m["n"]:
            raise _malformed(number, "1:10000 sheets have no subdivision",
                             "tờ 1:10000 không có phần chia nhỏ")
        scale, step = 10000, 6
    else:
        scale, step = 5000, 3
    if y_km % step:
        raise _malformed(number, f"YYY = {y_km:03d} km is not on the {step} km sheet grid",
                         f"YYY = {y_km:03d} km không nằm trên lưới {step} km của tờ bản đồ")
    if not m["n"]:
        return scale, x_km, y_km, None, None
    n = int(m["n"])
    if not 1 <= n <= 9:
        raise _malformed(number, "the 1:2000 part must be 1 to 9", "phần 1:2000 phải từ 1 đến 9")
    if m["letter"]:
        return 1000, x_km, y_km, n, _LETTERS.index(m["letter"])
    if m["paren"]:
        k, scale, top = int(m["paren"]), 500, 16
    elif m["digits"]:
        k, scale, top = int(m["digits"]), 200, 100
    else:
        return 2000, x_km, y_km, n, None
    if not 1 <= k <= top:
        raise _malformed(number, f"the 1:{scale} part must be 1 to {top}",
                         f"phần 1:{scale} phải từ 1 đến {top}")
    return scale, x_km, y_km, n, k - 1


def sheet_scale(number: str) -> int:
    """Scale denominator a sheet number is written for (``"310588-5"`` -> 2000)."""
    return _parse(number)[0]


def sheet_frame(number: str) -> tuple[float, float, float, float]:
    """Inner frame (minx, miny, maxx, maxy) in TM-3 metres of a sheet number.

    The inverse of :func:`sheet_number_at`. The thousands of km that XXX drops are restored
    from the grid (see the module docstring). A malformed number raises CadastreError.
    """
    scale, x_km, y_km, n, k = _parse(number)
    step = 6 if scale == 10000 else 3
    # The one top edge XXX + 1000 m (m = 0, 1, 2) that is on the grid.
    tops = [x_km + 1000 * m for m in range(_MAX_NORTHING // 1_000_000)
            if (x_km + 1000 * m) % step == 0]
    if not tops:
        raise _malformed(number, f"XXX = {x_km:03d} km is not on the {step} km sheet grid",
                         f"XXX = {x_km:03d} km không nằm trên lưới {step} km của tờ bản đồ")
    west, top = y_km * 1000, tops[0] * 1000
    if n is not None:  # step into the 1:2000 sheet
        west += (n - 1) % 3 * 1000
        top -= (n - 1) // 3 * 1000
    size = _SIZE_M[scale]
    if k is not None:  # and into the 1:1000 / 1:500 / 1:200 sheet
        per = _PER_SIDE_IN_2000[scale]
        west += k % per * size
        top -= k // per * size
    return (float(west), float(top - size), float(west + size), float(top))


def sheets_covering(bounds: Sequence[float], scale) -> list[str]:
    """Numbers of the sheets at ``scale`` whose frame overlaps ``bounds``.

    ``bounds`` is (minx, miny, maxx, maxy) in TM-3 metres. Sheets that only touch the box
    along an edge are left out; a degenerate box (a point or a line) gets the sheet(s) that
    :func:`sheet_number_at` gives for its points. Ordered north to south, then west to east.
    """
    scale = _check_scale(scale)
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    _check_point(minx, miny)
    _check_point(maxx, maxy)
    if minx > maxx or miny > maxy:
        raise CadastreError(
            "SHEET_BOUNDS_INVALID",
            f"Bounds {tuple(bounds)} have min greater than max; pass (minx, miny, maxx, maxy).",
            f"Phạm vi {tuple(bounds)} có giá trị nhỏ nhất lớn hơn giá trị lớn nhất; hãy truyền "
            "(minx, miny, maxx, maxy).",
        )
    size = _SIZE_M[scale]
    # Last cell: the one holding max, unless max lies exactly on its west/south edge.
    c0, r0, c1, r1 = _cell(minx, size), _cell(miny, size), _cell(maxx, size), _cell(maxy, size)
    c1 = max(c0, c1 - 1) if c1 * size == maxx else c1
    r1 = max(r0, r1 - 1) if r1 * size == maxy else r1
    return [_name_cell(c, r, scale) for r in range(r1, r0 - 1, -1) for c in range(c0, c1 + 1)]


def serial_numbers(numbers: Iterable[str]) -> list[int]:
    """Serial numbers 1..n of a commune's sheets, aligned with ``numbers``.

    Order: smaller scale first (1:10000 before 1:5000 ... before 1:200; Circular 25/2014 numbers
    the sheets of a commune mapped at several scales from the small scale to the large), then
    by the top-left corner north to south, west to east.
    """
    numbers = list(numbers)
    seen: set[str] = set()
    for number in numbers:
        if number in seen:
            raise CadastreError(
                "SHEET_NUMBER_DUPLICATE",
                f"Map sheet {number!r} is listed twice; each sheet of a commune gets one serial "
                "number. Remove the duplicate.",
                f"Tờ bản đồ {number!r} bị liệt kê hai lần; mỗi tờ trong xã chỉ có một số thứ tự. "
                "Hãy bỏ bản trùng.",
                str(number),
            )
        seen.add(number)
    if not numbers:
        return []
    keys = []
    for number in numbers:
        minx, _, _, maxy = sheet_frame(number)
        keys.append((-sheet_scale(number), -maxy, minx))
    order = sorted(range(len(numbers)), key=keys.__getitem__)
    serials = [0] * len(numbers)
    for serial, i in enumerate(order, start=1):
        serials[i] = serial
    return serials
